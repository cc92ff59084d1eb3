/**
 * Validating a published case before anything is compared (案例校验): the schema, then every
 * cross-reference (row ids, identity rows, indicators, variants, units and their dimensions, the
 * coefficient table and overrides), then each recomputed row's input through its indicator module.
 * Every problem of the whole case is collected and reported at once, located by its JSON path in
 * the case file (`rows[3].input.unitPrice.unit`); nothing is moved aside as "not reproducible".
 */
import { computeGep } from '../accounts/gep.js';
import { getCoefficientTable, coefficientTables } from '../coefficients/tables.js';
import { makeCoefficientSet } from '../coefficients/resolve.js';
import type { CoefficientOverride, CoefficientUse } from '../coefficients/types.js';
import { GepInputError, issueTexts, makeIssue, type GepIssue, type GepWarning } from '../errors/errors.js';
import { dimensionUnit } from '../errors/text.js';
import { catalogue } from '../indicators/catalogue.js';
import { toGepIssues } from '../indicators/input-schema.js';
import { getIndicator } from '../indicators/registry.js';
import type { TraceStep } from '../indicators/types.js';
import { GepDecimal } from '../numbers/arithmetic.js';
import { DEFAULT_PROFILE_ID, getProfile, type Profile } from '../profiles/profiles.js';
import { asFlowUnit, conversionRatio, GepUnitError, GepUnitParseError, isKnownUnit, parseUnit } from '../units/units.js';
import { caseFrameSchema, caseRowSchema, caseSchema, type CaseFrame, type CaseRow, type PublishedCase } from './case.js';

/**
 * The coefficient table of a case (参数表): the one it names, else the table the default profile
 * (national-2022) pins — a fixed published version, never "the latest", so that a case reproduces
 * the same way until the profile itself moves to another version. The memo says which.
 */
export interface CaseTable {
  /** `id/version`, e.g. `national-2022/1.1.0`. */
  readonly key: string;
  /** `case`: named by the case (`coefficientTable`); `default-profile`: pinned by the default profile. */
  readonly from: 'case' | 'default-profile';
  /** The profile whose pinned table was taken (from = default-profile). */
  readonly profile?: string;
}

/** The table of a case that names none: the default profile's pinned table. */
export function defaultCaseTable(): CaseTable {
  const profile = getProfile(DEFAULT_PROFILE_ID);
  if (!profile) throw new Error(`[gep] the default profile ${DEFAULT_PROFILE_ID} is missing`);
  return { key: profile.coefficientTable, from: 'default-profile', profile: profile.id };
}

/** The table a case uses (`coefficientTable`, else `defaultCaseTable()`). */
export function caseTable(c: { readonly coefficientTable?: string | undefined }): CaseTable {
  return typeof c.coefficientTable === 'string' ? { key: c.coefficientTable, from: 'case' } : defaultCaseTable();
}

/** What one recomputed row's indicator gave, in the indicator's own units (value in 元). */
export interface RowComputation {
  readonly value: GepDecimal;
  readonly quantity: { readonly value: GepDecimal; readonly unit: string } | null;
  readonly steps: readonly TraceStep[];
  readonly coefficients: readonly CoefficientUse[];
  readonly warnings: readonly GepWarning[];
  /** True when some unit price of the value came from the case (its input or an override), not from the library's table. */
  readonly priceFromCase: boolean;
}

/** A validated case and the computation of each recomputed row, by row id. */
export interface ValidatedCase {
  readonly case: PublishedCase;
  readonly computed: ReadonlyMap<string, RowComputation>;
}

type Path = readonly (string | number)[];
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The unit of a printed figure when it is an object with a known unit. */
function unitOf(v: unknown): string | undefined {
  const unit = isObject(v) ? text(v.unit) : undefined;
  return unit !== undefined && isKnownUnit(unit) ? unit : undefined;
}

function sameDimension(a: string, b: string): boolean {
  try {
    conversionRatio(a, b);
    return true;
  } catch (e) {
    if (e instanceof GepUnitError || e instanceof GepUnitParseError) return false;
    throw e;
  }
}

/** Fields that only mean something on a recomputed row. */
const RECOMPUTED_ONLY = ['variant', 'coefficientOverrides', 'per', 'tolerance', 'circular', 'priceSource', 'knownInconsistency'] as const;

/** Row ids, their basis (recomputed or not, and why), indicators, variants and units. */
function rowIssues(rows: readonly unknown[]): GepIssue[] {
  const issues: GepIssue[] = [];
  const seen = new Set<string>();
  rows.forEach((raw, i) => {
    if (!isObject(raw)) return; // the schema reports it
    const at = (...p: Path): Path => ['rows', i, ...p];
    const id = text(raw.id);
    if (id !== undefined) {
      if (seen.has(id)) issues.push(makeIssue('input.duplicate', at('id'), { found: id }));
      seen.add(id);
    }
    const indicator = text(raw.indicator);
    const hasInput = raw.input !== undefined;
    const recomputed = indicator !== undefined || hasInput;
    const reason = raw.notReproducible !== undefined;
    if (indicator !== undefined && !hasInput)
      issues.push(
        makeIssue('input.required', at('input'), { expected: { en: `the input block of ${indicator}`, zh: `${indicator} 的输入数据` } }),
      );
    if (hasInput && raw.indicator === undefined)
      issues.push(
        makeIssue('input.required', at('indicator'), {
          expected: { en: 'the indicator that recomputes the row from its input', zh: '根据输入复算该行的指标' },
        }),
      );
    if (recomputed && reason)
      issues.push(
        makeIssue('case.row-basis', at('notReproducible'), {
          found: { en: 'both an indicator with its input and notReproducible', zh: '同时给出了 indicator 与 input 以及 notReproducible' },
        }),
      );
    if (!recomputed && !reason)
      issues.push(makeIssue('case.row-basis', at(), { found: id === undefined ? 'neither' : `neither, in row "${id}"` }));
    if (!recomputed) {
      for (const field of RECOMPUTED_ONLY)
        if (raw[field] !== undefined) issues.push(makeIssue('case.needs-recomputed-row', at(field), { found: field }));
      return;
    }
    if (indicator !== undefined) {
      const module = getIndicator(indicator);
      if (!catalogue().has(indicator)) issues.push(makeIssue('input.unknown-indicator', at('indicator'), { found: indicator }));
      else if (!module) issues.push(makeIssue('case.not-implemented', at('indicator'), { found: indicator }));
      if (module && isObject(raw.variant)) {
        for (const [name, option] of Object.entries(raw.variant)) {
          const spec = module.spec.variants.find((v) => v.name === name);
          if (!spec) {
            issues.push(makeIssue('input.unknown-field', at('variant'), { found: name }));
          } else if (typeof option === 'string' && !Object.hasOwn(spec.options, option)) {
            issues.push(
              makeIssue('input.out-of-range', at('variant', name), {
                expected: { en: `one of ${Object.keys(spec.options).join(', ')}`, zh: `${Object.keys(spec.options).join('、')} 之一` },
                found: JSON.stringify(option),
              }),
            );
          }
        }
      }
    }
    // The recomputed value (元, or 元 per `per`) must convert into the printed unit.
    const printedUnit = unitOf(raw.printed);
    const per = raw.per;
    const perUnit = per === undefined ? null : unitOf(per);
    if (printedUnit !== undefined && perUnit !== undefined) {
      const from = perUnit === null ? '元' : `元/(${perUnit})`;
      if (!sameDimension(asFlowUnit(from, printedUnit), printedUnit)) {
        issues.push(
          makeIssue('input.unit-dimension', at('printed', 'unit'), {
            expected:
              perUnit === null
                ? { en: 'money (e.g. 万元)', zh: '货币（如 万元）' }
                : { en: `money per ${perUnit} (e.g. 元/(${perUnit}))`, zh: `货币/${perUnit}（如 元/(${perUnit})）` },
            found: printedUnit,
          }),
        );
      }
    }
    if (isObject(per) && typeof per.value === 'string' && perUnit && !positive(per.value)) {
      issues.push(
        makeIssue('input.out-of-range', at('per', 'value'), {
          expected: { en: 'an amount above 0', zh: '大于 0 的数量' },
          found: per.value,
        }),
      );
    }
    const tolerance = raw.tolerance;
    if (isObject(tolerance) && typeof tolerance.absolute === 'string' && negative(tolerance.absolute)) {
      issues.push(
        makeIssue('input.out-of-range', at('tolerance', 'absolute'), {
          expected: { en: 'a tolerance ≥ 0', zh: '≥ 0 的容差' },
          found: tolerance.absolute,
        }),
      );
    }
  });
  return issues;
}

function decimalOrNull(s: string): GepDecimal | null {
  try {
    const d = new GepDecimal(s);
    return d.isFinite() ? d : null;
  } catch {
    return null;
  }
}
const positive = (s: string) => decimalOrNull(s)?.gt(0) ?? true; // not a number: the schema reports it
const negative = (s: string) => decimalOrNull(s)?.lt(0) ?? false;

/** Identity ids, the rows they name, and the dimensions they combine. */
function identityIssues(identities: readonly unknown[], rows: readonly unknown[]): GepIssue[] {
  const issues: GepIssue[] = [];
  const byId = new Map<string, Json>();
  for (const r of rows) if (isObject(r) && typeof r.id === 'string' && !byId.has(r.id)) byId.set(r.id, r);
  const seen = new Set<string>();
  identities.forEach((raw, k) => {
    if (!isObject(raw)) return;
    const at = (...p: Path): Path => ['identities', k, ...p];
    const id = text(raw.id);
    if (id !== undefined) {
      if (seen.has(id)) issues.push(makeIssue('input.duplicate', at('id'), { found: id }));
      seen.add(id);
    }
    /** The row named at `path`, or an issue; its printed unit when known. */
    const rowAt = (name: unknown, ...p: Path): { unit: string | undefined; row: Json } | null => {
      if (typeof name !== 'string') return null;
      const row = byId.get(name);
      if (!row) {
        issues.push(makeIssue('case.unknown-row', at(...p), { found: name }));
        return null;
      }
      return { row, unit: unitOf(row.printed) };
    };
    if (raw.kind === 'sum') {
      const total = rowAt(raw.total, 'total');
      const terms = list(raw.terms);
      const named = new Set<string>();
      terms.forEach((t, j) => {
        if (!isObject(t)) return;
        const part = rowAt(t.row, 'terms', j, 'row');
        if (typeof t.row === 'string') {
          if (named.has(t.row)) issues.push(makeIssue('input.duplicate', at('terms', j, 'row'), { found: t.row }));
          named.add(t.row);
        }
        if (part?.unit && total?.unit && !sameDimension(part.unit, total.unit)) {
          issues.push(
            makeIssue('input.unit-dimension', at('terms', j, 'row'), {
              expected: { en: `the total's dimension (${total.unit})`, zh: `合计的量纲（${total.unit}）` },
              found: { en: `${part.unit} (row ${String(t.row)})`, zh: `${part.unit}（行 ${String(t.row)}）` },
            }),
          );
        }
      });
    } else if (raw.kind === 'ratio') {
      const num = rowAt(raw.numerator, 'numerator');
      const den = rowAt(raw.denominator, 'denominator');
      const unit = unitOf(raw.printed);
      if (unit !== undefined && Object.keys(parseUnit(unit).dimension).length > 0) {
        issues.push(
          makeIssue('input.unit-dimension', at('printed', 'unit'), {
            expected: { en: 'dimension 1 (a share or growth: % or 1)', zh: '量纲 1（占比或增长率：% 或 1）' },
            found: unit,
          }),
        );
      }
      if (num?.unit && den?.unit && !sameDimension(num.unit, den.unit)) {
        issues.push(
          makeIssue('input.unit-dimension', at('denominator'), {
            expected: { en: `the numerator's dimension (${num.unit})`, zh: `分子的量纲（${num.unit}）` },
            found: { en: `${den.unit} (row ${String(raw.denominator)})`, zh: `${den.unit}（行 ${String(raw.denominator)}）` },
          }),
        );
      }
      const denValue = den && isObject(den.row.printed) ? text(den.row.printed.value) : undefined;
      if (denValue !== undefined && decimalOrNull(denValue)?.isZero()) {
        issues.push(
          makeIssue('input.out-of-range', at('denominator'), {
            expected: { en: 'a row whose printed value is not zero', zh: '公布值不为零的行' },
            found: `${String(raw.denominator)} = ${denValue}`,
          }),
        );
      }
    }
  });
  return issues;
}

/** The coefficient table (known key) and the case's own overrides, checked against it. */
function tableIssues(data: Json): GepIssue[] {
  if (data.coefficientTable !== undefined && typeof data.coefficientTable !== 'string') return [];
  const key = caseTable(data as { coefficientTable?: string }).key;
  if (!coefficientTables().has(key))
    return [
      makeIssue('input.out-of-range', ['coefficientTable'], {
        expected: { en: `one of ${[...coefficientTables().keys()].join(', ')}`, zh: `${[...coefficientTables().keys()].join('、')} 之一` },
        found: JSON.stringify(key),
      }),
    ];
  return [];
}

function caseProfile(c: CaseFrame, row: CaseRow): Profile {
  return {
    id: 'case',
    version: '0.0.0',
    title: { zh: c.region, en: c.region },
    source: 'case',
    coefficientTable: caseTable(c).key,
    indicatorListStatus: 'verified',
    notes: [],
    indicators: [{ id: row.indicator!, variant: row.variant ?? {} }],
  };
}

/** The case's overrides, then the row's; a row's override replaces the case's of the same id. */
function overridesOf(c: CaseFrame, row: CaseRow, rowIndex: number): { overrides: CoefficientOverride[]; paths: Path[] } {
  const own = row.coefficientOverrides ?? [];
  const ids = new Set(own.map((o) => o.id));
  const inherited = (c.coefficientOverrides ?? [])
    .map((o, k) => ({ o, path: ['coefficientOverrides', k] as Path }))
    .filter(({ o }) => !ids.has(o.id));
  const mine = own.map((o, k) => ({ o, path: ['rows', rowIndex, 'coefficientOverrides', k] as Path }));
  const all = [...inherited, ...mine];
  return { overrides: all.map((x) => x.o), paths: all.map((x) => x.path) };
}

/** Re-root an issue of the one-indicator account onto the case file. */
function reroot(issue: GepIssue, rowIndex: number, overridePaths: readonly Path[]): GepIssue {
  const [head, second, ...rest] = issue.path;
  let path: Path;
  if (head === 'indicators') path = ['rows', rowIndex, 'input', ...(second === undefined ? [] : rest)];
  else if (head === 'coefficientOverrides' && typeof second === 'number' && overridePaths[second])
    path = [...overridePaths[second]!, ...rest];
  else if (head === 'accountingYear' || head === 'priceYear') path = [head];
  else if (head === 'region') path = ['region'];
  else path = ['rows', rowIndex, ...issue.path];
  return makeIssue(issue.code, path, issueTexts(issue));
}

/** Recompute one row through its indicator module; issues are located in the case file. */
function computeRow(c: CaseFrame, row: CaseRow, rowIndex: number): { computation: RowComputation } | { issues: GepIssue[] } {
  const { overrides, paths } = overridesOf(c, row, rowIndex);
  const table = getCoefficientTable(caseTable(c).key);
  // Overrides are checked here with their own paths (the case's list, or the row's).
  const overrideIssues = overrides.flatMap((o, k) =>
    makeCoefficientSet(table, [o], { path: ['x'] }).issues.map((i) => makeIssue(i.code, [...paths[k]!, ...i.path.slice(2)], issueTexts(i))),
  );
  if (overrideIssues.length) return { issues: overrideIssues };
  const input = {
    region: { name: c.region, level: 'area' as const },
    accountingYear: c.accountingYear,
    priceYear: c.priceYear ?? c.accountingYear,
    ...(overrides.length ? { coefficientOverrides: overrides } : {}),
    indicators: { [row.indicator!]: row.input },
  };
  try {
    // Prices are taken as printed: no rebasing.
    const result = computeGep(input, { profile: caseProfile(c, row), rebase: false });
    const indicator = result.indicators[0]!;
    const priceFromCase = indicator.value.lines.some(
      (l) =>
        l.unitPrice !== null &&
        (l.unitPrice.from.startsWith('input:') || overrides.some((o) => l.unitPrice!.from === `coefficient:${o.id}`)),
    );
    return {
      computation: {
        value: indicator.value.total.value,
        quantity: indicator.quantity.total,
        steps: [...indicator.quantity.steps, ...indicator.value.steps],
        coefficients: indicator.coefficients,
        warnings: result.warnings,
        priceFromCase,
      },
    };
  } catch (e) {
    if (e instanceof GepInputError) return { issues: e.issues.map((i) => reroot(i, rowIndex, paths)) };
    // A unit the schema let through but a module cannot use is still the case's input.
    if (e instanceof GepUnitParseError)
      return { issues: [makeIssue('input.unit-unknown', ['rows', rowIndex, 'input'], { found: e.unit })] };
    if (e instanceof GepUnitError)
      return {
        issues: [
          makeIssue('input.unit-dimension', ['rows', rowIndex, 'input'], {
            expected: dimensionUnit(e.toDimension, e.to),
            found: dimensionUnit(e.fromDimension, e.from, true),
          }),
        ],
      };
    throw e;
  }
}

function dedupe(issues: readonly GepIssue[]): GepIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.code}\u0000${i.path.join('\u0000')}\u0000${i.found ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Validate a case file's data and recompute its rows. Throws one `GepInputError` with every
 * problem of the case: the schema's, the cross-references', and each row input's, all located by
 * their path in the case file.
 */
export function validateCase(data: unknown): ValidatedCase {
  const parsed = caseSchema.safeParse(data, { reportInput: true });
  const issues: GepIssue[] = parsed.success ? [] : toGepIssues(parsed.error, []);
  if (isObject(data)) {
    const rows = list(data.rows);
    issues.push(...rowIssues(rows), ...identityIssues(list(data.identities), rows), ...tableIssues(data));
  }
  // Each row whose own fields are sound is recomputed, so that its input's problems are reported
  // beside every other problem of the case; a row with a problem of its own is not recomputed.
  const computed = new Map<string, RowComputation>();
  const frame = isObject(data) ? caseFrameSchema.safeParse(data) : null;
  if (frame?.success && !issues.some((i) => i.path[0] === 'coefficientTable')) {
    list((data as Json).rows).forEach((raw, i) => {
      const row = caseRowSchema.safeParse(raw);
      if (!row.success || row.data.indicator === undefined || row.data.input === undefined) return;
      if (issues.some((x) => x.path[0] === 'rows' && x.path[1] === i)) return;
      const out = computeRow(frame.data, row.data, i);
      if ('issues' in out) issues.push(...out.issues);
      else computed.set(row.data.id, out.computation);
    });
  }
  if (issues.length || !parsed.success) throw new GepInputError(dedupe(issues));
  return { case: parsed.data, computed };
}
