/**
 * Runs one indicator module on both arithmetics, the way the account does, so each test can
 * state its expected numbers once and check the decimal and float paths against them.
 */
import { decimalArithmetic, floatArithmetic, type Arithmetic } from '../../src/numbers/arithmetic.js';
import { CoefficientReader, makeCoefficientSet } from '../../src/coefficients/resolve.js';
import { getCoefficientTable } from '../../src/coefficients/tables.js';
import type { CoefficientOverride } from '../../src/coefficients/types.js';
import { toGepIssues } from '../../src/indicators/input-schema.js';
import { GepInputError } from '../../src/errors/errors.js';
import { parseUnit } from '../../src/units/units.js';
import type { IndicatorModule, QuantityResult, ValueResult } from '../../src/indicators/types.js';

export interface RunOptions {
  readonly variant?: Record<string, string>;
  readonly priceYear?: number;
  readonly overrides?: readonly CoefficientOverride[];
  readonly table?: string;
  readonly strict?: boolean;
}

export interface RunResult<T> {
  readonly quantity: QuantityResult<T>;
  readonly value: ValueResult<T>;
  readonly A: Arithmetic<T>;
  readonly coefficients: ReturnType<CoefficientReader<T>['uses']>;
}

/** Validate `input` with the module's schema and compute quantity and value with arithmetic `A`. */
export function runIndicator<T>(module: IndicatorModule<any>, input: unknown, A: Arithmetic<T>, options: RunOptions = {}): RunResult<T> {
  const path = ['indicators', module.spec.id];
  const parsed = module.inputSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) throw new GepInputError(toGepIssues(parsed.error, path));
  const { set, issues } = makeCoefficientSet(getCoefficientTable(options.table ?? 'national-2022/1.0.0'), options.overrides ?? [], {
    strict: options.strict ?? false,
  });
  if (issues.length) throw new GepInputError(issues);
  const reader = new CoefficientReader(A, set);
  const variant = Object.fromEntries(module.spec.variants.map((v) => [v.name, options.variant?.[v.name] ?? v.default]));
  const ctx = { A, coefficients: reader, variant, priceYear: options.priceYear ?? 2022, path };
  const quantity = module.quantity(parsed.data, ctx);
  const value = module.value(parsed.data, quantity, ctx);
  return { quantity, value, A, coefficients: reader.uses() };
}

/** Run on the decimal path and the float path. */
export function runBoth(module: IndicatorModule<any>, input: unknown, options: RunOptions = {}) {
  return { decimal: runIndicator(module, input, decimalArithmetic, options), float: runIndicator(module, input, floatArithmetic, options) };
}

/** The issues a bad input raises, for inline snapshots. */
export function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (e instanceof GepInputError)
      return e.issues.map((i) => ({ code: i.code, path: i.path.join('.'), expected: i.expected, found: i.found }));
    throw e;
  }
  throw new Error('expected a GepInputError, but the call succeeded');
}

/** Relative difference |a − b| / max(|b|, tiny). */
export function relativeDifference(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
}

/** A formula or note has words (not only symbols) when it has a lowercase word of 3+ letters other than a math function, or two words in a row. */
const HAS_WORDS = /\b(?!(?:exp|min|max|log)\b)[a-z]{3,}\b|\b[a-z]{2,}\s+[a-z]{2,}\b/;

/**
 * What a zh report of this run would show in English: steps without a Chinese name, formulas and
 * notes with words but no Chinese text, warnings without a Chinese message (issue 16). `[]` when
 * complete.
 */
export function untranslated(r: Pick<RunResult<unknown>, 'quantity' | 'value'>): string[] {
  const out: string[] = [];
  for (const s of [...r.quantity.steps, ...r.value.steps]) {
    if (!s.zh?.name) out.push(`step "${s.name}": no zh name`);
    if (HAS_WORDS.test(s.formula) && !s.zh?.formula) out.push(`step "${s.name}": formula "${s.formula}" has no zh`);
    if (s.note !== undefined && HAS_WORDS.test(s.note) && !s.zh?.note) out.push(`step "${s.name}": note "${s.note}" has no zh`);
  }
  for (const w of [...r.quantity.warnings, ...r.value.warnings]) if (!w.zh) out.push(`warning ${w.code}: no zh message`);
  return out;
}

/** The exponents of a unit's dimension, as a map. */
const exponents = (unit: string) => new Map(Object.entries(parseUnit(unit).dimension).filter(([, e]) => e !== 0));

/**
 * Value lines that a report cannot show beside their quantity line (issue 16: 46.49 万t CO2/a beside
 * 1 650.66 元/t C): a quantity not in the unit of the line's quantity line, or a unit price that is
 * not money per that unit (per year allowed: 元/(hm²·a) × hm²). `[]` when every line is consistent.
 */
export function unitMismatches(r: Pick<RunResult<unknown>, 'quantity' | 'value'>): string[] {
  const out: string[] = [];
  for (const l of r.value.lines) {
    if (!l.quantity || !l.unitPrice) continue;
    const q = r.quantity.lines.find((x) => x.item === l.item);
    if (!q) continue;
    if (l.quantity.unit !== q.quantity.unit) out.push(`${l.item}: quantity in ${l.quantity.unit}, its quantity line in ${q.quantity.unit}`);
    const product = exponents(q.quantity.unit);
    for (const [d, e] of exponents(l.unitPrice.unit)) product.set(d, (product.get(d) ?? 0) + e);
    const rest = [...product].filter(([d, e]) => e !== 0 && !(d === 'money' && e === 1) && !(d === 'year' && e === -1));
    if (product.get('money') !== 1 || rest.length) out.push(`${l.item}: ${q.quantity.unit} × ${l.unitPrice.unit} is not money`);
  }
  return out;
}
