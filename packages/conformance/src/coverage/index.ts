// Public API of the coverage area; the package entry re-exports these by name.
export { conformRuns } from './conform-runs.ts';
export { type CoverageRun, computeCoverage } from './coverage.ts';
export {
  emptyObserved,
  type Observed,
  type ProcessCoverageModel,
  type UniverseItem,
} from './observed.ts';
export { renderCoverageText } from './render.ts';
export type {
  Coverage,
  CoverageCategory,
  CoverageCategoryName,
  CoverageItem,
  UncoveredItem,
} from './types.ts';
