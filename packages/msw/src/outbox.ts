/**
 * What a reference party sent, kept in order so a client under test can read it over HTTP
 * (`GET …/outbox`) or a test can read it directly. Entries are never removed: a client polls with
 * `?since=<seq>` (the last sequence number it saw), as it would poll an EDA or Datahub mailbox.
 */
export interface OutboxMessage {
  /** 1, 2, 3, … in the order the party sent. */
  readonly seq: number;
  /** Virtual instant of sending, epoch ms. */
  readonly atMs: number;
  /** The same instant, ISO 8601 with the process zone's offset. */
  readonly at: string;
  /** Recipient: EDA address or Datahub party id. */
  readonly to: string;
  readonly messageCode: string;
  /** EDA ResponseCodes (numbers) or Datahub error ids of a negative ACK. */
  readonly responseCodes: readonly (number | string)[];
  /** ConsentId (CM_REQ_OFF) or request id (DH-831) the message is about, when it names one. */
  readonly subject?: string;
  readonly contentType: 'application/xml' | 'application/json';
  /** The document as sent (XML; simulation-only documents in the reference's own namespace). */
  readonly body: string;
}

export interface OutboxFilter {
  /** Only messages with a sequence number above this one. */
  readonly since?: number;
  readonly to?: string;
  readonly messageCode?: string;
}

export class Outbox {
  readonly #messages: OutboxMessage[] = [];

  add(message: Omit<OutboxMessage, 'seq'>): OutboxMessage {
    const entry = { seq: this.#messages.length + 1, ...message };
    this.#messages.push(entry);
    return entry;
  }

  /** Messages in sending order, optionally filtered. */
  list(filter: OutboxFilter = {}): OutboxMessage[] {
    return this.#messages.filter(
      (m) =>
        m.seq > (filter.since ?? 0) &&
        (filter.to === undefined || m.to === filter.to) &&
        (filter.messageCode === undefined || m.messageCode === filter.messageCode),
    );
  }

  get(seq: number): OutboxMessage | undefined {
    return this.#messages[seq - 1];
  }

  /** The sequence number of the last message, 0 when empty. */
  last(): number {
    return this.#messages.length;
  }
}

/**
 * Reads `since`, `to` and `messageCode` from a request URL's query.
 *
 * @example outboxFilter(new URL('http://dso.test/eda/outbox?since=3')) // { since: 3 }
 */
export function outboxFilter(url: URL): OutboxFilter {
  const since = url.searchParams.get('since');
  const to = url.searchParams.get('to');
  const messageCode = url.searchParams.get('messageCode');
  return {
    ...(since !== null && /^\d+$/.test(since) ? { since: Number(since) } : {}),
    ...(to !== null ? { to } : {}),
    ...(messageCode !== null ? { messageCode } : {}),
  };
}
