/**
 * A unit price given in the input, compared with the table's value of the coefficient it replaces
 * (价格合理性). Called where a price is resolved (src/indicators/compute.ts `resolvePrice`), the
 * one place that knows both. A given price more than `priceRatio.factor` (10) times above or below
 * the table value is usually a unit slip (元 for 万元, per t for per kg): a named warning naming
 * both values, never a changed number. The factor is data (src/accounts/plausibility.json).
 */
import { decimalArithmetic as D, isDecimalText } from '../numbers/arithmetic.js';
import type { GepWarning } from '../errors/errors.js';
import { convert, isKnownUnit, sameDimensionUnits } from '../units/units.js';
import { makeWarning } from '../errors/warnings/index.js';
import { formatPath } from '../errors/errors.js';
import type { CoefficientReader } from './resolve.js';
import data from '../accounts/plausibility.json';

const FACTOR = D.fromString(data.priceRatio.factor);

/**
 * The warning for a given price far from the table value of `coefficientId`, or none.
 *
 * @param reader - the computation's coefficient reader (peeked, no use recorded)
 * @param given - the price as the input gives it
 * @param coefficientId - the coefficient the price replaces (null: the table has none)
 */
export function givenPriceWarnings<T>(
  reader: CoefficientReader<T>,
  given: { readonly value: string; readonly unit: string },
  coefficientId: string | null,
  path: readonly (string | number)[],
  indicator: string,
): GepWarning[] {
  if (coefficientId === null) return [];
  if (reader.deferGivenPrice({ given, coefficientId, path, indicator })) return [];
  const table = reader.peek(coefficientId);
  if (!table || !isDecimalText(given.value) || !isDecimalText(table.value) || !isKnownUnit(given.unit) || !sameDimensionUnits(given.unit, table.unit)) return [];
  const reference = D.fromString(table.value);
  if (reference.lte(0)) return [];
  const ratio = convert(D, D.fromString(given.value), given.unit, table.unit).dividedBy(reference);
  if (ratio.lte(FACTOR) && ratio.gte(D.one.dividedBy(FACTOR))) return [];
  return [makeWarning('price-far-from-table', {
    indicator,
    path,
    params: {
      indicator, path: formatPath(path), given: `${given.value} ${given.unit}`, ratio: ratio.toSignificantDigits(3).toString(), id: coefficientId,
      table: `${table.value} ${table.unit}`, source: `${table.source}${table.priceYear !== null ? `, ${table.priceYear}` : ''}`, factor: FACTOR.toString(),
    },
  })];
}
