import { describe, expect, it } from 'vitest';
import * as oxygen from '../../../src/indicators/regulating/oxygen-release.js';
import { issuesOf, relativeDifference, runBoth, runIndicator, unitMismatches, untranslated } from '../../helpers/indicator.js';
import { decimalArithmetic, type GepDecimal } from '../../../src/numbers/arithmetic.js';
import { getProfile } from '../../../src/profiles/profiles.js';

const gap = (x: GepDecimal, expected: string) => x.minus(expected).abs().toNumber();
const forest = { ecosystemType: 'deciduous-broadleaf-forest' };

describe('regulating.oxygen-release', () => {
  it('is left out of the national profile', () => {
    expect(getProfile('national-2022')!.indicators.map((i) => i.id)).not.toContain('regulating.oxygen-release');
  });

  it('computes Q_O2 = 32/12 × NEP stoichiometrically and values it at the oxygen price', () => {
    // NEP = 12 t C → Q_O2 = 12 × 32/12 = 32 t; NPP − R_h = 30 − 27 = 3 t C → 8 t; total 40 t
    // V = 40 t × 1 000 元/t (baiyangdian-2017, 2011 prices) = 40 000 元
    const input = {
      ecosystems: [
        { ...forest, nep: { value: '12', unit: 't C' } },
        { ecosystemType: 'temperate-steppe', npp: { value: '30', unit: 't C' }, heterotrophicRespiration: { value: '27', unit: 't C' } },
      ],
    };
    const { decimal, float } = runBoth(oxygen, input);
    expect(gap(decimal.quantity.total!.value, '40')).toBeLessThan(1e-30);
    expect(gap(decimal.value.total.value, '40000')).toBeLessThan(1e-25);
    expect(relativeDifference(float.value.total.value, 40000)).toBeLessThan(1e-12);
    expect(decimal.value.warnings.map((w) => w.code)).toEqual(['price-year-mismatch']);
    expect(decimal.coefficients.map((c) => c.id)).toEqual(['o2-per-carbon', 'oxygen-price']);
  });

  it('derives O2 from the CO2 fixed when that is what is given: Q_O2 = 32/44 × Q_CO2', () => {
    // 44 t CO2 → 32 t O2
    const { decimal, float } = runBoth(oxygen, { ecosystems: [{ ...forest, co2Fixed: { value: '44', unit: 't CO2' } }] });
    expect(gap(decimal.quantity.total!.value, '32')).toBeLessThan(1e-30);
    expect(relativeDifference(float.quantity.total!.value, 32)).toBeLessThan(1e-12);
  });

  it('uses 1.2 or 1.19 t O2 per t dry matter in the two dry-matter variants', () => {
    // 100 t dry matter → 120 t (dry-matter) or 119 t (dry-matter-ly)
    const input = {
      ecosystems: [{ ...forest, nppDryMatter: { value: '100', unit: 't' } }],
      oxygenPrice: { value: '1200', unit: '元/t', priceYear: 2022 },
    };
    const a = runBoth(oxygen, input, { variant: { quantity: 'dry-matter' } });
    const b = runBoth(oxygen, input, { variant: { quantity: 'dry-matter-ly' } });
    expect(a.decimal.quantity.total!.value.toString()).toBe('120');
    expect(b.decimal.quantity.total!.value.toString()).toBe('119');
    expect(b.decimal.value.total.value.toString()).toBe('142800'); // 119 × 1 200
    expect(b.float.value.total.value).toBeCloseTo(142800, 6);
    expect(b.decimal.value.warnings).toEqual([]);
  });

  it('keeps a negative NEP with its sign, warns, and accepts a zero NEP', () => {
    // −3 t C → −8 t O2; 0 t C → 0
    const input = {
      ecosystems: [
        { ...forest, nep: { value: '-3', unit: 't C' } },
        { ecosystemType: 'cropland', nep: { value: '0', unit: 't C' } },
      ],
    };
    const { quantity } = runIndicator(oxygen, input, decimalArithmetic);
    expect(gap(quantity.total!.value, '-8')).toBeLessThan(1e-30);
    expect(quantity.warnings.map((w) => w.code)).toEqual(['net-carbon-source']);
  });

  it('takes reported O2 quantities as printed, and not together with ecosystems', () => {
    // 7 199.87 + 48 295.56 = 55 495.43 t
    const reported = [
      { item: '针叶林', quantity: { value: '7199.87', unit: 't' } },
      { item: '阔叶林', ecosystemType: 'forest', quantity: { value: '48295.56', unit: 't/a' } },
    ];
    const { quantity } = runIndicator(oxygen, { reported }, decimalArithmetic, { variant: { quantity: 'dry-matter-ly' } });
    expect(quantity.total!.value.toString()).toBe('55495.43');
    expect(quantity.steps[0]!.formula).toBe('Q_i as reported');
    expect(
      issuesOf(() =>
        runIndicator(oxygen, { reported, ecosystems: [{ ...forest, nep: { value: '1', unit: 't C' } }] }, decimalArithmetic),
      ).map((i) => i.code),
    ).toEqual(['input.missing-basis']);
  });

  it('lists every line that lacks its basis, and refuses a price of another year', () => {
    const input = { ecosystems: [forest, { ecosystemType: 'cropland' }] };
    expect(issuesOf(() => runIndicator(oxygen, input, decimalArithmetic, { variant: { quantity: 'dry-matter' } }))).toEqual([
      {
        code: 'input.required',
        path: 'indicators.regulating.oxygen-release.ecosystems.0.nppDryMatter',
        expected: 'NPP as dry matter (variant dry-matter)',
        found: undefined,
      },
      {
        code: 'input.required',
        path: 'indicators.regulating.oxygen-release.ecosystems.1.nppDryMatter',
        expected: 'NPP as dry matter (variant dry-matter)',
        found: undefined,
      },
    ]);
    const priced = {
      ecosystems: [{ ...forest, nep: { value: '1', unit: 't C' } }],
      oxygenPrice: { value: '1000', unit: '元/t', priceYear: 2011 },
    };
    expect(issuesOf(() => runIndicator(oxygen, priced, decimalArithmetic))[0]!.code).toBe('input.price-year');
  });

  /**
   * Gaotianyan 2014 (../shared/cases/gaotianyan-2014.md; miao-2017 Table 2): Q_O2 = NPP × 1.19,
   * V_O = Q_O2 × 1 160.70 元/t, printed in t and 万元 with two decimals; tolerance half a unit of the
   * last printed digit (0.005 t, 0.005 万元).
   */
  const gaotianyan = [
    { item: '针叶林 coniferous', ecosystemType: 'evergreen-needleleaf-forest', npp: '6050.31', o2: '7199.87', value: '835.69' },
    { item: '阔叶林 broadleaf', ecosystemType: 'evergreen-broadleaf-forest', npp: '40584.50', o2: '48295.56', value: '5605.67' },
    { item: '针阔混交林 mixed', ecosystemType: 'mixed-forest', npp: '4774.77', o2: '5681.98', value: '659.51' },
    { item: '竹林 bamboo', ecosystemType: 'forest', npp: '5560.52', o2: '6617.02', value: '768.04' },
    { item: '灌丛 shrub', ecosystemType: 'shrubland', npp: '1042.60', o2: '1240.69', value: '144.01' },
  ];

  it('reproduces the Gaotianyan 2014 oxygen rows per forest type (NPP × 1.19 × 1 160.70)', () => {
    const input = {
      ecosystems: gaotianyan.map((r) => ({ item: r.item, ecosystemType: r.ecosystemType, nppDryMatter: { value: r.npp, unit: 't' } })),
      oxygenPrice: { value: '1160.70', unit: '元/t', priceYear: 2014 },
    };
    const { decimal, float } = runBoth(oxygen, input, { variant: { quantity: 'dry-matter-ly' }, priceYear: 2014 });
    gaotianyan.forEach((r, i) => {
      expect(gap(decimal.quantity.lines[i]!.quantity.value, r.o2), `${r.item} O2`).toBeLessThanOrEqual(0.005);
      expect(gap(decimal.value.lines[i]!.value.value.dividedBy(10000), r.value), `${r.item} value`).toBeLessThanOrEqual(0.005);
      expect(relativeDifference(float.value.lines[i]!.value.value, decimal.value.lines[i]!.value.value.toNumber())).toBeLessThan(1e-12);
    });
    // The printed total 8 012.92 万元 is the sum of the printed rows; the unrounded sum is 8 012.906 万元.
    expect(decimal.value.total.value.dividedBy(10000).toFixed(3)).toBe('8012.906');
  });

  it('names every step and warning in Chinese and prices every line per unit of its quantity, in every variant', () => {
    const lines = [
      { ...forest, nep: { value: '-3', unit: 't C' }, nppDryMatter: { value: '10', unit: 't' } },
      {
        ecosystemType: 'temperate-steppe',
        item: '草地',
        npp: { value: '30', unit: 't C' },
        heterotrophicRespiration: { value: '27', unit: 't C' },
        nppDryMatter: { value: '5', unit: 't' },
      },
      { ecosystemType: 'cropland', co2Fixed: { value: '44', unit: 't CO2' }, nppDryMatter: { value: '5', unit: 't' } },
    ];
    const runs = [
      ...(['nep', 'dry-matter', 'dry-matter-ly'] as const).map((quantity) =>
        runIndicator(oxygen, { ecosystems: lines }, decimalArithmetic, { variant: { quantity } }),
      ),
      runIndicator(oxygen, { reported: [{ item: 'forest', quantity: { value: '-2', unit: 't' } }] }, decimalArithmetic),
    ];
    for (const r of runs) {
      expect(untranslated(r)).toEqual([]);
      expect(unitMismatches(r)).toEqual([]);
    }
    expect(runs[0]!.quantity.warnings.map((w) => w.code)).toEqual([
      'input-not-used',
      'net-carbon-source',
      'input-not-used',
      'input-not-used',
    ]);
    expect(runs[3]!.quantity.warnings.map((w) => [w.code, w.message])).toEqual([
      ['net-carbon-source', 'forest: the oxygen release is negative (-2 t/a), a net carbon source; kept with its sign'],
    ]);
  });
});
