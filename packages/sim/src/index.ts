// Public entry of @consent-sim/sim: the engine, the scenario format, reporters, the process
// seam (definitions, the one run assembly) and the engine's part of each shipped process.

export {
  type ClockLane,
  type RunUntilIdleOptions,
  type TimerId,
  VirtualClock,
  type XStateClock,
  type XStateClockOptions,
} from './clock.ts';
export {
  DATA_NAMESPACE,
  type DataDocument,
  type DataIssue,
  readDataXml,
} from './cm-req-off/data-documents.ts';
export {
  CM_REQ_OFF_INVARIANT_NAMES,
  type CmReqOffWireMode,
  type CmReqOffWiringOptions,
  cmReqOffProcess,
  createCmReqOffWiring,
} from './cm-req-off/index.ts';
export {
  type EncodedMessage,
  type InboundCodec,
  type InboundResult,
  type MachineEvent,
  type OutboundCodec,
  type PartyInfo,
  passThroughInbound,
  passThroughOutbound,
  type SendEmission,
} from './codec.ts';
export { createDh831Wiring, DH831_INVARIANT_NAMES, dh831Process } from './dh-831/index.ts';
export type { ChannelName, Envelope, OutboundMessage } from './envelope.ts';
export { defaultCorrupt, type FaultKind, type FaultRule, type PayloadCorrupter } from './faults.ts';
export {
  everyMessageAccountedFor,
  type Invariant,
  type InvariantContext,
  type Violation,
  type ViolationReport,
} from './invariant.ts';
export {
  type LatencySpec,
  Network,
  type NetworkAccounting,
  type NetworkOptions,
} from './network.ts';
export {
  type AssembledRun,
  type AssembleOptions,
  assembleRun,
  type ChannelSpec,
  DEFAULT_SCENARIO_LIMITS,
  type ProcessDefinition,
  type ProcessTable,
  processIn,
  type RunScenarioOptions,
  runScenario,
  type ScenarioLimits,
  ScenarioSetupError,
  type ScheduledStimulus,
  UnknownProcessError,
  xmlChannels,
} from './process/index.ts';
export { readingKindOf, readingOf } from './readings.ts';
export {
  type Colors,
  describeEvent,
  type EventSummary,
  type InvariantViolation,
  junitTimestamp,
  mermaidText,
  PLAIN_COLORS,
  RUN_JSON_FORMAT,
  type RunResult,
  renderJson,
  renderJunit,
  renderMermaid,
  renderText,
  scenarioCommand,
  type TextReportOptions,
  TIMELINE_KINDS,
  xmlAttribute,
  xmlText,
} from './report/index.ts';
export { createRng, type Rng } from './rng.ts';
export {
  channelLatencies,
  channelNames,
  checkExpectations,
  type DeliveredMessage,
  deliveredMessages,
  durationMs,
  type ExpectationFailure,
  type ExpectedMessage,
  faultRules,
  formatIssue,
  loadScenario,
  type ObservedEnd,
  type PartyOverride,
  parseAt,
  resolveAt,
  type Scenario,
  type ScenarioDocument,
  ScenarioError,
  type ScenarioExpectations,
  type ScenarioFault,
  type ScenarioIssue,
  type ScenarioStimulus,
  scenarioSchema,
  scenarioSchemaJson,
} from './scenario/index.ts';
export { closest, editDistance } from './scenario/suggest.ts';
export { Simulation } from './simulation.ts';
export type {
  PartySpec,
  RunError,
  RunOptions,
  RunResult as SimulationResult,
  SimulationOptions,
} from './simulation-types.ts';
export {
  TRACE_KINDS,
  type TraceEvent,
  type TraceInput,
  type TraceKind,
  type TraceMode,
  TraceRecorder,
  type TraceRecorderOptions,
  type TraceSummary,
} from './trace.ts';
export type { ProcessWiring, WiringFactory, WiringOptions } from './wiring.ts';
