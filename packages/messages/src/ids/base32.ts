// RFC 4648 section 6 base32 ("A–Z2–7"), without padding: CMRequestIds are 5 bytes = 8 characters,
// which needs no padding at all.

/** The RFC 4648 base32 alphabet. */
export const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * Encodes bytes as RFC 4648 base32 without `=` padding.
 *
 * @example base32Encode(Uint8Array.of(0x45, 0xa2, 0xdf, 0xf1, 0xf6)) // → 'IWRN74PW'
 */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Decodes unpadded RFC 4648 base32 (upper case only); `null` if a character is outside the
 * alphabet or the trailing bits are not zero (such text was not produced by an encoder).
 *
 * @example base32Decode('IWRN74PW') // → Uint8Array [0x45, 0xa2, 0xdf, 0xf1, 0xf6]
 */
export function base32Decode(text: string): Uint8Array | null {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text) {
    const value = BASE32_ALPHABET.indexOf(char);
    if (value < 0) return null;
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) return null;
  return Uint8Array.from(out);
}
