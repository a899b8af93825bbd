/**
 * The end customer (Endkunde) of CM_REQ_OFF: one application from BP_01 to BP_09. The customer
 * keeps the objection deadline the DSO's notice (VNB_07) names and decides by it whether an
 * objection is BP_07 (in the window) or BP_08 (CM_REV_CUS, `OFF-LATE-OBJECTION`); the DSO
 * decides by its own clock.
 */
import { assign, emit, setup } from 'xstate';
import { delayUntil, isInTime, timeoutInstant } from '../eda/deadlines.ts';
import { performs, type StepStateMeta } from '../process/step-state.ts';
import type { CmReqOffStepId } from './catalogue.ts';
import type { CustomerEvent, PartyEmitted } from './events.ts';
import type { ConsentApplication, Mail, MailTopic } from './messages.ts';

export interface CustomerInput {
  /** Party the application goes to. */
  dso: string;
  /** Party the QR code is handed to (BP_04) unless the stimulus names another. */
  serviceProvider: string;
  /** Whether the DSO's identity check will succeed (`OFF-AUTH-AND-BACKEND-ERRORS`). */
  canAuthenticate?: boolean;
}

interface CustomerContext {
  dso: string;
  serviceProvider: string;
  canAuthenticate: boolean;
  /** The channel the customer applied over (phone, e-mail); objections use it too. */
  via: 'phone' | 'email';
  qrPayload?: string;
  consentIds: readonly string[];
  objectionDeadline?: number;
  /** The instant the first notice arrived: the window timer is measured from here. */
  noticeAt?: number;
}

const topicIs =
  <K extends MailTopic['kind']>(kind: K) =>
  ({ event }: { event: CustomerEvent }) =>
    event.type === 'mail.received' && event.mail.topic.kind === kind;

const mail = (subject: string, text: string, topic: MailTopic): Mail => ({ subject, text, topic });

export const customerMachine = setup({
  types: {
    context: {} as CustomerContext,
    input: {} as CustomerInput,
    events: {} as CustomerEvent,
    emitted: {} as PartyEmitted,
    meta: {} as StepStateMeta<CmReqOffStepId>,
  },
  actions: {
    reportStep: emit((_, params: { step: CmReqOffStepId }) => ({
      type: 'step' as const,
      step: params.step,
    })),
    apply: emit(({ context, event }) => {
      if (event.type !== 'stimulus.apply')
        throw new Error(
          `consent-sim: cm-req-off/customer.ts: BP_01 needs stimulus.apply, got ${event.type}`,
        );
      const application: ConsentApplication = {
        meteringPoints: event.meteringPoints,
        request: event.request,
        confirmationChannel: event.confirmationChannel ?? 'email',
        canAuthenticate: context.canAuthenticate,
      };
      const message = mail(
        'Antrag Datenfreigabe',
        `Datenfreigabe für ${event.meteringPoints.length} Zählpunkt(e)`,
        { kind: 'application', application },
      );
      return { type: 'send' as const, channel: event.via ?? 'email', to: context.dso, message };
    }),
    rememberChannel: assign({
      via: ({ event }) => (event.type === 'stimulus.apply' ? (event.via ?? 'email') : 'email'),
    }),
    keepQrCode: assign(({ event }) => {
      if (event.type !== 'mail.received' || event.mail.topic.kind !== 'qrCode') return {};
      return { qrPayload: event.mail.qrPayload ?? '', consentIds: event.mail.topic.consentIds };
    }),
    handOver: emit(({ context, event }) => {
      const to =
        event.type === 'stimulus.handOver' && event.to !== undefined
          ? event.to
          : context.serviceProvider;
      const message: Mail = {
        ...mail('QR-Code', 'Meine Datenfreigabe', {
          kind: 'qrCode',
          consentIds: context.consentIds,
        }),
        qrPayload: context.qrPayload ?? '',
      };
      return { type: 'send' as const, channel: 'handover' as const, to, message };
    }),
    rememberDeadline: assign(({ event }) => {
      if (event.type !== 'mail.received' || event.mail.topic.kind !== 'consentRequestNotice')
        return {};
      return { objectionDeadline: event.mail.topic.objectionDeadline, noticeAt: event.at };
    }),
    object: emit(({ context }) => ({
      type: 'send' as const,
      channel: context.via,
      to: context.dso,
      message: mail('Widerspruch Datenfreigabe', 'Ich widerspreche der Nutzung meiner Daten.', {
        kind: 'objection',
        consentIds: context.consentIds,
      }),
    })),
    /** OFF-QR-TOO-LARGE: the customer passes the DSO's advice on to the SP. */
    passOnOnlineAdvice: emit(({ context, event }) => {
      const topic = event.type === 'mail.received' ? event.mail.topic : undefined;
      const message = mail(
        'Bitte online anfragen',
        'Der VNB verlangt die online Datenfreigabe (CM_REQ_ONL).',
        topic ?? { kind: 'useOnlineProcess', payloadBytes: 0, capacityBytes: 0 },
      );
      return {
        type: 'send' as const,
        channel: 'email' as const,
        to: context.serviceProvider,
        message,
      };
    }),
  },
  guards: {
    hasQrCode: topicIs('qrCode'),
    notAuthenticated: topicIs('notAuthenticated'),
    tooLarge: topicIs('useOnlineProcess'),
    consentRequestNotice: topicIs('consentRequestNotice'),
    functionalError: topicIs('functionalError'),
    objectionInTime: ({ context, event }) =>
      event.type === 'stimulus.object' &&
      context.objectionDeadline !== undefined &&
      isInTime(event.at, context.objectionDeadline),
  },
  delays: {
    objectionWindow: ({ context }) =>
      context.objectionDeadline === undefined || context.noticeAt === undefined
        ? 0
        : delayUntil(timeoutInstant(context.objectionDeadline), context.noticeAt),
  },
}).createMachine({
  id: 'customer',
  context: ({ input }) => ({
    dso: input.dso,
    serviceProvider: input.serviceProvider,
    canAuthenticate: input.canAuthenticate ?? true,
    via: 'email',
    consentIds: [],
  }),
  initial: 'idle',
  states: {
    idle: { on: { 'stimulus.apply': { target: 'applying', actions: 'rememberChannel' } } },
    applying: { ...performs('CM_REQ_OFF_BP_01', 'apply'), always: 'awaitingQrCode' },
    awaitingQrCode: {
      on: {
        'mail.received': [
          { guard: 'hasQrCode', target: 'receivingQrCode', actions: 'keepQrCode' },
          { guard: 'notAuthenticated', target: 'ended' },
          { guard: 'tooLarge', target: 'ended', actions: 'passOnOnlineAdvice' },
        ],
      },
    },
    receivingQrCode: { ...performs('CM_REQ_OFF_BP_02'), always: 'consenting' },
    consenting: {
      ...performs('CM_REQ_OFF_BP_03'),
      on: {
        'stimulus.handOver': 'handingOver',
        // BP_03 "oder nicht": the customer keeps the QR code; the DSO times out (VNB_17).
        'stimulus.keepQr': 'ended',
      },
    },
    handingOver: { ...performs('CM_REQ_OFF_BP_04', 'handOver'), always: 'awaitingNotice' },
    awaitingNotice: {
      on: {
        'mail.received': [
          { guard: 'consentRequestNotice', target: 'objectionWindow', actions: 'rememberDeadline' },
          { guard: 'functionalError', target: 'ended' },
        ],
      },
    },
    objectionWindow: {
      ...performs('CM_REQ_OFF_BP_05'),
      after: { objectionWindow: 'passive' },
      on: {
        'stimulus.object': [
          { guard: 'objectionInTime', target: 'objecting' },
          { target: 'revoking' },
        ],
      },
    },
    objecting: { ...performs('CM_REQ_OFF_BP_07', 'object'), always: 'ended' },
    passive: { ...performs('CM_REQ_OFF_BP_06'), on: { 'stimulus.object': 'revoking' } },
    revoking: { ...performs('CM_REQ_OFF_BP_08', 'object'), always: 'ended' },
    ended: { ...performs('CM_REQ_OFF_BP_09'), type: 'final' },
  },
});
