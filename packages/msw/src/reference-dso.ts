/**
 * The reference DSO of CM_REQ_OFF as an in-process party: the real `vnbMachine` on a virtual
 * clock, fed with EDA XML and answering with EDA XML into an outbox. Schema and field rules come
 * from @consent-sim/messages (`validateEdaXml`), the registry checks and their codes from the
 * machine (VNB_06, `OFF-RESPONSE-CODES`), the timers from the machine too (VNB_04 30 days,
 * VNB_10 5 days, `OFF-DAYS`). No HTTP here: `dso-handlers.ts` puts it behind msw.
 */
import { type cmReqOff, cmReqOff as core, isoInZone, VIENNA } from '@consent-sim/core';
import {
  buildEdaXml,
  type CMRequestDocument,
  type EdaDocument,
  validateEdaXml,
} from '@consent-sim/messages';
import { capacityBytes, fits, packRequests, payloadByteLength } from '@consent-sim/qr';
import { createRng } from '@consent-sim/sim';
import { createActor } from 'xstate';
import { type DeliveryResult, refusedByGuard, toDeliveryIssues } from './delivery.ts';
import { inboundEvent } from './eda-inbound.ts';
import { IdMinter, notificationDocument, qrTemplateDocument, revokeDocument } from './eda-wire.ts';
import { Outbox, type OutboxMessage } from './outbox.ts';
import { type ClockSource, createVirtualTime } from './virtual-time.ts';

export interface ReferenceDsoOptions {
  /** The DSO's EDA address (AT + 6 digits); its metering points start with it. */
  readonly address: string;
  /** SP addresses registered at ebutilities.at; any other sender gets 76. */
  readonly registeredServiceProviders: readonly string[];
  /** The test's own clock; the DSO catches up with it before each request. */
  readonly clock?: ClockSource;
  /** First virtual instant when no clock is given (default 2026-03-02T09:00:00+01:00). */
  readonly start?: number;
  /** Seed of the MessageId stream (default 1): the same seed gives the same documents. */
  readonly seed?: number | string;
}

/** What the customer asks the DSO for (BP_01): one ConsentId per metering point. */
export interface IssueConsentInput {
  readonly meteringPoint?: string;
  readonly meteringPoints?: readonly string[];
  readonly request: cmReqOff.ConsentRequestData;
}

/** The QR code the DSO issued (VNB_02/VNB_03), as the customer would hand it over. */
export interface IssuedConsent {
  readonly consentIds: readonly string[];
  /** The QR payload: one compact cp:CMRequest per line (`OFF-QR-PAYLOAD`). */
  readonly payload: string;
  readonly documents: readonly CMRequestDocument[];
  readonly issuedAt: number;
}

/** A letter or e-mail the DSO sent to the customer. */
export interface CustomerMail {
  readonly atMs: number;
  readonly channel: string;
  readonly mail: cmReqOff.Mail;
}

const CUSTOMER = 'customer';
const LEVEL = 'M';

/**
 * @example
 * const dso = createReferenceDso({ address: 'AT001000', registeredServiceProviders: ['EP100200'] });
 * const { payload } = dso.issueConsent({ meteringPoint, request: { reqDatType: 'HistoricalConsumption', dateFrom: '2026-01-01' } });
 * dso.deliver(requestXml).answers[0]?.responseCodes // [99]
 */
export function createReferenceDso(options: ReferenceDsoOptions) {
  const where = 'msw/reference-dso.ts';
  const time = createVirtualTime({ clock: options.clock, start: options.start, where });
  const ids = new IdMinter(createRng(options.seed ?? 1).fork('msw/dso'));
  const outbox = new Outbox();
  const mails: CustomerMail[] = [];
  const statuses = new Map<string, cmReqOff.ConsentStatus>();
  let qrRequest: cmReqOff.QrRequestEmitted | undefined;

  const actor = createActor(core.vnbMachine, {
    input: {
      address: options.address,
      registeredServiceProviders: options.registeredServiceProviders,
    },
    clock: time.xstateClock(),
  });

  const post = (to: string, doc: EdaDocument, subject?: string): void => {
    const xml = buildEdaXml(doc);
    const { issues } = validateEdaXml(xml);
    if (issues.length > 0) {
      throw new Error(
        `consent-sim: ${where}: the DSO's ${doc.messageCode} is not a valid document (${issues.map((i) => `${i.path} ${i.rule}`).join('; ')}); this is a bug in the reference, not in your client`,
      );
    }
    const responseCodes =
      doc.documentType === 'CMNotification'
        ? doc.processDirectory.responseData.flatMap((d) => d.responseCodes)
        : [];
    outbox.add({
      atMs: time.now(),
      at: isoInZone(time.now(), VIENNA),
      to,
      messageCode: doc.messageCode,
      responseCodes,
      ...(subject === undefined ? {} : { subject }),
      contentType: 'application/xml',
      body: xml,
    });
  };

  const sendEda = (to: string, intent: cmReqOff.EdaIntent): void => {
    const at = time.now();
    const routing = { sender: options.address, receiver: to, at };
    switch (intent.messageCode) {
      case 'ANTWORT_CMQF':
      case 'ABLEHNUNG_CMQF':
      case 'ANTWORT_CCMC': {
        const messageId = ids.messageId(options.address, at);
        const requestIds = {
          messageId,
          conversationId: intent.conversationId ?? ids.conversationId(options.address, at),
          // An invalid request may not show its CMRequestId: the answer then carries a fresh one.
          cmRequestId: intent.cmRequestId ?? ids.newRequest(options.address, at).cmRequestId,
        };
        post(
          to,
          notificationDocument(routing, intent.messageCode, requestIds, intent),
          intent.consentId,
        );
        return;
      }
      case 'AUFHEBUNG_CCMC':
        post(
          to,
          revokeDocument(routing, ids.newRequest(options.address, at), intent),
          intent.consentId,
        );
        return;
      case 'DATEN_CRMSG':
        // OFF-DATA-DELIVERY: simulation-only, no official document; the fields travel as JSON.
        outbox.add({
          atMs: at,
          at: isoInZone(at, VIENNA),
          to,
          messageCode: intent.messageCode,
          responseCodes: [],
          subject: intent.consentId,
          contentType: 'application/json',
          body: JSON.stringify(intent),
        });
        return;
      case 'ANFORDERUNG_CMQF':
      case 'ANFORDERUNG_DATEN':
        throw new Error(
          `consent-sim: ${where}: the DSO machine sent ${intent.messageCode}, which only a service provider sends; this is a bug in the reference`,
        );
    }
  };

  actor.on('*', (emitted) => {
    switch (emitted.type) {
      case 'send':
        if (emitted.channel === 'eda') sendEda(emitted.to, emitted.message);
        else mails.push({ atMs: time.now(), channel: emitted.channel, mail: emitted.message });
        return;
      case 'consent':
        statuses.set(emitted.consentId, emitted.status);
        return;
      case 'qr.request':
        qrRequest = emitted;
        return;
      case 'step':
      case 'data':
        return;
    }
  });
  actor.start();

  /** Sends an event at the current virtual instant and fires what fell due meanwhile. */
  const send = (event: cmReqOff.VnbEvent) => {
    actor.send(event);
    time.sync();
  };

  return {
    address: options.address,
    outbox,
    now: () => time.now(),
    advanceTo: (instant: number) => time.advanceTo(instant),
    /** The current status of a ConsentId as the DSO's registry reports it. */
    consentStatus: (consentId: string) => statuses.get(consentId),
    /** Letters and e-mails to the customer: QR code, redemption notice, errors. */
    mails: (): readonly CustomerMail[] => [...mails],

    /**
     * BP_01 → VNB_03: an authenticated customer applies; the DSO issues one ConsentId per
     * metering point and the QR payload; the 30-day redemption timers start now.
     */
    issueConsent(input: IssueConsentInput): IssuedConsent {
      time.sync();
      const meteringPoints =
        input.meteringPoints ?? (input.meteringPoint ? [input.meteringPoint] : []);
      if (meteringPoints.length === 0) {
        throw new Error(
          `consent-sim: ${where}: issueConsent needs meteringPoint or meteringPoints; pass e.g. { meteringPoint: '${options.address}0000000000000000000001', request }`,
        );
      }
      const at = time.now();
      qrRequest = undefined;
      const application: cmReqOff.ConsentApplication = {
        meteringPoints,
        request: input.request,
        confirmationChannel: 'email',
        canAuthenticate: true,
      };
      const mail = {
        subject: 'Antrag Datenfreigabe',
        text: '',
        topic: { kind: 'application' as const, application },
      };
      send({ type: 'mail.received', at, from: CUSTOMER, channel: 'email', mail });
      const asked = qrRequest as cmReqOff.QrRequestEmitted | undefined;
      if (asked === undefined) {
        throw new Error(
          `consent-sim: ${where}: the DSO machine did not ask for a QR code after the application (VNB_02); this is a bug in the reference`,
        );
      }
      const documents = asked.documents.map((d) =>
        qrTemplateDocument(d, ids.newRequest(options.address, at), at),
      );
      const payload = packRequests(
        documents.map((d) => buildEdaXml(d, { compact: true, declaration: false })),
      );
      if (!fits(payload, LEVEL)) {
        const sizes = {
          payloadBytes: payloadByteLength(payload),
          capacityBytes: capacityBytes(LEVEL),
        };
        send({ type: 'qr.tooLarge', at, applicationId: asked.applicationId, ...sizes });
        throw new Error(
          `consent-sim: ${where}: ${meteringPoints.length} metering points make a ${sizes.payloadBytes}-byte QR payload, over the ${sizes.capacityBytes} bytes of level M (OFF-QR-TOO-LARGE); issue one consent per metering point`,
        );
      }
      send({ type: 'qr.created', at, applicationId: asked.applicationId, payload });
      return {
        consentIds: asked.documents.map((d) => d.consentId),
        payload,
        documents,
        issuedAt: at,
      };
    },

    /** The customer objects (BP_06 / late: CM_REV_CUS), by letter to the DSO. */
    object(consentIds: readonly string[]): void {
      time.sync();
      const topic = { kind: 'objection' as const, consentIds };
      send({
        type: 'mail.received',
        at: time.now(),
        from: CUSTOMER,
        channel: 'email',
        mail: { subject: 'Widerspruch', text: '', topic },
      });
    },

    /** An EDA document arrives from a service provider (VNB_05). */
    deliver(xml: string | Uint8Array): DeliveryResult {
      time.sync();
      const before = outbox.last();
      const answers = (): OutboxMessage[] => outbox.list({ since: before });
      const validation = validateEdaXml(xml);
      if (refusedByGuard(validation.issues)) {
        return { status: 'refused', issues: toDeliveryIssues(validation.issues) };
      }
      const inbound = inboundEvent(validation, time.now());
      switch (inbound.kind) {
        case 'unsupported':
          return {
            status: 'unsupported',
            messageCode: inbound.messageCode,
            message: inbound.message,
          };
        case 'unaddressed':
          return {
            status: 'invalid',
            ...(validation.messageCode === undefined
              ? {}
              : { messageCode: validation.messageCode }),
            issues: toDeliveryIssues(validation.issues),
            answers: [],
          };
        case 'event':
          send(inbound.event);
          if (validation.issues.length > 0) {
            return {
              status: 'invalid',
              ...(validation.messageCode === undefined
                ? {}
                : { messageCode: validation.messageCode }),
              issues: toDeliveryIssues(validation.issues),
              answers: answers(),
            };
          }
          return {
            status: 'accepted',
            messageCode: inbound.messageCode,
            messageId: inbound.messageId,
            answers: answers(),
          };
      }
    },
  };
}

export type ReferenceDso = ReturnType<typeof createReferenceDso>;
