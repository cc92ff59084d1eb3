/**
 * 土壤保持 per cell — RUSLE soil retention (gep-methods §4.3; S6 writes USLE):
 *   Q = R · K · LS · (1 − C · P) · a         = (potential − actual erosion) · a
 * R rainfall erosivity MJ·mm/(hm²·h·a), K soil erodibility t·hm²·h/(hm²·MJ·mm) (multiply US-unit K
 * by 0.1317 before), LS slope length–steepness, C cover-management 0–1, P support practice 0–1,
 * a cell area in m² (÷ 10⁴ to hm²), Q in t/a. The formula is the soil-retention module's
 * (src/indicators/regulating/physics.ts: A_p = R·(K·LS), A_r = A_p·(C·P), Q = (A_p − A_r)·a), run
 * through its float64 twin.
 *
 * Rules: a cell is nodata when an input is its band's nodata value, NaN or ±Infinity; it is invalid
 * when R, K or LS is negative, C or P lies outside 0–1, or the result leaves the float range (factors
 * of absurd size: R·K = ∞, ∞ − ∞ = NaN). Both are written as `outNodata` and left out of the sum.
 */
import { soilRetainedF } from '../indicators/regulating/physics.js';
import {
  blockScratch,
  checkBands,
  FLOAT32_SAFE,
  foldParts,
  nodataOf,
  overflowsFloat32,
  PARTIAL_SUM_CELLS,
  runKernel,
  type Band,
  type CellArray,
  type KernelOutput,
  type KernelPlan,
  type KernelSpec,
  type KernelStats,
} from './cells.js';

export interface RusleInput extends KernelOutput {
  readonly erosivity: Band;
  readonly erodibility: Band;
  readonly slopeLength: Band;
  readonly cover: Band;
  readonly practice: Band;
  /** Area of one cell, m². */
  readonly cellArea: number;
}

/** The checked input of a RUSLE pass: plain data a worker thread can receive. */
export interface RuslePlan extends KernelPlan {
  readonly r: CellArray;
  readonly k: CellArray;
  readonly ls: CellArray;
  readonly c: CellArray;
  readonly p: CellArray;
  readonly nodata: readonly [number, number, number, number, number];
  /** Cell area, hm². */
  readonly hm2: number;
  /** Every band's nodata value lies outside the band's range, so the range test alone sets every bad cell aside. */
  readonly fast: boolean;
}

/** Counters of a RUSLE part, in this order. */
const NODATA = 0;
const INVALID = 1;

export const rusleSpec: KernelSpec<RusleInput, RuslePlan, KernelStats> = {
  name: 'rusle',
  plan(input) {
    const { length: n, outNodata } = checkBands(
      'RUSLE',
      {
        erosivity: input.erosivity,
        erodibility: input.erodibility,
        slopeLength: input.slopeLength,
        cover: input.cover,
        practice: input.practice,
      },
      input,
    );
    if (!(input.cellArea > 0 && Number.isFinite(input.cellArea)))
      throw new RangeError(`[gep] RUSLE: cellArea must be a positive number of m², not ${input.cellArea}`);
    const nodata = [
      nodataOf(input.erosivity),
      nodataOf(input.erodibility),
      nodataOf(input.slopeLength),
      nodataOf(input.cover),
      nodataOf(input.practice),
    ] as const;
    // R, K and LS are ≥ 0; C and P in 0–1. A nodata value outside that (−9999, NaN, …) fails the range test.
    const outside = (nd: number, max: number) => !(nd >= 0 && nd <= max);
    const fast =
      outside(nodata[0], Infinity) &&
      outside(nodata[1], Infinity) &&
      outside(nodata[2], Infinity) &&
      outside(nodata[3], 1) &&
      outside(nodata[4], 1);
    return {
      cells: n,
      out: input.out ?? null,
      outNodata,
      hm2: input.cellArea / 10_000,
      nodata,
      fast,
      r: input.erosivity.values,
      k: input.erodibility.values,
      ls: input.slopeLength.values,
      c: input.cover.values,
      p: input.practice.values,
    };
  },
  cellArrays: (plan) => [plan.r, plan.k, plan.ls, plan.c, plan.p, ...(plan.out ? [plan.out] : [])],
  run(plan, from, to) {
    const partials = new Float64Array(to - from);
    const counts = [0, 0];
    for (let b = from; b < to; b++) {
      const start = b * PARTIAL_SUM_CELLS;
      const end = Math.min(plan.cells, start + PARTIAL_SUM_CELLS);
      let s = plan.fast ? fastBlock(plan, start, end, counts) : Number.NaN;
      if (Number.isNaN(s)) s = exactBlock(plan, start, end, counts);
      partials[b - from] = s;
    }
    return { from, sums: [partials], counts };
  },
  stats(plan, parts) {
    const { sums, counts } = foldParts(parts, 1, 2);
    return {
      cells: plan.cells,
      valid: plan.cells - counts[NODATA]! - counts[INVALID]!,
      nodata: counts[NODATA]!,
      invalid: counts[INVALID]!,
      sum: sums[0]!,
    };
  },
};

/**
 * The fast loop: every cell is computed and written, and a cell that fails the range test adds 0
 * and is set aside (one branch, not taken on good cells, so predicted); the set-aside cells are
 * sorted into nodata and invalid afterwards. A non-finite result (absurd factors) or a float32
 * overflow shows in the block's sum: the block is then redone cell by cell (`exactBlock`). Returns
 * the block's sum, or NaN when the block must be redone.
 */
function fastBlock(plan: RuslePlan, start: number, end: number, counts: number[]): number {
  const { r: R, k: K, ls: LS, c: C, p: P, hm2, out } = plan;
  const scratch = blockScratch();
  const dst = out ?? scratch.values;
  const off = out ? 0 : start;
  const aside = scratch.cells;
  let s = 0;
  let n = 0;
  for (let i = start; i < end; i++) {
    const r = R[i]!;
    const k = K[i]!;
    const ls = LS[i]!;
    const c = C[i]!;
    const p = P[i]!;
    let q = soilRetainedF(r, k, ls, c, p, hm2);
    // No finiteness test here: an infinite factor that passes gives a NaN or infinite q, caught by the block's sum.
    if (!(r >= 0 && k >= 0 && ls >= 0 && c >= 0 && c <= 1 && p >= 0 && p <= 1)) {
      q = 0;
      aside[n++] = i;
    }
    dst[i - off] = q;
    s += q;
  }
  // Every q is ≥ 0, so s bounds each of them: below FLOAT32_SAFE none overflowed a float32 output.
  if (!(s - s === 0) || (out instanceof Float32Array && !(s <= FLOAT32_SAFE))) return Number.NaN;
  for (let j = 0; j < n; j++) {
    const i = aside[j]!;
    counts[isNodata(plan, i) ? NODATA : INVALID]!++;
    if (out) out[i] = plan.outNodata;
  }
  return s;
}

function isNodata(plan: RuslePlan, i: number): boolean {
  const r = plan.r[i]!;
  const k = plan.k[i]!;
  const ls = plan.ls[i]!;
  const c = plan.c[i]!;
  const p = plan.p[i]!;
  const [rNd, kNd, lsNd, cNd, pNd] = plan.nodata;
  return r === rNd || k === kNd || ls === lsNd || c === cNd || p === pNd || !(r - r + (k - k) + (ls - ls) + (c - c) + (p - p) === 0);
}

/** Cell by cell, every rule tested on its own: the reference the fast loop must agree with. */
function exactBlock(plan: RuslePlan, start: number, end: number, counts: number[]): number {
  const { r: R, k: K, ls: LS, c: C, p: P, hm2, out, outNodata } = plan;
  const [rNd, kNd, lsNd, cNd, pNd] = plan.nodata;
  const INF = Number.POSITIVE_INFINITY;
  let s = 0;
  for (let i = start; i < end; i++) {
    const r = R[i]!;
    const k = K[i]!;
    const ls = LS[i]!;
    const c = C[i]!;
    const p = P[i]!;
    if (
      !(
        r >= 0 &&
        r < INF &&
        k >= 0 &&
        k < INF &&
        ls >= 0 &&
        ls < INF &&
        c >= 0 &&
        c <= 1 &&
        p >= 0 &&
        p <= 1 &&
        r !== rNd &&
        k !== kNd &&
        ls !== lsNd &&
        c !== cNd &&
        p !== pNd
      )
    ) {
      counts[isNodata(plan, i) ? NODATA : INVALID]!++;
      if (out) out[i] = outNodata;
      continue;
    }
    const q = soilRetainedF(r, k, ls, c, p, hm2);
    // Factors of absurd size overflow (R·K = ∞, and ∞ − ∞ = NaN), or the cell does not fit a float32 output: out of the domain.
    if (!(q - q === 0) || overflowsFloat32(out, q)) {
      counts[INVALID]!++;
      if (out) out[i] = outNodata;
      continue;
    }
    s += q;
    if (out) out[i] = q;
  }
  return s;
}

/**
 * Soil retained per cell (t/a), in one pass on this thread (`gep-accounting/node` splits it over
 * worker threads).
 * @example
 * // R 2000, K 0.03, LS 5, C 0.2, P 1, 900 m² (0.09 hm²): 2000 × 0.03 × 5 × (1 − 0.2) × 0.09 = 21.6 t/a
 */
export function rusleKernel(input: RusleInput): KernelStats {
  return runKernel(rusleSpec, input);
}
