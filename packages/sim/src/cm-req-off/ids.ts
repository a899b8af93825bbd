/**
 * The EDA identifiers the engine mints for CM_REQ_OFF documents: MessageId from the run's seeded
 * RNG stream and the virtual clock (never the wall clock or Math.random), ConversationId for a
 * new conversation, and the CMRequestId derived from the MessageId (digest "Identifier facts").
 */
import { cmRequestId, conversationId, messageId } from '@consent-sim/messages';
import type { Rng } from '../rng.ts';

export interface RequestIds {
  readonly messageId: string;
  readonly conversationId: string;
  readonly cmRequestId: string;
}

/**
 * Mints ids that are unique within one run.
 *
 * @example
 * const ids = new IdMinter(rng.fork('message-ids'));
 * ids.newRequest('EP100200', at); // { messageId: 'EP100200…', conversationId: 'EP100200T…', cmRequestId: '…' }
 */
export class IdMinter {
  readonly #rng: Rng;
  readonly #messageIds = new Set<string>();
  readonly #conversationIds = new Set<string>();

  constructor(rng: Rng) {
    this.#rng = rng;
  }

  /** Sender address + Vienna `yyyyMMddHHmmssSSS` + 10 digits drawn from the seeded stream. */
  messageId(sender: string, at: number): string {
    for (;;) {
      const id = messageId({ sender, at, random: () => this.#rng.next() });
      if (!this.#messageIds.has(id)) {
        this.#messageIds.add(id);
        return id;
      }
    }
  }

  /**
   * `<sender>T<epoch ms>` as the shared samples show it. A second conversation the same sender
   * starts in the same millisecond (e.g. one ConsentRequest per metering point of one QR code)
   * gets the suffix `N2`, `N3`, … so that every conversation keeps its own id.
   */
  conversationId(sender: string, at: number): string {
    const base = conversationId({ sender, at });
    let id = base;
    for (let n = 2; this.#conversationIds.has(id); n += 1) id = `${base}N${n}`;
    this.#conversationIds.add(id);
    return id;
  }

  /** Ids of a message that starts a conversation; the CMRequestId is derived from the MessageId. */
  newRequest(sender: string, at: number): RequestIds {
    const message = this.messageId(sender, at);
    return {
      messageId: message,
      conversationId: this.conversationId(sender, at),
      cmRequestId: cmRequestId(message),
    };
  }
}
