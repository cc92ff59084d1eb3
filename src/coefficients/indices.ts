/**
 * Price indices and price-year rebasing (价格年份换算). A unit price of year b is carried to year t
 * by chaining annual changes: P_t = P_b × Π_{y=b+1..t} (1 + c_y/100), and back by dividing
 * (gep-methods §6 rule 1). Each year's factor is a step of the trace, with the series row's
 * source and status.
 */
import * as z from 'zod';
import { isDecimalText, type Arithmetic } from '../numbers/arithmetic.js';
import { INDICES_DATA } from './generated/data.js';
import { sources } from './tables.js';
import type { CoefficientStatus } from './types.js';

const indexSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.strictObject({ zh: z.string(), en: z.string() }),
  kind: z.literal('annual-change-percent'),
  note: z.string(),
  rows: z.array(
    z.strictObject({
      year: z.string().regex(/^\d{4}$/),
      change: z.string().refine(isDecimalText),
      source: z.string(),
      status: z.enum(['verified', 'derived', 'to-verify']),
      note: z.string(),
    }),
  ),
});

/** One year of a price index: the change over the previous year, in %. */
export interface IndexYear {
  readonly year: number;
  readonly change: string;
  readonly source: string;
  readonly status: CoefficientStatus;
}

/** A price index series, e.g. `cpi-national`. */
export interface PriceIndex {
  readonly id: string;
  readonly title: { readonly zh: string; readonly en: string };
  readonly years: ReadonlyMap<number, IndexYear>;
}

let cache: ReadonlyMap<string, PriceIndex> | undefined;

/** Every shipped price index, by id. */
export function priceIndices(): ReadonlyMap<string, PriceIndex> {
  cache ??= new Map(
    INDICES_DATA.map((raw) => {
      const s = indexSchema.parse(raw);
      const years = new Map(
        s.rows.map((r) => {
          if (!sources().has(r.source)) throw new Error(`[gep] index ${s.id} ${r.year}: unknown source ${r.source}`);
          return [Number(r.year), { year: Number(r.year), change: r.change, source: r.source, status: r.status }] as const;
        }),
      );
      return [s.id, { id: s.id, title: s.title, years }] as const;
    }),
  );
  return cache;
}

/** A price index by id; throws with the known ids. */
export function getPriceIndex(id: string): PriceIndex {
  const index = priceIndices().get(id);
  if (!index) throw new Error(`[gep] unknown price index "${id}"; known: ${[...priceIndices().keys()].join(', ')}`);
  return index;
}

/** Rebasing needs a year the series does not have. */
export class GepIndexRangeError extends Error {
  override readonly name = 'GepIndexRangeError';
  constructor(
    readonly index: string,
    readonly year: number,
  ) {
    super(`[gep] price index ${index} has no value for ${year}`);
  }
}

/** The result of a rebasing: the new value, the overall factor and the year-by-year factors used. */
export interface Rebased<T> {
  readonly value: T;
  readonly factor: T;
  readonly steps: readonly {
    readonly year: number;
    readonly change: string;
    readonly status: CoefficientStatus;
    readonly source: string;
  }[];
}

/**
 * Carry a price from `fromYear` to `toYear` with `index`:
 * `rebase(A, 6.1107, 2005, 2010, cpi)` = 6.1107 × 1.015 × 1.048 × 1.059 × 0.993 × 1.033 ≈ 7.061.
 * Rebasing to a later year and back returns the input (exactly on the decimal path, up to the
 * 40-digit precision).
 */
export function rebase<T>(A: Arithmetic<T>, value: T, fromYear: number, toYear: number, index: PriceIndex): Rebased<T> {
  const forward = toYear >= fromYear;
  const [lo, hi] = forward ? [fromYear, toYear] : [toYear, fromYear];
  let factor = A.one;
  const steps: Rebased<T>['steps'][number][] = [];
  const hundred = A.fromString('100');
  for (let y = lo + 1; y <= hi; y++) {
    const row = index.years.get(y);
    if (!row) throw new GepIndexRangeError(index.id, y);
    factor = A.multiply(factor, A.add(A.one, A.divide(A.fromString(row.change), hundred)));
    steps.push({ year: y, change: row.change, status: row.status, source: row.source });
  }
  return {
    value: forward ? A.multiply(value, factor) : A.divide(value, factor),
    factor: forward ? factor : A.divide(A.one, factor),
    steps,
  };
}
