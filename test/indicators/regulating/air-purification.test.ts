import { describe, expect, it } from 'vitest';
import * as airPurification from '../../../src/indicators/regulating/air-purification.js';
import { issuesOf, relativeDifference, runBoth, runIndicator, untranslated } from '../../helpers/indicator.js';
import { decimalArithmetic } from '../../../src/numbers/arithmetic.js';
import { CoefficientReader, makeCoefficientSet } from '../../../src/coefficients/resolve.js';
import { getCoefficientTable } from '../../../src/coefficients/tables.js';
import { getPriceIndex } from '../../../src/coefficients/indices.js';

const ecosystems = [
  { ecosystemType: 'deciduous-broadleaf-forest', area: { value: '100', unit: 'hm²' } },
  { ecosystemType: 'evergreen-needleleaf-forest', area: { value: '50', unit: 'hm²' } },
];
// Table rates: SO₂ broadleaf 88.64, conifer 215.66 kg/(hm²·a) → capacity 8 864 + 10 783 kg = 19.647 t/a
//              dust broadleaf 10 110, conifer 33 200 kg/(hm²·a) → capacity 1 011 000 + 1 660 000 kg = 2 671 t/a
const P = 'indicators.regulating.air-purification';
const near = (x: { minus(y: number): { abs(): { lt(z: number): boolean } } }, y: number) => x.minus(y).abs().lt(1e-30);

describe('regulating.air-purification', () => {
  it('caps the purified amount at the emission and prices it by the pollution equivalent', () => {
    // SO₂: min(19 t, 19.647 t) = 19 t (capped); dust: min(500 t, 2 671 t) = 500 t (capped)
    // c_SO2 = 1.2 元/当量 × 1000 / 0.95 kg/当量 = 1 263.157894… 元/t → V = 19 × 1 263.157… = 24 000 元
    // c_dust = 1.2 × 1000 / 4 = 300 元/t → V = 500 × 300 = 150 000 元; total 174 000 元
    // (1.2/0.95 is a repeating decimal: the decimal path is exact to its 40 digits, not to the last one)
    const input = { ecosystems, emissions: { so2: { value: '19', unit: 't' }, dust: { value: '500', unit: 't' } } };
    const { decimal, float } = runBoth(airPurification, input);
    expect(decimal.quantity.lines.map((l) => [l.item, l.quantity.value.toString()])).toEqual([
      ['SO₂', '19'],
      ['dust', '500'],
    ]);
    expect(decimal.quantity.total).toBeNull();
    expect(decimal.quantity.steps.find((s) => s.name === 'uptake for SO₂')!.result.value).toBe('19.647');
    expect(decimal.quantity.steps.find((s) => s.name === 'uptake for dust')!.result.value).toBe('2671');
    expect(decimal.quantity.warnings.map((w) => w.code)).toEqual(['pollutant-not-accounted', 'purification-capped', 'purification-capped']);
    expect(decimal.value.lines[1]!.unitPrice!.value.toString()).toBe('300');
    expect(near(decimal.value.lines[0]!.value.value, 24000)).toBe(true);
    expect(near(decimal.value.total.value, 174000)).toBe(true);
    expect(relativeDifference(float.value.total.value, 174000)).toBeLessThan(1e-12);
    expect(
      decimal.coefficients.filter((c) => c.id.startsWith('environmental-tax') || c.id.startsWith('pollution')).map((c) => c.id),
    ).toEqual(['environmental-tax-rate.air.national-minimum', 'pollution-equivalent.air.so2', 'pollution-equivalent.air.dust']);
  });

  it('takes the capacity when the emission is larger, without a warning', () => {
    // SO₂: min(30 t, 19.647 t) = 19.647 t
    const { quantity } = runIndicator(airPurification, { ecosystems, emissions: { so2: { value: '30', unit: 't/a' } } }, decimalArithmetic);
    expect(quantity.lines[0]!.quantity.value.toString()).toBe('19.647');
    expect(quantity.warnings.map((w) => w.code)).toEqual(['pollutant-not-accounted', 'pollutant-not-accounted']); // NOₓ and dust have no emission
  });

  it('gives zero for a zero area and for a zero emission', () => {
    const zeroArea = [{ ecosystemType: 'mixed-forest', area: { value: '0', unit: 'hm²' } }];
    const a = runBoth(airPurification, { ecosystems: zeroArea, emissions: { so2: { value: '5', unit: 't' } } });
    expect(a.decimal.quantity.lines[0]!.quantity.value.toString()).toBe('0');
    expect(a.float.value.total.value).toBe(0);
    const b = runIndicator(airPurification, { ecosystems, emissions: { so2: { value: '0', unit: 't' } } }, decimalArithmetic);
    expect(b.quantity.lines[0]!.quantity.value.toString()).toBe('0');
    expect(b.value.total.value.toString()).toBe('0');
  });

  it('prices by the 2010 treatment costs of ganzi-2017 in the variant price: treatment-cost', () => {
    // SO₂ 19 t × 1 200 元/t = 22 800; dust 500 t × 150 元/t = 75 000; total 97 800 元 (2010 prices, warned)
    const input = { ecosystems, emissions: { so2: { value: '19', unit: 't' }, dust: { value: '500', unit: 't' } } };
    const { decimal, float } = runBoth(airPurification, input, { variant: { price: 'treatment-cost' } });
    expect(decimal.value.total.value.toString()).toBe('97800');
    expect(float.value.total.value).toBe(97800);
    expect(decimal.value.warnings.map((w) => w.code)).toEqual(['price-year-mismatch', 'price-year-mismatch']);
  });

  it('uses a given tax rate, the Shanxi variant, or a given price per pollutant', () => {
    // dust 400 t: Shanxi 1.8 × 1000 / 4 = 450 元/t → 180 000 元; given 2.4 → 600 元/t → 240 000 元; price 0.2 元/kg → 80 000 元
    const base = { ecosystems, emissions: { dust: { value: '400', unit: 't' } } };
    expect(runIndicator(airPurification, base, decimalArithmetic, { variant: { taxRate: 'shanxi' } }).value.total.value.toString()).toBe(
      '180000',
    );
    expect(
      runIndicator(
        airPurification,
        { ...base, taxRate: { value: '2.4', unit: '元/当量' } },
        decimalArithmetic,
      ).value.total.value.toString(),
    ).toBe('240000');
    expect(
      runIndicator(
        airPurification,
        { ...base, prices: { dust: { value: '0.2', unit: '元/kg', priceYear: 2022 } } },
        decimalArithmetic,
      ).value.total.value.toString(),
    ).toBe('80000');
  });

  it('uses a statutory rate unchanged after 2018, never rebased, and warns before it came into force', () => {
    const base = { ecosystems, emissions: { dust: { value: '400', unit: 't' } } };
    // 2022 account with the national CPI as the profile's index: still 1.2 × 1000 / 4 = 300 元/t → 120 000 元
    const { set } = makeCoefficientSet(getCoefficientTable('national-2022/1.0.0'));
    const ctx = {
      A: decimalArithmetic,
      coefficients: new CoefficientReader(decimalArithmetic, set),
      priceYear: 2022,
      priceIndex: getPriceIndex('cpi-national'),
      variant: { quantity: 'capped', price: 'pollution-equivalent', taxRate: 'national-minimum', pollutants: 'so2-nox-dust' },
      path: ['indicators', airPurification.spec.id],
    };
    const parsed = airPurification.inputSchema.parse(base);
    const later = airPurification.value(parsed, airPurification.quantity(parsed, ctx), ctx);
    expect(later.total.value.toString()).toBe('120000');
    expect(later.warnings).toEqual([]);
    expect(ctx.coefficients.uses().find((c) => c.id === 'environmental-tax-rate.air.national-minimum')!.rebased).toBeUndefined();
    const earlier = runIndicator(airPurification, base, decimalArithmetic, { priceYear: 2014 });
    expect(earlier.value.warnings.map((w) => w.code)).toEqual(['tax-rate-not-in-force']);
  });

  it('counts types without a rate as no uptake, with a warning, and needs a rate for NOₓ', () => {
    // shrub has no tabulated rate; NOₓ has none at all (the recalled 6.0 kg/(hm²·a) is not in the table)
    const withShrub = [...ecosystems, { ecosystemType: 'deciduous-broadleaf-shrub', area: { value: '80', unit: 'hm²' } }];
    const { quantity } = runIndicator(
      airPurification,
      { ecosystems: withShrub, emissions: { so2: { value: '30', unit: 't' } } },
      decimalArithmetic,
    );
    expect(quantity.lines[0]!.quantity.value.toString()).toBe('19.647');
    expect(quantity.warnings.find((w) => w.code === 'no-unit-rate')!.message).toBe(
      'SO₂: no uptake rate in the input or the table for deciduous-broadleaf-shrub; counted as no uptake',
    );
    expect(
      issuesOf(() => runIndicator(airPurification, { ecosystems, emissions: { nox: { value: '2', unit: 't' } } }, decimalArithmetic)),
    ).toEqual([
      {
        code: 'input.required',
        path: `${P}.ecosystems.0.uptake.nox`,
        expected:
          'a NOₓ uptake rate per area for at least one ecosystem type: the table has none for deciduous-broadleaf-forest, evergreen-needleleaf-forest',
        found: undefined,
      },
    ]);
    // NOₓ rate given: 5 kg/(hm²·a) × 100 hm² = 0.5 t < 2 t emitted → 0.5 t
    const given = [{ ...ecosystems[0]!, uptake: { nox: { value: '5', unit: 'kg/(hm²·a)' } } }, ecosystems[1]!];
    expect(
      runIndicator(
        airPurification,
        { ecosystems: given, emissions: { nox: { value: '2', unit: 't' } } },
        decimalArithmetic,
      ).quantity.lines[0]!.quantity.value.toString(),
    ).toBe('0.5');
  });

  it('accounts fluoride only when the profile asks', () => {
    // fluoride 3 t, uptake 2 kg/(hm²·a) × 100 hm² = 0.2 t → 0.2 t × 1.2 × 1000 / 0.87 = 275.86… 元
    const input = {
      ecosystems: [{ ...ecosystems[0]!, uptake: { fluoride: { value: '2', unit: 'kg/(hm²·a)' } } }],
      emissions: { fluoride: { value: '3', unit: 't' } },
    };
    const without = runIndicator(airPurification, input, decimalArithmetic);
    expect(without.quantity.lines).toEqual([]);
    expect(without.quantity.warnings.map((w) => w.code)).toContain('pollutant-not-in-profile');
    const { decimal, float } = runBoth(airPurification, input, { variant: { pollutants: 'so2-nox-dust-fluoride' } });
    expect(decimal.quantity.lines[0]!.quantity.value.toString()).toBe('0.2');
    expect(relativeDifference(decimal.value.total.value.toNumber(), 240 / 0.87)).toBeLessThan(1e-15);
    expect(relativeDifference(float.value.total.value, 240 / 0.87)).toBeLessThan(1e-12);
  });

  it('takes the emission itself in the variant quantity: emission (ganzi-2017)', () => {
    const { quantity } = runIndicator(airPurification, { emissions: { dust: { value: '500', unit: 't' } } }, decimalArithmetic, {
      variant: { quantity: 'emission' },
    });
    expect(quantity.lines[0]!.quantity.value.toString()).toBe('500');
    expect(
      issuesOf(() => runIndicator(airPurification, { emissions: { dust: { value: '500', unit: 't' } } }, decimalArithmetic))[0]!.path,
    ).toBe(`${P}.ecosystems`);
  });

  it('leaves out a reported pollutant the profile does not account, with a warning, and values the others', () => {
    // fluoride is outside the default set so2-nox-dust: dropped; dust 400 t × 300 元/t = 120 000 元
    const reported = [
      { pollutant: 'fluoride', item: 'forest', quantity: { value: '1', unit: 't' } },
      { pollutant: 'dust', item: 'forest', quantity: { value: '400', unit: 't' } },
    ];
    const { quantity, value } = runIndicator(airPurification, { reported }, decimalArithmetic);
    expect(quantity.lines.map((l) => l.item)).toEqual(['dust · forest']);
    expect(quantity.warnings.map((w) => [w.code, w.path!.join('.')])).toEqual([['pollutant-not-in-profile', `${P}.reported.0.pollutant`]]);
    expect(value.total.value.toString()).toBe('120000');
  });

  it('names every step and warning in Chinese too, on every variant option', () => {
    const withShrub = [...ecosystems, { ecosystemType: 'deciduous-broadleaf-shrub', area: { value: '80', unit: 'hm²' } }];
    const computed = {
      ecosystems: withShrub,
      emissions: { so2: { value: '19', unit: 't' }, dust: { value: '500', unit: 't' }, fluoride: { value: '1', unit: 't' } },
    };
    const reported = {
      reported: [
        { pollutant: 'so2', item: 'coniferous', quantity: { value: '1', unit: 't' } },
        { pollutant: 'fluoride', quantity: { value: '1', unit: 't' } },
      ],
    };
    const variants: Record<string, string>[] = [{}, { quantity: 'emission' }, { price: 'treatment-cost' }, { taxRate: 'shanxi' }];
    for (const input of [computed, reported]) {
      for (const variant of variants) {
        const r = runIndicator(airPurification, input, decimalArithmetic, { variant, priceYear: 2014 });
        expect(untranslated(r)).toEqual([]);
      }
    }
    const r = runIndicator(airPurification, computed, decimalArithmetic);
    expect(r.quantity.warnings.map((w) => w.zh)).toEqual([
      'NOₓ 未核算：未给出排放量',
      '氟化物 未核算：配置方案的污染物组合“so2-nox-dust”不含该污染物',
      'SO₂：输入和系数表中都没有 落叶阔叶灌丛 的单位面积吸收量，按无吸收量计',
      'SO₂：吸收量（19.647 t/a）超过排放量（19 t/a），净化量以排放量为上限',
      '粉尘：输入和系数表中都没有 落叶阔叶灌丛 的单位面积吸收量，按无吸收量计',
      '粉尘：吸收量（2671 t/a）超过排放量（500 t/a），净化量以排放量为上限',
    ]);
    expect(r.value.steps.map((s) => s.zh!.name)).toEqual(['SO₂单价', 'SO₂价值量', '粉尘单价', '粉尘价值量', '合计']);
  });

  it('refuses bad input with located issues', () => {
    expect(
      issuesOf(() =>
        runIndicator(
          airPurification,
          { ecosystems, emissions: { so2: { value: '-1', unit: 't' } }, taxRate: { value: '1.2', unit: '元/t' } },
          decimalArithmetic,
        ),
      ).map((i) => [i.code, i.path]),
    ).toEqual([
      ['input.out-of-range', `${P}.emissions.so2.value`],
      ['input.unit-dimension', `${P}.taxRate.unit`],
    ]);
    const reported = [{ pollutant: 'so2', quantity: { value: '1', unit: 't' } }];
    for (const input of [{}, { ecosystems, emissions: { so2: { value: '1', unit: 't' } }, reported }, { ecosystems, reported }]) {
      expect(issuesOf(() => runIndicator(airPurification, input, decimalArithmetic))[0]!.code).toBe('input.missing-basis');
    }
    expect(
      issuesOf(() =>
        runIndicator(airPurification, { reported: [{ pollutant: 'co', quantity: { value: '1', unit: 't' } }] }, decimalArithmetic),
      )[0]!.path,
    ).toBe(`${P}.reported.0.pollutant`);
  });
});

describe('regulating.air-purification, reported amounts', () => {
  // shared/cases/gaotianyan-2014.md, Table 2 (miao-2017), ×10⁴ kg/a and ×10⁴ 元/a:
  //   SO₂ at 0.83 元/kg: 13.22 → 10.9726 (10.97), 20.83 → 17.2889 (17.29), 19.58 → 16.2514 (16.25),
  //                       1.92 → 1.5936 (1.59), 2.39 → 1.9837 (1.98); Σ 57.94 → 48.0902
  //   dust at 0.23 元/kg: 2035.16 → 468.0868 (468.09), 2375.85 → 546.4455 (546.45), 2787.64 → 641.1572 (641.16),
  //                       405.72 → 93.3156 (93.32), 296.40 → 68.172 (68.17; illegible in the text read); Σ 7900.77 → 1817.1771
  const types = ['coniferous', 'broadleaf', 'mixed', 'bamboo', 'shrub'];
  const so2 = ['13.22', '20.83', '19.58', '1.92', '2.39'];
  const dust = ['2035.16', '2375.85', '2787.64', '405.72', '296.40'];
  const input = {
    reported: [
      ...so2.map((v, i) => ({ pollutant: 'so2', item: types[i], quantity: { value: v, unit: '万kg/a' } })),
      ...dust.map((v, i) => ({ pollutant: 'dust', item: types[i], quantity: { value: v, unit: '万kg/a' } })),
    ],
    prices: { so2: { value: '0.83', unit: '元/kg', priceYear: 2014 }, dust: { value: '0.23', unit: '元/kg', priceYear: 2014 } },
  };
  const wan = (x: { dividedBy(n: number): { toDecimalPlaces(d: number): { toFixed(d: number): string } } }) =>
    x.dividedBy(1e4).toDecimalPlaces(2).toFixed(2);

  it('reproduces the Gaotianyan 2014 SO₂ and dust rows', () => {
    const { decimal, float } = runBoth(airPurification, input, { priceYear: 2014 });
    expect(decimal.value.lines.map((l) => wan(l.value.value))).toEqual([
      '10.97',
      '17.29',
      '16.25',
      '1.59',
      '1.98',
      '468.09',
      '546.45',
      '641.16',
      '93.32',
      '68.17',
    ]);
    expect(decimal.quantity.lines[0]!.item).toBe('SO₂ · coniferous');
    expect(decimal.quantity.lines[0]!.quantity.value.toString()).toBe('132.2'); // 13.22 ×10⁴ kg = 132.2 t
    expect(decimal.value.total.value.toString()).toBe('18652673');
    expect(relativeDifference(float.value.total.value, 18_652_673)).toBeLessThan(1e-12);
  });

  it('flags, not matches, the published purification subtotal, which leaves SO₂ out', () => {
    // Table 4 prints 环境净化 1817.19 ×10⁴ 元 = the dust rows alone (Σ of the printed dust cells);
    // with SO₂ the subtotal is 48.0902 + 1817.1771 = 1865.2673 ×10⁴ 元 (the case file's 48.08 + 1817.18 = 1865.26
    // adds rounded totals). The printed SO₂ total 48.08 is the sum of the rounded rows; exactly it is 48.0902.
    const { value } = runIndicator(airPurification, input, decimalArithmetic, { priceYear: 2014 });
    const so2Total = value.lines
      .filter((l) => l.item.startsWith('SO₂'))
      .reduce((s, l) => s.plus(l.value.value), value.total.value.times(0));
    const dustTotal = value.total.value.minus(so2Total);
    expect(wan(so2Total)).toBe('48.09');
    expect(wan(dustTotal)).toBe('1817.18');
    expect(wan(value.total.value)).toBe('1865.27');
    expect(wan(value.total.value)).not.toBe('1817.19');
  });
});
