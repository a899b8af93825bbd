// The SUT area: protocol types, client over an injected transport, remote party, served role, verdicts.
export * from './client.ts';
export type { RunCaps } from './drive.ts';
export * from './handler.ts';
export * from './limits.ts';
export * from './protocol.ts';
export * from './remote-party.ts';
export * from './served-role.ts';
export * from './verdicts.ts';
