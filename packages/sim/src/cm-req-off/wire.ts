// The CM_REQ_OFF wire helpers other packages build on (e.g. @consent-sim/msw): the same EDA
// documents and ids the engine writes, so a reference party outside the engine says the same.
export {
  consentRequestDocument,
  consentRequestView,
  notificationDocument,
  notificationView,
  type Routing,
  revokeDocument,
  revokeView,
} from './eda-documents.ts';
export { IdMinter, type RequestIds } from './ids.ts';
