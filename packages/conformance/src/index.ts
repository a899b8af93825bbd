// Public entry of @consent-sim/conformance. One block of named re-exports per area.

// Coverage over traces, test vectors, seeded random runs (helper L's areas).
export {
  type Coverage,
  type CoverageCategory,
  type CoverageCategoryName,
  type CoverageItem,
  type CoverageRun,
  computeCoverage,
  conformRuns,
  emptyObserved,
  type Observed,
  type ProcessCoverageModel,
  renderCoverageText,
  type UncoveredItem,
  type UniverseItem,
} from './coverage/index.ts';
export {
  CM_REQ_OFF_EVENTS,
  type CmReqOffEventType,
  cmReqOffModel,
  cmReqOffTestMachine,
} from './model/cm-req-off/index.ts';
export {
  DH831_EVENTS,
  type Dh831EventType,
  dh831Model,
  dh831TestMachine,
} from './model/dh-831/index.ts';
export { endOfLocalDay, startOfLocalDay } from './model/local-day.ts';
export {
  type ExpectedStep,
  RunBuilder,
  type TimedMessage,
  type TimedStimulus,
} from './model/run-builder.ts';
// Model-based paths (abstract test models, path generation).
export type {
  AbstractEvent,
  ProcessModel,
  ScenarioFrame,
} from './model/types.ts';
// Mutants: deliberately wrong role implementations served through the SUT protocol (helper O).
export {
  CM_REQ_OFF_MUTANTS,
  CM_REQ_OFF_VARIANTS,
  DH_831_MUTANTS,
  DH_831_VARIANTS,
  dsoWithConsents,
  inMemoryTransport,
  type Mutant,
  type MutantResult,
  type MutantRunOptions,
  type MutantVerdict,
  type MutationScore,
  mutationScore,
  runMutant,
  runRoleUntilFail,
  runVariant,
  type Variant,
  type VariantCounts,
  type VariantResult,
  type VariantRunOptions,
  type VariantVerdict,
} from './mutants/index.ts';
export {
  type AnswerClass,
  type ClassedAnswer,
  casesFor,
  judgeCase,
  type NegativeCase,
  type NegativeSuite,
  negativeBase,
  negativeCaseId,
  runNegativeSuite,
} from './negative/index.ts';
export {
  type GeneratedPaths,
  type GeneratePathsOptions,
  generatePaths,
  type ModelPath,
} from './paths/generate.ts';
export { pathId } from './paths/path-id.ts';
export { replayEvents, scenarioFor } from './paths/to-scenario.ts';
export {
  type PluginTable,
  type ProcessPlugin,
  type RandomRunMenu,
  tableOf,
} from './process/plugin.ts';
// The registry of processes and the plug-in seam (docs/adding-a-process.md).
export type {
  CodeVerdict,
  DocumentRead,
  JudgingPolicy,
  XmlReading,
} from './process/policy.ts';
export {
  cmReqOffPlugin,
  dh831Plugin,
  PROCESSES,
  type ProcessName,
  type RoleName,
} from './processes/index.ts';
export type { Reading } from './readings/types.ts';
export {
  checkRandomRuns,
  FAULT_KINDS,
  invariantJudge,
  judgeRandomRun,
  KeepError,
  type RandomRun,
  type RandomRunsOptions,
  type ReplayVerdict,
  type RunJudge,
  randomRun,
  replayCommand,
} from './replay/index.ts';
// The conform report: root-cause findings, path titles, reproduce commands, every format.
export {
  buildConformReport,
  type ConformReport,
  type ConformReportInput,
  type Difference,
  differenceOf,
  findingCommand,
  groupFindings,
  type HtmlReportOptions,
  REPORT_VERDICTS,
  type ReportCheck,
  type ReportFinding,
  type ReportPath,
  type ReportPathInput,
  type ReportVerdict,
  renderConformHtml,
  renderConformJunit,
  renderConformText,
  reproduceCommand,
  signatureOf,
} from './report/index.ts';
// SUT protocol, client over an injected transport, remote party, served role, verdicts (helper M).
export {
  type Check,
  type ClockRequest,
  type ConformSummary,
  createSutHandler,
  type DeliverRequest,
  type OutboxItem,
  parseExpectedFailures,
  type ResetRequest,
  type RunAgainstSutOptions,
  type RunCaps,
  requireSteps,
  runAgainstSut,
  ServedRole,
  type StepReport,
  SUT_BASE_PATH,
  SUT_DEFAULT_TIMEOUT_MS,
  SUT_ENDPOINTS,
  SUT_ERROR_STATUS,
  SUT_LIMITS,
  SUT_MAX_BODY_BYTES,
  SUT_PROTOCOL_VERSION,
  SUT_TIMEOUTS,
  type SutAttachment,
  type SutChannel,
  SutClient,
  type SutErrorCode,
  type SutErrorResponse,
  type SutHandler,
  type SutHandlerOptions,
  type SutHandlerResult,
  type SutIncident,
  type SutParty,
  type SutPath,
  SutProtocolError,
  type SutResponse,
  type SutTransport,
  strict,
  summarise,
  sutError,
  type Verdict,
} from './sut/index.ts';
export {
  buildVector,
  type CollectPathsOptions,
  checkAgainstSchema,
  collectPaths,
  type JsonSchema,
  PATH_SOURCES,
  type PathSource,
  renderVector,
  type SkippedPath,
  type SourcedPath,
  type TestVector,
  VECTOR_FORMAT,
  type VectorDocument,
  type VectorInstant,
  type VectorStimulus,
  vectorFileName,
  vectorSchema,
} from './vectors/index.ts';
