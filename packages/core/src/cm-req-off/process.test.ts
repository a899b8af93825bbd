import { describe, expect, it } from 'vitest';
import { consentIdFor } from '../eda/consent-id.ts';
import { objectionDeadline, redemptionDeadline } from './deadlines.ts';
import type { ConsentRequestData } from './messages.ts';
import { createNetwork, MP1, MP2 } from './test-network.ts';
import { vnbMachine } from './vnb.ts';

const t0 = Date.parse('2026-03-10T09:00:00+01:00');
const HOUR = 3_600_000;
const request: ConsentRequestData = {
  reqDatType: 'HistoricalMeteringData',
  dateFrom: '2026-03-01',
  dateTo: '2026-03-31',
  meteringIntervall: 'D',
};
const consent1 = consentIdFor('AT001000', t0, 0);

/** Customer applies at t0 and hands the QR code over at t0 + 1 h. */
function redeemed(options: Partial<Parameters<typeof createNetwork>[0]> = {}, data = request) {
  const net = createNetwork({ start: t0, ...options });
  net.at(t0, net.customer, { type: 'stimulus.apply', meteringPoints: [MP1], request: data });
  net.at(t0 + HOUR, net.customer, { type: 'stimulus.handOver' });
  return net;
}

describe('CM_REQ_OFF happy path', () => {
  it('runs every step to the active release in order (VNB_01 … VNB_16, SP_08)', () => {
    const net = redeemed();
    net.clock.advanceTo(objectionDeadline(t0 + HOUR) + 1);
    expect(net.steps('dso')).toEqual([
      'CM_REQ_OFF_VNB_01',
      'CM_REQ_OFF_VNB_02',
      'CM_REQ_OFF_VNB_03',
      'CM_REQ_OFF_VNB_04',
      'CM_REQ_OFF_VNB_05',
      'CM_REQ_OFF_VNB_06',
      'CM_REQ_OFF_VNB_07',
      'CM_REQ_OFF_VNB_20',
      'CM_REQ_ONL_VNB_08',
      'CM_REQ_OFF_VNB_09',
      'CM_REQ_OFF_VNB_10',
      'CM_REQ_OFF_VNB_14',
      'CM_REQ_ONL_VNB_15',
      'CM_REQ_OFF_VNB_16',
    ]);
    expect(net.steps('sp')).toEqual([
      'CM_REQ_OFF_SP_01',
      'CM_REQ_OFF_SP_02',
      'CM_REQ_OFF_SP_03',
      'CM_REQ_OFF_SP_04',
      'CM_REQ_OFF_SP_05',
      'CM_REQ_OFF_SP_07',
      'CM_REQ_OFF_SP_08',
    ]);
    expect(net.steps('customer')).toEqual([
      'CM_REQ_OFF_BP_01',
      'CM_REQ_OFF_BP_02',
      'CM_REQ_OFF_BP_03',
      'CM_REQ_OFF_BP_04',
      'CM_REQ_OFF_BP_05',
      'CM_REQ_OFF_BP_06',
    ]);
    expect(net.eda()).toEqual(['ANFORDERUNG_CMQF', 'ANTWORT_CMQF:99', 'ANTWORT_CMQF:175']);
    expect(net.statuses(consent1)).toEqual(['issued', 'redeemed', 'active']);
    const activation = net.trace.find(
      (e) => e.event.type === 'consent' && e.event.status === 'active',
    );
    expect(activation?.at).toBe(objectionDeadline(t0 + HOUR) + 1);
    expect(net.sp.getSnapshot().context.records[consent1]?.status).toBe('granted');
  });

  it('creates one ConsentId and one QR document per metering point', () => {
    const net = createNetwork({ start: t0 });
    net.at(t0, net.customer, { type: 'stimulus.apply', meteringPoints: [MP1, MP2], request });
    const qr = net.trace.find((e) => e.event.type === 'qr.request');
    expect(
      qr?.event.type === 'qr.request' &&
        qr.event.documents.map((d) => [d.consentId, d.meteringPoint]),
    ).toEqual([
      [consentIdFor('AT001000', t0, 0), MP1],
      [consentIdFor('AT001000', t0, 1), MP2],
    ]);
    expect(consent1).toHaveLength(33);
  });
});

describe('redemption deadline (OFF-REDEMPTION-START, OFF-DEADLINE-BOUNDARY)', () => {
  it('times out at deadline + 1 ms: VNB_17, VNB_18 (expired), VNB_19', () => {
    const net = createNetwork({ start: t0 });
    net.at(t0, net.customer, { type: 'stimulus.apply', meteringPoints: [MP1], request });
    net.at(t0 + HOUR, net.customer, { type: 'stimulus.keepQr' });
    net.clock.advanceTo(redemptionDeadline(t0));
    expect(net.statuses(consent1)).toEqual(['issued']);
    net.clock.advanceTo(redemptionDeadline(t0) + 1);
    expect(net.steps('dso').slice(-4)).toEqual([
      'CM_REQ_OFF_VNB_04',
      'CM_REQ_OFF_VNB_17',
      'CM_REQ_OFF_VNB_18',
      'CM_REQ_OFF_VNB_19',
    ]);
    expect(net.statuses(consent1)).toEqual(['issued', 'expired']);
    expect(net.steps('customer').at(-1)).toBe('CM_REQ_OFF_BP_09');
  });

  it('accepts a request at exactly the deadline and rejects one 1 ms later with 180', () => {
    const inTime = createNetwork({ start: t0 });
    inTime.at(t0, inTime.customer, { type: 'stimulus.apply', meteringPoints: [MP1], request });
    inTime.at(redemptionDeadline(t0), inTime.customer, { type: 'stimulus.handOver' });
    expect(inTime.eda()).toEqual(['ANFORDERUNG_CMQF', 'ANTWORT_CMQF:99']);

    const late = createNetwork({ start: t0 });
    late.at(t0, late.customer, { type: 'stimulus.apply', meteringPoints: [MP1], request });
    late.at(redemptionDeadline(t0) + 1, late.customer, { type: 'stimulus.handOver' });
    expect(late.eda()).toEqual(['ANFORDERUNG_CMQF', 'ABLEHNUNG_CMQF:180']);
    expect(late.statuses(consent1)).toEqual(['issued', 'expired']);
  });

  it('spans 30 × 24 − 1 hours across the change to summer time on 2026-03-29 (OFF-DAYS)', () => {
    const issued = Date.parse('2026-03-20T10:00:00+01:00');
    const net = createNetwork({ start: issued });
    net.at(issued, net.customer, { type: 'stimulus.apply', meteringPoints: [MP1], request });
    expect(net.clock.pending()).toEqual([issued + (30 * 24 - 1) * HOUR + 1]);
  });
});

describe('objection window (OFF-OBJECTION-START, OFF-DEADLINE-BOUNDARY)', () => {
  it('an objection at exactly the deadline is in time: VNB_11, ONL_VNB_12, ABLEHNUNG_CMQF 172, SP_06', () => {
    const net = redeemed();
    net.at(objectionDeadline(t0 + HOUR), net.customer, { type: 'stimulus.object' });
    expect(net.steps('customer').slice(-2)).toEqual(['CM_REQ_OFF_BP_07', 'CM_REQ_OFF_BP_09']);
    expect(net.steps('dso').slice(-5)).toEqual([
      'CM_REQ_OFF_VNB_10',
      'CM_REQ_OFF_VNB_11',
      'CM_REQ_ONL_VNB_12',
      'CM_REQ_OFF_VNB_13',
      'CM_REQ_OFF_VNB_19',
    ]);
    expect(net.eda().at(-1)).toBe('ABLEHNUNG_CMQF:172');
    expect(net.steps('sp').at(-1)).toBe('CM_REQ_OFF_SP_06');
    expect(net.statuses(consent1)).toEqual(['issued', 'redeemed', 'rejected']);
  });

  it('an objection 1 ms after the deadline starts CM_REV_CUS: AUFHEBUNG_CCMC, ANTWORT_CCMC 176 (OFF-LATE-OBJECTION)', () => {
    const net = redeemed();
    const late = objectionDeadline(t0 + HOUR) + 1;
    net.at(late, net.customer, { type: 'stimulus.object' });
    expect(net.steps('customer').slice(-3)).toEqual([
      'CM_REQ_OFF_BP_06',
      'CM_REQ_OFF_BP_08',
      'CM_REQ_OFF_BP_09',
    ]);
    expect(net.eda().slice(-3)).toEqual(['ANTWORT_CMQF:175', 'AUFHEBUNG_CCMC', 'ANTWORT_CCMC:176']);
    const revoke = net.trace.find(
      (e) =>
        e.event.type === 'send' &&
        e.event.channel === 'eda' &&
        e.event.message.messageCode === 'AUFHEBUNG_CCMC',
    );
    expect(revoke?.event).toMatchObject({
      message: {
        consentId: consent1,
        meteringPoint: MP1,
        consentEnd: '2026-03-15',
        reason: 'customer',
      },
    });
    expect(net.statuses(consent1)).toEqual(['issued', 'redeemed', 'active', 'revoked']);
    expect(net.sp.getSnapshot().context.records[consent1]?.status).toBe('revoked');
  });
});

describe('invalid ConsentRequests (OFF-RESPONSE-CODES)', () => {
  it('answers a duplicate message 179, a second redemption 178, and leaves the consent unchanged', () => {
    const net = redeemed();
    net.at(t0 + 2 * HOUR, net.sp, { type: 'stimulus.resendRequest', consentId: consent1 });
    net.at(t0 + 3 * HOUR, net.sp, { type: 'stimulus.sendRequest', consentId: consent1 });
    expect(net.eda()).toEqual([
      'ANFORDERUNG_CMQF',
      'ANTWORT_CMQF:99',
      'ANFORDERUNG_CMQF',
      'ABLEHNUNG_CMQF:179',
      'ANFORDERUNG_CMQF',
      'ABLEHNUNG_CMQF:178',
    ]);
    expect(net.statuses(consent1)).toEqual(['issued', 'redeemed']);
  });

  it.each([
    ['unknown ConsentId → 177', { consentId: 'AT00100020260101000000000ZZZZZZZZ' }, 177],
    ['ConsentId and metering point do not match → 187', { meteringPoint: MP2 }, 187],
    [
      'metering point of another DSO → 56',
      { meteringPoint: 'AT0020000000000000000000000000001' },
      56,
    ],
  ])('%s', (_, override, code) => {
    const net = redeemed();
    net.at(t0 + 2 * HOUR, net.sp, { type: 'stimulus.sendRequest', consentId: consent1, override });
    expect(net.eda().slice(-2)).toEqual(['ANFORDERUNG_CMQF', `ABLEHNUNG_CMQF:${code}`]);
    expect(net.steps('dso').slice(-2)).toEqual(['CM_REQ_OFF_VNB_05', 'CM_REQ_OFF_VNB_06']);
    expect(net.statuses(consent1)).toEqual(['issued', 'redeemed']);
  });

  it('rejects a request of an unregistered service provider with 76', () => {
    const net = redeemed({ registeredServiceProviders: [] });
    expect(net.eda()).toEqual(['ANFORDERUNG_CMQF', 'ABLEHNUNG_CMQF:76']);
    expect(net.statuses(consent1)).toEqual(['issued']);
  });

  it('rejects a document that failed schema validation with 76', () => {
    const net = createNetwork({ start: t0 });
    net.at(t0, net.dso, {
      type: 'receive.invalid',
      from: 'EP100200',
      messageCode: 'ANFORDERUNG_CMQF',
      issues: ['DateFrom missing'],
    });
    expect(net.eda()).toEqual(['ABLEHNUNG_CMQF:76']);
    expect(net.steps('dso')).toEqual(['CM_REQ_OFF_VNB_05', 'CM_REQ_OFF_VNB_06']);
  });
});

describe('errors before and after the request (OFF-QR-TOO-LARGE, OFF-AUTH-AND-BACKEND-ERRORS)', () => {
  it('a request too large for a QR code: no QR, ConsentIds invalidated, customer and SP told to use CM_REQ_ONL', () => {
    const net = createNetwork({ start: t0, qrCapacityBytes: 300 });
    net.at(t0, net.customer, { type: 'stimulus.apply', meteringPoints: [MP1, MP2], request });
    expect(net.steps('dso')).toEqual([
      'CM_REQ_OFF_VNB_01',
      'CM_REQ_OFF_VNB_02',
      'CM_REQ_OFF_VNB_18',
      'CM_REQ_OFF_VNB_19',
    ]);
    expect(net.statuses(consent1)).toEqual(['issued', 'invalidated']);
    expect(net.eda()).toEqual([]);
    expect(net.sp.getSnapshot().context.onlineProcessAdvised).toBe(1);
    expect(net.steps('customer')).toEqual(['CM_REQ_OFF_BP_01', 'CM_REQ_OFF_BP_09']);
  });

  it('a customer the DSO cannot authenticate gets no ConsentId; the DSO ends (VNB_19)', () => {
    const net = createNetwork({ start: t0, canAuthenticate: false });
    net.at(t0, net.customer, {
      type: 'stimulus.apply',
      meteringPoints: [MP1],
      request,
      via: 'phone',
    });
    expect(net.steps('dso')).toEqual(['CM_REQ_OFF_VNB_19']);
    const notice = net.trace.find((e) => e.party === 'dso' && e.event.type === 'send');
    expect(notice?.event).toMatchObject({
      channel: 'phone',
      to: 'customer',
      message: { topic: { kind: 'notAuthenticated' } },
    });
    expect(net.trace.some((e) => e.event.type === 'consent')).toBe(false);
  });

  it('a back-end error after VNB_05 answers 174, tells the customer and invalidates the ConsentId', () => {
    const failing = vnbMachine.provide({ guards: { backendProcessesRequest: () => false } });
    const net = redeemed({ vnb: failing });
    expect(net.eda()).toEqual(['ANFORDERUNG_CMQF', 'ABLEHNUNG_CMQF:174']);
    expect(net.steps('dso').slice(-4)).toEqual([
      'CM_REQ_OFF_VNB_05',
      'CM_REQ_OFF_VNB_06',
      'CM_REQ_OFF_VNB_18',
      'CM_REQ_OFF_VNB_19',
    ]);
    expect(net.statuses(consent1)).toEqual(['issued', 'invalidated']);
    expect(net.steps('customer').at(-1)).toBe('CM_REQ_OFF_BP_09');
    expect(net.trace.some((e) => e.event.type === 'data')).toBe(false);
  });
});

describe('data delivery after activation (OFF-DATA-DELIVERY)', () => {
  it('delivers on request only once the release is active', () => {
    const net = redeemed();
    net.at(t0 + 2 * HOUR, net.sp, {
      type: 'stimulus.requestData',
      consentId: consent1,
      dateFrom: '2026-03-01',
      dateTo: '2026-03-05',
    });
    expect(net.trace.some((e) => e.event.type === 'data')).toBe(false);
    net.at(objectionDeadline(t0 + HOUR) + 2, net.sp, {
      type: 'stimulus.requestData',
      consentId: consent1,
      dateFrom: '2026-03-01',
      dateTo: '2026-03-05',
    });
    const data = net.trace.filter((e) => e.event.type === 'data').map((e) => e.event);
    expect(data).toEqual([
      { type: 'data', consentId: consent1, meteringPoint: MP1, kind: 'on-request' },
    ]);
    expect(net.sp.getSnapshot().context.records[consent1]?.deliveries).toEqual([
      {
        trigger: 'on-request',
        periodFrom: '2026-03-01T00:00:00.000+01:00',
        periodTo: '2026-03-06T00:00:00.000+01:00',
      },
    ]);
  });

  it('issue 12 build 1: the SP asks for data only under an active consent, unless told to ask anyway', () => {
    const net = redeemed();
    const ask = (at: number, withoutConsent?: true) =>
      net.at(at, net.sp, {
        type: 'stimulus.requestData',
        consentId: consent1,
        dateFrom: '2026-03-01',
        dateTo: '2026-03-05',
        ...(withoutConsent ? { withoutConsent } : {}),
      });
    const requests = () => net.eda().filter((code) => code.startsWith('ANFORDERUNG_DATEN')).length;
    ask(t0 + 2 * HOUR); // after the receipt 99: not active
    expect(requests()).toBe(0);
    ask(t0 + 3 * HOUR, true); // a scenario provoking the DSO
    expect(requests()).toBe(1);
    ask(objectionDeadline(t0 + HOUR) + 2); // active
    expect(requests()).toBe(2);
  });

  it('delivers daily from activation until the period reaches DateTo', () => {
    const net = redeemed({}, { ...request, transmissionCycle: 'D', dateTo: '2026-03-20' });
    net.clock.advanceTo(Date.parse('2026-04-30T00:00:00+02:00'));
    const periodic = net.trace.filter((e) => e.event.type === 'data');
    // Active from 2026-03-15T10:00:00.001; deliveries cover 03-15 … 03-20, one a day.
    expect(periodic).toHaveLength(6);
    expect(periodic.map((e) => new Date(e.at).toISOString().slice(0, 10))).toEqual([
      '2026-03-16',
      '2026-03-17',
      '2026-03-18',
      '2026-03-19',
      '2026-03-20',
      '2026-03-21',
    ]);
  });

  it('delivers monthly on the same local day and time', () => {
    const net = redeemed({}, { ...request, transmissionCycle: 'M', dateTo: '2026-06-30' });
    net.clock.advanceTo(Date.parse('2026-12-31T00:00:00+01:00'));
    const times = net.trace.filter((e) => e.event.type === 'data').map((e) => e.at);
    const activation = objectionDeadline(t0 + HOUR) + 1;
    expect(times[0]).toBe(Date.parse('2026-04-15T10:00:00.001+02:00'));
    expect(times).toHaveLength(4);
    expect(activation).toBe(Date.parse('2026-03-15T10:00:00.001+01:00'));
  });
});
