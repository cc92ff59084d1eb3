import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { annuityFactor, presentValue } from '../../src/applications/present-value.js';
import { dec } from '../../src/applications/common.js';
import { computeGep } from '../../src/accounts/gep.js';
import { gepResultToJson } from '../../src/accounts/serialize.js';
import { serviceTables } from '../../src/seea/services.js';
import { smallInput } from '../seea/fixtures.js';

describe('presentValue', () => {
  it('discounts a constant amount at the end of each year: 100 at 10 % for 2 years = 100/1.1 + 100/1.21', () => {
    // 100/1.1 + 100/1.21 = (110 + 100)/1.21 = 210/1.21 = 173.553719008264…
    const pv = presentValue(dec('100'), { rate: dec('0.1'), years: 2 });
    expect(pv.value.toFixed(10)).toBe('173.5537190083');
    expect(pv.undiscounted.toString()).toBe('200');
    expect(pv.annuityFactor!.toFixed(10)).toBe('1.7355371901');
    expect(pv.schedule.map((y) => y.discountFactor.toFixed(6))).toEqual(['0.909091', '0.826446']);
    expect(pv.timing).toBe('end');
  });

  it('discounts one year less when amounts fall at the start of each year', () => {
    // 100 + 100/1.1 = 190.909090…
    expect(presentValue(dec('100'), { rate: dec('0.1'), years: 2, timing: 'start' }).value.toFixed(6)).toBe('190.909091');
  });

  it('matches the annuity factor [1 − (1 + r)^−n] / r: 5 % over 3 years = 2.723248…', () => {
    // 1.05³ = 1.157625; 1/1.157625 = 0.863837598…; (1 − 0.863837598)/0.05 = 2.72324802…
    const pv = presentValue(dec('100000'), { rate: dec('0.05'), years: 3 });
    expect(pv.annuityFactor!.toFixed(8)).toBe('2.72324803');
    expect(pv.value.toFixed(2)).toBe('272324.80');
  });

  it('is a × n without discounting, and grows a constant amount by g', () => {
    expect(presentValue(dec('7'), { rate: dec('0'), years: 4 }).value.toString()).toBe('28');
    // a_t = 100 · 1.1^(t−1), v_t = 1.1^−t: each term is 100/1.1, three of them = 272.7272…
    const grown = presentValue(dec('100'), { rate: dec('0.1'), years: 3, growth: dec('0.1') });
    expect(grown.value.toFixed(6)).toBe('272.727273');
    expect(grown.annuityFactor).toBeNull();
  });

  it('takes a schedule of amounts as given', () => {
    // 100 + 50 + 0 at 0 %
    const pv = presentValue([dec('100'), dec('50'), dec('0')], { rate: dec('0') });
    expect([pv.value.toString(), pv.years]).toEqual(['150', 3]);
  });

  it('refuses a negative rate, a term that is not a whole number ≥ 1, and growth of −100 %', () => {
    expect(() => presentValue(dec('1'), { rate: dec('-0.01'), years: 2 })).toThrow(/rate must be ≥ 0/);
    expect(() => presentValue(dec('1'), { rate: dec('0.01'), years: 0 })).toThrow(/whole number/);
    expect(() => presentValue(dec('1'), { rate: dec('0.01'), years: 1.5 })).toThrow(/whole number/);
    expect(() => presentValue(dec('1'), { rate: dec('0.01'), years: 2, growth: dec('-1') })).toThrow(/growth/);
  });

  it('is linear in the amount and equals the sum of its schedule (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 40 }), (a, bp, n) => {
        const rate = dec(`${bp}/10000`);
        const one = presentValue(dec('1'), { rate, years: n });
        const pv = presentValue(dec(String(a)), { rate, years: n });
        expect(
          pv.value
            .minus(one.value.times(a))
            .abs()
            .lte(dec('1e-25').times(a + 1)),
        ).toBe(true);
        expect(pv.value.minus(pv.schedule.reduce((s, y) => s.plus(y.presentValue), dec('0'))).isZero()).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('annuityFactor: one function for the applications and the SEEA asset account', () => {
  it('is [1 − (1 + r)^−n] / r: 3 years at 5 % = 0.157625 / 0.05788125 = 2.7232480293704783500…', () => {
    // Worked by hand: 1.05³ = 1.157625; 1 − 1/1.157625 = 0.157625/1.157625; divided by 0.05:
    // 0.157625 / (0.05 × 1.157625) = 0.157625 / 0.05788125 = 2.72324802937047835007018680488068243170…
    // (= 1/1.05 + 1/1.1025 + 1/1.157625 = 0.952380952… + 0.907029478… + 0.863837598…).
    expect(annuityFactor(3, dec('0.05')).toFixed(30)).toBe('2.723248029370478350070186804881');
    // At the start of each year one year less of discounting: × 1.05 = 1 + 1/1.05 + 1/1.1025 = 2.859410430839002267573696…
    expect(annuityFactor(3, dec('0.05'), 'start').toFixed(24)).toBe('2.859410430839002267573696');
    expect(annuityFactor(7, dec('0')).toString()).toBe('7');
    // Annuity tables print a(20, 3 %) = 14.8775.
    expect(annuityFactor(20, dec('0.03')).toDecimalPlaces(4).toString()).toBe('14.8775');
    expect(() => annuityFactor(0, dec('0.05'))).toThrow(/whole number of years/);
    expect(() => annuityFactor(3, dec('-0.01'))).toThrow(/≥ 0/);
  });

  it('is the very function the SEEA asset account uses, and the one presentValue checks its sum against', async () => {
    const seea = await import('../../src/seea/assets.js');
    expect(seea.annuityFactor).toBe(annuityFactor);
    // The asset account's factor for L = 3, r = 5 % is the hand-worked figure above.
    const closing = { tables: serviceTables(gepResultToJson(computeGep(smallInput()))), priceYear: 2022 };
    expect(seea.assetAccount(closing, { lifeYears: 3, discountRate: '0.05' }).annuityFactor).toBe(annuityFactor(3, dec('0.05')).toString());
    expect(presentValue(dec('1'), { rate: dec('0.05'), years: 3 }).annuityFactor!.toFixed(30)).toBe('2.723248029370478350070186804881');
  });
});

describe('presentValue and annuityFactor', () => {
  it("the schedule's Σ v_t equals the closed form over terms and rates", () => {
    for (const [n, r] of [
      [1, '0'],
      [10, '0.04'],
      [30, '0.035'],
      [100, '0.08'],
    ] as const) {
      const ours = presentValue(dec('1'), { rate: dec(r), years: n }).annuityFactor!;
      expect(
        ours
          .minus(annuityFactor(n, dec(r)))
          .abs()
          .lte(dec('1e-30')),
        `${n} years at ${r}`,
      ).toBe(true);
    }
  });
});
