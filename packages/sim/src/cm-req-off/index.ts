// CM_REQ_OFF for the engine: its definition (roles, channels, wiring) and what tests reach for.
export { CM_REQ_OFF_INVARIANT_NAMES } from './invariants.ts';
export { cmReqOffProcess } from './process.ts';
export type { WireMode as CmReqOffWireMode } from './qr.ts';
export { type CmReqOffWiringOptions, createCmReqOffWiring } from './wiring.ts';
