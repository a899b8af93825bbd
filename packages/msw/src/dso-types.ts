/** What the reference DSO takes and gives (reference-dso.ts), apart so its parts share them. */
import type { cmReqOff } from '@consent-sim/core';
import type { CMRequestDocument } from '@consent-sim/messages';
import type { ClockSource } from './virtual-time.ts';

export interface ReferenceDsoOptions {
  /** The DSO's EDA address (AT + 6 digits); its metering points start with it. */
  readonly address: string;
  /**
   * The SP registered at ebutilities.at (at most one: the run's SP, as in a scenario); any
   * other sender gets 76.
   */
  readonly registeredServiceProviders: readonly string[];
  /** The test's own clock; the DSO catches up with it before each request. */
  readonly clock?: ClockSource;
  /** First virtual instant when no clock is given (default 2026-03-02T09:00:00+01:00). */
  readonly start?: number;
  /** Seed of the run (default 1): the same seed gives the same documents. */
  readonly seed?: number | string;
}

/** What the customer asks the DSO for (BP_01): one ConsentId per metering point. */
export interface IssueConsentInput {
  readonly meteringPoint?: string;
  readonly meteringPoints?: readonly string[];
  readonly request: cmReqOff.ConsentRequestData;
}

/** The QR code the DSO issued (VNB_02/VNB_03), as the customer would hand it over. */
export interface IssuedConsent {
  readonly consentIds: readonly string[];
  /** The QR payload: one compact cp:CMRequest per line (`OFF-QR-PAYLOAD`). */
  readonly payload: string;
  readonly documents: readonly CMRequestDocument[];
  readonly issuedAt: number;
}

/** A letter or e-mail the DSO sent to the customer. */
export interface CustomerMail {
  readonly atMs: number;
  readonly channel: string;
  readonly mail: cmReqOff.Mail;
}
