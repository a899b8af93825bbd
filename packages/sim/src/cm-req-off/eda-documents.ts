/**
 * CM_REQ_OFF intents ⇄ typed EDA documents (@consent-sim/messages) ⇄ the machines' views.
 * CMRequest 01.30 for ANFORDERUNG_CMQF (and the QR templates, `OFF-QR-PAYLOAD`), CMNotification
 * 01.20 for ANTWORT_CMQF / ABLEHNUNG_CMQF / ANTWORT_CCMC, CMRevoke 01.10 for AUFHEBUNG_CCMC.
 * Routing header: sender and receiver EDA addresses with AddressType ECNumber; the creation
 * time is the virtual instant in Vienna time with its offset.
 */
import { type cmReqOff, isoInZone, localDate, VIENNA } from '@consent-sim/core';
import type {
  CMNotificationDocument,
  CMRequestDocument,
  CMRevokeDocument,
  EdaEnvelope,
} from '@consent-sim/messages';
import type { RequestIds } from './ids.ts';

/** Who sends a document to whom, and when (virtual epoch ms). */
export interface Routing {
  readonly sender: string;
  readonly receiver: string;
  readonly at: number;
}

/** Electricity (ct:Sector). */
const SECTOR_ELECTRICITY = '01';

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

/** Optional properties are left out rather than written as `undefined` (exactOptionalPropertyTypes-safe). */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * An ANFORDERUNG_CMQF: the SP's request (SP_04) or a QR template of the DSO (VNB_02, where
 * sender and receiver are both the DSO, `OFF-QR-PAYLOAD`). ProcessDate is the Vienna date.
 *
 * @example consentRequestDocument({ sender: 'EP100200', receiver: 'AT001000', at }, ids, { consentId, meteringPoint, request })
 */
export function consentRequestDocument(
  routing: Routing,
  ids: RequestIds,
  fields: {
    readonly consentId?: string;
    readonly meteringPoint?: string;
    readonly request: cmReqOff.ConsentRequestData;
  },
): CMRequestDocument {
  const { request } = fields;
  return {
    documentType: 'CMRequest',
    version: '01.30',
    ...envelope(routing, 'ANFORDERUNG_CMQF', '01.30'),
    processDirectory: defined({
      messageId: ids.messageId,
      conversationId: ids.conversationId,
      processDate: localDate(routing.at, VIENNA),
      meteringPoint: fields.meteringPoint,
      cmRequestId: ids.cmRequestId,
      consentId: fields.consentId,
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

/** A CMNotification answer (one ResponseData) in the conversation of the request it answers. */
export function notificationDocument(
  routing: Routing,
  messageCode: cmReqOff.ConsentNotificationIntent['messageCode'],
  ids: RequestIds,
  data: {
    readonly consentId?: string;
    readonly meteringPoint?: string;
    responseCodes: readonly number[];
  },
): CMNotificationDocument {
  return {
    documentType: 'CMNotification',
    version: '01.20',
    ...envelope(routing, messageCode, '01.20'),
    processDirectory: {
      messageId: ids.messageId,
      conversationId: ids.conversationId,
      cmRequestId: ids.cmRequestId,
      responseData: [
        defined({
          consentId: data.consentId,
          meteringPoint: data.meteringPoint,
          responseCodes: data.responseCodes,
        }),
      ],
    },
  };
}

/** AUFHEBUNG_CCMC: the DSO ends an active release after a late objection (`OFF-LATE-OBJECTION`). */
export function revokeDocument(
  routing: Routing,
  ids: Pick<RequestIds, 'messageId' | 'conversationId'>,
  intent: cmReqOff.RevokeIntent,
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

/** What the SP or DSO machine sees of a CMRequest (a received request or a QR template). */
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

/** A CMNotification as the receiving machine sees it (its first ResponseData). */
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

export function revokeView(doc: CMRevokeDocument): cmReqOff.RevokeView {
  const p = doc.processDirectory;
  return defined({
    messageId: p.messageId,
    conversationId: p.conversationId,
    consentId: p.consentId,
    meteringPoint: p.meteringPoint,
    consentEnd: p.consentEnd,
    reason: p.reason,
    senderAddress: doc.routingHeader.sender.messageAddress,
  });
}
