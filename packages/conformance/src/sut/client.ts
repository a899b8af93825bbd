/**
 * The harness's side of the SUT protocol over an injected transport (the CLI supplies HTTP with
 * a timeout; tests may supply an in-memory server). Every answer is checked against the
 * protocol before the harness uses it; a misbehaving SUT is a `SutProtocolError` naming the
 * endpoint, the field and what was wrong — never a hang and never a silent guess.
 */
import {
  type ClockRequest,
  type DeliverRequest,
  type OutboxItem,
  type ResetRequest,
  type StepReport,
  SUT_ENDPOINTS,
  SUT_PROTOCOL_VERSION,
  type SutResponse,
} from './protocol.ts';

/** One HTTP exchange: POST `body` as JSON to `path`; resolves with status and parsed JSON body. */
export type SutTransport = (
  path: string,
  body: unknown,
) => Promise<{ status: number; body: unknown }>;

export class SutProtocolError extends Error {
  override readonly name = 'SutProtocolError';
}

/** A checked response with instants as epoch ms. */
export interface SutAnswer {
  nowMs: number;
  outbox: (OutboxItem & { atMs: number })[];
  steps: (StepReport & { atMs: number })[] | null;
  nextTimerMs: number | null;
}

/**
 * @example
 * const client = new SutClient(transport);
 * const answer = await client.clock({ protocol: SUT_PROTOCOL_VERSION, testId, now: '2026-03-21T10:00:00+01:00' });
 */
export class SutClient {
  readonly #transport: SutTransport;

  constructor(transport: SutTransport) {
    this.#transport = transport;
  }

  reset(request: ResetRequest): Promise<SutAnswer> {
    return this.#call(SUT_ENDPOINTS.reset, request);
  }

  clock(request: ClockRequest): Promise<SutAnswer> {
    return this.#call(SUT_ENDPOINTS.clock, request);
  }

  deliver(request: DeliverRequest): Promise<SutAnswer> {
    return this.#call(SUT_ENDPOINTS.deliver, request);
  }

  async #call(path: string, request: { testId: string }): Promise<SutAnswer> {
    const { status, body } = await this.#transport(path, request);
    if (status !== 200) {
      const error = (body as { error?: { code?: string; message?: string; field?: string } })
        ?.error;
      throw new SutProtocolError(
        `consent-sim: the SUT answered POST ${path} with HTTP ${status}${error ? ` (${error.code ?? '?'}${error.field ? ` at ${error.field}` : ''}: ${error.message ?? ''})` : ''}; see docs/sut-protocol.md § errors`,
      );
    }
    return checkAnswer(path, request.testId, body);
  }
}

/** Refuses an answer, naming the endpoint, the field and the rule. */
export function fail(path: string, field: string, rule: string, value: unknown): never {
  throw new SutProtocolError(
    `consent-sim: the SUT's answer to POST ${path} is not ${SUT_PROTOCOL_VERSION}: ${field} ${rule}, got ${JSON.stringify(value)?.slice(0, 120)}; fix the adapter (docs/sut-protocol.md)`,
  );
}

function instant(path: string, field: string, value: unknown): number {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (typeof value !== 'string' || !/[T ].*(?:Z|[+-]\d\d:\d\d)$/.test(value) || Number.isNaN(ms)) {
    fail(path, field, 'must be an ISO 8601 instant with offset', value);
  }
  return ms;
}

/**
 * Checks a 200 body field by field (the JSON Schema's `SutResponse`, by hand). What each channel
 * must carry depends on the process: `checkOutboxChannels` checks that, knowing the plug-in.
 */
export function checkAnswer(path: string, testId: string, body: unknown): SutAnswer {
  if (typeof body !== 'object' || body === null) fail(path, '$', 'must be an object', body);
  const b = body as Partial<SutResponse>;
  if (b.protocol !== SUT_PROTOCOL_VERSION)
    fail(path, '$.protocol', `must be "${SUT_PROTOCOL_VERSION}"`, b.protocol);
  if (b.testId !== testId)
    fail(path, '$.testId', `must repeat the request's "${testId}"`, b.testId);
  const nowMs = instant(path, '$.now', b.now);
  if (!Array.isArray(b.outbox)) fail(path, '$.outbox', 'must be an array', b.outbox);
  const outbox = b.outbox.map((item, i) => {
    const f = `$.outbox[${i}]`;
    if (typeof item !== 'object' || item === null) fail(path, f, 'must be an object', item);
    if (typeof item.channel !== 'string' || item.channel === '')
      fail(path, `${f}.channel`, "must name one of the process's channels", item.channel);
    if (typeof item.to !== 'string' || item.to === '')
      fail(path, `${f}.to`, 'must be a party id or address', item.to);
    if (item.messageCode !== null && typeof item.messageCode !== 'string')
      fail(path, `${f}.messageCode`, 'must be a string or null', item.messageCode);
    if (item.document !== null && typeof item.document !== 'string')
      fail(path, `${f}.document`, 'must be a string or null', item.document);
    const atMs = instant(path, `${f}.at`, item.at);
    if (atMs > nowMs) fail(path, `${f}.at`, `must not be after $.now (${b.now})`, item.at);
    return { ...item, atMs };
  });
  for (let i = 1; i < outbox.length; i++) {
    if ((outbox[i]?.atMs ?? 0) < (outbox[i - 1]?.atMs ?? 0))
      fail(
        path,
        `$.outbox[${i}].at`,
        'must not be before the previous item (oldest first)',
        outbox[i]?.at,
      );
  }
  let steps: SutAnswer['steps'] = null;
  if (b.steps !== undefined) {
    if (!Array.isArray(b.steps)) fail(path, '$.steps', 'must be an array when present', b.steps);
    steps = b.steps.map((s, i) => {
      if (typeof s?.step !== 'string')
        fail(path, `$.steps[${i}].step`, 'must be a step id', s?.step);
      return { ...s, atMs: instant(path, `$.steps[${i}].at`, s.at) };
    });
  }
  const nextTimerMs = b.nextTimerAt === null ? null : instant(path, '$.nextTimerAt', b.nextTimerAt);
  if (nextTimerMs !== null && nextTimerMs <= nowMs) {
    fail(
      path,
      '$.nextTimerAt',
      `must be after $.now (${b.now}): every timer due up to now has fired`,
      b.nextTimerAt,
    );
  }
  return { nowMs, outbox, steps, nextTimerMs };
}

/**
 * The outbox against the process's channels: each item on one of them, with the XML document
 * on a channel that carries XML (unless it carries structured content there, as DH-831's
 * simulation-only AUTHORIZATION_END does) and with structured content on the others.
 */
export function checkOutboxChannels(
  path: string,
  channels: Readonly<Record<string, { carries: 'xml' | 'content' }>>,
  outbox: readonly OutboxItem[],
): void {
  const names = Object.keys(channels);
  outbox.forEach((item, i) => {
    const f = `$.outbox[${i}]`;
    const spec = Object.hasOwn(channels, item.channel) ? channels[item.channel] : undefined;
    if (spec === undefined)
      fail(path, `${f}.channel`, `must be one of ${names.join(', ')}`, item.channel);
    const xml = spec.carries === 'xml' && item.content == null;
    if (xml && (typeof item.document !== 'string' || !item.document.trimStart().startsWith('<'))) {
      fail(
        path,
        `${f}.document`,
        `must be the XML document on channel ${item.channel}`,
        item.document,
      );
    }
    if (!xml && (typeof item.content !== 'object' || item.content === null)) {
      fail(
        path,
        `${f}.content`,
        `must be the structured content on channel ${item.channel}`,
        item.content,
      );
    }
  });
}
