// Public API of the test-vector area; the package entry re-exports these by name.
export { checkAgainstSchema, type JsonSchema } from './check-schema.ts';
export { vectorSchema } from './schema.ts';
export {
  type CollectPathsOptions,
  collectPaths,
  PATH_SOURCES,
  type PathSource,
  type SkippedPath,
  type SourcedPath,
} from './sources.ts';
export {
  buildVector,
  renderVector,
  type TestVector,
  VECTOR_FORMAT,
  type VectorDocument,
  type VectorInstant,
  type VectorStimulus,
  vectorFileName,
} from './vector.ts';
