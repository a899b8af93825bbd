/**
 * The reference Datahub of DH-831 / DH-851 as an in-process party: the Datahub role hosted the
 * way `sim serve` hosts it (`role-host.ts`), so its ACK and DH-825 documents, ids and timers come
 * from the DH-831 wiring of @consent-sim/sim, exactly as in `sim scenario`. Technical faults
 * (EC.MSG.*) are answered by Datahub with a negative ACK; business-rule issues (EC.AUTH.*) too,
 * as the engine does (`DH-ERROR-IDS`). The 0–90-day start rule counts Helsinki calendar days
 * from the receipt instant on this clock (`DH-START-WINDOW`). No HTTP here:
 * `datahub-handlers.ts` puts it behind msw.
 */
import type { dh831 } from '@consent-sim/core';
import { isTechnicalIssue, validateDatahubXml } from '@consent-sim/messages';
import { type DatahubRun, startDatahub } from './datahub-run.ts';
import type { DatahubMail, ReferenceDatahubOptions } from './datahub-types.ts';

export type { DatahubMail, ReferenceDatahubOptions };

import { type DeliveryResult, refusedByGuard, toDeliveryIssues } from './delivery.ts';
import { documentText } from './role-host.ts';

/**
 * @example
 * const datahub = createReferenceDatahub({});
 * datahub.deliver(dh831Xml).answers[0]?.messageCode // 'ACK'
 */
export function createReferenceDatahub(options: ReferenceDatahubOptions = {}) {
  const run = startDatahub(options);
  const { time } = run;
  return {
    partyId: run.partyId,
    outbox: run.outbox,
    now: () => time.now(),
    advanceTo: (instant: number) => time.advanceTo(instant),
    /** The status Datahub holds for a request id (Open, Approved, Rejected, Cancelled, Expired). */
    requestStatus: (requestId: string): dh831.RequestStatus | undefined =>
      run.statuses.get(requestId),
    /** Notification and reminder e-mails to the customer. */
    mails: (): readonly DatahubMail[] => [...run.mails],
    /** The customer decides in the Authorization Service (simulation-only, DH-PARTIAL). */
    decide(
      requestId: string,
      decision: 'approve' | 'reject',
      removedAccountingPoints: readonly string[] = [],
    ): void {
      time.sync();
      // Datahub takes a decision only on a request it holds; on any other there is nothing to decide.
      const host = run.holding(requestId);
      if (host === undefined) return;
      const messageCode = 'AS-DECISION';
      const content = { messageCode, requestId, decision, removedAccountingPoints };
      const delivery = { channel: 'authorization-service', from: 'customer', messageCode };
      run.record(host.deliver({ ...delivery, document: null, content, atMs: time.now() }));
    },
    /** A Datahub document arrives from a seller (DH-831, DH-851). */
    deliver: (xml: string | Uint8Array): DeliveryResult => deliverToDatahub(run, xml),
  };
}

export type ReferenceDatahub = ReturnType<typeof createReferenceDatahub>;

function deliverToDatahub(run: DatahubRun, xml: string | Uint8Array): DeliveryResult {
  run.time.sync();
  const before = run.outbox.last();
  const { document, issues } = validateDatahubXml(xml);
  if (refusedByGuard(issues)) return { status: 'refused', issues: toDeliveryIssues(issues) };
  const technical = issues.filter(isTechnicalIssue);
  const seller = document?.header.senderPartyId;
  const answerable = seller !== undefined && seller !== '' && seller !== run.partyId;
  if (document !== undefined && technical.length === 0) {
    if (document.kind === 'ACK' || document.kind === 'DH-825' || !answerable) {
      return {
        status: 'unsupported',
        messageCode: document.kind,
        message: `consent-sim: ${run.where}: Datahub takes DH-831 and DH-851 from a seller, got ${document.kind} from "${seller}"; send DH-831 or DH-851 with your own party id as sender`,
      };
    }
  }
  if (answerable) {
    const process = document?.kind === 'DH-831' ? document.process : undefined;
    const requestId = document?.kind === 'DH-851' ? document.process.requestId : undefined;
    const host = run.hostFor(seller, requestId, process?.recipient?.email);
    const delivery = { channel: 'datahub', from: 'seller', messageCode: document?.kind ?? null };
    run.record(host.deliver({ ...delivery, document: documentText(xml), atMs: run.time.now() }));
  }
  const answers = run.outbox.list({ since: before });
  if (document === undefined || technical.length > 0) {
    return {
      status: 'invalid',
      ...(document === undefined ? {} : { messageCode: document.kind }),
      issues: toDeliveryIssues(technical.length > 0 ? technical : issues),
      answers,
    };
  }
  return {
    status: 'accepted',
    messageCode: document.kind,
    messageId: document.header.messageId,
    answers,
  };
}
