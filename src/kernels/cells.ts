/**
 * Cells (栅格单元): the shared vocabulary of the float64 per-cell kernels. A band is a typed
 * array of cell values with an optional nodata value; NaN and ±Infinity are always nodata, so a
 * kernel never lets a NaN into an output or a sum. Every kernel makes one fused pass per output:
 * it reads its inputs, computes the cell, writes the output (when asked) and adds to the sums, with
 * no temporary arrays.
 */

/** A typed array of cell values, as read from a raster. */
export type CellArray = Float64Array | Float32Array | Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array;

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

/** Options every kernel takes. */
export interface KernelOutput {
  /** Where to write the per-cell result (same length as the inputs); omit to compute the sums only. */
  readonly out?: Float64Array;
  /** Written into `out` for nodata and invalid cells; default -9999. Must not be NaN. */
  readonly outNodata?: number;
}

/** The nodata value of a band as a number that never equals a valid cell when unset (NaN ≠ anything). */
export function nodataOf(band: Band): number {
  return band.nodata === undefined || band.nodata === null ? Number.NaN : band.nodata;
}

/** Check that every band has `length` cells and that `out` and `outNodata` are usable. */
export function checkBands(kernel: string, bands: Readonly<Record<string, Band>>, output: KernelOutput): { length: number; outNodata: number } {
  let length = -1;
  let first = '';
  for (const [name, band] of Object.entries(bands)) {
    if (length === -1) {
      length = band.values.length;
      first = name;
    } else if (band.values.length !== length) {
      throw new RangeError(`[gep] ${kernel}: band ${name} has ${band.values.length} cells but ${first} has ${length}; the bands must be aligned blocks of the same size`);
    }
  }
  if (length === -1) throw new RangeError(`[gep] ${kernel}: no input band`);
  if (output.out && output.out.length !== length) {
    throw new RangeError(`[gep] ${kernel}: the output array has ${output.out.length} cells but the inputs have ${length}`);
  }
  const outNodata = output.outNodata ?? DEFAULT_OUT_NODATA;
  if (!Number.isFinite(outNodata)) throw new RangeError(`[gep] ${kernel}: outNodata must be a finite number, not ${outNodata}`);
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
    this.c += Math.abs(this.s) >= Math.abs(x) ? (this.s - t) + x : (x - t) + this.s;
    this.s = t;
  }
  get value(): number {
    return this.s + this.c;
  }
}

/** Cells per partial sum inside a kernel loop: small enough to keep the partial sums accurate. */
export const PARTIAL_SUM_CELLS = 4096;
