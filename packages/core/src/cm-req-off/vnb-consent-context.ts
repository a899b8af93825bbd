/**
 * The context, events and pure helpers of one ConsentId's machine (vnb-consent.ts): what it
 * starts with, the redemption record (VNB_05) and the delivery periods (`OFF-DATA-DELIVERY`).
 */
import { startOfLocalDate } from '../eda/deadlines.ts';
import { addCalendarDays, localDate, VIENNA } from '../time.ts';
import type { VnbEmitted } from './events.ts';
import type {
  ConsentNotificationView,
  ConsentRequestData,
  ConsentRequestView,
  DataRequestView,
} from './messages.ts';

export interface VnbConsentInput {
  consentId: string;
  meteringPoint: string;
  dsoAddress: string;
  request: ConsentRequestData;
  /** Instant of VNB_02: the 30 days run from here (`OFF-REDEMPTION-START`). */
  issuedAt: number;
  /** Instant of VNB_04: when this machine starts. */
  startedAt: number;
  customer: { party: string; channel: 'email' | 'post' };
}

export interface Redemption {
  spAddress: string;
  conversationId: string;
  cmRequestId: string;
  /** Instant of VNB_05: the 5 days run from here (`OFF-OBJECTION-START`). */
  receivedAt: number;
  /**
   * The last instant of the objection window, fixed when the redemption is recorded: the
   * notice names it, the guard and the timer apply it (one value, so they cannot disagree).
   */
  objectionDeadline: number;
}

export interface VnbConsentContext extends VnbConsentInput {
  redemption?: Redemption;
  /** The instant the periodic schedule last advanced from (activation or last delivery). */
  periodicFrom: number;
}

export type VnbConsentEvent =
  | { type: 'start'; input: VnbConsentInput }
  | { type: 'redeem'; at: number; message: ConsentRequestView }
  | { type: 'redeem.failed'; at: number; message: ConsentRequestView }
  | { type: 'objection'; at: number }
  | { type: 'revocation.answered'; at: number; message: ConsentNotificationView }
  | { type: 'data.requested'; at: number; message: DataRequestView };

/** What a consent reports to its DSO machine. */
export interface ConsentReport {
  type: 'consent.report';
  event: VnbEmitted;
}

export const report = (event: VnbEmitted): ConsentReport => ({ type: 'consent.report', event });

export function redemptionOf(context: VnbConsentContext): Redemption {
  if (context.redemption === undefined) {
    throw new Error(
      `consent-sim: cm-req-off/vnb-consent-context.ts: ConsentId ${context.consentId} has no redemption yet; a state after VNB_05 was entered without one`,
    );
  }
  return context.redemption;
}

export const objectionDeadlineOf = (context: VnbConsentContext) =>
  redemptionOf(context).objectionDeadline;

/**
 * The record of a redemption (VNB_05) for `recordRedemption`, with the objection deadline
 * computed by `deadline` from the receipt instant; the reference passes `objectionDeadline` (5
 * Vienna calendar days, OFF-DAYS, OFF-OBJECTION-START). A DSO built on another reading provides
 * a `recordRedemption` with its own, and its notice to the customer then names the deadline its
 * guard and timer apply.
 *
 * @example
 * vnbConsentMachine.provide({
 *   actions: { recordRedemption: assign({ redemption: ({ event }) => redemptionRecord(event, (t) => t + 5 * DAY) }) },
 * });
 */
export function redemptionRecord(
  event: VnbConsentEvent,
  deadline: (receivedAt: number) => number,
): Redemption | undefined {
  if (event.type !== 'redeem' && event.type !== 'redeem.failed') return undefined;
  const { senderAddress, conversationId, cmRequestId } = event.message;
  return {
    spAddress: senderAddress,
    conversationId,
    cmRequestId,
    receivedAt: event.at,
    objectionDeadline: deadline(event.at),
  };
}

/** The end of the periodic schedule: deliveries whose period starts after DateTo stop. */
export function hasNextDelivery(context: VnbConsentContext): boolean {
  const cycle = context.request.transmissionCycle;
  if (cycle !== 'D' && cycle !== 'M') return false;
  const dateTo = context.request.dateTo;
  return dateTo === undefined || localDate(context.periodicFrom, VIENNA) <= dateTo;
}

/** Periodic deliveries only exist for D and M (`hasNextDelivery`); the cycle is one of them. */
export const cycleOf = (context: VnbConsentContext): 'D' | 'M' =>
  context.request.transmissionCycle === 'M' ? 'M' : 'D';

/** The period an on-request delivery covers: DateFrom 00:00 to the end of DateTo, Vienna time. */
export function onRequestPeriod(event: VnbConsentEvent) {
  if (event.type !== 'data.requested') {
    throw new Error(
      `consent-sim: cm-req-off/vnb-consent-context.ts: an on-request delivery needs a data.requested event, got ${event.type}`,
    );
  }
  const to = addCalendarDays(startOfLocalDate(event.message.dateTo), 1, VIENNA);
  return { trigger: 'on-request' as const, from: startOfLocalDate(event.message.dateFrom), to };
}
