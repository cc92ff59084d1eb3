/**
 * 生态能源 — Ecological energy: electricity generated from ecosystem flows (mainly hydropower;
 * also biomass and other renewable generation where a profile counts them), valued at the
 * on-grid price.
 *   V_h = Σ_s E_s · P_e,s      (ganzi-2017 §2.4: V_h = E_h·P_e for hydropower)
 * E in kWh/a, P_e in 元/kWh. Without a given price, `electricity-price.<source>` from the table.
 */
import { z } from 'zod';
import { catalogueEntry } from '../catalogue.js';
import { inputRef, readAmount, sumIn, valueItems } from '../compute.js';
import { measure, price } from '../input-schema.js';
import type { IndicatorContext, IndicatorSpec, QuantityResult, ValueResult } from '../types.js';

const ID = 'material.eco-energy';
const SOURCES = ['hydropower', 'biomass', 'wind', 'solar', 'geothermal'] as const;
const SOURCE_NAMES: Record<(typeof SOURCES)[number], string> = {
  hydropower: '水电 hydropower',
  biomass: '生物质发电 biomass power',
  wind: '风电 wind power',
  solar: '光伏 solar power',
  geothermal: '地热 geothermal',
};

/** Metadata, inputs and coefficients of ecological energy. */
export const spec: IndicatorSpec = {
  ...catalogueEntry(ID),
  inputs: [
    { path: 'generation[].source', unit: null, required: true, description: `energy source: ${SOURCES.join(', ')}` },
    { path: 'generation[].item', unit: null, required: false, description: 'plant or group name, when a source has several lines' },
    { path: 'generation[].electricity', unit: 'kWh/a', required: true, description: 'electricity generated in the accounting year' },
    { path: 'generation[].price', unit: '元/kWh', required: false, description: 'on-grid price at the account price year; the table value otherwise' },
  ],
  variants: [],
  coefficients: ['electricity-price.*'],
};

/** Input: generation by source. */
export const inputSchema = z.strictObject({
  generation: z.array(z.strictObject({
    source: z.enum(SOURCES),
    item: z.string().min(1).optional(),
    electricity: measure('kWh/a'),
    price: price('元/kWh').optional(),
  })).min(1),
});
export type EcoEnergyInput = z.infer<typeof inputSchema>;

const nameOf = (g: EcoEnergyInput['generation'][number]) => (g.item ? `${SOURCE_NAMES[g.source]}: ${g.item}` : SOURCE_NAMES[g.source]);

/** Electricity generated, by source, in kWh/a. */
export function quantity<T>(input: EcoEnergyInput, ctx: IndicatorContext<T>): QuantityResult<T> {
  const lines = input.generation.map((g) => ({ item: nameOf(g), quantity: readAmount(ctx.A, g.electricity, 'kWh/a') }));
  return { lines, total: sumIn(ctx.A, lines.map((l) => l.quantity), 'kWh/a'), steps: [], warnings: [] };
}

/** Value of ecological energy in 元: generation × on-grid price. */
export function value<T>(input: EcoEnergyInput, q: QuantityResult<T>, ctx: IndicatorContext<T>): ValueResult<T> {
  return valueItems(ctx, ID, input.generation.map((g, i) => ({
    item: nameOf(g),
    quantity: q.lines[i]!.quantity,
    quantityFrom: inputRef([...ctx.path, 'generation', i, 'electricity']),
    price: g.price,
    coefficientId: `electricity-price.${g.source}`,
    pricePath: [...ctx.path, 'generation', i, 'price'],
  })));
}
