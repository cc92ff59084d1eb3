import { describe, expect, it } from 'vitest';
import {
  columnKey,
  looksLikeFormula,
  neutraliseFormula,
  normaliseBoolean,
  normaliseInteger,
  normaliseNumber,
  normaliseUnit,
  splitHeader,
  unneutraliseFormula,
} from '../../src/io/normalise.js';

describe('normaliseNumber', () => {
  it('keeps plain decimal text as it is, digit for digit', () => {
    expect(normaliseNumber('1234.5')).toBe('1234.5');
    expect(normaliseNumber(' 0.30 ')).toBe('0.30');
    expect(normaliseNumber('-12')).toBe('-12');
    expect(normaliseNumber('+7')).toBe('+7'); // kept: valid decimal text, and an exported input must read back unchanged
    expect(normaliseNumber('12345678901234567890.123456789')).toBe('12345678901234567890.123456789');
  });

  it('removes thousands separators only when they group by three', () => {
    expect(normaliseNumber('1,250,000')).toBe('1250000');
    expect(normaliseNumber('1,234.56')).toBe('1234.56');
    expect(normaliseNumber('1,23,4')).toBeNull();
    expect(normaliseNumber('1234,5')).toBeNull();
  });

  it('reads full-width digits, points, commas and minus signs', () => {
    expect(normaliseNumber('１２３４．５')).toBe('1234.5');
    expect(normaliseNumber('１，２５０')).toBe('1250');
    expect(normaliseNumber('－３')).toBe('-3');
    expect(normaliseNumber('−3')).toBe('-3');
  });

  it('refuses words, units and empty text', () => {
    for (const t of ['ten', '12 t', '', '1.2.3', '12%', '=1+2']) expect(normaliseNumber(t), t).toBeNull();
  });

  it('reads integers (years) and booleans', () => {
    expect(normaliseInteger('２０２２')).toBe(2022);
    expect(normaliseInteger('2022.5')).toBeNull();
    expect(normaliseBoolean('是')).toBe(true);
    expect(normaliseBoolean('FALSE')).toBe(false);
    expect(normaliseBoolean('maybe')).toBeNull();
  });
});

describe('normaliseUnit', () => {
  it('maps the aliases people type to canonical unit ids', () => {
    const cases: [string, string][] = [
      ['公顷', 'hm²'],
      ['ha', 'hm²'],
      ['hm2', 'hm²'],
      ['km2', 'km²'],
      ['平方公里', 'km²'],
      ['亩', '亩'],
      ['万亩', '万亩'],
      ['吨', 't'],
      ['万吨', '万t'],
      ['公斤', 'kg'],
      ['万元', '万元'],
      ['元/吨', '元/t'],
      ['元／吨', '元/t'],
      ['元/立方米', '元/m³'],
      ['万立方米', '万m³'],
      ['m3', 'm³'],
      ['亿m3', '亿m³'],
      ['毫米', 'mm'],
      ['万千瓦时', '万kWh'],
      ['kwh', 'kWh'],
      ['tCO2', 't CO2'],
      ['t CO₂', 't CO2'],
      ['吨碳', 't C'],
      ['t/公顷', 't/hm²'],
      ['t/(hm2·a)', 't/(hm²·a)'],
      ['％', '%'],
    ];
    for (const [typed, id] of cases) expect(normaliseUnit(typed), typed).toBe(id);
  });

  it('returns unknown units unchanged, for the validator to report', () => {
    expect(normaliseUnit('斤')).toBe('斤');
    expect(normaliseUnit('bananas')).toBe('bananas');
  });
});

describe('headers', () => {
  it('split the unit out of a header, in either kind of parentheses', () => {
    expect(splitHeader('面积(hm²)')).toEqual({ name: '面积', unit: 'hm²' });
    expect(splitHeader('面积（公顷）')).toEqual({ name: '面积', unit: '公顷' });
    expect(splitHeader('area (km2)')).toEqual({ name: 'area', unit: 'km2' });
    expect(splitHeader('value [万元]')).toEqual({ name: 'value', unit: '万元' });
    expect(splitHeader('item')).toEqual({ name: 'item', unit: null });
  });

  it('name the fixed columns in Chinese or English', () => {
    expect(columnKey('计量单位')).toBe('unit');
    expect(columnKey('Price Year')).toBe('priceYear');
    expect(columnKey('生态系统类型')).toBe('ecosystemType');
    expect(columnKey('颜色')).toBeNull();
  });
});

describe('formula neutralisation', () => {
  it('prefixes text a spreadsheet would run, and leaves numbers alone', () => {
    expect(neutraliseFormula("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(neutraliseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseFormula('+1+2')).toBe("'+1+2");
    expect(neutraliseFormula('-12.5')).toBe('-12.5');
    expect(neutraliseFormula('玉米 maize')).toBe('玉米 maize');
    expect(looksLikeFormula('-x')).toBe(true);
  });

  it('is undone by the importers', () => {
    for (const t of ['=cmd', '@x', '-1-1', 'plain', '-5']) expect(unneutraliseFormula(neutraliseFormula(t))).toBe(t);
  });

  it('neutralises the full-width ＝＋－＠ that spreadsheets on a Chinese desktop run too (issue 13)', () => {
    for (const t of ['＝1+1', '＋cmd', '－x', '＠SUM(A1)']) expect(neutraliseFormula(t), t).toBe(`'${t}`);
  });

  it('is one-to-one: apostrophe-led text and formula-like text both read back exactly (issue 13 round trip)', () => {
    for (const t of ["'=x", "''=x", "'abc", "'", "''", '=x', "'＝x", "' =x", 'plain']) {
      expect(unneutraliseFormula(neutraliseFormula(t)), t).toBe(t);
    }
    expect(neutraliseFormula("'=x")).toBe("''=x");
    expect(neutraliseFormula("'abc")).toBe("'abc");
  });
});
