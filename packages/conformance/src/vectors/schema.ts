/**
 * JSON Schema (draft 2020-12) of a test vector for the processes of a table (their names and
 * zones are its enums). docs/test-vector.schema.json is `vectorSchema(PROCESSES)` written out (a
 * test keeps the two identical); {@link checkAgainstSchema} validates with it.
 */
import type { PluginTable } from '../process/plugin.ts';
import type { JsonSchema } from './check-schema.ts';

const ISO_WITH_OFFSET =
  '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?[+-]\\d{2}:\\d{2}$';

const instant = (description: string): Record<string, JsonSchema> => ({
  at: {
    type: 'string',
    pattern: ISO_WITH_OFFSET,
    description: `${description} (ISO 8601 with the process zone's offset)`,
  },
  atMs: { type: 'integer', description: `${description} (epoch milliseconds)` },
});

const anyObject: JsonSchema = { type: 'object' };

/** @example checkAgainstSchema(vectorSchema(PROCESSES), vector) // [] for a valid vector */
export function vectorSchema(processes: PluginTable): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://consent-sim.example/schemas/test-vector.schema.json',
    title: 'consent-sim test vector',
    description:
      'One path of CM_REQ_OFF or DH-831: the stimuli at virtual instants and the documents and steps the reference produces (docs/test-vectors.md).',
    type: 'object',
    additionalProperties: false,
    required: [
      'format',
      'process',
      'pathId',
      'source',
      'title',
      'seed',
      'zone',
      'start',
      'parties',
      'parameters',
      'faults',
      'stimuli',
      'expected',
    ],
    properties: {
      format: { const: 'consent-sim.vector/1' },
      process: { enum: Object.keys(processes) },
      pathId: { type: 'string', minLength: 1 },
      source: { enum: ['model', 'scenario'] },
      title: { type: 'string' },
      seed: { type: 'integer', minimum: 0 },
      zone: { enum: [...new Set(Object.values(processes).map((p) => p.zone))] },
      start: { $ref: '#/$defs/instant' },
      parties: anyObject,
      parameters: anyObject,
      faults: { type: 'array', items: anyObject },
      stimuli: { type: 'array', items: { $ref: '#/$defs/stimulus' } },
      expected: {
        type: 'object',
        additionalProperties: false,
        required: ['outcome', 'referencePassed', 'steps', 'documents'],
        properties: {
          outcome: { type: ['string', 'null'] },
          referencePassed: { type: 'boolean' },
          steps: { type: 'array', items: { type: 'string', minLength: 1 } },
          documents: { type: 'array', items: { $ref: '#/$defs/document' } },
        },
      },
    },
    $defs: {
      instant: {
        type: 'object',
        additionalProperties: false,
        required: ['at', 'atMs'],
        properties: instant('the instant'),
      },
      stimulus: {
        type: 'object',
        additionalProperties: false,
        required: ['party', 'event', 'channel', 'at', 'atMs', 'with', 'input'],
        properties: {
          party: { type: 'string', minLength: 1 },
          event: { type: 'string', minLength: 1 },
          channel: { type: ['string', 'null'] },
          ...instant('when the party acts'),
          with: anyObject,
          input: {
            description: 'the concrete machine event the reference derived from the stimulus',
          },
        },
      },
      document: {
        type: 'object',
        additionalProperties: false,
        required: [
          'seq',
          'at',
          'atMs',
          'from',
          'to',
          'channel',
          'step',
          'messageCode',
          'responseCodes',
          'contentType',
          'document',
        ],
        properties: {
          seq: { type: 'integer', minimum: 1 },
          ...instant('when the document is sent'),
          from: { type: 'string', minLength: 1 },
          to: { type: 'string', minLength: 1 },
          channel: { type: 'string', minLength: 1 },
          step: { type: ['string', 'null'] },
          messageCode: { type: ['string', 'null'] },
          responseCodes: { type: 'array', items: { type: 'string' } },
          contentType: { enum: ['application/xml', 'application/json', 'text/plain'] },
          document: { type: 'string', minLength: 1 },
        },
      },
    },
  };
}
