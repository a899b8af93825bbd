/**
 * The DSO machine's context and events, and the applications it holds between VNB_01 and the
 * engine's answer to `qr.request` (vnb.ts). Shared by the machine and by vnb-consents.ts.
 */
import type { ActorRefFrom } from 'xstate';
import type { QrDocumentRequest, VnbEvent } from './events.ts';
import type { ConsentApplication } from './messages.ts';
import type { vnbConsentMachine } from './vnb-consent.ts';
import type { ConsentReport } from './vnb-consent-context.ts';
import type { DsoRegistry } from './vnb-registry.ts';

export interface VnbInput {
  /** The DSO's EDA address (AT + 6 digits); its metering points start with it. */
  address: string;
  /** Service providers registered at ebutilities.at (a precondition of the page; else 76). */
  registeredServiceProviders: readonly string[];
}

/** An application between VNB_01 and the engine's answer to `qr.request`. */
export interface PendingApplication {
  customer: { party: string; channel: 'email' | 'post' };
  documents: QrDocumentRequest[];
  issuedAt: number;
}

export interface VnbContext {
  address: string;
  registeredServiceProviders: ReadonlySet<string>;
  /** Mutated in place, like the two maps below (see ../eda/dso-registry.ts). */
  registry: DsoRegistry;
  pending: Map<string, PendingApplication>;
  /** Live consent machines by ConsentId; a finished one is dropped. */
  consents: Map<string, ActorRefFrom<typeof vnbConsentMachine>>;
  consentSerial: number;
  applicationSerial: number;
}

/** Everything the DSO machine receives: the engine's events and its consents' reports. */
export type VnbMachineEvent =
  | VnbEvent
  | ConsentReport
  | { type: 'consent.done'; consentId: string };

export const applicationOf = (event: VnbMachineEvent): ConsentApplication | undefined =>
  event.type === 'mail.received' && event.mail.topic.kind === 'application'
    ? event.mail.topic.application
    : undefined;

export const applicationId = (serial: number) => `A${serial}`;

/** The application `event` concerns: the one `qr.created`/`qr.tooLarge` names, else the latest. */
export function pendingOf(
  context: VnbContext,
  event: VnbMachineEvent,
): PendingApplication & { id: string } {
  const id =
    event.type === 'qr.created' || event.type === 'qr.tooLarge'
      ? event.applicationId
      : applicationId(context.applicationSerial);
  const pending = context.pending.get(id);
  if (pending === undefined) {
    throw new Error(
      `consent-sim: cm-req-off/vnb.ts: no application "${id}" awaits a QR code; answer each qr.request once, with its applicationId`,
    );
  }
  return { ...pending, id };
}
