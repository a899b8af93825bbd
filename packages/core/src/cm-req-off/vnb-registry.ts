/**
 * The checks of gateway VNB_06 against the DSO's registry (../eda/dso-registry.ts), in their
 * order (`OFF-RESPONSE-CODES`), and the registry typed with the CM_REQ_OFF consent statuses.
 */
import {
  type DsoProfile,
  type ConsentRecord as EdaConsentRecord,
  type DsoRegistry as EdaDsoRegistry,
  emptyRegistry as emptyEdaRegistry,
  isMeteringPointOf,
} from '../eda/dso-registry.ts';
import type { ResponseCode } from '../eda/response-codes.ts';
import type { ConsentStatus } from './events.ts';
import type { ConsentRequestView } from './messages.ts';

export type ConsentRecord = EdaConsentRecord<ConsentStatus>;
export type DsoRegistry = EdaDsoRegistry<ConsentStatus>;

export const emptyRegistry = (): DsoRegistry => emptyEdaRegistry<ConsentStatus>();

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
  if (!isMeteringPointOf(request.meteringPoint, dso.address)) return 56;
  const consent =
    request.consentId === undefined ? undefined : registry.consents.get(request.consentId);
  if (consent === undefined) return 177;
  if (ENDED.has(consent.status)) return 180;
  if (consent.meteringPoint !== request.meteringPoint) return 187;
  if (REDEEMED.has(consent.status)) return 178;
  return undefined;
}
