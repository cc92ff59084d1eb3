/**
 * 噪声消减 — Noise reduction (声环境服务): the traffic noise that road-side green belts attenuate,
 * valued at the cost of an equivalent noise barrier (replacement cost). Shenzhen / Nanjing local
 * standards (sz-db4403-t-141-2021, nj-db3201-t-1041-2021: terms known, methods not read);
 * method recalled in gep-methods §4.15 [R]:
 *   V_nr = Σ_i L_i · c_barrier
 * L_i length of green belt i that achieves the attenuation (km); c_barrier cost per km of an
 * equivalent noise barrier (元/km). No verified default cost exists, so the table has none: the
 * cost is an input (per belt, or one for all). A construction cost used as an annual price is a
 * stock/flow question no source resolves (as for the reservoir cost, gep-methods §9 item 5).
 * The attenuation-based variant (dB(A) reduced × a price per dB) is not implemented.
 */
import * as z from 'zod';
import { ecosystemTypeName } from '../catalogue.js';
import { inputRef, lineItem, readAmount, sumIn, valueItems } from '../compute.js';
import { defineIndicator } from '../define.js';
import { about, ecosystemType, type FieldText, measure, price } from '../input-schema.js';

const ID = 'regulating.noise-reduction';

const barrierCost = (text: FieldText) => price('元/km').optional().meta(text);
/** A belt's name: its item, else its place in the list. */
const beltName = (b: { readonly item?: string | undefined }, i: number) =>
  b.item ? { en: b.item, zh: ecosystemTypeName(b.item, 'zh') } : { en: `green belt ${i + 1}`, zh: `绿化带 ${i + 1}` };

const module = defineIndicator({
  id: ID,
  inputs: {
    belts: z
      .array(
        z.strictObject({
          item: z.string().min(1).optional().meta(about('name of the road or green belt', '道路或绿化带名称')),
          ecosystemType: ecosystemType
            .optional()
            .meta(
              about(
                'ecosystem type id of the belt (urban green space is usually "urban")',
                '绿化带的生态系统类型代码（城市绿地通常为 "urban"）',
              ),
            ),
          length: measure('km').meta(about('L, length of green belt that achieves the noise attenuation', 'L，达到降噪效果的绿化带长度')),
          barrierCost: barrierCost(
            about(
              'cost per km of an equivalent noise barrier for this belt, at the account price year',
              '该绿化带对应的等效隔音墙单位长度造价（元/km，核算价格年份）',
            ),
          ),
        }),
      )
      .min(1),
  },
  valuation: {
    barrierCost: barrierCost(
      about(
        'cost per km of an equivalent noise barrier for every belt without its own (no table default)',
        '未单独给定造价的绿化带统一采用的等效隔音墙单位长度造价（参数表无默认值）',
      ),
    ),
  },
  check(input, issue) {
    if (!input.barrierCost && input.belts.some((b) => !b.barrierCost)) {
      issue(['barrierCost'], 'input.required', {
        en: 'the cost per km of an equivalent noise barrier (the table has no default): barrierCost, or one per belt',
        zh: '每千米等效隔音屏障的造价（系数表中没有默认值）：barrierCost，或为每条林带分别给出',
      });
    }
  },
  variants: {},
  coefficients: [],

  /** Length of attenuating green belts, km. */
  quantity(input, ctx) {
    const { A } = ctx;
    const lines = input.belts.map((b, i) => ({
      ...lineItem(beltName(b, i)),
      ...(b.ecosystemType ? { ecosystemType: b.ecosystemType } : {}),
      quantity: readAmount(A, b.length, 'km'),
    }));
    return {
      lines,
      total: sumIn(
        A,
        lines.map((l) => l.quantity),
        'km',
      ),
      steps: [],
      warnings: [],
    };
  },

  /** Value in 元: belt length × the noise-barrier cost per km. */
  value(input, q, ctx) {
    return valueItems(
      ctx,
      ID,
      q.lines.map((l, i) => {
        const b = input.belts[i]!;
        return {
          item: l.item,
          itemZh: beltName(b, i).zh,
          ...(l.ecosystemType ? { ecosystemType: l.ecosystemType } : {}),
          quantity: l.quantity,
          quantityFrom: inputRef([...ctx.path, 'belts', i, 'length']),
          price: b.barrierCost ?? input.barrierCost,
          coefficientId: null,
          pricePath: b.barrierCost ? [...ctx.path, 'belts', i, 'barrierCost'] : [...ctx.path, 'barrierCost'],
        };
      }),
    );
  },
});

/** Metadata, inputs and coefficients of noise reduction. */
export const { spec, inputSchema, quantity, value } = module;
/** The input block of noise reduction: green belts by length, and the noise-barrier cost. */
export type NoiseReductionInput = z.input<typeof inputSchema>;
