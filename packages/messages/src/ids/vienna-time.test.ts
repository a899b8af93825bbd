import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseViennaStamp, viennaStamp } from './vienna-time.ts';

const HOUR = 3_600_000;

describe('viennaStamp', () => {
  it.each([
    ['winter (CET, UTC+1)', '2024-01-15T10:00:00.000Z', '20240115110000000'],
    ['summer (CEST, UTC+2)', '2024-07-15T10:00:00.000Z', '20240715120000000'],
    [
      'the last CET millisecond before spring-forward',
      '2024-03-31T00:59:59.999Z',
      '20240331015959999',
    ],
    [
      'the first CEST instant after spring-forward',
      '2024-03-31T01:00:00.000Z',
      '20240331030000000',
    ],
    [
      'the local new year, still the old year in UTC',
      '2024-12-31T23:30:00.000Z',
      '20250101003000000',
    ],
    ['the shared sample ConsentId time', '2024-04-02T14:40:46.426Z', '20240402164046426'],
  ])('formats %s', (_case, iso, stamp) => {
    expect(viennaStamp(Date.parse(iso))).toBe(stamp);
  });

  it('gives both instants of the repeated autumn hour the same stamp (an EDA id cannot tell them apart)', () => {
    expect(viennaStamp(Date.parse('2024-10-27T00:30:00.000Z'))).toBe('20241027023000000');
    expect(viennaStamp(Date.parse('2024-10-27T01:30:00.000Z'))).toBe('20241027023000000');
  });

  it.each([Number.NaN, -1, 1.5, Number.MAX_SAFE_INTEGER + 2])('refuses %s as epoch ms', (value) => {
    expect(() => viennaStamp(value, 'issuedAt')).toThrow(
      /^consent-sim: issuedAt must be a non-negative integer/,
    );
  });
});

describe('parseViennaStamp', () => {
  it('reads a summer stamp with its +02:00 offset', () => {
    expect(parseViennaStamp('20240402164046426')).toEqual({
      ok: true,
      epochMs: Date.parse('2024-04-02T14:40:46.426Z'),
      iso: '2024-04-02T16:40:46.426+02:00',
    });
  });

  it.each([
    [
      'a skipped local time (spring-forward gap)',
      '20240331023000000',
      'does not exist in Europe/Vienna',
    ],
    ['31 February', '20240231120000000', 'not a calendar date'],
    ['29 February of a common year', '20230229120000000', 'not a calendar date'],
    ['hour 24', '20240402240000000', 'not a calendar date'],
    ['16 digits', '2024040216404642', 'not 17 digits'],
    ['a letter', '2024040216404642X', 'not 17 digits'],
  ])('rejects %s', (_case, stamp, reason) => {
    const parsed = parseViennaStamp(stamp);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toContain(reason);
  });

  it('accepts 29 February of a leap year', () => {
    expect(parseViennaStamp('20240229120000000').ok).toBe(true);
  });

  it('round-trips every instant, except that the repeated autumn hour reads back once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('1990-01-01'), max: Date.parse('2100-01-01') }),
        (ms) => {
          const parsed = parseViennaStamp(viennaStamp(ms));
          expect(parsed.ok).toBe(true);
          if (parsed.ok) expect([ms, ms - HOUR]).toContain(parsed.epochMs);
        },
      ),
    );
  });
});
