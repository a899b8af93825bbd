/**
 * The three request bodies checked at the edge, field by field, before anything reaches a
 * machine: the schema's structure (docs/sut-protocol.schema.json) plus the semantic rules
 * (real instants in range, zones that exist, parties named in the reset, content per kind).
 */
import type { PluginTable } from '../../process/plugin.ts';
import { SUT_LIMITS } from '../limits.ts';
import { SUT_PROTOCOL_VERSION } from '../protocol.ts';
import { type ServedRole, SutRequestError } from '../served-role.ts';
import { CONTENT_RULES } from './content.ts';
import { expect, instant, isObject, isText, onlyKeys, text } from './fields.ts';
import { isZone } from './instant.ts';
import { checkShape } from './shape.ts';

export type Body = Record<string, unknown> & { testId: string };

/** The body's envelope: a JSON object of this protocol version with a test id. */
export function checkEnvelope(raw: unknown): Body {
  expect(isObject(raw), '$', 'the body must be a JSON object', raw);
  const body = raw as Record<string, unknown>;
  const rule = `must be "${SUT_PROTOCOL_VERSION}"`;
  expect(body.protocol === SUT_PROTOCOL_VERSION, '$.protocol', rule, body.protocol);
  text(body, 'testId', '$', 256);
  return body as Body;
}

const PARTY_KEYS = ['id', 'role', 'address', 'name', 'email', 'registered', 'channel'];

function checkParties(value: unknown, roles: readonly string[]): void {
  const max = SUT_LIMITS.maxParties;
  const ok = Array.isArray(value) && value.length <= max;
  expect(ok, '$.parties', `must be an array of at most ${max} parties`, value);
  const ids = new Set<string>();
  // A for loop, not forEach: an in-process caller may pass an array with holes.
  for (let i = 0; i < (value as unknown[]).length; i += 1) {
    const party = (value as unknown[])[i];
    const path = `$.parties[${i}]`;
    expect(isObject(party), path, 'must be an object { id, role, address }', party);
    const p = party as Record<string, unknown>;
    onlyKeys(p, PARTY_KEYS, path);
    const role = text(p, 'role', path, 64);
    expect(roles.includes(role), `${path}.role`, `must be one of ${roles.join(', ')}`, role);
    const id = text(p, 'id', path, 64);
    expect(
      roles.includes(id),
      `${path}.id`,
      `must be a role of the process (${roles.join(', ')})`,
      id,
    );
    expect(!ids.has(id), `${path}.id`, 'names a party twice', id);
    ids.add(id);
    text(p, 'address', path, 256);
    for (const key of ['name', 'email'] as const)
      if (p[key] !== undefined)
        expect(
          typeof p[key] === 'string' && (p[key] as string).length <= 256,
          `${path}.${key}`,
          'must be a string of at most 256 characters',
          p[key],
        );
    if (p.registered !== undefined) checkShape(p.registered, 'boolean', `${path}.registered`);
    if (p.channel !== undefined)
      checkShape(p.channel, { enum: ['email', 'post', 'phone'] }, `${path}.channel`);
  }
}

/** The fields of a reset, checked against the table of processes; the plug-in and start. */
export function checkReset(processes: PluginTable, body: Body) {
  const names = Object.keys(processes);
  const known = typeof body.process === 'string' && Object.hasOwn(processes, body.process);
  expect(known, '$.process', `must be ${names.map((n) => `"${n}"`).join(' or ')}`, body.process);
  const plugin = processes[body.process as string] as PluginTable[string];
  const roles: readonly string[] = plugin.roles;
  const isRole = typeof body.role === 'string' && roles.includes(body.role);
  expect(isRole, '$.role', `must be one of ${roles.join(', ')}`, body.role);
  expect(Number.isSafeInteger(body.seed), '$.seed', 'must be an integer within ±2^53', body.seed);
  const startMs = instant(body, 'start');
  expect(
    isZone(body.zone),
    '$.zone',
    'must be an IANA time zone this runtime knows, e.g. "Europe/Vienna"',
    body.zone,
  );
  checkParties(body.parties, roles);
  expect(isObject(body.parameters), '$.parameters', 'must be an object', body.parameters);
  return { plugin, startMs };
}

/** The fields of a clock request; the instant it names. */
export function checkClock(body: Body): number {
  onlyKeys(body, ['protocol', 'testId', 'now'], '$');
  return instant(body, 'now');
}

/** The fields of a delivery, checked against the test's process, parties and content rules. */
export function checkDelivery(test: ServedRole, body: Body): number {
  text(body, 'deliveryId', '$', 256);
  const channels = test.channels;
  const channel = body.channel as string;
  expect(
    typeof channel === 'string' && channels.includes(channel),
    '$.channel',
    `must be one of ${channels.join(', ')}`,
    channel,
  );
  text(body, 'from', '$', 256);
  const to = text(body, 'to', '$', 256);
  const self = test.parties.find((p) => p.id === test.role);
  const isSelf = to === test.role || to === self?.address;
  expect(isSelf, '$.to', `must be the served party "${test.role}" (its id or address)`, to);
  const atMs = instant(body, 'at');
  const code = body.messageCode;
  expect(
    code === null || isText(code, 64),
    '$.messageCode',
    'must be a string of 1…64 characters or null',
    code,
  );
  const doc = body.document;
  expect(doc === null || typeof doc === 'string', '$.document', 'must be a string or null', doc);
  const content = body.content;
  expect(
    content == null || isObject(content),
    '$.content',
    'must be an object, null or absent',
    content,
  );
  if (body.attachments !== undefined)
    checkShape(
      body.attachments,
      { array: { object: { contentType: 'string', base64: 'string' } }, max: 16 },
      '$.attachments',
    );
  if (channel === 'stimulus') checkStimulus(test, body);
  else checkChannelContent(test, body);
  return atMs;
}

function checkStimulus(test: ServedRole, body: Body): void {
  const name = text(body, 'stimulus', '$', 64);
  const rules = CONTENT_RULES[test.process];
  if (rules === undefined) return;
  const shape = Object.hasOwn(rules.stimuli, name) ? rules.stimuli[name] : undefined;
  if (shape === undefined) {
    throw new SutRequestError(
      'unsupported',
      '$.stimulus',
      `$.stimulus "${name}" is not a ${test.process} stimulus (${Object.keys(rules.stimuli).join(', ')})`,
    );
  }
  checkShape(body.content ?? {}, shape, '$.content');
  const broken = rules.preconditions?.[name]?.(
    (body.content ?? {}) as Record<string, unknown>,
    test.partyContext(),
  );
  if (broken) expect(false, broken.path, broken.rule, body.content);
}

function checkChannelContent(test: ServedRole, body: Body): void {
  const channel = body.channel as string;
  // On a channel that carries XML, a delivery without structured content is a document.
  const xml = test.xmlChannels.includes(channel) && body.content == null;
  if (xml && !(typeof body.document === 'string' && body.document.trimStart().startsWith('<'))) {
    throw new SutRequestError(
      'bad-document',
      '$.document',
      `must be the XML document on channel ${channel}`,
    );
  }
  if (xml) return;
  const shape = CONTENT_RULES[test.process]?.channels[channel];
  if (shape === undefined) return;
  expect(
    isObject(body.content),
    '$.content',
    `must be the structured content of a ${channel} message (docs/sut-protocol.md § content)`,
    body.content,
  );
  checkShape(body.content, shape, '$.content');
}
