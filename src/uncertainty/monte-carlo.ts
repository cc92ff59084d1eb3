/**
 * Monte Carlo uncertainty of a GEP account (蒙特卡洛不确定性分析): draw every uncertain input and
 * coefficient from its distribution, compute the account for each draw on the float64 plan
 * (src/plan/: the modules' own arithmetic, by columns), and summarise GEP, each category and each
 * indicator by mean, standard deviation, median, 5 % and 95 % and chosen quantiles.
 *
 * Draws: one uniform per independent draw (a parameter's own, or one shared by name) and per
 * Monte Carlo draw, from xoshiro128** seeded by `seed` (./random.ts), taken draw by draw (so the
 * first n draws of a longer run are the n draws of a shorter one); each parameter's value is its
 * distribution's inverse distribution function of that uniform (./distributions.ts).
 *
 * A draw whose inputs the account's schema would refuse (a negative area, a fraction above 1) or
 * whose computation fails (a division by zero, a value out of a module's range) is not counted: the
 * result gives how many and why. Quantiles interpolate linearly between order statistics
 * (Hyndman & Fan type 7, as R's default and numpy's `linear`).
 */
import { computeGep, type GepResult } from '../accounts/gep.js';
import { GepInputError, makeIssue, messageOf, type GepWarning } from '../errors/errors.js';
import { joinTexts, type Text } from '../errors/text.js';
import { makeWarning } from '../errors/warnings/index.js';
import { floatArithmetic, type GepDecimal } from '../numbers/arithmetic.js';
import type { Category } from '../indicators/types.js';
import { compileGepPlan, evaluateFloatColumns, type FloatRowView, type GepPlan, type PlanOptions, type PlanTape } from '../plan/plan.js';
import { plausibilityChecks, plausibilityData } from '../accounts/plausibility.js';
import type { AccountInput } from '../accounts/input.js';
import type { Arithmetic } from '../numbers/arithmetic.js';
import { LIBRARY_VERSION } from '../version.js';
import { quantileOf, type Distribution } from './distributions.js';
import { parseUncertaintySpec, resolveParameters, type UncertainParameter } from './parameters.js';
import { Random } from './random.js';
import type { UncertaintySpec } from './spec.js';

/** Options of `computeGepUncertainty`: those of `computeGep` (except the arithmetic), and the run's. */
export interface UncertaintyOptions extends PlanOptions {
  /** The uncertainty specification (./spec.ts); its draws, seed and quantiles are used unless given here. */
  readonly spec?: unknown;
  /** Number of draws (default: the specification's, else 10 000). */
  readonly draws?: number;
  /** Seed (default: the specification's, else 1). */
  readonly seed?: number;
  /** Quantiles to report besides 0.05, 0.5 and 0.95. */
  readonly quantiles?: readonly number[];
  /** Bins of the GEP histogram (default 30). */
  readonly bins?: number;
}

/** Summary statistics of one output over the counted draws, in 元 (float64). */
export interface OutputSummary {
  /** The deterministic value (decimal path, exact) without any draw. */
  readonly base: string;
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
  readonly median: number;
  readonly p5: number;
  readonly p95: number;
  /** Every quantile asked for (0.05, 0.5, 0.95 and the chosen ones), in increasing order. */
  readonly quantiles: readonly { readonly p: number; readonly value: number }[];
}

/** A parameter as reported: what varied, how, and from where. */
export interface ParameterReport {
  readonly kind: 'input' | 'coefficient';
  readonly key: string;
  readonly unit: string;
  readonly priceYear: number | null;
  readonly base: string;
  readonly distribution: Distribution;
  readonly shared?: string;
  readonly origin: string;
  /** The origin in Chinese. */
  readonly originZh: string;
  readonly source?: string;
  readonly status?: string;
}

/** The uncertainty of an account. */
export interface UncertaintyResult {
  readonly kind: 'gep-uncertainty';
  readonly libraryVersion: string;
  readonly region: GepResult<unknown>['region'];
  readonly accountingYear: number;
  readonly priceYear: number;
  readonly profile: GepResult<unknown>['profile'];
  readonly coefficientTable: string;
  readonly unit: '元';
  readonly draws: number;
  /** Draws counted in the statistics. */
  readonly counted: number;
  /** Draws not counted, by reason. */
  readonly refused: readonly { readonly reason: string; readonly count: number }[];
  readonly seed: number;
  readonly generator: string;
  readonly quantileMethod: string;
  readonly parameters: readonly ParameterReport[];
  readonly totals: Readonly<Record<Category | 'gep', OutputSummary>>;
  readonly indicators: readonly ({
    readonly id: string;
    readonly category: Category;
    readonly zh: string;
    readonly en: string;
  } & OutputSummary)[];
  /** GEP over the counted draws: equal-width bins from the smallest to the largest value. */
  readonly histogram: { readonly edges: readonly number[]; readonly counts: readonly number[] };
  readonly warnings: readonly GepWarning[];
}

export const GENERATOR = 'xoshiro128** 1.1 (Blackman & Vigna 2018), seeded by SplitMix32; 53-bit uniform doubles';
export const QUANTILE_METHOD = 'linear interpolation between order statistics (Hyndman & Fan 1996 type 7)';

/** The uniforms of a run: `u[d][i]` for independent draw d and Monte Carlo draw i, drawn draw by draw. */
export function uniforms(independent: number, draws: number, seed: number): Float64Array[] {
  const u = Array.from({ length: independent }, () => new Float64Array(draws));
  const random = new Random(seed);
  for (let i = 0; i < draws; i++) for (let d = 0; d < independent; d++) u[d]![i] = random.nextOpen();
  return u;
}

/** The values of each parameter for each draw (its inverse distribution function of its uniform). */
export function parameterColumns(
  parameters: readonly UncertainParameter[],
  u: readonly Float64Array[],
  draws: number,
): Map<number, Float64Array> {
  const columns = new Map<number, Float64Array>();
  for (const p of parameters) {
    const col = new Float64Array(draws);
    const uu = u[p.draw]!;
    for (let i = 0; i < draws; i++) col[i] = quantileOf(p.distribution, uu[i]!);
    columns.set(p.slot, col);
  }
  return columns;
}

/** The outputs of a plan's rows: GEP, categories and indicators, NaN for rows not counted, with the reasons. */
export interface PlanOutputs {
  readonly gep: Float64Array;
  readonly categories: Readonly<Record<Category, Float64Array>>;
  readonly indicators: ReadonlyMap<string, Float64Array>;
  /** Draws not counted, by reason (keyed by its English, with its Chinese for the warning). */
  readonly refused: Map<string, { readonly zh: string; count: number }>;
  readonly counted: number;
}

/**
 * Evaluate `n` rows of a plan whose slot k is `columns.get(k)` (else the account's own value): GEP,
 * each category and each indicator per row, on the float64 plan.
 */
export function evaluateOutputs(
  plan: GepPlan,
  parameters: readonly UncertainParameter[],
  columns: ReadonlyMap<number, Float64Array>,
  n: number,
): PlanOutputs {
  const fixed = new Map<number, number>();
  const column = (k: number): Float64Array | number => {
    const c = columns.get(k);
    if (c) return c;
    let v = fixed.get(k);
    if (v === undefined) fixed.set(k, (v = floatArithmetic.fromString(plan.defaults[k]!)));
    return v;
  };
  const refused = new Map<string, { readonly zh: string; count: number }>();
  const refuse = (reason: { en: string; zh: string }, count: number) => {
    const r = refused.get(reason.en);
    if (r) r.count += count;
    else refused.set(reason.en, { zh: reason.zh, count });
  };
  const skip = new Uint8Array(n);
  for (const p of parameters) {
    if (!p.check) continue;
    const col = columns.get(p.slot)!;
    for (let i = 0; i < n; i++) {
      if (skip[i]) continue;
      const why = p.check(col[i]!);
      if (why) {
        skip[i] = 1;
        refuse(
          typeof why === 'string'
            ? { en: `the input schema refuses ${why}`, zh: `输入校验不接受 ${why}` }
            : { en: `the input schema refuses ${why.en}`, zh: `输入校验不接受 ${why.zh}` },
          1,
        );
      }
    }
  }
  const gep = new Float64Array(n).fill(NaN);
  const categories = {
    material: new Float64Array(n).fill(NaN),
    regulating: new Float64Array(n).fill(NaN),
    cultural: new Float64Array(n).fill(NaN),
  };
  const indicators = new Map(plan.tapes[0]!.totals.indicators.map((i) => [i.id, new Float64Array(n).fill(NaN)]));
  let counted = 0;
  const plausible = plausibilityPerDraw(plan, parameters, columns);
  const gone = evaluateFloatColumns(plan, n, column, 'totalsOnly', (i, tape, row) => {
    if (skip[i]) return;
    const refusal = plausible(i, tape, row);
    if (refusal) {
      refuse(refusal, 1);
      return;
    }
    counted++;
    gep[i] = row.number(tape.totals.gep);
    categories.material[i] = row.number(tape.totals.categories.material);
    categories.regulating[i] = row.number(tape.totals.categories.regulating);
    categories.cultural[i] = row.number(tape.totals.categories.cultural);
    for (const ind of tape.totals.indicators) indicators.get(ind.id)![i] = row.number(ind.node);
  });
  const failed = gone.filter((i) => !skip[i]);
  if (failed.length) {
    // The reason of the first failing draw, as the direct path gives it.
    let reason = { en: 'the account cannot be computed for these values', zh: '这些取值无法完成核算' };
    try {
      const i = failed[0]!;
      plan.record(floatArithmetic, {
        slot: (k) => {
          const c = column(k);
          return typeof c === 'number' ? c : c[i]!;
        },
      });
    } catch (e) {
      if (e instanceof GepInputError) {
        const first = e.issues[0];
        reason = {
          en: `the account refuses these values, e.g. ${first?.message ?? e.message}`,
          zh: `核算不接受这些取值，例如：${first ? messageOf(first, 'zh') : e.message}`,
        };
      } else if (e instanceof Error) {
        // An internal error's message is quoted as it is.
        const m = e.message.replace(/^\[gep\] /, '');
        reason = { en: `the account cannot be computed for these values, e.g. ${m}`, zh: `这些取值无法完成核算，例如：${m}` };
      }
    }
    refuse(reason, failed.length);
  }
  return { gep, categories, indicators, refused, counted };
}

/**
 * The plausibility checks of src/accounts/plausibility.ts that can refuse a draw: a negative total
 * (checked only for a draw with one, the others pass it) and, when a drawn input is an ecosystem
 * area, the areas of its indicators against the region's (that indicator's block with the draw's
 * values). The other checks give warnings, which do not change a draw's values.
 */
function plausibilityPerDraw(
  plan: GepPlan,
  parameters: readonly UncertainParameter[],
  columns: ReadonlyMap<number, Float64Array>,
): (i: number, tape: PlanTape, row: FloatRowView) => { en: string; zh: string } | null {
  const account = plan.input as AccountInput;
  const areaFields = new Set(plausibilityData().areaSum.fields);
  const drawnAreas = parameters.filter(
    (p) => p.kind === 'input' && p.slotPath[0] === 'indicators' && areaFields.has(String(p.slotPath.at(-2))),
  );
  const blocks = [...new Set(drawnAreas.map((p) => String(p.slotPath[1])))];
  return (i, tape, row) => {
    const totals = {
      material: row.number(tape.totals.categories.material),
      regulating: row.number(tape.totals.categories.regulating),
      cultural: row.number(tape.totals.categories.cultural),
      outsideRegion: row.number(tape.totals.categories.outsideRegion),
      gep: row.number(tape.totals.gep),
    };
    const negative = totals.material < 0 || totals.regulating < 0 || totals.cultural < 0 || totals.gep < 0;
    if (!negative && !blocks.length) return null;
    const inputs = blocks.map((id) => {
      const block = structuredClone((account.indicators as Record<string, unknown>)[id]);
      for (const p of drawnAreas) {
        if (p.slotPath[1] !== id) continue;
        let o = block as Record<string | number, unknown>;
        for (const k of p.slotPath.slice(2, -1)) o = o[k] as Record<string | number, unknown>;
        o[p.slotPath.at(-1)!] = String(columns.get(p.slot)![i]);
      }
      return { id, input: block, path: ['indicators', id] };
    });
    const measure = (v: number) => ({ value: v, unit: '元' as const });
    const { issues } = plausibilityChecks({
      A: floatArithmetic as Arithmetic<number>,
      account,
      inputs,
      results: [],
      totals: {
        material: measure(totals.material),
        regulating: measure(totals.regulating),
        cultural: measure(totals.cultural),
        outsideRegion: measure(totals.outsideRegion),
        gep: measure(totals.gep),
      },
    });
    const first = issues[0];
    const at = first?.path.join('.');
    return first
      ? {
          en: `the account refuses these values (plausibility: ${first.code} at ${at})`,
          zh: `核算不接受这些取值（合理性检查：${first.code}，位置 ${at}）`,
        }
      : null;
  };
}

/** Type 7 quantile of sorted values. */
export function quantileSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Summary of the counted (non-NaN) values. */
export function summarise(values: Float64Array, base: string, ps: readonly number[]): OutputSummary {
  const kept = values.filter((v) => !Number.isNaN(v));
  const sorted = kept.slice().sort();
  const n = sorted.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += (sorted[i]! - mean) / (i + 1);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (sorted[i]! - mean) ** 2;
  const quantiles = [...new Set([0.05, 0.5, 0.95, ...ps])].sort((a, b) => a - b).map((p) => ({ p, value: quantileSorted(sorted, p) }));
  return {
    base,
    mean,
    sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0,
    min: sorted[0] ?? NaN,
    max: sorted[n - 1] ?? NaN,
    median: quantileSorted(sorted, 0.5),
    p5: quantileSorted(sorted, 0.05),
    p95: quantileSorted(sorted, 0.95),
    quantiles,
  };
}

function histogram(values: Float64Array, bins: number): UncertaintyResult['histogram'] {
  const kept = values.filter((v) => !Number.isNaN(v));
  if (!kept.length) return { edges: [], counts: [] };
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of kept) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (hi === lo) return { edges: [lo, hi], counts: [kept.length] };
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of kept) counts[Math.min(bins - 1, Math.floor((v - lo) / width))]!++;
  return { edges: Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + i * width)), counts };
}

/** The run's settings: options over the specification over the defaults. */
export function runSettings(
  spec: UncertaintySpec,
  options: Pick<UncertaintyOptions, 'draws' | 'seed' | 'quantiles'>,
): { draws: number; seed: number; quantiles: number[] } {
  const quantiles = options.quantiles ?? (spec.quantiles ?? []).map(Number);
  const bad = quantiles.filter((p) => !(p > 0 && p < 1));
  if (bad.length)
    throw new GepInputError(
      bad.map((p) =>
        makeIssue('input.out-of-range', ['uncertainty', 'quantiles'], {
          expected: { en: 'probabilities between 0 and 1', zh: '0 与 1 之间的概率' },
          found: String(p),
        }),
      ),
    );
  return { draws: options.draws ?? spec.draws ?? 10_000, seed: options.seed ?? spec.seed ?? 1, quantiles: [...quantiles] };
}

/** The parameters as reported. */
export function reportParameters(parameters: readonly UncertainParameter[]): ParameterReport[] {
  return parameters.map((p) => ({
    kind: p.kind,
    key: p.key,
    unit: p.unit,
    priceYear: p.priceYear,
    base: p.baseText,
    distribution: p.distribution,
    ...(p.shared ? { shared: p.shared } : {}),
    origin: p.origin,
    originZh: p.originZh,
    ...(p.source ? { source: p.source } : {}),
    ...(p.status ? { status: p.status } : {}),
  }));
}

/**
 * The Monte Carlo uncertainty of a GEP account.
 *
 * @param input - the account input (as `computeGep` takes it)
 * @param options - the uncertainty specification, draws, seed, quantiles, and `computeGep`'s options
 * @returns for GEP, each category and each indicator (元): mean, sd, median, 5 %, 95 % and chosen
 *   quantiles, beside the exact value without draws; the parameters drawn; a histogram of GEP
 * @throws {GepInputError} for a bad input (as `computeGep`) or a bad specification (paths under `uncertainty`)
 * @example
 * const u = computeGepUncertainty(input, { draws: 10_000, seed: 1 });
 * u.totals.gep.p5, u.totals.gep.p95           //=> the 90 % interval of GEP, 元
 */
export function computeGepUncertainty(input: unknown, options: UncertaintyOptions = {}): UncertaintyResult {
  const spec = parseUncertaintySpec(options.spec);
  const { draws, seed, quantiles } = runSettings(spec, options);
  const planOptions = planOptionsOf(options);
  const exact = computeGep(input, planOptions);
  const plan = compileGepPlan(input, planOptions);
  const { parameters, draws: independent, warnings } = resolveParameters(plan, spec);
  const columns = parameterColumns(parameters, uniforms(independent, draws, seed), draws);
  const out = evaluateOutputs(plan, parameters, columns, draws);
  return assemble(exact, plan, parameters, out, { draws, seed, quantiles, bins: options.bins ?? 30 }, warnings);
}

/** The options of `computeGep` among an uncertainty run's. */
export function planOptionsOf(options: PlanOptions): PlanOptions {
  return {
    ...(options.profile !== undefined ? { profile: options.profile } : {}),
    ...(options.overrides ? { overrides: options.overrides } : {}),
    ...(options.strict !== undefined ? { strict: options.strict } : {}),
    ...(options.rebase !== undefined ? { rebase: options.rebase } : {}),
  };
}

function assemble(
  exact: GepResult<GepDecimal>,
  plan: GepPlan,
  parameters: readonly UncertainParameter[],
  out: PlanOutputs,
  run: { draws: number; seed: number; quantiles: number[]; bins: number },
  warnings: readonly GepWarning[],
): UncertaintyResult {
  const baseOf = (id: string) => exact.indicators.find((r) => r.id === id)!.value.total.value.toString();
  const refused = [...out.refused].map(([reason, { count }]) => ({ reason, count }));
  const all: GepWarning[] = [...warnings];
  if (!parameters.length) all.push(makeWarning('uncertainty-none'));
  const notCounted = run.draws - out.counted;
  if (notCounted > 0) {
    const reasons: Text[] = [...out.refused].map(([en, r]) => ({ en: `${r.count}: ${en}`, zh: `${r.count} 次：${r.zh}` }));
    all.push(
      makeWarning('uncertainty-refused', { params: { notCounted, draws: run.draws, reasons: joinTexts(reasons, { en: '; ', zh: '；' }) } }),
    );
  }
  return {
    kind: 'gep-uncertainty',
    libraryVersion: LIBRARY_VERSION,
    region: exact.region,
    accountingYear: exact.accountingYear,
    priceYear: exact.priceYear,
    profile: exact.profile,
    coefficientTable: exact.coefficientTable,
    unit: '元',
    draws: run.draws,
    counted: out.counted,
    refused,
    seed: run.seed,
    generator: GENERATOR,
    quantileMethod: QUANTILE_METHOD,
    parameters: reportParameters(parameters),
    totals: {
      gep: summarise(out.gep, exact.totals.gep.value.toString(), run.quantiles),
      material: summarise(out.categories.material, exact.totals.material.value.toString(), run.quantiles),
      regulating: summarise(out.categories.regulating, exact.totals.regulating.value.toString(), run.quantiles),
      cultural: summarise(out.categories.cultural, exact.totals.cultural.value.toString(), run.quantiles),
    },
    indicators: plan.tapes[0]!.totals.indicators.map((i) => {
      const r = exact.indicators.find((x) => x.id === i.id)!;
      return { id: i.id, category: i.category, zh: r.zh, en: r.en, ...summarise(out.indicators.get(i.id)!, baseOf(i.id), run.quantiles) };
    }),
    histogram: histogram(out.gep, run.bins),
    warnings: all,
  };
}
