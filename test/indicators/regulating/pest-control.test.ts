import { describe, expect, it } from 'vitest';
import * as pest from '../../../src/indicators/regulating/pest-control.js';
import { issuesOf, relativeDifference, runBoth, runIndicator, unitMismatches, untranslated } from '../../helpers/indicator.js';
import { decimalArithmetic } from '../../../src/numbers/arithmetic.js';
import { getProfile } from '../../../src/profiles/profiles.js';

describe('regulating.pest-control', () => {
  it('is left out of the national profile', () => {
    expect(getProfile('national-2022')!.indicators.map((i) => i.id)).not.toContain('regulating.pest-control');
  });

  it('values natural forest at 375 and natural grassland at 112.5 元/hm² (ganzi-2017)', () => {
    // 100 hm² × 375 = 37 500; 2 km² (200 hm²) × 112.5 = 22 500; 0 hm² → 0; total 60 000 元
    const input = {
      ecosystems: [
        { ecosystemType: 'deciduous-broadleaf-forest', naturalArea: { value: '100', unit: 'hm²' } },
        { ecosystemType: 'temperate-steppe', naturalArea: { value: '2', unit: 'km²' } },
        { ecosystemType: 'forest', item: 'none left', naturalArea: { value: '0', unit: 'hm²' } },
      ],
    };
    const { decimal, float } = runBoth(pest, input, { priceYear: 2010 });
    expect(decimal.value.lines.map((l) => l.value.value.toString())).toEqual(['37500', '22500', '0']);
    expect(decimal.value.total.value.toString()).toBe('60000');
    expect(relativeDifference(float.value.total.value, 60000)).toBeLessThan(1e-12);
    expect(decimal.value.warnings).toEqual([]); // 2010 prices in a 2010 account
    expect(decimal.coefficients.map((c) => [c.id, c.status])).toEqual([
      ['pest-control-cost.forest', 'verified'],
      ['pest-control-cost.grassland', 'verified'],
    ]);
  });

  it('warns once per table cost about its price year', () => {
    const input = {
      ecosystems: [
        { ecosystemType: 'mixed-forest', naturalArea: { value: '1', unit: 'hm²' } },
        { ecosystemType: 'evergreen-needleleaf-forest', naturalArea: { value: '1', unit: 'hm²' } },
      ],
    };
    const { value } = runIndicator(pest, input, decimalArithmetic);
    expect(value.warnings.map((w) => w.code)).toEqual(['price-year-mismatch']);
  });

  it('asks for a unit cost for types without a tabulated one', () => {
    const cropland = { ecosystemType: 'cropland', naturalArea: { value: '10', unit: 'hm²' } };
    expect(issuesOf(() => runIndicator(pest, { ecosystems: [cropland] }, decimalArithmetic))).toEqual([
      {
        code: 'input.required',
        path: 'indicators.regulating.pest-control.ecosystems.0.unitCost',
        expected: 'a unit price',
        found: undefined,
      },
    ]);
    // 10 hm² × 50 元/hm² = 500 元
    const { value } = runIndicator(
      pest,
      { ecosystems: [{ ...cropland, unitCost: { value: '50', unit: '元/hm²', priceYear: 2022 } }] },
      decimalArithmetic,
    );
    expect(value.total.value.toString()).toBe('500');
  });

  it('names every step and warning in Chinese and prices every line per unit of its quantity', () => {
    const input = {
      ecosystems: [
        { ecosystemType: 'mixed-forest', naturalArea: { value: '1', unit: 'hm²' } },
        { ecosystemType: 'temperate-steppe', naturalArea: { value: '1', unit: 'hm²' } },
      ],
    };
    const r = runIndicator(pest, input, decimalArithmetic);
    expect(untranslated(r)).toEqual([]);
    expect(unitMismatches(r)).toEqual([]);
  });
});
