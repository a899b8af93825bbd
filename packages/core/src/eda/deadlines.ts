/**
 * Deadline arithmetic every EDA process shares: days are calendar days in Europe/Vienna
 * (`OFF-DAYS`), a deadline is inclusive and its timer fires 1 ms after it
 * (`OFF-DEADLINE-BOUNDARY`), and the dates of a document are local dates in Vienna.
 */
import { DateTime } from 'luxon';
import { addCalendarDays, VIENNA, zoneFor } from '../time.ts';

/** The zone of every EDA date and day count. */
export const EDA_ZONE = VIENNA;

/**
 * The same local time `days` calendar days after `instant`, in Vienna (23, 24 or 25 h a day).
 *
 * @example calendarDaysAfter(Date.parse('2026-03-10T09:00:00+01:00'), 30)
 *   // → epoch ms of 2026-04-09T09:00:00+02:00
 */
export function calendarDaysAfter(instant: number, days: number): number {
  return addCalendarDays(instant, days, EDA_ZONE);
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
 * The instant a local date (`yyyy-MM-dd`) begins in Vienna.
 *
 * @example startOfLocalDate('2026-03-29') // → epoch ms of 2026-03-29T00:00:00+01:00
 */
export function startOfLocalDate(date: string): number {
  const start = DateTime.fromISO(date, { zone: zoneFor(EDA_ZONE) });
  if (!start.isValid) {
    throw new Error(
      `consent-sim: eda/deadlines.ts: "${date}" is not a local date yyyy-MM-dd; pass the DateFrom/DateTo of the request`,
    );
  }
  return start.toMillis();
}
