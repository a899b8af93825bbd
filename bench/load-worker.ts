/**
 * One load run in its own process (so peak memory is this run's alone):
 * `tsx bench/load-worker.ts <N> <heap|simulated>` prints a JSON line with wall time and memory.
 */
import { performance } from 'node:perf_hooks';
import { VirtualClock } from '@consent-sim/sim';
import { SimulatedClock } from 'xstate';
import { type DriverClock, runLoad } from './load-driver.ts';

const START = Date.parse('2026-03-02T09:00:00+01:00');

function heapClock(): DriverClock {
  const clock = new VirtualClock(START);
  const adapter = clock.xstateClock();
  return {
    now: () => clock.now(),
    setTimeout: (fn, ms) => adapter.setTimeout(fn, ms),
    clearTimeout: (id) => adapter.clearTimeout(id),
    drain: () => clock.runUntilIdle({ maxEvents: Number.MAX_SAFE_INTEGER }),
  };
}

/** xstate's SimulatedClock, advanced timer by timer (it has no "next due" query: scan its map). */
function simulatedClock(): DriverClock {
  const clock = new SimulatedClock();
  clock.set(START);
  const timeouts = (
    clock as unknown as { timeouts: Map<number, { start: number; timeout: number }> }
  ).timeouts;
  return {
    now: () => clock.now(),
    setTimeout: (fn, ms) => clock.setTimeout(fn, ms),
    clearTimeout: (id) => clock.clearTimeout(id as number),
    drain: () => {
      let steps = 0;
      while (timeouts.size > 0) {
        let next = Number.POSITIVE_INFINITY;
        for (const t of timeouts.values()) next = Math.min(next, t.start + t.timeout);
        clock.set(Math.max(next, clock.now()));
        steps += 1;
      }
      return steps;
    },
  };
}

const n = Number(process.argv[2] ?? '1000');
const kind = process.argv[3] === 'simulated' ? 'simulated' : 'heap';
const started = performance.now();
const stats = runLoad(n, kind === 'heap' ? heapClock() : simulatedClock());
const wallMs = performance.now() - started;
const memory = process.memoryUsage();
process.stdout.write(
  `${JSON.stringify({ n, clock: kind, wallMs, maxRssMb: process.resourceUsage().maxRSS / 1024, heapUsedMb: memory.heapUsed / 2 ** 20, ...stats })}\n`,
);
