/**
 * A seeded pseudo-random source for the degradation corpus: the same seed gives the same images
 * on every machine (no Math.random), so a decode failure is reproduced by its case id alone.
 */

/** Uniform numbers in [0, 1) and helpers, all drawn from one seeded stream. */
export interface Random {
  next(): number;
  /** Uniform in [low, high). */
  between(low: number, high: number): number;
  /** Uniform integer in [low, high]. */
  integer(low: number, high: number): number;
  pick<T>(items: readonly T[]): T;
  /** Standard normal (Box–Muller). */
  gaussian(): number;
}

/**
 * mulberry32: 32-bit state, fast, and good enough for image noise (not for cryptography).
 *
 * @example
 * ```ts
 * const random = seededRandom(42);
 * random.between(0.4, 2.5); // the same number on every run
 * ```
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (low, high) => low + (high - low) * next(),
    integer: (low, high) => low + Math.floor((high - low + 1) * next()),
    pick: (items) => {
      const item = items[Math.floor(items.length * next())];
      if (item === undefined) throw new RangeError('consent-sim: pick from an empty list');
      return item;
    },
    gaussian: () => {
      const u = Math.max(next(), Number.EPSILON);
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
  };
}

/** Mixes a corpus seed and a case index into an independent seed (so cases can be made alone). */
export function caseSeed(seed: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  return (h ^ (h >>> 15)) >>> 0;
}
