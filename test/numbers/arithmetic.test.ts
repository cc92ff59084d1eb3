import { describe, expect, it } from 'vitest';
import {
  agreeWithin,
  arithmeticByName,
  decimalArithmetic as D,
  floatArithmetic as F,
  GepArithmeticError,
  isDecimalText,
  displayNumber,
} from '../../src/numbers/arithmetic.js';

describe('arithmetic seam', () => {
  it('adds decimals exactly where float64 does not: 0.1 + 0.2', () => {
    expect(D.toString(D.add(D.fromString('0.1'), D.fromString('0.2')))).toBe('0.3');
    expect(F.add(0.1, 0.2)).not.toBe(0.3);
  });

  it('parses decimal text and exact fractions, and refuses anything else', () => {
    expect(D.toString(D.fromString('44/12'))).toBe('3.666666666666666666666666666666666666667');
    expect(D.toString(D.fromString('1e-3'))).toBe('0.001');
    expect(F.fromString('44/12')).toBeCloseTo(3.6666666666666665, 15);
    for (const bad of ['', 'NaN', 'Infinity', '1,000', '12 t', '0x10', '1/0']) {
      expect(() => D.fromString(bad)).toThrow(GepArithmeticError);
      expect(() => F.fromString(bad)).toThrow(GepArithmeticError);
    }
    expect(isDecimalText(' 12.5 ')).toBe(true);
    expect(isDecimalText('１２')).toBe(false); // full-width digits are the importers' normaliser's job
  });

  it('throws instead of returning Infinity or NaN', () => {
    expect(() => D.divide(D.one, D.zero)).toThrow(/division/);
    expect(() => F.divide(1, 0)).toThrow(/division/);
    expect(() => D.ln(D.zero)).toThrow(/logarithm/);
    expect(() => F.ln(-1)).toThrow(/logarithm/);
    expect(() => F.multiply(1e308, 10)).toThrow(/non-finite/);
  });

  it('computes the lake regression form e^a·A^b on both paths', () => {
    // e^6.636 × 2^0.678 = 762.2… × 1.5999… ; both paths agree to 1e-14 relative
    const d = D.multiply(D.exp(D.fromString('6.636')), D.pow(D.fromString('2'), D.fromString('0.678')));
    const f = F.multiply(F.exp(6.636), F.pow(2, 0.678));
    expect(Math.abs(d.toNumber() - f) / f).toBeLessThan(1e-14);
  });

  it('takes max, min and abs on both paths', () => {
    expect(D.toString(D.max(D.fromString('-2'), D.fromString('1.5')))).toBe('1.5');
    expect(D.toString(D.min(D.fromString('-2'), D.fromString('1.5')))).toBe('-2');
    expect(D.toString(D.abs(D.fromString('-2.25')))).toBe('2.25');
    expect([F.max(-2, 1.5), F.min(-2, 1.5), F.abs(-2.25)]).toEqual([1.5, -2, 2.25]);
  });

  it('checks identities to the tolerance of each path, relative to the size of the parts', () => {
    // 1 ÷ 3 × 3 is 0.999…9 (40 nines) on the decimal path: within 1e-30 × (1 + 1) of 1.
    const third = D.divide(D.one, D.fromString('3'));
    expect(agreeWithin(D, D.multiply(third, D.fromString('3')), D.one, D.one)).toBe(true);
    expect(agreeWithin(D, D.fromString('1.000000000000000000000000001'), D.one, D.one)).toBe(false); // 1e-27 > 2e-30
    expect(agreeWithin(F, 0.1 + 0.2, 0.3, 0.3)).toBe(true);
    expect(agreeWithin(F, 1 + 1e-8, 1, 1)).toBe(false); // 1e-8 > 2e-9
  });

  it('looks an arithmetic up by the name a result records', () => {
    expect(arithmeticByName('decimal')).toBe(D);
    expect(arithmeticByName('float64')).toBe(F);
  });

  it('prints large and small decimals without exponent notation', () => {
    expect(D.toString(D.fromString('1.2e20'))).toBe('120000000000000000000');
    expect(D.toString(D.fromString('3e-12'))).toBe('0.000000000003');
  });

  it('sums a list, zero for an empty list', () => {
    expect(D.toString(D.sum(['1.5', '2.25', '-0.75'].map((s) => D.fromString(s))))).toBe('3');
    expect(D.toString(D.sum([]))).toBe('0');
    expect(F.sum([])).toBe(0);
  });
});

describe('displayNumber and toDisplayText: a computed number in a message', () => {
  it('keeps up to 10 significant digits as written, rounds a longer number half up to 10, marked ≈', () => {
    expect(displayNumber('18380000')).toBe('18380000');
    expect(displayNumber('-0.0012345678')).toBe('-0.0012345678'); // 8 significant digits
    expect(displayNumber('1234567890.5')).toBe('≈ 1234567891'); // 11 digits → 10, half up
    expect(displayNumber('-266.6666666666666666666666666666666666667')).toBe('≈ -266.6666667');
    // −400 mm over 1 亩 (2000/3 m²) on both arithmetics: the same text, whatever the last float bit.
    expect(D.toDisplayText(D.divide(D.fromString('-800'), D.fromString('3')))).toBe('≈ -266.6666667');
    expect(F.toDisplayText(-800 / 3)).toBe('≈ -266.6666667');
  });
});
