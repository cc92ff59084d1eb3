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
import * as z from 'zod';
import { GepInputError, makeIssue, type GepWarning } from '../../errors/errors.js';
import { makeWarning } from '../../errors/warnings/index.js';
import { ecosystemTypeName } from '../catalogue.js';
import { inputRef, lineItemOf, readAmount, resolvePrice, sumIn, traced, Tracer, typeLineItem, valueAt } from '../compute.js';
import { defineIndicator } from '../define.js';
import { about, ecosystemType, type FieldText, measure, price } from '../input-schema.js';
import { convert, multiplyInto } from '../../units/units.js';
import type { Measure } from '../../units/measure.js';
import type { IndicatorContext, QuantityLine, TracedValue, ValueLine } from '../types.js';

const ID = 'regulating.negative-ions';
const zh = (item: string) => ecosystemTypeName(item, 'zh');
const suppliedStep = (item: string) => ({ en: `ions supplied by ${item}`, zh: `${zh(item)}负离子供给量` });

interface Coef<T> {
  readonly value: T;
  readonly unit: string;
  readonly traced: TracedValue;
}

function coefficient<T>(ctx: IndicatorContext<T>, id: string, positive: boolean): Coef<T> {
  const row = ctx.coefficients.get(id, ctx.path);
  if (positive && ctx.A.compare(row.value, ctx.A.zero) <= 0) {
    throw new GepInputError([
      makeIssue('input.out-of-range', ['coefficientOverrides', id], { expected: `${id} > 0`, found: `${row.use.value} ${row.unit}` }),
    ]);
  }
  return { value: row.value, unit: row.unit, traced: traced(ctx.A, { value: row.value, unit: row.unit }, `coefficient:${id}`) };
}

const concentration = (text: FieldText) => measure('个/cm³').meta(text);

const module = defineIndicator({
  id: ID,
  inputs: {
    stands: z
      .array(
        z.strictObject({
          ecosystemType: ecosystemType.meta(about('ecosystem type id of the stand', '林分的生态系统类型代码')),
          item: z.string().min(1).optional().meta(about('name of the stand or forest type', '林分或森林类型名称')),
          ionConcentration: concentration(
            about('Q_ion, mean negative-ion concentration measured in the stand', 'Q_ion，林分实测负离子平均浓度'),
          ),
          area: measure('hm²').meta(about('A, stand area', 'A，林分面积')),
          height: measure('m').meta(about('H, mean stand height', 'H，林分平均高度')),
        }),
      )
      .min(1),
  },
  reported: {
    unit: '个/a',
    description: about('ions supplied as printed by a published account', '公布的核算结果所列负离子供给量'),
    fields: {
      ionConcentration: concentration(
        about('Q_ion of the reported line, to value its share above the threshold', '公布行的 Q_ion，用于对超过阈值部分估价'),
      ),
    },
    stepName: (item: string) => suppliedStep(item),
  },
  valuation: {
    ionPrice: price('元/个')
      .optional()
      .meta(
        about(
          'K_ion, production cost per ion at the account price year; the table value otherwise',
          'K_ion，负离子单位生产成本（核算价格年份）；不填则取参数表值',
        ),
      ),
  },
  variants: {},
  coefficients: ['negative-ion.lifetime', 'negative-ion.threshold', 'negative-ion.production-cost', 'minutes-per-year'],

  /** Ions supplied per stand and in total, 个/a. */
  quantity(input, ctx) {
    const { A } = ctx;
    const tracer = new Tracer(A);
    const lines: QuantityLine<typeof A.zero>[] = [];
    const lifetime = coefficient(ctx, 'negative-ion.lifetime', true);
    const perYear = coefficient(ctx, 'minutes-per-year', false);

    input.stands.forEach((s, i) => {
      const at = [...ctx.path, 'stands', i];
      const name = s.item ?? s.ecosystemType;
      const q = readAmount(A, s.ionConcentration, '个/cm³');
      const area = readAmount(A, s.area, 'hm²');
      const height = readAmount(A, s.height, 'm');
      // Q·A·H: 个/cm³ × hm² × m → 个 (10¹⁰ cm³ per hm²·m); ÷ L → 个/min; × N = 525 600 min/a → 个/a
      const ions = multiplyInto(A, multiplyInto(A, q.value, '个/cm³', area.value, 'hm²', '个/m'), '个/m', height.value, 'm', '个');
      const perMinute = A.divide(ions, lifetime.value);
      const g = tracer.record(
        suppliedStep(name),
        'G_ion = Q_ion · A · H · N / L',
        {
          Q_ion: traced(A, q, inputRef([...at, 'ionConcentration'])),
          A: traced(A, area, inputRef([...at, 'area'])),
          H: traced(A, height, inputRef([...at, 'height'])),
          L: lifetime.traced,
          N: perYear.traced,
        },
        { value: multiplyInto(A, perMinute, `个/${lifetime.unit}`, perYear.value, perYear.unit, '个/a'), unit: '个/a' },
      );
      lines.push({ ...typeLineItem(name), ecosystemType: s.ecosystemType, quantity: g });
    });
    const total = tracer.record(
      { en: 'negative air ions', zh: '负氧离子' },
      'G = Σ_i G_ion,i',
      {},
      sumIn(
        A,
        lines.map((l) => l.quantity),
        '个/a',
      ),
    );
    return { lines, total, steps: tracer.steps, warnings: [] };
  },

  /** Value in 元: the ions above the threshold Q_0, G · (Q − Q_0)/Q, × the production cost per ion. */
  value(input, q, ctx) {
    const { A } = ctx;
    const tracer = new Tracer(A);
    const warnings: GepWarning[] = [];
    const { price: p, warnings: w } = resolvePrice(ctx, input.ionPrice, 'negative-ion.production-cost', [...ctx.path, 'ionPrice'], ID);
    warnings.push(...w);
    const threshold = coefficient(ctx, 'negative-ion.threshold', false);
    const q0 = { value: convert(A, threshold.value, threshold.unit, '个/cm³'), unit: '个/cm³' };
    // The concentration behind each quantity line, and where it is in the input.
    const rows = input.reported ?? input.stands ?? [];
    const field = input.reported ? 'reported' : 'stands';
    const lines: ValueLine<typeof A.zero>[] = q.lines.map((l, i) => {
      const at = [...ctx.path, field, i];
      const concPath = [...at, 'ionConcentration'];
      const conc = readAmount(A, rows[i]!.ionConcentration, '个/cm³');
      const excess = A.subtract(conc.value, q0.value);
      const valuedStep = { en: `ions valued for ${l.item}`, zh: `${zh(l.item)}计价负离子量` };
      let valued: Measure<typeof A.zero>;
      if (A.compare(excess, A.zero) <= 0) {
        warnings.push(
          makeWarning('below-threshold', {
            indicator: ID,
            path: at,
            params: { item: { en: l.item, zh: zh(l.item) }, concentration: A.toString(conc.value), threshold: A.toString(q0.value) },
          }),
        );
        valued = tracer.record(
          valuedStep,
          'G_v = 0 (Q_ion ≤ Q_0)',
          { Q_ion: traced(A, conc, inputRef(concPath)), Q_0: threshold.traced },
          { value: A.zero, unit: '个/a' },
        );
      } else {
        valued = tracer.record(
          valuedStep,
          'G_v = G_ion × (Q_ion − Q_0) / Q_ion',
          {
            G_ion: traced(A, l.quantity, `step:ions supplied by ${l.item}`),
            Q_ion: traced(A, conc, inputRef(concPath)),
            Q_0: threshold.traced,
          },
          { value: A.divide(A.multiply(l.quantity.value, excess), conc.value), unit: '个/a' },
        );
      }
      const v = tracer.record(
        { en: `value of ${l.item}`, zh: `${zh(l.item)}价值量` },
        'U_ion = G_v × K_ion',
        { G_v: traced(A, valued, `step:${valuedStep.en}`), K_ion: traced(A, p, p.from) },
        valueAt(A, valued, p),
      );
      return { ...lineItemOf(l), ...(l.ecosystemType ? { ecosystemType: l.ecosystemType } : {}), quantity: valued, unitPrice: p, value: v };
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

/** Metadata, inputs and coefficients of negative air ions. */
export const { spec, inputSchema, quantity, value } = module;
/** The input block of negative air ions: stands (or ion supply as printed, with its concentration), and an optional price per ion. */
export type NegativeIonsInput = z.input<typeof inputSchema>;
