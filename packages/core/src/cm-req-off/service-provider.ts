/**
 * The service provider (Dienstleister) of CM_REQ_OFF. It serves many customers at once, so it
 * keeps one record per ConsentId and returns to `ready` after every step; the step states are
 * passed through within one event. Stimuli let a scenario send deliberately wrong requests.
 */
import { assign, emit, enqueueActions, setup } from 'xstate';
import { performs, type StepStateMeta } from '../process/step-state.ts';
import type { CmReqOffStepId } from './catalogue.ts';
import type { PartyEmitted, ServiceProviderEvent } from './events.ts';
import type { ConsentRequestIntent, ConsentRequestView, DataTrigger } from './messages.ts';

export interface ServiceProviderInput {
  /** The SP's EDA address (e.g. EP + 6 digits). */
  address: string;
}

export type SpConsentStatus = 'requested' | 'received' | 'granted' | 'rejected' | 'revoked';

export interface SpRecord {
  meteringPoint: string;
  dsoAddress: string;
  document: ConsentRequestView;
  status: SpConsentStatus;
  /** The ResponseCodes of the last answer, e.g. [178] after a second redemption. */
  responseCodes: readonly number[];
  deliveries: { trigger: DataTrigger; periodFrom: string; periodTo: string }[];
}

interface ServiceProviderContext {
  address: string;
  records: Record<string, SpRecord>;
  /** Customers told to use the online process (`OFF-QR-TOO-LARGE`). */
  onlineProcessAdvised: number;
}

type Event = ServiceProviderEvent;

/** The ANFORDERUNG_CMQF built from a QR document (SP_04, `OFF-QR-PAYLOAD`). */
function requestFrom(
  document: ConsentRequestView,
  override: { consentId?: string; meteringPoint?: string } = {},
): ConsentRequestIntent {
  const { reqDatType, dateFrom, dateTo, meteringIntervall, transmissionCycle } = document;
  return {
    messageCode: 'ANFORDERUNG_CMQF',
    consentId: override.consentId ?? document.consentId ?? '',
    meteringPoint: override.meteringPoint ?? document.meteringPoint ?? '',
    reqDatType,
    dateFrom,
    ...(dateTo !== undefined ? { dateTo } : {}),
    ...(meteringIntervall !== undefined ? { meteringIntervall } : {}),
    ...(transmissionCycle !== undefined ? { transmissionCycle } : {}),
  };
}

function recordOf(context: ServiceProviderContext, consentId: string): SpRecord {
  const record = context.records[consentId];
  if (record === undefined) {
    throw new Error(
      `consent-sim: cm-req-off/service-provider.ts: no record for ConsentId "${consentId}"; a stimulus must name a ConsentId the SP received in a QR code`,
    );
  }
  return record;
}

const codesOf = (event: Event) =>
  event.type === 'receive.ANTWORT_CMQF' || event.type === 'receive.ABLEHNUNG_CMQF'
    ? event.message.responseCodes
    : [];

export const serviceProviderMachine = setup({
  types: {
    context: {} as ServiceProviderContext,
    input: {} as ServiceProviderInput,
    events: {} as Event,
    emitted: {} as PartyEmitted,
    meta: {} as StepStateMeta<CmReqOffStepId>,
  },
  actions: {
    reportStep: emit((_, params: { step: CmReqOffStepId }) => ({
      type: 'step' as const,
      step: params.step,
    })),
    createRecords: assign({
      records: ({ context, event }) => {
        if (event.type !== 'qr.received') return context.records;
        const added = event.documents.map((document): [string, SpRecord] => [
          document.consentId ?? '',
          {
            meteringPoint: document.meteringPoint ?? '',
            dsoAddress: document.receiverAddress,
            document,
            status: 'received',
            responseCodes: [],
            deliveries: [],
          },
        ]);
        return { ...context.records, ...Object.fromEntries(added) };
      },
    }),
    sendRequests: enqueueActions(({ context, event, enqueue }) => {
      const send = (dsoAddress: string, message: ConsentRequestIntent) =>
        enqueue.emit({ type: 'send', channel: 'eda', to: dsoAddress, message });
      switch (event.type) {
        case 'qr.received':
          for (const document of event.documents)
            send(document.receiverAddress, requestFrom(document));
          return;
        case 'stimulus.sendRequest': {
          const record = recordOf(context, event.consentId);
          send(record.dsoAddress, requestFrom(record.document, event.override));
          return;
        }
        case 'stimulus.resendRequest': {
          const record = recordOf(context, event.consentId);
          send(record.dsoAddress, { ...requestFrom(record.document), resend: true });
          return;
        }
        default:
          return;
      }
    }),
    markRequested: assign({
      records: ({ context }) =>
        Object.fromEntries(
          Object.entries(context.records).map(([id, r]) => [
            id,
            r.status === 'received' ? { ...r, status: 'requested' as const } : r,
          ]),
        ),
    }),
    /** Updates the record an answer is about: its status and the codes the answer carried. */
    recordAnswer: assign(({ context, event }, params: { status: SpConsentStatus }) => {
      if (event.type !== 'receive.ANTWORT_CMQF' && event.type !== 'receive.ABLEHNUNG_CMQF')
        return {};
      const consentId = event.message.consentId ?? '';
      const record = context.records[consentId];
      if (record === undefined) return {};
      const updated = {
        ...record,
        status: params.status,
        responseCodes: event.message.responseCodes,
      };
      return { records: { ...context.records, [consentId]: updated } };
    }),
    /** CM_REV_CUS: the SP ends the release and answers the CMRevoke with 176 (`OFF-LATE-OBJECTION`). */
    acceptRevocation: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'receive.AUFHEBUNG_CCMC') return;
      const { consentId, meteringPoint, conversationId, senderAddress } = event.message;
      const record = context.records[consentId];
      if (record)
        enqueue.assign({
          records: { ...context.records, [consentId]: { ...record, status: 'revoked' } },
        });
      enqueue.emit({
        type: 'send',
        channel: 'eda',
        to: senderAddress,
        message: {
          messageCode: 'ANTWORT_CCMC',
          conversationId,
          consentId,
          meteringPoint,
          responseCodes: [176],
        },
      });
    }),
    requestData: emit(({ context, event }) => {
      if (event.type !== 'stimulus.requestData')
        throw new Error(
          `consent-sim: cm-req-off/service-provider.ts: requestData needs stimulus.requestData, got ${event.type}`,
        );
      const record = recordOf(context, event.consentId);
      const message = {
        messageCode: 'ANFORDERUNG_DATEN' as const,
        consentId: event.consentId,
        meteringPoint: record.meteringPoint,
        dateFrom: event.dateFrom,
        dateTo: event.dateTo,
      };
      return { type: 'send' as const, channel: 'eda' as const, to: record.dsoAddress, message };
    }),
    recordDelivery: assign({
      records: ({ context, event }) => {
        if (event.type !== 'receive.DATEN_CRMSG') return context.records;
        const { consentId, trigger, periodFrom, periodTo } = event.message;
        const record = context.records[consentId];
        if (record === undefined) return context.records;
        return {
          ...context.records,
          [consentId]: {
            ...record,
            deliveries: [...record.deliveries, { trigger, periodFrom, periodTo }],
          },
        };
      },
    }),
    recordOnlineAdvice: assign({
      onlineProcessAdvised: ({ context }) => context.onlineProcessAdvised + 1,
    }),
  },
  guards: {
    /**
     * OFF-ANSWER-CODES: 175 is the consent; any other ANTWORT_CMQF is the receipt (the reference
     * DSO sends 99; another code or none is the other reading, and an SP must still follow it).
     */
    grantsConsent: ({ event }) => codesOf(event).includes(175),
    /**
     * OFF-DATA-DELIVERY: data may be asked for only under an active consent — after the 175
     * (SP_07) and before a revocation; not on the receipt (99), after a rejection (ABLEHNUNG_CMQF,
     * SP_06) or after AUFHEBUNG_CCMC. The harness offers `requestData` in those states too and
     * expects nothing on the wire.
     */
    holdsActiveConsent: ({ context, event }) =>
      event.type === 'stimulus.requestData' &&
      (event.withoutConsent === true || context.records[event.consentId]?.status === 'granted'),
    confirmsReceipt: ({ event }) => !codesOf(event).includes(175),
    advisesOnlineProcess: ({ event }) =>
      event.type === 'mail.received' && event.mail.topic.kind === 'useOnlineProcess',
  },
}).createMachine({
  id: 'serviceProvider',
  context: ({ input }) => ({ address: input.address, records: {}, onlineProcessAdvised: 0 }),
  initial: 'providingService',
  states: {
    providingService: { ...performs('CM_REQ_OFF_SP_01'), always: 'ready' },
    ready: {
      on: {
        'qr.received': 'receivingQr',
        'stimulus.sendRequest': 'sendingRequest',
        'stimulus.resendRequest': 'sendingRequest',
        'receive.ANTWORT_CMQF': [
          {
            guard: 'grantsConsent',
            target: 'receivingConsent',
            actions: { type: 'recordAnswer', params: { status: 'granted' } },
          },
          {
            guard: 'confirmsReceipt',
            target: 'receivingReceipt',
            actions: { type: 'recordAnswer', params: { status: 'requested' } },
          },
        ],
        'receive.ABLEHNUNG_CMQF': {
          target: 'receivingRejection',
          actions: { type: 'recordAnswer', params: { status: 'rejected' } },
        },
        'receive.AUFHEBUNG_CCMC': { actions: 'acceptRevocation' },
        'receive.DATEN_CRMSG': { actions: 'recordDelivery' },
        'stimulus.requestData': { guard: 'holdsActiveConsent', actions: 'requestData' },
        'mail.received': { guard: 'advisesOnlineProcess', actions: 'recordOnlineAdvice' },
      },
    },
    receivingQr: { ...performs('CM_REQ_OFF_SP_02'), always: 'creatingRecord' },
    creatingRecord: { ...performs('CM_REQ_OFF_SP_03', 'createRecords'), always: 'sendingRequest' },
    sendingRequest: {
      ...performs('CM_REQ_OFF_SP_04', 'sendRequests', 'markRequested'),
      always: 'ready',
    },
    receivingReceipt: { ...performs('CM_REQ_OFF_SP_05'), always: 'ready' },
    receivingRejection: { ...performs('CM_REQ_OFF_SP_06'), always: 'ready' },
    receivingConsent: { ...performs('CM_REQ_OFF_SP_07'), always: 'processEnded' },
    processEnded: { ...performs('CM_REQ_OFF_SP_08'), always: 'ready' },
  },
});
