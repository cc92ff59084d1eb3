import { describe, expect, it } from 'vitest';
import { computeRatios, ratiosFromAccount, ratiosToJson, type RatioInputs, type RatiosResult } from '../../src/accounts/ratios.js';
import { computeGep } from '../../src/accounts/gep.js';
import { geepFromAccount } from '../../src/accounts/geep.js';
import { convert } from '../../src/units/units.js';
import { decimalArithmetic, floatArithmetic, GepDecimal } from '../../src/numbers/arithmetic.js';
import type { GepInput } from '../../src/accounts/input.js';

const A = decimalArithmetic;
const yi = (v: string) => ({ value: convert(A, new GepDecimal(v), '亿元', '元'), unit: '元' as const });
const totals = (m: string, r: string, c: string) => ({
  material: yi(m),
  regulating: yi(r),
  cultural: yi(c),
  gep: yi(new GepDecimal(m).plus(r).plus(c).toString()),
});
const byId = (rs: RatiosResult<GepDecimal>) => Object.fromEntries(rs.ratios.map((r) => [r.id, r]));
const toYi = (x: GepDecimal) => convert(A, x, '元', '亿元').toString();

describe('computeRatios', () => {
  it('gives Ninghai 2018 its "two mountains" value 1259.03 − 670.59 = 588.44 亿元 and regulating share 53.26 % (chen-2021-ninghai)', () => {
    // the abstract prints GEP and the regulating value only; material + cultural = 588.44 亿元 together
    const r = byId(computeRatios({ priceYear: 2018, totals: { ...totals('588.44', '670.59', '0') } }));
    expect(toYi(r['two-mountains-value']!.value)).toBe('588.44');
    expect(r['regulating-share']!.value.toFixed(2)).toBe('53.26'); // 670.59 / 1259.03 = 53.262 %
    expect(r['two-mountains-value']!.definition).toContain('Ninghai 2018');
  });

  it('gives China 2015 GGI 72.81 / 72.3 = 1.01, GEEP/GDP 122.77 / 72.3 = 1.70 and regulating share 53.14 / 72.81 = 73.0 %', () => {
    // ma-2017 (GEP 72.81, regulating 53.14 万亿元) and wang-2018-geep (GEEP); GDP = sum of provinces 72.3
    const wy = (v: string) => ({ value: convert(A, new GepDecimal(v), '万亿元', '元'), unit: '元' as const });
    const inputs: RatioInputs<GepDecimal> = {
      priceYear: 2015,
      totals: { material: wy('0'), regulating: wy('53.14'), cultural: wy('19.67'), gep: wy('72.81') },
      gdp: { value: wy('72.3'), basis: 'sum-of-subregions' },
      geep: wy('122.77'),
      // 13.7462 亿 people (2015 year-end population, recalled [R] in geep-methods §4.1)
      population: new GepDecimal('1374620000'),
    };
    const rs = computeRatios(inputs);
    const r = byId(rs);
    expect(r['gep-per-gdp']!.value.toFixed(2)).toBe('1.01');
    expect(r['geep-per-gdp']!.value.toFixed(2)).toBe('1.70');
    expect(r['regulating-share']!.value.toFixed(1)).toBe('73.0');
    expect(r['geep-per-capita']!.value.dividedBy(10000).toFixed(2)).toBe('8.93'); // 8.9 万元 printed (E4)
    expect(rs.gdpBasis).toBe('sum-of-subregions');
  });

  it('gives Shenzhen 2020 23.55 + 699.52 + 580.75 = 1303.82 亿元, regulating share 53.7 % and 0.65 亿元/km²', () => {
    // category split and 0.65 亿元/km² printed in the 2020 release; land area 1 997.47 km² (recalled, consistent with the ≈2 006 implied)
    const t = totals('23.55', '699.52', '580.75');
    expect(toYi(t.gep.value)).toBe('1303.82');
    const r = byId(computeRatios({ priceYear: 2020, totals: t, area: { value: new GepDecimal('1997.47'), unit: 'km²' } }));
    expect(r['regulating-share']!.value.toFixed(1)).toBe('53.7'); // 53.65 %
    expect(toYi(r['gep-per-area']!.value)).toMatch(/^0\.6527/); // 1303.82 / 1997.47 = 0.6527 → 0.65
    expect(toYi(r['two-mountains-value']!.value)).toBe('604.3'); // 23.55 + 580.75
  });

  it('gives Inner Mongolia 2019 3125.30 + 33727.90 + 7907.55 = 44760.75 亿元, shares 75.35 % and GGI 2.6', () => {
    // official release; GDP 2019 17 212.5 亿元 (recalled; the case file checks ≈17 213)
    const t = totals('3125.30', '33727.90', '7907.55');
    expect(toYi(t.gep.value)).toBe('44760.75');
    const r = byId(computeRatios({ priceYear: 2019, totals: t, gdp: { value: yi('17212.5'), basis: 'regional-statistics' } }));
    expect(r['regulating-share']!.value.toFixed(2)).toBe('75.35');
    expect(r['primary-conversion-rate']!.value.toFixed(2)).toBe('24.65'); // 6.98 + 17.67 = 24.65 %
    expect(r['gep-per-gdp']!.value.toFixed(1)).toBe('2.6');
  });

  it('gives Gaochun 2019 99.81 + 1267.52 + 208.38 = 1575.71 亿元 with regulating share 80.44 %', () => {
    const t = totals('99.81', '1267.52', '208.38');
    expect(toYi(t.gep.value)).toBe('1575.71');
    expect(byId(computeRatios({ priceYear: 2019, totals: t }))['regulating-share']!.value.toFixed(2)).toBe('80.44');
  });

  it('computes the realisation rate from the realised value listed, with its definition and status to-verify', () => {
    // realised 150 + 100 = 250 元 of GEP 1 000 元 → 25 %
    const t = {
      material: { value: new GepDecimal(300), unit: '元' as const },
      regulating: { value: new GepDecimal(600), unit: '元' as const },
      cultural: { value: new GepDecimal(100), unit: '元' as const },
      gep: { value: new GepDecimal(1000), unit: '元' as const },
    };
    const rs = computeRatios({
      priceYear: 2022,
      totals: t,
      realisedValue: [
        { item: 'sales', channel: 'market-sale', value: { value: new GepDecimal(150), unit: '元' } },
        { item: 'transfers', channel: 'compensation', value: { value: new GepDecimal(100), unit: '元' } },
      ],
    });
    const r = byId(rs)['realisation-rate']!;
    expect(r.value.toString()).toBe('25');
    expect(r.status).toBe('to-verify');
    expect(r.definition).toMatch(/divided by GEP/);
    expect(byId(rs)['primary-conversion-rate']!.value.toString()).toBe('40'); // (300 + 100) / 1 000
    expect(
      ratiosToJson(rs)
        .ratios.find((x) => x.id === 'realisation-rate')!
        .parts!.map((p) => p.value.value),
    ).toEqual(['150', '100']);
  });

  it('leaves out, with a warning each, the ratios whose denominators are missing or zero (never NaN)', () => {
    const zero = { value: A.zero, unit: '元' as const };
    const rs = computeRatios({
      priceYear: 2022,
      totals: { material: zero, regulating: zero, cultural: zero, gep: zero },
      gdp: { value: zero, basis: 'regional-statistics' },
    });
    expect(rs.ratios.map((r) => r.id)).toEqual(['two-mountains-value']);
    expect(rs.warnings.map((w) => w.message.split(' not computed: ')[1])).toEqual([
      'GDP is zero',
      'no population in the input',
      'no region.area in the input',
      'GEP is zero',
      'GEP is zero',
      'GEP is zero',
    ]);
    // float path: same ratio ids, same values within 1e-12
    const f = computeRatios(
      {
        priceYear: 2015,
        totals: {
          material: { value: 1, unit: '元' },
          regulating: { value: 3, unit: '元' },
          cultural: { value: 0, unit: '元' },
          gep: { value: 4, unit: '元' },
        },
      },
      floatArithmetic,
    );
    expect(f.ratios.find((r) => r.id === 'regulating-share')!.value).toBe(75);
  });
});

describe('ratiosFromAccount', () => {
  it('reads GDP, population (万人) and area from the account input, and GEEP when computed', () => {
    const input: GepInput = {
      region: { name: 'T', level: 'county', area: { value: '200', unit: 'km²' } },
      accountingYear: 2022,
      priceYear: 2022,
      economy: { gdp: { value: '2', unit: '亿元', basis: 'regional-statistics' }, population: { value: '5', unit: '万人' } },
      geep: { pollutionLoss: [], ecologicalDamage: [] },
      indicators: {
        'material.agriculture': {
          products: [{ item: 'maize', quantity: { value: '10000', unit: 't' }, price: { value: '2000', unit: '元/t', priceYear: 2022 } }],
        },
      },
    };
    // GEP = 10 000 t × 2 000 元/t = 20 000 000 元; GDP 200 000 000 元 → GGI 0.1
    // per capita 20 000 000 / 50 000 = 400 元; per km² 20 000 000 / 200 = 100 000 元/km²; GEEP = GDP (no costs, no regulating) → 1
    const gep = computeGep(input);
    const r = Object.fromEntries(ratiosFromAccount(gep, input, geepFromAccount(gep, input))!.ratios.map((x) => [x.id, x.value.toString()]));
    expect(r).toMatchObject({
      'gep-per-gdp': '0.1',
      'geep-per-gdp': '1',
      'gep-per-capita': '400',
      'gep-per-area': '100000',
      'two-mountains-value': '20000000',
    });
    const { economy: _, ...noEconomy } = input;
    expect(ratiosFromAccount(computeGep(noEconomy), noEconomy)).toBeNull();
  });
});
