import { describe, expect, it } from 'vitest';
import * as floodRegulation from '../../../src/indicators/regulating/flood-regulation.js';
import { issuesOf, relativeDifference, runBoth, runIndicator, untranslated } from '../../helpers/indicator.js';
import { decimalArithmetic } from '../../../src/numbers/arithmetic.js';

const forest = {
  ecosystemType: 'deciduous-broadleaf-forest',
  area: { value: '10', unit: 'km²' },
  stormRainfall: { value: '100', unit: 'mm' },
  stormRunoffCoefficient: { value: '20', unit: '%' },
};
/** Lakes with a = 0, b = 0.5 given in the input: C = √A 万m³, so the sums are easy to check. */
const squareRootLakes = [
  { item: 'lake A', a: '0', b: '0.5', area: { value: '4', unit: 'km²' } },
  { item: 'lake B', a: '0', b: '0.5', area: { value: '9', unit: 'km²' } },
];
const reservoir = { item: 'reservoir', totalCapacity: { value: '1000', unit: '万m³' } };
const marsh = { item: 'marsh', area: { value: '2', unit: 'km²' } };

const q = (r: { quantity: { lines: readonly { item: string; quantity: { value: unknown } }[] } }, item: string) =>
  String(r.quantity.lines.find((l) => l.item === item)!.quantity.value);

describe('regulating.flood-regulation', () => {
  it('adds vegetation, lakes (per lake), reservoirs and marshes and values them at the reservoir cost', () => {
    // vegetation: R_h = 100 mm × 20 % = 20 mm; C_v = 10 km² × (100 − 20) mm = 10⁷ m² × 0.08 m = 800 000 m³/a
    // lakes: e^0 × 4^0.5 = 2 万m³ and e^0 × 9^0.5 = 3 万m³ → C_l = 50 000 m³/a
    //   (the summed area would give √13 = 3.6056 万m³: the regression is applied lake by lake)
    // reservoir: C_r = 0.35 × 1 000 万m³ = 3 500 000 m³/a (ganzi-2017 share)
    // marsh: C_m = 0.3 m × 2 km² = 600 000 m³/a (ganzi-2017 depth)
    // Q = 800 000 + 50 000 + 3 500 000 + 600 000 = 4 950 000 m³/a
    // V = 4 950 000 × 7.06 元/m³ (reservoir-storage-cost, 2010) = 34 947 000 元
    const { decimal, float } = runBoth(floodRegulation, {
      vegetation: [forest],
      lakes: squareRootLakes,
      reservoirs: [reservoir],
      marshes: [marsh],
    });
    expect(q(decimal, 'vegetation · deciduous-broadleaf-forest')).toBe('800000');
    expect(q(decimal, 'lake · lake A')).toBe('20000');
    expect(q(decimal, 'lake · lake B')).toBe('30000');
    expect(q(decimal, 'reservoir · reservoir')).toBe('3500000');
    expect(q(decimal, 'marsh · marsh')).toBe('600000');
    expect(decimal.A.toString(decimal.quantity.total!.value)).toBe('4950000');
    expect(decimal.A.toString(decimal.value.total.value)).toBe('34947000');
    expect(relativeDifference(float.value.total.value, 34_947_000)).toBeLessThan(1e-12);
    expect(decimal.quantity.steps.filter((s) => /^C_[vlrm]$/.test(s.name)).map((s) => [s.name, s.result.value])).toEqual([
      ['C_v', '800000'],
      ['C_l', '50000'],
      ['C_r', '3500000'],
      ['C_m', '600000'],
    ]);
    expect(decimal.value.warnings.map((w) => w.code)).toContain('price-year-mismatch'); // 2010 price in a 2022 account without an index
  });

  it('applies the Qinghai–Tibet regression ln C = 6.636 + 0.678 ln A per lake', () => {
    // 1 km²: C = e^6.636 = 762.0407256550… 万m³ = 7 620 407.256550… m³/a
    // 8 km²: C = e^6.636 × 8^0.678 = 762.0407… × 4.0953876… = 3 120.85… 万m³
    const lakes = [
      { item: 'one', region: 'qinghai-tibet-plateau', area: { value: '1', unit: 'km²' } },
      { item: 'eight', region: 'qinghai-tibet-plateau', area: { value: '8', unit: 'km²' } },
    ];
    const { decimal, float } = runBoth(floodRegulation, { lakes });
    // exp is evaluated in double precision on both paths (src/numbers/arithmetic.ts): ~16 digits
    expect(q(decimal, 'lake · one').startsWith('7620407.25655043')).toBe(true);
    expect(relativeDifference(Number(q(decimal, 'lake · eight')), Math.exp(6.636) * 8 ** 0.678 * 1e4)).toBeLessThan(1e-14);
    expect(relativeDifference(float.quantity.total!.value, decimal.quantity.total!.value.toNumber())).toBeLessThan(1e-12);
    expect(decimal.coefficients.filter((c) => c.id.startsWith('lake')).map((c) => [c.id, c.status])).toEqual([
      ['lake-regression.qinghai-tibet-plateau.a', 'verified'],
      ['lake-regression.qinghai-tibet-plateau.b', 'verified'],
      ['lake-water-renewals', 'verified'],
      ['lake-regression.min-area', 'verified'],
    ]);
  });

  it('uses the recalled regional pairs as to-verify, which strict mode refuses', () => {
    // eastern plain, 1 km²: C = e^4.924 = 137.5517… 万m³
    const lakes = [{ item: 'east', region: 'eastern-plain', area: { value: '1', unit: 'km²' } }];
    const { quantity, coefficients } = runIndicator(floodRegulation, { lakes }, decimalArithmetic);
    expect(relativeDifference(quantity.total!.value.toNumber(), Math.exp(4.924) * 1e4)).toBeLessThan(1e-14);
    expect(coefficients.find((c) => c.id === 'lake-regression.eastern-plain.a')!.status).toBe('to-verify');
    expect(issuesOf(() => runIndicator(floodRegulation, { lakes }, decimalArithmetic, { strict: true }))[0]!.code).toBe(
      'coefficient.to-verify',
    );
  });

  it('needs a and b for a Mongolia–Xinjiang lake, and both of them', () => {
    const base = { item: 'west', region: 'mongolia-xinjiang-plateau', area: { value: '4', unit: 'km²' } };
    expect(issuesOf(() => runIndicator(floodRegulation, { lakes: [base] }, decimalArithmetic))).toEqual([
      {
        code: 'input.required',
        path: 'indicators.regulating.flood-regulation.lakes.0.a',
        expected:
          'the coefficients a and b: the table has no lake regression for region "mongolia-xinjiang-plateau" (its pair is not known); give a and b',
        found: undefined,
      },
    ]);
    expect(issuesOf(() => runIndicator(floodRegulation, { lakes: [{ ...base, a: '1' }] }, decimalArithmetic)).map((i) => i.path)).toEqual([
      'indicators.regulating.flood-regulation.lakes.0.b',
    ]);
    // with a = 0, b = 0.5: C = √4 = 2 万m³
    const { quantity } = runIndicator(floodRegulation, { lakes: [{ ...base, a: '0', b: '0.5' }] }, decimalArithmetic);
    expect(quantity.total!.value.toString()).toBe('20000');
  });

  it('gives zero for zero areas and warns for a lake smaller than the regression range', () => {
    const input = {
      vegetation: [{ ...forest, area: { value: '0', unit: 'km²' } }],
      lakes: [
        { item: 'dry', region: 'qinghai-tibet-plateau', area: { value: '0', unit: 'km²' } },
        { item: 'pond', a: '0', b: '0.5', area: { value: '0.25', unit: 'km²' } }, // √0.25 = 0.5 万m³
      ],
      marshes: [{ item: 'none', area: { value: '0', unit: 'hm²' } }],
    };
    const { decimal, float } = runBoth(floodRegulation, input);
    expect(decimal.quantity.lines.map((l) => l.quantity.value.toString())).toEqual(['0', '0', '5000', '0']);
    expect(float.quantity.total!.value).toBe(5000);
    expect(decimal.quantity.warnings.map((w) => [w.code, w.path!.join('.')])).toEqual([
      ['lake-below-regression-range', 'indicators.regulating.flood-regulation.lakes.1.area'],
    ]);
  });

  it('takes a storm runoff depth, and refuses one larger than the storm rainfall', () => {
    // C_v = 10 km² × (100 − 35) mm = 650 000 m³/a
    const depth = { ...forest, stormRunoffCoefficient: undefined, stormRunoff: { value: '35', unit: 'mm' } };
    expect(runIndicator(floodRegulation, { vegetation: [depth] }, decimalArithmetic).quantity.total!.value.toString()).toBe('650000');
    expect(
      issuesOf(() =>
        runIndicator(floodRegulation, { vegetation: [{ ...depth, stormRunoff: { value: '120', unit: 'mm' } }] }, decimalArithmetic),
      ),
    ).toEqual([
      {
        code: 'input.out-of-range',
        path: 'indicators.regulating.flood-regulation.vegetation.0.stormRunoff',
        expected: 'a storm runoff no larger than the storm rainfall (100 mm)',
        found: '120 mm',
      },
    ]);
  });

  it('uses a given flood-control share or retention depth over the table values', () => {
    // 0.5 × 200 万m³ = 1 000 000 m³; 0.5 m × 100 hm² = 500 000 m³
    const { quantity, coefficients } = runIndicator(
      floodRegulation,
      {
        reservoirs: [{ item: 'r', totalCapacity: { value: '200', unit: '万m³' }, floodControlShare: { value: '50', unit: '%' } }],
        marshes: [{ item: 'm', area: { value: '100', unit: 'hm²' }, retentionDepth: { value: '50', unit: 'cm' } }],
      },
      decimalArithmetic,
    );
    expect(quantity.lines.map((l) => l.quantity.value.toString())).toEqual(['1000000', '500000']);
    expect(coefficients.map((c) => c.id)).toEqual(['reservoir-storage-cost']); // no share, no depth from the table
  });

  it('excludes vegetation in the variant vegetation: exclude, with a warning', () => {
    const { quantity } = runIndicator(floodRegulation, { vegetation: [forest], marshes: [marsh] }, decimalArithmetic, {
      variant: { vegetation: 'exclude' },
    });
    expect(quantity.total!.value.toString()).toBe('600000');
    expect(quantity.warnings.map((w) => w.code)).toEqual(['component-excluded']);
  });

  it('collects every missing field before failing, and refuses an empty input', () => {
    const input = {
      vegetation: [{ ecosystemType: 'temperate-tussock' }],
      lakes: [{ item: 'x' }],
      reservoirs: [{ item: 'y' }],
      marshes: [{ item: 'z' }],
    };
    expect(
      issuesOf(() => runIndicator(floodRegulation, input, decimalArithmetic)).map(
        (i) => `${i.code} ${i.path.replace('indicators.regulating.flood-regulation.', '')}`,
      ),
    ).toEqual([
      'input.required vegetation.0.area',
      'input.required vegetation.0.stormRainfall',
      'input.required vegetation.0.stormRunoff',
      'input.required lakes.0.region',
      'input.required lakes.0.area',
      'input.required reservoirs.0.totalCapacity',
      'input.required marshes.0.area',
    ]);
    expect(issuesOf(() => runIndicator(floodRegulation, {}, decimalArithmetic))[0]!.code).toBe('input.missing-basis');
    expect(issuesOf(() => runIndicator(floodRegulation, { lakes: [{ item: 'x', region: 'atlantis' }] }, decimalArithmetic))[0]!.path).toBe(
      'indicators.regulating.flood-regulation.lakes.0.region',
    );
    expect(
      issuesOf(() => runIndicator(floodRegulation, { marshes: [{ item: 'z', area: { value: '-1', unit: 'km²' } }] }, decimalArithmetic))[0]!
        .code,
    ).toBe('input.out-of-range');
  });

  it('names every step and warning in Chinese too', () => {
    const input = {
      vegetation: [forest, { ...forest, item: 'reported forest', reported: { value: '1', unit: 'm³/a' } }],
      lakes: [
        ...squareRootLakes,
        { item: 'pond', a: '0', b: '0.5', area: { value: '0.25', unit: 'km²' } },
        { item: 'dry', a: '0', b: '0.5', area: { value: '0', unit: 'km²' } },
      ],
      reservoirs: [reservoir],
      marshes: [marsh],
    };
    const r = runIndicator(floodRegulation, input, decimalArithmetic);
    expect(r.quantity.warnings.map((w) => w.code)).toEqual(['reported-quantity-used', 'lake-below-regression-range']);
    expect(untranslated(r)).toEqual([]);
    expect(r.quantity.steps.find((s) => s.name === 'flood storage of vegetation · deciduous-broadleaf-forest')!.zh!.name).toBe(
      '植被 · 落叶阔叶林调蓄量',
    );
    expect(r.value.steps.find((s) => s.name === 'value of lake · lake A')!.zh!.name).toBe('湖泊 · lake A价值量');
    expect(r.quantity.warnings[1]!.zh).toBe('湖泊 pond：面积 0.25 km² 小于 rao-2014 所评估湖泊的 1 km²，回归式为外推');
    const excluded = runIndicator(floodRegulation, { vegetation: [forest], marshes: [marsh] }, decimalArithmetic, {
      variant: { vegetation: 'exclude' },
    });
    expect(untranslated(excluded)).toEqual([]);
  });

  it('values at a given price and refuses a price of another year', () => {
    const unitPrice = { value: '10', unit: '元/m³', priceYear: 2022 };
    expect(runIndicator(floodRegulation, { marshes: [marsh], unitPrice }, decimalArithmetic).value.total.value.toString()).toBe('6000000');
    expect(
      issuesOf(() =>
        runIndicator(floodRegulation, { marshes: [marsh], unitPrice: { ...unitPrice, priceYear: 2014 } }, decimalArithmetic),
      )[0]!.code,
    ).toBe('input.price-year');
  });
});

describe('regulating.flood-regulation, reported storage', () => {
  it('takes a reported volume instead of the computation, with a warning when other fields are given', () => {
    const { quantity } = runIndicator(
      floodRegulation,
      {
        reservoirs: [{ ...reservoir, reported: { value: '120', unit: '万m³' } }], // 防洪库容 as registered
      },
      decimalArithmetic,
    );
    expect(quantity.total!.value.toString()).toBe('1200000');
    expect(quantity.warnings.map((w) => w.code)).toEqual(['reported-quantity-used']);
  });

  it('reproduces the Gaotianyan 2014 water-storage rows: 蓄水量 × 0.92 元/m³', () => {
    // shared/cases/gaotianyan-2014.md, Table 2 (miao-2017): 蓄水量 ×10⁴ m³/a and 蓄水价值 ×10⁴ 元/a
    //   coniferous 23.83 × 0.92 = 21.9236 → 21.92; broadleaf 98.98 × 0.92 = 91.0616 → 91.06;
    //   mixed 47.26 × 0.92 = 43.4792 → 43.48; bamboo 4.66 × 0.92 = 4.2872 → 4.29; shrub 3.93 × 0.92 = 3.6156 → 3.62;
    //   total 178.66 × 0.92 = 164.3672 → 164.37 (Table 4 prints 164.37)
    const rows = [
      ['coniferous 针叶林', 'evergreen-needleleaf-forest', '23.83', '21.92'],
      ['broadleaf 阔叶林', 'evergreen-broadleaf-forest', '98.98', '91.06'],
      ['mixed 针阔混交林', 'mixed-forest', '47.26', '43.48'],
      ['bamboo 竹林', 'forest', '4.66', '4.29'],
      ['shrub 灌丛', 'shrubland', '3.93', '3.62'],
    ] as const;
    const input = {
      vegetation: rows.map(([item, type, v]) => ({ item, ecosystemType: type, reported: { value: v, unit: '万m³/a' } })),
      unitPrice: { value: '0.92', unit: '元/m³', priceYear: 2014 },
    };
    const { decimal, float } = runBoth(floodRegulation, input, { priceYear: 2014 });
    const printed = decimal.value.lines.map((l) => l.value.value.dividedBy(1e4).toDecimalPlaces(2).toFixed(2));
    expect(printed).toEqual(rows.map((r) => r[3]));
    expect(decimal.quantity.total!.value.toString()).toBe('1786600');
    expect(decimal.value.total.value.toString()).toBe('1643672');
    expect(decimal.value.total.value.dividedBy(1e4).toDecimalPlaces(2).toFixed(2)).toBe('164.37');
    expect(relativeDifference(float.value.total.value, 1_643_672)).toBeLessThan(1e-12);
  });
});
