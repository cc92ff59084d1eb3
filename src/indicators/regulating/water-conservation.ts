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
 * a warning names the clamped types. The depth P − R − ET is the water-balance kernel's formula
 * too (src/kernels/water-balance.ts): both run the one in ./physics.ts.
 */
import * as z from 'zod';
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../../errors/errors.js';
import { makeWarning } from '../../errors/warnings/index.js';
import { ecosystemTypeName as zhName } from '../catalogue.js';
import { givenOrCoefficient, inputRef, notUsedWarning, readAmount, sumIn, traced, Tracer, typeLineItem, valueItems } from '../compute.js';
import { defineIndicator } from '../define.js';
import { about, ecosystemType, measure, price } from '../input-schema.js';
import { multiplyInto } from '../../units/units.js';
import type { Measure } from '../../units/measure.js';
import type { QuantityLine } from '../types.js';
import { nonNegative, runoffDepth, waterBalanceDepth } from './physics.js';

const ID = 'regulating.water-conservation';
const typeZh = (id: string) => zhName(id, 'zh');

const module = defineIndicator({
  id: ID,
  inputs: {
    ecosystems: z
      .array(
        z.strictObject({
          ecosystemType: ecosystemType.meta(
            about(
              'ecosystem type id (runoff coefficients are tabulated for the level-2 types of gong-2017)',
              '生态系统类型代码（参数表按 gong-2017 二级类型列出径流系数）',
            ),
          ),
          area: measure('km²').meta(about('area of the type in the region', '该生态系统类型在区域内的面积')),
          precipitation: measure('mm').meta(
            about('annual precipitation over the type (area-weighted mean)', '该类型年降水量（面积加权平均）'),
          ),
          evapotranspiration: measure('mm').meta(about('annual actual evapotranspiration (e.g. MOD16)', '年实际蒸散发量（如 MOD16）')),
          runoffCoefficient: measure('1', { max: '1' })
            .optional()
            .meta(
              about(
                'mean surface-runoff coefficient α (0–1 or %); the table value for the type otherwise',
                '平均地表径流系数 α（0–1 或 %）；不填则取该类型参数表值',
              ),
            ),
          stormRunoff: measure('mm')
            .optional()
            .meta(about('storm runoff depth, for the storm-runoff variant', '暴雨径流深，用于方法 storm-runoff')),
        }),
      )
      .min(1),
  },
  reported: {
    unit: 'm³/a',
    description: about('water conserved as printed by a published account', '公布的核算结果所列水源涵养量'),
    stepName: (item: string) => ({ en: `water balance of ${item}`, zh: `${typeZh(item)}水量平衡` }),
  },
  valuation: {
    unitPrice: price('元/m³')
      .optional()
      .meta(
        about(
          'price per m³ (reservoir cost or water price) at the account price year; the table value otherwise',
          '单价（元/m³，水库单位库容成本或水价，核算价格年份）；不填则取参数表值',
        ),
      ),
  },
  variants: {
    runoff: {
      options: {
        'mean-runoff-coefficient': 'R = P·α with α by ecosystem type (gong-2017 Table 2)',
        'storm-runoff': 'R = storm runoff depth given per type (ganzi-2017)',
      },
      default: 'mean-runoff-coefficient',
    },
  },
  coefficients: ['runoff-coefficient.*', 'reservoir-storage-cost'],

  /** Water conserved per ecosystem type and in total, m³/a. */
  quantity(input, ctx) {
    const { A } = ctx;
    const tracer = new Tracer(A);
    const issues: GepIssue[] = [];
    const warnings: GepWarning[] = [];
    const lines: QuantityLine<typeof A.zero>[] = [];
    const raw: Measure<typeof A.zero>[] = [];
    const storm = ctx.variant.runoff === 'storm-runoff';

    input.ecosystems.forEach((e, i) => {
      const at = [...ctx.path, 'ecosystems', i];
      const type = e.ecosystemType;
      const unused = notUsedWarning(
        ID,
        e,
        at,
        { en: type, zh: zhName(type, 'zh') },
        { 'mean-runoff-coefficient': ['runoffCoefficient'], 'storm-runoff': ['stormRunoff'] },
        storm ? 'storm-runoff' : 'mean-runoff-coefficient',
        'runoff',
      );
      if (unused) warnings.push(unused);
      const area = readAmount(A, e.area, 'm²');
      const p = readAmount(A, e.precipitation, 'mm');
      const et = readAmount(A, e.evapotranspiration, 'mm');
      let runoff: Measure<typeof A.zero>;
      if (storm) {
        if (!e.stormRunoff) {
          issues.push(
            makeIssue('input.required', [...at, 'stormRunoff'], {
              expected: { en: 'a storm runoff depth (variant storm-runoff)', zh: '暴雨径流深度（方法 storm-runoff）' },
            }),
          );
          return;
        }
        runoff = readAmount(A, e.stormRunoff, 'mm');
      } else {
        const alpha = givenOrCoefficient(ctx, e.runoffCoefficient, [...at, 'runoffCoefficient'], `runoff-coefficient.${type}`, '1');
        if (!alpha) {
          issues.push(
            makeIssue('input.required', [...at, 'runoffCoefficient'], {
              expected: { en: `a runoff coefficient: the table has none for "${type}"`, zh: `径流系数：系数表中没有 "${type}" 的值` },
            }),
          );
          return;
        }
        runoff = tracer.record(
          { en: `runoff of ${type}`, zh: `${typeZh(type)}地表径流` },
          'R = P × α',
          { P: traced(A, p, inputRef([...at, 'precipitation'])), α: traced(A, alpha.measure, alpha.from) },
          { value: runoffDepth(A, p.value, alpha.measure.value), unit: 'mm' },
        );
      }
      const depth = waterBalanceDepth(A, p.value, runoff.value, et.value);
      const q = tracer.record(
        { en: `water balance of ${type}`, zh: `${typeZh(type)}水量平衡` },
        'Q_i = A_i × (P_i − R_i − ET_i)',
        {
          A: traced(A, area, inputRef([...at, 'area'])),
          P: traced(A, p, inputRef([...at, 'precipitation'])),
          R: traced(A, runoff, storm ? inputRef([...at, 'stormRunoff']) : `step:runoff of ${type}`),
          ET: traced(A, et, inputRef([...at, 'evapotranspiration'])),
        },
        { value: multiplyInto(A, area.value, 'm²', depth, 'mm/a', 'm³/a'), unit: 'm³/a' },
      );
      raw.push(q);
      const negative = A.compare(q.value, A.zero) < 0;
      if (negative) {
        warnings.push(
          makeWarning('negative-water-balance', {
            indicator: ID,
            path: at,
            params: { type: { en: type, zh: typeZh(type) }, quantity: A.toDisplayText(q.value) },
          }),
        );
      }
      lines.push({ ...typeLineItem(type), ecosystemType: type, quantity: { value: nonNegative(A, q.value), unit: 'm³/a' } });
    });
    if (issues.length) throw new GepInputError(issues);

    tracer.record(
      { en: 'raw water balance', zh: '未截断的水量平衡' },
      { en: 'Σ_i Q_i before clamping', zh: 'Σ_i Q_i（截断前）' },
      {},
      sumIn(A, raw, 'm³/a'),
    );
    const total = tracer.record(
      { en: 'water conservation', zh: '水源涵养量' },
      'Q_wr = Σ_i max(Q_i, 0)',
      {},
      sumIn(
        A,
        lines.map((l) => l.quantity),
        'm³/a',
      ),
    );
    return { lines, total, steps: tracer.steps, warnings };
  },

  /** Value of water conservation in 元: Q × the reservoir construction cost per m³ (or a given price). */
  value(input, q, ctx) {
    return valueItems(
      ctx,
      ID,
      q.lines.map((l, i) => ({
        item: l.item,
        ...(l.ecosystemType ? { ecosystemType: l.ecosystemType } : {}),
        quantity: l.quantity,
        quantityFrom: `step:water balance of ${l.item}`,
        price: input.unitPrice,
        coefficientId: 'reservoir-storage-cost',
        pricePath: input.unitPrice ? [...ctx.path, 'unitPrice'] : [...ctx.path, input.reported ? 'reported' : 'ecosystems', i],
      })),
    );
  },
});

/** Metadata, inputs, variants and coefficients of water conservation. */
export const { spec, inputSchema, quantity, value } = module;
/** The input block of water conservation. */
export type WaterConservationInput = z.input<typeof inputSchema>;
