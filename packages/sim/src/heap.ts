/** One scheduled task on the virtual clock's heap. */
export interface TimerEntry {
  /** Due instant, epoch milliseconds. */
  at: number;
  /**
   * Same-instant lane: `0` for process timers (XState delays, a SUT's own timers), `1` for
   * arrivals (deliveries, stimuli, engine tasks). At one instant every timer runs before any
   * arrival: a party whose deadline falls at T has noticed it before it handles what reaches
   * it at T (docs/sut-protocol.md § time, docs/design.md § same instant).
   */
  lane: 0 | 1;
  /** Scheduling sequence: breaks ties so same-instant tasks of one lane run in scheduling order. */
  seq: number;
  label: string;
  task: () => void;
  /** Lazy deletion: a cancelled entry stays in the heap until it reaches the top. */
  cancelled: boolean;
}

function before(a: TimerEntry, b: TimerEntry): boolean {
  if (a.at !== b.at) return a.at < b.at;
  return a.lane < b.lane || (a.lane === b.lane && a.seq < b.seq);
}

/**
 * A binary min-heap of timer entries ordered by (due time, lane, sequence). Push and pop are
 * O(log n); nothing on the hot path sorts.
 *
 * @example
 * const heap = new TaskHeap();
 * heap.push({ at: 5, lane: 1, seq: 1, label: 'a', task: () => {}, cancelled: false });
 * heap.pop()?.label; // 'a'
 */
export class TaskHeap {
  #items: TimerEntry[] = [];

  get size(): number {
    return this.#items.length;
  }

  peek(): TimerEntry | undefined {
    return this.#items[0];
  }

  push(entry: TimerEntry): void {
    const items = this.#items;
    items.push(entry);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent] as TimerEntry;
      if (!before(entry, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = entry;
  }

  pop(): TimerEntry | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    items[0] = last;
    this.#siftDown(0);
    return top;
  }

  /** Drops cancelled entries and re-heapifies in O(n). */
  compact(): void {
    this.#items = this.#items.filter((entry) => !entry.cancelled);
    for (let i = (this.#items.length >> 1) - 1; i >= 0; i--) this.#siftDown(i);
  }

  #siftDown(start: number): void {
    const items = this.#items;
    const n = items.length;
    const entry = items[start] as TimerEntry;
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      if (right < n && before(items[right] as TimerEntry, items[left] as TimerEntry)) child = right;
      const c = items[child] as TimerEntry;
      if (!before(c, entry)) break;
      items[i] = c;
      i = child;
    }
    items[i] = entry;
  }
}
