import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { valueEcologicalAssets, financeSchema, annualValueOf } from '../../src/applications/finance.js';
import { parseInput } from '../../src/applications/common.js';
import { compensationSchema } from '../../src/applications/compensation.js';
import { projectSchema } from '../../src/applications/project.js';
import { boundsSchema } from '../../src/applications/bounds.js';
import { computeGep } from '../../src/accounts/gep.js';
import type { GepInputError } from '../../src/errors/errors.js';

const file = (extra: Record<string, unknown>) =>
  parseInput(financeSchema, {
    unit: { name: 'U', kind: 'township' },
    priceYear: 2022,
    term: 10,
    discountRate: { value: '4', unit: '%' },
    collateralShare: { value: '20', unit: '%' },
    annualValue: { value: { value: '1000', unit: '万元/a' }, source: 'GEP 2022' },
    ...extra,
  });

describe('valueEcologicalAssets (绿色金融)', () => {
  it('values 1 000 万元 a year over 10 years at 4 % and takes 20 % as the lending base', () => {
    // annuity factor (1 − 1.04^−10)/0.04 = 8.1108957794; PV = 10 000 000 × 8.1108957794 = 81 108 957.79 元
    // B = 0.2 × PV = 16 221 791.56 元; B / V = 1.6221791559
    const v = valueEcologicalAssets(file({}));
    expect(v.assetValue.value.toFixed(2)).toBe('81108957.79');
    expect(v.lendingBase.toFixed(2)).toBe('16221791.56');
    expect(v.baseToAnnualValue!.toFixed(6)).toBe('1.622179');
    expect(v.warnings.map((w) => w.code)).toEqual(['finance-not-a-standard']);
    expect(v.trace.methods.filter((m) => m.standing === 'not-a-standard').length).toBe(2);
  });

  it('requires the collateral share (no published rule gives one) and refuses one above 100 %', () => {
    const { collateralShare: _drop, ...rest } = {
      unit: { name: 'U', kind: 'township' },
      priceYear: 2022,
      term: 10,
      discountRate: { value: '4', unit: '%' },
      collateralShare: 1,
      annualValue: { value: { value: '1', unit: '元/a' }, source: 's' },
    };
    expect(() => parseInput(financeSchema, rest)).toThrow(/collateralShare/);
    expect(() => file({ collateralShare: { value: '101', unit: '%' } })).toThrow(/collateralShare\.value/);
  });

  it('takes the annual value from an account: all of GEP, or some categories (the sample county’s material + cultural)', () => {
    const acc = computeGep(JSON.parse(readFileSync('fixtures/sample-county/input.json', 'utf8')));
    expect(annualValueOf(acc).value.eq(acc.totals.gep.value)).toBe(true);
    const v = valueEcologicalAssets(file({ annualValue: { account: 'x', categories: ['material', 'cultural'] } }), { account: acc });
    expect(v.annualValue.eq(acc.totals.material.value.plus(acc.totals.cultural.value))).toBe(true);
    expect(() => annualValueOf(acc, { indicators: ['regulating.noise-reduction'] })).toThrow(/an indicator of the account/);
    expect(() => valueEcologicalAssets(file({ priceYear: 2021, annualValue: { account: 'x' } }), { account: acc })).toThrow(
      /price year 2022/,
    );
  });

  it('refuses an indicator or a category listed twice instead of counting it twice, located', () => {
    // The audit: material.agriculture listed twice summed its value twice (V above the county's whole GEP).
    const acc = computeGep(JSON.parse(readFileSync('fixtures/sample-county/input.json', 'utf8')));
    const issues = (select: Record<string, unknown>) => {
      try {
        valueEcologicalAssets(file({ annualValue: { account: 'x', ...select } }), { account: acc });
      } catch (e) {
        return (e as GepInputError).issues.map((i) => [i.code, i.path.join('.'), i.found]);
      }
      return [];
    };
    expect(issues({ indicators: ['material.agriculture', 'regulating.carbon-sequestration', 'material.agriculture'] })).toEqual([
      ['input.duplicate', 'annualValue.indicators.2', 'material.agriculture'],
    ]);
    expect(issues({ categories: ['material', 'material'] })).toEqual([['input.duplicate', 'annualValue.categories.1', 'material']]);
    expect(() => annualValueOf(acc, { categories: ['cultural', 'cultural'] })).toThrow(
      /annualValue\.categories\[1\]: duplicate entry "cultural"/,
    );
  });

  it('refuses a discount rate of 1 or more written as a plain fraction, suggesting the percentage (4 is 400 %)', () => {
    const issue = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as GepInputError).issues.map((i) => [i.path.join('.'), i.message]);
      }
      return [];
    };
    expect(issue(() => file({ discountRate: { value: '4', unit: '1' } }))).toEqual([
      [
        'discountRate.value',
        'discountRate.value: expected a discount rate below 1 as a fraction (0.04 for 4 %), or written with % (4 %), found 4 (as a fraction: 400 %): did you mean 4 %?',
      ],
    ]);
    expect(issue(() => file({ discountRate: { value: '1', unit: '1' } }))[0]![1]).toContain('did you mean 1 %?');
    // fractions below 1, and any rate written with %, stand: 0.04, 4 %, and 400 % said plainly
    for (const rate of [
      { value: '0.04', unit: '1' },
      { value: '4', unit: '%' },
      { value: '400', unit: '%' },
    ])
      expect(file({ discountRate: rate }).discountRate).toEqual(rate);
    // the same rule in every application that discounts
    const plain = { value: '5', unit: '1' };
    const zh = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as GepInputError).issues.map((i) => [i.path.join('.'), i.foundZh]);
      }
      return [];
    };
    expect(
      zh(() => parseInput(compensationSchema, { project: { name: 'p' }, priceYear: 2022, rule: 'value-lost', discountRate: plain })),
    ).toEqual([['discountRate.value', '5（按分数即 500 %）：是否应为 5 %？']]);
    expect(
      zh(() =>
        parseInput(projectSchema, {
          project: { name: 'p', type: 'restoration' },
          design: 'before-after',
          baseline: { account: 'a' },
          withProject: { account: 'b' },
          period: { years: 10, discountRate: plain },
        }),
      ),
    ).toContainEqual(['period.discountRate.value', '5（按分数即 500 %）：是否应为 5 %？']);
    expect(
      zh(() =>
        parseInput(boundsSchema, {
          method: 'bounds',
          priceYear: 2022,
          provider: { name: 'P' },
          beneficiary: { name: 'B' },
          area: { value: '1', unit: 'km²' },
          opportunityCost: { perArea: { value: '1', unit: '元/(km²·a)' } },
          serviceGain: { perArea: { value: '2', unit: '元/(km²·a)' } },
          discountRate: plain,
        }),
      ),
    ).toEqual([['discountRate.value', '5（按分数即 500 %）：是否应为 5 %？']]);
  });

  it('refuses a growth rate of 1 or more in size written as a plain fraction, suggesting the percentage (3 is 300 %)', () => {
    const issue = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as GepInputError).issues.map((i) => [i.path.join('.'), i.message, i.foundZh]);
      }
      return [];
    };
    // 3 as a fraction is +300 %/a: over the 10-year term V would grow 4^10 = 1 048 576 times
    expect(issue(() => file({ growthRate: { value: '3', unit: '1' } }))).toEqual([
      [
        'growthRate.value',
        'growthRate.value: expected an annual growth rate between −1 and 1 as a fraction (0.04 for 4 %), or written with % (4 %), found 3 (as a fraction: 300 %): did you mean 3 %?',
        '3（按分数即 300 %）：是否应为 3 %？',
      ],
    ]);
    // −2 as a fraction is −200 %: V would turn negative
    expect(issue(() => file({ growthRate: { value: '-2', unit: '1' } }))[0]![1]).toContain(
      'found -2 (as a fraction: -200 %): did you mean -2 %?',
    );
    expect(issue(() => file({ growthRate: { value: '1', unit: '1' } }))[0]![1]).toContain('did you mean 1 %?');
    // below 1 in size as a fraction, and any rate written with %, stand: 0.03, −0.5, 3 %, 150 % (a tiny base)
    for (const rate of [
      { value: '0.03', unit: '1' },
      { value: '-0.5', unit: '1' },
      { value: '3', unit: '%' },
      { value: '150', unit: '%' },
    ])
      expect(file({ growthRate: rate }).growthRate).toEqual(rate);
  });

  it('refuses a decline of 100 %/a or more, in any unit (V would be 0 or negative after the first year)', () => {
    for (const growthRate of [
      { value: '-150', unit: '%' },
      { value: '-100', unit: '%' },
    ]) {
      let issues: readonly { path: readonly (string | number)[]; message: string }[] = [];
      try {
        valueEcologicalAssets(file({ growthRate }));
      } catch (e) {
        issues = (e as GepInputError).issues;
      }
      expect(issues.map((i) => i.path.join('.'))).toEqual(['growthRate']);
      expect(issues[0]!.message).toContain(`expected an annual growth above −100 %, found ${growthRate.value} %`);
    }
    // −99 % stands: V·0.01^(t−1), small but positive
    expect(valueEcologicalAssets(file({ growthRate: { value: '-99', unit: '%' } })).assetValue.value.gt(0)).toBe(true);
  });

  it('grows the annual value when a growth rate is given', () => {
    // V = 100 元, g = r = 10 %, 3 years: each term 100/1.1 → 272.727273
    const v = valueEcologicalAssets(
      file({
        annualValue: { value: { value: '100', unit: '元/a' }, source: 's' },
        term: 3,
        discountRate: { value: '10', unit: '%' },
        growthRate: { value: '10', unit: '%' },
      }),
    );
    expect(v.assetValue.value.toFixed(6)).toBe('272.727273');
  });
});
