/**
 * The parts of the scenario schema (scenario.ts assembles them): static definitions, and the
 * ones that name roles or channels, built from the process definitions.
 */
import type { ProcessDefinition } from '../process/definition.ts';
import { ISO_DURATION_SOURCE, ISO_INSTANT_SOURCE } from './at.ts';
import { ifThen, type JsonSchemaObject } from './json-schema.ts';

/** A role reference with its title and description (the roles are named in the description). */
export type RoleName = (title: string, description: string) => JsonSchemaObject;

const FAULT_KINDS = ['drop', 'duplicate', 'delay', 'reorder', 'corrupt'] as const;

const CONTACT_CHANNELS = ['email', 'post', 'phone'] as const;

export const durationSchema: JsonSchemaObject = {
  type: 'string',
  pattern: `^${ISO_DURATION_SOURCE}$`,
  patternErrorMessage: 'not an ISO 8601 duration (e.g. PT5S, PT2H30M, P2D)',
};
const duration = durationSchema;

export const stepIdSchema = {
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
export function rolesOf(definition: ProcessDefinition): JsonSchemaObject {
  const process = definition.name;
  const role: JsonSchemaObject = { enum: [...definition.roles] };
  const messageEnds: JsonSchemaObject = { properties: { from: role, to: role } };
  return ifThen(
    { properties: { process: { const: process } }, required: ['process'] },
    {
      properties: {
        parties: { propertyNames: role },
        parameters: definition.parameters,
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

export const partySchema: JsonSchemaObject = {
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

/** A fault rule; `from`/`to` name roles, `channel` one of `channels`. */
export const faultSchema = (roleName: RoleName, channels: readonly string[]): JsonSchemaObject => ({
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
      enum: [...channels],
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
      description:
        'Hit only the n-th selected message (1-based), the same one for every seed. A message an earlier fault dropped is not counted.',
      type: 'integer',
      minimum: 1,
    },
    probability: {
      title: 'Probability',
      description:
        "Chance in [0, 1] that a selected message is hit, drawn from the seeded RNG: the same seed hits the same messages, another seed others. Between 0 and 1 it is a seeded fault: expect.steps and expect.messages are then checked at the file's own seed only.",
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
});

/** A stimulus; `party` names a role. */
export const stimulusSchema = (roleName: RoleName): JsonSchemaObject => ({
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
});

/** One expected delivery; `from`/`to` name roles. */
export const expectedMessageSchema = (roleName: RoleName): JsonSchemaObject => ({
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
});

export const expectationsSchema: JsonSchemaObject = {
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
    steps: stepList(
      'Steps (exact)',
      "Exactly these step events, in this order. With seeded faults (a probability between 0 and 1), checked at the file's own seed only.",
    ),
    stepsInclude: stepList(
      'Steps (in order)',
      'These steps appear in this relative order; others may come between.',
    ),
    stepsExclude: stepList('Steps (never)', 'None of these steps appears.'),
    messages: {
      title: 'Messages (exact)',
      description:
        "Exactly this sequence of delivered wire messages (deliveries that carry a message code). With seeded faults (a probability between 0 and 1), checked at the file's own seed only.",
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
