import { describe, expect, it } from 'vitest';
import * as coastalProtection from '../../../src/indicators/regulating/coastal-protection.js';
import { issuesOf, relativeDifference, runBoth, runIndicator, untranslated } from '../../helpers/indicator.js';
import { decimalArithmetic } from '../../../src/numbers/arithmetic.js';

const ID = 'indicators.regulating.coastal-protection';
const mangrove = { item: '红树林 mangrove', ecosystemType: 'wetland', length: { value: '12.5', unit: 'km' } };
const shelter = {
  item: '沿海防护林 coastal shelter forest',
  ecosystemType: 'forest',
  length: { value: '800', unit: 'm' },
  dykeCost: { value: '2000', unit: '万元/km', priceYear: 2022 },
};
const dykeCost = { value: '30000000', unit: '元/km', priceYear: 2022 };

describe('regulating.coastal-protection', () => {
  it("values the protected coastline at the dyke cost per km, a segment's own cost first", () => {
    // mangrove 12.5 km × 3 000 万元/km = 375 000 000 元; shelter forest 0.8 km × 2 000 万元/km = 16 000 000 元
    // L = 13.3 km; V = 391 000 000 元
    const { decimal, float } = runBoth(coastalProtection, { coastlines: [mangrove, shelter], dykeCost });
    expect(decimal.quantity.total!.value.toString()).toBe('13.3');
    expect(decimal.value.lines.map((l) => [l.item, l.value.value.toString(), l.unitPrice!.from])).toEqual([
      ['红树林 mangrove', '375000000', `input:${ID}.dykeCost`],
      ['沿海防护林 coastal shelter forest', '16000000', `input:${ID}.coastlines[1].dykeCost`],
    ]);
    expect(decimal.value.total.value.toString()).toBe('391000000');
    expect(relativeDifference(float.value.total.value, 391_000_000)).toBeLessThan(1e-12);
    expect(decimal.coefficients).toEqual([]);
  });

  it('annualises the dyke cost over its service life, plus maintenance, in the annualised variant', () => {
    // c = 30 000 000 元/km ÷ 50 a + 200 000 元/(km·a) = 800 000 元/(km·a); V = 12.5 km × 800 000 = 10 000 000 元
    const input = {
      coastlines: [mangrove],
      dykeCost,
      serviceLife: { value: '50', unit: 'a' },
      maintenanceCost: { value: '20', unit: '万元/km', priceYear: 2022 },
    };
    const { decimal, float } = runBoth(coastalProtection, input, { variant: { cost: 'annualised' } });
    expect(decimal.value.lines[0]!.unitPrice).toMatchObject({ unit: '元/(km·a)', from: 'step:annual dyke cost for 红树林 mangrove' });
    expect(decimal.value.lines[0]!.unitPrice!.value.toString()).toBe('800000');
    expect(decimal.value.total.value.toString()).toBe('10000000');
    expect(relativeDifference(float.value.total.value, 10_000_000)).toBeLessThan(1e-12);
  });

  it('works with a zero length, without NaN', () => {
    const { decimal, float } = runBoth(coastalProtection, { coastlines: [{ ...mangrove, length: { value: '0', unit: 'km' } }], dykeCost });
    expect(decimal.value.total.value.toString()).toBe('0');
    expect(float.value.total.value).toBe(0);
  });

  it('requires a dyke cost (no verified default exists), of the account year, and a service life when annualising', () => {
    expect(issuesOf(() => runIndicator(coastalProtection, { coastlines: [mangrove, shelter] }, decimalArithmetic))).toEqual([
      {
        code: 'input.required',
        path: `${ID}.coastlines.0.dykeCost`,
        expected: 'a dyke or breakwater cost per km, here or as dykeCost for the region (no verified default exists)',
        found: undefined,
      },
    ]);
    expect(
      issuesOf(() =>
        runIndicator(coastalProtection, { coastlines: [mangrove], dykeCost: { ...dykeCost, priceYear: 2015 } }, decimalArithmetic),
      ).map((i) => i.code),
    ).toEqual(['input.price-year']);
    expect(
      issuesOf(() =>
        runIndicator(coastalProtection, { coastlines: [mangrove], dykeCost }, decimalArithmetic, { variant: { cost: 'annualised' } }),
      ).map((i) => [i.code, i.path]),
    ).toEqual([['input.required', `${ID}.serviceLife`]]);
    expect(
      issuesOf(() =>
        runIndicator(coastalProtection, { coastlines: [mangrove], dykeCost, serviceLife: { value: '0', unit: 'a' } }, decimalArithmetic, {
          variant: { cost: 'annualised' },
        }),
      ).map((i) => [i.code, i.path]),
    ).toEqual([['input.out-of-range', `${ID}.serviceLife.value`]]);
  });

  it('names every trace step in Chinese too, on both variants', () => {
    const input = {
      coastlines: [mangrove, shelter],
      dykeCost,
      serviceLife: { value: '50', unit: 'a' },
      maintenanceCost: { value: '20', unit: '万元/km', priceYear: 2022 },
    };
    for (const cost of ['as-given', 'annualised']) {
      const r = runIndicator(coastalProtection, input, decimalArithmetic, { variant: { cost } });
      expect(untranslated(r)).toEqual([]);
    }
    const r = runIndicator(coastalProtection, { coastlines: [{ ...mangrove, item: 'wetland' }], dykeCost }, decimalArithmetic);
    expect(r.quantity.steps[0]!.zh).toEqual({ name: '湿地防护的海岸线', formula: 'L_j 取输入值' });
  });

  it('refuses a length in a wrong dimension, a negative length and an empty list', () => {
    const bad = [
      { ...mangrove, length: { value: '12.5', unit: 'km²' } },
      { ...mangrove, length: { value: '-1', unit: 'km' } },
    ];
    expect(
      issuesOf(() => runIndicator(coastalProtection, { coastlines: bad, dykeCost }, decimalArithmetic)).map((i) => [i.code, i.path]),
    ).toEqual([
      ['input.unit-dimension', `${ID}.coastlines.0.length.unit`],
      ['input.out-of-range', `${ID}.coastlines.1.length.value`],
    ]);
    expect(issuesOf(() => runIndicator(coastalProtection, { coastlines: [], dykeCost }, decimalArithmetic))[0]!.code).toBe(
      'input.out-of-range',
    );
  });
});
