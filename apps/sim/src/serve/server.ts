/**
 * The HTTP face of `sim serve` (node:http, no framework): JSON bodies only (415 otherwise), up
 * to 1 MiB (413), valid UTF-8 (400), within the header and body timeouts (SUT_TIMEOUTS; 408),
 * invalid JSON answered 400 naming the problem, one request at a time per test (requests of a
 * test are queued, so concurrent callers never interleave inside the engine), loopback by
 * default. Every request is isolated: an internal error, even one XState re-throws later from
 * a timer, is logged to stderr with its incident id and stack, answers or breaks only its own
 * test, and never ends the process. The protocol itself is `createSutHandler`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createSutHandler,
  SUT_TIMEOUTS,
  type SutHandlerOptions,
  type SutIncident,
  sutError,
} from '@consent-sim/conformance';
import { isJsonMediaType, parseBody, readBody } from './body.ts';
import { heavyLane, isHeavy } from './heavy-lane.ts';

export interface SutServerOptions extends SutHandlerOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
  /** Header and body timeouts, ms (default SUT_TIMEOUTS). */
  timeouts?: { headersMs?: number; bodyMs?: number };
  /** Where incidents are logged (default stderr). */
  log?: (line: string) => void;
}

export interface RunningSutServer {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  url: string;
  close(): Promise<void>;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** The request a piece of work belongs to, through timers too (AsyncLocalStorage). */
interface RequestContext {
  server: object;
  testId: string;
  path: string;
}
const requestContext = new AsyncLocalStorage<RequestContext>();

const incidentLine = (incident: SutIncident) =>
  `consent-sim serve: incident ${incident.id} (test "${incident.testId}", ${incident.path}): ${
    incident.error instanceof Error
      ? (incident.error.stack ?? incident.error.message)
      : String(incident.error)
  }\n`;

/** Per test id, one request after another; different tests run independently. */
function perTestQueue() {
  const queues = new Map<string, Promise<unknown>>();
  return <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const previous = queues.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    queues.set(key, next);
    void next.finally(() => {
      if (queues.get(key) === next) queues.delete(key);
    });
    return next;
  };
}

const testIdOf = (body: unknown) =>
  typeof (body as { testId?: unknown })?.testId === 'string'
    ? (body as { testId: string }).testId
    : '';

/**
 * Starts a server for one reference role; resolves once it listens.
 *
 * @example
 * const server = await startSutServer({ processes: PROCESSES, role: 'vnb' });
 * console.log(server.url); await server.close();
 */
export async function startSutServer(options: SutServerOptions): Promise<RunningSutServer> {
  const log = options.log ?? ((line: string) => void process.stderr.write(line));
  const handle = createSutHandler({ ...options, onIncident: (i) => log(incidentLine(i)) });
  const identity = {};
  // XState reports an error thrown in an observer by re-throwing it from a timer: the request
  // context travels with that timer, so the error breaks its test instead of the process.
  const onUncaught = (error: Error) => {
    const context = requestContext.getStore();
    // Not a request's: fatal as ever, unless another listener (a test runner) takes it.
    if (context === undefined) {
      if (process.listenerCount('uncaughtException') === 1) throw error;
      return;
    }
    if (context.server === identity) handle.fail(context.testId, context.path, error);
  };
  process.on('uncaughtException', onUncaught);
  const serialise = perTestQueue();
  const heavy = heavyLane();
  const bodyMs = options.timeouts?.bodyMs ?? SUT_TIMEOUTS.bodyMs;
  const server: Server = createServer((request, response) => {
    void (async () => {
      if (request.method !== 'POST') {
        const answer = sutError(
          'method-not-allowed',
          `consent-sim: ${request.method} ${request.url}: every endpoint takes POST with a JSON body`,
        );
        response.setHeader('allow', 'POST');
        return send(response, answer.status, answer.body);
      }
      if (!isJsonMediaType(request.headers['content-type'])) {
        const answer = sutError(
          'unsupported-media-type',
          `consent-sim: Content-Type must be application/json (UTF-8), got ${JSON.stringify(request.headers['content-type'] ?? null)}`,
        );
        response.setHeader('connection', 'close');
        request.resume();
        return send(response, answer.status, answer.body);
      }
      const read = await readBody(request, bodyMs);
      if ('refusal' in read) {
        response.setHeader('connection', 'close');
        send(response, read.refusal.status, read.refusal.body);
        request.destroy();
        return;
      }
      const parsed = isHeavy(read.bytes)
        ? await heavy.turn(async () => parseBody(read.bytes))
        : parseBody(read.bytes);
      if ('refusal' in parsed) return send(response, parsed.refusal.status, parsed.refusal.body);
      const { body } = parsed;
      const testId = testIdOf(body);
      const path = (request.url ?? '').split('?')[0] ?? '';
      const context = { server: identity, testId, path };
      const run = async () => requestContext.run(context, () => handle(path, body));
      const answer = await serialise(testId, () =>
        isHeavy(read.bytes) ? heavy(body, run) : run(),
      );
      send(response, answer.status, answer.body);
    })().catch((error: unknown) => {
      const incident = handle.fail('', request.url ?? '', error);
      const answer = sutError(
        'internal',
        `consent-sim: internal error (incident ${incident})`,
        undefined,
        incident,
      );
      if (!response.headersSent) send(response, answer.status, answer.body);
    });
  });
  server.headersTimeout = options.timeouts?.headersMs ?? SUT_TIMEOUTS.headersMs;
  // Node's own cut-off, a backstop behind the body timer above (which answers 408 in JSON).
  server.requestTimeout = server.headersTimeout + bodyMs + 5_000;
  server.keepAliveTimeout = SUT_TIMEOUTS.keepAliveMs;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        process.off('uncaughtException', onUncaught);
        void heavy.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
