/**
 * 释氧 — Oxygen release: the O₂ that ecosystems release in the accounting year by photosynthesis.
 * Local standards only: the national profile leaves it out (gep-methods §3.1, §7 "carbon vs
 * oxygen": the same photosynthetic flow as carbon sequestration). Per ecosystem type i, by the
 * profile's variant `quantity`:
 *   `nep`            Q_O2 = (32/12) · NEP, NEP = NPP_C − R_h, or Q_O2 = (32/44) · Q_CO2 when the
 *                    CO₂ fixed is given                 (stoichiometry, 1 mol O₂ per mol CO₂;
 *                                                        gep-methods §4.9; forest-assets-2017 §1.2 for NEP)
 *   `dry-matter`     Q_O2 = 1.2 · NPP_dm                 (baiyangdian-2017 §2.2.3)
 *   `dry-matter-ly`  Q_O2 = 1.19 · NPP_dm                (LY/T 1721—2008 as applied by zhang-2018 §1 and
 *                                                        miao-2017 Table 1; 6·32/162 = 1.185)
 *   For reproducing a published account, `reported` takes the O₂ quantities as printed instead of
 *   `ecosystems`, whatever the variant.
 *   V_op = Σ_i Q_O2,i · C_O2                             (C_O2 oxygen price, 元/t; baiyangdian-2017 §2.2.3)
 * O₂ in t/a (plain mass), NEP in t C/a, CO₂ in t CO2/a. Pick one basis per profile: mixing NEP for
 * carbon with NPP for oxygen gives an O₂/CO₂ ratio far above 32/44 (gep-methods §4.9, S6 warning).
 * A negative NEP (a net source) gives a negative release, kept with its sign and warned about.
 */
import { z } from 'zod';
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../../errors/errors.js';
import { catalogueEntry } from '../catalogue.js';
import { inputRef, readAmount, sumIn, traced, Tracer, valueItems } from '../compute.js';
import { ecosystemType, measure, price } from '../input-schema.js';
import type { Measure } from '../../units/measure.js';
import { nepOf } from './nep.js';
import type { IndicatorContext, IndicatorSpec, QuantityLine, QuantityResult, ValueResult } from '../types.js';

const ID = 'regulating.oxygen-release';

/** Coefficient of O₂ per t of dry matter, by variant. */
const DRY_MATTER_FACTOR: Readonly<Record<string, string>> = {
  'dry-matter': 'o2-per-dry-matter',
  'dry-matter-ly': 'o2-per-dry-matter.ly-t-1721',
};

/** Metadata, inputs, variants and coefficients of oxygen release. */
export const spec: IndicatorSpec = {
  ...catalogueEntry(ID),
  inputs: [
    { path: 'ecosystems[].ecosystemType', unit: null, required: true, description: 'ecosystem type id' },
    { path: 'ecosystems[].item', unit: null, required: false, description: 'name of the line (stand, forest type), when a type has several lines' },
    { path: 'ecosystems[].nep', unit: 't C/a', required: false, description: 'net ecosystem productivity of the type (variant nep)' },
    { path: 'ecosystems[].npp', unit: 't C/a', required: false, description: 'net primary productivity as carbon, with heterotrophicRespiration, when NEP is not given (variant nep)' },
    { path: 'ecosystems[].heterotrophicRespiration', unit: 't C/a', required: false, description: 'soil heterotrophic respiration R_h (variant nep)' },
    { path: 'ecosystems[].co2Fixed', unit: 't CO2/a', required: false, description: 'CO₂ fixed by the type, when neither NEP nor NPP is given (variant nep: Q_O2 = 32/44 × CO₂)' },
    { path: 'ecosystems[].nppDryMatter', unit: 't/a', required: false, description: 'net primary productivity as dry matter (variants dry-matter, dry-matter-ly)' },
    { path: 'reported[].item', unit: null, required: false, description: 'name of a reported line (ecosystem type, forest type or region), instead of ecosystems' },
    { path: 'reported[].ecosystemType', unit: null, required: false, description: 'ecosystem type id of the reported line, if any' },
    { path: 'reported[].quantity', unit: 't/a', required: false, description: 'O₂ released as printed by a published account, instead of ecosystems' },
    { path: 'oxygenPrice', unit: '元/t', required: false, description: 'oxygen price per t O₂ at the account price year; the table value otherwise' },
  ],
  variants: [{
    name: 'quantity',
    options: {
      nep: 'Q_O2 = 32/12 × NEP (or 32/44 × CO₂ fixed): stoichiometric, one mol O₂ per mol CO₂',
      'dry-matter': 'Q_O2 = 1.2 × NPP in dry matter (baiyangdian-2017)',
      'dry-matter-ly': 'Q_O2 = 1.19 × NPP in dry matter (LY/T 1721—2008 via zhang-2018, miao-2017)',
    },
    default: 'nep',
  }],
  coefficients: ['o2-per-carbon', 'o2-per-co2', 'o2-per-dry-matter', 'o2-per-dry-matter.ly-t-1721', 'oxygen-price'],
};

const tC = () => measure('t C/a', { nonNegative: false });

/** Input: productivity (or CO₂ fixed) of each ecosystem type, and an optional oxygen price. */
export const inputSchema = z.strictObject({
  ecosystems: z.array(z.strictObject({
    ecosystemType,
    item: z.string().min(1).optional(),
    nep: tC().optional(),
    npp: tC().optional(),
    heterotrophicRespiration: tC().optional(),
    co2Fixed: measure('t CO2/a', { nonNegative: false }).optional(),
    nppDryMatter: measure('t/a').optional(),
  })).min(1).optional(),
  reported: z.array(z.strictObject({
    item: z.string().min(1),
    ecosystemType: ecosystemType.optional(),
    quantity: measure('t/a', { nonNegative: false }),
  })).min(1).optional(),
  oxygenPrice: price('元/t').optional(),
}).check((c) => {
  if (!c.value.ecosystems === !c.value.reported) {
    c.issues.push({ code: 'custom', input: c.value, message: 'one of', params: { gepCode: 'input.missing-basis', expected: 'either ecosystems (to compute the O₂ released) or reported (quantities as printed), not both' } });
  }
});
export type OxygenReleaseInput = z.infer<typeof inputSchema>;
type EcosystemInput = NonNullable<OxygenReleaseInput['ecosystems']>[number];

/** The fields each variant reads; fields of another variant are not used, and a warning says so. */
const VARIANT_FIELDS: Readonly<Record<string, readonly (keyof EcosystemInput)[]>> = {
  nep: ['nep', 'npp', 'heterotrophicRespiration', 'co2Fixed'],
  'dry-matter': ['nppDryMatter'],
  'dry-matter-ly': ['nppDryMatter'],
};
const ALL_VARIANT_FIELDS = [...new Set(Object.values(VARIANT_FIELDS).flat())];

const lineName = (e: EcosystemInput) => e.item ?? e.ecosystemType;

/** O₂ released per ecosystem type and in total, t/a. */
export function quantity<T>(input: OxygenReleaseInput, ctx: IndicatorContext<T>): QuantityResult<T> {
  const { A } = ctx;
  const tracer = new Tracer(A);
  const issues: GepIssue[] = [];
  const warnings: GepWarning[] = [];
  const lines: QuantityLine<T>[] = [];
  const variant = ctx.variant.quantity ?? 'nep';

  const factor = (id: string, at: readonly (string | number)[]) => {
    const c = ctx.coefficients.get(id, at);
    return { value: c.value, traced: traced(A, { value: c.value, unit: c.unit }, `coefficient:${id}`) };
  };
  const warnNegative = (name: string, at: readonly (string | number)[], q: Measure<T>) => {
    if (A.compare(q.value, A.zero) < 0) {
      warnings.push({ code: 'net-carbon-source', indicator: ID, path: at, message: `${name}: the oxygen release is negative (${A.toString(q.value)} t/a), the type is a net carbon source; kept with its sign` });
    }
  };

  (input.reported ?? []).forEach((r, i) => {
    const at = [...ctx.path, 'reported', i];
    const reported = readAmount(A, r.quantity, 't/a');
    const o2 = tracer.record(`O₂ released by ${r.item}`, 'Q_O2 as reported', { Q_O2: traced(A, reported, inputRef([...at, 'quantity'])) }, reported, 'O₂ released as reported');
    warnNegative(r.item, at, o2);
    lines.push({ item: r.item, ...(r.ecosystemType ? { ecosystemType: r.ecosystemType } : {}), quantity: o2 });
  });

  (input.ecosystems ?? []).forEach((e, i) => {
    const at = [...ctx.path, 'ecosystems', i];
    const name = lineName(e);
    let o2: Measure<T, 't/a'>;
    const unused = ALL_VARIANT_FIELDS.filter((f) => e[f] !== undefined && !(VARIANT_FIELDS[variant] ?? []).includes(f));
    if (unused.length) {
      warnings.push({ code: 'input-not-used', indicator: ID, path: at, message: `${name}: ${unused.join(', ')} not used by variant quantity: ${variant}` });
    }

    if (variant === 'dry-matter' || variant === 'dry-matter-ly') {
      if (!e.nppDryMatter) {
        issues.push(makeIssue('input.required', [...at, 'nppDryMatter'], { expected: `NPP as dry matter (variant ${variant})` }));
        return;
      }
      const id = DRY_MATTER_FACTOR[variant]!;
      const k = factor(id, at);
      const npp = readAmount(A, e.nppDryMatter, 't/a');
      o2 = tracer.record(`O₂ released by ${name}`, variant === 'dry-matter' ? 'Q_O2 = 1.2 × NPP_dm' : 'Q_O2 = 1.19 × NPP_dm',
        { NPP_dm: traced(A, npp, inputRef([...at, 'nppDryMatter'])), k: k.traced },
        { value: A.multiply(npp.value, k.value), unit: 't/a' });
    } else if (e.nep || (e.npp && e.heterotrophicRespiration)) {
      const { nep, from } = nepOf(A, tracer, e, at, name)!;
      const k = factor('o2-per-carbon', at);
      o2 = tracer.record(`O₂ released by ${name}`, 'Q_O2 = 32/12 × NEP', { NEP: traced(A, nep, from), k: k.traced },
        { value: A.multiply(nep.value, k.value), unit: 't/a' });
    } else if (e.co2Fixed) {
      const co2 = readAmount(A, e.co2Fixed, 't CO2/a');
      const k = factor('o2-per-co2', at);
      o2 = tracer.record(`O₂ released by ${name}`, 'Q_O2 = 32/44 × Q_CO2', { Q_CO2: traced(A, co2, inputRef([...at, 'co2Fixed'])), k: k.traced },
        { value: A.multiply(co2.value, k.value), unit: 't/a' });
    } else {
      issues.push(makeIssue('input.required', [...at, 'nep'], { expected: 'NEP, NPP and heterotrophicRespiration, or co2Fixed (variant nep)' }));
      return;
    }
    warnNegative(name, at, o2);
    lines.push({ item: name, ecosystemType: e.ecosystemType, quantity: o2 });
  });
  if (issues.length) throw new GepInputError(issues);
  const total = tracer.record('oxygen release', 'Q = Σ_i Q_O2,i', {}, sumIn(A, lines.map((l) => l.quantity), 't/a'));
  return { lines, total, steps: tracer.steps, warnings };
}

/** Value of oxygen release in 元: O₂ × the oxygen price. */
export function value<T>(input: OxygenReleaseInput, q: QuantityResult<T>, ctx: IndicatorContext<T>): ValueResult<T> {
  const r = valueItems(ctx, ID, q.lines.map((l) => ({
    item: l.item,
    ...(l.ecosystemType ? { ecosystemType: l.ecosystemType } : {}),
    quantity: l.quantity,
    quantityFrom: `step:O₂ released by ${l.item}`,
    price: input.oxygenPrice,
    coefficientId: 'oxygen-price',
    pricePath: [...ctx.path, 'oxygenPrice'],
  })));
  // one price for every line: report its price-year warning once
  return { ...r, warnings: r.warnings.filter((w, i, all) => all.findIndex((x) => x.message === w.message) === i) };
}
