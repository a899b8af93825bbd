/**
 * Bounds on one scenario run, so that no scenario file can run for minutes or exhaust memory
 * (a `dateTo` in year 9999 with daily deliveries once did both). Normal runs never reach them:
 * the shipped scenarios span at most a few months and a few hundred events.
 */
import type { RunOptions } from '../simulation-types.ts';

const DAY_MS = 86_400_000;

export interface ScenarioLimits {
  /** Most virtual time after the scenario's start at which a task may still be due, ms. */
  maxSpanMs: number;
  /** Most engine events (clock tasks) in one run. */
  maxEvents: number;
}

/** Five years of virtual time (1 830 days) and 200 000 engine events. */
export const DEFAULT_SCENARIO_LIMITS: ScenarioLimits = {
  maxSpanMs: 1_830 * DAY_MS,
  maxEvents: 200_000,
};

/**
 * The engine's run options that enforce `limits` for a run starting at `startMs`; each error
 * names the limit and how to raise it.
 *
 * @example sim.run(limitOptions(scenario.startMs, DEFAULT_SCENARIO_LIMITS))
 */
export function limitOptions(startMs: number, limits: ScenarioLimits): RunOptions {
  const days = limits.maxSpanMs / DAY_MS;
  const span = Number.isInteger(days) ? `P${days}D` : `PT${limits.maxSpanMs / 1000}S`;
  const end = new Date(startMs + limits.maxSpanMs).toISOString();
  return {
    stopAfter: {
      atMs: startMs + limits.maxSpanMs,
      reason: `consent-sim: the run stopped at the span limit: a task is due after ${end}, ${span} after the start (the most virtual time one run may cover). A far dateTo or a long chain of timers causes this; shorten the scenario or raise the limit with \`sim scenario --max-span P3660D\` (option limits.maxSpanMs)`,
    },
    maxEvents: limits.maxEvents,
    maxEventsHint: `the run stopped at the event limit (the most one run may take). A machine may loop, or the scenario asks for very many deliveries; fix it or raise the limit with \`sim scenario --max-events ${limits.maxEvents * 5}\` (option limits.maxEvents)`,
  };
}
