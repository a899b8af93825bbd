/**
 * CM_REQ_OFF inbound on the eda channel: every document is validated. The DSO gets
 * `receive.<CODE>` or `receive.invalid` (answered 76, `OFF-RESPONSE-CODES`); any other party
 * refuses an invalid document.
 */
import type { InboundResult } from '../codec.ts';
import type { Envelope } from '../envelope.ts';
import type { DataDocument } from './data-documents.ts';
import { consentRequestView, notificationView, revokeView } from './eda-documents.ts';
import { describeIssues, type IssueLike, issueLines } from './issues.ts';
import type { CmReqOffLedger } from './ledger.ts';
import type { CmReqOffParty } from './parties.ts';
import { idsIn, isData, readWire, type Wire } from './wire-read.ts';

export interface EdaInboundOptions {
  readonly ledger: CmReqOffLedger;
  readonly now: () => number;
  /** What we put on the wire, so a copy damaged in transit (corrupt fault) is recognised. */
  readonly sent: WeakSet<object>;
}

/** Decodes what arrived for `to` from the party at address `from`. */
export type EdaDecoder = (to: CmReqOffParty, from: string, envelope: Envelope) => InboundResult;

/**
 * The eda-channel decoder of one run.
 *
 * @example const decodeEda = createEdaInbound({ ledger, now, sent }); decodeEda(vnb, sp.address, envelope);
 */
export function createEdaInbound(options: EdaInboundOptions): EdaDecoder {
  const { ledger, now, sent } = options;
  return (to, from, envelope) => {
    const read = readWire(envelope.payload, sent);
    if (read.document === undefined || read.issues.length > 0) {
      return invalid(to, from, envelope, read.issues, ledger);
    }
    const doc: Wire = read.document;
    if (isData(doc)) return { event: dataEvent(doc, from) };
    switch (doc.documentType) {
      case 'CMRequest': {
        const view = consentRequestView(doc);
        if (to.id === 'vnb') ledger.requestArrived(now(), view);
        return { event: { type: `receive.${doc.messageCode}`, from, message: view } };
      }
      case 'CMNotification':
        return {
          event: { type: `receive.${doc.messageCode}`, from, message: notificationView(doc) },
        };
      case 'CMRevoke':
        return { event: { type: `receive.${doc.messageCode}`, from, message: revokeView(doc) } };
    }
  };
}

/** A damaged or invalid document: the DSO answers it (`receive.invalid`), others refuse it. */
function invalid(
  to: CmReqOffParty,
  from: string,
  envelope: Envelope,
  issues: readonly IssueLike[],
  ledger: CmReqOffLedger,
): InboundResult {
  const found = idsIn(envelope.payload);
  if (to.id !== 'vnb') {
    return {
      rejected: `invalid document: ${describeIssues(issues)}`,
      detail: issueLines(issues),
    };
  }
  if (found.messageCode === undefined || found.messageCode === 'ANFORDERUNG_CMQF') {
    ledger.damagedRequestArrived(found);
  }
  const { messageCode, ...message } = found;
  return {
    event: {
      type: 'receive.invalid',
      from,
      ...(messageCode === undefined ? {} : { messageCode }),
      issues: issueLines(issues),
      message,
    },
  };
}

/** ANFORDERUNG_DATEN or DATEN_CRMSG (simulation-only, OFF-DATA-DELIVERY) as the machines see it. */
function dataEvent(doc: DataDocument, from: string) {
  const f = doc.fields;
  const base = {
    messageId: f.MessageId ?? '',
    conversationId: f.ConversationId ?? '',
    consentId: f.ConsentId ?? '',
    meteringPoint: f.MeteringPoint ?? '',
    senderAddress: f.Sender ?? '',
  };
  const message =
    doc.kind === 'DataRequest'
      ? { ...base, dateFrom: f.DateFrom ?? '', dateTo: f.DateTo ?? '' }
      : {
          ...base,
          periodFrom: f.PeriodFrom ?? '',
          periodTo: f.PeriodTo ?? '',
          trigger: f.Trigger,
        };
  return { type: `receive.${f.MessageCode ?? ''}`, from, message };
}
