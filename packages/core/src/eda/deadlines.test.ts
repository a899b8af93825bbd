import { describe, expect, it } from 'vitest';
import {
  calendarDaysAfter,
  delayUntil,
  isInTime,
  startOfLocalDate,
  timeoutInstant,
} from './deadlines.ts';

const HOUR = 3_600_000;

describe('EDA deadlines (OFF-DAYS, OFF-DEADLINE-BOUNDARY)', () => {
  it('counts calendar days in Vienna: the day of the spring DST change has 23 hours', () => {
    const before = Date.parse('2026-03-28T10:00:00+01:00');
    expect(calendarDaysAfter(before, 1) - before).toBe(23 * HOUR);
  });

  it('is in time at the deadline instant; the timer fires 1 ms later, never in the past', () => {
    expect(isInTime(1_000, 1_000)).toBe(true);
    expect(isInTime(1_001, 1_000)).toBe(false);
    expect(timeoutInstant(1_000)).toBe(1_001);
    expect(delayUntil(1_001, 500)).toBe(501);
    expect(delayUntil(1_001, 2_000)).toBe(0);
  });

  it('reads local dates in Vienna and names a malformed one', () => {
    expect(startOfLocalDate('2026-03-29')).toBe(Date.parse('2026-03-29T00:00:00+01:00'));
    expect(() => startOfLocalDate('29.03.2026')).toThrow(/consent-sim: .*not a local date/);
  });
});
