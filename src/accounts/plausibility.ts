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
 * status rule-of-thumb; a given price far from the table's is checked where the price is resolved
 * (src/coefficients/price-check.ts).
 */
import * as z from 'zod';
import { decimalArithmetic as D, GepDecimal, isDecimalText, type Arithmetic } from '../numbers/arithmetic.js';
import { makeIssue, type GepIssue, type GepWarning } from '../errors/errors.js';
import { convert, isKnownUnit, parseUnit, sameDimensionUnits } from '../units/units.js';
import { CATEGORIES, type Category, type IndicatorResult } from '../indicators/types.js';
import type { Measure } from '../units/measure.js';
import type { AccountInput } from './input.js';
import data from './plausibility.json';

const decimal = z.string().refine(isDecimalText);
const status = z.enum(['verified', 'rule-of-thumb']);
const rangeSchema = z.strictObject({ field: z.string(), unit: z.string().refine(isKnownUnit), min: decimal, max: decimal, status, source: z.string().optional(), why: z.string().min(1) });
const rateSchema = z.strictObject({ indicator: z.string(), unit: z.string(), min: decimal, max: decimal, status, why: z.string().min(1) });
const publishedSchema = z.strictObject({ unit: z.string(), margin: decimal, status, why: z.string(), published: z.array(z.strictObject({ case: z.string(), value: decimal, source: z.string() })).min(1) });
const dataSchema = z.strictObject({
  note: z.string(),
  areaSum: z.strictObject({
    tolerance: decimal, status, why: z.string(),
    fields: z.array(z.string()).min(1),
    excludedLists: z.array(z.strictObject({ list: z.string(), why: z.string() })),
    hints: z.array(z.strictObject({ factor: decimal, text: z.string() })),
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

/** Every `{ value, unit }` inside a parsed input, with the field name, the list it sits in, and its path. */
function measuresIn(node: unknown, path: readonly (string | number)[], out: FoundMeasure[] = []): FoundMeasure[] {
  if (Array.isArray(node)) node.forEach((x, i) => measuresIn(x, [...path, i], out));
  else if (node !== null && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.value === 'string' && typeof o.unit === 'string' && isDecimalText(o.value) && isKnownUnit(o.unit)) {
      const field = path.filter((p): p is string => typeof p === 'string').at(-1) ?? '';
      // The list the measure sits in: the key just before the last index (`lakes` in lakes[0].area).
      let last = path.length - 1;
      while (last >= 0 && typeof path[last] !== 'number') last--;
      const list = last > 0 && typeof path[last - 1] === 'string' ? (path[last - 1] as string) : undefined;
      out.push({ field, list, value: o.value, unit: o.unit, path });
    } else {
      for (const [k, v] of Object.entries(o)) measuresIn(v, [...path, k], out);
    }
  }
  return out;
}

const num = (d: GepDecimal) => d.toSignificantDigits(6).toString();
const isMoney = (unit: string) => (parseUnit(unit).dimension.money ?? 0) > 0;
const isArea = (unit: string) => sameDimensionUnits(unit, 'km²');

/** A value in `unit`, accepting the same amount per year (`mm/a` for a range in `mm`, `d` for `d/a`). */
function inUnit(value: string, from: string, to: string): GepDecimal | undefined {
  const x = D.fromString(value);
  if (sameDimensionUnits(from, to)) return convert(D, x, from, to);
  if (to.endsWith('/a') && sameDimensionUnits(from, to.slice(0, -2))) return convert(D, x, from, to.slice(0, -2));
  if (isKnownUnit(`${to}/a`) && sameDimensionUnits(from, `${to}/a`)) return convert(D, x, from, `${to}/a`);
  return undefined;
}

/**
 * Every plausibility issue (errors) and warning of an account. Called once by `computeGep`, after
 * the totals are known.
 */
export function plausibilityChecks<T>(ctx: PlausibilityContext<T>): { issues: GepIssue[]; warnings: GepWarning[] } {
  const data = plausibilityData();
  const issues: GepIssue[] = [];
  const warnings: GepWarning[] = [];
  const regionArea = ctx.account.region.area ? convert(D, D.fromString(ctx.account.region.area.value), ctx.account.region.area.unit, 'km²') : undefined;
  const areaFields = new Set(data.areaSum.fields);
  const excluded = new Set(data.areaSum.excludedLists.map((e) => e.list));
  const areaByIndicator = new Map<string, GepDecimal>();

  for (const { id, input, path } of ctx.inputs) {
    const found = measuresIn(input, path);
    let areaKm2 = D.zero;
    let hasArea = false;
    for (const m of found) {
      const x = D.fromString(m.value);
      if (isMoney(m.unit) && x.isNegative() && !x.isZero()) {
        issues.push(makeIssue('input.out-of-range', [...m.path, 'value'], { expected: 'a money amount ≥ 0 (a price, cost or output value is never negative)', found: `${m.value} ${m.unit}` }));
      }
      if (areaFields.has(m.field) && isArea(m.unit) && !(m.list && excluded.has(m.list))) {
        areaKm2 = areaKm2.plus(convert(D, x, m.unit, 'km²'));
        hasArea = true;
      }
      for (const r of data.ranges) {
        if (r.field !== m.field) continue;
        const v = inUnit(m.value, m.unit, r.unit);
        if (v === undefined) continue;
        if (v.lt(r.min) || v.gt(r.max)) {
          warnings.push({
            code: 'implausible-value', indicator: id, path: m.path,
            message: `${id}: ${m.field} = ${m.value} ${m.unit} is outside the plausible range ${r.min}–${r.max} ${r.unit} (${r.why}; ${r.source ?? r.status}); check the unit and the figure`,
          });
        }
      }
    }
    if (!hasArea) continue;
    areaByIndicator.set(id, areaKm2);
    if (regionArea && areaKm2.gt(regionArea.times(D.one.plus(data.areaSum.tolerance)))) {
      const ratio = areaKm2.dividedBy(regionArea);
      const hint = data.areaSum.hints.find((h) => ratio.dividedBy(h.factor).minus(1).abs().lte('0.15'));
      issues.push(makeIssue('input.area-exceeds-region', path, {
        found: `${num(areaKm2)} km², ${num(ratio)} × the region's area${hint ? ` (a factor near ${h(hint.factor)}: ${hint.text}?)` : ''}`,
        expected: `at most ${num(regionArea)} km² (region.area) + ${num(D.fromString(data.areaSum.tolerance).times(100))} %`,
      }));
    }
  }
  if (!regionArea && areaByIndicator.size) {
    warnings.push({ code: 'region-area-missing', path: ['region', 'area'], message: `region.area is not given, so the ecosystem areas of ${[...areaByIndicator.keys()].join(', ')} could not be checked against the region's area (a hectare figure in a km² row would go unnoticed)` });
  }

  warnings.push(...rateWarnings(ctx, areaByIndicator));
  issues.push(...negativeTotals(ctx, warnings));
  if (issues.length === 0) warnings.push(...publishedRangeWarnings(ctx, regionArea));
  return { issues, warnings };
}

function h(factor: string): string {
  return D.fromString(factor).toString();
}

/** An indicator's quantity per unit of its own ecosystem areas, against its range. */
function rateWarnings<T>(ctx: PlausibilityContext<T>, areaKm2: ReadonlyMap<string, GepDecimal>): GepWarning[] {
  const out: GepWarning[] = [];
  for (const r of plausibilityData().rates) {
    const result = ctx.results.find((x) => x.id === r.indicator);
    const area = areaKm2.get(r.indicator);
    const total = result?.quantity.total;
    if (!result || !area || area.isZero() || !total) continue;
    const qUnit = RATE_QUANTITY_UNIT[r.unit];
    const aUnit = RATE_AREA_UNIT[r.unit];
    if (!qUnit || !aUnit || !sameDimensionUnits(total.unit, qUnit)) continue;
    const rate = convert(D, D.fromString(ctx.A.toString(total.value)), total.unit, qUnit).dividedBy(convert(D, area, 'km²', aUnit));
    if (rate.lt(r.min) || rate.gt(r.max)) {
      out.push({
        code: 'implausible-rate', indicator: r.indicator, path: ['indicators', r.indicator],
        message: `${r.indicator}: ${num(rate)} ${r.unit} over its ${num(area)} km² is outside the plausible range ${r.min}–${r.max} ${r.unit} (${r.why}; ${r.status}); check the units of the inputs and areas`,
      });
    }
  }
  return out;
}

/** A negative category total or GEP is an error unless the input declares it; the declaration is echoed as a warning. */
function negativeTotals<T>(ctx: PlausibilityContext<T>, warnings: GepWarning[]): GepIssue[] {
  const { A, totals } = ctx;
  const negative = ([...CATEGORIES, 'gep'] as const).filter((k) => A.compare(totals[k].value, A.zero) < 0);
  const allowed = ctx.account.allowNegativeTotals;
  if (allowed) {
    warnings.push({
      code: 'negative-totals-allowed', path: ['allowNegativeTotals'],
      message: `the input allows negative totals (reason: ${allowed.reason}); negative here: ${negative.length ? negative.map((k) => `${k} ${A.toString(totals[k].value)} 元`).join(', ') : 'none'}`,
    });
    return [];
  }
  return negative.map((k) => makeIssue('account.negative-total', ['totals', k], {
    expected: k,
    found: k === 'gep' && A.compare(totals.outsideRegion.value, A.zero) > 0
      ? `${A.toString(totals.gep.value)} 元 = material + regulating + cultural − outsideRegion ${A.toString(totals.outsideRegion.value)} 元`
      : `${A.toString(totals[k].value)} 元`,
  }));
}

/** GEP per person and per km² against the span of published accounts, widened by the margin. */
function publishedRangeWarnings<T>(ctx: PlausibilityContext<T>, regionAreaKm2: GepDecimal | undefined): GepWarning[] {
  const out: GepWarning[] = [];
  const gep = D.fromString(ctx.A.toString(ctx.totals.gep.value));
  if (gep.lte(0)) return out;
  const check = (ratio: GepDecimal, spec: PlausibilityData['perCapita'], what: string, path: readonly (string | number)[]) => {
    const values = spec.published.map((p) => D.fromString(p.value));
    const lo = GepDecimal.min(...values).dividedBy(spec.margin);
    const hi = GepDecimal.max(...values).times(spec.margin);
    if (ratio.gte(lo) && ratio.lte(hi)) return;
    out.push({
      code: 'implausible-ratio', path,
      message: `GEP ${what} is ${num(ratio)} ${spec.unit}, outside ${num(lo)}–${num(hi)} ${spec.unit}: published accounts span ${spec.published.map((p) => `${p.case} ${num(D.fromString(p.value))}`).join(', ')} ${spec.unit}, and beyond ${spec.margin} times either end a unit slip is likelier (${spec.status}); check the units of the inputs, population and area`,
    });
  };
  const population = ctx.account.economy?.population;
  if (population) check(gep.dividedBy(convert(D, D.fromString(population.value), population.unit, '人')), plausibilityData().perCapita, 'per person', ['economy', 'population']);
  if (regionAreaKm2 && regionAreaKm2.gt(0)) check(gep.dividedBy(regionAreaKm2), plausibilityData().perKm2, 'per km²', ['region', 'area']);
  return out;
}
