/**
 * The JSON forms of uncertainty and sensitivity results: float64 statistics written as their
 * shortest round-trip text (as the float path writes numbers), with the unit beside them; the
 * exact values without draws stay the decimal strings they are.
 */
import type { Distribution } from './distributions.js';
import type { OutputSummary, ParameterReport, UncertaintyResult } from './monte-carlo.js';
import type { SensitivityResult, Swing } from './sensitivity.js';

const num = (x: number) => (Number.isFinite(x) ? String(x) : null);

function summaryJson(s: OutputSummary) {
  return {
    base: s.base,
    mean: num(s.mean),
    sd: num(s.sd),
    min: num(s.min),
    max: num(s.max),
    median: num(s.median),
    p5: num(s.p5),
    p95: num(s.p95),
    quantiles: s.quantiles.map((q) => ({ p: String(q.p), value: num(q.value) })),
  };
}

function distributionJson(d: Distribution) {
  return Object.fromEntries(Object.entries(d).map(([k, v]) => [k, typeof v === 'number' ? num(v) : Array.isArray(v) ? v.map(num) : v]));
}

function parameterJson(p: ParameterReport) {
  return { ...p, distribution: distributionJson(p.distribution) };
}

/** Serialise an uncertainty result (`computeGepUncertainty`) to plain JSON data. */
export function uncertaintyResultToJson(r: UncertaintyResult) {
  return {
    kind: r.kind,
    libraryVersion: r.libraryVersion,
    region: r.region,
    accountingYear: r.accountingYear,
    priceYear: r.priceYear,
    profile: r.profile,
    coefficientTable: r.coefficientTable,
    unit: r.unit,
    draws: r.draws,
    counted: r.counted,
    refused: r.refused,
    seed: r.seed,
    generator: r.generator,
    quantileMethod: r.quantileMethod,
    totals: {
      gep: summaryJson(r.totals.gep),
      material: summaryJson(r.totals.material),
      regulating: summaryJson(r.totals.regulating),
      cultural: summaryJson(r.totals.cultural),
    },
    indicators: r.indicators.map((i) => ({ id: i.id, category: i.category, zh: i.zh, en: i.en, ...summaryJson(i) })),
    histogram: { edges: r.histogram.edges.map(num), counts: r.histogram.counts },
    parameters: r.parameters.map(parameterJson),
    warnings: r.warnings,
  };
}
/** The JSON shape of an uncertainty result. */
export type UncertaintyResultJson = ReturnType<typeof uncertaintyResultToJson>;

function swingJson(s: Swing) {
  return { ...parameterJson(s), low: num(s.low), high: num(s.high), gepLow: num(s.gepLow), gepHigh: num(s.gepHigh), swing: num(s.swing) };
}

/** Serialise a sensitivity result (`computeGepSensitivity`) to plain JSON data. */
export function sensitivityResultToJson(r: SensitivityResult) {
  return {
    kind: r.kind,
    libraryVersion: r.libraryVersion,
    region: r.region,
    accountingYear: r.accountingYear,
    priceYear: r.priceYear,
    profile: r.profile,
    coefficientTable: r.coefficientTable,
    unit: r.unit,
    base: r.base,
    topCoefficients: r.topCoefficients,
    swings: r.swings.map(swingJson),
    firstOrder: {
      ...r.firstOrder,
      variance: num(r.firstOrder.variance),
      indices: r.firstOrder.indices.map((i) => ({ keys: i.keys, index: num(i.index) })),
    },
    warnings: r.warnings,
  };
}
/** The JSON shape of a sensitivity result. */
export type SensitivityResultJson = ReturnType<typeof sensitivityResultToJson>;
