/**
 * exp, ln and pow in software (fdlibm): the same bits on every engine, within 1 ulp of the engine's
 * own functions (fdlibm's accuracy bound).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exp, ln, pow } from '../../src/numbers/fdlibm.js';
import { decimalArithmetic as D } from '../../src/numbers/arithmetic.js';

/** Distance in units in the last place between two doubles of one sign. */
function ulps(a: number, b: number): number {
  const v = new DataView(new ArrayBuffer(16));
  v.setFloat64(0, a);
  v.setFloat64(8, b);
  return Math.abs(Number(v.getBigInt64(0) - v.getBigInt64(8)));
}

const runs = { numRuns: 20_000 };

describe('fdlibm exp, ln and pow', () => {
  it('agree with the engine within 1 ulp', () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => ulps(exp(x), Math.exp(x)) <= 1),
      runs,
    );
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (x) => ulps(ln(x), Math.log(x)) <= 1),
      runs,
    );
    fc.assert(
      fc.property(
        fc.double({ min: 1e-30, max: 1e30, noNaN: true }),
        fc.double({ min: -8, max: 8, noNaN: true }),
        (b, e) => ulps(pow(b, e), b ** e) <= 1,
      ),
      runs,
    );
  });

  it("give fdlibm's own bits (pinned: these must not depend on the engine)", () => {
    // e = 2.71828182845904523536…: fdlibm returns the double above it (…0455), within its 1-ulp bound.
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: fdlibm's bits, pinned on purpose (not Math.E)
    expect(exp(1)).toBe(2.7182818284590455);
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: fdlibm's bits, pinned on purpose (not Math.LN10)
    expect(ln(10)).toBe(2.302585092994046);
    expect(pow(2, 0.678)).toBe(1.5999202566655053);
    expect(pow(10, -3)).toBe(0.001);
    expect(exp(-746)).toBe(0);
    expect(exp(710)).toBe(Infinity);
    expect(ln(0)).toBe(-Infinity);
  });

  it('carry the decimal path: e^1 and 2^0.678 as decimals', () => {
    expect(D.toString(D.exp(D.one))).toBe('2.7182818284590455');
    expect(D.toString(D.pow(D.fromString('2'), D.fromString('0.678')))).toBe('1.5999202566655053');
    expect(D.toString(D.pow(D.zero, D.fromString('0.934')))).toBe('0'); // 0^a = 0 for a > 0 (clay content 0 in RWEQ)
    expect(() => D.pow(D.fromString('-2'), D.fromString('0.5'))).toThrow(/non-integer power/);
    expect(() => D.pow(D.zero, D.fromString('-0.5'))).toThrow(/non-integer power/);
  });
});
