import { describe, expect, it } from 'vitest';
import { rweqKernel, rweqSoilLoss, RWEQ_CONSTANTS } from '../../src/kernels/rweq.js';
import { decimalArithmetic as D, type GepDecimal } from '../../src/numbers/arithmetic.js';
import { relativeDifference } from '../helpers/indicator.js';

const f64 = (...v: number[]) => Float64Array.from(v);
const ones = (n: number) => ({ values: new Float64Array(n).fill(1) });

/** SL = (2z/s²)·Q_max·exp(−(z/s)²), Q_max = 109.8·x, s = 150.71·x^−0.3711 (gep-methods §4.4), in decimals. */
function soilLossDecimal(x: GepDecimal): GepDecimal {
  if (x.isZero()) return D.zero;
  const z = D.fromString('50');
  const s = D.multiply(D.fromString('150.71'), D.pow(x, D.fromString('-0.3711')));
  const zs = D.divide(z, s);
  return D.multiply(D.multiply(D.divide(D.multiply(D.fromString('2'), z), D.multiply(s, s)), D.multiply(D.fromString('109.8'), x)), D.exp(D.negate(D.multiply(zs, zs))));
}

describe('RWEQ kernel (防风固沙, Q = (SL_p − SL_a)·a)', () => {
  it('computes a cell by hand from the factor product', () => {
    // x_p = WF·EF·SCF·K′ = 40 × 0.5 × 0.8 × 0.5 = 8; COG 0.25 → x_a = 2
    // s(8) = 150.71 × 8^−0.3711 = 69.945…; SL(8) = 100/s² × 878.4 × exp(−(50/s)²) = 10.825… kg/m²
    const slp = rweqSoilLoss(8);
    const s8 = 150.71 * 8 ** -0.3711;
    expect(slp).toBeCloseTo((100 / s8 ** 2) * 878.4 * Math.exp(-((50 / s8) ** 2)), 12);
    const out = new Float64Array(1);
    const stats = rweqKernel({ weather: { values: f64(40) }, erodibleFraction: { values: f64(0.5) }, crust: { values: f64(0.8) }, roughness: { values: f64(0.5) }, vegetation: { values: f64(0.25) }, cellArea: 1000, out });
    // (SL(8) − SL(2)) × 1000 m² ÷ 1000 kg/t
    expect(out[0]).toBeCloseTo(slp - rweqSoilLoss(2), 12);
    expect(stats).toMatchObject({ valid: 1, nodata: 0, invalid: 0 });
  });

  it('gives 0 for a cell with no erodible soil, and nodata or invalid for missing or out-of-range factors', () => {
    const out = new Float64Array(4);
    const s = rweqKernel({
      weather: { values: f64(0, 40, 40, 40) }, erodibleFraction: { values: f64(0.5, -1, 0.5, 0.5), nodata: -1 }, crust: ones(4), roughness: ones(4),
      vegetation: { values: f64(0.5, 0.5, 1.5, Number.NaN) }, cellArea: 1000, out,
    });
    expect([...out]).toEqual([0, -9999, -9999, -9999]);
    expect(s).toMatchObject({ valid: 1, nodata: 2, invalid: 1, sum: 0 });
  });

  // No decimal sand-fixation module exists yet; parity is checked against gep-methods §4.4 on the decimal arithmetic.
  it('agrees with the documented formula on the decimal path (gep-methods §4.4, rtol 1e-12)', () => {
    const cells = [[52.3, 0.41, 0.77, 0.63, 0.42], [130.8, 0.28, 0.91, 0.8, 0.05], [7.5, 0.6, 0.5, 0.9, 0.9]];
    const col = (k: number) => ({ values: f64(...cells.map((c) => c[k]!)) });
    const s = rweqKernel({ weather: col(0), erodibleFraction: col(1), crust: col(2), roughness: col(3), vegetation: col(4), cellArea: 900 });
    const expected = D.sum(cells.map(([wf, ef, scf, kr, cog]) => {
      const xp = [wf, ef, scf, kr].map((v) => D.fromString(String(v))).reduce((a, b) => D.multiply(a, b));
      const xa = D.multiply(xp, D.fromString(String(cog)));
      return D.divide(D.multiply(D.subtract(soilLossDecimal(xp), soilLossDecimal(xa)), D.fromString('900')), D.fromString('1000'));
    }));
    expect(relativeDifference(s.sum, expected.toNumber())).toBeLessThan(1e-12);
    expect(RWEQ_CONSTANTS).toEqual({ a: 109.8, b: 150.71, c: -0.3711, z: 50 });
  });
});

describe('RWEQ constants', () => {
  it('are read from the coefficient table, the same rows as the decimal sand-fixation module', async () => {
    const { RWEQ_CONSTANTS, rweqConstants } = await import('../../src/kernels/rweq.js');
    // national-2022/1.0.0: rweq.qmax-coefficient 109.8, rweq.critical-length-coefficient 150.71,
    // rweq.critical-length-exponent −0.3711, rweq.downwind-distance 50 m (Fryrear 1998, to-verify)
    expect(RWEQ_CONSTANTS).toEqual({ a: 109.8, b: 150.71, c: -0.3711, z: 50 });
    expect(rweqConstants()).toEqual(RWEQ_CONSTANTS);
  });
});
