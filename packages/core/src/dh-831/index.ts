// Public API of DH-831 (Datahub authorization request, with DH-851 cancellation).
export {
  type AuthorizationRequestContext,
  type AuthorizationRequestEvent,
  type AuthorizationRequestInput,
  authorizationRequestMachine,
  type RequestOutputEvent,
} from './authorization-request.ts';
export {
  DH831_CATALOGUE,
  DH831_DEADLINES,
  DH831_GATEWAYS,
  DH831_ZONE,
  type Dh831Branch,
  type Dh831Gateway,
  type Dh831GatewayKey,
  REQUEST_STATUSES,
  type RequestStatus,
} from './catalogue.ts';
export { type CustomerContext, type CustomerInput, customerMachine } from './customer.ts';
export {
  cancelRefusal,
  type DatahubContext,
  type DatahubInput,
  datahubMachine,
  type RegisteredRequest,
} from './datahub.ts';
export type {
  AuthorizationDecision,
  AuthorizationEnd,
  CustomerEvent,
  DatahubAckView,
  DatahubEvent,
  DatahubIntent,
  Dh825ApprovalView,
  Dh831Output,
  Dh831RequestView,
  Dh851CancelView,
  EmailIntent,
  SellerEvent,
} from './events.ts';
export { type MailContext, notificationMail, reminderMail } from './mail-texts.ts';
export { DH831_MESSAGES, type Dh831MessageType } from './message-types.ts';
export { catalogue } from './process-catalogue.ts';
export {
  type SellerContext,
  type SellerInput,
  type SellerRequest,
  sellerMachine,
} from './seller.ts';
export { type AnnounceStep, type Dh831StateMeta, realises } from './step-state.ts';
export {
  DH831_LANES,
  DH831_STEP_KEYS,
  DH831_STEPS,
  type Dh831Lane,
  type Dh831StepDefinition,
  type Dh831StepKey,
  type SeedSection,
} from './steps.ts';
export {
  type RequestTimes,
  type RequestValidation,
  validateAuthorizationRequest,
} from './validation.ts';
