import { describe, expect, it } from 'vitest';
import { computeProjectImpact, projectSchema, projectOptionsOf } from '../../src/applications/project.js';
import { dec, parseInput } from '../../src/applications/common.js';
import { accountOf } from './accounts.js';

const file = (design: 'with-without' | 'before-after', extra: Record<string, unknown> = {}) =>
  parseInput(projectSchema, {
    project: { name: 'P', type: 'restoration' },
    design,
    baseline: { account: 'a.json' },
    withProject: { account: 'b.json' },
    ...extra,
  });

describe('computeProjectImpact (项目生态产品价值)', () => {
  // without: maize 100 t × 2 000 = 200 000 元; with: maize 80 t × 2 000 = 160 000 + walnuts 10 t × 20 000 = 200 000
  const without = accountOf({ year: 2022, agriculture: [{ item: 'maize', t: '100', price: '2000', type: 'cropland' }], area: '4' });
  const withIt = accountOf({
    year: 2022,
    agriculture: [{ item: 'maize', t: '80', price: '2000', type: 'cropland' }],
    forestry: [{ item: 'walnuts', t: '10', price: '20000', type: 'forest' }],
    area: '4',
  });

  it('is the account with the project minus without, per indicator, with gains and losses apart', () => {
    // agriculture −40 000, forestry +200 000; net +160 000 元; per km²: 160 000 / 4 = 40 000
    const p = computeProjectImpact(file('with-without'), without, withIt);
    expect(p.indicators.map((i) => [i.id, i.impact.toString()])).toEqual([
      ['material.agriculture', '-40000'],
      ['material.forestry', '200000'],
    ]);
    expect([p.net, p.grossGain, p.grossLoss, p.area!, p.netPerKm2!].map((x) => x.toString())).toEqual([
      '160000',
      '200000',
      '-40000',
      '4',
      '40000',
    ]);
    expect(p.categories.material.toString()).toBe('160000');
    expect(p.period).toBeNull();
    // Forestry exists only with the project: its whole value is change, which the comparison says.
    expect(p.warnings.map((w) => w.code)).toEqual(['compare-indicator-one-year']);
  });

  it('values the impact over a period: 160 000 a year for 2 years at 10 % = 160 000 × 210/121', () => {
    // 160 000 × (1/1.1 + 1/1.21) = 160 000 × 210/121 = 277 685.950413…
    const f = file('with-without', { period: { years: 2, discountRate: { value: '10', unit: '%' } } });
    const p = computeProjectImpact(f, without, withIt, projectOptionsOf(f));
    expect(p.period!.value.toFixed(6)).toBe('277685.950413');
    expect(p.trace.parameters.map((x) => x.symbol)).toEqual(expect.arrayContaining(['n', 'r', 's']));
  });

  it('counts only the quantity effect as impact when prices change between before and after', () => {
    // 2021: maize 100 × 2 000 + wheat 50 × 3 000 = 350 000; 2022: maize 120 × 2 100 + wheat 40 × 3 300 = 384 000
    // QE = 20 × 2 000 − 10 × 3 000 = 10 000 (the impact); PE = 120 × 100 + 40 × 300 = 24 000 (not the project's)
    const before = accountOf({
      year: 2021,
      agriculture: [
        { item: 'maize', t: '100', price: '2000', type: 'cropland' },
        { item: 'wheat', t: '50', price: '3000', type: 'cropland' },
      ],
    });
    const after = accountOf({
      year: 2022,
      agriculture: [
        { item: 'maize', t: '120', price: '2100', type: 'cropland' },
        { item: 'wheat', t: '40', price: '3300', type: 'cropland' },
      ],
    });
    const p = computeProjectImpact(file('before-after'), before, after);
    expect([p.net.toString(), p.indicators[0]!.priceEffect.toString(), p.indicators[0]!.currentChange.toString()]).toEqual([
      '10000',
      '24000',
      '34000',
    ]);
    expect(p.baseYear).toBe(2021);
    expect(p.netPerKm2).toBeNull();
  });

  it('records the extent change and warns when the design and the years disagree or the accounts are not of an area', () => {
    const f = file('with-without', {
      baseline: { account: 'a.json', extent: [{ ecosystemType: 'cropland', area: { value: '4', unit: 'km²' } }] },
      withProject: {
        account: 'b.json',
        extent: [
          { ecosystemType: 'cropland', area: { value: '3', unit: 'km²' } },
          { ecosystemType: 'forest', area: { value: '100', unit: 'hm²' } },
        ],
      },
    });
    const county = accountOf({ year: 2021, level: 'county', agriculture: [{ item: 'maize', t: '100', price: '2000', type: 'cropland' }] });
    const p = computeProjectImpact(f, county, withIt);
    expect(p.extentChange!.map((e) => [e.ecosystemType, e.change.toString()])).toEqual([
      ['cropland', '-1'],
      ['forest', '1'],
    ]);
    expect(p.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['project-years-differ', 'project-not-area']));
  });

  it('marks its VEP formula as inferred and the constant-impact assumption as not a standard', () => {
    const p = computeProjectImpact(file('with-without'), without, withIt, { period: { years: 1, discountRate: dec('0') } });
    expect(p.trace.methods.map((m) => m.standing)).toEqual(['read', 'inferred', 'not-a-standard', 'not-a-standard']);
    expect(p.period!.note).toMatch(/not a standard/);
  });
});
