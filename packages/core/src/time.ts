import { DateTime } from 'luxon';

/** The zones the two processes live in. */
export const VIENNA = 'Europe/Vienna';
export const HELSINKI = 'Europe/Helsinki';

/**
 * Adds calendar days in a zone: the same local wall-clock time `days` days later, so a span that
 * crosses a DST change is 23 or 25 hours per changed day (interpretation key `OFF-DAYS`).
 *
 * @example addCalendarDays(Date.parse('2026-03-28T10:00:00+01:00'), 1, VIENNA)
 *   // → epoch ms of 2026-03-29T10:00:00+02:00 (23 h later)
 */
export function addCalendarDays(epochMs: number, days: number, zone: string): number {
  const start = DateTime.fromMillis(epochMs, { zone });
  if (!start.isValid) throw new Error(`consent-sim: unknown time zone "${zone}"`);
  return start.plus({ days }).toMillis();
}

/** ISO 8601 with the zone's offset and milliseconds, e.g. `2026-03-29T10:00:00.000+02:00`. */
export function isoInZone(epochMs: number, zone: string): string {
  const iso = DateTime.fromMillis(epochMs, { zone }).toISO({ includeOffset: true });
  if (iso === null) throw new Error(`consent-sim: cannot format ${epochMs} in zone "${zone}"`);
  return iso;
}

/** The local calendar date (`yyyy-MM-dd`) of an instant in a zone. */
export function localDate(epochMs: number, zone: string): string {
  return DateTime.fromMillis(epochMs, { zone }).toISODate() ?? '';
}

/** Whole calendar days from the local date of `fromMs` to the local date of `toMs` in a zone. */
export function calendarDaysBetween(fromMs: number, toMs: number, zone: string): number {
  const a = DateTime.fromMillis(fromMs, { zone }).startOf('day');
  const b = DateTime.fromMillis(toMs, { zone }).startOf('day');
  return Math.round(b.diff(a, 'days').days);
}
