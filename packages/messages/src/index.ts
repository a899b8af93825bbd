// Public entry of @consent-sim/messages: each area re-exports its API by name.
export * from './datahub/index.ts';
export * from './eda/index.ts';
export * from './ids/index.ts';
