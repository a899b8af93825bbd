// Hostile-input guard and namespace-aware reading/writing, shared by the EDA and Datahub codecs.
export { decodeXmlInput } from './decode.ts';
export { DEFAULT_XML_LIMITS, guardXml, inspectXml, type XmlLimits } from './guard.ts';
export { handReading, type ReadingKind, takeHandedReading } from './handed.ts';
export {
  positionAt,
  XmlInputError,
  type XmlInputErrorCode,
  type XmlPosition,
  type XmlRefusalKind,
} from './input-error.ts';
export { firstElementMatch, rawMessageCode } from './scan.ts';
export {
  decodeReferences,
  readXmlTree,
  type XmlAttribute,
  type XmlElement,
} from './tree.ts';
export { writeXml, type XmlNodeOut, type XmlWriteOptions } from './write.ts';
