// The 17-digit local timestamps inside EDA ids (MessageId, ConsentId) are Europe/Vienna wall-clock
// time: the shared sample's ConsentId ATXXXXXX20240402164046426… belongs to a document created at
// 2024-04-02T14:40:42Z, i.e. 16:40 CEST.

import { DateTime } from 'luxon';

/** The zone of every EDA timestamp. */
export const EDA_ZONE = 'Europe/Vienna';

const STAMP_FORMAT = 'yyyyMMddHHmmssSSS';

/**
 * Formats an instant as the 17-digit Vienna local timestamp `yyyyMMddHHmmssSSS`.
 *
 * @example viennaStamp(Date.parse('2024-04-02T14:40:46.426Z')) // → '20240402164046426'
 */
export function viennaStamp(epochMs: number, field = 'at'): string {
  if (!Number.isSafeInteger(epochMs) || epochMs < 0) {
    throw new Error(
      `consent-sim: ${field} must be a non-negative integer of epoch milliseconds, got ${String(epochMs)}`,
    );
  }
  return DateTime.fromMillis(epochMs, { zone: EDA_ZONE }).toFormat(STAMP_FORMAT);
}

/** A parsed 17-digit timestamp, or why it is not a Vienna local time. */
export type ViennaStampParse =
  | { ok: true; epochMs: number; iso: string }
  | { ok: false; reason: string };

/**
 * Reads a 17-digit `yyyyMMddHHmmssSSS` Vienna local timestamp. Rejects impossible dates and the
 * hour skipped when clocks go forward (02:00–02:59 on the last Sunday of March). In the repeated
 * autumn hour the earlier instant is returned.
 *
 * @example parseViennaStamp('20240402164046426') // → { ok: true, epochMs: 1712068846426, iso: '2024-04-02T16:40:46.426+02:00' }
 */
export function parseViennaStamp(stamp: string): ViennaStampParse {
  if (!/^\d{17}$/.test(stamp)) {
    return { ok: false, reason: `'${stamp}' is not 17 digits yyyyMMddHHmmssSSS` };
  }
  // Read once in UTC (no clock changes) to tell an impossible date or hour (31 February, hour 24,
  // which Luxon would roll over) from a local time that Vienna's clocks skip.
  const calendar = DateTime.fromFormat(stamp, STAMP_FORMAT, { zone: 'utc' });
  if (!calendar.isValid || calendar.toFormat(STAMP_FORMAT) !== stamp) {
    return { ok: false, reason: `'${stamp}' is not a calendar date and time` };
  }
  const parsed = DateTime.fromFormat(stamp, STAMP_FORMAT, { zone: EDA_ZONE });
  // Luxon moves a wall-clock time inside the spring-forward gap to a real instant; formatting
  // back shows whether the local time existed.
  if (!parsed.isValid || parsed.toFormat(STAMP_FORMAT) !== stamp) {
    return {
      ok: false,
      reason: `'${stamp}' does not exist in Europe/Vienna (clocks skip that hour)`,
    };
  }
  return { ok: true, epochMs: parsed.toMillis(), iso: parsed.toISO() ?? '' };
}
