/**
 * 固碳 — Carbon sequestration: the CO₂ that ecosystems fix in the accounting year (a flow, not the
 * carbon stock). Per ecosystem type i, by the profile's variant `quantity`:
 *   `nep`                 Q_CO2 = (44/12) · NEP,  NEP = NPP_C − R_h           (forest-assets-2017 §1.2)
 *   `dry-matter`          Q_CO2 = 1.63 · NPP_dm                                (baiyangdian-2017 §2.2.3;
 *                         also miao-2017 Table 1, zhang-2018 §1)
 *   `npp-ratio`           NEP = β · NPP_dm · (72/162),  Q_CO2 = (44/12) · NEP  (caep-2020 family, recalled:
 *                         gep-methods §4.8 [R]); β = NEP/NPP ratio per type, an input: no sourced
 *                         default has been read, so none is tabulated
 *   `sequestration-rate`  Q = r_i · A_i with the rate r_i per t C or per t CO₂ and area   (gep-methods §4.8
 *                         "carbon-sequestration-rate method" [R]); rates are inputs
 *   For reproducing a published account, `reported` takes the quantities as printed (t CO₂ or t C)
 *   instead of `ecosystems`, whatever the variant; the trace says so.
 *   V_cf = Q_CO2 · C_CO2 with the price per t CO₂ (market); a price per t C (afforestation cost, the
 *   table's `carbon-price.afforestation`) is first carried to C_CO2 = C_C ÷ (44/12), so V = Q_C · C_C;
 *   never a price of one applied to a quantity of the other (gep-methods §4.8, "unit trap").
 *   72/162 is the carbon share of C₆H₁₀O₅ and 44/12 the CO₂/C molar-mass ratio (stoichiometry,
 *   gep-methods §5.4).
 * A type with negative NEP or rate (a net source) is kept with its sign and warned about.
 */
import { z } from 'zod';
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../../errors/errors.js';
import { catalogueEntry } from '../catalogue.js';
import { inputRef, readAmount, resolvePrice, sumIn, traced, Tracer, valueAt } from '../compute.js';
import { anyPrice, decimalText, ecosystemType, measure } from '../input-schema.js';
import { asFlowUnit, convert, isKnownUnit, multiplyInto, parseUnit, sameDimensionUnits } from '../../units/units.js';
import type { Measure } from '../../units/measure.js';
import { nepOf } from './nep.js';
import type { IndicatorContext, IndicatorSpec, QuantityLine, QuantityResult, UnitPrice, ValueLine, ValueResult } from '../types.js';

const ID = 'regulating.carbon-sequestration';

/** Metadata, inputs, variants and coefficients of carbon sequestration. */
export const spec: IndicatorSpec = {
  ...catalogueEntry(ID),
  inputs: [
    { path: 'ecosystems[].ecosystemType', unit: null, required: true, description: 'ecosystem type id' },
    { path: 'ecosystems[].item', unit: null, required: false, description: 'name of the line (stand, forest type), when a type has several lines' },
    { path: 'ecosystems[].nep', unit: 't C/a', required: false, description: 'net ecosystem productivity of the type (variant nep)' },
    { path: 'ecosystems[].npp', unit: 't C/a', required: false, description: 'net primary productivity as carbon, with heterotrophicRespiration, when NEP is not given (variant nep)' },
    { path: 'ecosystems[].heterotrophicRespiration', unit: 't C/a', required: false, description: 'soil heterotrophic respiration R_h (variant nep)' },
    { path: 'ecosystems[].nppDryMatter', unit: 't/a', required: false, description: 'net primary productivity as dry matter (variants dry-matter and npp-ratio)' },
    { path: 'ecosystems[].nepNppRatio', unit: '1', required: false, description: 'β = NEP/NPP of the type, 0–1 or % (variant npp-ratio; no tabulated default)' },
    { path: 'ecosystems[].area', unit: 'hm²', required: false, description: 'area of the type (variant sequestration-rate)' },
    { path: 'ecosystems[].sequestrationRate', unit: 't C/(hm²·a)', required: false, description: 'carbon sequestration rate per area, per t C or per t CO2 (variant sequestration-rate)' },
    { path: 'reported[].item', unit: null, required: false, description: 'name of a reported line (ecosystem type, forest type or region), instead of ecosystems' },
    { path: 'reported[].ecosystemType', unit: null, required: false, description: 'ecosystem type id of the reported line, if any' },
    { path: 'reported[].quantity', unit: 't CO2/a', required: false, description: 'CO₂ (or C) fixed as printed by a published account, instead of ecosystems' },
    { path: 'carbonPrice', unit: '元/t CO2', required: false, description: 'carbon price per t CO₂ or per t C at the account price year; the afforestation cost (per t C) otherwise' },
  ],
  variants: [{
    name: 'quantity',
    options: {
      nep: 'Q_CO2 = 44/12 × NEP, with NEP given or as NPP − R_h (forest-assets-2017)',
      'dry-matter': 'Q_CO2 = 1.63 × NPP in dry matter (baiyangdian-2017)',
      'npp-ratio': 'Q_CO2 = 44/12 × β × NPP_dm × 72/162, β = NEP/NPP per type (CAEP family, recalled)',
      'sequestration-rate': 'Q = sequestration rate per area × area, per ecosystem type (rates given as input)',
    },
    default: 'nep',
  }],
  coefficients: ['co2-per-carbon', 'co2-per-dry-matter', 'carbon-per-dry-matter', 'carbon-price.afforestation'],
};

const tC = () => measure('t C/a', { nonNegative: false });

/**
 * An amount of carbon either as C or as CO₂ (`t C/a` or `t CO2/a`, or per area for rates), sign allowed.
 * `asC` and `asCO2` are the two reference units.
 */
function carbonOrCo2(asC: string, asCO2: string) {
  return z.strictObject({ value: decimalText, unit: z.string() }).check((c) => {
    const unit = c.value.unit;
    if (!isKnownUnit(unit)) {
      c.issues.push({ code: 'custom', input: unit, path: ['unit'], message: 'unit', params: { gepCode: 'input.unit-unknown', found: unit } });
    } else if (!sameDimensionUnits(asFlowUnit(unit, asC), asC) && !sameDimensionUnits(asFlowUnit(unit, asCO2), asCO2)) {
      c.issues.push({ code: 'custom', input: unit, path: ['unit'], message: 'unit', params: { gepCode: 'input.unit-dimension', expected: `carbon or CO2 (e.g. ${asC} or ${asCO2})`, found: unit } });
    }
  });
}

/** Input: productivity of each ecosystem type, and an optional carbon price. */
export const inputSchema = z.strictObject({
  ecosystems: z.array(z.strictObject({
    ecosystemType,
    item: z.string().min(1).optional(),
    nep: tC().optional(),
    npp: tC().optional(),
    heterotrophicRespiration: tC().optional(),
    nppDryMatter: measure('t/a').optional(),
    nepNppRatio: measure('1', { max: '1' }).optional(),
    area: measure('hm²').optional(),
    sequestrationRate: carbonOrCo2('t C/(hm²·a)', 't CO2/(hm²·a)').optional(),
  })).min(1).optional(),
  reported: z.array(z.strictObject({
    item: z.string().min(1),
    ecosystemType: ecosystemType.optional(),
    quantity: carbonOrCo2('t C/a', 't CO2/a'),
  })).min(1).optional(),
  carbonPrice: anyPrice.check((c) => {
    const unit = c.value.unit;
    if (isKnownUnit(unit) && !sameDimensionUnits(unit, '元/t CO2') && !sameDimensionUnits(unit, '元/t C')) {
      c.issues.push({ code: 'custom', input: unit, path: ['unit'], message: 'unit', params: { gepCode: 'input.unit-dimension', expected: 'money per t CO2 or per t C', found: unit } });
    }
  }).optional(),
}).check((c) => {
  if (!c.value.ecosystems === !c.value.reported) {
    c.issues.push({ code: 'custom', input: c.value, message: 'one of', params: { gepCode: 'input.missing-basis', expected: 'either ecosystems (to compute the CO₂ fixed) or reported (quantities as printed), not both' } });
  }
});
export type CarbonSequestrationInput = z.infer<typeof inputSchema>;
type EcosystemInput = NonNullable<CarbonSequestrationInput['ecosystems']>[number];

/** The fields each variant reads; fields of another variant are not used, and a warning says so. */
const VARIANT_FIELDS: Readonly<Record<string, readonly (keyof EcosystemInput)[]>> = {
  nep: ['nep', 'npp', 'heterotrophicRespiration'],
  'dry-matter': ['nppDryMatter'],
  'npp-ratio': ['nppDryMatter', 'nepNppRatio'],
  'sequestration-rate': ['area', 'sequestrationRate'],
};
const ALL_VARIANT_FIELDS = [...new Set(Object.values(VARIANT_FIELDS).flat())];

const isCarbon = (unit: string) => parseUnit(unit).dimension.carbon === 1;
const lineName = (e: EcosystemInput) => e.item ?? e.ecosystemType;

/** CO₂ fixed per ecosystem type and in total, t CO₂/a (with NEP in t C/a in the trace). */
export function quantity<T>(input: CarbonSequestrationInput, ctx: IndicatorContext<T>): QuantityResult<T> {
  const { A } = ctx;
  const tracer = new Tracer(A);
  const issues: GepIssue[] = [];
  const warnings: GepWarning[] = [];
  const lines: QuantityLine<T>[] = [];
  const variant = ctx.variant.quantity ?? 'nep';

  let ratioCache: { value: T; unit: string } | undefined;
  const co2PerC = () => (ratioCache ??= ctx.coefficients.get('co2-per-carbon', ctx.path));
  const co2PerCTraced = () => traced(A, { value: co2PerC().value, unit: co2PerC().unit }, 'coefficient:co2-per-carbon');

  const warnSource = (name: string, at: readonly (string | number)[], what: string, v: T, unit: string) => {
    if (A.compare(v, A.zero) < 0) {
      warnings.push({ code: 'net-carbon-source', indicator: ID, path: at, message: `${name}: ${what} is negative (${A.toString(v)} ${unit}), a net carbon source; kept with its sign` });
    }
  };

  /** Q_CO2 = 44/12 × carbon (`symbol` NEP or Q_C), recorded as the line's step. */
  const co2FromCarbon = (name: string, carbon: Measure<T>, from: string, symbol: 'NEP' | 'Q_C', note?: string) =>
    tracer.record(`CO₂ fixed by ${name}`, `Q_CO2 = 44/12 × ${symbol}`, { [symbol]: traced(A, carbon, from), k: co2PerCTraced() },
      { value: A.multiply(carbon.value, co2PerC().value), unit: 't CO2/a' }, note);

  (input.reported ?? []).forEach((r, i) => {
    const at = [...ctx.path, 'reported', i];
    const from = inputRef([...at, 'quantity']);
    let co2: Measure<T, 't CO2/a'>;
    if (isCarbon(r.quantity.unit)) {
      const c = readAmount(A, r.quantity, 't C/a');
      warnSource(r.item, at, 'the reported carbon', c.value, 't C/a');
      co2 = co2FromCarbon(r.item, c, from, 'Q_C', 'carbon fixed as reported');
    } else {
      const reported = readAmount(A, r.quantity, 't CO2/a');
      warnSource(r.item, at, 'the reported CO₂', reported.value, 't CO2/a');
      co2 = tracer.record(`CO₂ fixed by ${r.item}`, 'Q_CO2 as reported', { Q_CO2: traced(A, reported, from) }, reported, 'CO₂ fixed as reported');
    }
    lines.push({ item: r.item, ...(r.ecosystemType ? { ecosystemType: r.ecosystemType } : {}), quantity: co2 });
  });

  (input.ecosystems ?? []).forEach((e, i) => {
    const at = [...ctx.path, 'ecosystems', i];
    const name = lineName(e);
    let co2: Measure<T, 't CO2/a'>;
    const unused = ALL_VARIANT_FIELDS.filter((f) => e[f] !== undefined && !(VARIANT_FIELDS[variant] ?? []).includes(f));
    if (unused.length) {
      warnings.push({ code: 'input-not-used', indicator: ID, path: at, message: `${name}: ${unused.join(', ')} not used by variant quantity: ${variant}` });
    }

    if (variant === 'dry-matter') {
      if (!e.nppDryMatter) {
        issues.push(makeIssue('input.required', [...at, 'nppDryMatter'], { expected: 'NPP as dry matter (variant dry-matter)' }));
        return;
      }
      const factor = ctx.coefficients.get('co2-per-dry-matter', at);
      const npp = readAmount(A, e.nppDryMatter, 't/a');
      co2 = tracer.record(`CO₂ fixed by ${name}`, 'Q_CO2 = 1.63 × NPP_dm', {
        NPP_dm: traced(A, npp, inputRef([...at, 'nppDryMatter'])),
        k: traced(A, { value: factor.value, unit: factor.unit }, 'coefficient:co2-per-dry-matter'),
      }, { value: A.multiply(npp.value, factor.value), unit: 't CO2/a' });
    } else if (variant === 'npp-ratio') {
      const missing = (['nppDryMatter', 'nepNppRatio'] as const).filter((f) => !e[f]);
      if (missing.length) {
        for (const f of missing) {
          issues.push(makeIssue('input.required', [...at, f], { expected: f === 'nppDryMatter' ? 'NPP as dry matter (variant npp-ratio)' : 'β = NEP/NPP of the type (variant npp-ratio; the table has no default)' }));
        }
        return;
      }
      const npp = readAmount(A, e.nppDryMatter!, 't/a');
      const beta = readAmount(A, e.nepNppRatio!, '1');
      const cShare = ctx.coefficients.get('carbon-per-dry-matter', at);
      const nep = tracer.record(`NEP of ${name}`, 'NEP = β × NPP_dm × 72/162', {
        β: traced(A, beta, inputRef([...at, 'nepNppRatio'])),
        NPP_dm: traced(A, npp, inputRef([...at, 'nppDryMatter'])),
        k: traced(A, { value: cShare.value, unit: cShare.unit }, 'coefficient:carbon-per-dry-matter'),
      }, { value: multiplyInto(A, A.multiply(beta.value, npp.value), 't/a', cShare.value, cShare.unit, 't C/a'), unit: 't C/a' });
      co2 = co2FromCarbon(name, nep, `step:NEP of ${name}`, 'NEP');
    } else if (variant === 'sequestration-rate') {
      const missing = (['area', 'sequestrationRate'] as const).filter((f) => !e[f]);
      if (missing.length) {
        for (const f of missing) {
          issues.push(makeIssue('input.required', [...at, f], { expected: f === 'area' ? 'the area of the type (variant sequestration-rate)' : 'a sequestration rate per area (variant sequestration-rate; the table has no default)' }));
        }
        return;
      }
      const area = readAmount(A, e.area!, 'hm²');
      const rate = e.sequestrationRate!;
      const perCarbon = isCarbon(rate.unit);
      const rateRef = perCarbon ? 't C/(hm²·a)' : 't CO2/(hm²·a)';
      const r = readAmount(A, rate, rateRef);
      warnSource(name, at, 'the sequestration rate', r.value, rateRef);
      const fixed = tracer.record(perCarbon ? `carbon fixed by ${name}` : `CO₂ fixed by ${name}`, perCarbon ? 'Q_C = r × A' : 'Q_CO2 = r × A', {
        r: traced(A, r, inputRef([...at, 'sequestrationRate'])),
        A: traced(A, area, inputRef([...at, 'area'])),
      }, { value: multiplyInto(A, r.value, rateRef, area.value, 'hm²', perCarbon ? 't C/a' : 't CO2/a'), unit: perCarbon ? 't C/a' : 't CO2/a' });
      co2 = perCarbon ? co2FromCarbon(name, fixed, `step:carbon fixed by ${name}`, 'Q_C') : (fixed as Measure<T, 't CO2/a'>);
    } else {
      const found = nepOf(A, tracer, e, at, name);
      if (!found) {
        issues.push(makeIssue('input.required', [...at, 'nep'], { expected: 'NEP, or NPP and heterotrophicRespiration (variant nep)' }));
        return;
      }
      warnSource(name, at, 'NEP', found.nep.value, 't C/a');
      co2 = co2FromCarbon(name, found.nep, found.from, 'NEP');
    }
    lines.push({ item: name, ecosystemType: e.ecosystemType, quantity: co2 });
  });
  if (issues.length) throw new GepInputError(issues);
  const total = tracer.record('carbon sequestration', 'Q = Σ_i Q_CO2,i', {}, sumIn(A, lines.map((l) => l.quantity), 't CO2/a'));
  return { lines, total, steps: tracer.steps, warnings };
}

/**
 * Value in 元: CO₂ × the price per t CO₂. A price per t C (the afforestation cost) is carried to per
 * t CO₂ first, C_CO2 = C_C ÷ (44/12), so that each value line shows its quantity and unit price in
 * units of each other (t CO₂ beside 元/t CO₂; issue 16); V = Q_CO2 × C_CO2 = Q_C × C_C.
 */
export function value<T>(input: CarbonSequestrationInput, q: QuantityResult<T>, ctx: IndicatorContext<T>): ValueResult<T> {
  const { A } = ctx;
  const tracer = new Tracer(A);
  const pricePath = [...ctx.path, 'carbonPrice'];
  const { price: given, warnings } = resolvePrice(ctx, input.carbonPrice, 'carbon-price.afforestation', pricePath, ID);
  let p: UnitPrice<T> = given;
  if (parseUnit(given.unit).dimension.carbon === -1) {
    const k = ctx.coefficients.get('co2-per-carbon', pricePath);
    const perCo2 = tracer.record('carbon price per t CO₂', 'C_CO2 = C_C ÷ k', {
      C_C: traced(A, given, given.from),
      k: traced(A, { value: k.value, unit: k.unit }, 'coefficient:co2-per-carbon'),
    }, { value: A.divide(convert(A, given.value, given.unit, '元/t C'), convert(A, k.value, k.unit, 't CO2/t C')), unit: '元/t CO2' });
    p = { ...perCo2, priceYear: given.priceYear, from: 'step:carbon price per t CO₂' };
  }
  const lines: ValueLine<T>[] = q.lines.map((l) => {
    const v = tracer.record(`value of ${l.item}`, 'V = Q_CO2 × C_CO2',
      { Q: traced(A, l.quantity, `step:CO₂ fixed by ${l.item}`), P: traced(A, p, p.from) },
      valueAt(A, l.quantity, p));
    return { item: l.item, ...(l.ecosystemType ? { ecosystemType: l.ecosystemType } : {}), quantity: l.quantity, unitPrice: p, value: v };
  });
  const total = tracer.record('total', 'V = Σ V_i', {}, sumIn(A, lines.map((l) => l.value), '元'));
  return { lines, total, steps: tracer.steps, warnings };
}
