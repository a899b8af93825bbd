import { DEFAULT_LATENCIES } from '../network.ts';
import { ISO_DURATION_SOURCE, ISO_INSTANT_SOURCE } from './at.ts';
import { ifThen, type JsonSchema, type JsonSchemaObject } from './json-schema.ts';
import type { ProcessName } from './types.ts';

/** Role names per process, as the engine names the parties (keys of `parties`, `party`, …). */
export const PROCESS_ROLES: Readonly<Record<ProcessName, readonly string[]>> = {
  'cm-req-off': ['vnb', 'sp', 'customer'],
  'dh-831': ['seller', 'datahub', 'customer'],
};

export const PROCESS_NAMES = Object.keys(PROCESS_ROLES) as ProcessName[];

const FAULT_KINDS = ['drop', 'duplicate', 'delay', 'reorder', 'corrupt'] as const;

/** The channels the network knows a latency for (the design's plus DH-831's). */
export const CHANNEL_NAMES: readonly string[] = Object.keys(DEFAULT_LATENCIES);
const CONTACT_CHANNELS = ['email', 'post', 'phone'] as const;

const duration: JsonSchemaObject = {
  type: 'string',
  pattern: `^${ISO_DURATION_SOURCE}$`,
  patternErrorMessage: 'not an ISO 8601 duration (e.g. PT5S, PT2H30M, P2D)',
};

const roleName = (title: string, description: string): JsonSchemaObject => ({
  title,
  description: `${description} Roles: cm-req-off ${PROCESS_ROLES['cm-req-off'].join(', ')}; dh-831 ${PROCESS_ROLES['dh-831'].join(', ')}.`,
  type: 'string',
  minLength: 1,
});

const stepId = {
  type: 'string',
  pattern: '^[A-Z][A-Z0-9_.-]*$',
  patternErrorMessage: 'not a catalogue step id (e.g. CM_REQ_OFF_VNB_05)',
} as const satisfies JsonSchemaObject;

const messageCode = {
  type: 'string',
  pattern: '^[A-Z][A-Z0-9_.-]*$',
  patternErrorMessage: 'not a message code (e.g. ANFORDERUNG_CMQF)',
} as const satisfies JsonSchemaObject;

const stepList = (title: string, description: string): JsonSchemaObject => ({
  title,
  description,
  type: 'array',
  items: { $ref: '#/$defs/stepId' },
});

/** Restricts every party reference to the roles of one process (applied with if/then). */
function rolesOf(process: ProcessName): JsonSchemaObject {
  const role: JsonSchemaObject = { enum: PROCESS_ROLES[process] };
  const messageEnds: JsonSchemaObject = { properties: { from: role, to: role } };
  return ifThen(
    { properties: { process: { const: process } }, required: ['process'] },
    {
      properties: {
        parties: { propertyNames: role },
        judges: { items: role },
        stimuli: { items: { properties: { party: role } } },
        faults: { items: messageEnds },
        expect: {
          properties: { messages: { items: messageEnds }, states: { propertyNames: role } },
        },
      },
    },
  );
}

const party: JsonSchemaObject = {
  title: 'Party override',
  description: 'Replaces generated identity and contact details of one role.',
  type: 'object',
  additionalProperties: false,
  properties: {
    address: {
      title: 'Market-participant address',
      description: 'EDA address: AT + 6 digits for a DSO, EP/RC/GC/CC + 6 digits for an SP.',
      type: 'string',
      pattern: '^[A-Z]{2}[0-9]{6}$',
      patternErrorMessage: 'not a market-participant address (2 letters + 6 digits, e.g. EP100200)',
    },
    name: {
      title: 'Display name',
      description: 'Name shown in documents and letters.',
      type: 'string',
      minLength: 1,
    },
    email: {
      title: 'E-mail address',
      description: 'Where e-mail notifications go.',
      type: 'string',
      pattern: '^[^@\\s]+@[^@\\s]+$',
      patternErrorMessage: 'not an e-mail address',
    },
    registered: {
      title: 'Registered',
      description: 'Whether the party is registered (SP at ebutilities.at, seller in Datahub).',
      type: 'boolean',
    },
    channel: {
      title: 'Contact channel',
      description: 'The channel the party wants confirmations on (CM_REQ_OFF_BP_01 names it).',
      enum: CONTACT_CHANNELS,
    },
  },
};

const fault: JsonSchemaObject = {
  title: 'Fault',
  description:
    'A fault injected on the network. Filters (channel, from, to, messageCode) select messages; nth and probability decide which of them are hit; without either every selected message is hit.',
  type: 'object',
  additionalProperties: false,
  required: ['kind'],
  properties: {
    kind: {
      title: 'Fault kind',
      description:
        'drop: never arrives; duplicate: arrives twice; delay: arrives `delay` later; reorder: held until the next message on the channel overtook it; corrupt: arrives damaged.',
      enum: FAULT_KINDS,
    },
    channel: {
      title: 'Channel',
      description: 'Only messages on this channel.',
      enum: CHANNEL_NAMES,
    },
    from: roleName('Sender', 'Only messages sent by this role.'),
    to: roleName('Receiver', 'Only messages sent to this role.'),
    messageCode: {
      ...messageCode,
      title: 'Message code',
      description: 'Only messages with this code, e.g. ANFORDERUNG_CMQF.',
    },
    nth: {
      title: 'n-th match',
      description: 'Hit only the n-th selected message (1-based).',
      type: 'integer',
      minimum: 1,
    },
    probability: {
      title: 'Probability',
      description: 'Chance in [0, 1] that a selected message is hit, drawn from the seeded RNG.',
      type: 'number',
      minimum: 0,
      maximum: 1,
    },
    delay: {
      ...duration,
      title: 'Delay',
      description:
        'ISO 8601 duration: extra transit time (kind delay, required) or the longest hold (kind reorder).',
    },
  },
  allOf: [
    ifThen(
      { properties: { kind: { const: 'delay' } }, required: ['kind'] },
      { required: ['delay'] },
    ),
    ifThen(
      { properties: { kind: { enum: ['drop', 'duplicate', 'corrupt'] } }, required: ['kind'] },
      {
        properties: {
          delay: {
            errorMessage: 'is only allowed for faults of kind delay or reorder',
            const: null,
          },
        },
      },
    ),
  ],
};

const stimulus: JsonSchemaObject = {
  title: 'Stimulus',
  description:
    'Something a party does at a virtual instant; the engine sends `stimulus.<event>` to its machine.',
  type: 'object',
  additionalProperties: false,
  required: ['at', 'party', 'event'],
  properties: {
    at: {
      title: 'When',
      description:
        'ISO 8601 duration from `start` (days are calendar days in the process zone: P3D, PT2H, P30DT0.001S) or an absolute instant with offset (2026-03-05T09:00:00+01:00).',
      type: 'string',
      pattern: `^(?:${ISO_DURATION_SOURCE}|${ISO_INSTANT_SOURCE})$`,
      patternErrorMessage:
        'not an ISO 8601 duration or instant with offset (e.g. P3D, PT2H30M, 2026-03-05T09:00:00+01:00)',
    },
    party: roleName('Party', 'The role that acts.'),
    event: {
      title: 'Event',
      description:
        'What the party does, in camelCase (e.g. apply, handOverQr, object, sendRequest).',
      type: 'string',
      pattern: '^[a-z][A-Za-z0-9]*$',
      patternErrorMessage: 'not a camelCase event name (e.g. handOverQr)',
    },
    with: {
      title: 'Event data',
      description: 'Free-form fields passed with the event (e.g. meteringPoint).',
      type: 'object',
    },
    note: {
      title: 'Note',
      description: 'Why this happens; shown in the timeline.',
      type: 'string',
    },
  },
};

const expectedMessage: JsonSchemaObject = {
  title: 'Expected message',
  description: 'A delivered wire message; from, to and responseCodes are compared only when given.',
  type: 'object',
  additionalProperties: false,
  required: ['code'],
  properties: {
    code: {
      ...messageCode,
      title: 'Message code',
      description: 'e.g. ANFORDERUNG_CMQF, ANTWORT_CMQF.',
    },
    from: roleName('Sender', 'The role that sent it.'),
    to: roleName('Receiver', 'The role it was delivered to.'),
    responseCodes: {
      title: 'Response codes',
      description: 'The response codes in document order, e.g. [99] or [175].',
      type: 'array',
      items: { type: ['integer', 'string'] },
    },
  },
};

const expectations: JsonSchemaObject = {
  title: 'Expectations',
  description: 'What the run must show; every listed check must hold for the scenario to pass.',
  type: 'object',
  additionalProperties: false,
  required: ['outcome'],
  properties: {
    outcome: {
      title: 'Outcome',
      description:
        'The process outcome label the run must end with (e.g. active, rejected, expired).',
      type: 'string',
      minLength: 1,
    },
    steps: stepList('Steps (exact)', 'Exactly these step events, in this order.'),
    stepsInclude: stepList(
      'Steps (in order)',
      'These steps appear in this relative order; others may come between.',
    ),
    stepsExclude: stepList('Steps (never)', 'None of these steps appears.'),
    messages: {
      title: 'Messages (exact)',
      description:
        'Exactly this sequence of delivered wire messages (deliveries that carry a message code).',
      type: 'array',
      items: { $ref: '#/$defs/expectedMessage' },
    },
    states: {
      title: 'Final states',
      description: 'Final state label per role, e.g. { vnb: active }.',
      type: 'object',
      additionalProperties: { type: 'string' },
    },
  },
};

/**
 * The JSON Schema (draft 2020-12) of a scenario file: the single source of truth for the loader
 * and for editors (`scenarios/scenario.schema.json` is generated from it by `write-schema.ts`).
 */
export const scenarioSchema: JsonSchemaObject = {
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
        'Seed of the one RNG (ids, latencies, probabilistic faults); the CLI --seed overrides it.',
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
  allOf: PROCESS_NAMES.map(rolesOf),
  $defs: { party, fault, stimulus, expectedMessage, expectations, stepId },
};
