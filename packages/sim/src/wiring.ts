import type { InboundCodec, MachineEvent, OutboundCodec } from './codec.ts';
import type { Invariant } from './invariant.ts';
import type { Rng } from './rng.ts';
import type { Scenario, ScenarioStimulus } from './scenario/types.ts';
import type { Simulation } from './simulation.ts';

/**
 * What a process (CM_REQ_OFF, DH-831) plugs into the generic scenario runner: its codecs (the
 * wire formats), its parties, its invariants, and how to read the outcome off a finished run.
 */
export interface ProcessWiring {
  outboundCodec: OutboundCodec;
  inboundCodec: InboundCodec;
  /** Adds the parties (ids as in `PROCESS_ROLES`) and anything else the run needs. */
  setup(sim: Simulation): void;
  /** Process invariants, checked after every run in addition to the engine's. */
  invariants: readonly Invariant[];
  /** The machine event for a scenario stimulus (default: `stimulus.<event>` with `with` spread). */
  stimulusEvent?(stimulus: ScenarioStimulus): MachineEvent;
  /** The outcome label compared with `expect.outcome`. */
  outcome(sim: Simulation): string;
  /** A label per party for `expect.states`. */
  finalStates(sim: Simulation): Record<string, string>;
}

/** Builds the wiring of one run; `rng` is a stream of the run's one seeded RNG. */
export type WiringFactory = (scenario: Scenario, rng: Rng) => ProcessWiring;
