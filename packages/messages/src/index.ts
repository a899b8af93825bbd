// Public entry of @consent-sim/messages: each area re-exports its API by name.
export * from './datahub/index.ts';
export {
  type DocumentFamily,
  type DocumentValidation,
  listSamples,
  type SampleInfo,
  sampleXml,
  validateDocumentXml,
} from './documents.ts';
export * from './eda/index.ts';
export * from './ids/index.ts';
// The namespace-resolved reader, and readings made on another thread (sim serve's worker).
export {
  firstElementMatch,
  handReading,
  type ReadingKind,
  rawMessageCode,
  readXmlTree,
  takeHandedReading,
  type XmlAttribute,
  type XmlElement,
} from './xml/index.ts';
