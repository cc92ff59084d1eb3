import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditTenure, auditSchema, doubleAssessment } from '../../src/applications/audit.js';
import { parseInput, dec } from '../../src/applications/common.js';
import { computeGep } from '../../src/accounts/gep.js';
import type { GepInput } from '../../src/accounts/input.js';
import { getPriceIndex } from '../../src/coefficients/indices.js';
import type { GepInputError } from '../../src/errors/errors.js';
import { accountOf, inputOf } from './accounts.js';

const file = (extra: Record<string, unknown> = {}) =>
  parseInput(auditSchema, {
    official: { name: 'X', post: 'county head' },
    unit: 'Test county',
    term: { start: '2021', end: '2023-06' },
    accounts: ['a', 'b'],
    ...extra,
  });
const maize = (t: string) => [{ item: 'maize', t, price: '2000', type: 'cropland' }];
const gdp = (v: string) => ({ gdp: { value: v, unit: '亿元', basis: 'regional-statistics' } });

describe('auditTenure (离任审计)', () => {
  // 2021: 100 t × 2 000 = 200 000; 2022: 95 t → 190 000 (−5 %); 2023: 90 t → 180 000 (−10 %), prices unchanged
  const years = [
    ['2021', '100'],
    ['2022', '95'],
    ['2023', '90'],
  ].map(([y, t]) => ({
    input: inputOf({ level: 'county', year: Number(y), agriculture: maize(t!) }),
    result: accountOf({ level: 'county', year: Number(y), agriculture: maize(t!) }),
  }));

  it('flags a fall at constant prices beyond the default 5 %, and marks that default as not a standard', () => {
    const a = auditTenure(file(), years);
    expect(a.path.map((y) => [y.year, y.constant.toString(), y.constantRate!.toString()])).toEqual([
      [2021, '200000', '0'],
      [2022, '190000', '-0.05'],
      [2023, '180000', '-0.1'],
    ]);
    expect(a.flagged).toBe(true);
    expect(a.threshold).toMatchObject({ status: 'library-default' });
    expect(a.threshold.source).toMatch(/not a standard/);
    expect(a.trace.parameters.find((p) => p.symbol === 'θ')!.status).toBe('library-default');
    // the quantity effect of maize: (90 − 100) × 2 000 = −20 000
    expect(a.comparison.decline.drivers.map((d) => [d.id, d.quantityEffect.value])).toEqual([['material.agriculture', '-20000']]);
  });

  it('uses the threshold given with its source: a fall of exactly θ is not flagged', () => {
    // −10 % is not below −10 %
    const a = auditTenure(file({ declineThreshold: { value: '10', unit: '%', source: 'audit plan 2024 §3' } }), years);
    expect([a.flagged, a.threshold.value.toString(), a.threshold.source, a.threshold.status]).toEqual([
      false,
      '0.1',
      'audit plan 2024 §3',
      'input',
    ]);
  });

  it('refuses accounts out of year order or of another region, and a threshold above 100 %', () => {
    try {
      auditTenure(file(), [
        years[1]!,
        years[0]!,
        { ...years[2]!, result: accountOf({ name: 'Other', level: 'county', year: 2023, agriculture: maize('1') }) },
      ]);
      expect.unreachable();
    } catch (e) {
      expect((e as GepInputError).issues.map((i) => i.path.join('.'))).toEqual(['accounts.1', 'accounts.2']);
    }
    expect(() => file({ declineThreshold: { value: '120', unit: '%', source: 's' } })).toThrow(/declineThreshold\.value/);
    expect(() => file({ declineThreshold: { value: '5', unit: '%' } })).toThrow(/declineThreshold\.source/);
  });

  it('refuses an account outside the term (the year before it starts may be the baseline) and a term that ends before it starts', () => {
    const pathsOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as GepInputError).issues.map((i) => [i.path.join('.'), i.message]);
      }
      return [];
    };
    // Term 2022-03 – 2023: 2021 is the baseline, 2022 and 2023 are in it.
    expect(pathsOf(() => auditTenure(file({ term: { start: '2022-03', end: '2023' } }), years))).toEqual([]);
    // Term 2023 – 2024: 2021 is neither in it nor its baseline (2022).
    expect(pathsOf(() => auditTenure(file({ term: { start: '2023', end: '2024' } }), years))).toEqual([
      ['accounts.0', 'accounts[0]: expected an account of a year of the term 2023 – 2024, or of 2022 as its baseline, found 2021'],
    ]);
    // Term 2021 – 2022: the 2023 account is after it.
    expect(pathsOf(() => auditTenure(file({ term: { start: '2021', end: '2022' } }), years)).map((x) => x[0])).toEqual(['accounts.2']);
    expect(pathsOf(() => auditTenure(file({ term: { start: '2023', end: '2021-06' } }), years)).map((x) => x[0])).toEqual([
      'term',
      'accounts.0',
      'accounts.1',
      'accounts.2',
    ]);
  });

  it('on the sample county: −5.8 % at 2021 prices, flagged at 5 %, with the scorecard (GDP +6.5 %, no double growth)', () => {
    const read = (p: string) => JSON.parse(readFileSync(p, 'utf8'));
    const accounts = ['fixtures/sample-county/input-2021.json', 'fixtures/sample-county/input.json'].map((p) => ({
      input: read(p),
      result: computeGep(read(p)),
    }));
    const a = auditTenure(file({ gdpRealGrowth: { value: '4.9', unit: '%', source: 'statistical bulletin (constructed)' } }), accounts, {
      priceIndex: getPriceIndex('cpi-national'),
    });
    expect(a.flagged).toBe(true);
    expect(dec(a.comparison.gep.constant.rate!).times(100).toFixed(2)).toBe('-5.82');
    // GDP 158.2 → 168.5 亿元: 10.3 / 158.2 = 6.5107 %
    expect(a.scorecard!.gdp.growthCurrent!.times(100).toFixed(4)).toBe('6.5107');
    expect(a.scorecard!.doubleGrowth).toMatchObject({ value: false, gdpGrowthUsed: 'real' });
    expect(a.scorecard!.ratios.map((r) => r.id)).toContain('realisation-rate');
    expect(a.toVerify.length).toBeGreaterThan(0);
  });
});

describe('real GDP growth written as a plain fraction', () => {
  it('warns when it is 1 or more in size with unit 1 (6 is 600 %), and says nothing when written with %', () => {
    const read = (p: string) => JSON.parse(readFileSync(p, 'utf8'));
    const accounts = ['fixtures/sample-county/input-2021.json', 'fixtures/sample-county/input.json'].map((p) => ({
      input: read(p),
      result: computeGep(read(p)),
    }));
    const run = (value: string, unit: string) =>
      auditTenure(file({ gdpRealGrowth: { value, unit, source: 'statistical bulletin (constructed)' } }), accounts, {
        priceIndex: getPriceIndex('cpi-national'),
      });
    // 6 as a fraction = 600 %: a warning (growth over a long term can pass 100 %, and only its sign decides double growth)
    const a = run('6', '1');
    const w = a.warnings.filter((x) => x.code === 'growth-as-fraction');
    expect(w.map((x) => [x.path?.join('.'), x.message, x.zh])).toEqual([
      [
        'gdpRealGrowth.value',
        'gdpRealGrowth is 6 with unit 1, i.e. 600 %: did you mean 6 %? A growth that high is written with %',
        'gdpRealGrowth 为 6（单位 1），即 600 %：是否应为 6 %？如此高的增长率请带 % 单位填写',
      ],
    ]);
    expect(a.scorecard!.doubleGrowth.value).toBe(run('0.06', '1').scorecard!.doubleGrowth.value);
    for (const [v, u] of [
      ['0.06', '1'],
      ['6', '%'],
      ['114', '%'],
    ])
      expect(run(v!, u!).warnings.map((x) => x.code)).not.toContain('growth-as-fraction');
  });
});

describe('doubleAssessment (双考核)', () => {
  it('puts GDP growth and GEP growth at constant prices side by side: double growth when both rise', () => {
    // GDP 10 → 11 亿元 (+10 %); GEP 200 000 → 210 000 at unchanged prices (+5 %)
    const a = accountOf({ level: 'county', year: 2021, agriculture: maize('100') });
    const b = accountOf({ level: 'county', year: 2022, agriculture: maize('105') });
    const s = doubleAssessment(
      a,
      b,
      inputOf({ level: 'county', year: 2021, agriculture: maize('100'), economy: gdp('10') }),
      inputOf({ level: 'county', year: 2022, agriculture: maize('105'), economy: gdp('11') }),
    );
    expect([s.gdp.growthCurrent!.toString(), s.gep.growthConstant!.toString(), s.doubleGrowth.value, s.doubleGrowth.gdpGrowthUsed]).toEqual(
      ['0.1', '0.05', true, 'current'],
    );
    expect(s.warnings.map((w) => w.code)).toContain('scorecard-gdp-current');
    // GEP/GDP: 200 000 / 1 000 000 000 = 0.0002 → 210 000 / 1 100 000 000
    expect(s.ratios.find((r) => r.id === 'gep-per-gdp')!.a.toString()).toBe('0.0002');
  });

  it('keeps the warning that a line without a unit price was carried at current prices (its price change counted as real)', () => {
    // herbs by output value: 1 000 → 1 500 元 with no price index, carried at current prices: GEP +50 % "at constant prices"
    const herbs = (year: number, v: string, g: string): GepInput => ({
      region: { name: 'Test county', level: 'county' },
      accountingYear: year,
      priceYear: year,
      economy: { gdp: { value: g, unit: '亿元', basis: 'regional-statistics' } },
      indicators: {
        'material.other': { products: [{ item: 'herbs', quantity: { value: '1', unit: 't' }, outputValue: { value: v, unit: '元' } }] },
      },
    });
    const [ia, ib] = [herbs(2021, '1000', '10'), herbs(2022, '1500', '11')];
    const s = doubleAssessment(computeGep(ia), computeGep(ib), ia, ib);
    expect(s.gep.growthConstant!.toString()).toBe('0.5');
    expect(s.warnings.map((w) => w.code)).toContain('compare-not-deflated');
  });

  it('needs the GDP of both years', () => {
    const a = accountOf({ level: 'county', year: 2021, agriculture: maize('100') });
    expect(() => doubleAssessment(a, a, inputOf({ year: 2021 }), inputOf({ year: 2021, economy: gdp('1') }))).toThrow(/a\.economy\.gdp/);
  });
});
