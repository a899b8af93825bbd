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
  readonly registry: Registry;
}

/** A `data` emission, with where and when it happened. */
export interface DataRelease {
  atMs: number;
  party: string;
  event: Readonly<Record<string, unknown>>;
}

/** Registry changes and data releases emitted by the machines, kept in both trace modes. */
export interface Registry {
  /** Latest status per ConsentId (from `{ type: 'consent', consentId, status }`). */
  consents: Map<string, string>;
  /** Latest status per request id (from `{ type: 'request', requestId, status }`). */
  requests: Map<string, string>;
  data: DataRelease[];
}

/**
 * A rule checked after every `run()`. `check` gets the full trace (empty in summary mode: use
 * `observe`, which sees every event in both modes, or the registry).
 *
 * @example
 * sim.addInvariant({
 *   name: 'no-data-without-consent',
 *   check: (_trace, sim) =>
 *     sim.registry.data
 *       .filter((d) => sim.registry.consents.get(String(d.event.consentId)) !== 'ACCEPTED')
 *       .map((d) => `data for ${String(d.event.consentId)} without an accepted consent`),
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
