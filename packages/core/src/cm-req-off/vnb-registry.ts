/**
 * The DSO's registry of ConsentIds and seen message ids, and the checks of gateway VNB_06 in
 * their order (`OFF-RESPONSE-CODES`). The registry is mutated in place: one DSO holds up to
 * 100 000 consents in the load test, and copying it per event would be quadratic.
 */
import type { ResponseCode } from './codes.ts';
import type { ConsentStatus } from './events.ts';
import type { ConsentRequestView } from './messages.ts';

export interface ConsentRecord {
  status: ConsentStatus;
  meteringPoint: string;
}

export interface DsoRegistry {
  consents: Map<string, ConsentRecord>;
  seenMessageIds: Set<string>;
  seenCmRequestIds: Set<string>;
}

export function emptyRegistry(): DsoRegistry {
  return { consents: new Map(), seenMessageIds: new Set(), seenCmRequestIds: new Set() };
}

/** The DSO facts the checks need besides the registry. */
export interface DsoProfile {
  address: string;
  registeredServiceProviders: ReadonlySet<string>;
}

/** Statuses in which a ConsentId can no longer be redeemed (180: expired). */
const ENDED: ReadonlySet<ConsentStatus> = new Set([
  'expired',
  'invalidated',
  'rejected',
  'revoked',
]);
/** Statuses in which the ConsentId was already redeemed (178: consent already exists). */
const REDEEMED: ReadonlySet<ConsentStatus> = new Set(['redeemed', 'active']);

/**
 * The negative ResponseCode for a ConsentRequest, or `undefined` if it is valid. Checks run in
 * this order and the first that fails decides: duplicate message (179), sender not registered
 * or metering point missing (76), metering point not this DSO's (56), ConsentId missing or
 * unknown (177), ConsentId ended (180), metering point not the ConsentId's (187), ConsentId
 * already redeemed (178).
 *
 * @example consentRequestRejection(registry, dso, request) // → 177 for an unknown ConsentId
 */
export function consentRequestRejection(
  registry: DsoRegistry,
  dso: DsoProfile,
  request: ConsentRequestView,
): ResponseCode | undefined {
  if (registry.seenMessageIds.has(request.messageId)) return 179;
  if (registry.seenCmRequestIds.has(request.cmRequestId)) return 179;
  if (!dso.registeredServiceProviders.has(request.senderAddress)) return 76;
  if (request.meteringPoint === undefined) return 76;
  // A metering point id starts with "AT" and the 6-digit DSO number, i.e. the DSO's address.
  if (!request.meteringPoint.startsWith(dso.address)) return 56;
  const consent =
    request.consentId === undefined ? undefined : registry.consents.get(request.consentId);
  if (consent === undefined) return 177;
  if (ENDED.has(consent.status)) return 180;
  if (consent.meteringPoint !== request.meteringPoint) return 187;
  if (REDEEMED.has(consent.status)) return 178;
  return undefined;
}

/** Records the ids of a received ConsentRequest so that a repetition is a duplicate (179). */
export function markSeen(registry: DsoRegistry, request: Partial<ConsentRequestView>): void {
  if (request.messageId !== undefined) registry.seenMessageIds.add(request.messageId);
  if (request.cmRequestId !== undefined) registry.seenCmRequestIds.add(request.cmRequestId);
}
