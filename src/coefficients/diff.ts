/**
 * Differences between two coefficient tables (系数表比较) and between two profiles (核算方案比较),
 * for review and for `gep coefficients diff`. Two profiles that pin tables with the same rows can
 * still give different GEPs: through the indicators they enable, the method variant of each, the
 * adjustment layer (调节系数), the price index that rebases table prices, the outside-region rule of
 * GB/T 46869—2025, or the table version they pin. The profile diff covers every one of them.
 */
import type { Profile, ProfileIndicator } from '../profiles/profiles.js';
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

const FIELDS: readonly (keyof Coefficient)[] = [
  'symbol',
  'value',
  'unit',
  'source',
  'clause',
  'priceYear',
  'status',
  'note',
  'needsLocalValue',
];

/** One entry of a keyed comparison: in `b` only, in `a` only, or in both and different (with what differs). */
type Keyed<T, D> =
  | { key: string; change: 'added'; after: T }
  | { key: string; change: 'removed'; before: T }
  | { key: string; change: 'changed'; before: T; after: T; detail: D };

/** Entries of `a` and `b` matched by key, in key order; `differs` says what differs, or null. */
function diffBy<T, D>(a: readonly T[], b: readonly T[], key: (x: T) => string, differs: (x: T, y: T) => D | null): Keyed<T, D>[] {
  const before = new Map(a.map((x) => [key(x), x]));
  const after = new Map(b.map((x) => [key(x), x]));
  return [...new Set([...before.keys(), ...after.keys()])].sort().flatMap((k): Keyed<T, D>[] => {
    const x = before.get(k);
    const y = after.get(k);
    if (!x) return [{ key: k, change: 'added', after: y! }];
    if (!y) return [{ key: k, change: 'removed', before: x }];
    const detail = differs(x, y);
    return detail === null ? [] : [{ key: k, change: 'changed', before: x, after: y, detail }];
  });
}

/** The fields of `fields` that differ between two records, or null when none does. */
function differingFields<T>(fields: readonly (keyof T)[]): (x: T, y: T) => (keyof T)[] | null {
  return (x, y) => {
    const out = fields.filter((f) => x[f] !== y[f]);
    return out.length ? out : null;
  };
}

/** Rows added, removed or changed from table `a` to table `b`, in id order. */
export function diffTables(a: CoefficientTable, b: CoefficientTable): CoefficientChange[] {
  return diffBy(a.rows, b.rows, (r) => r.id, differingFields(FIELDS)).map((d) =>
    d.change === 'added'
      ? { id: d.key, change: 'added', after: d.after }
      : d.change === 'removed'
        ? { id: d.key, change: 'removed', before: d.before }
        : { id: d.key, change: 'changed', before: d.before, after: d.after, fields: d.detail },
  );
}

/** A JSON value as it appears in a profile file; `null` for a setting the profile leaves out. */
export type SettingValue = string | number | boolean | null | readonly unknown[] | { readonly [k: string]: unknown };

/** A profile-wide setting that differs (price index, outside-region rule, pinned table, list status …). */
export interface SettingChange {
  readonly setting: string;
  readonly before: SettingValue;
  readonly after: SettingValue;
}

/** A variant option of one indicator that differs; `null` where a profile does not set it. */
export interface VariantChange {
  readonly option: string;
  readonly before: string | null;
  readonly after: string | null;
}

/** An indicator enabled in one profile only, or enabled in both with another variant or membership. */
export interface ProfileIndicatorChange {
  readonly id: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly before?: ProfileIndicator;
  readonly after?: ProfileIndicator;
  readonly variant?: readonly VariantChange[];
  /** How membership in the standard is known (verified, recalled, uncertain); `null` when not stated. */
  readonly membership?: { readonly before: string | null; readonly after: string | null };
}

/** One regional adjustment coefficient (调节系数), by indicator. */
export type ProfileAdjustment = NonNullable<Profile['adjustments']>[number];

/** An adjustment added, removed or changed (factor, source, status or note). */
export interface AdjustmentChange {
  readonly indicator: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly before?: ProfileAdjustment;
  readonly after?: ProfileAdjustment;
  readonly fields?: readonly (keyof ProfileAdjustment)[];
}

/** Everything that differs between two profiles, the rows of the tables they pin included. */
export interface ProfileDiff {
  readonly kind: 'profile-diff';
  readonly a: { readonly profile: string; readonly version: string; readonly table: string };
  readonly b: { readonly profile: string; readonly version: string; readonly table: string };
  readonly settings: readonly SettingChange[];
  readonly indicators: readonly ProfileIndicatorChange[];
  readonly adjustments: readonly AdjustmentChange[];
  readonly notes: { readonly added: readonly string[]; readonly removed: readonly string[] };
  readonly table: { readonly a: string; readonly b: string; readonly rows: readonly CoefficientChange[] };
  /**
   * The differences that can change a result: settings, indicators, adjustments and table rows
   * (the notes, documentation only, are listed but not counted). 0: the same method.
   */
  readonly count: number;
}

/**
 * What a profile leaves out, stated: the schema's defaults (no outside-region subtraction, no
 * adjustments), so that a profile that omits a setting and one that states its default are equal.
 */
const SETTING_DEFAULTS: Readonly<Record<string, SettingValue>> = { subtractOutsideRegion: false, adjustments: [] };
/** Compared on their own below, or naming the profile rather than its method. */
const NOT_SETTINGS = new Set(['id', 'title', 'indicators', 'adjustments', 'notes']);

/** Keys sorted, so two equal objects print equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function setting(p: Profile, key: string): SettingValue {
  const v = (p as unknown as Record<string, SettingValue | undefined>)[key];
  return v === undefined ? (SETTING_DEFAULTS[key] ?? null) : v;
}

function diffIndicators(a: Profile, b: Profile): ProfileIndicatorChange[] {
  const differs = (x: ProfileIndicator, y: ProfileIndicator) => {
    const options = [...new Set([...Object.keys(x.variant), ...Object.keys(y.variant)])].sort();
    const variant = options
      .map((option) => ({ option, before: x.variant[option] ?? null, after: y.variant[option] ?? null }))
      .filter((v) => v.before !== v.after);
    const membership =
      (x.membership ?? null) !== (y.membership ?? null) ? { before: x.membership ?? null, after: y.membership ?? null } : undefined;
    return variant.length || membership ? { ...(variant.length ? { variant } : {}), ...(membership ? { membership } : {}) } : null;
  };
  return diffBy(a.indicators, b.indicators, (i) => i.id, differs).map(
    (d): ProfileIndicatorChange =>
      d.change === 'added'
        ? { id: d.key, change: 'added', after: d.after }
        : d.change === 'removed'
          ? { id: d.key, change: 'removed', before: d.before }
          : { id: d.key, change: 'changed', before: d.before, after: d.after, ...d.detail },
  );
}

const ADJUSTMENT_FIELDS: readonly (keyof ProfileAdjustment)[] = ['factor', 'source', 'status', 'note'];

function diffAdjustments(a: Profile, b: Profile): AdjustmentChange[] {
  return diffBy(a.adjustments ?? [], b.adjustments ?? [], (x) => x.indicator, differingFields(ADJUSTMENT_FIELDS)).map(
    (d): AdjustmentChange =>
      d.change === 'added'
        ? { indicator: d.key, change: 'added', after: d.after }
        : d.change === 'removed'
          ? { indicator: d.key, change: 'removed', before: d.before }
          : { indicator: d.key, change: 'changed', before: d.before, after: d.after, fields: d.detail },
  );
}

/**
 * What differs from profile `a` to profile `b`: its settings (price index, outside-region rule,
 * pinned table, indicator-list status, any setting a profile gains later), the indicators enabled,
 * their variants and membership, the adjustment layer, the notes, and the rows of the pinned tables.
 *
 * @param table - the table of a key (`getCoefficientTable`), passed in so the diff stays pure
 */
export function diffProfiles(a: Profile, b: Profile, table: (key: string) => CoefficientTable): ProfileDiff {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !NOT_SETTINGS.has(k)).sort();
  const settings = keys
    .map((k) => ({ setting: k, before: setting(a, k), after: setting(b, k) }))
    .filter((s) => canonical(s.before) !== canonical(s.after));
  const indicators = diffIndicators(a, b);
  const adjustments = diffAdjustments(a, b);
  const notes = { added: b.notes.filter((n) => !a.notes.includes(n)), removed: a.notes.filter((n) => !b.notes.includes(n)) };
  const rows = diffTables(table(a.coefficientTable), table(b.coefficientTable));
  // The table's key counts once, as a setting; each of its rows that differs counts too.
  const count = settings.length + indicators.length + adjustments.length + rows.length;
  return {
    kind: 'profile-diff',
    a: { profile: a.id, version: a.version, table: a.coefficientTable },
    b: { profile: b.id, version: b.version, table: b.coefficientTable },
    settings,
    indicators,
    adjustments,
    notes,
    table: { a: a.coefficientTable, b: b.coefficientTable, rows },
    count,
  };
}
