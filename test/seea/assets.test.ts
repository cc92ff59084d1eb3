import { describe, expect, it } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { gepResultToJson } from '../../src/accounts/serialize.js';
import { decimalArithmetic as A } from '../../src/numbers/arithmetic.js';
import { annuityFactor, assetAccount } from '../../src/seea/assets.js';
import { serviceTables } from '../../src/seea/services.js';
import { smallInput } from './fixtures.js';

const closing = { tables: serviceTables(gepResultToJson(computeGep(smallInput()))), priceYear: 2022 };

describe('annuityFactor', () => {
  it('is Σ (1+r)^−t: L = 2, r = 10 % gives 1/1.1 + 1/1.21 = 2.1/1.21', () => {
    // 2.1 / 1.21 = 1.7355371900826446280991735537190082644628…; 40 significant digits, the last rounded.
    expect(annuityFactor(2, A.fromString('0.1')).toSignificantDigits(39).toString()).toBe('1.73553719008264462809917355371900826446');
  });

  it('is L when the rate is 0, and matches the printed table value 14.8775 for 20 years at 3 %', () => {
    expect(annuityFactor(20, A.zero).toString()).toBe('20');
    // Annuity tables print a(20, 3 %) = 14.8775.
    expect(annuityFactor(20, A.fromString('0.03')).toDecimalPlaces(4).toString()).toBe('14.8775');
  });
});

describe('assetAccount', () => {
  it('values the flows with a counterpart, leaves eco-energy out and lists it', () => {
    const a = assetAccount(closing, { lifeYears: 2, discountRate: '0.1' });
    // Flows: wetland 25 200 000; not stated 10 000 000 (shrimp) + 13 000 000 (water) = 23 000 000; eco-energy 300 000 left out.
    expect(a.closing.byType.map((r) => [r.key, r.annualFlow])).toEqual([
      ['wetland', '25200000'],
      ['not-stated', '23000000'],
    ]);
    expect(a.closing.total.annualFlow).toBe('48200000');
    // 48 200 000 × 2.1/1.21 = 83 652 892.5619834710743801652892561983471…
    expect(A.fromString(a.closing.total.value).toDecimalPlaces(6).toString()).toBe('83652892.561983');
    expect(a.closing.excluded).toEqual([
      expect.objectContaining({ key: 'material.eco-energy', annualFlow: '300000', reason: 'no SEEA EA counterpart' }),
    ]);
    expect(a.parameters).toEqual({ lifeYears: 2, discountRate: '0.1', includeNoCounterpart: false });
    expect(a.opening).toBeNull();
  });

  it('counts the flows without counterpart when asked: 48 500 000 × 20 years at 0 % = 970 000 000', () => {
    const a = assetAccount(closing, { lifeYears: 20, discountRate: '0', includeNoCounterpart: true });
    expect(a.closing.total).toEqual({ key: 'total', annualFlow: '48500000', value: '970000000' });
    expect(a.closing.excluded).toEqual([]);
  });

  it('gives the opening value and the net change from the previous period', () => {
    // 2021: 1 700 t fish × 14 000 = 23 800 000, so counted flows 23 800 000 + 23 000 000 = 46 800 000; L = 1, r = 0: value = flow.
    const opening = { tables: serviceTables(gepResultToJson(computeGep(smallInput(2021, '1700')))), priceYear: 2021 };
    const a = assetAccount(closing, { lifeYears: 1, discountRate: '0' }, opening);
    expect([a.opening!.total.value, a.closing.total.value, a.netChange]).toEqual(['46800000', '48200000', '1400000']);
  });

  it('refuses a life or a rate out of range, every issue at once', () => {
    expect(() => assetAccount(closing, { lifeYears: 0, discountRate: '1' })).toThrow(
      /asset\.lifeYears: expected a whole number of years from 1 to 1000, found 0[\s\S]*asset\.discountRate: expected a fraction from 0 to below 1/,
    );
    expect(() => assetAccount(closing, { lifeYears: 2.5, discountRate: 'three' })).toThrow(
      /asset\.lifeYears[\s\S]*asset\.discountRate: expected a decimal number/,
    );
  });
});
