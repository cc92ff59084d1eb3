/**
 * The arithmetic seam (计算接口). Every formula in the library is written once against
 * `Arithmetic<T>` and runs on two implementations: decimal.js for accounts, money and the
 * reproduction of published tables, and float64 for per-cell kernels, batch screening and
 * Monte Carlo. Pattern taken from dinero.js's `Calculator<T>`.
 */
import Decimal from 'decimal.js';
import * as fdlibm from './fdlibm.js';

/** Operations a formula may use. All are pure; none rounds to a printed precision. */
export interface Arithmetic<T> {
  /** `decimal` (exact, for money) or `float64` (fast, for kernels). */
  readonly name: 'decimal' | 'float64';
  readonly zero: T;
  readonly one: T;
  /** Parse a decimal string (`"1234.5"`, `"-0.25"`, `"1e-3"`) or an exact fraction (`"44/12"`). */
  fromString(text: string): T;
  /** Serialise without loss on the decimal path; shortest round-trip form on the float path. */
  toString(x: T): string;
  /** a + b. */
  add(a: T, b: T): T;
  /** a − b. */
  subtract(a: T, b: T): T;
  /** a × b. */
  multiply(a: T, b: T): T;
  /** Throws `GepArithmeticError` on division by zero: never returns Infinity or NaN. */
  divide(a: T, b: T): T;
  /** −a. */
  negate(a: T): T;
  /** base^exponent; exact for an integer exponent, else in double precision like `exp`. */
  pow(base: T, exponent: T): T;
  /** e^a, in double precision on both paths (never exact; see `transcendental`). */
  exp(a: T): T;
  /** Natural logarithm; throws for a ≤ 0. */
  ln(a: T): T;
  /** −1, 0 or 1 as a is below, equal to or above b. */
  compare(a: T, b: T): -1 | 0 | 1;
  /** Sum of a list; `zero` for an empty list. */
  sum(values: readonly T[]): T;
  /** Converts to a JS number, for display and for float kernels only. */
  toNumber(x: T): number;
  /**
   * A computed number as a message (warning, issue) shows it: `displayNumber` of its text. The
   * exact value stays in the trace; on a plan, the text is made per row like `toString`'s.
   */
  toDisplayText(x: T): string;
  /** The larger of a and b (a when equal). */
  max(a: T, b: T): T;
  /** The smaller of a and b (a when equal). */
  min(a: T, b: T): T;
  /** |a|. */
  abs(a: T): T;
  /**
   * Relative tolerance between two computations of one quantity that differ only in the order of
   * their operations (an identity check such as M + R + C = Σ indicators): 1e-30 on the decimal
   * path (a rebased price such as p ÷ 1.02 does not terminate within 40 digits), 1e-9 on float64.
   */
  readonly identityTolerance: T;
}

/** An arithmetic operation that would produce NaN or Infinity. */
export class GepArithmeticError extends Error {
  override readonly name = 'GepArithmeticError';
  constructor(
    readonly code: 'division-by-zero' | 'not-a-number' | 'log-of-non-positive' | 'non-finite',
    message: string,
  ) {
    super(`[gep] ${message}`);
  }
}

const NUMBER_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const FRACTION_PATTERN = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\/(\d+(?:\.\d*)?|\.\d+)$/;

/**
 * True when `text` is a plain decimal number or an exact fraction such as `44/12`; not `1/0`, and
 * not an exponent of five or more digits (`1e99999`): no amount needs one, and results computed
 * from such values could leave the range that decimal.js and the JSON readers hold.
 */
export function isDecimalText(text: string): boolean {
  const t = text.trim();
  if (/[eE][+-]?\d{5}/.test(t)) return false;
  if (NUMBER_PATTERN.test(t)) return true;
  const fraction = FRACTION_PATTERN.exec(t);
  return fraction !== null && /[1-9]/.test(fraction[2]!);
}

/**
 * The decimal type used for accounts: 40 significant digits, ROUND_HALF_UP for the rare
 * inexact result (a division by 3, an exponential). Exponent notation only outside 1e-40…1e40,
 * so serialised values read like the numbers in a statistical table.
 */
export const GepDecimal = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type GepDecimal = InstanceType<typeof GepDecimal>;

/**
 * Transcendental functions (exp, ln, a non-integer power) are never exact, and the physical models
 * that use them (lake regression, RWEQ) have inputs of three or four significant digits. On the
 * decimal path they are evaluated in IEEE double precision (about 16 significant digits, far below
 * any input's uncertainty) and carried on as decimals: decimal.js needed ~0.2 ms per call, which
 * made RWEQ alone cost more than every other indicator of an account together. They use fdlibm's
 * algorithms in software (./fdlibm.ts), not the engine's Math.exp/log/pow, whose last bit differs
 * between engines: a decimal account has the same digits in Node and in every browser.
 * Money stays exact: no price or quantity passes through a JS number except as the argument of
 * such a function.
 */
function transcendental(f: (x: number) => number, x: GepDecimal): GepDecimal {
  const y = f(x.toNumber());
  if (!Number.isFinite(y)) throw new GepArithmeticError('non-finite', `a transcendental function of ${x.toString()} is not finite`);
  return new GepDecimal(y);
}

function parseParts(text: string): [string, string | null] {
  const t = text.trim();
  if (NUMBER_PATTERN.test(t)) return [t, null];
  const fraction = FRACTION_PATTERN.exec(t);
  if (fraction) return [fraction[1]!, fraction[2]!];
  throw new GepArithmeticError('not-a-number', `"${text}" is not a decimal number`);
}

function checkDecimal(x: GepDecimal): GepDecimal {
  if (!x.isFinite()) throw new GepArithmeticError('non-finite', 'a decimal operation gave a non-finite result');
  return x;
}

/** Exact decimal arithmetic (decimal.js, 40 significant digits, half-up). */
export const decimalArithmetic: Arithmetic<GepDecimal> = {
  name: 'decimal',
  zero: new GepDecimal(0),
  one: new GepDecimal(1),
  fromString(text) {
    const [numerator, denominator] = parseParts(text);
    const n = new GepDecimal(numerator);
    return denominator === null ? n : this.divide(n, new GepDecimal(denominator));
  },
  toString: (x) => checkDecimal(x).toString(),
  add: (a, b) => a.plus(b),
  subtract: (a, b) => a.minus(b),
  multiply: (a, b) => a.times(b),
  divide(a, b) {
    if (b.isZero()) throw new GepArithmeticError('division-by-zero', `division of ${a.toString()} by zero`);
    return a.dividedBy(b);
  },
  negate: (a) => a.negated(),
  pow(base, exponent) {
    if (exponent.isInteger()) return checkDecimal(base.pow(exponent));
    if (base.isZero() && exponent.gt(0)) return new GepDecimal(0);
    if (base.lte(0))
      throw new GepArithmeticError(
        base.isZero() ? 'non-finite' : 'not-a-number',
        `${base.toString()} to the non-integer power ${exponent.toString()}`,
      );
    return transcendental((x) => fdlibm.pow(x, exponent.toNumber()), base);
  },
  exp: (a) => transcendental(fdlibm.exp, a),
  ln(a) {
    if (a.lte(0)) throw new GepArithmeticError('log-of-non-positive', `logarithm of ${a.toString()}`);
    return transcendental(fdlibm.ln, a);
  },
  compare: (a, b) => a.comparedTo(b) as -1 | 0 | 1,
  sum: (values) => values.reduce((acc, v) => acc.plus(v), new GepDecimal(0)),
  toNumber: (x) => x.toNumber(),
  toDisplayText: (x) => displayNumber(x.toString()),
  max: (a, b) => (a.gte(b) ? a : b),
  min: (a, b) => (a.lte(b) ? a : b),
  abs: (a) => a.abs(),
  identityTolerance: new GepDecimal('1e-30'),
};

function checkFloat(x: number): number {
  if (!Number.isFinite(x)) throw new GepArithmeticError('non-finite', 'a float64 operation gave a non-finite result');
  return x;
}

/** IEEE-754 double arithmetic, for kernels and screening; agrees with the decimal path to ~1e-15 relative. */
export const floatArithmetic: Arithmetic<number> = {
  name: 'float64',
  zero: 0,
  one: 1,
  fromString(text) {
    const [numerator, denominator] = parseParts(text);
    const n = Number(numerator);
    return denominator === null ? checkFloat(n) : this.divide(n, Number(denominator));
  },
  toString: (x) => String(checkFloat(x)),
  add: (a, b) => checkFloat(a + b),
  subtract: (a, b) => checkFloat(a - b),
  multiply: (a, b) => checkFloat(a * b),
  divide(a, b) {
    if (b === 0) throw new GepArithmeticError('division-by-zero', `division of ${a} by zero`);
    return checkFloat(a / b);
  },
  negate: (a) => -a,
  pow: (base, exponent) => checkFloat(base ** exponent),
  exp: (a) => checkFloat(Math.exp(a)),
  ln(a) {
    if (a <= 0) throw new GepArithmeticError('log-of-non-positive', `logarithm of ${a}`);
    return Math.log(a);
  },
  compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  sum(values) {
    let total = 0;
    for (const v of values) total += v;
    return checkFloat(total);
  },
  toNumber: (x) => x,
  toDisplayText: (x) => displayNumber(String(checkFloat(x))),
  // biome-ignore lint/complexity/useMathMinMax: the first operand on ties, as the decimal max returns
  max: (a, b) => (a >= b ? a : b),
  // biome-ignore lint/complexity/useMathMinMax: the first operand on ties, as the decimal min returns
  min: (a, b) => (a <= b ? a : b),
  abs: (a) => Math.abs(a),
  identityTolerance: 1e-9,
};

/** Significant digits past which a number in a message is shown rounded. */
const DISPLAY_DIGITS = 10;

/**
 * A number's text as a message shows it: as it is up to 10 significant digits, else rounded to 10
 * (half up) and marked `≈` — −266.6666667, not the 40 digits of −400 mm over 1 亩. A message is read
 * by a person; the exact value is in the result's trace.
 *
 * @example
 * displayNumber('-266.6666666666666666666666666666666666667') //=> '≈ -266.6666667'
 * displayNumber('18380000') //=> '18380000'
 */
export function displayNumber(text: string): string {
  const d = new GepDecimal(text);
  return d.sd() <= DISPLAY_DIGITS ? text : `≈ ${d.toSignificantDigits(DISPLAY_DIGITS).toString()}`;
}

/** The arithmetic of a name, as results record it (`result.arithmetic`). */
export function arithmeticByName<T = unknown>(name: 'decimal' | 'float64'): Arithmetic<T> {
  return (name === 'decimal' ? decimalArithmetic : floatArithmetic) as unknown as Arithmetic<T>;
}

/**
 * True when x and y agree to the arithmetic's identity tolerance, relative to `magnitude` (the
 * size of the parts summed, not of their sum: parts of opposite sign may cancel): |x − y| ≤ tol × (1 + magnitude).
 */
export function agreeWithin<T>(A: Arithmetic<T>, x: T, y: T, magnitude: T): boolean {
  return A.compare(A.abs(A.subtract(x, y)), A.multiply(A.identityTolerance, A.add(A.one, magnitude))) <= 0;
}
