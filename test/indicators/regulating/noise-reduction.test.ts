import { describe, expect, it } from 'vitest';
import * as noise from '../../../src/indicators/regulating/noise-reduction.js';
import { issuesOf, relativeDifference, runBoth, runIndicator, unitMismatches, untranslated } from '../../helpers/indicator.js';
import { decimalArithmetic } from '../../../src/numbers/arithmetic.js';
import { getProfile } from '../../../src/profiles/profiles.js';

const cost = { value: '2000000', unit: '元/km', priceYear: 2022 };

describe('regulating.noise-reduction', () => {
  it('is left out of the national profile', () => {
    expect(getProfile('national-2022')!.indicators.map((i) => i.id)).not.toContain('regulating.noise-reduction');
  });

  it('values green-belt length at the noise-barrier cost per km, per belt or for all', () => {
    // 1.5 km × 2 000 000 + 500 m × 2 000 000 + 1 km × 3 000 000 (own cost) + 0 km = 7 000 000 元
    const input = {
      belts: [
        { item: 'G5 ring road', ecosystemType: 'urban', length: { value: '1.5', unit: 'km' } },
        { length: { value: '500', unit: 'm' } },
        { item: 'riverside', length: { value: '1', unit: 'km' }, barrierCost: { value: '3000000', unit: '元/km', priceYear: 2022 } },
        { item: 'planned', length: { value: '0', unit: 'km' } },
      ],
      barrierCost: cost,
    };
    const { decimal, float } = runBoth(noise, input);
    expect(decimal.value.lines.map((l) => [l.item, l.value.value.toString()])).toEqual([
      ['G5 ring road', '3000000'],
      ['green belt 2', '1000000'],
      ['riverside', '3000000'],
      ['planned', '0'],
    ]);
    expect(decimal.value.total.value.toString()).toBe('7000000');
    expect(relativeDifference(float.value.total.value, 7000000)).toBeLessThan(1e-12);
    expect(decimal.coefficients).toEqual([]);
  });

  it('asks once for the barrier cost: the table has no default', () => {
    const input = { belts: [{ length: { value: '1', unit: 'km' } }, { length: { value: '2', unit: 'km' } }] };
    expect(issuesOf(() => runIndicator(noise, input, decimalArithmetic))).toEqual([
      {
        code: 'input.required',
        path: 'indicators.regulating.noise-reduction.barrierCost',
        expected: 'the cost per km of an equivalent noise barrier (the table has no default): barrierCost, or one per belt',
        found: undefined,
      },
    ]);
  });

  it('refuses a length in a wrong dimension and a cost of another price year', () => {
    expect(
      issuesOf(() => runIndicator(noise, { belts: [{ length: { value: '1', unit: 'km²' } }], barrierCost: cost }, decimalArithmetic)).map(
        (i) => [i.code, i.path],
      ),
    ).toEqual([['input.unit-dimension', 'indicators.regulating.noise-reduction.belts.0.length.unit']]);
    expect(
      issuesOf(() =>
        runIndicator(
          noise,
          { belts: [{ length: { value: '1', unit: 'km' } }], barrierCost: { ...cost, priceYear: 2020 } },
          decimalArithmetic,
        ),
      )[0]!.code,
    ).toBe('input.price-year');
  });

  it('names every step in Chinese and prices every line per unit of its quantity', () => {
    const r = runIndicator(
      noise,
      { belts: [{ length: { value: '1', unit: 'km' } }, { item: 'urban', length: { value: '2', unit: 'km' } }], barrierCost: cost },
      decimalArithmetic,
    );
    expect(untranslated(r)).toEqual([]);
    expect(unitMismatches(r)).toEqual([]);
    expect(r.value.steps.map((s) => s.zh!.name)).toEqual(['绿化带 1价值量', '城镇价值量', '合计']);
  });
});
