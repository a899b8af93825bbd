/**
 * The instants inside a document the SUT sent, held against the test clock: every field the
 * process's rules find (process/instants.ts) must record the instant the document left (its
 * outbox `at`) in the process zone. Generic: field names, zone and keys come from the process.
 *
 * - a date-time: within ±{@link INSTANT_TOLERANCE_MS} of `at`, else FAIL (a wall-clock stamp,
 *   UTC digits under a local offset, the other DST offset); right instant, but an offset that
 *   is neither the zone's at that instant nor UTC, or none at all: WARNING under the process's
 *   key (the documents do not say which offset to write);
 * - a date: the zone's calendar date of `at` (either side of a midnight within the tolerance),
 *   else FAIL, or a WARNING under the field's own key where the documents leave it open.
 */
import { isoInZone, localDate, zoneFor } from '@consent-sim/core';
import type { InstantField, InstantPolicy } from '../../process/instants.ts';
import { type Finding, offset } from './findings.ts';

/**
 * ±5 s. The reference stamps every document with the instant it sends it, to the millisecond;
 * the slack is for systems that write whole seconds (truncated or rounded, as an e-mail Date
 * does) or stamp a document a moment before it leaves. The mistakes judged here are an hour
 * (an offset), a day (a zone's date) or months (a wall clock) off.
 */
export const INSTANT_TOLERANCE_MS = 5_000;

/** One finding about one field: what the title says, and where, what and what was due. */
export interface InstantFinding extends Finding {
  path: string;
  written: string;
  expected: string;
}

/**
 * When the document left (`atMs`); for a retransmission of a document sent before, also when it
 * first left (`firstMs`): its instants may record either, or anything between.
 */
export interface Sent {
  atMs: number;
  firstMs?: number;
}

const firstOf = (sent: Sent) => Math.min(sent.firstMs ?? sent.atMs, sent.atMs);

interface Written {
  ms: number;
  /** Minutes east of UTC as written; null when none was written. */
  offset: number | null;
}

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/** Epoch ms of wall-clock fields read in `zone` (for a date-time written without offset). */
function inZone(wallMs: number, zone: string): number {
  const z = zoneFor(zone);
  const guess = wallMs - z.offset(wallMs) * 60_000;
  return wallMs - z.offset(guess) * 60_000;
}

function written(field: InstantField, zone: string): Written | null {
  const wall = (y: string, mo: number, d: string, h: string, mi: string, s: string, ms = 0) =>
    Date.UTC(Number(y), mo, Number(d), Number(h), Number(mi), Number(s), ms);
  const at = (wallMs: number, offset: number | null): Written => ({
    ms: offset === null ? inZone(wallMs, zone) : wallMs - offset * 60_000,
    offset,
  });
  if (field.syntax === 'rfc5322') {
    const m =
      /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+([+-]\d{4}|UT|GMT|Z)$/.exec(
        field.value,
      );
    const month = MONTHS.indexOf(m?.[2] ?? '');
    if (m === null || month < 0) return null;
    const [, d = '', , y = '', h = '', mi = '', s = '0', z = ''] = m;
    const sign = z.startsWith('-') ? -1 : 1;
    const off = /^[+-]\d{4}$/.test(z)
      ? sign * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3)))
      : 0;
    return at(wall(y, month, d, h, mi, s), off);
  }
  const m =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$/.exec(
      field.value,
    );
  if (m === null) return null;
  const [, y = '', mo = '', d = '', h = '', mi = '', s = '', frac = '', z] = m;
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  const off =
    z === undefined
      ? null
      : z === 'Z'
        ? 0
        : (z.startsWith('-') ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(4)));
  return at(wall(y, Number(mo) - 1, d, h, mi, s, ms), off);
}

const hhmm = (minutes: number) => {
  const a = Math.abs(minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
};

/** The local name of a field's element, for a title. */
const nameOf = (path: string) => (path.split('/').at(-1) ?? path).replace(/^[^:]*:/, '');

function dateFinding(field: InstantField, sent: Sent, zone: string): InstantFinding | null {
  const date = /^(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})?$/.exec(field.value)?.[1];
  const first = localDate(firstOf(sent) - INSTANT_TOLERANCE_MS, zone);
  const last = localDate(sent.atMs + INSTANT_TOLERANCE_MS, zone);
  if (date !== undefined && date >= first && date <= last) return null;
  const open = field.open;
  const due = localDate(sent.atMs, zone);
  return {
    verdict: open === undefined ? 'FAIL' : 'WARNING',
    keys: open === undefined ? [] : [open],
    why: `${nameOf(field.path)} ${date === undefined ? 'is not a date' : `${field.value}, not the ${zone} date`}`,
    path: field.path,
    written: field.value,
    expected: `${firstOf(sent) < sent.atMs ? `${localDate(firstOf(sent), zone)} … ` : ''}${due} (the ${zone} date of the test clock, ${isoInZone(sent.atMs, zone)})`,
  };
}

/**
 * What is wrong with one field of a document that left at `atMs`, or null.
 *
 * @example
 * instantFinding({ path: '/X/Created', value: '2026-03-20T09:00:00.000Z', syntax: 'xs:dateTime' },
 *   { atMs: Date.parse('2026-03-20T11:00:00+02:00') }, 'Europe/Helsinki', dh831Instants) // null
 */
export function instantFinding(
  field: InstantField,
  sent: Sent,
  zone: string,
  policy: Pick<InstantPolicy, 'openKey'>,
): InstantFinding | null {
  if (field.syntax === 'xs:date') return dateFinding(field, sent, zone);
  const name = nameOf(field.path);
  const { atMs } = sent;
  const firstMs = firstOf(sent);
  const since = firstMs < atMs ? `between ${isoInZone(firstMs, zone)} (first sent) and ` : '';
  const expected = `${since}${isoInZone(atMs, zone)} ± ${INSTANT_TOLERANCE_MS / 1000} s (the test clock when it left), in ${zone} time or UTC`;
  const w = written(field, zone);
  const base = { path: field.path, written: field.value, expected };
  if (w === null) {
    return { ...base, verdict: 'FAIL', keys: [], why: `${name} is not an ${field.syntax} value` };
  }
  const zoneOffset = zoneFor(zone).offset(w.ms);
  const offsetNote =
    w.offset === null
      ? `no offset, read as ${zone} time`
      : w.offset === 0 || w.offset === zoneOffset
        ? null
        : `offset ${hhmm(w.offset)} where ${zone} has ${hhmm(zoneOffset)}`;
  if (w.ms < firstMs - INSTANT_TOLERANCE_MS || w.ms > atMs + INSTANT_TOLERANCE_MS) {
    const near = w.ms < firstMs ? firstMs : atMs;
    const why = `${name} ${offset(near, w.ms)} than the test clock${offsetNote === null ? '' : `, ${offsetNote}`}`;
    return { ...base, verdict: 'FAIL', keys: [], why };
  }
  if (offsetNote === null) return null;
  return { ...base, verdict: 'WARNING', keys: [policy.openKey], why: `${name}: ${offsetNote}` };
}

/** The findings of every field, in document order. */
export function instantFindings(
  fields: readonly InstantField[],
  sent: Sent,
  zone: string,
  policy: Pick<InstantPolicy, 'openKey'>,
): InstantFinding[] {
  return fields
    .map((f) => instantFinding(f, sent, zone, policy))
    .filter((f): f is InstantFinding => f !== null);
}
