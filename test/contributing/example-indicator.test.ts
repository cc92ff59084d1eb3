/**
 * CONTRIBUTING.md's "Add an indicator" example is test/contributing/example-indicator.ts, word for
 * word (with its imports as seen from src/indicators/regulating/), so the recipe compiles
 * (`npm run typecheck`), is defined by `defineIndicator` (which refuses a field without its Chinese
 * description) and computes on both arithmetics. Issue 16: the recipe had drifted from the API.
 *
 * Hand computation (national-2022 table):
 *   forest      A = 1 km² = 1 000 000 m², P = 1000 mm, α = 0.1 (given), ET = 600 mm
 *               R = 1000 × 0.1 = 100 mm; P − R − ET = 300 mm = 0.3 m; Q = 1 000 000 × 0.3 = 300 000 m³/a
 *   grassland   A = 2 km², P = 400 mm, α = 0.2, ET = 500 mm: R = 80 mm; 400 − 80 − 500 = −180 mm
 *               Q = 2 000 000 × −0.18 = −360 000 m³/a → counted as 0, with a warning
 *   total       Q = 300 000 m³/a; at 5 元/m³: V = 1 500 000 元
 *   storm-runoff variant, forest with storm runoff 150 mm: 1000 − 150 − 600 = 250 mm; Q = 250 000 m³/a
 *   reported    120 000 m³/a as printed, at the table's reservoir cost 7.06 元/m³: V = 847 200 元
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decimalArithmetic } from '../../src/numbers/arithmetic.js';
import * as builtIn from '../../src/indicators/regulating/water-conservation.js';
import { issuesOf, runBoth, runIndicator } from '../helpers/indicator.js';
import * as example from './example-indicator.js';

const EXAMPLE_FILE = 'test/contributing/example-indicator.ts';

/** The ```ts block of CONTRIBUTING.md's "Add an indicator" section. */
function recipeBlock(): string {
  const doc = readFileSync('CONTRIBUTING.md', 'utf8');
  const section = doc.slice(doc.indexOf('## Add an indicator'));
  const m = /```ts\n([\s\S]*?)```/.exec(section.slice(0, section.indexOf('\n## ', 1)));
  if (!m) throw new Error('CONTRIBUTING.md: no ```ts block under "## Add an indicator"');
  return m[1]!;
}

const amount = (value: string, unit: string) => ({ value, unit });
const forest = {
  ecosystemType: 'forest',
  area: amount('1', 'km²'),
  precipitation: amount('1000', 'mm'),
  evapotranspiration: amount('600', 'mm'),
  runoffCoefficient: amount('0.1', '1'),
};
const grassland = {
  ecosystemType: 'grassland',
  area: amount('2', 'km²'),
  precipitation: amount('400', 'mm'),
  evapotranspiration: amount('500', 'mm'),
  runoffCoefficient: amount('0.2', '1'),
};

describe("CONTRIBUTING.md's example indicator", () => {
  it('is the file test/contributing/example-indicator.ts, with imports as from src/indicators/regulating/', () => {
    const file = readFileSync(EXAMPLE_FILE, 'utf8')
      .replaceAll("from '../../src/indicators/", "from '../")
      .replaceAll("from '../../src/", "from '../../");
    expect(recipeBlock()).toBe(file);
  });

  it('computes the hand-worked quantities and value on both arithmetics, a negative balance counted as 0', () => {
    const { decimal, float } = runBoth(example, { ecosystems: [forest, grassland], unitPrice: amount('5', '元/m³') });
    expect(decimal.quantity.lines.map((l) => decimal.A.toString(l.quantity.value))).toEqual(['300000', '0']);
    expect(decimal.A.toString(decimal.quantity.total!.value)).toBe('300000');
    expect(decimal.A.toString(decimal.value.total.value)).toBe('1500000');
    expect(decimal.quantity.warnings.map((w) => [w.code, w.zh])).toEqual([
      ['negative-water-balance', '草地：降水量 − 径流量 − 蒸散量为负（-360000 m³/a），按 0 计'],
    ]);
    expect(float.quantity.lines.map((l) => l.quantity.value)).toEqual([300_000, 0]);
    expect(float.value.total.value).toBe(1_500_000);
  });

  it('takes the storm-runoff variant, and refuses a line without its storm runoff', () => {
    const stormy = { ...forest, stormRunoff: amount('150', 'mm') };
    const { decimal, float } = runBoth(example, { ecosystems: [stormy] }, { variant: { runoff: 'storm-runoff' } });
    expect(decimal.A.toString(decimal.quantity.total!.value)).toBe('250000');
    expect(float.quantity.total!.value).toBe(250_000);
    expect(
      issuesOf(() => runIndicator(example, { ecosystems: [forest] }, decimalArithmetic, { variant: { runoff: 'storm-runoff' } })),
    ).toEqual([
      {
        code: 'input.required',
        path: 'indicators.regulating.water-conservation.ecosystems.0.stormRunoff',
        expected: 'a storm runoff depth (variant storm-runoff)',
        found: undefined,
      },
    ]);
  });

  it('takes reported quantities instead, valued at the table price', () => {
    const { decimal, float } = runBoth(example, { reported: [{ item: 'forest', quantity: amount('120000', 'm³/a') }] });
    expect(decimal.A.toString(decimal.value.total.value)).toBe('847200');
    expect(float.value.total.value).toBeCloseTo(847_200, 6);
  });

  it('gives the numbers of the built-in module it abridges, with table coefficients', () => {
    // Level-2 types, whose runoff coefficients the table has (4.65 % and 19.20 %).
    const fromTable = ({ runoffCoefficient: _, ...e }: typeof forest, type: string) => ({ ...e, ecosystemType: type });
    const input = { ecosystems: [fromTable(forest, 'evergreen-broadleaf-forest'), fromTable(grassland, 'sparse-forest')] };
    const mine = runIndicator(example, input, decimalArithmetic);
    const theirs = runIndicator(builtIn, input, decimalArithmetic);
    const numbers = (r: typeof mine) => [
      r.quantity.lines.map((l) => r.A.toString(l.quantity.value)),
      r.A.toString(r.value.total.value),
      r.coefficients.map((c) => c.id),
    ];
    expect(numbers(mine)).toEqual(numbers(theirs));
  });
});
