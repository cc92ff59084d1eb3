/**
 * 水源涵养 per cell — the water-balance kernel (gep-methods §4.2; the formula of
 * `regulating.water-conservation`, variant `runoff: mean-runoff-coefficient`):
 *   Q = a · (P − P·α − ET)            a cell area, P precipitation, ET evapotranspiration, α runoff coefficient
 * P and ET in mm (annual totals), α a fraction 0–1, a in m², Q in m³/a (1 mm over 1 m² = 10⁻³ m³).
 * A negative cell balance counts as 0 (gep-methods §4.0, "usually set to 0 per cell"); the raw sum
 * and the number of clamped cells are returned beside the clamped sum. Note that the decimal module
 * clamps per ecosystem type, after summing, so the two agree only where no cell is negative. The
 * depth P − P·α − ET and the clamp max(Q, 0) are the module's formulas
 * (src/indicators/regulating/physics.ts), run through their float64 twins.
 *
 * Rules: a cell is nodata when an input is its band's nodata value, NaN or ±Infinity; it is invalid
 * when P or ET is negative, α lies outside 0–1 (or its class has no α), or Q leaves the float range.
 * Both are written as `outNodata` and left out of the sums.
 */
import { nonNegativeF, waterBalanceDepthF } from '../indicators/regulating/physics.js';
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

/** α looked up by land-cover class: `byClass[class]` (NaN or absent for a class without α). */
export interface ClassLookup {
  readonly classes: Band;
  readonly byClass: ArrayLike<number>;
}

export interface WaterBalanceInput extends KernelOutput {
  /** Annual precipitation, mm. */
  readonly precipitation: Band;
  /** Annual actual evapotranspiration, mm. */
  readonly evapotranspiration: Band;
  /** Runoff coefficient α (fraction 0–1) per cell, or by land-cover class. */
  readonly runoffCoefficient: Band | ClassLookup;
  /** Area of one cell, m². */
  readonly cellArea: number;
}

export interface WaterBalanceStats extends KernelStats {
  /** Σ a·(P − R − ET) before clamping, m³/a. */
  readonly rawSum: number;
  /** Cells whose balance was negative and counted as 0. */
  readonly clamped: number;
}

/** The checked input of a water-balance pass: plain data a worker thread can receive. */
export interface WaterBalancePlan extends KernelPlan {
  readonly p: CellArray;
  readonly et: CellArray;
  /** α per cell, or the class of each cell when `byClass` is given. */
  readonly x: CellArray;
  /** α by class (NaN for a class without one), or null. */
  readonly byClass: Float64Array | null;
  readonly nodata: readonly [number, number, number];
  /** m³ per mm of depth: cell area ÷ 1000. */
  readonly k: number;
  /** α per cell and every nodata value outside its band's range: the range test alone sets every bad cell aside. */
  readonly fast: boolean;
}

/** Counters of a water-balance part, in this order. */
const NODATA = 0;
const INVALID = 1;
const CLAMPED = 2;

export const waterBalanceSpec: KernelSpec<WaterBalanceInput, WaterBalancePlan, WaterBalanceStats> = {
  name: 'water-balance',
  plan(input) {
    const lookup = 'classes' in input.runoffCoefficient ? input.runoffCoefficient : null;
    const alphaBand = lookup ? lookup.classes : (input.runoffCoefficient as Band);
    const { length: n, outNodata } = checkBands(
      'water balance',
      { precipitation: input.precipitation, evapotranspiration: input.evapotranspiration, runoffCoefficient: alphaBand },
      input,
    );
    if (!(input.cellArea > 0 && Number.isFinite(input.cellArea)))
      throw new RangeError(`[gep] water balance: cellArea must be a positive number of m², not ${input.cellArea}`);
    const nodata = [nodataOf(input.precipitation), nodataOf(input.evapotranspiration), nodataOf(alphaBand)] as const;
    // A lookup table as a Float64Array: one element type in the loop, and plain data for a worker.
    const byClass = lookup ? Float64Array.from({ length: lookup.byClass.length }, (_, c) => lookup.byClass[c] ?? Number.NaN) : null;
    const fast = !lookup && !(nodata[0] >= 0) && !(nodata[1] >= 0) && !(nodata[2] >= 0 && nodata[2] <= 1);
    return {
      cells: n,
      out: input.out ?? null,
      outNodata,
      k: input.cellArea / 1000,
      nodata,
      byClass,
      fast,
      p: input.precipitation.values,
      et: input.evapotranspiration.values,
      x: alphaBand.values,
    };
  },
  cellArrays: (plan) => [plan.p, plan.et, plan.x, ...(plan.out ? [plan.out] : [])],
  run(plan, from, to) {
    const sums = new Float64Array(to - from);
    const raws = new Float64Array(to - from);
    const counts = [0, 0, 0];
    // The two sums of a block: a Float64Array, so the element kind never changes under the compiled loop.
    const pair = new Float64Array(2);
    for (let b = from; b < to; b++) {
      const start = b * PARTIAL_SUM_CELLS;
      const end = Math.min(plan.cells, start + PARTIAL_SUM_CELLS);
      if (!(plan.fast && fastBlock(plan, start, end, counts, pair))) exactBlock(plan, start, end, counts, pair);
      sums[b - from] = pair[0]!;
      raws[b - from] = pair[1]!;
    }
    return { from, sums: [sums, raws], counts };
  },
  stats(plan, parts) {
    const { sums, counts } = foldParts(parts, 2, 3);
    const nodata = counts[NODATA]!;
    const invalid = counts[INVALID]!;
    return {
      cells: plan.cells,
      valid: plan.cells - nodata - invalid,
      nodata,
      invalid,
      sum: sums[0]!,
      rawSum: sums[1]!,
      clamped: counts[CLAMPED]!,
    };
  },
};

/**
 * The fast loop: no per-cell branch but the range test, which good cells pass (predicted). The
 * clamp is `nonNegativeF`, branch-free: a negative cell is counted by adding [Q < 0]. A cell that
 * fails the range test adds 0 to both sums and is set aside, then sorted into nodata or invalid.
 * A non-finite Q (an infinite input that passed, or an overflow) shows in the raw sum, a float32
 * overflow in the clamped sum (every clamped Q ≥ 0, so the sum bounds each): the block is then
 * redone cell by cell. Writes [sum, raw] into `pair`; false when the block must be redone.
 */
function fastBlock(plan: WaterBalancePlan, start: number, end: number, counts: number[], pair: Float64Array): boolean {
  const { p: P, et: ET, x: X, k, out } = plan;
  const scratch = blockScratch();
  const dst = out ?? scratch.values;
  const off = out ? 0 : start;
  const aside = scratch.cells;
  let s = 0;
  let raw = 0;
  let clamped = 0;
  let n = 0;
  for (let i = start; i < end; i++) {
    const p = P[i]!;
    const et = ET[i]!;
    const a = X[i]!;
    let d = k * waterBalanceDepthF(p, a, et);
    if (!(p >= 0 && et >= 0 && a >= 0 && a <= 1)) {
      d = 0;
      aside[n++] = i;
    }
    raw += d;
    clamped += +(d < 0);
    const q = nonNegativeF(d);
    dst[i - off] = q;
    s += q;
  }
  if (!(raw - raw === 0) || (out instanceof Float32Array && !(s <= FLOAT32_SAFE))) return false;
  for (let j = 0; j < n; j++) {
    const i = aside[j]!;
    counts[isNodata(plan, i) ? NODATA : INVALID]!++;
    if (out) out[i] = plan.outNodata;
  }
  counts[CLAMPED]! += clamped;
  pair[0] = s;
  pair[1] = raw;
  return true;
}

function isNodata(plan: WaterBalancePlan, i: number): boolean {
  const p = plan.p[i]!;
  const et = plan.et[i]!;
  const x = plan.x[i]!;
  const [pNd, etNd, xNd] = plan.nodata;
  return p === pNd || et === etNd || x === xNd || !(p - p + (et - et) + (x - x) === 0);
}

/** Cell by cell, every rule tested on its own: the reference the fast loop must agree with; also the path for α by class. */
function exactBlock(plan: WaterBalancePlan, start: number, end: number, counts: number[], pair: Float64Array): void {
  const { p: P, et: ET, x: X, byClass: table, k, out, outNodata } = plan;
  const [pNd, etNd, xNd] = plan.nodata;
  const INF = Number.POSITIVE_INFINITY;
  let s = 0;
  let raw = 0;
  for (let i = start; i < end; i++) {
    const p = P[i]!;
    const et = ET[i]!;
    const x = X[i]!;
    // A class outside the table reads undefined, which fails the range test like NaN.
    const a = table ? table[x]! : x;
    if (!(p >= 0 && p < INF && et >= 0 && et < INF && a >= 0 && a <= 1 && p !== pNd && et !== etNd && x !== xNd)) {
      counts[isNodata(plan, i) ? NODATA : INVALID]!++;
      if (out) out[i] = outNodata;
      continue;
    }
    const d = k * waterBalanceDepthF(p, a, et);
    const q = nonNegativeF(d);
    // A balance beyond the float range (a huge cell area) is out of the domain, as is a cell a float32 output cannot hold.
    if (!(d - d === 0) || overflowsFloat32(out, q)) {
      counts[INVALID]!++;
      if (out) out[i] = outNodata;
      continue;
    }
    raw += d;
    counts[CLAMPED]! += +(d < 0);
    s += q;
    if (out) out[i] = q;
  }
  pair[0] = s;
  pair[1] = raw;
}

/**
 * Water conserved per cell (m³/a), in one pass on this thread (`gep-accounting/node` splits it over
 * worker threads).
 * @example
 * // 1 000 m², P 600 mm, α 0.1, ET 400 mm: 1000 × (600 − 60 − 400) × 10⁻³ = 140 m³/a
 * waterBalanceKernel({ precipitation: { values: Float64Array.of(600) }, evapotranspiration: { values: Float64Array.of(400) },
 *   runoffCoefficient: { values: Float64Array.of(0.1) }, cellArea: 1000 }).sum //=> 140
 */
export function waterBalanceKernel(input: WaterBalanceInput): WaterBalanceStats {
  return runKernel(waterBalanceSpec, input);
}
