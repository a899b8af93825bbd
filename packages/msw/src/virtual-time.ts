/**
 * The virtual clock behind one reference party. Time never comes from the wall clock: it starts
 * at a fixed instant (or the caller's clock) and moves only when the test says so — through
 * `advanceTo`, or by moving the caller's clock, which the party catches up with before it handles
 * a request. Every `after` timer of the machines (30-day redemption, 5-day objection, DH-831
 * reminder and end date) is a task on this clock.
 */
import { VirtualClock, type XStateClock } from '@consent-sim/sim';

/** A time source the test controls (e.g. its own virtual clock); epoch milliseconds. */
export interface ClockSource {
  now(): number;
}

/** 2026-03-02T09:00:00+01:00, a Monday in Vienna winter time; the default first instant. */
export const DEFAULT_START = Date.parse('2026-03-02T09:00:00+01:00');

export interface VirtualTime {
  now(): number;
  /** Fires every timer due at or before `instant`, in order, then stands at `instant`. */
  advanceTo(instant: number): void;
  /** Catches up with the caller's clock (if any) and fires timers due by now. */
  sync(): void;
  xstateClock(): XStateClock;
}

/**
 * @example
 * const time = createVirtualTime({ start: Date.parse('2026-03-02T09:00:00+01:00') });
 * time.advanceTo(time.now() + 86_400_000);
 */
export function createVirtualTime(options: {
  readonly clock?: ClockSource | undefined;
  readonly start?: number | undefined;
  readonly where: string;
}): VirtualTime {
  const { clock: source, where } = options;
  const clock = new VirtualClock(source?.now() ?? options.start ?? DEFAULT_START);
  const advanceTo = (instant: number) => {
    if (!Number.isFinite(instant) || instant < clock.now()) {
      throw new Error(
        `consent-sim: ${where}: advanceTo(${instant}) is before the current virtual instant ${new Date(clock.now()).toISOString()}; virtual time only moves forward — pass a later epoch-ms instant`,
      );
    }
    clock.runUntil(instant);
  };
  return {
    now: () => clock.now(),
    advanceTo,
    sync: () => {
      const target = source?.now();
      // A caller's clock that stands behind ours (we were advanced directly) is not an error.
      clock.runUntil(target === undefined ? clock.now() : Math.max(target, clock.now()));
    },
    xstateClock: () => clock.xstateClock({ label: where }),
  };
}
