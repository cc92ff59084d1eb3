import { describe, expect, it } from 'vitest';
import { computeAreaAccount, areaSchema, type AreaInput } from '../../src/applications/area.js';
import { parseInput } from '../../src/applications/common.js';
import { GepInputError } from '../../src/errors/errors.js';
import { accountOf } from './accounts.js';

const area = (extent: [string, string][], extra: Partial<AreaInput> = {}): AreaInput =>
  parseInput(areaSchema, {
    name: 'Test area',
    kind: 'park',
    boundary: { description: 'the park’s gazetted boundary' },
    // '200 hm²' is read in hm², a bare number in km²
    extent: extent.map(([ecosystemType, a]) => ({
      ecosystemType,
      area: a.endsWith(' hm²') ? { value: a.slice(0, -4), unit: 'hm²' } : { value: a, unit: 'km²' },
    })),
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

describe('exact decimals only', () => {
  it('refuses an account computed on the float64 path', async () => {
    const { computeGep } = await import('../../src/accounts/gep.js');
    const { floatArithmetic } = await import('../../src/numbers/arithmetic.js');
    const { inputOf } = await import('./accounts.js');
    const float = computeGep(inputOf({ year: 2022, forestry: products }), { arithmetic: floatArithmetic });
    expect(() => computeAreaAccount(area(extent), float as never)).toThrow(/float64 path; applications of GEP results need exact decimals/);
  });
});
