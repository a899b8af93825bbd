/**
 * The DSO (Verteilernetzbetreiber) of CM_REQ_OFF. It takes applications (BP_01 → VNB_01–VNB_03),
 * validates every ConsentRequest against its registry (VNB_05/VNB_06, `OFF-RESPONSE-CODES`) and
 * runs one `vnbConsent` machine per ConsentId from VNB_04 on. Each is a separate actor system
 * on the DSO's clock, reporting by `emit` (relayed here), not a child: `spawnChild` copies the
 * children map on every spawn, and in a shared system every actor stop scans all scheduled
 * events (`scheduler.cancelAll`) — both quadratic for the 100 000-consent load run (measured:
 * 20 000 consents spent 16.6 of 33 s in cancelAll).
 */
import {
  type ActorRefFrom,
  type AnyActorRef,
  and,
  createActor,
  emit,
  enqueueActions,
  not,
  setup,
} from 'xstate';
import { consentIdFor } from '../eda/consent-id.ts';
import { markSeen } from '../eda/dso-registry.ts';
import { performs, type StepStateMeta } from '../process/step-state.ts';
import type { CmReqOffStepId } from './catalogue.ts';
import type { QrDocumentRequest, VnbEmitted, VnbEvent } from './events.ts';
import type { ConsentApplication, Mail } from './messages.ts';
import { type ConsentReport, vnbConsentMachine } from './vnb-consent.ts';
import { consentRequestRejection, type DsoRegistry, emptyRegistry } from './vnb-registry.ts';

export interface VnbInput {
  /** The DSO's EDA address (AT + 6 digits); its metering points start with it. */
  address: string;
  /** Service providers registered at ebutilities.at (a precondition of the page; else 76). */
  registeredServiceProviders: readonly string[];
}

/** An application between VNB_01 and the engine's answer to `qr.request`. */
interface PendingApplication {
  customer: { party: string; channel: 'email' | 'post' };
  documents: QrDocumentRequest[];
  issuedAt: number;
}

interface VnbContext {
  address: string;
  registeredServiceProviders: ReadonlySet<string>;
  /** Mutated in place, like the two maps below (see vnb-registry.ts). */
  registry: DsoRegistry;
  pending: Map<string, PendingApplication>;
  /** Live consent machines by ConsentId; a finished one is dropped. */
  consents: Map<string, ActorRefFrom<typeof vnbConsentMachine>>;
  consentSerial: number;
  applicationSerial: number;
}

type Event = VnbEvent | ConsentReport | { type: 'consent.done'; consentId: string };

const applicationOf = (event: Event): ConsentApplication | undefined =>
  event.type === 'mail.received' && event.mail.topic.kind === 'application'
    ? event.mail.topic.application
    : undefined;

const applicationId = (serial: number) => `A${serial}`;

function pendingOf(context: VnbContext, event: Event): PendingApplication & { id: string } {
  const id =
    event.type === 'qr.created' || event.type === 'qr.tooLarge'
      ? event.applicationId
      : applicationId(context.applicationSerial);
  const pending = context.pending.get(id);
  if (pending === undefined) {
    throw new Error(
      `consent-sim: cm-req-off/vnb.ts: no application "${id}" awaits a QR code; answer each qr.request once, with its applicationId`,
    );
  }
  return { ...pending, id };
}

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

/**
 * VNB_04: starts one `consentMachine` per ConsentId of the application, each its own actor system
 * on the DSO's clock, its reports relayed to the DSO. Parameterised, so that a different consent
 * machine (a deliberately wrong one, in the conformance suites) can be plugged in with
 * {@link vnbWithConsentMachine} instead of copying this code.
 */
function startConsents(
  { context, event, self }: { context: VnbContext; event: Event; self: AnyActorRef },
  consentMachine: typeof vnbConsentMachine,
): void {
  const { id, customer, documents, issuedAt } = pendingOf(context, event);
  const startedAt = event.type === 'qr.created' ? event.at : issuedAt;
  for (const { consentId, meteringPoint, dsoAddress, ...request } of documents) {
    const input = {
      consentId,
      meteringPoint,
      dsoAddress,
      request,
      issuedAt,
      startedAt,
      customer,
    };
    const consent = createActor(consentMachine, { id: consentId, clock: self.system._clock });
    consent.on('consent.report', (report) => self.send(report));
    consent.subscribe({ complete: () => self.send({ type: 'consent.done', consentId }) });
    context.consents.set(consentId, consent);
    consent.start();
    consent.send({ type: 'start', input });
  }
  context.pending.delete(id);
}

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
      const mail: Mail = {
        subject: 'Ihre Datenfreigabe (QR-Code)',
        text: 'Geben Sie diesen QR-Code innerhalb von 30 Tagen an Ihren Dienstleister weiter.',
        ...(event.type === 'qr.created' ? { qrPayload: event.payload } : {}),
        topic: { kind: 'qrCode', consentIds },
      };
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
      const mail: Mail = {
        subject: 'Datenfreigabe: zu umfangreich für einen QR-Code',
        text: 'Die Freigabe passt nicht in einen QR-Code. Ihr Dienstleister muss die online Datenfreigabe (CM_REQ_ONL) anfragen.',
        topic: {
          kind: 'useOnlineProcess',
          payloadBytes: sizes.payloadBytes,
          capacityBytes: sizes.capacityBytes,
        },
      };
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
    tellNotAuthenticated: emit(({ event }) =>
      mailTo(event, {
        subject: 'Datenfreigabe: Identität nicht bestätigt',
        text: 'Wir konnten Sie nicht authentifizieren; es wurde keine Datenfreigabe erstellt.',
        topic: { kind: 'notAuthenticated' },
      }),
    ),
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
        to: request.senderAddress ?? event.from,
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
      switch (event.type) {
        case 'mail.received': {
          if (event.mail.topic.kind !== 'objection') return;
          for (const consentId of event.mail.topic.consentIds) {
            const consent = context.consents.get(consentId);
            if (consent) enqueue.sendTo(consent, { type: 'objection', at: event.at });
          }
          return;
        }
        case 'receive.ANTWORT_CCMC': {
          const consent = context.consents.get(event.message.consentId ?? '');
          if (consent)
            enqueue.sendTo(consent, {
              type: 'revocation.answered',
              at: event.at,
              message: event.message,
            });
          return;
        }
        case 'receive.ANFORDERUNG_DATEN': {
          // Data leave the DSO only for an active release (OFF-DATA-DELIVERY).
          const consent = context.consents.get(event.message.consentId);
          const active =
            context.registry.consents.get(event.message.consentId)?.status === 'active';
          if (consent && active)
            enqueue.sendTo(consent, {
              type: 'data.requested',
              at: event.at,
              message: event.message,
            });
          return;
        }
        default:
          return;
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
