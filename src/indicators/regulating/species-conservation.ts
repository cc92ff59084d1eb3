/**
 * 物种保育 / 生物多样性维护 — Species conservation (biodiversity maintenance): valued as the
 * opportunity cost of keeping forest for its species, by the class of the stand's Shannon–Wiener
 * index. Local standards only; the forestry-standard method, recalled (ly-t-1721-2008,
 * gep-methods §4.12 [R]):
 *   U_bio = Σ_i S_H,i · A_i
 * A_i stand area (hm²); S_H opportunity cost per hm² and year by Shannon–Wiener index H:
 * H < 1, 1 ≤ H < 2, 2 ≤ H < 3, 3 ≤ H < 4, 4 ≤ H < 5, 5 ≤ H < 6, H ≥ 6 (coefficients
 * `shannon-opportunity-cost.*`, all to-verify). GB/T 38582—2020 adds endangered-species, endemic-species
 * and old-tree indices; Hainan (B.9) and Shandong have their own methods — none is implemented here.
 * A stand may carry its own unit value (元/(hm²·a)) instead of the Shannon class.
 */
import { z } from 'zod';
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../../errors/errors.js';
import { catalogueEntry } from '../catalogue.js';
import { inputRef, readAmount, resolvePrice, sumIn, traced, Tracer } from '../compute.js';
import { ecosystemType, measure, price } from '../input-schema.js';
import { multiplyInto, parseUnit } from '../../units/units.js';
import type { IndicatorContext, IndicatorSpec, QuantityResult, ValueLine, ValueResult } from '../types.js';

const ID = 'regulating.species-conservation';

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

/** Metadata, inputs and coefficients of species conservation. */
export const spec: IndicatorSpec = {
  ...catalogueEntry(ID),
  inputs: [
    { path: 'stands[].ecosystemType', unit: null, required: true, description: 'ecosystem type id of the stand (forest types in the forestry standard)' },
    { path: 'stands[].item', unit: null, required: false, description: 'name of the stand or forest type' },
    { path: 'stands[].area', unit: 'hm²', required: true, description: 'A, stand area' },
    { path: 'stands[].shannonIndex', unit: '1', required: false, description: 'H, Shannon–Wiener index of the stand (required unless unitValue is given)' },
    { path: 'stands[].unitValue', unit: '元/(hm²·a)', required: false, description: 'opportunity cost per hm² and year at the account price year, instead of the Shannon-class value' },
  ],
  variants: [],
  coefficients: ['shannon-opportunity-cost.*'],
};

/** Input: area and Shannon–Wiener index (or unit value) of each stand. */
export const inputSchema = z.strictObject({
  stands: z.array(z.strictObject({
    ecosystemType,
    item: z.string().min(1).optional(),
    area: measure('hm²'),
    shannonIndex: measure('1').optional(),
    unitValue: price('元/(hm²·a)').optional(),
  })).min(1),
});
export type SpeciesConservationInput = z.infer<typeof inputSchema>;

const lineName = (s: SpeciesConservationInput['stands'][number]) => s.item ?? s.ecosystemType;

/** Stand area per stand and in total, hm² (the physical basis of the opportunity cost). */
export function quantity<T>(input: SpeciesConservationInput, ctx: IndicatorContext<T>): QuantityResult<T> {
  const { A } = ctx;
  const lines = input.stands.map((s) => ({ item: lineName(s), ecosystemType: s.ecosystemType, quantity: readAmount(A, s.area, 'hm²') }));
  return { lines, total: sumIn(A, lines.map((l) => l.quantity), 'hm²'), steps: [], warnings: [] };
}

/** Value in 元: area × the opportunity cost of the stand's Shannon class (for the accounting year). */
export function value<T>(input: SpeciesConservationInput, q: QuantityResult<T>, ctx: IndicatorContext<T>): ValueResult<T> {
  const { A } = ctx;
  const tracer = new Tracer(A);
  const issues: GepIssue[] = [];
  const warnings: GepWarning[] = [];
  const lines: ValueLine<T>[] = [];
  q.lines.forEach((l, i) => {
    const s = input.stands[i]!;
    const at = [...ctx.path, 'stands', i];
    let classId: string | null = null;
    if (!s.unitValue) {
      if (!s.shannonIndex) {
        issues.push(makeIssue('input.required', [...at, 'shannonIndex'], { expected: 'the Shannon–Wiener index H of the stand, or a unitValue' }));
        return;
      }
      const h = readAmount(A, s.shannonIndex, '1');
      const cls = CLASSES.find((c) => A.compare(h.value, A.fromString(c.from)) >= 0)!;
      classId = cls.id;
      tracer.record(`Shannon class of ${l.item}`, cls.label, { H: traced(A, h, inputRef([...at, 'shannonIndex'])) }, h, `opportunity cost ${cls.id}`);
    }
    try {
      const { price: p, warnings: w } = resolvePrice(ctx, s.unitValue, classId, [...at, s.unitValue ? 'unitValue' : 'shannonIndex'], ID);
      warnings.push(...w);
      const perYear = parseUnit(p.unit).dimension.year === -1;
      const v = tracer.record(`value of ${l.item}`, 'U_bio = S_H × A', {
        A: traced(A, l.quantity, inputRef([...at, 'area'])), S_H: traced(A, p, p.from),
      }, { value: multiplyInto(A, l.quantity.value, l.quantity.unit, p.value, p.unit, perYear ? '元/a' : '元'), unit: '元' as const });
      lines.push({ item: l.item, ...(l.ecosystemType ? { ecosystemType: l.ecosystemType } : {}), quantity: l.quantity, unitPrice: p, value: v });
    } catch (e) {
      if (e instanceof GepInputError) issues.push(...e.issues);
      else throw e;
    }
  });
  if (issues.length) throw new GepInputError(issues);
  const total = tracer.record('total', 'V = Σ V_i', {}, sumIn(A, lines.map((l) => l.value), '元'));
  return { lines, total, steps: tracer.steps, warnings };
}
