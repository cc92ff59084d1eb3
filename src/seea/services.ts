/**
 * The ecosystem services supply and use tables (生态系统服务供给使用表, SEEA EA ch. 7 physical and
 * ch. 9 monetary), from the lines of a GEP account:
 *
 *   supply: one row per indicator (and per unit, in physical terms), one column per level-1
 *           ecosystem type that supplies it, plus "type not stated" for lines the input does not
 *           tie to a type — never spread over types by a guess;
 *   use:    the same rows by user — industries, households, government — as far as the account
 *           tells: a line whose item names its user (water supply by use, `seea-ea-mapping.json`
 *           `users`), or shares the caller gives per indicator (e.g. from a survey), each recorded
 *           with its basis; everything else in the column "unallocated".
 *
 * Each row carries its SEEA EA service and how well it matches (`seea-ea-mapping.json`). Lines that
 * the mapping sets apart (reservoir flood storage, a produced asset's function) form a row of their
 * own with no counterpart. Monetary supply adds up to material + regulating + cultural; the GEP
 * subtracts the products from outside the region, shown as a reconciling row. Exact decimals, no
 * rounding; physical quantities are converted to the indicator's catalogue unit where the dimension
 * allows (kg → t), otherwise kept in their own row.
 */
import type { GepResultJson } from '../accounts/serialize.js';
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../errors/errors.js';
import { makeWarning } from '../errors/warnings/index.js';
import { catalogue, ecosystemTypes, level1Type } from '../indicators/catalogue.js';
import { lineItemOf } from '../indicators/compute.js';
import { agreeWithin, decimalArithmetic as A, isDecimalText, type GepDecimal } from '../numbers/arithmetic.js';
import { convert, isKnownUnit, sameDimensionUnits } from '../units/units.js';
import { seeaMapping, serviceMapping, type SeeaServiceMapping } from './mapping.js';

/** The users of the use table (使用者); "unallocated" holds what the account does not attribute. */
export const SEEA_USERS = ['industries', 'households', 'government'] as const;
/** A user of ecosystem services. */
export type SeeaUser = (typeof SEEA_USERS)[number];
/** Shares of an indicator's supply by user, given by the caller: decimal text in [0, 1], summing to ≤ 1. */
export type SeeaAllocation = Readonly<Record<string, Partial<Record<SeeaUser, string>>>>;

/** Names of the users, for messages. */
const USER_NAMES: Record<SeeaUser, { en: string; zh: string }> = {
  industries: { en: 'industries', zh: '产业部门' },
  households: { en: 'households', zh: '住户' },
  government: { en: 'government', zh: '政府' },
};

/** The column of lines that name no ecosystem type. */
export const NOT_STATED = 'not-stated';

/** The SEEA side of a row. */
export interface SeeaRowService {
  readonly section: SeeaServiceMapping['section'];
  readonly service: string | null;
  readonly subService: string | null;
  readonly match: SeeaServiceMapping['match'];
  readonly nameStatus: SeeaServiceMapping['nameStatus'];
  readonly status: 'to-verify';
  readonly note: string;
  readonly noteZh: string;
}

/** A row key: the indicator, and the label of a part of its lines set apart by the mapping. */
interface RowKey {
  readonly indicator: string;
  readonly zh: string;
  readonly en: string;
  readonly category: string;
  readonly part: string | null;
  /** The part's label in Chinese. */
  readonly partZh: string | null;
  readonly seea: SeeaRowService;
}

/** A row of a supply table: amounts by level-1 ecosystem type (decimal strings). */
export interface SupplyRow extends RowKey {
  readonly unit: string;
  readonly byType: Readonly<Record<string, string>>;
  readonly total: string;
}

/** How a row's use was attributed. */
export interface AllocationBasis {
  readonly item: string | null;
  /** The line's name in Chinese, where its module gave one (see `LineNameZh`). */
  readonly itemZh?: string;
  readonly user: SeeaUser;
  readonly share: string | null;
  readonly basis: 'from-input' | 'approximate' | 'caller';
  readonly note: string;
}

/** A row of a use table: amounts by user and unallocated. */
export interface UseRow extends RowKey {
  readonly unit: string;
  readonly byUser: Readonly<Record<SeeaUser | 'unallocated', string>>;
  readonly total: string;
  readonly allocation: readonly AllocationBasis[];
}

/** The four tables, with their columns. */
export interface ServiceTables {
  /** Level-1 ecosystem types that supply something, in catalogue order, then `not-stated`. */
  readonly columns: readonly string[];
  readonly supplyPhysical: readonly SupplyRow[];
  readonly supplyMonetary: readonly SupplyRow[];
  /** Monetary supply by column, and in all. */
  readonly monetaryTotals: { readonly byType: Readonly<Record<string, string>>; readonly total: string };
  /** Supply total − products from outside the region = GEP. */
  readonly reconciliation: { readonly supplied: string; readonly outsideRegion: string; readonly gep: string; readonly holds: boolean };
  readonly usePhysical: readonly UseRow[];
  readonly useMonetary: readonly UseRow[];
  readonly warnings: readonly GepWarning[];
}

type Line = {
  readonly item: string;
  readonly itemZh?: string;
  readonly ecosystemType?: string;
  readonly quantity: { readonly value: string; readonly unit: string } | null;
  readonly value?: { readonly value: string };
};

/**
 * Check the users' shares (使用者分配比例) a caller gives: each in [0, 1], at most 1 in all per
 * indicator, indicators of the catalogue, users among industries, households, government.
 *
 * @param allocation - indicator id → user → share (decimal text)
 * @throws {GepInputError} with every issue, located under `allocation`
 * @example
 * checkAllocation({ 'cultural.recreation': { households: '0.8' } })   // fine
 */
export function checkAllocation(allocation: SeeaAllocation): void {
  const issues: GepIssue[] = [];
  for (const [indicator, shares] of Object.entries(allocation)) {
    if (!catalogue().has(indicator)) issues.push(makeIssue('input.unknown-indicator', ['allocation', indicator], { found: indicator }));
    let sum = A.zero;
    const before = issues.length;
    for (const [user, share] of Object.entries(shares ?? {})) {
      const path = ['allocation', indicator, user];
      if (!(SEEA_USERS as readonly string[]).includes(user)) {
        issues.push(makeIssue('input.unknown-field', path, { found: user, expected: SEEA_USERS.join(', ') }));
        continue;
      }
      if (typeof share !== 'string' || !isDecimalText(share)) {
        issues.push(makeIssue('input.not-a-number', path, { found: JSON.stringify(share) }));
        continue;
      }
      const v = A.fromString(share);
      if (A.compare(v, A.zero) < 0 || A.compare(v, A.one) > 0)
        issues.push(
          makeIssue('input.out-of-range', path, { expected: { en: 'a share between 0 and 1', zh: '0 至 1 之间的份额' }, found: share }),
        );
      sum = A.add(sum, v);
    }
    // The sum is checked once each share is fine, so one bad share gives one issue.
    if (issues.length === before && A.compare(sum, A.one) > 0)
      issues.push(
        makeIssue('input.out-of-range', ['allocation', indicator], {
          expected: { en: 'shares that add up to at most 1', zh: '合计不超过 1 的份额' },
          found: A.toString(sum),
        }),
      );
  }
  if (issues.length) throw new GepInputError(issues);
}

function rowKey(
  ind: GepResultJson['indicators'][number],
  part: { label: string; labelZh: string; match: 'none'; note: string; noteZh: string } | null,
): RowKey {
  const m = serviceMapping(ind.id);
  const seea: SeeaRowService = part
    ? {
        section: 'none',
        service: null,
        subService: null,
        match: 'none',
        nameStatus: m.nameStatus,
        status: m.status,
        note: part.note,
        noteZh: part.noteZh,
      }
    : {
        section: m.section,
        service: m.service,
        subService: m.subService,
        match: m.match,
        nameStatus: m.nameStatus,
        status: m.status,
        note: m.note,
        noteZh: m.noteZh,
      };
  return {
    indicator: ind.id,
    zh: ind.zh,
    en: ind.en,
    category: ind.category,
    part: part?.label ?? null,
    partZh: part?.labelZh ?? null,
    seea,
  };
}

/** The lines of an indicator split into its main part and the parts the mapping sets apart. */
function splitLines<L extends Line>(ind: GepResultJson['indicators'][number], lines: readonly L[]) {
  const parts = seeaMapping().lineParts.filter((p) => p.indicator === ind.id);
  const groups = [
    { key: rowKey(ind, null), lines: [] as L[] },
    ...parts.map((p) => ({ key: rowKey(ind, p), lines: [] as L[], prefix: p.itemPrefix })),
  ];
  for (const l of lines) {
    const g = groups.find((x) => 'prefix' in x && l.item.startsWith(x.prefix as string)) ?? groups[0]!;
    g.lines.push(l);
  }
  return groups.filter((g, i) => i === 0 || g.lines.length > 0);
}

const column = (l: Line) => (l.ecosystemType ? level1Type(l.ecosystemType) : NOT_STATED);

function sumBy(lines: readonly { column: string; amount: GepDecimal }[], columns: readonly string[]) {
  const byType: Record<string, string> = {};
  for (const c of columns) {
    const own = lines.filter((l) => l.column === c);
    if (own.length) byType[c] = A.toString(A.sum(own.map((l) => l.amount)));
  }
  return { byType, total: A.toString(A.sum(lines.map((l) => l.amount))) };
}

/** The unit a physical line is shown in: the catalogue's, when the dimension allows. */
function physicalUnit(indicator: string, unit: string): string {
  const target = catalogue().get(indicator)?.physicalUnit;
  if (!target || unit === target || !isKnownUnit(unit)) return unit;
  try {
    return sameDimensionUnits(unit, target) ? target : unit;
  } catch {
    return unit;
  }
}

/**
 * The supply and use tables (供给表、使用表) of an account, physical and monetary.
 *
 * @param result - the account in its JSON form (`gepResultToJson`)
 * @param allocation - shares of each indicator's supply by user, from the caller; default none (all unallocated but what the input names)
 * @returns the four tables, their columns, the monetary totals and their reconciliation with GEP, and warnings
 * @throws {GepInputError} when a share is not a number in [0, 1] or the shares of an indicator add up to more than 1
 * @example
 * serviceTables(gepResultToJson(computeGep(input))).reconciliation.holds   //=> true
 */
export function serviceTables(result: GepResultJson, allocation: SeeaAllocation = {}): ServiceTables {
  checkAllocation(allocation);
  const warnings: GepWarning[] = [];
  const order = [...ecosystemTypes().keys()];
  const present = new Set<string>();
  for (const ind of result.indicators) for (const l of [...ind.quantity.lines, ...ind.value.lines]) present.add(column(l));
  const columns = [...[...present].filter((c) => c !== NOT_STATED).sort((a, b) => order.indexOf(a) - order.indexOf(b)), NOT_STATED];
  const rules = seeaMapping().users;

  const supplyPhysical: SupplyRow[] = [];
  const supplyMonetary: SupplyRow[] = [];
  const usePhysical: UseRow[] = [];
  const useMonetary: UseRow[] = [];

  /** The users of one line: the caller's shares for the indicator, else a rule naming its item, else none. */
  const usersOf = (indicator: string, item: string, itemZh: string | undefined): AllocationBasis[] => {
    const shares = allocation[indicator];
    if (shares) {
      return SEEA_USERS.filter((u) => shares[u] !== undefined).map((u) => ({
        item: null,
        user: u,
        share: shares[u]!,
        basis: 'caller' as const,
        note: 'share given by the caller',
      }));
    }
    const rule = rules.find((r) => r.indicator === indicator && r.item === item);
    return rule
      ? [{ item, ...(itemZh !== undefined ? { itemZh } : {}), user: rule.user, share: '1', basis: rule.allocation, note: rule.note }]
      : [];
  };

  const useRow = (key: RowKey, unit: string, lines: readonly { item: string; itemZh?: string; amount: GepDecimal }[]): UseRow => {
    const byUser = { industries: A.zero, households: A.zero, government: A.zero, unallocated: A.zero };
    const bases: AllocationBasis[] = [];
    for (const l of lines) {
      const users = usersOf(key.indicator, l.item, l.itemZh);
      let left = l.amount;
      for (const u of users) {
        const part = A.multiply(l.amount, A.fromString(u.share ?? '1'));
        byUser[u.user] = A.add(byUser[u.user], part);
        left = A.subtract(left, part);
        if (!bases.some((b) => b.item === u.item && b.user === u.user)) bases.push(u);
      }
      byUser.unallocated = A.add(byUser.unallocated, left);
    }
    const out = Object.fromEntries(Object.entries(byUser).map(([k, v]) => [k, A.toString(v)])) as Record<SeeaUser | 'unallocated', string>;
    return { ...key, unit, byUser: out, total: A.toString(A.sum(lines.map((l) => l.amount))), allocation: bases };
  };

  for (const ind of result.indicators) {
    for (const { key, lines } of splitLines(ind, ind.quantity.lines)) {
      const units = new Map<string, { column: string; item: string; itemZh?: string; amount: GepDecimal }[]>();
      for (const l of lines) {
        if (!l.quantity) continue;
        const unit = physicalUnit(ind.id, l.quantity.unit);
        const amount =
          unit === l.quantity.unit ? A.fromString(l.quantity.value) : convert(A, A.fromString(l.quantity.value), l.quantity.unit, unit);
        units.set(unit, [...(units.get(unit) ?? []), { column: column(l), ...lineItemOf(l), amount }]);
      }
      for (const [unit, group] of units) {
        supplyPhysical.push({ ...key, unit, ...sumBy(group, columns) });
        usePhysical.push(useRow(key, unit, group));
      }
    }
    for (const { key, lines } of splitLines(ind, ind.value.lines)) {
      const group = lines.map((l) => ({ column: column(l), ...lineItemOf(l), amount: A.fromString(l.value.value) }));
      supplyMonetary.push({ ...key, unit: '元', ...sumBy(group, columns) });
      useMonetary.push(useRow(key, '元', group));
    }
    // A value total that is not the sum of its lines would leave the table without a reconciliation.
    const lineSum = A.sum(ind.value.lines.map((l) => A.fromString(l.value.value)));
    if (A.compare(lineSum, A.fromString(ind.value.total.value)) !== 0) {
      warnings.push(
        makeWarning('seea-lines-differ-from-total', {
          indicator: ind.id,
          params: { indicator: ind.id, lines: A.toString(lineSum), total: ind.value.total.value },
        }),
      );
    }
  }
  for (const ind of Object.keys(allocation)) {
    if (!result.indicators.some((i) => i.id === ind))
      warnings.push(makeWarning('seea-allocation-unused', { indicator: ind, path: ['allocation', ind], params: { indicator: ind } }));
  }
  const approximate = useMonetary.flatMap((r) => r.allocation.filter((a) => a.basis === 'approximate').map((a) => ({ r, a })));
  for (const { r, a } of approximate) {
    const rule = rules.find((x) => x.indicator === r.indicator && x.item === a.item);
    warnings.push(
      makeWarning('seea-allocation-approximate', {
        indicator: r.indicator,
        params: { indicator: r.indicator, item: a.item ?? '', user: USER_NAMES[a.user], note: { en: a.note, zh: rule?.noteZh ?? a.note } },
      }),
    );
  }

  // Column totals from the lines themselves, in the account's order, as gep.ts sums its value by
  // ecosystem type: a sum of rounded row totals could differ from it in the 40th digit.
  const all = result.indicators.flatMap((ind) => ind.value.lines.map((l) => ({ column: column(l), amount: A.fromString(l.value.value) })));
  const monetaryTotals = sumBy(all, columns);
  const supplied = A.fromString(monetaryTotals.total);
  const outside = A.fromString(result.totals.outsideRegion.value);
  const gep = A.fromString(result.totals.gep.value);
  // GEP is summed by category, the table by line: the two orders agree to the identity tolerance.
  const holds = agreeWithin(A, A.subtract(supplied, outside), gep, A.add(A.abs(supplied), A.abs(outside)));
  if (!holds)
    warnings.push(
      makeWarning('seea-reconciliation', {
        params: { supplied: A.toString(supplied), outside: A.toString(outside), gep: A.toString(gep) },
      }),
    );
  return {
    columns,
    supplyPhysical,
    supplyMonetary,
    monetaryTotals,
    reconciliation: { supplied: A.toString(supplied), outsideRegion: A.toString(outside), gep: A.toString(gep), holds },
    usePhysical,
    useMonetary,
    warnings,
  };
}
