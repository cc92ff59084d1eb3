/**
 * The formula engine of local indicators: units checked and converted exactly, evaluation on both
 * arithmetics, and (property) agreement with a direct `Arithmetic` computation of the same tree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalArithmetic, floatArithmetic, GepArithmeticError, type Arithmetic } from '../../../src/numbers/arithmetic.js';
import { parseFormula } from '../../../src/indicators/local/expression.js';
import { checkFormula, evaluate, fitFormula, shownUnit, type Checked } from '../../../src/indicators/local/formula.js';

/** Parse, check against `units`, fit to `target` and evaluate on `A` with `values` (decimal text). */
function run<T>(
  A: Arithmetic<T>,
  text: string,
  units: Record<string, string>,
  target: string,
  values: Record<string, string> = {},
): string {
  const parsed = parseFormula(text);
  if (!('expr' in parsed)) throw new Error(`parse: ${JSON.stringify(parsed.problem)}`);
  const checked = checkFormula(parsed.expr, (s) => units[s], Object.keys(units));
  if ('problems' in checked) throw new Error(`check: ${JSON.stringify(checked.problems)}`);
  const fitted = fitFormula(checked, [target], 0);
  if ('problem' in fitted) throw new Error(`fit: ${JSON.stringify(fitted.problem)}`);
  return A.toString(evaluate(A, fitted.tree, (s) => A.fromString(values[s]!)));
}

/** The problems of a formula (parse, check, fit), as [code, at, found, expected]. */
function problems(text: string, units: Record<string, string>, target: string): unknown[] {
  const parsed = parseFormula(text);
  if (!('expr' in parsed)) return [[parsed.problem.code, parsed.problem.at, parsed.problem.found]];
  const checked = checkFormula(parsed.expr, (s) => units[s], Object.keys(units));
  if ('problems' in checked) return checked.problems.map((p) => [p.code, p.at, p.found, p.expected]);
  const fitted = fitFormula(checked, [target], 0);
  return 'problem' in fitted ? [[fitted.problem.code, fitted.problem.at, fitted.problem.found, fitted.problem.expected]] : [];
}

describe('units in formulas', () => {
  it('adds areas in hm² and 亩 exactly: 1 hm² + 15 亩 = 2 hm² (1 hm² = 15 亩)', () => {
    expect(run(decimalArithmetic, 'a + b', { a: 'hm²', b: '亩' }, 'hm²', { a: '1', b: '15' })).toBe('2');
    expect(run(floatArithmetic, 'a + b', { a: 'hm²', b: '亩' }, 'hm²', { a: '1', b: '15' })).toBe('2');
  });

  it('expresses the result in the declared unit: 1 亩 = 2000/3 m², to 40 digits on the decimal path', () => {
    expect(run(decimalArithmetic, 'a', { a: '亩' }, 'm²', { a: '1' })).toBe('666.6666666666666666666666666666666666667');
  });

  it('combines units in products and quotients: 120 万t × 2400 元/t = 2.88 × 10⁹ 元', () => {
    expect(run(decimalArithmetic, 'q * p', { q: '万t', p: '元/t' }, '元', { q: '120', p: '2400' })).toBe('2880000000');
    // 300 亩 × 800 kg/(亩·a) = 240 000 kg/a = 240 t/a
    expect(run(decimalArithmetic, 'area * y', { area: '亩', y: 'kg/(亩·a)' }, 't/a', { area: '300', y: '800' })).toBe('240');
  });

  it("converts every argument of min and max to the first one's unit: min(1 t, 500 kg) = 0.5 t", () => {
    expect(run(decimalArithmetic, 'min(a, b)', { a: 't', b: 'kg' }, 't', { a: '1', b: '500' })).toBe('0.5');
    expect(run(decimalArithmetic, 'max(a, b, c)', { a: 't', b: 'kg', c: 'g' }, 'kg', { a: '1', b: '500', c: '2000000' })).toBe('2000');
  });

  it('lets a literal zero stand for any unit (a clamp), but no other number', () => {
    expect(run(decimalArithmetic, 'max(a - b, 0)', { a: 't', b: 't' }, 't', { a: '2', b: '5' })).toBe('0');
    expect(problems('a + 1', { a: 't' }, 't')).toEqual([['local.dimension', 3, '1', 't']]);
  });

  it('raises a quantity with a unit to a whole power written out, and gives exp and ln pure numbers (5 % → 0.05)', () => {
    expect(run(decimalArithmetic, 'x ^ 2', { x: 'm' }, 'm²', { x: '3' })).toBe('9');
    expect(run(decimalArithmetic, 'x ^ -1 * y', { x: 'a', y: 't' }, 't/a', { x: '4', y: '10' })).toBe('2.5');
    expect(run(floatArithmetic, 'exp(r)', { r: '%' }, '1', { r: '5' })).toBe(String(Math.exp(0.05)));
    expect(problems('x ^ y', { x: 'm', y: '1' }, 'm')).toEqual([['local.exponent', 3, 'm', undefined]]);
    expect(problems('exp(x)', { x: 'm' }, '1')).toEqual([['local.dimension', 5, 'm', '1']]);
  });

  it('reads a literal as its decimal text, never through a float: 0.1 + 0.2 = 0.3 exactly', () => {
    expect(run(decimalArithmetic, '0.1 + 0.2', {}, '1')).toBe('0.3');
  });

  it('shows a unit built by the check as its dimension in base units', () => {
    expect(shownUnit('(hm²)·(t/(hm²·a))')).toBe('t/a');
    expect(shownUnit('(元)·(m²)/(t)')).toBe('m²·元/t');
    expect(shownUnit('(m)^4')).toBe('m^4');
    expect(shownUnit('kg/(亩·a)')).toBe('kg/(亩·a)');
  });

  it('never gives NaN or Infinity: a division by zero or a logarithm of zero is an arithmetic error on both paths', () => {
    for (const A of [decimalArithmetic, floatArithmetic] as Arithmetic<unknown>[]) {
      expect(() => run(A, 'a / b', { a: '1', b: '1' }, '1', { a: '1', b: '0' })).toThrow(GepArithmeticError);
      expect(() => run(A, 'ln(a)', { a: '1' }, '1', { a: '0' })).toThrow(GepArithmeticError);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Property: the evaluator computes what the formula says, operation by operation.

type Gen =
  | { readonly k: 'num'; readonly text: string }
  | { readonly k: 'sym'; readonly name: 'a' | 'b' | 'c' }
  | { readonly k: 'bin'; readonly op: '+' | '-' | '*' | '/'; readonly a: Gen; readonly b: Gen }
  | { readonly k: 'neg'; readonly a: Gen };

/** Decimal text: up to 9 digits with up to 4 after the point (`0.0007`, `123.45`, `12`). */
const decimalText = fc.tuple(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 4 })).map(([n, scale]) => {
  const digits = String(n).padStart(scale + 1, '0');
  return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
});

const { tree } = fc.letrec<{ tree: Gen }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    decimalText.map((text): Gen => ({ k: 'num', text })),
    fc.constantFrom('a', 'b', 'c').map((name): Gen => ({ k: 'sym', name: name as 'a' })),
    fc.record({
      k: fc.constant('bin' as const),
      op: fc.constantFrom('+', '-', '*', '/'),
      a: tie('tree'),
      b: tie('tree'),
    }) as fc.Arbitrary<Gen>,
    fc.record({ k: fc.constant('neg' as const), a: tie('tree') }) as fc.Arbitrary<Gen>,
  ),
}));

/** The formula text of a tree: fully parenthesised, with the operators a statistician may type. */
const SIGN = { '+': ['+'], '-': ['-', '−'], '*': ['*', '×', '·'], '/': ['/', '÷'] } as const;
function text(g: Gen, pick: (n: number) => number): string {
  switch (g.k) {
    case 'num':
      return g.text;
    case 'sym':
      return g.name;
    case 'neg':
      return `-(${text(g.a, pick)})`;
    case 'bin': {
      const signs = SIGN[g.op];
      return `(${text(g.a, pick)} ${signs[pick(signs.length)]} ${text(g.b, pick)})`;
    }
  }
}

/** The same tree computed directly on the arithmetic. */
function direct<T>(A: Arithmetic<T>, g: Gen, env: Readonly<Record<string, T>>): T {
  switch (g.k) {
    case 'num':
      return A.fromString(g.text);
    case 'sym':
      return env[g.name]!;
    case 'neg':
      return A.negate(direct(A, g.a, env));
    case 'bin': {
      const a = direct(A, g.a, env);
      const b = direct(A, g.b, env);
      return g.op === '+' ? A.add(a, b) : g.op === '-' ? A.subtract(a, b) : g.op === '*' ? A.multiply(a, b) : A.divide(a, b);
    }
  }
}

/** A result or the arithmetic error that stopped it (a division by zero): both must agree. */
function outcome(fn: () => string): string {
  try {
    return fn();
  } catch (e) {
    if (e instanceof GepArithmeticError) return `error ${e.code}`;
    throw e;
  }
}

describe('the evaluator (property)', () => {
  it('agrees exactly with a direct Arithmetic computation of random formulas over + − × ÷, decimal and float', () => {
    fc.assert(
      fc.property(
        tree,
        fc.record({ a: decimalText, b: decimalText, c: decimalText }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        (g, values, choices) => {
          let i = 0;
          const source = text(g, (n) => choices[i++ % choices.length]! % n);
          const parsed = parseFormula(source);
          if (!('expr' in parsed)) throw new Error(`${source}: ${JSON.stringify(parsed.problem)}`);
          const checked = checkFormula(parsed.expr, () => '1', ['a', 'b', 'c']);
          if ('problems' in checked) throw new Error(`${source}: ${JSON.stringify(checked.problems)}`);
          const compiled: Checked = checked.tree;
          for (const A of [decimalArithmetic, floatArithmetic] as Arithmetic<unknown>[]) {
            const env = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, A.fromString(v)]));
            const viaFormula = outcome(() => A.toString(evaluate(A, compiled, (s) => env[s]!)));
            const viaArithmetic = outcome(() => A.toString(direct(A, g, env)));
            expect(viaFormula, source).toBe(viaArithmetic);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
