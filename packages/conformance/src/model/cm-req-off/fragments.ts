/**
 * CM_REQ_OFF: what the catalogue's reading says follows from each concrete action, as step and
 * message entries at their instants. Latencies are the engine's defaults the generated
 * scenarios keep (eda 3 s, e-mail 5 min, phone and hand-over 0). Step order at one instant is the
 * catalogue's table order within a lane, the DSO's steps first where its timer fires before the
 * stimulus of that instant (`OFF-DEADLINE-BOUNDARY`: a timer is due at deadline + 1 ms).
 */
import type { RunBuilder } from '../run-builder.ts';

export const EDA_MS = 3_000;
export const EMAIL_MS = 5 * 60_000;
const HOUR_MS = 3_600_000;

/**
 * A temptation (issue 12, build 1): one hour after the SP learns that its consent is not active
 * — the receipt 99, a rejection, a revocation — the harness asks the SP for data on it. A correct
 * SP asks only under an active consent (OFF-DATA-DELIVERY, SP_07), so nothing follows: no
 * ANFORDERUNG_DATEN, no step. An SP that takes the 99 for the grant, ignores a rejection or keeps
 * using a revoked consent sends one, and the message checks see it.
 */
export function spTempted(run: RunBuilder, learnedAt: number): void {
  run.stimulus(learnedAt + HOUR_MS, 'sp', 'requestData', {
    with: { consent: 1, dateFrom: '2026-02-01', dateTo: '2026-02-28' },
    note: 'a temptation: the consent is not active, a correct SP sends nothing',
  });
}

/** The customer applies by phone and wants confirmations by e-mail (BP_01, VNB_01–04). */
export function applied(run: RunBuilder): void {
  const at = run.start;
  run.stimulus(at, 'customer', 'apply', { with: { via: 'phone', confirmationChannel: 'email' } });
  run.step(at, 'CM_REQ_OFF_SP_01', 'CM_REQ_OFF_BP_01');
}

/** The QR code travels by e-mail; the customer receives it and decides (BP_02, BP_03). */
export function qrIssued(run: RunBuilder): void {
  const at = run.start;
  run.step(at, 'CM_REQ_OFF_VNB_01', 'CM_REQ_OFF_VNB_02', 'CM_REQ_OFF_VNB_03', 'CM_REQ_OFF_VNB_04');
  run.step(at + EMAIL_MS, 'CM_REQ_OFF_BP_02', 'CM_REQ_OFF_BP_03');
}

/** BP_04 → SP_02–SP_04: the SP scans the code and sends ANFORDERUNG_CMQF; returns its arrival. */
export function handedOver(run: RunBuilder, at: number): number {
  run.stimulus(at, 'customer', 'handOver');
  run.step(at, 'CM_REQ_OFF_BP_04', 'CM_REQ_OFF_SP_02', 'CM_REQ_OFF_SP_03', 'CM_REQ_OFF_SP_04');
  run.message(at + EDA_MS, { code: 'ANFORDERUNG_CMQF', from: 'sp', to: 'vnb', responseCodes: [] });
  return at + EDA_MS;
}

/** VNB_06 "ja": VNB_07, VNB_20, create record, VNB_09 (99); the customer gets the notice (BP_05). */
export function redeemed(run: RunBuilder, receivedAt: number, objectionDeadline: number): void {
  run.step(
    receivedAt,
    'CM_REQ_OFF_VNB_05',
    'CM_REQ_OFF_VNB_06',
    'CM_REQ_OFF_VNB_07',
    'CM_REQ_OFF_VNB_20',
    'CM_REQ_ONL_VNB_08',
    'CM_REQ_OFF_VNB_09',
  );
  run.message(receivedAt + EDA_MS, {
    code: 'ANTWORT_CMQF',
    from: 'vnb',
    to: 'sp',
    responseCodes: [99],
  });
  run.step(receivedAt + EDA_MS, 'CM_REQ_OFF_SP_05');
  run.step(receivedAt + EMAIL_MS, 'CM_REQ_OFF_BP_05');
  spTempted(run, receivedAt + EDA_MS);
  run.anchors.set('received', receivedAt);
  run.anchors.set('objectionDeadline', objectionDeadline);
  run.status = 'redeemed';
}

/** VNB_06 "nein" with a ResponseCode (`OFF-RESPONSE-CODES`): ABLEHNUNG_CMQF to the SP (SP_06). */
export function refusedAtGateway(run: RunBuilder, receivedAt: number, code: number): void {
  run.step(receivedAt, 'CM_REQ_OFF_VNB_05', 'CM_REQ_OFF_VNB_06');
  refusalArrives(run, receivedAt + EDA_MS, code);
  run.label('refused');
}

function refusalArrives(run: RunBuilder, at: number, code: number): void {
  run.message(at, { code: 'ABLEHNUNG_CMQF', from: 'vnb', to: 'sp', responseCodes: [code] });
  run.step(at, 'CM_REQ_OFF_SP_06');
  spTempted(run, at);
}

/** The SP sends (or resends) a ConsentRequest itself, refused with `code` at VNB_06. */
export function spRequestRefused(
  run: RunBuilder,
  at: number,
  event: 'sendRequest' | 'resendRequest',
  code: number,
  options: Record<string, unknown> = {},
): void {
  run.stimulus(at, 'sp', event, { with: { consent: 1, ...options } });
  run.step(at, 'CM_REQ_OFF_SP_04');
  run.message(at + EDA_MS, { code: 'ANFORDERUNG_CMQF', from: 'sp', to: 'vnb', responseCodes: [] });
  refusedAtGateway(run, at + EDA_MS, code);
}

/** OFF-AUTH-AND-BACKEND-ERRORS: 174 to the SP, ConsentId invalidated, customer notified. */
export function backendFailed(run: RunBuilder, receivedAt: number): void {
  run.step(receivedAt, 'CM_REQ_OFF_VNB_05', 'CM_REQ_OFF_VNB_06');
  run.step(receivedAt, 'CM_REQ_OFF_VNB_18', 'CM_REQ_OFF_VNB_19');
  refusalArrives(run, receivedAt + EDA_MS, 174);
  run.step(receivedAt + EMAIL_MS, 'CM_REQ_OFF_BP_09');
  run.status = 'backend-error';
}

/** VNB_17, VNB_18 (expired), VNB_19 at redemption deadline + 1 ms. */
export function redemptionTimedOut(run: RunBuilder): void {
  const at = run.anchor('redemptionDeadline') + 1;
  run.step(at, 'CM_REQ_OFF_VNB_17', 'CM_REQ_OFF_VNB_18', 'CM_REQ_OFF_VNB_19');
  run.status = 'expired';
}

/** VNB_10 "ja": the objection in time stops the timer; ABLEHNUNG_CMQF 172 (OFF-ANSWER-CODES). */
export function objectedInTime(run: RunBuilder, at: number): void {
  run.stimulus(at, 'customer', 'object');
  run.step(at, 'CM_REQ_OFF_BP_07', 'CM_REQ_OFF_BP_09');
  run.step(
    at,
    'CM_REQ_OFF_VNB_10',
    'CM_REQ_OFF_VNB_11',
    'CM_REQ_ONL_VNB_12',
    'CM_REQ_OFF_VNB_13',
    'CM_REQ_OFF_VNB_19',
  );
  refusalArrives(run, at + EDA_MS, 172);
  run.status = 'rejected-by-customer';
}

/** VNB_10 "nein": at objection deadline + 1 ms the release becomes active (175). */
export function granted(run: RunBuilder, customerPassive: boolean): void {
  const at = run.anchor('objectionDeadline') + 1;
  run.step(at, 'CM_REQ_OFF_VNB_10', 'CM_REQ_OFF_VNB_14', 'CM_REQ_ONL_VNB_15', 'CM_REQ_OFF_VNB_16');
  if (customerPassive) run.step(at, 'CM_REQ_OFF_BP_06');
  run.message(at + EDA_MS, { code: 'ANTWORT_CMQF', from: 'vnb', to: 'sp', responseCodes: [175] });
  run.step(at + EDA_MS, 'CM_REQ_OFF_SP_07', 'CM_REQ_OFF_SP_08');
  run.anchors.set('activeAt', at);
  run.status = 'active';
}

/** OFF-LATE-OBJECTION: BP_08 starts CM_REV_CUS; AUFHEBUNG_CCMC, answered ANTWORT_CCMC 176. */
export function objectedLate(run: RunBuilder, at: number): void {
  run.stimulus(at, 'customer', 'object');
  run.step(at, 'CM_REQ_OFF_BP_08', 'CM_REQ_OFF_BP_09');
  revocationTravels(run, at);
}

export function revocationTravels(run: RunBuilder, at: number): void {
  run.message(at + EDA_MS, { code: 'AUFHEBUNG_CCMC', from: 'vnb', to: 'sp', responseCodes: [] });
  run.message(at + 2 * EDA_MS, {
    code: 'ANTWORT_CCMC',
    from: 'sp',
    to: 'vnb',
    responseCodes: [176],
  });
  spTempted(run, at + EDA_MS);
  run.status = 'revoked';
}

/** OFF-DATA-DELIVERY: ANFORDERUNG_DATEN for an active consent is answered with DATEN_CRMSG. */
export function dataRequested(run: RunBuilder, at: number): void {
  run.stimulus(at, 'sp', 'requestData', {
    with: { consent: 1, dateFrom: '2026-02-01', dateTo: '2026-02-28' },
  });
  run.message(at + EDA_MS, { code: 'ANFORDERUNG_DATEN', from: 'sp', to: 'vnb', responseCodes: [] });
  run.message(at + 2 * EDA_MS, { code: 'DATEN_CRMSG', from: 'vnb', to: 'sp', responseCodes: [] });
}
