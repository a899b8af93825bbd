import { type RunResult, runScenario } from '@consent-sim/sim';
import { tableOf } from '../process/plugin.ts';
import type { RandomRun } from './random-run.ts';

export interface ReplayVerdict {
  run: RandomRun;
  result: RunResult;
  /** True when every invariant held (expectation failures do not count: there are none). */
  holds: boolean;
}

/** The command that regenerates a random run, e.g. `pnpm sim replay --seed 7 --process dh-831`. */
export function replayCommand(
  run: Pick<RandomRun, 'seed' | 'process' | 'kept' | 'generated'>,
): string {
  const keep = run.kept.length === run.generated ? '' : ` --keep ${run.kept.join(',') || 'none'}`;
  return `pnpm sim replay --seed ${run.seed} --process ${run.process}${keep}`;
}

/**
 * Runs a random run through the engine and judges it by the invariants only.
 *
 * @example judgeRandomRun(randomRun(PROCESSES['cm-req-off'], 3)).holds // true for the reference
 */
export function judgeRandomRun(run: RandomRun): ReplayVerdict {
  const result = runScenario(run.scenario, { processes: tableOf(run.plugin) });
  return { run, result, holds: result.violations.length === 0 };
}
