/**
 * The limits of the reference SUT (`sim serve`, the in-process handler): every request does
 * bounded work and every test is kept for a bounded time. docs/sut-protocol.md § Limits states
 * them with what each side does when one is hit; no shipped scenario or model path comes near.
 */

const DAY_MS = 86_400_000;

export const SUT_LIMITS = {
  /** Earliest instant a request may name (`start`, `now`, `at`): 1970-01-01T00:00:00Z. */
  earliestMs: Date.UTC(1970, 0, 1),
  /** Latest instant a request may name: 2200-12-31T23:59:59.999Z (exclusive of 2201). */
  latestMs: Date.UTC(2201, 0, 1) - 1,
  /** How far the test clock may move from the reset's `start` (5 × 366 days). */
  maxSpanMs: 5 * 366 * DAY_MS,
  /** Engine events (timers, arrivals, stimuli) one request may run. */
  maxEventsPerRequest: 20_000,
  /**
   * Wall time one request's engine run may take, ms: a second bound beside the event count, for
   * events that are each slow (no shipped path comes near: its longest request runs in ~0.1 s).
   */
  requestBudgetMs: 10_000,
  /** Largest answer the SUT builds: the protocol's 1 MiB, less room for the envelope. */
  maxAnswerBytes: 1_048_576 - 4_096,
  /** Tests kept at once; a reset of a new test id beyond it is answered 503 `busy`. */
  maxTests: 5_000,
  /** A test nobody sent a request for in this long is dropped (30 minutes). */
  idleMs: 30 * 60_000,
  /** Largest QR payload (level M, version 40 byte mode, OFF-QR-PAYLOAD). */
  maxQrPayloadBytes: 2_331,
  /** Distinct `deliveryId`s remembered per test (at-most-once); more is `limit-exceeded`. */
  maxDeliveriesPerTest: 100_000,
  /** Parties one reset may name. */
  maxParties: 32,
} as const;

/** Timeouts of the HTTP face (`sim serve`), ms. */
export const SUT_TIMEOUTS = {
  /** The request line and headers must have arrived within this. */
  headersMs: 10_000,
  /** The whole body must have arrived within this of the request's start (a trickled body is cut). */
  bodyMs: 15_000,
  /** An idle keep-alive connection is closed after this. */
  keepAliveMs: 5_000,
} as const;
