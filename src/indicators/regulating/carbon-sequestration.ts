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
import * as z from 'zod';
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../../errors/errors.js';
import { ecosystemTypeName } from '../catalogue.js';
import { inputRef, lineItem, lineItemOf, readAmount, resolvePrice, sumIn, traced, Tracer, valueAt, type Text } from '../compute.js';
import { defineIndicator } from '../define.js';
import { about, anyPrice, decimalText, measure } from '../input-schema.js';
import { asFlowUnit, convert, isKnownUnit, multiplyInto, parseUnit, sameDimensionUnits } from '../../units/units.js';
import type { Arithmetic } from '../../numbers/arithmetic.js';
import type { Measure } from '../../units/measure.js';
import type { IndicatorContext, QuantityLine, UnitPrice, ValueLine } from '../types.js';
import { lineName, netSourceWarning, nepOf, notUsedWarning, nppDryMatter, productivityFields, type Name } from './nep.js';

const ID = 'regulating.carbon-sequestration';
const PRICE_PER_CO2 = { en: 'carbon price per t CO₂', zh: '折算为每吨 CO₂ 的碳价' };

/**
 * An amount of carbon either as C or as CO₂ (`t C/a` or `t CO2/a`, or per area for rates), sign
 * allowed; documented in `shown`, one of the two.
 */
function carbonOrCo2(asC: string, asCO2: string, shown: string) {
  return z
    .strictObject({ value: decimalText, unit: z.string() })
    .check((c) => {
      const unit = c.value.unit;
      if (!isKnownUnit(unit)) {
        c.issues.push({
          code: 'custom',
          input: unit,
          path: ['unit'],
          message: 'unit',
          params: { gepCode: 'input.unit-unknown', found: unit },
        });
      } else if (!sameDimensionUnits(asFlowUnit(unit, asC), asC) && !sameDimensionUnits(asFlowUnit(unit, asCO2), asCO2)) {
        c.issues.push({
          code: 'custom',
          input: unit,
          path: ['unit'],
          message: 'unit',
          params: {
            gepCode: 'input.unit-dimension',
            expected: { en: `carbon or CO2 (e.g. ${asC} or ${asCO2})`, zh: `碳或 CO2（如 ${asC} 或 ${asCO2}）` },
            found: unit,
          },
        });
      }
    })
    .meta({ 'x-unit': shown });
}

const isCarbon = (unit: string) => parseUnit(unit).dimension.carbon === 1;
const zh = (item: string) => ecosystemTypeName(item, 'zh');
const co2Step = (name: Name) => ({ en: `CO₂ fixed by ${name.en}`, zh: `${name.zh}固碳量` });

/** Q_CO2 = k × carbon (`symbol` NEP or Q_C), k = co2-per-carbon (44/12), recorded as the line's step. */
function co2FromCarbon<T>(
  ctx: IndicatorContext<T>,
  tracer: Tracer<T>,
  name: Name,
  carbon: Measure<T>,
  from: string,
  symbol: 'NEP' | 'Q_C',
  note?: Text,
): Measure<T, 't CO2/a'> {
  const { A } = ctx;
  const k = ctx.coefficients.get('co2-per-carbon', ctx.path);
  return tracer.record(
    co2Step(name),
    `Q_CO2 = k × ${symbol}`,
    { [symbol]: traced(A, carbon, from), k: traced(A, { value: k.value, unit: k.unit }, 'coefficient:co2-per-carbon') },
    { value: multiplyInto(A, carbon.value, 't C/a', k.value, k.unit, 't CO2/a'), unit: 't CO2/a' },
    note,
  );
}

/** A negative amount makes the line a net carbon source: warned about, kept with its sign. */
function warnSource<T>(
  A: Arithmetic<T>,
  warnings: GepWarning[],
  at: readonly (string | number)[],
  name: Name,
  what: Name,
  m: Measure<T>,
): void {
  if (A.compare(m.value, A.zero) < 0) warnings.push(netSourceWarning(ID, at, name, what, A.toString(m.value), m.unit));
}

/** The fields each variant reads; fields of another variant are not used, and a warning says so. */
const VARIANT_FIELDS = {
  nep: ['nep', 'npp', 'heterotrophicRespiration'],
  'dry-matter': ['nppDryMatter'],
  'npp-ratio': ['nppDryMatter', 'nepNppRatio'],
  'sequestration-rate': ['area', 'sequestrationRate'],
} as const;

/** What a missing field of a variant is, for the issue. */
const REQUIRED = {
  nppDryMatter: (variant: string) => ({ en: `NPP as dry matter (variant ${variant})`, zh: `以干物质计的 NPP（方法 ${variant}）` }),
  nepNppRatio: () => ({
    en: 'β = NEP/NPP of the type (variant npp-ratio; the table has no default)',
    zh: '该类型的 β = NEP/NPP（方法 npp-ratio；系数表中没有默认值）',
  }),
  area: () => ({ en: 'the area of the type (variant sequestration-rate)', zh: '该类型的面积（方法 sequestration-rate）' }),
  sequestrationRate: () => ({
    en: 'a sequestration rate per area (variant sequestration-rate; the table has no default)',
    zh: '单位面积固碳速率（方法 sequestration-rate；系数表中没有默认值）',
  }),
} as const;

/** A line as printed: its name and its quantity in t C or t CO₂. */
interface PrintedLine {
  readonly item: string;
  readonly quantity: { readonly value: string; readonly unit: string };
}

/** A line printed in t C is counted in t CO₂ by k = 44/12, traced; one printed in t CO₂ as it is. */
function readReported<T>(row: PrintedLine, i: number, tracer: Tracer<T>, ctx: IndicatorContext<T>): Measure<T> {
  const { A } = ctx;
  const from = inputRef([...ctx.path, 'reported', i, 'quantity']);
  const name = { en: row.item, zh: zh(row.item) };
  if (isCarbon(row.quantity.unit)) {
    return co2FromCarbon(ctx, tracer, name, readAmount(A, row.quantity, 't C/a'), from, 'Q_C', {
      en: 'carbon fixed as reported',
      zh: '固碳量（碳）取公布值',
    });
  }
  const q = readAmount(A, row.quantity, 't CO2/a');
  return tracer.record(co2Step(name), { en: 'Q_CO2 as reported', zh: 'Q_CO2 取公布值' }, { Q_CO2: traced(A, q, from) }, q);
}

/** A negative line as printed is a net carbon source: warned about (with the quantity as printed), kept. */
function warnReported<T>(row: PrintedLine, i: number, q: Measure<T>, ctx: IndicatorContext<T>): GepWarning | null {
  if (ctx.A.compare(q.value, ctx.A.zero) >= 0) return null;
  return netSourceWarning(
    ID,
    [...ctx.path, 'reported', i],
    { en: row.item, zh: zh(row.item) },
    { en: 'the reported quantity', zh: '公布的固碳量' },
    row.quantity.value,
    row.quantity.unit,
  );
}

const module = defineIndicator({
  id: ID,
  inputs: {
    ecosystems: z
      .array(
        z.strictObject({
          ...productivityFields,
          nppDryMatter: nppDryMatter('variants dry-matter and npp-ratio'),
          nepNppRatio: measure('1', { max: '1' })
            .optional()
            .meta(
              about(
                'β = NEP/NPP of the type, 0–1 or % (variant npp-ratio; no tabulated default)',
                '该类型 β = NEP/NPP，0–1 或 %（方法 npp-ratio；参数表无默认值）',
              ),
            ),
          area: measure('hm²')
            .optional()
            .meta(about('area of the type (variant sequestration-rate)', '该生态系统类型的面积（方法 sequestration-rate）')),
          sequestrationRate: carbonOrCo2('t C/(hm²·a)', 't CO2/(hm²·a)', 't C/(hm²·a)')
            .optional()
            .meta(
              about(
                'carbon sequestration rate per area, per t C or per t CO2 (variant sequestration-rate)',
                '单位面积固碳速率，以 t C 或 t CO2 计（方法 sequestration-rate）',
              ),
            ),
        }),
      )
      .min(1),
  },
  reported: {
    unit: 't CO2/a',
    description: about('CO₂ (or C) fixed as printed by a published account', '公布的核算结果所列固碳量（CO₂ 或 C）'),
    quantity: carbonOrCo2('t C/a', 't CO2/a', 't CO2/a'),
    stepName: (item: string) => co2Step({ en: item, zh: zh(item) }),
    read: readReported,
    warn: warnReported,
  },
  valuation: {
    carbonPrice: anyPrice
      .check((c) => {
        const unit = c.value.unit;
        if (isKnownUnit(unit) && !sameDimensionUnits(unit, '元/t CO2') && !sameDimensionUnits(unit, '元/t C')) {
          c.issues.push({
            code: 'custom',
            input: unit,
            path: ['unit'],
            message: 'unit',
            params: {
              gepCode: 'input.unit-dimension',
              expected: { en: 'money per t CO2 or per t C', zh: '每 t CO2 或每 t C 的货币量' },
              found: unit,
            },
          });
        }
      })
      .meta({ 'x-unit': '元/t CO2' })
      .optional()
      .meta(
        about(
          'carbon price per t CO₂ or per t C at the account price year; the afforestation cost (per t C) otherwise',
          '碳价（元/t CO₂ 或 元/t C，核算价格年份）；不填则取造林固碳成本（元/t C）',
        ),
      ),
  },
  variants: {
    quantity: {
      options: {
        nep: 'Q_CO2 = 44/12 × NEP, with NEP given or as NPP − R_h (forest-assets-2017)',
        'dry-matter': 'Q_CO2 = 1.63 × NPP in dry matter (baiyangdian-2017)',
        'npp-ratio': 'Q_CO2 = 44/12 × β × NPP_dm × 72/162, β = NEP/NPP per type (CAEP family, recalled)',
        'sequestration-rate': 'Q = sequestration rate per area × area, per ecosystem type (rates given as input)',
      },
      default: 'nep',
    },
  },
  coefficients: ['co2-per-carbon', 'co2-per-dry-matter', 'carbon-per-dry-matter', 'carbon-price.afforestation'],

  /** CO₂ fixed per ecosystem type and in total, t CO₂/a (with NEP in t C/a in the trace). */
  quantity(input, ctx) {
    const { A } = ctx;
    const tracer = new Tracer(A);
    const issues: GepIssue[] = [];
    const warnings: GepWarning[] = [];
    const lines: QuantityLine<typeof A.zero>[] = [];
    const variant = ctx.variant.quantity;

    input.ecosystems.forEach((e, i) => {
      const at = [...ctx.path, 'ecosystems', i];
      const name = lineName(e);
      const unused = notUsedWarning(ID, e, at, name, VARIANT_FIELDS, variant);
      if (unused) warnings.push(unused);
      const required = (fields: readonly ('nppDryMatter' | 'nepNppRatio' | 'area' | 'sequestrationRate')[]) => {
        const missing = fields.filter((f) => !e[f]);
        for (const f of missing) issues.push(makeIssue('input.required', [...at, f], { expected: REQUIRED[f](variant) }));
        return missing.length === 0;
      };
      let co2: Measure<typeof A.zero, 't CO2/a'>;

      if (variant === 'dry-matter') {
        if (!required(['nppDryMatter'])) return;
        const k = ctx.coefficients.get('co2-per-dry-matter', at);
        const npp = readAmount(A, e.nppDryMatter!, 't/a');
        co2 = tracer.record(
          co2Step(name),
          'Q_CO2 = k × NPP_dm',
          {
            NPP_dm: traced(A, npp, inputRef([...at, 'nppDryMatter'])),
            k: traced(A, { value: k.value, unit: k.unit }, 'coefficient:co2-per-dry-matter'),
          },
          { value: multiplyInto(A, npp.value, 't/a', k.value, k.unit, 't CO2/a'), unit: 't CO2/a' },
        );
      } else if (variant === 'npp-ratio') {
        if (!required(['nppDryMatter', 'nepNppRatio'])) return;
        const beta = readAmount(A, e.nepNppRatio!, '1');
        const npp = readAmount(A, e.nppDryMatter!, 't/a');
        const k = ctx.coefficients.get('carbon-per-dry-matter', at);
        const nep = tracer.record(
          { en: `NEP of ${name.en}`, zh: `${name.zh}净生态系统生产力` },
          'NEP = β × NPP_dm × k',
          {
            β: traced(A, beta, inputRef([...at, 'nepNppRatio'])),
            NPP_dm: traced(A, npp, inputRef([...at, 'nppDryMatter'])),
            k: traced(A, { value: k.value, unit: k.unit }, 'coefficient:carbon-per-dry-matter'),
          },
          { value: multiplyInto(A, A.multiply(beta.value, npp.value), 't/a', k.value, k.unit, 't C/a'), unit: 't C/a' },
        );
        co2 = co2FromCarbon(ctx, tracer, name, nep, `step:NEP of ${name.en}`, 'NEP');
      } else if (variant === 'sequestration-rate') {
        if (!required(['area', 'sequestrationRate'])) return;
        const area = readAmount(A, e.area!, 'hm²');
        const rate = e.sequestrationRate!;
        const perCarbon = isCarbon(rate.unit);
        const rateRef = perCarbon ? 't C/(hm²·a)' : 't CO2/(hm²·a)';
        const r = readAmount(A, rate, rateRef);
        warnSource(A, warnings, at, name, { en: 'the sequestration rate', zh: '固碳速率' }, r);
        const fixedUnit = perCarbon ? 't C/a' : 't CO2/a';
        const step = perCarbon ? { en: `carbon fixed by ${name.en}`, zh: `${name.zh}固碳量（碳）` } : co2Step(name);
        const fixed = tracer.record(
          step,
          perCarbon ? 'Q_C = r × A' : 'Q_CO2 = r × A',
          {
            r: traced(A, r, inputRef([...at, 'sequestrationRate'])),
            A: traced(A, area, inputRef([...at, 'area'])),
          },
          { value: multiplyInto(A, r.value, rateRef, area.value, 'hm²', fixedUnit), unit: fixedUnit },
        );
        co2 = perCarbon ? co2FromCarbon(ctx, tracer, name, fixed, `step:${step.en}`, 'Q_C') : (fixed as Measure<typeof A.zero, 't CO2/a'>);
      } else {
        const found = nepOf(A, tracer, e, at, name);
        if (!found) {
          issues.push(
            makeIssue('input.required', [...at, 'nep'], {
              expected: {
                en: 'NEP, or NPP and heterotrophicRespiration (variant nep)',
                zh: 'NEP，或 NPP 与 heterotrophicRespiration（方法 nep）',
              },
            }),
          );
          return;
        }
        warnSource(A, warnings, at, name, { en: 'NEP', zh: '净生态系统生产力' }, found.nep);
        co2 = co2FromCarbon(ctx, tracer, name, found.nep, found.from, 'NEP');
      }
      lines.push({ ...lineItem(name), ecosystemType: e.ecosystemType, quantity: co2 });
    });
    if (issues.length) throw new GepInputError(issues);
    const total = tracer.record(
      { en: 'carbon sequestration', zh: '固碳' },
      'Q = Σ_i Q_CO2,i',
      {},
      sumIn(
        A,
        lines.map((l) => l.quantity),
        't CO2/a',
      ),
    );
    return { lines, total, steps: tracer.steps, warnings };
  },

  /**
   * Value in 元: CO₂ × the price per t CO₂. A price per t C (the afforestation cost) is carried to
   * per t CO₂ first, C_CO2 = C_C ÷ k (k = co2-per-carbon, 44/12), so that each value line shows its
   * quantity and unit price in units of each other (t CO₂ beside 元/t CO₂; issue 16);
   * V = Q_CO2 × C_CO2 = Q_C × C_C.
   */
  value(input, q, ctx) {
    const { A } = ctx;
    const tracer = new Tracer(A);
    const pricePath = [...ctx.path, 'carbonPrice'];
    const { price: given, warnings } = resolvePrice(ctx, input.carbonPrice, 'carbon-price.afforestation', pricePath, ID);
    let p: UnitPrice<typeof A.zero> = given;
    if (parseUnit(given.unit).dimension.carbon === -1) {
      const k = ctx.coefficients.get('co2-per-carbon', pricePath);
      const perCo2 = tracer.record(
        PRICE_PER_CO2,
        'C_CO2 = C_C ÷ k',
        {
          C_C: traced(A, given, given.from),
          k: traced(A, { value: k.value, unit: k.unit }, 'coefficient:co2-per-carbon'),
        },
        { value: A.divide(convert(A, given.value, given.unit, '元/t C'), convert(A, k.value, k.unit, 't CO2/t C')), unit: '元/t CO2' },
      );
      p = { ...perCo2, priceYear: given.priceYear, from: `step:${PRICE_PER_CO2.en}` };
    }
    const lines: ValueLine<typeof A.zero>[] = q.lines.map((l) => {
      const v = tracer.record(
        { en: `value of ${l.item}`, zh: `${zh(l.item)}价值量` },
        'V = Q_CO2 × C_CO2',
        { Q: traced(A, l.quantity, `step:CO₂ fixed by ${l.item}`), P: traced(A, p, p.from) },
        valueAt(A, l.quantity, p),
      );
      return {
        ...lineItemOf(l),
        ...(l.ecosystemType ? { ecosystemType: l.ecosystemType } : {}),
        quantity: l.quantity,
        unitPrice: p,
        value: v,
      };
    });
    const total = tracer.record(
      { en: 'total', zh: '合计' },
      'V = Σ V_i',
      {},
      sumIn(
        A,
        lines.map((l) => l.value),
        '元',
      ),
    );
    return { lines, total, steps: tracer.steps, warnings };
  },
});

/** Metadata, inputs, variants and coefficients of carbon sequestration. */
export const { spec, inputSchema, quantity, value } = module;
/** The input block of carbon sequestration: productivity per ecosystem line (or CO₂ as printed), and an optional carbon price. */
export type CarbonSequestrationInput = z.input<typeof inputSchema>;
