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
