import { DateTime, Duration } from 'luxon';

/** ISO 8601 duration without signs or weeks mixed in oddly: `P3D`, `PT2H30M`, `P30DT0.001S`. */
export const ISO_DURATION_SOURCE =
  'P(?!$)(?:\\d+Y)?(?:\\d+M)?(?:\\d+W)?(?:\\d+D)?(?:T(?=\\d)(?:\\d+H)?(?:\\d+M)?(?:\\d+(?:\\.\\d+)?S)?)?';

/**
 * ISO 8601 instant that carries its offset (`Z` or `±hh:mm`). A local time without an offset
 * would be read in the machine's zone, which breaks "same seed, same trace".
 */
export const ISO_INSTANT_SOURCE =
  '\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})';

const DURATION = new RegExp(`^${ISO_DURATION_SOURCE}$`, 'u');
const INSTANT = new RegExp(`^${ISO_INSTANT_SOURCE}$`, 'u');

/** What {@link parseAt} made of an `at` value. */
export type ParsedAt =
  | { kind: 'duration'; duration: Duration }
  | { kind: 'instant'; epochMs: number }
  | { kind: 'invalid'; reason: string };

/**
 * Reads an `at` value: an ISO 8601 duration from the scenario start, or an instant with offset.
 *
 * @example parseAt('P3D').kind; // 'duration'
 * @example parseAt('2026-02-30T09:00:00+01:00'); // { kind: 'invalid', reason: … }
 */
export function parseAt(at: string): ParsedAt {
  if (DURATION.test(at)) {
    const duration = Duration.fromISO(at);
    if (duration.isValid) return { kind: 'duration', duration };
    return { kind: 'invalid', reason: duration.invalidExplanation ?? 'invalid duration' };
  }
  if (INSTANT.test(at)) return parseInstant(at);
  return { kind: 'invalid', reason: 'not an ISO 8601 duration or instant with offset' };
}

/** An ISO 8601 instant with offset, checked for calendar validity (no 30 February). */
export function parseInstant(at: string): ParsedAt {
  if (!INSTANT.test(at)) {
    return { kind: 'invalid', reason: 'not an ISO 8601 instant with offset' };
  }
  const instant = DateTime.fromISO(at, { setZone: true });
  if (!instant.isValid) {
    const why = instant.invalidExplanation ?? instant.invalidReason ?? 'unknown reason';
    return { kind: 'invalid', reason: `not a valid calendar instant (${why})` };
  }
  return { kind: 'instant', epochMs: instant.toMillis() };
}

/**
 * Resolves a stimulus `at` to virtual epoch ms. A duration is added in `zone` with Luxon, so
 * `P1D` is the same wall-clock time on the next calendar day even across a DST change
 * (interpretation key `OFF-DAYS`); time units (`PT2H`) are elapsed time.
 *
 * @example
 * resolveAt('P1D', Date.parse('2026-03-28T10:00:00+01:00'), 'Europe/Vienna');
 * // → epoch ms of 2026-03-29T10:00:00+02:00 (23 h later)
 */
export function resolveAt(at: string, startMs: number, zone: string): number {
  const parsed = parseAt(at);
  switch (parsed.kind) {
    case 'duration': {
      const start = DateTime.fromMillis(startMs, { zone });
      if (!start.isValid)
        throw new Error(`consent-sim: at.ts resolveAt: unknown time zone "${zone}"`);
      return start.plus(parsed.duration).toMillis();
    }
    case 'instant':
      return parsed.epochMs;
    case 'invalid':
      throw new Error(
        `consent-sim: at.ts resolveAt: ${JSON.stringify(at)} is ${parsed.reason}; write a duration such as P3D or PT2H30M, or an instant such as 2026-03-05T09:00:00+01:00`,
      );
  }
}

/**
 * An ISO 8601 duration as elapsed milliseconds (channel latencies, fault delays). Calendar units
 * are not allowed there: a latency of "one month" has no fixed length.
 *
 * @example durationMs('PT5S'); // 5000
 */
export function durationMs(iso: string): number {
  const parsed = parseAt(iso);
  if (parsed.kind !== 'duration') {
    throw new Error(
      `consent-sim: at.ts durationMs: ${JSON.stringify(iso)} is not an ISO 8601 duration; write e.g. PT5S or P2D`,
    );
  }
  const { years, months } = parsed.duration;
  if (years !== 0 || months !== 0) {
    throw new Error(
      `consent-sim: at.ts durationMs: ${JSON.stringify(iso)} uses years or months, which have no fixed length; use days (P30D)`,
    );
  }
  // Luxon's casual conversion: a day is 24 h, a week 7 days — right for transit times.
  return parsed.duration.as('milliseconds');
}
