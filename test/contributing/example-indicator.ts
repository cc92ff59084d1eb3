/**
 * 水源涵养 — Water conservation by the water-balance method: a short form of
 * regulating/water-conservation.ts, the example of CONTRIBUTING.md's "Add an indicator".
 *   Q_i = A_i · (P_i − R_i − ET_i), counted as 0 when negative   m³/a (ganzi-2017 §2.4; gong-2017 §1.2)
 *   R_i = P_i · α_i                variant `runoff: mean-runoff-coefficient` (gong-2017 Table 2)
 *   R_i = storm runoff depth       variant `runoff: storm-runoff` (ganzi-2017)
 *   V   = Σ_i Q_i · C_we           C_we reservoir construction cost per m³ of storage (ganzi-2017 §2.4)
 */
import * as z from 'zod';
import { GepInputError, type GepWarning, makeIssue } from '../../src/errors/errors.js';
import { makeWarning } from '../../src/errors/warnings/index.js';
import { ecosystemTypeName } from '../../src/indicators/catalogue.js';
import { givenOrCoefficient, inputRef, readAmount, sumIn, traced, Tracer, valueItems } from '../../src/indicators/compute.js';
import { defineIndicator } from '../../src/indicators/define.js';
import { about, ecosystemType, measure, price } from '../../src/indicators/input-schema.js';
import type { Measure } from '../../src/units/measure.js';
import { multiplyInto } from '../../src/units/units.js';

const ID = 'regulating.water-conservation';
const typeZh = (id: string) => ecosystemTypeName(id, 'zh');

const module = defineIndicator({
  id: ID, // the catalogue entry gives the names, category, units and clauses
  // What the quantity is computed from. Every field is described in English and Chinese, once:
  // the docs, templates, importers and JSON Schema are derived from these descriptions.
  inputs: {
    ecosystems: z
      .array(
        z.strictObject({
          ecosystemType: ecosystemType.meta(about('ecosystem type id', '生态系统类型代码')),
          area: measure('km²').meta(about('area of the type in the region', '该生态系统类型在区域内的面积')),
          precipitation: measure('mm').meta(about('annual precipitation over the type', '该类型年降水量')),
          evapotranspiration: measure('mm').meta(about('annual actual evapotranspiration', '年实际蒸散发量')),
          runoffCoefficient: measure('1', { max: '1' })
            .optional()
            .meta(about('mean runoff coefficient α; the table value otherwise', '平均地表径流系数 α；不填则取参数表值')),
          stormRunoff: measure('mm')
            .optional()
            .meta(about('storm runoff depth, for the storm-runoff variant', '暴雨径流深，用于方法 storm-runoff')),
        }),
      )
      .min(1),
  },
  // Quantities as a published account printed them may stand in for `inputs` (for reproduction).
  reported: {
    unit: 'm³/a',
    description: about('water conserved as printed by a published account', '公布的核算结果所列水源涵养量'),
    stepName: (item: string) => ({ en: `water balance of ${item}`, zh: `${typeZh(item)}水量平衡` }),
  },
  // Read only by value(), and kept when `reported` replaces `inputs`.
  valuation: {
    unitPrice: price('元/m³')
      .optional()
      .meta(about('price per m³ at the account price year; the table value otherwise', '单价（元/m³，核算价格年份）；不填则取参数表值')),
  },
  variants: {
    runoff: {
      options: { 'mean-runoff-coefficient': 'R = P·α (gong-2017 Table 2)', 'storm-runoff': 'R = storm runoff depth (ganzi-2017)' },
      default: 'mean-runoff-coefficient',
    },
  },
  coefficients: ['runoff-coefficient.*', 'reservoir-storage-cost'],

  /** Water conserved per ecosystem type and in total, m³/a. */
  quantity(input, ctx) {
    const { A } = ctx;
    const tracer = new Tracer(A);
    const warnings: GepWarning[] = [];
    const lines = input.ecosystems.map((e, i) => {
      const at = [...ctx.path, 'ecosystems', i];
      const type = e.ecosystemType;
      const area = readAmount(A, e.area, 'm²');
      const p = readAmount(A, e.precipitation, 'mm');
      const et = readAmount(A, e.evapotranspiration, 'mm');
      let runoff: Measure<typeof A.zero>;
      let runoffFrom: string;
      if (ctx.variant.runoff === 'storm-runoff') {
        if (!e.stormRunoff) {
          const expected = { en: 'a storm runoff depth (variant storm-runoff)', zh: '暴雨径流深度（方法 storm-runoff）' };
          throw new GepInputError([makeIssue('input.required', [...at, 'stormRunoff'], { expected })]);
        }
        runoff = readAmount(A, e.stormRunoff, 'mm');
        runoffFrom = inputRef([...at, 'stormRunoff']);
      } else {
        // The input's α, else the table row runoff-coefficient.<type>, traced either way.
        const alpha = givenOrCoefficient(ctx, e.runoffCoefficient, [...at, 'runoffCoefficient'], `runoff-coefficient.${type}`, '1');
        if (!alpha) {
          const expected = { en: `a runoff coefficient: the table has none for "${type}"`, zh: `径流系数：系数表中没有 "${type}" 的值` };
          throw new GepInputError([makeIssue('input.required', [...at, 'runoffCoefficient'], { expected })]);
        }
        runoff = tracer.record(
          { en: `runoff of ${type}`, zh: `${typeZh(type)}地表径流` },
          'R = P × α',
          { P: traced(A, p, inputRef([...at, 'precipitation'])), α: traced(A, alpha.measure, alpha.from) },
          { value: A.multiply(p.value, alpha.measure.value), unit: 'mm' },
        );
        runoffFrom = `step:runoff of ${type}`;
      }
      const depth = A.subtract(A.subtract(p.value, runoff.value), et.value);
      const q = { value: multiplyInto(A, area.value, 'm²', depth, 'mm/a', 'm³/a'), unit: 'm³/a' };
      // A negative balance counts as 0; the compare also decides the warning, so it branches.
      if (A.compare(q.value, A.zero) < 0) {
        const params = { type: { en: type, zh: typeZh(type) }, quantity: A.toDisplayText(q.value) };
        warnings.push(makeWarning('negative-water-balance', { indicator: ID, path: at, params }));
      }
      const quantity = tracer.record(
        { en: `water balance of ${type}`, zh: `${typeZh(type)}水量平衡` },
        'Q_i = max(A_i × (P_i − R_i − ET_i), 0)',
        {
          A: traced(A, area, inputRef([...at, 'area'])),
          P: traced(A, p, inputRef([...at, 'precipitation'])),
          R: traced(A, runoff, runoffFrom),
          ET: traced(A, et, inputRef([...at, 'evapotranspiration'])),
        },
        { value: A.max(q.value, A.zero), unit: 'm³/a' },
      );
      return { item: type, ecosystemType: type, quantity };
    });
    const total = tracer.record(
      { en: 'water conservation', zh: '水源涵养量' },
      'Q = Σ_i Q_i',
      {},
      sumIn(
        A,
        lines.map((l) => l.quantity),
        'm³/a',
      ),
    );
    return { lines, total, steps: tracer.steps, warnings };
  },

  /** Value in 元: each line's quantity × the given price, else the table's reservoir-storage-cost. */
  value(input, q, ctx) {
    return valueItems(
      ctx,
      ID,
      q.lines.map((l, i) => ({
        item: l.item,
        ...(l.ecosystemType ? { ecosystemType: l.ecosystemType } : {}),
        quantity: l.quantity,
        quantityFrom: `step:water balance of ${l.item}`,
        price: input.unitPrice,
        coefficientId: 'reservoir-storage-cost',
        pricePath: input.unitPrice ? [...ctx.path, 'unitPrice'] : [...ctx.path, input.reported ? 'reported' : 'ecosystems', i],
      })),
    );
  },
});

/** Metadata, inputs, variants and coefficients of water conservation. */
export const { spec, inputSchema, quantity, value } = module;
/** The input block of water conservation. */
export type WaterConservationInput = z.input<typeof inputSchema>;
