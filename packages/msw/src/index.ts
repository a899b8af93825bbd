// Public entry of @consent-sim/msw: the reference DSO (CM_REQ_OFF) and Datahub (DH-831) as msw
// handlers on a virtual clock, for testing your own HTTP client in the same process.

export {
  createDatahubHandlers,
  type DatahubController,
  type DatahubHandlersOptions,
} from './datahub-handlers.ts';
export {
  type DeliveryIssue,
  type DeliveryResult,
  httpStatus,
} from './delivery.ts';
export { createDsoHandlers, type DsoController, type DsoHandlersOptions } from './dso-handlers.ts';
export { endpoint } from './http-common.ts';
export { Outbox, type OutboxFilter, type OutboxMessage, outboxFilter } from './outbox.ts';
export {
  createReferenceDatahub,
  type DatahubMail,
  type ReferenceDatahub,
  type ReferenceDatahubOptions,
} from './reference-datahub.ts';
export {
  type CustomerMail,
  createReferenceDso,
  type IssueConsentInput,
  type IssuedConsent,
  type ReferenceDso,
  type ReferenceDsoOptions,
} from './reference-dso.ts';
export { createSutProtocolHandlers, type SutProtocolHandle } from './sut-handlers.ts';
export { type ClockSource, DEFAULT_START } from './virtual-time.ts';
