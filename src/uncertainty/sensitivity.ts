/**
 * Sensitivity of GEP to its inputs and coefficients (敏感性分析), on the float64 plan:
 *
 * - One at a time (tornado): each parameter is set to the 5th and then the 95th percentile of its
 *   distribution, every other parameter at the value the account uses; its swing is the difference
 *   of the two GEPs. Parameters: those of the uncertainty specification, the default distributions
 *   of to-verify coefficients, and every other coefficient the account reads with uniform ±10 %
 *   ("no stated uncertainty": the swing then shows its leverage, not its uncertainty), except the
 *   physical constants and unit factors of src/uncertainty/defaults.json `fixed`.
 * - Variance-based first-order indices (Sobol main effects) of the parameters with the largest
 *   swings: S_i = V(E[GEP | X_i]) / V(GEP), estimated with two independent samples A and B of all
 *   parameters and, for each parameter i, A with column i taken from B (the design of Saltelli et
 *   al. 2010, Computer Physics Communications 181), with Jansen's (1999) estimator
 *   S_i ≈ 1 − mean((f(B) − f(A_B⁽ⁱ⁾))²) / (2V), which does not depend on the level of GEP (the
 *   product form f(B)·(f(A_B⁽ⁱ⁾) − f(A)) is swamped by it: GEP's mean is 50× its spread). Parameters that
 *   share a draw form one factor. The estimate's error shrinks as 1/√N.
 */
import { computeGep, type GepResult } from '../accounts/gep.js';
import type { GepWarning } from '../errors/errors.js';
import { makeWarning } from '../errors/warnings/index.js';
import type { CoefficientUse } from '../coefficients/types.js';
import { decimalArithmetic } from '../numbers/arithmetic.js';
import { compileGepPlan } from '../plan/plan.js';
import { LIBRARY_VERSION } from '../version.js';
import { UNCERTAINTY_DEFAULTS } from './defaults.js';
import { quantileOf, type Distribution } from './distributions.js';
import {
  evaluateOutputs,
  planOptionsOf,
  reportParameters,
  uniforms,
  type ParameterReport,
  type UncertaintyOptions,
} from './monte-carlo.js';
import { parseUncertaintySpec, resolveParameters, type UncertainParameter } from './parameters.js';

/** Options of `computeGepSensitivity`. */
export interface SensitivityOptions extends UncertaintyOptions {
  /** How many of the parameters with the largest swings get a first-order index (default 8). */
  readonly top?: number;
  /** Samples N of the first-order estimator (default 4 096; N × (top + 2) accounts are computed). */
  readonly samples?: number;
  /** Relative half-width of the range of coefficients without a stated uncertainty (default 0.1). */
  readonly relativeRange?: number;
}

/** One parameter's swing. */
export interface Swing extends ParameterReport {
  /** The parameter's 5th and 95th percentile. */
  readonly low: number;
  readonly high: number;
  /** GEP (元) with the parameter at low and at high. */
  readonly gepLow: number;
  readonly gepHigh: number;
  /** |gepHigh − gepLow|, 元. */
  readonly swing: number;
}

/** The sensitivity of an account's GEP. */
export interface SensitivityResult {
  readonly kind: 'gep-sensitivity';
  readonly libraryVersion: string;
  readonly region: GepResult<unknown>['region'];
  readonly accountingYear: number;
  readonly priceYear: number;
  readonly profile: GepResult<unknown>['profile'];
  readonly coefficientTable: string;
  readonly unit: '元';
  /** GEP without any change (decimal path, exact) and on the float path. */
  readonly base: string;
  /** Every parameter, largest swing first. */
  readonly swings: readonly Swing[];
  /** The five coefficients whose ranges move GEP most (ids, largest swing first). */
  readonly topCoefficients: readonly string[];
  readonly firstOrder: {
    readonly samples: number;
    readonly seed: number;
    readonly estimator: string;
    /** Variance of GEP over the samples, 元². */
    readonly variance: number;
    readonly indices: readonly { readonly keys: readonly string[]; readonly index: number }[];
  };
  readonly warnings: readonly GepWarning[];
}

const FIXED = new Set(UNCERTAINTY_DEFAULTS.fixed.map((f) => f.id));

/**
 * One-at-a-time swings (tornado) and first-order variance indices of GEP.
 *
 * @param input - the account input
 * @param options - the uncertainty specification, `top`, `samples`, `seed`, and `computeGep`'s options
 * @returns every parameter's swing (元), the five coefficients that move GEP most, first-order indices of the top ones
 * @example
 * const s = computeGepSensitivity(input);
 * s.topCoefficients        //=> ['oxygen-price', …]
 */
export function computeGepSensitivity(input: unknown, options: SensitivityOptions = {}): SensitivityResult {
  const spec = parseUncertaintySpec(options.spec);
  const planOptions = planOptionsOf(options);
  const exact = computeGep(input, planOptions);
  const plan = compileGepPlan(input, planOptions);
  const half = options.relativeRange ?? 0.1;
  const leverage = (use: CoefficientUse): Distribution | null => {
    if (FIXED.has(use.id)) return null;
    const v = decimalArithmetic.fromString(use.value).toNumber();
    return v === 0
      ? null
      : { type: 'uniform', min: Math.min(v * (1 - half), v * (1 + half)), max: Math.max(v * (1 - half), v * (1 + half)) };
  };
  const { parameters, draws: independent, warnings } = resolveParameters(plan, spec, leverage);

  // One at a time: row 0 the base, rows 2i+1 and 2i+2 parameter i at its 5th and 95th percentile.
  const rows = 1 + 2 * parameters.length;
  const columns = new Map<number, Float64Array>();
  const ranges = parameters.map((p) => ({ low: quantileOf(p.distribution, 0.05), high: quantileOf(p.distribution, 0.95) }));
  parameters.forEach((p, i) => {
    const col = new Float64Array(rows).fill(p.base);
    col[2 * i + 1] = ranges[i]!.low;
    col[2 * i + 2] = ranges[i]!.high;
    columns.set(p.slot, col);
  });
  const oat = evaluateOutputs(plan, parameters, columns, rows);
  const reports = reportParameters(parameters);
  const swings: Swing[] = parameters.map((_, i) => {
    const gepLow = oat.gep[2 * i + 1]!;
    const gepHigh = oat.gep[2 * i + 2]!;
    return { ...reports[i]!, ...ranges[i]!, gepLow, gepHigh, swing: Math.abs(gepHigh - gepLow) };
  });
  const order = swings.map((_, i) => i).sort((a, b) => (swings[b]!.swing || 0) - (swings[a]!.swing || 0));
  const sorted = order.map((i) => swings[i]!);
  const all: GepWarning[] = [...warnings];
  const notComputed = sorted.filter((s) => Number.isNaN(s.swing));
  if (notComputed.length)
    all.push(
      makeWarning('sensitivity-refused', {
        params: { keys: { en: notComputed.map((s) => s.key).join(', '), zh: notComputed.map((s) => s.key).join('、') } },
      }),
    );

  // First-order indices of the factors (independent draws) of the largest swings.
  const seed = options.seed ?? spec.seed ?? 1;
  const samples = options.samples ?? 4096;
  const top = options.top ?? 8;
  const factors: number[] = [];
  for (const i of order) {
    const d = parameters[i]!.draw;
    if (!factors.includes(d) && !Number.isNaN(swings[i]!.swing) && swings[i]!.swing > 0) factors.push(d);
    if (factors.length === top) break;
  }
  const firstOrder = firstOrderIndices(plan, parameters, independent, factors, samples, seed);
  return {
    kind: 'gep-sensitivity',
    libraryVersion: LIBRARY_VERSION,
    region: exact.region,
    accountingYear: exact.accountingYear,
    priceYear: exact.priceYear,
    profile: exact.profile,
    coefficientTable: exact.coefficientTable,
    unit: '元',
    base: exact.totals.gep.value.toString(),
    swings: sorted,
    topCoefficients: sorted
      .filter((s) => s.kind === 'coefficient' && s.swing > 0)
      .slice(0, 5)
      .map((s) => s.key),
    firstOrder: {
      samples,
      seed,
      estimator: 'Jansen (1999) first-order estimator on the A, B, A_B(i) design of Saltelli et al. (2010)',
      ...firstOrder,
    },
    warnings: all,
  };
}

function firstOrderIndices(
  plan: ReturnType<typeof compileGepPlan>,
  parameters: readonly UncertainParameter[],
  independent: number,
  factors: readonly number[],
  n: number,
  seed: number,
): { variance: number; indices: { keys: string[]; index: number }[] } {
  if (!factors.length || independent === 0) return { variance: 0, indices: [] };
  // Uniforms of A and B: 2·independent draws per sample.
  const u = uniforms(2 * independent, n, seed);
  const rows = n * (2 + factors.length);
  const columns = new Map<number, Float64Array>();
  for (const p of parameters) {
    const col = new Float64Array(rows);
    const a = u[p.draw]!;
    const b = u[independent + p.draw]!;
    for (let i = 0; i < n; i++) {
      col[i] = quantileOf(p.distribution, a[i]!);
      col[n + i] = quantileOf(p.distribution, b[i]!);
      factors.forEach((f, k) => {
        // A_B(f): A with the factor's draw taken from B.
        col[(2 + k) * n + i] = quantileOf(p.distribution, p.draw === f ? b[i]! : a[i]!);
      });
    }
    columns.set(p.slot, col);
  }
  const out = evaluateOutputs(plan, parameters, columns, rows);
  const y = out.gep;
  let mean = 0;
  let count = 0;
  for (let i = 0; i < 2 * n; i++) if (!Number.isNaN(y[i]!)) mean += (y[i]! - mean) / ++count;
  let variance = 0;
  for (let i = 0; i < 2 * n; i++) if (!Number.isNaN(y[i]!)) variance += (y[i]! - mean) ** 2;
  variance /= Math.max(1, count - 1);
  const indices = factors.map((f, k) => {
    // Jansen (1999): V_i = V − ½·E[(f(B) − f(A_B⁽ⁱ⁾))²]; B and A_B⁽ⁱ⁾ share only factor i. Unlike
    // Saltelli's product form it does not depend on the level of GEP, only on its changes.
    let s = 0;
    let m = 0;
    for (let i = 0; i < n; i++) {
      const fb = y[n + i]!;
      const fab = y[(2 + k) * n + i]!;
      if (Number.isNaN(fb) || Number.isNaN(fab)) continue;
      s += (fb - fab) ** 2;
      m++;
    }
    return {
      keys: parameters.filter((p) => p.draw === f).map((p) => p.key),
      index: variance > 0 && m > 0 ? 1 - s / (2 * m) / variance : 0,
    };
  });
  return { variance, indices };
}
