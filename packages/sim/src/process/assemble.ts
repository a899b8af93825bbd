/**
 * The one way a run is put together, for every caller: the scenario runner, the SUT bridge of
 * `sim conform`, the served role of `sim serve`, and the msw handlers. A definition's wiring
 * builds the parties and codecs; the engine gets the definition's channels, the scenario's
 * latencies and faults; the caller says only what differs (machines swapped for wrong ones or
 * for protocol proxies, codecs wrapped by a bridge, instant transit, no stimuli).
 */
import type { TimerId } from '../clock.ts';
import type { InboundCodec, MachineEvent, OutboundCodec } from '../codec.ts';
import { createRng } from '../rng.ts';
import { channelLatencies, faultRules } from '../scenario/engine-options.ts';
import type { Scenario, ScenarioStimulus } from '../scenario/types.ts';
import { Simulation } from '../simulation.ts';
import type { TraceMode } from '../trace.ts';
import type { ProcessWiring, WiringOptions } from '../wiring.ts';
import type { ProcessDefinition } from './definition.ts';

export interface AssembleOptions extends WiringOptions {
  definition: ProcessDefinition;
  scenario: Scenario;
  /** Overrides the scenario's seed. */
  seed?: number;
  traceMode?: TraceMode;
  /** `scenario` (default): the definition's latencies under the scenario's; `instant`: 0 ms. */
  transit?: 'scenario' | 'instant';
  /** Schedule the scenario's stimuli (default true). */
  stimuli?: boolean;
  /** Check the wiring's process invariants after the run (default true). */
  invariants?: boolean;
  /** Wraps the wiring's codecs, e.g. to let a bridge see what reaches a proxied party. */
  codecs?(wiring: ProcessWiring): { outbound: OutboundCodec; inbound: InboundCodec };
}

/** A scenario stimulus as the run scheduled it: its clock task, to be moved by a caller. */
export interface ScheduledStimulus {
  /** Its index in `scenario.stimuli`. */
  index: number;
  atMs: number;
  party: string;
  event: MachineEvent;
  timer: TimerId;
}

export interface AssembledRun {
  sim: Simulation;
  wiring: ProcessWiring;
  seed: number;
  /** The scenario's stimuli as scheduled (none with `stimuli: false`). */
  stimuli: readonly ScheduledStimulus[];
}

const defaultStimulus = (stimulus: ScenarioStimulus): MachineEvent => ({
  ...(stimulus.with ?? {}),
  type: `stimulus.${stimulus.event}`,
});

/**
 * @example
 * const { sim, wiring } = assembleRun({ definition, scenario });
 * const run = sim.run();
 */
export function assembleRun(options: AssembleOptions): AssembledRun {
  const { definition, scenario } = options;
  const seed = options.seed ?? scenario.seed;
  const wiring = definition.wiring(
    scenario,
    createRng(seed).fork('wiring'),
    options.machines ? { machines: options.machines } : {},
  );
  const codecs = options.codecs?.(wiring) ?? {
    outbound: wiring.outboundCodec,
    inbound: wiring.inboundCodec,
  };
  const instant = options.transit === 'instant';
  const latencies = Object.fromEntries(
    Object.entries(definition.channels).map(([name, spec]) => [name, instant ? 0 : spec.latency]),
  );
  const sim = new Simulation({
    seed,
    start: scenario.startMs,
    zone: scenario.zone,
    traceMode: options.traceMode ?? 'full',
    latencies: instant ? latencies : { ...latencies, ...channelLatencies(scenario.channels) },
    faults: instant ? [] : faultRules(scenario.faults),
    outboundCodec: codecs.outbound,
    inboundCodec: codecs.inbound,
  });
  wiring.setup(sim);
  if (options.invariants !== false) {
    for (const invariant of wiring.invariants) sim.addInvariant(invariant);
  }
  const stimuli: ScheduledStimulus[] = [];
  if (options.stimuli !== false) {
    const toEvent = wiring.stimulusEvent ?? defaultStimulus;
    scenario.stimuli.forEach((stimulus, index) => {
      const atMs = scenario.stimuliAtMs[index] ?? scenario.startMs;
      const event = toEvent(stimulus);
      const timer = sim.stimulus(atMs, stimulus.party, event);
      stimuli.push({ index, atMs, party: stimulus.party, event, timer });
    });
  }
  return { sim, wiring, seed, stimuli };
}
