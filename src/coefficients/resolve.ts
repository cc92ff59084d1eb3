/**
 * Resolving coefficients for one computation: the pinned table, the user's overrides on top, and
 * a record of every coefficient read so that the trace can show it.
 */
import { decimalArithmetic, isDecimalText, type Arithmetic } from '../numbers/arithmetic.js';
import { makeIssue, type GepIssue, GepInputError } from '../errors/errors.js';
import { isKnownUnit, parseUnit, sameDimensionUnits } from '../units/units.js';
import type { Text } from '../errors/text.js';
import type { Coefficient, CoefficientOverride, CoefficientTable, CoefficientUse } from './types.js';

/** A table with the user's overrides applied; build it with `makeCoefficientSet`. */
export interface CoefficientSet {
  readonly table: CoefficientTable;
  readonly overrides: ReadonlyMap<string, CoefficientOverride>;
  /** Refuse `to-verify` coefficients that are not overridden. */
  readonly strict: boolean;
  /**
   * Takes the check of a price the input gives against the table (./price-check.ts) instead of
   * doing it: the compiled plan (src/plan/) records with tokens for values and checks each row's
   * price itself.
   */
  readonly onGivenPrice?: (check: GivenPriceCheck) => void;
}

/** A price the input gives, to compare with the table value of the coefficient it replaces. */
export interface GivenPriceCheck {
  readonly given: { readonly value: string; readonly unit: string };
  readonly coefficientId: string;
  readonly path: readonly (string | number)[];
  readonly indicator: string;
}

/** Check overrides against the table (known id, same dimension) and collect every problem. */
export function makeCoefficientSet(
  table: CoefficientTable,
  overrides: readonly CoefficientOverride[] = [],
  options: { strict?: boolean; path?: readonly (string | number)[] } = {},
): { set: CoefficientSet; issues: GepIssue[] } {
  const issues: GepIssue[] = [];
  const byId = new Map<string, CoefficientOverride>();
  const base = options.path ?? ['coefficientOverrides'];
  overrides.forEach((o, i) => {
    const row = table.rows.find((r) => r.id === o.id);
    if (!row) {
      issues.push(makeIssue('coefficient.unknown', [...base, i, 'id'], { expected: table.key, found: o.id }));
    } else if (!isKnownUnit(o.unit)) {
      // An unparsable unit (元/m3) crashed here with an untyped error (issue 13).
      issues.push(makeIssue('input.unit-unknown', [...base, i, 'unit'], { found: o.unit }));
    } else if (!sameDimensionUnits(row.unit, o.unit)) {
      issues.push(
        makeIssue('input.unit-dimension', [...base, i, 'unit'], {
          expected: { en: `the dimension of ${row.unit}`, zh: `与 ${row.unit} 量纲相同的单位` },
          found: o.unit,
        }),
      );
    } else if (byId.has(o.id)) {
      issues.push(makeIssue('input.duplicate', [...base, i, 'id'], { found: o.id }));
    } else {
      const sign = signIssue(row, o);
      if (sign) issues.push(makeIssue('input.out-of-range', [...base, i, 'value'], { expected: sign, found: `${o.value} ${o.unit}` }));
    }
    byId.set(o.id, o);
  });
  return { set: { table, overrides: byId, strict: options.strict ?? false }, issues };
}

/**
 * A negative price or cost override gave a negative GEP (issue 13). A money coefficient is never
 * negative; any other override must keep the sign of the table value (a negative runoff
 * coefficient or density is a typo; the table's negative RWEQ exponent stays negative).
 */
function signIssue(row: Coefficient, o: CoefficientOverride): Text | null {
  if (!isDecimalText(o.value) || !isDecimalText(row.value)) return null;
  const value = decimalArithmetic.fromString(o.value);
  const table = decimalArithmetic.fromString(row.value);
  if ((parseUnit(row.unit).dimension.money ?? 0) > 0)
    return value.isNegative() && !value.isZero()
      ? { en: 'a price or cost ≥ 0 (money coefficients are never negative)', zh: '≥ 0 的价格或成本（货币类参数不能为负）' }
      : null;
  if (value.isZero() || table.isZero() || value.isNegative() === table.isNegative()) return null;
  return {
    en: `the sign of the table value ${row.value} ${row.unit} (${row.id})`,
    zh: `与参数表取值 ${row.value} ${row.unit}（${row.id}）同号`,
  };
}

/** The use of table row `id` as the table gives it (no override), or undefined when the table has none. */
export function tableUse(table: CoefficientTable, id: string): CoefficientUse | undefined {
  const row = rowsById(table).get(id);
  return row && useOf(table, row, undefined);
}

/** The use of a table row without override is the same object every time: made once per table and id. */
const TABLE_USES = new WeakMap<CoefficientTable, Map<string, CoefficientUse>>();

function useOf(table: CoefficientTable, row: Coefficient, override: CoefficientOverride | undefined): CoefficientUse {
  if (!override) {
    let uses = TABLE_USES.get(table);
    if (!uses) TABLE_USES.set(table, (uses = new Map()));
    let use = uses.get(row.id);
    if (!use) uses.set(row.id, (use = makeUse(table, row, undefined)));
    return use;
  }
  return makeUse(table, row, override);
}

function makeUse(table: CoefficientTable, row: Coefficient, override: CoefficientOverride | undefined): CoefficientUse {
  const fromTable = {
    id: row.id,
    symbol: row.symbol,
    table: row.table ?? table.key,
    clause: row.clause,
  };
  if (!override)
    return { ...fromTable, value: row.value, unit: row.unit, source: row.source, priceYear: row.priceYear, status: row.status };
  return {
    ...fromTable,
    value: override.value,
    unit: override.unit,
    source: override.source ?? 'user',
    priceYear: override.priceYear ?? null,
    status: 'user-override',
    overridden: { reason: override.reason, tableValue: row.value, tableUnit: row.unit, tableSource: row.source },
  };
}

const ROWS_BY_ID = new WeakMap<CoefficientTable, ReadonlyMap<string, Coefficient>>();

/** A table's rows by id, indexed once per table (tables are immutable). */
function rowsById(table: CoefficientTable): ReadonlyMap<string, Coefficient> {
  let index = ROWS_BY_ID.get(table);
  if (!index) ROWS_BY_ID.set(table, (index = new Map(table.rows.map((r) => [r.id, r]))));
  return index;
}

/** Records which coefficients a computation read. One per indicator call; pure otherwise. */
export class CoefficientReader<T> {
  private readonly used = new Map<string, CoefficientUse>();
  private readonly paths = new Map<string, readonly (string | number)[]>();

  constructor(
    private readonly A: Arithmetic<T>,
    private readonly set: CoefficientSet,
  ) {}

  /** True when the table (or an override) has this id. */
  has(id: string): boolean {
    return this.set.overrides.has(id) || rowsById(this.set.table).has(id);
  }

  /** Hand a given-price check to the set's `onGivenPrice`; true when it took it. */
  deferGivenPrice(check: GivenPriceCheck): boolean {
    if (!this.set.onGivenPrice) return false;
    this.set.onGivenPrice(check);
    return true;
  }

  /**
   * The value a coefficient would have (the override, else the table row), without recording a
   * use: for comparing a price the input gives with the table's (./price-check.ts).
   */
  peek(id: string): CoefficientUse | undefined {
    const row = rowsById(this.set.table).get(id);
    return row ? useOf(this.set.table, row, this.set.overrides.get(id)) : undefined;
  }

  /** Read a coefficient; throws `GepInputError` when it is absent or refused by strict mode. */
  get(id: string, path: readonly (string | number)[]): { value: T; unit: string; use: CoefficientUse } {
    const row = rowsById(this.set.table).get(id);
    if (!row) throw new GepInputError([makeIssue('coefficient.unknown', path, { expected: this.set.table.key, found: id })]);
    const override = this.set.overrides.get(id);
    if (!override && this.set.strict && row.status === 'to-verify') {
      throw new GepInputError([makeIssue('coefficient.to-verify', path, { found: id })]);
    }
    const use = useOf(this.set.table, row, override);
    this.used.set(id, use);
    if (!this.paths.has(id)) this.paths.set(id, path);
    return { value: this.A.fromString(use.value), unit: use.unit, use };
  }

  /** Record that a coefficient's price was rebased before use. */
  noteRebased(id: string, rebased: NonNullable<CoefficientUse['rebased']>): void {
    const use = this.used.get(id);
    if (use) this.used.set(id, { ...use, rebased });
  }

  /** The input path at which a coefficient was first read, for issues that name where it was needed. */
  pathOf(id: string): readonly (string | number)[] | undefined {
    return this.paths.get(id);
  }

  /** Every coefficient read so far, in the order first read. */
  uses(): CoefficientUse[] {
    return [...this.used.values()];
  }
}
