// Public API of the coverage area; the package entry re-exports these by name.
export { computeCoverage } from './coverage.ts';
export { renderCoverageText } from './render.ts';
export {
  COVERAGE_CATEGORIES,
  COVERAGE_PROCESSES,
  type Coverage,
  type CoverageCategory,
  type CoverageCategoryName,
  type CoverageItem,
  type CoverageProcess,
  type UncoveredItem,
} from './types.ts';
