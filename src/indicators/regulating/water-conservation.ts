/**
 * 水源涵养 — Water conservation (water retention): the water that ecosystems hold back from quick
 * runoff and release slowly, by the water-balance method.
 *   Q_wr = Σ_i A_i · (P_i − R_i − ET_i)                       (ganzi-2017 §2.4; gong-2017 §1.2)
 *   R_i  = P_i · α_i              variant `runoff: mean-runoff-coefficient` (gong-2017 §1.2, Table 2)
 *   R_i  = storm runoff depth     variant `runoff: storm-runoff` (ganzi-2017 writes 暴雨径流量)
 *   V_wr = Q_wr · C_we            C_we = reservoir construction cost per m³ of storage (ganzi-2017 §2.4)
 * For reproducing a published account, `reported` takes the physical quantity as printed instead.
 * A_i in m² after conversion, depths in mm (annual totals), Q in m³/a. A type whose balance is
 * negative contributes 0 (common practice, gep-methods §4.0); the raw sum is kept in the trace and
 * a warning names the clamped types.
 */
import { z } from 'zod';
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../../errors/errors.js';
import { catalogueEntry } from '../catalogue.js';
import { inputRef, readAmount, sumIn, traced, Tracer, valueItems } from '../compute.js';
import { ecosystemType, measure, price } from '../input-schema.js';
import { convert, multiplyInto } from '../../units/units.js';
import type { Measure } from '../../units/measure.js';
import type { IndicatorContext, IndicatorSpec, QuantityLine, QuantityResult, ValueResult } from '../types.js';

const ID = 'regulating.water-conservation';

/** Metadata, inputs, variants and coefficients of water conservation. */
export const spec: IndicatorSpec = {
  ...catalogueEntry(ID),
  inputs: [
    { path: 'ecosystems[].ecosystemType', unit: null, required: true, description: 'ecosystem type id (runoff coefficients are tabulated for the level-2 types of gong-2017)' },
    { path: 'ecosystems[].area', unit: 'km²', required: true, description: 'area of the type in the region' },
    { path: 'ecosystems[].precipitation', unit: 'mm', required: true, description: 'annual precipitation over the type (area-weighted mean)' },
    { path: 'ecosystems[].evapotranspiration', unit: 'mm', required: true, description: 'annual actual evapotranspiration (e.g. MOD16)' },
    { path: 'ecosystems[].runoffCoefficient', unit: '1', required: false, description: 'mean surface-runoff coefficient α (0–1 or %); the table value for the type otherwise' },
    { path: 'ecosystems[].stormRunoff', unit: 'mm', required: false, description: 'storm runoff depth, for the storm-runoff variant' },
    { path: 'reported[].item', unit: null, required: false, description: 'name of a reported line (ecosystem type or region), instead of ecosystems' },
    { path: 'reported[].quantity', unit: 'm³/a', required: false, description: 'water conservation quantity as printed by a published account, instead of ecosystems' },
    { path: 'unitPrice', unit: '元/m³', required: false, description: 'price per m³ (reservoir cost or water price) at the account price year; the table value otherwise' },
  ],
  variants: [{
    name: 'runoff',
    options: {
      'mean-runoff-coefficient': 'R = P·α with α by ecosystem type (gong-2017 Table 2)',
      'storm-runoff': 'R = storm runoff depth given per type (ganzi-2017)',
    },
    default: 'mean-runoff-coefficient',
  }],
  coefficients: ['runoff-coefficient.*', 'reservoir-storage-cost'],
};

/** Input: the water balance of each ecosystem type. */
export const inputSchema = z.strictObject({
  ecosystems: z.array(z.strictObject({
    ecosystemType,
    area: measure('km²'),
    precipitation: measure('mm'),
    evapotranspiration: measure('mm'),
    runoffCoefficient: measure('1', { max: '1' }).optional(),
    stormRunoff: measure('mm').optional(),
  })).min(1).optional(),
  reported: z.array(z.strictObject({ item: z.string().min(1), ecosystemType: ecosystemType.optional(), quantity: measure('m³/a') })).min(1).optional(),
  unitPrice: price('元/m³').optional(),
}).check((c) => {
  if (!c.value.ecosystems === !c.value.reported) {
    c.issues.push({ code: 'custom', input: c.value, message: 'one of', params: { gepCode: 'input.missing-basis', expected: 'either ecosystems (to compute the water balance) or reported (quantities as printed), not both' } });
  }
});
export type WaterConservationInput = z.infer<typeof inputSchema>;

/** Water conserved per ecosystem type and in total, m³/a. */
export function quantity<T>(input: WaterConservationInput, ctx: IndicatorContext<T>): QuantityResult<T> {
  const { A } = ctx;
  const tracer = new Tracer(A);
  const issues: GepIssue[] = [];
  const warnings: GepWarning[] = [];
  const lines: QuantityLine<T>[] = [];
  const raw: Measure<T>[] = [];
  const storm = ctx.variant.runoff === 'storm-runoff';

  if (input.reported) return reportedQuantity(input.reported, ctx);
  input.ecosystems!.forEach((e, i) => {
    const at = [...ctx.path, 'ecosystems', i];
    const area = readAmount(A, e.area, 'm²');
    const p = readAmount(A, e.precipitation, 'mm');
    const et = readAmount(A, e.evapotranspiration, 'mm');
    let runoff: Measure<T>;
    if (storm) {
      if (!e.stormRunoff) {
        issues.push(makeIssue('input.required', [...at, 'stormRunoff'], { expected: 'a storm runoff depth (variant storm-runoff)' }));
        return;
      }
      runoff = readAmount(A, e.stormRunoff, 'mm');
    } else {
      let alpha: Measure<T>;
      let from: string;
      const id = `runoff-coefficient.${e.ecosystemType}`;
      if (e.runoffCoefficient) {
        alpha = readAmount(A, e.runoffCoefficient, '1');
        from = inputRef([...at, 'runoffCoefficient']);
      } else if (ctx.coefficients.has(id)) {
        const c = ctx.coefficients.get(id, [...at, 'runoffCoefficient']);
        alpha = { value: convert(A, c.value, c.unit, '1'), unit: '1' };
        from = `coefficient:${id}`;
      } else {
        issues.push(makeIssue('input.required', [...at, 'runoffCoefficient'], {
          expected: `a runoff coefficient: the table has none for "${e.ecosystemType}"`,
        }));
        return;
      }
      runoff = tracer.record(`runoff of ${e.ecosystemType}`, 'R = P × α',
        { P: traced(A, p, inputRef([...at, 'precipitation'])), α: traced(A, alpha, from) },
        { value: A.multiply(p.value, alpha.value), unit: 'mm' });
    }
    const depth = A.subtract(A.subtract(p.value, runoff.value), et.value);
    const q = tracer.record(`water balance of ${e.ecosystemType}`, 'Q_i = A_i × (P_i − R_i − ET_i)', {
      A: traced(A, area, inputRef([...at, 'area'])),
      P: traced(A, p, inputRef([...at, 'precipitation'])),
      R: traced(A, runoff, storm ? inputRef([...at, 'stormRunoff']) : `step:runoff of ${e.ecosystemType}`),
      ET: traced(A, et, inputRef([...at, 'evapotranspiration'])),
    }, { value: multiplyInto(A, area.value, 'm²', depth, 'mm/a', 'm³/a'), unit: 'm³/a' });
    raw.push(q);
    const negative = A.compare(q.value, A.zero) < 0;
    if (negative) {
      warnings.push({ code: 'negative-water-balance', indicator: ID, path: at,
        message: `${e.ecosystemType}: precipitation − runoff − evapotranspiration is negative (${A.toString(q.value)} m³/a); counted as 0` });
    }
    lines.push({ item: e.ecosystemType, ecosystemType: e.ecosystemType, quantity: negative ? { value: A.zero, unit: 'm³/a' } : q });
  });
  if (issues.length) throw new GepInputError(issues);

  tracer.record('raw water balance', 'Σ_i Q_i before clamping', {}, sumIn(A, raw, 'm³/a'));
  const total = tracer.record('water conservation', 'Q_wr = Σ_i max(Q_i, 0)', {}, sumIn(A, lines.map((l) => l.quantity), 'm³/a'));
  return { lines, total, steps: tracer.steps, warnings };
}

/** Quantities as printed by a published account, each traced to its input line. */
function reportedQuantity<T>(reported: NonNullable<WaterConservationInput['reported']>, ctx: IndicatorContext<T>): QuantityResult<T> {
  const tracer = new Tracer(ctx.A);
  const lines = reported.map((r, i) => ({
    item: r.item,
    ...(r.ecosystemType ? { ecosystemType: r.ecosystemType } : {}),
    quantity: tracer.record(`water balance of ${r.item}`, 'Q_i as reported', { Q: traced(ctx.A, readAmount(ctx.A, r.quantity, 'm³/a'), inputRef([...ctx.path, 'reported', i, 'quantity'])) }, readAmount(ctx.A, r.quantity, 'm³/a')),
  }));
  const total = tracer.record('water conservation', 'Q_wr = Σ_i Q_i (reported)', {}, sumIn(ctx.A, lines.map((l) => l.quantity), 'm³/a'));
  return { lines, total, steps: tracer.steps, warnings: [] };
}

/** Value of water conservation in 元: Q × the reservoir construction cost per m³ (or a given price). */
export function value<T>(input: WaterConservationInput, q: QuantityResult<T>, ctx: IndicatorContext<T>): ValueResult<T> {
  return valueItems(ctx, ID, q.lines.map((l, i) => ({
    item: l.item,
    ...(l.ecosystemType ? { ecosystemType: l.ecosystemType } : {}),
    quantity: l.quantity,
    quantityFrom: `step:water balance of ${l.item}`,
    price: input.unitPrice,
    coefficientId: 'reservoir-storage-cost',
    pricePath: input.unitPrice ? [...ctx.path, 'unitPrice'] : [...ctx.path, input.reported ? 'reported' : 'ecosystems', i],
  })));
}
