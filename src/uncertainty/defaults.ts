/**
 * Default distributions for to-verify coefficients (待核实参数的默认分布), from the spread of
 * values across the published sources in the bundled coefficient tables; the rules, the default
 * width and the reasons are data (./defaults.json) and are printed in docs/uncertainty.md.
 *
 * - another table gives the same id another value: triangular(min, value used, max) over the
 *   values, each in the unit of the row used and, for prices, at its price year (national CPI);
 * - one value only: triangular(0.7·v, v, 1.3·v);
 * - physical constants, unit factors and legal terms listed in `fixed`: none.
 */
import { coefficientTables } from '../coefficients/tables.js';
import { getPriceIndex, rebase } from '../coefficients/indices.js';
import type { Coefficient, CoefficientUse } from '../coefficients/types.js';
import { decimalArithmetic } from '../numbers/arithmetic.js';
import { convert, sameDimensionUnits } from '../units/units.js';
import type { Distribution } from './distributions.js';
import data from './defaults.json';

/** The default rules as data. */
export const UNCERTAINTY_DEFAULTS = data;

/** A default distribution for a coefficient, with where it comes from. */
export interface DefaultDistribution {
  readonly distribution: Distribution;
  /** `several sources: …` or `one source: ±30 %`. */
  readonly origin: string;
  /** The origin in Chinese. */
  readonly originZh: string;
  /** The values of the other tables, as compared (in the row's unit and price year). */
  readonly values: readonly { readonly table: string; readonly source: string; readonly value: number }[];
}

const FIXED = new Set(data.fixed.map((f) => f.id));
const HALF_WIDTH = Number(data.singleSource.relativeHalfWidth);

/** The value of `row` in `unit` at `priceYear` (when it has one), or null when it cannot be brought there. */
function comparable(row: Coefficient, unit: string, priceYear: number | null): number | null {
  if (!sameDimensionUnits(row.unit, unit)) return null;
  let v = convert(decimalArithmetic, decimalArithmetic.fromString(row.value), row.unit, unit);
  if (priceYear !== null && row.priceYear !== null && row.priceYear !== priceYear) {
    try {
      v = rebase(decimalArithmetic, v, row.priceYear, priceYear, getPriceIndex('cpi-national')).value;
    } catch {
      return null;
    }
  }
  return v.toNumber();
}

/**
 * The default distribution of a coefficient as the account used it (`use`: its value, unit and
 * price year), or null when it has none (not to-verify, overridden, or listed as fixed).
 */
export function defaultDistribution(use: CoefficientUse): DefaultDistribution | null {
  if (use.status !== 'to-verify' || FIXED.has(use.id)) return null;
  const value = decimalArithmetic.fromString(use.value).toNumber();
  const values: DefaultDistribution['values'][number][] = [];
  for (const table of coefficientTables().values()) {
    if (table.key === use.table) continue;
    const row = table.rows.find((r) => r.id === use.id);
    if (!row || (row.value === use.value && row.unit === use.unit && row.priceYear === use.priceYear)) continue;
    const v = comparable(row, use.unit, use.priceYear);
    if (v !== null && v !== value && !values.some((x) => x.value === v)) values.push({ table: table.key, source: row.source, value: v });
  }
  if (values.length) {
    const all = [value, ...values.map((v) => v.value)];
    return {
      distribution: { type: 'triangular', min: Math.min(...all), mode: value, max: Math.max(...all) },
      origin: `several sources: ${use.source} (${use.table}) and ${values.map((v) => `${v.source} (${v.table})`).join(', ')}`,
      originZh: `多个来源：${use.source}（${use.table}）与 ${values.map((v) => `${v.source}（${v.table}）`).join('、')}`,
      values,
    };
  }
  const a = value * (1 - HALF_WIDTH);
  const b = value * (1 + HALF_WIDTH);
  return {
    distribution: { type: 'triangular', min: Math.min(a, b), mode: value, max: Math.max(a, b) },
    origin: `one source (${use.source}): ±${HALF_WIDTH * 100} %`,
    originZh: `单一来源（${use.source}）：±${HALF_WIDTH * 100} %`,
    values: [],
  };
}
