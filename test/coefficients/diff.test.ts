import { describe, expect, it } from 'vitest';
import { diffTables } from '../../src/coefficients/diff.js';
import { getCoefficientTable } from '../../src/coefficients/tables.js';

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
