/**
 * The server side of the protocol without the HTTP: routes a parsed request to the served role
 * of its test, checks every field (naming it in the error), and maps refusals to the protocol's
 * error codes and statuses. `sim serve` puts node:http in front; tests call it directly.
 */
import type { AnyStateMachine } from 'xstate';
import type { PluginTable } from '../process/plugin.ts';
import {
  type DeliverRequest,
  type ResetRequest,
  SUT_ENDPOINTS,
  SUT_ERROR_STATUS,
  SUT_PROTOCOL_VERSION,
  type SutErrorCode,
  type SutErrorResponse,
  type SutResponse,
} from './protocol.ts';
import { ServedRole, SutRequestError } from './served-role.ts';

export interface SutHandlerOptions {
  /** The processes a reset may name (the registry, or a table a test builds). */
  processes: PluginTable;
  role: string;
  machines?: Readonly<Record<string, AnyStateMachine>>;
  /** Tests kept at once; the oldest is dropped beyond this (default 64). */
  maxTests?: number;
}

export interface SutHandlerResult {
  status: number;
  body: SutResponse | SutErrorResponse;
}

export type SutHandler = (path: string, body: unknown) => SutHandlerResult;

/** A protocol error answer. */
export function sutError(code: SutErrorCode, message: string, field?: string): SutHandlerResult {
  return {
    status: SUT_ERROR_STATUS[code],
    body: { protocol: SUT_PROTOCOL_VERSION, error: { code, message, ...(field ? { field } : {}) } },
  };
}

function field(
  body: Record<string, unknown>,
  name: string,
  check: (v: unknown) => boolean,
  rule: string,
): void {
  if (!check(body[name])) {
    throw new SutRequestError(
      'bad-field',
      `$.${name}`,
      `$.${name} ${rule}, got ${JSON.stringify(body[name])?.slice(0, 80) ?? 'nothing'}`,
    );
  }
}

const isString = (v: unknown) => typeof v === 'string' && v !== '';
const isInstant = (v: unknown) =>
  typeof v === 'string' && /(?:Z|[+-]\d\d:\d\d)$/.test(v) && !Number.isNaN(Date.parse(v));

/** The fields of a reset, checked against the table of processes; the plug-in it names. */
function checkReset(processes: PluginTable, body: Record<string, unknown>): PluginTable[string] {
  const names = Object.keys(processes);
  field(
    body,
    'process',
    (v) => typeof v === 'string' && names.includes(v),
    `must be ${names.map((n) => `"${n}"`).join(' or ')}`,
  );
  const plugin = processes[body.process as string] as PluginTable[string];
  const roles: readonly string[] = plugin.roles;
  field(
    body,
    'role',
    (v) => typeof v === 'string' && roles.includes(v),
    `must be one of ${roles.join(', ')}`,
  );
  field(body, 'seed', Number.isInteger, 'must be an integer');
  field(body, 'start', isInstant, 'must be an ISO 8601 instant with offset');
  field(body, 'zone', isString, 'must be an IANA zone');
  field(
    body,
    'parties',
    (v) =>
      Array.isArray(v) &&
      v.every((p) => isString(p?.id) && isString(p?.role) && isString(p?.address)),
    'must be an array of { id, role, address }',
  );
  field(
    body,
    'parameters',
    (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
    'must be an object',
  );
  return plugin;
}

/** The fields of a delivery, checked against the channels of the test's process. */
function checkDelivery(test: ServedRole, body: Record<string, unknown>): DeliverRequest {
  field(body, 'deliveryId', isString, 'must be a non-empty string');
  field(
    body,
    'channel',
    (v) => typeof v === 'string' && test.channels.includes(v),
    `must be one of ${test.channels.join(', ')}`,
  );
  field(body, 'from', isString, 'must be a party id or address');
  field(body, 'at', isInstant, 'must be an ISO 8601 instant with offset');
  field(
    body,
    'messageCode',
    (v) => v === null || typeof v === 'string',
    'must be a string or null',
  );
  field(body, 'document', (v) => v === null || typeof v === 'string', 'must be a string or null');
  field(
    body,
    'content',
    (v) => v === undefined || v === null || (typeof v === 'object' && !Array.isArray(v)),
    'must be an object, null or absent',
  );
  // On a channel that carries XML, a delivery without structured content is a document.
  const xml = test.xmlChannels.includes(body.channel as string) && body.content == null;
  if (xml && !(typeof body.document === 'string' && body.document.trimStart().startsWith('<'))) {
    throw new SutRequestError(
      'bad-document',
      '$.document',
      `must be the XML document on channel ${String(body.channel)}`,
    );
  }
  return body as unknown as DeliverRequest;
}

/** The body's envelope: a JSON object of this protocol version with a test id. */
function checkEnvelope(raw: unknown): Record<string, unknown> & { testId: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new SutRequestError('bad-field', '$', 'the body must be a JSON object');
  }
  const body = raw as Record<string, unknown>;
  field(body, 'protocol', (v) => v === SUT_PROTOCOL_VERSION, `must be "${SUT_PROTOCOL_VERSION}"`);
  field(body, 'testId', isString, 'must be a non-empty string');
  return body as Record<string, unknown> & { testId: string };
}

/**
 * @example
 * const handle = createSutHandler({ processes: PROCESSES, role: 'vnb' });
 * handle('/consent-sim/v1/reset', resetRequest).status; // 200
 */
export function createSutHandler(options: SutHandlerOptions): SutHandler {
  const tests = new Map<string, ServedRole>();
  const maxTests = options.maxTests ?? 64;
  const served = (testId: string) => {
    const found = tests.get(testId);
    if (found === undefined) {
      throw new SutRequestError(
        'unknown-test',
        '$.testId',
        `no test "${testId}" here; POST ${SUT_ENDPOINTS.reset} first`,
      );
    }
    return found;
  };
  const reset = (body: Record<string, unknown> & { testId: string }): SutResponse => {
    const plugin = checkReset(options.processes, body);
    // A repeated reset with the same testId starts that test afresh (idempotent).
    tests.delete(body.testId);
    const role = ServedRole.reset(
      plugin,
      body as unknown as ResetRequest,
      options.role,
      options.machines ? { machines: options.machines } : {},
    );
    tests.set(body.testId, role);
    while (tests.size > maxTests) tests.delete(tests.keys().next().value ?? '');
    return role.clock(Date.parse(body.start as string));
  };
  return (path, raw) => {
    try {
      const body = checkEnvelope(raw);
      switch (path) {
        case SUT_ENDPOINTS.reset:
          return { status: 200, body: reset(body) };
        case SUT_ENDPOINTS.clock:
          field(body, 'now', isInstant, 'must be an ISO 8601 instant with offset');
          return { status: 200, body: served(body.testId).clock(Date.parse(body.now as string)) };
        case SUT_ENDPOINTS.deliver: {
          const test = served(body.testId);
          return { status: 200, body: test.deliver(checkDelivery(test, body)) };
        }
        default:
          return sutError(
            'not-found',
            `no endpoint ${path}; the endpoints are ${Object.values(SUT_ENDPOINTS).join(', ')}`,
          );
      }
    } catch (error) {
      if (error instanceof SutRequestError)
        return sutError(error.code, `consent-sim: ${error.message}`, error.field);
      const message = error instanceof Error ? error.message : String(error);
      return sutError('internal', message);
    }
  };
}
