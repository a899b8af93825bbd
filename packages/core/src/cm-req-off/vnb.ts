/**
 * The DSO (Verteilernetzbetreiber) of CM_REQ_OFF. It takes applications (BP_01 → VNB_01–VNB_03),
 * validates every ConsentRequest against its registry (VNB_05/VNB_06, `OFF-RESPONSE-CODES`) and
 * runs one `vnbConsent` machine per ConsentId from VNB_04 on (vnb-consents.ts), relaying what
 * each reports. Context and application bookkeeping: vnb-context.ts; texts: vnb-mails.ts.
 */
import { and, emit, enqueueActions, not, setup } from 'xstate';
import { consentIdFor } from '../eda/consent-id.ts';
import { markSeen } from '../eda/dso-registry.ts';
import { performs, type StepStateMeta } from '../process/step-state.ts';
import type { CmReqOffStepId } from './catalogue.ts';
import type { VnbEmitted } from './events.ts';
import type { Mail } from './messages.ts';
import { vnbConsentMachine } from './vnb-consent.ts';
import { consentEvents, startConsents } from './vnb-consents.ts';
import {
  applicationId,
  applicationOf,
  type VnbMachineEvent as Event,
  pendingOf,
  type VnbContext,
  type VnbInput,
} from './vnb-context.ts';
import { notAuthenticatedMail, onlineProcessMail, qrCodeMail } from './vnb-mails.ts';
import { consentRequestRejection, emptyRegistry } from './vnb-registry.ts';

/** The negative ResponseCode for the request in `event`, if any (`OFF-RESPONSE-CODES`). */
function rejectionOf(context: VnbContext, event: Event) {
  if (event.type === 'receive.invalid') return 76;
  if (event.type !== 'receive.ANFORDERUNG_CMQF') return undefined;
  return consentRequestRejection(context.registry, context, event.message);
}

const mailTo = (event: Event, mail: Mail, channel?: 'email' | 'post'): VnbEmitted => {
  if (event.type !== 'mail.received')
    throw new Error(
      `consent-sim: cm-req-off/vnb.ts: a reply to the customer needs a mail.received event, got ${event.type}`,
    );
  return { type: 'send', channel: channel ?? event.channel, to: event.from, message: mail };
};

export const vnbMachine = setup({
  types: {
    context: {} as VnbContext,
    input: {} as VnbInput,
    events: {} as Event,
    emitted: {} as VnbEmitted,
    meta: {} as StepStateMeta<CmReqOffStepId>,
  },
  actions: {
    reportStep: emit((_, params: { step: CmReqOffStepId }) => ({
      type: 'step' as const,
      step: params.step,
    })),
    createConsentIds: enqueueActions(({ context, event, enqueue }) => {
      const application = applicationOf(event);
      if (application === undefined || event.type !== 'mail.received') return;
      const serial = context.applicationSerial + 1;
      const documents = application.meteringPoints.map((meteringPoint, index) => ({
        ...application.request,
        consentId: consentIdFor(context.address, event.at, context.consentSerial + index),
        meteringPoint,
        dsoAddress: context.address,
      }));
      const customer = { party: event.from, channel: application.confirmationChannel };
      context.pending.set(applicationId(serial), { customer, documents, issuedAt: event.at });
      for (const { consentId, meteringPoint } of documents) {
        context.registry.consents.set(consentId, { status: 'issued', meteringPoint });
        enqueue.emit({ type: 'consent', consentId, status: 'issued' });
      }
      enqueue.assign({
        applicationSerial: serial,
        consentSerial: context.consentSerial + documents.length,
      });
    }),
    /** VNB_02: the engine builds the documents (`OFF-QR-PAYLOAD`) and answers qr.created / qr.tooLarge. */
    createQrPayload: emit(({ context, event }) => {
      const { id, documents } = pendingOf(context, event);
      return { type: 'qr.request' as const, applicationId: id, documents };
    }),
    sendQrCode: emit(({ context, event }) => {
      const { customer, documents } = pendingOf(context, event);
      const consentIds = documents.map((document) => document.consentId);
      const mail = qrCodeMail(consentIds, event.type === 'qr.created' ? event.payload : undefined);
      return {
        type: 'send' as const,
        channel: customer.channel,
        to: customer.party,
        message: mail,
      };
    }),
    startConsents: (args) => startConsents(args, vnbConsentMachine),
    /** OFF-QR-TOO-LARGE: the customer is told to have the SP use CM_REQ_ONL; no EDA message. */
    adviseOnlineProcess: emit(({ context, event }) => {
      const { customer } = pendingOf(context, event);
      const sizes = event.type === 'qr.tooLarge' ? event : { payloadBytes: 0, capacityBytes: 0 };
      const mail = onlineProcessMail(sizes);
      return {
        type: 'send' as const,
        channel: customer.channel,
        to: customer.party,
        message: mail,
      };
    }),
    invalidateApplication: enqueueActions(({ context, event, enqueue }) => {
      const { id, documents } = pendingOf(context, event);
      for (const { consentId } of documents) {
        const record = context.registry.consents.get(consentId);
        if (record) record.status = 'invalidated';
        enqueue.emit({ type: 'consent', consentId, status: 'invalidated' });
      }
      context.pending.delete(id);
    }),
    /** OFF-AUTH-AND-BACKEND-ERRORS: no ConsentId, no QR; the customer hears it on the channel used. */
    tellNotAuthenticated: emit(({ event }) => mailTo(event, notAuthenticatedMail())),
    rejectRequest: enqueueActions(({ context, event, enqueue }) => {
      const code = rejectionOf(context, event);
      if (
        code === undefined ||
        (event.type !== 'receive.ANFORDERUNG_CMQF' && event.type !== 'receive.invalid')
      )
        return;
      const request = event.message ?? {};
      markSeen(context.registry, request);
      const message = {
        messageCode: 'ABLEHNUNG_CMQF' as const,
        ...(request.conversationId !== undefined ? { conversationId: request.conversationId } : {}),
        ...(request.cmRequestId !== undefined ? { cmRequestId: request.cmRequestId } : {}),
        ...(request.consentId !== undefined ? { consentId: request.consentId } : {}),
        ...(request.meteringPoint !== undefined ? { meteringPoint: request.meteringPoint } : {}),
        responseCodes: [code],
      };
      enqueue.emit({
        type: 'send',
        channel: 'eda',
        // The party the document came from: a Sender naming another address (OFF-RESPONSE-CODES
        // row 2) is answered over the link it arrived on.
        to: event.from,
        message,
      });
    }),
    acceptRequest: enqueueActions(
      ({ context, event, enqueue }, params: { backend: 'ok' | 'failed' }) => {
        if (event.type !== 'receive.ANFORDERUNG_CMQF' || event.message.consentId === undefined)
          return;
        const { consentId } = event.message;
        markSeen(context.registry, event.message);
        const consent = context.consents.get(consentId);
        if (consent === undefined) return;
        if (params.backend === 'failed') {
          enqueue.sendTo(consent, { type: 'redeem.failed', at: event.at, message: event.message });
          return;
        }
        const record = context.registry.consents.get(consentId);
        if (record) record.status = 'redeemed';
        enqueue.emit({ type: 'consent', consentId, status: 'redeemed' });
        enqueue.sendTo(consent, { type: 'redeem', at: event.at, message: event.message });
      },
    ),
    forwardToConsents: enqueueActions(({ context, event, enqueue }) => {
      for (const { consent, event: forwarded } of consentEvents(context, event)) {
        enqueue.sendTo(consent, forwarded);
      }
    }),
    relayReport: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'consent.report') return;
      const reported = event.event;
      if (reported.type === 'consent') {
        const record = context.registry.consents.get(reported.consentId);
        if (record) record.status = reported.status;
      }
      enqueue.emit(reported);
    }),
    forgetConsent: ({ context, event }) => {
      if (event.type === 'consent.done') context.consents.delete(event.consentId);
    },
  },
  guards: {
    isApplication: ({ event }) => applicationOf(event) !== undefined,
    /** OFF-AUTH-AND-BACKEND-ERRORS: the DSO's identity check; the engine may provide another. */
    customerAuthenticated: ({ event }) => applicationOf(event)?.canAuthenticate === true,
    isConsentRequestDocument: ({ event }) =>
      event.type === 'receive.invalid' &&
      (event.messageCode === undefined || event.messageCode === 'ANFORDERUNG_CMQF'),
    requestRejected: ({ context, event }) => rejectionOf(context, event) !== undefined,
    /** OFF-AUTH-AND-BACKEND-ERRORS: false makes the back end fail on this request (174). */
    backendProcessesRequest: () => true,
  },
}).createMachine({
  id: 'vnb',
  context: ({ input }) => ({
    address: input.address,
    registeredServiceProviders: new Set(input.registeredServiceProviders),
    registry: emptyRegistry(),
    pending: new Map(),
    consents: new Map(),
    consentSerial: 0,
    applicationSerial: 0,
  }),
  on: {
    'consent.report': { actions: 'relayReport' },
    'consent.done': { actions: 'forgetConsent' },
  },
  initial: 'ready',
  states: {
    ready: {
      on: {
        'mail.received': [
          {
            guard: and(['isApplication', 'customerAuthenticated']),
            target: 'application.creatingConsentIds',
          },
          { guard: 'isApplication', target: 'application.notAuthenticated' },
          { actions: 'forwardToConsents' },
        ],
        'qr.created': 'application.sendingQr',
        'qr.tooLarge': 'application.refusingQr',
        'receive.ANFORDERUNG_CMQF': 'request.received',
        'receive.invalid': { guard: 'isConsentRequestDocument', target: 'request.received' },
        'receive.ANTWORT_CCMC': { actions: 'forwardToConsents' },
        'receive.ANFORDERUNG_DATEN': { actions: 'forwardToConsents' },
      },
    },
    application: {
      initial: 'creatingConsentIds',
      states: {
        creatingConsentIds: {
          ...performs('CM_REQ_OFF_VNB_01', 'createConsentIds'),
          always: 'creatingQr',
        },
        creatingQr: { ...performs('CM_REQ_OFF_VNB_02', 'createQrPayload'), always: '#vnb.ready' },
        sendingQr: {
          ...performs('CM_REQ_OFF_VNB_03', 'sendQrCode', 'startConsents'),
          always: '#vnb.ready',
        },
        refusingQr: {
          meta: { interpretation: 'OFF-QR-TOO-LARGE' },
          entry: 'adviseOnlineProcess',
          always: 'invalidating',
        },
        invalidating: {
          ...performs('CM_REQ_OFF_VNB_18', 'invalidateApplication'),
          always: 'ended',
        },
        notAuthenticated: {
          meta: { interpretation: 'OFF-AUTH-AND-BACKEND-ERRORS' },
          entry: 'tellNotAuthenticated',
          always: 'ended',
        },
        ended: { ...performs('CM_REQ_OFF_VNB_19'), always: '#vnb.ready' },
      },
    },
    request: {
      initial: 'received',
      states: {
        received: { ...performs('CM_REQ_OFF_VNB_05'), always: 'validating' },
        validating: {
          ...performs('CM_REQ_OFF_VNB_06'),
          always: [
            { guard: 'requestRejected', target: '#vnb.ready', actions: 'rejectRequest' },
            {
              guard: not('backendProcessesRequest'),
              target: '#vnb.ready',
              actions: { type: 'acceptRequest', params: { backend: 'failed' } },
            },
            { target: '#vnb.ready', actions: { type: 'acceptRequest', params: { backend: 'ok' } } },
          ],
        },
      },
    },
  },
});

/**
 * The reference DSO with another per-ConsentId machine (e.g. a deliberately wrong one made with
 * `vnbConsentMachine.provide(...)`), everything else unchanged.
 *
 * @example vnbWithConsentMachine(vnbConsentMachine.provide({ delays: { objectionWindow: () => 0 } }))
 */
export function vnbWithConsentMachine(consentMachine: typeof vnbConsentMachine) {
  return vnbMachine.provide({
    actions: { startConsents: (args) => startConsents(args, consentMachine) },
  });
}
