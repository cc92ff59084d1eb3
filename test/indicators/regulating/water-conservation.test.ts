import { describe, expect, it } from 'vitest';
import * as waterConservation from '../../../src/indicators/regulating/water-conservation.js';
import { issuesOf, relativeDifference, runBoth, runIndicator } from '../../helpers/indicator.js';
import { decimalArithmetic } from '../../../src/numbers/arithmetic.js';

const forest = {
  ecosystemType: 'deciduous-broadleaf-forest',
  area: { value: '100', unit: 'km²' },
  precipitation: { value: '600', unit: 'mm' },
  evapotranspiration: { value: '400', unit: 'mm' },
};

describe('regulating.water-conservation', () => {
  it('computes Q = A·(P − P·α − ET) with α from gong-2017 Table 2', () => {
    // α(落叶阔叶林) = 2.70 % → R = 600 × 0.027 = 16.2 mm
    // Q = 100 km² × (600 − 16.2 − 400) mm = 1e8 m² × 0.1838 m = 18 380 000 m³/a
    // V = 18 380 000 × 7.06 元/m³ (reservoir cost, ganzi-2017) = 129 762 800 元
    const { decimal, float } = runBoth(waterConservation, { ecosystems: [forest] });
    expect(decimal.A.toString(decimal.quantity.total!.value)).toBe('18380000');
    expect(decimal.A.toString(decimal.value.total.value)).toBe('129762800');
    expect(relativeDifference(float.value.total.value, 129762800)).toBeLessThan(1e-12);
    expect(decimal.coefficients.map((c) => c.id)).toEqual(['runoff-coefficient.deciduous-broadleaf-forest', 'reservoir-storage-cost']);
  });

  it('clamps a negative balance to zero per type, keeps the raw sum in the trace and warns', () => {
    // wetland: α = 0; Q = 1 km² × (500 − 0 − 900) mm = −400 000 m³/a → 0
    const wetland = {
      ecosystemType: 'marsh-and-reservoir',
      area: { value: '1', unit: 'km²' },
      precipitation: { value: '500', unit: 'mm' },
      evapotranspiration: { value: '900', unit: 'mm' },
    };
    const { quantity } = runIndicator(waterConservation, { ecosystems: [forest, wetland] }, decimalArithmetic);
    expect(quantity.total!.value.toString()).toBe('18380000');
    expect(quantity.steps.find((s) => s.name === 'raw water balance')!.result.value).toBe('17980000'); // 18 380 000 − 400 000
    expect(quantity.warnings.map((w) => w.code)).toEqual(['negative-water-balance']);
  });

  it('shows a negative balance in its warning to 10 significant digits, not 40', () => {
    // 1 亩 = 2000/3 m²: Q = 2000/3 m² × (500 − 0 − 900) mm = −266.666… m³/a (exact in the trace)
    const wetland = {
      ecosystemType: 'marsh-and-reservoir',
      area: { value: '1', unit: '亩' },
      precipitation: { value: '500', unit: 'mm' },
      evapotranspiration: { value: '900', unit: 'mm' },
    };
    const { quantity } = runIndicator(waterConservation, { ecosystems: [forest, wetland] }, decimalArithmetic);
    expect(quantity.warnings[0]!.message).toBe(
      'marsh-and-reservoir: precipitation − runoff − evapotranspiration is negative (≈ -266.6666667 m³/a); counted as 0',
    );
    expect(quantity.steps.find((s) => s.name === 'raw water balance')!.result.value).toMatch(/^18379733\.3{32}$/); // 18 380 000 − 266.666…, to 40 digits
  });

  it('uses a runoff coefficient given in the input, in % or as a fraction', () => {
    // cropland has no tabulated α: 10 % → Q = 10 km² × (500 − 50 − 400) mm = 500 000 m³/a
    const cropland = {
      ecosystemType: 'cropland',
      area: { value: '1000', unit: 'hm²' },
      precipitation: { value: '500', unit: 'mm' },
      evapotranspiration: { value: '400', unit: 'mm' },
    };
    for (const alpha of [
      { value: '10', unit: '%' },
      { value: '0.1', unit: '1' },
    ]) {
      const { quantity } = runIndicator(waterConservation, { ecosystems: [{ ...cropland, runoffCoefficient: alpha }] }, decimalArithmetic);
      expect(quantity.total!.value.toString()).toBe('500000');
    }
    expect(issuesOf(() => runIndicator(waterConservation, { ecosystems: [cropland] }, decimalArithmetic))).toEqual([
      {
        code: 'input.required',
        path: 'indicators.regulating.water-conservation.ecosystems.0.runoffCoefficient',
        expected: 'a runoff coefficient: the table has none for "cropland"',
        found: undefined,
      },
    ]);
  });

  it('takes storm runoff depths in the storm-runoff variant', () => {
    // Q = 100 km² × (600 − 30 − 400) mm = 17 000 000 m³/a
    const { quantity } = runIndicator(
      waterConservation,
      { ecosystems: [{ ...forest, stormRunoff: { value: '30', unit: 'mm' } }] },
      decimalArithmetic,
      { variant: { runoff: 'storm-runoff' } },
    );
    expect(quantity.total!.value.toString()).toBe('17000000');
  });

  it('values at a given price instead of the reservoir cost, and refuses a price of another year', () => {
    const unitPrice = { value: '8.5', unit: '元/m³', priceYear: 2022 };
    const { value } = runIndicator(waterConservation, { ecosystems: [forest], unitPrice }, decimalArithmetic);
    expect(value.total.value.toString()).toBe('156230000'); // 18 380 000 × 8.5
    expect(
      issuesOf(() =>
        runIndicator(waterConservation, { ecosystems: [forest], unitPrice: { ...unitPrice, priceYear: 2020 } }, decimalArithmetic),
      )[0]!.code,
    ).toBe('input.price-year');
  });

  it('refuses a runoff coefficient above 1 and an area in a wrong dimension', () => {
    const bad = { ...forest, area: { value: '100', unit: 'km' }, runoffCoefficient: { value: '120', unit: '%' } };
    expect(issuesOf(() => runIndicator(waterConservation, { ecosystems: [bad] }, decimalArithmetic)).map((i) => [i.code, i.path])).toEqual([
      ['input.unit-dimension', 'indicators.regulating.water-conservation.ecosystems.0.area.unit'],
      ['input.out-of-range', 'indicators.regulating.water-conservation.ecosystems.0.runoffCoefficient.value'],
    ]);
  });
});

describe('regulating.water-conservation, reported quantities', () => {
  it('reproduces Shenzhen 2020: 19.18 亿m³ × 6.11 元/m³ = 117.1898 亿元, printed 117.19', () => {
    // shared/cases/shenzhen-2020.md: water conservation 19.18 亿t, value 117.19 亿元; implied price 6.11 元/m³
    const input = {
      reported: [{ item: '深圳市 Shenzhen', quantity: { value: '19.18', unit: '亿m³' } }],
      unitPrice: { value: '6.11', unit: '元/m³', priceYear: 2020 },
    };
    const { decimal, float } = runBoth(waterConservation, input, { priceYear: 2020 });
    expect(decimal.value.total.value.toString()).toBe('11718980000');
    expect(relativeDifference(float.value.total.value, 11_718_980_000)).toBeLessThan(1e-12);
  });

  it('takes either the water balance or the reported quantities, not both and not neither', () => {
    const reported = [{ item: 'x', quantity: { value: '1', unit: 'm³' } }];
    for (const input of [{}, { ecosystems: [forest], reported }]) {
      expect(issuesOf(() => runIndicator(waterConservation, input, decimalArithmetic))[0]!.code).toBe('input.missing-basis');
    }
  });
});
