import { describe, expect, it } from 'vitest';
import * as carbon from '../../../src/indicators/regulating/carbon-sequestration.js';
import { issuesOf, relativeDifference, runBoth, runIndicator, unitMismatches, untranslated } from '../../helpers/indicator.js';
import { decimalArithmetic, type GepDecimal } from '../../../src/numbers/arithmetic.js';
import { computeGep } from '../../../src/accounts/gep.js';
import { gepResultToJson } from '../../../src/accounts/serialize.js';
import { formatAccountTable } from '../../../src/io/text-table.js';
import sample from '../../../fixtures/sample-county/input.json';

/** |x − expected| on the decimal path, as a number (for tolerances stated in the test). */
const gap = (x: GepDecimal, expected: string) => x.minus(expected).abs().toNumber();

const forest = { ecosystemType: 'deciduous-broadleaf-forest' };

describe('regulating.carbon-sequestration', () => {
  it('keeps the NEP variant: Q_CO2 = 44/12 × NEP, valued per t C at the afforestation cost', () => {
    // NEP = 120 t C → Q_CO2 = 120 × 44/12 = 440 t CO2; V = 120 t C × 1 320 元/t C = 158 400 元
    const { decimal, float } = runBoth(carbon, { ecosystems: [{ ...forest, nep: { value: '120', unit: 't C' } }] });
    expect(gap(decimal.quantity.total!.value, '440')).toBeLessThan(1e-30);
    expect(decimal.value.total.value.toString()).toBe('158400');
    expect(relativeDifference(float.value.total.value, 158400)).toBeLessThan(1e-12);
    expect(decimal.value.warnings.map((w) => w.code)).toEqual(['price-year-mismatch']); // 2011 price in a 2022 account
  });

  it('prices each line per t CO2, the unit of its quantity line: a price per t C is divided by 44/12 (issue 16)', () => {
    // NEP = 120 t C → Q_CO2 = 440 t CO2/a; C_C = 1 320 元/t C → C_CO2 = 1 320 ÷ 44/12 = 360 元/t CO2;
    // V = 440 × 360 = 158 400 元, the same as 120 t C × 1 320 元/t C.
    const { decimal, float } = runBoth(carbon, { ecosystems: [{ ...forest, nep: { value: '120', unit: 't C' } }] });
    const line = decimal.value.lines[0]!;
    expect([gap(line.quantity!.value, '440') < 1e-30, line.quantity!.unit]).toEqual([true, 't CO2/a']);
    expect([gap(line.unitPrice!.value, '360') < 1e-30, line.unitPrice!.unit, line.unitPrice!.priceYear, line.unitPrice!.from]).toEqual([
      true,
      '元/t CO2',
      2011,
      'step:carbon price per t CO₂',
    ]);
    const step = decimal.value.steps.find((s) => s.name === 'carbon price per t CO₂')!;
    expect(Object.values(step.inputs).map((i) => i.from)).toEqual(['coefficient:carbon-price.afforestation', 'coefficient:co2-per-carbon']);
    expect(unitMismatches(decimal)).toEqual([]);
    expect(relativeDifference(float.value.lines[0]!.unitPrice!.value, 360)).toBeLessThan(1e-12);
    expect(decimal.value.total.value.toString()).toBe('158400');
  });

  it('keeps a price given per t CO2 as it is, and a reported line in t C in t CO2', () => {
    // 100 t C as printed → 366.67 t CO2/a, valued at 50 元/t CO2 (no conversion step)
    const input = {
      reported: [{ item: 'r', quantity: { value: '100', unit: 't C' } }],
      carbonPrice: { value: '50', unit: '元/t CO2', priceYear: 2022 },
    };
    const { value } = runIndicator(carbon, input, decimalArithmetic);
    expect(value.lines.map((l) => [l.quantity!.unit, l.unitPrice!.unit, l.unitPrice!.from])).toEqual([
      ['t CO2/a', '元/t CO2', 'input:indicators.regulating.carbon-sequestration.carbonPrice'],
    ]);
    expect(value.steps.map((s) => s.name)).toEqual(['value of r', 'total']);
  });

  it("shows the sample county's carbon row in t CO2 with a price per t CO2 (issue 16: it showed 元/t C)", () => {
    // shanxi profile: the afforestation cost 1 320 元/t C (2011), rebased to 2022 by the CPI, ÷ 44/12.
    const data: unknown = sample; // a data file, as a user's program reads it
    const json = gepResultToJson(computeGep(data));
    const row = formatAccountTable(json)
      .split('\n')
      .find((r) => r.startsWith('regulating.carbon-sequestration'))!;
    expect(row).toMatch(/万t CO2\/a +[\d,.]+ 元\/t CO2 /);
    const carbonJson = json.indicators.find((i) => i.id === 'regulating.carbon-sequestration')!;
    expect(new Set(carbonJson.value.lines.map((l) => `${l.quantity?.unit} × ${l.unitPrice?.unit}`))).toEqual(
      new Set(['t CO2/a × 元/t CO2']),
    );
  });

  it('computes NEP = β × NPP_dm × 72/162 in the npp-ratio variant', () => {
    // NPP_dm = 1 000 t, β = 50 % → NEP = 0.5 × 1 000 × 72/162 = 222.222… t C
    // Q_CO2 = 222.222… × 44/12 = 1 584 000 / 1 944 = 814.814… t CO2
    // V = 222.222… t C × 1 320 = 293 333.33… 元
    const input = { ecosystems: [{ ...forest, nppDryMatter: { value: '1000', unit: 't' }, nepNppRatio: { value: '50', unit: '%' } }] };
    const { decimal, float } = runBoth(carbon, input, { variant: { quantity: 'npp-ratio' } });
    expect(gap(decimal.quantity.total!.value, '814.8148148148148148148148148148148148148')).toBeLessThan(1e-30);
    expect(gap(decimal.value.total.value, '293333.3333333333333333333333333333333333')).toBeLessThan(1e-25);
    expect(relativeDifference(float.quantity.total!.value, 1584000 / 1944)).toBeLessThan(1e-12);
    const nep = decimal.quantity.steps.find((s) => s.name === 'NEP of deciduous-broadleaf-forest')!;
    expect([nep.formula, nep.inputs.k!.from]).toEqual(['NEP = β × NPP_dm × k', 'coefficient:carbon-per-dry-matter']);
    expect(decimal.coefficients.map((c) => c.id)).toEqual(['carbon-per-dry-matter', 'co2-per-carbon', 'carbon-price.afforestation']);
  });

  it('warns about inputs that the chosen variant does not use', () => {
    const input = { ecosystems: [{ ...forest, nep: { value: '10', unit: 't C' }, nppDryMatter: { value: '100', unit: 't' } }] };
    const { quantity } = runIndicator(carbon, input, decimalArithmetic, { variant: { quantity: 'dry-matter' } });
    expect(quantity.total!.value.toString()).toBe('163'); // 100 × 1.63
    expect(quantity.warnings.map((w) => w.message)).toEqual(['deciduous-broadleaf-forest: nep not used by variant quantity: dry-matter']);
  });

  it('asks for β in the npp-ratio variant: the table has no default', () => {
    const input = { ecosystems: [{ ...forest, nppDryMatter: { value: '1000', unit: 't' } }] };
    expect(issuesOf(() => runIndicator(carbon, input, decimalArithmetic, { variant: { quantity: 'npp-ratio' } }))).toEqual([
      {
        code: 'input.required',
        path: 'indicators.regulating.carbon-sequestration.ecosystems.0.nepNppRatio',
        expected: 'β = NEP/NPP of the type (variant npp-ratio; the table has no default)',
        found: undefined,
      },
    ]);
  });

  it('multiplies sequestration rates by areas, per t C or per t CO2, and accepts a zero area', () => {
    // forest: 1.5 t C/(hm²·a) × 2 km² (= 200 hm²) = 300 t C → 1 100 t CO2
    // grassland: 2 t CO2/(hm²·a) × 150 hm² = 300 t CO2; shrub: 0 hm² → 0
    // total 1 400 t CO2; valued at 50 元/t CO2 → 70 000 元
    const input = {
      ecosystems: [
        { ...forest, area: { value: '2', unit: 'km²' }, sequestrationRate: { value: '1.5', unit: 't C/(hm²·a)' } },
        { ecosystemType: 'temperate-steppe', area: { value: '150', unit: 'hm²' }, sequestrationRate: { value: '2', unit: 't CO2/hm²' } },
        {
          ecosystemType: 'deciduous-broadleaf-shrub',
          area: { value: '0', unit: 'hm²' },
          sequestrationRate: { value: '1', unit: 't C/(hm²·a)' },
        },
      ],
      carbonPrice: { value: '50', unit: '元/t CO2', priceYear: 2022 },
    };
    const { decimal, float } = runBoth(carbon, input, { variant: { quantity: 'sequestration-rate' } });
    expect(decimal.quantity.lines.map((l) => Number(l.quantity.value.toFixed(20)))).toEqual([1100, 300, 0]);
    expect(gap(decimal.quantity.total!.value, '1400')).toBeLessThan(1e-30);
    expect(gap(decimal.value.total.value, '70000')).toBeLessThan(1e-25);
    expect(relativeDifference(float.value.total.value, 70000)).toBeLessThan(1e-12);
    expect(decimal.value.warnings).toEqual([]);
  });

  it('keeps a negative sequestration rate with its sign and warns', () => {
    // cropland losing soil carbon: −0.2 t C/(hm²·a) × 100 hm² = −20 t C → −73.33 t CO2
    const input = {
      ecosystems: [
        { ecosystemType: 'cropland', area: { value: '100', unit: 'hm²' }, sequestrationRate: { value: '-0.2', unit: 't C/(hm²·a)' } },
      ],
    };
    const { quantity } = runIndicator(carbon, input, decimalArithmetic, { variant: { quantity: 'sequestration-rate' } });
    expect(gap(quantity.total!.value, '-73.33333333333333333333333333333333333333')).toBeLessThan(1e-30);
    expect(quantity.warnings.map((w) => w.code)).toEqual(['net-carbon-source']);
  });

  it('takes reported quantities as printed, in t CO2 or in t C, whatever the variant', () => {
    // 9 862.01 t CO2 as printed; 100 t C as printed → 366.67 t CO2; total 10 228.68 t CO2
    const input = {
      reported: [
        { item: 'reported CO2', ecosystemType: 'forest', quantity: { value: '9862.01', unit: 't CO2' } },
        { item: 'reported C', quantity: { value: '100', unit: 't C/a' } },
      ],
      carbonPrice: { value: '100', unit: '元/t CO2', priceYear: 2022 },
    };
    const { decimal, float } = runBoth(carbon, input, { variant: { quantity: 'dry-matter' } });
    expect(decimal.quantity.lines[0]!.quantity.value.toString()).toBe('9862.01');
    expect(gap(decimal.quantity.total!.value, '10228.67666666666666666666666666666666667')).toBeLessThan(1e-30);
    expect(relativeDifference(float.quantity.total!.value, 9862.01 + (100 * 44) / 12)).toBeLessThan(1e-12);
    expect(decimal.quantity.steps.map((s) => s.formula)).toEqual(['Q_CO2 as reported', 'Q_CO2 = k × Q_C', 'Q = Σ_i Q_i (reported)']);
    expect(decimal.value.total.value.toNumber()).toBeCloseTo(1022867.67, 2);
  });

  it('wants either ecosystems or reported quantities, not both', () => {
    const both = {
      ecosystems: [{ ...forest, nep: { value: '1', unit: 't C' } }],
      reported: [{ item: 'x', quantity: { value: '1', unit: 't CO2' } }],
    };
    expect(issuesOf(() => runIndicator(carbon, both, decimalArithmetic)).map((i) => [i.code, i.path])).toEqual([
      ['input.missing-basis', 'indicators.regulating.carbon-sequestration'],
    ]);
    expect(issuesOf(() => runIndicator(carbon, {}, decimalArithmetic)).map((i) => i.code)).toEqual(['input.missing-basis']);
  });

  it('refuses a reported quantity that is neither carbon nor CO2, and a β above 1', () => {
    expect(
      issuesOf(() => runIndicator(carbon, { reported: [{ item: 'x', quantity: { value: '5', unit: 't' } }] }, decimalArithmetic)).map(
        (i) => [i.code, i.path],
      ),
    ).toEqual([['input.unit-dimension', 'indicators.regulating.carbon-sequestration.reported.0.quantity.unit']]);
    const input = { ecosystems: [{ ...forest, nppDryMatter: { value: '5', unit: 't' }, nepNppRatio: { value: '120', unit: '%' } }] };
    expect(issuesOf(() => runIndicator(carbon, input, decimalArithmetic)).map((i) => [i.code, i.path])).toEqual([
      ['input.out-of-range', 'indicators.regulating.carbon-sequestration.ecosystems.0.nepNppRatio.value'],
    ]);
  });

  /**
   * Gaotianyan 2014 (../shared/cases/gaotianyan-2014.md; miao-2017 Table 2): V_C = NPP × 1.63 × 379.87 元/t CO2,
   * printed in 万元 with two decimals. Expected values are the printed ones; tolerance half a unit of
   * the last printed digit (0.005 万元 = 50 元, 0.005 t).
   */
  const gaotianyan = [
    { item: '针叶林 coniferous', ecosystemType: 'evergreen-needleleaf-forest', npp: '6050.31', co2: '9862.01', value: '374.62' },
    { item: '阔叶林 broadleaf', ecosystemType: 'evergreen-broadleaf-forest', npp: '40584.50', co2: '66152.74', value: '2512.94' },
    { item: '针阔混交林 mixed', ecosystemType: 'mixed-forest', npp: '4774.77', co2: '7782.88', value: '295.65' },
    { item: '竹林 bamboo', ecosystemType: 'forest', npp: '5560.52', co2: '9063.65', value: '344.30' },
    { item: '灌丛 shrub', ecosystemType: 'shrubland', npp: '1042.60', co2: '1699.44', value: '64.56' },
  ];
  const gaotianyanInput = {
    ecosystems: gaotianyan.map((r) => ({ item: r.item, ecosystemType: r.ecosystemType, nppDryMatter: { value: r.npp, unit: 't' } })),
    carbonPrice: { value: '379.87', unit: '元/t CO2', priceYear: 2014 },
  };

  it('reproduces the Gaotianyan 2014 CO2 rows and four of five carbon-value rows (NPP × 1.63 × 379.87)', () => {
    const { decimal, float } = runBoth(carbon, gaotianyanInput, { variant: { quantity: 'dry-matter' }, priceYear: 2014 });
    gaotianyan.forEach((r, i) => {
      expect(gap(decimal.quantity.lines[i]!.quantity.value, r.co2), `${r.item} CO2`).toBeLessThanOrEqual(0.005);
      const wan = decimal.value.lines[i]!.value.value.dividedBy(10000);
      if (i === 0) {
        // Flagged, not matched: 6 050.31 × 1.63 × 379.87 = 3 746 279.95 元 = 374.628 万元, which rounds to
        // 374.63; the paper prints 374.62 (0.008 万元 off, beyond half a unit of the last digit).
        expect(wan.toFixed(3)).toBe('374.628');
        expect(wan.toFixed(2)).toBe('374.63');
      } else {
        expect(gap(wan, r.value), `${r.item} value`).toBeLessThanOrEqual(0.005);
      }
      expect(relativeDifference(float.value.lines[i]!.value.value, wan.times(10000).toNumber())).toBeLessThan(1e-12);
    });
    // Totals: Σ CO2 = 94 560.70 t (printed 94 560.72, the sum of the rounded rows); Σ value = 3 592.077 万元
    // (printed 3 592.07 = the sum of the printed rows, so it inherits the coniferous row's gap).
    expect(decimal.quantity.total!.value.toFixed(4)).toBe('94560.7010');
    expect(decimal.value.total.value.dividedBy(10000).toFixed(3)).toBe('3592.077');
    expect(decimal.value.warnings).toEqual([]);
  });

  it('names every step and warning in Chinese and prices every line per unit of its quantity, in every variant', () => {
    const lines = [
      { ...forest, nep: { value: '-3', unit: 't C' }, nppDryMatter: { value: '10', unit: 't' }, nepNppRatio: { value: '0.5', unit: '1' } },
      {
        ecosystemType: 'temperate-steppe',
        item: '草地 grassland',
        npp: { value: '30', unit: 't C' },
        heterotrophicRespiration: { value: '27', unit: 't C' },
        nppDryMatter: { value: '5', unit: 't' },
        nepNppRatio: { value: '40', unit: '%' },
      },
    ];
    const rates = [
      { ...forest, area: { value: '10', unit: 'hm²' }, sequestrationRate: { value: '-0.1', unit: 't C/(hm²·a)' } },
      { ecosystemType: 'cropland', area: { value: '10', unit: 'hm²' }, sequestrationRate: { value: '1', unit: 't CO2/(hm²·a)' } },
    ];
    const reported = [
      { item: 'forest', quantity: { value: '-1', unit: 't C' } },
      { item: '灌丛', quantity: { value: '5', unit: 't CO2' } },
    ];
    const runs = [
      ...(['nep', 'dry-matter', 'npp-ratio'] as const).map((quantity) =>
        runIndicator(carbon, { ecosystems: lines }, decimalArithmetic, { variant: { quantity } }),
      ),
      runIndicator(carbon, { ecosystems: rates, carbonPrice: { value: '50', unit: '元/t CO2', priceYear: 2022 } }, decimalArithmetic, {
        variant: { quantity: 'sequestration-rate' },
      }),
      runIndicator(carbon, { reported }, decimalArithmetic),
    ];
    expect(runs.flatMap((r) => [...r.quantity.warnings, ...r.value.warnings].map((w) => w.code))).toEqual(
      expect.arrayContaining(['net-carbon-source', 'input-not-used', 'price-year-mismatch']),
    );
    for (const r of runs) {
      expect(untranslated(r)).toEqual([]);
      expect(unitMismatches(r)).toEqual([]);
    }
    expect(runs[4]!.quantity.warnings.map((w) => w.zh)).toEqual(['森林：公布的固碳量为负（-1 t C），属净碳源，保留其符号']);
  });
});
