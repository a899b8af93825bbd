// Public API of CM_REQ_OFF: catalogue data, deadline arithmetic, message types and role machines.

// Shared by every EDA process (../eda/); re-exported so `cmReqOff.*` keeps its names.
export { consentIdFor } from '../eda/consent-id.ts';
export { delayUntil, isInTime, startOfLocalDate, timeoutInstant } from '../eda/deadlines.ts';
export type { DsoProfile } from '../eda/dso-registry.ts';
export {
  CM_RESPONSE_CODES,
  type ResponseCode,
  type ResponseCodeEntry,
} from '../eda/response-codes.ts';
export {
  CM_REQ_OFF_STEP_IDS,
  CM_REQ_OFF_STEPS,
  type CmReqOffStepId,
  type Lane,
  type Step,
  type StepAlias,
  type StepKind,
  type StepMatch,
  stepById,
} from './catalogue.ts';
export {
  CM_REQ_OFF_MESSAGE_CODES,
  type MessageCode,
  type MessageCodeEntry,
} from './codes.ts';
// Prefixed: DH-831 has its own customer machine in the same package entry.
export {
  type CustomerInput as CmReqOffCustomerInput,
  customerMachine as cmReqOffCustomerMachine,
} from './customer.ts';
export { nextPeriodicDelivery, objectionDeadline, redemptionDeadline } from './deadlines.ts';
export type {
  ConsentEmitted,
  ConsentStatus,
  CustomerEvent as CmReqOffCustomerEvent,
  DataEmitted,
  InvalidDocumentEvent,
  MailReceivedEvent,
  PartyEmitted,
  QrCreatedEvent,
  QrDocumentRequest,
  QrReceivedEvent,
  QrRequestEmitted,
  QrTooLargeEvent,
  ReceiveEvent,
  SendEmitted,
  ServiceProviderEvent,
  StepEmitted,
  VnbEmitted,
  VnbEvent,
} from './events.ts';
export {
  CM_REQ_OFF_DEADLINES,
  CM_REQ_OFF_GATEWAYS,
  type Deadline,
  type Gateway,
  type GatewayBranch,
} from './gateways.ts';
export type {
  ConsentApplication,
  ConsentNotificationIntent,
  ConsentNotificationView,
  ConsentRequestData,
  ConsentRequestIntent,
  ConsentRequestView,
  ConsumptionRecordIntent,
  ConsumptionRecordView,
  DataRequestIntent,
  DataRequestView,
  DataTrigger,
  EdaIntent,
  Mail,
  MailChannel,
  MailTopic,
  MeteringIntervall,
  RevokeIntent,
  RevokeView,
  TransmissionCycle,
} from './messages.ts';
export { catalogue } from './process-catalogue.ts';
export {
  type ServiceProviderInput,
  type SpConsentStatus,
  type SpRecord,
  serviceProviderMachine,
} from './service-provider.ts';
export { vnbMachine, vnbWithConsentMachine } from './vnb.ts';
export { vnbConsentMachine } from './vnb-consent.ts';
export {
  type ConsentReport,
  type Redemption,
  redemptionRecord,
  type VnbConsentEvent,
  type VnbConsentInput,
} from './vnb-consent-context.ts';
export type { VnbInput } from './vnb-context.ts';
export { type ConsentRecord, consentRequestRejection, type DsoRegistry } from './vnb-registry.ts';
