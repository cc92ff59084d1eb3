/**
 * 固碳 / 释氧 per cell — NEP to CO₂ fixed or O₂ released (gep-methods §4.8–4.9; the formulas of
 * `regulating.carbon-sequestration` and `regulating.oxygen-release`, variant `nep`):
 *   NEP   = NPP − R_h          when NEP is not given
 *   Q     = k · NEP · a · u     k = 44/12 (t CO₂ per t C, coefficient co2-per-carbon) for carbon,
 *                               k = 32/12 (t O₂ per t C, coefficient o2-per-carbon) for oxygen
 * NEP, NPP and R_h per unit area; `u` turns (NEP unit × m²) into t C. The default unit is
 * `t C/(km²·a)`, which is numerically the g C/(m²·a) of MODIS and CASA products (1 g/m² = 1 t/km²);
 * pass `perArea` to say otherwise. Q in t CO₂/a or t O₂/a. A negative NEP (a net
 * source) is kept with its sign, as the decimal modules do, and counted in `negative`. A cell whose
 * NEP or Q leaves the float range (NPP − R_h or k·NEP·a overflowing) is invalid: written as
 * `outNodata` and left out of the sum, never let in as ±Infinity.
 */
import {
  checkBands,
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
import { floatArithmetic } from '../numbers/arithmetic.js';
import { multiplyInto } from '../units/units.js';

export interface NepInput extends KernelOutput {
  /** NEP per unit area; or give `npp` and `heterotrophicRespiration` instead. */
  readonly nep?: Band;
  readonly npp?: Band;
  readonly heterotrophicRespiration?: Band;
  /** Unit of NEP, NPP and R_h; default `t C/(km²·a)` (= g C/(m²·a)). Any carbon-per-area-per-year unit: `t C/(hm²·a)`, `kg C/(m²·a)` … */
  readonly perArea?: string;
  /** Area of one cell, m². */
  readonly cellArea: number;
  /** t of product per t C: 44/12 for CO₂ (co2-per-carbon), 32/12 for O₂ (o2-per-carbon). */
  readonly factor: number;
}

export interface NepStats extends KernelStats {
  /** Cells with a negative NEP (net carbon sources), kept with their sign. */
  readonly negative: number;
}

/** t C/a in one cell per unit of NEP: the conversion of `perArea` × m² to t C/a. */
export function carbonPerCell(perArea: string, cellArea: number): number {
  return multiplyInto(floatArithmetic, 1, perArea, cellArea, 'm²', 't C/a');
}

/** The checked input of a NEP pass: plain data a worker thread can receive. */
export interface NepPlan extends KernelPlan {
  /** NEP, or NPP when `y` is given. */
  readonly x: CellArray;
  /** R_h, or null. */
  readonly y: CellArray | null;
  readonly nodata: readonly [number, number];
  /** t of product per cell per unit of NEP. */
  readonly scale: number;
}

/** Counters of a NEP part, in this order. */
const NODATA = 0;
const INVALID = 1;
const NEGATIVE = 2;

export const nepSpec: KernelSpec<NepInput, NepPlan, NepStats> = {
  name: 'nep',
  plan(input) {
    const direct = input.nep;
    if (!direct && !(input.npp && input.heterotrophicRespiration)) {
      throw new RangeError('[gep] NEP kernel: give nep, or npp and heterotrophicRespiration');
    }
    const A = direct ?? input.npp!;
    const B = direct ? null : input.heterotrophicRespiration!;
    const { length: n, outNodata } = checkBands('NEP', B ? { npp: A, heterotrophicRespiration: B } : { nep: A }, input);
    if (!(input.cellArea > 0 && Number.isFinite(input.cellArea)))
      throw new RangeError(`[gep] NEP kernel: cellArea must be a positive number of m², not ${input.cellArea}`);
    if (!Number.isFinite(input.factor)) throw new RangeError(`[gep] NEP kernel: factor must be a finite number, not ${input.factor}`);
    const scale = input.factor * carbonPerCell(input.perArea ?? 't C/(km²·a)', input.cellArea);
    return {
      cells: n,
      out: input.out ?? null,
      outNodata,
      scale,
      x: A.values,
      y: B ? B.values : null,
      nodata: [nodataOf(A), B ? nodataOf(B) : Number.NaN],
    };
  },
  cellArrays: (plan) => [plan.x, ...(plan.y ? [plan.y] : []), ...(plan.out ? [plan.out] : [])],
  run(plan, from, to) {
    const { x: X, y: Y, scale, out, outNodata } = plan;
    const [xNd, yNd] = plan.nodata;
    const partials = new Float64Array(to - from);
    let nodata = 0;
    let invalid = 0;
    let negative = 0;
    for (let block = from; block < to; block++) {
      const start = block * PARTIAL_SUM_CELLS;
      const end = Math.min(plan.cells, start + PARTIAL_SUM_CELLS);
      let s = 0;
      for (let i = start; i < end; i++) {
        const x = X[i]!;
        const y = Y ? Y[i]! : 0;
        if (x === xNd || y === yNd || !(x - x + (y - y) === 0)) {
          nodata++;
          if (out) out[i] = outNodata;
          continue;
        }
        const nep = x - y;
        const q = scale * nep;
        // NPP − R_h or k·NEP·a beyond the float range, or a cell a float32 output cannot hold: out of the domain.
        if (!(q - q === 0) || overflowsFloat32(out, q)) {
          invalid++;
          if (out) out[i] = outNodata;
          continue;
        }
        if (nep < 0) negative++;
        s += q;
        if (out) out[i] = q;
      }
      partials[block - from] = s;
    }
    return { from, sums: [partials], counts: [nodata, invalid, negative] };
  },
  stats(plan, parts) {
    const { sums, counts } = foldParts(parts, 1, 3);
    const nodata = counts[NODATA]!;
    const invalid = counts[INVALID]!;
    return { cells: plan.cells, valid: plan.cells - nodata - invalid, nodata, invalid, sum: sums[0]!, negative: counts[NEGATIVE]! };
  },
};

/**
 * CO₂ fixed (or O₂ released) per cell, t/a, in one pass on this thread (`gep-accounting/node`
 * splits it over worker threads).
 * @example
 * // NEP 500 g C/(m²·a) (= t C/(km²·a)) on 900 m² = 0.45 t C; × 44/12 = 1.65 t CO₂/a
 */
export function nepKernel(input: NepInput): NepStats {
  return runKernel(nepSpec, input);
}
