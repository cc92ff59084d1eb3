/**
 * 景观价值 — Landscape premium: the part of house prices near parks, water and hills that the
 * landscape explains (hedonic pricing; gep-methods §4.17 [R]; Shenzhen 2020 counts 自然景观溢价
 * 109.75 亿元 [V S11]).
 *   V_stock = Σ_k F_k · P_k · δ_k
 * F_k floor area (m²) of dwellings in the influence zone of landscape k, P_k house price (元/m²),
 * δ_k premium share attributed to the landscape by a hedonic regression (0–1).
 *
 * V_stock is a capitalised (stock) value, while GEP is an annual flow (gep-methods §2.1, §7). The
 * choice is explicit, the profile's variant `annualisation` (gep-methods §9 item 14):
 *   stock           V = V_stock                                  (the formula as written; warned about)
 *   land-use-term   V = V_stock / T                              T: residential land-use term, 70 a
 *                                                                (`land-use-term.residential`, to verify)
 *   rent-yield      V = V_stock · y                              y: gross rental yield per year (input)
 *   annuity         V = V_stock · r / (1 − (1 + r)^−T)          capital-recovery factor; r from
 *                                                                `discount-rate.asset-npv`, T as above
 * Each line is priced per m² of floor area: u_k = P_k · δ_k · f, with f the annualisation factor,
 * so V_k = F_k · u_k and a later year can be valued at this year's u_k.
 */
import { z } from 'zod';
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../../errors/errors.js';
import { catalogueEntry } from '../catalogue.js';
import { inputRef, readAmount, resolvePrice, sumIn, traced, Tracer, valueAt } from '../compute.js';
import { ecosystemType, measure, price } from '../input-schema.js';
import { convert } from '../../units/units.js';
import type { Measure } from '../../units/measure.js';
import type { IndicatorContext, IndicatorSpec, QuantityLine, QuantityResult, TracedValue, ValueLine, ValueResult } from '../types.js';

const ID = 'cultural.landscape';

/** Metadata, inputs, variants and coefficients of the landscape premium. */
export const spec: IndicatorSpec = {
  ...catalogueEntry(ID),
  inputs: [
    { path: 'zones[].item', unit: null, required: true, description: 'landscape and its influence zone (park, river, lake, hill)' },
    { path: 'zones[].ecosystemType', unit: null, required: false, description: 'ecosystem type of the landscape, for the value by ecosystem type' },
    { path: 'zones[].floorArea', unit: 'm²', required: true, description: 'floor area F of dwellings inside the influence zone' },
    { path: 'zones[].housePrice', unit: '元/m²', required: true, description: 'average house price P in the zone, at the account price year' },
    { path: 'zones[].premiumShare', unit: '1', required: true, description: 'share δ of the house price due to the landscape, from a hedonic regression (0–1 or %)' },
    { path: 'landUseTerm', unit: 'a', required: false, description: 'term T for the land-use-term and annuity variants; the table value (70 a) otherwise' },
    { path: 'rentYield', unit: '1', required: false, description: 'gross rental yield y per year (variant rent-yield; required there)' },
    { path: 'discountRate', unit: '1', required: false, description: 'discount rate r per year (variant annuity); the table value otherwise' },
  ],
  variants: [{
    name: 'annualisation',
    options: {
      stock: 'the capitalised premium V = Σ F·P·δ as it stands (a stock in a flow account; warned about)',
      'land-use-term': 'annual premium V = Σ F·P·δ / T, T = residential land-use term (70 a, to verify)',
      'rent-yield': 'annual premium V = Σ F·P·δ × y, y = gross rental yield (input)',
      annuity: 'annual premium V = Σ F·P·δ × r / (1 − (1 + r)^−T), the capital-recovery factor',
    },
    default: 'stock',
  }],
  coefficients: ['land-use-term.residential', 'discount-rate.asset-npv'],
};

/** Input: the influence zones and, per variant, the annualisation parameters. */
export const inputSchema = z.strictObject({
  zones: z.array(z.strictObject({
    item: z.string().min(1),
    ecosystemType: ecosystemType.optional(),
    floorArea: measure('m²'),
    housePrice: price('元/m²'),
    premiumShare: measure('1', { max: '1' }),
  })).min(1),
  landUseTerm: measure('a').optional(),
  rentYield: measure('1', { max: '1' }).optional(),
  discountRate: measure('1', { max: '1' }).optional(),
});
export type LandscapeInput = z.infer<typeof inputSchema>;

/** Floor area in the influence zones, m². */
export function quantity<T>(input: LandscapeInput, ctx: IndicatorContext<T>): QuantityResult<T> {
  const lines: QuantityLine<T>[] = input.zones.map((z_) => ({
    item: z_.item,
    ...(z_.ecosystemType ? { ecosystemType: z_.ecosystemType } : {}),
    quantity: readAmount(ctx.A, z_.floorArea, 'm²'),
  }));
  return { lines, total: sumIn(ctx.A, lines.map((l) => l.quantity), 'm²'), steps: [], warnings: [] };
}

/** A parameter from the input, else from the table. */
function parameter<T>(ctx: IndicatorContext<T>, given: { value: string; unit: string } | undefined, field: string, coefficientId: string | null, unit: string, issues: GepIssue[], why: string): { value: T; traced: TracedValue } | null {
  const { A } = ctx;
  const path = [...ctx.path, field];
  if (given) {
    const m = readAmount(A, given, unit);
    return { value: m.value, traced: traced(A, m, inputRef(path)) };
  }
  if (coefficientId && ctx.coefficients.has(coefficientId)) {
    const c = ctx.coefficients.get(coefficientId, path);
    const m = { value: convert(A, c.value, c.unit, unit), unit };
    return { value: m.value, traced: traced(A, m, `coefficient:${coefficientId}`) };
  }
  issues.push(makeIssue('input.required', path, { expected: why }));
  return null;
}

/** The annualisation factor f of the profile's variant (1 for the stock). */
function annualisationFactor<T>(input: LandscapeInput, ctx: IndicatorContext<T>, tracer: Tracer<T>, issues: GepIssue[]): T | null {
  const { A } = ctx;
  switch (ctx.variant.annualisation) {
    case 'land-use-term': {
      const T_ = parameter(ctx, input.landUseTerm, 'landUseTerm', 'land-use-term.residential', 'a', issues, 'a land-use term T (variant land-use-term)');
      if (!T_) return null;
      if (A.compare(T_.value, A.zero) <= 0) {
        issues.push(makeIssue('input.out-of-range', [...ctx.path, 'landUseTerm', 'value'], { expected: 'a term > 0', found: A.toString(T_.value) }));
        return null;
      }
      return tracer.record('annualisation factor', 'f = 1 / T', { T: T_.traced }, { value: A.divide(A.one, T_.value), unit: '1/a' }).value;
    }
    case 'rent-yield': {
      const y = parameter(ctx, input.rentYield, 'rentYield', null, '1', issues, 'a gross rental yield y (variant rent-yield)');
      return y ? tracer.record('annualisation factor', 'f = y', { y: y.traced }, { value: y.value, unit: '1/a' }).value : null;
    }
    case 'annuity': {
      const r = parameter(ctx, input.discountRate, 'discountRate', 'discount-rate.asset-npv', '1', issues, 'a discount rate r (variant annuity)');
      const T_ = parameter(ctx, input.landUseTerm, 'landUseTerm', 'land-use-term.residential', 'a', issues, 'a term T (variant annuity)');
      if (!r || !T_) return null;
      if (A.compare(r.value, A.zero) <= 0 || A.compare(T_.value, A.zero) <= 0) {
        issues.push(makeIssue('input.out-of-range', [...ctx.path, A.compare(r.value, A.zero) <= 0 ? 'discountRate' : 'landUseTerm'], { expected: 'r > 0 and T > 0 for the capital-recovery factor', found: `r = ${A.toString(r.value)}, T = ${A.toString(T_.value)}` }));
        return null;
      }
      const discount = A.pow(A.add(A.one, r.value), A.negate(T_.value));
      return tracer.record('annualisation factor', 'f = r / (1 − (1 + r)^−T)', { r: r.traced, T: T_.traced }, { value: A.divide(r.value, A.subtract(A.one, discount)), unit: '1/a' }).value;
    }
    default:
      return A.one;
  }
}

/** Value of the landscape premium in 元: F × P × δ × f per zone. */
export function value<T>(input: LandscapeInput, q: QuantityResult<T>, ctx: IndicatorContext<T>): ValueResult<T> {
  const { A } = ctx;
  const tracer = new Tracer(A);
  const issues: GepIssue[] = [];
  const warnings: GepWarning[] = [];
  const stock = ctx.variant.annualisation === 'stock';
  const f = annualisationFactor(input, ctx, tracer, issues);
  if (issues.length || f === null) throw new GepInputError(issues);
  if (stock) {
    warnings.push({ code: 'landscape-stock-value', indicator: ID, path: ctx.path, message: 'the landscape premium is a capitalised (stock) value counted in an annual-flow account; choose an annualisation variant (land-use-term, rent-yield, annuity) to count a flow' });
  }
  const lines: ValueLine<T>[] = input.zones.map((z_, k) => {
    const at = [...ctx.path, 'zones', k];
    const p = resolvePrice(ctx, z_.housePrice, null, [...at, 'housePrice'], ID).price;
    const P = { value: convert(A, p.value, p.unit, '元/m²'), unit: '元/m²' };
    const delta = readAmount(A, z_.premiumShare, '1');
    const premium = tracer.record(`premium per m² of ${z_.item}`, stock ? 'u = P × δ' : 'u = P × δ × f', {
      P: traced(A, P, p.from),
      δ: traced(A, delta, inputRef([...at, 'premiumShare'])),
      ...(stock ? {} : { f: { value: A.toString(f), unit: '1/a', from: 'step:annualisation factor' } }),
    }, { value: stock ? A.multiply(P.value, delta.value) : A.multiply(A.multiply(P.value, delta.value), f), unit: '元/m²' });
    const l = q.lines[k]!;
    const v = tracer.record(`value of ${z_.item}`, 'V = F × u', { F: traced(A, l.quantity, inputRef([...at, 'floorArea'])), u: traced(A, premium, `step:premium per m² of ${z_.item}`) }, valueAt(A, l.quantity, premium));
    return { item: l.item, ...(l.ecosystemType ? { ecosystemType: l.ecosystemType } : {}), quantity: l.quantity, unitPrice: { ...premium, priceYear: ctx.priceYear, from: `step:premium per m² of ${z_.item}` }, value: v } satisfies ValueLine<T>;
  });
  const total = tracer.record('total', 'V = Σ V_k', {}, sumIn(A, lines.map((l) => l.value), '元'));
  return { lines, total, steps: tracer.steps, warnings };
}
