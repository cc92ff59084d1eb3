/**
 * The core under generated input (test/fuzz/generators.ts): computeGep over every implemented
 * indicator, every profile and randomly chosen method variants, on both arithmetics.
 *
 * - Robustness: the only failure is a `GepInputError` with catalogued issues; no NaN or Infinity.
 * - Accounting laws, beyond those of test/accounts/gep.test.ts (which covers GEP = Σ for material
 *   products and linearity for one agricultural product): GEP = M + R + C − outside = Σ indicators
 *   for generated inputs of all indicators; every indicator's value is linear in price when every
 *   money amount, of the input and of the coefficient table, is scaled by k; and the decimal and
 *   float paths agree within a stated tolerance.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { gepResultToJson, type GepResultJson } from '../../src/accounts/serialize.js';
import { getCoefficientTable } from '../../src/coefficients/tables.js';
import { GepInputError } from '../../src/errors/errors.js';
import { decimalArithmetic, floatArithmetic, isDecimalText } from '../../src/numbers/arithmetic.js';
import type { Profile } from '../../src/profiles/profiles.js';
import { inputArb, optionsArb, profileArb, validInputArb } from './generators.js';
import { expectFinite, LONG_RUN, onlyInputErrors, params, tally, timeout } from './support.js';

/** Exact enough to check sums of 40-digit values without rounding of its own. */
const Exact = Decimal.clone({ precision: 200 });

/** A result, or null when the input was refused (the laws are about accepted inputs). */
function account(input: unknown, options: object) {
  try {
    return gepResultToJson(computeGep(input, options as never));
  } catch (e) {
    if (e instanceof GepInputError) return null;
    throw e;
  }
}

/** |a − b| ≤ rel × scale + abs */
function close(a: string, b: string, rel: string, scale: Decimal, abs = '0'): boolean {
  return new Exact(a).minus(b).abs().lte(scale.times(rel).plus(abs));
}

/** The identities of one result; decimal results to 40 significant digits, float ones to 1e-9. */
function expectIdentities(r: GepResultJson) {
  const rel = r.arithmetic === 'decimal' ? '1e-38' : '1e-9';
  const t = r.totals;
  const indicators = r.indicators.map((i) => new Exact(i.value.total.value));
  const scale = indicators.reduce((s, v) => s.plus(v.abs()), new Exact(t.outsideRegion.value).abs()).plus(1);
  const sumIndicators = indicators.reduce((s, v) => s.plus(v), new Exact(0)).minus(t.outsideRegion.value);
  const sumCategories = new Exact(t.material.value).plus(t.regulating.value).plus(t.cultural.value).minus(t.outsideRegion.value);
  expect(close(t.gep.value, sumCategories.toString(), rel, scale), `GEP ${t.gep.value} = M + R + C − outside ${sumCategories}`).toBe(true);
  expect(close(t.gep.value, sumIndicators.toString(), rel, scale), `GEP ${t.gep.value} = Σ indicators ${sumIndicators}`).toBe(true);
  for (const c of ['material', 'regulating', 'cultural'] as const) {
    const inCategory = r.indicators.filter((i) => i.category === c).reduce((s, i) => s.plus(i.value.total.value), new Exact(0));
    expect(close(t[c].value, inCategory.toString(), rel, scale), `${c} = Σ its indicators`).toBe(true);
  }
  for (const i of r.indicators) {
    const lines = i.value.lines.reduce((s, l) => s.plus(l.value.value), new Exact(0));
    const lineScale = i.value.lines.reduce((s, l) => s.plus(new Exact(l.value.value).abs()), new Exact(1));
    expect(close(i.value.total.value, lines.toString(), rel, lineScale), `${i.id}: total ${i.value.total.value} = Σ lines ${lines}`).toBe(
      true,
    );
  }
}

describe('computeGep under generated input', () => {
  it(
    'fails only with catalogued input errors, and never returns NaN or Infinity',
    () => {
      fc.assert(
        fc.property(inputArb, optionsArb, (input, options) => {
          const result = onlyInputErrors('core: generated inputs', () => computeGep(input, options as never));
          if (result) expectFinite(gepResultToJson(result));
        }),
        params(150, 0.2),
      );
    },
    timeout(150, 0.2, 10),
  );

  it(
    'refuses or computes valid input with one extreme number (1e400, 1e-400, 400 digits, 1e9999, 1e99999) on both paths, never overflowing (property)',
    () => {
      const extreme = fc.constantFrom(
        '1e400',
        '1e-400',
        '1e308',
        '2e308',
        '5e-324',
        '9'.repeat(400),
        `0.${'0'.repeat(400)}1`,
        '1e9999',
        '-1e9999',
        '1e-9999',
        '1e99999',
        '1e999999999',
        '0',
      );
      fc.assert(
        fc.property(validInputArb, fc.nat(), extreme, optionsArb, (input, at, value, options) => {
          const result = onlyInputErrors('core: extreme numbers', () => computeGep(replaceNumber(input, at, value), options as never));
          if (result) expectFinite(gepResultToJson(result));
        }),
        params(60, 0.07),
      );
    },
    timeout(60, 0.07, 10),
  );

  it(
    'holds GEP = M + R + C − outside = Σ indicators, and each total = Σ its lines, for all indicators (property)',
    () => {
      fc.assert(
        fc.property(validInputArb, optionsArb, (input, options) => {
          const r = onlyInputErrors('core: identities', () => gepResultToJson(computeGep(input, options as never)));
          if (r) expectIdentities(r);
        }),
        params(60, 0.08),
      );
    },
    timeout(60, 0.08, 10),
  );

  it(
    'gives the same account on the decimal and the float path within 1e-9 of the magnitudes summed (property)',
    () => {
      fc.assert(
        fc.property(validInputArb, profileArb, (input, profile) => {
          const d = account(input, { profile });
          if (!d) return;
          const f = onlyInputErrors('core: decimal vs float', () =>
            gepResultToJson(computeGep(input, { profile, arithmetic: floatArithmetic })),
          );
          if (!f) return;
          expect(f.indicators.map((i) => i.id)).toEqual(d.indicators.map((i) => i.id));
          d.indicators.forEach((di, n) => {
            const fi = f.indicators[n]!;
            // Tolerance: 1e-9 of the sum of the magnitudes of the lines (a difference of large terms
            // can be small), and 1e-6 元 absolute.
            const scale = di.value.lines.reduce((s, l) => s.plus(new Exact(l.value.value).abs()), new Exact(di.value.total.value).abs());
            expect(
              close(fi.value.total.value, di.value.total.value, '1e-9', scale, '1e-6'),
              `${di.id}: float ${fi.value.total.value} vs decimal ${di.value.total.value}`,
            ).toBe(true);
          });
        }),
        params(40, 0.05),
      );
    },
    timeout(40, 0.05, 15),
  );

  it(
    'is linear in price: scaling every money amount of the input and the table by k scales every value by k (property)',
    () => {
      const k = fc.constantFrom('2', '3', '0.5', '10', '1.25', '7');
      fc.assert(
        fc.property(validInputArb, profileArb, k, (input, profile, factor) => {
          const base = account(input, { profile });
          if (!base) return;
          const scaled = account(scaleMoney(input, factor), { profile, overrides: scaledTable(profile, factor) });
          expect(scaled, 'the scaled input is accepted too').not.toBeNull();
          base.indicators.forEach((b, n) => {
            const s = scaled!.indicators[n]!;
            const expected = new Exact(b.value.total.value).times(factor);
            expect(
              close(s.value.total.value, expected.toString(), '1e-35', expected.abs().plus(1)),
              `${b.id}: ${s.value.total.value} = ${factor} × ${b.value.total.value}`,
            ).toBe(true);
          });
        }),
        params(40, 0.05),
      );
    },
    timeout(40, 0.05, 15),
  );
});

/** The input with its `at`-th (modulo their count) `{ value, unit }` value replaced. */
function replaceNumber(input: unknown, at: number, value: string): unknown {
  const copy = structuredClone(input);
  const found: Record<string, unknown>[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.value === 'string' && typeof o.unit === 'string') found.push(o);
      Object.values(o).forEach(walk);
    }
  };
  walk(copy);
  if (found.length) found[at % found.length]!.value = value;
  return copy;
}

const isMoney = (unit: string) => unit.includes('元');

/** Every `{ value, unit }` in 元 (元, 万元, 元/t, 元/(km·a) …) of the input, times k. */
function scaleMoney(value: unknown, k: string): unknown {
  if (Array.isArray(value)) return value.map((v) => scaleMoney(v, k));
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  const out = Object.fromEntries(Object.entries(o).map(([key, v]) => [key, scaleMoney(v, k)]));
  if (typeof o.value === 'string' && typeof o.unit === 'string' && isMoney(o.unit) && isDecimalText(o.value)) {
    out.value = decimalArithmetic.fromString(o.value).times(k).toString();
  }
  return out;
}

/** Overrides that put every money coefficient of the profile's table at k times its value. */
function scaledTable(profile: Profile, k: string) {
  return getCoefficientTable(profile.coefficientTable)
    .rows.filter((row) => isMoney(row.unit))
    .map((row) => ({
      id: row.id,
      value: decimalArithmetic.fromString(row.value).times(k).toString(),
      unit: row.unit,
      priceYear: row.priceYear,
      reason: `× ${k} (linearity test)`,
    }));
}

afterAll(() => {
  if (LONG_RUN) console.log(`[fuzz] core: ${JSON.stringify(Object.fromEntries([...tally].filter(([n]) => n.startsWith('core'))))}`);
});
