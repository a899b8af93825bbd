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
