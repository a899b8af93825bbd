/**
 * The DSO's side of one ConsentId, from VNB_04 (redemption timer) to its end. The DSO machine
 * (`vnb.ts`) starts one per ConsentId, validates requests against its registry (VNB_05/VNB_06)
 * and forwards what concerns this consent; everything this machine reports goes to the DSO
 * machine as `consent.report`, which emits it. Context stays small: the load test runs 100 000.
 */
import { assign, emit, enqueueActions, setup } from 'xstate';
import { delayUntil, isInTime, timeoutInstant } from '../eda/deadlines.ts';
import { performs, type StepStateMeta } from '../process/step-state.ts';
import { isoInZone, localDate, VIENNA } from '../time.ts';
import type { CmReqOffStepId } from './catalogue.ts';
import { nextPeriodicDelivery, objectionDeadline, redemptionDeadline } from './deadlines.ts';
import type { ConsentStatus } from './events.ts';
import type { DataTrigger, EdaIntent } from './messages.ts';
import {
  type ConsentReport,
  cycleOf,
  hasNextDelivery,
  objectionDeadlineOf,
  onRequestPeriod,
  redemptionOf,
  redemptionRecord,
  report,
  type VnbConsentContext,
  type VnbConsentEvent,
} from './vnb-consent-context.ts';
import { consentRequestNoticeMail, functionalErrorMail } from './vnb-mails.ts';

export const vnbConsentMachine = setup({
  types: {
    context: {} as VnbConsentContext,
    events: {} as VnbConsentEvent,
    emitted: {} as ConsentReport,
    meta: {} as StepStateMeta<CmReqOffStepId>,
  },
  actions: {
    reportStep: emit((_, params: { step: CmReqOffStepId }) =>
      report({ type: 'step', step: params.step }),
    ),
    reportStatus: emit(({ context }, params: { status: ConsentStatus }) =>
      report({ type: 'consent', consentId: context.consentId, status: params.status }),
    ),
    answerSp: emit(
      (
        { context },
        params: { messageCode: 'ANTWORT_CMQF' | 'ABLEHNUNG_CMQF'; code: 99 | 172 | 174 | 175 },
      ) => {
        const redemption = redemptionOf(context);
        const message: EdaIntent = {
          messageCode: params.messageCode,
          conversationId: redemption.conversationId,
          cmRequestId: redemption.cmRequestId,
          consentId: context.consentId,
          meteringPoint: context.meteringPoint,
          responseCodes: [params.code],
        };
        return report({ type: 'send', channel: 'eda', to: redemption.spAddress, message });
      },
    ),
    notifyCustomer: emit(({ context }, params: { about: 'consentRequest' | 'functionalError' }) => {
      const mail =
        params.about === 'consentRequest'
          ? consentRequestNoticeMail({
              consentId: context.consentId,
              meteringPoint: context.meteringPoint,
              serviceProvider: redemptionOf(context).spAddress,
              objectionDeadline: objectionDeadlineOf(context),
            })
          : functionalErrorMail(context.consentId);
      return report({
        type: 'send',
        channel: context.customer.channel,
        to: context.customer.party,
        message: mail,
      });
    }),
    // The window closed at deadline + 1 ms: the periodic schedule starts there.
    startPeriodicSchedule: assign({
      periodicFrom: ({ context }) => timeoutInstant(objectionDeadlineOf(context)),
    }),
    advancePeriodicSchedule: assign({
      periodicFrom: ({ context }) => nextPeriodicDelivery(context.periodicFrom, cycleOf(context)),
    }),
    recordRedemption: assign({
      redemption: ({ event }) => redemptionRecord(event, objectionDeadline),
    }),
    deliverData: enqueueActions(
      ({ context, enqueue }, params: { trigger: DataTrigger; from: number; to: number }) => {
        const redemption = redemptionOf(context);
        const message: EdaIntent = {
          messageCode: 'DATEN_CRMSG',
          consentId: context.consentId,
          meteringPoint: context.meteringPoint,
          conversationId: redemption.conversationId,
          periodFrom: isoInZone(params.from, VIENNA),
          periodTo: isoInZone(params.to, VIENNA),
          trigger: params.trigger,
          ...(context.request.meteringIntervall
            ? { meteringIntervall: context.request.meteringIntervall }
            : {}),
        };
        enqueue.emit(report({ type: 'send', channel: 'eda', to: redemption.spAddress, message }));
        enqueue.emit(
          report({
            type: 'data',
            consentId: context.consentId,
            meteringPoint: context.meteringPoint,
            kind: params.trigger,
          }),
        );
      },
    ),
    revoke: emit(({ context, event }) => {
      const at = 'at' in event ? event.at : context.periodicFrom;
      const message: EdaIntent = {
        messageCode: 'AUFHEBUNG_CCMC',
        consentId: context.consentId,
        meteringPoint: context.meteringPoint,
        consentEnd: localDate(at, VIENNA),
        reason: 'customer',
      };
      return report({ type: 'send', channel: 'eda', to: redemptionOf(context).spAddress, message });
    }),
  },
  guards: {
    objectionInTime: ({ context, event }) =>
      event.type === 'objection' && isInTime(event.at, objectionDeadlineOf(context)),
    hasNextDelivery: ({ context }) => hasNextDelivery(context),
    fromTheSp: ({ context, event }) =>
      event.type === 'data.requested' &&
      event.message.senderAddress === context.redemption?.spAddress,
  },
  delays: {
    redemptionTimeout: ({ context }) =>
      delayUntil(timeoutInstant(redemptionDeadline(context.issuedAt)), context.startedAt),
    objectionTimeout: ({ context }) => {
      const { receivedAt } = redemptionOf(context);
      return delayUntil(timeoutInstant(objectionDeadlineOf(context)), receivedAt);
    },
    nextDelivery: ({ context }) =>
      nextPeriodicDelivery(context.periodicFrom, cycleOf(context)) - context.periodicFrom,
  },
}).createMachine({
  id: 'vnbConsent',
  // The DSO creates this actor inside one of its actions; a context factory there would run
  // `assign` inside a custom action (XState warns), so the data arrive with the `start` event.
  context: {
    consentId: '',
    meteringPoint: '',
    dsoAddress: '',
    request: { reqDatType: '', dateFrom: '' },
    issuedAt: 0,
    startedAt: 0,
    customer: { party: '', channel: 'email' },
    periodicFrom: 0,
  },
  initial: 'created',
  states: {
    created: {
      on: {
        start: {
          target: 'awaitingRequest',
          actions: assign(({ event }) =>
            event.type === 'start' ? { ...event.input, periodicFrom: event.input.startedAt } : {},
          ),
        },
      },
    },
    awaitingRequest: {
      ...performs('CM_REQ_OFF_VNB_04'),
      after: { redemptionTimeout: 'timedOut' },
      on: {
        redeem: { target: 'notifyingCustomer', actions: 'recordRedemption' },
        'redeem.failed': { target: 'functionalError', actions: 'recordRedemption' },
      },
    },
    timedOut: { ...performs('CM_REQ_OFF_VNB_17'), always: 'expiring' },
    expiring: {
      ...performs('CM_REQ_OFF_VNB_18', {
        type: 'reportStatus',
        params: { status: 'expired' },
      } as const),
      always: 'ended',
    },
    // OFF-AUTH-AND-BACKEND-ERRORS: a back-end error after VNB_05 ends the consent.
    functionalError: {
      meta: { interpretation: 'OFF-AUTH-AND-BACKEND-ERRORS' },
      entry: [
        { type: 'answerSp', params: { messageCode: 'ABLEHNUNG_CMQF', code: 174 } },
        { type: 'notifyCustomer', params: { about: 'functionalError' } },
      ],
      always: 'invalidating',
    },
    invalidating: {
      ...performs('CM_REQ_OFF_VNB_18', {
        type: 'reportStatus',
        params: { status: 'invalidated' },
      } as const),
      always: 'ended',
    },
    notifyingCustomer: {
      ...performs('CM_REQ_OFF_VNB_07', {
        type: 'notifyCustomer',
        params: { about: 'consentRequest' },
      } as const),
      always: 'stoppingRedemptionTimer',
    },
    stoppingRedemptionTimer: {
      ...performs('CM_REQ_OFF_VNB_20'),
      always: 'creatingRedemptionRecord',
    },
    creatingRedemptionRecord: { ...performs('CM_REQ_ONL_VNB_08'), always: 'confirmingReceipt' },
    confirmingReceipt: {
      // OFF-ANSWER-CODES: the receipt answer carries 99.
      ...performs('CM_REQ_OFF_VNB_09', {
        type: 'answerSp',
        params: { messageCode: 'ANTWORT_CMQF', code: 99 },
      } as const),
      always: 'awaitingObjection',
    },
    awaitingObjection: {
      after: { objectionTimeout: 'decidingObjection' },
      on: {
        objection: [
          { guard: 'objectionInTime', target: 'decidingObjection' },
          // A late objection whose timer has not fired yet: close the window, then revoke.
          { target: 'decidingObjection', actions: ({ event, self }) => self.send(event) },
        ],
      },
    },
    decidingObjection: {
      ...performs('CM_REQ_OFF_VNB_10'),
      always: [
        { guard: 'objectionInTime', target: 'stoppingObjectionTimer' },
        { target: 'noObjection' },
      ],
    },
    stoppingObjectionTimer: { ...performs('CM_REQ_OFF_VNB_11'), always: 'creatingRejectionRecord' },
    creatingRejectionRecord: { ...performs('CM_REQ_ONL_VNB_12'), always: 'rejecting' },
    rejecting: {
      // OFF-ANSWER-CODES: the customer's objection is 172.
      ...performs(
        'CM_REQ_OFF_VNB_13',
        { type: 'answerSp', params: { messageCode: 'ABLEHNUNG_CMQF', code: 172 } } as const,
        { type: 'reportStatus', params: { status: 'rejected' } } as const,
      ),
      always: 'ended',
    },
    noObjection: { ...performs('CM_REQ_OFF_VNB_14'), always: 'creatingConsentRecord' },
    creatingConsentRecord: { ...performs('CM_REQ_ONL_VNB_15'), always: 'granting' },
    granting: {
      ...performs(
        'CM_REQ_OFF_VNB_16',
        { type: 'answerSp', params: { messageCode: 'ANTWORT_CMQF', code: 175 } } as const,
        { type: 'reportStatus', params: { status: 'active' } } as const,
        'startPeriodicSchedule',
      ),
      always: 'active',
    },
    active: {
      meta: { interpretation: 'OFF-DATA-DELIVERY' },
      on: {
        'data.requested': {
          guard: 'fromTheSp',
          actions: {
            type: 'deliverData',
            params: ({ event }) => onRequestPeriod(event),
          },
        },
        // OFF-LATE-OBJECTION: after the window the objection starts CM_REV_CUS (BP_08).
        objection: 'revoking',
      },
      initial: 'scheduling',
      states: {
        scheduling: {
          always: [{ guard: 'hasNextDelivery', target: 'waiting' }, { target: 'finished' }],
        },
        waiting: { after: { nextDelivery: 'delivering' } },
        delivering: {
          entry: [
            {
              type: 'deliverData',
              params: ({ context }) => ({
                trigger: 'periodic' as const,
                from: context.periodicFrom,
                to: nextPeriodicDelivery(context.periodicFrom, cycleOf(context)),
              }),
            },
            'advancePeriodicSchedule',
          ],
          always: 'scheduling',
        },
        finished: {},
      },
    },
    revoking: {
      meta: { process: 'CM_REV_CUS', interpretation: 'OFF-LATE-OBJECTION' },
      entry: ['revoke', { type: 'reportStatus', params: { status: 'revoked' } }],
      on: { 'revocation.answered': 'revoked' },
    },
    revoked: { type: 'final' },
    ended: { ...performs('CM_REQ_OFF_VNB_19'), type: 'final' },
  },
});
