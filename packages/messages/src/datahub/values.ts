// Value formats of the reference's Datahub documents: ISO 8601 date-times with an explicit
// offset (digest: "Times are ISO 8601 with offset") and calendar dates.
import { DateTime } from 'luxon';

const DATE_TIME_WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Epoch ms of an ISO 8601 date-time that carries its offset, or null when it does not parse.
 *
 * @example datahubInstant('2026-03-01T00:00:00+02:00') // 1772316000000
 */
export function datahubInstant(value: string): number | null {
  if (!DATE_TIME_WITH_OFFSET.test(value)) return null;
  const parsed = DateTime.fromISO(value, { setZone: true });
  return parsed.isValid ? parsed.toMillis() : null;
}

/**
 * True for an existing calendar date written `yyyy-MM-dd`.
 *
 * @example isCalendarDate('2026-02-29') // false
 */
export function isCalendarDate(value: string): boolean {
  return CALENDAR_DATE.test(value) && DateTime.fromISO(value).isValid;
}

/** A plausible e-mail address: one `@`, no spaces, a dot in the domain. */
export function isEmailAddress(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}
