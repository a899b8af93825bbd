// Public entry of @consent-sim/core.
export * from './cm-req-off/index.ts';
export * from './dh-831/index.ts';
export * from './time.ts';
