// CM_REQ_OFF wiring for the scenario runner. Importing this module registers it for `cm-req-off`.
import { registerProcess } from '../runner.ts';
import { createCmReqOffWiring } from './wiring.ts';

registerProcess('cm-req-off', (scenario, rng) => createCmReqOffWiring(scenario, rng));

export { CM_REQ_OFF_INVARIANT_NAMES } from './invariants.ts';
export type { WireMode as CmReqOffWireMode } from './qr.ts';
export {
  type CmReqOffMachines,
  type CmReqOffWiringOptions,
  createCmReqOffWiring,
} from './wiring.ts';
