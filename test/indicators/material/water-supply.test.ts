import { describe, expect, it } from 'vitest';
import * as waterSupply from '../../../src/indicators/material/water-supply.js';
import { decimalArithmetic } from '../../../src/numbers/arithmetic.js';
import { issuesOf, relativeDifference, runBoth, runIndicator } from '../../helpers/indicator.js';

describe('material.water-supply (V_p = Σ Q_u·P_u, ganzi-2017 §2.4)', () => {
  it("values each use at its tariff; a year total in 万m³ is read as the year's flow", () => {
    // domestic 1 280 万m³ × 3.5 = 44 800 000; industrial 2 150 万m³ × 5.2 = 111 800 000 → 156 600 000 元
    const input = {
      uses: [
        { use: 'domestic', withdrawal: { value: '1280', unit: '万m³' }, tariff: { value: '3.5', unit: '元/m³', priceYear: 2022 } },
        { use: 'industrial', withdrawal: { value: '2150', unit: '万m³/a' }, tariff: { value: '5.2', unit: '元/m³' } },
      ],
    };
    const { decimal, float } = runBoth(waterSupply, input);
    expect(decimal.quantity.total!.value.toString()).toBe('34300000');
    expect(decimal.value.total.value.toString()).toBe('156600000');
    expect(relativeDifference(float.value.total.value, 156_600_000)).toBeLessThan(1e-12);
  });

  it('falls back to the table tariff and warns that it is at 2010 prices', () => {
    // 100 万m³ × 0.07 元/m³ (agricultural, ganzi-2017, 2010) = 70 000 元
    const { value, coefficients } = runIndicator(
      waterSupply,
      { uses: [{ use: 'agricultural', withdrawal: { value: '100', unit: '万m³' } }] },
      decimalArithmetic,
    );
    expect(value.total.value.toString()).toBe('70000');
    expect(coefficients.map((c) => `${c.id}@${c.priceYear}`)).toEqual(['water-tariff.agricultural@2010']);
    expect(value.warnings.map((w) => w.code)).toEqual(['price-year-mismatch']);
  });

  it('refuses a use listed twice and an unknown use', () => {
    const w = { value: '1', unit: 'm³' };
    expect(
      issuesOf(() =>
        runIndicator(
          waterSupply,
          {
            uses: [
              { use: 'domestic', withdrawal: w },
              { use: 'domestic', withdrawal: w },
            ],
          },
          decimalArithmetic,
        ),
      ),
    ).toEqual([
      { code: 'input.duplicate', path: 'indicators.material.water-supply.uses.1.use', found: 'domestic', expected: 'each use once' },
    ]); // caught by the schema now, so validate finds it too
    expect(issuesOf(() => runIndicator(waterSupply, { uses: [{ use: 'ecological', withdrawal: w }] }, decimalArithmetic))[0]).toMatchObject(
      { code: 'input.type', path: 'indicators.material.water-supply.uses.0.use' },
    );
  });
});
