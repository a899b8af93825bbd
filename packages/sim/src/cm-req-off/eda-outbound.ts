/**
 * CM_REQ_OFF outbound on the eda channel: an EDA intent becomes a full document (routing header,
 * MessageId/ConversationId from the seeded stream, DocumentCreationDateTime from the virtual
 * clock, CMRequestId derived from the MessageId) that we validate before it leaves: our own
 * invalid output fails the run, naming path and rule.
 */
import { type cmReqOff, isoInZone, VIENNA } from '@consent-sim/core';
import { buildEdaXml, cmRequestId, validateEdaXml } from '@consent-sim/messages';
import type { EncodedMessage } from '../codec.ts';
import { buildDataXml, DATA_NAMESPACE, readDataXml } from './data-documents.ts';
import { consentRequestDocument, notificationDocument, revokeDocument } from './eda-documents.ts';
import type { IdMinter } from './ids.ts';
import { describeIssues, type IssueLike } from './issues.ts';
import type { CmReqOffLedger } from './ledger.ts';
import type { CmReqOffParty } from './parties.ts';
import type { WireMode } from './qr.ts';
import { isData, type Wire } from './wire-read.ts';

export interface EdaOutboundOptions {
  readonly wire: WireMode;
  readonly ids: IdMinter;
  readonly ledger: CmReqOffLedger;
  readonly now: () => number;
  readonly note: (party: string, detail: Record<string, unknown>) => void;
  /** What we put on the wire, so a copy damaged in transit (corrupt fault) is recognised. */
  readonly sent: WeakSet<object>;
}

/** Encodes one EDA intent of `sender` for `receiver`. */
export type EdaEncoder = (
  sender: CmReqOffParty,
  receiver: CmReqOffParty,
  intent: cmReqOff.EdaIntent,
) => EncodedMessage;

type Routing = { readonly sender: string; readonly receiver: string; readonly at: number };

/** One message on its way out: who sends it, where it goes, and how its document is encoded. */
interface Outgoing {
  readonly sender: CmReqOffParty;
  readonly routing: Routing;
  readonly encode: (doc: Wire) => EncodedMessage;
}

/**
 * The eda-channel encoder of one run.
 *
 * @example const encodeEda = createEdaOutbound({ wire: 'xml', ids, ledger, now, note, sent }); encodeEda(sp, vnb, intent);
 */
export function createEdaOutbound(options: EdaOutboundOptions): EdaEncoder {
  const { ids, ledger, now, note } = options;
  const encodeDocument = createDocumentEncoder(options);
  /** The SP's last ANFORDERUNG_CMQF per ConsentId, for `resend: true` (byte for byte). */
  const lastRequest = new Map<string, EncodedMessage>();

  return (sender, receiver, intent) => {
    const at = now();
    const out: Outgoing = {
      sender,
      routing: { sender: sender.address, receiver: receiver.address, at },
      encode: (doc) => encodeDocument(sender, receiver, doc),
    };
    switch (intent.messageCode) {
      case 'ANFORDERUNG_CMQF':
        return encodeRequest(out, intent, ids, ledger, lastRequest);
      case 'ANTWORT_CMQF':
      case 'ABLEHNUNG_CMQF':
      case 'ANTWORT_CCMC':
        return encodeAnswer(out, intent, ids, ledger, note);
      case 'AUFHEBUNG_CCMC': {
        const conversation = ids.newRequest(sender.address, at);
        return out.encode(revokeDocument(out.routing, conversation, intent));
      }
      case 'ANFORDERUNG_DATEN': {
        const conversation = ids.newRequest(sender.address, at);
        return out.encode({
          kind: 'DataRequest',
          fields: {
            ...header(out.routing, intent.messageCode, conversation),
            ConsentId: intent.consentId,
            MeteringPoint: intent.meteringPoint,
            DateFrom: intent.dateFrom,
            DateTo: intent.dateTo,
          },
        });
      }
      case 'DATEN_CRMSG':
        return encodeConsumptionRecord(out, intent, ids, ledger);
    }
  };
}

/**
 * Puts a document on the wire: the object itself (intents wire) or its XML, validated; the first
 * simulation-only data document of each MessageCode is noted (OFF-DATA-DELIVERY).
 */
function createDocumentEncoder(options: EdaOutboundOptions) {
  const { wire, note, sent } = options;
  const simulationOnlyNoted = new Set<string>();
  return (sender: CmReqOffParty, receiver: CmReqOffParty, doc: Wire) => {
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
}

/** SP_04: a new ANFORDERUNG_CMQF, or the last one for the ConsentId again (`resend`). */
function encodeRequest(
  out: Outgoing,
  intent: cmReqOff.ConsentRequestIntent,
  ids: IdMinter,
  ledger: CmReqOffLedger,
  lastRequest: Map<string, EncodedMessage>,
): EncodedMessage {
  if (intent.resend) {
    const previous = lastRequest.get(intent.consentId);
    if (previous === undefined) {
      throw new Error(
        `consent-sim: cm-req-off/codec.ts: the SP resends the ANFORDERUNG_CMQF for ConsentId ${intent.consentId}, but never sent one; send it first (stimulus sendRequest or a QR hand-over)`,
      );
    }
    return previous;
  }
  const requestIds = ids.newRequest(out.sender.address, out.routing.at);
  const { messageCode: _, resend: __, consentId, meteringPoint, ...request } = intent;
  const encoded = out.encode(
    consentRequestDocument(out.routing, requestIds, { consentId, meteringPoint, request }),
  );
  lastRequest.set(consentId, encoded);
  ledger.spRequestIds.set(consentId, requestIds.cmRequestId);
  return encoded;
}

/** ANTWORT_CMQF, ABLEHNUNG_CMQF, ANTWORT_CCMC: a notification in the conversation it answers. */
function encodeAnswer(
  out: Outgoing,
  intent: cmReqOff.ConsentNotificationIntent,
  ids: IdMinter,
  ledger: CmReqOffLedger,
  note: EdaOutboundOptions['note'],
): EncodedMessage {
  const { sender, routing } = out;
  const messageId = ids.messageId(sender.address, routing.at);
  const conversationId = intent.conversationId ?? ids.conversationId(sender.address, routing.at);
  // An answer repeats the request's CMRequestId; the SP's answer to a revocation names its
  // own request for that ConsentId; an unreadable request leaves none, so a fresh one.
  const requestId =
    intent.cmRequestId ??
    (intent.consentId === undefined ? undefined : ledger.spRequestIds.get(intent.consentId)) ??
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
      atMs: routing.at,
      messageCode: intent.messageCode,
      conversationId,
      cmRequestId: requestId,
      ...(intent.consentId === undefined ? {} : { consentId: intent.consentId }),
      responseCodes: intent.responseCodes,
    });
  }
  return out.encode(
    notificationDocument(
      routing,
      intent.messageCode,
      { messageId, conversationId, cmRequestId: requestId },
      intent,
    ),
  );
}

/** DATEN_CRMSG (OFF-DATA-DELIVERY): the delivery is booked in the ledger before it leaves. */
function encodeConsumptionRecord(
  out: Outgoing,
  intent: cmReqOff.ConsumptionRecordIntent,
  ids: IdMinter,
  ledger: CmReqOffLedger,
): EncodedMessage {
  const { sender, routing } = out;
  const messageId = ids.messageId(sender.address, routing.at);
  const conversationId = intent.conversationId ?? ids.conversationId(sender.address, routing.at);
  ledger.deliveries.push({
    atMs: routing.at,
    consentId: intent.consentId,
    meteringPoint: intent.meteringPoint,
    kind: intent.trigger,
    status: ledger.status.get(intent.consentId),
    source: 'DATEN_CRMSG',
    order: ledger.next(),
  });
  return out.encode({
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

function header(
  routing: Routing,
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
