/**
 * Strict instants at the protocol edge: ISO 8601 with an offset, a real calendar date and time,
 * within SUT_LIMITS (Date.parse rolls 2026-02-30 over to March 2 and takes RFC 2822; this does
 * neither, like the scenario loader).
 */
import { SUT_LIMITS } from '../limits.ts';

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The rule an instant breaks, or its epoch milliseconds. */
export function parseInstant(value: unknown): { ms: number } | { rule: string } {
  if (typeof value !== 'string') return { rule: 'must be an ISO 8601 instant with offset' };
  const m = INSTANT.exec(value);
  if (m === null) {
    return {
      rule: 'must be an ISO 8601 instant with offset (yyyy-MM-ddTHH:mm[:ss[.SSS]] and Z or ±HH:mm)',
    };
  }
  const [y, mo, d, h, mi, s, frac] = [1, 2, 3, 4, 5, 6, 7].map((i) => m[i]);
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12) return { rule: `has no month ${mo}` };
  if (day < 1 || day > daysIn(year, month))
    return { rule: `names a day that does not exist (${y}-${mo}-${d})` };
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59)
    return { rule: `names a time of day that does not exist (${h}:${mi}:${s ?? '00'})` };
  const offH = Number(m[10] ?? 0);
  const offM = Number(m[11] ?? 0);
  if (offH > 18 || offM > 59) return { rule: 'has an offset beyond ±18:00' };
  const sign = m[9] === '-' ? -1 : 1;
  const millis = Number((frac ?? '').padEnd(3, '0').slice(0, 3));
  const local = Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s ?? 0), millis);
  const ms = local - sign * (offH * 60 + offM) * 60_000;
  if (!(ms >= SUT_LIMITS.earliestMs && ms <= SUT_LIMITS.latestMs))
    return { rule: 'must lie between 1970-01-01T00:00:00Z and 2200-12-31T23:59:59.999Z' };
  return { ms };
}

const zones = new Map<string, boolean>();

/** Whether `name` is an IANA zone this runtime knows (`Foo/Bar` is not). */
export function isZone(name: unknown): name is string {
  if (typeof name !== 'string' || name === '' || name.length > 64) return false;
  const known = zones.get(name);
  if (known !== undefined) return known;
  let ok: boolean;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    ok = !/^[+-]|^Etc\/Unknown$/i.test(name);
  } catch {
    ok = false;
  }
  if (zones.size < 1_000) zones.set(name, ok);
  return ok;
}
