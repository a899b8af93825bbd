/**
 * DH-831 as one unit: the engine's definition with its judging policy, test model, coverage,
 * mutants, readings and the menu of random runs.
 */
import { dh831Process } from '@consent-sim/sim';
import { DH831_COVERAGE } from '../../coverage/dh-831.ts';
import { dh831Model } from '../../model/dh-831/index.ts';
import { DH_831_MUTANTS } from '../../mutants/dh-831.ts';
import { DH_831_VARIANTS } from '../../mutants/dh-831-variants.ts';
import { DH_831_NEGATIVE_MUTANTS } from '../../mutants/negative.ts';
import type { ProcessPlugin } from '../../process/plugin.ts';
import { DH831_NEGATIVE } from './negative.ts';
import { dh831Policy } from './policy.ts';
import { dh831RandomMenu } from './random.ts';
import { DH_831_READINGS } from './readings.ts';

export const dh831Plugin = {
  ...dh831Process,
  policy: dh831Policy,
  model: dh831Model,
  coverage: {
    categories: ['steps', 'gateways', 'messageCodes', 'errorIds', 'deadlines'],
    model: DH831_COVERAGE,
  },
  mutants: [...DH_831_MUTANTS, ...DH_831_NEGATIVE_MUTANTS],
  variants: DH_831_VARIANTS,
  readings: DH_831_READINGS,
  negative: DH831_NEGATIVE,
  random: dh831RandomMenu,
} as const satisfies ProcessPlugin<'dh-831'>;
