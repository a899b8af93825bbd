// The three DH-831 roles wired together by a tiny in-test router (the engine's job in
// packages/sim): intents become documents with a header, e-mails are delivered by address.
import type { DatahubAckDocument, DatahubHeader, Dh831Process } from '@consent-sim/messages';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { customerMachine } from './customer.ts';
import { datahubMachine } from './datahub.ts';
import type { Dh831Output } from './events.ts';
import { sellerMachine } from './seller.ts';
import { createTestClock, RECEIPT, VALID, validProcess } from './test-support.ts';

function network() {
  const clock = createTestClock(RECEIPT);
  const seller = createActor(sellerMachine, {
    input: { partyId: 'SELLER1', datahubPartyId: 'DATAHUB' },
    clock,
  });
  const datahub = createActor(datahubMachine, { input: { partyId: 'DATAHUB' }, clock });
  const customer = createActor(customerMachine, {
    input: { partyId: 'CUSTOMER', datahubPartyId: 'DATAHUB' },
    clock,
  });
  const trace: Array<{ party: string } & Dh831Output> = [];
  const queue: Array<() => void> = [];
  let seq = 0;
  const header = (
    messageType: DatahubHeader['messageType'],
    from: string,
    to: string,
  ): DatahubHeader => ({
    messageId: `M${++seq}`,
    messageType,
    senderPartyId: from,
    receiverPartyId: to,
    created: '2026-03-10T12:00:00+02:00',
  });
  const route = (party: string) => (output: Dh831Output) => {
    trace.push({ party, ...output });
    if (output.type !== 'send') return;
    const at = clock.now;
    queue.push(() => {
      if (output.channel === 'email') {
        customer.send({
          type: 'mail.received',
          at,
          from: party,
          channel: 'email',
          mail: output.message,
        });
        return;
      }
      if (output.channel === 'authorization-service') {
        datahub.send({ type: 'receive.AS-DECISION', at, from: party, message: output.message });
        return;
      }
      const m = output.message;
      switch (m.messageCode) {
        case 'DH-831':
          datahub.send({
            type: 'receive.DH-831',
            at,
            from: party,
            message: {
              kind: 'DH-831',
              header: header('DH-831', party, output.to),
              process: m.process,
            },
          });
          return;
        case 'DH-851':
          datahub.send({
            type: 'receive.DH-851',
            at,
            from: party,
            message: {
              kind: 'DH-851',
              header: header('DH-851', party, output.to),
              process: m.process,
            },
          });
          return;
        case 'ACK': {
          const ack: DatahubAckDocument = {
            kind: 'ACK',
            header: header('ACK', party, output.to),
            acknowledgement: m.acknowledgement,
            ...(m.original ? { original: m.original } : {}),
          };
          seller.send({ type: 'receive.ACK', at, from: party, message: ack });
          return;
        }
        case 'DH-825':
          seller.send({
            type: 'receive.DH-825',
            at,
            from: party,
            message: {
              kind: 'DH-825',
              header: header('DH-825', party, output.to),
              requestId: m.requestId,
              approvedAt: m.approvedAt,
              grantedAccountingPoints: m.grantedAccountingPoints,
            },
          });
          return;
        case 'AUTHORIZATION_END':
          datahub.send({ type: 'receive.AUTHORIZATION_END', at, from: party, message: m });
          return;
      }
    });
  };
  seller.on('*', route('seller'));
  datahub.on('*', route('datahub'));
  customer.on('*', route('customer'));
  for (const actor of [seller, datahub, customer]) actor.start();
  const drain = () => {
    for (let next = queue.shift(); next; next = queue.shift()) next();
  };
  const steps = () => trace.flatMap((t) => (t.type === 'step' ? [t.step] : []));
  return { clock, seller, datahub, customer, trace, drain, steps };
}

describe('DH-831 end to end', () => {
  it('request, notification, partial approval, and the seller learns the granted points', () => {
    const net = network();
    net.seller.send({ type: 'stimulus.sendRequest', at: RECEIPT, process: validProcess() });
    net.drain();
    net.customer.send({
      type: 'stimulus.approve',
      at: RECEIPT,
      requestId: 'REQ-1',
      removeAccountingPoints: [VALID.gsrn[1]],
    });
    net.drain();
    expect(net.steps()).toEqual([
      'DH-831.SELLER.SEND',
      'DH-831.DH.RECEIVE',
      'DH-831.DH.VALIDATE',
      'DH-831.DH.STORE',
      'DH-831.DH.ACK_POSITIVE',
      'DH-831.DH.NOTIFY_EMAIL',
      'DH-831.SELLER.RECEIVE_ACK',
      'DH-831.CUST.RECEIVE_EMAIL',
      'DH-831.CUST.REMOVE_POINTS',
      'DH-831.CUST.APPROVE',
      'DH-831.DH.APPROVE',
      'DH-831.SELLER.RECEIVE_APPROVAL',
    ]);
    expect(net.seller.getSnapshot().context.requests['REQ-1']).toMatchObject({
      status: 'approved',
      grantedAccountingPoints: [VALID.gsrn[0]],
    });
    expect(net.customer.getSnapshot().context.mailbox.map((m) => m.kind)).toEqual(['notification']);
  });

  it('wrong accounting points: approved, data fetched, authorization ended, fetched data destroyed', () => {
    const net = network();
    const wrong: Dh831Process = validProcess({ accountingPoints: [VALID.gsrn[2]] });
    net.seller.send({ type: 'stimulus.sendRequest', at: RECEIPT, process: wrong });
    net.drain();
    net.customer.send({ type: 'stimulus.approve', at: RECEIPT, requestId: 'REQ-1' });
    net.drain();
    net.seller.send({
      type: 'stimulus.fetchData',
      at: RECEIPT,
      requestId: 'REQ-1',
      accountingPoint: VALID.gsrn[2],
    });
    // Not granted: the reference seller does not fetch it.
    net.seller.send({
      type: 'stimulus.fetchData',
      at: RECEIPT,
      requestId: 'REQ-1',
      accountingPoint: VALID.gsrn[0],
    });
    net.seller.send({
      type: 'stimulus.endAuthorization',
      at: RECEIPT,
      requestId: 'REQ-1',
      reason: 'wrong-accounting-points',
    });
    net.drain();
    const tail = net.trace.slice(
      net.trace.findIndex((t) => t.type === 'step' && t.step === 'DH-831.SELLER.FETCH_DATA'),
    );
    expect(tail.map(({ party, ...o }) => o)).toEqual([
      { type: 'step', step: 'DH-831.SELLER.FETCH_DATA' },
      { type: 'data', consentId: 'REQ-1', meteringPoint: VALID.gsrn[2], kind: 'metering-data' },
      { type: 'step', step: 'DH-831.SELLER.END_AUTHORIZATION' },
      {
        type: 'send',
        channel: 'datahub',
        to: 'DATAHUB',
        message: {
          messageCode: 'AUTHORIZATION_END',
          requestId: 'REQ-1',
          reason: 'wrong-accounting-points',
        },
      },
      {
        type: 'obligation',
        requestId: 'REQ-1',
        duty: 'delete-fetched-data',
        meteringPoints: [VALID.gsrn[2]],
      },
      { type: 'step', step: 'DH-831.SELLER.DELETE_DATA' },
      { type: 'data-deleted', requestId: 'REQ-1', meteringPoints: [VALID.gsrn[2]] },
      { type: 'step', step: 'DH-831.DH.END_AUTHORIZATION' },
      {
        type: 'authorization',
        requestId: 'REQ-1',
        status: 'Ended',
        accountingPoints: [VALID.gsrn[2]],
      },
    ]);
    expect(net.seller.getSnapshot().context.requests['REQ-1']).toMatchObject({
      status: 'ended',
      fetchedAccountingPoints: [],
    });
  });

  it('a cancel after approval is refused and the seller keeps the approval; a reminder reaches the customer', () => {
    const net = network();
    net.seller.send({
      type: 'stimulus.sendRequest',
      at: RECEIPT,
      process: validProcess({ reminderTime: '2026-03-11T09:00:00+02:00' }),
    });
    net.drain();
    net.clock.advanceTo(Date.parse('2026-03-11T09:00:00+02:00'));
    net.drain();
    net.customer.send({ type: 'stimulus.approve', at: net.clock.now, requestId: 'REQ-1' });
    net.drain();
    net.seller.send({ type: 'stimulus.cancel', at: net.clock.now, requestId: 'REQ-1' });
    net.drain();
    expect(net.customer.getSnapshot().context.mailbox.map((m) => m.kind)).toEqual([
      'notification',
      'reminder',
    ]);
    expect(net.steps().slice(-3)).toEqual([
      'DH-851.SELLER.CANCEL',
      'DH-851.DH.REFUSE',
      'DH-831.SELLER.RECEIVE_CANCEL_ACK',
    ]);
    expect(net.seller.getSnapshot().context.requests['REQ-1']).toMatchObject({
      status: 'approved',
      errors: [{ errorId: 'EC.AUTH.030' }],
    });
  });

  it('a refused request is recorded as refused with its error ids; a cancelled one as cancelled', () => {
    const net = network();
    net.seller.send({
      type: 'stimulus.sendRequest',
      at: RECEIPT,
      process: validProcess({ description: 'x'.repeat(151) }),
    });
    net.seller.send({
      type: 'stimulus.sendRequest',
      at: RECEIPT,
      process: validProcess({ requestId: 'REQ-2' }),
    });
    net.drain();
    net.seller.send({ type: 'stimulus.cancel', at: RECEIPT, requestId: 'REQ-2' });
    net.drain();
    const { requests } = net.seller.getSnapshot().context;
    expect(requests['REQ-1']).toMatchObject({
      status: 'refused',
      errors: [{ errorId: 'EC.AUTH.012' }],
    });
    expect(requests['REQ-2']?.status).toBe('cancelled');
  });
});
