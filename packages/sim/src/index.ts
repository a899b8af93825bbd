// Public entry of @consent-sim/sim: the generic engine (no process knowledge).
export {
  type RunUntilIdleOptions,
  type TimerId,
  VirtualClock,
  type XStateClock,
  type XStateClockOptions,
} from './clock.ts';
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
export {
  CHANNELS,
  type ChannelName,
  type Envelope,
  isChannelName,
  type OutboundMessage,
} from './envelope.ts';
export { defaultCorrupt, type FaultKind, type FaultRule, type PayloadCorrupter } from './faults.ts';
export {
  type DataRelease,
  everyMessageAccountedFor,
  type Invariant,
  type InvariantContext,
  type Registry,
  type Violation,
  type ViolationReport,
} from './invariant.ts';
export {
  DEFAULT_LATENCIES,
  type LatencySpec,
  Network,
  type NetworkAccounting,
  type NetworkOptions,
} from './network.ts';
export { createRng, type Rng } from './rng.ts';
export {
  type PartySpec,
  type RunError,
  type RunOptions,
  type RunResult,
  Simulation,
  type SimulationOptions,
} from './simulation.ts';
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
