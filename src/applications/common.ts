/**
 * What every application of GEP results shares (核算结果应用): the trace of a method (its sources
 * and how well each is known, every parameter with where it came from, the steps), the JSON form of
 * a result, and the zod pieces of their input files.
 *
 * The applications compute money that is paid, lent or allocated, so they run on exact decimals
 * only (`GepDecimal`); an account on the float64 path is refused. The core never rounds: the one
 * exception is a payable allocation (a fund split at the fen), where the rounding unit and the
 * largest-remainder rule are parameters written into the result.
 */
import * as z from 'zod';
import Decimal from 'decimal.js';
import { GepDecimal } from '../numbers/arithmetic.js';
import { GepInputError, makeIssue, messageOf, type GepIssue, type IssueLocation } from '../errors/errors.js';
import { dimensionExample, textEn, textIn, textZh, type Text } from '../errors/text.js';
import { decimalText, toGepIssues } from '../indicators/input-schema.js';
import { decimalArithmetic as DA, isDecimalText } from '../numbers/arithmetic.js';
import { asFlowUnit, convert, dimensionOf, isKnownUnit, parseUnit, sameDimensionUnits } from '../units/units.js';
import { readAmount } from '../indicators/compute.js';
import type { CoefficientStatus, CoefficientUse } from '../coefficients/types.js';
import type { TraceStep, TracedValue } from '../indicators/types.js';
import type { GepResult } from '../accounts/gep.js';

/** The arithmetic of every application: exact decimals. */
export const D = DA;
/** A decimal value of the applications. */
export type Dec = GepDecimal;

/**
 * How a method is known: `read` (the formula was read in the source), `recalled` (from memory of
 * the source, not checked), `inferred` (built from a definition that gives no formula), or
 * `not-a-standard` (no published formula: a rule of this library, every choice a parameter).
 */
export type Standing = 'read' | 'recalled' | 'inferred' | 'not-a-standard';

/** A source a method rests on: register id, clause, and how well it is known. */
export interface MethodRef {
  /** Document id in the source register (`coefficients/sources.csv`); null for a rule of this library. */
  readonly source: string | null;
  readonly clause: string;
  /** The clause in Chinese, where the clause is this library's words (a quoted Chinese clause has none). */
  readonly clauseZh?: string;
  readonly standing: Standing;
  readonly note?: string;
  readonly noteZh?: string;
}

/** Where a parameter's value came from. */
export type ParameterStatus = 'input' | CoefficientStatus | 'user-override' | 'library-default';

/** One parameter of a method as used: symbol, value with unit, origin and status. */
export interface Parameter {
  readonly symbol: string;
  readonly name: string;
  /** The name in Chinese. */
  readonly nameZh?: string;
  readonly value: string;
  readonly unit: string;
  /** `input:<path>`, `coefficient:<id>` or `default: <why>`. */
  readonly from: string;
  /** Where it came from in Chinese, when `from` has words. */
  readonly fromZh?: string;
  readonly status: ParameterStatus;
  readonly note?: string;
  /** The note in Chinese, when the library wrote it (a source the input names has one language). */
  readonly noteZh?: string;
}

/** The trace of an application result: what an evaluator needs to recompute it by hand. */
export interface ApplicationTrace {
  readonly formula: string;
  /** The formula with its words in Chinese, when it has words. */
  readonly formulaZh?: string;
  readonly methods: readonly MethodRef[];
  readonly parameters: readonly Parameter[];
  readonly steps: readonly TraceStep[];
  /** Coefficients read from a table (e.g. `applications/1.0.0`), with source and status. */
  readonly coefficients: readonly CoefficientUse[];
}

/** Money in 元 at a price year, as the applications carry it. */
export interface Yuan {
  readonly value: Dec;
  readonly unit: '元';
  readonly priceYear: number | null;
}

/** `{ value, unit: '元', priceYear }`. */
export const yuan = (value: Dec, priceYear: number | null): Yuan => ({ value, unit: '元', priceYear });

/** `{ name, nameZh }` of a parameter's name, `{ note, noteZh }` of its note. */
export function named(name: Text): { name: string; nameZh?: string } {
  const zh = textZh(name);
  return { name: textEn(name), ...(zh !== undefined ? { nameZh: zh } : {}) };
}
function noted(note: Text | undefined): { note?: string; noteZh?: string } {
  if (note === undefined || textEn(note) === '') return {};
  const zh = textZh(note);
  return { note: textEn(note), ...(zh !== undefined ? { noteZh: zh } : {}) };
}

/** A parameter entry given by the input at `path`. */
export function inputParameter(
  symbol: string,
  name: Text,
  value: Dec | string,
  unit: string,
  path: readonly (string | number)[],
  note?: Text,
): Parameter {
  return {
    symbol,
    ...named(name),
    value: typeof value === 'string' ? value : D.toString(value),
    unit,
    from: `input:${pathText(path)}`,
    status: 'input',
    ...noted(note),
  };
}

/** A parameter entry from a coefficient use. */
export function coefficientParameter(name: Text, use: CoefficientUse, note?: Text): Parameter {
  return {
    symbol: use.symbol,
    ...named(name),
    value: use.value,
    unit: use.unit,
    from: `coefficient:${use.id} (${use.table}, ${use.source})`,
    status: use.status,
    ...noted(note),
  };
}

/** A parameter entry of any origin, with its name and note in English and Chinese. */
export function parameter(
  p: Omit<Parameter, 'name' | 'nameZh' | 'note' | 'noteZh' | 'from' | 'fromZh'> & {
    readonly name: Text;
    readonly note?: Text | undefined;
    readonly from: Text;
  },
): Parameter {
  const { name, note, from, ...rest } = p;
  const fromZh = textZh(from);
  return { ...rest, ...named(name), ...noted(note), from: textEn(from), ...(fromZh !== undefined ? { fromZh } : {}) } as Parameter;
}

/** A method reference with its clause and note in English and Chinese. */
export function method(source: string | null, clause: Text, standing: Standing, note?: Text): MethodRef {
  const clauseZh = textZh(clause);
  return { source, clause: textEn(clause), ...(clauseZh !== undefined ? { clauseZh } : {}), standing, ...noted(note) };
}

/** `a.b[2].c` */
export function pathText(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(root)';
}

/** A traced value of an application's step: where it came from, in Chinese too when that has words. */
export interface AppTracedValue extends TracedValue {
  readonly fromZh?: string;
}

/** A traced value for a step. */
export function tv(value: Dec, unit: string, from: Text): AppTracedValue {
  const zh = textZh(from);
  return { value: D.toString(value), unit, from: textEn(from), ...(zh !== undefined ? { fromZh: zh } : {}) };
}

/**
 * A trace step, its name (and formula and note, where they have words) in English and Chinese, as
 * the indicators' `Tracer.record` writes them: the English name is the step's reference.
 */
export function step(name: Text, formula: Text, inputs: Record<string, AppTracedValue>, value: Dec, unit: string, note?: Text): TraceStep {
  const zh = textZh(name);
  const formulaZh = textZh(formula);
  const noteZh = textZh(note);
  return {
    name: textEn(name),
    formula: textEn(formula),
    inputs,
    result: { value: D.toString(value), unit },
    ...(note !== undefined && textEn(note) !== '' ? { note: textEn(note) } : {}),
    ...(zh !== undefined
      ? { zh: { name: zh, ...(formulaZh !== undefined ? { formula: formulaZh } : {}), ...(noteZh !== undefined ? { note: noteZh } : {}) } }
      : {}),
  };
}

/**
 * Steps taken into another calculation under a prefix (`period: present value`, `期间：现值`); a
 * reference from one of them to another (`step:annuity factor`) follows the new name.
 */
export function prefixSteps(steps: readonly TraceStep[], prefix: Text): TraceStep[] {
  const names = new Set(steps.map((s) => s.name));
  const renamed = (name: string) => `${textEn(prefix)}: ${name}`;
  return steps.map((s) => ({
    ...s,
    name: renamed(s.name),
    inputs: Object.fromEntries(
      Object.entries(s.inputs).map(([k, v]) => [
        k,
        v.from.startsWith('step:') && names.has(v.from.slice(5)) ? { ...v, from: `step:${renamed(v.from.slice(5))}` } : v,
      ]),
    ),
    zh: { ...s.zh, name: `${textIn(prefix, 'zh')}：${s.zh?.name ?? s.name}` },
  }));
}

/** Refuse an account that was not computed on the decimal path (money must be exact). */
export function requireDecimal(result: GepResult<unknown>, what: string): GepResult<Dec> {
  if (result.arithmetic !== 'decimal')
    throw new Error(
      `[gep] ${what}: the account was computed on the ${result.arithmetic} path; applications of GEP results need exact decimals`,
    );
  return result as GepResult<Dec>;
}

/** Parse `raw` with `schema`; every issue at once, located under `basePath`. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown, basePath: readonly (string | number)[] = []): z.infer<S> {
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new GepInputError(toGepIssues(parsed.error, basePath));
  return parsed.data;
}

/** The issue at another path (and file), its message rewritten for that path. */
export function moveIssue(issue: GepIssue, path: readonly (string | number)[], location?: IssueLocation): GepIssue {
  const moved = { ...issue, path, ...(location ? { location } : {}) };
  return { ...moved, message: messageOf(moved, 'en') };
}

/** Throw the issues collected, if any. */
export function throwIssues(issues: readonly GepIssue[]): void {
  if (issues.length) throw new GepInputError(issues);
}

// ---------------------------------------------------------------------------------------------
// Input pieces (zod). Numbers are decimal text with their unit, as in the account input.

const year = z.int().min(1949).max(2100);
/** A calendar year. */
export const yearInput = year;

/** `-1.5`, `-1/3` are negative; `-0` is not. */
const negative = (t: string) => t.trim().startsWith('-') && /[1-9]/.test(t.trim().split(/[eE/]/)[0]!);

/**
 * An amount with its unit in the dimension of `reference` (any unit of it: 万元 for 元, hm² for km²;
 * for a flow reference such as 元/a an amount without /a is one year's); money (a reference in 元)
 * takes an optional price year. `extra` adds fields (e.g. the source of a threshold).
 */
export function amountInput<E extends z.ZodRawShape = Record<never, never>>(
  reference: string,
  options: { nonNegative?: boolean; max?: string } = {},
  extra?: E,
) {
  const money = parseUnit(reference).dimension.money !== undefined;
  return z
    .strictObject({ value: decimalText, unit: z.string(), ...(money ? { priceYear: year.optional() } : {}), ...(extra ?? {}) } as {
      value: typeof decimalText;
      unit: z.ZodString;
      priceYear: z.ZodOptional<typeof year>;
    } & E)
    .check((ctx) => {
      const { value, unit } = ctx.value as { value: string; unit: string };
      if (!isKnownUnit(unit)) {
        ctx.issues.push({
          code: 'custom',
          input: unit,
          path: ['unit'],
          message: 'unit',
          params: { gepCode: 'input.unit-unknown', found: unit },
        });
        return;
      }
      if (!sameDimensionUnits(asFlowUnit(unit, reference), reference)) {
        ctx.issues.push({
          code: 'custom',
          input: unit,
          path: ['unit'],
          message: 'dimension',
          params: { gepCode: 'input.unit-dimension', expected: dimensionExample(dimensionOf(reference), reference), found: unit },
        });
        return;
      }
      if (!isDecimalText(value)) return;
      if ((options.nonNegative ?? true) && negative(value)) {
        ctx.issues.push({
          code: 'custom',
          input: value,
          path: ['value'],
          message: 'range',
          params: { gepCode: 'input.out-of-range', expected: { en: 'a value ≥ 0', zh: '≥ 0 的数值' }, found: value },
        });
      }
      if (options.max !== undefined && convert(D, D.fromString(value), asFlowUnit(unit, reference), reference).gt(options.max)) {
        ctx.issues.push({
          code: 'custom',
          input: value,
          path: ['value'],
          message: 'range',
          params: {
            gepCode: 'input.out-of-range',
            expected: {
              en: `a value ≤ ${options.max}${reference === '1' ? '' : ` ${reference}`}`,
              zh: `≤ ${options.max}${reference === '1' ? '' : ` ${reference}`} 的数值`,
            },
            found: `${value} ${unit}`,
          },
        });
      }
    });
}

/** An amount of money (元, 万元, 亿元), ≥ 0, with an optional price year. */
export const moneyAmount = amountInput('元');
/** An amount of money that may be negative (a change, a net amount). */
export const signedMoney = amountInput('元', { nonNegative: false });
/** An annual amount of money (元/a, 万元/a; an amount without /a is one year's). */
export const annualMoney = amountInput('元/a');
/** An annual amount of money that may be negative. */
export const signedAnnualMoney = amountInput('元/a', { nonNegative: false });
/**
 * A check that refuses a rate of 1 or more written as a plain fraction (unit `1`): `4` with unit `1`
 * is 400 %, and is far likelier to be 4 % with the wrong unit; a rate that high must be written
 * with `%`, which always stands. `signed`: a rate that may be negative (a growth, a change), whose
 * plain fraction of −1 or less (−100 %) is refused in the same way.
 */
function plainFractionBelowOne(what: { readonly en: string; readonly zh: string }, signed = false) {
  return (ctx: { value: unknown; issues: unknown[] }) => {
    const { value, unit } = ctx.value as { value: string; unit: string };
    if (unit.trim() !== '1' || !isDecimalText(value)) return;
    const v = D.fromString(value);
    if ((signed ? v.abs() : v).lt(1)) return;
    const percent = D.toString(D.multiply(v, HUNDRED));
    ctx.issues.push({
      code: 'custom',
      input: value,
      path: ['value'],
      message: 'range',
      params: {
        gepCode: 'input.out-of-range',
        expected: signed
          ? {
              en: `${what.en} between −1 and 1 as a fraction (0.04 for 4 %), or written with % (4 %)`,
              zh: `−1 与 1 之间的分数形式${what.zh}（4 % 写作 0.04），或带 % 单位（4 %）`,
            }
          : {
              en: `${what.en} below 1 as a fraction (0.04 for 4 %), or written with % (4 %)`,
              zh: `小于 1 的分数形式${what.zh}（4 % 写作 0.04），或带 % 单位（4 %）`,
            },
        found: {
          en: `${value} (as a fraction: ${percent} %): did you mean ${value} %?`,
          zh: `${value}（按分数即 ${percent} %）：是否应为 ${value} %？`,
        },
      },
    });
  };
}

/**
 * A discount rate written with its unit: `{ "value": "3.5", "unit": "%" }` or `{ "value": "0.035",
 * "unit": "1" }`; ≥ 0. A plain fraction of 1 or more is refused: `4` with unit `1` is 400 %, and is
 * far likelier to be 4 % with the wrong unit; a rate that high must be written with `%`.
 */
export const rateInput = amountInput('1').check(plainFractionBelowOne({ en: 'a discount rate', zh: '折现率' }));
/**
 * An annual growth rate of a value over a term (finance `growthRate`), may be negative; a plain
 * fraction of 1 or more in size is refused like a discount rate. An error, not a warning: the rate
 * compounds over the whole term (100 %/a over 10 years multiplies the value by 1 024), so `3` read as
 * 300 % instead of 3 % inflates the money result by orders of magnitude. A real 150 %/a (a tiny
 * base) is written `150 %` and stands.
 */
export const growthRateInput = amountInput('1', { nonNegative: false }).check(
  plainFractionBelowOne({ en: 'an annual growth rate', zh: '年增长率' }, true),
);
/**
 * The constant-price change of a county's value between two accounts (vertical `change`), may be
 * negative; a plain fraction of 1 or more in size is refused like a discount rate. An error: the
 * change is normalised across counties and moves money, and one county's `5` read as 500 % instead of
 * 5 % would take most of the change criterion's share; a county's GEP rarely moves by 100 % between
 * two accounts, and a change that large is written with `%` and stands.
 */
export const changeRateInput = amountInput('1', { nonNegative: false }).check(
  plainFractionBelowOne({ en: 'a change of the value', zh: '价值变化率' }, true),
);
/** A fraction in [0, 1] (a share, a weight): `%` or `1`. */
export const shareInput = amountInput('1', { max: '1' });
/** An area (km², hm², 亩 …), ≥ 0. */
export const areaInput = amountInput('km²');
/** A term in whole years, 1 to 500. */
export const yearsInput = z.int().min(1).max(500);
/** How annual amounts fall in their year: at its end (ordinary annuity, the default) or its start. */
export const timingInput = z.enum(['end', 'start']);

/**
 * An account: the path of an account input file (JSON, CSV or XLSX; relative to the file that
 * names it), or the account input itself. The CLI reads and computes it; the core functions take
 * the computed account.
 */
export const accountRef = z.union([z.string().min(1), z.record(z.string(), z.unknown())]);
/** An account reference as written in an application file. */
export type AccountRef = z.infer<typeof accountRef>;

/** Read an amount in 元 (converted exactly from 万元, 亿元). */
export function readYuan(amount: { value: string; unit: string }): Dec {
  return readAmount(D, amount, '元').value;
}

/** Read an annual amount in 元/a (万元/a converted exactly; an amount without /a is one year's). */
export function readYuanPerYear(amount: { value: string; unit: string }): Dec {
  return readAmount(D, amount, '元/a').value;
}

/** Read a fraction (`%` or `1`) as a plain number: 3.5 % → 0.035. */
export function readRate(rate: { value: string; unit: string }): Dec {
  return readAmount(D, rate, '1').value;
}

/** Read an area in km². */
export function readKm2(area: { value: string; unit: string }): Dec {
  return readAmount(D, area, 'km²').value;
}

/** A money input whose price year, when given, must be `priceYear`. */
export function checkPriceYear(
  amount: { priceYear?: number | undefined },
  priceYear: number,
  path: readonly (string | number)[],
  issues: GepIssue[],
): void {
  if (amount.priceYear !== undefined && amount.priceYear !== priceYear) {
    issues.push(makeIssue('input.price-year', [...path, 'priceYear'], { expected: String(priceYear), found: String(amount.priceYear) }));
  }
}

/**
 * Names must be unique in a list (regions, counties, pollutants; indicator ids, items that are
 * summed, where a repeat would count one value twice). `field` is the entry's field that holds the
 * name, or null for a list of names.
 */
export function checkUnique(names: readonly string[], path: readonly (string | number)[], field: string | null, issues: GepIssue[]): void {
  const seen = new Set<string>();
  names.forEach((n, i) => {
    if (seen.has(n)) issues.push(makeIssue('input.duplicate', field === null ? [...path, i] : [...path, i, field], { found: n }));
    seen.add(n);
  });
}

export { decimalText };

// ---------------------------------------------------------------------------------------------
// JSON

/** A result with every decimal as its exact text. */
export type Jsonified<T> = T extends Decimal
  ? string
  : T extends readonly (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;

/** Deep copy with every decimal replaced by its exact text (lossless; the JSON form of a result). */
export function toJsonData<T>(value: T): Jsonified<T> {
  const walk = (x: unknown): unknown => {
    if (Decimal.isDecimal(x)) return D.toString(x as Dec);
    if (Array.isArray(x)) return x.map(walk);
    if (x !== null && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, walk(v)]));
    return x;
  };
  return walk(value) as Jsonified<T>;
}

/** x / y, or null when y is 0 (never NaN). */
export function ratioOrNull(x: Dec, y: Dec): Dec | null {
  return y.isZero() ? null : D.divide(x, y);
}

/** (b − a) / a, or null when a is 0. */
export function growth(a: Dec, b: Dec): Dec | null {
  return a.isZero() ? null : D.divide(D.subtract(b, a), a);
}

/** Decimal from text (the core's only way in). */
export const dec = (text: string): Dec => D.fromString(text);
/** Zero. */
export const ZERO: Dec = D.zero;
/** `new GepDecimal` for constants the code states in its own formula (100 for percent). */
export const HUNDRED: Dec = new GepDecimal(100);
