import { addCalendarDays, VIENNA } from '@consent-sim/core';
import { validateEdaXml } from '@consent-sim/messages';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryResult } from './delivery.ts';
import { createDsoHandlers } from './dso-handlers.ts';
import type { OutboxMessage } from './outbox.ts';
import {
  DAY,
  DSO_ADDRESS,
  METERING_POINT,
  REQUEST,
  SP_ADDRESS,
  spRequestXml,
} from './test-support.ts';

const BASE = 'http://dso.test';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function startDso() {
  const dso = createDsoHandlers({
    baseUrl: BASE,
    address: DSO_ADDRESS,
    registeredServiceProviders: [SP_ADDRESS],
  });
  server.use(...dso.handlers);
  const issued = dso.issueConsent({ meteringPoint: METERING_POINT, request: REQUEST });
  const template = issued.documents[0];
  if (template === undefined) throw new Error('consent-sim: test: the QR code holds no document');
  return { dso, issued, template };
}

async function post(xml: string): Promise<{ status: number; body: DeliveryResult }> {
  const response = await fetch(`${BASE}/eda/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/xml' },
    body: xml,
  });
  return { status: response.status, body: (await response.json()) as DeliveryResult };
}

async function outbox(query = ''): Promise<OutboxMessage[]> {
  const response = await fetch(`${BASE}/eda/outbox${query}`);
  return ((await response.json()) as { messages: OutboxMessage[] }).messages;
}

const codes = (messages: readonly OutboxMessage[]) =>
  messages.map((m) => `${m.messageCode} ${m.responseCodes.join(',')} → ${m.to}`);

describe('createDsoHandlers: CM_REQ_OFF redemption over HTTP', () => {
  it('answers 99 at once and 175 one millisecond after the 5-day objection deadline', async () => {
    const { dso, issued, template } = startDso();
    expect(issued.payload.split('\n')).toHaveLength(1);
    expect(issued.consentIds[0]).toMatch(/^AT001000/);

    const receivedAt = dso.now() + 3 * DAY;
    dso.advanceTo(receivedAt);
    const { status, body } = await post(spRequestXml(template, receivedAt));
    expect(status).toBe(202);
    expect(body.status).toBe('accepted');
    expect(body.status === 'accepted' && codes(body.answers)).toEqual([
      `ANTWORT_CMQF 99 → ${SP_ADDRESS}`,
    ]);
    expect(dso.consentStatus(issued.consentIds[0] ?? '')).toBe('redeemed');

    // OFF-DEADLINE-BOUNDARY: at the deadline itself the objection window is still open.
    const deadline = addCalendarDays(receivedAt, 5, VIENNA);
    dso.advanceTo(deadline);
    expect(codes(await outbox())).toEqual([`ANTWORT_CMQF 99 → ${SP_ADDRESS}`]);
    dso.advanceTo(deadline + 1);
    const after = await outbox('?since=1');
    expect(codes(after)).toEqual([`ANTWORT_CMQF 175 → ${SP_ADDRESS}`]);
    expect(after[0]?.atMs).toBe(deadline + 1);
    expect(dso.consentStatus(issued.consentIds[0] ?? '')).toBe('active');

    // The single document as sent: valid EDA XML in the SP's conversation.
    const raw = await fetch(`${BASE}/eda/outbox/2`);
    expect(raw.headers.get('content-type')).toMatch(/^application\/xml/);
    const answer = validateEdaXml(await raw.text());
    expect(answer.issues).toEqual([]);
    expect(answer.messageCode).toBe('ANTWORT_CMQF');
    expect(answer.document?.processDirectory.conversationId).toBe(`${SP_ADDRESS}T${receivedAt}`);
  });

  it('rejects an unknown ConsentId with ABLEHNUNG_CMQF 177', async () => {
    const { dso, template } = startDso();
    const unknown = `${template.processDirectory.consentId?.slice(0, -4)}ZZZZ`;
    const { status, body } = await post(spRequestXml(template, dso.now(), { consentId: unknown }));
    expect(status).toBe(202);
    expect(body.status === 'accepted' && codes(body.answers)).toEqual([
      `ABLEHNUNG_CMQF 177 → ${SP_ADDRESS}`,
    ]);
  });

  it('rejects a request 30 days + 1 ms after issue with 180 (expired), one ms earlier with 99', async () => {
    const late = startDso();
    const expiry = addCalendarDays(late.issued.issuedAt, 30, VIENNA) + 1;
    late.dso.advanceTo(expiry);
    expect(late.dso.consentStatus(late.issued.consentIds[0] ?? '')).toBe('expired');
    const rejected = await post(spRequestXml(late.template, expiry));
    expect(rejected.body.status === 'accepted' && codes(rejected.body.answers)).toEqual([
      `ABLEHNUNG_CMQF 180 → ${SP_ADDRESS}`,
    ]);

    server.resetHandlers();
    const inTime = startDso();
    inTime.dso.advanceTo(expiry - 1);
    const accepted = await post(spRequestXml(inTime.template, expiry - 1));
    expect(accepted.body.status === 'accepted' && codes(accepted.body.answers)).toEqual([
      `ANTWORT_CMQF 99 → ${SP_ADDRESS}`,
    ]);
  });

  it('answers 76 to an unregistered service provider', async () => {
    const { dso, template } = startDso();
    const { body } = await post(spRequestXml(template, dso.now(), { sender: 'EP999999' }));
    expect(body.status === 'accepted' && codes(body.answers)).toEqual([
      'ABLEHNUNG_CMQF 76 → EP999999',
    ]);
  });

  it('answers invalid XML with 400 naming path, rule and value, and the DSO still sends 76', async () => {
    const { dso, template } = startDso();
    const xml = spRequestXml(template, dso.now()).replace(
      /(<cp:MeteringPoint>)AT0010000000000000000000000012345/,
      '$1AT0010000000000000000000000012345-X',
    );
    const { status, body } = await post(xml);
    expect(status).toBe(400);
    expect(body.status).toBe('invalid');
    const issues = body.status === 'invalid' ? body.issues : [];
    expect(issues.map((i) => i.path)).toContain('/CMRequest/ProcessDirectory/MeteringPoint');
    expect(
      issues.find((i) => i.path === '/CMRequest/ProcessDirectory/MeteringPoint'),
    ).toMatchObject({
      value: 'AT0010000000000000000000000012345-X',
    });
    expect(body.status === 'invalid' && codes(body.answers)).toEqual([
      `ABLEHNUNG_CMQF 76 → ${SP_ADDRESS}`,
    ]);
  });

  it('refuses hostile XML at the door (external entity) without passing it to the DSO', async () => {
    const { dso, template } = startDso();
    const xml = spRequestXml(template, dso.now()).replace(
      '?>',
      '?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    );
    const { status, body } = await post(xml);
    expect(status).toBe(400);
    expect(body.status).toBe('refused');
    expect(body.status === 'refused' && body.issues[0]?.rule).toBe('xml external-entity');
    expect(await outbox()).toEqual([]);
  });

  it('answers 172 when the customer objects within the window (object)', async () => {
    const { dso, issued, template } = startDso();
    await post(spRequestXml(template, dso.now()));
    dso.advanceTo(addCalendarDays(dso.now(), 5, VIENNA));
    dso.object(issued.consentIds);
    expect(codes(await outbox('?since=1'))).toEqual([`ABLEHNUNG_CMQF 172 → ${SP_ADDRESS}`]);
    expect(dso.consentStatus(issued.consentIds[0] ?? '')).toBe('rejected');
    expect(dso.mails().map((m) => m.mail.topic.kind)).toEqual(['qrCode', 'consentRequestNotice']);
  });

  it("follows the caller's clock: moved past the 30 days, the next request gets 180", async () => {
    let now = Date.parse('2026-10-26T08:00:00+01:00');
    const dso = createDsoHandlers({
      baseUrl: BASE,
      address: DSO_ADDRESS,
      registeredServiceProviders: [SP_ADDRESS],
      clock: { now: () => now },
    });
    server.use(...dso.handlers);
    const { documents, issuedAt } = dso.issueConsent({
      meteringPoint: METERING_POINT,
      request: REQUEST,
    });
    expect(issuedAt).toBe(now);
    now = addCalendarDays(issuedAt, 30, VIENNA) + 1;
    const template = documents[0];
    if (template === undefined) throw new Error('consent-sim: test: no QR document');
    const { body } = await post(spRequestXml(template, now));
    expect(body.status === 'accepted' && codes(body.answers)).toEqual([
      `ABLEHNUNG_CMQF 180 → ${SP_ADDRESS}`,
    ]);
    expect(dso.now()).toBe(now);
  });

  it('answers 422 to a document the DSO does not take, without passing it on', async () => {
    const { dso, template } = startDso();
    const xml = spRequestXml(template, dso.now()).replace(
      /<cp:MessageCode>ANFORDERUNG_CMQF</,
      '<cp:MessageCode>ANFORDERUNG_CCMS<',
    );
    const { status, body } = await post(xml);
    expect([status, body.status]).toEqual([422, 'unsupported']);
    expect(await outbox()).toEqual([]);
  });

  it('refuses a second registered SP with a hint: the run knows one SP', () => {
    expect(() =>
      createDsoHandlers({
        baseUrl: BASE,
        address: DSO_ADDRESS,
        registeredServiceProviders: [SP_ADDRESS, 'EP100201'],
      }),
    ).toThrow(/one registered service provider.*create one DSO per SP/);
  });
});
