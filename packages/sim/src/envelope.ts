/** A channel parties talk over: one of the process definition's `channels`. */
export type ChannelName = string;

/** A message in transit between two parties. */
export interface Envelope<P = unknown> {
  /** Deterministic, in send order: `env-1`, `env-2`, … (duplicates keep the id). */
  id: string;
  channel: ChannelName;
  /** Party ids. */
  from: string;
  to: string;
  /** Virtual epoch ms it left the sender. */
  sentAt: number;
  /** What travels: a serialised document, bytes of an image, a mail object. */
  payload: P;
  messageCode: string | null;
  responseCodes: readonly string[];
  /** The catalogue step that sent it, when known. */
  step: string | null;
  /** The document as text, for the trace (e.g. the XML); null when there is none. */
  document: string | null;
}

/** What a sender hands to the network; the network assigns `id` and `sentAt`. */
export interface OutboundMessage<P = unknown> {
  channel: ChannelName;
  from: string;
  to: string;
  payload: P;
  messageCode?: string | null;
  responseCodes?: readonly string[];
  step?: string | null;
  document?: string | null;
}
