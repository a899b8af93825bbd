/**
 * A deterministic clock for driving the machines in tests: XState's `Clock` (`setTimeout`,
 * `clearTimeout`) on virtual epoch milliseconds, plus `advanceTo(ms)`, which fires every timer
 * due at or before `ms` in order of due time, then order of scheduling.
 */
interface Timer {
  id: number;
  due: number;
  fire: () => void;
}

export interface TestClock {
  now(): number;
  setTimeout(fire: () => void, delay: number): number;
  clearTimeout(id: number): void;
  advanceTo(ms: number): void;
  /** Due instants of the pending timers, earliest first. */
  pending(): number[];
}

/** @example const clock = createTestClock(Date.parse('2026-03-10T09:00:00+01:00')) */
export function createTestClock(start: number): TestClock {
  let now = start;
  let nextId = 1;
  const timers: Timer[] = [];
  const earliest = () =>
    timers.reduce<Timer | undefined>(
      (best, t) => (!best || t.due < best.due || (t.due === best.due && t.id < best.id) ? t : best),
      undefined,
    );
  return {
    now: () => now,
    setTimeout(fire, delay) {
      const id = nextId++;
      timers.push({ id, due: now + delay, fire });
      return id;
    },
    clearTimeout(id) {
      const index = timers.findIndex((t) => t.id === id);
      if (index >= 0) timers.splice(index, 1);
    },
    advanceTo(ms) {
      if (ms < now) throw new Error(`consent-sim: testClock: cannot go back from ${now} to ${ms}`);
      for (let next = earliest(); next && next.due <= ms; next = earliest()) {
        timers.splice(timers.indexOf(next), 1);
        now = next.due;
        next.fire();
      }
      now = ms;
    },
    pending: () => timers.map((t) => t.due).sort((a, b) => a - b),
  };
}
