/** The rule ids a Datahub answers structural faults under (README of the Datahub format, DH-ERROR-IDS). */
import { DATAHUB_NAMESPACE } from '@consent-sim/messages';
import type { StructureRules } from '../../negative/structure.ts';

export const DH831_STRUCTURE: StructureRules = {
  missing: 'EC.AUTH.020',
  repeated: 'EC.MSG.004',
  order: 'EC.MSG.004',
  unknown: 'EC.MSG.004',
  namespace: 'EC.MSG.004',
  step: 'DH-831.DH.VALIDATE',
  interpretations: ['DH-ERROR-IDS'],
  prefixes: [[DATAHUB_NAMESPACE, 'dh']],
  foreignNamespace: 'urn:consent-sim:negative:foreign',
};
