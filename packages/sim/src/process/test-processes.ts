// The engine's part of both shipped processes, for this package's own tests: the registry that
// lists the shipped processes is the conformance layer's (`PROCESSES`), above this package.
import { cmReqOffProcess } from '../cm-req-off/process.ts';
import { dh831Process } from '../dh-831/process.ts';
import type { ProcessTable } from './definition.ts';

export const TEST_PROCESSES: ProcessTable = {
  'cm-req-off': cmReqOffProcess,
  'dh-831': dh831Process,
};

/** The latencies the engine's own tests use: the channels of both shipped processes. */
export const TEST_LATENCIES = {
  eda: 3_000,
  datahub: 3_000,
  email: 300_000,
  post: 172_800_000,
  phone: 0,
  handover: 0,
  'authorization-service': 0,
} as const;
