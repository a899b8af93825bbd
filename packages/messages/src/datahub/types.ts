/**
 * Datahub documents of DH-831 / DH-851 as plain data. The XML shape is the reference's own
 * (namespace {@link DATAHUB_NAMESPACE}); no official schema is published. See ./README.md.
 */

/** The reference's own namespace for Datahub documents (not an official Fingrid namespace). */
export const DATAHUB_NAMESPACE = 'urn:consent-sim:datahub:dh-831:1';

/** Document kinds the codec reads and writes. `DH-825` is a simulation-only approval notice. */
export type DatahubMessageType = 'DH-831' | 'DH-851' | 'ACK' | 'DH-825';

/**
 * Why the seller asks for the authorization (digest: "invitation to tender with / without a
 * customer agreement for the accounting point; accounting points"). Codes are the reference's own.
 */
export type AuthorizationReason =
  | 'tender-with-agreement'
  | 'tender-without-agreement'
  | 'accounting-points';

export const AUTHORIZATION_REASONS: readonly AuthorizationReason[] = [
  'tender-with-agreement',
  'tender-without-agreement',
  'accounting-points',
];

/** ebIX-shaped header shared by all Datahub documents. */
export interface DatahubHeader {
  readonly messageId: string;
  readonly messageType: DatahubMessageType;
  readonly senderPartyId: string;
  readonly receiverPartyId: string;
  /** ISO 8601 with offset. */
  readonly created: string;
}

/** Recipient block: when present, name AND e-mail are required (rule EC.AUTH.013). */
export interface AuthorizationRecipient {
  readonly name?: string;
  readonly email?: string;
}

/** Process element of a DH-831 authorization request. */
export interface Dh831Process {
  /** The seller's id for the request; Datahub keys the request by it (DH-851 refers to it). */
  readonly requestId: string;
  /** Personal identity code (henkilötunnus) or business id (Y-tunnus). */
  readonly customerId: string;
  /** Authorization period start, ISO 8601 with offset (rules EC.AUTH.001/002). */
  readonly periodStart: string;
  /** Authorization period end, ISO 8601 with offset; absent = until ended. */
  readonly periodEnd?: string;
  readonly reason: AuthorizationReason;
  /** Shown to the customer; at most 150 characters (EC.AUTH.012). */
  readonly description?: string;
  /** 18-digit GSRN numbers, 0..n (EC.AUTH.011). */
  readonly accountingPoints: readonly string[];
  readonly recipient?: AuthorizationRecipient;
  /** ISO 8601 with offset (EC.AUTH.014). */
  readonly reminderTime?: string;
  /** `yyyy-MM-dd`, valid until 23:59:59.999 Helsinki that day (interpretation DH-END-DATE). */
  readonly requestEndDate?: string;
}

/** Process element of a DH-851 cancellation: which request to cancel. */
export interface Dh851Process {
  readonly requestId: string;
}

/** One reason of a negative acknowledgement. */
export interface AckError {
  /** `EC.<area>.<nnn>`, see {@link DATAHUB_ERRORS}. */
  readonly errorId: string;
  readonly text: string;
  readonly textFi: string;
}

/** The acknowledgement event: positive, or negative with 1..n errors. */
export interface Acknowledgement {
  readonly result: 'positive' | 'negative';
  /** MessageId of the acknowledged document; absent when it could not be read (EC.MSG.*). */
  readonly originalMessageId?: string;
  readonly errors: readonly AckError[];
}

/** The process element copied into an ACK (absent for technical faults, EC.MSG.*). */
export type AcknowledgedProcess =
  | { readonly messageType: 'DH-831'; readonly process: Dh831Process }
  | { readonly messageType: 'DH-851'; readonly process: Dh851Process };

export interface Dh831RequestDocument {
  readonly kind: 'DH-831';
  readonly header: DatahubHeader;
  readonly process: Dh831Process;
}

export interface Dh851CancelDocument {
  readonly kind: 'DH-851';
  readonly header: DatahubHeader;
  readonly process: Dh851Process;
}

export interface DatahubAckDocument {
  readonly kind: 'ACK';
  readonly header: DatahubHeader;
  readonly original?: AcknowledgedProcess;
  readonly acknowledgement: Acknowledgement;
}

/** Simulation-only DH-825-shaped notice: the customer approved; which points were granted. */
export interface Dh825ApprovalDocument {
  readonly kind: 'DH-825';
  readonly header: DatahubHeader;
  readonly requestId: string;
  /** ISO 8601 with offset. */
  readonly approvedAt: string;
  readonly grantedAccountingPoints: readonly string[];
}

export type DatahubDocument =
  | Dh831RequestDocument
  | Dh851CancelDocument
  | DatahubAckDocument
  | Dh825ApprovalDocument;
