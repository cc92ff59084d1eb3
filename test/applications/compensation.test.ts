import { describe, expect, it } from 'vitest';
import { computeCompensation, compensationSchema, lossesFromImpact } from '../../src/applications/compensation.js';
import { computeProjectImpact, projectSchema } from '../../src/applications/project.js';
import { parseInput } from '../../src/applications/common.js';
import type { GepInputError } from '../../src/errors/errors.js';
import { accountOf } from './accounts.js';

const file = (extra: Record<string, unknown>) => parseInput(compensationSchema, { project: { name: 'road' }, priceYear: 2022, ...extra });
const losses = [{ item: 'water conservation', indicator: 'regulating.water-conservation', annualValue: { value: '10', unit: '万元/a' } }];

describe('computeCompensation (规划和工程项目补偿, 八)', () => {
  it('value-lost: discounts the annual loss over the years it lasts', () => {
    // L = 10 万元/a = 100 000 元/a; 3 years at 5 %: 100 000 × 2.72324803 = 272 324.80 元
    const c = computeCompensation(file({ rule: 'value-lost', losses, years: 3, discountRate: { value: '5', unit: '%' } }));
    expect(c.annualLoss.toString()).toBe('100000');
    expect(c.compensation.toFixed(2)).toBe('272324.80');
    expect(c.restorationTotal.toString()).toBe('0');
    expect(c.trace.parameters.find((p) => p.symbol === 's')!.status).toBe('library-default');
  });

  it('restoration-cost: adds the cost items, quantity × unit cost converted, and warns when restoring costs less than the value lost', () => {
    // 800 hm² × 45 000 元/hm² = 36 000 000; + 120 万元 = 1 200 000 → R = 37 200 000 元
    // PV of 100 000 元/a over 3 years at 5 % = 272 324.80 < R: no warning; over 500 years at 0 % = 50 000 000 > R: warning
    const costs = [
      { item: 'replanting', quantity: { value: '800', unit: 'hm²' }, unitCost: { value: '45000', unit: '元/hm²', priceYear: 2022 } },
      { item: 'care', value: { value: '120', unit: '万元' } },
    ];
    const c = computeCompensation(
      file({ rule: 'restoration-cost', restorationCost: costs, losses, years: 3, discountRate: { value: '5', unit: '%' } }),
    );
    expect([c.restorationTotal.toString(), c.compensation.toString()]).toEqual(['37200000', '37200000']);
    expect(c.restorationCost[0]!.calculation).toBe('800 hm² × 45000 元/hm²');
    expect(c.warnings).toEqual([]);
    const low = computeCompensation(
      file({ rule: 'restoration-cost', restorationCost: costs, losses, years: 500, discountRate: { value: '0', unit: '%' } }),
    );
    expect(low.warnings.map((w) => w.code)).toEqual(['compensation-below-lost-value']);
  });

  it('restoration-plus-interim: R plus the value lost until restored, with a recovery profile as loss shares', () => {
    // L = 100 000; shares 100 %, 50 %; r = 0: PV = 100 000 + 50 000 = 150 000; R = 10 000 → C = 160 000
    const c = computeCompensation(
      file({
        rule: 'restoration-plus-interim',
        losses,
        years: 2,
        discountRate: { value: '0', unit: '%' },
        lossShares: [
          { value: '100', unit: '%' },
          { value: '50', unit: '%' },
        ],
        restorationCost: [{ item: 'soil', value: { value: '10000', unit: '元' } }],
      }),
    );
    expect([c.lostValue!.value.toString(), c.compensation.toString()]).toEqual(['150000', '160000']);
    expect(c.trace.methods.map((m) => m.standing)).toEqual(['read', 'recalled', 'not-a-standard']);
  });

  it('takes the losses from a project impact: each falling indicator, or the net fall when gains offset', () => {
    // baseline: maize 100 t × 2 000 = 200 000, walnuts 10 × 20 000 = 200 000; with the road: maize 90 t (−20 000), walnuts 11 t (+20 000)
    const a = accountOf({
      year: 2022,
      agriculture: [{ item: 'maize', t: '100', price: '2000', type: 'cropland' }],
      forestry: [{ item: 'walnuts', t: '10', price: '20000', type: 'forest' }],
    });
    const b = accountOf({
      year: 2022,
      agriculture: [{ item: 'maize', t: '90', price: '2000', type: 'cropland' }],
      forestry: [{ item: 'walnuts', t: '11', price: '20000', type: 'forest' }],
    });
    const impact = computeProjectImpact(
      parseInput(projectSchema, {
        project: { name: 'road', type: 'infrastructure' },
        design: 'with-without',
        baseline: { account: 'a' },
        withProject: { account: 'b' },
      }),
      a,
      b,
    );
    expect(lossesFromImpact(impact).map((l) => [l.indicator, l.annualValue.toString()])).toEqual([['material.agriculture', '20000']]);
    expect(lossesFromImpact(impact, true)).toEqual([]);
    const c = computeCompensation(
      file({ rule: 'value-lost', projectImpact: 'p.json', years: 1, discountRate: { value: '0', unit: '%' } }),
      impact,
    );
    expect(c.compensation.toString()).toBe('20000');
    const offset = computeCompensation(
      file({ rule: 'value-lost', projectImpact: 'p.json', offsetGains: true, years: 1, discountRate: { value: '0', unit: '%' } }),
      impact,
    );
    expect([offset.compensation.toString(), offset.warnings.map((w) => w.code)]).toEqual(['0', ['compensation-no-loss']]);
  });

  it('lists every missing parameter of the rule at once, and a price year that differs', () => {
    try {
      computeCompensation(
        file({ rule: 'restoration-plus-interim', losses: [{ item: 'x', annualValue: { value: '1', unit: '元/a', priceYear: 2020 } }] }),
      );
      expect.unreachable();
    } catch (e) {
      expect((e as GepInputError).issues.map((i) => [i.code, i.path.join('.')])).toEqual([
        ['input.price-year', 'losses.0.annualValue.priceYear'],
        ['input.required', 'restorationCost'],
        ['input.required', 'years'],
        ['input.required', 'discountRate'],
      ]);
    }
    expect(() =>
      computeCompensation(file({ rule: 'value-lost', losses, projectImpact: 'p.json', years: 1, discountRate: { value: '1', unit: '%' } })),
    ).toThrow(/either losses or projectImpact/);
    expect(() =>
      computeCompensation(
        file({ rule: 'value-lost', losses, years: 2, discountRate: { value: '1', unit: '%' }, lossShares: [{ value: '1', unit: '1' }] }),
      ),
    ).toThrow(/one share per year/);
  });

  it('refuses a loss or a cost item listed twice instead of adding it twice, located', () => {
    // the same loss twice would make L = 20 万元/a instead of 10; the same cost twice R = 240 万元 instead of 120
    const care = { item: 'care', value: { value: '120', unit: '万元' } };
    try {
      computeCompensation(
        file({
          rule: 'restoration-plus-interim',
          losses: [...losses, ...losses],
          restorationCost: [care, care],
          years: 3,
          discountRate: { value: '5', unit: '%' },
        }),
      );
      expect.unreachable();
    } catch (e) {
      expect((e as GepInputError).issues.map((i) => [i.code, i.path.join('.'), i.found])).toEqual([
        ['input.duplicate', 'losses.1.item', 'water conservation'],
        ['input.duplicate', 'restorationCost.1.item', 'care'],
      ]);
    }
  });

  it('refuses in the schema a negative loss, a loss in a unit that is not money and a share above 100 %', () => {
    expect(() => file({ rule: 'value-lost', losses: [{ item: 'x', annualValue: { value: '-1', unit: '元/a' } }] })).toThrow(/a value ≥ 0/);
    expect(() => file({ rule: 'value-lost', losses: [{ item: 'x', annualValue: { value: '1', unit: 't/a' } }] })).toThrow(/unit of/);
    expect(() => file({ rule: 'value-lost', losses, lossShares: [{ value: '120', unit: '%' }] })).toThrow(/≤ 1/);
  });
});
