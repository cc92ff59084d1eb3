/**
 * 固碳 — Carbon sequestration: the CO₂ that ecosystems fix in the accounting year (a flow, not the
 * carbon stock).
 *   variant `quantity: nep`         Q_CO2 = (44/12) · NEP,  NEP = NPP_C − R_h    (forest-assets-2017 §1.2)
 *   variant `quantity: dry-matter`  Q_CO2 = 1.63 · NPP_dm                         (baiyangdian-2017 §2.2.3)
 *   V_cf = Q_CO2 · C_CO2 when the price is per t CO₂ (market), or Q_C · C_C when it is per t C
 *   (afforestation cost, the table's `carbon-price.afforestation`); never a price of one applied to
 *   a quantity of the other (gep-methods §4.8, "unit trap").
 * A type with negative NEP (a net source) is kept with its sign and warned about.
 */
import { z } from 'zod';
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../../errors/errors.js';
import { catalogueEntry } from '../catalogue.js';
import { inputRef, readAmount, resolvePrice, sumIn, traced, Tracer, valueAt } from '../compute.js';
import { anyPrice, ecosystemType, measure } from '../input-schema.js';
import { isKnownUnit, parseUnit, sameDimensionUnits } from '../../units/units.js';
import type { Measure } from '../../units/measure.js';
import type { IndicatorContext, IndicatorSpec, QuantityLine, QuantityResult, ValueLine, ValueResult } from '../types.js';

const ID = 'regulating.carbon-sequestration';

/** Metadata, inputs, variants and coefficients of carbon sequestration. */
export const spec: IndicatorSpec = {
  ...catalogueEntry(ID),
  inputs: [
    { path: 'ecosystems[].ecosystemType', unit: null, required: true, description: 'ecosystem type id' },
    { path: 'ecosystems[].nep', unit: 't C/a', required: false, description: 'net ecosystem productivity of the type (variant nep)' },
    { path: 'ecosystems[].npp', unit: 't C/a', required: false, description: 'net primary productivity as carbon, with heterotrophicRespiration, when NEP is not given (variant nep)' },
    { path: 'ecosystems[].heterotrophicRespiration', unit: 't C/a', required: false, description: 'soil heterotrophic respiration R_h (variant nep)' },
    { path: 'ecosystems[].nppDryMatter', unit: 't/a', required: false, description: 'net primary productivity as dry matter (variant dry-matter)' },
    { path: 'carbonPrice', unit: '元/t CO2', required: false, description: 'carbon price per t CO₂ or per t C at the account price year; the afforestation cost (per t C) otherwise' },
  ],
  variants: [{
    name: 'quantity',
    options: {
      nep: 'Q_CO2 = 44/12 × NEP, with NEP given or as NPP − R_h (forest-assets-2017)',
      'dry-matter': 'Q_CO2 = 1.63 × NPP in dry matter (baiyangdian-2017)',
    },
    default: 'nep',
  }],
  coefficients: ['co2-per-carbon', 'co2-per-dry-matter', 'carbon-price.afforestation'],
};

const tC = () => measure('t C/a', { nonNegative: false });

/** Input: productivity of each ecosystem type, and an optional carbon price. */
export const inputSchema = z.strictObject({
  ecosystems: z.array(z.strictObject({
    ecosystemType,
    nep: tC().optional(),
    npp: tC().optional(),
    heterotrophicRespiration: tC().optional(),
    nppDryMatter: measure('t/a').optional(),
  })).min(1),
  carbonPrice: anyPrice.check((c) => {
    const unit = c.value.unit;
    if (isKnownUnit(unit) && !sameDimensionUnits(unit, '元/t CO2') && !sameDimensionUnits(unit, '元/t C')) {
      c.issues.push({ code: 'custom', input: unit, path: ['unit'], message: 'unit', params: { gepCode: 'input.unit-dimension', expected: 'money per t CO2 or per t C', found: unit } });
    }
  }).optional(),
});
export type CarbonSequestrationInput = z.infer<typeof inputSchema>;

/** CO₂ fixed per ecosystem type and in total, t CO₂/a (with NEP in t C/a in the trace). */
export function quantity<T>(input: CarbonSequestrationInput, ctx: IndicatorContext<T>): QuantityResult<T> {
  const { A } = ctx;
  const tracer = new Tracer(A);
  const issues: GepIssue[] = [];
  const warnings: GepWarning[] = [];
  const lines: QuantityLine<T>[] = [];
  const dryMatter = ctx.variant.quantity === 'dry-matter';
  const factorId = dryMatter ? 'co2-per-dry-matter' : 'co2-per-carbon';
  const factor = ctx.coefficients.get(factorId, ctx.path);
  const factorTraced = traced(A, { value: factor.value, unit: factor.unit }, `coefficient:${factorId}`);

  input.ecosystems.forEach((e, i) => {
    const at = [...ctx.path, 'ecosystems', i];
    let co2: Measure<T, 't CO2/a'>;
    if (dryMatter) {
      if (!e.nppDryMatter) {
        issues.push(makeIssue('input.required', [...at, 'nppDryMatter'], { expected: 'NPP as dry matter (variant dry-matter)' }));
        return;
      }
      const npp = readAmount(A, e.nppDryMatter, 't/a');
      co2 = tracer.record(`CO₂ fixed by ${e.ecosystemType}`, 'Q_CO2 = 1.63 × NPP_dm',
        { NPP_dm: traced(A, npp, inputRef([...at, 'nppDryMatter'])), k: factorTraced },
        { value: A.multiply(npp.value, factor.value), unit: 't CO2/a' });
    } else {
      let nep: Measure<T>;
      if (e.nep) {
        nep = readAmount(A, e.nep, 't C/a');
      } else if (e.npp && e.heterotrophicRespiration) {
        const npp = readAmount(A, e.npp, 't C/a');
        const rh = readAmount(A, e.heterotrophicRespiration, 't C/a');
        nep = tracer.record(`NEP of ${e.ecosystemType}`, 'NEP = NPP − R_h', {
          NPP: traced(A, npp, inputRef([...at, 'npp'])),
          R_h: traced(A, rh, inputRef([...at, 'heterotrophicRespiration'])),
        }, { value: A.subtract(npp.value, rh.value), unit: 't C/a' });
      } else {
        issues.push(makeIssue('input.required', [...at, 'nep'], { expected: 'NEP, or NPP and heterotrophicRespiration (variant nep)' }));
        return;
      }
      if (A.compare(nep.value, A.zero) < 0) {
        warnings.push({ code: 'net-carbon-source', indicator: ID, path: at, message: `${e.ecosystemType}: NEP is negative (${A.toString(nep.value)} t C/a), a net carbon source; kept with its sign` });
      }
      co2 = tracer.record(`CO₂ fixed by ${e.ecosystemType}`, 'Q_CO2 = 44/12 × NEP',
        { NEP: traced(A, nep, e.nep ? inputRef([...at, 'nep']) : `step:NEP of ${e.ecosystemType}`), k: factorTraced },
        { value: A.multiply(nep.value, factor.value), unit: 't CO2/a' });
    }
    lines.push({ item: e.ecosystemType, ecosystemType: e.ecosystemType, quantity: co2 });
  });
  if (issues.length) throw new GepInputError(issues);
  const total = tracer.record('carbon sequestration', 'Q = Σ_i Q_CO2,i', {}, sumIn(A, lines.map((l) => l.quantity), 't CO2/a'));
  return { lines, total, steps: tracer.steps, warnings };
}

/** Value in 元: per t CO₂ price × CO₂, or per t C price × carbon (CO₂ ÷ 44/12). */
export function value<T>(input: CarbonSequestrationInput, q: QuantityResult<T>, ctx: IndicatorContext<T>): ValueResult<T> {
  const { A } = ctx;
  const tracer = new Tracer(A);
  const pricePath = [...ctx.path, 'carbonPrice'];
  const { price: p, warnings } = resolvePrice(ctx, input.carbonPrice, 'carbon-price.afforestation', pricePath, ID);
  const perCarbon = parseUnit(p.unit).dimension.carbon === -1;
  const ratio = perCarbon ? ctx.coefficients.get('co2-per-carbon', pricePath) : null;
  const lines: ValueLine<T>[] = q.lines.map((l) => {
    let priced: Measure<T> = l.quantity;
    if (ratio) {
      priced = tracer.record(`carbon fixed by ${l.item}`, 'Q_C = Q_CO2 ÷ (44/12)', {
        Q_CO2: traced(A, l.quantity, `step:CO₂ fixed by ${l.item}`),
        k: traced(A, { value: ratio.value, unit: ratio.unit }, 'coefficient:co2-per-carbon'),
      }, { value: A.divide(l.quantity.value, ratio.value), unit: 't C/a' });
    }
    const v = tracer.record(`value of ${l.item}`, perCarbon ? 'V = Q_C × C_C' : 'V = Q_CO2 × C_CO2',
      { Q: traced(A, priced, perCarbon ? `step:carbon fixed by ${l.item}` : `step:CO₂ fixed by ${l.item}`), P: traced(A, p, p.from) },
      valueAt(A, priced, p));
    return { item: l.item, ...(l.ecosystemType ? { ecosystemType: l.ecosystemType } : {}), quantity: priced, unitPrice: p, value: v };
  });
  const total = tracer.record('total', 'V = Σ V_i', {}, sumIn(A, lines.map((l) => l.value), '元'));
  return { lines, total, steps: tracer.steps, warnings };
}
