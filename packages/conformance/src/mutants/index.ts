// The mutants area: deliberately wrong role implementations and the runner that serves them.

export { CM_REQ_OFF_MUTANTS, dsoWithConsents } from './cm-req-off.ts';
export { DH_831_MUTANTS } from './dh-831.ts';
export * from './run.ts';
export type { Mutant } from './types.ts';
