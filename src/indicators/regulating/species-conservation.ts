/**
 * 物种保育 / 生物多样性维护 — Species conservation (biodiversity maintenance): valued as the
 * opportunity cost of keeping forest for its species, by the class of the stand's Shannon–Wiener
 * index. Local standards only; the forestry-standard method, recalled (ly-t-1721-2008,
 * gep-methods §4.12 [R]):
 *   U_bio = Σ_i S_H,i · A_i                 (V = Q × P in the trace: Q the area A_i, P the cost S_H,i)
 * A_i stand area (hm²); S_H opportunity cost per hm² and year by Shannon–Wiener index H:
 * H < 1, 1 ≤ H < 2, 2 ≤ H < 3, 3 ≤ H < 4, 4 ≤ H < 5, 5 ≤ H < 6, H ≥ 6 (coefficients
 * `shannon-opportunity-cost.*`, all to-verify). GB/T 38582—2020 adds endangered-species, endemic-species
 * and old-tree indices; Hainan (B.9) and Shandong have their own methods — none is implemented here.
 * A stand may carry its own unit value (元/(hm²·a)) instead of the Shannon class.
 */
import * as z from 'zod';
import { ecosystemTypeName } from '../catalogue.js';
import { inputRef, readAmount, sumIn, traced, Tracer, typeLineItem, valueItems } from '../compute.js';
import { defineIndicator } from '../define.js';
import { about, ecosystemType, measure, price } from '../input-schema.js';

const ID = 'regulating.species-conservation';
const zh = (item: string) => ecosystemTypeName(item, 'zh');

/** Shannon–Wiener classes: lower bound (inclusive) and the coefficient id of the class. */
const CLASSES: readonly { readonly from: string; readonly label: string; readonly id: string }[] = [
  { from: '6', label: 'H ≥ 6', id: 'shannon-opportunity-cost.h-6-up' },
  { from: '5', label: '5 ≤ H < 6', id: 'shannon-opportunity-cost.h-5-6' },
  { from: '4', label: '4 ≤ H < 5', id: 'shannon-opportunity-cost.h-4-5' },
  { from: '3', label: '3 ≤ H < 4', id: 'shannon-opportunity-cost.h-3-4' },
  { from: '2', label: '2 ≤ H < 3', id: 'shannon-opportunity-cost.h-2-3' },
  { from: '1', label: '1 ≤ H < 2', id: 'shannon-opportunity-cost.h-1-2' },
  { from: '0', label: 'H < 1', id: 'shannon-opportunity-cost.h-below-1' },
];

const module = defineIndicator({
  id: ID,
  inputs: {
    stands: z
      .array(
        z.strictObject({
          ecosystemType: ecosystemType.meta(
            about(
              'ecosystem type id of the stand (forest types in the forestry standard)',
              '林分的生态系统类型代码（林业标准中的森林类型）',
            ),
          ),
          item: z.string().min(1).optional().meta(about('name of the stand or forest type', '林分或森林类型名称')),
          area: measure('hm²').meta(about('A, stand area', 'A，林分面积')),
          shannonIndex: measure('1')
            .optional()
            .meta(
              about(
                'H, Shannon–Wiener index of the stand (required unless unitValue is given)',
                'H，林分 Shannon–Wiener 多样性指数（未给 unitValue 时必填）',
              ),
            ),
          unitValue: price('元/(hm²·a)')
            .optional()
            .meta(
              about(
                'opportunity cost per hm² and year at the account price year, instead of the Shannon-class value',
                '单位面积年机会成本（核算价格年份），代替按 Shannon 指数等级取值',
              ),
            ),
        }),
      )
      .min(1),
  },
  check(input, issue) {
    input.stands.forEach((s, i) => {
      if (!s.unitValue && !s.shannonIndex)
        issue(['stands', i, 'shannonIndex'], 'input.required', {
          en: 'the Shannon–Wiener index H of the stand, or a unitValue',
          zh: '林分的 Shannon–Wiener 多样性指数 H，或 unitValue',
        });
    });
  },
  variants: {},
  coefficients: ['shannon-opportunity-cost.*'],

  /** Stand area per stand and in total, hm² (the physical basis of the opportunity cost). */
  quantity(input, ctx) {
    const { A } = ctx;
    const lines = input.stands.map((s) => ({
      ...typeLineItem(s.item ?? s.ecosystemType),
      ecosystemType: s.ecosystemType,
      quantity: readAmount(A, s.area, 'hm²'),
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

  /** Value in 元: area × the opportunity cost of the stand's Shannon class (for the accounting year). */
  value(input, q, ctx) {
    const { A } = ctx;
    const tracer = new Tracer(A);
    return valueItems(
      ctx,
      ID,
      q.lines.map((l, i) => {
        const s = input.stands[i]!;
        const at = [...ctx.path, 'stands', i];
        let classId: string | null = null;
        if (!s.unitValue) {
          // The schema's check made sure a stand without a unit value has its index.
          const h = readAmount(A, s.shannonIndex!, '1');
          const cls = CLASSES.find((c) => A.compare(h.value, A.fromString(c.from)) >= 0)!;
          classId = cls.id;
          tracer.record(
            { en: `Shannon class of ${l.item}`, zh: `${zh(l.item)}香农—维纳指数等级` },
            cls.label,
            { H: traced(A, h, inputRef([...at, 'shannonIndex'])) },
            h,
            { en: `opportunity cost ${cls.id}`, zh: `机会成本 ${cls.id}` },
          );
        }
        return {
          item: l.item,
          itemZh: l.itemZh,
          ...(l.ecosystemType ? { ecosystemType: l.ecosystemType } : {}),
          quantity: l.quantity,
          quantityFrom: inputRef([...at, 'area']),
          price: s.unitValue,
          coefficientId: classId,
          pricePath: [...at, s.unitValue ? 'unitValue' : 'shannonIndex'],
        };
      }),
      tracer,
    );
  },
});

/** Metadata, inputs and coefficients of species conservation. */
export const { spec, inputSchema, quantity, value } = module;
/** The input block of species conservation: stands with their area and Shannon–Wiener index (or unit value). */
export type SpeciesConservationInput = z.input<typeof inputSchema>;
