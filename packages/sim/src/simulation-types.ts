/**
 * What a {@link Simulation} is built from, hosts, and hands back: its options, a party to host,
 * the options of one `run()` and its result.
 */
import type { AnyStateMachine } from 'xstate';
import type { InboundCodec, OutboundCodec, PartyInfo } from './codec.ts';
import type { ChannelName } from './envelope.ts';
import type { FaultRule, PayloadCorrupter } from './faults.ts';
import type { Violation } from './invariant.ts';
import type { LatencySpec, NetworkAccounting } from './network.ts';
import type { TraceEvent, TraceMode, TraceSummary } from './trace.ts';

export interface SimulationOptions {
  /** Seeds the one RNG; every random decision comes from streams forked from it. */
  seed: number | string;
  /** Virtual start instant, epoch ms. */
  start: number;
  /** Zone of the trace timestamps (Europe/Vienna for CM_REQ_OFF, Europe/Helsinki for DH-831). */
  zone: string;
  /** `summary` keeps counts only (load runs). Default `full`. */
  traceMode?: TraceMode;
  /** Transit time per channel the parties use (`assembleRun` takes them from the definition). */
  latencies?: Readonly<Record<ChannelName, LatencySpec>>;
  faults?: readonly FaultRule[];
  corrupt?: PayloadCorrupter;
  reorderHoldMs?: number;
  outboundCodec?: OutboundCodec;
  inboundCodec?: InboundCodec;
}

/** A party to host: who it is and the machine that plays its role. */
export interface PartySpec extends PartyInfo {
  machine: AnyStateMachine;
  input?: unknown;
}

/** The first error of a failed run. */
export interface RunError {
  party: string | null;
  message: string;
}

export interface RunResult {
  status: 'ok' | 'failed';
  error: RunError | null;
  /** The events (empty in summary mode; see `summary`). */
  trace: readonly TraceEvent[];
  summary: TraceSummary;
  violations: Violation[];
  accounting: NetworkAccounting;
  /** Virtual instant the run stopped at, epoch ms. */
  endedAt: number;
}

export interface RunOptions {
  /** Stop before the first event due after this instant and move the clock to it. */
  until?: number;
  /** Fail the run after this many clock tasks (a runaway loop). Default 10 000 000. */
  maxEvents?: number;
  /**
   * Fail the run, without moving the clock, before the first task due after `atMs` (a bound on
   * virtual time). `reason` is the run's error: it names the limit and how to raise it.
   */
  stopAfter?: { atMs: number; reason: string };
  /** Appended to the error when `maxEvents` is reached: how the caller raises the limit. */
  maxEventsHint?: string;
  /**
   * Asked before each task: a reason fails the run there, without running the task. A caller's
   * budget that the engine cannot know (the wall time of one request `sim serve` answers); the
   * engine itself never reads a clock.
   */
  budget?: () => string | null;
}
