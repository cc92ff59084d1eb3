/**
 * 生态能源 — Ecological energy: electricity generated from ecosystem flows (mainly hydropower;
 * also biomass and other renewable generation where a profile counts them), valued at the
 * on-grid price.
 *   V_h = Σ_s E_s · P_e,s      (ganzi-2017 §2.4: V_h = E_h·P_e for hydropower)
 * E in kWh/a, P_e in 元/kWh. Without a given price, `electricity-price.<source>` from the table.
 */
import * as z from 'zod';
import { inputRef, lineItem, readAmount, sumIn, valueItems } from '../compute.js';
import { defineIndicator } from '../define.js';
import { about, measure, price } from '../input-schema.js';

const ID = 'material.eco-energy';
const SOURCES = ['hydropower', 'biomass', 'wind', 'solar', 'geothermal'] as const;
type Source = (typeof SOURCES)[number];
const SOURCE_NAMES: Record<Source, { en: string; zh: string }> = {
  hydropower: { en: '水电 hydropower', zh: '水电' },
  biomass: { en: '生物质发电 biomass power', zh: '生物质发电' },
  wind: { en: '风电 wind power', zh: '风电' },
  solar: { en: '光伏 solar power', zh: '光伏' },
  geothermal: { en: '地热 geothermal', zh: '地热' },
};

const nameOf = (g: { source: Source; item?: string | undefined }, lang: 'en' | 'zh') =>
  g.item ? `${SOURCE_NAMES[g.source][lang]}: ${g.item}` : SOURCE_NAMES[g.source][lang];

const module = defineIndicator({
  id: ID,
  inputs: {
    generation: z
      .array(
        z.strictObject({
          source: z
            .enum(SOURCES)
            .meta(
              about(`energy source: ${SOURCES.join(', ')}`, `能源类型：${SOURCES.map((s) => `${s} ${SOURCE_NAMES[s].zh}`).join('、')}`),
            ),
          item: z
            .string()
            .min(1)
            .optional()
            .meta(about('plant or group name, when a source has several lines', '电站或电站组名称（同一能源有多行时）')),
          electricity: measure('kWh/a').meta(about('electricity generated in the accounting year', '核算年份发电量')),
          price: price('元/kWh')
            .optional()
            .meta(
              about('on-grid price at the account price year; the table value otherwise', '上网电价（核算价格年份）；不填则取参数表值'),
            ),
        }),
      )
      .min(1),
  },
  variants: {},
  coefficients: ['electricity-price.*'],

  /** Electricity generated, by source, in kWh/a. */
  quantity(input, ctx) {
    const lines = input.generation.map((g) => ({
      ...lineItem({ en: nameOf(g, 'en'), zh: nameOf(g, 'zh') }),
      quantity: readAmount(ctx.A, g.electricity, 'kWh/a'),
    }));
    return {
      lines,
      total: sumIn(
        ctx.A,
        lines.map((l) => l.quantity),
        'kWh/a',
      ),
      steps: [],
      warnings: [],
    };
  },

  /** Value of ecological energy in 元: generation × on-grid price. */
  value(input, q, ctx) {
    return valueItems(
      ctx,
      ID,
      input.generation.map((g, i) => ({
        item: nameOf(g, 'en'),
        itemZh: nameOf(g, 'zh'),
        quantity: q.lines[i]!.quantity,
        quantityFrom: inputRef([...ctx.path, 'generation', i, 'electricity']),
        price: g.price,
        coefficientId: `electricity-price.${g.source}`,
        pricePath: [...ctx.path, 'generation', i, 'price'],
      })),
    );
  },
});

/** Metadata, inputs and coefficients of ecological energy. */
export const { spec, inputSchema, quantity, value } = module;
/** The input block of ecological energy: generation by source. */
export type EcoEnergyInput = z.input<typeof inputSchema>;
