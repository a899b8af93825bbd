/**
 * Letters, e-mails, calls and hand-overs of CM_REQ_OFF. They carry the machines' `Mail`; a QR
 * payload is rendered to an image before it travels (xml wire), and the image handed to the SP
 * (BP_04) is decoded by the engine on the SP's behalf (SP_02: `qr.received`). A mail damaged on
 * the way (corrupt fault) is not what was sent: nobody can read it.
 */
import type { cmReqOff } from '@consent-sim/core';
import { QrDecodeError, type RgbaImage } from '@consent-sim/qr';
import type { EncodedMessage, InboundResult } from '../codec.ts';
import type { Envelope } from '../envelope.ts';
import type { CmReqOffLedger } from './ledger.ts';
import type { CmReqOffParty } from './parties.ts';
import type { QrDesk, WireMode } from './qr.ts';

/** A Mail as it travels: the QR payload replaced by its image (xml wire). */
export type TravellingMail = Omit<cmReqOff.Mail, 'qrPayload'> & {
  qrPayload?: string;
  qrImage?: RgbaImage;
};

export interface MailCodecOptions {
  readonly wire: WireMode;
  readonly qr: QrDesk;
  readonly ledger: CmReqOffLedger;
  readonly now: () => number;
  /** What was put on the wire, so a damaged copy is recognised. */
  readonly sent: WeakSet<object>;
}

/**
 * @example const mails = createMailCodec({ wire: 'xml', qr, ledger, now, sent: new WeakSet() });
 */
export function createMailCodec(options: MailCodecOptions) {
  const { wire, qr, ledger, now, sent } = options;
  /** The payload text behind each image we rendered (what the customer holds in hand). */
  const imageText = new WeakMap<RgbaImage, string>();

  const encode = (
    sender: CmReqOffParty,
    receiver: CmReqOffParty,
    channel: string,
    mail: cmReqOff.Mail,
  ): EncodedMessage => {
    if (sender.id === 'vnb' && mail.topic.kind === 'notAuthenticated') ledger.notAuthenticated += 1;
    const { qrPayload, ...rest } = mail;
    const travelling: TravellingMail = { ...rest };
    let qrLine = '';
    if (qrPayload !== undefined && qrPayload !== '') {
      if (wire === 'xml') {
        const image = qr.image(qrPayload);
        imageText.set(image, qrPayload);
        travelling.qrImage = image;
        qrLine = `\n[QR code image ${image.width}×${image.height} px, ${new TextEncoder().encode(qrPayload).length} bytes of CMRequest documents]`;
      } else {
        travelling.qrPayload = qrPayload;
      }
    }
    sent.add(travelling);
    const document = `${channel.toUpperCase()} from ${sender.name} to ${receiver.name}\nSubject: ${mail.subject}\n\n${mail.text}${qrLine}`;
    return { payload: travelling, messageCode: null, responseCodes: [], document };
  };

  const decode = (to: CmReqOffParty, envelope: Envelope): InboundResult => {
    const mail = envelope.payload as TravellingMail;
    if (typeof mail !== 'object' || mail === null || !sent.has(mail)) {
      return { rejected: `damaged ${envelope.channel}: it is not the message that was sent` };
    }
    const { qrImage, qrPayload, ...rest } = mail;
    if (to.id === 'sp' && envelope.channel === 'handover' && (qrImage ?? qrPayload) !== undefined) {
      try {
        const scanned = qr.read(qrImage ?? qrPayload ?? '');
        return { event: { type: 'qr.received', from: envelope.from, ...scanned } };
      } catch (error) {
        if (error instanceof QrDecodeError) {
          return { rejected: `unreadable QR code: ${error.message}` };
        }
        throw error;
      }
    }
    // The customer holds the image; her machine keeps the text it encodes to hand it on.
    const text = qrImage === undefined ? qrPayload : imageText.get(qrImage);
    const delivered: cmReqOff.Mail = {
      ...rest,
      ...(text === undefined ? {} : { qrPayload: text }),
    };
    if (to.id === 'vnb' && rest.topic.kind === 'objection') {
      ledger.objectionArrived(now(), rest.topic.consentIds);
    }
    return {
      event: {
        type: 'mail.received',
        from: envelope.from,
        channel: envelope.channel,
        mail: delivered,
      },
    };
  };

  return { encode, decode };
}
