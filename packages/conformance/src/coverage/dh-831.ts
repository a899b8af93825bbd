/**
 * Coverage of DH-831 (with DH-851) from a trace. How each item is recognised (docs/test-vectors.md,
 * "Coverage"):
 * - steps, message types (`send` events), error ids (the response codes of a Datahub ACK).
 * - gateway branches: the branch's next step after the deciding step (GW.VALID after
 *   DH.VALIDATE, DH-851.GW.OPEN after the DH-851 arrives, GW.DECISION by the Datahub step that
 *   closes the request); branches whose `next` is null are told by absence: `RECIPIENT.absent`
 *   is a stored request without a notification e-mail at the same instant, `REMINDER_OPEN.closed`
 *   a request with a reminder time that left Open before it (DH-REMINDER).
 * - deadlines: the start window from the DH-831's Start against its receipt (calendar days in
 *   Helsinki, DH-START-WINDOW); the reminder time and the request end date by which side of them
 *   the request left Open (DH-REMINDER, DH-END-DATE).
 */
import { calendarDaysBetween, dh831, HELSINKI } from '@consent-sim/core';
import { DATAHUB_ERRORS } from '@consent-sim/messages';
import type { TraceEvent } from '@consent-sim/sim';
import {
  detailField,
  emptyObserved,
  envelopeOf,
  type Observed,
  type ProcessCoverageModel,
  xmlText,
} from './observed.ts';

const CLOSING_STATUSES = ['Approved', 'Rejected', 'Cancelled'];

/** Items of the three deadlines; the start window has two limits and the inclusive day 90. */
const DEADLINE_ITEMS = [
  'startWindow.past',
  'startWindow.inside',
  'startWindow.day90',
  'startWindow.beyond',
  'reminder.closedBefore',
  'reminder.reachedWhileOpen',
  'requestEnd.closedBefore',
  'requestEnd.reached',
] as const;

interface Pending {
  reminderMs: number | null;
}

function observeRequestArrival(
  event: TraceEvent,
  document: string | null,
  observed: Observed,
  pending: Map<string, Pending>,
): void {
  const start = xmlText(document, 'Start');
  const requestId = xmlText(document, 'RequestId');
  if (start !== null && !Number.isNaN(Date.parse(start))) {
    const days = calendarDaysBetween(event.atMs, Date.parse(start), HELSINKI);
    const side = days < 0 ? 'past' : days > 90 ? 'beyond' : 'inside';
    observed.deadlines.add(`startWindow.${side}`);
    if (days === 90) observed.deadlines.add('startWindow.day90');
  }
  const reminder = xmlText(document, 'ReminderTime');
  if (requestId !== null) {
    const reminderMs = reminder === null ? null : Date.parse(reminder);
    pending.set(requestId, { reminderMs: Number.isNaN(reminderMs) ? null : reminderMs });
  }
}

function observeStep(events: readonly TraceEvent[], index: number, observed: Observed): void {
  const event = events[index] as TraceEvent;
  const step = event.step ?? '';
  observed.steps.add(step);
  switch (step) {
    case 'DH-831.DH.STORE': {
      let notified = false;
      for (let i = index + 1; i < events.length; i++) {
        const next = events[i] as TraceEvent;
        if (next.atMs !== event.atMs || next.step === 'DH-831.DH.RECEIVE') break;
        if (next.kind === 'step' && next.step === 'DH-831.DH.NOTIFY_EMAIL') notified = true;
      }
      observed.gateways.add(`DH-831.GW.RECIPIENT.${notified ? 'given' : 'absent'}`);
      observed.gateways.add('DH-831.GW.VALID.valid');
      break;
    }
    case 'DH-831.DH.ACK_NEGATIVE':
      observed.gateways.add('DH-831.GW.VALID.invalid');
      break;
    case 'DH-831.DH.REMINDER_EMAIL':
      observed.gateways.add('DH-831.GW.REMINDER_OPEN.open');
      observed.deadlines.add('reminder.reachedWhileOpen');
      break;
    case 'DH-831.DH.APPROVE':
      observed.gateways.add('DH-831.GW.DECISION.approve');
      break;
    case 'DH-831.DH.REJECT': {
      // Removing every point is a rejection too (DH-PARTIAL): the customer's last decision says which.
      let decision = 'reject';
      for (let i = index - 1; i >= 0; i--) {
        const before = events[i] as TraceEvent;
        if (before.kind !== 'step' || before.party !== 'customer') continue;
        if (before.step === 'DH-831.CUST.REJECT') break;
        if (before.step === 'DH-831.CUST.APPROVE' || before.step === 'DH-831.CUST.REMOVE_POINTS') {
          decision = 'removeAll';
          break;
        }
      }
      observed.gateways.add(`DH-831.GW.DECISION.${decision}`);
      break;
    }
    case 'DH-831.DH.EXPIRE':
      observed.gateways.add('DH-831.GW.DECISION.nothing');
      observed.deadlines.add('requestEnd.reached');
      break;
    case 'DH-851.DH.CANCEL':
      observed.gateways.add('DH-851.GW.OPEN.open');
      break;
    case 'DH-851.DH.REFUSE':
      observed.gateways.add('DH-851.GW.OPEN.notOpen');
      break;
    default:
      break;
  }
}

function observe(events: readonly TraceEvent[]): Observed {
  const observed = emptyObserved();
  const pending = new Map<string, Pending>();
  // `deliver` events carry no document; the sender's `send` event of the same envelope does.
  const sent = new Map<string, string | null>();
  events.forEach((event, index) => {
    switch (event.kind) {
      case 'step':
        if (event.step !== null) observeStep(events, index, observed);
        break;
      case 'send':
        if (event.messageCode !== null) observed.messageCodes.add(event.messageCode);
        sent.set(envelopeOf(event) ?? '', event.document);
        if (event.messageCode === 'ACK') {
          for (const id of event.responseCodes) observed.errorIds.add(id);
        }
        break;
      case 'deliver':
        if (event.to === 'datahub' && event.messageCode === 'DH-831') {
          observeRequestArrival(
            event,
            sent.get(envelopeOf(event) ?? '') ?? null,
            observed,
            pending,
          );
        }
        break;
      case 'state': {
        const requestId = detailField(event, 'requestId');
        const status = detailField(event, 'status');
        if (detailField(event, 'type') !== 'request' || typeof requestId !== 'string') break;
        if (!CLOSING_STATUSES.includes(String(status))) break;
        observed.deadlines.add('requestEnd.closedBefore');
        const reminderMs = pending.get(requestId)?.reminderMs ?? null;
        if (reminderMs !== null && event.atMs < reminderMs) {
          observed.gateways.add('DH-831.GW.REMINDER_OPEN.closed');
          observed.deadlines.add('reminder.closedBefore');
        }
        break;
      }
      default:
        break;
    }
  });
  return observed;
}

/**
 * Refusals no harness party provokes on a model or scenario path: the reference seller writes
 * only valid documents, a run has one seller. The negative suite of `sim conform --role
 * datahub` sends each (coverage source `conform`).
 */
const NEGATIVE_SUITE_ONLY =
  'DH-SIM: sent by the negative suite of `sim conform --role datahub` (coverage `--source conform`): the reference seller writes only valid documents and a run has one seller';

/** DH-831: catalogue items, trace recognition, gaps by design. */
export const DH831_COVERAGE: ProcessCoverageModel = {
  universe: {
    steps: dh831.DH831_STEP_KEYS.map((id) => ({ id })),
    gateways: Object.entries(dh831.DH831_GATEWAYS).flatMap(([key, gateway]) =>
      Object.keys(gateway.branches).map((branch) => ({ id: `${key}.${branch}` })),
    ),
    messageCodes: Object.keys(dh831.DH831_MESSAGES).map((id) => ({ id })),
    errorIds: Object.keys(DATAHUB_ERRORS).map((id) => ({ id })),
    deadlines: DEADLINE_ITEMS.map((id) => ({ id })),
  },
  observe,
  gaps: Object.fromEntries(
    ['EC.MSG.002', 'EC.MSG.003', 'EC.MSG.004', 'EC.AUTH.015', 'EC.AUTH.020', 'EC.AUTH.032'].map(
      (id) => [`errorIds:${id}`, NEGATIVE_SUITE_ONLY],
    ),
  ),
};
