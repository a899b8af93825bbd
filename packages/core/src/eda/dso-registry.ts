/**
 * What a DSO (Verteilernetzbetreiber) keeps about the consents it issued and the messages it
 * received, in every EDA consent process: ConsentId → status and metering point, and the message
 * ids already seen (a repetition is a duplicate, 179). Mutated in place: one DSO holds up to
 * 100 000 consents in the load test, and copying the registry per event would be quadratic.
 */

export interface ConsentRecord<Status extends string = string> {
  status: Status;
  meteringPoint: string;
}

export interface DsoRegistry<Status extends string = string> {
  consents: Map<string, ConsentRecord<Status>>;
  seenMessageIds: Set<string>;
  seenCmRequestIds: Set<string>;
}

/** @example const registry = emptyRegistry<ConsentStatus>(); */
export function emptyRegistry<Status extends string = string>(): DsoRegistry<Status> {
  return { consents: new Map(), seenMessageIds: new Set(), seenCmRequestIds: new Set() };
}

/** The DSO facts the checks of a request need besides the registry. */
export interface DsoProfile {
  address: string;
  registeredServiceProviders: ReadonlySet<string>;
}

/** A metering point id starts with "AT" and the 6-digit DSO number, i.e. the DSO's address. */
export function isMeteringPointOf(meteringPoint: string, dsoAddress: string): boolean {
  return meteringPoint.startsWith(dsoAddress);
}

/** Records the ids of a received request so that a repetition is a duplicate (179). */
export function markSeen(
  registry: DsoRegistry,
  request: { readonly messageId?: string; readonly cmRequestId?: string },
): void {
  if (request.messageId !== undefined) registry.seenMessageIds.add(request.messageId);
  if (request.cmRequestId !== undefined) registry.seenCmRequestIds.add(request.cmRequestId);
}
