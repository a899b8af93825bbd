/**
 * The shape every process catalogue has, whatever its documents call things: steps with their
 * ids, lanes, kinds and aliases; gateways with their branches; deadlines; message codes. Each
 * process keeps its own richer constants and exports a `catalogue` of this type, so coverage,
 * reporters and the next process can read any catalogue the same way.
 */

export type CatalogueStepKind = 'task' | 'gateway' | 'event' | 'end';

/** Another id the documents use for a step. */
export interface CatalogueStepAlias {
  readonly id: string;
  /** Where the alias comes from (e.g. `diagram`, `normalised`). */
  readonly source: string;
  readonly note?: string;
}

export interface CatalogueStep<StepId extends string = string, Lane extends string = string> {
  readonly id: StepId;
  readonly lane: Lane;
  readonly kind: CatalogueStepKind;
  readonly aliases: readonly CatalogueStepAlias[];
  /** What the step does, in English. */
  readonly title: string;
  /** Codes of the messages the step sends or receives. */
  readonly messageCodes: readonly string[];
  /** Interpretation keys of the readings the step follows. */
  readonly interpretations: readonly string[];
  /** The documents name no message or step for it; the reference models one. */
  readonly simulationOnly: boolean;
}

export interface CatalogueBranch<StepId extends string = string> {
  readonly id: string;
  readonly when: string;
  /** The step taken on this branch, or null when nothing further happens. */
  readonly next: StepId | null;
  /** The response code the branch answers with, where it has one. */
  readonly responseCode?: number;
}

export interface CatalogueGateway<StepId extends string = string> {
  readonly id: string;
  readonly question: string;
  readonly branches: readonly CatalogueBranch<StepId>[];
}

export interface CatalogueDeadline {
  readonly key: string;
  /** The zone whose calendar days count. */
  readonly zone: string;
  /** Calendar days, or null when the document (or the request) gives the instant. */
  readonly days: number | null;
  readonly summary: string;
  readonly interpretations: readonly string[];
}

export interface CatalogueMessageCode {
  readonly code: string;
  readonly title: string;
  readonly simulationOnly: boolean;
}

/**
 * One process's catalogue in the common shape.
 *
 * @example
 * const steps = cmReqOff.catalogue.steps.filter((step) => step.lane === 'VNB');
 */
export interface ProcessCatalogue<StepId extends string = string, Lane extends string = string> {
  readonly process: string;
  /** The process's name in English. */
  readonly title: string;
  /** The zone of every date and day count of the process. */
  readonly zone: string;
  readonly lanes: readonly Lane[];
  /** Every step, in the documents' order. */
  readonly steps: readonly CatalogueStep<StepId, Lane>[];
  readonly gateways: readonly CatalogueGateway<StepId>[];
  readonly deadlines: readonly CatalogueDeadline[];
  readonly messageCodes: readonly CatalogueMessageCode[];
}
