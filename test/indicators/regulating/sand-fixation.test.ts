import { describe, expect, it } from 'vitest';
import * as sandFixation from '../../../src/indicators/regulating/sand-fixation.js';
import { issuesOf, relativeDifference, runBoth, runIndicator, untranslated } from '../../helpers/indicator.js';
import { decimalArithmetic } from '../../../src/numbers/arithmetic.js';

const ID = 'indicators.regulating.sand-fixation';

/** RWEQ soil loss written out with the table's constants, as an independent check (kg/m²). */
const sl = (x: number) => {
  const s = 150.71 * x ** -0.3711;
  return (100 / s ** 2) * 109.8 * x * Math.exp(-((50 / s) ** 2));
};

// WF 10 kg/m, EF 0.5, SCF 0.8, K′ 1 → x_p = 4; COG 0.5 → x_a = 2
const steppe = {
  ecosystemType: 'temperate-steppe',
  area: { value: '100', unit: 'hm²' },
  weatherFactor: { value: '10', unit: 'kg/m' },
  erodibleFraction: { value: '0.5', unit: '1' },
  crustFactor: { value: '0.8', unit: '1' },
  roughnessFactor: { value: '1', unit: '1' },
  vegetationFactor: { value: '0.5', unit: '1' },
};

describe('regulating.sand-fixation', () => {
  it('computes Q = (SL_p − SL_a)·A by RWEQ and values the covered area at the sand-control cost', () => {
    // x = 4: s = 150.71 × 4^−0.3711 = 90.0985 m, Q_max = 439.2 kg/m, SL = 100/s² × 439.2 × e^−(50/s)² = 3.97629 kg/m²
    // x = 2: s = 116.5279 m, Q_max = 219.6 kg/m, SL = 1.34528 kg/m²
    // Q = (3.97629 − 1.34528) kg/m² × 1 000 000 m² = 2 631.01 t/a
    // V = 2 631.01 t / (1.28 t/m³ × 0.1 m) = 20 554.77 m² × 3.75 元/m² = 77 080.37 元 (2010 prices)
    const expectedQ = ((sl(4) - sl(2)) * 1e6) / 1000;
    const expectedV = (expectedQ / (1.28 * 0.1)) * 3.75;
    const { decimal, float } = runBoth(sandFixation, { ecosystems: [steppe] }, { priceYear: 2010 });
    expect(decimal.quantity.total!.value.toFixed(2)).toBe('2631.01');
    expect(decimal.value.total.value.toFixed(2)).toBe('77080.37');
    expect(relativeDifference(float.quantity.total!.value, expectedQ)).toBeLessThan(1e-12);
    expect(relativeDifference(decimal.quantity.total!.value.toNumber(), float.quantity.total!.value)).toBeLessThan(1e-12);
    expect(relativeDifference(float.value.total.value, expectedV)).toBeLessThan(1e-12);
    expect(decimal.value.lines[0]).toMatchObject({
      item: 'temperate-steppe',
      ecosystemType: 'temperate-steppe',
      quantity: { unit: 'm²/a' },
      unitPrice: { unit: '元/m²', from: 'coefficient:sand-control-cost' },
    });
    expect(decimal.coefficients.map((c) => [c.id, c.status])).toEqual([
      ['rweq.qmax-coefficient', 'to-verify'],
      ['rweq.critical-length-coefficient', 'to-verify'],
      ['rweq.critical-length-exponent', 'to-verify'],
      ['rweq.downwind-distance', 'to-verify'],
      ['sand-bulk-density', 'verified'],
      ['sand-cover-depth', 'verified'],
      ['sand-control-cost', 'verified'],
    ]);
  });

  it('computes EF, SCF, K′ and COG from soil texture, roughness and vegetation cover', () => {
    // EF = (29.09 + 0.31×40 + 0.17×40 + 0.33×40/20 − 2.59×1)/100 = 46.36/100 = 0.4636
    // SCF = 1/(1 + 0.0066×20² + 0.021×1²) = 1/3.661;  K′ = exp(0) = 1 (Kr = Crr = 0);  COG = exp(−0.00483×50) = e^−0.2415
    const line = {
      ecosystemType: 'temperate-steppe',
      area: { value: '100', unit: 'hm²' },
      weatherFactor: { value: '10', unit: 'kg/m' },
      soilTexture: {
        sand: { value: '40', unit: '%' },
        silt: { value: '40', unit: '%' },
        clay: { value: '20', unit: '%' },
        organicMatter: { value: '1', unit: '%' },
      },
      ridgeRoughness: { value: '0', unit: 'cm' },
      randomRoughness: { value: '0', unit: 'cm' },
      vegetationCover: { value: '50', unit: '%' },
    };
    const { decimal, float } = runBoth(sandFixation, { ecosystems: [line] }, { priceYear: 2010 });
    const step = (name: string) => decimal.quantity.steps.find((s) => s.name === `${name} of temperate-steppe`)!.result.value;
    expect(step('erodible fraction')).toBe('0.4636');
    expect(Number(step('crust factor'))).toBeCloseTo(1 / 3.661, 14);
    expect(step('roughness factor')).toBe('1');
    expect(Number(step('vegetation factor'))).toBeCloseTo(Math.exp(-0.2415), 14);
    const xp = 10 * 0.4636 * (1 / 3.661);
    const expectedQ = ((sl(xp) - sl(xp * Math.exp(-0.2415))) * 1e6) / 1000;
    expect(relativeDifference(float.quantity.total!.value, expectedQ)).toBeLessThan(1e-12);
    expect(relativeDifference(decimal.quantity.total!.value.toNumber(), expectedQ)).toBeLessThan(1e-12);
    // CaCO₃ not given: its term is 0 and its coefficient is not read
    expect(decimal.coefficients.map((c) => c.id)).not.toContain('rweq.erodible-fraction.calcium-carbonate');
  });

  it('computes the weather factor WF = Wf·ρ_a/g·SW·SD per period, with the air density from temperature and elevation', () => {
    // at 0 m and 15 °C: P_a/P_0 = 1, ρ_a = 1.293 × 273/288; WF = 100 × ρ_a / 9.8 × 1 × 1
    // at 1 000 m: P_a/P_0 = (1 − 0.0255 × 1 × 6357/6358)^5.256 = 0.87307
    const periods = (elevation: string) => ({
      elevation: { value: elevation, unit: 'm' },
      weatherPeriods: [
        {
          item: 'spring',
          windFactor: { value: '100', unit: 'm³/s³' },
          airTemperatureCelsius: '15',
          soilWetness: { value: '1', unit: '1' },
          snowCoverFactor: { value: '1', unit: '1' },
        },
        { item: 'winter', weatherFactor: { value: '2', unit: 'kg/m' } },
      ],
      ecosystems: [{ ...steppe, weatherFactor: undefined }],
    });
    for (const [h, ratio] of [
      ['0', 1],
      ['1000', (1 - (0.0255 * 6357) / 6358) ** 5.256],
    ] as const) {
      const { decimal, float } = runBoth(sandFixation, periods(h), { priceYear: 2010 });
      const wf = ((100 * 1.293 * 273) / 288 / 9.8) * ratio;
      const step = (name: string) => decimal.quantity.steps.find((s) => s.name === name)!.result.value;
      expect(relativeDifference(Number(step('air pressure ratio')), ratio)).toBeLessThan(1e-14);
      expect(relativeDifference(Number(step('weather factor of spring')), wf)).toBeLessThan(1e-14);
      // two periods: SL summed over spring (WF computed) and winter (WF 2 kg/m given)
      const expectedQ = ((sl(wf * 0.4) + sl(2 * 0.4) - sl(wf * 0.2) - sl(2 * 0.2)) * 1e6) / 1000;
      expect(relativeDifference(float.quantity.total!.value, expectedQ)).toBeLessThan(1e-12);
      expect(relativeDifference(decimal.quantity.total!.value.toNumber(), expectedQ)).toBeLessThan(1e-12);
    }
  });

  it('keeps a negative retention with its sign and warns (SL is not monotonic in the factors)', () => {
    // x_p = 400 lies beyond the maximum of SL (x ≈ 62): SL(400) < SL(200), so vegetation "adds" loss
    const strong = { ...steppe, weatherFactor: { value: '1000', unit: 'kg/m' } };
    const { decimal, float } = runBoth(sandFixation, { ecosystems: [strong] }, { priceYear: 2010 });
    const expectedQ = ((sl(400) - sl(200)) * 1e6) / 1000;
    expect(expectedQ).toBeLessThan(0);
    expect(relativeDifference(float.quantity.total!.value, expectedQ)).toBeLessThan(1e-12);
    expect(decimal.quantity.warnings.map((w) => w.code)).toEqual(['negative-sand-fixation']);
  });

  it('works with zero area, zero wind (SL(0) = 0) and full vegetation without NaN', () => {
    const calm = { ...steppe, ecosystemType: 'temperate-tussock', weatherFactor: { value: '0', unit: 'kg/m' } };
    const zeroArea = { ...steppe, area: { value: '0', unit: 'hm²' } };
    const noCover = { ...steppe, ecosystemType: 'desert', vegetationFactor: { value: '1', unit: '1' } };
    const { decimal, float } = runBoth(sandFixation, { ecosystems: [calm, zeroArea, noCover] }, { priceYear: 2010 });
    expect(decimal.quantity.total!.value.toString()).toBe('0');
    expect(decimal.value.total.value.toString()).toBe('0');
    expect(float.value.total.value).toBe(0);
  });

  it('uses a vegetation-restoration cost in that variant, and requires it there', () => {
    // Q = 12.8 t/a reported: 12.8 / (1.28 × 0.1) = 100 m² × 6 元/m² = 600 元
    const input = {
      reported: [{ item: 'county', quantity: { value: '12.8', unit: 't/a' } }],
      restorationCost: { value: '6', unit: '元/m²', priceYear: 2022 },
    };
    const { decimal, float } = runBoth(sandFixation, input, { variant: { price: 'vegetation-restoration-cost' } });
    expect(decimal.value.total.value.toString()).toBe('600');
    expect(float.value.total.value).toBeCloseTo(600, 10);
    // The total's step has the computed path's name, reported or not.
    expect(decimal.quantity.steps.at(-1)).toMatchObject({ name: 'sand fixation', zh: { name: '防风固沙' } });
    expect(
      issuesOf(() =>
        runIndicator(sandFixation, { reported: input.reported }, decimalArithmetic, { variant: { price: 'vegetation-restoration-cost' } }),
      ),
    ).toEqual([
      {
        code: 'input.required',
        path: `${ID}.restorationCost`,
        expected: 'a vegetation-restoration cost per m² (variant vegetation-restoration-cost; the table has no value)',
        found: undefined,
      },
    ]);
  });

  it("values by Q/(ρ·h) × cost per area: the same mechanics reproduce miao-2017's 保土固沙 row", () => {
    // ../shared/cases/gaotianyan-2014.md, Table 3 (avoided land loss, a soil-retention item priced like sand cover):
    // 2985.40 t / (0.37 t/m³ × 0.67 m) = 12 042.76 m² × 791.09 元/hm² = 952.69 元/hm², printed 12042.76 m² and 952.69
    const input = {
      reported: [{ item: '高天岩 per hm²', quantity: { value: '2985.40', unit: 't/a' } }],
      sandBulkDensity: { value: '0.37', unit: 't/m³' },
      coverDepth: { value: '0.67', unit: 'm' },
      sandControlCost: { value: '791.09', unit: '元/hm²', priceYear: 2014 },
    };
    const { decimal, float } = runBoth(sandFixation, input, { priceYear: 2014 });
    expect(decimal.value.lines[0]!.quantity!.value.toFixed(2)).toBe('12042.76');
    expect(decimal.value.total.value.toFixed(2)).toBe('952.69');
    expect(relativeDifference(float.value.total.value, decimal.value.total.value.toNumber())).toBeLessThan(1e-12);
  });

  it('names every missing factor, and refuses a zero clay content, a positive COG coefficient and a bad temperature', () => {
    const bare = { ecosystemType: 'desert', area: { value: '1', unit: 'hm²' } };
    expect(issuesOf(() => runIndicator(sandFixation, { ecosystems: [bare] }, decimalArithmetic)).map((i) => [i.code, i.path])).toEqual([
      ['input.required', `${ID}.weatherPeriods`],
      ['input.required', `${ID}.ecosystems.0.soilTexture`],
      ['input.required', `${ID}.ecosystems.0.roughnessFactor`],
      ['input.required', `${ID}.ecosystems.0.vegetationFactor`],
    ]);
    const bad = {
      ...steppe,
      erodibleFraction: undefined,
      vegetationFactor: undefined,
      soilTexture: {
        sand: { value: '90', unit: '%' },
        silt: { value: '10', unit: '%' },
        clay: { value: '0', unit: '%' },
        organicMatter: { value: '0', unit: '%' },
      },
      vegetationCover: { value: '30', unit: '%' },
      vegetationCoefficient: '0.01',
    };
    expect(issuesOf(() => runIndicator(sandFixation, { ecosystems: [bad] }, decimalArithmetic)).map((i) => [i.code, i.path])).toEqual([
      ['input.out-of-range', `${ID}.ecosystems.0.soilTexture.clay.value`],
      ['input.out-of-range', `${ID}.ecosystems.0.vegetationCoefficient`],
    ]);
    const cold = {
      elevation: { value: '500', unit: 'm' },
      weatherPeriods: [
        {
          item: 'x',
          windFactor: { value: '1', unit: 'm³/s³' },
          airTemperatureCelsius: '-300',
          soilWetness: { value: '1', unit: '1' },
          snowCoverFactor: { value: '1', unit: '1' },
        },
        { item: 'y' },
      ],
      ecosystems: [{ ...steppe, weatherFactor: undefined }],
    };
    expect(issuesOf(() => runIndicator(sandFixation, cold, decimalArithmetic)).map((i) => [i.code, i.path])).toEqual([
      ['input.out-of-range', `${ID}.weatherPeriods.0.airTemperatureCelsius`],
      ['input.required', `${ID}.weatherPeriods.1.windFactor`],
      ['input.required', `${ID}.weatherPeriods.1.airTemperatureCelsius`],
      ['input.required', `${ID}.weatherPeriods.1.soilWetness`],
      ['input.required', `${ID}.weatherPeriods.1.snowCoverFactor`],
    ]);
  });

  it('keeps a negative reported sand fixation with its sign, and warns', () => {
    // a zonal sum of the RWEQ kernel may be negative where SL falls with x: −12.8 t/a / 0.128 t/m² = −100 m² × 3.75 = −375 元
    const input = { reported: [{ item: 'county', quantity: { value: '-12.8', unit: 't/a' } }] };
    const { decimal, float } = runBoth(sandFixation, input, { priceYear: 2010 });
    expect(decimal.value.total.value.toString()).toBe('-375');
    expect(float.value.total.value).toBeCloseTo(-375, 10);
    expect(decimal.quantity.warnings.map((w) => [w.code, w.path!.join('.'), w.message])).toEqual([
      [
        'negative-sand-fixation',
        `${ID}.reported.0`,
        'county: the reported sand fixation is negative; sand fixation -12.8 t/a kept with its sign',
      ],
    ]);
  });

  it('writes the EF, SCF and K′ formulas with symbols: their constants are table rows a user may override', () => {
    // EF with aSa overridden from 0.31 to 0.41: (29.09 + 0.41×40 + 0.17×40 + 0.33×2 − 2.59×1)/100 = 0.5036
    const line = {
      ecosystemType: 'temperate-steppe',
      area: { value: '100', unit: 'hm²' },
      weatherFactor: { value: '10', unit: 'kg/m' },
      soilTexture: {
        sand: { value: '40', unit: '%' },
        silt: { value: '40', unit: '%' },
        clay: { value: '20', unit: '%' },
        organicMatter: { value: '1', unit: '%' },
      },
      ridgeRoughness: { value: '0', unit: 'cm' },
      randomRoughness: { value: '0', unit: 'cm' },
      vegetationCover: { value: '50', unit: '%' },
    };
    const r = runIndicator(sandFixation, { ecosystems: [line] }, decimalArithmetic, {
      priceYear: 2010,
      overrides: [{ id: 'rweq.erodible-fraction.sand', value: '0.41', unit: '1', reason: 'test' }],
    });
    const step = (name: string) => r.quantity.steps.find((s) => s.name === `${name} of temperate-steppe`)!;
    expect(step('erodible fraction').result.value).toBe('0.5036');
    for (const name of ['erodible fraction', 'crust factor', 'roughness factor']) {
      expect(step(name).formula).not.toMatch(/\d\.\d/); // no decimal constant printed
    }
    expect(step('erodible fraction').inputs.aSa).toMatchObject({ value: '0.41', from: 'coefficient:rweq.erodible-fraction.sand' });
  });

  it('names every step and warning in Chinese too, computed (with weather periods) or reported, on both price variants', () => {
    const periods = {
      elevation: { value: '1000', unit: 'm' },
      weatherPeriods: [
        {
          item: 'spring',
          windFactor: { value: '100', unit: 'm³/s³' },
          airTemperatureCelsius: '15',
          soilWetness: { value: '1', unit: '1' },
          snowCoverFactor: { value: '1', unit: '1' },
        },
        { item: 'winter', weatherFactor: { value: '2', unit: 'kg/m' } },
      ],
    };
    const textured = {
      ecosystemType: 'desert',
      area: { value: '1', unit: 'hm²' },
      soilTexture: {
        sand: { value: '90', unit: '%' },
        silt: { value: '300', unit: 'g/kg' },
        clay: { value: '0.5', unit: '%' },
        organicMatter: { value: '0', unit: '%' },
      }, // EF = 1.2149 > 1: clamped
      ridgeRoughness: { value: '1', unit: 'cm' },
      randomRoughness: { value: '1', unit: 'cm' },
      vegetationCover: { value: '10', unit: '%' },
    };
    const strong = { ...steppe, item: 'strong wind', weatherFactor: { value: '1000', unit: 'kg/m' } }; // negative retention
    const inputs = [
      {
        ...periods,
        ecosystems: [{ ...steppe, weatherFactor: undefined }, textured, strong],
        restorationCost: { value: '6', unit: '元/m²', priceYear: 2010 },
      },
      {
        reported: [{ item: 'county', quantity: { value: '-12.8', unit: 't/a' } }],
        restorationCost: { value: '6', unit: '元/m²', priceYear: 2010 },
      },
    ];
    for (const input of inputs) {
      for (const price of ['sand-control-cost', 'vegetation-restoration-cost']) {
        const r = runIndicator(sandFixation, input, decimalArithmetic, { priceYear: 2010, variant: { price } });
        expect(untranslated(r)).toEqual([]);
      }
    }
    const r = runIndicator(sandFixation, inputs[0]!, decimalArithmetic, { priceYear: 2010 });
    expect(r.quantity.warnings.map((w) => w.code)).toEqual(['rweq-factor-clamped', 'negative-sand-fixation']);
    expect(r.quantity.warnings[0]!.zh).toBe('荒漠：由土壤质地算得的可蚀性颗粒含量为 1.2149，超出 0–1；采用 1');
  });

  it('refuses a zero sand bulk density and a price of another year', () => {
    const input = {
      ecosystems: [steppe],
      sandBulkDensity: { value: '0', unit: 't/m³' },
      sandControlCost: { value: '5', unit: '元/m²', priceYear: 2020 },
    };
    expect(issuesOf(() => runIndicator(sandFixation, input, decimalArithmetic)).map((i) => [i.code, i.path])).toEqual([
      ['input.out-of-range', `${ID}.sandBulkDensity.value`],
      ['input.price-year', `${ID}.sandControlCost.priceYear`],
    ]);
  });
});
