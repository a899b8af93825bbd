// The SUT area: protocol types, HTTP client adapter, remote party, verdicts.
export * from './protocol.ts';
