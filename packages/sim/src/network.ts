import type { TimerId, VirtualClock } from './clock.ts';
import type { ChannelName, Envelope, OutboundMessage } from './envelope.ts';
import {
  type ArmedRule,
  armRules,
  defaultCorrupt,
  type FaultKind,
  type FaultRule,
  fires,
  type PayloadCorrupter,
} from './faults.ts';
import type { Rng } from './rng.ts';
import type { TraceRecorder } from './trace.ts';

/** Transit time of a channel: fixed milliseconds, or uniform in [minMs, maxMs]. */
export type LatencySpec = number | { minMs: number; maxMs: number };

const HOUR = 3_600_000;

/** Where every message sent so far ended up; `balanced` is the "accounted for" invariant. */
export interface NetworkAccounting {
  sent: number;
  /** Extra copies made by `duplicate` faults. */
  duplicated: number;
  delivered: number;
  dropped: number;
  /** Scheduled or held back, not delivered yet. */
  inFlight: number;
  /** sent + duplicated = delivered + dropped + inFlight. */
  balanced: boolean;
}

export interface NetworkOptions {
  clock: VirtualClock;
  /** The network forks `latency`, `faults` and `corrupt` streams from it. */
  rng: Rng;
  trace: TraceRecorder;
  /** Called when a copy arrives (time is its arrival instant). */
  deliver: (envelope: Envelope) => void;
  /** Per channel the parties use (a process definition's channels); any other is refused. */
  latencies: Readonly<Record<ChannelName, LatencySpec>>;
  faults?: readonly FaultRule[];
  corrupt?: PayloadCorrupter;
  /** A reordered message waits at most this long for a successor. Default 1 h. */
  reorderHoldMs?: number;
}

interface Copy {
  key: number;
  envelope: Envelope;
  dueAt: number;
  timer: TimerId;
}

/**
 * Channels between parties: per-channel latency, fault injection decided by a forked RNG and
 * recorded in the trace, and accounting of every copy. Deliveries are clock tasks, so even a
 * zero-latency channel delivers after the sender's current step, never re-entrantly.
 *
 * @example
 * const network = new Network({ clock, rng, trace, deliver: (e) => inbox.push(e),
 *   faults: [{ channel: 'eda', kind: 'drop', nth: 2 }] });
 * network.send({ channel: 'eda', from: 'sp', to: 'dso', payload: '<xml/>' });
 */
export class Network {
  readonly #clock: VirtualClock;
  readonly #trace: TraceRecorder;
  readonly #deliver: (envelope: Envelope) => void;
  readonly #latencies: Record<ChannelName, LatencySpec>;
  readonly #rules: ArmedRule[];
  readonly #corrupt: PayloadCorrupter;
  readonly #reorderHoldMs: number;
  readonly #latencyRng: Rng;
  readonly #faultRng: Rng;
  readonly #corruptRng: Rng;
  readonly #inFlight = new Map<number, Copy>();
  readonly #held = new Map<ChannelName, Copy[]>();
  #envelopes = 0;
  #copies = 0;
  #sent = 0;
  #duplicated = 0;
  #delivered = 0;
  #dropped = 0;

  constructor(options: NetworkOptions) {
    this.#clock = options.clock;
    this.#trace = options.trace;
    this.#deliver = options.deliver;
    this.#latencies = { ...options.latencies };
    for (const [channel, spec] of Object.entries(this.#latencies)) checkLatency(channel, spec);
    this.#rules = armRules(options.faults ?? []);
    this.#corrupt = options.corrupt ?? defaultCorrupt;
    this.#reorderHoldMs = options.reorderHoldMs ?? HOUR;
    this.#latencyRng = options.rng.fork('latency');
    this.#faultRng = options.rng.fork('faults');
    this.#corruptRng = options.rng.fork('corrupt');
  }

  /** Puts a message on its channel; returns the envelope as sent (before any fault). */
  send<P>(message: OutboundMessage<P>): Envelope<P> {
    // Checked before anything is counted, so a refused message never unbalances the accounting.
    if (!Object.hasOwn(this.#latencies, message.channel)) {
      throw new Error(
        `consent-sim: network.ts send: channel "${message.channel}" has no latency; known channels: ${Object.keys(this.#latencies).join(', ')}. Add latencies["${message.channel}"] to the options`,
      );
    }
    const now = this.#clock.now();
    const envelope: Envelope<P> = {
      id: `env-${++this.#envelopes}`,
      channel: message.channel,
      from: message.from,
      to: message.to,
      sentAt: now,
      payload: message.payload,
      messageCode: message.messageCode ?? null,
      responseCodes: message.responseCodes ?? [],
      step: message.step ?? null,
      document: message.document ?? null,
    };
    this.#sent++;
    this.#trace.record({
      kind: 'send',
      atMs: now,
      party: envelope.from,
      from: envelope.from,
      to: envelope.to,
      channel: envelope.channel,
      step: envelope.step,
      messageCode: envelope.messageCode,
      responseCodes: envelope.responseCodes,
      document: envelope.document,
      detail: { envelope: envelope.id },
    });
    this.#route(envelope);
    return envelope;
  }

  accounting(): NetworkAccounting {
    const inFlight = this.#inFlight.size;
    return {
      sent: this.#sent,
      duplicated: this.#duplicated,
      delivered: this.#delivered,
      dropped: this.#dropped,
      inFlight,
      balanced: this.#sent + this.#duplicated === this.#delivered + this.#dropped + inFlight,
    };
  }

  /** Envelopes still travelling or held back, in send order. */
  inFlight(): Envelope[] {
    return [...this.#inFlight.values()].map((copy) => copy.envelope);
  }

  #route(sent: Envelope): void {
    let envelope = sent;
    let extraDelay = 0;
    let duplicates = 0;
    let reorder: ArmedRule | null = null;
    for (const armed of this.#rules) {
      if (!fires(armed, envelope, this.#faultRng)) continue;
      const kind: FaultKind = armed.rule.kind;
      switch (kind) {
        case 'drop':
          this.#fault(envelope, armed, null, null);
          this.#dropped++;
          return;
        case 'duplicate':
          duplicates++;
          this.#fault(envelope, armed, null, null);
          break;
        case 'delay':
          extraDelay += armed.rule.delayMs ?? 0;
          this.#fault(envelope, armed, { delayMs: armed.rule.delayMs ?? 0 }, null);
          break;
        case 'reorder':
          reorder = armed;
          this.#fault(envelope, armed, null, null);
          break;
        case 'corrupt': {
          const payload = this.#corrupt(envelope.payload, this.#corruptRng);
          const document = typeof payload === 'string' ? payload : envelope.document;
          envelope = { ...envelope, payload, document };
          this.#fault(envelope, armed, null, typeof payload === 'string' ? payload : null);
          break;
        }
        default: {
          const unknown: never = kind;
          throw new Error(`consent-sim: network.ts unknown fault kind "${String(unknown)}"`);
        }
      }
    }
    const dueAt = this.#clock.now() + this.#latency(envelope.channel) + extraDelay;
    if (reorder !== null) {
      this.#hold(envelope, dueAt, reorder.rule.delayMs ?? this.#reorderHoldMs);
    } else {
      this.#schedule(envelope, dueAt);
      // A held message goes out right after its successor, so the two arrive swapped.
      this.#release(envelope.channel, dueAt);
    }
    for (let i = 0; i < duplicates; i++) {
      this.#duplicated++;
      this.#schedule(envelope, dueAt);
    }
  }

  #fault(envelope: Envelope, armed: ArmedRule, extra: object | null, document: string | null) {
    this.#trace.record({
      kind: 'fault',
      atMs: this.#clock.now(),
      party: envelope.from,
      from: envelope.from,
      to: envelope.to,
      channel: envelope.channel,
      step: envelope.step,
      messageCode: envelope.messageCode,
      responseCodes: envelope.responseCodes,
      document,
      detail: { fault: armed.rule.kind, rule: armed.name, envelope: envelope.id, ...extra },
    });
  }

  #schedule(envelope: Envelope, dueAt: number): void {
    const key = ++this.#copies;
    const timer = this.#clock.schedule(dueAt, () => this.#arrive(key), 'network.deliver');
    this.#inFlight.set(key, { key, envelope, dueAt, timer });
  }

  #hold(envelope: Envelope, dueAt: number, holdMs: number): void {
    const key = ++this.#copies;
    // Fallback: without a successor on the channel, arrive `holdMs` late instead of never.
    const timer = this.#clock.schedule(dueAt + holdMs, () => this.#arrive(key), 'network.held');
    const copy: Copy = { key, envelope, dueAt, timer };
    this.#inFlight.set(key, copy);
    const queue = this.#held.get(envelope.channel);
    if (queue === undefined) this.#held.set(envelope.channel, [copy]);
    else queue.push(copy);
  }

  #release(channel: ChannelName, successorDueAt: number): void {
    const queue = this.#held.get(channel);
    if (queue === undefined || queue.length === 0) return;
    this.#held.delete(channel);
    for (const copy of queue) {
      if (!this.#inFlight.has(copy.key)) continue;
      this.#clock.cancel(copy.timer);
      const at = Math.max(successorDueAt, copy.dueAt);
      copy.timer = this.#clock.schedule(at, () => this.#arrive(copy.key), 'network.deliver');
    }
  }

  #arrive(key: number): void {
    const copy = this.#inFlight.get(key);
    if (copy === undefined) return;
    this.#inFlight.delete(key);
    this.#delivered++;
    const { envelope } = copy;
    this.#trace.record({
      kind: 'deliver',
      atMs: this.#clock.now(),
      party: envelope.to,
      from: envelope.from,
      to: envelope.to,
      channel: envelope.channel,
      step: envelope.step,
      messageCode: envelope.messageCode,
      responseCodes: envelope.responseCodes,
      detail: { envelope: envelope.id, sentAt: envelope.sentAt },
    });
    this.#deliver(envelope);
  }

  #latency(channel: ChannelName): number {
    const spec = this.#latencies[channel] ?? 0;
    return typeof spec === 'number' ? spec : this.#latencyRng.int(spec.minMs, spec.maxMs);
  }
}

function checkLatency(channel: string, spec: LatencySpec | undefined): void {
  const ok =
    typeof spec === 'number'
      ? Number.isFinite(spec) && spec >= 0
      : spec !== undefined &&
        Number.isInteger(spec.minMs) &&
        Number.isInteger(spec.maxMs) &&
        spec.minMs >= 0 &&
        spec.maxMs >= spec.minMs;
  if (!ok) {
    throw new Error(
      `consent-sim: network.ts latencies.${channel}: must be milliseconds ≥ 0 or { minMs, maxMs } integers with 0 ≤ minMs ≤ maxMs, got ${JSON.stringify(spec)}`,
    );
  }
}
