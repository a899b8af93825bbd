import { describe, expect, it } from 'vitest';
import { assign, createActor, setup, spawnChild } from 'xstate';
import { VirtualClock } from './clock.ts';
import { createRng } from './rng.ts';

const START = Date.parse('2026-03-02T09:00:00+01:00');

describe('VirtualClock', () => {
  it('runs a task with now() equal to its due time, never past it', () => {
    const clock = new VirtualClock(START);
    const seen: number[] = [];
    clock.schedule(START + 500, () => seen.push(clock.now()), 'a');
    clock.schedule(START + 100, () => seen.push(clock.now()), 'b');
    expect(clock.runNext()).toBe(true);
    expect(seen).toEqual([START + 100]);
    expect(clock.now()).toBe(START + 100);
    clock.runUntilIdle();
    expect(seen).toEqual([START + 100, START + 500]);
    expect(clock.now()).toBe(START + 500);
    expect(clock.runNext()).toBe(false);
  });

  it('keeps scheduling order for tasks due at the same instant', () => {
    const clock = new VirtualClock(START);
    const order: string[] = [];
    for (const name of ['first', 'second', 'third']) {
      clock.schedule(START + 10, () => order.push(name), name);
    }
    clock.schedule(START + 10, () => {
      // Scheduled from inside a task at the same instant: runs after everything already queued.
      clock.scheduleIn(0, () => order.push('nested'), 'nested');
    });
    clock.schedule(START + 10, () => order.push('fourth'), 'fourth');
    clock.runUntilIdle();
    expect(order).toEqual(['first', 'second', 'third', 'fourth', 'nested']);
  });

  it('runs every timer due at an instant before any arrival at that instant', () => {
    const clock = new VirtualClock(START);
    const order: string[] = [];
    // The stimulus is scheduled first (scenario load), the deadline timer later (during the run).
    clock.schedule(START + 10, () => order.push('stimulus'), 'stimulus');
    clock.schedule(START + 10, () => order.push('delivery'), 'delivery', 'arrival');
    clock.schedule(START + 9, () => order.push('earlier arrival'), 'early');
    const xstate = clock.xstateClock();
    xstate.setTimeout(() => order.push('deadline timer'), 10);
    clock.schedule(START + 10, () => order.push('sut timer'), 'sut', 'timer');
    clock.runUntilIdle();
    expect(order).toEqual([
      'earlier arrival',
      'deadline timer',
      'sut timer',
      'stimulus',
      'delivery',
    ]);
  });

  it('rejects scheduling in the past and running backwards', () => {
    const clock = new VirtualClock(START);
    clock.runUntil(START + 1_000);
    expect(() => clock.schedule(START, () => {}, 'late')).toThrow(/consent-sim: clock.ts .*late/);
    expect(() => clock.scheduleIn(-1, () => {})).toThrow(/delay -1/);
    expect(() => clock.runUntil(START)).toThrow(/never goes back/);
  });

  it('counts pending tasks correctly with lazy cancellation', () => {
    const clock = new VirtualClock(START);
    const ran: number[] = [];
    const ids = Array.from({ length: 200 }, (_, i) =>
      clock.scheduleIn(i, () => ran.push(i), `t${i}`),
    );
    expect(clock.pending()).toBe(200);
    for (const id of ids.filter((_, i) => i % 2 === 0)) expect(clock.cancel(id)).toBe(true);
    expect(clock.cancel(ids[0] as number)).toBe(false);
    expect(clock.pending()).toBe(100);
    expect(clock.nextDue()).toBe(START + 1);
    clock.runUntilIdle();
    expect(ran).toEqual(Array.from({ length: 100 }, (_, i) => 2 * i + 1));
    expect(clock.pending()).toBe(0);
    expect(clock.cancel(ids[1] as number)).toBe(false);
  });

  it('runUntil runs due tasks, including ones they schedule, then lands on the target', () => {
    const clock = new VirtualClock(START);
    const seen: number[] = [];
    clock.scheduleIn(10, () => {
      seen.push(clock.now());
      clock.scheduleIn(10, () => seen.push(clock.now()));
      clock.scheduleIn(1_000, () => seen.push(clock.now()));
    });
    expect(clock.runUntil(START + 50)).toBe(2);
    expect(seen).toEqual([START + 10, START + 20]);
    expect(clock.now()).toBe(START + 50);
    expect(clock.pending()).toBe(1);
  });

  it('runUntilIdle stops before `until` and guards against runaway loops', () => {
    const clock = new VirtualClock(START);
    const loop = (): void => {
      clock.scheduleIn(1, loop, 'loop');
    };
    clock.scheduleIn(0, loop, 'loop');
    expect(clock.runUntilIdle({ until: START + 9 })).toBe(10);
    expect(clock.now()).toBe(START + 9);
    expect(() => clock.runUntilIdle({ maxEvents: 100 })).toThrow(
      /ran 100 tasks \(maxEvents\) without going idle; next is "loop"/,
    );
  });

  it('fires 100 000 timers scheduled in random order in sorted order', () => {
    const clock = new VirtualClock(0);
    const rng = createRng('heap');
    const fired: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      const at = rng.int(0, 1_000_000);
      clock.schedule(at, () => fired.push(clock.now()));
    }
    expect(clock.runUntilIdle()).toBe(100_000);
    for (let i = 1; i < fired.length; i++) {
      if ((fired[i] as number) < (fired[i - 1] as number)) {
        throw new Error(`out of order at ${i}: ${fired[i - 1]} then ${fired[i]}`);
      }
    }
    expect(fired.length).toBe(100_000);
  });
});

describe('VirtualClock.xstateClock', () => {
  const machine = setup({
    types: { context: {} as { log: Array<[string, number]> } },
  }).createMachine({
    context: { log: [] },
    initial: 'a',
    states: {
      a: {
        after: {
          1000: { target: 'b' },
          5000: { target: 'never' },
        },
      },
      b: {
        // Re-entering `b` on `poke` cancels the pending 2 s timer and starts a new one.
        on: { poke: { target: 'b', reenter: true } },
        after: { 2000: { target: 'c' } },
      },
      c: { type: 'final' },
      never: { type: 'final' },
    },
  });

  it('fires each `after` delay at its exact instant and cancels the ones left behind', () => {
    const clock = new VirtualClock(START);
    const seen: Array<[string, number]> = [];
    const actor = createActor(machine, { clock: clock.xstateClock() });
    actor.subscribe((s) => seen.push([String(s.value), clock.now()]));
    actor.start();
    expect(clock.pending()).toBe(2);
    clock.runNext();
    // Leaving `a` cancelled its 5 s timer; `b` scheduled a 2 s one.
    expect(clock.pending()).toBe(1);
    clock.runUntil(START + 2_500);
    actor.send({ type: 'poke' });
    clock.runUntilIdle();
    expect(seen).toEqual([
      ['a', START],
      ['b', START + 1_000],
      ['b', START + 2_500],
      ['c', START + 4_500],
    ]);
    expect(actor.getSnapshot().status).toBe('done');
    expect(clock.pending()).toBe(0);
  });

  it('puts the timers of spawned children on the same heap', () => {
    const child = setup({}).createMachine({
      initial: 'waiting',
      states: { waiting: { after: { 3000: 'done' } }, done: { type: 'final' } },
    });
    const parent = setup({
      types: { context: {} as { done: number[] } },
      actors: { child },
    }).createMachine({
      context: { done: [] },
      entry: spawnChild('child', { id: 'c1' }),
      on: {
        'xstate.done.actor.c1': {
          actions: assign({ done: ({ context }) => [...context.done, 1] }),
        },
      },
    });
    const clock = new VirtualClock(START);
    const actor = createActor(parent, { clock: clock.xstateClock() }).start();
    expect(clock.pending()).toBe(1);
    clock.runUntilIdle();
    expect(clock.now()).toBe(START + 3_000);
    expect(actor.getSnapshot().context.done).toEqual([1]);
  });

  it('calls onFire before each timer callback', () => {
    const clock = new VirtualClock(START);
    const fired: number[] = [];
    const xclock = clock.xstateClock({ onFire: () => fired.push(clock.now()) });
    const id = xclock.setTimeout(() => {}, 10);
    xclock.setTimeout(() => {}, -5);
    xclock.clearTimeout(id);
    clock.runUntilIdle();
    expect(fired).toEqual([START]);
  });
});
