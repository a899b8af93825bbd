import { describe, expect, it } from 'vitest';
import { addCalendarDays, calendarDaysBetween, HELSINKI, isoInZone, VIENNA } from './time.ts';

describe('calendar-day arithmetic (OFF-DAYS)', () => {
  it('keeps the local wall-clock time across the spring DST change in Vienna (23 h day)', () => {
    const start = Date.parse('2026-03-28T10:00:00+01:00');
    const next = addCalendarDays(start, 1, VIENNA);
    expect(isoInZone(next, VIENNA)).toBe('2026-03-29T10:00:00.000+02:00');
    expect(next - start).toBe(23 * 3_600_000);
  });

  it('keeps the local wall-clock time across the autumn DST change in Helsinki (25 h day)', () => {
    const start = Date.parse('2026-10-24T09:00:00+03:00');
    const next = addCalendarDays(start, 1, HELSINKI);
    expect(isoInZone(next, HELSINKI)).toBe('2026-10-25T09:00:00.000+02:00');
    expect(next - start).toBe(25 * 3_600_000);
  });

  it('counts calendar days by local date, not by 24 h blocks', () => {
    const lateEvening = Date.parse('2026-03-01T23:30:00+01:00');
    const earlyMorning = Date.parse('2026-03-02T00:30:00+01:00');
    expect(calendarDaysBetween(lateEvening, earlyMorning, VIENNA)).toBe(1);
  });
});

describe('zoneFor (memoized Luxon zone)', () => {
  it('gives the same offsets as Luxon around both DST changes, to the millisecond', async () => {
    const { DateTime } = await import('luxon');
    const { zoneFor } = await import('./time.ts');
    for (const [zone, iso] of [
      [VIENNA, '2026-03-29T01:00:00Z'],
      [VIENNA, '2026-10-25T01:00:00Z'],
      [HELSINKI, '2026-03-29T01:00:00Z'],
      [HELSINKI, '2026-10-25T01:00:00Z'],
    ] as const) {
      const change = Date.parse(iso);
      for (const delta of [-3_600_000, -1, 0, 1, 3_600_000]) {
        const ms = change + delta;
        const memo = DateTime.fromMillis(ms, { zone: zoneFor(zone) }).toISO();
        const plain = DateTime.fromMillis(ms, { zone }).toISO();
        expect(memo).toBe(plain);
      }
    }
  });
});
