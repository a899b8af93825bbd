import { describe, expect, it } from 'vitest';
import { durationMs, parseAt, resolveAt } from './at.ts';

const VIENNA = 'Europe/Vienna';
const start = Date.parse('2026-03-28T10:00:00+01:00');

describe('resolveAt', () => {
  it('adds calendar days in the zone: P1D across the spring DST change is 23 hours (OFF-DAYS)', () => {
    expect(resolveAt('P1D', start, VIENNA)).toBe(Date.parse('2026-03-29T10:00:00+02:00'));
    expect(resolveAt('P1D', start, VIENNA) - start).toBe(23 * 3_600_000);
  });

  it('adds time units as elapsed time', () => {
    expect(resolveAt('PT24H', start, VIENNA) - start).toBe(24 * 3_600_000);
    expect(resolveAt('P30DT0.001S', start, VIENNA)).toBe(
      Date.parse('2026-04-27T10:00:00.001+02:00'),
    );
  });

  it('takes an absolute instant as it is, whatever the zone', () => {
    expect(resolveAt('2026-04-01T08:30:00Z', start, VIENNA)).toBe(
      Date.parse('2026-04-01T08:30:00Z'),
    );
    expect(resolveAt('2026-04-01T10:30:00+02:00', start, 'Europe/Helsinki')).toBe(
      Date.parse('2026-04-01T08:30:00Z'),
    );
  });

  it('refuses an instant without offset, which would depend on the machine zone', () => {
    expect(() => resolveAt('2026-04-01T10:30:00', start, VIENNA)).toThrow(
      /consent-sim: .*"2026-04-01T10:30:00" is not an ISO 8601 duration or instant with offset/,
    );
  });

  it('refuses impossible dates and empty durations', () => {
    expect(parseAt('2026-02-30T09:00:00+01:00').kind).toBe('invalid');
    expect(parseAt('P').kind).toBe('invalid');
    expect(parseAt('PT').kind).toBe('invalid');
    expect(parseAt('P3X').kind).toBe('invalid');
    expect(parseAt('-P3D').kind).toBe('invalid');
  });
});

describe('durationMs', () => {
  it('converts elapsed durations, a day being 24 hours', () => {
    expect(durationMs('PT5S')).toBe(5_000);
    expect(durationMs('P2D')).toBe(172_800_000);
  });

  it('refuses months and years, which have no fixed length', () => {
    expect(() => durationMs('P1M')).toThrow(/years or months/);
  });
});
