/**
 * Outcome and final-state labels of a DH-831 run, compared with a scenario's `expect.outcome`
 * and `expect.states`. One request gives one label; several give their labels in send order,
 * joined by commas (e.g. `open,refused`).
 */
import type { dh831 } from '@consent-sim/core';
import type { Simulation } from '../simulation.ts';
import type { Dh831Ledger } from './ledger.ts';

/** Outcome labels: the request's final status, or `refused` when the ACK was negative. */
export type Dh831Outcome =
  | 'open'
  | 'approved'
  | 'rejected'
  | 'expired'
  | 'cancelled'
  | 'refused'
  | 'unanswered';

/**
 * The label of one request: its last status in Datahub, `refused` when Datahub never stored it
 * and answered negatively (or could not read it: technical fault), `unanswered` otherwise.
 *
 * @example requestOutcome(ledger, 'REQ-20260320-1') // 'approved'
 */
export function requestOutcome(ledger: Dh831Ledger, requestId: string): Dh831Outcome {
  const status = ledger.status(requestId);
  switch (status) {
    case 'Open':
      return 'open';
    case 'Approved':
      return 'approved';
    case 'Rejected':
      return 'rejected';
    case 'Expired':
      return 'expired';
    case 'Cancelled':
      return 'cancelled';
    default: {
      const refused = ledger.acks.some(
        (ack) =>
          ack.result === 'negative' &&
          (ack.original === null ||
            (ack.original.messageType === 'DH-831' && ack.original.requestId === requestId)),
      );
      return refused ? 'refused' : 'unanswered';
    }
  }
}

const joinDistinct = (ids: readonly string[], label: (id: string) => string): string =>
  ids.length === 0 ? 'none' : [...new Set(ids)].map(label).join(',');

/** The run's outcome label (`none` when the seller sent nothing). */
export function dh831Outcome(ledger: Dh831Ledger, requestIds: readonly string[]): string {
  return joinDistinct(requestIds, (id) => requestOutcome(ledger, id));
}

/**
 * Per party: the seller's view of each request (sent, accepted, refused, approved, cancelled,
 * ended), Datahub's request label (with `/ended` once the authorization was ended, DH-CANCEL),
 * and the customer's decision (approved, rejected, undecided).
 */
export function dh831FinalStates(
  sim: Simulation,
  ledger: Dh831Ledger,
  requestIds: readonly string[],
): Record<string, string> {
  const seller = sellerRequests(sim);
  return {
    seller: joinDistinct(requestIds, (id) => seller[id]?.status ?? 'unsent'),
    datahub: joinDistinct(requestIds, (id) => {
      const label = requestOutcome(ledger, id);
      return ledger.authorizations.get(id)?.status === 'Ended' ? `${label}/ended` : label;
    }),
    customer: joinDistinct(requestIds, (id) => {
      const decision = ledger.decisions.get(id);
      return decision === 'approve' ? 'approved' : decision === 'reject' ? 'rejected' : 'undecided';
    }),
  };
}

function sellerRequests(sim: Simulation): Readonly<Record<string, dh831.SellerRequest>> {
  const snapshot: unknown = sim.actor('seller').getSnapshot();
  const context = (snapshot as { context?: Partial<dh831.SellerContext> } | null)?.context;
  return context?.requests ?? {};
}
