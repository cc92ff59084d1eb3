import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareGep, gepComparisonToJson } from '../../src/accounts/compare.js';
import { computeGep } from '../../src/accounts/gep.js';
import type { PriceIndex } from '../../src/coefficients/indices.js';
import { floatArithmetic, type GepDecimal } from '../../src/numbers/arithmetic.js';
import type { GepInput } from '../../src/accounts/input.js';

const price = (value: string, priceYear: number) => ({ value, unit: '元/t', priceYear });
const product = (item: string, q: string, p: string, year: number) => ({
  item,
  quantity: { value: q, unit: 't' },
  price: price(p, year),
  ecosystemType: 'cropland',
});
const account = (year: number, products: ReturnType<typeof product>[], extra: Record<string, unknown> = {}): GepInput => ({
  region: { name: 'Test county', level: 'county' },
  accountingYear: year,
  priceYear: year,
  indicators: { 'material.agriculture': { products }, ...extra },
});
// a (2021): maize 100 t × 2 000 + wheat 50 t × 3 000 = 200 000 + 150 000 = 350 000 元
// b (2022): maize 120 t × 2 100 + wheat 40 t × 3 300 = 252 000 + 132 000 = 384 000 元
const a = computeGep(account(2021, [product('maize', '100', '2000', 2021), product('wheat', '50', '3000', 2021)]));
const b = computeGep(account(2022, [product('maize', '120', '2100', 2022), product('wheat', '40', '3300', 2022)]));
/** A test index with round changes: 2021 +25 %, 2022 +25 %, so that I_2020/I_2021 = 0.8 exactly. */
const index: PriceIndex = {
  id: 'test-index',
  title: { zh: '测试', en: 'test' },
  years: new Map([2021, 2022].map((year) => [year, { year, change: '25', source: 'test', status: 'derived' as const }])),
};
const s = (x: GepDecimal | null) => (x === null ? null : x.toString());

describe('compareGep', () => {
  it('values b at a’s unit prices and splits ΔV into QE = Σ(q_b − q_a)·p_a and PE = Σ q_b·(p_b − p_a)', () => {
    // K_a = 350 000; K_b = 120 × 2 000 + 40 × 3 000 = 360 000
    // QE = 20 × 2 000 − 10 × 3 000 = 10 000;  PE = 120 × 100 + 40 × 300 = 24 000;  ΔV = 384 000 − 350 000 = 34 000 = QE + PE
    const c = compareGep(a, b);
    expect(c.baseYear).toBe(2021);
    expect(
      [c.gep.a, c.gep.b, c.gep.constantA, c.gep.constantB, c.gep.change, c.gep.quantityEffect, c.gep.priceEffect].map((m) =>
        m.value.toString(),
      ),
    ).toEqual(['350000', '384000', '350000', '360000', '34000', '10000', '24000']);
    expect(c.gep.constantRate!.times(100).toFixed(3)).toBe('2.857'); // 10 000 / 350 000
    expect(c.gep.rate!.times(100).toFixed(3)).toBe('9.714'); // 34 000 / 350 000
    const maize = c.indicators[0]!.lines.find((l) => l.item === 'maize')!;
    expect([maize.quantityEffect.value.toString(), maize.priceEffect.value.toString(), maize.basePrice!.from]).toEqual([
      '40000',
      '12000',
      'a (2021)',
    ]);
    expect(c.categories.material.quantityEffect.value.toString()).toBe('10000');
    expect(c.categories.regulating.change.value.toString()).toBe('0');
    expect(c.decomposition.formula).toContain('QE = K_b − K_a');
    expect(c.decline.flagged).toBe(false);
    expect(c.warnings).toEqual([]);
  });

  it('values a at b’s prices when the base year is b’s price year', () => {
    // K_a = 100 × 2 100 + 50 × 3 300 = 375 000; K_b = 384 000; QE = 9 000; PE = 0 − (350 000 − 375 000) = 25 000
    const c = compareGep(a, b, { baseYear: 2022 });
    expect([c.gep.constantA, c.gep.constantB, c.gep.quantityEffect, c.gep.priceEffect].map((m) => m.value.toString())).toEqual([
      '375000',
      '384000',
      '9000',
      '25000',
    ]);
  });

  it('carries prices to a third base year with the price index given (I_2020 / I_2021 = 1 / 1.25 = 0.8)', () => {
    // p⁰ = p_a × 0.8: K_a = 280 000, K_b = 360 000 × 0.8 = 288 000; QE = 8 000; PE = 34 000 − 8 000 = 26 000
    const c = compareGep(a, b, { baseYear: 2020, priceIndex: index });
    expect([c.gep.constantA, c.gep.constantB, c.gep.quantityEffect, c.gep.priceEffect].map((m) => m.value.toString())).toEqual([
      '280000',
      '288000',
      '8000',
      '26000',
    ]);
    expect(c.deflators).toEqual([{ year: 2021, factor: '0.8' }]); // only the factors used are listed
  });

  it('values a line new in b at b’s price brought back by the index, and deflates a line without a unit price as a whole', () => {
    // millet only in b: 10 t × 5 000 = 50 000 元; p⁰ = 5 000 × 0.8 = 4 000 → K_b = 40 000, QE 40 000, PE 10 000
    // other products given as an output value (no unit price): a 1 000 元, b 1 500 元 → K_b = 1 500 × 0.8 = 1 200; QE 200, PE 300
    const other = (v: string) => ({
      'material.other': { products: [{ item: 'herbs', quantity: { value: '1', unit: 't' }, outputValue: { value: v, unit: '元' } }] },
    });
    const a2 = computeGep(account(2021, [product('maize', '100', '2000', 2021)], other('1000')));
    const b2 = computeGep(account(2022, [product('maize', '100', '2000', 2022), product('millet', '10', '5000', 2022)], other('1500')));
    const c = compareGep(a2, b2, { priceIndex: index });
    const line = (id: string, item: string) => c.indicators.find((i) => i.id === id)!.lines.find((l) => l.item === item)!;
    const millet = line('material.agriculture', 'millet');
    expect([
      millet.constantB.value.toString(),
      millet.quantityEffect.value.toString(),
      millet.priceEffect.value.toString(),
      millet.inA,
    ]).toEqual(['40000', '40000', '10000', null]);
    const herbs = line('material.other', 'herbs');
    expect([
      herbs.inB!.method,
      herbs.constantB.value.toString(),
      herbs.quantityEffect.value.toString(),
      herbs.priceEffect.value.toString(),
    ]).toEqual(['deflated', '1200', '200', '300']);
    // without an index: the unpriced line is carried at current prices (PE 0) and the new line likewise, with a warning
    const bare = compareGep(a2, b2);
    expect(bare.indicators.find((i) => i.id === 'material.other')!.priceEffect.value.toString()).toBe('0');
    expect(bare.warnings.map((w) => w.code)).toEqual(['compare-not-deflated']);
    // QE + PE = ΔV in every case
    for (const cmp of [c, bare]) expect(cmp.gep.quantityEffect.value.plus(cmp.gep.priceEffect.value).eq(cmp.gep.change.value)).toBe(true);
  });

  it('flags a GEP decline at constant prices beyond the threshold and names the indicators that drove it', () => {
    // b: maize 60 t × 2 100, wheat 50 t × 3 300: K_b = 60 × 2 000 + 50 × 3 000 = 270 000; K_a = 350 000
    // constant change −80 000 = −22.86 %; maize QE = −40 × 2 000 = −80 000 (−40 %, −22.86 points, 100 % of the decline)
    const b3 = computeGep(account(2022, [product('maize', '60', '2100', 2022), product('wheat', '50', '3300', 2022)]));
    const c = compareGep(a, b3, { declineThreshold: '0.05' });
    expect(c.decline.flagged).toBe(true);
    expect(
      c.decline.drivers.map((d) => [
        d.id,
        d.quantityEffect.value.toString(),
        d.contributionPoints!.toFixed(2),
        d.shareOfDecline.toString(),
      ]),
    ).toEqual([['material.agriculture', '-80000', '-22.86', '1']]);
    expect(c.indicators[0]!.declined).toBe(true);
    // a 25 % threshold does not flag a 22.86 % fall
    expect(compareGep(a, b3, { declineThreshold: '0.25' }).decline.flagged).toBe(false);
    expect(c.decline.rule).toContain('shanxi-2022-182');
  });

  it('reproduces the current-price change of Xishui 2000 → 2010: 185.48 → 223.35 亿元, +37.87 亿元 = +20.42 %', () => {
    // 白玛卓嘎 et al. 2020 (headline-only-cases): GEP 2010 223.35 亿元, +37.87 亿元 (+20.42 %) since 2000
    const yiOutput = (year: number, v: string): GepInput => ({
      region: { name: '习水县', level: 'county' },
      accountingYear: year,
      priceYear: year,
      indicators: {
        'material.other': {
          products: [{ item: 'GEP as printed', quantity: { value: '1', unit: 't' }, outputValue: { value: v, unit: '亿元' } }],
        },
      },
    });
    const c = compareGep(computeGep(yiOutput(2000, '185.48')), computeGep(yiOutput(2010, '223.35')));
    expect(c.gep.change.value.dividedBy(1e8).toString()).toBe('37.87');
    expect(c.gep.rate!.times(100).toFixed(2)).toBe('20.42');
  });

  it('agrees on the float path and serialises every number as a decimal string', () => {
    const f = compareGep(
      computeGep(account(2021, [product('maize', '100', '2000', 2021)]), { arithmetic: floatArithmetic }),
      computeGep(account(2022, [product('maize', '120', '2100', 2022)]), { arithmetic: floatArithmetic }),
    );
    expect([f.gep.quantityEffect.value, f.gep.priceEffect.value]).toEqual([40000, 12000]);
    const json = gepComparisonToJson(compareGep(a, b));
    expect(json.gep.quantityEffect).toEqual({ value: '10000', unit: '元' });
    expect(json.gep.constant.b).toEqual({ value: '360000', unit: '元', priceYear: 2021 });
    expect(json.indicators[0]!.lines[0]!.basePrice).toEqual({ value: '2000', unit: '元/t', priceYear: 2021, from: 'a (2021)' });
    expect(s(compareGep(a, b).gep.constantRate)).toMatch(/^0\.02857142857/);
  });

  it('holds QE + PE = ΔV on the bundled sample pair (2021 → 2022), within 1e-30 relative for rebased prices', () => {
    const read = (p: string) => computeGep(JSON.parse(readFileSync(p, 'utf8')));
    const c = compareGep(read('fixtures/sample-county/input-2021.json'), read('fixtures/sample-county/input.json'));
    const gap = c.gep.quantityEffect.value.plus(c.gep.priceEffect.value).minus(c.gep.change.value).abs();
    expect(gap.lte(c.gep.b.value.times('1e-30'))).toBe(true);
    for (const i of c.indicators)
      expect(i.presence, `${i.id} is missing from one year: run \`npx tsx scripts/sample-2021.ts\` after changing input.json`).toBe('both');
    expect(c.a.accountingYear).toBe(2021);
  });
});
