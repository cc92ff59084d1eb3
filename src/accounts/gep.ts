/**
 * The GEP account (生态产品总值核算): GEP = V_M + V_R + V_C, each category the sum of its
 * indicators (gep-methods §2.1). Composes the indicators a profile enables, with the profile's
 * method variants and coefficient table, the user's overrides on top.
 */
import { agreeWithin, decimalArithmetic, GepArithmeticError, type Arithmetic, type GepDecimal } from '../numbers/arithmetic.js';
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../errors/errors.js';
import { makeWarning } from '../errors/warnings/index.js';
import { getCoefficientTable } from '../coefficients/tables.js';
import { getPriceIndex, type PriceIndex } from '../coefficients/indices.js';
import { CoefficientReader, makeCoefficientSet, type CoefficientSet } from '../coefficients/resolve.js';
import { overrideWarnings } from '../coefficients/price-check.js';
import type { CoefficientOverride, CoefficientTable, CoefficientUse } from '../coefficients/types.js';
import { DEFAULT_PROFILE_ID, getProfile, listProfiles, type Profile } from '../profiles/profiles.js';
import { checkedProfileIssues } from '../profiles/check.js';
import { coefficientChecks } from './coefficient-checks.js';
import { plausibilityChecks } from './plausibility.js';
import { catalogueEntry, level1Type } from '../indicators/catalogue.js';
import { profileEntry, profileIndicator, uncompiledLocalIssues, withLocalRows } from '../indicators/local/attach.js';
import { toGepIssues } from '../indicators/input-schema.js';
import { readAmount, sumIn } from '../indicators/compute.js';
import { CATEGORIES, type Category, type IndicatorContext, type IndicatorResult } from '../indicators/types.js';
import type { Measure } from '../units/measure.js';
import { accountEnvelopeSchema, type AccountInput, type GepInput, type UntrustedInput } from './input.js';
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
  readonly profile: {
    readonly id: string;
    readonly version: string;
    readonly title: Profile['title'];
    readonly indicatorListStatus: Profile['indicatorListStatus'];
  };
  readonly coefficientTable: string;
  readonly indicators: readonly IndicatorResult<T>[];
  /**
   * Totals in 元 at `priceYear`. `outsideRegion` is the value of products from outside the region
   * that the profile subtracts (GB/T 46869—2025), zero otherwise: GEP = M + R + C − outsideRegion.
   */
  readonly totals: Readonly<Record<Category | 'outsideRegion' | 'gep', Measure<T, '元'>>>;
  /** The lines subtracted as products from outside the region. */
  readonly outsideRegion: readonly {
    readonly item: string;
    readonly indicator?: string;
    readonly value: Measure<T, '元'>;
    readonly method: string;
  }[];
  /** Value by level-1 ecosystem type, for the lines that name one. */
  readonly byEcosystemType: Readonly<Record<string, Measure<T, '元'>>>;
  readonly notAccounted: readonly NotAccounted[];
  readonly coefficientsUsed: readonly CoefficientUse[];
  /** The profile's regional adjustment coefficients (调节系数), as applied. */
  readonly adjustments: NonNullable<Profile['adjustments']>;
  readonly warnings: readonly GepWarning[];
}

/**
 * The profile of a run: the object given, else the shipped profile named by the options or the
 * input. Either way its indicator ids, variant names and options are checked (./profiles/check.ts),
 * so a typo is a located error, never the default method.
 */
function resolveProfile(requested: string | Profile | undefined, fromInput: string | undefined): Profile {
  let profile: Profile | undefined;
  if (typeof requested === 'object' && requested !== null) {
    // A profile's local indicators (src/indicators/local/) run only as compiled by gep-accounting/local.
    const local = uncompiledLocalIssues(requested);
    if (local.length) throw new GepInputError(local);
    profile = requested;
  } else {
    const id = requested ?? fromInput ?? DEFAULT_PROFILE_ID;
    profile = getProfile(id);
    if (!profile) {
      throw new GepInputError([
        makeIssue('profile.unknown', ['profile'], {
          found: id,
          expected: listProfiles()
            .map((p) => p.id)
            .join(', '),
        }),
      ]);
    }
  }
  const issues = checkedProfileIssues(profile);
  if (issues.length) throw new GepInputError(issues);
  return profile;
}

/**
 * Compute the GEP account of one region and year.
 *
 * @param input - the account input: a typed `GepInput`, or untrusted data (`unknown`, parsed JSON);
 *   validated here either way, every problem reported at once
 * @param options - profile, arithmetic, overrides, strict mode
 * @returns the account with totals in 元, per-indicator quantities, values and traces, and warnings
 * @throws {GepInputError} listing every input issue found
 * @example
 * const result = computeGep(input);               // decimal path, profile national-2022
 * gepResultToJson(result).totals.gep              //=> { value: '…', unit: '元', priceYear: 2022 }
 */
export function computeGep<I>(input: GepInput | UntrustedInput<I>): GepResult<GepDecimal>;
export function computeGep<T, I>(input: GepInput | UntrustedInput<I>, options: GepOptions<T> & { arithmetic: Arithmetic<T> }): GepResult<T>;
export function computeGep<I>(
  input: GepInput | UntrustedInput<I>,
  options: Omit<GepOptions<GepDecimal>, 'arithmetic'>,
): GepResult<GepDecimal>;
export function computeGep<T>(input: unknown, options: GepOptions<T> = {}): GepResult<T> {
  return evaluateGep(prepareGep(input, options), (options.arithmetic ?? decimalArithmetic) as Arithmetic<T>);
}

/**
 * An account input validated and resolved, before any arithmetic: the profile, the coefficient set
 * with overrides, and each enabled indicator's parsed block with its variant choices. `computeGep`
 * is `evaluateGep(prepareGep(input))`; the compiled account plan (src/plan/) evaluates one prepared
 * input many times.
 */
export interface PreparedGep {
  readonly account: AccountInput;
  readonly profile: Profile;
  readonly table: CoefficientTable;
  readonly priceIndex: PriceIndex | undefined;
  readonly set: CoefficientSet;
  /** Refuse to-verify coefficients (checked after every indicator has run). */
  readonly strict: boolean;
  /** Warnings found while validating (blocks not in the profile, blocks of unimplemented indicators). */
  readonly warnings: readonly GepWarning[];
  /**
   * Overrides more than 10 times off their table values (src/coefficients/price-check.ts), added
   * before the plausibility warnings; the compiled plan checks each row's own instead.
   */
  readonly overrideWarnings: readonly GepWarning[];
  readonly notAccounted: readonly NotAccounted[];
  readonly planned: readonly {
    readonly id: string;
    readonly parsed: unknown;
    readonly variant: Readonly<Record<string, string>>;
    readonly path: readonly (string | number)[];
  }[];
}

/** Validate and resolve an account input (the first stage of `computeGep`); throws `GepInputError` listing every issue. */
export function prepareGep(input: unknown, options: Omit<GepOptions<unknown>, 'arithmetic'> = {}): PreparedGep {
  const envelope = accountEnvelopeSchema.safeParse(input, { reportInput: true });
  if (!envelope.success) throw new GepInputError(toGepIssues(envelope.error, []));
  const account = envelope.data;
  const profile = resolveProfile(options.profile, account.profile);
  const table = withLocalRows(getCoefficientTable(profile.coefficientTable), profile);
  const priceIndex = profile.priceIndex === undefined || options.rebase === false ? undefined : getPriceIndex(profile.priceIndex);
  const overrides = [...(account.coefficientOverrides ?? []), ...(options.overrides ?? [])];
  // Strict mode is applied after every indicator has run (./coefficient-checks.ts), so that it lists
  // every refused coefficient at once rather than the first of each indicator.
  const { set, issues } = makeCoefficientSet(table, overrides);

  // A block for an indicator outside the catalogue is an error (a typo); a catalogue indicator that
  // the profile does not enable is reported and left out, so one input serves several profiles.
  const enabled = new Map(profile.indicators.map((p) => [p.id, p]));
  const warnings: GepWarning[] = [];
  const notEnabled: string[] = [];
  // The keys as given: zod's record drops a `__proto__` key, which would lose that block silently.
  for (const id of Object.keys((input as { indicators: object }).indicators)) {
    if (!profileEntry(profile, id))
      issues.push(makeIssue('input.unknown-indicator', ['indicators', id], { found: id, expected: profile.id }));
    else if (!enabled.has(id)) notEnabled.push(id);
  }
  if (notEnabled.length) {
    warnings.push(
      makeWarning('input-not-in-profile', {
        path: ['indicators'],
        params: { profile: profile.id, ids: { en: notEnabled.join(', '), zh: notEnabled.join('、') } },
      }),
    );
  }

  const notAccounted: NotAccounted[] = [];
  const planned: PreparedGep['planned'][number][] = [];
  for (const p of profile.indicators) {
    const module = profileIndicator(profile, p.id);
    const entry = profileEntry(profile, p.id) ?? catalogueEntry(p.id);
    if (!module) {
      notAccounted.push({ id: p.id, zh: entry.zh, en: entry.en, reason: 'not-implemented' });
      if (account.indicators[p.id] !== undefined) {
        warnings.push(makeWarning('input-unused', { indicator: p.id, path: ['indicators', p.id], params: { id: p.id } }));
      }
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
    planned.push({ id: p.id, parsed: parsed.data, variant, path });
  }
  if (issues.length) throw new GepInputError(issues);
  return {
    account,
    profile,
    table,
    priceIndex,
    set,
    strict: options.strict ?? false,
    warnings,
    overrideWarnings: overrideWarnings(table, overrides),
    notAccounted,
    planned,
  };
}

/**
 * Compute a prepared account with an arithmetic (the second stage of `computeGep`). The compiled
 * plan records it with `plausibility: false` and runs the plausibility checks on each row's values
 * itself (they read input text and results outside the arithmetic seam).
 */
export function evaluateGep<T>(prepared: PreparedGep, A: Arithmetic<T>, stages: { readonly plausibility?: boolean } = {}): GepResult<T> {
  const { account, profile, table, priceIndex } = prepared;
  const warnings = [...prepared.warnings];
  const notAccounted = prepared.notAccounted;
  const planned = prepared.planned.map(({ id, parsed, variant, path }) => {
    const reader = new CoefficientReader(A, prepared.set);
    const ctx: IndicatorContext<T> = {
      A,
      coefficients: reader,
      variant,
      priceYear: account.priceYear,
      path,
      ...(priceIndex ? { priceIndex } : {}),
    };
    return { id, parsed, reader, ctx };
  });

  const results: IndicatorResult<T>[] = [];
  const computeIssues: GepIssue[] = [];
  for (const { id, parsed, ctx, reader } of planned) {
    const module = profileIndicator(profile, id)!;
    try {
      const quantity = module.quantity(parsed, ctx);
      const value = module.value(parsed, quantity, ctx);
      const entry = module.spec;
      results.push({
        id,
        category: entry.category,
        zh: entry.zh,
        en: entry.en,
        variant: ctx.variant,
        clauses: entry.clauses,
        quantity,
        value,
        coefficients: reader.uses(),
      });
    } catch (e) {
      if (e instanceof GepInputError) computeIssues.push(...e.issues);
      else if (e instanceof GepArithmeticError) computeIssues.push(arithmeticIssue(ctx.path, e));
      else throw e;
    }
  }
  if (computeIssues.length) throw new GepInputError(computeIssues);

  const adjusted = guarded(['indicators'], () => applyAdjustments(A, profile, results, warnings));
  const seen = new Set<string>();
  for (const w of adjusted.flatMap((r) => [...r.quantity.warnings, ...r.value.warnings])) {
    if (!seen.has(w.message)) warnings.push(w);
    seen.add(w.message);
  }
  const coefficientsUsed = dedupeUses(results.flatMap((r) => r.coefficients));
  const readers = new Map(planned.map((p) => [p.id, p.reader]));
  const checked = coefficientChecks(results, table, profile, prepared.strict, (indicator, id) => readers.get(indicator)?.pathOf(id));
  if (checked.issues.length) throw new GepInputError(checked.issues);
  warnings.push(...checked.warnings);
  if (profile.indicatorListStatus === 'to-verify') {
    warnings.push(makeWarning('profile-to-verify', { params: { profile: profile.id } }));
  }
  for (const n of notAccounted) {
    warnings.push(
      makeWarning(n.reason === 'no-input' ? 'indicator-no-input' : 'indicator-not-implemented', {
        indicator: n.id,
        params: { id: n.id, name: n.zh, profile: profile.id },
      }),
    );
  }

  const outside = guarded(['outsideRegion'], () =>
    (account.outsideRegion ?? []).map((o) => ({ ...o, value: readAmount(A, o.value, '元') })),
  );
  if (profile.subtractOutsideRegion && outside.length === 0) {
    warnings.push(makeWarning('outside-region-none', { params: { profile: profile.id } }));
  }
  if (!profile.subtractOutsideRegion && outside.length > 0) {
    warnings.push(makeWarning('outside-region-ignored', { params: { profile: profile.id, count: outside.length } }));
  }
  const subtracted = profile.subtractOutsideRegion
    ? guarded(['outsideRegion'], () =>
        sumIn(
          A,
          outside.map((o) => o.value),
          '元',
        ),
      )
    : { value: A.zero, unit: '元' as const };
  const totals = guarded(['indicators'], () => categoryTotals(A, adjusted, subtracted));
  warnings.push(...prepared.overrideWarnings);
  const plausible =
    stages.plausibility === false
      ? { issues: [], warnings: [] }
      : plausibilityChecks({
          A,
          account,
          inputs: planned.map((p) => ({ id: p.id, input: p.parsed, path: p.ctx.path })),
          results: adjusted,
          totals,
        });
  if (plausible.issues.length) throw new GepInputError(plausible.issues);
  warnings.push(...plausible.warnings);
  return {
    kind: 'gep-account',
    libraryVersion: LIBRARY_VERSION,
    arithmetic: A.name,
    region: account.region,
    accountingYear: account.accountingYear,
    priceYear: account.priceYear,
    profile: { id: profile.id, version: profile.version, title: profile.title, indicatorListStatus: profile.indicatorListStatus },
    coefficientTable: table.key,
    indicators: adjusted,
    totals,
    outsideRegion: outside,
    byEcosystemType: guarded(['indicators'], () => ecosystemTotals(A, adjusted)),
    notAccounted,
    coefficientsUsed,
    adjustments: profile.adjustments ?? [],
    warnings,
  };
}

/** An overflow or a division by zero that the input values cause (e.g. 1e200 × 1e200 on the float path) is an input issue at `path`. */
function arithmeticIssue(path: readonly (string | number)[], e: GepArithmeticError): GepIssue {
  return makeIssue('input.arithmetic', path, { found: e.message.replace(/^\[gep\] /, '') });
}

function guarded<R>(path: readonly (string | number)[], fn: () => R): R {
  try {
    return fn();
  } catch (e) {
    if (e instanceof GepArithmeticError) throw new GepInputError([arithmeticIssue(path, e)]);
    throw e;
  }
}

function dedupeUses(uses: readonly CoefficientUse[]): CoefficientUse[] {
  return [...new Map(uses.map((u) => [u.id, u])).values()];
}

/**
 * Category totals and GEP = M + R + C − outsideRegion, with the identity checked against the sum of
 * all indicators: the two sums are computed independently and must agree exactly on the decimal path.
 */
export function categoryTotals<T>(
  A: Arithmetic<T>,
  results: readonly IndicatorResult<T>[],
  outsideRegion: Measure<T, '元'> = { value: A.zero, unit: '元' },
): Record<Category | 'outsideRegion' | 'gep', Measure<T, '元'>> {
  const byCategory = Object.fromEntries(
    CATEGORIES.map((c) => [
      c,
      sumIn(
        A,
        results.filter((r) => r.category === c).map((r) => r.value.total),
        '元',
      ),
    ]),
  ) as Record<Category, Measure<T, '元'>>;
  const gep = {
    value: A.subtract(
      sumIn(
        A,
        CATEGORIES.map((c) => byCategory[c]),
        '元',
      ).value,
      outsideRegion.value,
    ),
    unit: '元' as const,
  };
  const direct = {
    value: A.subtract(
      sumIn(
        A,
        results.map((r) => r.value.total),
        '元',
      ).value,
      outsideRegion.value,
    ),
    unit: '元' as const,
  };
  const magnitude = A.sum([...results.map((r) => A.abs(r.value.total.value)), A.abs(outsideRegion.value)]);
  if (!agreeWithin(A, gep.value, direct.value, magnitude)) {
    throw new Error(`[gep] identity broken: M + R + C = ${A.toString(gep.value)} but Σ indicators = ${A.toString(direct.value)}`);
  }
  return { ...byCategory, outsideRegion, gep };
}

/**
 * The profile's regional adjustment coefficients (调节系数): V_adjusted = V × k, shown as an extra
 * value line "adjustment" = V × (k − 1) with its step, so the lines still add up to the total.
 */
function applyAdjustments<T>(
  A: Arithmetic<T>,
  profile: Profile,
  results: readonly IndicatorResult<T>[],
  warnings: GepWarning[],
): IndicatorResult<T>[] {
  const adjustments = profile.adjustments ?? [];
  return results.map((r) => {
    const adj = adjustments.find((a) => a.indicator === r.id);
    if (!adj) return r;
    const k = A.fromString(adj.factor);
    const delta = { value: A.multiply(r.value.total.value, A.subtract(k, A.one)), unit: '元' as const };
    const total = { value: A.multiply(r.value.total.value, k), unit: '元' as const };
    if (adj.status === 'to-verify')
      warnings.push(makeWarning('adjustment-to-verify', { indicator: r.id, params: { factor: adj.factor, id: r.id, source: adj.source } }));
    const step = {
      name: 'regional adjustment (调节系数)',
      formula: 'V_adjusted = V × k',
      inputs: {
        V: { value: A.toString(r.value.total.value), unit: '元', from: 'step:total' },
        k: { value: adj.factor, unit: '1', from: `profile:${profile.id} adjustments (${adj.source}, ${adj.status})` },
      },
      result: { value: A.toString(total.value), unit: '元' },
      note: adj.note,
    };
    return {
      ...r,
      value: {
        ...r.value,
        lines: [
          ...r.value.lines,
          { item: `regional adjustment (调节系数 k = ${adj.factor})`, quantity: null, unitPrice: null, value: delta },
        ],
        total,
        steps: [...r.value.steps, step],
      },
    };
  });
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
