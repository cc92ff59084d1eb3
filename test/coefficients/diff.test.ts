import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { gepResultToJson } from '../../src/accounts/serialize.js';
import { diffProfiles, diffTables } from '../../src/coefficients/diff.js';
import { getCoefficientTable } from '../../src/coefficients/tables.js';
import { getProfile } from '../../src/profiles/profiles.js';

const a = getCoefficientTable('national-2022/1.0.0');

describe('diffTables', () => {
  it('finds nothing between a table and itself', () => {
    expect(diffTables(a, a)).toEqual([]);
  });

  it('names added, removed and changed rows with the changed fields', () => {
    const rows = a.rows
      .filter((r) => r.id !== 'water-tariff.domestic')
      .map((r) => (r.id === 'reservoir-storage-cost' ? { ...r, value: '9.1', priceYear: 2022 } : r));
    const b = { ...a, version: '1.1.0', key: 'national-2022/1.1.0', rows: [...rows, { ...a.rows[0]!, id: 'water-tariff.ecological' }] };
    expect(diffTables(a, b).map((c) => [c.id, c.change, c.fields])).toEqual([
      ['reservoir-storage-cost', 'changed', ['value', 'priceYear']],
      ['water-tariff.domestic', 'removed', undefined],
      ['water-tariff.ecological', 'added', undefined],
    ]);
  });
});

describe('diffProfiles', () => {
  const national = getProfile('national-2022')!;
  const shanxi = getProfile('shanxi')!;

  it('finds what makes national-2022 and shanxi give different GEPs for the same input, though their tables have the same rows', () => {
    // The evaluator's case: one input, two profiles, two GEPs, and a diff that used to say "no differences".
    const input = JSON.parse(readFileSync('fixtures/sample-county/input.json', 'utf8'));
    const gep = (profile: string) => gepResultToJson(computeGep(input, { profile })).totals.gep.value;
    expect(gep('national-2022')).not.toBe(gep('shanxi'));
    expect(diffTables(getCoefficientTable(national.coefficientTable), getCoefficientTable(shanxi.coefficientTable))).toEqual([]);

    const d = diffProfiles(national, shanxi, getCoefficientTable);
    expect(d.count).toBeGreaterThan(0);
    expect(d.settings).toEqual([{ setting: 'coefficientTable', before: 'national-2022/1.1.0', after: 'shanxi/1.1.0' }]);
    // Shanxi's own environmental-tax rates (shanxi.json notes) are chosen by variant.
    for (const id of ['regulating.air-purification', 'regulating.water-purification']) {
      expect(d.indicators.find((i) => i.id === id)?.variant).toEqual([{ option: 'taxRate', before: 'national-minimum', after: 'shanxi' }]);
    }
    // Shanxi is inland: coastal protection is not enabled.
    expect(d.indicators.filter((i) => i.change !== 'changed').map((i) => [i.id, i.change])).toEqual([
      ['regulating.coastal-protection', 'removed'],
    ]);
    expect(d.indicators.find((i) => i.id === 'material.agriculture')?.membership).toEqual({ before: null, after: 'recalled' });
    // shanxi states `adjustments: []`, national leaves it out: the same layer, no difference.
    expect(d.adjustments).toEqual([]);
    expect(d.table).toEqual({ a: 'national-2022/1.1.0', b: 'shanxi/1.1.0', rows: [] });
  });

  it('finds nothing between a profile and itself, nor where one states a default the other leaves out', () => {
    expect(diffProfiles(national, national, getCoefficientTable).count).toBe(0);
    const stated = { ...national, adjustments: [], subtractOutsideRegion: false };
    const d = diffProfiles(national, stated, getCoefficientTable);
    expect([d.count, d.settings, d.adjustments]).toEqual([0, [], []]);
  });

  it('names a changed price index, outside-region rule, adjustment, variant, membership and pinned table row', () => {
    const table = getCoefficientTable(national.coefficientTable);
    const changed = {
      ...table,
      version: '9.9.9',
      key: 'national-2022/9.9.9',
      rows: table.rows.map((r) => (r.id === 'reservoir-storage-cost' ? { ...r, value: '8' } : r)),
    };
    const tables = (key: string) => (key === changed.key ? changed : getCoefficientTable(key));
    const b = {
      ...national,
      coefficientTable: changed.key,
      priceIndex: undefined,
      subtractOutsideRegion: true,
      adjustments: [{ indicator: 'regulating.water-conservation', factor: '1.2', source: 'test', status: 'to-verify' as const, note: '' }],
      indicators: national.indicators.map((i) =>
        i.id === 'regulating.sand-fixation'
          ? { ...i, variant: { ...i.variant, price: 'afforestation' }, membership: 'verified' as const }
          : i,
      ),
    };
    const d = diffProfiles(national, b, tables);
    expect(d.settings).toEqual([
      { setting: 'coefficientTable', before: 'national-2022/1.1.0', after: 'national-2022/9.9.9' },
      { setting: 'priceIndex', before: 'cpi-national', after: null },
      { setting: 'subtractOutsideRegion', before: false, after: true },
    ]);
    expect(d.adjustments.map((x) => [x.indicator, x.change, x.after?.factor])).toEqual([['regulating.water-conservation', 'added', '1.2']]);
    expect(d.indicators).toMatchObject([
      {
        id: 'regulating.sand-fixation',
        change: 'changed',
        variant: [{ option: 'price', before: 'sand-control-cost', after: 'afforestation' }],
        membership: { before: null, after: 'verified' },
      },
    ]);
    expect(d.table.rows.map((r) => [r.id, r.change, r.fields])).toEqual([['reservoir-storage-cost', 'changed', ['value']]]);
    // 3 settings + 1 adjustment + 1 indicator + 1 row.
    expect(d.count).toBe(6);
  });
});
