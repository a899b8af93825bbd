/**
 * Local-day boundaries from the core's zone-aware helpers (Luxon stays inside core): the first
 * and last millisecond of the calendar day an instant falls on, in a zone.
 */
import { addCalendarDays, isoInZone, localDate } from '@consent-sim/core';

const offsetMs = (iso: string): number => {
  const match = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  if (match === null) return 0; // `Z`
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return (match[1] === '-' ? -1 : 1) * minutes * 60_000;
};

/**
 * @example startOfLocalDay(Date.parse('2026-03-20T12:00:00+02:00'), 'Europe/Helsinki')
 *   // epoch ms of 2026-03-20T00:00:00+02:00
 */
export function startOfLocalDay(at: number, zone: string): number {
  const date = localDate(at, zone);
  const utcMidnight = Date.parse(`${date}T00:00:00.000Z`);
  let guess = utcMidnight - offsetMs(isoInZone(at, zone));
  // Midnight may have another offset than `at` (a DST change that day): correct once.
  guess = utcMidnight - offsetMs(isoInZone(guess, zone));
  return guess;
}

/** The last millisecond of the local calendar day of `at` (e.g. 23:59:59.999). */
export function endOfLocalDay(at: number, zone: string): number {
  return addCalendarDays(startOfLocalDay(at, zone), 1, zone) - 1;
}
