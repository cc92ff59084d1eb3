import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decimalArithmetic as D, floatArithmetic as F } from '../../src/numbers/arithmetic.js';
import {
  asFlowUnit,
  BoundedCache,
  conversionRatio,
  convert,
  dimensionOf,
  GepUnitError,
  GepUnitParseError,
  isKnownUnit,
  multiplyInto,
  parseUnit,
  UNIT_CACHE_SIZE,
  unitCacheStats,
  unitProblem,
} from '../../src/units/units.js';

const c = (value: string, from: string, to: string) => convert(D, D.fromString(value), from, to).toString();

describe('units', () => {
  it('converts areas: 1 km² = 100 hm² = 10⁶ m², 1 亩 = 2000/3 m² and 15 亩 = 1 hm²', () => {
    expect(c('1', 'km²', 'hm²')).toBe('100');
    expect(c('1', 'km²', 'm²')).toBe('1000000');
    expect(c('30.2', '万人', '人')).toBe('302000');
    expect(c('15', '亩', 'hm²')).toBe('1');
    expect(c('3', '亩', 'm²')).toBe('2000');
  });

  it('converts lengths, volumes, masses, energy and money with Chinese prefixes', () => {
    expect(c('1', 'mm', 'm')).toBe('0.001');
    expect(c('1', '亿m³', '万m³')).toBe('10000'); // 万 applies to m³, not to m: 10⁸ / 10⁴
    expect(c('1', '万m³', 'm³')).toBe('10000');
    expect(c('2.5', '万t', 'kg')).toBe('25000000');
    expect(c('1', '亿t', '万t')).toBe('10000');
    expect(c('1', '亿kWh', '万kWh')).toBe('10000');
    expect(c('3600', 'kJ', 'kWh')).toBe('1');
    expect(c('123.45', '亿元', '万元')).toBe('1234500');
    expect(c('72.81', '万亿元', '亿元')).toBe('728100');
    expect(c('1', '元', '万元')).toBe('0.0001');
  });

  it('converts compound per-area and per-year units', () => {
    // 1 t/(hm²·a) = 100 t/(km²·a); 1 元/m³ = 10⁴ 元/万m³
    expect(c('1', 't/(hm²·a)', 't/(km²·a)')).toBe('100');
    expect(c('215.6', 'kg/(hm²·a)', 't/(km²·a)')).toBe('21.56');
    expect(c('1', '元/m³', '元/万m³')).toBe('10000');
    expect(c('12', '%', '1')).toBe('0.12');
  });

  it('keeps t C and t CO2 apart: converting one into the other is a typed error naming both units', () => {
    expect(() => c('1', 't C', 't CO2')).toThrow(GepUnitError);
    try {
      c('1', 't C', 't CO2');
    } catch (e) {
      expect(e).toMatchObject({ from: 't C', to: 't CO2', fromDimension: 'carbon', toDimension: 'co2' });
      expect((e as Error).message).toContain('"t C"');
      expect((e as Error).message).toContain('"t CO2"');
    }
    expect(c('1000', 'kg C', 't C')).toBe('1');
  });

  it('refuses a conversion across dimensions and an unknown unit', () => {
    expect(() => c('1', 'km²', 'm³')).toThrow(/length\^2.*length\^3/);
    expect(() => c('1', 'kWh', '元')).toThrow(GepUnitError);
    expect(() => parseUnit('furlong')).toThrow(GepUnitParseError);
    expect(() => parseUnit('m²/(a')).toThrow(/closing parenthesis/);
  });

  it('names dimensions in words', () => {
    expect(dimensionOf('MJ·mm/(hm²·h·a)')).toBe('length^-1·energy·time^-1·year^-1');
    expect(dimensionOf('元/t C')).toBe('carbon^-1·money');
    expect(dimensionOf('%')).toBe('dimensionless');
  });

  it('multiplies a quantity by a price into 元, checking the dimensions', () => {
    // 120 万t × 2400 元/t = 1.2e6 t × 2400 = 2 880 000 000 元
    expect(multiplyInto(D, D.fromString('120'), '万t', D.fromString('2400'), '元/t', '元').toString()).toBe('2880000000');
    // 19.18 亿m³ × 6.11 元/m³ = 117.1898 亿元 (Shenzhen 2020 water conservation, printed 117.19)
    expect(multiplyInto(D, D.fromString('19.18'), '亿m³', D.fromString('6.11'), '元/m³', '亿元').toString()).toBe('117.1898');
    expect(() => multiplyInto(D, D.one, 't CO2', D.one, '元/t C', '元')).toThrow(GepUnitError);
  });

  it('reads a year total as an annual flow only for per-year fields', () => {
    expect(asFlowUnit('万m³', 'm³/a')).toBe('(万m³)/a');
    expect(asFlowUnit('万m³/a', 'm³/a')).toBe('万m³/a');
    expect(asFlowUnit('km²', 'm²')).toBe('km²');
  });

  it('returns the input after a conversion and its inverse (property)', () => {
    const units = [
      ['km²', 'hm²'],
      ['亩', 'm²'],
      ['万t', 'kg'],
      ['亿m³', '万m³'],
      ['万元', '亿元'],
      ['t/(hm²·a)', 'kg/(km²·a)'],
      ['kJ', '万kWh'],
    ] as const;
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }), fc.constantFrom(...units), (n, scale, [a, b]) => {
        const x = D.fromString(`${n}e-${scale}`);
        const back = convert(D, convert(D, x, a, b), b, a);
        return back.minus(x).abs().lte(x.abs().times('1e-35'));
      }),
    );
  });

  it('gives the same factor on the float path within 1e-15 relative', () => {
    expect(Math.abs(convert(F, 1, '亩', 'm²') - 2000 / 3)).toBeLessThan(1e-12);
  });
});

describe('unit expressions are bounded (issue 13: a nested unit took 36 s and 0.5 GB)', () => {
  it('refuses powers of powers before computing them: ((((亩)^9)^9)^9)^9 is not a unit', () => {
    const nested = (levels: number) => `${'('.repeat(levels)}亩${')^9'.repeat(levels)}`;
    const t0 = performance.now();
    expect(() => parseUnit(nested(8))).toThrow(GepUnitParseError);
    expect(isKnownUnit(nested(4))).toBe(false);
    expect(unitProblem(nested(4))).toMatch(/exponent above 12|factor too large/);
    expect(performance.now() - t0).toBeLessThan(1_000);
    // A dimensionless unit has no exponent to bound, only its factor: (%)^9 nested.
    expect(() => parseUnit(`${'('.repeat(6)}%${')^9'.repeat(6)}`)).toThrow(/factor too large/);
  });

  it('refuses deep nesting with a typed error, not a stack overflow', () => {
    const deep = `${'('.repeat(20_000)}m${')'.repeat(20_000)}`;
    expect(() => parseUnit(deep)).toThrow(GepUnitParseError);
    expect(unitProblem(`${'('.repeat(5)}m${')'.repeat(5)}`)).toBe('brackets nested more than 4 deep');
    expect(unitProblem('((m))')).toBeNull();
  });

  it('refuses a written unit longer than 64 characters, and a parsed one longer than 256, in bounded time', () => {
    const long = 'm^2·'.repeat(5_000);
    const t0 = performance.now();
    expect(isKnownUnit(long)).toBe(false);
    expect(() => parseUnit(long)).toThrow(/longer than 256/);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(unitProblem(`${'m·'.repeat(40)}m`)).toBe('longer than 64 characters');
    // What the library composes from written units stays within the parser's own bound.
    expect(parseUnit(`(${'t·hm²·h/(hm²·MJ·mm)'})/(${'MJ·mm/(hm²·h·a)'})`).dimension).toEqual({ mass: 1, time: 2, energy: -2, year: 1 }); // (mass·time·energy⁻¹·length⁻¹) ÷ (energy·length⁻¹·time⁻¹·year⁻¹)
  });

  it('keeps the bundled units and the compound units of the tables', () => {
    for (const u of [
      't·hm²·h/(hm²·MJ·mm)',
      'MJ·mm/(hm²·h·a)',
      '元/(hm²·a)',
      '人次/(人·a)',
      't C/(hm²·a)',
      '万亿元',
      '(万m³)/a',
      'm^-2',
      'm^9',
    ])
      expect(unitProblem(u), u).toBeNull();
  });

  it('holds at most two generations of each cache, whatever the number of distinct units (200 000 once kept 90 MB)', () => {
    const atoms = ['m', 'kg', 's', '元', 'a', 'kWh'];
    for (let k = 0; k < 20_000; k++) {
      const unit = atoms.map((a, i) => `${a}^${1 + (Math.floor(k / 9 ** i) % 9)}`).join('·');
      parseUnit(unit);
      conversionRatio(unit, unit);
    }
    const stats = unitCacheStats();
    for (const [name, n] of Object.entries(stats)) expect(n, name).toBeLessThanOrEqual(2 * UNIT_CACHE_SIZE);
  });

  it('keeps a two-generation cache bounded and finds recent entries', () => {
    const c = new BoundedCache<number, number>(3);
    for (let i = 0; i < 100; i++) c.set(i, i * 2);
    expect(c.entries).toBeLessThanOrEqual(6);
    expect(c.get(99)).toBe(198);
    expect(c.get(0)).toBeUndefined();
  });
});
