import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decimalArithmetic as D, floatArithmetic as F } from '../../src/numbers/arithmetic.js';
import { asFlowUnit, convert, dimensionOf, GepUnitError, GepUnitParseError, multiplyInto, parseUnit } from '../../src/units/units.js';

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
    const units = [['km²', 'hm²'], ['亩', 'm²'], ['万t', 'kg'], ['亿m³', '万m³'], ['万元', '亿元'], ['t/(hm²·a)', 'kg/(km²·a)'], ['kJ', '万kWh']] as const;
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }), fc.constantFrom(...units), (n, scale, [a, b]) => {
      const x = D.fromString(`${n}e-${scale}`);
      const back = convert(D, convert(D, x, a, b), b, a);
      return back.minus(x).abs().lte(x.abs().times('1e-35'));
    }));
  });

  it('gives the same factor on the float path within 1e-15 relative', () => {
    expect(Math.abs(convert(F, 1, '亩', 'm²') - 2000 / 3)).toBeLessThan(1e-12);
  });
});
