// CMRequestId: the checksum identifier of a CM request (cm-req-off.md "Identifier facts"; the
// algorithm is published in the ebutilities.at CMRequest schema documentation and implemented the
// same way by eddie-energy/eddie, CMRequestId.java).
//
// Finding on the shared samples: ConversationId `EPXXXXXXT1712068829927` with CMRequestId
// `BI2AWUO2`. cmRequestId('EPXXXXXXT1712068829927') is 'NNPY2LVW', and none of the samples'
// MessageIds give BI2AWUO2 either: a CMRequestId is computed by the SP from the MessageId of its
// own CMRequest (which the samples do not include), and the DSO only echoes it. eddie uses
// `<address>T<epoch ms>` as both MessageId and ConversationId of that request, so BI2AWUO2 was
// most likely computed from the ConversationId *before* the samples' addresses were anonymised to
// EPXXXXXX. What can be verified is its trailing CRC-8 byte: BI2AWUO2, B2QG42ZU and V2YSCMHG all
// carry a correct CRC-8/DVB-S2 of their first four bytes, so they were produced by this algorithm.

import { base32Decode, base32Encode } from './base32.ts';
import { crc8DvbS2, crc32 } from './checksums.ts';

/** The five bytes behind a CMRequestId: CRC-32 of the MessageId (big-endian) + CRC-8 of those. */
export function cmRequestIdBytes(messageId: string): Uint8Array {
  const crc = crc32(new TextEncoder().encode(messageId));
  const bytes = Uint8Array.of(crc >>> 24, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff, 0);
  bytes[4] = crc8DvbS2(bytes.subarray(0, 4));
  return bytes;
}

/**
 * The CMRequestId of a MessageId: CRC-32 (IEEE) of its UTF-8 bytes as 4 big-endian bytes, then a
 * CRC-8/DVB-S2 byte over those 4 bytes, then RFC 4648 base32 of the 5 bytes (8 characters).
 *
 * @example cmRequestId('AT999999201812312359598880000000001') // → 'IWRN74PW'
 */
export function cmRequestId(messageId: string): string {
  if (messageId.length === 0) {
    throw new Error(
      'consent-sim: cmRequestId(messageId): the MessageId is empty; pass the MessageId of the CMRequest the id belongs to',
    );
  }
  return base32Encode(cmRequestIdBytes(messageId));
}

/** What the 8 characters of a CMRequestId decode to, or why they cannot be one. */
export type CmRequestIdDecoding =
  | { ok: true; crc32: number; crc8: number; crc8Expected: number }
  | { ok: false; reason: string };

/**
 * Decodes a CMRequestId into its CRC-32 and CRC-8 parts and recomputes the CRC-8, which is the
 * part that can be verified without the MessageId.
 *
 * @example decodeCmRequestId('IWRN74PW') // → { ok: true, crc32: 0x45a2dff1, crc8: 0xf6, crc8Expected: 0xf6 }
 */
export function decodeCmRequestId(id: string): CmRequestIdDecoding {
  const bytes = base32Decode(id);
  if (bytes === null || bytes.length !== 5) {
    return { ok: false, reason: 'not 8 characters of RFC 4648 base32 (A–Z, 2–7)' };
  }
  const [b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0] = bytes;
  return {
    ok: true,
    crc32: ((b0 << 24) | (b1 << 16) | (b2 << 8) | b3) >>> 0,
    crc8: b4,
    crc8Expected: crc8DvbS2(bytes.subarray(0, 4)),
  };
}
