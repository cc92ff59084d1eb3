import { describe, expect, it } from 'vitest';
import * as ecoEnergy from '../../../src/indicators/material/eco-energy.js';
import { decimalArithmetic } from '../../../src/numbers/arithmetic.js';
import { issuesOf, runBoth, runIndicator } from '../../helpers/indicator.js';

describe('material.eco-energy (V_h = E_h·P_e, ganzi-2017 §2.4)', () => {
  it('values generation by source at its on-grid price', () => {
    // hydropower 0.86 亿kWh × 0.30 = 25 800 000; biomass 2 400 万kWh × 0.75 = 18 000 000 → 43 800 000 元
    const input = {
      generation: [
        { source: 'hydropower', electricity: { value: '0.86', unit: '亿kWh' }, price: { value: '0.30', unit: '元/kWh' } },
        { source: 'biomass', item: 'straw plant', electricity: { value: '2400', unit: '万kWh' }, price: { value: '0.75', unit: '元/kWh' } },
      ],
    };
    const { decimal, float } = runBoth(ecoEnergy, input);
    expect(decimal.value.total.value.toString()).toBe('43800000');
    expect(float.value.total.value).toBeCloseTo(43_800_000, 4);
    expect(decimal.value.lines.map((l) => l.item)).toEqual(['水电 hydropower', '生物质发电 biomass power: straw plant']);
  });

  it('uses the table hydropower price when none is given, and requires a price for other sources', () => {
    // 1 000 000 kWh × 0.53 元/kWh (ganzi-2017, 2010) = 530 000 元
    const { value } = runIndicator(
      ecoEnergy,
      { generation: [{ source: 'hydropower', electricity: { value: '1000000', unit: 'kWh' } }] },
      decimalArithmetic,
    );
    expect(value.total.value.toString()).toBe('530000');
    expect(
      issuesOf(() =>
        runIndicator(ecoEnergy, { generation: [{ source: 'wind', electricity: { value: '1', unit: 'kWh' } }] }, decimalArithmetic),
      ),
    ).toEqual([
      {
        code: 'input.required',
        path: 'indicators.material.eco-energy.generation.0.price',
        expected: 'a unit price (the table has no "electricity-price.wind")',
        found: undefined,
      },
    ]);
  });
});
