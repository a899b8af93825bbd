// One helper for "a state that realises a catalogue step": the step id sits in the state's
// `meta.step` (static coverage) and the state's entry announces it (trace order), through the
// machine's own `announceStep` action so a child machine can forward it to its parent.
import type { Dh831StepKey } from './steps.ts';

/** The entry action every DH-831 machine defines in `setup({ actions })`. */
export interface AnnounceStep<S extends Dh831StepKey = Dh831StepKey> {
  readonly type: 'announceStep';
  readonly params: { readonly step: S };
}

/** State meta of the DH-831 machines. */
export interface Dh831StateMeta {
  readonly step: Dh831StepKey;
}

/**
 * State config fragment for a state that performs `step`; spread it into the state and add
 * further entry actions after the announcement with `then`.
 *
 * @example
 * sending: { ...realises('DH-831.SELLER.SEND', 'sendRequest'), always: 'idle' }
 */
export function realises<const S extends Dh831StepKey, const A extends unknown[] = []>(
  step: S,
  ...then: A
): { meta: { step: S }; entry: [AnnounceStep<S>, ...A] } {
  return { meta: { step }, entry: [{ type: 'announceStep', params: { step } }, ...then] };
}
