import { describe, expect, it } from 'vitest';
import { isInTime, timeoutInstant } from '../eda/deadlines.ts';
import { nextPeriodicDelivery, objectionDeadline, redemptionDeadline } from './deadlines.ts';

const HOUR = 3_600_000;

describe('deadlines (OFF-DAYS, OFF-DEADLINE-BOUNDARY)', () => {
  it('30 calendar days across the spring DST change are 719 h, across the autumn change 721 h', () => {
    const spring = Date.parse('2026-03-20T10:00:00+01:00');
    expect(redemptionDeadline(spring) - spring).toBe((30 * 24 - 1) * HOUR);
    const autumn = Date.parse('2026-10-10T10:00:00+02:00');
    expect(redemptionDeadline(autumn) - autumn).toBe((30 * 24 + 1) * HOUR);
  });

  it('5 calendar days keep the local wall-clock time', () => {
    const received = Date.parse('2026-03-27T23:30:00+01:00');
    expect(objectionDeadline(received)).toBe(Date.parse('2026-04-01T23:30:00+02:00'));
  });

  it('the deadline instant is in time, 1 ms later is not, and the timer fires then', () => {
    const deadline = redemptionDeadline(0);
    expect(isInTime(deadline, deadline)).toBe(true);
    expect(isInTime(deadline + 1, deadline)).toBe(false);
    expect(timeoutInstant(deadline)).toBe(deadline + 1);
  });

  it('periodic deliveries step by local calendar day and month', () => {
    const jan31 = Date.parse('2026-01-31T10:00:00+01:00');
    expect(nextPeriodicDelivery(jan31, 'M')).toBe(Date.parse('2026-02-28T10:00:00+01:00'));
    const mar28 = Date.parse('2026-03-28T10:00:00+01:00');
    expect(nextPeriodicDelivery(mar28, 'D') - mar28).toBe(23 * HOUR);
  });
});
