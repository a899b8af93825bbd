// DH-831's names for the shared step-state helper (../process/step-state.ts). `realises` and
// `AnnounceStep` are the names DH-831 used before both processes shared one helper; they stay
// exported so no importer breaks.
import { performs, type ReportStep, type StepStateMeta } from '../process/step-state.ts';
import type { Dh831StepKey } from './steps.ts';

/** State meta of the DH-831 machines. */
export type Dh831StateMeta = StepStateMeta<Dh831StepKey>;

/** @deprecated The entry action is now `reportStep` in every process; use {@link ReportStep}. */
export type AnnounceStep<S extends Dh831StepKey = Dh831StepKey> = ReportStep<S>;

/** @deprecated Use `performs` (one helper for every process); this is the same function. */
export const realises: <const S extends Dh831StepKey, const A extends readonly unknown[] = []>(
  step: S,
  ...then: A
) => ReturnType<typeof performs<S, A>> = performs;
