/**
 * DH-831 abstract events → concrete stimuli and the expected steps and messages. Each validation
 * rule has an inside and an outside value (DH-ERROR-IDS); the start window is pinned at 00:00
 * today, the last second of day 90 and the first instant of day 91 (DH-START-WINDOW). Decisions
 * and cancellations act on the request as the model's state has it (`run.status`).
 */
import { addCalendarDays, dh831, HELSINKI, isoInZone, localDate } from '@consent-sim/core';
import { endOfLocalDay, startOfLocalDay } from '../local-day.ts';
import type { RunBuilder } from '../run-builder.ts';
import type { AbstractEvent } from '../types.ts';
import {
  accepted,
  authorizationEnded,
  cancelSent,
  DATAHUB_MS,
  dataFetched,
  decided,
  decisionIgnored,
  refused,
  reminded,
  sent,
} from './fragments.ts';

const HOUR_MS = 3_600_000;
const { startWindow, requestEnd, descriptionMaxLength } = dh831.DH831_DEADLINES;
const iso = (at: number) => isoInZone(at, HELSINKI);
const receiptOf = (run: RunBuilder) => run.start + DATAHUB_MS;
const next = (run: RunBuilder) => run.anchor('last') + HOUR_MS;

/** A GSRN: 17 digits and the GS1 mod-10 check digit (weights 3, 1, … from the right). */
function gsrn(body: string, wrongCheckDigit = false): string {
  const sum = [...body].reverse().reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  const check = (10 - (sum % 10)) % 10;
  return `${body}${wrongCheckDigit ? (check + 1) % 10 : check}`;
}

function sendAccepted(
  title: string,
  covers: readonly string[],
  request: (run: RunBuilder) => Record<string, unknown>,
  recipient = true,
): AbstractEvent {
  return {
    title,
    covers: ['DH-831.GW.VALID.valid', ...covers],
    apply: (run) => {
      const with_ = request(run);
      const receivedAt = sent(run, run.start, with_);
      accepted(run, receivedAt, recipient);
      const endDate =
        typeof with_.requestEndDate === 'string'
          ? Date.parse(`${with_.requestEndDate}T12:00:00Z`)
          : addCalendarDays(receivedAt, requestEnd.defaultDays, HELSINKI);
      run.anchors.set('requestEnd', endOfLocalDay(endDate, HELSINKI));
      if (typeof with_.reminder === 'string') {
        run.anchors.set('reminder', addCalendarDays(run.start, 2, HELSINKI));
      }
    },
  };
}

function sendRefused(
  title: string,
  errorId: string,
  request: (run: RunBuilder) => Record<string, unknown>,
): AbstractEvent {
  return {
    title,
    covers: ['DH-831.GW.VALID.invalid', errorId],
    apply: (run) => refused(run, sent(run, run.start, request(run)), [errorId]),
  };
}

function decision(title: string, kind: Parameters<typeof decided>[2]): AbstractEvent {
  return {
    title,
    covers: [`DH-831.GW.DECISION.${kind === 'approvePartially' ? 'approve' : kind}`],
    apply: (run) =>
      run.status === 'open' ? decided(run, next(run), kind) : decisionIgnored(run, next(run)),
  };
}

const today = (run: RunBuilder) => startOfLocalDay(receiptOf(run), HELSINKI);
const dayStart = (run: RunBuilder, days: number) => addCalendarDays(today(run), days, HELSINKI);

export const DH831_EVENTS = {
  SEND_VALID: sendAccepted('send a valid request', ['DH-831.GW.RECIPIENT.given'], () => ({})),
  SEND_WITHOUT_RECIPIENT: sendAccepted(
    'send without recipient',
    ['DH-831.GW.RECIPIENT.absent'],
    () => ({ recipient: false }),
    false,
  ),
  SEND_WITH_REMINDER: sendAccepted('send with a reminder on day 2', ['DH-REMINDER'], () => ({
    reminder: 'P2D',
  })),
  SEND_START_TODAY: sendAccepted('send, start 00:00 today', ['EC.AUTH.001:inside'], (run) => ({
    start: iso(today(run)),
  })),
  SEND_START_DAY_90: sendAccepted(
    `send, start in the last second of day ${startWindow.days}`,
    ['EC.AUTH.002:inside'],
    (run) => ({ start: iso(dayStart(run, startWindow.days + 1) - 1000) }),
  ),
  SEND_DESCRIPTION_AT_LIMIT: sendAccepted(
    `send, description of ${descriptionMaxLength} characters`,
    ['EC.AUTH.012:inside'],
    () => ({ description: 'd'.repeat(descriptionMaxLength) }),
  ),
  SEND_END_1S_AFTER_START: sendAccepted(
    'send, end 1 s after start',
    ['EC.AUTH.003:inside'],
    () => ({ end: 'PT1S' }),
  ),
  SEND_REQUEST_END_TODAY: sendAccepted(
    'send, request end date today',
    ['EC.AUTH.016:inside'],
    (run) => ({ requestEndDate: localDate(receiptOf(run), HELSINKI) }),
  ),
  SEND_START_YESTERDAY: sendRefused('send, start yesterday 23:59:59', 'EC.AUTH.001', (run) => ({
    start: iso(today(run) - 1000),
  })),
  SEND_START_DAY_91: sendRefused(
    `send, start at 00:00 on day ${startWindow.days + 1}`,
    'EC.AUTH.002',
    (run) => ({ start: iso(dayStart(run, startWindow.days + 1)) }),
  ),
  SEND_END_AT_START: sendRefused('send, end equal to start', 'EC.AUTH.003', () => ({
    end: 'PT0S',
  })),
  SEND_INVALID_CUSTOMER_ID: sendRefused(
    'send, customer id with a wrong check character',
    'EC.AUTH.010',
    () => ({
      customerId: '131052-308U',
    }),
  ),
  SEND_INVALID_ACCOUNTING_POINT: sendRefused(
    'send, accounting point with a wrong check digit',
    'EC.AUTH.011',
    () => ({ accountingPoints: [gsrn('64300000000000001', true)] }),
  ),
  SEND_DESCRIPTION_TOO_LONG: sendRefused(
    `send, description of ${descriptionMaxLength + 1} characters`,
    'EC.AUTH.012',
    () => ({ description: 'd'.repeat(descriptionMaxLength + 1) }),
  ),
  SEND_REMINDER_WITHOUT_RECIPIENT: sendRefused(
    'send, reminder without recipient',
    'EC.AUTH.014',
    () => ({ recipient: false, reminder: 'P2D' }),
  ),
  SEND_REQUEST_END_YESTERDAY: sendRefused(
    'send, request end date yesterday',
    'EC.AUTH.016',
    (run) => ({
      requestEndDate: localDate(today(run) - 1, HELSINKI),
    }),
  ),
  APPROVE: decision('approve', 'approve'),
  APPROVE_PARTIALLY: decision('approve without point 2', 'approvePartially'),
  REMOVE_ALL_POINTS: decision('remove every point', 'removeAll'),
  REJECT: decision('reject', 'reject'),
  APPROVE_REQUEST_END_MINUS_1MS: {
    title: 'approve 1 ms before the request end',
    covers: ['DH-831.GW.DECISION.approve', 'DH-END-DATE'],
    apply: (run) => decided(run, run.anchor('requestEnd') - 1, 'approve'),
  },
  REQUEST_END: {
    title: 'request end passes',
    covers: ['DH-831.GW.DECISION.nothing', 'DH-831.DH.EXPIRE'],
    apply: (run) => {
      const at = run.anchor('requestEnd');
      run.step(at, 'DH-831.DH.EXPIRE');
      run.anchors.set('last', at);
      run.status = 'expired';
    },
  },
  APPROVE_REQUEST_END_PLUS_1MS: {
    title: 'approve 1 ms after the request end',
    covers: ['DH-END-DATE'],
    apply: (run) => decisionIgnored(run, run.anchor('requestEnd') + 1),
  },
  REMINDER_TIME: {
    title: 'reminder time',
    covers: ['DH-831.GW.REMINDER_OPEN.open'],
    apply: (run) => {
      const at = run.anchor('reminder');
      reminded(run, at);
      run.anchors.set('last', at);
    },
  },
  CANCEL: {
    title: 'cancel (DH-851)',
    covers: ['DH-851.GW.OPEN'],
    apply: (run) => cancelSent(run, next(run), run.status === 'open'),
  },
  FETCH_DATA: {
    title: 'fetch data',
    covers: ['DH-831.SELLER.FETCH_DATA'],
    apply: (run) => dataFetched(run, next(run)),
  },
  END_AUTHORIZATION: {
    title: 'end the authorization (wrong points)',
    covers: ['DH-831.SELLER.END_AUTHORIZATION', 'DH-CANCEL'],
    apply: (run) => authorizationEnded(run, addCalendarDays(run.anchor('last'), 1, HELSINKI)),
  },
  NOTHING_MORE: { title: 'nothing more', covers: [], apply: () => undefined },
} as const satisfies Record<string, AbstractEvent>;

export type Dh831EventType = keyof typeof DH831_EVENTS;
