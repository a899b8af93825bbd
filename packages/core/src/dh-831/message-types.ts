// The message types of DH-831 as plain data. Their own file, because both the steps and the
// catalogue name them (steps.ts ← message-types.ts → catalogue.ts, no cycle).

/**
 * Message types that travel in DH-831. `DH-825`, `AS-DECISION` and `AUTHORIZATION_END` are
 * simulation-only: the seed names the outcome but no message for it.
 */
export type Dh831MessageType =
  | 'DH-831'
  | 'DH-851'
  | 'ACK'
  | 'EMAIL'
  | 'DH-825'
  | 'AS-DECISION'
  | 'AUTHORIZATION_END';

export const DH831_MESSAGES: Readonly<
  Record<Dh831MessageType, { readonly summary: string; readonly simulationOnly: boolean }>
> = {
  'DH-831': { summary: 'Authorization request, seller → Datahub.', simulationOnly: false },
  'DH-851': { summary: 'Cancellation of a request, seller → Datahub.', simulationOnly: false },
  ACK: {
    summary: 'Acknowledgement (positive / negative), Datahub → seller.',
    simulationOnly: false,
  },
  EMAIL: { summary: 'Notification or reminder, Datahub → recipient.', simulationOnly: false },
  'DH-825': {
    summary: 'Approval notice with the granted accounting points (DH-PARTIAL).',
    simulationOnly: true,
  },
  'AS-DECISION': {
    summary: "The customer's action in the Authorization Service (approve / reject).",
    simulationOnly: true,
  },
  AUTHORIZATION_END: {
    summary: 'The seller ends an approved authorization (DH-CANCEL, wrong accounting points).',
    simulationOnly: true,
  },
};
