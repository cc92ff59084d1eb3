import { describe, expect, it } from 'vitest';
import { Random } from '../../src/uncertainty/random.js';

describe('Random (xoshiro128** seeded by SplitMix32)', () => {
  it("gives the reference implementation's outputs", () => {
    // From the authors' C code (prng.di.unimi.it/xoshiro128starstar.c), its state filled by
    // SplitMix32 from seed 42, compiled with gcc -O2: the first six outputs and the 1 000th.
    const r = new Random(42);
    const first = Array.from({ length: 6 }, () => r.nextUint32());
    expect(first).toEqual([2837322924, 544945897, 479756282, 3500138142, 339756180, 113173290]);
    for (let i = 6; i < 999; i++) r.nextUint32();
    expect(r.nextUint32()).toBe(3502085780);
  });

  it('repeats a sequence from its seed and gives another from another seed', () => {
    const a = new Random(7);
    const b = new Random(7);
    const c = new Random(8);
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c.next())).not.toEqual(xs);
  });

  it('gives uniform doubles in [0, 1) with mean 1/2 and variance 1/12', () => {
    // 100 000 draws of a fixed seed (the test cannot flake): the standard error of the mean is
    // √(1/12/10⁵) = 9.1e-4 and of the variance ≈ 2.4e-4; the tolerances are 5 of them.
    const r = new Random(2024);
    const n = 100_000;
    let s = 0;
    let s2 = 0;
    let lo = 1;
    let hi = 0;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      s += u;
      s2 += u * u;
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
    }
    const mean = s / n;
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * 9.1e-4);
    expect(Math.abs(s2 / n - mean * mean - 1 / 12)).toBeLessThan(5 * 2.4e-4);
  });
});
