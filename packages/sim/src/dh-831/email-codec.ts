/**
 * DH-831 e-mails: Datahub's mail intents become RFC 5322 text (Message-ID from the seeded
 * stream). The customer "reads" the intent behind a mail it was sent; a mail damaged on the way
 * (corrupt fault) is not what Datahub sent, and nobody can read it.
 */
import { type dh831, HELSINKI } from '@consent-sim/core';
import { buildEmail } from '@consent-sim/messages';
import type { EncodedMessage, InboundResult } from '../codec.ts';
import type { Envelope } from '../envelope.ts';
import type { Rng } from '../rng.ts';
import { uuid } from './ids.ts';
import type { Dh831Ledger } from './ledger.ts';
import type { Dh831Party } from './parties.ts';

export interface EmailCodecOptions {
  /** Stream for Message-IDs. */
  readonly rng: Rng;
  /** The virtual clock's now, epoch ms. */
  readonly now: () => number;
  readonly ledger: Dh831Ledger;
}

/**
 * The e-mail codec of one run.
 *
 * @example const mails = createEmailCodec({ rng, now, ledger }); mails.decode(mails.encode(datahub, intent) …);
 */
export function createEmailCodec(options: EmailCodecOptions) {
  const { rng, now, ledger } = options;
  // The intent behind every mail, by Message-ID: the customer "reads" the mail it was sent.
  const mails = new Map<string, { readonly intent: dh831.EmailIntent; readonly text: string }>();

  const encode = (sender: Dh831Party, mail: dh831.EmailIntent): EncodedMessage => {
    const messageId = `${uuid(rng)}@datahub.consent-sim.invalid`;
    ledger.mails.push({
      atMs: now(),
      kind: mail.kind,
      requestId: mail.requestId,
      statusAtSend: ledger.status(mail.requestId),
    });
    const text = buildEmail({
      from: { name: sender.name, address: sender.email },
      to: { name: mail.recipientName, address: mail.recipientEmail },
      subject: mail.subject,
      text: mail.text,
      date: now(),
      messageId,
      zone: HELSINKI,
    });
    mails.set(messageId, { intent: mail, text });
    return { payload: text, messageCode: 'EMAIL', responseCodes: [], document: text };
  };

  /** `from` is the sender's address. */
  const decode = (from: string, envelope: Envelope): InboundResult => {
    const text = typeof envelope.payload === 'string' ? envelope.payload : '';
    const id = /^Message-ID: <([^>\r\n]+)>\r$/m.exec(text)?.[1];
    const sent = id === undefined ? undefined : mails.get(id);
    if (sent === undefined || sent.text !== text) {
      return { rejected: 'damaged e-mail: it is not the message Datahub sent' };
    }
    return { event: { type: 'mail.received', from, channel: 'email', mail: sent.intent } };
  };

  return { encode, decode };
}
