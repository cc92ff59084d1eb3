import { describe, expect, it } from 'vitest';
import * as soilRetention from '../../../src/indicators/regulating/soil-retention.js';
import { issuesOf, relativeDifference, runBoth, runIndicator, untranslated } from '../../helpers/indicator.js';
import { decimalArithmetic } from '../../../src/numbers/arithmetic.js';

const ID = 'indicators.regulating.soil-retention';

// R·K·LS = 2000 × 0.03 × 5 = 300 t/(hm²·a); C·P = 0.2 → A_r = 60; retained 240 t/(hm²·a)
const forest = {
  ecosystemType: 'deciduous-broadleaf-forest',
  area: { value: '100', unit: 'hm²' },
  rainfallErosivity: { value: '2000', unit: 'MJ·mm/(hm²·h·a)' },
  soilErodibility: { value: '0.03', unit: 't·hm²·h/(hm²·MJ·mm)' },
  slopeLengthSteepness: { value: '5', unit: '1' },
  coverManagement: { value: '0.2', unit: '1' },
  supportPractice: { value: '1', unit: '1' },
};
const soil = {
  bulkDensity: { value: '1.2', unit: 't/m³' },
  nitrogen: { value: '0.5', unit: 'g/kg' },
  phosphorus: { value: '0.4', unit: 'g/kg' },
};

const lineEnding = <L extends { item: string }>(lines: readonly L[], suffix: string): L => lines.find((l) => l.item.endsWith(suffix))!;

describe('regulating.soil-retention', () => {
  it('computes Q = R·K·LS·(1 − C·P)·a and values sediment, N and P at the ganzi-2017 prices', () => {
    // Q = 240 t/(hm²·a) × 100 hm² = 24 000 t/a
    // sediment: 0.24 × 24 000 t / 1.2 t/m³ = 4 800 m³ × 15.58 元/m³ = 74 784 元
    // N: 24 000 × 0.5 g/kg = 12 t × 875 元/t = 10 500 元;  P: 24 000 × 0.4 g/kg = 9.6 t × 2 800 = 26 880 元
    // V = 74 784 + 10 500 + 26 880 = 112 164 元 (2010 prices)
    const { decimal, float } = runBoth(soilRetention, { ecosystems: [forest], soil }, { priceYear: 2010 });
    expect(decimal.quantity.steps.map((s) => [s.name, s.result.value])).toEqual([
      ['potential erosion of deciduous-broadleaf-forest', '300'],
      ['actual erosion of deciduous-broadleaf-forest', '60'],
      ['soil retained by deciduous-broadleaf-forest', '24000'],
      ['soil retention', '24000'],
    ]);
    expect(decimal.value.lines.map((l) => [l.item, l.quantity!.value.toString(), l.quantity!.unit, l.value.value.toString()])).toEqual([
      ['deciduous-broadleaf-forest: sediment (avoided deposition)', '4800', 'm³/a', '74784'],
      ['deciduous-broadleaf-forest: nitrogen (avoided non-point pollution)', '12', 't/a', '10500'],
      ['deciduous-broadleaf-forest: phosphorus (avoided non-point pollution)', '9.6', 't/a', '26880'],
    ]);
    expect(decimal.value.total.value.toString()).toBe('112164');
    expect(relativeDifference(float.quantity.total!.value, 24000)).toBeLessThan(1e-12);
    expect(relativeDifference(float.value.total.value, 112164)).toBeLessThan(1e-12);
    expect(decimal.value.warnings).toEqual([]);
    expect(decimal.coefficients.map((c) => c.id)).toEqual([
      'sediment-deposition-ratio',
      'dredging-cost',
      'soil-retention-treatment-cost.n',
      'soil-retention-treatment-cost.p',
    ]);
  });

  it('converts a K in US customary units by × 0.1317', () => {
    // K = 0.3 × 0.1317 = 0.03951; Q = 1000 × 0.03951 × 1 × (1 − 0) × 1 hm² = 39.51 t/a
    const { soilErodibility: _, ...rest } = forest;
    const line = {
      ...rest,
      area: { value: '1', unit: 'hm²' },
      rainfallErosivity: { value: '1000', unit: 'MJ·mm/(hm²·h·a)' },
      soilErodibilityUS: '0.3',
      slopeLengthSteepness: { value: '1', unit: '1' },
      coverManagement: { value: '0', unit: '1' },
    };
    const { decimal, float } = runBoth(soilRetention, { ecosystems: [line], soil }, { priceYear: 2010 });
    expect(decimal.quantity.steps[0]).toMatchObject({
      name: 'K of deciduous-broadleaf-forest',
      result: { value: '0.03951', unit: 't·hm²·h/(hm²·MJ·mm)' },
    });
    expect(decimal.quantity.total!.value.toString()).toBe('39.51');
    expect(relativeDifference(float.quantity.total!.value, 39.51)).toBeLessThan(1e-12);
    expect(decimal.coefficients[0]).toMatchObject({ id: 'rusle-k-us-to-si', status: 'to-verify' });
  });

  it('falls back to the local Ganzi soil values of the table, and warns that they are local', () => {
    // reported 930 t/a; ρ 0.93: 0.24 × 930 / 0.93 = 240 m³ × 15.58 = 3 739.2
    // N 0.37 %: 3.441 t × 875 = 3 010.875;  P 0.108 %: 1.0044 t × 2 800 = 2 812.32;  V = 9 562.395 元
    const input = { reported: [{ item: 'county', quantity: { value: '930', unit: 't' } }] };
    const { decimal, float } = runBoth(soilRetention, input, { priceYear: 2010 });
    expect(decimal.value.total.value.toString()).toBe('9562.395');
    expect(relativeDifference(float.value.total.value, 9562.395)).toBeLessThan(1e-12);
    expect(decimal.value.warnings.map((w) => [w.code, w.path!.join('.')])).toEqual([
      ['local-parameter-default', `${ID}.soil.bulkDensity`],
      ['local-parameter-default', `${ID}.soil.nitrogen`],
      ['local-parameter-default', `${ID}.soil.phosphorus`],
    ]);
  });

  it('prices N, P, K and organic matter as fertilizer in the fertilizer-replacement variant', () => {
    // reported Q = 1 000 t/a, ρ 1.2 t/m³; dredging 12.6 元/m³ given at 2007 (the account year here)
    // sediment 0.24 × 1 000 / 1.2 = 200 m³ × 12.6 = 2 520
    // N 1 g/kg → 1 t × 2 400/0.14 (DAP, 14 % N) = 17 142.857142…
    // P 0.5 g/kg → 0.5 t × 2 400/0.1501 (DAP, 15.01 % P) = 7 994.670219…
    // K 20 g/kg → 20 t × 2 200/0.5 (KCl, 50 % K) = 88 000;  OM 20 g/kg → 20 t × 320 = 6 400
    // V = 122 057.527362…  (LY/T 1721—2008 prices, recalled: to-verify, price year 2007)
    const input = {
      reported: [{ item: 'county', quantity: { value: '1000', unit: 't/a' } }],
      soil: {
        bulkDensity: { value: '1.2', unit: 't/m³' },
        nitrogen: { value: '1', unit: 'g/kg' },
        phosphorus: { value: '0.5', unit: 'g/kg' },
        potassium: { value: '20', unit: 'g/kg' },
        organicMatter: { value: '2', unit: '%' },
      },
      dredgingCost: { value: '12.6', unit: '元/m³', priceYear: 2007 },
    };
    const expected = 2520 + 2400 / 0.14 + 1200 / 0.1501 + 88000 + 6400;
    const { decimal, float } = runBoth(soilRetention, input, { priceYear: 2007, variant: { nutrients: 'fertilizer-replacement' } });
    expect(decimal.value.lines.map((l) => l.item)).toEqual([
      'county: sediment (avoided deposition)',
      'county: nitrogen (fertilizer replacement)',
      'county: phosphorus (fertilizer replacement)',
      'county: potassium (fertilizer replacement)',
      'county: organic matter (fertilizer replacement)',
    ]);
    expect(decimal.value.total.value.toFixed(6)).toBe('122057.527363');
    expect(relativeDifference(float.value.total.value, expected)).toBeLessThan(1e-12);
    expect(relativeDifference(decimal.value.total.value.toNumber(), float.value.total.value)).toBeLessThan(1e-12);
    expect(decimal.coefficients.filter((c) => c.status === 'to-verify').map((c) => c.id)).toEqual([
      'fertilizer-price.dap',
      'fertilizer-share.dap-n',
      'fertilizer-share.dap-p',
      'fertilizer-price.kcl',
      'fertilizer-share.kcl-k',
      'organic-matter-price',
    ]);
  });

  it('works with zero area and with C·P = 1 (no retention), without NaN', () => {
    const zero = { ...forest, area: { value: '0', unit: 'hm²' } };
    const bare = { ...forest, ecosystemType: 'cropland', coverManagement: { value: '1', unit: '1' } };
    const { decimal, float } = runBoth(soilRetention, { ecosystems: [zero, bare], soil }, { priceYear: 2010 });
    expect(decimal.quantity.total!.value.toString()).toBe('0');
    expect(decimal.value.total.value.toString()).toBe('0');
    expect(float.value.total.value).toBe(0);
  });

  it('refuses K given twice or not at all, a negative US K, out-of-range factors and wrong units', () => {
    const { soilErodibility: _, ...noK } = forest;
    expect(
      issuesOf(() =>
        runIndicator(
          soilRetention,
          { ecosystems: [noK, { ...forest, soilErodibilityUS: '0.2' }, { ...noK, soilErodibilityUS: '-0.1' }], soil },
          decimalArithmetic,
        ),
      ),
    ).toEqual([
      {
        code: 'input.missing-basis',
        path: `${ID}.ecosystems.0.soilErodibility`,
        expected: 'either soilErodibility (SI units) or soilErodibilityUS (US customary units), not both',
        found: undefined,
      },
      {
        code: 'input.missing-basis',
        path: `${ID}.ecosystems.1.soilErodibility`,
        expected: 'either soilErodibility (SI units) or soilErodibilityUS (US customary units), not both',
        found: undefined,
      },
      { code: 'input.out-of-range', path: `${ID}.ecosystems.2.soilErodibilityUS`, expected: 'a value ≥ 0', found: '-0.1' },
    ]);
    const bad = {
      ...forest,
      rainfallErosivity: { value: '2000', unit: 'mm' },
      coverManagement: { value: '1.2', unit: '1' },
      supportPractice: { value: '-1', unit: '1' },
    };
    expect(issuesOf(() => runIndicator(soilRetention, { ecosystems: [bad] }, decimalArithmetic)).map((i) => [i.code, i.path])).toEqual([
      ['input.unit-dimension', `${ID}.ecosystems.0.rainfallErosivity.unit`],
      ['input.out-of-range', `${ID}.ecosystems.0.coverManagement.value`],
      ['input.out-of-range', `${ID}.ecosystems.0.supportPractice.value`],
    ]);
  });

  it('collects every missing or bad value parameter before failing', () => {
    // zero bulk density (division), a price of another year, no K / organic matter in the fertilizer variant
    const input = {
      ecosystems: [forest],
      soil: { ...soil, bulkDensity: { value: '0', unit: 't/m³' } },
      dredgingCost: { value: '20', unit: '元/m³', priceYear: 2020 },
    };
    expect(
      issuesOf(() => runIndicator(soilRetention, input, decimalArithmetic, { variant: { nutrients: 'fertilizer-replacement' } })).map(
        (i) => [i.code, i.path],
      ),
    ).toEqual([
      ['input.out-of-range', `${ID}.soil.bulkDensity.value`],
      ['input.price-year', `${ID}.dredgingCost.priceYear`],
      ['input.required', `${ID}.soil.potassium`],
      ['input.required', `${ID}.soil.organicMatter`],
    ]);
  });

  it('names every step and warning in Chinese too, computed or reported, on both nutrient variants', () => {
    const { soilErodibility: _, ...noK } = forest;
    const computed = { ecosystems: [forest, { ...noK, item: 'US K', soilErodibilityUS: '0.3' }], soil };
    const reported = {
      reported: [{ item: 'county', quantity: { value: '930', unit: 't' } }],
      soil: { potassium: { value: '20', unit: 'g/kg' }, organicMatter: { value: '2', unit: '%' } },
      fertilizer: { nitrogen: { price: { value: '1920', unit: '元/t', priceYear: 2010 }, nutrientShare: { value: '46', unit: '%' } } },
    };
    for (const input of [computed, reported]) {
      for (const nutrients of ['non-point-pollution', 'fertilizer-replacement']) {
        const extra =
          nutrients === 'fertilizer-replacement'
            ? { soil: { ...input.soil, potassium: { value: '20', unit: 'g/kg' }, organicMatter: { value: '2', unit: '%' } } }
            : {};
        const r = runIndicator(soilRetention, { ...input, ...extra }, decimalArithmetic, { priceYear: 2010, variant: { nutrients } });
        expect(untranslated(r)).toEqual([]);
      }
    }
    const r = runIndicator(soilRetention, reported, decimalArithmetic, { priceYear: 2010 });
    expect(r.quantity.steps.map((s) => s.zh!.name)).toEqual(['county土壤保持量', '土壤保持']);
    expect(r.value.warnings[0]!.zh).toBe(
      '未给出 soil.bulkDensity：采用 soil-bulk-density = 0.93 t/m³，为 ganzi-2017 的当地值；请给出本地区的土壤数据',
    );
  });

  it('writes the US-to-SI factor of K as a symbol, with the coefficient among the step inputs', () => {
    // the factor can be overridden: the formula text must not print 0.1317
    const { soilErodibility: _, ...noK } = forest;
    const r = runIndicator(soilRetention, { ecosystems: [{ ...noK, soilErodibilityUS: '0.3' }], soil }, decimalArithmetic, {
      priceYear: 2010,
      overrides: [{ id: 'rusle-k-us-to-si', value: '0.2', unit: 't·hm²·h/(hm²·MJ·mm)', reason: 'test' }],
    });
    const k = r.quantity.steps[0]!;
    expect(k.formula).toBe('K = K_US × f_K');
    expect(k.inputs.f_K).toMatchObject({ value: '0.2', from: 'coefficient:rusle-k-us-to-si' });
    expect(k.result.value).toBe('0.06');
  });

  it('takes either RUSLE factors or reported quantities, not both and not neither', () => {
    const reported = [{ item: 'x', quantity: { value: '1', unit: 't/a' } }];
    for (const input of [{}, { ecosystems: [forest], reported }]) {
      expect(issuesOf(() => runIndicator(soilRetention, input, decimalArithmetic))[0]!.code).toBe('input.missing-basis');
    }
  });
});

describe('regulating.soil-retention, Gaotianyan 2014 (miao-2017 Table 3, per hm²)', () => {
  // ../shared/cases/gaotianyan-2014.md: Q = 2985.40 t/(hm²·a); ρ = 0.37 t/m³; sedimentation priced at
  // P_e = 0.88 元/m³; soil TN 1.52 g/kg (printed parameter), TP 0.48, TK 0.24, OM 23.29 g/kg; N priced as
  // urea (46 % N) at 1 920 元/t. Prices are 2014. One hm² is entered as a reported line of 2985.40 t/a.
  const input = (tonnes: string) => ({
    reported: [{ item: '高天岩 Gaotianyan', quantity: { value: tonnes, unit: 't/a' } }],
    soil: {
      bulkDensity: { value: '0.37', unit: 't/m³' },
      nitrogen: { value: '1.52', unit: 'g/kg' },
      phosphorus: { value: '0.48', unit: 'g/kg' },
      potassium: { value: '0.24', unit: 'g/kg' },
      organicMatter: { value: '23.29', unit: 'g/kg' },
    },
    dredgingCost: { value: '0.88', unit: '元/m³', priceYear: 2014 },
    fertilizer: { nitrogen: { price: { value: '1920', unit: '元/t', priceYear: 2014 }, nutrientShare: { value: '46', unit: '%' } } },
  });
  const run = (tonnes: string) =>
    runBoth(soilRetention, input(tonnes), { priceYear: 2014, variant: { nutrients: 'fertilizer-replacement' } });

  it('FLAGS the sedimentation row: the paper skips the bulk density (printed 630.52 元/hm², ours 1 704.10)', () => {
    // ours: 0.24 × 2985.40 t / 0.37 t/m³ = 1 936.4757 m³ × 0.88 元/m³ = 1 704.0986 元/hm²
    // printed: 0.24 × 2985.40 = 716.50 "t" taken as m³ × 0.88 = 630.52 元/hm² — i.e. ours × ρ
    const { decimal, float } = run('2985.40');
    const sediment = lineEnding(decimal.value.lines, 'sediment (avoided deposition)');
    expect(sediment.quantity!.value.toFixed(4)).toBe('1936.4757');
    expect(sediment.value.value.toFixed(2)).toBe('1704.10');
    expect(sediment.value.value.toFixed(2)).not.toBe('630.52');
    expect(relativeDifference(sediment.value.value.toNumber(), 630.52)).toBeGreaterThan(1.7); // +170 %
    expect(sediment.value.value.times('0.37').toFixed(2)).toBe('630.52'); // the printed value is ours × ρ
    expect(
      relativeDifference(lineEnding(float.value.lines, 'sediment (avoided deposition)').value.value, sediment.value.value.toNumber()),
    ).toBeLessThan(1e-12);
  });

  it('FLAGS the TN row: 2985.40 × 1.52 g/kg = 4 537.81 kg, printed 4 573.81 kg (digits swapped); the urea price route reproduces', () => {
    const { decimal } = run('2985.40');
    const n = lineEnding(decimal.value.lines, 'nitrogen (fertilizer replacement)');
    expect(n.quantity!.value.times(1000).toFixed(2)).toBe('4537.81');
    expect(n.quantity!.value.times(1000).toFixed(2)).not.toBe('4573.81');
    // price per t N = 1 920 / 0.46 = 4 173.913 元/t: ours 4.537808 t × 4 173.913 = 18 940.416 元
    expect(n.unitPrice!.value.toFixed(3)).toBe('4173.913');
    expect(n.value.value.toFixed(3)).toBe('18940.416');
    // the printed value 19 090.69 is the printed (swapped) quantity at the same price: 4.57381 t × 4 173.913
    expect(n.unitPrice!.value.times('4.57381').toFixed(2)).toBe('19090.69');
  });

  it('reproduces the TP, TK and organic-matter quantities (prices illegible in the text read)', () => {
    // 2985.40 × 0.48 = 1 432.99 kg (printed 1 433.00); × 0.24 = 716.50 kg; × 23.29 = 69 529.97 kg
    const { decimal } = run('2985.40');
    const kg = (suffix: string) => lineEnding(decimal.value.lines, suffix).quantity!.value.times(1000).toNumber();
    expect(Math.abs(kg('phosphorus (fertilizer replacement)') - 1433.0)).toBeLessThan(0.01);
    expect(kg('potassium (fertilizer replacement)').toFixed(2)).toBe('716.50');
    expect(kg('organic matter (fertilizer replacement)').toFixed(2)).toBe('69529.97');
  });

  it('FLAGS the reserve total of the sedimentation row: 4 750 hm² give 809.45 万元, printed 299.50 万元', () => {
    // Q = 2985.40 × 4 750 = 14 180 650 t/a; ours 1 704.0986 × 4 750 = 8 094 468.59 元; printed 630.52 × 4 750 = 299.50 万元
    const { decimal } = run('14180650');
    const sediment = lineEnding(decimal.value.lines, 'sediment (avoided deposition)');
    expect(sediment.value.value.div(10000).toFixed(2)).toBe('809.45');
    expect(sediment.value.value.div(10000).toFixed(2)).not.toBe('299.50');
  });
});
