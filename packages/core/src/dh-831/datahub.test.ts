import { DateTime } from 'luxon';
import { describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { datahubMachine } from './datahub.ts';
import type { AuthorizationDecision } from './events.ts';
import {
  cancelDocument,
  createTestClock,
  RECEIPT,
  record,
  requestDocument,
  sendsOf,
  statusesOf,
  stepsOf,
  VALID,
  validProcess,
} from './test-support.ts';

function startDatahub(at = RECEIPT) {
  const clock = createTestClock(at);
  const datahub = createActor(datahubMachine, { input: { partyId: 'DATAHUB' }, clock });
  const outputs = record(datahub);
  datahub.start();
  return { clock, datahub, outputs };
}

const decision = (
  requestId: string,
  d: 'approve' | 'reject',
  removed: string[] = [],
): AuthorizationDecision => ({
  messageCode: 'AS-DECISION',
  requestId,
  decision: d,
  removedAccountingPoints: removed,
});

describe('datahub: a valid request', () => {
  it('is validated, stored Open, acknowledged positively, and the recipient is e-mailed (in that order)', () => {
    const { datahub, outputs } = startDatahub();
    datahub.send({
      type: 'receive.DH-831',
      at: RECEIPT,
      from: 'SELLER1',
      message: requestDocument(validProcess()),
    });
    expect(stepsOf(outputs)).toEqual([
      'DH-831.DH.RECEIVE',
      'DH-831.DH.VALIDATE',
      'DH-831.DH.STORE',
      'DH-831.DH.ACK_POSITIVE',
      'DH-831.DH.NOTIFY_EMAIL',
    ]);
    expect(statusesOf(outputs)).toEqual(['REQ-1:Open']);
    const [ack, mail] = sendsOf(outputs);
    expect(ack).toMatchObject({
      channel: 'datahub',
      to: 'SELLER1',
      message: {
        messageCode: 'ACK',
        original: { messageType: 'DH-831', process: { requestId: 'REQ-1' } },
        acknowledgement: { result: 'positive', originalMessageId: 'MSG-REQ-1', errors: [] },
      },
    });
    expect(mail).toMatchObject({
      channel: 'email',
      to: 'maija@example.fi',
      message: { kind: 'notification', recipientName: 'Maija Meikäläinen', requestId: 'REQ-1' },
    });
  });

  it('sends no e-mail when the request names no recipient (DH-831.GW.RECIPIENT absent)', () => {
    const { datahub, outputs } = startDatahub();
    const process = validProcess({ recipient: undefined });
    datahub.send({
      type: 'receive.DH-831',
      at: RECEIPT,
      from: 'SELLER1',
      message: requestDocument(process),
    });
    expect(stepsOf(outputs)).not.toContain('DH-831.DH.NOTIFY_EMAIL');
    expect(sendsOf(outputs).map((s) => s.channel)).toEqual(['datahub']);
  });
});

describe('datahub: reminder (DH-REMINDER, DH-831.GW.REMINDER_OPEN)', () => {
  const reminderTime = '2026-03-20T09:00:00+02:00';

  it('e-mails a reminder at the reminder time while the request is still open', () => {
    const { clock, datahub, outputs } = startDatahub();
    datahub.send({
      type: 'receive.DH-831',
      at: RECEIPT,
      from: 'SELLER1',
      message: requestDocument(validProcess({ reminderTime })),
    });
    clock.advanceTo(Date.parse(reminderTime) - 1);
    expect(stepsOf(outputs)).not.toContain('DH-831.DH.REMINDER_EMAIL');
    clock.advanceTo(Date.parse(reminderTime));
    expect(stepsOf(outputs).at(-1)).toBe('DH-831.DH.REMINDER_EMAIL');
    expect(sendsOf(outputs).at(-1)).toMatchObject({
      channel: 'email',
      message: { kind: 'reminder' },
    });
  });

  it('sends no reminder once the customer has decided', () => {
    const { clock, datahub, outputs } = startDatahub();
    datahub.send({
      type: 'receive.DH-831',
      at: RECEIPT,
      from: 'SELLER1',
      message: requestDocument(validProcess({ reminderTime })),
    });
    const at = Date.parse('2026-03-12T10:00:00+02:00');
    clock.advanceTo(at);
    datahub.send({
      type: 'receive.AS-DECISION',
      at,
      from: 'CUSTOMER',
      message: decision('REQ-1', 'approve'),
    });
    clock.advanceTo(Date.parse('2026-06-01T00:00:00+03:00'));
    expect(stepsOf(outputs)).not.toContain('DH-831.DH.REMINDER_EMAIL');
    expect(clock.pending()).toEqual([]);
  });
});

describe('datahub: request end date (DH-END-DATE)', () => {
  it('expires an open request at 23:59:59.999 Helsinki, 30 calendar days after receipt by default, without e-mail', () => {
    const { clock, datahub, outputs } = startDatahub();
    datahub.send({
      type: 'receive.DH-831',
      at: RECEIPT,
      from: 'SELLER1',
      message: requestDocument(validProcess()),
    });
    // 2026-03-10 + 30 days = 2026-04-09, after the DST change: +03:00.
    const end = Date.parse('2026-04-09T23:59:59.999+03:00');
    clock.advanceTo(end - 1);
    expect(statusesOf(outputs)).toEqual(['REQ-1:Open']);
    const mailsBefore = sendsOf(outputs).filter((s) => s.channel === 'email').length;
    clock.advanceTo(end);
    expect(statusesOf(outputs)).toEqual(['REQ-1:Open', 'REQ-1:Expired']);
    expect(stepsOf(outputs).at(-1)).toBe('DH-831.DH.EXPIRE');
    expect(sendsOf(outputs).filter((s) => s.channel === 'email')).toHaveLength(mailsBefore);
  });

  it('uses the given end date, valid through that whole Helsinki day', () => {
    const { clock, datahub, outputs } = startDatahub();
    datahub.send({
      type: 'receive.DH-831',
      at: RECEIPT,
      from: 'SELLER1',
      message: requestDocument(validProcess({ requestEndDate: '2026-03-12' })),
    });
    clock.advanceTo(Date.parse('2026-03-12T23:59:59.998+02:00'));
    expect(statusesOf(outputs)).toEqual(['REQ-1:Open']);
    clock.advanceTo(Date.parse('2026-03-12T23:59:59.999+02:00'));
    expect(statusesOf(outputs)).toEqual(['REQ-1:Open', 'REQ-1:Expired']);
  });
});

describe('datahub: customer decisions (DH-831.GW.DECISION, DH-PARTIAL)', () => {
  function openRequest() {
    const started = startDatahub();
    started.datahub.send({
      type: 'receive.DH-831',
      at: RECEIPT,
      from: 'SELLER1',
      message: requestDocument(validProcess()),
    });
    return started;
  }

  it('approval creates the authorization for all points and tells the seller (DH-825)', () => {
    const { datahub, outputs } = openRequest();
    const at = RECEIPT + 3_600_000;
    datahub.send({
      type: 'receive.AS-DECISION',
      at,
      from: 'CUSTOMER',
      message: decision('REQ-1', 'approve'),
    });
    expect(stepsOf(outputs).at(-1)).toBe('DH-831.DH.APPROVE');
    expect(statusesOf(outputs)).toEqual(['REQ-1:Open', 'REQ-1:Approved']);
    expect(sendsOf(outputs).at(-1)).toMatchObject({
      to: 'SELLER1',
      message: {
        messageCode: 'DH-825',
        requestId: 'REQ-1',
        approvedAt: '2026-03-10T13:00:00.000+02:00',
        grantedAccountingPoints: [VALID.gsrn[0], VALID.gsrn[1]],
      },
    });
    expect(outputs.at(-1)).toEqual({
      type: 'authorization',
      requestId: 'REQ-1',
      status: 'Active',
      accountingPoints: [VALID.gsrn[0], VALID.gsrn[1]],
    });
  });

  it('partial approval covers only the remaining points, and the notice lists them', () => {
    const { datahub, outputs } = openRequest();
    datahub.send({
      type: 'receive.AS-DECISION',
      at: RECEIPT,
      from: 'CUSTOMER',
      message: decision('REQ-1', 'approve', [VALID.gsrn[0]]),
    });
    expect(sendsOf(outputs).at(-1)).toMatchObject({
      message: { grantedAccountingPoints: [VALID.gsrn[1]] },
    });
    expect(outputs.at(-1)).toMatchObject({
      type: 'authorization',
      accountingPoints: [VALID.gsrn[1]],
    });
  });

  it('removing every point is a rejection, not an approval', () => {
    const { datahub, outputs } = openRequest();
    datahub.send({
      type: 'receive.AS-DECISION',
      at: RECEIPT,
      from: 'CUSTOMER',
      message: decision('REQ-1', 'approve', [VALID.gsrn[0], VALID.gsrn[1]]),
    });
    expect(statusesOf(outputs)).toEqual(['REQ-1:Open', 'REQ-1:Rejected']);
    expect(stepsOf(outputs)).not.toContain('DH-831.DH.APPROVE');
    expect(outputs.some((o) => o.type === 'authorization')).toBe(false);
  });

  it('rejection records Rejected and stops the end-date timer', () => {
    const { clock, datahub, outputs } = openRequest();
    datahub.send({
      type: 'receive.AS-DECISION',
      at: RECEIPT,
      from: 'CUSTOMER',
      message: decision('REQ-1', 'reject'),
    });
    expect(stepsOf(outputs).at(-1)).toBe('DH-831.DH.REJECT');
    expect(clock.pending()).toEqual([]);
  });

  it('ignores a decision on a request that is no longer open', () => {
    const { datahub, outputs } = openRequest();
    datahub.send({
      type: 'receive.AS-DECISION',
      at: RECEIPT,
      from: 'CUSTOMER',
      message: decision('REQ-1', 'reject'),
    });
    const before = outputs.length;
    datahub.send({
      type: 'receive.AS-DECISION',
      at: RECEIPT,
      from: 'CUSTOMER',
      message: decision('REQ-1', 'approve'),
    });
    expect(outputs).toHaveLength(before);
  });
});

describe('datahub: DH-851 cancellation (DH-CANCEL, DH-851.GW.OPEN)', () => {
  function openRequest() {
    const started = startDatahub();
    started.datahub.send({
      type: 'receive.DH-831',
      at: RECEIPT,
      from: 'SELLER1',
      message: requestDocument(validProcess()),
    });
    return started;
  }
  const ackOf = (outputs: ReturnType<typeof record>) => sendsOf(outputs).at(-1)?.message;

  it('cancels an open request: Cancelled, positive ACK copying the DH-851 process element', () => {
    const { clock, datahub, outputs } = openRequest();
    datahub.send({
      type: 'receive.DH-851',
      at: RECEIPT,
      from: 'SELLER1',
      message: cancelDocument('REQ-1'),
    });
    expect(stepsOf(outputs).at(-1)).toBe('DH-851.DH.CANCEL');
    expect(statusesOf(outputs)).toEqual(['REQ-1:Open', 'REQ-1:Cancelled']);
    expect(ackOf(outputs)).toEqual({
      messageCode: 'ACK',
      original: { messageType: 'DH-851', process: { requestId: 'REQ-1' } },
      acknowledgement: { result: 'positive', originalMessageId: 'CANCEL-REQ-1', errors: [] },
    });
    expect(clock.pending()).toEqual([]);
  });

  it.each([
    ['Approved', decision('REQ-1', 'approve')],
    ['Rejected', decision('REQ-1', 'reject')],
  ] as const)(
    'refuses to cancel a request that is %s: EC.AUTH.030, status unchanged',
    (status, d) => {
      const { datahub, outputs } = openRequest();
      datahub.send({ type: 'receive.AS-DECISION', at: RECEIPT, from: 'CUSTOMER', message: d });
      datahub.send({
        type: 'receive.DH-851',
        at: RECEIPT,
        from: 'SELLER1',
        message: cancelDocument('REQ-1'),
      });
      expect(stepsOf(outputs).at(-1)).toBe('DH-851.DH.REFUSE');
      expect(statusesOf(outputs)).toEqual(['REQ-1:Open', `REQ-1:${status}`]);
      expect(ackOf(outputs)).toMatchObject({
        acknowledgement: {
          result: 'negative',
          errors: [{ errorId: 'EC.AUTH.030', textFi: 'Valtuutuspyyntö ei ole avoin.' }],
        },
      });
    },
  );

  it('refuses to cancel an expired request and a cancelled one (EC.AUTH.030)', () => {
    const { clock, datahub, outputs } = openRequest();
    datahub.send({
      type: 'receive.DH-831',
      at: RECEIPT,
      from: 'SELLER1',
      message: requestDocument(validProcess({ requestId: 'REQ-2' })),
    });
    datahub.send({
      type: 'receive.DH-851',
      at: RECEIPT,
      from: 'SELLER1',
      message: cancelDocument('REQ-2'),
    });
    clock.advanceTo(Date.parse('2026-04-10T00:00:00+03:00'));
    for (const id of ['REQ-1', 'REQ-2']) {
      datahub.send({
        type: 'receive.DH-851',
        at: clock.now,
        from: 'SELLER1',
        message: cancelDocument(id),
      });
      expect(ackOf(outputs)).toMatchObject({
        acknowledgement: { errors: [{ errorId: 'EC.AUTH.030' }] },
      });
    }
    expect(statusesOf(outputs)).toEqual([
      'REQ-1:Open',
      'REQ-2:Open',
      'REQ-2:Cancelled',
      'REQ-1:Expired',
    ]);
  });

  it('tells, instead of sending, an event routed to a request that already ended (a wrong Datahub)', () => {
    const clock = createTestClock(RECEIPT);
    // A Datahub that never refuses a cancellation routes a second DH-851 to a finished request.
    const wrong = datahubMachine.provide({ guards: { cancelRefused: () => false } });
    const datahub = createActor(wrong, { input: { partyId: 'DATAHUB' }, clock });
    const outputs = record(datahub);
    const warnings: unknown[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation((...args) => warnings.push(args));
    datahub.start();
    datahub.send({
      type: 'receive.DH-831',
      at: RECEIPT,
      from: 'SELLER1',
      message: requestDocument(validProcess()),
    });
    for (let i = 0; i < 2; i += 1) {
      datahub.send({
        type: 'receive.DH-851',
        at: RECEIPT,
        from: 'SELLER1',
        message: cancelDocument('REQ-1'),
      });
    }
    warn.mockRestore();
    expect(warnings).toEqual([]);
    expect(outputs.at(-1)).toEqual({
      type: 'undeliverable',
      event: 'cancel',
      requestId: 'REQ-1',
      actor: 'request-1',
      actorStatus: 'done',
    });
    expect(statusesOf(outputs)).toEqual(['REQ-1:Open', 'REQ-1:Cancelled']);
  });

  it('refuses an unknown request (EC.AUTH.031) and another seller (EC.AUTH.032)', () => {
    const { datahub, outputs } = openRequest();
    datahub.send({
      type: 'receive.DH-851',
      at: RECEIPT,
      from: 'SELLER1',
      message: cancelDocument('NOPE'),
    });
    expect(ackOf(outputs)).toMatchObject({
      acknowledgement: { errors: [{ errorId: 'EC.AUTH.031' }] },
    });
    datahub.send({
      type: 'receive.DH-851',
      at: RECEIPT,
      from: 'SELLER2',
      message: cancelDocument('REQ-1', 'SELLER2'),
    });
    expect(sendsOf(outputs).at(-1)).toMatchObject({
      to: 'SELLER2',
      message: { acknowledgement: { errors: [{ errorId: 'EC.AUTH.032' }] } },
    });
    expect(statusesOf(outputs)).toEqual(['REQ-1:Open']);
  });
});

describe('datahub: many requests and faults', () => {
  it('runs requests side by side, each with its own timers', () => {
    const { clock, datahub, outputs } = startDatahub();
    datahub.send({
      type: 'receive.DH-831',
      at: RECEIPT,
      from: 'SELLER1',
      message: requestDocument(validProcess({ requestEndDate: '2026-03-11' })),
    });
    datahub.send({
      type: 'receive.DH-831',
      at: RECEIPT,
      from: 'SELLER2',
      message: requestDocument(validProcess({ requestId: 'REQ-2', requestEndDate: '2026-03-12' })),
    });
    datahub.send({
      type: 'receive.AS-DECISION',
      at: RECEIPT,
      from: 'CUSTOMER',
      message: decision('REQ-2', 'approve'),
    });
    clock.advanceTo(
      DateTime.fromISO('2026-03-13T00:00:00', { zone: 'Europe/Helsinki' }).toMillis(),
    );
    expect(statusesOf(outputs)).toEqual([
      'REQ-1:Open',
      'REQ-2:Open',
      'REQ-2:Approved',
      'REQ-1:Expired',
    ]);
    expect(datahub.getSnapshot().context.requests).toMatchObject({
      'REQ-1': { seller: 'SELLER1', status: 'Expired' },
      'REQ-2': { seller: 'SELLER2', status: 'Approved' },
    });
  });

  it('refuses a second request with the id of an accepted one (EC.AUTH.040) but keeps the first', () => {
    const { datahub, outputs } = startDatahub();
    datahub.send({
      type: 'receive.DH-831',
      at: RECEIPT,
      from: 'SELLER1',
      message: requestDocument(validProcess()),
    });
    datahub.send({
      type: 'receive.DH-831',
      at: RECEIPT,
      from: 'SELLER1',
      message: requestDocument(validProcess(), 'MSG-2'),
    });
    expect(sendsOf(outputs).at(-1)).toMatchObject({
      message: {
        acknowledgement: {
          result: 'negative',
          originalMessageId: 'MSG-2',
          errors: [{ errorId: 'EC.AUTH.040' }],
        },
      },
    });
    expect(datahub.getSnapshot().context.requests['REQ-1']?.status).toBe('Open');
  });

  it('answers an unreadable document with a negative ACK without a copied process element', () => {
    const { datahub, outputs } = startDatahub();
    datahub.send({
      type: 'receive.invalid',
      at: RECEIPT,
      from: 'SELLER1',
      messageCode: 'DH-831',
      issues: [{ path: 'AuthorizationRequest', rule: 'EC.MSG.002', message: 'wrong namespace' }],
    });
    expect(stepsOf(outputs)).toEqual(['DH-831.DH.TECHNICAL_FAULT']);
    expect(sendsOf(outputs)[0]?.message).toEqual({
      messageCode: 'ACK',
      acknowledgement: {
        result: 'negative',
        errors: [
          {
            errorId: 'EC.MSG.002',
            text: 'The message is not a known Datahub document (root element, namespace or type).',
            textFi:
              'Sanoma ei ole tunnettu datahub-dokumentti (juurielementti, nimiavaruus tai tyyppi).',
          },
        ],
      },
    });
  });
});
