import { describe, expect, it } from 'vitest';
import * as landscape from '../../../src/indicators/cultural/landscape.js';
import { issuesOf, relativeDifference, runBoth, runIndicator } from '../../helpers/indicator.js';
import { decimalArithmetic, GepDecimal } from '../../../src/numbers/arithmetic.js';

const housePrice = (value: string) => ({ value, unit: '元/m²', priceYear: 2022 });
const zones = [
  {
    item: 'riverside park',
    ecosystemType: 'wetland',
    floorArea: { value: '120', unit: '万m²' },
    housePrice: housePrice('5800'),
    premiumShare: { value: '6', unit: '%' },
  },
  {
    item: 'north hill',
    ecosystemType: 'forest',
    floorArea: { value: '600000', unit: 'm²' },
    housePrice: housePrice('5200'),
    premiumShare: { value: '0.04', unit: '1' },
  },
];
// V_stock = 1 200 000 × 5 800 × 0.06 + 600 000 × 5 200 × 0.04 = 417 600 000 + 124 800 000 = 542 400 000 元
const STOCK = '542400000';

describe('cultural.landscape', () => {
  it('computes the capitalised premium V = Σ F·P·δ in variant stock, and warns that it is a stock', () => {
    const { decimal, float } = runBoth(landscape, { zones }, { variant: { annualisation: 'stock' } });
    expect(decimal.quantity.total!.value.toString()).toBe('1800000'); // m²
    expect(decimal.value.lines.map((l) => [l.unitPrice!.value.toString(), l.value.value.toString()])).toEqual([
      ['348', '417600000'],
      ['208', '124800000'],
    ]);
    expect(decimal.value.total.value.toString()).toBe(STOCK);
    expect(relativeDifference(float.value.total.value, 542400000)).toBeLessThan(1e-12);
    expect(decimal.value.warnings.map((w) => w.code)).toEqual(['landscape-stock-value']);
  });

  it('annualises by the residential land-use term T = 70 a (table value, to verify): V = V_stock / 70', () => {
    // 542 400 000 / 70 = 7 748 571.428 571 4… 元/a; per m²: 348 / 70 = 4.971 428… and 208 / 70 = 2.971 428…
    const { decimal, float } = runBoth(landscape, { zones }, { variant: { annualisation: 'land-use-term' } });
    expect(decimal.value.total.value.toFixed(6)).toBe(new GepDecimal(STOCK).dividedBy(70).toFixed(6));
    expect(decimal.value.total.value.toFixed(2)).toBe('7748571.43');
    expect(relativeDifference(float.value.total.value, 542400000 / 70)).toBeLessThan(1e-12);
    expect(decimal.coefficients.map((c) => [c.id, c.value, c.status])).toEqual([['land-use-term.residential', '70', 'to-verify']]);
    expect(decimal.value.warnings).toEqual([]);
    // a term given in the input replaces the table's: 50 a → 10 848 000 元
    expect(
      runIndicator(landscape, { zones, landUseTerm: { value: '50', unit: 'a' } }, decimalArithmetic, {
        variant: { annualisation: 'land-use-term' },
      }).value.total.value.toString(),
    ).toBe('10848000');
  });

  it('annualises by a gross rental yield: V = V_stock × y', () => {
    // 542 400 000 × 3 % = 16 272 000 元
    const { decimal } = runBoth(landscape, { zones, rentYield: { value: '3', unit: '%' } }, { variant: { annualisation: 'rent-yield' } });
    expect(decimal.value.total.value.toString()).toBe('16272000');
    expect(issuesOf(() => runIndicator(landscape, { zones }, decimalArithmetic, { variant: { annualisation: 'rent-yield' } }))).toEqual([
      {
        code: 'input.required',
        path: 'indicators.cultural.landscape.rentYield',
        expected: 'a gross rental yield y (variant rent-yield)',
        found: undefined,
      },
    ]);
  });

  it('annualises by the capital-recovery factor r / (1 − (1 + r)^−T)', () => {
    // r = 10 %, T = 1 a: f = 0.1 / (1 − 1/1.1) = 1.1 → V = 542 400 000 × 1.1 = 596 640 000 元
    const one = runBoth(
      landscape,
      { zones, discountRate: { value: '10', unit: '%' }, landUseTerm: { value: '1', unit: 'a' } },
      { variant: { annualisation: 'annuity' } },
    );
    expect(one.decimal.value.total.value.toFixed(6)).toBe('596640000.000000');
    expect(relativeDifference(one.float.value.total.value, 596640000)).toBeLessThan(1e-12);
    // table values r = 2.77 % (forest-assets-2017), T = 70 a: 1.0277^−70 = 0.147 691 3…, f = 0.0277 / 0.852 308 7… = 0.032 499 96…
    const table = runIndicator(landscape, { zones }, decimalArithmetic, { variant: { annualisation: 'annuity' } });
    const f = new GepDecimal('0.0277').dividedBy(new GepDecimal(1).minus(new GepDecimal('1.0277').pow(-70)));
    expect(f.toFixed(8)).toBe('0.03249996');
    expect(table.value.total.value.toFixed(4)).toBe(new GepDecimal(STOCK).times(f).toFixed(4));
    expect(table.coefficients.map((c) => c.id)).toEqual(['discount-rate.asset-npv', 'land-use-term.residential']);
  });

  it('refuses a premium share above 1, a house price of another year and a floor area in a wrong dimension', () => {
    const bad = { ...zones[0]!, floorArea: { value: '10', unit: 'm' }, premiumShare: { value: '120', unit: '%' } };
    expect(issuesOf(() => runIndicator(landscape, { zones: [bad] }, decimalArithmetic)).map((i) => [i.code, i.path])).toEqual([
      ['input.unit-dimension', 'indicators.cultural.landscape.zones.0.floorArea.unit'],
      ['input.out-of-range', 'indicators.cultural.landscape.zones.0.premiumShare.value'],
    ]);
    expect(
      issuesOf(() =>
        runIndicator(landscape, { zones: [{ ...zones[0]!, housePrice: { ...housePrice('5800'), priceYear: 2021 } }] }, decimalArithmetic),
      )[0]!.code,
    ).toBe('input.price-year');
  });
});
