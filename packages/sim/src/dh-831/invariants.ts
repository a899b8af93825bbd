/**
 * DH-831 invariants, checked after every run on top of the engine's own
 * (`every-message-accounted-for`). They read the run's ledger, which follows the trace in both
 * trace modes, so a violation is found even in summary (load) runs.
 */
import type { Invariant, ViolationReport } from '../invariant.ts';
import { type Dh831Ledger, FINAL_STATUSES } from './ledger.ts';

/** Datahub error ids look like `EC.<area>.<nnn>` (digest; interpretation DH-ERROR-IDS). */
const ERROR_ID = /^EC\.[A-Z]+\.\d{3}$/;

export const DH831_INVARIANT_NAMES = [
  'dh831-no-data-without-approved-authorization',
  'dh831-reminder-only-while-open',
  'dh831-negative-ack-has-error-id-and-text',
  'dh831-at-most-one-final-status',
] as const;

/**
 * The four DH-831 invariants over one run's ledger.
 *
 * @example for (const invariant of dh831Invariants(ledger)) sim.addInvariant(invariant);
 */
export function dh831Invariants(ledger: Dh831Ledger): Invariant[] {
  return [
    {
      // Seed, "Merkittävät virheet ja seuraukset": data of a point the customer did not
      // authorize is data the seller has no right to (DH-PARTIAL: removed points are not covered).
      name: 'dh831-no-data-without-approved-authorization',
      check: () =>
        ledger.data.flatMap((fetch): ViolationReport[] => {
          const auth = fetch.authorization;
          if (auth?.status === 'Active' && auth.accountingPoints.includes(fetch.accountingPoint)) {
            return [];
          }
          const why =
            auth === null
              ? 'no authorization exists for the request'
              : auth.status !== 'Active'
                ? `the authorization is ${auth.status}`
                : `the authorization covers only ${auth.accountingPoints.join(', ') || 'no points'}`;
          return [
            {
              message: `the seller fetched data of ${fetch.accountingPoint} under ${fetch.requestId}, but ${why}`,
              detail: fetch,
            },
          ];
        }),
    },
    {
      // DH-REMINDER / DH-831.GW.REMINDER_OPEN: "mikäli valtuutuspyyntö on edelleen avoin".
      name: 'dh831-reminder-only-while-open',
      check: () =>
        ledger.mails
          .filter((mail) => mail.kind === 'reminder' && mail.statusAtSend !== 'Open')
          .map((mail) => ({
            message: `Datahub sent a reminder for ${mail.requestId} while its status was ${mail.statusAtSend ?? 'never stored'}, not Open`,
            detail: mail,
          })),
    },
    {
      // DH-ERROR-IDS: a negative ACK names why, with an id of Datahub's shape and a text.
      name: 'dh831-negative-ack-has-error-id-and-text',
      check: () =>
        ledger.acks
          .filter((ack) => ack.result !== 'positive')
          .flatMap((ack): ViolationReport[] => {
            const about =
              ack.original === null
                ? 'an unreadable document'
                : `${ack.original.messageType} ${ack.original.requestId}`;
            if (ack.errors.length === 0) {
              return [{ message: `the negative ACK for ${about} lists no error`, detail: ack }];
            }
            return ack.errors
              .filter((e) => !ERROR_ID.test(e.errorId) || e.text.trim() === '')
              .map((e) => ({
                message: `the negative ACK for ${about} has error ${JSON.stringify(e.errorId)} with text ${JSON.stringify(e.text)}; ids are EC.<area>.<nnn> and texts non-empty`,
                detail: ack,
              }));
          }),
    },
    {
      // Request statuses (digest): Open, then at most one of Approved, Rejected, Expired, Cancelled.
      name: 'dh831-at-most-one-final-status',
      check: () =>
        [...ledger.statuses].flatMap(([requestId, statuses]) => {
          const finals = statuses.filter((status) => FINAL_STATUSES.includes(status));
          return finals.length <= 1
            ? []
            : [
                {
                  message: `request ${requestId} reached ${finals.length} final statuses: ${finals.join(' → ')}`,
                  detail: { requestId, statuses },
                },
              ];
        }),
    },
  ];
}
