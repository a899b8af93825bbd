/**
 * The SUT protocol `consent-sim.sut/1`: JSON over HTTP between the conformance harness (client)
 * and a system under test (server) that plays one role of CM_REQ_OFF or DH-831. The harness
 * owns time: it sets the SUT's test clock and delivers documents and stimuli; the SUT answers
 * every request with what it sent since (its outbox) and the instant of its next timer.
 * The normative text is docs/sut-protocol.md; the JSON Schema docs/sut-protocol.schema.json.
 */

/** Written in every request and response body as `protocol`. */
export const SUT_PROTOCOL_VERSION = 'consent-sim.sut/1';

/** Path prefix of every endpoint. */
export const SUT_BASE_PATH = '/consent-sim/v1';

/** The endpoints, relative to the SUT's base URL. */
export const SUT_ENDPOINTS = {
  reset: `${SUT_BASE_PATH}/reset`,
  clock: `${SUT_BASE_PATH}/clock`,
  deliver: `${SUT_BASE_PATH}/deliver`,
} as const;

/** Largest request or response body either side must accept (1 MiB); larger is answered 413. */
export const SUT_MAX_BODY_BYTES = 1_048_576;

/** Default per-request timeout of the harness, ms (`--timeout`). */
export const SUT_DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Channels: those of the process (its definition's `channels`: `eda` and `datahub` carry XML;
 * `email`, `post`, `phone`, `handover` and `authorization-service` carry text plus structured
 * `content`), and `stimulus`, the harness making the SUT's party act (a person applies,
 * objects, decides).
 */
export type SutChannel = string;

/** A party of the test: the SUT's own and every party the harness plays. */
export interface SutParty {
  /** Party id (= role name), used in `from` / `to`. */
  id: string;
  role: string;
  /** EDA ECNumber, Datahub party id, or e-mail address (customers). */
  address: string;
  /** Display name, when the test fixes it. */
  name?: string;
  /** E-mail address for notifications, when the test fixes it. */
  email?: string;
  /** SP registered at ebutilities.at / seller registered in Datahub (default true). */
  registered?: boolean;
  /** The customer's confirmation channel (CM_REQ_OFF_BP_01): `email` or `post`. */
  channel?: string;
}

/** Start a new test; discards every previous state of the SUT (idempotent per `testId`). */
export interface ResetRequest {
  protocol: typeof SUT_PROTOCOL_VERSION;
  /** Unique per test; repeating a reset with the same id is harmless. */
  testId: string;
  /** A process of the harness's registry, e.g. `cm-req-off`. */
  process: string;
  /** The role the SUT plays. */
  role: string;
  seed: number;
  /** The test clock's start instant, ISO 8601 with offset. */
  start: string;
  /** IANA zone of the process (Europe/Vienna, Europe/Helsinki). */
  zone: string;
  parties: SutParty[];
  /** The reference scenario's parameters (free-form, see docs/sut-protocol.md). */
  parameters: Record<string, unknown>;
}

/** Set the test clock to `now` (never backwards); the SUT fires every timer due up to it, in order. */
export interface ClockRequest {
  protocol: typeof SUT_PROTOCOL_VERSION;
  testId: string;
  /** ISO 8601 with offset. */
  now: string;
}

/** A document or stimulus for the SUT, effective at `at` (= the SUT's clock, or later). */
export interface DeliverRequest {
  protocol: typeof SUT_PROTOCOL_VERSION;
  testId: string;
  /** Unique per test; a repeated id is answered with an empty outbox (at-most-once). */
  deliveryId: string;
  channel: SutChannel;
  /** Party id of the sender (`harness` for stimuli). */
  from: string;
  /** The SUT's party id. */
  to: string;
  /** Message code (EDA/Datahub), `EMAIL`, or null (letters, calls, stimuli). */
  messageCode: string | null;
  /** XML (eda, datahub) or the text of a mail/letter/call; null for stimuli. */
  document: string | null;
  /** Structured content of non-XML channels and stimuli (docs/sut-protocol.md § content). */
  content?: Record<string, unknown> | null;
  /** Attachments, e.g. the QR code image handed over (image/png, base64). */
  attachments?: SutAttachment[];
  /** Stimulus name (`apply`, `object`, …) when channel is `stimulus`. */
  stimulus?: string;
  /** ISO 8601 with offset. */
  at: string;
}

export interface SutAttachment {
  contentType: string;
  /** Base64 of the bytes. */
  base64: string;
  /** What the image encodes, when known (a QR code's CMRequest payload). */
  text?: string;
}

/** One thing the SUT sent, in the order it sent them. */
export interface OutboxItem {
  /** A channel of the process (never `stimulus`). */
  channel: SutChannel;
  /** Recipient party id or address. */
  to: string;
  messageCode: string | null;
  /** The XML (eda, datahub) or mail/letter text. */
  document: string | null;
  /** Structured content for non-XML channels (required there, docs/sut-protocol.md § content). */
  content?: Record<string, unknown> | null;
  /** Instant it left the SUT (ISO 8601 with offset), ≤ the clock of the answered request. */
  at: string;
  /** The process step that sent it, when the SUT knows. */
  step?: string | null;
}

/** A process step the SUT performed (optional reporting; enables step checks of its role). */
export interface StepReport {
  step: string;
  at: string;
}

/** The answer to every request (200). */
export interface SutResponse {
  protocol: typeof SUT_PROTOCOL_VERSION;
  testId: string;
  /** The SUT's clock after the request, ISO 8601 with offset. */
  now: string;
  /** Everything sent since the previous response, oldest first. */
  outbox: OutboxItem[];
  /** Steps performed since the previous response, oldest first; omit when not reported. */
  steps?: StepReport[];
  /** The instant of the next pending timer, or null when none is pending. */
  nextTimerAt: string | null;
}

/** The answer to a refused request (4xx/5xx). */
export interface SutErrorResponse {
  protocol: typeof SUT_PROTOCOL_VERSION;
  error: {
    /** Machine-readable: see docs/sut-protocol.md § errors. */
    code: SutErrorCode;
    message: string;
    /** JSON path of the offending field, e.g. `$.now`. */
    field?: string;
    /** `internal` and `test-broken`: the incident id the SUT's log names (with the stack). */
    incident?: string;
  };
}

export type SutErrorCode =
  | 'bad-json'
  | 'bad-field'
  | 'bad-document'
  | 'unknown-test'
  | 'clock-backwards'
  | 'unsupported'
  | 'too-large'
  | 'not-found'
  | 'method-not-allowed'
  | 'unsupported-media-type'
  | 'bad-encoding'
  | 'limit-exceeded'
  | 'test-broken'
  | 'busy'
  | 'timeout'
  | 'internal';

/** HTTP status per error code. */
export const SUT_ERROR_STATUS: Readonly<Record<SutErrorCode, number>> = {
  'bad-json': 400,
  'bad-field': 400,
  'bad-document': 422,
  'unknown-test': 409,
  'clock-backwards': 409,
  unsupported: 422,
  'too-large': 413,
  'not-found': 404,
  'method-not-allowed': 405,
  'unsupported-media-type': 415,
  'bad-encoding': 400,
  'limit-exceeded': 422,
  'test-broken': 409,
  busy: 503,
  timeout: 408,
  internal: 500,
};
