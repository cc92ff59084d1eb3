/**
 * A unit price given in the input, compared with the table's value of the coefficient it replaces
 * (价格合理性). Called where a price is resolved (src/indicators/compute.ts `resolvePrice`), the
 * one place that knows both. A given price more than `priceRatio.factor` (10) times above or below
 * the table value is usually a unit slip (元 for 万元, per t for per kg): a named warning naming
 * both values, never a changed number. The factor is data (src/accounts/plausibility.json).
 *
 * A coefficient override is compared the same way with the table row it replaces
 * (`override-far-from-table`, issue 13): 706 元/m³ for the reservoir cost of 7.06 multiplied GEP
 * by 17 without a word. The account makes these checks once, before its indicators run
 * (`prepareGep`), and adds their warnings before the plausibility warnings.
 *
 * Whether a price is compared depends on the structure only (a coefficient to compare with, its
 * unit's dimension): `priceCheck` makes the comparison once, `runPriceCheck` runs it on values. The
 * compiled account plan (src/plan/) makes it once per structure with its slots for the two values
 * and runs it on each row, deciding with floats where they decide for certain.
 */
import { decimalArithmetic as D, isDecimalText, type GepDecimal } from '../numbers/arithmetic.js';
import type { GepWarning } from '../errors/errors.js';
import { conversionRatio, convert, isKnownUnit, sameDimensionUnits } from '../units/units.js';
import { makeWarning } from '../errors/warnings/index.js';
import { formatPath } from '../errors/errors.js';
import { tableUse, type CoefficientReader } from './resolve.js';
import type { CoefficientOverride, CoefficientTable, CoefficientUse } from './types.js';
import data from '../accounts/plausibility.json';

const FACTOR = D.fromString(data.priceRatio.factor);
const LOW = D.one.dividedBy(FACTOR);
const LOW_F = LOW.toNumber();
const HIGH_F = FACTOR.toNumber();

/**
 * A given price, or a coefficient override, to compare with the value of the coefficient it
 * replaces; `V` is where each value comes from.
 */
export interface PriceCheck<V> {
  /** A price given in an indicator's input (`price-far-from-table`), or an override (`override-far-from-table`). */
  readonly kind: 'given-price' | 'override';
  readonly given: V;
  readonly givenUnit: string;
  /** The coefficient's value (the table's, or an override's; for an override, the table's). */
  readonly reference: V;
  /** The coefficient as read (unit, source and price year, for the message). */
  readonly use: CoefficientUse;
  readonly coefficientId: string;
  readonly path: readonly (string | number)[];
  /** The indicator whose input gives the price ('' for an override). */
  readonly indicator: string;
  /** From the given unit to the coefficient's, as a float (for deciding without decimals). */
  readonly factor: number;
}

/**
 * The comparison of a given price with coefficient `use`, or null when there is none to make: no
 * coefficient, a value that is not decimal (`given`/`reference` undefined), a unit of another dimension.
 */
export function priceCheck<V>(
  use: CoefficientUse | undefined,
  given: { readonly value: V | undefined; readonly unit: string },
  reference: V | undefined,
  coefficientId: string,
  path: readonly (string | number)[],
  indicator: string,
  kind: PriceCheck<V>['kind'] = 'given-price',
): PriceCheck<V> | null {
  if (!use || given.value === undefined || reference === undefined || !isKnownUnit(given.unit) || !sameDimensionUnits(given.unit, use.unit))
    return null;
  const r = conversionRatio(given.unit, use.unit);
  return {
    kind,
    given: given.value,
    givenUnit: given.unit,
    reference,
    use,
    coefficientId,
    path,
    indicator,
    factor: Number(r.n) / Number(r.d),
  };
}

/** Relative error bound of a float read from text (one rounding; a fraction, three). */
const U = 2 ** -50;

/**
 * The warning of a price check on values (`text` of each value; `approx`, when given, a float near
 * it within 2⁻⁵⁰ relative, or NaN), or null. With `approx`, the decision is taken with floats where
 * no rounding can change it, else with decimals as without it.
 */
export function runPriceCheck<V>(c: PriceCheck<V>, text: (v: V) => string, approx?: (v: V) => number): GepWarning | null {
  if (approx) {
    const g = approx(c.given) * c.factor;
    const r = approx(c.reference);
    // Decided when the reference is clearly positive and the ratio clearly inside [1/F, F]: the
    // ratio carries at most a few roundings (≤ 8·U relative), each bound one.
    if (r >= 1e-290 && r < Infinity && Math.abs(g) < Infinity) {
      const ratio = g / r;
      const e = Math.abs(ratio) * 8 * U;
      if (ratio - LOW_F > e + LOW_F * U && HIGH_F - ratio > e + HIGH_F * U) return null;
    }
  }
  const reference = D.fromString(text(c.reference));
  if (reference.lte(0)) return null;
  const givenText = text(c.given);
  const ratio: GepDecimal = convert(D, D.fromString(givenText), c.givenUnit, c.use.unit).dividedBy(reference);
  if (ratio.lte(FACTOR) && ratio.gte(LOW)) return null;
  const { use } = c;
  const params = {
    path: formatPath(c.path),
    given: `${givenText} ${c.givenUnit}`,
    ratio: ratio.toSignificantDigits(3).toString(),
    id: c.coefficientId,
    table: `${text(c.reference)} ${use.unit}`,
    source: `${use.source}${use.priceYear !== null ? `, ${use.priceYear}` : ''}`,
    factor: FACTOR.toString(),
  };
  if (c.kind === 'override') return makeWarning('override-far-from-table', { path: c.path, params });
  return makeWarning('price-far-from-table', { indicator: c.indicator, path: c.path, params: { indicator: c.indicator, ...params } });
}

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
  const use = reader.peek(coefficientId);
  const decimal = (t: string) => (isDecimalText(t) ? t : undefined);
  const c = priceCheck(use, { value: decimal(given.value), unit: given.unit }, use && decimal(use.value), coefficientId, path, indicator);
  const w = c && runPriceCheck(c, (t) => t);
  return w ? [w] : [];
}

/**
 * The comparisons of coefficient overrides with the table rows they replace, one per override the
 * table can compare with (a known id, a unit of the row's dimension, values `value` and `reference`
 * give; the first override of an id). `value` and `reference` say where each value comes from: its
 * text on the direct path, a slot or a constant in the compiled plan.
 *
 * @param overrides - in the order `makeCoefficientSet` checks them (the input's, then the options'),
 *   whose index locates each warning, as it locates the issues
 */
export function overrideChecks<V>(
  table: CoefficientTable,
  overrides: readonly CoefficientOverride[],
  value: (o: CoefficientOverride) => V | undefined,
  reference: (use: CoefficientUse) => V | undefined,
  base: readonly (string | number)[] = ['coefficientOverrides'],
): PriceCheck<V>[] {
  const checks: PriceCheck<V>[] = [];
  const seen = new Set<string>();
  overrides.forEach((o, i) => {
    if (seen.has(o.id)) return;
    seen.add(o.id);
    const use = tableUse(table, o.id);
    const c = priceCheck(use, { value: value(o), unit: o.unit }, use && reference(use), o.id, [...base, i, 'value'], '', 'override');
    if (c) checks.push(c);
  });
  return checks;
}

/** The warnings for coefficient overrides more than 10 times above or below their table values (decimal, on the overrides' texts). */
export function overrideWarnings(table: CoefficientTable, overrides: readonly CoefficientOverride[]): GepWarning[] {
  const decimal = (t: string) => (isDecimalText(t) ? t : undefined);
  return overrideChecks(
    table,
    overrides,
    (o) => decimal(o.value),
    (use) => decimal(use.value),
  ).flatMap((c) => runPriceCheck(c, (t) => t) ?? []);
}
