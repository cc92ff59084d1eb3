/**
 * Plan/module parity: every indicator of the sample county (both years, every profile) gives the
 * same result through the compiled plan as through `computeGep` — the same JSON, digit for digit,
 * trace and warnings included, on the decimal path; bit for bit on the float path — also for rows
 * whose values flip the modules' clamps and branches (the plan records those branches itself).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GepInputError } from '../../src/errors/errors.js';
import { decimalArithmetic, GepDecimal } from '../../src/numbers/arithmetic.js';
import { listProfiles } from '../../src/profiles/profiles.js';
import { compileGepPlan, type GepPlan } from '../../src/plan/plan.js';
import { Random } from '../../src/uncertainty/random.js';
import { direct, setAt, throughPlan } from './through-plan.js';

const fixtures = {
  '2022': JSON.parse(readFileSync('fixtures/sample-county/input.json', 'utf8')),
  '2021': JSON.parse(readFileSync('fixtures/sample-county/input-2021.json', 'utf8')),
};
/**
 * Inputs like `base` with values moved: each numeric slot is kept, or scaled by a factor that can
 * cross a clamp or a branch (×0, ×0.1, ×0.7, ×1.3, ×3, ×20), fractions and areas by a factor in 0–1.
 */
function variants(plan: GepPlan, base: unknown, count: number, seed: number): unknown[] {
  const random = new Random(seed);
  const factors = ['0', '0.1', '0.7', '1.3', '3', '20'];
  return Array.from({ length: count }, () => {
    const input = structuredClone(base);
    plan.structure.slots.forEach((s) => {
      if (s.kind !== 'number' || s.path[0] !== 'indicators' || random.next() < 0.6) return;
      // Fractions stay within 0–1, and areas may only shrink (an indicator's areas may not exceed the region's).
      const shrink = s.path.includes('area');
      const f = s.rules?.max !== undefined || shrink ? String(random.next().toFixed(3)) : factors[random.below(factors.length)]!;
      setAt(input, s.path, new GepDecimal(s.text).times(f).toString());
    });
    return input;
  });
}

const profiles = listProfiles().map((p) => p.id);

describe('compiled plan', () => {
  for (const [year, input] of Object.entries(fixtures)) {
    for (const profile of profiles) {
      it(`gives computeGep's result for the ${year} sample county under ${profile}, decimal and float`, () => {
        let plan: GepPlan;
        try {
          plan = compileGepPlan(input, { profile });
        } catch (e) {
          // An input the profile refuses is refused alike by the plan (same validation).
          expect(e).toBeInstanceOf(GepInputError);
          expect(direct(input, profile, false)).toMatch(/^issues: /);
          return;
        }
        for (const float of [false, true]) {
          const { results, byPlan } = throughPlan(plan, [input], profile, float);
          expect(byPlan).toBe(1);
          expect(results[0]).toBe(direct(input, profile, float));
        }
      });
    }
  }

  it('follows every branch the modules take when values move across clamps (decimal: same digits; float: same bits)', () => {
    const profile = 'shanxi';
    const plan = compileGepPlan(fixtures['2022'], { profile });
    const inputs = variants(plan, fixtures['2022'], 16, 14);
    for (const float of [false, true]) {
      const { results, byPlan, withExtraWarnings } = throughPlan(plan, inputs, profile, float);
      // Some rows get plausibility warnings of their own (checked per row, outside the tape).
      expect(withExtraWarnings).toBeGreaterThan(0);
      const expected = inputs.map((input) => direct(input, profile, float));
      inputs.forEach((_, i) => expect(results[i], `row ${i}`).toBe(expected[i]));
      // Every row computeGep accepts is the plan's own, except rows with a given price far from the
      // table (that warning is checked per row and sends the row to the direct path); rows it
      // refuses are computed directly for their issues. Moving values made the plan record branches.
      const accepted = expected.filter((r) => !r.startsWith('issues'));
      const planned = accepted.filter((r) => !r.includes('"price-far-from-table"')).length;
      expect(planned).toBeGreaterThan(4);
      expect(byPlan).toBe(planned);
    }
    expect(plan.tapes.length).toBeGreaterThan(1);
  });

  it('agrees between its float and decimal paths within 1e-9 relative on every total', () => {
    const plan = compileGepPlan(fixtures['2022']);
    const inputs = variants(plan, fixtures['2022'], 12, 7);
    const profile = 'shanxi';
    const d = throughPlan(plan, inputs, profile, false).results;
    const f = throughPlan(plan, inputs, profile, true).results;
    inputs.forEach((_, i) => {
      if (d[i]!.startsWith('issues')) return expect(f[i]).toBe(d[i]);
      const dj = JSON.parse(d[i]!);
      const fj = JSON.parse(f[i]!);
      for (const k of ['material', 'regulating', 'cultural', 'gep']) {
        const x = new GepDecimal(dj.totals[k].value);
        const y = new GepDecimal(fj.totals[k].value);
        expect(x.minus(y).abs().lte(x.abs().times('1e-9')), `${k} row ${i}`).toBe(true);
      }
    });
  });

  it('refuses to mix nodes of two recordings (caches keyed by the arithmetic object)', () => {
    const plan = compileGepPlan(fixtures['2022']);
    const before = plan.tapes.length;
    // A second recording of the same row is a separate tape with its own nodes; evaluating the
    // first tape afterwards still gives the direct result.
    plan.record(decimalArithmetic, { slot: (k) => decimalArithmetic.fromString(plan.defaults[k]!) });
    expect(plan.tapes.length).toBe(before + 1);
    const { results } = throughPlan(plan, [fixtures['2022']], 'shanxi', false);
    expect(results[0]).toBe(direct(fixtures['2022'], 'shanxi', false));
  });
});
