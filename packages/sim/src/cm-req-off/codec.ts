/**
 * The CM_REQ_OFF wire, composed by channel: EDA documents (eda-outbound.ts, eda-inbound.ts) on
 * `eda`; letters, e-mails, calls and hand-overs carrying the machines' Mail, a QR payload as an
 * image (mail-codec.ts), on every other channel. Parties are named by id or address.
 */
import type { cmReqOff } from '@consent-sim/core';
import type { InboundCodec, OutboundCodec } from '../codec.ts';
import { createEdaInbound } from './eda-inbound.ts';
import { createEdaOutbound } from './eda-outbound.ts';
import type { IdMinter } from './ids.ts';
import type { CmReqOffLedger } from './ledger.ts';
import { createMailCodec } from './mail-codec.ts';
import type { CmReqOffParties, CmReqOffParty } from './parties.ts';
import type { QrDesk, WireMode } from './qr.ts';

export interface CmReqOffCodecOptions {
  readonly wire: WireMode;
  readonly parties: CmReqOffParties;
  readonly ids: IdMinter;
  readonly qr: QrDesk;
  readonly ledger: CmReqOffLedger;
  readonly now: () => number;
  /** Records a trace note for the sending or receiving party. */
  readonly note: (party: string, detail: Record<string, unknown>) => void;
}

/**
 * The outbound and inbound codecs of one run.
 *
 * @example const { outbound, inbound } = createCmReqOffCodecs({ wire: 'xml', parties, ids, qr, ledger, now, note });
 */
export function createCmReqOffCodecs(options: CmReqOffCodecOptions): {
  outbound: OutboundCodec;
  inbound: InboundCodec;
} {
  const { wire, parties, ids, qr, ledger, now, note } = options;
  const all: readonly CmReqOffParty[] = [parties.vnb, parties.sp, parties.customer];
  const party = (idOrAddress: string, where: string): CmReqOffParty => {
    const found = all.find((p) => p.id === idOrAddress || p.address === idOrAddress);
    if (found === undefined) {
      throw new Error(
        `consent-sim: cm-req-off/codec.ts ${where}: "${idOrAddress}" is no CM_REQ_OFF party id or address (known: ${all.map((p) => `${p.id}=${p.address}`).join(', ')})`,
      );
    }
    return found;
  };
  /** What we put on the wire, so a copy damaged in transit (corrupt fault) is recognised. */
  const sent = new WeakSet<object>();
  const encodeEda = createEdaOutbound({ wire, ids, ledger, now, note, sent });
  const decodeEda = createEdaInbound({ ledger, now, sent });
  const mails = createMailCodec({ wire, qr, ledger, now, sent });

  const outbound: OutboundCodec = (from, emitted) => {
    const sender = party(from.id, 'outbound sender');
    const receiver = party(emitted.to, 'outbound recipient');
    if (emitted.channel === 'eda') {
      return encodeEda(sender, receiver, emitted.message as cmReqOff.EdaIntent);
    }
    return mails.encode(sender, receiver, emitted.channel, emitted.message as cmReqOff.Mail);
  };

  const inbound: InboundCodec = (to, envelope) => {
    const recipient = party(to.id, 'inbound recipient');
    return envelope.channel === 'eda'
      ? decodeEda(recipient, party(envelope.from, 'inbound sender').address, envelope)
      : mails.decode(recipient, envelope);
  };

  return { outbound, inbound };
}
