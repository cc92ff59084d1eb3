import { describe, expect, it } from 'vitest';
import { rusleKernel } from '../../src/kernels/rusle.js';
import { decimalArithmetic as D } from '../../src/numbers/arithmetic.js';
import { relativeDifference } from '../helpers/indicator.js';

const f64 = (...v: number[]) => Float64Array.from(v);

describe('RUSLE kernel (土壤保持, Q = R·K·LS·(1 − C·P)·a)', () => {
  it('computes each cell and the sum by hand', () => {
    // 900 m² = 0.09 hm²
    //   1: 2000 × 0.03 × 5 × (1 − 0.2 × 1) × 0.09 = 21.6 t/a
    //   2: 1500 × 0.02 × 2 × (1 − 0.5 × 0.4) × 0.09 = 4.32 t/a
    const out = new Float64Array(2);
    const s = rusleKernel({ erosivity: { values: f64(2000, 1500) }, erodibility: { values: f64(0.03, 0.02) }, slopeLength: { values: f64(5, 2) }, cover: { values: f64(0.2, 0.5) }, practice: { values: f64(1, 0.4) }, cellArea: 900, out });
    expect(out[0]).toBeCloseTo(21.6, 10);
    expect(out[1]).toBeCloseTo(4.32, 10);
    expect(s.sum).toBeCloseTo(25.92, 10);
    expect(s).toMatchObject({ cells: 2, valid: 2, nodata: 0, invalid: 0 });
  });

  it('skips nodata cells and cover or practice factors outside 0–1, never returning NaN', () => {
    const out = new Float64Array(4);
    const s = rusleKernel({
      erosivity: { values: f64(2000, 0, 2000, 2000), nodata: 0 }, erodibility: { values: f64(0.03, 0.03, Number.NaN, 0.03) },
      slopeLength: { values: f64(5, 5, 5, 5) }, cover: { values: f64(0.2, 0.2, 0.2, 1.2) }, practice: { values: f64(1, 1, 1, 1) }, cellArea: 900, out,
    });
    expect([...out].slice(1)).toEqual([-9999, -9999, -9999]);
    expect(s).toMatchObject({ valid: 1, nodata: 2, invalid: 1 });
    expect(s.sum).toBeCloseTo(21.6, 10);
  });

  // No decimal soil-retention module exists yet (src/indicators/regulating/soil-retention.ts is being
  // written); parity is checked against the formula of gep-methods §4.3 on the decimal arithmetic.
  it('agrees with the documented formula on the decimal path (gep-methods §4.3, rtol 1e-12)', () => {
    const cells = [[2412.5, 0.0312, 4.71, 0.183, 0.9], [3180, 0.0275, 12.4, 0.05, 1], [1999.9, 0.041, 0.82, 0.66, 0.35]];
    const s = rusleKernel({
      erosivity: { values: f64(...cells.map((c) => c[0]!)) }, erodibility: { values: f64(...cells.map((c) => c[1]!)) }, slopeLength: { values: f64(...cells.map((c) => c[2]!)) },
      cover: { values: f64(...cells.map((c) => c[3]!)) }, practice: { values: f64(...cells.map((c) => c[4]!)) }, cellArea: 625,
    });
    const area = D.divide(D.fromString('625'), D.fromString('10000'));
    const expected = D.sum(cells.map(([r, k, ls, c, p]) => {
      const [R, K, LS, C, P] = [r, k, ls, c, p].map((x) => D.fromString(String(x)));
      return D.multiply(D.multiply(D.multiply(D.multiply(R!, K!), LS!), D.subtract(D.one, D.multiply(C!, P!))), area);
    }));
    expect(relativeDifference(s.sum, expected.toNumber())).toBeLessThan(1e-12);
  });
});
