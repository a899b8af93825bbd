import { isoInZone } from '@consent-sim/core';

/** What a trace event records. */
export type TraceKind =
  | 'stimulus'
  | 'step'
  | 'send'
  | 'deliver'
  | 'fault'
  | 'timer'
  | 'state'
  | 'data'
  | 'note'
  | 'invariant';

/** Every kind, in the fixed order used by summaries. */
export const TRACE_KINDS: readonly TraceKind[] = [
  'stimulus',
  'step',
  'send',
  'deliver',
  'fault',
  'timer',
  'state',
  'data',
  'note',
  'invariant',
];

/**
 * One trace event. Every field is always present (null or [] when it does not apply) and keys
 * come in this order, so `JSON.stringify` of a trace is stable byte for byte.
 */
export interface TraceEvent {
  seq: number;
  /** ISO 8601 with the offset of the simulation's zone, e.g. `2026-03-02T09:00:00.000+01:00`. */
  at: string;
  atMs: number;
  kind: TraceKind;
  /** The party the event happened at (sender for `send`, receiver for `deliver`). */
  party: string | null;
  from: string | null;
  to: string | null;
  channel: string | null;
  step: string | null;
  messageCode: string | null;
  responseCodes: readonly string[];
  /** The serialised document (e.g. XML) where one travels. */
  document: string | null;
  /** Kind-specific plain data (fault applied, state value, error, …). */
  detail: unknown;
}

/** What a caller supplies to {@link TraceRecorder.record}; omitted fields become null / []. */
export interface TraceInput {
  kind: TraceKind;
  atMs: number;
  party?: string | null;
  from?: string | null;
  to?: string | null;
  channel?: string | null;
  step?: string | null;
  messageCode?: string | null;
  responseCodes?: readonly string[];
  document?: string | null;
  detail?: unknown;
}

/** `full` keeps every event; `summary` only counts (for load runs). */
export type TraceMode = 'full' | 'summary';

/** Counts kept in both modes. Key order is fixed (kinds) or first-seen (steps, codes). */
export interface TraceSummary {
  events: number;
  byKind: Record<TraceKind, number>;
  byStep: Record<string, number>;
  byMessageCode: Record<string, number>;
}

export interface TraceRecorderOptions {
  /** IANA zone the `at` timestamps are written in, e.g. `Europe/Vienna`. */
  zone: string;
  mode?: TraceMode;
}

const EMPTY_CODES: readonly string[] = Object.freeze([]);

/**
 * Append-only recorder of trace events. In `summary` mode no event object is built unless a
 * listener (an incremental invariant) is attached, so a load run pays for counting only.
 *
 * @example
 * const trace = new TraceRecorder({ zone: 'Europe/Vienna' });
 * trace.record({ kind: 'note', atMs: Date.parse('2026-03-02T08:00:00Z'), detail: 'hello' });
 * trace.events()[0]?.at; // '2026-03-02T09:00:00.000+01:00'
 */
export class TraceRecorder {
  readonly zone: string;
  readonly mode: TraceMode;
  readonly #events: TraceEvent[] = [];
  readonly #listeners: Array<(event: TraceEvent) => void> = [];
  readonly #byKind = Object.fromEntries(TRACE_KINDS.map((k) => [k, 0])) as Record<
    TraceKind,
    number
  >;
  readonly #byStep = new Map<string, number>();
  readonly #byMessageCode = new Map<string, number>();
  #seq = 0;
  // Many events share an instant; formatting it once saves a Luxon round trip per event.
  #lastMs = Number.NaN;
  #lastIso = '';

  constructor(options: TraceRecorderOptions) {
    this.zone = options.zone;
    this.mode = options.mode ?? 'full';
    // Fail early on a bad zone rather than at the first event.
    isoInZone(0, this.zone);
  }

  /** Appends an event (full mode) or counts it (summary mode); returns it when one was built. */
  record(input: TraceInput): TraceEvent | null {
    const seq = ++this.#seq;
    this.#byKind[input.kind]++;
    if (input.step) this.#byStep.set(input.step, (this.#byStep.get(input.step) ?? 0) + 1);
    if (input.messageCode && input.kind === 'send') {
      this.#byMessageCode.set(
        input.messageCode,
        (this.#byMessageCode.get(input.messageCode) ?? 0) + 1,
      );
    }
    if (this.mode === 'summary' && this.#listeners.length === 0) return null;
    const event: TraceEvent = {
      seq,
      at: this.#iso(input.atMs),
      atMs: input.atMs,
      kind: input.kind,
      party: input.party ?? null,
      from: input.from ?? null,
      to: input.to ?? null,
      channel: input.channel ?? null,
      step: input.step ?? null,
      messageCode: input.messageCode ?? null,
      responseCodes: input.responseCodes ?? EMPTY_CODES,
      document: input.document ?? null,
      detail: input.detail ?? null,
    };
    if (this.mode === 'full') this.#events.push(event);
    for (const listener of this.#listeners) listener(event);
    return event;
  }

  /** Calls `listener` with every event recorded from now on, in both modes. */
  listen(listener: (event: TraceEvent) => void): void {
    this.#listeners.push(listener);
  }

  /** The recorded events (empty in summary mode). */
  events(): readonly TraceEvent[] {
    return this.#events;
  }

  summary(): TraceSummary {
    return {
      events: this.#seq,
      byKind: { ...this.#byKind },
      byStep: Object.fromEntries(this.#byStep),
      byMessageCode: Object.fromEntries(this.#byMessageCode),
    };
  }

  /** Deterministic JSON form: zone, mode, summary and (full mode) the events. */
  toJSON(): {
    zone: string;
    mode: TraceMode;
    summary: TraceSummary;
    events: readonly TraceEvent[];
  } {
    return { zone: this.zone, mode: this.mode, summary: this.summary(), events: this.#events };
  }

  #iso(atMs: number): string {
    if (atMs !== this.#lastMs) {
      this.#lastIso = isoInZone(atMs, this.zone);
      this.#lastMs = atMs;
    }
    return this.#lastIso;
  }
}
