/**
 * The server side of the protocol without the HTTP: checks every field at the edge (naming it
 * in the error, edge/requests.ts), routes the request to the served role of its test, and maps
 * refusals to the protocol's error codes and statuses. Nothing a request does escapes it: an
 * internal error answers 500 with an incident id (reported through `onIncident` with the
 * error), marks the test broken with the reason, and the test's next reset starts it afresh.
 * `sim serve` puts node:http in front; tests call it directly.
 */
import { ScenarioError, ScenarioSetupError } from '@consent-sim/sim';
import type { AnyStateMachine } from 'xstate';
import type { PluginTable } from '../process/plugin.ts';
import {
  type Body,
  checkClock,
  checkDelivery,
  checkEnvelope,
  checkReset,
} from './edge/requests.ts';
import { SUT_LIMITS } from './limits.ts';
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
import { TestStore } from './test-store.ts';

export interface SutHandlerOptions {
  /** The processes a reset may name (the registry, or a table a test builds). */
  processes: PluginTable;
  role: string;
  machines?: Readonly<Record<string, AnyStateMachine>>;
  /** Tests kept at once; a reset of a new id beyond it is answered 503 (SUT_LIMITS.maxTests). */
  maxTests?: number;
  /** A test without a request for this long is dropped, ms (SUT_LIMITS.idleMs). */
  idleMs?: number;
  /** Wall clock for idle tests and the per-request budget, ms (default Date.now). */
  now?: () => number;
  /** Wall time one request's engine run may take, ms (SUT_LIMITS.requestBudgetMs). */
  requestBudgetMs?: number;
  /** Told of every internal error, with its incident id: the log line a 500 refers to. */
  onIncident?: (incident: SutIncident) => void;
  /**
   * false: answers leave out `steps`, as a SUT that does not report them (`sim serve
   * --no-steps`; the mutant runner's `withoutSteps`), so what a run without steps judges can be
   * tried against the reference (issue 12 item 2). Default true.
   */
  reportSteps?: boolean;
}

/** An internal error: its id (in the 500 answer) and what the log needs. */
export interface SutIncident {
  id: string;
  testId: string;
  path: string;
  error: unknown;
}

export interface SutHandlerResult {
  status: number;
  body: SutResponse | SutErrorResponse;
}

export interface SutHandler {
  (path: string, body: unknown): SutHandlerResult;
  /**
   * Marks a test broken by an error that surfaced outside a request (e.g. one XState re-throws
   * later); reports the incident and returns its id.
   */
  fail(testId: string, path: string, error: unknown): string;
  /** Tests kept now. */
  readonly tests: number;
}

/** A protocol error answer. */
export function sutError(
  code: SutErrorCode,
  message: string,
  field?: string,
  incident?: string,
): SutHandlerResult {
  return {
    status: SUT_ERROR_STATUS[code],
    body: {
      protocol: SUT_PROTOCOL_VERSION,
      error: { code, message, ...(field ? { field } : {}), ...(incident ? { incident } : {}) },
    },
  };
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * @example
 * const handle = createSutHandler({ processes: PROCESSES, role: 'vnb' });
 * handle('/consent-sim/v1/reset', resetRequest).status; // 200
 */
export function createSutHandler(options: SutHandlerOptions): SutHandler {
  const now = options.now ?? Date.now;
  const tests = new TestStore({
    maxTests: options.maxTests ?? SUT_LIMITS.maxTests,
    idleMs: options.idleMs ?? SUT_LIMITS.idleMs,
    now,
  });
  const epoch = now().toString(36);
  let incidents = 0;
  const fail = (testId: string, path: string, error: unknown): string => {
    incidents += 1;
    const id = `sut-${epoch}-${incidents}`;
    const reason = errorText(error).slice(0, 500);
    if (testId !== '') tests.breakTest(testId, { reason, incident: id });
    options.onIncident?.({ id, testId, path, error });
    return id;
  };
  const served = (testId: string): ServedRole => {
    const found = tests.get(testId);
    if (found?.served) return found.served;
    if (found?.broken) {
      const { reason, incident } = found.broken;
      throw new BrokenTestError(
        `test "${testId}" broke (incident ${incident}: ${reason}); POST ${SUT_ENDPOINTS.reset} to start it afresh`,
        incident,
      );
    }
    throw new SutRequestError(
      'unknown-test',
      '$.testId',
      `no test "${testId}" here (never reset, or idle for longer than ${SUT_LIMITS.idleMs / 60_000} minutes); POST ${SUT_ENDPOINTS.reset} first`,
    );
  };
  const reset = (body: Body): SutResponse => {
    const { plugin, startMs } = checkReset(options.processes, body);
    if (!tests.hasRoomFor(body.testId)) {
      throw new BusyError(
        `${options.maxTests ?? SUT_LIMITS.maxTests} tests are kept at once; retry later or let idle tests expire (${SUT_LIMITS.idleMs / 60_000} minutes)`,
      );
    }
    // A repeated reset with the same testId starts that test afresh (idempotent).
    tests.delete(body.testId);
    let role: ServedRole;
    try {
      const budget = { now, ms: options.requestBudgetMs ?? SUT_LIMITS.requestBudgetMs };
      const machines = options.machines ? { machines: options.machines } : {};
      role = ServedRole.reset(plugin, body as unknown as ResetRequest, options.role, {
        ...machines,
        budget,
      });
    } catch (error) {
      throw wiringRefusal(error);
    }
    tests.set(body.testId, role);
    return role.clock(startMs);
  };
  const route = (path: string, body: Body): SutHandlerResult => {
    switch (path) {
      case SUT_ENDPOINTS.reset:
        return { status: 200, body: reset(body) };
      case SUT_ENDPOINTS.clock: {
        const nowMs = checkClock(body);
        return { status: 200, body: served(body.testId).clock(nowMs) };
      }
      case SUT_ENDPOINTS.deliver: {
        const test = served(body.testId);
        checkDelivery(test, body);
        return { status: 200, body: test.deliver(body as unknown as DeliverRequest) };
      }
      default:
        return sutError(
          'not-found',
          `consent-sim: no endpoint ${path}; the endpoints are ${Object.values(SUT_ENDPOINTS).join(', ')}`,
        );
    }
  };
  const handle = (path: string, raw: unknown): SutHandlerResult => {
    let testId = '';
    try {
      if (!Object.values(SUT_ENDPOINTS).includes(path as never)) return route(path, {} as Body);
      const body = checkEnvelope(raw);
      testId = body.testId;
      const answer = route(path, body);
      return options.reportSteps === false ? withoutSteps(answer) : answer;
    } catch (error) {
      return refusal(error, testId, path, fail);
    }
  };
  return Object.assign(handle, {
    fail,
    get tests() {
      return tests.size;
    },
  }) as SutHandler;
}

/** An answer without its `steps` (a SUT that does not report them). */
function withoutSteps(answer: SutHandlerResult): SutHandlerResult {
  if (answer.status !== 200 || answer.body === null || typeof answer.body !== 'object')
    return answer;
  if (!('steps' in answer.body)) return answer;
  const { steps: _, ...rest } = answer.body as SutResponse;
  return { ...answer, body: rest };
}

/**
 * A reset the process's wiring refuses (its parties or parameters: ScenarioError, or the
 * wiring's ScenarioSetupError problem list) is the caller's error, named at the first problem.
 */
function wiringRefusal(error: unknown): unknown {
  if (!(error instanceof ScenarioError) && !(error instanceof ScenarioSetupError)) return error;
  const first = error instanceof ScenarioSetupError ? error.problems[0] : undefined;
  const [, top, key] = /^([a-zA-Z]+)(?:\.([\w-]+))?/.exec(first ?? '') ?? [];
  const field =
    top === 'parties' || top === 'parameters' ? `$.${top}${key ? `.${key}` : ''}` : '$.parameters';
  const text = errorText(error)
    .replace(/^consent-sim: /, '')
    .replace(/\s*\n\s*/g, ' ');
  return new SutRequestError('bad-field', field, `${field}: ${text}`.slice(0, 1_000));
}

class BrokenTestError extends Error {
  constructor(
    message: string,
    readonly incident: string,
  ) {
    super(message);
  }
}

class BusyError extends Error {}

/** A thrown error as the protocol's answer; anything unforeseen is an incident. */
function refusal(
  error: unknown,
  testId: string,
  path: string,
  fail: SutHandler['fail'],
): SutHandlerResult {
  if (error instanceof SutRequestError) {
    const incident = error.breaks ? fail(testId, path, error) : undefined;
    return sutError(error.code, `consent-sim: ${error.message}`, error.field, incident);
  }
  if (error instanceof BrokenTestError)
    return sutError('test-broken', `consent-sim: ${error.message}`, '$.testId', error.incident);
  if (error instanceof BusyError) return sutError('busy', `consent-sim: ${error.message}`);
  const incident = fail(testId, path, error);
  return sutError(
    'internal',
    `consent-sim: internal error (incident ${incident}): ${errorText(error).slice(0, 500)}; the test is broken, POST ${SUT_ENDPOINTS.reset} to start it afresh`,
    undefined,
    incident,
  );
}
