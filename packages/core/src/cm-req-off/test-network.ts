/**
 * Test wiring for the CM_REQ_OFF machines: a DSO, an SP and a customer on one deterministic
 * clock, with a stand-in for the engine that turns intents into views at the same instant and
 * answers `qr.request` (payload: the documents as JSON, too large above `qrCapacityBytes`).
 * Only the tests use it; the real engine lives in packages/sim.
 */
import { type AnyActorRef, createActor } from 'xstate';
import { customerMachine } from './customer.ts';
import type {
  QrDocumentRequest,
  QrRequestEmitted,
  SendEmitted,
  VnbEmitted,
  VnbEvent,
} from './events.ts';
import type { ConsentRequestIntent, ConsentRequestView, EdaIntent } from './messages.ts';
import { serviceProviderMachine } from './service-provider.ts';
import { createTestClock, type TestClock } from './test-clock.ts';
import { vnbMachine } from './vnb.ts';

export const DSO = 'AT001000';
export const SP = 'EP100200';
export const MP1 = 'AT0010000000000000000000000000001';
export const MP2 = 'AT0010000000000000000000000000002';

export interface TraceEntry {
  party: 'dso' | 'sp' | 'customer';
  at: number;
  event: VnbEmitted;
}

export interface NetworkOptions {
  start: number;
  vnb?: typeof vnbMachine;
  registeredServiceProviders?: readonly string[];
  canAuthenticate?: boolean;
  qrCapacityBytes?: number;
}

/** The documents of a QR code as the SP reads them (ids of the DSO's template). */
const qrDocuments = (documents: readonly QrDocumentRequest[]): ConsentRequestView[] =>
  documents.map(({ dsoAddress, ...document }, index) => ({
    ...document,
    messageId: `QR${index}`,
    conversationId: `QRC${index}`,
    cmRequestId: `QRR${index}`,
    senderAddress: dsoAddress,
    receiverAddress: dsoAddress,
  }));

/** The engine's answer to `qr.request`: the documents as JSON, too large above `capacity`. */
function qrAnswer(event: QrRequestEmitted, at: number, capacity: number): VnbEvent {
  const payload = JSON.stringify(qrDocuments(event.documents));
  return payload.length > capacity
    ? {
        type: 'qr.tooLarge',
        at,
        applicationId: event.applicationId,
        payloadBytes: payload.length,
        capacityBytes: capacity,
      }
    : { type: 'qr.created', at, applicationId: event.applicationId, payload };
}

/**
 * The engine's network: turns a `send` into the receiving party's event at the same instant,
 * numbering messages; a resent ConsentRequest repeats the previous one's ids.
 */
function createCourier(clock: TestClock, parties: Readonly<Record<string, AnyActorRef>>) {
  let serial = 0;
  const lastRequest = new Map<string, ConsentRequestView>();

  const requestView = (message: ConsentRequestIntent, to: string): ConsentRequestView => {
    const previous = lastRequest.get(message.consentId);
    if (message.resend && previous) return previous;
    serial += 1;
    const { messageCode: _, resend: __, ...fields } = message;
    const view = {
      ...fields,
      messageId: `M${serial}`,
      conversationId: `C${serial}`,
      cmRequestId: `R${serial}`,
      senderAddress: SP,
      receiverAddress: to,
    };
    lastRequest.set(message.consentId, view);
    return view;
  };

  const deliverEda = (from: string, to: string, message: EdaIntent) => {
    const at = clock.now();
    const target = parties[to];
    if (target === undefined) throw new Error(`testNetwork: no party ${to}`);
    serial += 1;
    const ids = { messageId: `M${serial}`, conversationId: `C${serial}`, senderAddress: from };
    switch (message.messageCode) {
      case 'ANFORDERUNG_CMQF':
        return target.send({
          type: 'receive.ANFORDERUNG_CMQF',
          at,
          from,
          message: requestView(message, to),
        });
      default: {
        const { messageCode, ...fields } = message;
        return target.send({
          type: `receive.${messageCode}`,
          at,
          from,
          message: { ...ids, ...fields },
        });
      }
    }
  };

  return (from: string, event: SendEmitted) => {
    const at = clock.now();
    const target = parties[event.to];
    if (event.channel === 'eda')
      return deliverEda(from === 'dso' ? DSO : SP, event.to, event.message);
    if (target === undefined) throw new Error(`testNetwork: no party ${event.to}`);
    if (event.channel === 'handover') {
      const payload = event.message.qrPayload ?? '[]';
      return target.send({
        type: 'qr.received',
        at,
        from,
        payload,
        documents: JSON.parse(payload) as ConsentRequestView[],
      });
    }
    return target.send({
      type: 'mail.received',
      at,
      from,
      channel: event.channel,
      mail: event.message,
    });
  };
}

/** Questions the tests ask of the trace. */
function traceQueries(trace: readonly TraceEntry[]) {
  return {
    /** Step ids in trace order, optionally of one party. */
    steps: (party?: TraceEntry['party']) =>
      trace
        .filter((e) => !party || e.party === party)
        .flatMap((e) => (e.event.type === 'step' ? [e.event.step] : [])),
    /** EDA intents in trace order as `CODE:codes`, e.g. `ABLEHNUNG_CMQF:179`. */
    eda: () =>
      trace.flatMap((e) => {
        if (e.event.type !== 'send' || e.event.channel !== 'eda') return [];
        const m = e.event.message;
        return [
          'responseCodes' in m ? `${m.messageCode}:${m.responseCodes.join(',')}` : m.messageCode,
        ];
      }),
    statuses: (consentId: string) =>
      trace.flatMap((e) =>
        e.event.type === 'consent' && e.event.consentId === consentId ? [e.event.status] : [],
      ),
  };
}

export function createNetwork(options: NetworkOptions) {
  const clock = createTestClock(options.start);
  const trace: TraceEntry[] = [];
  const dso = createActor(options.vnb ?? vnbMachine, {
    clock,
    input: { address: DSO, registeredServiceProviders: options.registeredServiceProviders ?? [SP] },
  });
  const sp = createActor(serviceProviderMachine, { clock, input: { address: SP } });
  const customer = createActor(customerMachine, {
    clock,
    input: { dso: 'dso', serviceProvider: 'sp', canAuthenticate: options.canAuthenticate ?? true },
  });
  const deliver = createCourier(clock, { dso, sp, customer, [DSO]: dso, [SP]: sp });

  const observe = (party: TraceEntry['party'], actor: AnyActorRef) =>
    actor.on('*', (event: VnbEmitted) => {
      trace.push({ party, at: clock.now(), event });
      if (event.type === 'send') deliver(party, event);
      if (event.type === 'qr.request')
        dso.send(qrAnswer(event, clock.now(), options.qrCapacityBytes ?? 2331));
    });
  observe('dso', dso);
  observe('sp', sp);
  observe('customer', customer);
  for (const actor of [dso, sp, customer]) actor.start();

  return {
    clock,
    trace,
    dso,
    sp,
    customer,
    ...traceQueries(trace),
    /** Moves the clock to `at` (firing due timers) and sends `event` there. */
    at(at: number, actor: AnyActorRef, event: Record<string, unknown> & { type: string }) {
      clock.advanceTo(at);
      actor.send({ ...event, at });
    },
  };
}
