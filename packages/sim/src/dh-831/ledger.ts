/**
 * What one DH-831 run has shown so far, kept as the trace is written (so it works in summary
 * mode too) and by the outbound codec (which sees the intents behind the documents). The
 * invariants and the outcome read it; it lives exactly as long as one run's wiring.
 */
import type { TraceEvent } from '../trace.ts';

/** Final request statuses (DH-END-DATE, DH-CANCEL, DH-PARTIAL). */
export const FINAL_STATUSES: readonly string[] = ['Approved', 'Rejected', 'Expired', 'Cancelled'];

export interface AuthorizationRecord {
  readonly status: 'Active' | 'Ended';
  readonly accountingPoints: readonly string[];
}

export interface AckRecord {
  readonly atMs: number;
  /** The DH-831 / DH-851 acknowledged, null for a technical fault (nothing copied). */
  readonly original: { readonly messageType: string; readonly requestId: string } | null;
  readonly result: string;
  readonly errors: readonly { readonly errorId: string; readonly text: string }[];
}

export interface MailRecord {
  readonly atMs: number;
  readonly kind: 'notification' | 'reminder';
  readonly requestId: string;
  /** The request's status when Datahub sent the mail (null: never stored). */
  readonly statusAtSend: string | null;
}

export interface DataRecord {
  readonly atMs: number;
  readonly requestId: string;
  readonly accountingPoint: string;
  /** The authorization of that request as it stood when the data was fetched. */
  readonly authorization: AuthorizationRecord | null;
}

type Fields = Readonly<Record<string, unknown>>;

const fields = (detail: unknown): Fields =>
  typeof detail === 'object' && detail !== null ? (detail as Fields) : {};

/**
 * @example
 * const ledger = new Dh831Ledger();
 * sim.trace.listen((event) => ledger.observe(event));
 */
export class Dh831Ledger {
  /** Every status a request was given, in order. */
  readonly statuses = new Map<string, string[]>();
  readonly authorizations = new Map<string, AuthorizationRecord>();
  readonly acks: AckRecord[] = [];
  readonly mails: MailRecord[] = [];
  readonly data: DataRecord[] = [];
  /** The customer's decision per request, as sent to the Authorization Service. */
  readonly decisions = new Map<string, 'approve' | 'reject'>();
  readonly deletions: { readonly requestId: string; readonly meteringPoints: readonly string[] }[] =
    [];

  observe(event: TraceEvent): void {
    const detail = fields(event.detail);
    if (event.kind === 'state' && detail.type === 'request') {
      const id = String(detail.requestId);
      this.statuses.set(id, [...(this.statuses.get(id) ?? []), String(detail.status)]);
    } else if (event.kind === 'note' && detail.type === 'authorization') {
      const points = Array.isArray(detail.accountingPoints) ? detail.accountingPoints : [];
      this.authorizations.set(String(detail.requestId), {
        status: detail.status === 'Active' ? 'Active' : 'Ended',
        accountingPoints: points.map(String),
      });
    } else if (event.kind === 'note' && detail.type === 'data-deleted') {
      const points = Array.isArray(detail.meteringPoints) ? detail.meteringPoints : [];
      this.deletions.push({
        requestId: String(detail.requestId),
        meteringPoints: points.map(String),
      });
    } else if (event.kind === 'data') {
      const requestId = String(detail.consentId);
      this.data.push({
        atMs: event.atMs,
        requestId,
        accountingPoint: String(detail.meteringPoint),
        authorization: this.authorizations.get(requestId) ?? null,
      });
    }
  }

  /** The latest status of a request, or null when Datahub never stored it. */
  status(requestId: string): string | null {
    return this.statuses.get(requestId)?.at(-1) ?? null;
  }
}
