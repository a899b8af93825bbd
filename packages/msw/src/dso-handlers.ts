/**
 * msw handlers in front of the reference DSO (`reference-dso.ts`): your SP client posts EDA XML
 * to `POST {baseUrl}/eda/messages` and reads the DSO's answers from `GET {baseUrl}/eda/outbox`,
 * in the same process, while the test moves virtual time with `advanceTo`.
 */
import { type HttpHandler, HttpResponse, http } from 'msw';
import { httpStatus } from './delivery.ts';
import { bodyBytes, endpoint, outboxHandlers } from './http-common.ts';
import {
  createReferenceDso,
  type ReferenceDso,
  type ReferenceDsoOptions,
} from './reference-dso.ts';

export interface DsoHandlersOptions extends ReferenceDsoOptions {
  /** Where the DSO "lives", e.g. `http://dso.test`; the endpoints hang below it. */
  readonly baseUrl: string;
}

/** The reference DSO plus its msw handlers. */
export interface DsoController extends ReferenceDso {
  /** Pass to `setupServer(...dso.handlers)` (or `server.use`). */
  readonly handlers: readonly HttpHandler[];
}

/**
 * Handlers backed by the real CM_REQ_OFF DSO machine on a virtual clock.
 *
 * - `POST {baseUrl}/eda/messages` (body: EDA XML) → 202 `{ status: 'accepted', answers }`;
 *   400 `{ status: 'invalid' | 'refused', issues: [{ path, rule, value, message }] }`;
 *   422 `{ status: 'unsupported' }` for documents the DSO does not take.
 * - `GET {baseUrl}/eda/outbox[?since=N&to=ADDRESS&messageCode=CODE]` → `{ messages }`.
 * - `GET {baseUrl}/eda/outbox/{seq}` → that document (application/xml).
 *
 * @example
 * const dso = createDsoHandlers({ baseUrl: 'http://dso.test', address: 'AT001000', registeredServiceProviders: ['EP100200'] });
 * const server = setupServer(...dso.handlers);
 * const { payload } = dso.issueConsent({ meteringPoint: 'AT0010000000000000000000000000001', request: { reqDatType: 'HistoricalConsumption', dateFrom: '2026-01-01' } });
 * // … your client redeems `payload` via fetch …
 * dso.advanceTo(Date.parse('2026-03-07T09:00:00.001+01:00'));
 */
export function createDsoHandlers(options: DsoHandlersOptions): DsoController {
  const dso = createReferenceDso(options);
  const handlers = [
    http.post(endpoint(options.baseUrl, '/eda/messages'), async ({ request }) => {
      const result = dso.deliver(await bodyBytes(request));
      return HttpResponse.json(result, { status: httpStatus(result) });
    }),
    ...outboxHandlers(endpoint(options.baseUrl, '/eda/outbox'), dso.outbox),
  ];
  return { ...dso, handlers };
}
