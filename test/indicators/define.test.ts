/**
 * defineIndicator: one description gives the schema, the input list, typed and checked variants,
 * and the reported-quantities path.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineIndicator } from '../../src/indicators/define.js';
import { about, measure, price } from '../../src/indicators/input-schema.js';
import { readAmount, valueItems } from '../../src/indicators/compute.js';
import * as waterConservation from '../../src/indicators/regulating/water-conservation.js';
import { computeGep } from '../../src/accounts/gep.js';
import { getProfile } from '../../src/profiles/profiles.js';
import { decimalArithmetic } from '../../src/numbers/arithmetic.js';
import { issuesOf, runIndicator } from '../helpers/indicator.js';
import sample from '../../fixtures/sample-county/input.json';

const ID = 'regulating.noise-reduction';

/** A small module: Q = Σ length (km), valued at a unit price. */
/** `description`: both languages (the Chinese made from the English), English only (`en-only`, by zod's `.describe()`), or none. */
function tiny(description: string | null, defaultOption = 'a', form: 'both' | 'en-only' = 'both') {
  const length = measure('km');
  return defineIndicator({
    id: ID,
    inputs: {
      roads: z
        .array(
          z.strictObject({
            length:
              description === null
                ? length
                : form === 'both'
                  ? length.meta(about(description, `中文：${description}`))
                  : length.describe(description),
          }),
        )
        .min(1),
    },
    reported: {
      unit: 'km',
      description: about('length as printed', '公布的长度'),
      stepName: (item: string) => ({ en: `length of ${item}`, zh: `${item}长度` }),
    },
    valuation: { unitPrice: price('元/km').meta(about('price per km', '单位长度价格')) },
    variants: { method: { options: { a: 'method a', b: 'method b' }, default: defaultOption } },
    coefficients: [],
    quantity(input, ctx) {
      const lines = input.roads.map((r, i) => ({ item: `road ${i + 1}`, quantity: readAmount(ctx.A, r.length, 'km') }));
      return { lines, total: null, steps: [], warnings: [] };
    },
    value(input, q, ctx) {
      return valueItems(
        ctx,
        ID,
        q.lines.map((l) => ({
          item: l.item,
          quantity: l.quantity,
          quantityFrom: 'x',
          price: input.unitPrice,
          coefficientId: null,
          pricePath: [...ctx.path, 'unitPrice'],
        })),
      );
    },
  });
}

describe('defineIndicator', () => {
  it('derives the input list, with units, required flags and descriptions, from the schema', () => {
    expect(tiny('length of the road').spec.inputs).toEqual([
      { path: 'roads[].length', unit: 'km', required: true, description: 'length of the road', descriptionZh: '中文：length of the road' },
      {
        path: 'reported[].item',
        unit: null,
        required: true,
        description: 'name of the line as printed (ecosystem type, forest type or region)',
        descriptionZh: '公布的行名称（生态系统类型、林分类型或地区）',
      },
      {
        path: 'reported[].ecosystemType',
        unit: null,
        required: false,
        description: 'ecosystem type id of the line, if it names one',
        descriptionZh: '该行对应的生态系统类型代码（如有）',
      },
      { path: 'reported[].quantity', unit: 'km', required: true, description: 'length as printed', descriptionZh: '公布的长度' },
      { path: 'unitPrice', unit: '元/km', required: true, description: 'price per km', descriptionZh: '单位长度价格' },
    ]);
  });

  it('refuses, when the module is defined, an input without a description or a default that is not an option', () => {
    expect(() => tiny(null)).toThrow(/roads\[\]\.length has no description in English/);
    // Issue 16: a field described in English only (zod's `.describe()`) would show English in a Chinese template.
    expect(() => tiny('length', 'a', 'en-only')).toThrow(/roads\[\]\.length has no description in Chinese/);
    expect(() => tiny('length', 'c')).toThrow(/default "c" of variant method is not one of its options/);
  });

  it('takes either the inputs or the reported lines, not both and not neither', () => {
    const m = tiny('length');
    const unitPrice = { value: '2', unit: '元/km' };
    const roads = [{ length: { value: '1', unit: 'km' } }];
    const reported = [{ item: 'all roads', quantity: { value: '3', unit: 'km' } }];
    for (const input of [{ unitPrice }, { roads, reported, unitPrice }]) {
      expect(issuesOf(() => runIndicator(m, input, decimalArithmetic))[0]!.code).toBe('input.missing-basis');
    }
    // Reported: 3 km, each line a traced step named like the computed one; 3 km × 2 元/km = 6 元.
    const r = runIndicator(m, { reported, unitPrice }, decimalArithmetic);
    expect(r.quantity.steps.map((s) => [s.name, s.zh?.name])).toEqual([
      ['length of all roads', 'all roads长度'],
      ['noise reduction', '噪声消减'],
    ]);
    expect(decimalArithmetic.toString(r.value.total.value)).toBe('6');
  });

  it('refuses a variant option the module does not offer, naming the valid ones (issue 13: a typo computed the default)', () => {
    const input = { roads: [{ length: { value: '1', unit: 'km' } }], unitPrice: { value: '2', unit: '元/km' } };
    expect(issuesOf(() => runIndicator(tiny('length'), input, decimalArithmetic, { variant: { method: 'bb' } }))).toEqual([
      { code: 'profile.variant-unknown', path: `variant.${ID}.method`, expected: 'a, b', found: 'bb' },
    ]);
  });

  it('refuses a misspelt variant in a profile given to computeGep', () => {
    const national = getProfile('national-2022')!;
    const profile = {
      ...national,
      indicators: national.indicators.map((p) => (p.id === waterConservation.spec.id ? { ...p, variant: { runoff: 'storm-runof' } } : p)),
    };
    const data: unknown = sample; // a data file, as a user's program reads it
    const issues = issuesOf(() => computeGep(data, { profile }));
    expect(issues).toContainEqual({
      code: 'profile.variant-unknown',
      path: 'variant.regulating.water-conservation.runoff',
      expected: 'mean-runoff-coefficient, storm-runoff',
      found: 'storm-runof',
    });
  });
});
