import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeGep } from '../../src/accounts/gep.js';
import { gepResultToJson } from '../../src/accounts/serialize.js';
import { floatArithmetic } from '../../src/numbers/arithmetic.js';
import { GepInputError } from '../../src/errors/errors.js';
import { GepDecimal } from '../../src/numbers/arithmetic.js';
import { getProfile } from '../../src/profiles/profiles.js';
import type { GepInput } from '../../src/accounts/input.js';

const sample = JSON.parse(readFileSync('fixtures/sample-county/input.json', 'utf8'));

const price = (value: string, unit: string) => ({ value, unit, priceYear: 2022 });
const small: GepInput = {
  region: { name: 'Test county', level: 'county' },
  accountingYear: 2022,
  priceYear: 2022,
  indicators: {
    'material.agriculture': {
      products: [{ item: 'maize', quantity: { value: '12000', unit: 't' }, price: price('2700', '元/t'), ecosystemType: 'cropland' }],
    },
    'regulating.water-conservation': {
      ecosystems: [
        {
          ecosystemType: 'deciduous-broadleaf-forest',
          area: { value: '100', unit: 'km²' },
          precipitation: { value: '600', unit: 'mm' },
          evapotranspiration: { value: '400', unit: 'mm' },
        },
      ],
    },
  },
};

function issuesOf(input: unknown, options = {}) {
  try {
    computeGep(input, options);
  } catch (e) {
    if (e instanceof GepInputError) return e.issues.map((i) => `${i.code} ${i.path.join('.')}`);
    throw e;
  }
  throw new Error('no error');
}

describe('computeGep', () => {
  it('composes indicators into categories and GEP = material + regulating + cultural', () => {
    // agriculture: 12 000 t × 2 700 元/t = 32 400 000 元
    // water conservation: 100 km² × (600 − 600×2.70 % − 400) mm × 7.06 元/m³ = 18 380 000 m³ × 7.06 = 129 762 800 元
    // GEP = 32 400 000 + 129 762 800 + 0 = 162 162 800 元 (table prices as printed: rebase off)
    const json = gepResultToJson(computeGep(small, { rebase: false }));
    expect(json.totals).toEqual({
      material: { value: '32400000', unit: '元', priceYear: 2022 },
      regulating: { value: '129762800', unit: '元', priceYear: 2022 },
      cultural: { value: '0', unit: '元', priceYear: 2022 },
      outsideRegion: { value: '0', unit: '元', priceYear: 2022 },
      gep: { value: '162162800', unit: '元', priceYear: 2022 },
    });
    expect(json.byEcosystemType).toEqual({
      cropland: { value: '32400000', unit: '元', priceYear: 2022 },
      forest: { value: '129762800', unit: '元', priceYear: 2022 },
    });
    expect(json.profile).toMatchObject({ id: 'national-2022', indicatorListStatus: 'to-verify' });
    expect(json.coefficientTable).toBe('national-2022/1.1.0');
  });

  it('lists the profile indicators without input as not accounted, with a warning each', () => {
    const result = computeGep(small);
    expect(result.notAccounted.map((n) => n.id)).toContain('material.forestry');
    expect(result.warnings.some((w) => w.code === 'indicator-no-input' && w.indicator === 'material.forestry')).toBe(true);
  });

  it('carries table prices of another year to the account year with the profile index, and records it', () => {
    // reservoir cost 7.06 元/m³ (2010) × CPI 2011…2022 (1.054 × 1.026 × … × 1.020 = 1.3180250339951246286769590296832)
    // = 9.305256740005579878459330749563392 元/m³; × 18 380 000 m³ = 171 030 618.881302558166082499176975144960 元
    const json = gepResultToJson(computeGep(small));
    expect(json.totals.regulating.value).toBe('171030618.88130255816608249917697514496');
    const use = json.coefficientsUsed.find((c) => c.id === 'reservoir-storage-cost')!;
    expect(use.rebased).toMatchObject({ index: 'cpi-national', fromYear: 2010, toYear: 2022, factor: '1.3180250339951246286769590296832' });
    expect(use.rebased!.years).toHaveLength(12);
    // without the index, the 2010 price is used as printed and warned about
    const asPrinted = computeGep(small, { rebase: false });
    expect(asPrinted.warnings.some((w) => w.code === 'price-year-mismatch' && w.message.includes('reservoir-storage-cost'))).toBe(true);
  });

  it('refuses to rebase beyond the index series, naming the coefficient', () => {
    expect(
      issuesOf({
        ...small,
        accountingYear: 2025,
        priceYear: 2025,
        indicators: { 'regulating.water-conservation': small.indicators['regulating.water-conservation'] },
      }),
    ).toEqual(['coefficient.rebase indicators.regulating.water-conservation.ecosystems.0']);
  });

  it('carries the trace of every number: steps with their inputs, and coefficients with table and source', () => {
    const wc = gepResultToJson(computeGep(small)).indicators.find((i) => i.id === 'regulating.water-conservation')!;
    const balance = wc.trace.steps.find((s) => s.name === 'water balance of deciduous-broadleaf-forest')!;
    expect(balance).toMatchObject({
      formula: 'Q_i = A_i × (P_i − R_i − ET_i)',
      inputs: { A: { value: '100000000', unit: 'm²', from: 'input:indicators.regulating.water-conservation.ecosystems[0].area' } },
      result: { value: '18380000', unit: 'm³/a' },
    });
    expect(wc.trace.coefficients.map((c) => [c.id, c.table, c.source, c.status])).toEqual([
      ['runoff-coefficient.deciduous-broadleaf-forest', 'national-2022/1.1.0', 'gong-2017', 'verified'],
      ['reservoir-storage-cost', 'national-2022/1.1.0', 'ganzi-2017', 'verified'],
    ]);
  });

  it('applies coefficient overrides from the input and the options, and shows them in the trace', () => {
    const input: GepInput = {
      ...small,
      coefficientOverrides: [{ id: 'reservoir-storage-cost', value: '9', unit: '元/m³', priceYear: 2022, reason: 'provincial cost 2022' }],
    };
    const json = gepResultToJson(computeGep(input));
    expect(json.totals.regulating.value).toBe('165420000'); // 18 380 000 × 9
    expect(json.coefficientsUsed.find((c) => c.id === 'reservoir-storage-cost')).toMatchObject({
      status: 'user-override',
      overridden: { tableValue: '7.06' },
    });
    expect(json.warnings.some((w) => w.code === 'price-year-mismatch')).toBe(false);
  });

  it('reports every issue of the envelope at once, then every issue of the indicators at once', () => {
    expect(issuesOf({ ...small, region: { level: 'village' }, accountingYear: '2022' })).toEqual([
      'input.required region.name',
      'input.type region.level',
      'input.type accountingYear',
    ]);
    const bad = {
      ...small,
      coefficientOverrides: [{ id: 'nope', value: '1', unit: '元', reason: 'x' }],
      indicators: {
        ...small.indicators,
        'regulating.soil-erosion': {},
        'material.agriculture': { products: [{ item: 'maize', quantity: { value: '1', unit: 'furlong' }, price: price('1', '元/t') }] },
      },
    };
    expect(issuesOf(bad)).toEqual([
      'coefficient.unknown coefficientOverrides.0.id',
      'input.unknown-indicator indicators.regulating.soil-erosion',
      'input.unit-unknown indicators.material.agriculture.products.0.quantity.unit',
    ]);
    expect(issuesOf(small, { profile: 'nowhere-2030' })).toEqual(['profile.unknown profile']);
  });

  it("applies a profile's regional adjustment coefficient (调节系数) as a traced line", () => {
    // agriculture 32 400 000 × 1.1 = 35 640 000; the adjustment line is 32 400 000 × 0.1 = 3 240 000
    const profile = {
      ...getProfile('national-2022')!,
      adjustments: [{ indicator: 'material.agriculture', factor: '1.1', source: 'test', status: 'to-verify' as const, note: 'made up' }],
    };
    const json = gepResultToJson(computeGep(small, { profile, rebase: false }));
    const agri = json.indicators.find((i) => i.id === 'material.agriculture')!;
    expect(agri.value.total.value).toBe('35640000');
    expect(agri.value.lines.at(-1)).toMatchObject({ item: 'regional adjustment (调节系数 k = 1.1)', value: { value: '3240000' } });
    expect(agri.trace.steps.at(-1)).toMatchObject({ formula: 'V_adjusted = V × k', result: { value: '35640000' } });
    expect(json.totals.gep.value).toBe('165402800'); // 35 640 000 + 129 762 800
    expect(json.warnings.some((w) => w.code === 'adjustment-to-verify')).toBe(true);
  });

  it('subtracts products from outside the region when the profile says so (GB/T 46869—2025), and only then', () => {
    // GEP = 32 400 000 + 129 762 800 − 2 000 000 = 160 162 800
    const input: GepInput = {
      ...small,
      outsideRegion: [
        {
          item: 'inflowing water',
          indicator: 'regulating.water-conservation',
          value: { value: '200', unit: '万元' },
          method: 'upstream inflow × reservoir cost',
        },
      ],
    };
    const subtracting = { ...getProfile('national-2022')!, subtractOutsideRegion: true };
    const json = gepResultToJson(computeGep(input, { profile: subtracting, rebase: false }));
    expect(json.totals.outsideRegion.value).toBe('2000000');
    expect(json.totals.gep.value).toBe('160162800');
    const ignored = computeGep(input, { rebase: false });
    expect(ignored.totals.gep.value.toString()).toBe('162162800');
    expect(ignored.warnings.some((w) => w.code === 'outside-region-ignored')).toBe(true);
    expect(computeGep(small, { profile: subtracting }).warnings.some((w) => w.code === 'outside-region-none')).toBe(true);
  });

  it('gives the same account on the decimal and float paths within 1e-9 relative (bundled sample)', () => {
    const d = gepResultToJson(computeGep(sample));
    const f = gepResultToJson(computeGep(sample, { arithmetic: floatArithmetic }));
    expect(f.arithmetic).toBe('float64');
    const pairs = [
      ...(['material', 'regulating', 'cultural', 'gep'] as const).map((k) => [d.totals[k].value, f.totals[k].value]),
      ...d.indicators.map((ind, i) => [ind.value.total.value, f.indicators[i]!.value.total.value]),
    ];
    for (const [dv, fv] of pairs) {
      const exact = new GepDecimal(dv!);
      const gap = exact.minus(fv!).abs();
      expect(gap.lte(exact.abs().times('1e-9')), `${dv} vs ${fv}`).toBe(true);
    }
  });

  it('accounts every indicator of the bundled sample that the profile enables and the library implements', () => {
    const result = computeGep(sample);
    expect(result.notAccounted.filter((n) => n.reason === 'no-input')).toEqual([]);
    expect(result.indicators.length).toBeGreaterThanOrEqual(9);
  });

  it('is deterministic: the same input gives byte-identical JSON', () => {
    expect(JSON.stringify(gepResultToJson(computeGep(sample)))).toBe(JSON.stringify(gepResultToJson(computeGep(sample))));
  });

  it('holds GEP = Σ categories = Σ indicators for generated product lists (property)', () => {
    const amount = fc
      .tuple(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 4 }))
      .map(([n, s]) => (s ? `${Math.floor(n / 10 ** s)}.${String(n % 10 ** s).padStart(s, '0')}` : String(n)));
    const product = fc.record({
      item: fc.string({ minLength: 1, maxLength: 8 }),
      quantity: amount.map((value) => ({ value, unit: 't' })),
      price: amount.map((value) => price(value, '元/t')),
    });
    const sector = fc.array(product, { minLength: 1, maxLength: 5 }).map((products) => ({ products }));
    fc.assert(
      fc.property(sector, sector, sector, (a, b, c) => {
        const input: GepInput = { ...small, indicators: { 'material.agriculture': a, 'material.forestry': b, 'material.fishery': c } };
        const r = gepResultToJson(computeGep(input));
        const sumIndicators = r.indicators.reduce((acc, i) => acc.plus(i.value.total.value), new GepDecimal(0));
        const sumLines = r.indicators.flatMap((i) => i.value.lines).reduce((acc, l) => acc.plus(l.value.value), new GepDecimal(0));
        const sumCategories = new GepDecimal(r.totals.material.value).plus(r.totals.regulating.value).plus(r.totals.cultural.value);
        return sumIndicators.eq(r.totals.gep.value) && sumCategories.eq(r.totals.gep.value) && sumLines.eq(r.totals.gep.value);
      }),
      { numRuns: 200 },
    );
  });

  it('is linear in price: doubling every price doubles the value (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 7 }), fc.integer({ min: 0, max: 10 ** 7 }), (q, p) => {
        const at = (pv: string) =>
          computeGep({
            ...small,
            indicators: {
              'material.agriculture': { products: [{ item: 'x', quantity: { value: String(q), unit: 'kg' }, price: price(pv, '元/kg') }] },
            },
          });
        return at(String(2 * p)).totals.gep.value.eq(at(String(p)).totals.gep.value.times(2));
      }),
      { numRuns: 100 },
    );
  });
});
