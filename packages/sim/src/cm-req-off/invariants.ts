/**
 * The CM_REQ_OFF invariants, checked after every run whatever the scenario expects. Each
 * violation names the ConsentId, the instant (Vienna time) and the step id or interpretation
 * key the rule rests on. They read the ledger, so they hold in both trace modes.
 */
import { isoInZone, VIENNA } from '@consent-sim/core';
import type { Invariant, ViolationReport } from '../invariant.ts';
import type { CmReqOffLedger, DataDelivery, ReceivedRequest } from './ledger.ts';
import type { CmReqOffParties } from './parties.ts';

/** The invariant names of CM_REQ_OFF runs, the engine's built-in last. */
export const CM_REQ_OFF_INVARIANT_NAMES = [
  'no-data-without-active-consent',
  'no-data-after-objection-or-revocation',
  'expired-or-invalidated-consent-requests-rejected',
  'every-message-accounted-for',
] as const;

const at = (ms: number) => isoInZone(ms, VIENNA);

/** One delivery per ConsentId and instant (the `data` emission and its DATEN_CRMSG are one). */
function distinctDeliveries(deliveries: readonly DataDelivery[]): DataDelivery[] {
  const seen = new Set<string>();
  return deliveries.filter((d) => {
    const key = `${d.consentId}@${d.atMs}/${d.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** OFF-DATA-DELIVERY: data leave the DSO only for an active release (after CM_REQ_OFF_VNB_16). */
function noDataWithoutActiveConsent(ledger: CmReqOffLedger): Invariant {
  return {
    name: 'no-data-without-active-consent',
    check: () =>
      distinctDeliveries(ledger.deliveries)
        .filter((d) => d.status !== 'active')
        .map((d) => ({
          message: `${d.kind} data for ConsentId ${d.consentId} (metering point ${d.meteringPoint}) left the DSO at ${at(d.atMs)} while the ConsentId was ${d.status ?? 'unknown to the DSO'}; data are released only for an active release, i.e. after CM_REQ_OFF_VNB_16 (ANTWORT_CMQF 175) — OFF-DATA-DELIVERY`,
          detail: d,
        })),
  };
}

/**
 * CM_REQ_OFF_BP_07 → VNB_10–VNB_13 (objection in the window: rejected, 172) and
 * OFF-LATE-OBJECTION (after it: CM_REV_CUS, revoked): no data after the customer objected or
 * after the release was rejected or revoked.
 */
function noDataAfterObjectionOrRevocation(ledger: CmReqOffLedger): Invariant {
  return {
    name: 'no-data-after-objection-or-revocation',
    check: () => {
      const reports: ViolationReport[] = [];
      for (const d of distinctDeliveries(ledger.deliveries)) {
        const objection = ledger.objectedAt.get(d.consentId);
        if (objection !== undefined && objection.order < d.order) {
          reports.push({
            message: `${d.kind} data for ConsentId ${d.consentId} left the DSO at ${at(d.atMs)}, after the customer's objection reached the DSO at ${at(objection.atMs)}; an objection in the window rejects the release (CM_REQ_OFF_BP_07, CM_REQ_OFF_VNB_13, 172), a later one revokes it (OFF-LATE-OBJECTION, CM_REV_CUS)`,
            detail: { delivery: d, objection },
          });
          continue;
        }
        const ended = (ledger.history.get(d.consentId) ?? []).find(
          (h) => (h.status === 'rejected' || h.status === 'revoked') && h.atMs <= d.atMs,
        );
        if (ended !== undefined) {
          reports.push({
            message: `${d.kind} data for ConsentId ${d.consentId} left the DSO at ${at(d.atMs)}, after the release was ${ended.status} at ${at(ended.atMs)} (${ended.status === 'rejected' ? 'CM_REQ_OFF_VNB_13' : 'OFF-LATE-OBJECTION'})`,
            detail: { delivery: d, ended },
          });
        }
      }
      return reports;
    },
  };
}

/**
 * The code OFF-RESPONSE-CODES gives a request whose ConsentId has ended: 180, unless an earlier
 * check of the table decides (duplicate 179, sender not registered or no metering point 76,
 * metering point of another DSO 56).
 */
function expectedCode(request: ReceivedRequest, parties: CmReqOffParties): number {
  if (request.duplicate) return 179;
  if (!parties.sp.registered || request.senderAddress !== parties.sp.address) return 76;
  if (request.meteringPoint === undefined) return 76;
  if (!request.meteringPoint.startsWith(parties.vnb.address)) return 56;
  return 180;
}

/**
 * OFF-RESPONSE-CODES row 5 and the page's "Online Datenfreigabe-Anfragen die durch die
 * Informationen im abgelaufenen QR Code legitimiert werden, werden vom VNB abgelehnt": every
 * ANFORDERUNG_CMQF naming an expired or invalidated ConsentId gets ABLEHNUNG_CMQF 180.
 */
function expiredRequestsRejected(ledger: CmReqOffLedger, parties: CmReqOffParties): Invariant {
  return {
    name: 'expired-or-invalidated-consent-requests-rejected',
    check: () => {
      const reports: ViolationReport[] = [];
      const used = new Set<number>();
      for (const request of ledger.requests) {
        const index = ledger.answers.findIndex(
          (a, i) =>
            !used.has(i) &&
            a.atMs === request.atMs &&
            a.conversationId === request.conversationId &&
            a.cmRequestId === request.cmRequestId,
        );
        if (index >= 0) used.add(index);
        const status = request.statusOnArrival;
        if (status !== 'expired' && status !== 'invalidated') continue;
        const answer = ledger.answers[index];
        const code = expectedCode(request, parties);
        if (
          answer !== undefined &&
          answer.messageCode === 'ABLEHNUNG_CMQF' &&
          answer.responseCodes.includes(code)
        ) {
          continue;
        }
        const got =
          answer === undefined
            ? 'not answered at all'
            : `answered ${answer.messageCode} [${answer.responseCodes.join(', ')}]`;
        reports.push({
          message: `ANFORDERUNG_CMQF ${request.messageId} for ConsentId ${request.consentId ?? '?'} (${status}) reached the DSO at ${at(request.atMs)} and was ${got}; expected ABLEHNUNG_CMQF ${code} — CM_REQ_OFF_VNB_06, OFF-RESPONSE-CODES${code === 180 ? ' row 5 (ConsentId expired)' : ''}`,
          detail: { request, answer: answer ?? null, expectedCode: code },
        });
      }
      return reports;
    },
  };
}

/** The process invariants (the engine adds `every-message-accounted-for` itself). */
export function cmReqOffInvariants(ledger: CmReqOffLedger, parties: CmReqOffParties): Invariant[] {
  return [
    noDataWithoutActiveConsent(ledger),
    noDataAfterObjectionOrRevocation(ledger),
    expiredRequestsRejected(ledger, parties),
  ];
}
