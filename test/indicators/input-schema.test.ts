/**
 * The amount schemas of src/indicators/input-schema.ts: a price in any money unit (`anyPrice`: a
 * product's price, a carbon price) is refused below zero by the schema, as every other amount is,
 * so that it is reported with the input's other problems at once (computeGep: "every problem
 * reported at once"). Before, only the plausibility checks refused it, after the schema had
 * passed: an account with a negative price and a negative quantity was refused for the quantity
 * alone, and the price came up on the next run (found by test/fuzz/account-checks.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { GepInputError } from '../../src/errors/errors.js';

const issues = (input: unknown): string[] => {
  try {
    computeGep(input, { profile: 'national-2022' });
  } catch (e) {
    if (e instanceof GepInputError) return e.issues.map((i) => `${i.code}@${i.path.join('.')}`).sort();
    throw e;
  }
  return [];
};

const account = (products: unknown[], carbonPrice = '100') => ({
  region: { name: '测试县', level: 'county' },
  accountingYear: 2022,
  priceYear: 2022,
  indicators: {
    'material.agriculture': { products },
    'regulating.carbon-sequestration': {
      ecosystems: [{ ecosystemType: 'forest', nep: { value: '10', unit: 't C' } }],
      carbonPrice: { value: carbonPrice, unit: '元/t C', priceYear: 2022 },
    },
  },
});
const maize = (quantity: string, price: string) => ({
  item: '玉米',
  ecosystemType: 'cropland',
  quantity: { value: quantity, unit: 't' },
  price: { value: price, unit: '元/t', priceYear: 2022 },
});

describe('a price in any money unit', () => {
  it('is refused below zero together with the other problems of the input, each where it is', () => {
    // Line 0: a price of −2 700 元/t; line 1: a quantity of −1 t; the carbon price −100 元/t C. Three issues at once.
    expect(issues(account([maize('0', '-2700'), maize('-1', '2700')], '-100'))).toEqual([
      'input.out-of-range@indicators.material.agriculture.products.0.price.value',
      'input.out-of-range@indicators.material.agriculture.products.1.quantity.value',
      'input.out-of-range@indicators.regulating.carbon-sequestration.carbonPrice.value',
    ]);
  });

  it('is refused below zero alone, at its value, and accepted at zero', () => {
    expect(issues(account([maize('185000', '-2700')]))).toEqual([
      'input.out-of-range@indicators.material.agriculture.products.0.price.value',
    ]);
    expect(issues(account([maize('185000', '0')]))).toEqual([]);
    expect(issues(account([maize('185000', '-0')]))).toEqual([]);
  });
});
