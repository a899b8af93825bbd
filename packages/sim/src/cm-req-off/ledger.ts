/**
 * What a CM_REQ_OFF run did, as the engine saw it: ConsentId statuses in trace order (from the
 * DSO's `consent` emissions), the ConsentRequests that reached the DSO with the status their
 * ConsentId had at that moment, the DSO's answers, objections, data deliveries and the QR
 * outcome. The codecs and a trace listener fill it; invariants and outcome labels read it, so
 * they work in both trace modes.
 */
import type { TraceEvent } from '../trace.ts';

export interface ReceivedRequest {
  readonly atMs: number;
  readonly messageId: string;
  readonly cmRequestId: string;
  readonly conversationId: string;
  readonly consentId?: string;
  readonly meteringPoint?: string;
  readonly senderAddress: string;
  /** The ConsentId's status when the request arrived (undefined: unknown to the DSO). */
  readonly statusOnArrival?: string;
  /** MessageId or CMRequestId already reached the DSO before (OFF-RESPONSE-CODES row 1). */
  readonly duplicate: boolean;
}

export interface DsoAnswer {
  readonly atMs: number;
  readonly messageCode: string;
  readonly conversationId: string;
  readonly cmRequestId: string;
  readonly consentId?: string;
  readonly responseCodes: readonly number[];
}

export interface DataDelivery {
  readonly atMs: number;
  readonly consentId: string;
  readonly meteringPoint: string;
  readonly kind: string;
  /** The ConsentId's status when the data left the DSO. */
  readonly status?: string;
  readonly source: 'data emission' | 'DATEN_CRMSG';
  /** Ledger order: breaks ties between records of the same instant. */
  readonly order: number;
}

export class CmReqOffLedger {
  /** Latest status per ConsentId, in order of issue. */
  readonly status = new Map<string, string>();
  /** Every status a ConsentId went through, with its instant. */
  readonly history = new Map<string, { atMs: number; status: string }[]>();
  readonly requests: ReceivedRequest[] = [];
  readonly answers: DsoAnswer[] = [];
  readonly deliveries: DataDelivery[] = [];
  /** Objections (customer mails) that reached the DSO, by ConsentId: the first one. */
  readonly objectedAt = new Map<string, { atMs: number; order: number }>();
  #order = 0;
  readonly tooLarge: { atMs: number; payloadBytes: number; capacityBytes: number }[] = [];
  /** Applications the DSO refused because it could not authenticate the customer. */
  notAuthenticated = 0;
  readonly #seenIds = new Set<string>();
  /** Per ConsentId, the CMRequestId of the SP's last ANFORDERUNG_CMQF (for ANTWORT_CCMC). */
  readonly spRequestIds = new Map<string, string>();
  /** ConsentIds in the order the DSO issued them (for `consent: n` in stimuli). */
  readonly issued: string[] = [];
  readonly #onIssued: ((consentId: string, index: number) => void)[] = [];

  /** Calls `listener` with every ConsentId the DSO issues (0-based index). */
  onIssued(listener: (consentId: string, index: number) => void): void {
    this.#onIssued.push(listener);
  }

  /** Reads `consent` state changes and `data` events off the trace as they are recorded. */
  observe(event: TraceEvent): void {
    const detail = event.detail as Record<string, unknown> | null;
    if (detail === null || typeof detail !== 'object') return;
    if (event.kind === 'state' && detail.type === 'consent') {
      const consentId = String(detail.consentId);
      const status = String(detail.status);
      if (!this.status.has(consentId)) {
        this.issued.push(consentId);
        for (const listener of this.#onIssued) listener(consentId, this.issued.length - 1);
      }
      this.status.set(consentId, status);
      const history = this.history.get(consentId) ?? [];
      history.push({ atMs: event.atMs, status });
      this.history.set(consentId, history);
    } else if (event.kind === 'data') {
      const consentId = String(detail.consentId);
      this.deliveries.push({
        atMs: event.atMs,
        consentId,
        meteringPoint: String(detail.meteringPoint),
        kind: String(detail.kind),
        status: this.status.get(consentId),
        source: 'data emission',
        order: this.next(),
      });
    }
  }

  /** The next ledger order number. */
  next(): number {
    this.#order += 1;
    return this.#order;
  }

  /** An objection mail naming `consentIds` reached the DSO. */
  objectionArrived(atMs: number, consentIds: readonly string[]): void {
    const order = this.next();
    for (const consentId of consentIds) {
      if (!this.objectedAt.has(consentId)) this.objectedAt.set(consentId, { atMs, order });
    }
  }

  /** A ConsentRequest reached the DSO (valid document). */
  requestArrived(
    atMs: number,
    view: Omit<ReceivedRequest, 'atMs' | 'statusOnArrival' | 'duplicate'>,
  ): void {
    const duplicate = this.#seenIds.has(view.messageId) || this.#seenIds.has(view.cmRequestId);
    this.#seenIds.add(view.messageId);
    this.#seenIds.add(view.cmRequestId);
    const statusOnArrival =
      view.consentId === undefined ? undefined : this.status.get(view.consentId);
    this.requests.push({ ...view, atMs, duplicate, statusOnArrival });
  }

  /** A damaged ConsentRequest reached the DSO: the ids it still showed count as seen. */
  damagedRequestArrived(ids: { messageId?: string; cmRequestId?: string }): void {
    if (ids.messageId !== undefined) this.#seenIds.add(ids.messageId);
    if (ids.cmRequestId !== undefined) this.#seenIds.add(ids.cmRequestId);
  }
}
