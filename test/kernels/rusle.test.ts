import { describe, expect, it } from 'vitest';
import { rusleKernel } from '../../src/kernels/rusle.js';
import * as soilRetention from '../../src/indicators/regulating/soil-retention.js';
import { decimalArithmetic } from '../../src/numbers/arithmetic.js';
import { relativeDifference, runIndicator } from '../helpers/indicator.js';

const f64 = (...v: number[]) => Float64Array.from(v);

describe('RUSLE kernel (土壤保持, Q = R·K·LS·(1 − C·P)·a)', () => {
  it('computes each cell and the sum by hand', () => {
    // 900 m² = 0.09 hm²
    //   1: 2000 × 0.03 × 5 × (1 − 0.2 × 1) × 0.09 = 21.6 t/a
    //   2: 1500 × 0.02 × 2 × (1 − 0.5 × 0.4) × 0.09 = 4.32 t/a
    const out = new Float64Array(2);
    const s = rusleKernel({
      erosivity: { values: f64(2000, 1500) },
      erodibility: { values: f64(0.03, 0.02) },
      slopeLength: { values: f64(5, 2) },
      cover: { values: f64(0.2, 0.5) },
      practice: { values: f64(1, 0.4) },
      cellArea: 900,
      out,
    });
    expect(out[0]).toBeCloseTo(21.6, 10);
    expect(out[1]).toBeCloseTo(4.32, 10);
    expect(s.sum).toBeCloseTo(25.92, 10);
    expect(s).toMatchObject({ cells: 2, valid: 2, nodata: 0, invalid: 0 });
  });

  it('skips nodata cells and cover or practice factors outside 0–1, never returning NaN', () => {
    const out = new Float64Array(4);
    const s = rusleKernel({
      erosivity: { values: f64(2000, 0, 2000, 2000), nodata: 0 },
      erodibility: { values: f64(0.03, 0.03, Number.NaN, 0.03) },
      slopeLength: { values: f64(5, 5, 5, 5) },
      cover: { values: f64(0.2, 0.2, 0.2, 1.2) },
      practice: { values: f64(1, 1, 1, 1) },
      cellArea: 900,
      out,
    });
    expect([...out].slice(1)).toEqual([-9999, -9999, -9999]);
    expect(s).toMatchObject({ valid: 1, nodata: 2, invalid: 1 });
    expect(s.sum).toBeCloseTo(21.6, 10);
  });

  it('counts a cell whose result leaves the float range as invalid, never letting NaN into the sum', () => {
    // R 1e200 × K 1e200 overflows: A_p = Infinity, and with C·P = 1 the retention would be ∞ − ∞ = NaN
    const out = new Float64Array(3);
    const s = rusleKernel({
      erosivity: { values: f64(1e200, 1e200, 2000) },
      erodibility: { values: f64(1e200, 1e200, 0.03) },
      slopeLength: { values: f64(1, 1, 5) },
      cover: { values: f64(1, 0.5, 0.2) },
      practice: { values: f64(1, 1, 1) },
      cellArea: 900,
      out,
    });
    expect([...out].slice(0, 2)).toEqual([-9999, -9999]);
    expect(s.sum).toBeCloseTo(21.6, 10);
    expect(s).toMatchObject({ valid: 1, nodata: 0, invalid: 2 });
  });

  it('agrees with the decimal soil-retention module cell by cell (rtol 1e-12)', () => {
    // Each cell is one ecosystem line of the module: area 625 m² (0.0625 hm²), R, K (SI), LS, C and P.
    // Both run the formula of src/indicators/regulating/physics.ts, on decimals and on float64.
    const cells = [
      [2412.5, 0.0312, 4.71, 0.183, 0.9],
      [3180, 0.0275, 12.4, 0.05, 1],
      [1999.9, 0.041, 0.82, 0.66, 0.35],
    ];
    const s = rusleKernel({
      erosivity: { values: f64(...cells.map((c) => c[0]!)) },
      erodibility: { values: f64(...cells.map((c) => c[1]!)) },
      slopeLength: { values: f64(...cells.map((c) => c[2]!)) },
      cover: { values: f64(...cells.map((c) => c[3]!)) },
      practice: { values: f64(...cells.map((c) => c[4]!)) },
      cellArea: 625,
    });
    const input = {
      ecosystems: cells.map(([r, k, ls, c, p]) => ({
        ecosystemType: 'cropland',
        area: { value: '625', unit: 'm²' },
        rainfallErosivity: { value: String(r), unit: 'MJ·mm/(hm²·h·a)' },
        soilErodibility: { value: String(k), unit: 't·hm²·h/(hm²·MJ·mm)' },
        slopeLengthSteepness: { value: String(ls), unit: '1' },
        coverManagement: { value: String(c), unit: '1' },
        supportPractice: { value: String(p), unit: '1' },
      })),
    };
    const decimal = runIndicator(soilRetention, input, decimalArithmetic, { priceYear: 2010 });
    expect(decimal.quantity.total!.unit).toBe('t/a');
    expect(relativeDifference(s.sum, decimal.quantity.total!.value.toNumber())).toBeLessThan(1e-12);
  });
});
