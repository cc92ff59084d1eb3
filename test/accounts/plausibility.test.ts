/**
 * Issue 13: results that were wrong with exit 0 — hectare figures in km² rows, a GEP made negative by
 * products from outside the region, negative prices — are now located errors or named warnings.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { GepInputError } from '../../src/errors/errors.js';
import { plausibilityData, plausibilityPlan, runPlausibility } from '../../src/accounts/plausibility.js';
import {
  decimalArithmetic,
  decimalArithmetic as D,
  floatArithmetic,
  isDecimalText,
  type Arithmetic,
  type GepDecimal,
} from '../../src/numbers/arithmetic.js';
import { convert } from '../../src/units/units.js';

const sample = JSON.parse(readFileSync('fixtures/sample-county/input.json', 'utf8'));
type Sample = typeof sample;
const clone = (): Sample => structuredClone(sample);

function issuesOf(input: unknown, options = {}) {
  try {
    computeGep(input, options);
  } catch (e) {
    if (e instanceof GepInputError) return e.issues;
    throw e;
  }
  throw new Error('no error');
}
const codes = (input: unknown, options = {}) => issuesOf(input, options).map((i) => `${i.code} ${i.path.join('.')}`);
const warningsOf = (input: unknown, options = {}) => computeGep(input, options).warnings;

describe('ecosystem areas against the region', () => {
  it('refuses hectare figures given as km²: the areas add up to 100 × the region, with a hint', () => {
    // The sample's water-conservation rows cover 420 + 380 + 510 + 260 + 620 + 18 = 2 208 km² of a
    // 2 208 km² county. The same figures in hectares typed into the km² rows add up to 220 800 km².
    const input = clone();
    for (const e of input.indicators['regulating.water-conservation'].ecosystems) e.area.value = String(Number(e.area.value) * 100);
    const [issue, ...rest] = issuesOf(input);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({
      code: 'input.area-exceeds-region',
      path: ['indicators', 'regulating.water-conservation'],
      found: "220800 km², 100 × the region's area (a factor near 100: hectares (hm²) given as km²?)",
      expected: 'at most 2208 km² (region.area) + 5 %',
    });
  });

  it("checks each indicator's own sum, allows the stated tolerance, and leaves lakes out", () => {
    // +4 % on the water-conservation rows (2 296.32 km²) is within 5 %; +6 % (2 340.48 km²) is not.
    const within = clone();
    within.indicators['regulating.water-conservation'].ecosystems[0].area.value = String(420 + 0.04 * 2208);
    expect(() => computeGep(within)).not.toThrow();
    const beyond = clone();
    beyond.indicators['regulating.water-conservation'].ecosystems[0].area.value = String(420 + 0.06 * 2208);
    expect(codes(beyond)).toEqual(['input.area-exceeds-region indicators.regulating.water-conservation']);
    // A lake's whole area feeds the storage regression and may reach beyond the region.
    const lake = clone();
    lake.indicators['regulating.flood-regulation'].lakes.push({
      item: 'border lake',
      region: 'qinghai-tibet-plateau',
      area: { value: '4000', unit: 'km²' },
    });
    expect(() => computeGep(lake)).not.toThrow();
  });

  it('warns when region.area is missing, so the areas could not be checked', () => {
    const input = clone();
    delete input.region.area;
    const w = warningsOf(input).find((x) => x.code === 'region-area-missing')!;
    expect(w.message).toContain('regulating.water-conservation');
  });

  it('refuses a region area that is zero, negative, or not an area', () => {
    for (const [area, code] of [
      [{ value: '0', unit: 'km²' }, 'input.out-of-range region.area.value'],
      [{ value: '-1850', unit: 'km²' }, 'input.out-of-range region.area.value'],
      [{ value: '1850', unit: '元/m3' }, 'input.unit-unknown region.area.unit'],
      [{ value: '1850', unit: 'km' }, 'input.unit-dimension region.area.unit'],
    ] as const) {
      expect(codes({ ...sample, region: { ...sample.region, area } }), JSON.stringify(area)).toEqual([code]);
    }
  });
});

describe('negative results', () => {
  const outside = (value: string) => [{ item: 'water from upstream', value: { value, unit: '亿元' }, method: 'test' }];

  it('refuses a negative GEP from products outside the region, unless the input declares it', () => {
    const input = { ...sample, outsideRegion: outside('9900') };
    const [issue] = issuesOf(input, { profile: 'gbt-46869-2025' });
    expect(issue).toMatchObject({ code: 'account.negative-total', path: ['totals', 'gep'], expected: 'gep' });
    // Money in a message to the fen, not 40 digits: the sample's GEP under this profile (982 021.08 万元) less 9 900 亿元.
    expect(issue!.found).toBe('-980179789226.85 元 = material + regulating + cultural − outsideRegion 990000000000.00 元');
    const declared = { ...input, allowNegativeTotals: { reason: 'net importer of water: test' } };
    const result = computeGep(declared, { profile: 'gbt-46869-2025' });
    expect(result.totals.gep.value.isNegative()).toBe(true);
    const allowed = result.warnings.find((w) => w.code === 'negative-totals-allowed')!;
    expect(allowed.message).toContain('net importer of water: test');
    expect(allowed.message).toMatch(/negative here: gep -980179789226\.85 元$/);
    // In Chinese, the negative totals by their Chinese names: GEP = the sample's total (under 9 900 亿元) − 9 900 亿元.
    expect(allowed.zh).toMatch(/^输入允许合计为负（理由：net importer of water: test）；本次为负的合计：GEP -\d+(\.\d+)? 元$/);
  });

  it('refuses a negative price override and a negative price in an indicator input', () => {
    const override = {
      ...sample,
      coefficientOverrides: [{ id: 'reservoir-storage-cost', value: '-7.06', unit: '元/m³', priceYear: 2022, reason: 'typo' }],
    };
    expect(codes(override)).toEqual(['input.out-of-range coefficientOverrides.0.value']);
    // A non-money coefficient keeps the sign of the table value.
    const flipped = { ...sample, coefficientOverrides: [{ id: 'sediment-deposition-ratio', value: '-0.24', unit: '1', reason: 'typo' }] };
    expect(codes(flipped)).toEqual(['input.out-of-range coefficientOverrides.0.value']);
    const input = clone();
    input.indicators['material.agriculture'].products[0].price.value = '-2700';
    expect(codes(input)).toEqual(['input.out-of-range indicators.material.agriculture.products.0.price.value']);
  });
});

describe('ranges', () => {
  it('warns about a depth outside its physical range, naming the field, the value and the range', () => {
    // 560 mm of precipitation typed with the unit m is 560 000 mm.
    const input = clone();
    input.indicators['regulating.water-conservation'].ecosystems[0].precipitation.unit = 'm';
    input.indicators['regulating.water-conservation'].ecosystems[0].evapotranspiration = { value: '420', unit: 'mm' };
    const w = warningsOf(input).filter((x) => x.code === 'implausible-value');
    expect(w.map((x) => x.path!.join('.'))).toEqual(['indicators.regulating.water-conservation.ecosystems.0.precipitation']);
    expect(w[0]!.message).toContain('precipitation = 560 m is outside the plausible range 1–12000 mm');
  });

  it('warns about a soil erodibility in US units given as SI, and about the soil retained per hectare', () => {
    // K_US 0.32 is K_SI 0.042; typed as SI it makes every retention 7.6 times too large.
    const input = clone();
    for (const e of input.indicators['regulating.soil-retention'].ecosystems)
      e.soilErodibility.value = String(Number(e.soilErodibility.value) * 10);
    const w = warningsOf(input);
    expect(w.filter((x) => x.code === 'implausible-value' && x.path!.includes('soilErodibility'))).toHaveLength(
      input.indicators['regulating.soil-retention'].ecosystems.length,
    );
    expect(w.find((x) => x.code === 'implausible-rate')!.message).toMatch(
      /^regulating\.soil-retention: \d+(\.\d+)? t\/\(hm²·a\) over its 2190 km² is outside the plausible range 0–1000/,
    );
    expect(warningsOf(sample).some((x) => x.code === 'implausible-rate' || x.code === 'implausible-value')).toBe(false);
  });

  it('warns when a given price is more than 10 times off the table value of the same coefficient', () => {
    // domestic tariff 3.5 元/m³ typed as 35 元/m³: 13.5 × the table's water-tariff.domestic 2.6 元/m³
    const input = clone();
    input.indicators['material.water-supply'].uses[0].tariff.value = '35';
    const w = warningsOf(input).filter((x) => x.code === 'price-far-from-table');
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toContain('35 元/m³, is 13.5 × the table value of water-tariff.domestic, 2.6 元/m³');
    expect(warningsOf(sample).some((x) => x.code === 'price-far-from-table')).toBe(false);
  });

  it('warns when a coefficient override is more than 10 times off its table value, also under strict (issue 13)', () => {
    // reservoir-storage-cost is 7.06 元/m³ (ganzi-2017, a 2010 price). 706 元/m³ is 706 / 7.06 = 100 × it
    // (GEP 9.82e9 → 1.65e11 元 without a word before); 70.6 is exactly 10 × and 0.706 exactly 1/10 ×
    // (no warning); 0.7 is 0.09915… ×. 0.0706 万元/m³ is 706 元/m³ after conversion: 100 × again.
    const far = (value: string, unit = '元/m³', options = {}) =>
      warningsOf(
        { ...sample, coefficientOverrides: [{ id: 'reservoir-storage-cost', value, unit, priceYear: 2022, reason: 'test' }] },
        options,
      ).filter((w) => w.code === 'override-far-from-table');
    const w = far('706');
    expect(w).toHaveLength(1);
    expect(w[0]!.path).toEqual(['coefficientOverrides', 0, 'value']);
    expect(w[0]!.message).toBe(
      'the override of reservoir-storage-cost at coefficientOverrides[0].value, 706 元/m³, is 100 × its table value 7.06 元/m³ (ganzi-2017, 2010); more than 10 times off is usually a unit slip (元 for 万元, per t for per kg): check it',
    );
    expect(w[0]!.zh).toBe(
      'coefficientOverrides[0].value 对 reservoir-storage-cost 的覆盖值 706 元/m³ 是参数表取值 7.06 元/m³（ganzi-2017, 2010）的 100 倍；相差超过 10 倍通常是单位错误（如 元 写成 万元、每 t 写成每 kg）：请核对',
    );
    expect(far('70.6')).toEqual([]);
    expect(far('0.706')).toEqual([]);
    expect(far('9.1')).toEqual([]);
    expect(far('0.7')[0]!.message).toContain('0.7 元/m³, is 0.0992 × its table value 7.06 元/m³');
    expect(far('0.0706', '万元/m³')[0]!.message).toContain('0.0706 万元/m³, is 100 ×');
    // --strict refuses to-verify coefficients (the sample's sand fixation uses some: water conservation
    // alone here); like price-far-from-table, this stays a warning and the account is computed.
    const water = { ...sample, indicators: { 'regulating.water-conservation': sample.indicators['regulating.water-conservation'] } };
    const strict = computeGep(
      { ...water, coefficientOverrides: [{ id: 'reservoir-storage-cost', value: '706', unit: '元/m³', reason: 'test' }] },
      { strict: true },
    );
    expect(strict.warnings.filter((x) => x.code === 'override-far-from-table')).toHaveLength(1);
    // An override given in the options is located after the input's, as its issues are.
    const options = { overrides: [{ id: 'reservoir-storage-cost', value: '706', unit: '元/m³', reason: 'test' }] };
    expect(warningsOf(sample, options).find((x) => x.code === 'override-far-from-table')!.path).toEqual([
      'coefficientOverrides',
      0,
      'value',
    ]);
  });

  it('warns when GEP per person is outside the span of published accounts (population typed in 人 for 万人)', () => {
    const input = clone();
    input.economy.population.unit = '人';
    const w = warningsOf(input).filter((x) => x.code === 'implausible-ratio');
    expect(w.map((x) => x.path!.join('.'))).toEqual(['economy.population']);
    const { perCapita, perKm2 } = plausibilityData();
    // bounds: 57 526 / 10 = 5 752.6 and 711 800 × 10 = 7 118 000 元/人
    expect(w[0]!.message).toContain('outside 5752.6–7118000 元/人');
    expect(perCapita.published).toHaveLength(4);
    expect(perKm2.published.every((p) => p.source.length > 0)).toBe(true);
    expect(warningsOf(sample).some((x) => x.code === 'implausible-ratio')).toBe(false);
  });

  it('every range in the data file names a source or says rule-of-thumb, and its bounds are ordered', () => {
    const data = plausibilityData();
    for (const r of [...data.ranges, ...data.rates]) {
      expect(Number(r.min), JSON.stringify(r)).toBeLessThan(Number(r.max));
      expect(r.status === 'rule-of-thumb' || ('source' in r && r.source), JSON.stringify(r)).toBeTruthy();
    }
  });
});

describe('deciding with floats where they are certain (the compiled plan) gives the decimal decisions', () => {
  // The compiled plan passes `approx` (a float near each value) to runPlausibility and decides with
  // floats outside a margin that covers every rounding, with decimals inside it. Values at and
  // around each bound, in units whose factors floats cannot hold exactly (亩 = 2000/3 m²), must give
  // the same issues and warnings as the decimal-only run computeGep makes.
  const read = (t: string) => (isDecimalText(t) ? t : undefined);
  const near = (bound: GepDecimal): string[] =>
    [bound, ...[8, 12, 15, 16, 17, 20, 30].flatMap((k) => [bound.times(D.one.plus(`1e-${k}`)), bound.times(D.one.minus(`1e-${k}`))])].map(
      (x) => x.toString(),
    );
  const run = <T>(
    plan: ReturnType<typeof plausibilityPlan<string>>,
    A: Arithmetic<T>,
    totals: Record<string, T>,
    quantity: T[],
    population?: { value: string; unit: string },
  ) => {
    const src = { A, text: (t: string) => t, total: (k: string) => totals[k]!, quantity: (i: number) => quantity[i]!, population };
    const exact = runPlausibility(plan, src);
    const screened = runPlausibility(plan, { ...src, approx: (t: string) => Number(t) });
    expect(screened).toEqual(exact);
    return exact;
  };
  const zeroTotals = { material: D.zero, regulating: D.zero, cultural: D.zero, outsideRegion: D.zero, gep: D.zero };

  it('at a range bound in 元/亩 (house price 300 000 元/m² is 200 000 000 元/亩)', () => {
    let fired = 0;
    for (const max of [true, false]) {
      const bound = D.fromString(max ? '300000' : '500')
        .times(2000)
        .dividedBy(3);
      for (const value of near(bound)) {
        const plan = plausibilityPlan(
          { region: { name: 'r', level: 'county' } as never, allowNegativeTotals: undefined },
          [
            {
              id: 'cultural.landscape',
              input: { zones: [{ housePrice: { value, unit: '元/亩' } }] },
              path: ['indicators', 'cultural.landscape'],
            },
          ],
          [],
          read,
        );
        expect(plan.indicators[0]!.ranges).toHaveLength(1);
        fired += run(plan, decimalArithmetic, zeroTotals, []).warnings.filter((w) => w.code === 'implausible-value').length;
      }
    }
    expect(fired).toBeGreaterThan(4);
  });

  it('at the 5 % tolerance of an area sum in 亩, hm² and km², with region.area in 亩', () => {
    const terms = [
      { value: '1234.5', unit: '亩' },
      { value: '77.7', unit: 'hm²' },
      { value: '3.3', unit: 'km²' },
    ];
    const sum = terms.reduce((s, t) => s.plus(convert(D, D.fromString(t.value), t.unit, 'km²')), D.zero);
    const regionKm2 = sum.dividedBy('1.05');
    let refused = 0;
    for (const region of near(convert(D, regionKm2, 'km²', '亩'))) {
      const input = { ecosystems: terms.map((area) => ({ area })) };
      const plan = plausibilityPlan(
        { region: { name: 'r', level: 'county', area: { value: region, unit: '亩' } } as never, allowNegativeTotals: undefined },
        [{ id: 'regulating.water-conservation', input, path: ['indicators', 'regulating.water-conservation'] }],
        [],
        read,
      );
      refused += run(plan, decimalArithmetic, zeroTotals, []).issues.length;
    }
    expect(refused).toBeGreaterThan(4);
  });

  it('at a rate bound (soil retained per hectare), decimal and float totals', () => {
    const area = { value: '1234.5', unit: '亩' };
    const areaHm2 = convert(D, D.fromString(area.value), '亩', 'hm²');
    const plan = plausibilityPlan(
      { region: { name: 'r', level: 'county' } as never, allowNegativeTotals: undefined },
      [{ id: 'regulating.soil-retention', input: { ecosystems: [{ area }] }, path: ['indicators', 'regulating.soil-retention'] }],
      [{ id: 'regulating.soil-retention', totalUnit: 't/a' }],
      read,
    );
    expect(plan.rates).toHaveLength(1);
    let warned = 0;
    for (const q of near(areaHm2.times(1000))) {
      warned += run(plan, decimalArithmetic, zeroTotals, [D.fromString(q)]).warnings.length;
      run(plan, floatArithmetic, { material: 0, regulating: 0, cultural: 0, outsideRegion: 0, gep: 0 }, [Number(q)]);
    }
    expect(warned).toBeGreaterThan(4);
  });

  it('at the bounds of GEP per person and per km², decimal and float totals', () => {
    const { lo, hi } = { lo: D.fromString('57526').dividedBy(10), hi: D.fromString('711800').times(10) };
    const population = { value: '30.2', unit: '万人' };
    const plan = plausibilityPlan(
      { region: { name: 'r', level: 'county', area: { value: '1234.5', unit: '亩' } } as never, allowNegativeTotals: undefined },
      [],
      [],
      read,
    );
    let warned = 0;
    for (const g of [...near(lo.times(302000)), ...near(hi.times(302000)), '0', '-1']) {
      const totals = { ...zeroTotals, gep: D.fromString(g) };
      warned += run(plan, decimalArithmetic, totals, [], population).warnings.filter((w) => w.path?.[0] === 'economy').length;
      run(plan, floatArithmetic, { material: 0, regulating: 0, cultural: 0, outsideRegion: 0, gep: Number(g) }, [], population);
    }
    expect(warned).toBeGreaterThan(8);
  });
});
