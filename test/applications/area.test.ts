import { describe, expect, it } from 'vitest';
import { computeAreaAccount as computeArea, areaSchema, type AreaInput } from '../../src/applications/area.js';
import { parseInput } from '../../src/applications/common.js';
import { GepInputError } from '../../src/errors/errors.js';
import { computeGep } from '../../src/accounts/gep.js';
import { inputOf } from './accounts.js';

/** The account of `inputOf(options)`, with its input beside it (the extent check reads the input's areas). */
const accountOf = (options: Parameters<typeof inputOf>[0]) => {
  const input = inputOf(options);
  return Object.assign(computeGep(input), { input });
};
/** computeAreaAccount on an account made by `accountOf` (its own input). */
const computeAreaAccount = (a: AreaInput, acc: ReturnType<typeof accountOf>) => computeArea(a, acc, acc.input);

const area = (extent: [string, string][], extra: Partial<AreaInput> = {}): AreaInput =>
  parseInput(areaSchema, {
    name: 'Test area',
    kind: 'park',
    boundary: { description: 'the park’s gazetted boundary' },
    // '200 hm²' is read in hm², a bare number in km²
    // no rows: no extent (derived from the account's inputs)
    ...(extent.length
      ? {
          extent: extent.map(([ecosystemType, a]) => ({
            ecosystemType,
            area: a.endsWith(' hm²') ? { value: a.slice(0, -4), unit: 'hm²' } : { value: a, unit: 'km²' },
          })),
        }
      : {}),
    ...extra,
  });
// walnuts 10 t × 20 000 元/t = 200 000 元 (forest); sea-buckthorn 5 t × 6 000 元/t = 30 000 元 (shrub)
const products = [
  { item: 'walnuts', t: '10', price: '20000', type: 'deciduous-broadleaf-forest' },
  { item: 'sea-buckthorn', t: '5', price: '6000', type: 'deciduous-broadleaf-shrub' },
];
const extent: [string, string][] = [
  ['deciduous-broadleaf-forest', '2'],
  ['deciduous-broadleaf-shrub', '0.5'],
  ['temperate-tussock', '1.5'],
];

describe('computeAreaAccount (特定地域单元)', () => {
  it('divides GEP by the area of its extent and each ecosystem type’s value by that type’s area', () => {
    // A = 2 + 0.5 + 1.5 = 4 km²; GEP = 230 000 元 → 57 500 元/km²
    // forest 200 000 / 2 = 100 000; shrubland 30 000 / 0.5 = 60 000; grassland 0 / 1.5 = 0 元/km²
    const a = computeAreaAccount(area(extent), accountOf({ year: 2022, forestry: products, area: '4' }));
    expect(a.extent.total.toString()).toBe('4');
    expect(a.extent.rows.map((r) => [r.level1, r.share.toString()])).toEqual([
      ['forest', '0.5'],
      ['shrubland', '0.125'],
      ['grassland', '0.375'],
    ]);
    expect([a.totals.gep.toString(), a.perKm2.gep.toString(), a.perKm2.material.toString()]).toEqual(['230000', '57500', '57500']);
    expect(a.byEcosystemType.map((t) => [t.ecosystemType, t.value.toString(), t.valuePerKm2?.toString()])).toEqual([
      ['forest', '200000', '100000'],
      ['shrubland', '30000', '60000'],
      ['grassland', '0', '0'],
    ]);
    expect(a.untyped.toString()).toBe('0');
    expect(a.ratios.ratios.find((r) => r.id === 'gep-per-area')!.value.toString()).toBe('57500');
    expect(a.trace.methods.some((m) => m.standing === 'not-a-standard')).toBe(true);
    expect(a.warnings.some((w) => /GDP|population/.test(w.message))).toBe(false);
  });

  it('reads the extent in any area unit and needs no region.area', () => {
    // 200 hm² = 2 km²; + 2 km² = 4 km²; forest share 0.5
    const a = computeAreaAccount(
      area([
        ['deciduous-broadleaf-forest', '200 hm²'],
        ['deciduous-broadleaf-shrub', '2'],
      ]),
      accountOf({ year: 2022, forestry: products }),
    );
    expect([a.extent.total.toString(), a.extent.rows[0]!.area.toString(), a.extent.rows[0]!.share.toString()]).toEqual(['4', '2', '0.5']);
  });

  it('refuses an administrative level, a GB/T 2260 code, and a region.area that is not the sum of the extent, all at once', () => {
    const acc = accountOf({ year: 2022, level: 'county', code: '140100', forestry: products, area: '5' });
    try {
      computeAreaAccount(area(extent), acc);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GepInputError);
      const issues = (e as GepInputError).issues;
      expect(issues.map((i) => [i.code, i.path.join('.')])).toEqual([
        ['input.out-of-range', 'account.region.level'],
        ['input.region-code', 'account.region.code'],
        ['input.out-of-range', 'account.region.area'],
      ]);
      expect(issues[2]!.expected).toBe('the sum of area.extent, 4 km²');
    }
  });

  it('refuses an ecosystem type listed twice and an extent of 0 km²', () => {
    expect(() =>
      computeAreaAccount(
        area([
          ['temperate-tussock', '1'],
          ['temperate-tussock', '2'],
        ]),
        accountOf({ year: 2022, forestry: products }),
      ),
    ).toThrow(/duplicate entry "temperate-tussock"/);
    expect(() => computeAreaAccount(area([['temperate-tussock', '0']]), accountOf({ year: 2022, forestry: products }))).toThrow(
      /more than 0/,
    );
  });

  it('warns when the account values an ecosystem type the extent does not have', () => {
    const a = computeAreaAccount(area([['deciduous-broadleaf-forest', '2']]), accountOf({ year: 2022, forestry: products }));
    expect(a.warnings.map((w) => w.code)).toContain('area-type-not-in-extent');
    expect(a.byEcosystemType.find((t) => t.ecosystemType === 'shrubland')!.valuePerKm2).toBeNull();
  });

  it('rejects an unknown ecosystem type and a malformed code in the area file with located issues', () => {
    expect(() => area([['jungle', '1']])).toThrow(/extent\[0\]\.ecosystemType/);
    expect(() => area(extent, { within: [{ code: '14', name: 'x' }] })).toThrow(/within\[0\]\.code/);
  });
});

describe('the extent and the areas of the account’s own inputs', () => {
  // The inputs give deciduous broadleaf forest 3 km² and temperate tussock 6 km² (a water-conservation
  // block whose value is 0: P = ET); the walnuts (200 000 元) are forest.
  const walnuts = [products[0]!];
  const inputs = (areas: [string, string][], extra: Partial<Parameters<typeof inputOf>[0]> = {}) =>
    accountOf({ year: 2022, forestry: walnuts, areas, ...extra });
  const forest3grass6: [string, string][] = [
    ['deciduous-broadleaf-forest', '3'],
    ['temperate-tussock', '6'],
  ];
  const issuesOf = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(GepInputError);
      return (e as GepInputError).issues;
    }
    return expect.unreachable('no issue');
  };

  it('refuses a split by type that disagrees with the inputs, though the totals agree (forest 6 / grass 3 against 3 / 6)', () => {
    // Σ = 9 km² both ways, so region.area (9) passes; without the check forest would be valued at
    // 200 000 / 6 = 33 333.33 元/km² instead of 200 000 / 3 = 66 666.67 元/km².
    // forest: |6 − 3| = 3 > 5 % of 3 = 0.15 → +100 %; grass: |3 − 6| = 3 > 0.3 → −50 %.
    const issues = issuesOf(() =>
      computeAreaAccount(
        area([
          ['deciduous-broadleaf-forest', '6'],
          ['temperate-tussock', '3'],
        ]),
        inputs(forest3grass6, { area: '9' }),
      ),
    );
    expect(issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['input.out-of-range', 'area.extent.0.area'],
      ['input.out-of-range', 'area.extent.1.area'],
    ]);
    const wc = 'indicators.regulating.water-conservation.ecosystems';
    expect(issues[0]!.expected).toBe(`the area of deciduous-broadleaf-forest the account's inputs give, within 5 %: 3 km² (${wc}[0].area)`);
    expect(issues[0]!.found).toBe('6 km² (+100 %)');
    expect(issues[1]!.expected).toBe(`the area of temperate-tussock the account's inputs give, within 5 %: 6 km² (${wc}[1].area)`);
    expect(issues[1]!.found).toBe('3 km² (−50 %)');
    expect(issues[0]!.expectedZh).toBe(`核算输入给出的落叶阔叶林面积，相差不超过 5 %：3 km²（${wc}[0].area）`);
    expect(issues[0]!.foundZh).toBe('6 km²（+100 %）');
  });

  it('accepts a difference up to 5 % of the inputs’ area (the region-area tolerance), not beyond', () => {
    // forest 3.15: |3.15 − 3| = 0.15 = 5 % of 3 → agrees; grass 5.85: 0.15 = 2.5 % of 6 → agrees.
    // v_forest = 200 000 / 3.15 = 63 492.063492… (the stated extent is used)
    const a = computeAreaAccount(
      area([
        ['deciduous-broadleaf-forest', '3.15'],
        ['temperate-tussock', '5.85'],
      ]),
      inputs(forest3grass6),
    );
    expect(a.byEcosystemType[0]!.valuePerKm2!.toDecimalPlaces(6).toString()).toBe('63492.063492');
    expect(a.extentSource).toEqual({
      from: 'stated',
      tolerance: expect.anything(),
      compared: ['deciduous-broadleaf-forest', 'temperate-tussock'],
    });
    expect(a.extentSource.tolerance.toString()).toBe('0.05');
    // forest 3.16: 0.16 > 0.15 → 5.333… % more
    const issues = issuesOf(() =>
      computeAreaAccount(
        area([
          ['deciduous-broadleaf-forest', '3.16'],
          ['temperate-tussock', '6'],
        ]),
        inputs(forest3grass6),
      ),
    );
    expect(issues.map((i) => [i.path.join('.'), i.found])).toEqual([['area.extent.0.area', '3.16 km² (+5.33 %)']]);
  });

  it('accepts a type the inputs never mention, and refuses a type they give an area for that the extent leaves out', () => {
    // shrub 0.5 km²: no input names it (not every type has an indicator) → fine
    const a = computeAreaAccount(area([...forest3grass6, ['deciduous-broadleaf-shrub', '0.5']]), inputs(forest3grass6));
    expect(a.extent.total.toString()).toBe('9.5');
    expect(a.extentSource.compared).toEqual(['deciduous-broadleaf-forest', 'temperate-tussock']);
    // grass left out: the inputs give it 6 km² → error at area.extent
    const issues = issuesOf(() => computeAreaAccount(area([['deciduous-broadleaf-forest', '3']]), inputs(forest3grass6)));
    expect(issues.map((i) => [i.path.join('.'), i.expected, i.found])).toEqual([
      [
        'area.extent',
        "a row for temperate-tussock: the account's inputs give it 6 km² (indicators.regulating.water-conservation.ecosystems[1].area)",
        'no row for temperate-tussock',
      ],
    ]);
    expect(issues[0]!.expectedZh).toBe(
      '温性草丛（temperate-tussock）一行：核算输入给出其面积 6 km²（indicators.regulating.water-conservation.ecosystems[1].area）',
    );
    // a type the inputs give 0 km² is not in the area: no row needed
    expect(
      computeAreaAccount(
        area([['deciduous-broadleaf-forest', '3']]),
        inputs([...forest3grass6.slice(0, 1), ['temperate-tussock', '0']]),
      ).extent.total.toString(),
    ).toBe('3');
  });

  it('compares a level-1 row with the sum of the level-2 types the inputs give under it', () => {
    // inputs: deciduous broadleaf forest 3 + evergreen needleleaf forest 2 = forest 5 km²
    const both: [string, string][] = [...forest3grass6, ['evergreen-needleleaf-forest', '2']];
    expect(
      computeAreaAccount(
        area([
          ['forest', '5'],
          ['temperate-tussock', '6'],
        ]),
        inputs(both),
      ).byEcosystemType[0]!.valuePerKm2!.toString(),
    ).toBe('40000');
    const issues = issuesOf(() =>
      computeAreaAccount(
        area([
          ['forest', '4'],
          ['temperate-tussock', '6'],
        ]),
        inputs(both),
      ),
    );
    const wc = 'indicators.regulating.water-conservation.ecosystems';
    expect(issues.map((i) => [i.path.join('.'), i.expected, i.found])).toEqual([
      [
        'area.extent.0.area',
        // in the catalogue's order of types
        `the area of forest the account's inputs give, within 5 %: 2 + 3 = 5 km² (evergreen-needleleaf-forest ${wc}[2].area, deciduous-broadleaf-forest ${wc}[0].area)`,
        '4 km² (−20 %)',
      ],
    ]);
  });

  it('derives the extent from the inputs when the area file gives none, and says so in the trace', () => {
    // A = 3 + 6 = 9 km²; GEP 200 000 元 → 22 222.22… 元/km²; forest 200 000 / 3 = 66 666.67 元/km²; grass 0
    const a = computeAreaAccount(area([]), inputs(forest3grass6, { area: '9' }));
    expect(a.extentSource).toEqual({ from: 'inputs', tolerance: expect.anything(), compared: [] });
    expect(a.extent.rows.map((r) => [r.ecosystemType, r.area.toString()])).toEqual([
      ['deciduous-broadleaf-forest', '3'],
      ['temperate-tussock', '6'],
    ]);
    expect(a.perKm2.gep.toDecimalPlaces(6).toString()).toBe('22222.222222');
    expect(a.byEcosystemType.map((t) => [t.ecosystemType, t.valuePerKm2?.toDecimalPlaces(6).toString()])).toEqual([
      ['forest', '66666.666667'],
      ['grassland', '0'],
    ]);
    const step = a.trace.steps.find((s) => s.name === "extent from the account's inputs")!;
    expect(step.result).toEqual({ value: '9', unit: 'km²' });
    expect(step.zh?.name).toBe('由核算输入得出的生态系统范围');
    expect(step.inputs['A_deciduous-broadleaf-forest']!.from).toBe(
      'input:account.indicators.regulating.water-conservation.ecosystems[0].area',
    );
    expect(a.trace.parameters.find((p) => p.symbol === 'A_temperate-tussock')!.from).toBe(
      'input:account.indicators.regulating.water-conservation.ecosystems[1].area',
    );
    // no extent and no areas in the inputs: nothing to divide by
    const issues = issuesOf(() => computeAreaAccount(area([]), accountOf({ year: 2022, forestry: walnuts })));
    expect(issues.map((i) => [i.code, i.path.join('.')])).toEqual([['input.required', 'area.extent']]);
  });

  it('refuses an input that is not the account’s own (another year)', () => {
    const acc = inputs(forest3grass6);
    const issues = issuesOf(() => computeArea(area(forest3grass6), acc, inputOf({ year: 2021, forestry: walnuts, areas: forest3grass6 })));
    expect(issues.map((i) => [i.path.join('.'), i.found])).toEqual([['account', 'an input of Test area, 2021']]);
  });
});

describe('exact decimals only', () => {
  it('refuses an account computed on the float64 path', async () => {
    const { floatArithmetic } = await import('../../src/numbers/arithmetic.js');
    const input = inputOf({ year: 2022, forestry: products });
    const float = computeGep(input, { arithmetic: floatArithmetic });
    expect(() => computeArea(area(extent), float as never, input)).toThrow(/float64 path; applications of GEP results need exact decimals/);
  });
});
