/** Differences between two coefficient tables (系数表比较), for review and for `gep coefficients diff`. */
import type { Coefficient, CoefficientTable } from './types.js';

/** One coefficient that differs between two tables. */
export interface CoefficientChange {
  readonly id: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly before?: Coefficient;
  readonly after?: Coefficient;
  /** The fields that differ, for a changed row. */
  readonly fields?: readonly (keyof Coefficient)[];
}

const FIELDS: readonly (keyof Coefficient)[] = ['symbol', 'value', 'unit', 'source', 'clause', 'priceYear', 'status', 'note'];

/** Rows added, removed or changed from table `a` to table `b`, in id order. */
export function diffTables(a: CoefficientTable, b: CoefficientTable): CoefficientChange[] {
  const before = new Map(a.rows.map((r) => [r.id, r]));
  const after = new Map(b.rows.map((r) => [r.id, r]));
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
  return ids.flatMap((id): CoefficientChange[] => {
    const x = before.get(id);
    const y = after.get(id);
    if (!x) return [{ id, change: 'added', after: y! }];
    if (!y) return [{ id, change: 'removed', before: x }];
    const fields = FIELDS.filter((f) => x[f] !== y[f]);
    return fields.length ? [{ id, change: 'changed', before: x, after: y, fields }] : [];
  });
}
