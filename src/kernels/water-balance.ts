/**
 * 水源涵养 per cell — the water-balance kernel (gep-methods §4.2; the formula of
 * `regulating.water-conservation`, variant `runoff: mean-runoff-coefficient`):
 *   Q = a · (P − P·α − ET)            a cell area, P precipitation, ET evapotranspiration, α runoff coefficient
 * P and ET in mm (annual totals), α a fraction 0–1, a in m², Q in m³/a (1 mm over 1 m² = 10⁻³ m³).
 * A negative cell balance counts as 0 (gep-methods §4.0, "usually set to 0 per cell"); the raw sum
 * and the number of clamped cells are returned beside the clamped sum. Note that the decimal module
 * clamps per ecosystem type, after summing, so the two agree only where no cell is negative. The
 * depth P − P·α − ET is the module's formula (src/indicators/regulating/physics.ts), run through its
 * float64 twin.
 */
import { waterBalanceDepthF } from '../indicators/regulating/physics.js';
import { checkBands, CompensatedSum, nodataOf, PARTIAL_SUM_CELLS, type Band, type KernelOutput, type KernelStats } from './cells.js';

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

/**
 * Water conserved per cell (m³/a), in one pass.
 * @example
 * // 1 000 m², P 600 mm, α 0.1, ET 400 mm: 1000 × (600 − 60 − 400) × 10⁻³ = 140 m³/a
 * waterBalanceKernel({ precipitation: { values: Float64Array.of(600) }, evapotranspiration: { values: Float64Array.of(400) },
 *   runoffCoefficient: { values: Float64Array.of(0.1) }, cellArea: 1000 }).sum //=> 140
 */
export function waterBalanceKernel(input: WaterBalanceInput): WaterBalanceStats {
  const lookup = 'classes' in input.runoffCoefficient ? input.runoffCoefficient : null;
  const alphaBand = lookup ? lookup.classes : (input.runoffCoefficient as Band);
  const { length: n, outNodata } = checkBands('water balance', { precipitation: input.precipitation, evapotranspiration: input.evapotranspiration, runoffCoefficient: alphaBand }, input);
  if (!(input.cellArea > 0 && Number.isFinite(input.cellArea))) throw new RangeError(`[gep] water balance: cellArea must be a positive number of m², not ${input.cellArea}`);
  const P = input.precipitation.values;
  const ET = input.evapotranspiration.values;
  const X = alphaBand.values;
  const table = lookup ? lookup.byClass : null;
  const pNd = nodataOf(input.precipitation);
  const etNd = nodataOf(input.evapotranspiration);
  const xNd = nodataOf(alphaBand);
  const out = input.out;
  const k = input.cellArea / 1000;
  const INF = Number.POSITIVE_INFINITY;
  const total = new CompensatedSum();
  const rawTotal = new CompensatedSum();
  let nodata = 0;
  let invalid = 0;
  let clamped = 0;
  for (let start = 0; start < n; start += PARTIAL_SUM_CELLS) {
    const end = Math.min(n, start + PARTIAL_SUM_CELLS);
    let s = 0;
    let raw = 0;
    for (let i = start; i < end; i++) {
      const p = P[i]!;
      const et = ET[i]!;
      const x = X[i]!;
      const a = table ? table[x]! : x;
      // One combined test on the fast path (in range, finite, not nodata); a failing cell is sorted
      // into nodata or invalid afterwards.
      if (!(p >= 0 && p < INF && et >= 0 && et < INF && a >= 0 && a <= 1 && p !== pNd && et !== etNd && x !== xNd)) {
        if (p === pNd || et === etNd || x === xNd || !(p - p + (et - et) + (x - x) === 0)) nodata++;
        else invalid++;
        if (out) out[i] = outNodata;
        continue;
      }
      let q = k * waterBalanceDepthF(p, a, et);
      raw += q;
      if (q < 0) {
        clamped++;
        q = 0;
      }
      s += q;
      if (out) out[i] = q;
    }
    total.add(s);
    rawTotal.add(raw);
  }
  return { cells: n, valid: n - nodata - invalid, nodata, invalid, sum: total.value, rawSum: rawTotal.value, clamped };
}
