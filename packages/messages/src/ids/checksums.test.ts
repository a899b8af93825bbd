import { crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc8DvbS2, crc32 } from './checksums.ts';

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('crc32 (CRC-32/ISO-HDLC)', () => {
  it('gives the catalogue check value 0xCBF43926 for "123456789"', () => {
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
  });

  it('is 0 for no bytes', () => {
    expect(crc32(new Uint8Array())).toBe(0);
  });

  // eddie-energy/eddie CRCTest.computeCRC32_forKnownInput_returnsExpected, values from the
  // ebutilities.at CMRequest schema documentation.
  it('gives 0x45a2dff1 for MessageId AT999999201812312359598880000000001 (ebutilities via eddie CRCTest)', () => {
    expect(crc32(ascii('AT999999201812312359598880000000001'))).toBe(0x45a2dff1);
  });

  it('agrees with node:zlib on arbitrary bytes (independent implementation)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(crc32(bytes)).toBe(zlibCrc32(bytes));
      }),
    );
  });
});

describe('crc8DvbS2 (poly 0xD5, init 0)', () => {
  it('gives the catalogue check value 0xBC for "123456789"', () => {
    expect(crc8DvbS2(ascii('123456789'))).toBe(0xbc);
  });

  it('gives 0xF6 for the bytes 45 a2 df f1 (ebutilities via eddie CRCTest.computeCRC8_forKnownInput)', () => {
    expect(crc8DvbS2(Uint8Array.of(0x45, 0xa2, 0xdf, 0xf1))).toBe(0xf6);
  });

  it('matches a bitwise reference implementation on arbitrary bytes', () => {
    const bitwise = (bytes: Uint8Array): number => {
      let crc = 0;
      for (const byte of bytes) {
        crc ^= byte;
        for (let k = 0; k < 8; k += 1)
          crc = crc & 0x80 ? ((crc << 1) ^ 0xd5) & 0xff : (crc << 1) & 0xff;
      }
      return crc;
    };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(crc8DvbS2(bytes)).toBe(bitwise(bytes));
      }),
    );
  });
});
