import type { InvariantViolation, RunResult } from '../report/run-result.ts';
import { checkExpectations, expectationsAtSeed } from '../scenario/expectations.ts';
import type { Scenario } from '../scenario/types.ts';
import type { TraceMode } from '../trace.ts';
import type { WiringOptions } from '../wiring.ts';
import { assembleRun } from './assemble.ts';
import { type ProcessTable, processIn } from './definition.ts';
import { DEFAULT_SCENARIO_LIMITS, limitOptions, type ScenarioLimits } from './limits.ts';

export interface RunScenarioOptions extends WiringOptions {
  /** The processes the scenario may name (the registry, or a table a test builds). */
  processes: ProcessTable;
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Summary mode keeps counts only (load runs); expectations on steps/messages then fail. */
  traceMode?: TraceMode;
  /** Bounds on virtual time and engine events (default {@link DEFAULT_SCENARIO_LIMITS}). */
  limits?: Partial<ScenarioLimits>;
}

/**
 * Runs a scenario through the engine and checks its expectations and the invariants (at another
 * seed than the file's, a scenario with seeded faults skips its exact `steps` and `messages`:
 * see `expectationsAtSeed`). Deterministic: the same scenario and seed give a byte-identical
 * `renderJson` of the result.
 *
 * @example
 * const result = runScenario(loadScenario(yamlText, 'happy-path.yaml', PROCESSES), { processes: PROCESSES });
 * result.passed; // true when expectations and invariants hold
 */
export function runScenario(scenario: Scenario, options: RunScenarioOptions): RunResult {
  const { sim, wiring, seed } = assembleRun({
    definition: processIn(options.processes, scenario.process),
    scenario,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.traceMode === undefined ? {} : { traceMode: options.traceMode }),
    ...(options.machines === undefined ? {} : { machines: options.machines }),
  });
  const run = sim.run(
    limitOptions(scenario.startMs, { ...DEFAULT_SCENARIO_LIMITS, ...options.limits }),
  );
  const outcome = run.error === null ? wiring.outcome(sim) : 'error';
  const states = wiring.finalStates(sim);
  const { expect, unchecked } = expectationsAtSeed(scenario, seed);
  const failures = checkExpectations(expect, run.trace, { outcome, states });
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
    ...(unchecked.length === 0 ? {} : { unchecked }),
    violations,
    durationVirtualMs: run.endedAt - first,
    startMs: scenario.startMs,
  };
}
