/**
 * Events into and out of the CM_REQ_OFF machines (docs/design.md, "Role machines ⇄ engine").
 * Every event into a root machine carries `at`, the virtual instant in epoch milliseconds.
 */
import type { CmReqOffStepId } from './catalogue.ts';
import type {
  ConsentNotificationView,
  ConsentRequestData,
  ConsentRequestView,
  ConsumptionRecordView,
  DataRequestView,
  DataTrigger,
  EdaIntent,
  Mail,
  MailChannel,
  RevokeView,
} from './messages.ts';

/** A document that arrived, parsed and schema-checked by the engine. */
export interface ReceiveEvent<Code extends string, View> {
  type: `receive.${Code}`;
  at: number;
  from: string;
  message: View;
}

/** A document that failed parsing or validation (`OFF-RESPONSE-CODES`: 76). */
export interface InvalidDocumentEvent {
  type: 'receive.invalid';
  at: number;
  from: string;
  messageCode?: string;
  issues: readonly string[];
  /** Whatever ids the engine could still read, so the rejection can name them. */
  message?: Partial<ConsentRequestView>;
}

export interface MailReceivedEvent {
  type: 'mail.received';
  at: number;
  from: string;
  channel: MailChannel;
  mail: Mail;
}

/** The engine built and rendered the QR code asked for by `qr.request` (VNB_02). */
export interface QrCreatedEvent {
  type: 'qr.created';
  at: number;
  applicationId: string;
  payload: string;
}

/** The payload does not fit a QR code at level M (`OFF-QR-TOO-LARGE`). */
export interface QrTooLargeEvent {
  type: 'qr.tooLarge';
  at: number;
  applicationId: string;
  payloadBytes: number;
  capacityBytes: number;
}

/** The SP got a QR image; the engine decoded it and parsed its documents. */
export interface QrReceivedEvent {
  type: 'qr.received';
  at: number;
  from: string;
  payload: string;
  documents: readonly ConsentRequestView[];
}

export type ConsentStatus =
  | 'issued'
  | 'redeemed'
  | 'active'
  | 'expired'
  | 'invalidated'
  | 'revoked'
  | 'rejected';

/** One document the DSO wants in the QR code: the template of the SP's ANFORDERUNG_CMQF. */
export interface QrDocumentRequest extends ConsentRequestData {
  consentId: string;
  meteringPoint: string;
  dsoAddress: string;
}

export interface StepEmitted {
  type: 'step';
  step: CmReqOffStepId;
}

export type SendEmitted =
  | { type: 'send'; channel: 'eda'; to: string; message: EdaIntent }
  | { type: 'send'; channel: MailChannel; to: string; message: Mail };

export interface ConsentEmitted {
  type: 'consent';
  consentId: string;
  status: ConsentStatus;
}

export interface DataEmitted {
  type: 'data';
  consentId: string;
  meteringPoint: string;
  kind: DataTrigger;
}

/** VNB_02: the DSO asks the engine for the QR payload; the engine answers `qr.created`/`qr.tooLarge`. */
export interface QrRequestEmitted {
  type: 'qr.request';
  applicationId: string;
  documents: readonly QrDocumentRequest[];
}

export type VnbEmitted =
  | StepEmitted
  | SendEmitted
  | ConsentEmitted
  | DataEmitted
  | QrRequestEmitted;
export type PartyEmitted = StepEmitted | SendEmitted;

export type VnbEvent =
  | MailReceivedEvent
  | ReceiveEvent<'ANFORDERUNG_CMQF', ConsentRequestView>
  | ReceiveEvent<'ANTWORT_CCMC', ConsentNotificationView>
  | ReceiveEvent<'ANFORDERUNG_DATEN', DataRequestView>
  | InvalidDocumentEvent
  | QrCreatedEvent
  | QrTooLargeEvent;

export type ServiceProviderEvent =
  | QrReceivedEvent
  | MailReceivedEvent
  | ReceiveEvent<'ANTWORT_CMQF', ConsentNotificationView>
  | ReceiveEvent<'ABLEHNUNG_CMQF', ConsentNotificationView>
  | ReceiveEvent<'AUFHEBUNG_CCMC', RevokeView>
  | ReceiveEvent<'DATEN_CRMSG', ConsumptionRecordView>
  | {
      type: 'stimulus.sendRequest';
      at: number;
      consentId: string;
      override?: { consentId?: string; meteringPoint?: string };
    }
  | { type: 'stimulus.resendRequest'; at: number; consentId: string }
  | {
      type: 'stimulus.requestData';
      at: number;
      consentId: string;
      dateFrom: string;
      dateTo: string;
      /**
       * Asks although the SP holds no active consent: only for scenarios that provoke the DSO
       * (`judges: [vnb]`); a correct SP never does (OFF-DATA-DELIVERY).
       */
      withoutConsent?: true;
    };

export type CustomerEvent =
  | MailReceivedEvent
  | {
      type: 'stimulus.apply';
      at: number;
      meteringPoints: readonly string[];
      request: ConsentRequestData;
      via?: 'phone' | 'email';
      confirmationChannel?: 'email' | 'post';
    }
  | { type: 'stimulus.handOver'; at: number; to?: string }
  | { type: 'stimulus.keepQr'; at: number }
  | { type: 'stimulus.object'; at: number };
