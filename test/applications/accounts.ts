/**
 * Tiny accounts for the application tests, whose values fit in a comment: products valued at
 * Q × P (national-2022 profile, gross output), each line with its ecosystem type.
 */
import { computeGep, type GepResult } from '../../src/accounts/gep.js';
import type { GepDecimal } from '../../src/numbers/arithmetic.js';

/** A product line: `item`, quantity in t, price in 元/t of `year`, ecosystem type. */
export interface Product {
  readonly item: string;
  readonly t: string;
  readonly price: string;
  readonly type: string;
}

const line = (p: Product, year: number) => ({
  item: p.item,
  quantity: { value: p.t, unit: 't' },
  price: { value: p.price, unit: '元/t', priceYear: year },
  ecosystemType: p.type,
});

/** The input of an account with agriculture and forestry products. */
export function inputOf(options: {
  name?: string;
  level?: 'county' | 'area';
  year: number;
  agriculture?: Product[];
  forestry?: Product[];
  area?: string;
  code?: string;
  economy?: unknown;
  /** Areas by ecosystem type (type, km²) in a water-conservation block whose value is 0 (P = ET: nothing is conserved). */
  areas?: [string, string][];
}) {
  return {
    region: {
      name: options.name ?? 'Test area',
      level: options.level ?? 'area',
      ...(options.code ? { code: options.code } : {}),
      ...(options.area ? { area: { value: options.area, unit: 'km²' } } : {}),
    },
    accountingYear: options.year,
    priceYear: options.year,
    ...(options.economy ? { economy: options.economy } : {}),
    indicators: {
      ...(options.agriculture ? { 'material.agriculture': { products: options.agriculture.map((p) => line(p, options.year)) } } : {}),
      ...(options.forestry ? { 'material.forestry': { products: options.forestry.map((p) => line(p, options.year)) } } : {}),
      ...(options.areas
        ? {
            'regulating.water-conservation': {
              ecosystems: options.areas.map(([ecosystemType, km2]) => ({
                ecosystemType,
                area: { value: km2, unit: 'km²' },
                precipitation: { value: '500', unit: 'mm' },
                evapotranspiration: { value: '500', unit: 'mm' },
              })),
            },
          }
        : {}),
    },
  };
}

/** The account of `inputOf(options)`. */
export function accountOf(options: Parameters<typeof inputOf>[0]): GepResult<GepDecimal> {
  return computeGep(inputOf(options));
}
