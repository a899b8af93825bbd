import { describe, expect, it } from 'vitest';
import { createRng } from './rng.ts';

const draw = (seed: number | string, n: number): number[] => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    expect(draw(42, 50)).toEqual(draw(42, 50));
    expect(draw('42', 50)).toEqual(draw(42, 50));
    expect(draw(43, 50)).not.toEqual(draw(42, 50));
    expect(draw('scenario-a', 50)).not.toEqual(draw('scenario-b', 50));
  });

  it('keeps values in range', () => {
    const rng = createRng(7);
    for (let i = 0; i < 10_000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = rng.int(-3, 3);
      expect(Number.isInteger(n) && n >= -3 && n <= 3).toBe(true);
    }
    expect(rng.int(5, 5)).toBe(5);
    const seed = rng.fakerSeed();
    expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
  });

  it('forks streams that depend on the label, not on draws made before', () => {
    const a = createRng(1);
    const forkBefore = a.fork('network');
    const other = a.fork('faker');
    for (let i = 0; i < 100; i++) a.next();
    const forkAfter = a.fork('network');
    const seqBefore = Array.from({ length: 20 }, () => forkBefore.next());
    const seqAfter = Array.from({ length: 20 }, () => forkAfter.next());
    const seqOther = Array.from({ length: 20 }, () => other.next());
    expect(seqAfter).toEqual(seqBefore);
    expect(seqOther).not.toEqual(seqBefore);
    expect(forkBefore.seedKey).toBe('1/network');
    expect(a.fork('network').fork('x').seedKey).toBe('1/network/x');
  });

  it('draws roughly uniformly (chi-square over 10 buckets)', () => {
    const rng = createRng('uniformity');
    const buckets = new Array<number>(10).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const k = rng.int(0, 9);
      buckets[k] = (buckets[k] ?? 0) + 1;
    }
    const expected = n / 10;
    const chi2 = buckets.reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
    // 9 degrees of freedom: p = 0.001 at 27.88.
    expect(chi2).toBeLessThan(27.88);
    let hits = 0;
    for (let i = 0; i < n; i++) if (rng.chance(0.25)) hits++;
    expect(Math.abs(hits / n - 0.25)).toBeLessThan(0.01);
  });

  it('picks from arrays and rejects bad arguments with named errors', () => {
    const rng = createRng(3);
    const items = ['eda', 'email', 'post'] as const;
    const seen = new Set(Array.from({ length: 100 }, () => rng.pick(items)));
    expect([...seen].sort()).toEqual(['eda', 'email', 'post']);
    expect(() => rng.pick([])).toThrow(/consent-sim: rng.ts pick: cannot pick from an empty array/);
    expect(() => rng.int(3, 1)).toThrow(/consent-sim: rng.ts int/);
    expect(() => rng.chance(1.5)).toThrow(/probability must be within \[0, 1\], got 1.5/);
    expect(() => createRng(Number.NaN)).toThrow(/finite/);
  });
});
