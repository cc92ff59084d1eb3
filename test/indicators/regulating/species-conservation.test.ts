import { describe, expect, it } from 'vitest';
import * as species from '../../../src/indicators/regulating/species-conservation.js';
import { issuesOf, relativeDifference, runBoth, runIndicator, unitMismatches, untranslated } from '../../helpers/indicator.js';
import { decimalArithmetic } from '../../../src/numbers/arithmetic.js';
import { getProfile } from '../../../src/profiles/profiles.js';

const stand = (item: string, h: string, area: { value: string; unit: string }) => ({
  ecosystemType: 'mixed-forest',
  item,
  area,
  shannonIndex: { value: h, unit: '1' },
});

describe('regulating.species-conservation', () => {
  it('is left out of the national profile', () => {
    expect(getProfile('national-2022')!.indicators.map((i) => i.id)).not.toContain('regulating.species-conservation');
  });

  it('values each stand at the opportunity cost of its Shannon–Wiener class, boundaries included', () => {
    // H 2.5 → 10 000 元/(hm²·a) × 100 hm² = 1 000 000; H = 1 (class 1–2) → 5 000 × 10 = 50 000;
    // H 0.5 → 3 000 × 1 km² (100 hm²) = 300 000; H 6.2 → 50 000 × 1 = 50 000; total 1 400 000 元
    const input = {
      stands: [
        stand('a', '2.5', { value: '100', unit: 'hm²' }),
        stand('b', '1', { value: '10', unit: 'hm²' }),
        stand('c', '0.5', { value: '1', unit: 'km²' }),
        stand('d', '6.2', { value: '1', unit: 'hm²' }),
      ],
    };
    const { decimal, float } = runBoth(species, input);
    expect(decimal.value.lines.map((l) => [l.item, l.unitPrice!.from, l.value.value.toString()])).toEqual([
      ['a', 'coefficient:shannon-opportunity-cost.h-2-3', '1000000'],
      ['b', 'coefficient:shannon-opportunity-cost.h-1-2', '50000'],
      ['c', 'coefficient:shannon-opportunity-cost.h-below-1', '300000'],
      ['d', 'coefficient:shannon-opportunity-cost.h-6-up', '50000'],
    ]);
    expect(decimal.value.total.value.toString()).toBe('1400000');
    expect(relativeDifference(float.value.total.value, 1400000)).toBeLessThan(1e-12);
    expect(decimal.quantity.total!.value.toString()).toBe('211'); // hm²
    expect(decimal.value.warnings.every((w) => w.code === 'price-year-mismatch')).toBe(true);
  });

  it("uses a stand's own unit value instead of the class, and gives 0 for a zero area", () => {
    // 8 000 元/(hm²·a) × 5 hm² = 40 000 元; zero area → 0
    const input = {
      stands: [
        { ecosystemType: 'forest', area: { value: '5', unit: 'hm²' }, unitValue: { value: '8000', unit: '元/(hm²·a)', priceYear: 2022 } },
        stand('zero', '3.1', { value: '0', unit: 'hm²' }),
      ],
    };
    const { decimal } = runBoth(species, input);
    expect(decimal.value.total.value.toString()).toBe('40000');
  });

  it('asks for a Shannon index or a unit value', () => {
    const input = { stands: [{ ecosystemType: 'forest', area: { value: '5', unit: 'hm²' } }] };
    expect(issuesOf(() => runIndicator(species, input, decimalArithmetic))).toEqual([
      {
        code: 'input.required',
        path: 'indicators.regulating.species-conservation.stands.0.shannonIndex',
        expected: 'the Shannon–Wiener index H of the stand, or a unitValue',
        found: undefined,
      },
    ]);
  });

  it('names every step and warning in Chinese and prices every line per unit of its quantity', () => {
    const input = {
      stands: [
        stand('a', '2.5', { value: '1', unit: 'hm²' }),
        { ecosystemType: 'forest', area: { value: '5', unit: 'hm²' }, unitValue: { value: '8000', unit: '元/(hm²·a)', priceYear: 2022 } },
      ],
    };
    const r = runIndicator(species, input, decimalArithmetic);
    expect(untranslated(r)).toEqual([]);
    expect(unitMismatches(r)).toEqual([]);
    expect(r.value.steps.map((s) => s.zh!.name)).toEqual(['a香农—维纳指数等级', 'a价值量', '森林价值量', '合计']);
  });
});
