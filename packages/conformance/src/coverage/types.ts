/** The result shape of {@link computeCoverage}: one entry per category, items in catalogue order. */

/**
 * What is counted. `responseCodes` exists for CM_REQ_OFF only (CM response codes on EDA
 * documents), `errorIds` for DH-831 only (the `EC.*` ids of negative ACKs).
 */
export type CoverageCategoryName =
  | 'steps'
  | 'gateways'
  | 'messageCodes'
  | 'responseCodes'
  | 'errorIds'
  | 'deadlines';

/** One countable item: a step id, a gateway branch, a code, a deadline side. */
export interface CoverageItem {
  id: string;
  /** Other ids the documents use for the same item (steps of CM_REQ_OFF, `OFF-STEP-IDS`). */
  aliases?: readonly string[];
  /** The runs (scenario or path names) whose trace shows the item, in run order. */
  coveredBy: readonly string[];
}

/** An item no run covered; `reason` cites an interpretation key when the gap is by design. */
export interface UncoveredItem {
  id: string;
  reason?: string;
}

export interface CoverageCategory {
  covered: number;
  total: number;
  uncovered: UncoveredItem[];
  items: CoverageItem[];
}

export interface Coverage {
  process: string;
  /** How many runs were analysed. */
  runs: number;
  categories: Partial<Record<CoverageCategoryName, CoverageCategory>>;
  /** True when every category is complete or every gap carries a reason. */
  complete: boolean;
}
