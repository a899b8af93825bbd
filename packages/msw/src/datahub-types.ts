/** What the reference Datahub takes and gives (reference-datahub.ts), apart so its parts share them. */
import type { dh831 } from '@consent-sim/core';
import type { ClockSource } from './virtual-time.ts';

export interface ReferenceDatahubOptions {
  /** Datahub's party id, the sender of its ACKs (default `DATAHUB`). */
  readonly partyId?: string;
  /** The test's own clock; Datahub catches up with it before each request. */
  readonly clock?: ClockSource;
  /** First virtual instant when no clock is given (default 2026-03-02T09:00:00+01:00). */
  readonly start?: number;
  /** Seed of the run (default 1): the same seed gives the same documents. */
  readonly seed?: number | string;
}

/** A mail Datahub sent to the customer (DH-831 notification or reminder). */
export interface DatahubMail {
  readonly atMs: number;
  readonly mail: dh831.EmailIntent;
}
