/**
 * The other readings of the open questions (docs/interpretations, "Other reading: … →
 * WARNING"), each built as a reference role that takes that reading. `runAgainstSut` uses a
 * process's readings: a run that FAILs against the reference but matches one of these exactly is
 * reported as WARNINGs naming the reading's key — a system that read the documents the other
 * reasonable way is told so, not failed. Each process lists its own (processes/<name>/readings.ts).
 */
import type { AnyStateMachine } from 'xstate';

export interface Reading {
  /** Interpretation key, e.g. `OFF-DAYS`. */
  key: string;
  /** The other reading, in a few words. */
  reading: string;
  /** The role that takes it (the role under test it stands in for). */
  role: string;
  machine: () => AnyStateMachine;
}
