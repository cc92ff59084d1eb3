import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GepInputError } from '../../src/errors/errors.js';
import { computeGepUncertainty } from '../../src/uncertainty/monte-carlo.js';
import { computeGepSensitivity } from '../../src/uncertainty/sensitivity.js';
import { uncertaintyResultToJson } from '../../src/uncertainty/serialize.js';
import { uncertaintyToHtml, sensitivityToHtml, formatUncertaintyTable } from '../../src/io/uncertainty-report.js';
import { sensitivityResultToJson } from '../../src/uncertainty/serialize.js';

const SAMPLE = JSON.parse(readFileSync('fixtures/sample-county/input.json', 'utf8'));
const price = (value: string, unit: string) => ({ value, unit, priceYear: 2022 });
/** Two products: 12 000 t maize at 2 700 元/t = 32 400 000 元, 5 000 t wheat at 2 400 元/t = 12 000 000 元. */
const small = {
  region: { name: 'Test county', level: 'county' },
  accountingYear: 2022,
  priceYear: 2022,
  indicators: {
    'material.agriculture': {
      products: [
        { item: 'maize', quantity: { value: '12000', unit: 't' }, price: price('2700', '元/t'), ecosystemType: 'cropland' },
        { item: 'wheat', quantity: { value: '5000', unit: 't' }, price: price('2400', '元/t'), ecosystemType: 'cropland' },
      ],
    },
  },
};
const maize = 'indicators.material.agriculture.products[0].quantity';
const wheat = 'indicators.material.agriculture.products[1].quantity';

describe('computeGepUncertainty', () => {
  it('gives the interval of a linear account worked by hand', () => {
    // GEP = 2 700·Q_maize + 12 000 000 with Q_maize ~ normal(12 000 t, sd 1 000 t): mean 44 400 000,
    // sd 2 700 000, 5 % and 95 % at 44.4e6 ∓ 1.6449 × 2.7e6 = 39 958 801 and 48 841 199 元. The sample
    // of 10 000 fixed draws is within 4 standard errors: 27 000 (mean), 2.7e6·√(1/2e4) = 19 000 (sd), ≈ 50 000 (5 %, 95 %).
    const u = computeGepUncertainty(small, {
      spec: { inputs: [{ path: maize, distribution: { type: 'normal', sd: { value: '1000', unit: 't' } } }] },
      draws: 10_000,
      seed: 3,
    });
    expect(u.totals.gep.base).toBe('44400000');
    expect(Math.abs(u.totals.gep.mean - 44_400_000)).toBeLessThan(4 * 27_000);
    expect(Math.abs(u.totals.gep.sd - 2_700_000)).toBeLessThan(4 * 19_000);
    expect(Math.abs(u.totals.gep.p5 - 39_958_801)).toBeLessThan(200_000);
    expect(Math.abs(u.totals.gep.p95 - 48_841_199)).toBeLessThan(200_000);
    expect(u.counted).toBe(10_000);
    expect(u.parameters).toMatchObject([{ kind: 'input', key: maize, unit: 't', base: '12000', origin: 'specification' }]);
  });

  it('reproduces a run from its seed, and a factor or an amount in another unit is the same parameter', () => {
    const spec = (sd: object) => ({ inputs: [{ path: maize, distribution: { type: 'normal', sd } }] });
    const a = computeGepUncertainty(small, { spec: spec({ value: '0.1', unit: '万t' }), draws: 500, seed: 9 });
    const b = computeGepUncertainty(small, { spec: spec({ factor: '0.0833333333333333333333' }), draws: 500, seed: 9 });
    const c = computeGepUncertainty(small, { spec: spec({ value: '1000', unit: 't' }), draws: 500, seed: 9 });
    expect(uncertaintyResultToJson(c).totals).toEqual(uncertaintyResultToJson(a).totals);
    expect(b.totals.gep.p95).toBeCloseTo(a.totals.gep.p95, 0);
    expect(computeGepUncertainty(small, { spec: spec({ value: '1000', unit: 't' }), draws: 500, seed: 10 }).totals.gep.mean).not.toBe(
      a.totals.gep.mean,
    );
  });

  it('moves parameters sharing a draw together', () => {
    // Shared: both quantities take the same uniform, so GEP's sd is the sum 2 700·1 000 + 2 400·500 = 3.9e6;
    // independent it would be √(2.7e6² + 1.2e6²) = 2.95e6.
    const item = (path: string, sd: string, shared?: string) => ({
      path,
      distribution: { type: 'normal', sd: { value: sd, unit: 't' } },
      ...(shared ? { shared } : {}),
    });
    const together = computeGepUncertainty(small, {
      spec: { inputs: [item(maize, '1000', 'harvest'), item(wheat, '500', 'harvest')] },
      draws: 4000,
    });
    const apart = computeGepUncertainty(small, { spec: { inputs: [item(maize, '1000'), item(wheat, '500')] }, draws: 4000 });
    expect(together.totals.gep.sd / 3.9e6).toBeCloseTo(1, 1);
    expect(apart.totals.gep.sd / 2.95e6).toBeCloseTo(1, 1);
  });

  it('does not count draws the input schema refuses, and says how many and why', () => {
    // normal(12 000, sd 12 000) is negative with probability Φ(−1) = 15.9 %.
    const u = computeGepUncertainty(small, {
      spec: { inputs: [{ path: maize, distribution: { type: 'normal', sd: { factor: '1' } } }] },
      draws: 2000,
      seed: 4,
    });
    const refused = u.refused.reduce((s, r) => s + r.count, 0);
    expect(refused + u.counted).toBe(2000);
    expect(refused / 2000).toBeGreaterThan(0.12);
    expect(refused / 2000).toBeLessThan(0.2);
    expect(u.refused[0]!.reason).toContain(`negative value of ${maize}`);
    expect(u.totals.gep.min).toBeGreaterThanOrEqual(12_000_000);
    expect(u.warnings.some((w) => w.code === 'uncertainty-refused')).toBe(true);
  });

  it("does not count draws whose ecosystem areas exceed the region's (the plausibility check of computeGep)", () => {
    // The sample's water-conservation lines cover all its 2 208 km²: its forest line of 420 km²
    // drawn from 300 to 1 000 km² pushes most draws past the region's area (+ its tolerance).
    const path = 'indicators.regulating.water-conservation.ecosystems[0].area';
    const u = computeGepUncertainty(SAMPLE, {
      spec: {
        defaults: 'none',
        inputs: [{ path, distribution: { type: 'uniform', min: { value: '300', unit: 'km²' }, max: { value: '1000', unit: 'km²' } } }],
      },
      draws: 400,
      seed: 5,
    });
    const refused = u.refused.filter((r) => r.reason.includes('plausibility'));
    expect(refused.length).toBe(1);
    expect(refused[0]!.count).toBeGreaterThan(0);
    expect(refused[0]!.count + u.counted).toBe(400);
  });

  it('locates every problem of a specification', () => {
    try {
      computeGepUncertainty(small, {
        spec: {
          inputs: [
            {
              path: 'indicators.material.agriculture.products[3].quantity',
              distribution: { type: 'uniform', min: { factor: '0.9' }, max: { factor: '1.1' } },
            },
            { path: maize, distribution: { type: 'normal', sd: { value: '5', unit: 'm³' } } },
            { path: wheat, distribution: { type: 'triangular', min: { factor: '1.2' }, max: { factor: '1.1' } } },
          ],
          coefficients: [{ id: 'no-such-coefficient', distribution: { type: 'uniform', min: { factor: '0' }, max: { factor: '1' } } }],
        },
      });
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(GepInputError);
      expect((e as GepInputError).issues.map((i) => `${i.code} ${i.path.join('.')}`)).toEqual([
        'input.unknown-field uncertainty.inputs.0.path',
        'input.unit-dimension uncertainty.inputs.1.distribution.sd.unit',
        'input.out-of-range uncertainty.inputs.2.distribution',
        'coefficient.unknown uncertainty.coefficients.0.id',
      ]);
    }
  });

  it('gives the sample county intervals stable to 1 % between two seeds at 10 000 draws, with default ranges for its to-verify coefficients', () => {
    const runs = [1, 2].map((seed) => computeGepUncertainty(SAMPLE, { draws: 10_000, seed }));
    for (const q of ['p5', 'median', 'p95'] as const) {
      expect(Math.abs(runs[0]!.totals.gep[q] / runs[1]!.totals.gep[q] - 1)).toBeLessThan(0.01);
      // The widest indicator interval too (sand fixation, RWEQ with ±30 % constants).
      const a = runs[0]!.indicators.find((i) => i.id === 'regulating.sand-fixation')![q];
      const b = runs[1]!.indicators.find((i) => i.id === 'regulating.sand-fixation')![q];
      expect(Math.abs(a / b - 1)).toBeLessThan(0.03);
    }
    const u = runs[0]!;
    expect(u.parameters.length).toBeGreaterThan(5);
    expect(u.parameters.every((p) => p.kind === 'coefficient' && p.status === 'to-verify' && p.origin.startsWith('default'))).toBe(true);
    // Indicators without a drawn parameter keep their exact value in every draw.
    const agriculture = u.indicators.find((i) => i.id === 'material.agriculture')!;
    expect(agriculture.sd).toBe(0);
    expect(agriculture.median).toBe(Number(agriculture.base));
    const html = uncertaintyToHtml(uncertaintyResultToJson(u));
    expect(html).toContain('data-chart="uncertainty-histogram"');
    expect(html).toContain('data-chart="uncertainty-intervals"');
    expect(formatUncertaintyTable(uncertaintyResultToJson(u))).toContain('regulating.sand-fixation');
  });
});

describe('computeGepSensitivity', () => {
  it("gives each parameter's swing at its 5th and 95th percentile and names the coefficients that move GEP most", () => {
    // Maize quantity uniform(10 000, 14 000) t: 5 % and 95 % at 10 200 and 13 800 t, swing 3 600 × 2 700 = 9 720 000 元.
    const s = computeGepSensitivity(small, {
      spec: {
        inputs: [
          { path: maize, distribution: { type: 'uniform', min: { value: '10000', unit: 't' }, max: { value: '14000', unit: 't' } } },
        ],
      },
      samples: 2048,
    });
    const q = s.swings.find((x) => x.key === maize)!;
    expect([q.low, q.high]).toEqual([10_200, 13_800]);
    expect(q.swing).toBeCloseTo(9_720_000, 3);
    expect(s.swings[0]!.key).toBe(q.key);
    // The only coefficient-free account: no coefficient is read, so none is named.
    expect(s.topCoefficients).toEqual([]);
    // One parameter explains all the variance.
    expect(s.firstOrder.indices[0]!.index).toBeCloseTo(1, 6);
  });

  it('splits the variance of two independent products by their shares (first-order indices)', () => {
    // V = (2 700·σ₁)² + (2 400·σ₂)² with σ₁ = 1 000, σ₂ = 1 500 t: 7.29e12 + 12.96e12; S = 0.36 and 0.64.
    // N = 4 096 fixed samples: the estimates are within 0.05 (a few standard errors of the estimator).
    const item = (path: string, sd: string) => ({ path, distribution: { type: 'normal', sd: { value: sd, unit: 't' } } });
    const s = computeGepSensitivity(small, { spec: { inputs: [item(maize, '1000'), item(wheat, '1500')] } });
    const index = (k: string) => s.firstOrder.indices.find((i) => i.keys[0] === k)!.index;
    expect(Math.abs(index(maize) - 0.36)).toBeLessThan(0.05);
    expect(Math.abs(index(wheat) - 0.64)).toBeLessThan(0.05);
  });

  it("names the five coefficients that move the sample county's GEP most and draws the tornado chart", () => {
    const s = computeGepSensitivity(SAMPLE, { samples: 512 });
    expect(s.topCoefficients).toHaveLength(5);
    // The largest swings are coefficients read by the largest indicators (climate regulation,
    // water conservation); each swing is |GEP(high) − GEP(low)|.
    const first = s.swings[0]!;
    expect(first.swing).toBeCloseTo(Math.abs(first.gepHigh - first.gepLow), 0);
    expect(s.swings.every((x, i) => i === 0 || Number.isNaN(x.swing) || x.swing <= s.swings[i - 1]!.swing)).toBe(true);
    const html = sensitivityToHtml(sensitivityResultToJson(s));
    expect(html).toContain('data-chart="sensitivity-tornado"');
    for (const id of s.topCoefficients) expect(html).toContain(`<code>${id}</code>`);
  });
});
