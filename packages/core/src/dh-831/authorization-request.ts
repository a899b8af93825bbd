/**
 * One DH-831 authorization request inside Datahub and its Authorization Service, from receipt to
 * its final status. The Datahub machine spawns one per received DH-831 (many run at once) and
 * re-emits everything this machine hands it (`request.output`), so the engine observes one actor.
 */
import {
  ackError,
  type DatahubErrorId,
  type Dh831RequestDocument,
  type Dh851CancelDocument,
} from '@consent-sim/messages';
import { assign, sendParent, setup } from 'xstate';
import { performs } from '../process/step-state.ts';
import { isoInZone } from '../time.ts';
import { DH831_ZONE, type RequestStatus } from './catalogue.ts';
import type { AuthorizationDecision, AuthorizationEnd, Dh831Output } from './events.ts';
import { notificationMail, reminderMail } from './mail-texts.ts';
import type { Dh831StateMeta } from './step-state.ts';
import type { Dh831StepKey } from './steps.ts';
import { type RequestValidation, validateAuthorizationRequest } from './validation.ts';

export interface AuthorizationRequestInput {
  readonly document: Dh831RequestDocument;
  readonly receivedAt: number;
  /** Party the request came from (the seller). */
  readonly from: string;
  /** An accepted request with the same request id already exists (EC.AUTH.040). */
  readonly duplicate: boolean;
}

export interface AuthorizationRequestContext extends AuthorizationRequestInput {
  readonly validation: RequestValidation | null;
  readonly grantedAccountingPoints: readonly string[];
}

/** Events the Datahub machine forwards to a request (already routed and checked there). */
export type AuthorizationRequestEvent =
  | { readonly type: 'decision'; readonly at: number; readonly message: AuthorizationDecision }
  | { readonly type: 'cancel'; readonly at: number; readonly document: Dh851CancelDocument }
  | { readonly type: 'end'; readonly at: number; readonly message: AuthorizationEnd };

/** What a request hands its parent; the parent emits `output` unchanged. */
export interface RequestOutputEvent {
  readonly type: 'request.output';
  readonly output: Dh831Output;
}

const toParent = (output: Dh831Output): RequestOutputEvent => ({ type: 'request.output', output });

const times = (context: AuthorizationRequestContext) => {
  if (context.validation === null) {
    throw new Error(
      'consent-sim: authorization-request: timers need a validated request; validate first.',
    );
  }
  return context.validation.times;
};

/**
 * @example
 * const child = createActor(authorizationRequestMachine, { input, clock });
 */
export const authorizationRequestMachine = setup({
  types: {
    input: {} as AuthorizationRequestInput,
    context: {} as AuthorizationRequestContext,
    events: {} as AuthorizationRequestEvent,
    meta: {} as Dh831StateMeta,
  },
  delays: {
    // Timers start when the request is stored, at the receipt instant.
    reminderDue: ({ context }) =>
      (times(context).reminderAt ?? times(context).receivedAt) - times(context).receivedAt,
    requestEnd: ({ context }) => times(context).requestEndAt - times(context).receivedAt,
  },
  guards: {
    isValid: ({ context }) => context.validation?.errorIds.length === 0,
    // Name and e-mail are both required once the block is present, so valid = complete.
    hasRecipient: ({ context }) => context.document.process.recipient !== undefined,
    hasReminder: ({ context }) => context.validation?.times.reminderAt !== null,
    isRejection: ({ event }) => event.type === 'decision' && event.message.decision === 'reject',
    // DH-PARTIAL: removing every point of a request that named points is not an approval.
    removesEveryPoint: ({ context, event }) =>
      event.type === 'decision' &&
      context.document.process.accountingPoints.length > 0 &&
      grantedPoints(context.document.process.accountingPoints, event.message).length === 0,
  },
  actions: {
    reportStep: sendParent((_, params: { step: Dh831StepKey }) =>
      toParent({ type: 'step', step: params.step }),
    ),
    validate: assign({
      validation: ({ context }) =>
        validateAuthorizationRequest(context.document.process, context.receivedAt, {
          duplicate: context.duplicate,
          header: context.document.header,
        }),
    }),
    recordStatus: sendParent(({ context }, params: { status: RequestStatus }) =>
      toParent({
        type: 'request',
        requestId: context.document.process.requestId,
        status: params.status,
      }),
    ),
    sendPositiveAck: sendParent(({ context }) => requestAck(context, [])),
    sendNegativeAck: sendParent(({ context }) =>
      requestAck(context, context.validation?.errorIds ?? []),
    ),
    sendNotification: sendParent(({ context }) => mail(context, 'notification')),
    sendReminder: sendParent(({ context }) => mail(context, 'reminder')),
    grantAuthorization: assign({
      grantedAccountingPoints: ({ context, event }) =>
        event.type === 'decision'
          ? grantedPoints(context.document.process.accountingPoints, event.message)
          : context.grantedAccountingPoints,
    }),
    sendApprovalNotice: sendParent(({ context, event }) =>
      toParent({
        type: 'send',
        channel: 'datahub',
        to: context.from,
        message: {
          messageCode: 'DH-825',
          requestId: context.document.process.requestId,
          approvedAt: isoInZone(event.at, DH831_ZONE),
          grantedAccountingPoints: context.grantedAccountingPoints,
        },
      }),
    ),
    recordAuthorization: sendParent(({ context }, params: { status: 'Active' | 'Ended' }) =>
      toParent({
        type: 'authorization',
        requestId: context.document.process.requestId,
        status: params.status,
        accountingPoints: context.grantedAccountingPoints,
      }),
    ),
    sendCancelAck: sendParent(({ context, event }) => {
      if (event.type !== 'cancel') {
        throw new Error(
          `consent-sim: authorization-request: sendCancelAck runs on 'cancel', got '${event.type}'.`,
        );
      }
      return toParent({
        type: 'send',
        channel: 'datahub',
        to: context.from,
        message: {
          messageCode: 'ACK',
          original: { messageType: 'DH-851', process: event.document.process },
          acknowledgement: {
            result: 'positive',
            originalMessageId: event.document.header.messageId,
            errors: [],
          },
        },
      });
    }),
  },
}).createMachine({
  id: 'authorizationRequest',
  context: ({ input }) => ({ ...input, validation: null, grantedAccountingPoints: [] }),
  initial: 'received',
  states: {
    received: { ...performs('DH-831.DH.RECEIVE'), always: 'validating' },
    validating: {
      ...performs('DH-831.DH.VALIDATE', 'validate'),
      always: [{ guard: 'isValid', target: 'storing' }, { target: 'refused' }],
    },
    refused: { ...performs('DH-831.DH.ACK_NEGATIVE', 'sendNegativeAck'), type: 'final' },
    storing: {
      ...performs('DH-831.DH.STORE', { type: 'recordStatus', params: { status: 'Open' } }),
      always: 'accepting',
    },
    accepting: {
      ...performs('DH-831.DH.ACK_POSITIVE', 'sendPositiveAck'),
      always: [{ guard: 'hasRecipient', target: 'notifying' }, { target: 'open' }],
    },
    notifying: { ...performs('DH-831.DH.NOTIFY_EMAIL', 'sendNotification'), always: 'open' },
    open: {
      after: { requestEnd: 'expiring' },
      on: {
        decision: [
          { guard: 'isRejection', target: 'rejecting' },
          { guard: 'removesEveryPoint', target: 'rejecting' },
          { target: 'approving' },
        ],
        cancel: 'cancelling',
      },
      initial: 'choosingReminder',
      states: {
        choosingReminder: {
          always: [
            { guard: 'hasReminder', target: 'beforeReminder' },
            { target: 'withoutReminder' },
          ],
        },
        // DH-831.GW.REMINDER_OPEN: leaving `open` cancels this timer, so no mail once decided.
        beforeReminder: { after: { reminderDue: 'reminding' } },
        reminding: { ...performs('DH-831.DH.REMINDER_EMAIL', 'sendReminder'), always: 'reminded' },
        reminded: {},
        withoutReminder: {},
      },
    },
    // DH-END-DATE: status change only, no e-mail.
    expiring: {
      ...performs('DH-831.DH.EXPIRE', { type: 'recordStatus', params: { status: 'Expired' } }),
      always: 'expired',
    },
    expired: { type: 'final' },
    rejecting: {
      ...performs('DH-831.DH.REJECT', { type: 'recordStatus', params: { status: 'Rejected' } }),
      always: 'rejected',
    },
    rejected: { type: 'final' },
    approving: {
      ...performs(
        'DH-831.DH.APPROVE',
        'grantAuthorization',
        { type: 'recordStatus', params: { status: 'Approved' } },
        'sendApprovalNotice',
        { type: 'recordAuthorization', params: { status: 'Active' } },
      ),
      always: 'approved',
    },
    approved: { on: { end: 'endingAuthorization' } },
    endingAuthorization: {
      ...performs('DH-831.DH.END_AUTHORIZATION', {
        type: 'recordAuthorization',
        params: { status: 'Ended' },
      }),
      always: 'authorizationEnded',
    },
    authorizationEnded: { type: 'final' },
    cancelling: {
      ...performs(
        'DH-851.DH.CANCEL',
        { type: 'recordStatus', params: { status: 'Cancelled' } },
        'sendCancelAck',
      ),
      always: 'cancelled',
    },
    cancelled: { type: 'final' },
  },
});

function grantedPoints(requested: readonly string[], decision: AuthorizationDecision): string[] {
  const removed = new Set(decision.removedAccountingPoints);
  return requested.filter((point) => !removed.has(point));
}

function requestAck(
  context: AuthorizationRequestContext,
  errorIds: readonly DatahubErrorId[],
): RequestOutputEvent {
  return toParent({
    type: 'send',
    channel: 'datahub',
    to: context.from,
    message: {
      messageCode: 'ACK',
      original: { messageType: 'DH-831', process: context.document.process },
      acknowledgement: {
        result: errorIds.length === 0 ? 'positive' : 'negative',
        originalMessageId: context.document.header.messageId,
        errors: errorIds.map(ackError),
      },
    },
  });
}

function mail(
  context: AuthorizationRequestContext,
  kind: 'notification' | 'reminder',
): RequestOutputEvent {
  const mailContext = {
    process: context.document.process,
    sellerPartyId: context.from,
    requestEndAt: times(context).requestEndAt,
  };
  const message =
    kind === 'notification' ? notificationMail(mailContext) : reminderMail(mailContext);
  return toParent({ type: 'send', channel: 'email', to: message.recipientEmail, message });
}
