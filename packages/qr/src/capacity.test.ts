import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { capacityBytes, fits, payloadByteLength, QR_LEVELS } from './capacity.ts';
import { textOfBytes } from './cmrequest-fixture.ts';
import { decodeRgba } from './decode.ts';
import { encodeQr } from './encode.ts';
import { QrTooLargeError } from './errors.ts';
import { renderRgba } from './render-rgba.ts';

describe('capacity table (OFF-QR-TOO-LARGE)', () => {
  it('states the ISO/IEC 18004 byte-mode capacities of version 40', () => {
    expect(QR_LEVELS.map((level) => [level, capacityBytes(level)])).toEqual([
      ['L', 2953],
      ['M', 2331],
      ['Q', 1663],
      ['H', 1273],
    ]);
    expect(capacityBytes()).toBe(2331);
  });

  it.each(QR_LEVELS)(
    'agrees with qrcode itself at level %s: n bytes make version 40, n + 1 throw',
    (level) => {
      const capacity = capacityBytes(level);
      const largest = QRCode.create([{ data: new Uint8Array(capacity).fill(0x41), mode: 'byte' }], {
        errorCorrectionLevel: level,
      });
      expect(largest.version).toBe(40);
      expect(() =>
        QRCode.create([{ data: new Uint8Array(capacity + 1).fill(0x41), mode: 'byte' }], {
          errorCorrectionLevel: level,
        }),
      ).toThrow('The amount of data is too big to be stored in a QR Code');
    },
  );

  it('counts UTF-8 bytes, not characters', () => {
    expect(payloadByteLength('Grüße €')).toBe(11);
    expect(fits('ä'.repeat(1165), 'M')).toBe(true); // 2330 bytes
    expect(fits('ä'.repeat(1166), 'M')).toBe(false); // 2332 bytes
  });
});

describe('boundary: the largest payload per level', () => {
  it.each(QR_LEVELS)('level %s: the largest payload round-trips byte for byte', (level) => {
    const payload = textOfBytes(capacityBytes(level));
    expect(payloadByteLength(payload)).toBe(capacityBytes(level));
    expect(payload).toMatch(/ä.*€/); // multi-byte characters are part of the boundary payload
    const symbol = encodeQr(payload, { level });
    expect(symbol).toMatchObject({
      version: 40,
      size: 177,
      level,
      payloadBytes: capacityBytes(level),
    });
    expect(decodeRgba(renderRgba(symbol, { scale: 2 }))).toBe(payload);
  });

  it.each(QR_LEVELS)('level %s: one byte more throws QrTooLargeError with the numbers', (level) => {
    const payload = textOfBytes(capacityBytes(level) + 1);
    let thrown: unknown;
    try {
      encodeQr(payload, { level });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(QrTooLargeError);
    expect(thrown).toMatchObject({
      code: 'qr-too-large',
      remedy: 'CM_REQ_ONL',
      level,
      payloadBytes: capacityBytes(level) + 1,
      capacityBytes: capacityBytes(level),
    });
  });

  it('says how large, how much fits, and what to do', () => {
    expect(() => encodeQr(textOfBytes(2412))).toThrow(
      'consent-sim: the request is 2 412 bytes but a QR code at level M holds at most 2 331 bytes (OFF-QR-TOO-LARGE): split it or use the online process CM_REQ_ONL',
    );
  });
});
