/**
 * One helper for every state that performs a catalogue step: the step id goes into `meta.step`
 * (static coverage) and an entry action `reportStep` reports it (the trace's order of steps).
 * Each machine defines `reportStep` in its `setup(...)`: root machines emit, children relay.
 */
import type { CmReqOffStepId } from './catalogue.ts';

/**
 * The `meta` and `entry` of a state that performs `step`, followed by further entry actions.
 *
 * @example states: { waiting: { ...performs('CM_REQ_OFF_VNB_04'), after: { … } } }
 */
export function performs<
  const Step extends CmReqOffStepId,
  const Actions extends readonly unknown[],
>(step: Step, ...actions: Actions) {
  return {
    meta: { step },
    entry: [{ type: 'reportStep', params: { step } } as const, ...actions],
  };
}
