// DH-831 for the engine: its definition (roles, channels, wiring) and what tests reach for.
export { DH831_INVARIANT_NAMES } from './invariants.ts';
export { dh831Process } from './process.ts';
export { createDh831Wiring } from './wiring.ts';
