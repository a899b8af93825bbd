/**
 * Causal timing (issue 12, build 3): a stimulus that comes after a message of the SUT's role in
 * the reference run reacts to that message, so it is scheduled relative to it. Each stimulus is
 * anchored to the last message the SUT's role sent at an instant strictly before the stimulus's
 * (a message at the same instant is concurrent with it, e.g. what a timer sends at the deadline a
 * probe targets, not its cause), identified by route, code (or channel) and ordinal on that
 * route. When the SUT's message with that identity is sent Δ later (or earlier) than in the
 * reference, |Δ| up to the lateness tolerance (an hour), the stimulus fires Δ after its reference
 * instant. A stimulus before any message of the SUT, whose anchor has not come by its reference
 * instant, or whose anchor is more than an hour off, keeps its absolute instant; so does every
 * clock move of the harness. With Δ = 0 nothing is moved: a run of the reference is unchanged.
 *
 * So a probe "objection 5 d + 1 ms after the DSO's answer", with an SP whose request reached the
 * DSO a second late, still lands 1 ms after that DSO's deadline and is judged. Each move is
 * recorded in the trace as a note (`stimulus-moved`), which the judge lists (judge/moved.ts).
 */
import { isoInZone } from '@consent-sim/core';
import type { ScheduledStimulus, Simulation, TraceEvent } from '@consent-sim/sim';
import { LATER_TOLERANCE_MS } from './judge/findings.ts';
import { codeOf } from './judge/messages.ts';

/** The `detail` of the trace note that records a moved stimulus. */
export interface StimulusMoved {
  type: 'stimulus-moved';
  /** The stimulus's machine event (`stimulus.object`) and the party it is for. */
  stimulus: string;
  party: string;
  /** Its instant in the reference run, and where it fired. */
  reference: string;
  moved: string;
  /** Where the SUT's anchor message was sent: `ANFORDERUNG_CMQF sp→vnb #1`, at both instants. */
  anchor: string;
  anchorReference: string;
  anchorSent: string;
}

/** A message of the SUT's role, by route, code (or channel) and ordinal on that route. */
interface Anchor {
  id: string;
  atMs: number;
  label: string;
}

/** Names the SUT's sends of a trace, in order: `to|code#ordinal` per route. */
function namer(role: string): (e: TraceEvent) => Anchor {
  const counts = new Map<string, number>();
  return (e) => {
    const route = `${e.to ?? ''}|${codeOf(e)}`;
    const ordinal = (counts.get(route) ?? 0) + 1;
    counts.set(route, ordinal);
    const label = `${codeOf(e)} ${role}→${e.to ?? '?'} #${ordinal}`;
    return { id: `${route}#${ordinal}`, atMs: e.atMs, label };
  };
}

const sentBy = (role: string) => (e: TraceEvent) => e.kind === 'send' && e.party === role;

/**
 * The anchor of each stimulus (by its index in the scenario): the last message `role` sent at
 * an instant strictly before the stimulus's in the reference run.
 */
export function stimulusAnchors(
  reference: readonly TraceEvent[],
  role: string,
  stimuli: readonly ScheduledStimulus[],
): Map<number, Anchor> {
  const sends = reference.filter(sentBy(role)).map(namer(role));
  const anchors = new Map<number, Anchor>();
  for (const stimulus of stimuli) {
    const anchor = sends.filter((s) => s.atMs < stimulus.atMs).at(-1);
    if (anchor !== undefined) anchors.set(stimulus.index, anchor);
  }
  return anchors;
}

/**
 * Watches the run's trace for the SUT's sends and moves each stimulus still pending by the Δ
 * of its anchor.
 *
 * @example anchorStimuli(bridge.sim, bridge.stimuli, reference, 'sp', 'Europe/Vienna');
 */
export function anchorStimuli(
  sim: Simulation,
  stimuli: readonly ScheduledStimulus[],
  reference: readonly TraceEvent[],
  role: string,
  zone: string,
): void {
  const anchors = stimulusAnchors(reference, role, stimuli);
  if (anchors.size === 0) return;
  const name = namer(role);
  const isSend = sentBy(role);
  sim.trace.listen((event) => {
    if (!isSend(event)) return;
    const sent = name(event);
    for (const stimulus of stimuli) {
      const anchor = anchors.get(stimulus.index);
      if (anchor?.id === sent.id) move(sim, stimulus, anchor, sent.atMs, zone);
    }
  });
}

/** Moves one stimulus by its anchor's Δ, when that is within the tolerance and it is pending. */
function move(
  sim: Simulation,
  stimulus: ScheduledStimulus,
  anchor: Anchor,
  sentMs: number,
  zone: string,
): void {
  const delta = sentMs - anchor.atMs;
  if (delta === 0 || Math.abs(delta) > LATER_TOLERANCE_MS) return;
  // Already fired (its anchor came after its reference instant): it stays where it was.
  if (!sim.clock.cancel(stimulus.timer)) return;
  const at = Math.max(sim.clock.now(), stimulus.atMs + delta);
  sim.stimulus(at, stimulus.party, stimulus.event);
  const iso = (ms: number) => isoInZone(ms, zone);
  const detail: StimulusMoved = {
    type: 'stimulus-moved',
    stimulus: stimulus.event.type,
    party: stimulus.party,
    reference: iso(stimulus.atMs),
    moved: iso(at),
    anchor: anchor.label,
    anchorReference: iso(anchor.atMs),
    anchorSent: iso(sentMs),
  };
  sim.trace.record({ kind: 'note', atMs: sim.clock.now(), party: stimulus.party, detail });
}
