import { addCalendarDays, HELSINKI, isoInZone, localDate } from '@consent-sim/core';
import {
  buildDatahubXml,
  type Dh831Process,
  sampleDatahubDocument,
  validateDatahubXml,
} from '@consent-sim/messages';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDatahubHandlers } from './datahub-handlers.ts';
import type { DeliveryResult } from './delivery.ts';

const BASE = 'http://datahub.test';
const SELLER = 'SELLER-100200';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function startDatahub() {
  const datahub = createDatahubHandlers({ baseUrl: BASE });
  server.use(...datahub.handlers);
  return datahub;
}

/** A DH-831 sent at `now` whose authorization period starts `startInDays` Helsinki days later. */
function dh831Xml(
  now: number,
  startInDays: number,
  requestId = 'REQ-00000001',
  seller = SELLER,
): string {
  const sample = sampleDatahubDocument('DH-831', { seed: 7 });
  const process: Dh831Process = {
    ...sample.process,
    requestId,
    periodStart: isoInZone(addCalendarDays(now, startInDays, HELSINKI), HELSINKI),
    reminderTime: isoInZone(addCalendarDays(now, 7, HELSINKI), HELSINKI),
    requestEndDate: localDate(addCalendarDays(now, 14, HELSINKI), HELSINKI),
  };
  const header = {
    ...sample.header,
    messageId: `MSG-${requestId}-${startInDays}`,
    senderPartyId: seller,
    receiverPartyId: 'DATAHUB',
    created: isoInZone(now, HELSINKI),
  };
  return buildDatahubXml({ kind: 'DH-831', header, process });
}

function dh851Xml(now: number, requestId: string): string {
  const header = {
    messageId: `CANCEL-${requestId}`,
    messageType: 'DH-851' as const,
    senderPartyId: SELLER,
    receiverPartyId: 'DATAHUB',
    created: isoInZone(now, HELSINKI),
  };
  return buildDatahubXml({ kind: 'DH-851', header, process: { requestId } });
}

async function post(xml: string) {
  const response = await fetch(`${BASE}/datahub/messages`, { method: 'POST', body: xml });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text: await response.text(),
  };
}

function ackOf(xml: string) {
  const { document, issues } = validateDatahubXml(xml);
  expect(issues).toEqual([]);
  if (document?.kind !== 'ACK') throw new Error(`consent-sim: test: expected an ACK, got ${xml}`);
  return document;
}

describe('createDatahubHandlers: DH-831 / DH-851 over HTTP', () => {
  it('refuses a start 91 Helsinki days ahead with EC.AUTH.002 and accepts 90', async () => {
    const datahub = startDatahub();
    const refused = await post(dh831Xml(datahub.now(), 91, 'REQ-00000091'));
    expect(refused.status).toBe(200);
    expect(refused.type).toMatch(/^application\/xml/);
    const negative = ackOf(refused.text);
    expect(negative.acknowledgement.result).toBe('negative');
    expect(negative.acknowledgement.errors.map((e) => e.errorId)).toEqual(['EC.AUTH.002']);
    expect(negative.original?.process.requestId).toBe('REQ-00000091');

    const accepted = ackOf((await post(dh831Xml(datahub.now(), 90, 'REQ-00000090'))).text);
    expect(accepted.acknowledgement).toMatchObject({ result: 'positive', errors: [] });
    expect(datahub.requestStatus('REQ-00000090')).toBe('Open');
    expect(datahub.mails().map((m) => m.mail.kind)).toEqual(['notification']);
  });

  it('cancels an open request with DH-851: positive ACK, status Cancelled; a second DH-851 is refused', async () => {
    const datahub = startDatahub();
    ackOf((await post(dh831Xml(datahub.now(), 10))).text);
    datahub.advanceTo(datahub.now() + 3_600_000);
    const cancel = ackOf((await post(dh851Xml(datahub.now(), 'REQ-00000001'))).text);
    expect(cancel.acknowledgement).toMatchObject({ result: 'positive', errors: [] });
    expect(cancel.original?.messageType).toBe('DH-851');
    expect(datahub.requestStatus('REQ-00000001')).toBe('Cancelled');

    const again = ackOf((await post(dh851Xml(datahub.now(), 'REQ-00000001'))).text);
    expect(again.acknowledgement.errors.map((e) => e.errorId)).toEqual(['EC.AUTH.030']);
  });

  it('answers a technical fault with 400 and the issues, and puts the EC.MSG ACK in the outbox', async () => {
    const datahub = startDatahub();
    const xml = dh831Xml(datahub.now(), 10).replace(
      '</dh:MessageId>',
      '</dh:MessageId><dh:Unexpected>1</dh:Unexpected>',
    );
    const response = await post(xml);
    expect(response.status).toBe(400);
    const body = JSON.parse(response.text) as DeliveryResult;
    expect(body.status).toBe('invalid');
    const issues = body.status === 'invalid' ? body.issues : [];
    expect(issues.map((i) => [i.path, i.rule])).toEqual([
      ['/AuthorizationRequest/Header/Unexpected', 'EC.MSG.004'],
    ]);
    const listed = (await (await fetch(`${BASE}/datahub/outbox?to=${SELLER}`)).json()) as {
      messages: { messageCode: string; responseCodes: string[] }[];
    };
    expect(listed.messages.map((m) => m.messageCode)).toEqual(['ACK']);
    expect(listed.messages[0]?.responseCodes[0]).toMatch(/^EC\.MSG\./);
  });

  it('sends DH-825 to the seller when the customer approves (decide), status Approved', async () => {
    const datahub = startDatahub();
    ackOf((await post(dh831Xml(datahub.now(), 10))).text);
    datahub.advanceTo(datahub.now() + 3_600_000);
    datahub.decide('REQ-00000001', 'approve');
    expect(datahub.requestStatus('REQ-00000001')).toBe('Approved');
    const notices = datahub.outbox.list({ messageCode: 'DH-825' });
    expect(notices.map((m) => [m.to, m.subject])).toEqual([[SELLER, 'REQ-00000001']]);
  });

  it('answers every seller at its own party id, each request judged on its own', async () => {
    const datahub = startDatahub();
    ackOf((await post(dh831Xml(datahub.now(), 10, 'REQ-00000001'))).text);
    const other = ackOf((await post(dh831Xml(datahub.now(), 10, 'REQ-00000002', 'SELLER-2'))).text);
    expect(other.header.receiverPartyId).toBe('SELLER-2');
    expect(other.acknowledgement.result).toBe('positive');
    expect(datahub.outbox.list().map((m) => m.to)).toEqual([SELLER, 'SELLER-2']);
    expect(datahub.requestStatus('REQ-00000002')).toBe('Open');
  });
});
