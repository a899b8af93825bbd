/**
 * The one seeded source of randomness in a simulation: sfc32 (a small, fast 32-bit generator
 * that passes PractRand) seeded with the cyrb128 hash of a textual seed key.
 */
export interface Rng {
  /** The textual key this stream was seeded from (`"42"`, `"42/network"`, …). */
  readonly seedKey: string;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** A uniformly chosen element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** True with probability `p` (0 ≤ p ≤ 1). */
  chance(p: number): boolean;
  /**
   * An independent stream derived from this stream's seed and `label` only (not from how many
   * values were drawn), so a new draw in one subsystem never shifts another. Forking the same
   * label twice gives the same stream.
   */
  fork(label: string): Rng;
  /** A non-negative 32-bit integer to seed faker with (`faker.seed(rng.fakerSeed())`). */
  fakerSeed(): number;
}

/** cyrb128: hashes a string into four 32-bit words (the sfc32 state). */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

function fail(method: string, rule: string, value: unknown): never {
  throw new Error(`consent-sim: rng.ts ${method}: ${rule}, got ${String(value)}`);
}

/**
 * Creates a seeded random stream. A number seed and its decimal string give the same stream.
 *
 * @example
 * const rng = createRng(42);
 * const latency = rng.int(1_000, 5_000);
 * const faults = rng.fork('network'); // unaffected by further draws on `rng`
 */
export function createRng(seed: number | string): Rng {
  if (typeof seed === 'number' && !Number.isFinite(seed)) {
    fail('createRng', 'a numeric seed must be finite', seed);
  }
  const seedKey = String(seed);
  let [a, b, c, d] = cyrb128(seedKey);

  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard the first outputs: sfc32 mixes weakly right after seeding.
  for (let i = 0; i < 12; i++) nextUint32();

  const next = (): number => nextUint32() / 4294967296;

  return {
    seedKey,
    next,
    int(min, max) {
      if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
        fail('int', 'min and max must be integers with min ≤ max', `[${min}, ${max}]`);
      }
      return min + Math.floor(next() * (max - min + 1));
    },
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) fail('pick', 'cannot pick from an empty array', '[]');
      return items[Math.floor(next() * items.length)] as T;
    },
    chance(p) {
      if (!(p >= 0 && p <= 1)) fail('chance', 'probability must be within [0, 1]', p);
      return next() < p;
    },
    fork(label) {
      return createRng(`${seedKey}/${label}`);
    },
    fakerSeed() {
      return nextUint32();
    },
  };
}
