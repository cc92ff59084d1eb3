/**
 * Shared pieces of the fuzz and property tests: the run budget, the "only typed input errors"
 * oracle, the "no NaN, no Infinity" walk of a result, and generators of hostile values.
 *
 * Budget: each property states a small default number of runs for `npm test`; with
 * `FUZZ_RUNS=N` the properties share N runs by the weight each one states (the weights of
 * test/fuzz add up to 1). `npm run test:fuzz` runs 100 000 when FUZZ_RUNS is not set.
 * `FUZZ_SEED` fixes the seed; fast-check prints the seed and path of any counterexample.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { expect } from 'vitest';
import { GepInputError } from '../../src/errors/errors.js';
import { MESSAGES } from '../../src/errors/messages.js';
import { decimalArithmetic, isDecimalText } from '../../src/numbers/arithmetic.js';

/** `FUZZ_RUNS`, or 100 000 under `npm run test:fuzz` when it is not set. */
const TOTAL = Number(process.env.FUZZ_RUNS ?? (process.env.npm_lifecycle_event === 'test:fuzz' ? 100_000 : 0));

/** Issue codes whose message quotes a parser's own error text. */
const PARSER_CODES = new Set(['input.xlsx-unreadable', 'input.csv-syntax', 'input.json-syntax']);

/** Runs of one property: `quick` in `npm test`, `share × FUZZ_RUNS` in the long run. */
export function runs(quick: number, share: number): number {
  return TOTAL > 0 ? Math.max(quick, Math.round(TOTAL * share)) : quick;
}

/** True in the long run (`FUZZ_RUNS` set). */
export const LONG_RUN = TOTAL > 0;

/** fast-check parameters: the budget, the seed when given, no time-outs (each case is bounded). */
export function params(quick: number, share: number): fc.Parameters<unknown> {
  const seed = process.env.FUZZ_SEED;
  return { numRuns: runs(quick, share), ...(seed ? { seed: Number(seed) } : {}) };
}

/** A Vitest time-out for a property, generous enough for the long run on a slow machine. */
export function timeout(quick: number, share: number, msPerRun: number): number {
  return 30_000 + runs(quick, share) * msPerRun;
}

/** Counts of what the properties saw, printed by the long run. */
export const tally = new Map<string, { ok: number; refused: number }>();

function count(name: string, ok: boolean) {
  const t = tally.get(name) ?? { ok: 0, refused: 0 };
  if (ok) t.ok++;
  else t.refused++;
  tally.set(name, t);
}

/**
 * Run `fn`; it may return or throw a `GepInputError` whose issues are all catalogued and, when
 * `file` is given, located in that file. Anything else thrown fails the property. Returns the
 * value, or `null` when the input was refused.
 */
export function onlyInputErrors<R>(name: string, fn: () => R, file?: string): R | null {
  try {
    const value = fn();
    count(name, true);
    return value;
  } catch (e) {
    if (!(e instanceof GepInputError)) throw e;
    expect(e.issues.length).toBeGreaterThan(0);
    for (const issue of e.issues) {
      expect(Object.hasOwn(MESSAGES, issue.code), issue.code).toBe(true);
      expect(Array.isArray(issue.path)).toBe(true);
      expect(issue.message.length).toBeGreaterThan(0);
      // A parser's own words are quoted as they are (SheetJS: "Unknown Namespace: undefined"); ours never say undefined.
      // "function (" would be a stringified function; "a transcendental function of 710.2" is a message.
      if (!PARSER_CODES.has(issue.code)) expect(issue.message).not.toMatch(/\bundefined\b|\[object Object\]|\[object |function\s*\w*\s*\(/);
      if (file !== undefined) expect(issue.location?.file, `${issue.code}: ${issue.message}`).toBe(file);
    }
    count(name, false);
    return null;
  }
}

/** Decimal text of any exponent (results may leave the range the input accepts). */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

const BAD_TEXT = /\bNaN\b|\bInfinity\b|\bundefined\b|\[object Object\]/;

/**
 * Walk a result's JSON: every number finite; every `value` beside a `unit` a finite decimal
 * string; no text says NaN, Infinity, undefined or [object Object].
 */
export function expectFinite(json: unknown, path = '$'): void {
  const stack: { v: unknown; p: string }[] = [{ v: json, p: path }];
  while (stack.length) {
    const { v, p } = stack.pop()!;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Error(`${p}: the number ${v}`);
    } else if (typeof v === 'string') {
      if (BAD_TEXT.test(v)) throw new Error(`${p}: the text ${JSON.stringify(v.slice(0, 200))}`);
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => stack.push({ v: x, p: `${p}[${i}]` }));
    } else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.value === 'string' && typeof o.unit === 'string') {
        const text = o.value.trim();
        const finite = DECIMAL.test(text)
          ? new Decimal(text).isFinite()
          : isDecimalText(text) && decimalArithmetic.fromString(text).isFinite();
        if (!finite) throw new Error(`${p}.value: not a finite decimal: ${o.value}`);
      }
      for (const [k, x] of Object.entries(o)) stack.push({ v: x, p: `${p}.${k}` });
    }
  }
}

/** Text that must not break anything: empty, blank, control characters, hostile keys, formulas, very long. */
export const hostileText = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\t',
    '\u0000',
    '\ufeff',
    '\u3000',
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    '=1+1',
    '+cmd',
    '@SUM(A1)',
    '-1',
    "'x",
    '"',
    '""',
    ',',
    ';',
    '\r\n',
    '\n',
    '\\',
    '{}',
    '[]',
    'null',
    'true',
    '%',
    '∞',
    '１２３',
    '１，２３４．５',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);

/** Decimal text an importer or the core must accept or refuse cleanly. */
export const hostileNumber = fc.oneof(
  fc.constantFrom(
    'NaN',
    'Infinity',
    '-Infinity',
    '1e999999999',
    '-1e999999999',
    '1e-999999999',
    '1e400',
    '1e-400',
    '1e308',
    '9'.repeat(400),
    `0.${'0'.repeat(400)}1`,
    '0x10',
    '1_000',
    '1,0',
    '1.2.3',
    '',
    ' ',
    '-0',
    '+0',
    '.5',
    '5.',
    '1/0',
    '0/0',
    '1/3',
    '44/12',
    '1e',
    'e1',
    '--1',
    '1e+',
    '١٢٣',
  ),
  fc.double().map(String),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
);

/** A plain non-negative decimal of moderate size, with up to 6 decimals: "0", "12.5", "183000". */
export const plainDecimal = fc
  .tuple(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 6 }))
  .map(([n, s]) => (s ? `${Math.floor(n / 10 ** s)}.${String(n % 10 ** s).padStart(s, '0')}` : String(n)));
