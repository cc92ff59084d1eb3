/**
 * Amounts with their unit (带单位的量). The unit is a type parameter where it is known at compile
 * time, so that adding 元 to 万元 fails to compile (see test/units/measure.typetest.ts); the
 * runtime check in `addMeasures` catches what the types cannot see.
 */
import type { Arithmetic } from '../numbers/arithmetic.js';
import { convert } from './units.js';

/** A number with its unit. `U` is the unit id, e.g. `'元'` or `'m³/a'`. */
export interface Measure<T, U extends string = string> {
  readonly value: T;
  readonly unit: U;
}

/** A measure as it travels in JSON: a decimal string and its unit. */
export interface MeasureJson {
  readonly value: string;
  readonly unit: string;
}

/** Money in 元 at a stated price year (价格年份). */
export interface Money<T, Y extends number = number> extends Measure<T, '元'> {
  readonly priceYear: Y;
}

/** Add two measures of the same unit. */
export function addMeasures<T, U extends string>(A: Arithmetic<T>, a: Measure<T, U>, b: Measure<T, NoInfer<U>>): Measure<T, U> {
  if (a.unit !== b.unit) throw new Error(`[gep] cannot add "${a.unit}" and "${b.unit}" without a conversion`);
  return { value: A.add(a.value, b.value), unit: a.unit };
}

/** Add two sums of money; they must share a price year (never mix price years in one total). */
export function addMoney<T, Y extends number>(A: Arithmetic<T>, a: Money<T, Y>, b: Money<T, NoInfer<Y>>): Money<T, Y> {
  if (a.priceYear !== b.priceYear) {
    throw new Error(`[gep] cannot add money at ${a.priceYear} prices to money at ${b.priceYear} prices`);
  }
  return { value: A.add(a.value, b.value), unit: '元', priceYear: a.priceYear };
}

/** Express a measure in another unit of the same dimension. */
export function convertMeasure<T, U extends string>(A: Arithmetic<T>, m: Measure<T>, to: U): Measure<T, U> {
  return { value: convert(A, m.value, m.unit, to), unit: to };
}

/** Serialise a measure for JSON: the value as a decimal string. */
export function measureToJson<T>(A: Arithmetic<T>, m: Measure<T>): MeasureJson {
  return { value: A.toString(m.value), unit: m.unit };
}
