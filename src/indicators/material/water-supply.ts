/**
 * 水资源（淡水供给）— Water supply: water withdrawn from ecosystems for domestic, industrial and
 * agricultural use, valued at the water tariff of each use.
 *   V_p = Σ_u Q_u · P_u,  u ∈ {domestic, industrial, agricultural}      (ganzi-2017 §2.4)
 * Q_u in m³/a, P_u in 元/m³. Without a given tariff, the table's `water-tariff.<use>` is used.
 * Overlap: water conservation values the retained water too; whether both count is a profile
 * choice (gep-methods §7).
 */
import { z } from 'zod';
import { GepInputError, makeIssue } from '../../errors/errors.js';
import { catalogueEntry } from '../catalogue.js';
import { inputRef, readAmount, sumIn, valueItems } from '../compute.js';
import { measure, price } from '../input-schema.js';
import type { IndicatorContext, IndicatorSpec, QuantityResult, ValueResult } from '../types.js';

const ID = 'material.water-supply';
const USES = ['domestic', 'industrial', 'agricultural'] as const;
const USE_NAMES: Record<(typeof USES)[number], string> = {
  domestic: '生活用水 domestic',
  industrial: '工业用水 industrial',
  agricultural: '农业用水 agricultural',
};

/** Metadata, inputs and coefficients of water supply. */
export const spec: IndicatorSpec = {
  ...catalogueEntry(ID),
  inputs: [
    { path: 'uses[].use', unit: null, required: true, description: `water use: ${USES.join(', ')}` },
    { path: 'uses[].withdrawal', unit: 'm³/a', required: true, description: 'water withdrawn for this use in the accounting year (水资源公报 用水量)' },
    { path: 'uses[].tariff', unit: '元/m³', required: false, description: 'water tariff of this use at the account price year; the table value otherwise' },
  ],
  variants: [],
  coefficients: ['water-tariff.*'],
};

/** Input: withdrawals by use, each with an optional tariff. */
export const inputSchema = z.strictObject({
  uses: z.array(z.strictObject({ use: z.enum(USES), withdrawal: measure('m³/a'), tariff: price('元/m³').optional() })).min(1),
});
export type WaterSupplyInput = z.infer<typeof inputSchema>;

function checkUnique(input: WaterSupplyInput, ctx: IndicatorContext<unknown>): void {
  const seen = new Set<string>();
  const issues = input.uses.flatMap((u, i) => {
    const dup = seen.has(u.use);
    seen.add(u.use);
    return dup ? [makeIssue('input.duplicate', [...ctx.path, 'uses', i, 'use'], { found: u.use })] : [];
  });
  if (issues.length) throw new GepInputError(issues);
}

/** Water withdrawn, by use, in m³/a. */
export function quantity<T>(input: WaterSupplyInput, ctx: IndicatorContext<T>): QuantityResult<T> {
  checkUnique(input, ctx as IndicatorContext<unknown>);
  const lines = input.uses.map((u) => ({ item: USE_NAMES[u.use], quantity: readAmount(ctx.A, u.withdrawal, 'm³/a') }));
  return { lines, total: sumIn(ctx.A, lines.map((l) => l.quantity), 'm³/a'), steps: [], warnings: [] };
}

/** Value of water supply in 元: each withdrawal × its tariff. */
export function value<T>(input: WaterSupplyInput, q: QuantityResult<T>, ctx: IndicatorContext<T>): ValueResult<T> {
  return valueItems(ctx, ID, input.uses.map((u, i) => ({
    item: USE_NAMES[u.use],
    quantity: q.lines[i]!.quantity,
    quantityFrom: inputRef([...ctx.path, 'uses', i, 'withdrawal']),
    price: u.tariff,
    coefficientId: `water-tariff.${u.use}`,
    pricePath: [...ctx.path, 'uses', i, 'tariff'],
  })));
}
