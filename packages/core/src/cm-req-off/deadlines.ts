/**
 * Deadline arithmetic of CM_REQ_OFF: the redemption and objection windows and the periodic data
 * deliveries, on the EDA layer's Vienna calendar days (`OFF-DAYS`) and inclusive deadlines
 * (`OFF-DEADLINE-BOUNDARY`, ../eda/deadlines.ts).
 */
import { DateTime } from 'luxon';
import { calendarDaysAfter, EDA_ZONE } from '../eda/deadlines.ts';
import { zoneFor } from '../time.ts';
import { CM_REQ_OFF_DEADLINES } from './gateways.ts';

/**
 * The last instant at which the SP's ConsentRequest is in time: 30 calendar days after the QR
 * code was issued at VNB_02 (`OFF-REDEMPTION-START`).
 *
 * @example redemptionDeadline(Date.parse('2026-03-10T09:00:00+01:00'))
 *   // → epoch ms of 2026-04-09T09:00:00+02:00
 */
export function redemptionDeadline(issuedAt: number): number {
  return calendarDaysAfter(issuedAt, CM_REQ_OFF_DEADLINES.redemption.calendarDays);
}

/**
 * The last instant at which the customer's objection is in time: 5 calendar days after the DSO
 * received the ConsentRequest at VNB_05 (`OFF-OBJECTION-START`).
 *
 * @example objectionDeadline(Date.parse('2026-05-04T12:00:00+02:00'))
 *   // → epoch ms of 2026-05-09T12:00:00+02:00
 */
export function objectionDeadline(receivedAt: number): number {
  return calendarDaysAfter(receivedAt, CM_REQ_OFF_DEADLINES.objection.calendarDays);
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
      return calendarDaysAfter(from, 1);
    case 'M':
      return DateTime.fromMillis(from, { zone: zoneFor(EDA_ZONE) })
        .plus({ months: 1 })
        .toMillis();
  }
}
