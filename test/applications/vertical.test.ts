import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateVerticalFund, verticalSchema } from '../../src/applications/vertical.js';
import { parseInput, dec } from '../../src/applications/common.js';
import { computeGep } from '../../src/accounts/gep.js';
import { compareGep } from '../../src/accounts/compare.js';
import { getPriceIndex } from '../../src/coefficients/indices.js';
import type { GepInputError } from '../../src/errors/errors.js';

const pct = (v: string) => ({ value: v, unit: '%' });
const yuan = (v: string) => ({ value: v, unit: '元' });
const file = (extra: Record<string, unknown>) =>
  parseInput(verticalSchema, {
    method: 'vertical',
    fund: { name: 'fund', amount: yuan('100') },
    priceYear: 2022,
    basis: 'gep',
    normalisation: 'share',
    weights: { value: pct('100') },
    counties: [
      { name: 'A', value: yuan('1') },
      { name: 'B', value: yuan('2') },
    ],
    ...extra,
  });

describe('allocateVerticalFund (纵向生态补偿)', () => {
  it('refuses a change of 1 or more in size written as a plain fraction (5 is 500 %), not one written with %', () => {
    const issues = (changeA: unknown) => {
      try {
        file({
          weights: { change: pct('100') },
          normalisation: 'min-max',
          counties: [
            { name: 'A', change: changeA },
            { name: 'B', change: pct('2') },
          ],
        });
      } catch (e) {
        return (e as GepInputError).issues.map((i) => [i.path.join('.'), i.found, i.foundZh]);
      }
      return [];
    };
    // 5 with unit 1 is +500 %: with min-max, A would take the whole change criterion whatever B's is
    expect(issues({ value: '5', unit: '1' })).toEqual([
      ['counties.0.change.value', '5 (as a fraction: 500 %): did you mean 5 %?', '5（按分数即 500 %）：是否应为 5 %？'],
    ]);
    expect(issues({ value: '-1', unit: '1' })[0]![1]).toBe('-1 (as a fraction: -100 %): did you mean -1 %?');
    for (const change of [
      { value: '0.05', unit: '1' },
      { value: '-0.99', unit: '1' },
      { value: '5', unit: '%' },
      { value: '120', unit: '%' },
    ])
      expect(issues(change)).toEqual([]);
    // the protection score is a score on any scale, not a rate: 85 stands
    expect(
      file({
        counties: [
          { name: 'A', value: yuan('1'), protection: { value: '85', unit: '1' } },
          { name: 'B', value: yuan('2') },
        ],
      }).counties[0]!.protection,
    ).toEqual({
      value: '85',
      unit: '1',
    });
  });

  it('shares a fund by GEP: 100 元 over GEP 1 and 2 → 33.33 and 66.67, adding up to the fund', () => {
    // a = 100 × 1/3 = 33.333…, 100 × 2/3 = 66.666…; floors 33.33 + 66.66 = 99.99; the fen goes to the larger remainder (B)
    const v = allocateVerticalFund(file({}));
    expect(v.counties.map((c) => [c.share.toFixed(4), c.payable.toString()])).toEqual([
      ['0.3333', '33.33'],
      ['0.6667', '66.67'],
    ]);
    expect(v.counties.reduce((s, c) => s.plus(c.payable), dec('0')).toString()).toBe('100');
    expect(v.payableUnit.toString()).toBe('0.01');
    expect(v.trace.parameters.find((p) => p.symbol === 'u')!.status).toBe('library-default');
  });

  it('scores by min-max normalised criteria with weights', () => {
    // values 10, 20, 30 → s = 0, 0.5, 1; changes −1 %, 0, +3 % → s = 0, 0.25, 1; S = 0.5·s_v + 0.5·s_c = 0, 0.375, 1
    // F = 1 000 元: a = 0, 1 000 × 0.375/1.375 = 272.7272…, 727.2727… → payable 0, 272.73, 727.27
    const v = allocateVerticalFund(
      file({
        fund: { name: 'fund', amount: yuan('1000') },
        normalisation: 'min-max',
        weights: { value: pct('50'), change: pct('50') },
        counties: [
          { name: 'A', value: yuan('10'), change: pct('-1') },
          { name: 'B', value: yuan('20'), change: pct('0') },
          { name: 'C', value: yuan('30'), change: pct('3') },
        ],
      }),
    );
    expect(v.counties.map((c) => c.score.toString())).toEqual(['0', '0.375', '1']);
    expect(v.counties.map((c) => c.payable.toString())).toEqual(['0', '272.73', '727.27']);
    expect(v.counties[1]!.normalised.change!.toString()).toBe('0.25');
  });

  it('uses value per km² and a payable unit of 100 元', () => {
    // per km²: A 100/1 = 100, B 300/2 = 150 (share: 0.4, 0.6); F = 10 000 → 4 000, 6 000
    const v = allocateVerticalFund(
      file({
        fund: { name: 'f', amount: yuan('10000') },
        payableUnit: yuan('100'),
        weights: { perKm2: pct('100') },
        counties: [
          { name: 'A', value: yuan('100'), area: { value: '1', unit: 'km²' } },
          { name: 'B', value: yuan('300'), area: { value: '200', unit: 'hm²' } },
        ],
      }),
    );
    expect(v.counties.map((c) => [c.criteria.perKm2!.toString(), c.payable.toString()])).toEqual([
      ['100', '4000'],
      ['150', '6000'],
    ]);
  });

  it('takes GEP, area and the constant-price change of the sample county from its two accounts', () => {
    const read = (p: string) => JSON.parse(readFileSync(p, 'utf8'));
    const current = computeGep(read('fixtures/sample-county/input.json'));
    const previous = computeGep(read('fixtures/sample-county/input-2021.json'));
    const priceIndex = getPriceIndex('cpi-national');
    const v = allocateVerticalFund(
      file({
        normalisation: 'min-max',
        weights: { value: pct('50'), change: pct('50') },
        counties: [
          { name: 'Sample', accounts: { current: 'x', previous: 'y' } },
          { name: 'B', value: yuan('1'), change: pct('0') },
        ],
      }),
      new Map([[0, { current, previous, priceIndex }]]),
    );
    expect(v.counties[0]!.criteria.value!.eq(current.totals.gep.value)).toBe(true);
    expect(v.counties[0]!.criteria.change!.eq(compareGep(previous, current, { priceIndex }).gep.constantRate!)).toBe(true);
    // GEP is the larger (s_v: 1 vs 0), change −5.8 % the smaller (s_c: 0 vs 1): S = 0.5 each → 50 元 each
    expect(v.counties.map((c) => c.payable.toString())).toEqual(['50', '50']);
  });

  it('keeps the warning that a line without a unit price was carried at current prices (its price change counted as real)', () => {
    // herbs given as an output value, 1 000 元 in 2021 and 1 500 元 in 2022, no price index: carried at current prices,
    // so its +500 元 counts as real change: K_a = 1 000, K_b = 1 500, constant-price change +50 %.
    const herbs = (year: number, v: string) =>
      computeGep({
        region: { name: 'County A', level: 'county' },
        accountingYear: year,
        priceYear: year,
        indicators: {
          'material.other': { products: [{ item: 'herbs', quantity: { value: '1', unit: 't' }, outputValue: { value: v, unit: '元' } }] },
        },
      });
    const v = allocateVerticalFund(
      file({
        weights: { change: pct('100') },
        counties: [
          { name: 'A', accounts: { current: 'x', previous: 'y' } },
          { name: 'B', change: pct('50') },
        ],
      }),
      new Map([[0, { current: herbs(2022, '1500'), previous: herbs(2021, '1000') }]]),
    );
    expect(v.counties[0]!.criteria.change!.toString()).toBe('0.5');
    const w = v.warnings.find((x) => x.code === 'compare-not-deflated');
    expect(w?.message).toBe(
      'A: 1 line(s) without a unit price could not be brought to 2021 prices (no price index for their year) and are carried at current prices, so their price effect is 0: material.other: herbs',
    );
    expect(w?.zh).toMatch(/^A：1 个没有单价的核算行无法换算到 2021 年价格/);
  });

  it('refuses weights not adding up to 1, a missing criterion, a negative change under share, and a fund that is not a multiple of the unit', () => {
    const issues = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as GepInputError).issues.map((i) => [i.code, i.path.join('.')]);
      }
      return [];
    };
    expect(issues(() => allocateVerticalFund(file({ weights: { value: pct('60'), protection: pct('30') } })))).toEqual([
      ['input.out-of-range', 'weights'],
      ['input.required', 'counties.0.protection'],
      ['input.required', 'counties.1.protection'],
    ]);
    expect(
      issues(() =>
        allocateVerticalFund(
          file({
            weights: { change: pct('100') },
            counties: [
              { name: 'A', change: pct('-1') },
              { name: 'B', change: pct('2') },
            ],
          }),
        ),
      ),
    ).toEqual([['input.out-of-range', 'counties.0.change']]);
    expect(issues(() => allocateVerticalFund(file({ fund: { name: 'f', amount: yuan('100.005') } })))).toEqual([
      ['input.out-of-range', 'fund.amount'],
    ]);
    expect(
      issues(() =>
        allocateVerticalFund(
          file({
            counties: [
              { name: 'A', value: yuan('1') },
              { name: 'A', value: yuan('1') },
            ],
          }),
        ),
      ),
    ).toEqual([['input.duplicate', 'counties.1.name']]);
  });

  it('pays out exactly the fund for any scores (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10 ** 9 }), { minLength: 2, maxLength: 12 }),
        fc.integer({ min: 1, max: 10 ** 7 }),
        (values, fen) => {
          const fund = dec(String(fen)).dividedBy(100).toString();
          const v = allocateVerticalFund(
            file({ fund: { name: 'f', amount: yuan(fund) }, counties: values.map((x, i) => ({ name: `c${i}`, value: yuan(String(x)) })) }),
          );
          expect(v.counties.reduce((s, c) => s.plus(c.payable), dec('0')).toString()).toBe(dec(fund).toString());
        },
      ),
      { numRuns: 60 },
    );
  });
});
