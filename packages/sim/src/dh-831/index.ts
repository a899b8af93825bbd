// DH-831 wiring for the scenario runner. Importing this module registers it for `dh-831`.
import { registerProcess } from '../runner.ts';
import { createDh831Wiring } from './wiring.ts';

registerProcess('dh-831', createDh831Wiring());

export { DH831_INVARIANT_NAMES } from './invariants.ts';
export {
  createDh831Wiring,
  type Dh831Machines,
  type Dh831WiringOptions,
} from './wiring.ts';
