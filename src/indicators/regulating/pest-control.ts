/**
 * 病虫害控制 — Pest control: the control of pests and diseases that natural forests and grasslands
 * provide, valued at the cost of controlling them artificially (ganzi-2017 §2.4, gep-methods §4.14):
 *   V_pc = A_forest,natural · c_f + A_grass,natural · c_g
 * A natural forest / grassland area (hm²); c_f = 375 元/hm², c_g = 112.5 元/hm² (ganzi-2017, 2010
 * prices; `pest-control-cost.forest`, `pest-control-cost.grassland`). Other ecosystem types need a
 * unit cost in the input. Only natural (not planted) areas count, as in ganzi-2017.
 * Local profiles only: the national list (as recalled) leaves it out.
 */
import * as z from 'zod';
import { level1Type } from '../catalogue.js';
import { inputRef, readAmount, sumIn, typeLineItem, valueItems, withoutRepeats } from '../compute.js';
import { defineIndicator } from '../define.js';
import { about, ecosystemType, measure, price } from '../input-schema.js';

const ID = 'regulating.pest-control';

/** Level-1 ecosystem type → coefficient of its unit control cost. */
const COST_BY_TYPE: Readonly<Record<string, string>> = {
  forest: 'pest-control-cost.forest',
  grassland: 'pest-control-cost.grassland',
};

const module = defineIndicator({
  id: ID,
  inputs: {
    ecosystems: z
      .array(
        z.strictObject({
          ecosystemType: ecosystemType.meta(
            about(
              'ecosystem type id; forest and grassland types have a tabulated unit cost',
              '生态系统类型代码；森林与草地类型在参数表中有单位防治成本',
            ),
          ),
          item: z.string().min(1).optional().meta(about('name of the line, when a type has several lines', '行名称（同一类型有多行时）')),
          naturalArea: measure('hm²').meta(
            about('area of natural (not planted) forest or grassland of the type', '该类型天然（非人工）林地或草地面积'),
          ),
          unitCost: price('元/hm²')
            .optional()
            .meta(
              about(
                'cost of artificial pest control per hm² at the account price year; the table value (forest, grassland) otherwise',
                '单位面积人工病虫害防治成本（元/hm²，核算价格年份）；不填则取参数表值（森林、草地）',
              ),
            ),
        }),
      )
      .min(1),
  },
  variants: {},
  coefficients: ['pest-control-cost.*'],

  /** Natural area per ecosystem type and in total, hm². */
  quantity(input, ctx) {
    const { A } = ctx;
    const lines = input.ecosystems.map((e) => ({
      ...typeLineItem(e.item ?? e.ecosystemType),
      ecosystemType: e.ecosystemType,
      quantity: readAmount(A, e.naturalArea, 'hm²'),
    }));
    return {
      lines,
      total: sumIn(
        A,
        lines.map((l) => l.quantity),
        'hm²',
      ),
      steps: [],
      warnings: [],
    };
  },

  /** Value in 元: natural area × unit control cost. */
  value(input, q, ctx) {
    const r = valueItems(
      ctx,
      ID,
      q.lines.map((l, i) => {
        const e = input.ecosystems[i]!;
        return {
          item: l.item,
          itemZh: l.itemZh,
          ecosystemType: e.ecosystemType,
          quantity: l.quantity,
          quantityFrom: inputRef([...ctx.path, 'ecosystems', i, 'naturalArea']),
          price: e.unitCost,
          coefficientId: COST_BY_TYPE[level1Type(e.ecosystemType)] ?? null,
          pricePath: [...ctx.path, 'ecosystems', i, 'unitCost'],
        };
      }),
    );
    // lines that share a table cost report its price-year warning once
    return { ...r, warnings: withoutRepeats(r.warnings) };
  },
});

/** Metadata, inputs and coefficients of pest control. */
export const { spec, inputSchema, quantity, value } = module;
/** The input block of pest control: natural area per ecosystem line, with an optional unit cost. */
export type PestControlInput = z.input<typeof inputSchema>;
