/**
 * The virtual clock behind one reference party. Time never comes from the wall clock: it starts
 * at a fixed instant (or the caller's clock) and moves only when the test says so — through
 * `advanceTo`, or by moving the caller's clock, which the party catches up with before it handles
 * a request. The timers themselves (30-day redemption, 5-day objection, DH-831 reminder and end
 * date) run in the hosted role's own run; `onMove` carries every move there.
 */

/** A time source the test controls (e.g. its own virtual clock); epoch milliseconds. */
export interface ClockSource {
  now(): number;
}

/** 2026-03-02T09:00:00+01:00, a Monday in Vienna winter time; the default first instant. */
export const DEFAULT_START = Date.parse('2026-03-02T09:00:00+01:00');

export interface VirtualTime {
  now(): number;
  /** Moves to `instant` (never back); the hosted runs fire every timer due up to it, in order. */
  advanceTo(instant: number): void;
  /** Catches up with the caller's clock, if any and if it stands ahead. */
  sync(): void;
}

/**
 * @example
 * const time = createVirtualTime({ where: 'msw/x.ts', onMove: (t) => host.advanceTo(t) });
 * time.advanceTo(time.now() + 86_400_000);
 */
export function createVirtualTime(options: {
  readonly clock?: ClockSource | undefined;
  readonly start?: number | undefined;
  readonly where: string;
  readonly onMove: (instant: number) => void;
}): VirtualTime {
  const { clock: source, where, onMove } = options;
  let now = source?.now() ?? options.start ?? DEFAULT_START;
  const moveTo = (instant: number) => {
    now = instant;
    onMove(instant);
  };
  return {
    now: () => now,
    advanceTo: (instant) => {
      if (!Number.isFinite(instant) || instant < now) {
        throw new Error(
          `consent-sim: ${where}: advanceTo(${instant}) is before the current virtual instant ${new Date(now).toISOString()}; virtual time only moves forward — pass a later epoch-ms instant`,
        );
      }
      moveTo(instant);
    },
    sync: () => {
      const target = source?.now();
      // A caller's clock that stands behind ours (we were advanced directly) is not an error.
      if (target !== undefined && target > now) moveTo(target);
    },
  };
}
