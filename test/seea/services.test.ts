import { describe, expect, it } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { gepResultToJson } from '../../src/accounts/serialize.js';
import { GepInputError } from '../../src/errors/errors.js';
import { serviceTables } from '../../src/seea/services.js';
import { smallInput } from './fixtures.js';
import type { GepInput } from '../../src/accounts/input.js';

const account = gepResultToJson(computeGep(smallInput()));

describe('serviceTables', () => {
  it('supplies by level-1 ecosystem type, lines without a type in "not stated", kg shown as t', () => {
    const t = serviceTables(account);
    expect(t.columns).toEqual(['wetland', 'not-stated']);
    const fish = t.supplyPhysical.find((r) => r.indicator === 'material.fishery')!;
    // 1 800 t fish on marsh-and-reservoir (wetland); 200 000 kg shrimp = 200 t, no type.
    expect([fish.unit, fish.byType, fish.total]).toEqual(['t', { wetland: '1800', 'not-stated': '200' }, '2000']);
    expect(t.supplyMonetary.map((r) => [r.indicator, r.byType, r.total, r.seea.service, r.seea.match])).toEqual([
      ['material.fishery', { wetland: '25200000', 'not-stated': '10000000' }, '35200000', 'Biomass provisioning services', 'partial'],
      ['material.water-supply', { 'not-stated': '13000000' }, '13000000', 'Water supply', 'close'],
      ['material.eco-energy', { 'not-stated': '300000' }, '300000', null, 'none'],
    ]);
  });

  it('adds up to the GEP: 25.2 + 10 + 13 + 0.3 million = 48 500 000 元', () => {
    const t = serviceTables(account);
    expect(t.monetaryTotals).toEqual({ byType: { wetland: '25200000', 'not-stated': '23300000' }, total: '48500000' });
    expect(t.reconciliation).toEqual({ supplied: '48500000', outsideRegion: '0', gep: '48500000', holds: true });
  });

  it('says so when the lines of an account do not add up to its totals', () => {
    const edited = structuredClone(account);
    (edited.indicators[0]!.value.lines[0] as { value: { value: string } }).value.value = '25200001';
    const t = serviceTables(edited);
    expect(t.reconciliation).toEqual({ supplied: '48500001', outsideRegion: '0', gep: '48500000', holds: false });
    expect(t.warnings.map((w) => w.code)).toEqual(['seea-lines-differ-from-total', 'seea-allocation-approximate', 'seea-reconciliation']);
  });

  it('attributes water by the use the input names, and leaves the rest unallocated', () => {
    const t = serviceTables(account);
    const water = t.useMonetary.find((r) => r.indicator === 'material.water-supply')!;
    // industrial 10 000 000 元 → industries; domestic 3 000 000 元 → households (approximate)
    expect(water.byUser).toEqual({ industries: '10000000', households: '3000000', government: '0', unallocated: '0' });
    expect(water.allocation.map((a) => [a.item, a.user, a.basis])).toEqual([
      ['生活用水 domestic', 'households', 'approximate'],
      ['工业用水 industrial', 'industries', 'from-input'],
    ]);
    const physical = t.usePhysical.find((r) => r.indicator === 'material.water-supply')!;
    expect(physical.byUser).toEqual({ industries: '2000000', households: '1000000', government: '0', unallocated: '0' });
    expect(t.useMonetary.find((r) => r.indicator === 'material.fishery')!.byUser).toEqual({
      industries: '0',
      households: '0',
      government: '0',
      unallocated: '35200000',
    });
    expect(t.warnings.map((w) => w.code)).toEqual(['seea-allocation-approximate']);
  });

  it('applies shares the caller gives, the remainder unallocated', () => {
    const t = serviceTables(account, { 'material.fishery': { households: '0.25', industries: '0.5' } });
    // 35 200 000 × 0.25 = 8 800 000; × 0.5 = 17 600 000; rest 8 800 000. Physically 2 000 t → 500, 1 000, 500.
    expect(t.useMonetary.find((r) => r.indicator === 'material.fishery')!.byUser).toEqual({
      industries: '17600000',
      households: '8800000',
      government: '0',
      unallocated: '8800000',
    });
    expect(t.usePhysical.find((r) => r.indicator === 'material.fishery')!.byUser).toEqual({
      industries: '1000',
      households: '500',
      government: '0',
      unallocated: '500',
    });
  });

  it('refuses bad shares with every issue located', () => {
    let error: unknown;
    try {
      serviceTables(account, {
        'material.fishery': { households: '0.6', industries: '0.6' },
        'material.water-supply': { government: '1.5', ngo: '0.1' } as never,
        'material.gold': { households: '1' },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GepInputError);
    expect((error as GepInputError).issues.map((i) => i.message)).toEqual([
      'allocation.material.fishery: expected shares that add up to at most 1, found 1.2',
      'allocation.material.water-supply.government: expected a share between 0 and 1, found 1.5',
      'allocation.material.water-supply.ngo: unknown field "ngo"',
      'allocation.material.gold: "material.gold" is not an indicator of the catalogue (see gep indicators)',
    ]);
  });

  it('sets the flood storage of reservoirs apart, without counterpart', () => {
    const input: GepInput = {
      region: { name: 'x', level: 'county' },
      accountingYear: 2022,
      priceYear: 2022,
      profile: 'shanxi',
      indicators: {
        'regulating.flood-regulation': {
          reservoirs: [{ item: '东沟水库', reported: { value: '300', unit: '万m³/a' } }],
          marshes: [{ item: 'marsh', ecosystemType: 'marsh-and-reservoir', reported: { value: '100', unit: '万m³/a' } }],
        },
      },
    };
    const t = serviceTables(gepResultToJson(computeGep(input)));
    expect(t.supplyPhysical.map((r) => [r.part, r.seea.match, r.byType])).toEqual([
      [null, 'partial', { wetland: '1000000' }],
      ["reservoir flood storage (a produced asset's function)", 'none', { 'not-stated': '3000000' }],
    ]);
    expect(t.reconciliation.holds).toBe(true);
  });
});
