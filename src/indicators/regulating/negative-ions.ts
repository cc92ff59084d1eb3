/**
 * 负氧离子 — Negative air ions (提供负离子): the negative air ions that forest stands supply in the
 * accounting year, valued above the concentration that benefits health. Local standards only;
 * the forestry-standard method, recalled (ly-t-1721-2008, gep-methods §4.13 [R]):
 *   G_ion = 5.256×10¹⁵ · Q_ion · A · H / L                     (个/a)
 *   U_ion = 5.256×10¹⁵ · A · H · K_ion · (Q_ion − 600) / L    (元/a)
 * Q_ion ion concentration (个/cm³), A stand area (hm²), H stand height (m), L ion lifetime (min),
 * K_ion production cost (元/个), 600 个/cm³ the threshold above which ions are valued. The constant
 * 5.256×10¹⁵ is 525 600 min/a × 10¹⁰ cm³ per hm²·m (gep-methods §4.13 [D]): here the volume
 * conversion is done by the unit layer and the minutes per year are the coefficient
 * `minutes-per-year`. A stand below the threshold is valued at 0, with a warning.
 * For reproducing a published account, `reported` takes the ion supply as printed (个/a, with the
 * concentration it was measured at) instead of `stands`; the valued share is G · (Q − 600)/Q.
 */
import { z } from 'zod';
import { GepInputError, makeIssue, type GepWarning } from '../../errors/errors.js';
import { catalogueEntry } from '../catalogue.js';
import { inputRef, readAmount, resolvePrice, sumIn, traced, Tracer, valueAt } from '../compute.js';
import { ecosystemType, measure, price } from '../input-schema.js';
import { convert, multiplyInto } from '../../units/units.js';
import type { Measure } from '../../units/measure.js';
import type { IndicatorContext, IndicatorSpec, QuantityLine, QuantityResult, TracedValue, ValueLine, ValueResult } from '../types.js';

const ID = 'regulating.negative-ions';

/** Metadata, inputs and coefficients of negative air ions. */
export const spec: IndicatorSpec = {
  ...catalogueEntry(ID),
  inputs: [
    { path: 'stands[].ecosystemType', unit: null, required: true, description: 'ecosystem type id of the stand' },
    { path: 'stands[].item', unit: null, required: false, description: 'name of the stand or forest type' },
    { path: 'stands[].ionConcentration', unit: '个/cm³', required: true, description: 'Q_ion, mean negative-ion concentration measured in the stand' },
    { path: 'stands[].area', unit: 'hm²', required: true, description: 'A, stand area' },
    { path: 'stands[].height', unit: 'm', required: true, description: 'H, mean stand height' },
    { path: 'reported[].item', unit: null, required: false, description: 'name of a reported line (stand, forest type or region), instead of stands' },
    { path: 'reported[].ecosystemType', unit: null, required: false, description: 'ecosystem type id of the reported line, if any' },
    { path: 'reported[].quantity', unit: '个/a', required: false, description: 'ions supplied as printed by a published account, instead of stands' },
    { path: 'reported[].ionConcentration', unit: '个/cm³', required: false, description: 'Q_ion of the reported line, to value its share above the threshold' },
    { path: 'ionPrice', unit: '元/个', required: false, description: 'K_ion, production cost per ion at the account price year; the table value otherwise' },
  ],
  variants: [],
  coefficients: ['negative-ion.lifetime', 'negative-ion.threshold', 'negative-ion.production-cost', 'minutes-per-year'],
};

/** Input: ion concentration and size of each stand, and an optional price per ion. */
export const inputSchema = z.strictObject({
  stands: z.array(z.strictObject({
    ecosystemType,
    item: z.string().min(1).optional(),
    ionConcentration: measure('个/cm³'),
    area: measure('hm²'),
    height: measure('m'),
  })).min(1).optional(),
  reported: z.array(z.strictObject({
    item: z.string().min(1),
    ecosystemType: ecosystemType.optional(),
    quantity: measure('个/a'),
    ionConcentration: measure('个/cm³'),
  })).min(1).optional(),
  ionPrice: price('元/个').optional(),
}).check((c) => {
  if (!c.value.stands === !c.value.reported) {
    c.issues.push({ code: 'custom', input: c.value, message: 'one of', params: { gepCode: 'input.missing-basis', expected: 'either stands (to compute the ion supply) or reported (quantities as printed), not both' } });
  }
});
export type NegativeIonsInput = z.infer<typeof inputSchema>;

interface Coef<T> { readonly value: T; readonly unit: string; readonly traced: TracedValue }

function coefficient<T>(ctx: IndicatorContext<T>, id: string, positive: boolean): Coef<T> {
  const row = ctx.coefficients.get(id, ctx.path);
  if (positive && ctx.A.compare(row.value, ctx.A.zero) <= 0) {
    throw new GepInputError([makeIssue('input.out-of-range', ['coefficientOverrides', id], { expected: `${id} > 0`, found: `${row.use.value} ${row.unit}` })]);
  }
  return { value: row.value, unit: row.unit, traced: traced(ctx.A, { value: row.value, unit: row.unit }, `coefficient:${id}`) };
}

const lineName = (s: NonNullable<NegativeIonsInput['stands']>[number]) => s.item ?? s.ecosystemType;

/** The concentration behind each quantity line (reported lines first, as in `quantity`), and its input path. */
function concentrations(input: NegativeIonsInput): { readonly value: { value: string; unit: string }; readonly path: readonly (string | number)[] }[] {
  return [
    ...(input.reported ?? []).map((r, i) => ({ value: r.ionConcentration, path: ['reported', i, 'ionConcentration'] })),
    ...(input.stands ?? []).map((s, i) => ({ value: s.ionConcentration, path: ['stands', i, 'ionConcentration'] })),
  ];
}

/** Ions supplied per stand and in total, 个/a. */
export function quantity<T>(input: NegativeIonsInput, ctx: IndicatorContext<T>): QuantityResult<T> {
  const { A } = ctx;
  const tracer = new Tracer(A);
  const lines: QuantityLine<T>[] = [];
  let lifetime: Coef<T> | undefined;
  let perYear: Coef<T> | undefined;

  (input.reported ?? []).forEach((r, i) => {
    const g = readAmount(A, r.quantity, '个/a');
    lines.push({
      item: r.item,
      ...(r.ecosystemType ? { ecosystemType: r.ecosystemType } : {}),
      quantity: tracer.record(`ions supplied by ${r.item}`, 'G_ion as reported', { G: traced(A, g, inputRef([...ctx.path, 'reported', i, 'quantity'])) }, g, 'ions supplied as reported'),
    });
  });

  (input.stands ?? []).forEach((s, i) => {
    const at = [...ctx.path, 'stands', i];
    const name = lineName(s);
    const q = readAmount(A, s.ionConcentration, '个/cm³');
    lifetime ??= coefficient(ctx, 'negative-ion.lifetime', true);
    perYear ??= coefficient(ctx, 'minutes-per-year', false);
    const area = readAmount(A, s.area, 'hm²');
    const height = readAmount(A, s.height, 'm');
    // Q·A·H: 个/cm³ × hm² × m → 个 (10¹⁰ cm³ per hm²·m); ÷ L → 个/min; × 525 600 min/a → 个/a
    const ions = multiplyInto(A, multiplyInto(A, q.value, '个/cm³', area.value, 'hm²', '个/m'), '个/m', height.value, 'm', '个');
    const perMinute = A.divide(ions, lifetime.value);
    const g = tracer.record(`ions supplied by ${name}`, 'G_ion = 5.256×10¹⁵ · Q_ion · A · H / L', {
      Q_ion: traced(A, q, inputRef([...at, 'ionConcentration'])),
      A: traced(A, area, inputRef([...at, 'area'])),
      H: traced(A, height, inputRef([...at, 'height'])),
      L: lifetime.traced,
      'min/a': perYear.traced,
    }, { value: multiplyInto(A, perMinute, `个/${lifetime.unit}`, perYear.value, perYear.unit, '个/a'), unit: '个/a' });
    lines.push({ item: name, ecosystemType: s.ecosystemType, quantity: g });
  });
  const total = tracer.record('negative air ions', 'G = Σ_i G_ion,i', {}, sumIn(A, lines.map((l) => l.quantity), '个/a'));
  return { lines, total, steps: tracer.steps, warnings: [] };
}

/** Value in 元: the ions above the threshold, G · (Q − 600)/Q, × the production cost per ion. */
export function value<T>(input: NegativeIonsInput, q: QuantityResult<T>, ctx: IndicatorContext<T>): ValueResult<T> {
  const { A } = ctx;
  const tracer = new Tracer(A);
  const warnings: GepWarning[] = [];
  const pricePath = [...ctx.path, 'ionPrice'];
  const { price: p, warnings: w } = resolvePrice(ctx, input.ionPrice, 'negative-ion.production-cost', pricePath, ID);
  warnings.push(...w);
  const threshold = coefficient(ctx, 'negative-ion.threshold', false);
  const thresholdValue = { value: convert(A, threshold.value, threshold.unit, '个/cm³'), unit: '个/cm³' };
  const sources = concentrations(input);
  const lines: ValueLine<T>[] = q.lines.map((l, i) => {
    const c = sources[i]!;
    const concPath = [...ctx.path, ...c.path];
    const at = concPath.slice(0, -1);
    const conc = readAmount(A, c.value, '个/cm³');
    const excess = A.subtract(conc.value, thresholdValue.value);
    let valued: Measure<T>;
    if (A.compare(excess, A.zero) <= 0) {
      warnings.push({ code: 'below-threshold', indicator: ID, path: at, message: `${l.item}: ion concentration ${A.toString(conc.value)} 个/cm³ is not above the threshold ${A.toString(thresholdValue.value)} 个/cm³; valued at 0` });
      valued = tracer.record(`ions valued for ${l.item}`, 'G_v = 0 when Q_ion ≤ 600', { Q_ion: traced(A, conc, inputRef(concPath)), threshold: threshold.traced }, { value: A.zero, unit: '个/a' });
    } else {
      valued = tracer.record(`ions valued for ${l.item}`, 'G_v = G_ion × (Q_ion − 600) / Q_ion', {
        G_ion: traced(A, l.quantity, `step:ions supplied by ${l.item}`),
        Q_ion: traced(A, conc, inputRef(concPath)),
        threshold: threshold.traced,
      }, { value: A.divide(A.multiply(l.quantity.value, excess), conc.value), unit: '个/a' });
    }
    const v = tracer.record(`value of ${l.item}`, 'U_ion = G_v × K_ion', { G_v: traced(A, valued, `step:ions valued for ${l.item}`), K_ion: traced(A, p, p.from) }, valueAt(A, valued, p));
    return { item: l.item, ...(l.ecosystemType ? { ecosystemType: l.ecosystemType } : {}), quantity: valued, unitPrice: p, value: v };
  });
  const total = tracer.record('total', 'V = Σ V_i', {}, sumIn(A, lines.map((l) => l.value), '元'));
  return { lines, total, steps: tracer.steps, warnings };
}
