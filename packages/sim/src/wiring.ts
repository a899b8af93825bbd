import type { AnyStateMachine } from 'xstate';
import type { InboundCodec, MachineEvent, OutboundCodec } from './codec.ts';
import type { Invariant } from './invariant.ts';
import type { Rng } from './rng.ts';
import type { Scenario, ScenarioStimulus } from './scenario/types.ts';
import type { Simulation } from './simulation.ts';

/**
 * What a process (CM_REQ_OFF, DH-831) plugs into the generic run assembly: its codecs (the
 * wire formats), its parties, its invariants, and how to read the outcome off a finished run.
 */
export interface ProcessWiring {
  outboundCodec: OutboundCodec;
  inboundCodec: InboundCodec;
  /** Adds the parties (ids as the definition's `roles`) and anything else the run needs. */
  setup(sim: Simulation): void;
  /** Process invariants, checked after every run in addition to the engine's. */
  invariants: readonly Invariant[];
  /** The machine event for a scenario stimulus (default: `stimulus.<event>` with `with` spread). */
  stimulusEvent?(stimulus: ScenarioStimulus): MachineEvent;
  /** The outcome label compared with `expect.outcome`. */
  outcome(sim: Simulation): string;
  /** A label per party for `expect.states`. */
  finalStates(sim: Simulation): Record<string, string>;
  /**
   * Makes the party `from` (played over the SUT protocol) announce what it sent, where the
   * reference machine would have announced it to the engine (e.g. the ConsentIds a DSO's QR
   * letter names, VNB_02). Absent when a process has nothing to announce.
   */
  announce?(from: string, content: Readonly<Record<string, unknown>> | null): MachineEvent[];
}

/** Options every wiring factory takes (one shape for every process). */
export interface WiringOptions {
  /**
   * Machines to play instead of the reference ones, by role: a deliberately wrong one in tests,
   * or the SUT bridge's proxy for a role played over the protocol.
   */
  machines?: Readonly<Record<string, AnyStateMachine>>;
}

/** Builds the wiring of one run; `rng` is a stream of the run's one seeded RNG. */
export type WiringFactory = (
  scenario: Scenario,
  rng: Rng,
  options?: WiringOptions,
) => ProcessWiring;
