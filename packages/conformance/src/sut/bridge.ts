/**
 * The bridge between the engine and the SUT protocol, used on both sides: the harness replaces
 * the SUT's role by a proxy party (what the engine delivers to it becomes a protocol delivery;
 * the SUT's outbox is emitted by the proxy), and `sim serve` replaces every role but the served
 * one the same way. Real documents travel as they are; mails, letters, hand-overs and
 * simulation-only messages travel as their structured `content` and are encoded by the process
 * wiring, exactly as if a reference machine had sent them.
 */

import {
  assembleRun,
  type EncodedMessage,
  type Envelope,
  type InboundCodec,
  type MachineEvent,
  type OutboundCodec,
  type ProcessWiring,
  type Scenario,
  type ScheduledStimulus,
  type SendEmission,
  type Simulation,
  xmlChannels,
} from '@consent-sim/sim';
import type { AnyStateMachine } from 'xstate';
import { emit, setup } from 'xstate';
import type { ProcessPlugin } from '../process/plugin.ts';
import type { OutboxItem, SutChannel } from './protocol.ts';

/** What the engine delivered to a proxied party, before the protocol adds ids and instants. */
export interface CapturedDelivery {
  /** The proxied party it was for. */
  party: string;
  channel: SutChannel;
  from: string;
  messageCode: string | null;
  document: string | null;
  content: Record<string, unknown> | null;
  stimulus?: string;
  /** The step that sent it, when the sender's machine named one. */
  step?: string | null;
  at: number;
}

/** Marks an emission as coming from the other side of the protocol. */
const BRIDGED = Symbol('consent-sim.sut.bridged');

interface BridgedMessage {
  [BRIDGED]: OutboxItem;
}

function isBridged(message: unknown): message is BridgedMessage {
  return typeof message === 'object' && message !== null && BRIDGED in message;
}

/** A machine that hands every event to `capture` and emits what `bridge.emit` carries. */
function proxyMachine(capture: (event: MachineEvent & { at: number }) => void): AnyStateMachine {
  return setup({}).createMachine({
    id: 'sut-proxy',
    on: {
      'bridge.emit': {
        actions: emit(({ event }) => (event as unknown as { emission: { type: string } }).emission),
      },
      'bridge.step': {
        actions: emit(({ event }) => ({
          type: 'step',
          step: (event as unknown as { step: string }).step,
        })),
      },
      '*': { actions: ({ event }) => capture(event as MachineEvent & { at: number }) },
    },
  });
}

export interface BridgeOptions {
  plugin: ProcessPlugin;
  scenario: Scenario;
  /** Roles played by the other side of the protocol. */
  proxied: readonly string[];
  /** Reference machines to use for the roles not proxied (deliberately wrong ones in tests). */
  machines?: Readonly<Record<string, AnyStateMachine>>;
  /** `instant` for a served role (the harness's network already applied latency). */
  transit?: 'scenario' | 'instant';
  /** Check the process invariants (default true). */
  invariants?: boolean;
  /** Schedule the scenario's stimuli (default true). */
  stimuli?: boolean;
}

/**
 * A run with proxied roles (assembled the one way, `assembleRun`), and the queue of what
 * reached them.
 *
 * @example
 * const bridge = new SutBridge({ plugin, scenario, proxied: ['vnb'] });
 * bridge.sim.run({ until }); bridge.drain(); // what the engine delivered to the SUT's party
 */
export class SutBridge {
  readonly sim: Simulation;
  readonly wiring: ProcessWiring;
  readonly proxied: ReadonlySet<string>;
  readonly captured: CapturedDelivery[] = [];
  /** The scenario's stimuli as scheduled, to be moved by causal timing (anchors.ts). */
  readonly stimuli: readonly ScheduledStimulus[];
  /** The process's channels: what each carries. */
  readonly channels: ProcessPlugin['channels'];
  readonly #plugin: ProcessPlugin;
  readonly #xml: ReadonlySet<string>;

  constructor(options: BridgeOptions) {
    this.#plugin = options.plugin;
    this.channels = options.plugin.channels;
    this.#xml = new Set(xmlChannels(options.plugin));
    this.proxied = new Set(options.proxied);
    const machines: Record<string, AnyStateMachine> = { ...(options.machines ?? {}) };
    for (const role of options.proxied) {
      machines[role] = proxyMachine((event) => this.#captureEvent(role, event));
    }
    const { sim, wiring, stimuli } = assembleRun({
      definition: options.plugin,
      scenario: options.scenario,
      machines,
      ...(options.transit ? { transit: options.transit } : {}),
      ...(options.invariants === false ? { invariants: false } : {}),
      ...(options.stimuli === false ? { stimuli: false } : {}),
      codecs: (w) => ({ outbound: this.#outbound(w), inbound: this.#inbound(w) }),
    });
    this.sim = sim;
    this.wiring = wiring;
    this.stimuli = stimuli;
  }

  /** A real document travels as it is; anything else (incl. simulation-only JSON) as content. */
  isXml(item: { channel: string; document: string | null }): boolean {
    return this.#xml.has(item.channel) && (item.document ?? '').trimStart().startsWith('<');
  }

  /** Encodes what a proxied party emits: its real document as it is, anything else via the wiring. */
  #outbound =
    (wiring: ProcessWiring): OutboundCodec =>
    (from, emitted) => {
      if (!isBridged(emitted.message)) return wiring.outboundCodec(from, emitted);
      const item = emitted.message[BRIDGED];
      if (this.isXml(item)) {
        const codes = this.#plugin.policy.readCodes(item.channel, item.document ?? '');
        const encoded: EncodedMessage = {
          payload: item.document,
          messageCode: codes.messageCode ?? item.messageCode,
          responseCodes: codes.responseCodes,
          document: item.document,
        };
        return encoded;
      }
      return wiring.outboundCodec(from, { ...emitted, message: item.content ?? {} });
    };

  /** Decodes with the wiring (its checks and bookkeeping), then queues deliveries to proxies. */
  #inbound =
    (wiring: ProcessWiring): InboundCodec =>
    (to, envelope) => {
      const result = wiring.inboundCodec(to, envelope);
      if (!this.proxied.has(to.id) || 'rejected' in result) return result;
      this.captured.push(this.#toDelivery(to.id, envelope, result.event));
      return { event: { type: 'bridge.captured' } };
    };

  /**
   * Makes a proxied party send `item` now (or at `item`'s instant if later).
   *
   * @example bridge.inject('vnb', atMs, { channel: 'eda', to: 'sp', messageCode: 'ANTWORT_CMQF', document: xml, at })
   */
  inject(party: string, atMs: number, item: OutboxItem): void {
    const sim = this.sim;
    const actor = sim.actor(party);
    const emission: SendEmission = {
      type: 'send',
      channel: item.channel,
      to: item.to,
      message: { [BRIDGED]: item } satisfies BridgedMessage,
      ...(item.step ? { step: item.step } : {}),
    };
    // What the reference machine would have announced to the engine with this message (e.g.
    // the ConsentIds a DSO's QR letter names, VNB_02), so that stimuli can learn them.
    const announced = this.wiring.announce?.(party, item.content ?? null) ?? [];
    sim.clock.schedule(
      Math.max(atMs, sim.clock.now()),
      () => {
        for (const announcement of announced) {
          actor.send({ type: 'bridge.emit', emission: announcement });
        }
        actor.send({ type: 'bridge.emit', emission });
      },
      'sut',
    );
  }

  /** Records a step the other side reports it performed (StepReport) at its instant. */
  reportStep(party: string, atMs: number, step: string): void {
    const sim = this.sim;
    const actor = sim.actor(party);
    sim.clock.schedule(
      Math.max(atMs, sim.clock.now()),
      () => actor.send({ type: 'bridge.step', step }),
      'sut',
    );
  }

  /** Takes the queued deliveries, oldest first. */
  drain(): CapturedDelivery[] {
    return this.captured.splice(0, this.captured.length);
  }

  #captureEvent(party: string, event: MachineEvent & { at: number }): void {
    if (event.type === 'bridge.captured') return;
    if (event.type.startsWith('stimulus.')) {
      const { type, at, ...content } = event;
      this.captured.push({
        party,
        channel: 'stimulus',
        from: 'harness',
        messageCode: null,
        document: null,
        content: jsonSafe(content),
        stimulus: type.slice('stimulus.'.length),
        at,
      });
    }
  }

  /** The protocol view of an envelope: the document as text, and structured content off XML. */
  #toDelivery(party: string, envelope: Envelope, decoded: MachineEvent): CapturedDelivery {
    const base = {
      party,
      channel: envelope.channel as SutChannel,
      from: envelope.from,
      step: envelope.step,
      at: this.sim.clock.now(),
    };
    const payload = envelope.payload;
    if (typeof payload === 'string' && this.#xml.has(envelope.channel)) {
      return { ...base, messageCode: envelope.messageCode, document: payload, content: null };
    }
    return {
      ...base,
      messageCode: envelope.messageCode,
      document: typeof payload === 'string' ? payload : envelope.document,
      content: contentOf(payload, decoded),
    };
  }
}

/** Mails carry their structured form; a QR image is read so `qrPayload` holds its text. */
function contentOf(payload: unknown, decoded: MachineEvent): Record<string, unknown> {
  if (
    decoded.type === 'mail.received' &&
    typeof decoded.mail === 'object' &&
    decoded.mail !== null
  ) {
    return jsonSafe(decoded.mail as Record<string, unknown>);
  }
  if (typeof payload === 'object' && payload !== null) {
    const { qrImage, ...rest } = payload as Record<string, unknown>;
    // SP_02: the wiring read the image on the SP's behalf; its text is what the QR code holds.
    const read = decoded.type === 'qr.received' && typeof decoded.payload === 'string';
    return jsonSafe(read || qrImage !== undefined ? { ...rest, qrPayload: decoded.payload } : rest);
  }
  return {};
}

function jsonSafe(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}
