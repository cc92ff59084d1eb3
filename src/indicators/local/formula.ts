/**
 * Checking a formula's units and evaluating it on `Arithmetic<T>`.
 *
 * The check walks the parsed tree over units (src/units/units.ts): sums, differences, min and max
 * need one dimension on every side and convert each side to the first side's unit with the exact
 * factor (1 亩 = 2000/3 m²); products and quotients combine units; a power of a quantity with a unit
 * needs a whole exponent written as a number; exp and ln take pure numbers. The result is a tree of
 * arithmetic with those factors in place, which `evaluate` runs on the decimal or the float path
 * (and which a recording arithmetic can record like any built-in formula). Nothing here runs mathjs.
 */
import type { Arithmetic } from '../../numbers/arithmetic.js';
import { BASE_DIMENSIONS, conversionRatio, parseUnit, sameDimensionUnits, type BaseDimension } from '../../units/units.js';
import type { Expr, FormulaProblem } from './expression.js';

/** A formula ready to evaluate: arithmetic only, unit conversions as exact factors `n/d`. */
export type Checked =
  | { readonly k: 'num'; readonly text: string }
  | { readonly k: 'sym'; readonly name: string }
  | { readonly k: 'add' | 'subtract' | 'multiply' | 'divide' | 'pow'; readonly a: Checked; readonly b: Checked }
  | { readonly k: 'neg' | 'abs' | 'exp' | 'ln'; readonly a: Checked }
  | { readonly k: 'min' | 'max'; readonly args: readonly Checked[] }
  | { readonly k: 'scale'; readonly n: string; readonly d: string; readonly a: Checked };

/** Functions a formula may call, with their number of arguments (`-1`: one or more). */
export const FUNCTIONS: Readonly<Record<string, number>> = { min: -1, max: -1, abs: 1, exp: 1, ln: 1 };
export const FUNCTION_LIST = Object.keys(FUNCTIONS).join(', ');

/** The base unit shown for each base dimension in messages. */
const BASE_UNIT: Readonly<Record<BaseDimension, string>> = {
  length: 'm',
  mass: 't',
  carbon: 't C',
  co2: 't CO2',
  energy: 'kWh',
  money: '元',
  time: 's',
  year: 'a',
  visit: '人次',
  head: '头',
  count: '个',
  person: '人',
  equivalent: '当量',
};

/** A unit for a message: as declared, or, for a unit built by the check, its dimension in base units (`元·m²/(t·a)`). */
export function shownUnit(unit: string): string {
  if (!unit.startsWith('(')) return unit;
  const d = parseUnit(unit).dimension;
  const part = (sign: 1 | -1) =>
    BASE_DIMENSIONS.filter((k) => (d[k] ?? 0) * sign > 0).map((k) => {
      const e = Math.abs(d[k]!);
      return e === 1 ? BASE_UNIT[k] : e === 2 || e === 3 ? `${BASE_UNIT[k]}${e === 2 ? '²' : '³'}` : `${BASE_UNIT[k]}^${e}`;
    });
  const num = part(1);
  const den = part(-1);
  const top = num.length ? num.join('·') : '1';
  if (!den.length) return top;
  return `${top}/${den.length === 1 ? den[0] : `(${den.join('·')})`}`;
}

const isZeroLiteral = (e: Expr) => e.k === 'num' && !/[1-9]/.test(e.text.split(/[eE]/)[0]!);

class UnitProblem extends Error {
  constructor(readonly problem: FormulaProblem) {
    super(problem.code);
  }
}

/** The factor that turns a value in `from` into `to`, as a node around `tree` (none when it is 1). */
function scaled(tree: Checked, from: string, to: string): Checked {
  const r = conversionRatio(from, to);
  return r.n === r.d ? tree : { k: 'scale', n: r.n.toString(), d: r.d.toString(), a: tree };
}

/**
 * Check a parsed formula's units against the units of its symbols.
 *
 * @param expr - the parsed formula (./expression.ts)
 * @param unitOf - the unit a symbol is read in, or `undefined` for a symbol not in scope
 * @param known - the symbols in scope, for the message about an unknown one
 * @returns the checked tree and its unit, or every problem found (unknown symbols and functions
 *   are all listed; a unit problem stops the check of the formula)
 */
export function checkFormula(
  expr: Expr,
  unitOf: (name: string) => string | undefined,
  known: readonly string[],
): { tree: Checked; unit: string } | { problems: FormulaProblem[] } {
  const names: FormulaProblem[] = [];
  const findNames = (e: Expr): void => {
    if (e.k === 'sym' && unitOf(e.name) === undefined) {
      names.push({
        code: 'local.unknown-symbol',
        at: e.at + 1,
        found: e.name,
        expected: known.join(', ') || { en: '(none)', zh: '（无）' },
      });
    } else if (e.k === 'call') {
      const arity = FUNCTIONS[e.fn];
      if (arity === undefined || !Object.hasOwn(FUNCTIONS, e.fn))
        names.push({ code: 'local.unknown-function', at: e.at + 1, found: e.fn, expected: FUNCTION_LIST });
      else if (arity === -1 ? e.args.length < 1 : e.args.length !== arity)
        names.push({ code: 'local.arity', at: e.at + 1, found: e.fn, expected: arity === -1 ? '≥ 1' : String(arity) });
      e.args.forEach(findNames);
    } else if (e.k === 'bin') {
      findNames(e.a);
      findNames(e.b);
    } else if (e.k === 'neg') findNames(e.a);
  };
  findNames(expr);
  if (names.length) return { problems: names };

  const dimension = (at: number, found: string, expected: string): never => {
    throw new UnitProblem({ code: 'local.dimension', at: at + 1, found: shownUnit(found), expected: shownUnit(expected) });
  };
  /** Convert `x` (in `from`) to `to`, or fail at `at` when the dimensions differ. */
  const same = (x: { tree: Checked; unit: string }, to: string, at: number): Checked => {
    if (!sameDimensionUnits(x.unit, to)) dimension(at, x.unit, to);
    return scaled(x.tree, x.unit, to);
  };
  /** Operands of a sum or of min/max: one dimension; a literal zero fits any. */
  const alike = (parts: readonly Expr[], at: (i: number) => number): { trees: Checked[]; unit: string } => {
    const checked = parts.map(walk);
    const first = checked.findIndex((_c, i) => !isZeroLiteral(parts[i]!) || i === checked.length - 1);
    const unit = checked[first]!.unit;
    return { unit, trees: checked.map((c, i) => (isZeroLiteral(parts[i]!) ? c.tree : same(c, unit, at(i)))) };
  };
  const walk = (e: Expr): { tree: Checked; unit: string } => {
    switch (e.k) {
      case 'num':
        return { tree: { k: 'num', text: e.text }, unit: '1' };
      case 'sym':
        return { tree: { k: 'sym', name: e.name }, unit: unitOf(e.name)! };
      case 'neg': {
        const a = walk(e.a);
        return { tree: { k: 'neg', a: a.tree }, unit: a.unit };
      }
      case 'bin': {
        if (e.op === '+' || e.op === '-') {
          const { trees, unit } = alike([e.a, e.b], () => e.at);
          return { tree: { k: e.op === '+' ? 'add' : 'subtract', a: trees[0]!, b: trees[1]! }, unit };
        }
        const a = walk(e.a);
        const b = walk(e.b);
        if (e.op === '*') return { tree: { k: 'multiply', a: a.tree, b: b.tree }, unit: `(${a.unit})·(${b.unit})` };
        if (e.op === '/') return { tree: { k: 'divide', a: a.tree, b: b.tree }, unit: `(${a.unit})/(${b.unit})` };
        // ^: a pure-number exponent; a base with a unit only to a whole power written as a number.
        const exponent = same(b, '1', e.b.start);
        if (sameDimensionUnits(a.unit, '1')) return { tree: { k: 'pow', a: scaled(a.tree, a.unit, '1'), b: exponent }, unit: '1' };
        const literal = e.b.k === 'num' ? e.b.text : e.b.k === 'neg' && e.b.a.k === 'num' ? `-${e.b.a.text}` : null;
        if (literal === null || !/^-?\d$/.test(literal))
          throw new UnitProblem({ code: 'local.exponent', at: e.at + 1, found: shownUnit(a.unit) });
        return { tree: { k: 'pow', a: a.tree, b: exponent }, unit: `(${a.unit})^${literal}` };
      }
      case 'call': {
        if (e.fn === 'min' || e.fn === 'max') {
          const { trees, unit } = alike(e.args, (i) => e.args[i]!.start);
          return { tree: { k: e.fn, args: trees }, unit };
        }
        const a = walk(e.args[0]!);
        if (e.fn === 'abs') return { tree: { k: 'abs', a: a.tree }, unit: a.unit };
        return { tree: { k: e.fn as 'exp' | 'ln', a: same(a, '1', e.args[0]!.start) }, unit: '1' };
      }
    }
  };
  try {
    return walk(expr);
  } catch (err) {
    if (err instanceof UnitProblem) return { problems: [err.problem] };
    throw err;
  }
}

/**
 * The checked tree with its result expressed in `target` (one of `targets`, the first whose
 * dimension matches), or the problem that none does.
 */
export function fitFormula(
  checked: { tree: Checked; unit: string },
  targets: readonly string[],
  at: number,
): { tree: Checked; unit: string } | { problem: FormulaProblem } {
  const target = targets.find((t) => sameDimensionUnits(checked.unit, t));
  if (target === undefined)
    return { problem: { code: 'local.dimension', at: at + 1, found: shownUnit(checked.unit), expected: targets.join(' | ') } };
  return { tree: scaled(checked.tree, checked.unit, target), unit: target };
}

/**
 * Evaluate a checked formula. Symbols come from `env`; literals and conversion factors are read as
 * decimal text (`A.fromString`), so the decimal path is exact wherever the operations are.
 *
 * @throws GepArithmeticError on a division by zero, a logarithm of a non-positive number or a
 *   non-finite float (never NaN or Infinity)
 */
export function evaluate<T>(A: Arithmetic<T>, tree: Checked, env: (name: string) => T): T {
  const ev = (t: Checked): T => {
    switch (t.k) {
      case 'num':
        return A.fromString(t.text);
      case 'sym':
        return env(t.name);
      case 'add':
        return A.add(ev(t.a), ev(t.b));
      case 'subtract':
        return A.subtract(ev(t.a), ev(t.b));
      case 'multiply':
        return A.multiply(ev(t.a), ev(t.b));
      case 'divide':
        return A.divide(ev(t.a), ev(t.b));
      case 'pow':
        return A.pow(ev(t.a), ev(t.b));
      case 'neg':
        return A.negate(ev(t.a));
      case 'abs':
        return A.abs(ev(t.a));
      case 'exp':
        return A.exp(ev(t.a));
      case 'ln':
        return A.ln(ev(t.a));
      case 'min':
        return t.args.map(ev).reduce((x, y) => A.min(x, y));
      case 'max':
        return t.args.map(ev).reduce((x, y) => A.max(x, y));
      case 'scale': {
        const x = ev(t.a);
        const scaledUp = t.n === '1' ? x : A.multiply(x, A.fromString(t.n));
        return t.d === '1' ? scaledUp : A.divide(scaledUp, A.fromString(t.d));
      }
    }
  };
  return ev(tree);
}
