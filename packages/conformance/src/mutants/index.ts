// The mutants area: deliberately wrong role implementations and the runner that serves them.
import { CM_REQ_OFF_MUTANTS } from './cm-req-off.ts';
import { DH_831_MUTANTS } from './dh-831.ts';
import type { Mutant } from './types.ts';

export { CM_REQ_OFF_MUTANTS, dsoWithConsents } from './cm-req-off.ts';
export { DH_831_MUTANTS } from './dh-831.ts';
export * from './run.ts';
export type { Mutant } from './types.ts';

/** Every mutant, CM_REQ_OFF first. */
export const MUTANTS: readonly Mutant[] = [...CM_REQ_OFF_MUTANTS, ...DH_831_MUTANTS];
