/**
 * 水资源（淡水供给）— Water supply: water withdrawn from ecosystems for domestic, industrial and
 * agricultural use, valued at the water tariff of each use.
 *   V_p = Σ_u Q_u · P_u,  u ∈ {domestic, industrial, agricultural}      (ganzi-2017 §2.4)
 * Q_u in m³/a, P_u in 元/m³. Without a given tariff, the table's `water-tariff.<use>` is used.
 * Overlap: water conservation values the retained water too; whether both count is a profile
 * choice (gep-methods §7).
 */
import * as z from 'zod';
import { inputRef, lineItem, readAmount, sumIn, valueItems } from '../compute.js';
import { defineIndicator } from '../define.js';
import { about, measure, price } from '../input-schema.js';

const ID = 'material.water-supply';
const USES = ['domestic', 'industrial', 'agricultural'] as const;
const USE_NAMES: Record<(typeof USES)[number], { en: string; zh: string }> = {
  domestic: { en: '生活用水 domestic', zh: '生活用水' },
  industrial: { en: '工业用水 industrial', zh: '工业用水' },
  agricultural: { en: '农业用水 agricultural', zh: '农业用水' },
};

const module = defineIndicator({
  id: ID,
  inputs: {
    uses: z
      .array(
        z.strictObject({
          use: z
            .enum(USES)
            .meta(about(`water use: ${USES.join(', ')}`, `用水类型：${USES.map((u) => `${u} ${USE_NAMES[u].zh}`).join('、')}`)),
          withdrawal: measure('m³/a').meta(
            about('water withdrawn for this use in the accounting year (水资源公报 用水量)', '核算年份该用途的用水量（水资源公报 用水量）'),
          ),
          tariff: price('元/m³')
            .optional()
            .meta(
              about(
                'water tariff of this use at the account price year; the table value otherwise',
                '该用途水价（核算价格年份）；不填则取参数表值',
              ),
            ),
        }),
      )
      .min(1),
  },
  check(input, issue) {
    const seen = new Set<string>();
    input.uses.forEach((u, i) => {
      if (seen.has(u.use)) issue(['uses', i, 'use'], 'input.duplicate', { en: 'each use once', zh: '每种用途只出现一次' }, u.use);
      seen.add(u.use);
    });
  },
  variants: {},
  coefficients: ['water-tariff.*'],

  /** Water withdrawn, by use, in m³/a. */
  quantity(input, ctx) {
    const lines = input.uses.map((u) => ({ ...lineItem(USE_NAMES[u.use]), quantity: readAmount(ctx.A, u.withdrawal, 'm³/a') }));
    return {
      lines,
      total: sumIn(
        ctx.A,
        lines.map((l) => l.quantity),
        'm³/a',
      ),
      steps: [],
      warnings: [],
    };
  },

  /** Value of water supply in 元: each withdrawal × its tariff. */
  value(input, q, ctx) {
    return valueItems(
      ctx,
      ID,
      input.uses.map((u, i) => ({
        item: USE_NAMES[u.use].en,
        itemZh: USE_NAMES[u.use].zh,
        quantity: q.lines[i]!.quantity,
        quantityFrom: inputRef([...ctx.path, 'uses', i, 'withdrawal']),
        price: u.tariff,
        coefficientId: `water-tariff.${u.use}`,
        pricePath: [...ctx.path, 'uses', i, 'tariff'],
      })),
    );
  },
});

/** Metadata, inputs and coefficients of water supply. */
export const { spec, inputSchema, quantity, value } = module;
/** The input block of water supply: withdrawals by use, each with an optional tariff. */
export type WaterSupplyInput = z.input<typeof inputSchema>;
