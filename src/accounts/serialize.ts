/**
 * The JSON form of a result: every number a decimal string beside its unit, money with its price
 * year, the trace of every indicator. Lossless on the decimal path; exporters never recompute.
 */
import { arithmeticByName, type Arithmetic } from '../numbers/arithmetic.js';
import type { MeasureJson, Measure } from '../units/measure.js';
import type { IndicatorResult, QuantityLine, ValueLine } from '../indicators/types.js';
import type { GepResult } from './gep.js';

/** Levels of a region (行政级别) in Chinese, for reports and messages. */
export const REGION_LEVEL_ZH: Readonly<Record<string, string>> = { county: '县级', city: '市级', province: '省级', area: '特定地域单元' };

/** Money in JSON: `{ value: "1234.56", unit: "元", priceYear: 2022 }`. */
export interface MoneyJson extends MeasureJson {
  readonly priceYear: number;
}

/**
 * Serialise a GEP result to plain JSON data (see schemas/ and docs/ for the shape). `A` writes the
 * numbers: by default the result's own arithmetic (the compiled plan passes its recording one).
 */
export function gepResultToJson<T>(result: GepResult<T>, A: Arithmetic<T> = arithmeticByName<T>(result.arithmetic)) {
  const m = (x: Measure<T>): MeasureJson => ({ value: A.toString(x.value), unit: x.unit });
  const money = (x: Measure<T>): MoneyJson => ({ ...m(x), priceYear: result.priceYear });
  const quantityLine = (l: QuantityLine<T>) => ({
    item: l.item,
    ...(l.itemZh !== undefined ? { itemZh: l.itemZh } : {}),
    ...(l.ecosystemType ? { ecosystemType: l.ecosystemType } : {}),
    quantity: m(l.quantity),
  });
  const valueLine = (l: ValueLine<T>) => ({
    item: l.item,
    ...(l.itemZh !== undefined ? { itemZh: l.itemZh } : {}),
    ...(l.ecosystemType ? { ecosystemType: l.ecosystemType } : {}),
    quantity: l.quantity ? m(l.quantity) : null,
    unitPrice: l.unitPrice ? { ...m(l.unitPrice), priceYear: l.unitPrice.priceYear, from: l.unitPrice.from } : null,
    value: money(l.value),
  });
  const indicator = (r: IndicatorResult<T>) => ({
    id: r.id,
    category: r.category,
    zh: r.zh,
    en: r.en,
    variant: r.variant,
    clauses: r.clauses,
    quantity: { total: r.quantity.total ? m(r.quantity.total) : null, lines: r.quantity.lines.map(quantityLine) },
    value: { total: money(r.value.total), lines: r.value.lines.map(valueLine) },
    trace: { steps: [...r.quantity.steps, ...r.value.steps], coefficients: r.coefficients },
    warnings: [...r.quantity.warnings, ...r.value.warnings],
  });
  return {
    kind: result.kind,
    libraryVersion: result.libraryVersion,
    arithmetic: result.arithmetic,
    region: result.region,
    accountingYear: result.accountingYear,
    priceYear: result.priceYear,
    profile: result.profile,
    coefficientTable: result.coefficientTable,
    totals: {
      material: money(result.totals.material),
      regulating: money(result.totals.regulating),
      cultural: money(result.totals.cultural),
      outsideRegion: money(result.totals.outsideRegion),
      gep: money(result.totals.gep),
    },
    outsideRegion: result.outsideRegion.map((o) => ({ ...o, value: money(o.value) })),
    adjustments: result.adjustments,
    byEcosystemType: Object.fromEntries(Object.entries(result.byEcosystemType).map(([k, v]) => [k, money(v)])),
    indicators: result.indicators.map(indicator),
    notAccounted: result.notAccounted,
    coefficientsUsed: result.coefficientsUsed,
    warnings: result.warnings,
  };
}

/** The JSON shape of a GEP result. */
export type GepResultJson = ReturnType<typeof gepResultToJson>;
