/**
 * The physical models shared by the indicator modules and the kernels: each float64 twin returns
 * the same double as its generic formula on `floatArithmetic`, to the last bit, so a kernel computes
 * exactly what the module's formula does in float64 (the parity tests in test/kernels/ then compare
 * the kernels with the decimal modules themselves).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decimalArithmetic as D, floatArithmetic as F, GepArithmeticError } from '../../../src/numbers/arithmetic.js';
import { multiplyInto } from '../../../src/units/units.js';
import {
  nonNegative,
  nonNegativeF,
  RUSLE_UNITS,
  runoffDepth,
  rusleErosion,
  rweqNetSoilLossF,
  rweqSoilLoss,
  rweqSoilLossF,
  rweqSoilLosses,
  soilRetained,
  soilRetainedF,
  waterBalanceDepth,
  waterBalanceDepthF,
} from '../../../src/indicators/regulating/physics.js';

/** Doubles in [min, max], with the ends, 0 and subnormals likely; never NaN or infinite. */
const double = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const RUNS = { numRuns: 2000 };

/**
 * The generic formula on float64, or `undefined` where an intermediate leaves the finite doubles
 * (floatArithmetic throws there; a twin has no checks, and a kernel tests its result instead).
 */
function generic<R>(f: () => R): R | undefined {
  try {
    return f();
  } catch (e) {
    if (e instanceof GepArithmeticError) return undefined;
    throw e;
  }
}

describe('float64 twins follow their generic formula bit for bit', () => {
  it('water balance: (P − P·α) − ET', () => {
    fc.assert(
      fc.property(double(0, 5000), double(0, 1), double(0, 5000), (p, alpha, et) => {
        expect(Object.is(waterBalanceDepthF(p, alpha, et), waterBalanceDepth(F, p, runoffDepth(F, p, alpha), et))).toBe(true);
      }),
      RUNS,
    );
  });

  it('clamp max(Q, 0) without a branch: q·[q ≥ 0] + ([q < 0] − 1)·0, −0 kept as −0', () => {
    // Every finite double, with 0, −0, the subnormals and the largest values likely.
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (q) => {
        expect(Object.is(nonNegativeF(q), nonNegative(F, q))).toBe(true);
      }),
      { numRuns: 10_000 },
    );
    for (const q of [-0, 0, -Number.MIN_VALUE, Number.MIN_VALUE, -Number.MAX_VALUE, Number.MAX_VALUE, Number.POSITIVE_INFINITY]) {
      expect(Object.is(nonNegativeF(q), nonNegative(F, q)), String(q)).toBe(true);
    }
    // Math.max would not do: it gives +0 for −0, where the float arithmetic's max keeps −0.
    expect(Object.is(Math.max(-0, 0), nonNegative(F, -0))).toBe(false);
    // −∞ and NaN give NaN, which a kernel's block test catches (the cell is invalid, not 0).
    expect(nonNegativeF(Number.NEGATIVE_INFINITY)).toBeNaN();
    expect(nonNegativeF(Number.NaN)).toBeNaN();
    // The decimal module's clamp is the same generic function: −3.5 → 0, 2.25 → 2.25.
    expect(D.toString(nonNegative(D, D.fromString('-3.5')))).toBe('0');
    expect(D.toString(nonNegative(D, D.fromString('2.25')))).toBe('2.25');
  });

  it('RUSLE: (A_p − A_r)·a with A_p = R·(K·LS), A_r = A_p·(C·P)', () => {
    fc.assert(
      fc.property(double(0, 2e4), double(0, 1), double(0, 100), double(0, 1), double(0, 1), double(0, 1e6), (r, k, ls, c, p, area) => {
        const e = rusleErosion(F, { r, k, ls, c, p });
        expect(Object.is(soilRetainedF(r, k, ls, c, p, area), soilRetained(F, e.potential, e.actual, area))).toBe(true);
      }),
      RUNS,
    );
  });

  it('RWEQ: SL(x) and SL_p − SL_a, for the table constants and for others', () => {
    const constants = fc.record({ a: double(1, 500), b: double(1, 500), c: double(-1, -0.05), z: double(1, 200) });
    fc.assert(
      fc.property(double(0, 1e4), constants, (x, k) => {
        const expected = generic(() => rweqSoilLoss(F, x, k));
        fc.pre(expected !== undefined); // x near 5e-324: s² overflows (the twin gives the limit, 0)
        expect(Object.is(rweqSoilLossF(x, k.a, k.b, k.c, k.z), expected)).toBe(true);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(double(0, 2000), double(0, 2), double(0, 1), constants, (wf, surface, cog, k) => {
        const l = generic(() => rweqSoilLosses(F, wf, surface, cog, k));
        fc.pre(l !== undefined);
        expect(Object.is(rweqNetSoilLossF(wf, surface, cog, k.a, k.b, k.c, k.z), l.potential - l.actual)).toBe(true);
      }),
      RUNS,
    );
  });

  it('RWEQ: SL(0) = 0 on both paths, and SL(x) = 0 for x ≤ 0', () => {
    const k = { a: 109.8, b: 150.71, c: -0.3711, z: 50 };
    expect(rweqSoilLossF(0, k.a, k.b, k.c, k.z)).toBe(0);
    expect(rweqSoilLossF(-1, k.a, k.b, k.c, k.z)).toBe(0);
    const kd = { a: D.fromString('109.8'), b: D.fromString('150.71'), c: D.fromString('-0.3711'), z: D.fromString('50') };
    expect(rweqSoilLoss(D, D.zero, kd).isZero()).toBe(true);
  });
});

describe('units of the shared formulas', () => {
  it('RUSLE: R × K is an erosion modulus and the modulus × hm² is t/a, each with the factor exactly 1', () => {
    // The twin multiplies plain numbers: that is right only because no unit factor is left out.
    const u = RUSLE_UNITS;
    expect(D.toString(multiplyInto(D, D.one, u.erosivity, D.one, u.erodibility, u.erosion))).toBe('1');
    expect(D.toString(multiplyInto(D, D.one, u.erosion, D.one, u.area, u.retained))).toBe('1');
  });
});
