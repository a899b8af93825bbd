import { describe, expect, it } from 'vitest';
import { capacityBytes, payloadByteLength } from './capacity.ts';
import { planCapacity } from './capacity-plan.ts';
import { buildCmRequestFixture } from './cmrequest-fixture.ts';
import { encodeQr } from './encode.ts';
import { QrTooLargeError } from './errors.ts';
import { packRequests } from './payload.ts';

const template = buildCmRequestFixture({ purpose: 'Prüfung' });

function payloadOf(meteringPoints: number): string {
  return packRequests(
    Array.from({ length: meteringPoints }, (_, index) =>
      buildCmRequestFixture({
        purpose: 'Prüfung',
        meteringPoint: `AT00100000000000000000000000${String(index).padStart(5, '0')}`,
      }),
    ),
  );
}

describe('planCapacity', () => {
  it('reports fit and version per level for one document', () => {
    const plan = planCapacity([template]);
    const bytes = payloadByteLength(template);
    expect(plan.payloadBytes).toBe(bytes);
    expect(bytes).toBeGreaterThan(capacityBytes('H')); // a typical document does not fit level H
    expect(plan.perLevel.H).toEqual({ fits: false, capacityBytes: 1273 });
    expect(plan.perLevel.M).toEqual({
      fits: true,
      capacityBytes: 2331,
      version: encodeQr(template).version,
    });
    expect(plan.perLevel.L.version).toBeLessThan(plan.perLevel.M.version ?? 0);
  });

  it('takes a packed payload as well as documents', () => {
    expect(planCapacity(payloadOf(2))).toEqual(planCapacity(payloadOf(2).split('\n')));
  });

  it('encodes only the requested level when one is given', () => {
    const plan = planCapacity([template], 'Q');
    expect(plan.perLevel.Q.version).toBeDefined();
    expect(plan.perLevel.M).toEqual({ fits: true, capacityBytes: 2331 });
  });

  it('maxMeteringPointsAt: that many distinct metering points encode, one more does not', () => {
    const { maxMeteringPointsAt } = planCapacity([template]);
    for (const level of ['L', 'M', 'Q'] as const) {
      const most = maxMeteringPointsAt[level];
      expect(most).toBeGreaterThan(0);
      expect(encodeQr(payloadOf(most), { level }).version).toBeLessThanOrEqual(40);
      expect(() => encodeQr(payloadOf(most + 1), { level })).toThrow(QrTooLargeError);
    }
    expect(maxMeteringPointsAt.H).toBe(0);
  });

  it('the process page example: 100 metering points do not fit at any level (use CM_REQ_ONL)', () => {
    const { maxMeteringPointsAt } = planCapacity([template]);
    expect(Math.max(...Object.values(maxMeteringPointsAt))).toBeLessThan(100);
    expect(planCapacity(payloadOf(3)).perLevel.L.fits).toBe(false);
  });
});
