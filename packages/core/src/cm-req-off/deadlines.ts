/**
 * Deadline arithmetic of CM_REQ_OFF: calendar days in Europe/Vienna (`OFF-DAYS`), inclusive
 * deadlines whose timers fire 1 ms later (`OFF-DEADLINE-BOUNDARY`).
 */
import { DateTime } from 'luxon';
import { addCalendarDays, VIENNA, zoneFor } from '../time.ts';
import { CM_REQ_OFF_DEADLINES } from './gateways.ts';

/**
 * The last instant at which the SP's ConsentRequest is in time: 30 calendar days after the QR
 * code was issued at VNB_02 (`OFF-REDEMPTION-START`).
 *
 * @example redemptionDeadline(Date.parse('2026-03-10T09:00:00+01:00'))
 *   // → epoch ms of 2026-04-09T09:00:00+02:00
 */
export function redemptionDeadline(issuedAt: number): number {
  return addCalendarDays(issuedAt, CM_REQ_OFF_DEADLINES.redemption.calendarDays, VIENNA);
}

/**
 * The last instant at which the customer's objection is in time: 5 calendar days after the DSO
 * received the ConsentRequest at VNB_05 (`OFF-OBJECTION-START`).
 *
 * @example objectionDeadline(Date.parse('2026-05-04T12:00:00+02:00'))
 *   // → epoch ms of 2026-05-09T12:00:00+02:00
 */
export function objectionDeadline(receivedAt: number): number {
  return addCalendarDays(receivedAt, CM_REQ_OFF_DEADLINES.objection.calendarDays, VIENNA);
}

/** An event at the deadline instant is in time (`OFF-DEADLINE-BOUNDARY`). */
export function isInTime(at: number, deadline: number): boolean {
  return at <= deadline;
}

/** The instant the timeout fires: 1 ms after the inclusive deadline (`OFF-DEADLINE-BOUNDARY`). */
export function timeoutInstant(deadline: number): number {
  return deadline + 1;
}

/** The `after` delay from `now` to `instant`; never negative (a late event fires at once). */
export function delayUntil(instant: number, now: number): number {
  return Math.max(0, instant - now);
}

/**
 * The next periodic delivery after `from` for a TransmissionCycle: the same local time one
 * calendar day (D) or one calendar month (M) later (`OFF-DATA-DELIVERY`).
 *
 * @example nextPeriodicDelivery(Date.parse('2026-01-31T10:00:00+01:00'), 'M')
 *   // → epoch ms of 2026-02-28T10:00:00+01:00 (Luxon clamps to the month's last day)
 */
export function nextPeriodicDelivery(from: number, cycle: 'D' | 'M'): number {
  switch (cycle) {
    case 'D':
      return addCalendarDays(from, 1, VIENNA);
    case 'M':
      return DateTime.fromMillis(from, { zone: zoneFor(VIENNA) })
        .plus({ months: 1 })
        .toMillis();
  }
}

/**
 * The instant a local date (`yyyy-MM-dd`) begins in Vienna.
 *
 * @example startOfLocalDate('2026-03-29') // → epoch ms of 2026-03-29T00:00:00+01:00
 */
export function startOfLocalDate(date: string): number {
  const start = DateTime.fromISO(date, { zone: zoneFor(VIENNA) });
  if (!start.isValid) {
    throw new Error(
      `consent-sim: cm-req-off/deadlines.ts: "${date}" is not a local date yyyy-MM-dd; pass the DateFrom/DateTo of the request`,
    );
  }
  return start.toMillis();
}
