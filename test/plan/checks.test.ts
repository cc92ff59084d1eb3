/**
 * The checks `computeGep` makes outside the arithmetic — a given price against the table, a
 * coefficient override against its table row, the plausibility checks (ranges, money below zero, area sums against region.area, rates, negative
 * totals, GEP per person and per km²) — compiled into the plan: for rows that trigger each warning
 * and issue, at and around each bound (where floats cannot decide and decimals must), the plan gives
 * computeGep's result, warnings included, or its issues, on both paths. A row with a price warning
 * is computed directly (the warning sits among the indicator's own); every other row stays on the plan.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeGepBatch, streamGepBatch, type BatchItem } from '../../src/accounts/batch.js';
import { computeGep } from '../../src/accounts/gep.js';
import { decimalArithmetic, floatArithmetic, GepDecimal, type Arithmetic } from '../../src/numbers/arithmetic.js';
import { conversionRatio } from '../../src/units/units.js';
import { compileGepPlan, computeWithPlan, type GepPlan } from '../../src/plan/plan.js';
import { direct, json, setAt, throughPlan } from './through-plan.js';

const sample = JSON.parse(readFileSync('fixtures/sample-county/input.json', 'utf8'));
const PROFILE = 'shanxi';

type Input = Record<string, unknown> & { region: Record<string, unknown>; indicators: Record<string, any>; economy?: any };
const clone = (x: unknown = sample): Input => structuredClone(x) as Input;
const D = (x: string | number) => new GepDecimal(x);

/** Every row through the plan equals computeGep's result on both paths; returns what went through the plan. */
function expectParity(plan: GepPlan, inputs: readonly unknown[], profile = PROFILE): { onPlan: Set<number>; results: string[] } {
  let last: { onPlan: Set<number>; results: string[] } | undefined;
  for (const float of [false, true]) {
    const { results, onPlan } = throughPlan(plan, inputs, profile, float);
    inputs.forEach((input, i) => expect(results[i], `row ${i} (${float ? 'float' : 'decimal'})`).toBe(direct(input, profile, float)));
    if (last) expect([...onPlan].sort(), 'the same rows on the plan on both paths').toEqual([...last.onPlan].sort());
    last = { onPlan, results };
  }
  return last!;
}

/** A row of `base` with slot `k` set to `value`. */
function withSlot(plan: GepPlan, base: unknown, k: number, value: string): Input {
  const input = clone(base);
  setAt(input, plan.structure.slots[k]!.path, value);
  return input;
}

describe('checks compiled into the plan', () => {
  const plan = compileGepPlan(sample, { profile: PROFILE });
  const checks = plan.tapes[0]!.checks;

  it('decides each range check as computeGep does, at its bounds, just beyond them and far beyond', () => {
    const seen = new Set<string>();
    const inputs: Input[] = [];
    for (const ind of checks.plausibility.indicators) {
      for (const r of ind.ranges) {
        const key = `${r.indicator} ${r.field} ${r.unit}`;
        if (seen.has(key) || r.value < 0) continue;
        seen.add(key);
        // The bound in the input's unit: bound × (to → from), exact for the decimal ratios of units.
        const ratio = conversionRatio(r.to, r.from);
        const inUnit = (b: string) => D(b).times(ratio.n.toString()).dividedBy(ratio.d.toString());
        const max = inUnit(r.range.max);
        const min = inUnit(r.range.min);
        for (const v of [
          max, // at the bound: inside
          max.times('1.000000000001'), // beyond by 1e-12: a float decides
          max.plus(max.times('1e-25')), // beyond by 1e-25: only decimals see it
          max.times(10),
          min.isZero() ? D('-1e-30') : min.times('0.999999999999'),
          min,
        ])
          inputs.push(withSlot(plan, sample, r.value, v.toString()));
      }
    }
    expect(seen.size).toBeGreaterThan(10);
    const { onPlan, results } = expectParity(plan, inputs);
    // Rows outside a range got their warning on the plan (or were refused, as computeGep refuses them, by a schema bound).
    const warned = results.filter((r) => r.includes('"implausible-value"')).length;
    expect(warned).toBeGreaterThan(seen.size);
    expect(onPlan.size).toBeGreaterThan(inputs.length / 2);
  });

  it("refuses money below zero with computeGep's located issue, or leaves it to the schema as computeGep does", () => {
    const money = checks.plausibility.indicators.flatMap((i) => i.money).filter((m) => m.value >= 0);
    expect(money.length).toBeGreaterThan(10);
    const inputs = money.flatMap((m) => [
      withSlot(plan, sample, m.value, '-0.01'),
      withSlot(plan, sample, m.value, '-0'),
      withSlot(plan, sample, m.value, '0'),
    ]);
    expectParity(plan, inputs);
  });

  it('checks the ecosystem areas of each indicator against region.area at the 5 % tolerance, with the unit-slip hint', () => {
    const regionSlot = plan.inputSlot(['region', 'area', 'value'])!;
    // The largest area sum of an indicator in km² (each indicator has its own sum).
    let largest = D(0);
    for (const ind of checks.plausibility.indicators) {
      if (!ind.areas) continue;
      let s = D(0);
      for (const t of ind.areas) {
        const r = conversionRatio(t.unit, 'km²');
        s = s.plus(D(plan.defaults[t.value]!).times(r.n.toString()).dividedBy(r.d.toString()));
      }
      if (s.gt(largest)) largest = s;
    }
    // At region = sum / 1.05 the sum is at the bound; a hair smaller region and it exceeds.
    const atBound = largest.dividedBy('1.05');
    const regions = [
      atBound,
      atBound.times('0.999999999999'),
      atBound.times('1.000000000001'),
      atBound.minus('1e-30'),
      largest.dividedBy(100),
      largest.dividedBy(15),
      largest.times(1000),
    ];
    const inputs = regions.map((r) => withSlot(plan, sample, regionSlot, r.toString()));
    const { onPlan, results } = expectParity(plan, inputs);
    expect(results.filter((r) => r.includes('input.area-exceeds-region')).length).toBeGreaterThanOrEqual(3);
    expect(results.some((r) => r.includes('hectares (hm²) given as km²'))).toBe(true);
    // GEP per km² far below published accounts (a region 1 000 times too large).
    expect(results.at(-1)).toContain('"implausible-ratio"');
    // The refused rows were refused on the plan, with computeGep's located issues.
    expect(onPlan.size).toBe(inputs.length);
  });

  it('refuses a region.area of zero as computeGep does, located at region.area.value (found by test/fuzz/account-checks.test.ts)', () => {
    // The envelope refuses an area of 0 (input.out-of-range, "an area > 0"). The plan read only the
    // sign rule of the km² amount (≥ 0) and took the row: the sums of 420 + 380 + … km² were then
    // "∞ × the region's area" (input.area-exceeds-region), and a structure without ecosystem areas
    // was accounted with a region of 0 km², where computeGep refuses it.
    const regionSlot = plan.inputSlot(['region', 'area', 'value'])!;
    const inputs = ['0', '0.0', '-0', '0e5'].map((v) => withSlot(plan, sample, regionSlot, v));
    const { results } = expectParity(plan, inputs);
    for (const r of results) expect(r).toContain('region.area.value: expected an area > 0, found');
    const material = clone({ ...sample, indicators: { 'material.agriculture': sample.indicators['material.agriculture'] } });
    const p = compileGepPlan(material, { profile: PROFILE });
    expectParity(p, [withSlot(p, material, p.inputSlot(['region', 'area', 'value'])!, '0')]);
  });

  it('warns that region.area is missing for a structure without it', () => {
    const without = clone();
    delete without.region.area;
    const p = compileGepPlan(without, { profile: PROFILE });
    const rows = [without, clone(without), clone(without)];
    rows[1]!.indicators['regulating.water-conservation'].ecosystems[0].area.value = '9999999';
    const { onPlan, results } = expectParity(p, rows);
    expect(results.every((r) => r.includes('"region-area-missing"'))).toBe(true);
    expect(onPlan.size).toBe(3);
  });

  it("checks each indicator's quantity per hectare of its areas, zero areas included", () => {
    const soil = clone();
    for (const e of soil.indicators['regulating.soil-retention'].ecosystems)
      e.soilErodibility.value = D(e.soilErodibility.value).times(10).toString();
    const zero = clone();
    for (const e of zero.indicators['regulating.soil-retention'].ecosystems) e.area.value = '0';
    const sand = clone();
    for (const e of sand.indicators['regulating.sand-fixation'].ecosystems ?? [])
      if (e.area) e.area.value = D(e.area.value).times('0.0001').toString();
    const { results } = expectParity(plan, [soil, zero, sand]);
    expect(results[0]).toContain('"implausible-rate"');
  });

  it("checks GEP per person with each row's own population, also when a row has none", () => {
    const rows = ['0.0302', '302', '30.2', '3020000'].map((v) => {
      const input = clone();
      input.economy.population.value = v;
      return input;
    });
    const none = clone();
    delete none.economy.population;
    const { onPlan, results } = expectParity(plan, [...rows, none]);
    expect(results[0]).toContain('GEP per person');
    expect(onPlan.size).toBe(5);
  });

  it('refuses economy and GEEP figures the schema refuses (below zero, a population of zero), as computeGep does', () => {
    const edits: ((x: Input) => void)[] = [
      (x) => {
        x.economy.gdp.value = '-168.5';
      },
      (x) => {
        x.economy.realisedValue[1].value.value = '-1';
      },
      (x) => {
        x.economy.population.value = '0';
      },
      (x) => {
        (x as any).geep.pollutionLoss[0].value.value = '-16500';
      },
      (x) => {
        x.economy.gdp.value = '-0';
      },
    ];
    const rows = edits.map((edit) => {
      const input = clone();
      edit(input);
      return input;
    });
    const { results } = expectParity(plan, rows);
    expect(results.map((r) => r.startsWith('issues'))).toEqual([true, true, true, true, false]);
  });

  it('refuses a negative GEP from products outside the region, unless the input declares it, then lists the negatives', () => {
    const profile = 'gbt-46869-2025';
    const outside = (value: string, declared: boolean): Input => ({
      ...clone(),
      outsideRegion: [{ item: 'water from upstream', value: { value, unit: '亿元' }, method: 'test' }],
      ...(declared ? { allowNegativeTotals: { reason: 'net importer of water: test' } } : {}),
    });
    for (const declared of [false, true]) {
      const rows = ['9900', '1', '0', '9900.5'].map((v) => outside(v, declared));
      const p = compileGepPlan(rows[1], { profile });
      const { onPlan, results } = expectParity(p, rows, profile);
      expect(results[0]).toContain(declared ? 'negative here: gep -' : 'account.negative-total');
      expect(onPlan.size).toBe(rows.length);
    }
  });

  it('warns about a given price far from the table (computed directly), at exactly 10 and 1/10 times the table value and beyond', () => {
    // water-tariff.domestic is 2.6 元/m³: 26 is 10 × (no warning), 26.0000000001 is beyond.
    const tariffs = ['35', '26', '26.0000000001', '26.00000000000000000000001', '0.26', '0.2599999999', '0.2', '3.5'];
    const rows = tariffs.map((t) => {
      const input = clone();
      input.indicators['material.water-supply'].uses[0].tariff.value = t;
      return input;
    });
    const { onPlan, results } = expectParity(plan, rows);
    const far = results.map((r) => r.includes('"price-far-from-table"'));
    expect(far).toEqual([true, false, true, true, false, true, true, false]);
    // Rows without the warning stay on the plan.
    far.forEach((f, i) => expect(onPlan.has(i), `row ${i}`).toBe(!f));
  });

  it("compares a given price with the row's own override of the coefficient, not the plan's", () => {
    // The plan is made from a unit whose override is 2.6 元/m³ (3.5 is 1.35 ×); the second unit
    // overrides it with 0.3 元/m³, so its given 3.5 元/m³ is 11.7 × the coefficient it replaces.
    const override = (value: string): Input => ({
      ...clone(),
      coefficientOverrides: [{ id: 'water-tariff.domestic', value, unit: '元/m³', reason: 'county survey' }],
    });
    const p = compileGepPlan(override('2.6'), { profile: PROFILE });
    const rows = [override('2.6'), override('0.3'), override('0.35'), override('35.1')];
    const { results } = expectParity(p, rows);
    expect(results.map((r) => r.includes('"price-far-from-table"'))).toEqual([false, true, false, true]);
  });

  it('warns about a coefficient override far from its table value on the plan, as computeGep does, from any plan (issue 13)', () => {
    // reservoir-storage-cost is 7.06 元/m³: 70.6 is 10 × (no warning), 70.6000000001 beyond; 0.706 is
    // 1/10 × (none), 0.7059999999 beyond; 706 is 100 ×. The rows stay on the plan (the warning comes
    // before the plausibility warnings, as the plan adds them), whichever row the plan was made from.
    const override = (value: string): Input => ({
      ...clone(),
      coefficientOverrides: [{ id: 'reservoir-storage-cost', value, unit: '元/m³', priceYear: 2022, reason: 'county survey' }],
    });
    const values = ['7.06', '706', '70.6', '70.6000000001', '70.60000000000000000000001', '0.706', '0.7059999999', '9.1'];
    const rows = values.map(override);
    for (const from of ['7.06', '706']) {
      const p = compileGepPlan(override(from), { profile: PROFILE });
      const { onPlan, results } = expectParity(p, rows);
      expect(results.map((r) => r.includes('"override-far-from-table"'))).toEqual([false, true, false, true, true, false, true, false]);
      expect(onPlan.size, `plan made from ${from}`).toBe(rows.length);
    }
    // An override in the options, the same for every row of the plan: plan and direct agree.
    const options = { profile: PROFILE, overrides: [{ id: 'reservoir-storage-cost', value: '706', unit: '元/m³', reason: 'test' }] };
    const p = compileGepPlan(clone(), options);
    for (const A of [decimalArithmetic, floatArithmetic] as Arithmetic<unknown>[]) {
      const planned = json(computeWithPlan(p, clone(), A));
      expect(planned).toBe(json(computeGep(clone() as unknown, { ...options, arithmetic: A })));
      expect(planned).toContain('"override-far-from-table"');
    }
  });

  it("reports a unit refused by a check on the plan with computeGep's issues, located in its file", () => {
    const units = [0, 1, 2].map((i) => {
      const input = clone();
      input.region = { ...input.region, name: `unit ${i}`, code: `14010${i + 1}` };
      return { id: `u${i}`, file: `u${i}.json`, input };
    });
    // The third unit's water-conservation areas are in hectares typed as km².
    for (const e of units[2]!.input.indicators['regulating.water-conservation'].ecosystems)
      e.area.value = D(e.area.value).times(100).toString();
    const strip = (items: readonly BatchItem<unknown>[]) => items.map((i) => (i.ok ? { id: i.id, summary: i.summary } : i));
    const reference = computeGepBatch(units, { plan: false });
    const report = streamGepBatch(units, { form: 'none' });
    expect(strip(report.items)).toEqual(strip(reference.items));
    const refused = report.items[2]!;
    expect(!refused.ok && refused.issues.map((i) => [i.code, i.location?.file])).toEqual([['input.area-exceeds-region', 'u2.json']]);
    // The second and third units are on the plan compiled when the second arrived.
    expect(report.onPlans).toBe(2);
  });
});
