// Public API of the Datahub area (DH-831 / DH-851): the reference's own XML, its rules and e-mails.
export { buildDatahubXml } from './build.ts';
export {
  type ChildSpec,
  DH831_PROCESS,
  DH851_PROCESS,
  HEADER_SEQUENCE,
  ROOT_ELEMENT,
  SEQUENCES,
} from './elements.ts';
export { buildEmail, type EmailInput, type Mailbox } from './email.ts';
export {
  ackError,
  DATAHUB_ERRORS,
  type DatahubErrorDefinition,
  type DatahubErrorId,
  type DatahubErrorLevel,
  isTechnicalIssue,
} from './errors.ts';
export { DatahubDocumentError, type ParsedDatahubDocument, parseDatahubXml } from './parse.ts';
export {
  checkDatahubHeader,
  checkDh831Process,
  checkDh851Process,
  DESCRIPTION_MAX_LENGTH,
  isValidCustomerId,
} from './rules.ts';
export {
  type DatahubSample,
  type DatahubSampleKind,
  listDatahubSamples,
  sampleDatahubDocument,
} from './samples.ts';
export {
  type AckError,
  type AcknowledgedProcess,
  type Acknowledgement,
  AUTHORIZATION_REASONS,
  type AuthorizationReason,
  type AuthorizationRecipient,
  DATAHUB_NAMESPACE,
  type DatahubAckDocument,
  type DatahubDocument,
  type DatahubHeader,
  type DatahubMessageType,
  type Dh825ApprovalDocument,
  type Dh831Process,
  type Dh831RequestDocument,
  type Dh851CancelDocument,
  type Dh851Process,
} from './types.ts';
export { type DatahubXmlValidation, validateDatahub, validateDatahubXml } from './validate.ts';
export { datahubInstant, isCalendarDate, isEmailAddress } from './values.ts';
