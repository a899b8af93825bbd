/**
 * The DH-831 wire: intents on `datahub` become the reference's own XML (header ids from the
 * run's seeded RNG, `Created` from the virtual clock), e-mails become RFC 5322 text, and the
 * simulation-only `AS-DECISION` / `AUTHORIZATION_END` travel as they are. Inbound, XML is
 * parsed and validated: technical faults (EC.MSG.*) reach Datahub as `receive.invalid`, business
 * issues travel on so the machine refuses them with a negative ACK (DH-ERROR-IDS).
 */

import type { dh831 } from '@consent-sim/core';
import { HELSINKI, isoInZone } from '@consent-sim/core';
import {
  buildDatahubXml,
  buildEmail,
  type DatahubDocument,
  type DatahubHeader,
  isTechnicalIssue,
  type ValidationIssue,
  validateDatahubXml,
} from '@consent-sim/messages';
import type {
  EncodedMessage,
  InboundCodec,
  InboundResult,
  OutboundCodec,
  PartyInfo,
} from '../codec.ts';
import type { Rng } from '../rng.ts';
import type { Dh831Ledger } from './ledger.ts';
import type { Dh831Parties, Dh831Party } from './parties.ts';

export interface Dh831CodecOptions {
  readonly parties: Dh831Parties;
  /** Stream for MessageIds and Message-IDs. */
  readonly rng: Rng;
  /** The virtual clock's now, epoch ms. */
  readonly now: () => number;
  readonly ledger: Dh831Ledger;
}

export interface Dh831Codecs {
  readonly outbound: OutboundCodec;
  readonly inbound: InboundCodec;
}

type Intent = dh831.DatahubIntent;

const hex = (rng: Rng, length: number) =>
  Array.from({ length }, () => rng.int(0, 15).toString(16)).join('');

/** A UUID-shaped id from the seeded stream (never random across runs). */
const uuid = (rng: Rng) =>
  `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-${'89ab'[rng.int(0, 3)]}${hex(rng, 3)}-${hex(rng, 12)}`;

const issueList = (issues: readonly ValidationIssue[]) =>
  issues
    .map(
      (i) => `${i.rule} at ${i.path}${i.value === undefined ? '' : ` (${i.value})`}: ${i.message}`,
    )
    .join('; ');

/**
 * @example
 * const { outbound, inbound } = createDh831Codecs({ parties, rng, now: () => sim.clock.now(), ledger });
 */
export function createDh831Codecs(options: Dh831CodecOptions): Dh831Codecs {
  const { parties, rng, now, ledger } = options;
  const all: readonly Dh831Party[] = [parties.seller, parties.datahub, parties.customer];
  const party = (idOrAddress: string, where: string): Dh831Party => {
    const found = all.find((p) => p.id === idOrAddress || p.address === idOrAddress);
    if (found === undefined) {
      throw new Error(
        `consent-sim: dh-831/codec.ts ${where}: "${idOrAddress}" is no DH-831 party id or address (known: ${all.map((p) => `${p.id}=${p.address}`).join(', ')})`,
      );
    }
    return found;
  };
  // The intent behind every mail, by Message-ID: the customer "reads" the mail it was sent.
  const mails = new Map<string, { readonly intent: dh831.EmailIntent; readonly text: string }>();

  const encodeDatahub = (sender: Dh831Party, to: Dh831Party, intent: Intent): EncodedMessage => {
    if (intent.messageCode === 'AUTHORIZATION_END') {
      // Simulation-only (DH-CANCEL): no XML exists, the message travels as it is.
      return simulationOnly(intent);
    }
    const header: DatahubHeader = {
      messageId: uuid(rng),
      messageType: intent.messageCode,
      senderPartyId: sender.address,
      receiverPartyId: to.address,
      created: isoInZone(now(), HELSINKI),
    };
    let doc: DatahubDocument;
    switch (intent.messageCode) {
      case 'DH-831':
        doc = { kind: 'DH-831', header, process: intent.process };
        break;
      case 'DH-851':
        doc = { kind: 'DH-851', header, process: intent.process };
        break;
      case 'ACK':
        ledger.acks.push({
          atMs: now(),
          original:
            intent.original === undefined
              ? null
              : {
                  messageType: intent.original.messageType,
                  requestId: intent.original.process.requestId,
                },
          result: intent.acknowledgement.result,
          errors: intent.acknowledgement.errors,
        });
        doc = {
          kind: 'ACK',
          header,
          ...(intent.original === undefined ? {} : { original: intent.original }),
          acknowledgement: intent.acknowledgement,
        };
        break;
      case 'DH-825':
        doc = {
          kind: 'DH-825',
          header,
          requestId: intent.requestId,
          approvedAt: intent.approvedAt,
          grantedAccountingPoints: intent.grantedAccountingPoints,
        };
        break;
    }
    const xml = buildDatahubXml(doc);
    const { issues } = validateDatahubXml(xml);
    // The seller's business-rule mistakes are the scenario's point (Datahub must refuse them);
    // anything else our own machines write that the wire format refuses is a bug: fail loudly.
    const fatal = sender.id === 'seller' ? issues.filter(isTechnicalIssue) : issues;
    if (fatal.length > 0) {
      throw new Error(
        `consent-sim: dh-831/codec.ts: the ${sender.id}'s ${intent.messageCode} to ${to.id} is not a valid Datahub document: ${issueList(fatal)}; fix the machine or the scenario parameters`,
      );
    }
    return {
      payload: xml,
      messageCode: intent.messageCode,
      responseCodes: doc.kind === 'ACK' ? doc.acknowledgement.errors.map((e) => e.errorId) : [],
      document: xml,
    };
  };

  const encodeMail = (sender: Dh831Party, mail: dh831.EmailIntent): EncodedMessage => {
    const messageId = `${uuid(rng)}@datahub.consent-sim.invalid`;
    ledger.mails.push({
      atMs: now(),
      kind: mail.kind,
      requestId: mail.requestId,
      statusAtSend: ledger.status(mail.requestId),
    });
    const text = buildEmail({
      from: { name: sender.name, address: sender.email },
      to: { name: mail.recipientName, address: mail.recipientEmail },
      subject: mail.subject,
      text: mail.text,
      date: now(),
      messageId,
      zone: HELSINKI,
    });
    mails.set(messageId, { intent: mail, text });
    return { payload: text, messageCode: 'EMAIL', responseCodes: [], document: text };
  };

  const outbound: OutboundCodec = (from, emitted) => {
    const sender = party(from.id, 'outbound sender');
    switch (emitted.channel) {
      case 'datahub':
        return encodeDatahub(
          sender,
          party(emitted.to, 'outbound datahub recipient'),
          emitted.message as Intent,
        );
      case 'email':
        return encodeMail(sender, emitted.message as dh831.EmailIntent);
      case 'authorization-service': {
        const decision = emitted.message as dh831.AuthorizationDecision;
        ledger.decisions.set(decision.requestId, decision.decision);
        return simulationOnly(decision);
      }
      default:
        throw new Error(
          `consent-sim: dh-831/codec.ts: ${from.id} sent on channel "${emitted.channel}"; DH-831 uses datahub, email and authorization-service`,
        );
    }
  };

  const inbound: InboundCodec = (to: PartyInfo, envelope): InboundResult => {
    const from = party(envelope.from, 'inbound sender').address;
    switch (envelope.channel) {
      case 'datahub': {
        if (typeof envelope.payload !== 'string' && !(envelope.payload instanceof Uint8Array)) {
          // AUTHORIZATION_END: simulation-only, delivered as it is.
          return {
            event: {
              type: `receive.${envelope.messageCode ?? 'unknown'}`,
              from,
              message: envelope.payload,
            },
          };
        }
        const { document, issues } = validateDatahubXml(envelope.payload);
        const technical = issues.filter(isTechnicalIssue);
        if (document === undefined || technical.length > 0) {
          if (to.id !== 'datahub') {
            return {
              rejected: `unreadable Datahub document: ${issueList(technical)}`,
              detail: technical,
            };
          }
          return {
            event: {
              type: 'receive.invalid',
              from,
              messageCode: envelope.messageCode ?? 'unknown',
              issues: technical.length > 0 ? technical : issues,
            },
          };
        }
        return { event: { type: `receive.${document.kind}`, from, message: document } };
      }
      case 'authorization-service':
        return { event: { type: 'receive.AS-DECISION', from, message: envelope.payload } };
      case 'email': {
        const text = typeof envelope.payload === 'string' ? envelope.payload : '';
        const id = /^Message-ID: <([^>\r\n]+)>\r$/m.exec(text)?.[1];
        const sent = id === undefined ? undefined : mails.get(id);
        // A mail damaged on the way (corrupt fault) is not what Datahub sent: nobody can read it.
        if (sent === undefined || sent.text !== text) {
          return { rejected: 'damaged e-mail: it is not the message Datahub sent' };
        }
        return { event: { type: 'mail.received', from, channel: 'email', mail: sent.intent } };
      }
      default:
        return { rejected: `DH-831 does not use channel "${envelope.channel}"` };
    }
  };

  return { outbound, inbound };
}

/** Simulation-only messages have no XML; the trace shows them as JSON. */
function simulationOnly(message: { readonly messageCode: string }): EncodedMessage {
  return {
    payload: message,
    messageCode: message.messageCode,
    responseCodes: [],
    document: JSON.stringify(message, null, 2),
  };
}
