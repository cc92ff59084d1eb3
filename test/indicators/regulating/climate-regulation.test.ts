import { describe, expect, it } from 'vitest';
import * as climate from '../../../src/indicators/regulating/climate-regulation.js';
import { issuesOf, relativeDifference, runBoth, runIndicator, unitMismatches, untranslated } from '../../helpers/indicator.js';
import { decimalArithmetic, type GepDecimal } from '../../../src/numbers/arithmetic.js';
import { getProfile } from '../../../src/profiles/profiles.js';

const gap = (x: GepDecimal, expected: string) => x.minus(expected).abs().toNumber();

const forest = {
  ecosystemType: 'deciduous-broadleaf-forest',
  area: { value: '1', unit: 'km²' },
  epp: { value: '1080', unit: 'kJ/(m²·d)' },
};
const lake = { ecosystemType: 'river-and-lake', evaporation: { value: '36', unit: 'm³' } };
const price2022 = { value: '0.5', unit: '元/kWh', priceYear: 2022 };

describe('regulating.climate-regulation', () => {
  it('is in the national profile with its three variants named', () => {
    const entry = getProfile('national-2022')!.indicators.find((i) => i.id === 'regulating.climate-regulation');
    expect(entry?.variant).toEqual({ transpiration: 'epp', latentHeat: '2450', evaporationEer: 'none' });
  });

  it('computes transpiration energy E_pt = EPP · S · D · 10⁶ / (3600 · r)', () => {
    // 1 080 kJ/(m²·d) × 1 km² (10⁶ m²) × 10 d = 1.08×10¹⁰ kJ = 3×10⁶ kWh; ÷ r = 3 → 10⁶ kWh
    // V = 10⁶ kWh × 0.53 元/kWh (ganzi-2017, 2010 prices) = 530 000 元
    const { decimal, float } = runBoth(climate, { vegetation: [forest], coolingDays: { value: '10', unit: 'd' } });
    expect(decimal.quantity.total!.value.toString()).toBe('1000000');
    expect(decimal.value.total.value.toString()).toBe('530000');
    expect(relativeDifference(float.value.total.value, 530000)).toBeLessThan(1e-12);
    expect(decimal.value.warnings.map((w) => w.code)).toEqual(['price-year-mismatch']);
    expect(decimal.coefficients.map((c) => c.id)).toEqual(['air-conditioner-eer', 'electricity-price.consumer']);
  });

  it('computes water-surface energy E_we = E_w·ρ_w·q/3600 + E_w·y, with q = 2 450 J/g and no EER by default', () => {
    // 36 m³ × 1 000 kg/m³ × 2 450 kJ/kg = 88 200 000 kJ = 24 500 kWh (cooling)
    // 36 m³ × 120 kWh/m³ = 4 320 kWh (humidifier); E_we = 28 820 kWh; V = 28 820 × 0.5 = 14 410 元
    const { decimal, float } = runBoth(climate, { waterSurfaces: [lake], electricityPrice: price2022 });
    expect(decimal.quantity.steps.map((s) => [s.name, s.result.value])).toEqual([
      ['cooling by 水面蒸发 evaporation: river-and-lake', '24500'],
      ['humidification by 水面蒸发 evaporation: river-and-lake', '4320'],
      ['energy of 水面蒸发 evaporation: river-and-lake', '28820'],
      ['climate regulation', '28820'],
    ]);
    expect(decimal.value.total.value.toString()).toBe('14410');
    expect(relativeDifference(float.value.total.value, 14410)).toBeLessThan(1e-12);
    expect(decimal.value.warnings).toEqual([]);
  });

  it('divides the evaporation cooling by the EER, or uses 2 260 J/g, when the profile says so', () => {
    // divide: 24 500 / 3 + 4 320 = 12 486.67 kWh
    // 2 260 J/g: 36 000 kg × 2 260 kJ/kg / 3 600 = 22 600 kWh; + 4 320 = 26 920 kWh
    const divided = runIndicator(climate, { waterSurfaces: [lake], electricityPrice: price2022 }, decimalArithmetic, {
      variant: { evaporationEer: 'divide' },
    });
    expect(gap(divided.quantity.total!.value, '12486.66666666666666666666666666666666667')).toBeLessThan(1e-30);
    const q2260 = runBoth(climate, { waterSurfaces: [lake], electricityPrice: price2022 }, { variant: { latentHeat: '2260' } });
    expect(q2260.decimal.quantity.total!.value.toString()).toBe('26920');
    expect(relativeDifference(q2260.float.quantity.total!.value, 26920)).toBeLessThan(1e-12);
    expect(q2260.decimal.coefficients.map((c) => [c.id, c.status])).toEqual([
      ['water-density', 'derived'],
      ['latent-heat-vaporisation.2260', 'to-verify'],
      ['humidifier-electricity', 'to-verify'],
    ]);
  });

  it('computes transpiration from the transpired depth in the evapotranspiration variant', () => {
    // 1 km² × 1.08 mm = 1 080 m³ = 1.08×10⁶ kg; × 2 450 kJ/kg = 2.646×10⁹ kJ = 735 000 kWh; ÷ 3 = 245 000 kWh
    const input = {
      vegetation: [
        { ecosystemType: 'temperate-steppe', area: { value: '100', unit: 'hm²' }, transpiration: { value: '1.08', unit: 'mm' } },
      ],
      electricityPrice: price2022,
    };
    const { decimal, float } = runBoth(climate, input, { variant: { transpiration: 'evapotranspiration' } });
    expect(decimal.quantity.total!.value.toString()).toBe('245000');
    expect(relativeDifference(float.quantity.total!.value, 245000)).toBeLessThan(1e-12);
    const withDays = runIndicator(climate, { ...input, coolingDays: { value: '60', unit: 'd' } }, decimalArithmetic, {
      variant: { transpiration: 'evapotranspiration' },
    });
    expect(withDays.quantity.warnings.map((w) => w.message)).toEqual([
      'vegetation: coolingDays not used by variant transpiration: evapotranspiration',
    ]);
  });

  it('gives zero for a zero area, zero cooling days or zero evaporation', () => {
    const input = {
      vegetation: [{ ...forest, area: { value: '0', unit: 'km²' } }],
      coolingDays: { value: '0', unit: 'd' },
      waterSurfaces: [{ ...lake, evaporation: { value: '0', unit: '万m³' } }],
      electricityPrice: price2022,
    };
    const { decimal, float } = runBoth(climate, input);
    expect(decimal.value.total.value.isZero()).toBe(true);
    expect(float.value.total.value).toBe(0);
  });

  it('reproduces Shenzhen 2020 from the reported energy: 680.95 亿kWh × 0.717 元/kWh = 488.24 亿元', () => {
    // ../shared/cases/shenzhen-2020.md: 680.95 × 0.717 = 488.24115 → 488.24 亿元 (half a unit: 0.005 亿元)
    const input = {
      reported: [{ item: '深圳市 Shenzhen 调节气候', quantity: { value: '680.95', unit: '亿kWh' } }],
      electricityPrice: { value: '0.717', unit: '元/kWh', priceYear: 2020 },
    };
    const { decimal, float } = runBoth(climate, input, { priceYear: 2020 });
    expect(decimal.value.total.value.toString()).toBe('48824115000');
    expect(gap(decimal.value.total.value.dividedBy(1e8), '488.24')).toBeLessThanOrEqual(0.005);
    expect(relativeDifference(float.value.total.value, 48824115000)).toBeLessThan(1e-12);
    expect(decimal.quantity.steps[0]!.formula).toBe('Q_i as reported');
  });

  it('collects every missing input: cooling days, EPP, and a basis (computed or reported, not both)', () => {
    const noDays = { vegetation: [{ ...forest, epp: undefined }, forest] };
    expect(issuesOf(() => runIndicator(climate, noDays, decimalArithmetic))).toEqual([
      {
        code: 'input.required',
        path: 'indicators.regulating.climate-regulation.coolingDays',
        expected: 'the number of cooling days D (variant epp)',
        found: undefined,
      },
      {
        code: 'input.required',
        path: 'indicators.regulating.climate-regulation.vegetation.0.epp',
        expected:
          'EPP, the heat absorbed by transpiration per m² and day, for "deciduous-broadleaf-forest" (variant epp; the table has no default)',
        found: undefined,
      },
    ]);
    expect(issuesOf(() => runIndicator(climate, { electricityPrice: price2022 }, decimalArithmetic)).map((i) => [i.code, i.path])).toEqual([
      ['input.missing-basis', 'indicators.regulating.climate-regulation'],
    ]);
    const both = { waterSurfaces: [lake], reported: [{ item: 'x', quantity: { value: '1', unit: 'kWh' } }] };
    expect(issuesOf(() => runIndicator(climate, both, decimalArithmetic)).map((i) => i.code)).toEqual(['input.missing-basis']);
  });

  it('refuses more than 366 cooling days, an EPP in a wrong dimension, and an EER overridden to zero', () => {
    const bad = { vegetation: [{ ...forest, epp: { value: '1080', unit: 'kJ/m²' } }], coolingDays: { value: '400', unit: 'd' } };
    expect(issuesOf(() => runIndicator(climate, bad, decimalArithmetic)).map((i) => [i.code, i.path])).toEqual([
      ['input.unit-dimension', 'indicators.regulating.climate-regulation.vegetation.0.epp.unit'],
      ['input.out-of-range', 'indicators.regulating.climate-regulation.coolingDays.value'],
    ]);
    const zeroEer = [{ id: 'air-conditioner-eer', value: '0', unit: '1', reason: 'test' }];
    expect(
      issuesOf(() =>
        runIndicator(climate, { vegetation: [forest], coolingDays: { value: '10', unit: 'd' } }, decimalArithmetic, { overrides: zeroEer }),
      ),
    ).toEqual([
      { code: 'input.out-of-range', path: 'coefficientOverrides.air-conditioner-eer', expected: 'air-conditioner-eer > 0', found: '0 1' },
    ]);
  });

  it('names every step and warning in Chinese and prices every line per unit of its quantity, in every variant', () => {
    const vegetation = [{ ...forest, transpiration: { value: '1', unit: 'mm' } }];
    const waterSurfaces = [lake, { evaporation: { value: '1', unit: 'm³' } }];
    const runs = [
      runIndicator(climate, { vegetation, coolingDays: { value: '10', unit: 'd' }, waterSurfaces }, decimalArithmetic),
      runIndicator(climate, { vegetation, coolingDays: { value: '10', unit: 'd' }, waterSurfaces }, decimalArithmetic, {
        variant: { transpiration: 'evapotranspiration', evaporationEer: 'divide', latentHeat: '2260' },
      }),
      runIndicator(climate, { reported: [{ item: '深圳市', quantity: { value: '1', unit: 'kWh' } }] }, decimalArithmetic),
    ];
    for (const r of runs) {
      expect(untranslated(r)).toEqual([]);
      expect(unitMismatches(r)).toEqual([]);
    }
    expect(runs[1]!.quantity.warnings.map((w) => w.zh)).toEqual([
      '植被：方法变体 transpiration: evapotranspiration 不使用 coolingDays, vegetation[0].epp',
    ]);
    expect(runs[0]!.value.steps.map((s) => s.zh!.name)).toEqual([
      '植被蒸腾：落叶阔叶林价值量',
      '水面蒸发：河流和湖泊价值量',
      '水面蒸发：水面 2价值量',
      '合计',
    ]);
  });

  it('wants at least one computed line when it is not given reported energy', () => {
    expect(
      issuesOf(() => runIndicator(climate, { vegetation: [], waterSurfaces: [] }, decimalArithmetic)).map((i) => [i.code, i.path]),
    ).toEqual([['input.missing-basis', 'indicators.regulating.climate-regulation']]);
    // 36 m³ of evaporation only, no vegetation: 28 820 kWh as above
    expect(runIndicator(climate, { vegetation: [], waterSurfaces: [lake] }, decimalArithmetic).quantity.total!.value.toString()).toBe(
      '28820',
    );
  });
});
