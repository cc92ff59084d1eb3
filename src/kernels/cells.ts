/**
 * Cells (栅格单元): the shared vocabulary of the float64 per-cell kernels. A band is a typed
 * array of cell values with an optional nodata value; NaN and ±Infinity are always nodata, so a
 * kernel never lets a NaN into an output or a sum. Every kernel makes one fused pass per output:
 * it reads its inputs, computes the cell, writes the output (when asked) and adds to the sums, with
 * no temporary arrays beyond one block.
 *
 * A pass is cut into blocks of `PARTIAL_SUM_CELLS` cells. Each block gives one partial sum per
 * kernel sum, and the partial sums are added in block order into a compensated sum. A block is
 * computed the same way whichever thread runs it, so splitting the blocks over worker threads
 * (`gep-accounting/node`) gives the same sums, to the bit, as one thread.
 */

/** A typed array of cell values, as read from a raster. */
export type CellArray =
  | Float64Array
  | Float32Array
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array;

/** One raster layer (or a block of it): its cells in row-major order and its nodata value. */
export interface Band {
  readonly values: CellArray;
  /** The value that marks a missing cell; NaN and ±Infinity are nodata whether or not it is set. */
  readonly nodata?: number | null;
}

/** What a kernel pass saw: cells in, cells computed, cells skipped and why, and the sum. */
export interface KernelStats {
  /** Cells in the pass. */
  readonly cells: number;
  /** Cells with every input present and in range: these make up `sum`. */
  readonly valid: number;
  /** Cells where an input was nodata (or NaN/±Infinity): written as `outNodata`, left out of `sum`. */
  readonly nodata: number;
  /** Cells whose inputs were present but out of their domain (e.g. a cover factor above 1): written as `outNodata`, counted here, left out of `sum`. */
  readonly invalid: number;
  /** Σ of the output over the valid cells, in the kernel's output unit. */
  readonly sum: number;
}

/** The nodata value written by the kernels when none is given. */
export const DEFAULT_OUT_NODATA = -9999;

/**
 * Where a kernel writes its cells. A Float32Array halves the output (4 bytes a cell instead of 8):
 * each cell is its float64 value rounded to the nearest float32 (relative difference ≤ 2⁻²⁴ ≈ 6e-8),
 * while the sums are still taken over the float64 values, so they are the same with either output.
 * A cell whose value is beyond float32's range (|x| > 3.4e38) cannot be written as a float32: it is
 * then invalid (written as `outNodata`, left out of the sums).
 */
export type OutputArray = Float64Array | Float32Array;

/** Options every kernel takes. */
export interface KernelOutput {
  /** Where to write the per-cell result (same length as the inputs), float64 or float32; omit to compute the sums only. */
  readonly out?: OutputArray;
  /** Written into `out` for nodata and invalid cells; default -9999. Must be finite, and a float32 value when `out` is a Float32Array. */
  readonly outNodata?: number;
}

/** The nodata value of a band as a number that never equals a valid cell when unset (NaN ≠ anything). */
export function nodataOf(band: Band): number {
  return band.nodata === undefined || band.nodata === null ? Number.NaN : band.nodata;
}

/** Check that every band has `length` cells and that `out` and `outNodata` are usable. */
export function checkBands(
  kernel: string,
  bands: Readonly<Record<string, Band>>,
  output: KernelOutput,
): { length: number; outNodata: number } {
  let length = -1;
  let first = '';
  for (const [name, band] of Object.entries(bands)) {
    if (length === -1) {
      length = band.values.length;
      first = name;
    } else if (band.values.length !== length) {
      throw new RangeError(
        `[gep] ${kernel}: band ${name} has ${band.values.length} cells but ${first} has ${length}; the bands must be aligned blocks of the same size`,
      );
    }
  }
  if (length === -1) throw new RangeError(`[gep] ${kernel}: no input band`);
  const out = output.out;
  if (out !== undefined && !(out instanceof Float64Array || out instanceof Float32Array)) {
    throw new RangeError(`[gep] ${kernel}: the output array must be a Float64Array or a Float32Array`);
  }
  if (out && out.length !== length) {
    throw new RangeError(`[gep] ${kernel}: the output array has ${out.length} cells but the inputs have ${length}`);
  }
  const outNodata = output.outNodata ?? DEFAULT_OUT_NODATA;
  if (!Number.isFinite(outNodata)) throw new RangeError(`[gep] ${kernel}: outNodata must be a finite number, not ${outNodata}`);
  // A float32 output stores Math.fround(outNodata): refuse a value that would change there, or the
  // raster's nodata tag would not match its nodata cells.
  if (out instanceof Float32Array && Math.fround(outNodata) !== outNodata) {
    throw new RangeError(
      `[gep] ${kernel}: outNodata ${outNodata} is not a float32 value, so a Float32Array output would hold ${Math.fround(outNodata)}; choose one that is (e.g. -9999)`,
    );
  }
  return { length, outNodata };
}

/** A cell value is missing when it is the band's nodata value, NaN or ±Infinity. */
export function isMissing(v: number, nodata: number): boolean {
  return v === nodata || !(v - v === 0);
}

/**
 * A compensated running sum (Neumaier). Kernels add block partial sums into it, so 10⁸ cells
 * keep about 15 significant digits instead of losing ~log10(n) of them.
 */
export class CompensatedSum {
  private s = 0;
  private c = 0;
  add(x: number): void {
    const t = this.s + x;
    this.c += Math.abs(this.s) >= Math.abs(x) ? this.s - t + x : x - t + this.s;
    this.s = t;
  }
  get value(): number {
    return this.s + this.c;
  }
}

/** Cells per block, and per partial sum: small enough to keep the partial sums accurate and a block's scratch in cache. */
export const PARTIAL_SUM_CELLS = 4096;

/** Blocks in a pass of `cells` cells. */
export function blockCount(cells: number): number {
  return Math.ceil(cells / PARTIAL_SUM_CELLS);
}

/**
 * The largest value a float32 output holds without becoming ±Infinity, with a margin: below it a
 * block's values all fit (the exact limit is 3.4028235e38 plus half a float32 ulp).
 */
export const FLOAT32_SAFE = 3.4e38;

/**
 * What a run over blocks [from, to) of a pass hands back: per sum, one partial sum per block, and
 * the kernel's counters. Plain data, so a worker thread can post it.
 */
export interface KernelPart {
  readonly from: number;
  /** `sums[k][b − from]`: partial sum k of block b. */
  readonly sums: readonly Float64Array[];
  /** The kernel's counters over those blocks (nodata, invalid, and its own). */
  readonly counts: readonly number[];
}

/**
 * A kernel cut into its steps, so that the blocks can be shared out over threads:
 * `plan` checks the input and returns plain data (typed arrays and numbers) that a worker can
 * receive; `run` computes blocks [from, to) of it; `stats` folds the parts, in block order.
 */
export interface KernelSpec<I, P extends KernelPlan, S extends KernelStats> {
  readonly name: string;
  plan(input: I): P;
  /** The plan's per-cell arrays (input bands and output): what threads must share. */
  cellArrays(plan: P): readonly CellArray[];
  run(plan: P, from: number, to: number): KernelPart;
  stats(plan: P, parts: readonly KernelPart[]): S;
}

/** What every plan carries: the cell count and where the cells go. */
export interface KernelPlan {
  readonly cells: number;
  readonly out: OutputArray | null;
  readonly outNodata: number;
}

/** Run a kernel on this thread, over every block. */
export function runKernel<I, P extends KernelPlan, S extends KernelStats>(spec: KernelSpec<I, P, S>, input: I): S {
  const plan = spec.plan(input);
  return spec.stats(plan, [spec.run(plan, 0, blockCount(plan.cells))]);
}

/**
 * Add the parts' partial sums in block order (each sum a compensated sum of its block partials)
 * and their counters. The parts may come in any order and from any number of threads: the result
 * depends only on the blocks.
 */
export function foldParts(parts: readonly KernelPart[], sumCount: number, countCount: number): { sums: number[]; counts: number[] } {
  const ordered = [...parts].sort((a, b) => a.from - b.from);
  const sums: number[] = [];
  for (let k = 0; k < sumCount; k++) {
    const total = new CompensatedSum();
    for (const part of ordered) {
      const partials = part.sums[k]!;
      for (let b = 0; b < partials.length; b++) total.add(partials[b]!);
    }
    sums.push(total.value);
  }
  const counts = new Array<number>(countCount).fill(0);
  for (const part of ordered) for (let c = 0; c < countCount; c++) counts[c]! += part.counts[c]!;
  return { sums, counts };
}

/** Per-thread scratch for one block: values when no output array is given, and the indices of the cells a fast loop set aside. */
let scratchValues: Float64Array | null = null;
let scratchCells: Int32Array | null = null;
export function blockScratch(): { readonly values: Float64Array; readonly cells: Int32Array } {
  scratchValues ??= new Float64Array(PARTIAL_SUM_CELLS);
  scratchCells ??= new Int32Array(PARTIAL_SUM_CELLS);
  return { values: scratchValues, cells: scratchCells };
}

/** A float32 cell value that became ±Infinity: the cell is out of the output's range. */
export function overflowsFloat32(out: OutputArray | null, q: number): boolean {
  return out instanceof Float32Array && !(Math.abs(q) <= FLOAT32_SAFE) && !Number.isFinite(Math.fround(q));
}
