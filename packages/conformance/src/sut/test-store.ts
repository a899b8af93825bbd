/**
 * The tests a served role keeps: each until its reset is repeated, or until nobody asked for it
 * for `idleMs` (SUT_LIMITS.idleMs); at most `maxTests` at once (a reset of a new id beyond that
 * is refused 503 `busy`, never by dropping a live test). A test an internal error broke is kept
 * as broken, with the reason and incident, so its later requests say why.
 */
import type { ServedRole } from './served-role.ts';

export interface BrokenTest {
  reason: string;
  incident: string;
}

interface Entry {
  served: ServedRole | null;
  broken: BrokenTest | null;
  lastUsedMs: number;
}

export class TestStore {
  readonly #tests = new Map<string, Entry>();
  readonly #maxTests: number;
  readonly #idleMs: number;
  readonly #now: () => number;

  constructor(options: { maxTests: number; idleMs: number; now: () => number }) {
    this.#maxTests = options.maxTests;
    this.#idleMs = options.idleMs;
    this.#now = options.now;
  }

  get size(): number {
    return this.#tests.size;
  }

  /** The test, moved to the back of the idle order; undefined when unknown or dropped. */
  get(testId: string): { served: ServedRole | null; broken: BrokenTest | null } | undefined {
    this.#sweep();
    const entry = this.#tests.get(testId);
    if (entry === undefined) return undefined;
    this.#touch(testId, entry);
    return entry;
  }

  /** Whether a reset of `testId` finds room (a repeated reset always does). */
  hasRoomFor(testId: string): boolean {
    this.#sweep();
    return this.#tests.has(testId) || this.#tests.size < this.#maxTests;
  }

  set(testId: string, served: ServedRole): void {
    this.#tests.delete(testId);
    this.#tests.set(testId, { served, broken: null, lastUsedMs: this.#now() });
  }

  /** Marks the test broken (kept, so later requests name the reason, until its next reset). */
  breakTest(testId: string, broken: BrokenTest): void {
    this.#tests.delete(testId);
    this.#tests.set(testId, { served: null, broken, lastUsedMs: this.#now() });
  }

  delete(testId: string): void {
    this.#tests.delete(testId);
  }

  #touch(testId: string, entry: Entry): void {
    entry.lastUsedMs = this.#now();
    this.#tests.delete(testId);
    this.#tests.set(testId, entry);
  }

  /** Drops idle tests: the map is in last-use order, so the sweep stops at the first live one. */
  #sweep(): void {
    const oldest = this.#now() - this.#idleMs;
    for (const [testId, entry] of this.#tests) {
      if (entry.lastUsedMs > oldest) break;
      this.#tests.delete(testId);
    }
  }
}
