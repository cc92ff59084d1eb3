import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getPriceIndex, GepIndexRangeError, rebase } from '../../src/coefficients/indices.js';
import { decimalArithmetic as D, floatArithmetic as F } from '../../src/numbers/arithmetic.js';

const cpi = getPriceIndex('cpi-national');

describe('price-year rebasing', () => {
  it('reproduces the reservoir cost 7.06 元/m³ of ganzi-2017 from 6.1107 (2005) with the national CPI (gep-methods §6)', () => {
    // factor 2005→2010 = 1.015 × 1.048 × 1.059 × 0.993 × 1.033 = 1.15550772972012
    // 6.1107 × 1.15550772972012 = 7.060961084000737… → 7.06 as printed
    const r = rebase(D, D.fromString('6.1107'), 2005, 2010, cpi);
    expect(r.factor.toString()).toBe('1.15550772972012');
    expect(r.value.toFixed(2)).toBe('7.06');
    expect(r.steps.map((s) => `${s.year}:${s.change}:${s.status}`)).toEqual([
      '2006:1.5:verified',
      '2007:4.8:verified',
      '2008:5.9:to-verify',
      '2009:-0.7:to-verify',
      '2010:3.3:to-verify',
    ]);
  });

  it('carries a price back to an earlier year by dividing', () => {
    // 7.06 (2010) → 2005: 7.06 / 1.15550772972012 = 6.1098…
    expect(rebase(D, D.fromString('7.06'), 2010, 2005, cpi).value.toFixed(4)).toBe('6.1099');
    expect(rebase(D, D.fromString('5'), 2020, 2020, cpi).value.toString()).toBe('5');
  });

  it('refuses a year the series does not have', () => {
    expect(() => rebase(D, D.one, 2022, 2025, cpi)).toThrow(GepIndexRangeError);
    expect(() => rebase(D, D.one, 1998, 2010, cpi)).toThrow(/no value for 1999/);
  });

  it('returns the input after a rebase and its inverse, on both paths (property)', () => {
    const years = fc.integer({ min: 2005, max: 2024 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 9 }), years, years, (cents, a, b) => {
        const p = D.fromString(`${cents}e-2`);
        const back = rebase(D, rebase(D, p, a, b, cpi).value, b, a, cpi).value;
        const f = rebase(F, rebase(F, cents / 100, a, b, cpi).value, b, a, cpi).value;
        return back.minus(p).abs().lte(p.times('1e-35')) && Math.abs(f - cents / 100) <= (cents / 100) * 1e-14;
      }),
    );
  });
});
