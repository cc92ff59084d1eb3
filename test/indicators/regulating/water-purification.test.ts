import { describe, expect, it } from 'vitest';
import * as waterPurification from '../../../src/indicators/regulating/water-purification.js';
import { issuesOf, relativeDifference, runBoth, runIndicator, untranslated } from '../../helpers/indicator.js';
import { decimalArithmetic } from '../../../src/numbers/arithmetic.js';

const P = 'indicators.regulating.water-purification';
// capacities per km² of marsh (input: no table value exists): COD 50, TN 5, TP 1, NH₃-N 3 t/(km²·a); 10 km²
//   → capacity COD 500, TN 50, TP 10, NH₃-N 30 t/a
const marsh = {
  ecosystemType: 'marsh-and-reservoir',
  area: { value: '10', unit: 'km²' },
  capacity: {
    cod: { value: '50', unit: 't/(km²·a)' },
    tn: { value: '5', unit: 't/(km²·a)' },
    tp: { value: '1', unit: 't/(km²·a)' },
    nh3n: { value: '3', unit: 't/(km²·a)' },
  },
};
const loads = {
  cod: { value: '800', unit: 't' },
  tn: { value: '100', unit: 't' },
  tp: { value: '4', unit: 't' },
  nh3n: { value: '20', unit: 't' },
};
const tnPrice = { tn: { value: '2000', unit: '元/t', priceYear: 2022 } };

describe('regulating.water-purification', () => {
  it('takes min(load, capacity) per pollutant and prices it by the water pollution equivalent', () => {
    // COD min(800, 500) = 500; TN min(100, 50) = 50; TP min(4, 10) = 4 (capped); NH₃-N min(20, 30) = 20 (capped)
    // c = 1.4 元/当量 × 1000 / e: COD 1 400, TP 1.4/0.25 → 5 600, NH₃-N 1.4/0.8 → 1 750 元/t; TN given 2 000 元/t
    // V = 500 × 1 400 + 50 × 2 000 + 4 × 5 600 + 20 × 1 750 = 700 000 + 100 000 + 22 400 + 35 000 = 857 400 元
    const { decimal, float } = runBoth(waterPurification, { ecosystems: [marsh], loads, prices: tnPrice });
    expect(decimal.quantity.lines.map((l) => [l.item, l.quantity.value.toString()])).toEqual([
      ['COD', '500'],
      ['TN', '50'],
      ['TP', '4'],
      ['NH₃-N', '20'],
    ]);
    expect(decimal.value.lines.map((l) => l.unitPrice!.value.toString())).toEqual(['1400', '2000', '5600', '1750']);
    expect(decimal.value.total.value.toString()).toBe('857400');
    expect(relativeDifference(float.value.total.value, 857400)).toBeLessThan(1e-12);
    expect(decimal.quantity.warnings.map((w) => w.code)).toEqual(['purification-capped', 'purification-capped', 'nitrogen-counted-twice']);
  });

  it('needs a price for TN on either route: the tax law gives it no equivalent', () => {
    expect(issuesOf(() => runIndicator(waterPurification, { ecosystems: [marsh], loads }, decimalArithmetic))).toEqual([
      {
        code: 'input.required',
        path: `${P}.prices.tn`,
        expected:
          'a unit price for TN: the Environmental Protection Tax Law gives it no pollution equivalent, so the pollution-equivalent route cannot price it',
        found: undefined,
      },
    ]);
    expect(
      issuesOf(() =>
        runIndicator(waterPurification, { ecosystems: [marsh], loads }, decimalArithmetic, { variant: { price: 'treatment-cost' } }),
      ),
    ).toEqual([
      {
        code: 'input.required',
        path: `${P}.prices.tn`,
        expected: 'a unit price for TN: the table has no treatment cost for it',
        found: undefined,
      },
    ]);
  });

  it('prices by the treatment costs of ganzi-2017 in the variant price: treatment-cost', () => {
    // 500 × 700 + 50 × 2 000 + 4 × 2 800 + 20 × 875 = 350 000 + 100 000 + 11 200 + 17 500 = 478 700 元
    const { value } = runIndicator(waterPurification, { ecosystems: [marsh], loads, prices: tnPrice }, decimalArithmetic, {
      variant: { price: 'treatment-cost' },
    });
    expect(value.total.value.toString()).toBe('478700');
  });

  it('uses the Shanxi rate and the national pollutant set without NH₃-N', () => {
    // cod-tn-tp: COD 500 × 2 100 + TN 50 × 2 000 + TP 4 × 8 400 = 1 050 000 + 100 000 + 33 600 = 1 183 600 元
    const { quantity, value } = runIndicator(waterPurification, { ecosystems: [marsh], loads, prices: tnPrice }, decimalArithmetic, {
      variant: { taxRate: 'shanxi', pollutants: 'cod-tn-tp' },
    });
    expect(value.total.value.toString()).toBe('1183600');
    // The marsh's NH₃-N capacity is named as not used (NH₃-N is outside the set).
    expect(quantity.warnings.map((w) => w.code)).toEqual(['pollutant-not-in-profile', 'input-not-used', 'purification-capped']);
    expect(quantity.warnings[1]!.message).toContain('capacity.nh3n not used by variant pollutants: cod-tn-tp');
  });

  it('values COD and NH₃-N loads themselves in the ganzi-2017 variants', () => {
    // quantity: load, pollutants: cod-nh3n, price: treatment-cost: 800 × 700 + 20 × 875 = 560 000 + 17 500 = 577 500 元
    const { decimal, float } = runBoth(
      waterPurification,
      { loads },
      { variant: { quantity: 'load', pollutants: 'cod-nh3n', price: 'treatment-cost' } },
    );
    expect(decimal.value.total.value.toString()).toBe('577500');
    expect(float.value.total.value).toBe(577500);
  });

  it('gives zero for a zero area and counts a type without a capacity as none, with a warning', () => {
    const zero = { ...marsh, area: { value: '0', unit: 'km²' } };
    const river = { ecosystemType: 'river-and-lake', area: { value: '3', unit: 'km²' } };
    const { quantity, value } = runIndicator(
      waterPurification,
      { ecosystems: [zero, river], loads: { cod: loads.cod } },
      decimalArithmetic,
    );
    expect(quantity.lines[0]!.quantity.value.toString()).toBe('0');
    expect(value.total.value.toString()).toBe('0');
    // TN, TP and NH₃-N have no load: not accounted, and the marsh's capacities for them are named as not used.
    expect(quantity.warnings.map((w) => w.code)).toEqual([
      'pollutant-not-accounted',
      'pollutant-not-accounted',
      'pollutant-not-accounted',
      'input-not-used',
      'no-unit-rate',
    ]);
    expect(
      issuesOf(() => runIndicator(waterPurification, { ecosystems: [river], loads: { cod: loads.cod } }, decimalArithmetic))[0],
    ).toMatchObject({
      code: 'input.required',
      path: `${P}.ecosystems.0.capacity.cod`,
    });
  });

  it('reproduces reported purified amounts at given prices', () => {
    // 120 t COD × 1 400 元/t + 3 t TP × 5 600 元/t = 168 000 + 16 800 = 184 800 元
    const reported = [
      { pollutant: 'cod', item: 'lake', quantity: { value: '120', unit: 't/a' } },
      { pollutant: 'tp', item: 'lake', quantity: { value: '3000', unit: 'kg' } },
    ];
    const { decimal, float } = runBoth(waterPurification, { reported });
    expect(decimal.quantity.lines.map((l) => l.item)).toEqual(['COD · lake', 'TP · lake']);
    expect(decimal.value.total.value.toString()).toBe('184800');
    expect(float.value.total.value).toBe(184800);
  });

  it('warns that nitrogen is counted twice for reported TN and NH₃-N lines too, once', () => {
    const reported = [
      { pollutant: 'nh3n', item: 'lake', quantity: { value: '1', unit: 't' } },
      { pollutant: 'tn', item: 'lake', quantity: { value: '2', unit: 't' } },
      { pollutant: 'nh3n', item: 'river', quantity: { value: '1', unit: 't' } },
    ];
    const { quantity } = runIndicator(waterPurification, { reported, prices: tnPrice }, decimalArithmetic);
    expect(quantity.warnings.map((w) => [w.code, w.path!.join('.')])).toEqual([['nitrogen-counted-twice', P]]);
    const without = runIndicator(waterPurification, { reported, prices: tnPrice }, decimalArithmetic, {
      variant: { pollutants: 'cod-nh3n' },
    });
    expect(without.quantity.warnings.map((w) => w.code)).toEqual(['pollutant-not-in-profile']);
  });

  it('names every step and warning in Chinese too, on every variant option', () => {
    const variants: Record<string, string>[] = [
      {},
      { quantity: 'load' },
      { price: 'treatment-cost' },
      { taxRate: 'shanxi' },
      { pollutants: 'cod-tn-tp' },
      { pollutants: 'cod-nh3n' },
    ];
    const reported = {
      reported: [
        { pollutant: 'cod', item: 'lake', quantity: { value: '120', unit: 't/a' } },
        { pollutant: 'tn', quantity: { value: '3', unit: 't' } },
      ],
      prices: tnPrice,
    };
    for (const input of [{ ecosystems: [marsh], loads, prices: tnPrice }, reported]) {
      for (const variant of variants) {
        const r = runIndicator(waterPurification, input, decimalArithmetic, { variant });
        expect(untranslated(r)).toEqual([]);
      }
    }
    const r = runIndicator(waterPurification, { ecosystems: [marsh], loads, prices: tnPrice }, decimalArithmetic);
    expect(r.quantity.steps.find((s) => s.name === 'purified TP')!.zh).toEqual({
      name: 'TP净化量',
      formula: 'Q_i = min(污染负荷, C_i)',
      note: '以污染负荷为上限',
    });
    expect(r.quantity.warnings.at(-1)!.zh).toBe(
      'TN 与 NH₃-N 同时核算，而 NH₃-N 是 TN 的一部分：氮被重复计算（选择污染物组合 cod-tn-tp 或 cod-nh3n 可避免）',
    );
  });

  it('refuses bad input with located issues', () => {
    const bad = {
      ecosystems: [{ ...marsh, capacity: { cod: { value: '50', unit: 't/km²/a/a' } } }],
      loads: { cod: { value: 'lots', unit: 't' } },
    };
    expect(issuesOf(() => runIndicator(waterPurification, bad, decimalArithmetic)).map((i) => [i.code, i.path])).toEqual([
      ['input.unit-dimension', `${P}.ecosystems.0.capacity.cod.unit`],
      ['input.not-a-number', `${P}.loads.cod.value`],
    ]);
    expect(
      issuesOf(() =>
        runIndicator(
          waterPurification,
          { loads, reported: [{ pollutant: 'cod', quantity: { value: '1', unit: 't' } }] },
          decimalArithmetic,
        ),
      )[0]!.code,
    ).toBe('input.missing-basis');
    expect(
      issuesOf(() =>
        runIndicator(waterPurification, { ecosystems: [marsh], loads: { bod: { value: '1', unit: 't' } } }, decimalArithmetic),
      )[0],
    ).toMatchObject({
      code: 'input.unknown-field',
      found: 'bod',
    });
  });
});
