import { describe, expect, it } from 'vitest';
import * as ions from '../../../src/indicators/regulating/negative-ions.js';
import { issuesOf, relativeDifference, runBoth, runIndicator, unitMismatches, untranslated } from '../../helpers/indicator.js';
import { decimalArithmetic } from '../../../src/numbers/arithmetic.js';
import { getProfile } from '../../../src/profiles/profiles.js';

const stand = {
  ecosystemType: 'mixed-forest',
  ionConcentration: { value: '1500', unit: '个/cm³' },
  area: { value: '1', unit: 'hm²' },
  height: { value: '10', unit: 'm' },
};

describe('regulating.negative-ions', () => {
  it('is left out of the national profile', () => {
    expect(getProfile('national-2022')!.indicators.map((i) => i.id)).not.toContain('regulating.negative-ions');
  });

  it('computes G = 5.256×10¹⁵·Q·A·H/L and values the ions above 600 个/cm³ at K_ion', () => {
    // 1 hm² × 10 m = 10⁵ m³ = 10¹¹ cm³; × 1 500 个/cm³ = 1.5×10¹⁴ ions; ÷ 10 min × 525 600 min/a = 7.884×10¹⁸ 个/a
    // (= 5.256×10¹⁵ × 1 500 × 1 × 10 / 10). Valued: 7.884×10¹⁸ × (1 500 − 600)/1 500 = 4.7304×10¹⁸ 个/a
    // U = 4.7304×10¹⁸ × 5.8185×10⁻¹⁸ 元/个 = 27.5238324 元 (= 5.256×10¹⁵ × 1 × 10 × 5.8185×10⁻¹⁸ × 900 / 10)
    const { decimal, float } = runBoth(ions, { stands: [stand] });
    expect(decimal.quantity.total!.value.toString()).toBe('7884000000000000000');
    expect(decimal.value.lines[0]!.quantity!.value.toString()).toBe('4730400000000000000');
    expect(decimal.value.total.value.toString()).toBe('27.5238324');
    expect(relativeDifference(float.value.total.value, 27.5238324)).toBeLessThan(1e-12);
    expect(decimal.coefficients.map((c) => [c.id, c.status])).toEqual([
      ['negative-ion.lifetime', 'to-verify'],
      ['minutes-per-year', 'derived'],
      ['negative-ion.production-cost', 'to-verify'],
      ['negative-ion.threshold', 'to-verify'],
    ]);
  });

  it('values a stand at or below the threshold at 0 with a warning, and a zero area at 0', () => {
    // Q = 500 个/cm³ ≤ 600: G = 500 × 10¹¹ / 10 × 525 600 = 2.628×10¹⁸ 个/a, valued 0
    const low = { ...stand, item: 'low', ionConcentration: { value: '500', unit: '个/cm³' } };
    const empty = { ...stand, item: 'empty', area: { value: '0', unit: 'hm²' } };
    const { decimal, float } = runBoth(ions, { stands: [low, empty], ionPrice: { value: '1e-17', unit: '元/个', priceYear: 2022 } });
    expect(decimal.quantity.lines.map((l) => l.quantity.value.toString())).toEqual(['2628000000000000000', '0']);
    expect(decimal.value.total.value.isZero()).toBe(true);
    expect(float.value.total.value).toBe(0);
    expect(decimal.value.warnings.map((w) => w.code)).toEqual(['below-threshold']);
  });

  it('takes a reported ion supply and values its share above the threshold', () => {
    // reported 7.884×10¹⁸ 个/a at Q = 1 500 → same 27.5238324 元
    const reported = [
      { item: '针阔混交林', ionConcentration: { value: '1500', unit: '个/cm³' }, quantity: { value: '7.884e18', unit: '个/a' } },
    ];
    const { value } = runIndicator(ions, { reported }, decimalArithmetic);
    expect(value.total.value.toString()).toBe('27.5238324');
    expect(issuesOf(() => runIndicator(ions, { reported, stands: [stand] }, decimalArithmetic)).map((i) => i.code)).toEqual([
      'input.missing-basis',
    ]);
  });

  it('lists missing stand sizes and refuses a concentration in a wrong dimension', () => {
    const bad = { ecosystemType: 'mixed-forest', ionConcentration: { value: '1500', unit: '个/cm³' } };
    expect(issuesOf(() => runIndicator(ions, { stands: [bad] }, decimalArithmetic)).map((i) => [i.code, i.path])).toEqual([
      ['input.required', 'indicators.regulating.negative-ions.stands.0.area'],
      ['input.required', 'indicators.regulating.negative-ions.stands.0.height'],
    ]);
    expect(
      issuesOf(() =>
        runIndicator(ions, { stands: [{ ...stand, ionConcentration: { value: '1500', unit: 'g/cm³' } }] }, decimalArithmetic),
      ).map((i) => [i.code, i.path]),
    ).toEqual([['input.unit-dimension', 'indicators.regulating.negative-ions.stands.0.ionConcentration.unit']]);
  });

  it('names every step and warning in Chinese and prices every line per unit of its quantity', () => {
    const low = { ...stand, item: '低浓度林分', ionConcentration: { value: '500', unit: '个/cm³' } };
    const runs = [
      runIndicator(ions, { stands: [stand, low] }, decimalArithmetic),
      runIndicator(
        ions,
        {
          reported: [
            { item: 'mixed-forest', ionConcentration: { value: '1500', unit: '个/cm³' }, quantity: { value: '7.884e18', unit: '个/a' } },
          ],
        },
        decimalArithmetic,
      ),
    ];
    for (const r of runs) {
      expect(untranslated(r)).toEqual([]);
      expect(unitMismatches(r)).toEqual([]);
    }
    expect(runs[0]!.value.warnings.filter((w) => w.code === 'below-threshold').map((w) => w.zh)).toEqual([
      '低浓度林分：负离子浓度 500 个/cm³ 未超过阈值 600 个/cm³，价值按 0 计',
    ]);
    expect(runs[1]!.quantity.steps.map((s) => s.zh!.name)).toEqual(['针阔混交林负离子供给量', '负氧离子']);
  });
});
