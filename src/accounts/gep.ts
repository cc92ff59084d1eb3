/**
 * The GEP account (生态产品总值核算): GEP = V_M + V_R + V_C, each category the sum of its
 * indicators (gep-methods §2.1). Composes the indicators a profile enables, with the profile's
 * method variants and coefficient table, the user's overrides on top.
 */
import { decimalArithmetic, type Arithmetic, type GepDecimal } from '../numbers/arithmetic.js';
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../errors/errors.js';
import { getCoefficientTable } from '../coefficients/tables.js';
import { getPriceIndex } from '../coefficients/indices.js';
import { CoefficientReader, makeCoefficientSet } from '../coefficients/resolve.js';
import type { CoefficientOverride, CoefficientUse } from '../coefficients/types.js';
import { DEFAULT_PROFILE_ID, getProfile, listProfiles, type Profile } from '../profiles/profiles.js';
import { catalogueEntry, level1Type } from '../indicators/catalogue.js';
import { getIndicator } from '../indicators/registry.js';
import { toGepIssues } from '../indicators/input-schema.js';
import { sumIn } from '../indicators/compute.js';
import { CATEGORIES, type Category, type IndicatorContext, type IndicatorResult } from '../indicators/types.js';
import type { Measure } from '../units/measure.js';
import { accountEnvelopeSchema, type AccountInput } from './input.js';
import { LIBRARY_VERSION } from '../version.js';

/** Options of `computeGep`. */
export interface GepOptions<T> {
  /** Profile id or object; default: the input's `profile`, else `national-2022`. */
  readonly profile?: string | Profile;
  /** Arithmetic; default decimal (exact). */
  readonly arithmetic?: Arithmetic<T>;
  /** Overrides added after the input's own `coefficientOverrides`. */
  readonly overrides?: readonly CoefficientOverride[];
  /** Refuse coefficients with status to-verify. */
  readonly strict?: boolean;
  /** Set false to use table prices as printed, without the profile's price-index rebasing (reproduction runs). */
  readonly rebase?: boolean;
}

/** An indicator of the profile that was not accounted, and why. */
export interface NotAccounted {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly reason: 'no-input' | 'not-implemented';
}

/** A complete GEP account. */
export interface GepResult<T> {
  readonly kind: 'gep-account';
  readonly libraryVersion: string;
  readonly arithmetic: 'decimal' | 'float64';
  readonly region: AccountInput['region'];
  readonly accountingYear: number;
  readonly priceYear: number;
  readonly profile: { readonly id: string; readonly version: string; readonly title: Profile['title']; readonly indicatorListStatus: Profile['indicatorListStatus'] };
  readonly coefficientTable: string;
  readonly indicators: readonly IndicatorResult<T>[];
  /** Totals in 元 at `priceYear`. */
  readonly totals: Readonly<Record<Category | 'gep', Measure<T, '元'>>>;
  /** Value by level-1 ecosystem type, for the lines that name one. */
  readonly byEcosystemType: Readonly<Record<string, Measure<T, '元'>>>;
  readonly notAccounted: readonly NotAccounted[];
  readonly coefficientsUsed: readonly CoefficientUse[];
  readonly warnings: readonly GepWarning[];
}

function resolveProfile(requested: string | Profile | undefined, fromInput: string | undefined): Profile {
  if (typeof requested === 'object') return requested;
  const id = requested ?? fromInput ?? DEFAULT_PROFILE_ID;
  const profile = getProfile(id);
  if (!profile) {
    throw new GepInputError([makeIssue('profile.unknown', ['profile'], { found: id, expected: listProfiles().map((p) => p.id).join(', ') })]);
  }
  return profile;
}

/**
 * Compute the GEP account of one region and year.
 *
 * @param input - the account input (validated here; every problem is reported at once)
 * @param options - profile, arithmetic, overrides, strict mode
 * @returns the account with totals in 元, per-indicator quantities, values and traces, and warnings
 * @throws {GepInputError} listing every input issue found
 * @example
 * const result = computeGep(input);               // decimal path, profile national-2022
 * gepResultToJson(result).totals.gep              //=> { value: '…', unit: '元', priceYear: 2022 }
 */
export function computeGep(input: unknown): GepResult<GepDecimal>;
export function computeGep<T>(input: unknown, options: GepOptions<T> & { arithmetic: Arithmetic<T> }): GepResult<T>;
export function computeGep(input: unknown, options: Omit<GepOptions<GepDecimal>, 'arithmetic'>): GepResult<GepDecimal>;
export function computeGep<T>(input: unknown, options: GepOptions<T> = {}): GepResult<T> {
  const A = (options.arithmetic ?? decimalArithmetic) as Arithmetic<T>;
  const envelope = accountEnvelopeSchema.safeParse(input, { reportInput: true });
  if (!envelope.success) throw new GepInputError(toGepIssues(envelope.error, []));
  const account = envelope.data;
  const profile = resolveProfile(options.profile, account.profile);
  const table = getCoefficientTable(profile.coefficientTable);
  const priceIndex = profile.priceIndex === undefined || options.rebase === false ? undefined : getPriceIndex(profile.priceIndex);
  const overrides = [...(account.coefficientOverrides ?? []), ...(options.overrides ?? [])];
  const { set, issues } = makeCoefficientSet(table, overrides, { strict: options.strict ?? false });

  const enabled = new Map(profile.indicators.map((p) => [p.id, p]));
  for (const id of Object.keys(account.indicators)) {
    if (!enabled.has(id)) issues.push(makeIssue('input.unknown-indicator', ['indicators', id], { found: id, expected: profile.id }));
  }

  const warnings: GepWarning[] = [];
  const notAccounted: NotAccounted[] = [];
  const planned: { id: string; parsed: unknown; ctx: IndicatorContext<T>; reader: CoefficientReader<T> }[] = [];
  for (const p of profile.indicators) {
    const module = getIndicator(p.id);
    const entry = catalogueEntry(p.id);
    if (!module) {
      notAccounted.push({ id: p.id, zh: entry.zh, en: entry.en, reason: 'not-implemented' });
      continue;
    }
    const raw = account.indicators[p.id];
    if (raw === undefined) {
      notAccounted.push({ id: p.id, zh: entry.zh, en: entry.en, reason: 'no-input' });
      continue;
    }
    const path = ['indicators', p.id];
    const parsed = module.inputSchema.safeParse(raw, { reportInput: true });
    if (!parsed.success) {
      issues.push(...toGepIssues(parsed.error, path));
      continue;
    }
    const variant = Object.fromEntries(module.spec.variants.map((v) => [v.name, p.variant[v.name] ?? v.default]));
    const reader = new CoefficientReader(A, set);
    const ctx = { A, coefficients: reader, variant, priceYear: account.priceYear, path, ...(priceIndex ? { priceIndex } : {}) };
    planned.push({ id: p.id, parsed: parsed.data, reader, ctx });
  }
  if (issues.length) throw new GepInputError(issues);

  const results: IndicatorResult<T>[] = [];
  const computeIssues: GepIssue[] = [];
  for (const { id, parsed, ctx, reader } of planned) {
    const module = getIndicator(id)!;
    try {
      const quantity = module.quantity(parsed, ctx);
      const value = module.value(parsed, quantity, ctx);
      const entry = module.spec;
      results.push({ id, category: entry.category, zh: entry.zh, en: entry.en, variant: ctx.variant, clauses: entry.clauses, quantity, value, coefficients: reader.uses() });
    } catch (e) {
      if (e instanceof GepInputError) computeIssues.push(...e.issues);
      else throw e;
    }
  }
  if (computeIssues.length) throw new GepInputError(computeIssues);

  const seen = new Set<string>();
  for (const w of results.flatMap((r) => [...r.quantity.warnings, ...r.value.warnings])) {
    if (!seen.has(w.message)) warnings.push(w);
    seen.add(w.message);
  }
  const coefficientsUsed = dedupeUses(results.flatMap((r) => r.coefficients));
  for (const c of coefficientsUsed.filter((u) => u.status === 'to-verify')) {
    warnings.push({ code: 'coefficient-to-verify', message: `coefficient ${c.id} (${c.value} ${c.unit}, ${c.source}) has status to-verify` });
  }
  if (profile.indicatorListStatus === 'to-verify') {
    warnings.push({ code: 'profile-to-verify', message: `the indicator list of profile ${profile.id} is not verified against its standard` });
  }
  for (const n of notAccounted) {
    warnings.push({ code: `indicator-${n.reason}`, indicator: n.id, message: `${n.id} (${n.zh}) is in profile ${profile.id} but was not accounted: ${n.reason === 'no-input' ? 'the input has no block for it' : 'not implemented in this version'}` });
  }

  const totals = categoryTotals(A, results);
  return {
    kind: 'gep-account',
    libraryVersion: LIBRARY_VERSION,
    arithmetic: A.name,
    region: account.region,
    accountingYear: account.accountingYear,
    priceYear: account.priceYear,
    profile: { id: profile.id, version: profile.version, title: profile.title, indicatorListStatus: profile.indicatorListStatus },
    coefficientTable: table.key,
    indicators: results,
    totals,
    byEcosystemType: ecosystemTotals(A, results),
    notAccounted,
    coefficientsUsed,
    warnings,
  };
}

function dedupeUses(uses: readonly CoefficientUse[]): CoefficientUse[] {
  return [...new Map(uses.map((u) => [u.id, u])).values()];
}

/**
 * Category totals and GEP, with the identity GEP = M + R + C checked against the sum of all
 * indicators: the two sums are computed independently and must agree exactly on the decimal path.
 */
export function categoryTotals<T>(A: Arithmetic<T>, results: readonly IndicatorResult<T>[]): Record<Category | 'gep', Measure<T, '元'>> {
  const byCategory = Object.fromEntries(
    CATEGORIES.map((c) => [c, sumIn(A, results.filter((r) => r.category === c).map((r) => r.value.total), '元')]),
  ) as Record<Category, Measure<T, '元'>>;
  const gep = sumIn(A, CATEGORIES.map((c) => byCategory[c]), '元');
  const direct = sumIn(A, results.map((r) => r.value.total), '元');
  const tolerance = A.name === 'decimal' ? A.zero : A.multiply(A.fromString('1e-12'), A.add(A.one, direct.value));
  const gap = A.subtract(gep.value, direct.value);
  if (A.compare(gap, tolerance) > 0 || A.compare(A.negate(gap), tolerance) > 0) {
    throw new Error(`[gep] identity broken: M + R + C = ${A.toString(gep.value)} but Σ indicators = ${A.toString(direct.value)}`);
  }
  return { ...byCategory, gep };
}

function ecosystemTotals<T>(A: Arithmetic<T>, results: readonly IndicatorResult<T>[]): Record<string, Measure<T, '元'>> {
  const out: Record<string, Measure<T, '元'>> = {};
  for (const line of results.flatMap((r) => r.value.lines)) {
    if (!line.ecosystemType) continue;
    const key = level1Type(line.ecosystemType);
    out[key] = { value: A.add(out[key]?.value ?? A.zero, line.value.value), unit: '元' };
  }
  return out;
}
