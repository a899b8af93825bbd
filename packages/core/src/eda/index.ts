// Public API of the EDA layer: what every EDA consent process shares (ConsentIds, the DSO's
// registry, Vienna calendar-day deadlines, CM response codes), separate from any one process.
export { consentIdFor } from './consent-id.ts';
export {
  calendarDaysAfter,
  delayUntil,
  EDA_ZONE,
  isInTime,
  startOfLocalDate,
  timeoutInstant,
} from './deadlines.ts';
export {
  type ConsentRecord,
  type DsoProfile,
  type DsoRegistry,
  emptyRegistry,
  isMeteringPointOf,
  markSeen,
} from './dso-registry.ts';
export {
  CM_RESPONSE_CODES,
  type ResponseCode,
  type ResponseCodeEntry,
} from './response-codes.ts';
