/**
 * An EDA document that reached the reference DSO over HTTP. The messages guard refuses hostile
 * input at the door; schema and field rules are reported to the client as issues, and the
 * document still goes to the DSO, whose wiring reads it as the engine does (an invalid request
 * is answered 76, `OFF-RESPONSE-CODES`). A sender that cannot be read cannot be answered.
 */
import { validateEdaXml } from '@consent-sim/messages';
import { type DeliveryResult, refusedByGuard, toDeliveryIssues } from './delivery.ts';
import type { DsoRun } from './dso-run.ts';
import { documentText } from './role-host.ts';

/** What a service provider sends the DSO in CM_REQ_OFF. */
const TAKES = new Set(['CMRequest ANFORDERUNG_CMQF', 'CMNotification ANTWORT_CCMC']);
/** A service provider's EDA address, as a CM_REQ_OFF run takes it (sim cm-req-off/parties.ts). */
const SP_ADDRESS = /^(?:EP|RC|GC|CC)\d{6}$/;

/**
 * @example deliverToDso(run, requestXml) // { status: 'accepted', answers: [ANTWORT_CMQF 99] }
 */
export function deliverToDso(run: DsoRun, xml: string | Uint8Array): DeliveryResult {
  run.time.sync();
  const before = run.outbox.last();
  const validation = validateEdaXml(xml);
  const issues = toDeliveryIssues(validation.issues);
  if (refusedByGuard(validation.issues)) return { status: 'refused', issues };
  const doc = validation.document;
  const messageCode = validation.messageCode;
  const sender = doc?.routingHeader.sender.messageAddress;
  if (doc === undefined || sender === undefined || !SP_ADDRESS.test(sender)) {
    if (issues.length > 0 || doc === undefined) {
      return {
        status: 'invalid',
        ...(messageCode === undefined ? {} : { messageCode }),
        issues,
        answers: [],
      };
    }
    return {
      status: 'unsupported',
      messageCode: doc.messageCode,
      message: `consent-sim: ${run.where}: the reference DSO answers service providers (EP, RC, GC or CC + 6 digits), got the sender "${sender}"; send as a service provider`,
    };
  }
  if (issues.length === 0 && !TAKES.has(`${doc.documentType} ${doc.messageCode}`)) {
    return {
      status: 'unsupported',
      messageCode: doc.messageCode,
      message: `consent-sim: ${run.where}: the reference DSO of CM_REQ_OFF takes ANFORDERUNG_CMQF (CMRequest) and ANTWORT_CCMC (CMNotification), got ${doc.documentType} ${doc.messageCode}; send it to the process that handles it`,
    };
  }
  const host = run.hostFor(sender);
  const document = documentText(xml);
  const atMs = run.time.now();
  run.record(
    host.deliver({ channel: 'eda', from: 'sp', messageCode: doc.messageCode, document, atMs }),
  );
  const answers = run.outbox.list({ since: before });
  if (issues.length > 0) {
    return {
      status: 'invalid',
      ...(messageCode === undefined ? {} : { messageCode }),
      issues,
      answers,
    };
  }
  return {
    status: 'accepted',
    messageCode: doc.messageCode,
    messageId: doc.processDirectory.messageId,
    answers,
  };
}
