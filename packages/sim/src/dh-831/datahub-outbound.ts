/**
 * DH-831 outbound on the `datahub` channel: an intent becomes the reference's own XML (header ids
 * from the run's seeded RNG, `Created` from the virtual clock), validated before it leaves; the
 * simulation-only `AUTHORIZATION_END` travels as it is (DH-CANCEL).
 */
import { type dh831, HELSINKI, isoInZone } from '@consent-sim/core';
import {
  buildDatahubXml,
  type DatahubDocument,
  type DatahubHeader,
  isTechnicalIssue,
  type ValidationIssue,
  validateDatahubXml,
} from '@consent-sim/messages';
import type { EncodedMessage } from '../codec.ts';
import type { Rng } from '../rng.ts';
import { uuid } from './ids.ts';
import type { Dh831Ledger } from './ledger.ts';
import type { Dh831Party } from './parties.ts';

type Intent = dh831.DatahubIntent;

export interface DatahubOutboundOptions {
  /** Stream for MessageIds. */
  readonly rng: Rng;
  /** The virtual clock's now, epoch ms. */
  readonly now: () => number;
  readonly ledger: Dh831Ledger;
}

/** Encodes one Datahub intent of `sender` for `to`. */
export type DatahubEncoder = (sender: Dh831Party, to: Dh831Party, intent: Intent) => EncodedMessage;

/**
 * The datahub-channel encoder of one run.
 *
 * @example const encodeDatahub = createDatahubOutbound({ rng, now, ledger }); encodeDatahub(seller, datahub, intent);
 */
export function createDatahubOutbound(options: DatahubOutboundOptions): DatahubEncoder {
  const { rng, now, ledger } = options;
  return (sender, to, intent) => {
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
    const doc = datahubDocument(intent, header, ledger, now);
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
}

/** The document an XML intent stands for; an ACK is booked in the ledger as it is written. */
function datahubDocument(
  intent: Exclude<Intent, { messageCode: 'AUTHORIZATION_END' }>,
  header: DatahubHeader,
  ledger: Dh831Ledger,
  now: () => number,
): DatahubDocument {
  switch (intent.messageCode) {
    case 'DH-831':
      return { kind: 'DH-831', header, process: intent.process };
    case 'DH-851':
      return { kind: 'DH-851', header, process: intent.process };
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
      return {
        kind: 'ACK',
        header,
        ...(intent.original === undefined ? {} : { original: intent.original }),
        acknowledgement: intent.acknowledgement,
      };
    case 'DH-825':
      return {
        kind: 'DH-825',
        header,
        requestId: intent.requestId,
        approvedAt: intent.approvedAt,
        grantedAccountingPoints: intent.grantedAccountingPoints,
      };
  }
}

/** Simulation-only messages have no XML; the trace shows them as JSON. */
export function simulationOnly(message: { readonly messageCode: string }): EncodedMessage {
  return {
    payload: message,
    messageCode: message.messageCode,
    responseCodes: [],
    document: JSON.stringify(message, null, 2),
  };
}

/** `rule at path (value): message`, all on one line, for errors and rejections. */
export const issueList = (issues: readonly ValidationIssue[]): string =>
  issues
    .map(
      (i) => `${i.rule} at ${i.path}${i.value === undefined ? '' : ` (${i.value})`}: ${i.message}`,
    )
    .join('; ');
