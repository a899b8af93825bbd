/**
 * The HTTP face of `sim serve` (node:http, no framework): JSON bodies up to 1 MiB (413 beyond),
 * invalid JSON answered 400 naming the problem, one request at a time per test (requests of a
 * test are queued, so concurrent callers never interleave inside the engine), loopback by
 * default. The protocol itself is `createSutHandler` of @consent-sim/conformance.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createSutHandler,
  SUT_MAX_BODY_BYTES,
  type SutHandlerOptions,
  sutError,
} from '@consent-sim/conformance';

export interface SutServerOptions extends SutHandlerOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
}

export interface RunningSutServer {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  url: string;
  close(): Promise<void>;
}

class TooLarge extends Error {}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > SUT_MAX_BODY_BYTES) {
        reject(new TooLarge());
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/**
 * Starts a server for one reference role; resolves once it listens.
 *
 * @example
 * const server = await startSutServer({ processes: PROCESSES, role: 'vnb' });
 * console.log(server.url); await server.close();
 */
export async function startSutServer(options: SutServerOptions): Promise<RunningSutServer> {
  const handle = createSutHandler(options);
  // Requests of one test run one after another; different tests run independently.
  const queues = new Map<string, Promise<unknown>>();
  const serialise = <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const previous = queues.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    queues.set(key, next);
    void next.finally(() => {
      if (queues.get(key) === next) queues.delete(key);
    });
    return next;
  };
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
      let text: string;
      try {
        text = await readBody(request);
      } catch (error) {
        const answer =
          error instanceof TooLarge
            ? sutError(
                'too-large',
                `consent-sim: the body is larger than ${SUT_MAX_BODY_BYTES} bytes (1 MiB)`,
              )
            : sutError('bad-json', `consent-sim: the body could not be read: ${String(error)}`);
        response.setHeader('connection', 'close');
        return send(response, answer.status, answer.body);
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (error) {
        const answer = sutError(
          'bad-json',
          `consent-sim: the body is not JSON: ${error instanceof Error ? error.message : String(error)}`,
          '$',
        );
        return send(response, answer.status, answer.body);
      }
      const testId =
        typeof (body as { testId?: unknown })?.testId === 'string'
          ? (body as { testId: string }).testId
          : '';
      const path = (request.url ?? '').split('?')[0] ?? '';
      const answer = await serialise(testId, async () => handle(path, body));
      send(response, answer.status, answer.body);
    })().catch((error: unknown) => {
      const answer = sutError('internal', `consent-sim: ${String(error)}`);
      if (!response.headersSent) send(response, answer.status, answer.body);
    });
  });
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
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
