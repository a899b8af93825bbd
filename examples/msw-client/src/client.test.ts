// The implementer's client against the reference DSO, in the same process: msw intercepts
// `fetch`, the DSO runs the real CM_REQ_OFF machine, and the test moves its virtual clock.
import { addCalendarDays, VIENNA } from '@consent-sim/core';
import { createDsoHandlers } from '@consent-sim/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fetchAnswers, redeemConsent, type ServiceProvider } from './client.ts';

const DSO_URL = 'http://dso.test';
const SP = 'EP100200';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function setUp() {
  const dso = createDsoHandlers({
    baseUrl: DSO_URL,
    address: 'AT001000',
    registeredServiceProviders: [SP],
  });
  server.use(...dso.handlers);
  // Our client reads time from the DSO's virtual clock: the two agree on "now".
  let draw = 0;
  const sp: ServiceProvider = {
    address: SP,
    now: () => dso.now(),
    random: () => (draw = (draw + 0.137) % 1),
  };
  const { payload, issuedAt } = dso.issueConsent({
    meteringPoint: 'AT0010000000000000000000000012345',
    request: { reqDatType: 'HistoricalMeteringData', dateFrom: '2026-02-01', dateTo: '2026-02-28' },
  });
  return { dso, sp, payload, issuedAt };
}

describe('example SP client against the reference DSO', () => {
  it('redeems a QR payload: 99 at once, 175 after the 5-day objection window', async () => {
    const { dso, sp, payload } = setUp();
    const [redemption] = await redeemConsent(fetch, DSO_URL, payload, sp);
    expect(redemption?.httpStatus).toBe(202);
    const first = await fetchAnswers(fetch, DSO_URL, SP);
    expect(first.map((a) => a.outcome)).toEqual(['received']);
    expect(first[0]?.conversationId).toBe(redemption?.conversationId);

    dso.advanceTo(addCalendarDays(dso.now(), 5, VIENNA) + 1);
    const later = await fetchAnswers(fetch, DSO_URL, SP, first[0]?.seq);
    expect(later.map((a) => [a.outcome, a.consentId])).toEqual([
      ['granted', redemption?.consentId],
    ]);
  });

  it('hears "expired" (180) when the customer handed the QR code over too late', async () => {
    const { dso, sp, payload, issuedAt } = setUp();
    dso.advanceTo(addCalendarDays(issuedAt, 30, VIENNA) + 1);
    await redeemConsent(fetch, DSO_URL, payload, sp);
    const answers = await fetchAnswers(fetch, DSO_URL, SP);
    expect(answers.map((a) => [a.messageCode, a.responseCodes, a.outcome])).toEqual([
      ['ABLEHNUNG_CMQF', [180], 'expired'],
    ]);
  });
});
