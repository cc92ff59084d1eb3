/**
 * 污染当量法 — The pollution-equivalent price route, shared by air and water purification. A
 * tonne of pollutant i removed by ecosystems is priced at the environmental-protection tax its
 * discharge would bear:
 *   c_i = rate × 1000 / e_i                                              (gep-methods §5.2)
 *   rate  tax per pollution equivalent, 元/当量: national minimum 1.2 (air) / 1.4 (water)
 *         (prc-2016-environmental-protection-tax-law 附表一, range 1.2–12 / 1.4–14), or the
 *         province's rate, e.g. Shanxi 1.8 / 2.1 (shanxi-2017-environmental-tax-rates);
 *         variant `taxRate` picks the table row, an input `taxRate` replaces it
 *   e_i   kg of pollutant i per pollution equivalent, kg/当量 (same law, 附表二 表二 for water,
 *         表五 for air): SO₂ 0.95, NOₓ 0.95, general dust 4, fluoride 0.87, COD 1, NH₃-N 0.8, TP 0.25
 *   1000  the kg → t conversion: (元/当量) ÷ (kg/当量) = 元/kg, written in 元/t by the unit system.
 * TN (total nitrogen) is not in the law's schedule of water pollutants (附表二 表二, items 11–61;
 * verification-notes 5a), so this route cannot price it: an input price is required.
 * The rates are nominal statutory rates in force from 2018-01-01 (their price year in the table):
 * they are used unchanged at any later price year, never rebased by an index.
 */
import { GepInputError, makeIssue, type GepWarning } from '../../errors/errors.js';
import { makeWarning } from '../../errors/warnings/index.js';
import { resolvePrice, traced, type AmountText, type Text, type Tracer } from '../compute.js';
import { convert } from '../../units/units.js';
import type { IndicatorContext, UnitPrice } from '../types.js';

/** Air (大气污染物) or water (水污染物): the two tax schedules. */
export type Medium = 'air' | 'water';

/** A rate or price as given in an input. */
export type GivenPrice = AmountText & { readonly priceYear?: number | undefined };

/**
 * The tax rate of the medium: the input's (at the account's price year), else the table row the
 * profile's `taxRate` variant names. A table rate is a nominal statutory rate whose price year is
 * the year it took effect: it is used unchanged for that year and every later one (never rebased),
 * and an account of an earlier year gets a warning (give the rate of that year, e.g. the 2003
 * 排污费, as `taxRate`).
 */
export function resolveTaxRate<T>(
  ctx: IndicatorContext<T, { readonly taxRate: string }>,
  indicator: string,
  medium: Medium,
  given: GivenPrice | undefined,
  path: readonly (string | number)[],
): { rate: UnitPrice<T>; warnings: GepWarning[] } {
  if (given) {
    const { price, warnings } = resolvePrice(ctx, given, null, path, indicator);
    return { rate: price, warnings };
  }
  const id = `environmental-tax-rate.${medium}.${ctx.variant.taxRate}`;
  if (!ctx.coefficients.has(id)) {
    throw new GepInputError([
      makeIssue('input.required', path, {
        expected: {
          en: `a tax rate per ${medium} pollution equivalent (the table has no "${id}")`,
          zh: `每${medium === 'air' ? '大气' : '水'}污染当量的税额（系数表中没有 "${id}"）`,
        },
      }),
    ]);
  }
  const c = ctx.coefficients.get(id, path);
  const inForce = c.use.priceYear;
  const warnings: GepWarning[] = [];
  if (inForce !== null && ctx.priceYear < inForce) {
    warnings.push(
      makeWarning('tax-rate-not-in-force', {
        indicator,
        path,
        params: { id, value: c.use.value, unit: c.use.unit, from: inForce, year: ctx.priceYear },
      }),
    );
  }
  return { rate: { value: c.value, unit: c.unit, priceYear: ctx.priceYear, from: `coefficient:${id}` }, warnings };
}

/**
 * c_i = rate × 1000 / e_i in 元/t, with e_i from `pollution-equivalent.<medium>.<pollutant>`.
 * Throws a located `GepInputError` at `pricePath` when the law has no equivalent for the pollutant (TN).
 */
export function pollutionEquivalentPrice<T>(
  ctx: IndicatorContext<T>,
  tracer: Tracer<T>,
  args: { medium: Medium; pollutant: string; label: Text & object; rate: UnitPrice<T>; pricePath: readonly (string | number)[] },
): UnitPrice<T> {
  const { A } = ctx;
  const id = `pollution-equivalent.${args.medium}.${args.pollutant}`;
  if (!ctx.coefficients.has(id)) {
    throw new GepInputError([
      makeIssue('input.required', args.pricePath, {
        expected: {
          en: `a unit price for ${args.label.en}: the Environmental Protection Tax Law gives it no pollution equivalent, so the pollution-equivalent route cannot price it`,
          zh: `${args.label.zh}的单价：《环境保护税法》未规定其污染当量值，无法按污染当量法定价`,
        },
      }),
    ]);
  }
  const e = ctx.coefficients.get(id, args.pricePath);
  const perKg = A.divide(args.rate.value, e.value);
  const c = tracer.record(
    { en: `price of ${args.label.en}`, zh: `${args.label.zh}单价` },
    { en: 'c = rate × 1000 / e', zh: 'c = 税额 × 1000 / e' },
    {
      rate: traced(A, args.rate, args.rate.from),
      e: traced(A, { value: e.value, unit: e.unit }, `coefficient:${id}`),
    },
    { value: convert(A, perKg, `(${args.rate.unit})/(${e.unit})`, '元/t'), unit: '元/t' },
    '(元/当量) ÷ (kg/当量) = 元/kg; × 1000 kg/t',
  );
  return { ...c, priceYear: args.rate.priceYear, from: `step:price of ${args.label.en}` };
}

/** The `taxRate` variant of a purification module: which province's rate the table supplies. */
export function taxRateVariant(medium: Medium) {
  return {
    options: {
      'national-minimum': `national minimum tax per ${medium} pollution equivalent (row environmental-tax-rate.${medium}.national-minimum; prc-2016-environmental-protection-tax-law 附表一)`,
      shanxi: `Shanxi's tax per ${medium} pollution equivalent (row environmental-tax-rate.${medium}.shanxi; shanxi-2017-environmental-tax-rates)`,
    },
    default: 'national-minimum',
  } as const;
}
