import { describe, expect, it } from 'vitest';
import { compensationBounds, boundsSchema } from '../../src/applications/bounds.js';
import { parseInput } from '../../src/applications/common.js';
import { readFileSync } from 'node:fs';
import type { GepInputError } from '../../src/errors/errors.js';

const perArea = (v: string) => ({ value: v, unit: '万元/(km²·a)' });
const file = (extra: Record<string, unknown>) =>
  parseInput(boundsSchema, {
    method: 'bounds',
    priceYear: 2015,
    provider: { name: 'P' },
    beneficiary: { name: 'B' },
    area: { value: '1', unit: 'km²' },
    ...extra,
  });
const wan = (x: { toString(): string }) => (Number(x.toString()) / 10000).toFixed(2);

describe('compensationBounds (Wu Na 2018)', () => {
  it('reproduces Table 4 of Wu Na 2018: Longxi 96.99–136.53, Maiji 202.23–727.92, the basin 146.39–481.98 万元 km⁻² a⁻¹', () => {
    // Table 4 (§3.3): net benefit = ΔV − C_opp: 136.53 − 96.99 = 39.54; 727.92 − 202.23 = 525.69; 481.98 − 146.39 = 335.59
    for (const [lower, upper, net] of [
      ['96.99', '136.53', '39.54'],
      ['202.23', '727.92', '525.69'],
      ['146.39', '481.98', '335.59'],
    ]) {
      const b = compensationBounds(file({ opportunityCost: { perArea: perArea(lower!) }, serviceGain: { perArea: perArea(upper!) } }));
      expect([wan(b.lower), wan(b.upper), wan(b.netBenefit), b.feasible]).toEqual([lower, upper, net, true]);
    }
  });

  it('sums the services gained: Longxi 8.70 + 127.88 − 0.04 = 136.54 (Table 4 prints 136.53, its parts rounded)', () => {
    const b = compensationBounds(parseInput(boundsSchema, JSON.parse(readFileSync('fixtures/applications/eco-bounds-weihe.json', 'utf8'))));
    expect(wan(b.upper)).toBe('136.54');
    expect(b.upperParts.map((p) => wan(p.value))).toEqual(['8.70', '127.88', '-0.04']);
    // five years over 1 km², undiscounted as Wu Na totals the new-round period: 96.99 × 5 = 484.95
    expect(wan(b.period!.lower)).toBe('484.95');
    expect(b.period!.presentLower).toBeNull();
  });

  it('computes the opportunity cost from crops and costs: [Σ A·L·K − costs] / A', () => {
    // maize 12 km² × 550 t/km² × 2 700 元/t = 17 820 000; millet 8 × 300 × 4 800 = 11 520 000; costs 980 万元
    // (29 340 000 − 9 800 000) / 20 km² = 977 000 元/km² = 97.7 万元; ΔV = 1.6 + 95 + 3.2 + 48 = 147.8; θ = 0.5 → 122.75
    const b = compensationBounds(
      parseInput(boundsSchema, JSON.parse(readFileSync('fixtures/applications/eco-bounds-sample.json', 'utf8'))),
    );
    expect([b.lower, b.upper, b.standard!].map((x) => x.toString())).toEqual(['977000', '1478000', '1227500']);
    // over the 20 km² area: 1 954, 2 956 and 2 455 万元 a year; five years 9 770 and 14 780 万元
    expect([b.annual.lower, b.annual.upper, b.annual.standard!, b.period!.lower, b.period!.upper].map(wan)).toEqual([
      '1954.00',
      '2956.00',
      '2455.00',
      '9770.00',
      '14780.00',
    ]);
    expect(b.trace.methods[0]).toMatchObject({ source: 'wu-2018-weihe', standing: 'read' });
    expect(b.trace.parameters.find((p) => p.symbol === 'θ')!.name).toMatch(/not a standard/);
  });

  it('says when no standard is feasible', () => {
    const b = compensationBounds(
      file({ opportunityCost: { perArea: perArea('200') }, serviceGain: { services: [{ name: 's', perArea: perArea('150') }] } }),
    );
    expect([b.feasible, b.warnings.map((w) => w.code)]).toEqual([false, ['bounds-infeasible']]);
  });

  it('refuses a crop, a cost or a service listed twice instead of adding it twice, located', () => {
    const crop = {
      name: 'm',
      area: { value: '1', unit: 'km²' },
      yield: { value: '1', unit: 't/km²' },
      price: { value: '1', unit: '元/t' },
    };
    const seed = { item: 'seed', value: { value: '1', unit: '元' } };
    const service = { name: 'water', perArea: perArea('150') };
    try {
      compensationBounds(
        file({ opportunityCost: { crops: [crop, crop], costs: [seed, seed] }, serviceGain: { services: [service, service] } }),
      );
      expect.unreachable();
    } catch (e) {
      expect((e as GepInputError).issues.map((i) => [i.code, i.path.join('.'), i.found])).toEqual([
        ['input.duplicate', 'opportunityCost.crops.1.name', 'm'],
        ['input.duplicate', 'opportunityCost.costs.1.item', 'seed'],
        ['input.duplicate', 'serviceGain.services.1.name', 'water'],
      ]);
    }
  });

  it('refuses a planted area of 0 and a cost at another price year', () => {
    expect(() =>
      compensationBounds(
        file({
          opportunityCost: {
            crops: [
              { name: 'm', area: { value: '0', unit: 'km²' }, yield: { value: '1', unit: 't/km²' }, price: { value: '1', unit: '元/t' } },
            ],
            costs: [],
          },
          serviceGain: { perArea: perArea('1') },
        }),
      ),
    ).toThrow(/planted area > 0/);
    expect(() =>
      compensationBounds(
        file({
          opportunityCost: {
            crops: [
              { name: 'm', area: { value: '1', unit: 'km²' }, yield: { value: '1', unit: 't/km²' }, price: { value: '1', unit: '元/t' } },
            ],
            costs: [{ item: 'seed', value: { value: '1', unit: '元', priceYear: 2014 } }],
          },
          serviceGain: { perArea: perArea('1') },
        }),
      ),
    ).toThrow(/price year 2014/);
  });
});
