import type { MachineEvent } from './codec.ts';
import type { InvariantViolation, RunResult } from './report/run-result.ts';
import { createRng } from './rng.ts';
import { channelLatencies, faultRules } from './scenario/engine-options.ts';
import { checkExpectations } from './scenario/expectations.ts';
import type { ProcessName, Scenario, ScenarioStimulus } from './scenario/types.ts';
import { Simulation } from './simulation.ts';
import type { WiringFactory } from './wiring.ts';

const wirings = new Map<ProcessName, WiringFactory>();

/** Registers how a process is run (its codecs, parties, invariants, outcome). */
export function registerProcess(process: ProcessName, factory: WiringFactory): void {
  wirings.set(process, factory);
}

export interface RunScenarioOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Summary mode keeps counts only (load runs); expectations on steps/messages then fail. */
  traceMode?: 'full' | 'summary';
}

const defaultStimulus = (stimulus: ScenarioStimulus): MachineEvent => ({
  ...(stimulus.with ?? {}),
  type: `stimulus.${stimulus.event}`,
});

/**
 * Runs a scenario through the engine and checks its expectations and the invariants.
 * Deterministic: the same scenario and seed give a byte-identical `renderJson` of the result.
 *
 * @example
 * const result = runScenario(loadScenario(yamlText, 'happy-path.yaml'));
 * result.passed; // true when expectations and invariants hold
 */
export function runScenario(scenario: Scenario, options: RunScenarioOptions = {}): RunResult {
  const factory = wirings.get(scenario.process);
  if (factory === undefined) {
    throw new Error(`consent-sim: no wiring registered for process "${scenario.process}"`);
  }
  const seed = options.seed ?? scenario.seed;
  const wiring = factory(scenario, createRng(seed).fork('wiring'));
  const sim = new Simulation({
    seed,
    start: scenario.startMs,
    zone: scenario.zone,
    traceMode: options.traceMode ?? 'full',
    latencies: channelLatencies(scenario.channels),
    faults: faultRules(scenario.faults),
    outboundCodec: wiring.outboundCodec,
    inboundCodec: wiring.inboundCodec,
  });
  wiring.setup(sim);
  for (const invariant of wiring.invariants) sim.addInvariant(invariant);
  const toEvent = wiring.stimulusEvent ?? defaultStimulus;
  scenario.stimuli.forEach((stimulus, index) => {
    sim.stimulus(
      scenario.stimuliAtMs[index] ?? scenario.startMs,
      stimulus.party,
      toEvent(stimulus),
    );
  });
  const run = sim.run();
  const outcome = run.error === null ? wiring.outcome(sim) : 'error';
  const states = wiring.finalStates(sim);
  const failures = checkExpectations(scenario.expect, run.trace, { outcome, states });
  const violations: InvariantViolation[] = run.violations.map((v) => ({
    invariant: v.invariant,
    message: v.message,
  }));
  if (run.error !== null) {
    violations.push({ invariant: 'run-completes', message: run.error.message });
  }
  const first = run.trace[0]?.atMs ?? scenario.startMs;
  return {
    scenario: scenario.fullName,
    process: scenario.process,
    seed,
    passed: failures.length === 0 && violations.length === 0,
    outcome,
    summary: scenario.summary,
    events: run.trace,
    failures,
    violations,
    durationVirtualMs: run.endedAt - first,
  };
}
