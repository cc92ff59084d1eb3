/**
 * 防风固沙 per cell — RWEQ sand fixation (gep-methods §4.4; Fryrear et al. 1998 via S21):
 *   x     = WF · EF · SCF · K′ · COG
 *   Q_max = 109.8 · x                       kg/m
 *   s     = 150.71 · x^(−0.3711)             m
 *   SL    = (2z / s²) · Q_max · exp(−(z/s)²) kg/m²,  z = 50 m
 *   Q     = (SL_p − SL_a) · a                potential SL_p with COG = 1, actual SL_a with the cell's COG
 * WF weather factor kg/m, EF, SCF, K′ and COG dimensionless (EF, SCF and COG 0–1), a cell area in m²; Q in t/a
 * (kg ÷ 1000). A cell with x = 0 loses no soil (SL = 0). The constants are parameters with the
 * defaults above (`RWEQ_CONSTANTS`): gep-methods §4.4 notes that S21's code writes 105.71 for 150.71.
 * The sign of SL_p − SL_a is kept; `negative` counts the cells where it is below 0.
 * The formula is the sand-fixation module's (src/indicators/regulating/physics.ts, `rweqSoilLosses`),
 * run through its float64 twin: x_p = WF · (EF · SCF · K′), x_a = x_p · COG.
 */
import { getCoefficientTable } from '../coefficients/tables.js';
import type { CoefficientTable } from '../coefficients/types.js';
import { floatArithmetic } from '../numbers/arithmetic.js';
import { rweqNetSoilLossF, rweqSoilLossF, type RweqConstants as Constants } from '../indicators/regulating/physics.js';
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

/** RWEQ constants (gep-methods §4.4): Q_max = a·x, s = b·x^c, downwind distance z (m). */
export type RweqConstants = Constants<number>;

/**
 * The RWEQ constants of a coefficient table (default national-2022/1.0.0: Fryrear et al. 1998 as
 * written in gep-methods §4.4, status to-verify), so the kernel and the decimal sand-fixation module
 * read the same rows.
 */
export function rweqConstants(table: CoefficientTable = getCoefficientTable('national-2022/1.0.0')): RweqConstants {
  const value = (id: string) => {
    const row = table.rows.find((r) => r.id === id);
    if (!row) throw new Error(`[gep] table ${table.key} has no coefficient ${id}`);
    return floatArithmetic.fromString(row.value);
  };
  return {
    a: value('rweq.qmax-coefficient'),
    b: value('rweq.critical-length-coefficient'),
    c: value('rweq.critical-length-exponent'),
    z: value('rweq.downwind-distance'),
  };
}

/** The constants of the national table: 109.8, 150.71, −0.3711, z = 50 m. */
export const RWEQ_CONSTANTS: RweqConstants = rweqConstants();

export interface RweqInput extends KernelOutput {
  readonly weather: Band;
  readonly erodibleFraction: Band;
  readonly crust: Band;
  readonly roughness: Band;
  /** Vegetation factor COG of the actual cover, 0–1. */
  readonly vegetation: Band;
  /** Area of one cell, m². */
  readonly cellArea: number;
  readonly constants?: RweqConstants;
}

export interface RweqStats extends KernelStats {
  /** Cells where the actual loss exceeded the potential one (kept with their sign). */
  readonly negative: number;
}

/** Soil loss SL (kg/m²) for the product x of the RWEQ factors. */
export function rweqSoilLoss(x: number, k: RweqConstants = RWEQ_CONSTANTS): number {
  return rweqSoilLossF(x, k.a, k.b, k.c, k.z);
}

/** The checked input of an RWEQ pass: plain data a worker thread can receive. */
export interface RweqPlan extends KernelPlan {
  readonly wf: CellArray;
  readonly ef: CellArray;
  readonly scf: CellArray;
  readonly kr: CellArray;
  readonly cog: CellArray;
  readonly nodata: readonly [number, number, number, number, number];
  readonly constants: RweqConstants;
  /** t per kg·m⁻² over one cell: cell area ÷ 1000. */
  readonly tonnes: number;
}

/** Counters of an RWEQ part, in this order. */
const NODATA = 0;
const INVALID = 1;
const NEGATIVE = 2;

/**
 * RWEQ cell by cell: each cell calls a power and two exponentials (tens of nanoseconds), so the tests
 * of a cell cost little beside them and every rule is tested on its own.
 */
export const rweqSpec: KernelSpec<RweqInput, RweqPlan, RweqStats> = {
  name: 'rweq',
  plan(input) {
    const { length: n, outNodata } = checkBands(
      'RWEQ',
      {
        weather: input.weather,
        erodibleFraction: input.erodibleFraction,
        crust: input.crust,
        roughness: input.roughness,
        vegetation: input.vegetation,
      },
      input,
    );
    if (!(input.cellArea > 0 && Number.isFinite(input.cellArea)))
      throw new RangeError(`[gep] RWEQ: cellArea must be a positive number of m², not ${input.cellArea}`);
    const { a, b, c, z } = input.constants ?? RWEQ_CONSTANTS;
    return {
      cells: n,
      out: input.out ?? null,
      outNodata,
      tonnes: input.cellArea / 1000,
      constants: { a, b, c, z },
      wf: input.weather.values,
      ef: input.erodibleFraction.values,
      scf: input.crust.values,
      kr: input.roughness.values,
      cog: input.vegetation.values,
      nodata: [
        nodataOf(input.weather),
        nodataOf(input.erodibleFraction),
        nodataOf(input.crust),
        nodataOf(input.roughness),
        nodataOf(input.vegetation),
      ],
    };
  },
  cellArrays: (plan) => [plan.wf, plan.ef, plan.scf, plan.kr, plan.cog, ...(plan.out ? [plan.out] : [])],
  run(plan, from, to) {
    const { wf: WF, ef: EF, scf: SCF, kr: KR, cog: COG, out, outNodata, tonnes } = plan;
    const { a, b, c, z } = plan.constants;
    const [wNd, eNd, sNd, kNd, gNd] = plan.nodata;
    const partials = new Float64Array(to - from);
    let nodata = 0;
    let invalid = 0;
    let negative = 0;
    for (let block = from; block < to; block++) {
      const start = block * PARTIAL_SUM_CELLS;
      const end = Math.min(plan.cells, start + PARTIAL_SUM_CELLS);
      let acc = 0;
      for (let i = start; i < end; i++) {
        const wf = WF[i]!;
        const ef = EF[i]!;
        const scf = SCF[i]!;
        const kr = KR[i]!;
        const cog = COG[i]!;
        if (
          wf === wNd ||
          ef === eNd ||
          scf === sNd ||
          kr === kNd ||
          cog === gNd ||
          !(wf - wf + (ef - ef) + (scf - scf) + (kr - kr) + (cog - cog) === 0)
        ) {
          nodata++;
          if (out) out[i] = outNodata;
          continue;
        }
        // EF, SCF and COG are fractions, as the sand-fixation module reads them.
        if (wf < 0 || !(ef >= 0 && ef <= 1) || !(scf >= 0 && scf <= 1) || kr < 0 || !(cog >= 0 && cog <= 1)) {
          invalid++;
          if (out) out[i] = outNodata;
          continue;
        }
        const q = rweqNetSoilLossF(wf, ef * scf * kr, cog, a, b, c, z) * tonnes;
        // A factor product of absurd size overflows (SL = ∞ × 0 = NaN), or the cell does not fit a float32 output: out of the domain.
        if (!(q - q === 0) || overflowsFloat32(out, q)) {
          invalid++;
          if (out) out[i] = outNodata;
          continue;
        }
        if (q < 0) negative++;
        acc += q;
        if (out) out[i] = q;
      }
      partials[block - from] = acc;
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
 * Sand fixed per cell (t/a), in one pass on this thread (`gep-accounting/node` splits it over
 * worker threads).
 * @example
 * // x_p = WF·EF·SCF·K′ = 10, COG 0.5: (SL(10) − SL(5)) · a / 1000
 */
export function rweqKernel(input: RweqInput): RweqStats {
  return runKernel(rweqSpec, input);
}
