/**
 * Runs one path with the SUT in place of one role: the engine plays every other party; what
 * reaches the SUT's party is delivered over the protocol, the SUT's outbox enters the engine's
 * network as the SUT's sends, and the virtual clock drives the SUT's test clock to every instant
 * before the engine (or the SUT's own next timer) acts. The run is then judged against the
 * path's expectations and the reference run of the same path (judge/judge.ts).
 */
import { runScenario, type TraceEvent } from '@consent-sim/sim';
import { type PluginTable, type ProcessPlugin, tableOf } from '../process/plugin.ts';
import { SutClient } from './client.ts';
import { driveSut, type Observed, type RunCaps, type SutPath } from './drive.ts';
import { inMemoryTransport } from './in-memory.ts';
import { LATER_THAN_REFERENCE, LATER_TOLERANCE_MS, offset } from './judge/findings.ts';
import { judge } from './judge/judge.ts';
import { pairByKey } from './judge/pairing.ts';
import { delaying } from './later.ts';
import type { OutboxItem } from './protocol.ts';
import type { Check } from './verdicts.ts';

export interface RunAgainstSutOptions {
  /** The processes a path may be of (the registry, or a table a test builds). */
  processes: PluginTable;
  client: SutClient;
  role: string;
  path: SutPath;
  /** Fail the path after this many protocol exchanges (a SUT whose timers never settle). */
  maxExchanges?: number;
  /** Per-path caps on messages and virtual time (drive.ts `runCaps`). */
  caps?: RunCaps;
}

/**
 * @example
 * const checks = await runAgainstSut({ processes: PROCESSES, client, role: 'vnb', path: { id: 'happy', scenario } });
 * checks.every((c) => c.verdict !== 'FAIL');
 */
export async function runAgainstSut(options: RunAgainstSutOptions): Promise<Check[]> {
  const { role, path } = options;
  const plugin = options.processes[path.scenario.process];
  if (plugin === undefined) {
    throw new Error(
      `consent-sim: path ${path.id} is of process "${path.scenario.process}", which the table does not hold`,
    );
  }
  const reference = runScenario(path.scenario, { processes: tableOf(plugin) });
  const observed = await driveSut({ ...options, plugin }, reference.events);
  const judgeOf: JudgeOf =
    (run) =>
    (expected, exact = false) =>
      judge({
        ...run,
        pathId: path.id,
        role,
        scenario: path.scenario,
        policy: plugin.policy,
        zone: plugin.zone,
        covers: path.covers ?? [],
        reference: expected,
        exact,
      });
  const judgeAgainst = judgeOf(observed);
  const checks = judgeAgainst(reference.events);
  if (!checks.some((c) => c.verdict === 'FAIL' || isTiming(c))) return checks;
  // Another reasonable reading of an open question (docs/interpretations) is a WARNING, not a
  // FAIL: when the run matches the run of a reference role built on that other reading exactly
  // (same messages, same instants, no tolerance), every difference from our reading is reported
  // as a WARNING naming that reading. A run that is only near a reading's (a DST correction with
  // the wrong sign, a 31-day window) is not that reading.
  for (const reading of plugin.readings.filter((r) => r.role === role)) {
    const client = new SutClient(
      inMemoryTransport(tableOf(plugin), role, { [role]: reading.machine() }),
    );
    const alternative = await driveSut({ ...options, plugin, client }, reference.events);
    if (alternative.errors.length > 0) continue;
    if (judgeAgainst(alternative.trace, true).some((c) => c.verdict === 'FAIL')) continue;
    return checks.map((check) =>
      check.verdict === 'PASS' || !differsFromReference(check)
        ? check
        : {
            ...check,
            verdict: 'WARNING',
            title: `${check.title} — matches the other reading of ${reading.key}: ${reading.reading}`,
            interpretations: [reading.key],
          },
    );
  }
  return lateButRight({ options, plugin, observed, reference: reference.events, judgeOf }, checks);
}

/** Judges a run against an expected trace (the reference's, or another run's). */
type JudgeOf = (run: Observed) => (expected: readonly TraceEvent[], exact?: boolean) => Check[];

/** What the causal-timing fallbacks need of the path's first run. */
interface FirstRun {
  options: RunAgainstSutOptions;
  plugin: ProcessPlugin;
  observed: Observed;
  reference: readonly TraceEvent[];
  judgeOf: JudgeOf;
}

/**
 * Causal timing (issue 12, build 3): a system that answers later than the reference may move an
 * event across the deadline the path probes (an SP 1 s late with a request the path places at
 * the last millisecond of the 30 days), and the harness's parties then rightly do what the
 * documents say for the later instant. When the reference role, made to answer exactly that much
 * later (later.ts), runs the path as the SUT's run did — no FAIL against that run — the FAILs
 * against the on-time reference are the lateness's, not a fault. The path is then run once more
 * with the stimuli that follow the SUT's messages moved with them (anchors.ts), so a probe placed
 * after the SUT's message stays a probe: judged by that run (`judgedAnchored`), and INCONCLUSIVE,
 * each FAIL saying why, only where that run too is explained by the lateness alone. A system
 * late and wrong still differs from the late reference: FAIL.
 */
async function lateButRight(first: FirstRun, checks: Check[]): Promise<Check[]> {
  const { options, plugin, observed, reference } = first;
  if (!checks.some((c) => c.verdict === 'FAIL') || observed.errors.length > 0) return checks;
  const delayMs = latenessOf(options.role, reference, observed.trace);
  if (delayMs === 0) return checks;
  const delays = delaysOf(options.role, reference, observed.trace, delayMs);
  const lateReference = (anchored: boolean) =>
    driveSut(
      {
        ...options,
        plugin,
        anchored,
        client: new SutClient(
          delaying(inMemoryTransport(tableOf(plugin), options.role), delays.next(), plugin.zone),
        ),
      },
      reference,
    );
  const late = await lateReference(false);
  if (late.errors.length > 0) return checks;
  if (
    first
      .judgeOf(observed)(late.trace)
      .some((c) => c.verdict === 'FAIL')
  )
    return checks;
  const anchored = await judgedAnchored(first, lateReference);
  if (anchored !== null) return anchored;
  const by = delays.uniform
    ? offset(0, delayMs).replace(/ later$/, '')
    : `up to ${offset(0, delays.maxMs).replace(/ later$/, '')}`;
  return checks.map((check) =>
    check.verdict !== 'FAIL'
      ? check
      : {
          ...check,
          verdict: 'INCONCLUSIVE',
          title: `${check.title} — INCONCLUSIVE: your ${options.role} answered ${by} later than the reference, which moved an event of this path across the deadline it probes; the reference answering ${by} later runs the path as yours did`,
        },
  );
}

/**
 * The path run again against the SUT with every stimulus that follows a message of the SUT
 * anchored to it: its checks when that run is judged — no FAIL (the probes, moved with the SUT's
 * messages, found it right), or a FAIL the late reference, anchored alike, does not explain (late
 * and wrong) — else null (the lateness still explains every difference: INCONCLUSIVE).
 */
async function judgedAnchored(
  first: FirstRun,
  lateReference: (anchored: boolean) => Promise<Observed>,
): Promise<Check[] | null> {
  const { options, plugin, reference, judgeOf } = first;
  const run = await driveSut({ ...options, plugin, anchored: true }, reference);
  if (run.errors.length > 0) return null;
  const checks = judgeOf(run)(reference);
  if (!checks.some((c) => c.verdict === 'FAIL')) return checks;
  const late = await lateReference(true);
  if (late.errors.length > 0) return null;
  return judgeOf(run)(late.trace).some((c) => c.verdict === 'FAIL') ? checks : null;
}

/** What `role` sent in a run (its deliveries), in time order. */
const sentBy = (role: string, trace: readonly TraceEvent[]) =>
  trace.filter((e) => e.kind === 'deliver' && e.from === role).sort((x, y) => x.atMs - y.atMs);

/**
 * How much later the SUT's first late message left than the reference's on the same route
 * (0 when none is late, or later than the tolerance for a timing WARNING).
 */
function latenessOf(
  role: string,
  reference: readonly TraceEvent[],
  trace: readonly TraceEvent[],
): number {
  const key = (e: TraceEvent) => `${e.to ?? ''}|${e.messageCode ?? e.channel ?? ''}`;
  for (const { w, g } of pairByKey(sentBy(role, reference), sentBy(role, trace), key)) {
    if (w === undefined || g === undefined || g.atMs <= w.atMs) continue;
    const delayMs = g.atMs - w.atMs;
    return delayMs <= LATER_TOLERANCE_MS ? delayMs : 0;
  }
  return 0;
}

/**
 * The SUT's lateness message by message, for the late reference to answer as late as the SUT
 * did: the n-th message of a kind (message code, or channel) the late reference sends is held
 * as long as the SUT's n-th message of that kind was late against the reference's (clamped to
 * 0 … the lateness tolerance); a message the SUT's run has no counterpart for keeps the last
 * delay used, starting from the first late message's. A system whose latency varies (1 s here,
 * 40 s there) is then compared with a reference that varies alike, not with one held by its
 * first delay throughout.
 */
function delaysOf(
  role: string,
  reference: readonly TraceEvent[],
  trace: readonly TraceEvent[],
  firstMs: number,
): { next: () => (item: OutboxItem) => number; uniform: boolean; maxMs: number } {
  const kind = (e: { messageCode?: string | null; channel?: string | null }) =>
    e.messageCode ?? e.channel ?? '';
  const sent = (t: readonly TraceEvent[]) => {
    const byKind = new Map<string, TraceEvent[]>();
    for (const e of sentBy(role, t)) byKind.set(kind(e), [...(byKind.get(kind(e)) ?? []), e]);
    return byKind;
  };
  const theirs = sent(trace);
  const perKind = new Map<string, number[]>();
  for (const [k, ours] of sent(reference)) {
    const got = theirs.get(k) ?? [];
    perKind.set(
      k,
      ours.flatMap((w, i) => {
        const g = got[i];
        return g === undefined ? [] : [Math.min(Math.max(g.atMs - w.atMs, 0), LATER_TOLERANCE_MS)];
      }),
    );
  }
  const all = [firstMs, ...[...perKind.values()].flat()];
  return {
    uniform: all.every((d) => d === firstMs),
    maxMs: Math.max(...all),
    next: () => {
      const seen = new Map<string, number>();
      let last = firstMs;
      return (item) => {
        const k = kind(item);
        const n = seen.get(k) ?? 0;
        seen.set(k, n + 1);
        last = perKind.get(k)?.[n] ?? last;
        return last;
      };
    },
  };
}

/** A WARNING of the kind "later than the reference" (findings.ts): timing, no key. */
const isTiming = (check: Check) =>
  check.verdict === 'WARNING' && check.title.includes(LATER_THAN_REFERENCE);

/**
 * A check that differs from the reference because of what the reading changes (messages,
 * steps, timing); a WARNING about a point of its own (another open code, an offset) keeps its key.
 */
const differsFromReference = (check: Check) => check.verdict === 'FAIL' || isTiming(check);

export type { SutPath, TraceEvent };
