/**
 * 土壤保持 per cell — RUSLE soil retention (gep-methods §4.3; S6 writes USLE):
 *   Q = R · K · LS · (1 − C · P) · a         = (potential − actual erosion) · a
 * R rainfall erosivity MJ·mm/(hm²·h·a), K soil erodibility t·hm²·h/(hm²·MJ·mm) (multiply US-unit K
 * by 0.1317 before), LS slope length–steepness, C cover-management 0–1, P support practice 0–1,
 * a cell area in m² (÷ 10⁴ to hm²), Q in t/a. The formula is the soil-retention module's
 * (src/indicators/regulating/physics.ts: A_p = R·(K·LS), A_r = A_p·(C·P), Q = (A_p − A_r)·a), run
 * through its float64 twin.
 */
import { soilRetainedF } from '../indicators/regulating/physics.js';
import { checkBands, CompensatedSum, nodataOf, PARTIAL_SUM_CELLS, type Band, type KernelOutput, type KernelStats } from './cells.js';

export interface RusleInput extends KernelOutput {
  readonly erosivity: Band;
  readonly erodibility: Band;
  readonly slopeLength: Band;
  readonly cover: Band;
  readonly practice: Band;
  /** Area of one cell, m². */
  readonly cellArea: number;
}

/**
 * Soil retained per cell (t/a), in one pass.
 * @example
 * // R 2000, K 0.03, LS 5, C 0.2, P 1, 900 m² (0.09 hm²): 2000 × 0.03 × 5 × (1 − 0.2) × 0.09 = 21.6 t/a
 */
export function rusleKernel(input: RusleInput): KernelStats {
  const { length: n, outNodata } = checkBands('RUSLE', { erosivity: input.erosivity, erodibility: input.erodibility, slopeLength: input.slopeLength, cover: input.cover, practice: input.practice }, input);
  if (!(input.cellArea > 0 && Number.isFinite(input.cellArea))) throw new RangeError(`[gep] RUSLE: cellArea must be a positive number of m², not ${input.cellArea}`);
  const R = input.erosivity.values;
  const K = input.erodibility.values;
  const LS = input.slopeLength.values;
  const C = input.cover.values;
  const P = input.practice.values;
  const rNd = nodataOf(input.erosivity);
  const kNd = nodataOf(input.erodibility);
  const lsNd = nodataOf(input.slopeLength);
  const cNd = nodataOf(input.cover);
  const pNd = nodataOf(input.practice);
  const out = input.out;
  const hm2 = input.cellArea / 10_000;
  const INF = Number.POSITIVE_INFINITY;
  const total = new CompensatedSum();
  let nodata = 0;
  let invalid = 0;
  for (let start = 0; start < n; start += PARTIAL_SUM_CELLS) {
    const end = Math.min(n, start + PARTIAL_SUM_CELLS);
    let s = 0;
    for (let i = start; i < end; i++) {
      const r = R[i]!;
      const k = K[i]!;
      const ls = LS[i]!;
      const c = C[i]!;
      const p = P[i]!;
      // One combined test on the fast path (in range, finite, not nodata); a failing cell is sorted
      // into nodata or invalid afterwards, so the common case costs no extra branch.
      if (!(r >= 0 && r < INF && k >= 0 && k < INF && ls >= 0 && ls < INF && c >= 0 && c <= 1 && p >= 0 && p <= 1 && r !== rNd && k !== kNd && ls !== lsNd && c !== cNd && p !== pNd)) {
        if (r === rNd || k === kNd || ls === lsNd || c === cNd || p === pNd || !(r - r + (k - k) + (ls - ls) + (c - c) + (p - p) === 0)) nodata++;
        else invalid++;
        if (out) out[i] = outNodata;
        continue;
      }
      const q = soilRetainedF(r, k, ls, c, p, hm2);
      // Factors of absurd size overflow (R·K = ∞, and ∞ − ∞ = NaN): such a cell is out of the domain.
      if (!(q - q === 0)) {
        invalid++;
        if (out) out[i] = outNodata;
        continue;
      }
      s += q;
      if (out) out[i] = q;
    }
    total.add(s);
  }
  return { cells: n, valid: n - nodata - invalid, nodata, invalid, sum: total.value };
}
