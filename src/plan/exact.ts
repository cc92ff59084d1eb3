/**
 * Exact decimals for the plan's decimal path (精确小数): the values of a tape's nodes as BigInt
 * mantissas and decimal exponents (value = m × 10^e), with decimal.js's results to the digit.
 *
 * `decimalArithmetic` (decimal.js, 40 significant digits, ROUND_HALF_UP) rounds the result of
 * each addition, subtraction, multiplication and division correctly: the exact result, rounded
 * once to 40 significant digits, half away from zero. Here each operation computes the exact result
 * with BigInt and rounds it the same way, so every node has the same value as on the direct path;
 * a zero keeps decimal.js's sign (−0 from −1 × 0), negation and absolute value do not round, max
 * and min pick an operand, a sum adds from 0 in list order, and text is written as decimal.js
 * writes it (plain notation within 1e−40 … 1e40). Powers, exponentials and logarithms go through
 * `decimalArithmetic` itself. A BigInt operation on the short mantissas of account figures takes
 * a tenth of decimal.js's time and allocates one object instead of a Decimal and its digit array.
 * test/plan/exact.test.ts checks every operation against decimal.js, ties and extreme exponents included.
 */
import { decimalArithmetic as D, GepArithmeticError, GepDecimal } from '../numbers/arithmetic.js';

/** Significant digits of a result (GepDecimal's precision). */
const PRECISION = 40;
const LIMIT = 10n ** BigInt(PRECISION);

const POW10: bigint[] = [1n];
/** 10^k as a BigInt. */
function pow10(k: number): bigint {
  for (let i = POW10.length; i <= k; i++) POW10.push(POW10[i - 1]! * 10n);
  return POW10[k]!;
}

/** Decimal digits of a ≥ 0 (1 for 0). */
function digitsOf(a: bigint): number {
  if (a < 9007199254740992n) {
    const n = Number(a);
    let d = 1;
    for (let p = 10; p <= n; p *= 10) d++;
    return d;
  }
  // Beyond 2^53: from the binary length (log10 2 ≈ 0.30103), then exact by comparison.
  let d = Math.floor((a.toString(16).length - 1) * 4 * 0.30102999566398) + 1;
  while (a >= pow10(d)) d++;
  while (d > 1 && a < pow10(d - 1)) d--;
  return d;
}

const NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const FRACTION = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\/(\d+(?:\.\d*)?|\.\d+)$/;
const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The values of a tape's nodes: node i is `m[i]` × 10^`e[i]`, a zero negative when `neg[i]` is 1. */
export class ExactValues {
  readonly m: bigint[];
  readonly e: Int32Array;
  readonly neg: Uint8Array;

  constructor(size: number) {
    this.m = new Array<bigint>(size).fill(0n);
    this.e = new Int32Array(size);
    this.neg = new Uint8Array(size);
  }

  /** Round node i's mantissa to 40 significant digits, half away from zero. */
  private set(i: number, m: bigint, e: number, negZero: boolean): void {
    const a = m < 0n ? -m : m;
    if (a >= LIMIT) {
      const k = digitsOf(a) - PRECISION;
      const p = pow10(k);
      let q = a / p;
      if ((a - q * p) * 2n >= p) q += 1n;
      m = m < 0n ? -q : q;
      e += k;
    }
    this.m[i] = m;
    this.e[i] = e;
    this.neg[i] = m === 0n && negZero ? 1 : 0;
  }

  /** Copy node j into node i (no rounding). */
  copy(i: number, j: number): void {
    this.m[i] = this.m[j]!;
    this.e[i] = this.e[j]!;
    this.neg[i] = this.neg[j]!;
  }

  /** −1 or 1: the sign of node i, a zero's included. */
  private sign(i: number): -1 | 1 {
    const m = this.m[i]!;
    return m < 0n || (m === 0n && this.neg[i] === 1) ? -1 : 1;
  }

  /** Node i = text as `decimalArithmetic.fromString` reads it (plain decimal exactly, a fraction divided and rounded). */
  parse(i: number, text: string): void {
    const t = text.trim();
    if (PLAIN.test(t)) {
      this.parsePlain(i, t);
      return;
    }
    const f = FRACTION.exec(t);
    if (!f) throw new GepArithmeticError('not-a-number', `"${text}" is not a decimal number`);
    // Two scratch values beyond the tape's nodes are not needed: numerator into i, then divide by a parsed denominator.
    const num = new ExactValues(2);
    num.parsePlain(0, f[1]!);
    num.parsePlain(1, f[2]!);
    num.divide(0, 0, 1);
    this.m[i] = num.m[0]!;
    this.e[i] = num.e[0]!;
    this.neg[i] = num.neg[0]!;
  }

  private parsePlain(i: number, t: string): void {
    const g = NUMBER.exec(t)!;
    const int = g[2] ?? '';
    const frac = g[3] ?? '';
    let m = BigInt(int + frac || '0');
    if (g[1] === '-') m = -m;
    this.m[i] = m;
    this.e[i] = (g[4] ? Number(g[4]) : 0) - frac.length;
    this.neg[i] = m === 0n && g[1] === '-' ? 1 : 0;
  }

  /** Node i = a decimal.js value (exactly). */
  fromDecimal(i: number, x: GepDecimal): void {
    this.parsePlain(i, x.toString());
    this.neg[i] = x.isZero() && x.isNegative() ? 1 : 0;
  }

  /** Node i as a decimal.js value. */
  toDecimal(i: number): GepDecimal {
    return new GepDecimal(this.neg[i] === 1 ? '-0' : this.text(i));
  }

  /** x + y (decimal.js `plus`, zeros' signs included). */
  add(i: number, a: number, b: number): void {
    this.addSigned(i, a, b, 1);
  }

  /** x − y (decimal.js `minus`). */
  subtract(i: number, a: number, b: number): void {
    this.addSigned(i, a, b, -1);
  }

  /** a + s·b: decimal.js's plus (s = 1) or minus (s = −1) on signed values. */
  private addSigned(i: number, a: number, b: number, s: 1 | -1): void {
    const ma = this.m[a]!;
    const mb = s === 1 ? this.m[b]! : -this.m[b]!;
    const sa = this.sign(a);
    const sb = (this.sign(b) * s) as -1 | 1;
    if (ma === 0n || mb === 0n) {
      if (sa === sb) {
        // Same sign: the non-zero operand, else x (−0 + −0 = −0).
        if (mb !== 0n) this.set(i, mb, this.e[b]!, sb < 0);
        else this.set(i, ma, this.e[a]!, sa < 0);
      } else if (mb !== 0n) this.set(i, mb, this.e[b]!, false);
      else if (ma !== 0n) this.set(i, ma, this.e[a]!, false);
      else this.set(i, 0n, 0, false); // +0 − +0, −0 + +0: +0 (rounding is not towards −∞)
      return;
    }
    const ea = this.e[a]!;
    const eb = this.e[b]!;
    const sum = ea === eb ? ma + mb : ea > eb ? ma * pow10(ea - eb) + mb : ma + mb * pow10(eb - ea);
    // An exact zero difference is +0.
    this.set(i, sum, Math.min(ea, eb), false);
  }

  multiply(i: number, a: number, b: number): void {
    const m = this.m[a]! * this.m[b]!;
    this.set(i, m, this.e[a]! + this.e[b]!, m === 0n && this.sign(a) !== this.sign(b));
  }

  /** x ÷ y rounded to 40 significant digits; throws for y = 0, as `decimalArithmetic.divide` does. */
  divide(i: number, a: number, b: number): void {
    const mb = this.m[b]!;
    if (mb === 0n) throw new GepArithmeticError('division-by-zero', `division of ${this.text(a)} by zero`);
    const ma = this.m[a]!;
    const negative = this.sign(a) !== this.sign(b);
    if (ma === 0n) {
      this.set(i, 0n, 0, negative);
      return;
    }
    const x = ma < 0n ? -ma : ma;
    const y = mb < 0n ? -mb : mb;
    // Scale the dividend so that the quotient has more than 40 digits, then round once: half-up
    // rounds away from zero when the discarded part is at least one half, whatever the remainder
    // beyond it (a remainder only moves an exact half above it), so the remainder is not needed.
    const k = Math.max(0, PRECISION + 2 + digitsOf(y) - digitsOf(x));
    let q = (x * pow10(k)) / y;
    const s = Math.max(0, digitsOf(q) - PRECISION);
    if (s > 0) {
      const p = pow10(s);
      const kept = q / p;
      q = (q - kept * p) * 2n >= p ? kept + 1n : kept;
    }
    const e = this.e[a]! - this.e[b]! - k + s;
    this.set(i, negative ? -q : q, e, false);
  }

  negate(i: number, a: number): void {
    this.m[i] = -this.m[a]!;
    this.e[i] = this.e[a]!;
    this.neg[i] = this.m[a] === 0n ? (this.sign(a) > 0 ? 1 : 0) : 0;
  }

  abs(i: number, a: number): void {
    const m = this.m[a]!;
    this.m[i] = m < 0n ? -m : m;
    this.e[i] = this.e[a]!;
    this.neg[i] = 0;
  }

  /** −1, 0 or 1 as x compares with y (zeros equal whatever their sign). */
  compare(a: number, b: number): -1 | 0 | 1 {
    const ma = this.m[a]!;
    const mb = this.m[b]!;
    if (ma === 0n || mb === 0n || ma < 0n !== mb < 0n) return ma < mb ? -1 : ma > mb ? 1 : 0;
    const ea = this.e[a]!;
    const eb = this.e[b]!;
    const x = ea > eb ? ma * pow10(ea - eb) : ma;
    const y = eb > ea ? mb * pow10(eb - ea) : mb;
    return x < y ? -1 : x > y ? 1 : 0;
  }

  /** `decimalArithmetic.max`: x when x ≥ y, else y. */
  max(i: number, a: number, b: number): void {
    this.copy(i, this.compare(a, b) >= 0 ? a : b);
  }

  /** `decimalArithmetic.min`: x when x ≤ y, else y. */
  min(i: number, a: number, b: number): void {
    this.copy(i, this.compare(a, b) <= 0 ? a : b);
  }

  /** Σ of nodes `args` from +0 in order, each addition rounded (`decimalArithmetic.sum`). */
  sum(i: number, args: Int32Array, start: number, count: number): void {
    // The running total lives in node i; the first addition is +0 + x.
    this.m[i] = 0n;
    this.e[i] = 0;
    this.neg[i] = 0;
    for (let k = 0; k < count; k++) this.add(i, i, args[start + k]!);
  }

  /** Node i as a JS number (decimal.js `toNumber`, −0 included). */
  toNumber(i: number): number {
    return this.neg[i] === 1 ? -0 : Number(this.text(i));
  }

  /** Node i as decimal.js writes it (`toString`): plain notation unless its exponent is ≤ −40 or ≥ 40. */
  text(i: number): string {
    const m = this.m[i]!;
    if (m === 0n) return '0';
    const negative = m < 0n;
    let s = (negative ? -m : m).toString();
    let e = this.e[i]!;
    let end = s.length;
    while (s.charCodeAt(end - 1) === 48) end--;
    if (end < s.length) {
      e += s.length - end;
      s = s.slice(0, end);
    }
    const len = s.length;
    const x = e + len - 1; // the exponent of the first digit
    let out: string;
    if (x <= -PRECISION || x >= PRECISION) out = `${len > 1 ? `${s[0]}.${s.slice(1)}` : s}${x < 0 ? 'e' : 'e+'}${x}`;
    else if (x < 0) out = `0.${'0'.repeat(-x - 1)}${s}`;
    else if (x >= len) out = s + '0'.repeat(x + 1 - len);
    else out = x + 1 < len ? `${s.slice(0, x + 1)}.${s.slice(x + 1)}` : s;
    return negative ? `-${out}` : out;
  }

  /** Node i = op(x[, y]) through decimal.js, for the operations computed in floating point there (pow, exp, ln). */
  viaDecimal(i: number, f: (x: GepDecimal, y: GepDecimal) => GepDecimal, a: number, b: number): void {
    this.fromDecimal(i, f(this.toDecimal(a), this.toDecimal(b)));
  }
}

/** decimal.js's `pow`, `exp` and `ln` as `decimalArithmetic` runs them. */
export const VIA_DECIMAL = {
  pow: (x: GepDecimal, y: GepDecimal) => D.pow(x, y),
  exp: (x: GepDecimal) => D.exp(x),
  ln: (x: GepDecimal) => D.ln(x),
} as const;
