/**
 * Reproducing a published account row by row (复核): every row with an input is recomputed
 * through the library's own indicator modules, compared with the printed value within half a unit
 * of its last printed digit (or a stated tolerance), and every printed identity (a total and its
 * parts, a share) is checked against the printed parts and against the recomputed ones.
 */
import { computeGep } from '../accounts/gep.js';
import { decimalArithmetic, GepDecimal } from '../numbers/arithmetic.js';
import { GepInputError, describeIssue } from '../errors/errors.js';
import { toGepIssues } from '../indicators/input-schema.js';
import { asFlowUnit, convert } from '../units/units.js';
import type { Profile } from '../profiles/profiles.js';
import { caseSchema, type CaseIdentity, type CaseRow, type PublishedCase } from './case.js';

export type RowStatus = 'ok' | 'outside-tolerance' | 'not-reproducible' | 'known-inconsistency';
export type IdentityStatus = 'ok' | 'inconsistent' | 'known-inconsistency';

/** The outcome for one printed row. */
export interface RowOutcome {
  readonly id: string;
  readonly label: string;
  readonly printed: { readonly value: string; readonly unit: string };
  readonly recomputed: string | null;
  readonly difference: string | null;
  /** |difference| / |printed|, as a decimal string. */
  readonly relativeDifference: string | null;
  readonly tolerance: string;
  readonly toleranceReason: string;
  readonly status: RowStatus;
  /** Why a row is not reproducible, or what a known inconsistency is. */
  readonly reason?: string;
  /** The quantity that would reproduce the printed value at the printed price, when outside tolerance. */
  readonly impliedQuantity?: string;
}

/** The outcome for one printed identity. */
export interface IdentityOutcome {
  readonly id: string;
  readonly label: string;
  readonly kind: CaseIdentity['kind'];
  readonly printed: string;
  readonly unit: string;
  /** From the printed parts. */
  readonly fromPrinted: string;
  /** From recomputed parts, when every part was recomputed. */
  readonly fromRecomputed: string | null;
  readonly tolerance: string;
  readonly status: IdentityStatus;
  readonly reason?: string;
}

/** The whole reproduction. */
export interface Reproduction {
  readonly case: PublishedCase;
  readonly rows: readonly RowOutcome[];
  readonly identities: readonly IdentityOutcome[];
  /** True when every reproducible row and identity holds, known inconsistencies aside. */
  readonly holds: boolean;
}

/** Half a unit of the last printed digit: "374.62" → 0.005; "72030.15" → 0.005; "1200" → 0.5. */
export function halfUnitOfLastDigit(printed: string): GepDecimal {
  const decimals = printed.includes('.') ? printed.split('.')[1]!.replace(/e.*$/i, '').length : 0;
  return new GepDecimal(10).pow(-decimals).dividedBy(2);
}

function caseProfile(c: PublishedCase, row: CaseRow): Profile {
  return {
    id: `case-${c.id}`,
    version: '0.0.0',
    title: { zh: c.citation.title, en: c.citation.title },
    source: c.id,
    coefficientTable: c.coefficientTable ?? 'national-2022/1.0.0',
    indicatorListStatus: 'verified',
    notes: [],
    indicators: [{ id: row.indicator!, variant: row.variant ?? {} }],
  };
}

function recomputeRow(c: PublishedCase, row: CaseRow): { value: GepDecimal; quantity: { value: GepDecimal; unit: string } | null } {
  const input = {
    region: { name: c.region, level: 'area' as const },
    accountingYear: c.accountingYear,
    priceYear: c.priceYear ?? c.accountingYear,
    indicators: { [row.indicator!]: row.input },
  };
  // Prices are taken as printed: no rebasing.
  const result = computeGep(input, { profile: caseProfile(c, row), rebase: false });
  const indicator = result.indicators[0]!;
  return { value: indicator.value.total.value, quantity: indicator.quantity.total };
}

function rowOutcome(c: PublishedCase, row: CaseRow): RowOutcome & { recomputedValue: GepDecimal | null } {
  const tolerance = row.tolerance ? new GepDecimal(row.tolerance.absolute) : halfUnitOfLastDigit(row.printed.value);
  const base = {
    id: row.id,
    label: row.label,
    printed: row.printed,
    tolerance: tolerance.toString(),
    toleranceReason: row.tolerance?.reason ?? 'half a unit of the last printed digit',
  };
  if (!row.indicator || row.input === undefined) {
    return { ...base, recomputed: null, difference: null, relativeDifference: null, status: 'not-reproducible', reason: 'printed figure only: the source gives no input to recompute it', recomputedValue: null };
  }
  let recomputed: { value: GepDecimal; quantity: { value: GepDecimal; unit: string } | null };
  try {
    recomputed = recomputeRow(c, row);
  } catch (e) {
    if (!(e instanceof GepInputError)) throw e;
    return { ...base, recomputed: null, difference: null, relativeDifference: null, status: 'not-reproducible', reason: `missing or invalid input: ${e.issues.map((i) => describeIssue(i)).join('; ')}`, recomputedValue: null };
  }
  // A row printed per hectare (or per anything) divides the recomputed total first; money is the
  // value of the accounting year, so 元/hm² reads as 元/(hm²·a) where the table prints it so.
  const perUnit = row.per ? `元/(${row.per.unit})` : '元';
  const recomputedValue = row.per ? recomputed.value.dividedBy(row.per.value) : recomputed.value;
  const value = convert(decimalArithmetic, recomputedValue, asFlowUnit(perUnit, row.printed.unit), row.printed.unit);
  const printed = new GepDecimal(row.printed.value);
  const difference = value.minus(printed);
  const within = difference.abs().lte(tolerance);
  const outcome = {
    ...base,
    recomputed: value.toString(),
    difference: difference.toString(),
    relativeDifference: printed.isZero() ? null : difference.abs().dividedBy(printed.abs()).toSignificantDigits(6).toString(),
    recomputedValue: value,
  };
  if (within) return { ...outcome, status: 'ok' };
  const implied = recomputed.quantity && !value.isZero() ? recomputed.quantity.value.times(printed).dividedBy(value).toSignificantDigits(12).toString() : undefined;
  return {
    ...outcome,
    status: row.knownInconsistency ? 'known-inconsistency' : 'outside-tolerance',
    ...(row.knownInconsistency ? { reason: row.knownInconsistency } : {}),
    ...(implied && recomputed.quantity ? { impliedQuantity: `${implied} ${recomputed.quantity.unit}` } : {}),
  };
}

function inUnit(row: CaseRow, unit: string): GepDecimal {
  return convert(decimalArithmetic, new GepDecimal(row.printed.value), row.printed.unit, unit);
}

function identityOutcome(c: PublishedCase, identity: CaseIdentity, rows: ReadonlyMap<string, CaseRow>, recomputed: ReadonlyMap<string, GepDecimal | null>): IdentityOutcome {
  const get = (id: string) => {
    const r = rows.get(id);
    if (!r) throw new Error(`[gep] case ${c.id}: identity ${identity.id} names unknown row "${id}"`);
    return r;
  };
  if (identity.kind === 'sum') {
    const total = get(identity.total);
    const unit = total.printed.unit;
    const parts = identity.terms.map((t) => ({ row: get(t.row), sign: t.sign }));
    const fromPrinted = parts.reduce((acc, p) => acc.plus(inUnit(p.row, unit).times(p.sign)), new GepDecimal(0));
    // Each printed number may be off by half a unit of its last digit.
    const tolerance = parts.reduce((acc, p) => acc.plus(convert(decimalArithmetic, halfUnitOfLastDigit(p.row.printed.value), p.row.printed.unit, unit)), halfUnitOfLastDigit(total.printed.value));
    const allRecomputed = parts.every((p) => recomputed.get(p.row.id));
    const fromRecomputed = allRecomputed
      ? parts.reduce((acc, p) => acc.plus(convert(decimalArithmetic, recomputed.get(p.row.id)!, p.row.printed.unit, unit).times(p.sign)), new GepDecimal(0))
      : null;
    const holds = fromPrinted.minus(total.printed.value).abs().lte(tolerance);
    return {
      id: identity.id, label: identity.label, kind: 'sum', printed: total.printed.value, unit,
      fromPrinted: fromPrinted.toString(), fromRecomputed: fromRecomputed?.toString() ?? null, tolerance: tolerance.toString(),
      status: holds ? 'ok' : identity.knownInconsistency ? 'known-inconsistency' : 'inconsistent',
      ...(!holds ? { reason: identity.knownInconsistency ?? `the printed parts add up to ${fromPrinted.toString()} ${unit}, not ${total.printed.value}` } : {}),
    };
  }
  const num = get(identity.numerator);
  const den = get(identity.denominator);
  const scale = convert(decimalArithmetic, new GepDecimal(1), '1', identity.printed.unit);
  const a = inUnit(num, den.printed.unit);
  const b = new GepDecimal(den.printed.value);
  const ratio = a.dividedBy(b).times(scale);
  // |Δ(a/b)| ≤ (½ulp_a/a + ½ulp_b/b)·a/b, plus half a unit of the printed ratio.
  const ha = convert(decimalArithmetic, halfUnitOfLastDigit(num.printed.value), num.printed.unit, den.printed.unit);
  const propagated = ratio.abs().times(ha.dividedBy(a.abs()).plus(halfUnitOfLastDigit(den.printed.value).dividedBy(b.abs())));
  const tolerance = propagated.plus(halfUnitOfLastDigit(identity.printed.value));
  const holds = ratio.minus(identity.printed.value).abs().lte(tolerance);
  return {
    id: identity.id, label: identity.label, kind: 'ratio', printed: identity.printed.value, unit: identity.printed.unit,
    fromPrinted: ratio.toSignificantDigits(8).toString(), fromRecomputed: null, tolerance: tolerance.toSignificantDigits(4).toString(),
    status: holds ? 'ok' : identity.knownInconsistency ? 'known-inconsistency' : 'inconsistent',
    ...(!holds ? { reason: identity.knownInconsistency ?? `the printed figures give ${ratio.toSignificantDigits(6).toString()} ${identity.printed.unit}, not ${identity.printed.value}` } : {}),
  };
}

/** Parse a case file's JSON data; every problem is reported at once. */
export function parseCase(data: unknown): PublishedCase {
  const parsed = caseSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw new GepInputError(toGepIssues(parsed.error, []));
  return parsed.data;
}

/** Reproduce a published case: recompute its rows and check its identities. */
export function reproduceCase(data: unknown): Reproduction {
  const c = parseCase(data);
  const rowsById = new Map(c.rows.map((r) => [r.id, r]));
  if (rowsById.size !== c.rows.length) throw new Error(`[gep] case ${c.id}: duplicate row ids`);
  const outcomes = c.rows.map((r) => rowOutcome(c, r));
  const recomputed = new Map(outcomes.map((o) => [o.id, o.recomputedValue]));
  const identities = c.identities.map((i) => identityOutcome(c, i, rowsById, recomputed));
  const rows: RowOutcome[] = outcomes.map(({ recomputedValue: _, ...o }) => o);
  const holds = rows.every((r) => r.status !== 'outside-tolerance') && identities.every((i) => i.status !== 'inconsistent');
  return { case: c, rows, identities, holds };
}
