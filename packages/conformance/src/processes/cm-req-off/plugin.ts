/**
 * CM_REQ_OFF as one unit: the engine's definition with its judging policy, test model, coverage,
 * mutants, readings and the menu of random runs.
 */
import { cmReqOffProcess } from '@consent-sim/sim';
import { CM_REQ_OFF_COVERAGE } from '../../coverage/cm-req-off.ts';
import { cmReqOffModel } from '../../model/cm-req-off/index.ts';
import { CM_REQ_OFF_MUTANTS } from '../../mutants/cm-req-off.ts';
import { CM_REQ_OFF_VARIANTS } from '../../mutants/cm-req-off-variants.ts';
import { CM_REQ_OFF_NEGATIVE_MUTANTS } from '../../mutants/negative.ts';
import type { ProcessPlugin } from '../../process/plugin.ts';
import { CM_REQ_OFF_NEGATIVE } from './negative.ts';
import { cmReqOffPolicy } from './policy.ts';
import { cmReqOffRandomMenu } from './random.ts';
import { CM_REQ_OFF_READINGS } from './readings.ts';

export const cmReqOffPlugin = {
  ...cmReqOffProcess,
  policy: cmReqOffPolicy,
  model: cmReqOffModel,
  coverage: {
    categories: ['steps', 'gateways', 'messageCodes', 'responseCodes', 'deadlines'],
    model: CM_REQ_OFF_COVERAGE,
  },
  mutants: [...CM_REQ_OFF_MUTANTS, ...CM_REQ_OFF_NEGATIVE_MUTANTS],
  variants: CM_REQ_OFF_VARIANTS,
  readings: CM_REQ_OFF_READINGS,
  negative: CM_REQ_OFF_NEGATIVE,
  random: cmReqOffRandomMenu,
} as const satisfies ProcessPlugin<'cm-req-off'>;
