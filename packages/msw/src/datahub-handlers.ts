/**
 * msw handlers in front of the reference Datahub (`reference-datahub.ts`): your seller client
 * posts DH-831 / DH-851 XML to `POST {baseUrl}/datahub/messages` and gets the ACK back.
 */
import { type HttpHandler, HttpResponse, http } from 'msw';
import { httpStatus } from './delivery.ts';
import { bodyBytes, endpoint, outboxHandlers } from './http-common.ts';
import {
  createReferenceDatahub,
  type ReferenceDatahub,
  type ReferenceDatahubOptions,
} from './reference-datahub.ts';

export interface DatahubHandlersOptions extends ReferenceDatahubOptions {
  /** Where Datahub "lives", e.g. `http://datahub.test`. */
  readonly baseUrl: string;
}

/** The reference Datahub plus its msw handlers. */
export interface DatahubController extends ReferenceDatahub {
  /** Pass to `setupServer(...datahub.handlers)` (or `server.use`). */
  readonly handlers: readonly HttpHandler[];
}

/**
 * Handlers backed by the real DH-831 Datahub machine on a virtual clock.
 *
 * - `POST {baseUrl}/datahub/messages` (body: DH-831 or DH-851 XML) → 200 with the ACK XML
 *   (positive, or negative with EC.AUTH.* error ids); 400 JSON `{ status: 'invalid' | 'refused',
 *   issues }` for a technical fault (EC.MSG.*, the negative ACK also goes to the outbox) or
 *   hostile input; 422 for documents Datahub does not take.
 * - `GET {baseUrl}/datahub/outbox[?since=N&to=PARTY]` → `{ messages }`; `/{seq}` → the XML.
 *
 * @example
 * const datahub = createDatahubHandlers({ baseUrl: 'http://datahub.test' });
 * const server = setupServer(...datahub.handlers);
 */
export function createDatahubHandlers(options: DatahubHandlersOptions): DatahubController {
  const datahub = createReferenceDatahub(options);
  const handlers = [
    http.post(endpoint(options.baseUrl, '/datahub/messages'), async ({ request }) => {
      const result = datahub.deliver(await bodyBytes(request));
      const ack =
        result.status === 'accepted'
          ? result.answers.find((m) => m.messageCode === 'ACK')
          : undefined;
      if (ack !== undefined) {
        return new HttpResponse(ack.body, {
          status: 200,
          headers: { 'Content-Type': 'application/xml; charset=utf-8' },
        });
      }
      return HttpResponse.json(result, { status: httpStatus(result) });
    }),
    ...outboxHandlers(endpoint(options.baseUrl, '/datahub/outbox'), datahub.outbox),
  ];
  return { ...datahub, handlers };
}
