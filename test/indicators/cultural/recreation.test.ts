import { describe, expect, it } from 'vitest';
import * as recreation from '../../../src/indicators/cultural/recreation.js';
import { issuesOf, relativeDifference, runBoth, runIndicator } from '../../helpers/indicator.js';
import { decimalArithmetic } from '../../../src/numbers/arithmetic.js';

const perVisit = (value: string) => ({ value, unit: '元/人次', priceYear: 2022 });
const wage = (value: string, unit = '元/h') => ({ value, unit, priceYear: 2022 });
const forestPark = {
  item: 'forest park',
  ecosystemType: 'forest',
  visits: { value: '800000', unit: '人次/a' },
  travelExpenditure: perVisit('210'),
  travelTime: { value: '5', unit: 'h' },
  wageRate: wage('32'),
  consumerSurplus: perVisit('85'),
};

describe('cultural.recreation', () => {
  it('values visits by the travel-cost method V = N·(TE + TV + CS) with TV = t·w·θ, θ = 0.30 (baiyangdian-2017)', () => {
    // TV = 5 h × 32 元/h × 0.30 = 48 元/人次; u = 210 + 48 + 85 = 343 元/人次
    // V = 800 000 人次 × 343 元/人次 = 274 400 000 元
    const { decimal, float } = runBoth(recreation, { sites: [forestPark] });
    expect(decimal.A.toString(decimal.quantity.total!.value)).toBe('800000');
    expect(decimal.quantity.total!.unit).toBe('人次/a');
    expect(decimal.value.steps.find((s) => s.name === 'time cost per visit of forest park')!.result).toEqual({
      value: '48',
      unit: '元/人次',
    });
    expect(decimal.value.lines[0]!.unitPrice!.value.toString()).toBe('343');
    expect(decimal.A.toString(decimal.value.total.value)).toBe('274400000');
    expect(relativeDifference(float.value.total.value, 274400000)).toBeLessThan(1e-12);
    expect(decimal.coefficients.map((c) => [c.id, c.value, c.status])).toEqual([['travel-time-value-share', '0.30', 'verified']]);
  });

  it('reproduces the Baiyangdian 2011 per-visit value TE 52.47 + TV 343.33 + CS 578.03 = 973.83 元 (time cost given directly)', () => {
    // baiyangdian-2017 (gep-methods §4.16 [V S7]); 1 000 visits × 973.83 = 973 830 元
    const site = {
      item: '白洋淀',
      visits: { value: '1000', unit: '人次/a' },
      travelExpenditure: perVisit('52.47'),
      timeCost: perVisit('343.33'),
      consumerSurplus: perVisit('578.03'),
    };
    const { decimal, float } = runBoth(recreation, { sites: [site] });
    expect(decimal.value.lines[0]!.unitPrice!.value.toString()).toBe('973.83');
    expect(decimal.value.total.value.toString()).toBe('973830');
    expect(relativeDifference(float.value.total.value, 973830)).toBeLessThan(1e-12);
    expect(decimal.coefficients).toEqual([]); // θ not read when TV is given
  });

  it('adds free urban green space as its own line, valued at the time cost, and leaves it out in variant exclude', () => {
    // 3 200 000 visits × (1 h × 32 元/h × 0.30 = 9.6 元) = 30 720 000 元; total 274 400 000 + 30 720 000 = 305 120 000 元
    const green = {
      item: 'parks',
      visits: { value: '320', unit: '万人次/a' },
      travelTime: { value: '60', unit: 'min' },
      wageRate: wage('32'),
    };
    const both = runIndicator(recreation, { sites: [forestPark], urbanGreenSpace: [green] }, decimalArithmetic);
    expect(both.value.lines.map((l) => [l.item, l.value.value.toString()])).toEqual([
      ['forest park', '274400000'],
      ['城市免费绿地 free urban green space: parks', '30720000'],
    ]);
    expect(both.value.total.value.toString()).toBe('305120000');
    expect(both.quantity.total!.value.toString()).toBe('4000000'); // 800 000 + 3 200 000 visits
    const excluded = runIndicator(recreation, { sites: [forestPark], urbanGreenSpace: [green] }, decimalArithmetic, {
      variant: { urbanGreenSpace: 'exclude' },
    });
    expect(excluded.value.total.value.toString()).toBe('274400000');
    expect(excluded.quantity.warnings.map((w) => w.code)).toEqual(['urban-green-space-excluded']);
  });

  it('fits the zonal travel-cost demand VR = a + b·C by OLS and adds the consumer surplus under it', () => {
    // zones: C = 50, 100, 150 元/人次; Pop = 100 000 each; N = 50 000, 30 000, 10 000 → VR = 0.5, 0.3, 0.1
    // C̄ = 100, V̄R = 0.3; Σ(C − C̄)(VR − V̄R) = (−50)(0.2) + 0 + (50)(−0.2) = −20; Σ(C − C̄)² = 5 000
    // b = −20 / 5 000 = −0.004; a = 0.3 + 0.004 × 100 = 0.7 (choke price 175 元)
    // CS_i = Pop·V̂R_i² / (−2b) = 100 000 × (0.25, 0.09, 0.01) / 0.008 = 3 125 000, 1 125 000, 125 000
    //   (check zone 1: ∫_50^175 (0.7 − 0.004c) dc = 87.5 − 0.002 × (175² − 50²) = 31.25 per resident)
    // travel cost: 50 000×50 + 30 000×100 + 10 000×150 = 7 000 000; V = 7 000 000 + 4 375 000 = 11 375 000 元
    const zone = (item: string, c: string, n: string) => ({
      item,
      population: { value: '10', unit: '万人' },
      visits: { value: n, unit: '人次/a' },
      travelExpenditure: perVisit(c),
    });
    const zones = [zone('near', '50', '50000'), zone('middle', '100', '30000'), zone('far', '150', '10000')];
    const { decimal, float } = runBoth(recreation, { zones }, { variant: { method: 'zonal-travel-cost' } });
    const step = (name: string) => decimal.value.steps.find((s) => s.name === name)!.result.value;
    expect(step('demand slope')).toBe('-0.004');
    expect(step('demand intercept')).toBe('0.7');
    expect(decimal.value.lines.filter((l) => l.item.startsWith('consumer surplus')).map((l) => l.value.value.toString())).toEqual([
      '3125000',
      '1125000',
      '125000',
    ]);
    expect(decimal.value.total.value.toString()).toBe('11375000');
    expect(relativeDifference(float.value.total.value, 11375000)).toBeLessThan(1e-9);
    // the same with the demand given, and a zone beyond the choke price contributes no surplus
    const given = runIndicator(
      recreation,
      { zones: [...zones, zone('beyond', '200', '0')], demand: { intercept: '0.7', slope: '-0.004' } },
      decimalArithmetic,
      { variant: { method: 'zonal-travel-cost' } },
    );
    expect(given.value.total.value.toString()).toBe('11375000');
  });

  it('refuses a zonal demand that does not fall with travel cost', () => {
    const zone = (c: string, n: string) => ({
      item: `z${c}`,
      population: { value: '1000', unit: '人' },
      visits: { value: n, unit: '人次/a' },
      travelExpenditure: perVisit(c),
    });
    expect(
      issuesOf(() =>
        runIndicator(recreation, { zones: [zone('10', '100'), zone('20', '300')] }, decimalArithmetic, {
          variant: { method: 'zonal-travel-cost' },
        }),
      ),
    ).toEqual([
      {
        code: 'input.out-of-range',
        path: 'indicators.cultural.recreation.zones',
        expected: 'a demand that falls with travel cost (slope b < 0)',
        found: 'b = 0.02',
      },
    ]);
  });

  it('takes spending per visit or the reported revenue in the revenue variant', () => {
    // 20 000 × 150 元 = 3 000 000 元; revenue 5 000 万元 = 50 000 000 元; total 53 000 000 元
    const sites = [
      { item: 'A', visits: { value: '20000', unit: '人次/a' }, spendingPerVisit: perVisit('150') },
      { item: 'B', visits: { value: '300000', unit: '人次/a' }, revenue: { value: '5000', unit: '万元', priceYear: 2022 } },
    ];
    const { decimal } = runBoth(recreation, { sites }, { variant: { method: 'revenue' } });
    expect(decimal.value.lines.map((l) => [l.item, l.unitPrice?.value.toString() ?? null, l.value.value.toString()])).toEqual([
      ['A', '150', '3000000'],
      ['B', null, '50000000'],
    ]);
    expect(decimal.value.total.value.toString()).toBe('53000000');
  });

  it('lists every missing per-visit component, a wage per day, and inputs the method does not use', () => {
    const bare = { item: 'x', visits: { value: '10', unit: '人次/a' }, travelTime: { value: '2', unit: 'h' } };
    expect(issuesOf(() => runIndicator(recreation, { sites: [bare] }, decimalArithmetic)).map((i) => [i.code, i.path])).toEqual([
      ['input.required', 'indicators.cultural.recreation.sites.0.travelExpenditure'],
      ['input.required', 'indicators.cultural.recreation.sites.0.consumerSurplus'],
      ['input.required', 'indicators.cultural.recreation.sites.0.wageRate'],
    ]);
    expect(
      issuesOf(() => runIndicator(recreation, { sites: [{ ...forestPark, wageRate: wage('256', '元/d') }] }, decimalArithmetic)).map(
        (i) => [i.code, i.path],
      ),
    ).toEqual([['input.unit-dimension', 'indicators.cultural.recreation.sites.0.wageRate.unit']]);
    expect(
      issuesOf(() =>
        runIndicator(recreation, { sites: [forestPark] }, decimalArithmetic, { variant: { method: 'zonal-travel-cost' } }),
      ).map((i) => [i.code, i.path]),
    ).toEqual([
      ['input.type', 'indicators.cultural.recreation.sites'],
      ['input.required', 'indicators.cultural.recreation.zones'],
    ]);
    expect(
      issuesOf(() =>
        runIndicator(
          recreation,
          { sites: [{ ...forestPark, travelExpenditure: { ...perVisit('210'), priceYear: 2020 } }] },
          decimalArithmetic,
        ),
      )[0]!.code,
    ).toBe('input.price-year');
  });
});
