// The mutants area: deliberately wrong role implementations and the runner that serves them.

export { CM_REQ_OFF_MUTANTS, dsoWithConsents } from './cm-req-off.ts';
export { CM_REQ_OFF_VARIANTS } from './cm-req-off-variants.ts';
export { DH_831_MUTANTS } from './dh-831.ts';
export { DH_831_VARIANTS } from './dh-831-variants.ts';
export * from './run.ts';
export type { Mutant, Variant } from './types.ts';
export * from './variants-run.ts';
