import { errorMessage } from './error-message.ts';
import type { NetworkAccounting } from './network.ts';
import type { TraceEvent } from './trace.ts';

/** One broken rule, as reported by {@link Simulation.run}. */
export interface Violation {
  invariant: string;
  message: string;
  detail: unknown;
}

/** What an invariant's `check` may return per violation. */
export type ViolationReport = string | { message: string; detail?: unknown };

/** What invariants can read besides the trace (a structural view of the Simulation). */
export interface InvariantContext {
  accounting(): NetworkAccounting;
}

/**
 * A rule checked after every `run()`. `check` gets the full trace (empty in summary mode: use
 * `observe`, which sees every event in both modes).
 *
 * @example
 * sim.addInvariant({
 *   name: 'no-data-at-all',
 *   check: (trace) =>
 *     trace.filter((e) => e.kind === 'data').map((e) => `data released at ${e.at}`),
 * });
 */
export interface Invariant {
  name: string;
  observe?: (event: TraceEvent) => void;
  check: (trace: readonly TraceEvent[], sim: InvariantContext) => readonly ViolationReport[];
}

/** Every message ends as delivered, dropped (fault recorded) or in flight. */
export const everyMessageAccountedFor: Invariant = {
  name: 'every-message-accounted-for',
  check: (_trace, sim) => {
    const a = sim.accounting();
    if (a.balanced) return [];
    return [
      {
        message: `sent ${a.sent} + duplicated ${a.duplicated} ≠ delivered ${a.delivered} + dropped ${a.dropped} + in flight ${a.inFlight}`,
        detail: a,
      },
    ];
  },
};

/**
 * Runs every invariant's `check` over the trace, in order; a check that throws is itself a
 * violation. Each violation is passed to `record` as it is found.
 *
 * @example checkInvariants([everyMessageAccountedFor], trace.events(), sim, (v) => console.log(v.message));
 */
export function checkInvariants(
  invariants: readonly Invariant[],
  events: readonly TraceEvent[],
  context: InvariantContext,
  record: (violation: Violation) => void,
): Violation[] {
  const violations: Violation[] = [];
  for (const invariant of invariants) {
    let reports: readonly ViolationReport[];
    try {
      reports = invariant.check(events, context);
    } catch (error) {
      reports = [{ message: `the check threw: ${errorMessage(error)}` }];
    }
    for (const report of reports) {
      const v: Violation =
        typeof report === 'string'
          ? { invariant: invariant.name, message: report, detail: null }
          : { invariant: invariant.name, message: report.message, detail: report.detail ?? null };
      violations.push(v);
      record(v);
    }
  }
  return violations;
}
