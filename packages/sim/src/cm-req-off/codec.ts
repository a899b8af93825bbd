/**
 * The CM_REQ_OFF wire. Outbound, an EDA intent becomes a full document (routing header,
 * MessageId/ConversationId from the seeded stream, DocumentCreationDateTime from the virtual
 * clock, CMRequestId derived from the MessageId) that we validate before it leaves: our own
 * invalid output fails the run, naming path and rule. Letters, e-mails, calls and hand-overs
 * carry the machines' Mail; a QR payload travels as an image. Inbound, every document is
 * validated: the DSO gets `receive.<CODE>` or `receive.invalid` (answered 76,
 * `OFF-RESPONSE-CODES`), the SP gets `qr.received` after the engine decoded the image.
 */
import { type cmReqOff, isoInZone, VIENNA } from '@consent-sim/core';
import { buildEdaXml, cmRequestId, validateEdaXml } from '@consent-sim/messages';
import type { EncodedMessage, InboundCodec, InboundResult, OutboundCodec } from '../codec.ts';
import type { Envelope } from '../envelope.ts';
import { buildDataXml, DATA_NAMESPACE, readDataXml } from './data-documents.ts';
import {
  consentRequestDocument,
  consentRequestView,
  notificationDocument,
  notificationView,
  revokeDocument,
  revokeView,
} from './eda-documents.ts';
import type { IdMinter } from './ids.ts';
import { describeIssues, type IssueLike, issueLines } from './issues.ts';
import type { CmReqOffLedger } from './ledger.ts';
import { createMailCodec } from './mail-codec.ts';
import type { CmReqOffParties, CmReqOffParty } from './parties.ts';
import type { QrDesk, WireMode } from './qr.ts';
import { idsIn, isData, readWire, type Wire } from './wire-read.ts';

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
  /** The SP's last ANFORDERUNG_CMQF per ConsentId, for `resend: true` (byte for byte). */
  const lastRequest = new Map<string, EncodedMessage>();
  const simulationOnlyNoted = new Set<string>();
  const mails = createMailCodec({ wire, qr, ledger, now, sent });

  const encodeDocument = (sender: CmReqOffParty, receiver: CmReqOffParty, doc: Wire) => {
    const messageCode = isData(doc) ? (doc.fields.MessageCode ?? '') : doc.messageCode;
    const codes =
      !isData(doc) && doc.documentType === 'CMNotification'
        ? doc.processDirectory.responseData.flatMap((d) => d.responseCodes.map(String))
        : [];
    if (wire === 'intents') {
      sent.add(doc);
      return { payload: doc, messageCode, responseCodes: codes, document: null };
    }
    const xml = isData(doc) ? buildDataXml(doc) : buildEdaXml(doc);
    const issues: readonly IssueLike[] = isData(doc)
      ? readDataXml(xml).issues
      : validateEdaXml(xml).issues;
    if (issues.length > 0) {
      throw new Error(
        `consent-sim: cm-req-off/codec.ts: the ${sender.id}'s ${messageCode} to ${receiver.id} is not a valid document: ${describeIssues(issues)}; this is a bug in the machine or the wiring, not in the scenario`,
      );
    }
    if (isData(doc) && !simulationOnlyNoted.has(messageCode)) {
      simulationOnlyNoted.add(messageCode);
      note(sender.id, {
        type: 'simulation-only',
        messageCode,
        namespace: DATA_NAMESPACE,
        interpretation: 'OFF-DATA-DELIVERY',
        text: `${messageCode} is a simulation-only document of this reference (no official schema); see packages/sim/src/cm-req-off/README.md`,
      });
    }
    return { payload: xml, messageCode, responseCodes: codes, document: xml };
  };

  const encodeEda = (
    sender: CmReqOffParty,
    receiver: CmReqOffParty,
    intent: cmReqOff.EdaIntent,
  ) => {
    const at = now();
    const routing = { sender: sender.address, receiver: receiver.address, at };
    switch (intent.messageCode) {
      case 'ANFORDERUNG_CMQF': {
        if (intent.resend) {
          const previous = lastRequest.get(intent.consentId);
          if (previous === undefined) {
            throw new Error(
              `consent-sim: cm-req-off/codec.ts: the SP resends the ANFORDERUNG_CMQF for ConsentId ${intent.consentId}, but never sent one; send it first (stimulus sendRequest or a QR hand-over)`,
            );
          }
          return previous;
        }
        const requestIds = ids.newRequest(sender.address, at);
        const { messageCode: _, resend: __, consentId, meteringPoint, ...request } = intent;
        const encoded = encodeDocument(
          sender,
          receiver,
          consentRequestDocument(routing, requestIds, { consentId, meteringPoint, request }),
        );
        lastRequest.set(consentId, encoded);
        ledger.spRequestIds.set(consentId, requestIds.cmRequestId);
        return encoded;
      }
      case 'ANTWORT_CMQF':
      case 'ABLEHNUNG_CMQF':
      case 'ANTWORT_CCMC': {
        const messageId = ids.messageId(sender.address, at);
        const conversationId = intent.conversationId ?? ids.conversationId(sender.address, at);
        // An answer repeats the request's CMRequestId; the SP's answer to a revocation names its
        // own request for that ConsentId; an unreadable request leaves none, so a fresh one.
        const requestId =
          intent.cmRequestId ??
          (intent.consentId === undefined
            ? undefined
            : ledger.spRequestIds.get(intent.consentId)) ??
          cmRequestId(messageId);
        if (intent.conversationId === undefined || intent.cmRequestId === undefined) {
          note(sender.id, {
            type: 'ids-not-from-request',
            messageCode: intent.messageCode,
            conversationId,
            cmRequestId: requestId,
            text: 'the message answered did not show its ConversationId/CMRequestId; the answer carries these',
          });
        }
        if (sender.id === 'vnb') {
          ledger.answers.push({
            atMs: at,
            messageCode: intent.messageCode,
            conversationId,
            cmRequestId: requestId,
            ...(intent.consentId === undefined ? {} : { consentId: intent.consentId }),
            responseCodes: intent.responseCodes,
          });
        }
        return encodeDocument(
          sender,
          receiver,
          notificationDocument(
            routing,
            intent.messageCode,
            { messageId, conversationId, cmRequestId: requestId },
            intent,
          ),
        );
      }
      case 'AUFHEBUNG_CCMC': {
        const conversation = ids.newRequest(sender.address, at);
        return encodeDocument(sender, receiver, revokeDocument(routing, conversation, intent));
      }
      case 'ANFORDERUNG_DATEN': {
        const conversation = ids.newRequest(sender.address, at);
        return encodeDocument(sender, receiver, {
          kind: 'DataRequest',
          fields: {
            ...header(routing, intent.messageCode, conversation),
            ConsentId: intent.consentId,
            MeteringPoint: intent.meteringPoint,
            DateFrom: intent.dateFrom,
            DateTo: intent.dateTo,
          },
        });
      }
      case 'DATEN_CRMSG': {
        const messageId = ids.messageId(sender.address, at);
        const conversationId = intent.conversationId ?? ids.conversationId(sender.address, at);
        ledger.deliveries.push({
          atMs: at,
          consentId: intent.consentId,
          meteringPoint: intent.meteringPoint,
          kind: intent.trigger,
          status: ledger.status.get(intent.consentId),
          source: 'DATEN_CRMSG',
          order: ledger.next(),
        });
        return encodeDocument(sender, receiver, {
          kind: 'ConsumptionRecord',
          fields: defined({
            ...header(routing, intent.messageCode, { messageId, conversationId }),
            ConsentId: intent.consentId,
            MeteringPoint: intent.meteringPoint,
            PeriodFrom: intent.periodFrom,
            PeriodTo: intent.periodTo,
            MeteringIntervall: intent.meteringIntervall,
            Trigger: intent.trigger,
          }),
        });
      }
    }
  };

  const outbound: OutboundCodec = (from, emitted) => {
    const sender = party(from.id, 'outbound sender');
    const receiver = party(emitted.to, 'outbound recipient');
    if (emitted.channel === 'eda') {
      return encodeEda(sender, receiver, emitted.message as cmReqOff.EdaIntent);
    }
    return mails.encode(sender, receiver, emitted.channel, emitted.message as cmReqOff.Mail);
  };

  const inboundEda = (to: CmReqOffParty, envelope: Envelope): InboundResult => {
    const from = party(envelope.from, 'inbound sender').address;
    const read = readWire(envelope.payload, sent);
    if (read.document === undefined || read.issues.length > 0) {
      const found = idsIn(envelope.payload);
      if (to.id !== 'vnb') {
        return {
          rejected: `invalid document: ${describeIssues(read.issues)}`,
          detail: issueLines(read.issues),
        };
      }
      if (found.messageCode === undefined || found.messageCode === 'ANFORDERUNG_CMQF') {
        ledger.damagedRequestArrived(found);
      }
      const { messageCode, ...message } = found;
      return {
        event: {
          type: 'receive.invalid',
          from,
          ...(messageCode === undefined ? {} : { messageCode }),
          issues: issueLines(read.issues),
          message,
        },
      };
    }
    const doc = read.document;
    if (isData(doc)) {
      const f = doc.fields;
      const base = {
        messageId: f.MessageId ?? '',
        conversationId: f.ConversationId ?? '',
        consentId: f.ConsentId ?? '',
        meteringPoint: f.MeteringPoint ?? '',
        senderAddress: f.Sender ?? '',
      };
      const message =
        doc.kind === 'DataRequest'
          ? { ...base, dateFrom: f.DateFrom ?? '', dateTo: f.DateTo ?? '' }
          : {
              ...base,
              periodFrom: f.PeriodFrom ?? '',
              periodTo: f.PeriodTo ?? '',
              trigger: f.Trigger,
            };
      return { event: { type: `receive.${f.MessageCode ?? ''}`, from, message } };
    }
    const eda = doc;
    switch (eda.documentType) {
      case 'CMRequest': {
        const view = consentRequestView(eda);
        if (to.id === 'vnb') ledger.requestArrived(now(), view);
        return { event: { type: `receive.${eda.messageCode}`, from, message: view } };
      }
      case 'CMNotification':
        return {
          event: { type: `receive.${eda.messageCode}`, from, message: notificationView(eda) },
        };
      case 'CMRevoke':
        return { event: { type: `receive.${eda.messageCode}`, from, message: revokeView(eda) } };
    }
  };

  const inbound: InboundCodec = (to, envelope) => {
    const recipient = party(to.id, 'inbound recipient');
    return envelope.channel === 'eda'
      ? inboundEda(recipient, envelope)
      : mails.decode(recipient, envelope);
  };

  return { outbound, inbound };
}

function header(
  routing: { sender: string; receiver: string; at: number },
  messageCode: string,
  ids: { messageId: string; conversationId: string },
): Record<string, string> {
  return {
    Sender: routing.sender,
    Receiver: routing.receiver,
    DocumentCreationDateTime: isoInZone(routing.at, VIENNA),
    MessageCode: messageCode,
    MessageId: ids.messageId,
    ConversationId: ids.conversationId,
  };
}

function defined(fields: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
