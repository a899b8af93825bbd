/**
 * One helper for every state that performs a catalogue step, in every process: the step id goes
 * into `meta.step` (static coverage) and the entry action `reportStep` reports it (the trace's
 * order of steps). Each machine defines `reportStep` in its `setup({ actions })`: a root machine
 * emits `{ type: 'step', step }`, a child hands the same event to its parent, which emits it.
 * The step ids are checked by each machine's `reportStep` parameter type and `types.meta`.
 */

/** The entry action a step state starts with; every machine implements `reportStep`. */
export interface ReportStep<Step extends string = string> {
  readonly type: 'reportStep';
  readonly params: { readonly step: Step };
}

/** `meta` of a state in a process machine. */
export interface StepStateMeta<Step extends string = string> {
  /** The catalogue step the state performs (set by {@link performs}). */
  readonly step?: Step;
  /** The interpretation key of a state that follows a reading rather than a step. */
  readonly interpretation?: string;
  /** Another process the state starts (e.g. `CM_REV_CUS`). */
  readonly process?: string;
}

/**
 * The `meta` and `entry` of a state that performs `step`, followed by further entry actions.
 *
 * @example
 * states: { sending: { ...performs('DH-831.SELLER.SEND', 'sendRequest'), always: 'idle' } }
 */
export function performs<const Step extends string, const Actions extends readonly unknown[] = []>(
  step: Step,
  ...actions: Actions
): { meta: { step: Step }; entry: [ReportStep<Step>, ...Actions] } {
  return { meta: { step }, entry: [{ type: 'reportStep', params: { step } }, ...actions] };
}
