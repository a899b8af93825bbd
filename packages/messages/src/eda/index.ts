// Public API of the EDA wire layer, re-exported by name.
export {
  DEFAULT_XML_LIMITS,
  guardXml,
  readXmlTree,
  writeXml,
  type XmlElement,
  XmlInputError,
  type XmlInputErrorCode,
  type XmlLimits,
  type XmlNodeOut,
  type XmlPosition,
} from '../xml/index.ts';
export { type BuildEdaOptions, buildEdaXml } from './build.ts';
export { EdaDocumentError } from './errors.ts';
export {
  COMMON_TYPES_NAMESPACE,
  DEFAULT_EDA_VERSION,
  EDA_VERSIONS,
  edaNamespace,
  edaSchemaFileName,
} from './namespaces.ts';
export { type ParsedEdaDocument, parseEdaXml } from './parse.ts';
export {
  type EdaSampleCode,
  type EdaSampleDocument,
  type EdaSampleInfo,
  listEdaSamples,
  sampleEdaDocument,
} from './samples.ts';
export {
  type AttributeRule,
  type DocumentRule,
  documentRule,
  type ElementRule,
  ruleNamespace,
} from './schema-model.ts';
export type { SimpleTypeRule } from './simple-types.ts';
export type {
  AdditionalData,
  AddressType,
  CMNotificationDocument,
  CMNotificationProcessDirectory,
  CMNotificationVersion,
  CMRequestDetails,
  CMRequestDocument,
  CMRequestProcessDirectory,
  CMRequestVersion,
  CMRevokeDocument,
  CMRevokeProcessDirectory,
  CMRevokeVersion,
  CustomerData,
  DocumentMode,
  EdaDocument,
  EdaDocumentType,
  EdaEnvelope,
  EdaVersion,
  EdaVersionOf,
  EnergyDirection,
  MeteringIntervall,
  ParamHist,
  ResponseData,
  RevokeReasonKey,
  RoutingAddress,
  RoutingHeader,
  TransmissionCycle,
  ValidationIssue,
} from './types.ts';
export { type EdaXmlValidation, validateEda, validateEdaXml } from './validate.ts';
export { type SchemaFile, validateAgainstXsd } from './xsd.ts';
