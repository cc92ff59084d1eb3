/**
 * The plan's exact decimals (src/plan/exact.ts) against decimal.js as `decimalArithmetic` runs it:
 * every operation gives the same digits, the same sign of zero and the same text, for random
 * operands of 1 to 60 digits over a wide range of exponents, for exact halves at the 41st digit
 * (half-up rounds them away from zero), for operands far apart in magnitude, and for ±0.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalArithmetic as D, GepDecimal } from '../../src/numbers/arithmetic.js';
import { ExactValues } from '../../src/plan/exact.js';

/** Decimal text: sign, 1–60 digits, a point somewhere, an exponent in −60…60. */
const decimalText = fc
  .record({
    sign: fc.constantFrom('', '-', '+'),
    digits: fc.oneof(
      fc.stringMatching(/^[0-9]{1,12}$/),
      fc.stringMatching(/^[1-9][0-9]{38,60}$/),
      fc.constantFrom('0', '5', '25', '1', '9999999999999999999999999999999999999999', '10000000000000000000000000000000000000005'),
    ),
    point: fc.nat(60),
    exponent: fc.oneof(fc.constant(0), fc.integer({ min: -60, max: 60 })),
  })
  .map(({ sign, digits, point, exponent }) => {
    const at = Math.min(point, digits.length);
    const body = at === 0 || at === digits.length ? digits : `${digits.slice(0, at)}.${digits.slice(at)}`;
    return `${sign}${body}${exponent ? `e${exponent}` : ''}`;
  });

/** Both sides of one operation: text, sign of zero, and the value itself. */
function same(exact: ExactValues, i: number, d: GepDecimal, what: string): void {
  expect(exact.text(i), what).toBe(d.toString());
  expect(exact.neg[i] === 1, `${what}: sign of zero`).toBe(d.isZero() && d.isNegative());
  expect(exact.toDecimal(i).eq(d), `${what}: value`).toBe(true);
  expect(Object.is(exact.toNumber(i), d.toNumber()), `${what}: toNumber`).toBe(true);
}

function check(a: string, b: string): void {
  const x = new ExactValues(12);
  x.parse(0, a);
  x.parse(1, b);
  const da = D.fromString(a);
  const db = D.fromString(b);
  same(x, 0, da, `parse ${a}`);
  x.add(2, 0, 1);
  same(x, 2, D.add(da, db), `${a} + ${b}`);
  x.subtract(3, 0, 1);
  same(x, 3, D.subtract(da, db), `${a} − ${b}`);
  x.multiply(4, 0, 1);
  same(x, 4, D.multiply(da, db), `${a} × ${b}`);
  if (!db.isZero()) {
    x.divide(5, 0, 1);
    same(x, 5, D.divide(da, db), `${a} ÷ ${b}`);
  } else expect(() => x.divide(5, 0, 1)).toThrow(/division/);
  x.negate(6, 0);
  same(x, 6, D.negate(da), `−${a}`);
  x.abs(7, 0);
  same(x, 7, D.abs(da), `|${a}|`);
  expect(x.compare(0, 1), `${a} <> ${b}`).toBe(D.compare(da, db));
  x.max(8, 0, 1);
  same(x, 8, D.max(da, db), `max ${a} ${b}`);
  x.min(9, 0, 1);
  same(x, 9, D.min(da, db), `min ${a} ${b}`);
  x.sum(10, Int32Array.from([0, 1, 2]), 0, 3);
  same(x, 10, D.sum([da, db, D.add(da, db)]), `Σ ${a} ${b}`);
}

describe('exact decimals of the plan', () => {
  it("give decimal.js's results for random operands", () => {
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => check(a, b)),
      { numRuns: 3000, seed: 14 },
    );
  });

  it('round an exact half at the 41st digit away from zero, and keep signs of zero', () => {
    const tie = '1000000000000000000000000000000000000000.5'; // 41 digits, the last a 5
    const cases: [string, string][] = [
      [tie, '0'],
      [tie, '1e-60'],
      [tie, '-1e-60'],
      [`-${tie}`, '0'],
      ['0', '-0'],
      ['-0', '-0'],
      ['-0', '0'],
      ['0', '0'],
      ['-0', '5'],
      ['5', '-0'],
      ['1', '3'],
      ['2', '3'],
      ['-2', '3'],
      ['1', '8'],
      ['1e40', '1e-40'],
      ['1e39', '-1e-41'],
      ['9999999999999999999999999999999999999999', '1'],
      ['9999999999999999999999999999999999999999', '0.5'],
      ['123456789012345678901234567890123456789', '10'],
      ['1/3', '2/3'],
      ['44/12', '-7/9'],
      [' 12.5 ', '+0.5'],
      ['100000000000000000000000000000000000000001', '200000000000000000000000000000000000000002'],
      ['3.00000000000000000000000000000000000000015', '1'],
      ['1e-41', '1e-41'],
      ['5e-45', '2'],
    ];
    for (const [a, b] of cases) {
      check(a, b);
      check(b, a);
    }
  });

  it('write text as decimal.js does, plain within 1e−40 … 1e40 and with an exponent beyond', () => {
    const x = new ExactValues(1);
    for (const t of [
      '1e39',
      '9.99e39',
      '1e40',
      '1e-39',
      '1.5e-40',
      '1e-41',
      '-120000',
      '0.000120',
      '-0.0',
      '1234567890123456789012345678901234567890123456',
    ]) {
      x.parse(0, t);
      expect(x.text(0), t).toBe(new GepDecimal(t).toString());
    }
  });
});
