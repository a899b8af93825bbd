/**
 * DH-831 as the engine sees it: roles, channels, zone, wiring, invariants and the schema of a
 * scenario's `parameters` (parameters.ts checks the values the schema cannot).
 */
import { HELSINKI } from '@consent-sim/core';
import { AUTHORIZATION_REASONS } from '@consent-sim/messages';
import type { ProcessDefinition } from '../process/definition.ts';
import { DH831_INVARIANT_NAMES } from './invariants.ts';
import { createDh831Wiring } from './wiring.ts';

const MINUTE = 60_000;
const text = { type: 'string', minLength: 1 } as const;

export const dh831Process = {
  name: 'dh-831',
  title: 'DH-831',
  zone: HELSINKI,
  roles: ['seller', 'datahub', 'customer'],
  channels: {
    datahub: { latency: 3_000, carries: 'xml' },
    email: { latency: 5 * MINUTE, carries: 'content' },
    // The customer's decision in the Datahub's authorization service (a web UI).
    'authorization-service': { latency: 0, carries: 'content' },
  },
  wiring: (scenario, rng, options) => createDh831Wiring(scenario, rng, options),
  invariantNames: DH831_INVARIANT_NAMES,
  parameters: {
    title: 'DH-831 parameters',
    description: "The seller's authorization request (a sendRequest stimulus may override each).",
    type: 'object',
    additionalProperties: false,
    properties: {
      requestId: text,
      customerId: text,
      accountingPoints: {
        type: ['integer', 'array'],
        minimum: 0,
        maximum: 50,
        items: { type: 'string' },
      },
      start: text,
      end: text,
      reason: { enum: [...AUTHORIZATION_REASONS] },
      description: { type: 'string' },
      recipient: {
        type: ['boolean', 'object'],
        additionalProperties: false,
        properties: { name: { type: 'string' }, email: { type: 'string' } },
      },
      reminder: text,
      requestEndDate: text,
    },
  },
} as const satisfies ProcessDefinition<'dh-831'>;
