/**
 * The given-price check (src/coefficients/price-check.ts) decided with floats where they are
 * certain (as the compiled plan runs it) gives the decimal decisions, at and around 10 and 1/10
 * times the table value, in units whose factors floats cannot hold exactly.
 */
import { describe, expect, it } from 'vitest';
import { priceCheck, runPriceCheck } from '../../src/coefficients/price-check.js';
import { decimalArithmetic as D } from '../../src/numbers/arithmetic.js';
import type { CoefficientUse } from '../../src/coefficients/types.js';

const use = (value: string, unit: string): CoefficientUse => ({
  id: 'p',
  symbol: 'P',
  table: 't',
  clause: 'c',
  value,
  unit,
  source: 'test',
  priceYear: 2022,
  status: 'to-verify',
});

describe('given price against the table value', () => {
  it('decides with floats only where no rounding can change the decision', () => {
    let far = 0;
    // A price per 亩 (2000/3 m²) against a table value per m²: the factor 3/2000 has no exact float.
    for (const [table, unit, givenUnit, per] of [
      ['2.6', '元/m²', '元/亩', '2000/3'],
      ['0.7', '元/kg', '万元/t', '1/10'],
      ['3', '元/m³', '元/m³', '1'],
    ] as const) {
      const c = priceCheck<string>(use(table, unit), { value: '1', unit: givenUnit }, table, 'p', ['x'], 'i')!;
      for (const f of ['10', '0.1']) {
        const bound = D.fromString(table).times(f).times(D.fromString(per));
        for (const k of [0, 8, 12, 15, 16, 17, 20, 30]) {
          for (const x of k === 0 ? [bound] : [bound.times(D.one.plus(`1e-${k}`)), bound.times(D.one.minus(`1e-${k}`))]) {
            const given = { ...c, given: x.toString() };
            const exact = runPriceCheck(given, (t) => t);
            expect(
              runPriceCheck(
                given,
                (t) => t,
                (t) => Number(t),
              ),
              `${x} ${givenUnit}`,
            ).toEqual(exact);
            if (exact) far++;
          }
        }
      }
    }
    expect(far).toBeGreaterThan(20);
  });
});
