// Public API of the seeded-random-run area; the package entry re-exports these by name.
export {
  checkRandomRuns,
  invariantJudge,
  type RandomRunsOptions,
  type RunJudge,
} from './property.ts';
export { FAULT_KINDS, KeepError, type RandomRun, randomRun } from './random-run.ts';
export { judgeRandomRun, type ReplayVerdict, replayCommand } from './verdict.ts';
