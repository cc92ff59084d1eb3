import { describe, expect, it } from 'vitest';
import * as agriculture from '../../../src/indicators/material/agriculture.js';
import * as forestry from '../../../src/indicators/material/forestry.js';
import * as livestock from '../../../src/indicators/material/livestock.js';
import * as fishery from '../../../src/indicators/material/fishery.js';
import * as other from '../../../src/indicators/material/other.js';
import { decimalArithmetic } from '../../../src/numbers/arithmetic.js';
import { issuesOf, relativeDifference, runBoth, runIndicator } from '../../helpers/indicator.js';

const price = (value: string, unit: string) => ({ value, unit, priceYear: 2022 });
const maize = { item: '玉米 maize', quantity: { value: '1.2', unit: '万t' }, price: price('2.7', '元/kg'), ecosystemType: 'cropland' };
const apples = { item: '苹果 apples', quantity: { value: '500', unit: 't' }, price: price('4200', '元/t') };
// maize: 1.2 万t = 12 000 t = 12 000 000 kg × 2.7 元/kg = 32 400 000 元
// apples: 500 t × 4 200 元/t = 2 100 000 元;  gross output = 34 500 000 元
const products = [maize, apples];

describe('material products by product list (V = Σ Q·P)', () => {
  it('values each product at its price, converting units, and sums the gross output', () => {
    const { decimal, float } = runBoth(agriculture, { products });
    expect(decimal.value.lines.map((l) => l.value.value.toString())).toEqual(['32400000', '2100000']);
    expect(decimal.value.total.value.toString()).toBe('34500000');
    expect(relativeDifference(float.value.total.value, 34_500_000)).toBeLessThan(1e-12);
    // physical total in t: 12 000 + 500
    expect(decimal.quantity.total).toMatchObject({ unit: 't' });
    expect(decimal.quantity.total!.value.toString()).toBe('12500');
  });

  it('has no physical total when products are in different dimensions (t and 头)', () => {
    const piglets = { item: '仔猪 piglets', quantity: { value: '100', unit: '头' }, price: price('500', '元/头') };
    const { quantity, value } = runIndicator(livestock, { products: [apples, piglets] }, decimalArithmetic);
    expect(quantity.total).toBeNull();
    expect(value.total.value.toString()).toBe('2150000'); // 2 100 000 + 100 × 500
  });

  it('takes value added as gross output − intermediate consumption', () => {
    // 34 500 000 − 12 000 000 = 22 500 000
    const input = { products, intermediateConsumption: { value: '1200', unit: '万元' } };
    const { value } = runIndicator(agriculture, input, decimalArithmetic, { variant: { outputBasis: 'value-added' } });
    expect(value.total.value.toString()).toBe('22500000');
    expect(value.lines.at(-1)).toMatchObject({ item: 'less intermediateConsumption (中间消耗)' });
  });

  it('takes net output as gross − intermediate consumption − depreciation (ganzi-2017 used 净产值)', () => {
    // 34 500 000 − 12 000 000 − 1 500 000 = 21 000 000
    const input = {
      products,
      intermediateConsumption: { value: '1200', unit: '万元' },
      fixedAssetDepreciation: { value: '150', unit: '万元' },
    };
    const { value } = runIndicator(forestry, input, decimalArithmetic, { variant: { outputBasis: 'net-output' } });
    expect(value.total.value.toString()).toBe('21000000');
  });

  it('uses a value reported at the chosen basis as printed, with the step from the products as a deduction line', () => {
    // reported value added 2 000 万元 = 20 000 000; deduction = 20 000 000 − 34 500 000 = −14 500 000
    const input = { products, reportedOutput: { 'value-added': { value: '2000', unit: '万元' } } };
    const { value } = runIndicator(agriculture, input, decimalArithmetic, { variant: { outputBasis: 'value-added' } });
    expect(value.total.value.toString()).toBe('20000000');
    expect(value.lines.at(-1)!.value.value.toString()).toBe('-14500000');
  });

  it('accepts a reported gross output alone (yearbook 总产值), without physical quantities, and warns', () => {
    const { quantity, value } = runIndicator(
      fishery,
      { reportedOutput: { 'gross-output': { value: '3.25', unit: '亿元' } } },
      decimalArithmetic,
    );
    expect(value.total.value.toString()).toBe('325000000');
    expect(quantity.warnings.map((w) => w.code)).toEqual(['no-physical-quantity']);
  });

  it('names the inputs its basis does not read instead of dropping them silently', () => {
    const ic = { value: '1200', unit: '万元' };
    const fad = { value: '150', unit: '万元' };
    const unread = (input: object, outputBasis: string) => {
      const { value } = runIndicator(agriculture, input, decimalArithmetic, { variant: { outputBasis } });
      return value.warnings.filter((w) => w.code === 'input-not-used').map((w) => w.message);
    };
    // gross output reads neither deduction: the total stays 34 500 000, both are named
    expect(unread({ products, intermediateConsumption: ic, fixedAssetDepreciation: fad }, 'gross-output')).toEqual([
      'material.agriculture: intermediateConsumption, fixedAssetDepreciation not used by variant outputBasis: gross-output',
    ]);
    // value added reads the intermediate consumption, not the depreciation
    expect(unread({ products, intermediateConsumption: ic, fixedAssetDepreciation: fad }, 'value-added')).toEqual([
      'material.agriculture: fixedAssetDepreciation not used by variant outputBasis: value-added',
    ]);
    // a printed net output is used as printed: the deductions and a printed value added are not read
    const printed = { 'net-output': { value: '2000', unit: '万元' }, 'value-added': { value: '2200', unit: '万元' } };
    expect(unread({ products, intermediateConsumption: ic, fixedAssetDepreciation: fad, reportedOutput: printed }, 'net-output')).toEqual([
      'material.agriculture: intermediateConsumption, fixedAssetDepreciation, reportedOutput.value-added not used by variant outputBasis: net-output',
    ]);
    // every input read: no warning
    expect(unread({ products, intermediateConsumption: ic, fixedAssetDepreciation: fad }, 'net-output')).toEqual([]);
  });

  it('warns when the product list and the reported gross output disagree, and uses the products', () => {
    const { value } = runIndicator(
      agriculture,
      { products, reportedOutput: { 'gross-output': { value: '3500', unit: '万元' } } },
      decimalArithmetic,
    );
    expect(value.total.value.toString()).toBe('34500000');
    expect(value.warnings.map((w) => w.code)).toEqual(['reported-output-differs']);
  });

  it('accepts an output value per product instead of a price', () => {
    const seedlings = { item: '苗木 seedlings', quantity: { value: '32', unit: '万个' }, outputValue: { value: '180', unit: '万元' } };
    expect(runIndicator(other, { products: [seedlings] }, decimalArithmetic).value.total.value.toString()).toBe('1800000');
  });

  it('reports every problem of the product list at once', () => {
    const input = {
      products: [
        { ...maize, price: price('2.7', '元/m³') }, // price per volume for a mass
        { item: 'no price', quantity: { value: '1', unit: 't' } },
        { ...apples, price: { ...apples.price, priceYear: 2010 } },
        { ...apples, quantity: { value: '-5', unit: 't' } },
        { ...apples, quantity: { value: 500, unit: 't' } },
      ],
    };
    expect(issuesOf(() => runIndicator(agriculture, input, decimalArithmetic))).toEqual([
      {
        code: 'input.out-of-range',
        path: 'indicators.material.agriculture.products.3.quantity.value',
        expected: 'a value ≥ 0',
        found: '-5',
      },
      {
        code: 'input.type',
        path: 'indicators.material.agriculture.products.4.quantity.value',
        expected: 'string',
        found: 'the number 500',
      },
    ]);
    const semantic = { products: input.products.slice(0, 3) };
    expect(issuesOf(() => runIndicator(agriculture, semantic, decimalArithmetic))).toEqual([
      {
        code: 'input.unit-dimension',
        path: 'indicators.material.agriculture.products.0.price.unit',
        expected: 'money per 万t',
        found: '元/m³',
      },
      {
        code: 'input.required',
        path: 'indicators.material.agriculture.products.1.price',
        expected: 'a unit price or an outputValue',
        found: undefined,
      },
      { code: 'input.price-year', path: 'indicators.material.agriculture.products.2.price.priceYear', expected: '2022', found: '2010' },
    ]);
  });

  it('names what the net-output basis needs when it is missing', () => {
    expect(issuesOf(() => runIndicator(agriculture, { products }, decimalArithmetic, { variant: { outputBasis: 'net-output' } }))).toEqual([
      {
        code: 'input.missing-basis',
        path: 'indicators.material.agriculture',
        found: undefined,
        expected:
          'the net-output basis needs reportedOutput.net-output, or a gross output (products or reportedOutput.gross-output) and intermediateConsumption and fixedAssetDepreciation',
      },
    ]);
    expect(issuesOf(() => runIndicator(agriculture, {}, decimalArithmetic))[0]!.code).toBe('input.missing-basis');
  });
});
