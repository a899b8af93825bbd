/**
 * CM_REQ_OFF as the engine sees it: roles, channels, zone, wiring, invariants and the schema of
 * a scenario's `parameters` (parameters.ts checks the values the schema cannot).
 */
import { VIENNA } from '@consent-sim/core';
import type { ProcessDefinition } from '../process/definition.ts';
import { CM_REQ_OFF_INVARIANT_NAMES } from './invariants.ts';
import { createCmReqOffWiring } from './wiring.ts';

const MINUTE = 60_000;
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

export const cmReqOffProcess = {
  name: 'cm-req-off',
  title: 'CM_REQ_OFF',
  zone: VIENNA,
  roles: ['vnb', 'sp', 'customer'],
  channels: {
    eda: { latency: 3_000, carries: 'xml' },
    email: { latency: 5 * MINUTE, carries: 'content' },
    // An elapsed duration (two days of travel), not a calendar deadline.
    post: { latency: 48 * 60 * MINUTE, carries: 'content' },
    phone: { latency: 0, carries: 'content' },
    handover: { latency: 0, carries: 'content' },
  },
  wiring: (scenario, rng, options) => createCmReqOffWiring(scenario, rng, options),
  invariantNames: CM_REQ_OFF_INVARIANT_NAMES,
  parameters: {
    title: 'CM_REQ_OFF parameters',
    description: 'Metering points, the CMRequest body the customer applies for, and failures.',
    type: 'object',
    additionalProperties: false,
    properties: {
      meteringPoints: {
        description: 'How many generated metering points of the DSO (1–200), or the ids.',
        type: ['integer', 'array'],
        minimum: 1,
        maximum: 200,
        items: { type: 'string' },
        minItems: 1,
      },
      request: {
        description: 'The CMRequest body the customer applies for (CM_REQ_OFF_BP_01).',
        type: 'object',
        additionalProperties: false,
        properties: {
          reqDatType: { type: 'string', minLength: 1 },
          dateFrom: date,
          dateTo: date,
          meteringIntervall: { enum: ['QH', 'H', 'D', 'V'] },
          transmissionCycle: { enum: ['D', 'M', 'V'] },
        },
      },
      customerCanAuthenticate: { type: 'boolean' },
      dsoBackendFails: { type: 'boolean' },
    },
  },
} as const satisfies ProcessDefinition<'cm-req-off'>;
