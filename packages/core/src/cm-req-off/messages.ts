/**
 * What travels between the CM_REQ_OFF parties, as the machines see it: inbound *views* (plain
 * fields the engine parsed from a document), outbound *intents* (the engine builds the document
 * with @consent-sim/messages and adds routing header, MessageId and timestamps) and mails.
 */
import type { ResponseCode } from '../eda/response-codes.ts';

export type MeteringIntervall = 'QH' | 'H' | 'D' | 'V';
export type TransmissionCycle = 'D' | 'M' | 'V';

/** The CMRequest body the customer asks for (BP_01) and the QR document carries (VNB_02). */
export interface ConsentRequestData {
  reqDatType: string;
  /** Local date `yyyy-MM-dd`. */
  dateFrom: string;
  dateTo?: string;
  meteringIntervall?: MeteringIntervall;
  transmissionCycle?: TransmissionCycle;
}

/** An ANFORDERUNG_CMQF as received, or one document decoded from the QR code. */
export interface ConsentRequestView extends ConsentRequestData {
  messageId: string;
  conversationId: string;
  cmRequestId: string;
  consentId?: string;
  meteringPoint?: string;
  senderAddress: string;
  receiverAddress: string;
}

/** A CMNotification as received (ANTWORT_CMQF, ABLEHNUNG_CMQF, ANTWORT_CCMC). */
export interface ConsentNotificationView {
  messageId: string;
  conversationId: string;
  cmRequestId?: string;
  consentId?: string;
  meteringPoint?: string;
  senderAddress: string;
  responseCodes: readonly number[];
}

/** A CMRevoke as received (AUFHEBUNG_CCMC). */
export interface RevokeView {
  messageId: string;
  conversationId: string;
  consentId: string;
  meteringPoint: string;
  /** Local date `yyyy-MM-dd`. */
  consentEnd: string;
  reason?: string;
  senderAddress: string;
}

/** The SP asks for data of an active release (simulation only, `OFF-DATA-DELIVERY`). */
export interface DataRequestView {
  messageId: string;
  conversationId: string;
  consentId: string;
  meteringPoint: string;
  dateFrom: string;
  dateTo: string;
  senderAddress: string;
}

/** A data message as received by the SP (DATEN_CRMSG, `OFF-DATA-DELIVERY`). */
export interface ConsumptionRecordView {
  messageId: string;
  conversationId: string;
  consentId: string;
  meteringPoint: string;
  periodFrom: string;
  periodTo: string;
  trigger: DataTrigger;
  senderAddress: string;
}

export type DataTrigger = 'on-request' | 'periodic';

/** SP_04: the engine sends a new message (new MessageId, CMRequestId derived from it). */
export interface ConsentRequestIntent extends ConsentRequestData {
  messageCode: 'ANFORDERUNG_CMQF';
  consentId: string;
  meteringPoint: string;
  /** Send the previous ANFORDERUNG_CMQF for this ConsentId again, byte for byte (same MessageId). */
  resend?: true;
}

export interface ConsentNotificationIntent {
  messageCode: 'ANTWORT_CMQF' | 'ABLEHNUNG_CMQF' | 'ANTWORT_CCMC';
  /** The conversation and request answered (absent when an invalid document did not yield them). */
  conversationId?: string;
  cmRequestId?: string;
  consentId?: string;
  meteringPoint?: string;
  responseCodes: readonly ResponseCode[];
}

export interface RevokeIntent {
  messageCode: 'AUFHEBUNG_CCMC';
  consentId: string;
  meteringPoint: string;
  consentEnd: string;
  reason: string;
}

export interface DataRequestIntent {
  messageCode: 'ANFORDERUNG_DATEN';
  consentId: string;
  meteringPoint: string;
  dateFrom: string;
  dateTo: string;
}

export interface ConsumptionRecordIntent {
  messageCode: 'DATEN_CRMSG';
  consentId: string;
  meteringPoint: string;
  conversationId?: string;
  /** ISO 8601 with the Vienna offset. */
  periodFrom: string;
  periodTo: string;
  meteringIntervall?: MeteringIntervall;
  trigger: DataTrigger;
}

/** Everything a CM_REQ_OFF machine puts on the EDA channel. */
export type EdaIntent =
  | ConsentRequestIntent
  | ConsentNotificationIntent
  | RevokeIntent
  | DataRequestIntent
  | ConsumptionRecordIntent;

export type MailChannel = 'email' | 'post' | 'phone' | 'handover';

/** The application of BP_01. `canAuthenticate` is what the DSO's identity check will find. */
export interface ConsentApplication {
  meteringPoints: readonly string[];
  request: ConsentRequestData;
  /** Where confirmations and notices go (the "hinterlegter Kommunikationskanal"). */
  confirmationChannel: 'email' | 'post';
  canAuthenticate: boolean;
}

/** What a mail is about; the engine carries it unchanged next to subject and text. */
export type MailTopic =
  | { kind: 'application'; application: ConsentApplication }
  | { kind: 'qrCode'; consentIds: readonly string[] }
  | {
      kind: 'consentRequestNotice';
      consentId: string;
      meteringPoint: string;
      serviceProvider: string;
      objectionDeadline: number;
    }
  | { kind: 'objection'; consentIds: readonly string[] }
  | { kind: 'notAuthenticated' }
  | { kind: 'useOnlineProcess'; payloadBytes: number; capacityBytes: number }
  | { kind: 'functionalError'; consentId: string };

export interface Mail {
  subject: string;
  text: string;
  /** The QR payload; the engine renders it to an image before it travels. */
  qrPayload?: string;
  topic: MailTopic;
}
