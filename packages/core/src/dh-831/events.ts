/**
 * What goes into and out of the DH-831 role machines (docs/design.md, "Role machines ⇄ engine").
 * Message views are the parsed Datahub documents of @consent-sim/messages; outbound datahub
 * messages are intents (no header: the engine adds MessageId, parties and the creation time).
 */
import type {
  AcknowledgedProcess,
  Acknowledgement,
  DatahubAckDocument,
  Dh825ApprovalDocument,
  Dh831Process,
  Dh831RequestDocument,
  Dh851CancelDocument,
  Dh851Process,
  ValidationIssue,
} from '@consent-sim/messages';
import type { RequestStatus } from './catalogue.ts';
import type { Dh831StepKey } from './steps.ts';

/** Views the machines receive: the documents as parsed by @consent-sim/messages. */
export type Dh831RequestView = Dh831RequestDocument;
export type Dh851CancelView = Dh851CancelDocument;
export type DatahubAckView = DatahubAckDocument;
export type Dh825ApprovalView = Dh825ApprovalDocument;

/** The customer's action in the Authorization Service (simulation-only, no XML). */
export interface AuthorizationDecision {
  readonly messageCode: 'AS-DECISION';
  readonly requestId: string;
  readonly decision: 'approve' | 'reject';
  /** Points the customer removed before approving (DH-PARTIAL); empty for a rejection. */
  readonly removedAccountingPoints: readonly string[];
}

/** The seller ends an approved authorization (simulation-only: the seed names no message). */
export interface AuthorizationEnd {
  readonly messageCode: 'AUTHORIZATION_END';
  readonly requestId: string;
  readonly reason: 'wrong-accounting-points' | 'other';
}

/** Outbound on the `datahub` channel; the engine builds the document around it. */
export type DatahubIntent =
  | { readonly messageCode: 'DH-831'; readonly process: Dh831Process }
  | { readonly messageCode: 'DH-851'; readonly process: Dh851Process }
  | {
      readonly messageCode: 'ACK';
      readonly original?: AcknowledgedProcess;
      readonly acknowledgement: Acknowledgement;
    }
  | {
      readonly messageCode: 'DH-825';
      readonly requestId: string;
      readonly approvedAt: string;
      readonly grantedAccountingPoints: readonly string[];
    }
  | AuthorizationEnd;

/** Outbound e-mail; the engine builds the RFC 5322 message with `buildEmail`. */
export interface EmailIntent {
  readonly kind: 'notification' | 'reminder';
  readonly requestId: string;
  readonly recipientName: string;
  readonly recipientEmail: string;
  readonly subject: string;
  readonly text: string;
}

/** Everything a DH-831 machine emits. */
export type Dh831Output =
  | { readonly type: 'step'; readonly step: Dh831StepKey }
  | {
      readonly type: 'send';
      readonly channel: 'datahub';
      readonly to: string;
      readonly message: DatahubIntent;
    }
  /** For e-mail, `to` is the recipient's address; the engine routes mail by address. */
  | {
      readonly type: 'send';
      readonly channel: 'email';
      readonly to: string;
      readonly message: EmailIntent;
    }
  | {
      readonly type: 'send';
      readonly channel: 'authorization-service';
      readonly to: string;
      readonly message: AuthorizationDecision;
    }
  | { readonly type: 'request'; readonly requestId: string; readonly status: RequestStatus }
  /** The authorization created by an approval, and its end (simulation-only). */
  | {
      readonly type: 'authorization';
      readonly requestId: string;
      readonly status: 'Active' | 'Ended';
      readonly accountingPoints: readonly string[];
    }
  /** The seller fetched data of an accounting point (`consentId` is the request id). */
  | {
      readonly type: 'data';
      readonly consentId: string;
      readonly meteringPoint: string;
      readonly kind: 'metering-data';
    }
  /** Wrong accounting points: the seller must destroy what it fetched (DH-CANCEL). */
  | {
      readonly type: 'obligation';
      readonly requestId: string;
      readonly duty: 'delete-fetched-data';
      readonly meteringPoints: readonly string[];
    }
  | {
      readonly type: 'data-deleted';
      readonly requestId: string;
      readonly meteringPoints: readonly string[];
    }
  /**
   * An event for a request whose machine has already finished: not sent, told instead (the
   * engine records it as a trace note, as it does for an event to a stopped party).
   */
  | {
      readonly type: 'undeliverable';
      readonly event: string;
      readonly requestId: string;
      readonly actor: string;
      readonly actorStatus: string;
    };

/** Inbound events common to the engine contract: every event carries `at` (epoch ms). */
export interface Timed {
  readonly at: number;
}

export type DatahubEvent =
  | (Timed & {
      readonly type: 'receive.DH-831';
      readonly from: string;
      readonly message: Dh831RequestView;
    })
  | (Timed & {
      readonly type: 'receive.DH-851';
      readonly from: string;
      readonly message: Dh851CancelView;
    })
  | (Timed & {
      readonly type: 'receive.AS-DECISION';
      readonly from: string;
      readonly message: AuthorizationDecision;
    })
  | (Timed & {
      readonly type: 'receive.AUTHORIZATION_END';
      readonly from: string;
      readonly message: AuthorizationEnd;
    })
  | (Timed & {
      readonly type: 'receive.invalid';
      readonly from: string;
      readonly messageCode: string;
      readonly issues: readonly ValidationIssue[];
    });

export type SellerEvent =
  | (Timed & { readonly type: 'stimulus.sendRequest'; readonly process: Dh831Process })
  | (Timed & { readonly type: 'stimulus.cancel'; readonly requestId: string })
  | (Timed & {
      readonly type: 'stimulus.fetchData';
      readonly requestId: string;
      readonly accountingPoint: string;
    })
  | (Timed & {
      readonly type: 'stimulus.endAuthorization';
      readonly requestId: string;
      readonly reason: AuthorizationEnd['reason'];
    })
  | (Timed & {
      readonly type: 'receive.ACK';
      readonly from: string;
      readonly message: DatahubAckView;
    })
  | (Timed & {
      readonly type: 'receive.DH-825';
      readonly from: string;
      readonly message: Dh825ApprovalView;
    });

export type CustomerEvent =
  | (Timed & {
      readonly type: 'mail.received';
      readonly from: string;
      readonly channel: 'email';
      readonly mail: EmailIntent;
    })
  | (Timed & {
      readonly type: 'stimulus.approve';
      readonly requestId: string;
      readonly removeAccountingPoints?: readonly string[];
    })
  | (Timed & { readonly type: 'stimulus.reject'; readonly requestId: string });
