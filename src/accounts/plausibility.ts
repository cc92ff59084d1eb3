/**
 * Plausibility checks on an account (合理性检查). A result can be arithmetically right and still
 * wrong because of what was typed: hectare figures in a km² row gave ecosystem areas of 36 000 km²
 * in a county of 1 850 km² and a GEP six times too large, with exit 0. These checks work from the
 * parsed indicator inputs (walked by field name and unit dimension, so the indicator modules need
 * not know about them) and from the results, after every indicator has run:
 *
 * - error: money below zero anywhere in an indicator input (a price, a cost, an output value);
 * - error: the ecosystem areas of an indicator add up to more than region.area + tolerance
 *   (each indicator's own sum: several list the same ecosystems); warning when region.area is
 *   missing, so the sums could not be checked;
 * - error: a negative category total or GEP, unless the input declares it (`allowNegativeTotals`);
 * - warning: a field outside its physical range (depths in mm/a, per-area rates, densities …);
 * - warning: an indicator's quantity per hectare of its own ecosystems outside its range;
 * - warning: GEP per person or per km² outside the span of published accounts (× a margin).
 *
 * Every range, tolerance and bound is data (./plausibility.json), each with its source or the
 * status rule-of-thumb; a given price far from the table's is checked where the price is resolved,
 * an override far from the table's when the overrides are read (both src/coefficients/price-check.ts).
 *
 * Which checks an account gets depends on its structure only (field names, units, lists, which
 * indicators have areas), not on its values: `plausibilityPlan` walks the inputs once and returns
 * the checks as descriptors, and `runPlausibility` runs them on the values. `computeGep` does both
 * for each account; the compiled account plan (src/plan/) makes the descriptors once per structure,
 * with its slots for values, and runs them on each row, deciding with floats where floats decide
 * for certain. One definition of the rules serves both.
 */
import * as z from 'zod';
import { decimalArithmetic as D, GepDecimal, isDecimalText, type Arithmetic } from '../numbers/arithmetic.js';
import { makeIssue, type GepIssue, type GepWarning } from '../errors/errors.js';
import type { Text } from '../errors/text.js';
import { makeWarning } from '../errors/warnings/index.js';
import { conversionRatio, convert, isKnownUnit, parseUnit, sameDimensionUnits } from '../units/units.js';
import { CATEGORIES, type Category, type IndicatorResult } from '../indicators/types.js';
import type { Measure } from '../units/measure.js';
import type { AccountInput } from './input.js';
import data from './plausibility.json';

const decimal = z.string().refine(isDecimalText);
const status = z.enum(['verified', 'rule-of-thumb']);
// `why` is shown in the warning a value outside the range gets; `whyZh` in its Chinese.
const rangeSchema = z.strictObject({
  field: z.string(),
  unit: z.string().refine(isKnownUnit),
  min: decimal,
  max: decimal,
  status,
  source: z.string().optional(),
  why: z.string().min(1),
  whyZh: z.string().min(1),
});
const rateSchema = z.strictObject({
  indicator: z.string(),
  unit: z.string(),
  min: decimal,
  max: decimal,
  status,
  why: z.string().min(1),
  whyZh: z.string().min(1),
});
const publishedSchema = z.strictObject({
  unit: z.string(),
  margin: decimal,
  status,
  why: z.string(),
  published: z.array(z.strictObject({ case: z.string(), value: decimal, source: z.string() })).min(1),
});
const dataSchema = z.strictObject({
  note: z.string(),
  areaSum: z.strictObject({
    tolerance: decimal,
    status,
    why: z.string(),
    fields: z.array(z.string()).min(1),
    excludedLists: z.array(z.strictObject({ list: z.string(), why: z.string() })),
    hints: z.array(z.strictObject({ factor: decimal, text: z.string(), textZh: z.string() })),
  }),
  ranges: z.array(rangeSchema),
  rates: z.array(rateSchema),
  priceRatio: z.strictObject({ factor: decimal, status, why: z.string() }),
  perCapita: publishedSchema,
  perKm2: publishedSchema,
});

/** The plausibility data, validated once. */
export type PlausibilityData = z.infer<typeof dataSchema>;
let cache: PlausibilityData | undefined;
/** The ranges and tolerances of ./plausibility.json (validated on first use). */
export function plausibilityData(): PlausibilityData {
  cache ??= dataSchema.parse(data);
  return cache;
}

/** Rates are per hectare of the indicator's own areas; the unit of each rate is its quantity unit over hm². */
const RATE_QUANTITY_UNIT: Readonly<Record<string, string>> = {
  't/(hm²·a)': 't/a',
  't CO2/(hm²·a)': 't CO2/a',
  // 1 L over 1 m² is a depth of 1 mm.
  'mm/a': 'L/a',
};
const RATE_AREA_UNIT: Readonly<Record<string, string>> = { 't/(hm²·a)': 'hm²', 't CO2/(hm²·a)': 'hm²', 'mm/a': 'm²' };

/** An indicator input as parsed by its module's schema. */
export interface ParsedIndicatorInput {
  readonly id: string;
  readonly input: unknown;
  readonly path: readonly (string | number)[];
}

/** What the checks read. */
export interface PlausibilityContext<T> {
  readonly A: Arithmetic<T>;
  readonly account: AccountInput;
  readonly inputs: readonly ParsedIndicatorInput[];
  readonly results: readonly IndicatorResult<T>[];
  readonly totals: Readonly<Record<Category | 'outsideRegion' | 'gep', Measure<T, '元'>>>;
}

interface FoundMeasure {
  readonly field: string;
  readonly list: string | undefined;
  readonly value: string;
  readonly unit: string;
  readonly path: readonly (string | number)[];
}

/**
 * Every `{ value, unit }` inside a parsed input whose value `isValue` accepts, with the field name,
 * the list it sits in, and its path.
 */
function measuresIn(
  node: unknown,
  path: readonly (string | number)[],
  isValue: (text: string) => boolean,
  out: FoundMeasure[] = [],
): FoundMeasure[] {
  if (Array.isArray(node)) node.forEach((x, i) => measuresIn(x, [...path, i], isValue, out));
  else if (node !== null && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.value === 'string' && typeof o.unit === 'string' && isValue(o.value) && isKnownUnit(o.unit)) {
      const field = path.filter((p): p is string => typeof p === 'string').at(-1) ?? '';
      // The list the measure sits in: the key just before the last index (`lakes` in lakes[0].area).
      let last = path.length - 1;
      while (last >= 0 && typeof path[last] !== 'number') last--;
      const list = last > 0 && typeof path[last - 1] === 'string' ? (path[last - 1] as string) : undefined;
      out.push({ field, list, value: o.value, unit: o.unit, path });
    } else {
      for (const [k, v] of Object.entries(o)) measuresIn(v, [...path, k], isValue, out);
    }
  }
  return out;
}

const num = (d: GepDecimal) => d.toSignificantDigits(6).toString();
/** A status of the data (规则依据) as the warnings name it. */
const STATUS: Readonly<Record<PlausibilityData['ranges'][number]['status'], Text>> = {
  verified: { en: 'verified', zh: '已核实' },
  'rule-of-thumb': { en: 'rule-of-thumb', zh: '经验界限' },
};
/** The categories and GEP as the warnings and issues name them (物质产品, 调节服务, 文化服务). */
const TOTAL_NAME: Readonly<Record<Category | 'gep', { readonly en: string; readonly zh: string }>> = {
  material: { en: 'material', zh: '物质产品' },
  regulating: { en: 'regulating', zh: '调节服务' },
  cultural: { en: 'cultural', zh: '文化服务' },
  gep: { en: 'gep', zh: 'GEP' },
};
const isMoney = (unit: string) => (parseUnit(unit).dimension.money ?? 0) > 0;
const isArea = (unit: string) => sameDimensionUnits(unit, 'km²');

/** The units to convert a value in `from` to for a range in `to`, accepting the same amount per year (`mm/a` for a range in `mm`, `d` for `d/a`); undefined when none. */
function rangeUnits(from: string, to: string): { from: string; to: string } | undefined {
  if (sameDimensionUnits(from, to)) return { from, to };
  if (to.endsWith('/a') && sameDimensionUnits(from, to.slice(0, -2))) return { from, to: to.slice(0, -2) };
  if (isKnownUnit(`${to}/a`) && sameDimensionUnits(from, `${to}/a`)) return { from, to: `${to}/a` };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The checks of an account, as descriptors. `V` is where a value comes from: its text on the
// direct path, a slot of the rows in a compiled plan.

/** A money amount of an input: an issue when it is below zero. */
export interface MoneyCheck<V> {
  readonly value: V;
  readonly unit: string;
  readonly path: readonly (string | number)[];
}

/** A field against its physical range; the value is converted from `from` to `to` before comparing. */
export interface RangeCheck<V> {
  readonly indicator: string;
  readonly field: string;
  readonly value: V;
  readonly unit: string;
  readonly path: readonly (string | number)[];
  readonly range: PlausibilityData['ranges'][number];
  readonly from: string;
  readonly to: string;
  /** `from` → `to` and the bounds as floats, for deciding without decimals. */
  readonly factor: number;
  readonly minF: number;
  readonly maxF: number;
}

/** One ecosystem area of an indicator, added in km². */
export interface AreaTerm<V> {
  readonly value: V;
  readonly unit: string;
  /** `unit` → km² as a float. */
  readonly factor: number;
}

/** The checks of one indicator's input, in the order of its measures. */
export interface IndicatorChecks<V> {
  readonly id: string;
  readonly path: readonly (string | number)[];
  readonly money: readonly MoneyCheck<V>[];
  readonly ranges: readonly RangeCheck<V>[];
  /** Its ecosystem areas, when it has any (then their sum is checked against region.area). */
  readonly areas: readonly AreaTerm<V>[] | null;
}

/** An indicator's quantity per unit of its own areas, against its range. */
export interface RateCheck {
  readonly rate: PlausibilityData['rates'][number];
  /** The indicator (index in `indicators`) whose areas divide. */
  readonly areasOf: number;
  /** Its result (index in the results given to `plausibilityPlan`). */
  readonly result: number;
  readonly totalUnit: string;
  readonly quantityUnit: string;
  readonly areaUnit: string;
  /** `totalUnit` → `quantityUnit`, km² → `areaUnit` and the bounds as floats. */
  readonly quantityFactor: number;
  readonly areaFactor: number;
  readonly minF: number;
  readonly maxF: number;
}

/** Every plausibility check of an account of a given structure. */
export interface PlausibilityPlan<V> {
  readonly indicators: readonly IndicatorChecks<V>[];
  readonly regionArea: { readonly value: V; readonly unit: string; readonly factor: number } | null;
  /** The warning that region.area is missing while some indicator has areas (it depends on the structure only). */
  readonly regionAreaMissing: GepWarning | null;
  readonly rates: readonly RateCheck[];
  readonly allowNegativeTotals: AccountInput['allowNegativeTotals'];
}

/** What `plausibilityPlan` needs of an indicator's result: its id and the unit of its quantity total (null without one). */
export interface ResultUnits {
  readonly id: string;
  readonly totalUnit: string | null;
}

/**
 * The checks of an account, from the structure of its inputs and results. `read` turns a value's
 * text (as it sits in the inputs) into a `V`, or undefined when it is not a decimal value (then
 * it is not checked).
 */
export function plausibilityPlan<V>(
  account: Pick<AccountInput, 'region' | 'allowNegativeTotals'>,
  inputs: readonly ParsedIndicatorInput[],
  results: readonly ResultUnits[],
  read: (text: string) => V | undefined,
): PlausibilityPlan<V> {
  const data = plausibilityData();
  const areaFields = new Set(data.areaSum.fields);
  const excluded = new Set(data.areaSum.excludedLists.map((e) => e.list));
  const isValue = (text: string) => read(text) !== undefined;
  const indicators: IndicatorChecks<V>[] = inputs.map(({ id, input, path }) => {
    const money: MoneyCheck<V>[] = [];
    const ranges: RangeCheck<V>[] = [];
    const areas: AreaTerm<V>[] = [];
    for (const m of measuresIn(input, path, isValue)) {
      const value = read(m.value)!;
      if (isMoney(m.unit)) money.push({ value, unit: m.unit, path: m.path });
      if (areaFields.has(m.field) && isArea(m.unit) && !(m.list && excluded.has(m.list)))
        areas.push({ value, unit: m.unit, factor: factorOf(m.unit, 'km²') });
      for (const range of data.ranges) {
        if (range.field !== m.field) continue;
        const units = rangeUnits(m.unit, range.unit);
        if (units)
          ranges.push({
            indicator: id,
            field: m.field,
            value,
            unit: m.unit,
            path: m.path,
            range,
            ...units,
            factor: factorOf(units.from, units.to),
            minF: Number(range.min),
            maxF: Number(range.max),
          });
      }
    }
    return { id, path, money, ranges, areas: areas.length ? areas : null };
  });
  const area = account.region.area;
  let regionArea: PlausibilityPlan<V>['regionArea'] = null;
  if (area) {
    const value = read(area.value);
    if (value === undefined) throw new Error(`[gep] region.area is not a decimal value: ${area.value}`);
    regionArea = { value, unit: area.unit, factor: factorOf(area.unit, 'km²') };
  }
  const withAreas = indicators.filter((i) => i.areas);
  const regionAreaMissing: GepWarning | null =
    !regionArea && withAreas.length
      ? makeWarning('region-area-missing', {
          path: ['region', 'area'],
          params: { ids: { en: withAreas.map((i) => i.id).join(', '), zh: withAreas.map((i) => i.id).join('、') } },
        })
      : null;
  const rates: RateCheck[] = [];
  for (const rate of data.rates) {
    const result = results.findIndex((x) => x.id === rate.indicator);
    const areasOf = indicators.findIndex((i) => i.id === rate.indicator && i.areas);
    const totalUnit = results[result]?.totalUnit;
    if (result < 0 || areasOf < 0 || !totalUnit) continue;
    const quantityUnit = RATE_QUANTITY_UNIT[rate.unit];
    const areaUnit = RATE_AREA_UNIT[rate.unit];
    if (!quantityUnit || !areaUnit || !sameDimensionUnits(totalUnit, quantityUnit)) continue;
    rates.push({
      rate,
      areasOf,
      result,
      totalUnit,
      quantityUnit,
      areaUnit,
      quantityFactor: factorOf(totalUnit, quantityUnit),
      areaFactor: factorOf('km²', areaUnit),
      minF: Number(rate.min),
      maxF: Number(rate.max),
    });
  }
  return { indicators, regionArea, regionAreaMissing, rates, allowNegativeTotals: account.allowNegativeTotals };
}

/** What the checks read of one account's values. */
export interface PlausibilityValues<V, T> {
  readonly A: Arithmetic<T>;
  /** A value's text as given. */
  text(v: V): string;
  /**
   * A float64 near the value (relative error at most 2⁻⁵⁰), or NaN. When given, each check
   * decides with floats where they decide for certain (outside a margin of the bound that covers
   * every rounding), and with decimals, as without it, elsewhere.
   */
  approx?(v: V): number;
  /** A total (元). */
  total(k: Category | 'outsideRegion' | 'gep'): T;
  /** The quantity total of result `i` (of the results given to `plausibilityPlan`). */
  quantity(i: number): T;
  /** economy.population, when given. */
  readonly population: { readonly value: string; readonly unit: string } | undefined;
}

/**
 * Every plausibility issue (errors) and warning of an account. Called once by `computeGep`, after
 * the totals are known.
 */
export function plausibilityChecks<T>(ctx: PlausibilityContext<T>): { issues: GepIssue[]; warnings: GepWarning[] } {
  const plan = plausibilityPlan(
    ctx.account,
    ctx.inputs,
    ctx.results.map((r) => ({ id: r.id, totalUnit: r.quantity.total?.unit ?? null })),
    (t) => (isDecimalText(t) ? t : undefined),
  );
  return runPlausibility<string, T>(plan, {
    A: ctx.A,
    text: (t) => t,
    total: (k) => ctx.totals[k].value,
    quantity: (i) => ctx.results[i]!.quantity.total!.value,
    population: ctx.account.economy?.population,
  });
}

// Float screening: a value x ± e, where e bounds the distance to the exact value. Leaves come from
// text with a relative error of at most 2⁻⁵⁰ (the parse rounds once, a fraction three times);
// every later step adds its own rounding.
const U = 2 ** -50;

/** The error bound of a leaf `x`; `zero` says whether the exact value is zero when x is. Infinity where floats cannot vouch (subnormal, non-finite). */
function leafError(x: number, zero: () => boolean): number {
  const a = Math.abs(x);
  if (a >= 1e-290 && a < Infinity) return a * U;
  return x === 0 && zero() ? 0 : Infinity;
}

/** The sign of (x ± ex) − (y ± ey) when the margins cannot change it, else 0 (decide with decimals). */
function screenSign(x: number, ex: number, y: number, ey: number): -1 | 0 | 1 {
  const d = x - y;
  // The subtraction rounds by at most |d|·2⁻⁵³.
  if (!(Math.abs(d) * (1 - U) > 2 * (ex + ey))) return 0;
  return d < 0 ? -1 : 1;
}

/** True when the text of a decimal value is zero (no digit 1–9 before its exponent or fraction bar). */
function zeroText(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 49 && c <= 57) return false;
    if (c === 101 || c === 69 || c === 47) return true;
  }
  return true;
}

/** A ratio between units as a float (relative error within 2⁻⁵¹). */
function factorOf(from: string, to: string): number {
  const r = conversionRatio(from, to);
  return Number(r.n) / Number(r.d);
}

/** The span of published values widened by the margin (exact, as the check compares). */
const PUBLISHED = new WeakMap<object, { lo: GepDecimal; hi: GepDecimal; loF: number; hiF: number }>();
function publishedBounds(spec: PlausibilityData['perCapita']): { lo: GepDecimal; hi: GepDecimal; loF: number; hiF: number } {
  let b = PUBLISHED.get(spec);
  if (!b) {
    const values = spec.published.map((p) => D.fromString(p.value));
    const lo = GepDecimal.min(...values).dividedBy(spec.margin);
    const hi = GepDecimal.max(...values).times(spec.margin);
    PUBLISHED.set(spec, (b = { lo, hi, loF: lo.toNumber(), hiF: hi.toNumber() }));
  }
  return b;
}

/**
 * Run the checks of `plan` on an account's values: the issues (errors) and warnings, in the order
 * `computeGep` reports them.
 */
export function runPlausibility<V, T>(
  plan: PlausibilityPlan<V>,
  src: PlausibilityValues<V, T>,
): { issues: GepIssue[]; warnings: GepWarning[] } {
  const data = plausibilityData();
  const { A } = src;
  const approx = src.approx;
  const issues: GepIssue[] = [];
  const warnings: GepWarning[] = [];
  /** The error bound of a leaf's float `x` (value `v`). */
  const errorOf = (x: number, v: V): number => {
    const a = Math.abs(x);
    if (a >= 1e-290 && a < Infinity) return a * U;
    return x === 0 && zeroText(src.text(v)) ? 0 : Infinity;
  };
  const exactOf = (v: V) => D.fromString(src.text(v));

  // region.area in km², exact on demand; and as a screened float.
  const region = plan.regionArea;
  let regionKm2: GepDecimal | undefined;
  const regionExact = (): GepDecimal => (regionKm2 ??= convert(D, exactOf(region!.value), region!.unit, 'km²'));
  let rx = NaN;
  let re = Infinity;
  if (region && approx) {
    const x = approx(region.value);
    const e = errorOf(x, region.value);
    const f = region.factor;
    rx = x * f;
    re = e * f + Math.abs(rx) * 2 * U;
  }
  const tolerance = data.areaSum.tolerance;
  const widen = 1 + Number(tolerance);

  // Each indicator's area sum (km²): exact on demand, screened as a float.
  const areaExact: (GepDecimal | undefined)[] = new Array(plan.indicators.length);
  const areaX = new Float64Array(plan.indicators.length);
  const areaE = new Float64Array(plan.indicators.length);
  const areaOf = (i: number): GepDecimal => {
    let s = areaExact[i];
    if (s === undefined) {
      s = D.zero;
      for (const t of plan.indicators[i]!.areas!) s = s.plus(convert(D, exactOf(t.value), t.unit, 'km²'));
      areaExact[i] = s;
    }
    return s;
  };

  for (let i = 0; i < plan.indicators.length; i++) {
    const ind = plan.indicators[i]!;
    for (const m of ind.money) {
      let below: boolean | undefined;
      if (approx) {
        const x = approx(m.value);
        // A float from text has the sign of the text unless it is zero (or rounded to zero).
        if (x !== 0 && !Number.isNaN(x)) below = x < 0;
      }
      if (below === undefined) {
        const x = exactOf(m.value);
        below = x.isNegative() && !x.isZero();
      }
      if (below) {
        const text = src.text(m.value);
        issues.push(
          makeIssue('input.out-of-range', [...m.path, 'value'], {
            expected: {
              en: 'a money amount ≥ 0 (a price, cost or output value is never negative)',
              zh: '金额 ≥ 0（单价、成本或产值不会为负）',
            },
            found: `${text} ${m.unit}`,
          }),
        );
      }
    }
    for (const r of ind.ranges) {
      let outside: boolean | undefined;
      if (approx) {
        const x = approx(r.value);
        const e = errorOf(x, r.value);
        const f = r.factor;
        const v = x * f;
        const ev = e * f + Math.abs(v) * 2 * U;
        const min = r.minF;
        const max = r.maxF;
        const lo = screenSign(v, ev, min, Math.abs(min) * U);
        const hi = screenSign(v, ev, max, Math.abs(max) * U);
        if (lo < 0 || hi > 0) outside = true;
        else if (lo > 0 && hi < 0) outside = false;
      }
      if (outside === undefined) {
        const v = convert(D, exactOf(r.value), r.from, r.to);
        outside = v.lt(r.range.min) || v.gt(r.range.max);
      }
      if (outside) {
        const text = src.text(r.value);
        const { range } = r;
        warnings.push(
          makeWarning('implausible-value', {
            indicator: r.indicator,
            path: r.path,
            params: {
              indicator: r.indicator,
              field: r.field,
              value: text,
              unit: r.unit,
              min: range.min,
              max: range.max,
              rangeUnit: range.unit,
              why: { en: range.why, zh: range.whyZh },
              basis: range.source ?? STATUS[range.status],
            },
          }),
        );
      }
    }
    if (!ind.areas) continue;
    let sx = 0;
    let se = 0;
    if (approx) {
      for (const t of ind.areas) {
        const x = approx(t.value);
        const e = errorOf(x, t.value);
        const f = t.factor;
        const v = x * f;
        sx += v;
        se += e * f + Math.abs(v) * 2 * U + Math.abs(sx) * U;
      }
    } else se = Infinity;
    areaX[i] = sx;
    areaE[i] = se;
    if (!region) continue;
    let exceeds: boolean | undefined;
    if (approx) {
      const k = widen;
      const bound = rx * k;
      const s = screenSign(sx, se, bound, re * k + Math.abs(bound) * 3 * U);
      if (s !== 0) exceeds = s > 0;
    }
    const regionArea = exceeds === false ? undefined : regionExact();
    if (exceeds === undefined) exceeds = areaOf(i).gt(regionArea!.times(D.one.plus(tolerance)));
    if (exceeds) {
      const areaKm2 = areaOf(i);
      const ratio = areaKm2.dividedBy(regionArea!);
      const hint = data.areaSum.hints.find((h) => ratio.dividedBy(h.factor).minus(1).abs().lte('0.15'));
      const factor = hint && D.fromString(hint.factor).toString();
      const percent = num(D.fromString(tolerance).times(100));
      issues.push(
        makeIssue('input.area-exceeds-region', ind.path, {
          found: {
            en: `${num(areaKm2)} km², ${num(ratio)} × the region's area${hint ? ` (a factor near ${factor}: ${hint.text}?)` : ''}`,
            zh: `${num(areaKm2)} km²，为区域面积的 ${num(ratio)} 倍${hint ? `（接近 ${factor} 倍：是否${hint.textZh}？）` : ''}`,
          },
          expected: {
            en: `at most ${num(regionArea!)} km² (region.area) + ${percent} %`,
            zh: `${num(regionArea!)} km²（region.area）+ ${percent} %`,
          },
        }),
      );
    }
  }
  if (plan.regionAreaMissing) warnings.push(plan.regionAreaMissing);

  // Rates: an indicator's quantity per unit of its own areas.
  for (const c of plan.rates) {
    const q = src.quantity(c.result);
    let outside: boolean | undefined;
    if (approx) {
      const qx = A.toNumber(q);
      const qe = leafError(qx, () => A.compare(q, A.zero) === 0);
      const fq = c.quantityFactor;
      const fa = c.areaFactor;
      const n = qx * fq;
      const en = qe * fq + Math.abs(n) * 2 * U;
      const d = areaX[c.areasOf]! * fa;
      const ed = areaE[c.areasOf]! * fa + Math.abs(d) * 2 * U;
      if (Math.abs(d) > 2 * ed) {
        const rate = n / d;
        const er = (en + Math.abs(rate) * ed) / (Math.abs(d) - ed) + Math.abs(rate) * 2 * U;
        const min = c.minF;
        const max = c.maxF;
        const lo = screenSign(rate, er, min, Math.abs(min) * U);
        const hi = screenSign(rate, er, max, Math.abs(max) * U);
        if (lo < 0 || hi > 0) outside = true;
        else if (lo > 0 && hi < 0) outside = false;
      }
    }
    if (outside === false) continue;
    const area = areaOf(c.areasOf);
    if (area.isZero()) continue;
    const rate = convert(D, D.fromString(A.toString(q)), c.totalUnit, c.quantityUnit).dividedBy(convert(D, area, 'km²', c.areaUnit));
    if (!(rate.lt(c.rate.min) || rate.gt(c.rate.max))) continue;
    warnings.push(
      makeWarning('implausible-rate', {
        indicator: c.rate.indicator,
        path: ['indicators', c.rate.indicator],
        params: {
          indicator: c.rate.indicator,
          rate: num(rate),
          unit: c.rate.unit,
          area: num(area),
          min: c.rate.min,
          max: c.rate.max,
          why: { en: c.rate.why, zh: c.rate.whyZh },
          status: STATUS[c.rate.status],
        },
      }),
    );
  }

  // A negative category total or GEP is an error unless the input declares it; the declaration is echoed as a warning.
  const negative = ([...CATEGORIES, 'gep'] as const).filter((k) => A.compare(src.total(k), A.zero) < 0);
  const allowed = plan.allowNegativeTotals;
  // To the fen, as a person reads money: the exact 40-digit total is in the result, not in a message.
  const yuan = (x: T) => new GepDecimal(A.toString(x)).toFixed(2);
  if (allowed) {
    const listed = (lang: 'en' | 'zh') => negative.map((k) => `${TOTAL_NAME[k][lang]} ${yuan(src.total(k))} 元`);
    warnings.push(
      makeWarning('negative-totals-allowed', {
        path: ['allowNegativeTotals'],
        params: {
          reason: allowed.reason,
          negative: negative.length ? { en: listed('en').join(', '), zh: listed('zh').join('、') } : { en: 'none', zh: '无' },
        },
      }),
    );
  } else {
    for (const k of negative) {
      issues.push(
        makeIssue('account.negative-total', ['totals', k], {
          expected: TOTAL_NAME[k],
          found:
            k === 'gep' && A.compare(src.total('outsideRegion'), A.zero) > 0
              ? {
                  en: `${yuan(src.total('gep'))} 元 = material + regulating + cultural − outsideRegion ${yuan(src.total('outsideRegion'))} 元`,
                  zh: `${yuan(src.total('gep'))} 元 = 物质产品 + 调节服务 + 文化服务 − 区域外产品 ${yuan(src.total('outsideRegion'))} 元`,
                }
              : `${yuan(src.total(k))} 元`,
        }),
      );
    }
  }
  if (issues.length === 0) publishedRangeWarnings(plan, src, regionExact, rx, re, warnings);
  return { issues, warnings };
}

/** GEP per person and per km² against the span of published accounts, widened by the margin. */
function publishedRangeWarnings<V, T>(
  plan: PlausibilityPlan<V>,
  src: PlausibilityValues<V, T>,
  regionExact: () => GepDecimal,
  rx: number,
  re: number,
  out: GepWarning[],
): void {
  const { A } = src;
  const gepT = src.total('gep');
  let gx = NaN;
  let ge = Infinity;
  if (src.approx) {
    gx = A.toNumber(gepT);
    ge = leafError(gx, () => A.compare(gepT, A.zero) === 0);
    // GEP ≤ 0: no ratio is checked.
    if (screenSign(gx, ge, 0, 0) < 0 || (gx === 0 && ge === 0)) return;
  }
  let gep: GepDecimal | undefined;
  const gepExact = () => (gep ??= D.fromString(A.toString(gepT)));
  if (!(screenSign(gx, ge, 0, 0) > 0) && gepExact().lte(0)) return;
  const check = (
    spec: PlausibilityData['perCapita'],
    what: Text,
    path: readonly (string | number)[],
    dx: number,
    de: number,
    divisor: () => GepDecimal,
  ) => {
    const { lo, hi, loF, hiF } = publishedBounds(spec);
    if (Math.abs(dx) > 2 * de) {
      const ratio = gx / dx;
      const er = (ge + Math.abs(ratio) * de) / (Math.abs(dx) - de) + Math.abs(ratio) * 2 * U;
      if (screenSign(ratio, er, loF, Math.abs(loF) * U) > 0 && screenSign(ratio, er, hiF, Math.abs(hiF) * U) < 0) return;
    }
    const ratio = gepExact().dividedBy(divisor());
    if (ratio.gte(lo) && ratio.lte(hi)) return;
    const published = spec.published.map((p) => `${p.case} ${num(D.fromString(p.value))}`);
    out.push(
      makeWarning('implausible-ratio', {
        path,
        params: {
          what,
          ratio: num(ratio),
          unit: spec.unit,
          lo: num(lo),
          hi: num(hi),
          published: { en: published.join(', '), zh: published.join('、') },
          margin: spec.margin,
          status: STATUS[spec.status],
        },
      }),
    );
  };
  const population = src.population;
  if (population) {
    let px = NaN;
    let pe = Infinity;
    // A unit of another dimension is left to the exact path, which refuses it as the direct path does.
    if (src.approx && sameDimensionUnits(population.unit, '人')) {
      const x = Number(population.value);
      const f = factorOf(population.unit, '人');
      px = x * f;
      pe = leafError(x, () => zeroText(population.value)) * f + Math.abs(px) * 2 * U;
    }
    check(plausibilityData().perCapita, { en: 'per person', zh: '人均' }, ['economy', 'population'], px, pe, () =>
      convert(D, D.fromString(population.value), population.unit, '人'),
    );
  }
  if (!plan.regionArea) return;
  const positive = src.approx ? screenSign(rx, re, 0, 0) : 0;
  if (positive < 0 || (positive === 0 && !regionExact().gt(0))) return;
  check(plausibilityData().perKm2, { en: 'per km²', zh: '每 km²' }, ['region', 'area'], rx, re, regionExact);
}
