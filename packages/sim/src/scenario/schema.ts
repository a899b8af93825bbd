import type { ProcessTable } from '../process/definition.ts';
import { ISO_INSTANT_SOURCE } from './at.ts';
import type { JsonSchema, JsonSchemaObject } from './json-schema.ts';
import {
  durationSchema as duration,
  expectationsSchema,
  expectedMessageSchema,
  faultSchema,
  partySchema,
  rolesOf,
  stepIdSchema,
  stimulusSchema,
} from './schema-defs.ts';

/** Every channel some process of `processes` uses (scenario `channels`, fault `channel`). */
export function channelNames(processes: ProcessTable): string[] {
  const names = new Set<string>();
  for (const definition of Object.values(processes)) {
    for (const channel of Object.keys(definition.channels)) names.add(channel);
  }
  return [...names];
}

/**
 * The JSON Schema (draft 2020-12) of a scenario file for the processes of `processes`: the
 * single source of truth for the loader and for editors (`scenarios/scenario.schema.json` is
 * generated from the registry's table). Process names, roles, channels and each process's
 * `parameters` come from their definitions.
 *
 * @example validateAgainstSchema(scenarioSchema(processes), value)
 */
export function scenarioSchema(processes: ProcessTable): JsonSchemaObject {
  const PROCESS_NAMES = Object.keys(processes);
  const CHANNEL_NAMES = channelNames(processes);
  const roles = Object.values(processes)
    .map((d) => `${d.name} ${d.roles.join(', ')}`)
    .join('; ');
  const roleName = (title: string, description: string): JsonSchemaObject => ({
    title,
    description: `${description} Roles: ${roles}.`,
    type: 'string',
    minLength: 1,
  });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://consent-sim.example/scenario.schema.json',
    title: 'consent-sim scenario',
    description:
      'One named run of a consent process: who does what when, what goes wrong, and what must come out.',
    type: 'object',
    additionalProperties: false,
    required: ['name', 'process', 'summary', 'seed', 'start', 'stimuli', 'expect'],
    properties: {
      name: {
        title: 'Name',
        description: 'Must equal the file name without .yaml; the full name is <process>/<name>.',
        type: 'string',
        pattern: '^[a-z0-9][a-z0-9-]*$',
        patternErrorMessage: 'not a kebab-case name (e.g. happy-path)',
      },
      process: {
        title: 'Process',
        description: 'The process this scenario drives.',
        enum: PROCESS_NAMES,
      },
      summary: {
        title: 'Summary',
        description: 'One sentence: what happens and how it ends.',
        type: 'string',
        minLength: 1,
      },
      description: {
        title: 'Description',
        description: 'Longer explanation (optional).',
        type: 'string',
      },
      judges: {
        title: 'Roles judged by sim conform',
        description:
          'The roles whose implementations `sim conform` judges with this scenario (default: every role). Name them when the scenario makes a party do something only to provoke another (e.g. an SP asking for data too early, to test the DSO), which a careful implementation of that party may decline.',
        type: 'array',
        items: { type: 'string' },
        minItems: 1,
      },
      seed: {
        title: 'Seed',
        description:
          'Seed of the one RNG (ids, latencies, probabilistic faults); the CLI --seed overrides it. With seeded faults, expect.steps and expect.messages hold at this seed only.',
        type: 'integer',
        minimum: 0,
      },
      start: {
        title: 'Start',
        description:
          'Virtual time at the start: ISO 8601 instant with offset, e.g. 2026-03-02T09:00:00+01:00.',
        type: 'string',
        pattern: `^${ISO_INSTANT_SOURCE}$`,
        patternErrorMessage: 'not an ISO 8601 instant with offset (e.g. 2026-03-02T09:00:00+01:00)',
      },
      parties: {
        title: 'Parties',
        description: 'Per-role overrides of generated identities.',
        type: 'object',
        additionalProperties: { $ref: '#/$defs/party' },
      },
      parameters: {
        title: 'Parameters',
        description: 'Process-specific settings, validated by the process wiring.',
        type: 'object',
      },
      channels: {
        title: 'Channel latencies',
        description:
          'Transit time per channel as ISO 8601 durations (elapsed time), e.g. { eda: PT5S, post: P2D }.',
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          CHANNEL_NAMES.map((channel): [string, JsonSchema] => [
            channel,
            {
              ...duration,
              title: `${channel} latency`,
              description: `Transit time on the ${channel} channel.`,
            },
          ]),
        ),
      },
      faults: {
        title: 'Faults',
        description: 'Faults injected on the network.',
        type: 'array',
        items: { $ref: '#/$defs/fault' },
      },
      stimuli: {
        title: 'Stimuli',
        description: 'What parties do, and when.',
        type: 'array',
        items: { $ref: '#/$defs/stimulus' },
      },
      expect: { $ref: '#/$defs/expectations' },
    },
    allOf: Object.values(processes).map(rolesOf),
    $defs: {
      party: partySchema,
      fault: faultSchema(roleName, CHANNEL_NAMES),
      stimulus: stimulusSchema(roleName),
      expectedMessage: expectedMessageSchema(roleName),
      expectations: expectationsSchema,
      stepId: stepIdSchema,
    },
  };
}
