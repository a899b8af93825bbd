/**
 * Outcome and final-state labels of a CM_REQ_OFF run, compared with `expect.outcome` and
 * `expect.states`. The outcome lists, distinct and comma-joined: the application's fate when no
 * QR code was issued (`not-authenticated`, `online-process-required`), each ConsentId's label
 * in issue order, then `refused` when the DSO rejected a ConsentRequest at CM_REQ_OFF_VNB_06.
 *
 * | ConsentId status | label |
 * |---|---|
 * | active | `active` |
 * | rejected (objection in the window, 172) | `rejected-by-customer` |
 * | expired (VNB_17/VNB_18) | `expired` |
 * | revoked (CM_REV_CUS) | `revoked` |
 * | invalidated after 174 | `backend-error` |
 * | invalidated, QR code too large | `online-process-required` |
 * | issued, redeemed (run stopped early) | `open`, `redeemed` |
 */
import type { cmReqOff } from '@consent-sim/core';
import type { Simulation } from '../simulation.ts';
import type { CmReqOffLedger } from './ledger.ts';

/** ResponseCodes of ABLEHNUNG_CMQF that are a decision on the consent, not a refusal at VNB_06. */
const DECISION_CODES: readonly number[] = [172, 174];

function consentLabel(ledger: CmReqOffLedger, consentId: string, status: string): string {
  switch (status) {
    case 'issued':
      return 'open';
    case 'rejected':
      return 'rejected-by-customer';
    case 'invalidated': {
      const failed = ledger.answers.some(
        (a) => a.consentId === consentId && a.responseCodes.includes(174),
      );
      if (failed) return 'backend-error';
      return ledger.tooLarge.length > 0 ? 'online-process-required' : 'invalidated';
    }
    default:
      return status;
  }
}

/**
 * @example cmReqOffOutcome(ledger) // 'active', 'expired,refused', 'not-authenticated'
 */
export function cmReqOffOutcome(ledger: CmReqOffLedger): string {
  const labels: string[] = [];
  if (ledger.notAuthenticated > 0) labels.push('not-authenticated');
  for (const [consentId, status] of ledger.status) {
    labels.push(consentLabel(ledger, consentId, status));
  }
  const refused = ledger.answers.some(
    (a) =>
      a.messageCode === 'ABLEHNUNG_CMQF' &&
      !a.responseCodes.some((code) => DECISION_CODES.includes(code)),
  );
  if (refused) labels.push('refused');
  const distinct = [...new Set(labels)];
  return distinct.length === 0 ? 'none' : distinct.join(',');
}

const joinDistinct = (labels: readonly string[], none: string) =>
  labels.length === 0 ? none : [...new Set(labels)].join(',');

/**
 * Per party: the DSO's ConsentId statuses, the SP's record statuses (as in its machine) and the
 * customer machine's state.
 */
export function cmReqOffFinalStates(
  sim: Simulation,
  ledger: CmReqOffLedger,
): Record<string, string> {
  const sp = sim.actor('sp').getSnapshot() as {
    context?: { records?: Record<string, cmReqOff.SpRecord>; onlineProcessAdvised?: number };
  };
  const records = Object.values(sp.context?.records ?? {}).map((r) => r.status);
  const advised = (sp.context?.onlineProcessAdvised ?? 0) > 0;
  const customer = sim.actor('customer').getSnapshot() as { value?: unknown };
  const value = customer.value;
  return {
    vnb: joinDistinct([...ledger.status.values()], 'no-consent'),
    sp: joinDistinct(records, advised ? 'advised-online-process' : 'no-record'),
    customer: typeof value === 'string' ? value : JSON.stringify(value ?? null),
  };
}
