/**
 * The reference Datahub of DH-831 / DH-851 as an in-process party: the real `datahubMachine`
 * on a virtual clock, fed with the reference's Datahub XML and answering with ACK (and DH-825)
 * documents into an outbox. Technical faults (EC.MSG.*) reach the machine as `receive.invalid`;
 * business-rule issues (EC.AUTH.*) travel on so that the machine refuses them with a negative
 * ACK, as the engine does (packages/sim/src/dh-831/codec.ts, `DH-ERROR-IDS`). The 0–90-day start
 * rule counts Helsinki calendar days from the receipt instant on this clock (`DH-START-WINDOW`).
 */
import { dh831 as core, type dh831, HELSINKI, isoInZone } from '@consent-sim/core';
import {
  buildDatahubXml,
  type DatahubDocument,
  isTechnicalIssue,
  validateDatahubXml,
} from '@consent-sim/messages';
import { createRng, type Rng } from '@consent-sim/sim';
import { createActor } from 'xstate';
import { type DeliveryResult, refusedByGuard, toDeliveryIssues } from './delivery.ts';
import { Outbox, type OutboxMessage } from './outbox.ts';
import { type ClockSource, createVirtualTime } from './virtual-time.ts';

export interface ReferenceDatahubOptions {
  /** Datahub's party id, the sender of its ACKs (default `DATAHUB`). */
  readonly partyId?: string;
  /** The test's own clock; Datahub catches up with it before each request. */
  readonly clock?: ClockSource;
  /** First virtual instant when no clock is given (default 2026-03-02T09:00:00+01:00). */
  readonly start?: number;
  /** Seed of the header MessageId stream (default 1). */
  readonly seed?: number | string;
}

/** A mail Datahub sent to the customer (DH-831 notification or reminder). */
export interface DatahubMail {
  readonly atMs: number;
  readonly mail: dh831.EmailIntent;
}

const CUSTOMER = 'customer';
const hex = (rng: Rng, length: number) =>
  Array.from({ length }, () => rng.int(0, 15).toString(16)).join('');
/** A UUID-shaped MessageId from the seeded stream, as the engine writes them. */
const uuid = (rng: Rng) =>
  `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-${'89ab'[rng.int(0, 3)]}${hex(rng, 3)}-${hex(rng, 12)}`;

/**
 * @example
 * const datahub = createReferenceDatahub({});
 * datahub.deliver(dh831Xml).answers[0]?.messageCode // 'ACK'
 */
export function createReferenceDatahub(options: ReferenceDatahubOptions = {}) {
  const where = 'msw/reference-datahub.ts';
  const partyId = options.partyId ?? 'DATAHUB';
  const time = createVirtualTime({ clock: options.clock, start: options.start, where });
  const rng = createRng(options.seed ?? 1).fork('msw/datahub');
  const outbox = new Outbox();
  const mails: DatahubMail[] = [];
  const statuses = new Map<string, dh831.RequestStatus>();

  const actor = createActor(core.datahubMachine, {
    input: { partyId },
    clock: time.xstateClock(),
  });

  const post = (to: string, intent: dh831.DatahubIntent): void => {
    if (intent.messageCode === 'AUTHORIZATION_END' || intent.messageCode === 'DH-831') return;
    const at = time.now();
    const header = {
      messageId: uuid(rng),
      messageType: intent.messageCode,
      senderPartyId: partyId,
      receiverPartyId: to,
      created: isoInZone(at, HELSINKI),
    };
    let doc: DatahubDocument;
    let subject: string | undefined;
    switch (intent.messageCode) {
      case 'ACK': {
        const { messageCode: _, ...ack } = intent;
        doc = { kind: 'ACK', header, ...ack };
        subject = intent.original?.process.requestId;
        break;
      }
      case 'DH-825': {
        const { messageCode: _, ...notice } = intent;
        doc = { kind: 'DH-825', header, ...notice };
        subject = intent.requestId;
        break;
      }
      case 'DH-851':
        doc = { kind: 'DH-851', header, process: intent.process };
        subject = intent.process.requestId;
        break;
    }
    const body = buildDatahubXml(doc);
    const { issues } = validateDatahubXml(body);
    if (issues.length > 0) {
      throw new Error(
        `consent-sim: ${where}: Datahub's ${intent.messageCode} is not a valid document (${issues.map((i) => `${i.path} ${i.rule}`).join('; ')}); this is a bug in the reference, not in your client`,
      );
    }
    outbox.add({
      atMs: at,
      at: isoInZone(at, HELSINKI),
      to,
      messageCode: intent.messageCode,
      responseCodes: doc.kind === 'ACK' ? doc.acknowledgement.errors.map((e) => e.errorId) : [],
      ...(subject === undefined ? {} : { subject }),
      contentType: 'application/xml',
      body,
    });
  };

  actor.on('*', (emitted) => {
    switch (emitted.type) {
      case 'send':
        if (emitted.channel === 'datahub') post(emitted.to, emitted.message);
        else if (emitted.channel === 'email')
          mails.push({ atMs: time.now(), mail: emitted.message });
        return;
      case 'request':
        statuses.set(emitted.requestId, emitted.status);
        return;
      default:
        return;
    }
  });
  actor.start();

  const send = (event: dh831.DatahubEvent) => {
    actor.send(event);
    time.sync();
  };

  return {
    partyId,
    outbox,
    now: () => time.now(),
    advanceTo: (instant: number) => time.advanceTo(instant),
    /** The status Datahub holds for a request id (Open, Approved, Rejected, Cancelled, Expired). */
    requestStatus: (requestId: string) => statuses.get(requestId),
    /** Notification and reminder e-mails to the customer. */
    mails: (): readonly DatahubMail[] => [...mails],

    /** The customer decides in the Authorization Service (simulation-only, DH-PARTIAL). */
    decide(
      requestId: string,
      decision: 'approve' | 'reject',
      removedAccountingPoints: readonly string[] = [],
    ): void {
      time.sync();
      const message = {
        messageCode: 'AS-DECISION' as const,
        requestId,
        decision,
        removedAccountingPoints,
      };
      send({ type: 'receive.AS-DECISION', at: time.now(), from: CUSTOMER, message });
    },

    /** A Datahub document arrives from a seller (DH-831, DH-851). */
    deliver(xml: string | Uint8Array): DeliveryResult {
      time.sync();
      const before = outbox.last();
      const answers = (): OutboxMessage[] => outbox.list({ since: before });
      const { document, issues } = validateDatahubXml(xml);
      if (refusedByGuard(issues)) return { status: 'refused', issues: toDeliveryIssues(issues) };
      const technical = issues.filter(isTechnicalIssue);
      const from = document?.header.senderPartyId;
      if (document === undefined || technical.length > 0) {
        if (from !== undefined && from !== '') {
          const messageCode = document?.kind ?? 'unknown';
          send({ type: 'receive.invalid', at: time.now(), from, messageCode, issues: technical });
        }
        return {
          status: 'invalid',
          ...(document === undefined ? {} : { messageCode: document.kind }),
          issues: toDeliveryIssues(technical.length > 0 ? technical : issues),
          answers: answers(),
        };
      }
      const at = time.now();
      switch (document.kind) {
        case 'DH-831':
          send({
            type: 'receive.DH-831',
            at,
            from: document.header.senderPartyId,
            message: document,
          });
          break;
        case 'DH-851':
          send({
            type: 'receive.DH-851',
            at,
            from: document.header.senderPartyId,
            message: document,
          });
          break;
        case 'ACK':
        case 'DH-825':
          return {
            status: 'unsupported',
            messageCode: document.kind,
            message: `consent-sim: ${where}: Datahub takes DH-831 and DH-851 from a seller, got ${document.kind}, which Datahub itself sends`,
          };
      }
      return {
        status: 'accepted',
        messageCode: document.kind,
        messageId: document.header.messageId,
        answers: answers(),
      };
    },
  };
}

export type ReferenceDatahub = ReturnType<typeof createReferenceDatahub>;
