// Public API of the test-vector area; the package entry re-exports these by name.
export {
  type CollectPathsOptions,
  collectPaths,
  PATH_SOURCES,
  type PathSource,
  type SkippedPath,
  type SourcedPath,
} from './sources.ts';
