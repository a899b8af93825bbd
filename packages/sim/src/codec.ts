import type { Envelope } from './envelope.ts';

/** Who a party is, as codecs and invariants see it. */
export interface PartyInfo {
  /** Unique within the simulation; used as `from` / `to` in envelopes and the trace. */
  id: string;
  /** Routing address (e.g. an EDA ECNumber); a machine may name a recipient by id or address. */
  address: string;
  /** Role in the process, e.g. `vnb`, `serviceProvider`, `customer`. */
  role: string;
}

/** A machine's `emit({ type: 'send', … })`, per the design contract. */
export interface SendEmission {
  type: 'send';
  channel: string;
  /** Recipient party id or address. */
  to: string;
  /** Outbound intent (EDA) or `{ subject, text, qrPayload? }` (mail channels). */
  message: unknown;
  /** The step that sends it; defaults to the step the same actor emitted at the same instant. */
  step?: string;
}

/** What travels, produced by the outbound codec. */
export interface EncodedMessage {
  payload: unknown;
  messageCode?: string | null;
  responseCodes?: readonly string[];
  /** Text shown in the trace (e.g. the XML). */
  document?: string | null;
}

/**
 * Turns an emitted `send` into what travels (the process wiring builds and validates XML here).
 * Throwing fails the run with the error in the trace.
 */
export type OutboundCodec = (party: PartyInfo, emitted: SendEmission) => EncodedMessage;

/** An event for a machine: a type plus plain fields (the engine adds `at`). */
export interface MachineEvent {
  type: string;
  [field: string]: unknown;
}

/**
 * The receiving side's verdict on an envelope. `party` hands the event to another party instead
 * of the addressee (e.g. a per-ConsentId instance party added with `addParty`); the trace
 * records the hand-over.
 */
export type InboundResult =
  | { event: MachineEvent; party?: string }
  | { rejected: string; detail?: unknown };

/**
 * Turns an arrived envelope into the event for the receiving machine (the engine adds `at`),
 * or rejects it (recorded in the trace, not sent to the machine).
 */
export type InboundCodec = (party: PartyInfo, envelope: Envelope) => InboundResult;

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * Passes the message through unchanged; takes `messageCode` and `responseCodes` from it when
 * it has them.
 *
 * @example passThroughOutbound(dso, { type: 'send', channel: 'eda', to: 'sp', message: { messageCode: 'ANTWORT' } })
 */
export const passThroughOutbound: OutboundCodec = (_party, emitted) => {
  const message = emitted.message;
  const fields =
    typeof message === 'object' && message !== null ? (message as Record<string, unknown>) : {};
  return {
    payload: message,
    messageCode: typeof fields.messageCode === 'string' ? fields.messageCode : null,
    responseCodes: isStringArray(fields.responseCodes) ? fields.responseCodes : [],
    document: typeof message === 'string' ? message : null,
  };
};

/**
 * An envelope with a message code becomes `receive.<code>` with the payload as `message`;
 * anything else becomes `mail.received` (the design's two inbound shapes).
 *
 * @example passThroughInbound(sp, envelope); // { event: { type: 'receive.ANTWORT', from: 'dso', message } }
 */
export const passThroughInbound: InboundCodec = (_party, envelope) => {
  if (envelope.messageCode !== null) {
    return {
      event: {
        type: `receive.${envelope.messageCode}`,
        from: envelope.from,
        message: envelope.payload,
      },
    };
  }
  return {
    event: {
      type: 'mail.received',
      from: envelope.from,
      channel: envelope.channel,
      mail: envelope.payload,
    },
  };
};
