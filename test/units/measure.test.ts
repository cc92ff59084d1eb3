import { describe, expect, it } from 'vitest';
import { addMeasures, addMoney, convertMeasure, measureToJson } from '../../src/units/measure.js';
import { decimalArithmetic as D } from '../../src/numbers/arithmetic.js';

describe('measures', () => {
  it('adds measures of one unit and refuses different units at run time too', () => {
    const a = { value: D.fromString('1.5'), unit: '万元' } as const;
    expect(measureToJson(D, addMeasures(D, a, a))).toEqual({ value: '3', unit: '万元' });
    expect(() => addMeasures(D, a as { value: typeof a.value; unit: string }, { value: D.one, unit: '元' })).toThrow(
      /without a conversion/,
    );
  });

  it('refuses to add money of different price years', () => {
    const m = (y: number) => ({ value: D.one, unit: '元' as const, priceYear: y });
    expect(addMoney(D, m(2020), m(2020)).value.toString()).toBe('2');
    expect(() => addMoney(D, m(2020), m(2015))).toThrow(/2020 prices.*2015 prices/);
  });

  it('converts a measure: 2.5 亿元 = 25 000 万元', () => {
    expect(measureToJson(D, convertMeasure(D, { value: D.fromString('2.5'), unit: '亿元' }, '万元'))).toEqual({
      value: '25000',
      unit: '万元',
    });
  });
});
