import { DateTime } from 'luxon';

/** The parts of a trace timestamp such as `2026-03-02T09:00:05.000+01:00`. */
export interface TimestampParts {
  /** `2026-03-02` — the local calendar date in the trace's zone. */
  date: string;
  /** `09:00:05.000` */
  time: string;
  /** `+01:00` (or `Z`). */
  offset: string;
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:\d{2})$/u;

/**
 * Splits a trace timestamp without converting it, so the timeline shows exactly the local time
 * and offset the trace recorded.
 *
 * @example splitTimestamp('2026-03-02T09:00:05.000+01:00'); // { date: '2026-03-02', time: '09:00:05.000', offset: '+01:00' }
 */
export function splitTimestamp(at: string): TimestampParts {
  const match = TIMESTAMP.exec(at);
  if (match === null) {
    throw new Error(
      `consent-sim: report time-format.ts: trace timestamp ${JSON.stringify(at)} is not ISO 8601 with offset; the trace recorder writes e.g. 2026-03-02T09:00:00.000+01:00`,
    );
  }
  return { date: match[1] ?? '', time: match[2] ?? '', offset: match[3] ?? '' };
}

/** English short weekday of a calendar date, e.g. `Mon`. */
export function weekday(date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).setLocale('en-GB').toFormat('ccc');
}

/** Calendar days from one local date to another (both `yyyy-MM-dd`). */
export function daysBetween(from: string, to: string): number {
  const a = DateTime.fromISO(from, { zone: 'UTC' });
  const b = DateTime.fromISO(to, { zone: 'UTC' });
  return Math.round(b.diff(a, 'days').days);
}

/**
 * Elapsed virtual time as `8d 02:00:05.000` (days of 24 h; the timeline shows calendar dates).
 *
 * @example formatElapsed(90_061_001); // '1d 01:01:01.001'
 */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const days = Math.floor(total / 86_400_000);
  const rest = total % 86_400_000;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const clock = `${pad(Math.floor(rest / 3_600_000))}:${pad(Math.floor(rest / 60_000) % 60)}:${pad(Math.floor(rest / 1000) % 60)}.${pad(rest % 1000, 3)}`;
  return days > 0 ? `${days}d ${clock}` : clock;
}
