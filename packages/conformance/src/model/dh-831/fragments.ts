/**
 * DH-831: what the catalogue's reading says follows from each concrete action, as step and
 * message entries at their instants, with the engine's default latencies the generated scenarios
 * keep (datahub 3 s, e-mail 5 min, authorization-service 0).
 */
import type { RunBuilder } from '../run-builder.ts';

export const DATAHUB_MS = 3_000;
export const EMAIL_MS = 5 * 60_000;
const HOUR_MS = 3_600_000;

/**
 * A temptation (issue 12, build 1): one hour after the seller learns that it holds no approved
 * authorization — the positive ACK (open, not yet decided), a negative ACK, the customer's
 * rejection, a cancellation, the end of the authorization — the harness asks the seller to fetch
 * data of point 1. The reference fetches only for an approved request and a granted point
 * (DH-831.SELLER.FETCH_DATA), so nothing follows; a seller that fetches reports the step, and the
 * step checks see it (data access in DH-831 is no message: a seller that reports no steps is not
 * judged here). After a partial approval the temptation is the point the customer removed.
 */
export function sellerTempted(run: RunBuilder, learnedAt: number, accountingPoint = 1): void {
  run.stimulus(learnedAt + HOUR_MS, 'seller', 'fetchData', {
    with: { accountingPoint },
    note: 'a temptation: no approved authorization, a correct seller fetches nothing',
  });
}

/** DH-831.SELLER.SEND; returns the instant Datahub receives the request. */
export function sent(run: RunBuilder, at: number, request: Record<string, unknown>): number {
  run.stimulus(
    at,
    'seller',
    'sendRequest',
    Object.keys(request).length > 0 ? { with: request } : {},
  );
  run.step(at, 'DH-831.SELLER.SEND');
  run.message(at + DATAHUB_MS, { code: 'DH-831', from: 'seller', to: 'datahub' });
  return at + DATAHUB_MS;
}

/** GW.VALID "valid": stored Open, positive ACK; GW.RECIPIENT decides the notification e-mail. */
export function accepted(run: RunBuilder, receivedAt: number, recipient: boolean): void {
  run.step(
    receivedAt,
    'DH-831.DH.RECEIVE',
    'DH-831.DH.VALIDATE',
    'DH-831.DH.STORE',
    'DH-831.DH.ACK_POSITIVE',
  );
  if (recipient) run.step(receivedAt, 'DH-831.DH.NOTIFY_EMAIL');
  run.message(receivedAt + DATAHUB_MS, { code: 'ACK', from: 'datahub', to: 'seller' });
  run.step(receivedAt + DATAHUB_MS, 'DH-831.SELLER.RECEIVE_ACK');
  if (recipient) emailArrives(run, receivedAt + EMAIL_MS);
  sellerTempted(run, receivedAt + DATAHUB_MS);
  run.anchors.set('received', receivedAt);
  run.status = 'open';
}

/** GW.VALID "invalid": negative ACK naming every failed rule (DH-ERROR-IDS). */
export function refused(run: RunBuilder, receivedAt: number, errorIds: readonly string[]): void {
  run.step(receivedAt, 'DH-831.DH.RECEIVE', 'DH-831.DH.VALIDATE', 'DH-831.DH.ACK_NEGATIVE');
  run.message(receivedAt + DATAHUB_MS, {
    code: 'ACK',
    from: 'datahub',
    to: 'seller',
    responseCodes: [...errorIds],
  });
  run.step(receivedAt + DATAHUB_MS, 'DH-831.SELLER.RECEIVE_ACK');
  sellerTempted(run, receivedAt + DATAHUB_MS);
  run.status = 'refused';
}

function emailArrives(run: RunBuilder, at: number): void {
  run.message(at, { code: 'EMAIL', from: 'datahub', to: 'customer' });
  run.step(at, 'DH-831.CUST.RECEIVE_EMAIL');
}

/** GW.REMINDER_OPEN "open": the reminder e-mail at the reminder time (DH-REMINDER). */
export function reminded(run: RunBuilder, at: number): void {
  run.step(at, 'DH-831.DH.REMINDER_EMAIL');
  emailArrives(run, at + EMAIL_MS);
}

type Decision = 'approve' | 'approvePartially' | 'removeAll' | 'reject';

/** GW.DECISION in the Authorization Service (AS-DECISION travels at once). */
export function decided(run: RunBuilder, at: number, decision: Decision): void {
  const remove =
    decision === 'approvePartially' ? [2] : decision === 'removeAll' ? [1, 2] : undefined;
  const event = decision === 'reject' ? 'reject' : 'approve';
  run.stimulus(at, 'customer', event, remove ? { with: { removeAccountingPoints: remove } } : {});
  run.message(at, { code: 'AS-DECISION', from: 'customer', to: 'datahub' });
  switch (decision) {
    case 'approve':
    case 'approvePartially':
      if (remove) run.step(at, 'DH-831.CUST.REMOVE_POINTS');
      run.step(at, 'DH-831.CUST.APPROVE', 'DH-831.DH.APPROVE');
      run.message(at + DATAHUB_MS, { code: 'DH-825', from: 'datahub', to: 'seller' });
      run.step(at + DATAHUB_MS, 'DH-831.SELLER.RECEIVE_APPROVAL');
      run.status = 'approved';
      if (remove) sellerTempted(run, at + DATAHUB_MS, 2);
      return;
    case 'removeAll':
      // DH-PARTIAL: removing every point is not an approval.
      run.step(at, 'DH-831.CUST.REMOVE_POINTS', 'DH-831.CUST.APPROVE', 'DH-831.DH.REJECT');
      run.status = 'rejected';
      sellerTempted(run, at);
      return;
    case 'reject':
      run.step(at, 'DH-831.CUST.REJECT', 'DH-831.DH.REJECT');
      run.status = 'rejected';
      sellerTempted(run, at);
      return;
  }
}

/** A decision on a request the Authorization Service no longer offers: nothing follows. */
export function decisionIgnored(run: RunBuilder, at: number): void {
  run.stimulus(at, 'customer', 'approve');
  run.message(at, { code: 'AS-DECISION', from: 'customer', to: 'datahub' });
  run.step(at, 'DH-831.CUST.APPROVE');
}

/** DH-851 and GW.OPEN: cancelled with a positive ACK, or refused EC.AUTH.030 (DH-CANCEL). */
export function cancelSent(run: RunBuilder, at: number, open: boolean): void {
  run.stimulus(at, 'seller', 'cancel');
  run.step(at, 'DH-851.SELLER.CANCEL');
  run.message(at + DATAHUB_MS, { code: 'DH-851', from: 'seller', to: 'datahub' });
  run.step(at + DATAHUB_MS, open ? 'DH-851.DH.CANCEL' : 'DH-851.DH.REFUSE');
  run.message(at + 2 * DATAHUB_MS, {
    code: 'ACK',
    from: 'datahub',
    to: 'seller',
    ...(open ? {} : { responseCodes: ['EC.AUTH.030'] }),
  });
  run.step(at + 2 * DATAHUB_MS, 'DH-831.SELLER.RECEIVE_CANCEL_ACK');
  if (open) run.status = 'cancelled';
  if (open) sellerTempted(run, at + 2 * DATAHUB_MS);
}

export function dataFetched(run: RunBuilder, at: number): void {
  run.stimulus(at, 'seller', 'fetchData', { with: { accountingPoint: 1 } });
  run.step(at, 'DH-831.SELLER.FETCH_DATA');
}

/** Wrong accounting points: the seller ends the authorization and deletes data (DH-CANCEL). */
export function authorizationEnded(run: RunBuilder, at: number): void {
  run.stimulus(at, 'seller', 'endAuthorization', { with: { reason: 'wrong-accounting-points' } });
  run.step(at, 'DH-831.SELLER.END_AUTHORIZATION', 'DH-831.SELLER.DELETE_DATA');
  run.message(at + DATAHUB_MS, { code: 'AUTHORIZATION_END', from: 'seller', to: 'datahub' });
  run.step(at + DATAHUB_MS, 'DH-831.DH.END_AUTHORIZATION');
  sellerTempted(run, at + DATAHUB_MS);
}
