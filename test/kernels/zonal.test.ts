import { describe, expect, it } from 'vitest';
import { ZonalSums, zonalTable } from '../../src/kernels/zonal.js';

describe('zonal sums', () => {
  it('adds layers by zone and class over several blocks, skipping nodata zones and values', () => {
    const z = new ZonalSums(['value'], true, true);
    z.add({
      zones: { values: Int32Array.from([1, 1, 2, 0]), nodata: 0 },
      classes: { values: Uint8Array.from([3, 3, 3, 3]) },
      layers: { value: { values: Float64Array.from([1.5, 2.5, 4, 8]) } },
    });
    z.add({
      zones: { values: Int32Array.from([2, 2, 1]), nodata: 0 },
      classes: { values: Uint8Array.from([3, 4, 3]) },
      layers: { value: { values: Float64Array.from([1, Number.NaN, 0.25]) } },
    });
    // zone 1 class 3: 1.5 + 2.5 + 0.25 = 4.25 (3 cells); zone 2 class 3: 4 + 1 = 5 (2 cells)
    expect(z.rows()).toEqual([
      { zone: 1, cls: 3, cells: 3, sums: { value: 4.25 } },
      { zone: 2, cls: 3, cells: 2, sums: { value: 5 } },
    ]);
    expect(z.skipped()).toEqual({ noZone: 1, noValue: 1 });
  });

  it('holds thousands of units (one per county) and keeps sums accurate', () => {
    const n = 3000;
    const z = new ZonalSums(['value'], true, false);
    const zones = Int32Array.from({ length: 3 * n }, (_, i) => 100000 + (i % n));
    z.add({ zones: { values: zones }, layers: { value: { values: new Float64Array(3 * n).fill(0.1) } } });
    const rows = z.rows();
    expect(rows).toHaveLength(n);
    expect(rows[0]).toMatchObject({ zone: 100000, cls: null, cells: 3 });
    expect(rows[n - 1]!.sums.value).toBeCloseTo(0.3, 15);
  });

  it('makes a table with areas and quantities as decimal text, and names an unmapped class', () => {
    const z = new ZonalSums(['value'], false, true);
    z.add({ classes: { values: Uint8Array.from([5, 5, 6]) }, layers: { value: { values: Float64Array.from([2, 3, 4]) } } });
    expect(zonalTable(z, { classMap: { 5: 'cropland', 6: 'orchard' }, cellArea: 250_000, unit: 't/a' })).toEqual([
      { zone: null, ecosystemType: 'cropland', cells: 2, area: { value: '0.5', unit: 'km²' }, quantity: { value: '5', unit: 't/a' } },
      { zone: null, ecosystemType: 'orchard', cells: 1, area: { value: '0.25', unit: 'km²' }, quantity: { value: '4', unit: 't/a' } },
    ]);
    expect(() => zonalTable(z, { classMap: { 5: 'cropland' }, cellArea: 1, unit: 't/a' })).toThrow(
      /land-cover class 6 has no ecosystem type/,
    );
  });
});
