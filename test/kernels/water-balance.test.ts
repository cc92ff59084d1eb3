import { describe, expect, it } from 'vitest';
import { waterBalanceKernel } from '../../src/kernels/water-balance.js';
import * as waterConservation from '../../src/indicators/regulating/water-conservation.js';
import { decimalArithmetic } from '../../src/numbers/arithmetic.js';
import { relativeDifference, runIndicator } from '../helpers/indicator.js';

const f64 = (...v: number[]) => Float64Array.from(v);

describe('water-balance kernel (水源涵养, Q = a·(P − P·α − ET))', () => {
  it('computes each cell and the sum by hand', () => {
    // cell area 900 m² (30 m × 30 m):
    //   1: 0.9 × (600 − 60 − 400) = 126 m³/a
    //   2: 0.9 × (500 − 0 − 450)  = 45 m³/a
    //   3: 0.9 × (800 − 160 − 300) = 306 m³/a
    const out = new Float64Array(3);
    const s = waterBalanceKernel({
      precipitation: { values: f64(600, 500, 800) },
      evapotranspiration: { values: f64(400, 450, 300) },
      runoffCoefficient: { values: f64(0.1, 0, 0.2) },
      cellArea: 900,
      out,
    });
    expect([...out].map((x) => +x.toFixed(9))).toEqual([126, 45, 306]);
    expect(s.sum).toBeCloseTo(477, 9);
    expect(s).toMatchObject({ cells: 3, valid: 3, nodata: 0, invalid: 0, clamped: 0 });
  });

  it('counts a negative cell balance as 0 and keeps the raw sum beside it', () => {
    // 0.9 × (500 − 0 − 600) = −90 → 0; raw sum 126 − 90 = 36
    const s = waterBalanceKernel({
      precipitation: { values: f64(600, 500) },
      evapotranspiration: { values: f64(400, 600) },
      runoffCoefficient: { values: f64(0.1, 0) },
      cellArea: 900,
    });
    expect(s.sum).toBeCloseTo(126, 9);
    expect(s.rawSum).toBeCloseTo(36, 9);
    expect(s.clamped).toBe(1);
  });

  it('writes nodata for a missing input (nodata value, NaN or Infinity) and never lets it into the sum', () => {
    const out = new Float64Array(5);
    const s = waterBalanceKernel({
      precipitation: { values: f64(600, -9999, Number.NaN, 600, 600), nodata: -9999 },
      evapotranspiration: { values: f64(400, 400, 400, Number.POSITIVE_INFINITY, 400) },
      runoffCoefficient: { values: Float32Array.from([0.5, 0.1, 0.1, 0.1, 1.5]) },
      cellArea: 1000,
      out,
      outNodata: -1,
    });
    // cell 1: 1 × (600 − 300 − 400) = −100 → 0 (clamped); cells 2–4 nodata; cell 5 α = 1.5 is out of range
    expect([...out]).toEqual([0, -1, -1, -1, -1]);
    expect(s).toMatchObject({ valid: 1, nodata: 3, invalid: 1, clamped: 1, sum: 0 });
    expect(Number.isNaN(s.sum) || Number.isNaN(s.rawSum)).toBe(false);
  });

  it('looks α up by land-cover class, and treats a class without α as invalid', () => {
    // class 1 → α 0.1, class 2 → α 0.25, class 3 → none
    const s = waterBalanceKernel({
      precipitation: { values: f64(1000, 1000, 1000) },
      evapotranspiration: { values: f64(500, 500, 500) },
      runoffCoefficient: { classes: { values: Uint8Array.from([1, 2, 3]) }, byClass: [Number.NaN, 0.1, 0.25] },
      cellArea: 1000,
    });
    // 1 × (1000 − 100 − 500) + 1 × (1000 − 250 − 500) = 400 + 250 = 650 m³/a
    expect(s.sum).toBeCloseTo(650, 9);
    expect(s.invalid).toBe(1);
  });

  it('refuses bands of different lengths, a bad cell area and a NaN output nodata', () => {
    const band = { values: f64(1, 2) };
    expect(() =>
      waterBalanceKernel({ precipitation: band, evapotranspiration: { values: f64(1) }, runoffCoefficient: band, cellArea: 1 }),
    ).toThrow(/evapotranspiration has 1 cells but precipitation has 2/);
    expect(() => waterBalanceKernel({ precipitation: band, evapotranspiration: band, runoffCoefficient: band, cellArea: 0 })).toThrow(
      /cellArea/,
    );
    expect(() =>
      waterBalanceKernel({ precipitation: band, evapotranspiration: band, runoffCoefficient: band, cellArea: 1, outNodata: Number.NaN }),
    ).toThrow(/outNodata/);
  });

  it('agrees with the decimal water-conservation module cell by cell (rtol 1e-12)', () => {
    // Each cell is one ecosystem line of the module: area 900 m², P, ET and α as given.
    const P = [612.5, 480.25, 733, 555.125, 901];
    const ET = [401.75, 300, 420.5, 380, 612.25];
    const alpha = [0.0267, 0.0833, 0.1, 0.0478, 0.192];
    const s = waterBalanceKernel({
      precipitation: { values: f64(...P) },
      evapotranspiration: { values: f64(...ET) },
      runoffCoefficient: { values: f64(...alpha) },
      cellArea: 900,
    });
    const input = {
      ecosystems: P.map((p, i) => ({
        ecosystemType: 'cropland',
        area: { value: '900', unit: 'm²' },
        precipitation: { value: String(p), unit: 'mm' },
        evapotranspiration: { value: String(ET[i]), unit: 'mm' },
        runoffCoefficient: { value: String(alpha[i]), unit: '1' },
      })),
    };
    const decimal = runIndicator(waterConservation as never, input, decimalArithmetic);
    const expected = decimal.quantity.total!.value.toNumber();
    expect(decimal.quantity.total!.unit).toBe('m³/a');
    expect(relativeDifference(s.sum, expected)).toBeLessThan(1e-12);
  });
});
