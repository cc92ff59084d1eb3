/**
 * Helpers every indicator module uses: reading input amounts into the arithmetic, resolving a
 * unit price (from the input or the coefficient table), valuing a quantity, and recording steps.
 */
import type { Arithmetic } from '../numbers/arithmetic.js';
import { formatPath, GepInputError, makeIssue, type GepIssue, type GepWarning } from '../errors/errors.js';
import type { Measure } from '../units/measure.js';
import { asFlowUnit, convert, multiplyInto, parseUnit } from '../units/units.js';
import { GepIndexRangeError, rebase, type PriceIndex, type Rebased } from '../coefficients/indices.js';
import { givenPriceWarnings } from '../coefficients/price-check.js';
import type { IndicatorContext, LineNameZh, TraceStep, TracedValue, UnitPrice, ValueLine } from './types.js';
import { makeWarning } from '../errors/warnings/index.js';
import { textEn, textZh, type Text } from '../errors/text.js';
import { ecosystemTypeName } from './catalogue.js';

/** An input amount as it arrives: decimal text and unit. */
export interface AmountText {
  readonly value: string;
  readonly unit: string;
}

/**
 * Read an input amount into the arithmetic, converted to `unit` (explicitly, once, at the
 * boundary). For a per-year `unit`, an amount without `/a` is the accounting year's total.
 */
export function readAmount<T, U extends string>(A: Arithmetic<T>, amount: AmountText, unit: U): Measure<T, U> {
  return { value: convert(A, A.fromString(amount.value), asFlowUnit(amount.unit, unit), unit), unit };
}

/**
 * A parameter the input may give, else the coefficient table's value, converted to `unit` and
 * with where it came from (`input:…` or `coefficient:…`); `null` when neither has it.
 */
export function givenOrCoefficient<T, U extends string>(
  ctx: IndicatorContext<T>,
  given: AmountText | undefined,
  path: readonly (string | number)[],
  coefficientId: string | null,
  unit: U,
): { measure: Measure<T, U>; from: string } | null {
  if (given) return { measure: readAmount(ctx.A, given, unit), from: inputRef(path) };
  if (coefficientId === null || !ctx.coefficients.has(coefficientId)) return null;
  const c = ctx.coefficients.get(coefficientId, path);
  return { measure: { value: convert(ctx.A, c.value, c.unit, unit), unit }, from: `coefficient:${coefficientId}` };
}

/** A line's name as a result carries it: `item` (English) and, where the Chinese differs, `itemZh`. */
export type LineName = { readonly item: string } & LineNameZh;

/**
 * The name of a line from a text: a plain string (the input's own text) names it the same in both
 * languages; `{ en, zh }` gives `itemZh` when the two differ.
 */
export function lineItem(name: Text): LineName {
  if (typeof name === 'string' || name.zh === name.en) return { item: en(name) };
  return { item: name.en, itemZh: name.zh };
}

/** The name of a line called by an ecosystem type id or by the input's own text: the type's Chinese name for an id. */
export function typeLineItem(item: string): LineName {
  return lineItem({ en: item, zh: ecosystemTypeName(item, 'zh') });
}

/** The name of a line already made, carried to the line made from it (a quantity line to its value line). */
export function lineItemOf(line: LineName): LineName {
  return line.itemZh === undefined ? { item: line.item } : { item: line.item, itemZh: line.itemZh };
}

/** The Chinese name of a line: `itemZh`, else `item` (the input's own text). */
export function itemZhOf(line: LineName): string {
  return line.itemZh ?? line.item;
}

/** A traced number, for a step's inputs. */
export function traced<T>(A: Arithmetic<T>, m: Measure<T>, from: string): TracedValue {
  return { value: A.toString(m.value), unit: m.unit, from };
}

/** `input:indicators.material.agriculture.products[0].price` */
export function inputRef(path: readonly (string | number)[]): string {
  return `input:${formatPath(path)}`;
}

/** A text in English, or in English and Chinese (the English one names a step for `step:` references). */
export type { Text };

const en = textEn;
const zhOf = textZh;

/** Collects the steps of one computation. */
export class Tracer<T> {
  readonly steps: TraceStep[] = [];
  constructor(private readonly A: Arithmetic<T>) {}

  /** Record a step and return its result unchanged. */
  record<U extends string>(
    name: Text,
    formula: Text,
    inputs: Record<string, TracedValue>,
    result: Measure<T, U>,
    note?: Text,
  ): Measure<T, U> {
    const step: { -readonly [K in keyof TraceStep]: TraceStep[K] } = {
      name: en(name),
      formula: en(formula),
      inputs,
      result: { value: this.A.toString(result.value), unit: result.unit },
    };
    if (note !== undefined) step.note = en(note);
    const zh = zhOf(name);
    if (zh !== undefined) {
      const formulaZh = zhOf(formula);
      const noteZh = zhOf(note);
      step.zh = { name: zh, ...(formulaZh !== undefined ? { formula: formulaZh } : {}), ...(noteZh !== undefined ? { note: noteZh } : {}) };
    }
    this.steps.push(step);
    return result;
  }
}

/** Rebasings already computed, per arithmetic and index: a batch of accounts rebases the same table prices again and again. */
const REBASED = new WeakMap<Arithmetic<unknown>, WeakMap<PriceIndex, Map<string, Rebased<unknown>>>>();

/**
 * `rebase`, remembered by (arithmetic object, index, value text, years): the result is a pure
 * function of them. Keyed by the arithmetic object, not its name, so that an arithmetic whose
 * values are not plain numbers (a recording one) never receives another's values.
 */
function rebaseOnce<T>(A: Arithmetic<T>, value: T, valueText: string, fromYear: number, toYear: number, index: PriceIndex): Rebased<T> {
  let byIndex = REBASED.get(A as Arithmetic<unknown>);
  if (!byIndex) REBASED.set(A as Arithmetic<unknown>, (byIndex = new WeakMap()));
  let done = byIndex.get(index);
  if (!done) byIndex.set(index, (done = new Map()));
  const key = `${fromYear}|${toYear}|${valueText}`;
  let r = done.get(key) as Rebased<T> | undefined;
  if (!r) {
    r = rebase(A, value, fromYear, toYear, index);
    done.set(key, r);
  }
  return r;
}

/**
 * The unit price for a line: the input's price when given (its price year must be the account's),
 * otherwise the coefficient `coefficientId`. A coefficient at another price year is carried to the
 * account's year with the profile's price index (recorded on the coefficient's use in the trace),
 * or, when the profile names no index, used as it is with a warning naming it.
 */
export function resolvePrice<T>(
  ctx: IndicatorContext<T>,
  given: (AmountText & { priceYear?: number | undefined }) | undefined,
  coefficientId: string | null,
  path: readonly (string | number)[],
  indicator: string,
): { price: UnitPrice<T>; warnings: GepWarning[] } {
  const { A } = ctx;
  if (given) {
    if (given.priceYear !== undefined && given.priceYear !== ctx.priceYear) {
      throw new GepInputError([
        makeIssue('input.price-year', [...path, 'priceYear'], { expected: String(ctx.priceYear), found: String(given.priceYear) }),
      ]);
    }
    return {
      price: { value: A.fromString(given.value), unit: given.unit, priceYear: given.priceYear ?? ctx.priceYear, from: inputRef(path) },
      // A given price far from the table value of the same coefficient is warned about (issue 13).
      warnings: givenPriceWarnings(ctx.coefficients, given, coefficientId, path, indicator),
    };
  }
  if (coefficientId === null || !ctx.coefficients.has(coefficientId)) {
    throw new GepInputError([
      makeIssue('input.required', path, {
        expected: coefficientId
          ? { en: `a unit price (the table has no "${coefficientId}")`, zh: `单价（系数表中没有 "${coefficientId}"）` }
          : { en: 'a unit price', zh: '单价' },
      }),
    ]);
  }
  const c = ctx.coefficients.get(coefficientId, path);
  const warnings: GepWarning[] = [];
  if (c.use.priceYear !== null && c.use.priceYear !== ctx.priceYear && ctx.priceIndex) {
    let r: Rebased<T>;
    try {
      r = rebaseOnce(A, c.value, c.use.value, c.use.priceYear, ctx.priceYear, ctx.priceIndex);
    } catch (e) {
      if (!(e instanceof GepIndexRangeError)) throw e;
      throw new GepInputError([makeIssue('coefficient.rebase', path, { found: coefficientId, expected: String(ctx.priceYear) })]);
    }
    ctx.coefficients.noteRebased(coefficientId, {
      index: ctx.priceIndex.id,
      fromYear: c.use.priceYear,
      toYear: ctx.priceYear,
      factor: A.toString(r.factor),
      value: A.toString(r.value),
      years: r.steps,
    });
    const unverified = r.steps.filter((s) => s.status === 'to-verify').map((s) => s.year);
    if (unverified.length) {
      warnings.push(
        makeWarning('index-to-verify', {
          indicator,
          path,
          params: { id: coefficientId, from: c.use.priceYear, to: ctx.priceYear, index: ctx.priceIndex.id, years: unverified.join(', ') },
        }),
      );
    }
    return {
      price: {
        value: r.value,
        unit: c.unit,
        priceYear: ctx.priceYear,
        from: `coefficient:${coefficientId} (rebased ${c.use.priceYear}→${ctx.priceYear} by ${ctx.priceIndex.id})`,
      },
      warnings,
    };
  }
  if (c.use.priceYear !== null && c.use.priceYear !== ctx.priceYear) {
    warnings.push(
      makeWarning('price-year-mismatch', {
        indicator,
        path,
        params: { id: coefficientId, value: c.use.value, unit: c.use.unit, year: c.use.priceYear, accountYear: ctx.priceYear },
      }),
    );
  }
  return { price: { value: c.value, unit: c.unit, priceYear: c.use.priceYear, from: `coefficient:${coefficientId}` }, warnings };
}

/**
 * Value of a quantity at a unit price, in 元: V = Q × P with the units checked and converted
 * (万t × 元/t, m³/a × 元/m³). An annual flow (…/a), or an area at a price per year (hm² × 元/(hm²·a)),
 * gives the value of the accounting year.
 */
export function valueAt<T>(A: Arithmetic<T>, quantity: Measure<T>, price: Measure<T>): Measure<T, '元'> {
  const perYear = (parseUnit(quantity.unit).dimension.year ?? 0) + (parseUnit(price.unit).dimension.year ?? 0) === -1;
  return { value: multiplyInto(A, quantity.value, quantity.unit, price.value, price.unit, perYear ? '元/a' : '元'), unit: '元' };
}

/** Sum measures already in one unit. */
export function sumIn<T, U extends string>(A: Arithmetic<T>, items: readonly Measure<T>[], unit: U): Measure<T, U> {
  return { value: A.sum(items.map((m) => convert(A, m.value, m.unit, unit))), unit };
}

/** One quantity to price: the price comes from the input when given, else from `coefficientId`. */
export interface PricedItem<T> {
  readonly item: string;
  readonly ecosystemType?: string;
  readonly quantity: Measure<T>;
  readonly quantityFrom: string;
  readonly price: (AmountText & { priceYear?: number | undefined }) | undefined;
  readonly coefficientId: string | null;
  /** Path of the item's price in the input, for issues. */
  readonly pricePath: readonly (string | number)[];
  /** The item's name in Chinese, for the trace and the line; default: the ecosystem type's name for a type id, else the item. */
  readonly itemZh?: string;
}

/**
 * Value every item at its unit price, V_i = Q_i × P_i, and the total V = Σ V_i, with a step per
 * line. Collects every missing or misdated price before failing.
 */
export function valueItems<T>(
  ctx: IndicatorContext<T>,
  indicator: string,
  items: readonly PricedItem<T>[],
  tracer = new Tracer(ctx.A),
): {
  lines: ValueLine<T>[];
  total: Measure<T, '元'>;
  steps: TraceStep[];
  warnings: GepWarning[];
} {
  const { A } = ctx;
  const issues: GepIssue[] = [];
  const warnings: GepWarning[] = [];
  const lines: ValueLine<T>[] = [];
  for (const it of items) {
    try {
      const { price, warnings: w } = resolvePrice(ctx, it.price, it.coefficientId, it.pricePath, indicator);
      warnings.push(...w);
      const value = tracer.record(
        { en: `value of ${it.item}`, zh: `${it.itemZh ?? ecosystemTypeName(it.item, 'zh')}价值量` },
        'V = Q × P',
        { Q: traced(A, it.quantity, it.quantityFrom), P: traced(A, price, price.from) },
        valueAt(A, it.quantity, price),
      );
      lines.push({
        ...lineItem({ en: it.item, zh: it.itemZh ?? ecosystemTypeName(it.item, 'zh') }),
        ...(it.ecosystemType ? { ecosystemType: it.ecosystemType } : {}),
        quantity: it.quantity,
        unitPrice: price,
        value,
      });
    } catch (e) {
      if (e instanceof GepInputError) issues.push(...e.issues);
      else throw e;
    }
  }
  if (issues.length) throw new GepInputError(issues);
  const total = tracer.record(
    { en: 'total', zh: '合计' },
    'V = Σ V_i',
    {},
    sumIn(
      A,
      lines.map((l) => l.value),
      '元',
    ),
  );
  return { lines, total, steps: tracer.steps, warnings };
}

/** Warnings without repeats: a price that several lines share is warned about once. */
export function withoutRepeats(warnings: readonly GepWarning[]): GepWarning[] {
  return warnings.filter((w, i, all) => all.findIndex((x) => x.code === w.code && x.message === w.message) === i);
}

/**
 * The warning that a line's fields other than those its variant reads are not used, or `null`:
 * nothing given is left out without a word. `byVariant` lists the fields each variant reads;
 * `variantName` is the variant's name in the profile (`quantity`, `method` …).
 */
export function notUsedWarning<E extends object, V extends string>(
  indicator: string,
  e: E,
  at: readonly (string | number)[],
  name: { readonly en: string; readonly zh: string },
  byVariant: Readonly<Record<V, readonly (keyof E & string)[]>>,
  variant: V,
  variantName = 'quantity',
): GepWarning | null {
  const read: readonly string[] = byVariant[variant];
  const all = [...new Set(Object.values<readonly string[]>(byVariant).flat())];
  const unused = all.filter((f) => e[f as keyof E] !== undefined && !read.includes(f));
  if (!unused.length) return null;
  return makeWarning('input-not-used', {
    indicator,
    path: at,
    params: { line: name, fields: unused.join(', '), variant: `${variantName}: ${variant}` },
  });
}
