/**
 * The reference DSO's EDA documents, the same shapes the engine writes
 * (packages/sim/src/cm-req-off/eda-documents.ts): CMRequest 01.30 for the QR templates
 * (`OFF-QR-PAYLOAD`), CMNotification 01.20 for ANTWORT_CMQF / ABLEHNUNG_CMQF, CMRevoke 01.10
 * for AUFHEBUNG_CCMC; routing addresses of type ECNumber, times in Vienna with their offset.
 * Inbound documents become the machines' views.
 */
import { type cmReqOff, isoInZone, localDate, VIENNA } from '@consent-sim/core';
import {
  type CMNotificationDocument,
  type CMRequestDocument,
  type CMRevokeDocument,
  cmRequestId,
  conversationId,
  type EdaEnvelope,
  messageId,
} from '@consent-sim/messages';
import type { Rng } from '@consent-sim/sim';

export interface Routing {
  readonly sender: string;
  readonly receiver: string;
  readonly at: number;
}

export interface RequestIds {
  readonly messageId: string;
  readonly conversationId: string;
  readonly cmRequestId: string;
}

/** Electricity (ct:Sector). */
const SECTOR_ELECTRICITY = '01';

/** Mints MessageIds from a seeded stream (never Math.random) and unique ConversationIds. */
export class IdMinter {
  readonly #rng: Rng;
  readonly #seen = new Set<string>();

  constructor(rng: Rng) {
    this.#rng = rng;
  }

  messageId(sender: string, at: number): string {
    for (;;) {
      const id = messageId({ sender, at, random: () => this.#rng.next() });
      if (!this.#seen.has(id)) {
        this.#seen.add(id);
        return id;
      }
    }
  }

  /** `<sender>T<ms>`, with `N2`, `N3`, … for a second conversation in the same millisecond. */
  conversationId(sender: string, at: number): string {
    const base = conversationId({ sender, at });
    let id = base;
    for (let n = 2; this.#seen.has(id); n += 1) id = `${base}N${n}`;
    this.#seen.add(id);
    return id;
  }

  newRequest(sender: string, at: number): RequestIds {
    const message = this.messageId(sender, at);
    return {
      messageId: message,
      conversationId: this.conversationId(sender, at),
      cmRequestId: cmRequestId(message),
    };
  }
}

function envelope(routing: Routing, messageCode: string, schemaVersion: string): EdaEnvelope {
  return {
    documentMode: 'PROD',
    duplicate: false,
    schemaVersion,
    routingHeader: {
      sender: { addressType: 'ECNumber', messageAddress: routing.sender },
      receiver: { addressType: 'ECNumber', messageAddress: routing.receiver },
      documentCreationDateTime: isoInZone(routing.at, VIENNA),
    },
    sector: SECTOR_ELECTRICITY,
    messageCode,
  };
}

/** Leaves optional properties out instead of writing `undefined`. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** VNB_02: one QR template, sender and receiver both the DSO (`OFF-QR-PAYLOAD`). */
export function qrTemplateDocument(
  document: cmReqOff.QrDocumentRequest,
  ids: RequestIds,
  at: number,
): CMRequestDocument {
  const { consentId, meteringPoint, dsoAddress, ...request } = document;
  const routing = { sender: dsoAddress, receiver: dsoAddress, at };
  return {
    documentType: 'CMRequest',
    version: '01.30',
    ...envelope(routing, 'ANFORDERUNG_CMQF', '01.30'),
    processDirectory: defined({
      messageId: ids.messageId,
      conversationId: ids.conversationId,
      processDate: localDate(at, VIENNA),
      meteringPoint,
      cmRequestId: ids.cmRequestId,
      consentId,
      cmRequest: defined({
        reqDatType: request.reqDatType,
        dateFrom: request.dateFrom,
        dateTo: request.dateTo,
        meteringIntervall: request.meteringIntervall,
        transmissionCycle: request.transmissionCycle,
      }),
    }),
  };
}

/** An answer with one ResponseData, in the conversation of the request it answers. */
export function notificationDocument(
  routing: Routing,
  intent: cmReqOff.ConsentNotificationIntent,
  ids: RequestIds,
): CMNotificationDocument {
  return {
    documentType: 'CMNotification',
    version: '01.20',
    ...envelope(routing, intent.messageCode, '01.20'),
    processDirectory: {
      messageId: ids.messageId,
      conversationId: ids.conversationId,
      cmRequestId: ids.cmRequestId,
      responseData: [
        defined({
          consentId: intent.consentId,
          meteringPoint: intent.meteringPoint,
          responseCodes: intent.responseCodes,
        }),
      ],
    },
  };
}

/** AUFHEBUNG_CCMC after a late objection (`OFF-LATE-OBJECTION`). */
export function revokeDocument(
  routing: Routing,
  intent: cmReqOff.RevokeIntent,
  ids: Pick<RequestIds, 'messageId' | 'conversationId'>,
): CMRevokeDocument {
  return {
    documentType: 'CMRevoke',
    version: '01.10',
    ...envelope(routing, intent.messageCode, '01.10'),
    processDirectory: {
      messageId: ids.messageId,
      conversationId: ids.conversationId,
      consentId: intent.consentId,
      meteringPoint: intent.meteringPoint,
      consentEnd: intent.consentEnd,
      reason: intent.reason,
    },
  };
}

/** What the DSO machine sees of a received ANFORDERUNG_CMQF. */
export function consentRequestView(doc: CMRequestDocument): cmReqOff.ConsentRequestView {
  const p = doc.processDirectory;
  const r = p.cmRequest;
  return defined({
    messageId: p.messageId,
    conversationId: p.conversationId,
    cmRequestId: p.cmRequestId,
    consentId: p.consentId,
    meteringPoint: p.meteringPoint,
    senderAddress: doc.routingHeader.sender.messageAddress,
    receiverAddress: doc.routingHeader.receiver.messageAddress,
    reqDatType: r?.reqDatType ?? '',
    dateFrom: r?.dateFrom ?? '',
    dateTo: r?.dateTo,
    meteringIntervall: r?.meteringIntervall,
    transmissionCycle: r?.transmissionCycle,
  });
}

/** What the DSO machine sees of the SP's ANTWORT_CCMC (its first ResponseData). */
export function notificationView(doc: CMNotificationDocument): cmReqOff.ConsentNotificationView {
  const p = doc.processDirectory;
  const data = p.responseData[0];
  return defined({
    messageId: p.messageId,
    conversationId: p.conversationId,
    cmRequestId: p.cmRequestId,
    consentId: data?.consentId,
    meteringPoint: data?.meteringPoint,
    senderAddress: doc.routingHeader.sender.messageAddress,
    responseCodes: data?.responseCodes ?? [],
  });
}
