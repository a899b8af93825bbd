import type { ExpectationFailure } from '../scenario/expectations.ts';
import type { TraceEvent } from '../trace.ts';

/** An invariant that did not hold during the run (checked by the engine on the trace). */
export interface InvariantViolation {
  /** The invariant's name, e.g. `no-data-without-consent`. */
  invariant: string;
  message: string;
  /** The trace event that broke it, when there is one. */
  seq?: number;
}

/** Everything a reporter needs about one scenario run. Reporters are pure functions of it. */
export interface RunResult {
  /** Full scenario name `<process>/<name>`. */
  scenario: string;
  process: string;
  seed: number;
  passed: boolean;
  outcome: string | null;
  /** The scenario's one-sentence summary. */
  summary: string;
  events: readonly TraceEvent[];
  failures: readonly ExpectationFailure[];
  /**
   * Exact `expect` fields (`steps`, `messages`) not checked: the run used another seed than the
   * file's and the scenario has seeded faults (scenarios/README.md, "Seeds and exact lists").
   */
  unchecked?: readonly string[];
  violations: readonly InvariantViolation[];
  /** Virtual time from the start to the last event. */
  durationVirtualMs: number;
  /** Virtual instant the run started (the scenario's start), for JUnit's `timestamp`. */
  startMs?: number;
}

/** Text styling the CLI injects: plain functions or ANSI escapes. */
export interface Colors {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const same = (text: string) => text;

/** Colours that change nothing (files, CI logs, tests). */
export const PLAIN_COLORS: Colors = {
  bold: same,
  dim: same,
  red: same,
  green: same,
  yellow: same,
  cyan: same,
};
