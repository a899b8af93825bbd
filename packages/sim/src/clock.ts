import type { ActorOptions, AnyActorLogic } from 'xstate';
import { TaskHeap, type TimerEntry } from './heap.ts';

/** Same-instant lane of a task: every due `timer` runs before any `arrival` at that instant. */
export type ClockLane = 'timer' | 'arrival';

/** Handle of a scheduled task, returned by {@link VirtualClock.schedule}. */
export type TimerId = number;

/** Options of {@link VirtualClock.runUntilIdle}. */
export interface RunUntilIdleOptions {
  /** Throw when more than this many tasks run in one call (a runaway loop). Default 10 000 000. */
  maxEvents?: number;
  /** Stop before the first task due after this instant; the clock is not moved to it. */
  until?: number;
}

/** Options of {@link VirtualClock.xstateClock}. */
export interface XStateClockOptions {
  /** Heap label of the timers (shown in errors). Default `xstate.timer`. */
  label?: string;
  /** Called right before an XState timer callback runs (the engine uses it to trace timers). */
  onFire?: () => void;
}

/** XState's timer interface (`setTimeout`/`clearTimeout`), which xstate does not export by name. */
export type XStateClock = NonNullable<ActorOptions<AnyActorLogic>['clock']>;

const DEFAULT_MAX_EVENTS = 10_000_000;

/**
 * A discrete-event clock: tasks wait on a binary min-heap keyed by (due time, lane, scheduling
 * sequence). Time jumps to the next due task and never past it, so inside a task `now()` is
 * exactly its due time. At one instant, timers (`lane: 'timer'`: XState delays, a SUT's own
 * timers) run before arrivals (`'arrival'`: deliveries, stimuli, engine tasks), and tasks of
 * one lane run in the order they were scheduled.
 *
 * @example
 * const clock = new VirtualClock(Date.parse('2026-03-02T09:00:00+01:00'));
 * clock.scheduleIn(30_000, () => log.push(clock.now()), 'reminder');
 * clock.runUntilIdle(); // log: [start + 30 000]
 */
export class VirtualClock {
  #now: number;
  #seq = 0;
  readonly #heap = new TaskHeap();
  /** Live (scheduled, not yet run, not cancelled) entries by id. */
  readonly #live = new Map<TimerId, TimerEntry>();
  #current: TimerEntry | null = null;

  constructor(startMs: number) {
    if (!Number.isFinite(startMs)) {
      throw new Error(
        `consent-sim: clock.ts VirtualClock start must be finite epoch milliseconds, got ${startMs}; pass e.g. Date.parse('2026-03-02T09:00:00+01:00')`,
      );
    }
    this.#now = startMs;
  }

  /** The current virtual instant (epoch milliseconds). */
  now(): number {
    return this.#now;
  }

  /** Label of the task that is running right now, or null between tasks. */
  currentLabel(): string | null {
    return this.#current === null ? null : this.#current.label;
  }

  /**
   * Schedules `task` to run at the absolute instant `at` (not before `now()`), in `lane`
   * (default `'arrival'`; see the class comment).
   *
   * @example const id = clock.schedule(clock.now() + 1_000, () => {}, 'retry');
   */
  schedule(at: number, task: () => void, label = 'task', lane: ClockLane = 'arrival'): TimerId {
    if (Number.isNaN(at) || at < this.#now) {
      throw new Error(
        `consent-sim: clock.ts schedule("${label}") at ${at} is before now (${this.#now}); tasks can only be scheduled at or after the current virtual instant`,
      );
    }
    const id = ++this.#seq;
    const entry: TimerEntry = {
      at,
      lane: lane === 'timer' ? 0 : 1,
      seq: id,
      label,
      task,
      cancelled: false,
    };
    this.#heap.push(entry);
    this.#live.set(id, entry);
    return id;
  }

  /** Schedules `task` to run `ms` milliseconds from now. */
  scheduleIn(ms: number, task: () => void, label = 'task'): TimerId {
    if (Number.isNaN(ms) || ms < 0) {
      throw new Error(
        `consent-sim: clock.ts scheduleIn("${label}") got delay ${ms}; a delay must be a number ≥ 0`,
      );
    }
    return this.schedule(this.#now + ms, task, label);
  }

  /** Cancels a pending task; returns false when it already ran or was cancelled. */
  cancel(id: TimerId): boolean {
    const entry = this.#live.get(id);
    if (entry === undefined) return false;
    entry.cancelled = true;
    this.#live.delete(id);
    // Lazy deletion: the entry stays in the heap until popped, unless the garbage dominates.
    if (this.#heap.size > 64 && this.#heap.size > 2 * this.#live.size) this.#heap.compact();
    return true;
  }

  /** Number of tasks scheduled and neither run nor cancelled. */
  pending(): number {
    return this.#live.size;
  }

  /** Due time of the next pending task, or undefined when idle. */
  nextDue(): number | undefined {
    return this.#peekLive()?.at;
  }

  /** Runs the next pending task (moving time to its due instant); false when idle. */
  runNext(): boolean {
    const entry = this.#peekLive();
    if (entry === undefined) return false;
    this.#heap.pop();
    this.#live.delete(entry.seq);
    this.#now = entry.at;
    this.#current = entry;
    try {
      entry.task();
    } finally {
      this.#current = null;
    }
    return true;
  }

  /** Runs every task due at or before `t`, then moves time to `t`. Returns the tasks run. */
  runUntil(t: number): number {
    if (Number.isNaN(t) || t < this.#now) {
      throw new Error(
        `consent-sim: clock.ts runUntil(${t}) is before now (${this.#now}); virtual time never goes back`,
      );
    }
    let count = 0;
    for (let next = this.nextDue(); next !== undefined && next <= t; next = this.nextDue()) {
      this.runNext();
      count++;
    }
    this.#now = t;
    return count;
  }

  /**
   * Runs tasks until none is pending (or the next is due after `until`). Time stays at the last
   * task run. Throws when `maxEvents` tasks ran without going idle: a loop that keeps scheduling.
   */
  runUntilIdle(options: RunUntilIdleOptions = {}): number {
    const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
    const until = options.until ?? Number.POSITIVE_INFINITY;
    let count = 0;
    for (let next = this.nextDue(); next !== undefined && next <= until; next = this.nextDue()) {
      if (count >= maxEvents) {
        const entry = this.#peekLive();
        throw new Error(
          `consent-sim: clock.ts runUntilIdle ran ${count} tasks (maxEvents) without going idle; next is "${entry?.label}" due ${entry?.at}. A machine probably reschedules itself in a loop; fix it or raise maxEvents`,
        );
      }
      this.runNext();
      count++;
    }
    return count;
  }

  /**
   * An XState `Clock` whose timeouts are tasks on this heap, so
   * `createActor(machine, { clock: vc.xstateClock() })` puts every `after` delay (and the
   * delays of every child actor in that system) into virtual time. A negative delay counts
   * as 0, as with the host `setTimeout`.
   *
   * @example const actor = createActor(machine, { clock: vc.xstateClock() }).start();
   */
  xstateClock(options: XStateClockOptions = {}): XStateClock {
    const label = options.label ?? 'xstate.timer';
    const onFire = options.onFire;
    return {
      setTimeout: (fn: () => void, timeout: number): TimerId => {
        const delay = Math.max(timeout, 0);
        if (onFire === undefined) return this.schedule(this.#now + delay, fn, label, 'timer');
        return this.schedule(
          this.#now + delay,
          () => {
            onFire();
            fn();
          },
          label,
          'timer',
        );
      },
      clearTimeout: (id: TimerId): void => {
        this.cancel(id);
      },
    };
  }

  #peekLive(): TimerEntry | undefined {
    let top = this.#heap.peek();
    while (top?.cancelled) {
      this.#heap.pop();
      top = this.#heap.peek();
    }
    return top;
  }
}
