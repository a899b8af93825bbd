/**
 * Small pieces shared by the DSO and Datahub handlers: endpoint URLs under a base URL, reading a
 * body as bytes (so the messages guard sees the real encoding and size), and the outbox routes.
 */
import { type HttpHandler, HttpResponse, http } from 'msw';
import { type Outbox, outboxFilter } from './outbox.ts';

/**
 * `baseUrl` + `path` with exactly one slash between them.
 *
 * @example endpoint('http://dso.test/', '/eda/messages') // 'http://dso.test/eda/messages'
 */
export function endpoint(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

/** The request body as bytes; the guard decodes and size-checks them (1 MiB by default). */
export async function bodyBytes(request: Request): Promise<Uint8Array> {
  return new Uint8Array(await request.arrayBuffer());
}

/**
 * `GET <url>` → `{ messages: OutboxMessage[] }` (query `since`, `to`, `messageCode`) and
 * `GET <url>/:seq` → the one document as sent, with its content type.
 */
export function outboxHandlers(url: string, outbox: Outbox): HttpHandler[] {
  return [
    http.get(url, ({ request }) =>
      HttpResponse.json({ messages: outbox.list(outboxFilter(new URL(request.url))) }),
    ),
    http.get(`${url}/:seq`, ({ params }) => {
      const seq = Number(params.seq);
      const message = Number.isSafeInteger(seq) ? outbox.get(seq) : undefined;
      if (message === undefined) {
        return HttpResponse.json(
          {
            error: `consent-sim: outbox: no message ${String(params.seq)}; the outbox holds 1..${outbox.last()}`,
          },
          { status: 404 },
        );
      }
      return new HttpResponse(message.body, {
        status: 200,
        headers: { 'Content-Type': `${message.contentType}; charset=utf-8` },
      });
    }),
  ];
}
