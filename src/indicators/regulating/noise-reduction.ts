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
import { z } from 'zod';
import { GepInputError, makeIssue } from '../../errors/errors.js';
import { catalogueEntry } from '../catalogue.js';
import { inputRef, readAmount, sumIn, valueItems } from '../compute.js';
import { ecosystemType, measure, price } from '../input-schema.js';
import type { IndicatorContext, IndicatorSpec, QuantityResult, ValueResult } from '../types.js';

const ID = 'regulating.noise-reduction';

/** Metadata, inputs and coefficients of noise reduction. */
export const spec: IndicatorSpec = {
  ...catalogueEntry(ID),
  inputs: [
    { path: 'belts[].item', unit: null, required: false, description: 'name of the road or green belt' },
    { path: 'belts[].ecosystemType', unit: null, required: false, description: 'ecosystem type id of the belt (urban green space is usually "urban")' },
    { path: 'belts[].length', unit: 'km', required: true, description: 'L, length of green belt that achieves the noise attenuation' },
    { path: 'belts[].barrierCost', unit: '元/km', required: false, description: 'cost per km of an equivalent noise barrier for this belt, at the account price year' },
    { path: 'barrierCost', unit: '元/km', required: false, description: 'cost per km of an equivalent noise barrier for every belt without its own (no table default)' },
  ],
  variants: [],
  coefficients: [],
};

/** Input: green belts by length, and the noise-barrier cost. */
export const inputSchema = z.strictObject({
  belts: z.array(z.strictObject({
    item: z.string().min(1).optional(),
    ecosystemType: ecosystemType.optional(),
    length: measure('km'),
    barrierCost: price('元/km').optional(),
  })).min(1),
  barrierCost: price('元/km').optional(),
});
export type NoiseReductionInput = z.infer<typeof inputSchema>;

const lineName = (b: NoiseReductionInput['belts'][number], i: number) => b.item ?? `green belt ${i + 1}`;

/** Length of attenuating green belts, km. */
export function quantity<T>(input: NoiseReductionInput, ctx: IndicatorContext<T>): QuantityResult<T> {
  const { A } = ctx;
  const lines = input.belts.map((b, i) => ({
    item: lineName(b, i),
    ...(b.ecosystemType ? { ecosystemType: b.ecosystemType } : {}),
    quantity: readAmount(A, b.length, 'km'),
  }));
  return { lines, total: sumIn(A, lines.map((l) => l.quantity), 'km'), steps: [], warnings: [] };
}

/** Value in 元: belt length × the noise-barrier cost per km. */
export function value<T>(input: NoiseReductionInput, q: QuantityResult<T>, ctx: IndicatorContext<T>): ValueResult<T> {
  if (!input.barrierCost && input.belts.some((b) => !b.barrierCost)) {
    throw new GepInputError([makeIssue('input.required', [...ctx.path, 'barrierCost'], {
      expected: 'the cost per km of an equivalent noise barrier (the table has no default): barrierCost, or one per belt',
    })]);
  }
  return valueItems(ctx, ID, q.lines.map((l, i) => {
    const b = input.belts[i]!;
    return {
      item: l.item,
      ...(l.ecosystemType ? { ecosystemType: l.ecosystemType } : {}),
      quantity: l.quantity,
      quantityFrom: inputRef([...ctx.path, 'belts', i, 'length']),
      price: b.barrierCost ?? input.barrierCost,
      coefficientId: null,
      pricePath: b.barrierCost ? [...ctx.path, 'belts', i, 'barrierCost'] : [...ctx.path, 'barrierCost'],
    };
  }));
}
