import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { payableParts } from '../../src/applications/allocate.js';
import { dec } from '../../src/applications/common.js';

describe('payableParts (largest remainder)', () => {
  it('splits 100 元 into thirds at the fen, the extra fen to the first of equal remainders', () => {
    // 33.333… each: floors 33.33 × 3 = 99.99, one fen left, all remainders equal → the first listed
    const parts = payableParts([dec('100/3'), dec('100/3'), dec('100/3')], dec('100'), dec('0.01'));
    expect(parts.map((p) => p.payable.toFixed(2))).toEqual(['33.34', '33.33', '33.33']);
    expect(parts.map((p) => p.roundedUp)).toEqual([true, false, false]);
  });

  it('gives the units left to the largest remainders', () => {
    // 0.004, 0.006, 99.99 at 0.01: floors 0, 0, 99.99 (99.99); R = 1; remainders .4, .6, 0 → the second
    expect(payableParts([dec('0.004'), dec('0.006'), dec('99.99')], dec('100'), dec('0.01')).map((p) => p.payable.toString())).toEqual([
      '0',
      '0.01',
      '99.99',
    ]);
    // 150, 250, 600 at 100 元: floors 100, 200, 600; R = 1; remainders .5, .5, 0 → the first
    expect(payableParts([dec('150'), dec('250'), dec('600')], dec('1000'), dec('100')).map((p) => p.payable.toString())).toEqual([
      '200',
      '200',
      '600',
    ]);
  });

  it('refuses a total that is not a multiple of the unit, negative parts and parts that do not add up', () => {
    expect(() => payableParts([dec('1')], dec('1.005'), dec('0.01'))).toThrow(/whole multiple/);
    expect(() => payableParts([dec('-1'), dec('2')], dec('1'), dec('0.01'))).toThrow(/negative/);
    expect(() => payableParts([dec('1'), dec('2')], dec('5'), dec('0.01'))).toThrow(/do not add up/);
  });

  it('always adds up to the total, each part within one unit of its exact share (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 ** 6 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 10 ** 8 }),
        (weights, cents) => {
          const w = weights.map((x) => dec(String(x)));
          const sum = w.reduce((a, b) => a.plus(b), dec('0'));
          if (sum.isZero()) return;
          const total = dec(String(cents)).dividedBy(100);
          const exact = w.map((x) => total.times(x).dividedBy(sum));
          const parts = payableParts(exact, total, dec('0.01'));
          expect(parts.reduce((a, p) => a.plus(p.payable), dec('0')).eq(total)).toBe(true);
          for (const p of parts) expect(p.adjustment.abs().lt(dec('0.01'))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
