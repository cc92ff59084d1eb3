/**
 * 生态能源 — Ecological energy: electricity generated from ecosystem flows (mainly hydropower;
 * also biomass and other renewable generation where a profile counts them), valued at the
 * on-grid price.
 *   V_h = Σ_s E_s · P_e,s      (ganzi-2017 §2.4: V_h = E_h·P_e for hydropower)
 * E in kWh/a, P_e in 元/kWh. Without a given price, `electricity-price.<source>` from the table.
 */
import * as z from 'zod';
import { inputRef, readAmount, sumIn, valueItems } from '../compute.js';
import { defineIndicator } from '../define.js';
import { measure, price } from '../input-schema.js';

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
  (g.item ? `${SOURCE_NAMES[g.source][lang]}: ${g.item}` : SOURCE_NAMES[g.source][lang]);

const module = defineIndicator({
  id: ID,
  inputs: {
    generation: z.array(z.strictObject({
      source: z.enum(SOURCES).describe(`energy source: ${SOURCES.join(', ')}`),
      item: z.string().min(1).optional().describe('plant or group name, when a source has several lines'),
      electricity: measure('kWh/a').describe('electricity generated in the accounting year'),
      price: price('元/kWh').optional().describe('on-grid price at the account price year; the table value otherwise'),
    })).min(1),
  },
  variants: {},
  coefficients: ['electricity-price.*'],

  /** Electricity generated, by source, in kWh/a. */
  quantity(input, ctx) {
    const lines = input.generation.map((g) => ({ item: nameOf(g, 'en'), quantity: readAmount(ctx.A, g.electricity, 'kWh/a') }));
    return { lines, total: sumIn(ctx.A, lines.map((l) => l.quantity), 'kWh/a'), steps: [], warnings: [] };
  },

  /** Value of ecological energy in 元: generation × on-grid price. */
  value(input, q, ctx) {
    return valueItems(ctx, ID, input.generation.map((g, i) => ({
      item: nameOf(g, 'en'),
      itemZh: nameOf(g, 'zh'),
      quantity: q.lines[i]!.quantity,
      quantityFrom: inputRef([...ctx.path, 'generation', i, 'electricity']),
      price: g.price,
      coefficientId: `electricity-price.${g.source}`,
      pricePath: [...ctx.path, 'generation', i, 'price'],
    })));
  },
});

/** Metadata, inputs and coefficients of ecological energy. */
export const { spec, inputSchema, quantity, value } = module;
/** The input block of ecological energy: generation by source. */
export type EcoEnergyInput = z.input<typeof inputSchema>;
