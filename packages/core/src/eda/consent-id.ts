/**
 * ConsentIds a DSO creates (in CM_REQ_OFF at VNB_01): 33 characters, shaped like those seen in
 * practice (DSO address + Vienna local yyyyMMddHHmmssSSS + 8 base32 characters). The last 8
 * characters are a base32 serial of the DSO, not a CMRequestId: in CM_REQ_OFF the QR template's
 * CMRequestId is derived by the engine from the template's MessageId (`OFF-QR-PAYLOAD`).
 */
import { DateTime } from 'luxon';
import { VIENNA, zoneFor } from '../time.ts';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 of `serial` as 5 big-endian bytes: exactly 8 characters. */
function base32Serial(serial: number): string {
  if (!Number.isInteger(serial) || serial < 0 || serial >= 2 ** 40) {
    throw new Error(
      `consent-sim: eda/consent-id.ts: serial ${serial} is outside 0 … 2^40-1; a DSO numbers its ConsentIds from 0`,
    );
  }
  let out = '';
  for (let shift = 35; shift >= 0; shift -= 5) out += BASE32[Math.floor(serial / 2 ** shift) % 32];
  return out;
}

/**
 * The ConsentId for the `serial`-th consent a DSO creates at instant `at`.
 *
 * @example consentIdFor('AT001000', Date.parse('2026-03-10T09:00:00+01:00'), 1)
 *   // 'AT00100020260310090000000AAAAAAAB'
 */
export function consentIdFor(dsoAddress: string, at: number, serial: number): string {
  const stamp = DateTime.fromMillis(at, { zone: zoneFor(VIENNA) }).toFormat('yyyyMMddHHmmssSSS');
  return `${dsoAddress}${stamp}${base32Serial(serial)}`;
}
