/**
 * CM_REQ_OFF abstract events → concrete stimuli at virtual instants and the expected steps and
 * messages. Deadline events sit exactly at, 1 ms before or 1 ms after a deadline
 * (`OFF-DEADLINE-BOUNDARY`); days are calendar days in Vienna (`OFF-DAYS`).
 */
import { addCalendarDays, cmReqOff, VIENNA } from '@consent-sim/core';
import type { RunBuilder } from '../run-builder.ts';
import type { AbstractEvent } from '../types.ts';
import {
  applied,
  backendFailed,
  dataRequested,
  EDA_MS,
  granted,
  handedOver,
  objectedInTime,
  objectedLate,
  qrIssued,
  redeemed,
  redemptionTimedOut,
  refusedAtGateway,
  revocationTravels,
  spRequestRefused,
} from './fragments.ts';

const HOUR_MS = 3_600_000;
const { redemption, objection } = cmReqOff.CM_REQ_OFF_DEADLINES;

const day = (run: RunBuilder, from: string, days: number) =>
  addCalendarDays(run.anchor(from), days, VIENNA);

/** A valid ConsentRequest arrives at `receivedAt` (hand-over `EDA_MS` earlier). */
function redeemArriving(run: RunBuilder, receivedAt: number): void {
  handedOver(run, receivedAt - EDA_MS);
  redeemed(run, receivedAt, cmReqOff.objectionDeadline(receivedAt));
}

function handOverEvent(title: string, arrival: (run: RunBuilder) => number): AbstractEvent {
  return {
    title,
    covers: ['CM_REQ_OFF_BP_04', 'VNB_06.yes', 'deadline:redemption'],
    apply: (run) => redeemArriving(run, arrival(run)),
  };
}

function refusedRequest(
  title: string,
  branch: string,
  code: number,
  event: 'sendRequest' | 'resendRequest',
  options: Record<string, unknown> = {},
): AbstractEvent {
  return {
    title,
    covers: ['CM_REQ_OFF_SP_04', `VNB_06.no.${branch}`],
    apply: (run) => spRequestRefused(run, run.anchor('last') + HOUR_MS, event, code, options),
  };
}

function objectionEvent(title: string, at: (run: RunBuilder) => number): AbstractEvent {
  return {
    title,
    covers: ['BP_05.yes', 'VNB_10.yes', 'deadline:objection'],
    apply: (run) => objectedInTime(run, at(run)),
  };
}

/** A request arriving `extraMs` after 30 × 24 h from the issue: late, refused with 180. */
function expiredArrival(title: string, extraMs: number): AbstractEvent {
  return {
    title,
    covers: ['VNB_06.no.expired', 'CM_REQ_OFF_VNB_17', 'deadline:redemption', 'OFF-DAYS'],
    apply: (run) => {
      const arrival = run.anchor('issued') + redemption.calendarDays * 24 * HOUR_MS + extraMs;
      redemptionTimedOut(run);
      handedOver(run, arrival - EDA_MS);
      refusedAtGateway(run, arrival, 180);
    },
  };
}

export const CM_REQ_OFF_EVENTS = {
  APPLY: {
    title: 'apply',
    covers: ['CM_REQ_OFF_BP_01', 'CM_REQ_OFF_VNB_02'],
    apply: (run) => {
      applied(run);
      qrIssued(run);
      run.anchors.set('issued', run.start);
      run.anchors.set('redemptionDeadline', cmReqOff.redemptionDeadline(run.start));
      run.status = 'open';
    },
  },
  APPLY_NOT_AUTHENTICATED: {
    title: 'apply, not authenticated',
    covers: ['CM_REQ_OFF_BP_01', 'OFF-AUTH-AND-BACKEND-ERRORS'],
    apply: (run) => {
      run.parameters.customerCanAuthenticate = false;
      applied(run);
      // Told over the channel of the application (phone, no transit time).
      run.step(run.start, 'CM_REQ_OFF_VNB_19', 'CM_REQ_OFF_BP_09');
      run.label('not-authenticated');
    },
  },
  APPLY_TOO_LARGE: {
    title: 'apply for too much for a QR code',
    covers: ['CM_REQ_OFF_VNB_02', 'OFF-QR-TOO-LARGE'],
    apply: (run) => {
      // OFF-QR-PAYLOAD: one metering point fits a level-M code, two do not.
      run.parameters.meteringPoints = 2;
      applied(run);
      run.step(run.start, 'CM_REQ_OFF_VNB_01', 'CM_REQ_OFF_VNB_02');
      run.step(run.start, 'CM_REQ_OFF_VNB_18', 'CM_REQ_OFF_VNB_19');
      run.step(run.start + 5 * 60_000, 'CM_REQ_OFF_BP_09');
      run.status = 'online-process-required';
    },
  },
  HAND_OVER_DAY_6: handOverEvent('hand over day 6', (run) => day(run, 'issued', 6) + EDA_MS),
  HAND_OVER_REDEMPTION_DEADLINE_MINUS_1MS: handOverEvent(
    'redeem 1 ms before the deadline',
    (run) => run.anchor('redemptionDeadline') - 1,
  ),
  HAND_OVER_REDEMPTION_DEADLINE: handOverEvent('redeem at the deadline', (run) =>
    run.anchor('redemptionDeadline'),
  ),
  HAND_OVER_REDEMPTION_DEADLINE_PLUS_1MS: {
    title: 'redeem 1 ms after the deadline',
    covers: ['VNB_06.no.expired', 'CM_REQ_OFF_VNB_17', 'deadline:redemption'],
    apply: (run) => {
      const arrival = run.anchor('redemptionDeadline') + 1;
      handedOver(run, arrival - EDA_MS);
      // The timer (scheduled at VNB_04) fires before the request that arrives at the same instant.
      redemptionTimedOut(run);
      refusedAtGateway(run, arrival, 180);
    },
  },
  // OFF-DAYS probes: the model's window spans the change to summer time, so 30 calendar days are
  // 719 h and the other reading's 30 × 24 h ends an hour later. A request at 720 h is late here
  // and in time under that reading; one at 720 h + 1 ms is late under both, and in time for a
  // DSO whose DST correction has the wrong sign (721 h) or that counts 31 days — which an
  // instant an hour off the reading's would otherwise pass for it.
  HAND_OVER_24H_DEADLINE: expiredArrival('redeem at 30 × 24 h (an hour after the deadline)', 0),
  HAND_OVER_24H_DEADLINE_PLUS_1MS: expiredArrival('redeem 1 ms after 30 × 24 h', 1),
  HAND_OVER_UNREGISTERED_SP: {
    title: 'hand over day 6 to an unregistered SP',
    covers: ['VNB_06.no.sender'],
    apply: (run) => {
      run.parties.sp = { ...run.parties.sp, registered: false };
      refusedAtGateway(run, handedOver(run, day(run, 'issued', 6)), 76);
    },
  },
  HAND_OVER_BACKEND_ERROR: {
    title: 'hand over day 6, DSO back end fails',
    covers: ['OFF-AUTH-AND-BACKEND-ERRORS', 'CM_REQ_OFF_VNB_18'],
    apply: (run) => {
      run.parameters.dsoBackendFails = true;
      backendFailed(run, handedOver(run, day(run, 'issued', 6)));
    },
  },
  RETRY_WITH_SPENT_QR: refusedRequest(
    'retry with the spent QR code',
    'expired',
    180,
    'sendRequest',
  ),
  KEEP_QR: {
    title: 'keep the QR code day 3',
    covers: ['OFF-CUSTOMER-DECLINES', 'CM_REQ_OFF_BP_09'],
    apply: (run) => {
      const at = day(run, 'issued', 3);
      run.stimulus(at, 'customer', 'keepQr');
      run.step(at, 'CM_REQ_OFF_BP_09');
    },
  },
  REDEMPTION_DEADLINE_PLUS_1MS: {
    title: `${redemption.calendarDays} days pass unredeemed`,
    covers: ['CM_REQ_OFF_VNB_17', 'deadline:redemption'],
    apply: redemptionTimedOut,
  },
  HAND_OVER_DAY_40: {
    title: 'hand over day 40',
    covers: ['VNB_06.no.expired'],
    apply: (run) => refusedAtGateway(run, handedOver(run, day(run, 'issued', 40)), 180),
  },
  SEND_DUPLICATE: refusedRequest('resend the same document', 'duplicate', 179, 'resendRequest'),
  SEND_AGAIN: refusedRequest('send a new request again', 'redeemed', 178, 'sendRequest'),
  SEND_UNKNOWN_CONSENT: refusedRequest(
    'send an unknown ConsentId',
    'unknownConsent',
    177,
    'sendRequest',
    {
      consentId: 'unknown',
    },
  ),
  SEND_MISMATCH: refusedRequest('send another metering point', 'mismatch', 187, 'sendRequest', {
    meteringPoint: 'other',
  }),
  OBJECT_DAY_2: objectionEvent('object day 2', (run) => day(run, 'received', 2)),
  OBJECT_OBJECTION_DEADLINE_MINUS_1MS: objectionEvent(
    'object 1 ms before the deadline',
    (run) => run.anchor('objectionDeadline') - 1,
  ),
  OBJECT_OBJECTION_DEADLINE: objectionEvent('object at the deadline', (run) =>
    run.anchor('objectionDeadline'),
  ),
  OBJECT_OBJECTION_DEADLINE_PLUS_1MS: {
    title: 'object 1 ms after the deadline',
    covers: ['VNB_10.no', 'CM_REQ_OFF_BP_08', 'OFF-LATE-OBJECTION'],
    apply: (run) => {
      const at = run.anchor('objectionDeadline') + 1;
      // Timers due at an instant run before what arrives at it (docs/design.md § same instant):
      // the DSO's objection timer grants the release and the customer's own window closes
      // (BP_06); only then is the objection handled, late: it starts the revocation.
      granted(run, true);
      run.stimulus(at, 'customer', 'object');
      run.step(at, 'CM_REQ_OFF_BP_08', 'CM_REQ_OFF_BP_09');
      revocationTravels(run, at);
    },
  },
  // OFF-DAYS probe of the objection window (it spans the change too: 5 calendar days are 119 h):
  // an objection 1 ms after 5 × 24 h is late here and under the other reading, in time for a
  // DSO whose DST correction has the wrong sign (121 h).
  OBJECT_24H_DEADLINE_PLUS_1MS: {
    title: 'object 1 ms after 5 × 24 h',
    covers: ['VNB_10.no', 'CM_REQ_OFF_BP_08', 'OFF-LATE-OBJECTION', 'OFF-DAYS'],
    apply: (run) => {
      const at = run.anchor('received') + objection.calendarDays * 24 * HOUR_MS + 1;
      granted(run, true);
      run.stimulus(at, 'customer', 'object');
      run.step(at, 'CM_REQ_OFF_BP_08', 'CM_REQ_OFF_BP_09');
      revocationTravels(run, at);
    },
  },
  OBJECTION_DEADLINE_PLUS_1MS: {
    title: `no objection for ${objection.calendarDays} days`,
    covers: ['BP_05.no', 'VNB_10.no', 'deadline:objection'],
    apply: (run) => granted(run, true),
  },
  REQUEST_DATA: {
    title: 'request data',
    covers: ['OFF-DATA-DELIVERY'],
    apply: (run) => dataRequested(run, day(run, 'activeAt', 1)),
  },
  OBJECT_AFTER_WINDOW: {
    title: 'object 2 days after the window',
    covers: ['CM_REQ_OFF_BP_08', 'OFF-LATE-OBJECTION'],
    apply: (run) =>
      objectedLate(run, Math.max(day(run, 'activeAt', 2), run.anchor('last') + HOUR_MS)),
  },
  NOTHING_MORE: { title: 'nothing more', covers: [], apply: () => undefined },
} as const satisfies Record<string, AbstractEvent>;

export type CmReqOffEventType = keyof typeof CM_REQ_OFF_EVENTS;
