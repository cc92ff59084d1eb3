import { describe, expect, it } from 'vitest';
import { moments, normalQuantile, quantileOf, type Distribution } from '../../src/uncertainty/distributions.js';
import { Random } from '../../src/uncertainty/random.js';

describe('normalQuantile (AS 241)', () => {
  it('gives the standard normal quantiles', () => {
    // Reference values: Python's statistics.NormalDist().inv_cdf (also AS 241), equal to 16 digits.
    const cases: [number, number][] = [
      [0.5, 0],
      [0.975, 1.9599639845400536],
      [0.05, -1.6448536269514726],
      [0.3, -0.5244005127080407],
      [1e-10, -6.361340902404056],
      [0.999999, 4.753424308817089],
    ];
    for (const [p, z] of cases) expect(Math.abs(normalQuantile(p) - z)).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(z)));
    expect(normalQuantile(0.2)).toBeCloseTo(-normalQuantile(0.8), 14);
  });
});

describe('distributions', () => {
  // 200 000 draws each from a fixed seed (deterministic: the test cannot flake). Tolerances are
  // 6 standard errors of the sample mean (σ/√n) and of the sample variance (≈ σ²·√((κ − 1)/n),
  // κ the kurtosis: 3 normal, 2.4 triangular, 1.8 uniform; the lognormal's is large, so its
  // variance is checked through ln X instead).
  const n = 200_000;
  const sample = (d: Distribution, seed: number) => {
    const r = new Random(seed);
    return Float64Array.from({ length: n }, () => quantileOf(d, r.nextOpen()));
  };
  const meanVar = (xs: Float64Array) => {
    let m = 0;
    for (const x of xs) m += x;
    m /= xs.length;
    let v = 0;
    for (const x of xs) v += (x - m) ** 2;
    return { mean: m, variance: v / (xs.length - 1) };
  };
  const cases: [Distribution, number][] = [
    [{ type: 'normal', mean: 120, sd: 15 }, 3],
    [{ type: 'triangular', min: 70, mode: 100, max: 160 }, 2.4],
    [{ type: 'uniform', min: -2, max: 6 }, 1.8],
  ];
  for (const [d, kurtosis] of cases) {
    it(`samples a ${d.type} distribution with its mean and variance`, () => {
      const { mean, variance } = meanVar(sample(d, 11));
      const m = moments(d);
      expect(Math.abs(mean - m.mean)).toBeLessThan(6 * Math.sqrt(m.variance / n));
      expect(Math.abs(variance - m.variance)).toBeLessThan(6 * m.variance * Math.sqrt((kurtosis - 1) / n));
    });
  }

  it('samples a lognormal distribution whose logarithm has mean ln(median) and sd ln(gsd)', () => {
    const d: Distribution = { type: 'lognormal', median: 50, gsd: 1.5 };
    const xs = sample(d, 12);
    const { mean, variance } = meanVar(xs.map(Math.log));
    const s = Math.log(1.5);
    expect(Math.abs(mean - Math.log(50))).toBeLessThan((6 * s) / Math.sqrt(n));
    expect(Math.abs(variance - s * s)).toBeLessThan(6 * s * s * Math.sqrt(2 / n));
    // and its mean median·exp(s²/2) = 50 × e^0.0822 = 54.28
    expect(moments(d).mean).toBeCloseTo(54.28, 2);
  });

  it('draws each value of an empirical list equally often', () => {
    const xs = sample({ type: 'empirical', values: [1, 2, 5] }, 13);
    const counts = [1, 2, 5].map((v) => xs.filter((x) => x === v).length / n);
    // each 1/3 ± 6 standard errors √(p(1−p)/n) = 6.3e-3
    for (const c of counts) expect(Math.abs(c - 1 / 3)).toBeLessThan(6.3e-3);
  });

  it('keeps triangular and uniform draws within their bounds and maps a shared uniform monotonically', () => {
    const t: Distribution = { type: 'triangular', min: 70, mode: 100, max: 160 };
    expect([quantileOf(t, 1e-12), quantileOf(t, 0.5), quantileOf(t, 1 - 1e-12)].every((x) => x >= 70 && x <= 160)).toBe(true);
    // median of triangular(70, 100, 160): F(100) = 30/90 < 1/2, so b − √(0.5·90·60) = 160 − 51.96 = 108.04
    expect(quantileOf(t, 0.5)).toBeCloseTo(108.04, 2);
    const us = [0.1, 0.3, 0.5, 0.7, 0.9];
    for (const d of cases.map((c) => c[0])) {
      const xs = us.map((u) => quantileOf(d, u));
      expect(xs.every((x, i) => i === 0 || x > xs[i - 1]!)).toBe(true);
    }
  });
});
