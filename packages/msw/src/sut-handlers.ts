/**
 * The HTTP front of the SUT protocol `consent-sim.sut/1` as msw handlers: what `sim serve` does
 * with node:http, done in-process. A protocol handler `(path, body) → { status, body }` (the
 * conformance package's `createSutHandler({ role })`, serving a reference role) answers reset,
 * clock and deliver; this front adds the transport rules of the protocol — POST only (405),
 * at most 1 MiB (413), a JSON body (400 `bad-json`) — so that the same client adapter runs
 * against `sim serve` over the network and against msw in a unit test.
 */
import {
  SUT_BASE_PATH,
  SUT_ERROR_STATUS,
  SUT_MAX_BODY_BYTES,
  SUT_PROTOCOL_VERSION,
  type SutErrorCode,
  type SutErrorResponse,
} from '@consent-sim/conformance';
import { type HttpHandler, HttpResponse, http } from 'msw';
import { endpoint } from './http-common.ts';

/** A protocol handler without HTTP: the path below the base URL and the parsed JSON body. */
export type SutProtocolHandle = (
  path: string,
  body: unknown,
) => { readonly status: number; readonly body: unknown };

const protocolError = (code: SutErrorCode, message: string) =>
  HttpResponse.json<SutErrorResponse>(
    { protocol: SUT_PROTOCOL_VERSION, error: { code, message } },
    { status: SUT_ERROR_STATUS[code] },
  );

/**
 * msw handlers for every request below `{baseUrl}/consent-sim/v1/`.
 *
 * @example
 * const server = setupServer(...createSutProtocolHandlers({ baseUrl: 'http://sut.test', handle: createSutHandler({ role: 'vnb' }) }));
 */
export function createSutProtocolHandlers(options: {
  readonly baseUrl: string;
  readonly handle: SutProtocolHandle;
}): HttpHandler[] {
  const prefix = new URL(endpoint(options.baseUrl, '/')).pathname.replace(/\/$/, '');
  return [
    http.all(endpoint(options.baseUrl, `${SUT_BASE_PATH}/*`), async ({ request }) => {
      const path = new URL(request.url).pathname.slice(prefix.length);
      if (request.method !== 'POST') {
        return protocolError(
          'method-not-allowed',
          `consent-sim: ${path} takes POST with a JSON body, got ${request.method}`,
        );
      }
      const bytes = new Uint8Array(await request.arrayBuffer());
      if (bytes.byteLength > SUT_MAX_BODY_BYTES) {
        return protocolError(
          'too-large',
          `consent-sim: the body of ${path} has ${bytes.byteLength} bytes, over the protocol's ${SUT_MAX_BODY_BYTES}; send smaller documents`,
        );
      }
      let body: unknown;
      try {
        body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return protocolError(
          'bad-json',
          `consent-sim: the body of ${path} is not UTF-8 JSON (${reason}); send a JSON object with "protocol": "${SUT_PROTOCOL_VERSION}"`,
        );
      }
      const answer = options.handle(path, body);
      return new HttpResponse(JSON.stringify(answer.body), {
        status: answer.status,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  ];
}
