import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode } from './base32.ts';

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('base32 (RFC 4648 section 6, unpadded)', () => {
  // RFC 4648 section 10 test vectors, with the '=' padding removed.
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('encodes %j as %j (RFC 4648 section 10)', (input, encoded) => {
    expect(base32Encode(ascii(input))).toBe(encoded);
    expect(base32Decode(encoded)).toEqual(ascii(input));
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
      }),
    );
  });

  it.each([
    ['lower case', 'mzxw6'],
    ['a digit outside 2–7', 'MZXW1'],
    ['padding', 'MY======'],
    ['non-zero trailing bits', 'MZ'],
  ])('rejects %s', (_case, text) => {
    expect(base32Decode(text)).toBeNull();
  });
});
