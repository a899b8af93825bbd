// The CM_REQ_OFF invariants can fail: each deliberately wrong DSO (the real machine with one
// implementation swapped by `provide`) breaks exactly the invariant named for it, and the
// violation cites the step or interpretation key it rests on. The real DSO breaks none.
import { cmReqOff } from '@consent-sim/core';
import { describe, expect, it } from 'vitest';
import { enqueueActions } from 'xstate';
import { inlineScenario, runWith } from './test-support.ts';

const REQUEST = `parameters:
  request: { reqDatType: MeteringData, dateFrom: 2026-03-01, dateTo: 2026-03-20, meteringIntervall: QH, transmissionCycle: D }`;

/** Redeemed on day 3, active on day 8, objection on day 12 (after the window). */
const LATE_OBJECTION = inlineScenario(
  'late-objection',
  `${REQUEST}
stimuli:
  - { at: PT0S, party: customer, event: apply, with: { via: phone } }
  - { at: P3D, party: customer, event: handOver }
  - { at: P12D, party: customer, event: object }`,
  'revoked',
);

/** The QR code is handed over on day 40, ten days after the ConsentId expired. */
const EXPIRED = inlineScenario(
  'expired',
  `${REQUEST}
stimuli:
  - { at: PT0S, party: customer, event: apply, with: { via: phone } }
  - { at: P40D, party: customer, event: handOver }`,
  'expired,refused',
);

const names = (result: ReturnType<typeof runWith>) => [
  ...new Set(result.violations.map((v) => v.invariant)),
];

describe('cm-req-off invariants', () => {
  it('hold for the real DSO in the runs the wrong DSOs are tried on', () => {
    for (const scenario of [LATE_OBJECTION, EXPIRED]) {
      const result = runWith(scenario, {});
      expect(result.violations).toEqual([]);
      expect(result.passed).toBe(true);
    }
  });

  it('no-data-without-active-consent: a DSO that releases data with the receipt answer (objection window)', () => {
    const leaky = cmReqOff.vnbMachine.provide({
      actions: {
        relayReport: enqueueActions(({ context, event, enqueue }) => {
          if (event.type !== 'consent.report') return;
          const reported = event.event;
          if (reported.type === 'consent') {
            const record = context.registry.consents.get(reported.consentId);
            if (record) record.status = reported.status;
          }
          enqueue.emit(reported);
          // The wrong part: data leave with ANTWORT_CMQF 99, before VNB_16 (175).
          if (
            reported.type === 'send' &&
            reported.channel === 'eda' &&
            reported.message.messageCode === 'ANTWORT_CMQF' &&
            reported.message.responseCodes.includes(99)
          ) {
            enqueue.emit({
              type: 'data',
              consentId: reported.message.consentId ?? '',
              meteringPoint: reported.message.meteringPoint ?? '',
              kind: 'on-request',
            });
          }
        }),
      },
    });
    const result = runWith(LATE_OBJECTION, { machines: { vnb: leaky } });
    expect(names(result)).toEqual(['no-data-without-active-consent']);
    expect(result.violations[0]?.message).toMatch(
      /left the DSO at 2026-03-05T09:00:03\.000\+01:00 while the ConsentId was redeemed.*CM_REQ_OFF_VNB_16.*OFF-DATA-DELIVERY/,
    );
  });

  it('no-data-after-objection-or-revocation: a DSO that does not pass objections on keeps delivering', () => {
    const deaf = cmReqOff.vnbMachine.provide({ actions: { forwardToConsents: () => undefined } });
    const result = runWith(LATE_OBJECTION, { machines: { vnb: deaf } });
    expect(names(result)).toEqual(['no-data-after-objection-or-revocation']);
    // Objection on 2026-03-14 09:00; the daily deliveries of 03-14 … 03-21 (09:00:03.001) follow it.
    expect(result.violations).toHaveLength(8);
    expect(result.violations[0]?.message).toMatch(
      /left the DSO at 2026-03-14T09:00:03\.001\+01:00, after the customer's objection reached the DSO at 2026-03-14T09:00:00\.000\+01:00.*OFF-LATE-OBJECTION/,
    );
  });

  it('expired-or-invalidated-consent-requests-rejected: a DSO that lets every request through its checks', () => {
    const lax = cmReqOff.vnbMachine.provide({ guards: { requestRejected: () => false } });
    const result = runWith(EXPIRED, { machines: { vnb: lax } });
    expect(names(result)).toEqual(['expired-or-invalidated-consent-requests-rejected']);
    expect(result.violations[0]?.message).toMatch(
      /\(expired\) reached the DSO at 2026-04-11T09:00:03\.000\+02:00 and was not answered at all; expected ABLEHNUNG_CMQF 180 — CM_REQ_OFF_VNB_06, OFF-RESPONSE-CODES row 5/,
    );
  });

  it('expired-or-invalidated-consent-requests-rejected: a DSO that answers an expired ConsentId with another code', () => {
    const wrongCode = cmReqOff.vnbMachine.provide({
      actions: {
        rejectRequest: enqueueActions(({ event, enqueue }) => {
          if (event.type !== 'receive.ANFORDERUNG_CMQF') return;
          const { conversationId, cmRequestId, consentId, meteringPoint, senderAddress } =
            event.message;
          enqueue.emit({
            type: 'send',
            channel: 'eda',
            to: senderAddress,
            message: {
              messageCode: 'ABLEHNUNG_CMQF',
              conversationId,
              cmRequestId,
              ...(consentId === undefined ? {} : { consentId }),
              ...(meteringPoint === undefined ? {} : { meteringPoint }),
              responseCodes: [177],
            },
          });
        }),
      },
    });
    const result = runWith(EXPIRED, { machines: { vnb: wrongCode } });
    expect(names(result)).toEqual(['expired-or-invalidated-consent-requests-rejected']);
    expect(result.violations[0]?.message).toContain(
      'answered ABLEHNUNG_CMQF [177]; expected ABLEHNUNG_CMQF 180',
    );
  });
});
