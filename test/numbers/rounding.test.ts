import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateRounded, describeRounding, roundDecimal } from '../../src/numbers/rounding.js';
import { GepDecimal } from '../../src/numbers/arithmetic.js';

describe('rounding at the edge', () => {
  it('rounds half-up as Chinese statistical tables print (四舍五入), and half-even on request', () => {
    expect(roundDecimal('117.1898')).toBe('117.19');
    expect(roundDecimal('2.345')).toBe('2.35');
    expect(roundDecimal('-2.345')).toBe('-2.35');
    expect(roundDecimal('2.345', { places: 2, mode: 'half-even' })).toBe('2.34');
    expect(roundDecimal('7', { places: 2, mode: 'half-up' })).toBe('7.00');
  });

  it('rounds to tens of thousands with negative places', () => {
    expect(roundDecimal('1234567', { places: -4, mode: 'half-up' })).toBe('1230000');
    expect(roundDecimal('1235000', { places: -4, mode: 'half-up' })).toBe('1240000');
  });

  it('describes a rule in words', () => {
    expect(describeRounding({ places: 2, mode: 'half-up' })).toBe('half-up, 2 decimal places');
  });

  it('allocates rounded parts that add up to the rounded total (largest remainder)', () => {
    // 1/3 each of 1.00: independent rounding gives 0.33 × 3 = 0.99; allocation gives 0.34 + 0.33 + 0.33
    expect(allocateRounded(['0.333333', '0.333333', '0.333334'])).toEqual(['0.33', '0.33', '0.34']);
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 12 }), (ints) => {
      const parts = ints.map((i) => new GepDecimal(i).dividedBy(1000).toString());
      const total = parts.reduce((a, b) => a.plus(b), new GepDecimal(0));
      const allocated = allocateRounded(parts).reduce((a, b) => a.plus(b), new GepDecimal(0));
      return allocated.eq(total.toDecimalPlaces(2, GepDecimal.ROUND_HALF_UP));
    }));
  });
});
