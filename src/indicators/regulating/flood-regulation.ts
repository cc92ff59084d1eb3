/**
 * 洪水调蓄 — Flood regulation: the flood water that vegetation, lakes, reservoirs and marshes can
 * hold back, valued at the cost of building the same reservoir storage.
 *   Q_fm = C_v + C_l + C_r + C_m                                   (m³/a; ganzi-2017 §2.4.4 without C_v)
 *   C_v  = Σ_i (P_h − R_h,i) · A_i    vegetation: storm rainfall minus storm runoff over the area of
 *          type i, R_h,i given as a depth or as R_h,i = P_h · α_h,i (CAEP family, recalled:
 *          gep-methods §4.5 [R]; ganzi-2017 does not count it). Variant `vegetation: exclude` drops it.
 *   C_l  = e^a · A^b · T  per lake, i.e. ln C = a + b·ln A with C in 万m³ and the lake area A in km²
 *          (ganzi-2017 §2.4.4 after rao-2014); T water renewals per year (1, ganzi-2017). Applied
 *          lake by lake, never to the summed area (b ≠ 1; gep-methods §9 item 11). Regional pairs:
 *          Qinghai–Tibet a = 6.636, b = 0.678 (ganzi-2017, verified); eastern plain, Yunnan–Guizhou
 *          and Northeast recalled from rao-2014 (to verify); Mongolia–Xinjiang unknown, so a lake
 *          there needs a and b in the input. A lake below the area range of rao-2014 (lakes > 1 km²)
 *          is computed with a warning.
 *   C_r  = s · C_t                    reservoirs: flood-control share s = 0.35 of the total capacity
 *          C_t (ganzi-2017 §2.4.4); a reservoir's own share may be given
 *   C_m  = H · S                      marshes: surface retention depth H = 0.3 m over the marsh area S
 *          (ganzi-2017 §2.4.4 writes 0.3·S·10⁶ with S in km²)
 *   V_fm = Q_fm · C_we                C_we = reservoir construction cost per m³ of storage, as for water
 *          conservation (ganzi-2017 §2.4.4), or a given price.
 * Storage volumes (C_r, C_m, C_l with T = 1) are counted once per accounting year, as ganzi-2017
 * does. Any line may instead carry the storage volume as reported (a reservoir's 防洪库容, a surveyed
 * lake storage, a published account's row); it is then taken as given and the trace says so.
 */
import * as z from 'zod';
import { GepArithmeticError } from '../../numbers/arithmetic.js';
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../../errors/errors.js';
import { makeWarning } from '../../errors/warnings/index.js';
import { ecosystemTypeName } from '../catalogue.js';
import {
  givenOrCoefficient,
  inputRef,
  lineItem,
  readAmount,
  sumIn,
  traced,
  Tracer,
  valueItems,
  type AmountText,
  type Text,
} from '../compute.js';
import { defineIndicator } from '../define.js';
import { about, decimalText, ecosystemType, type FieldText, measure, price } from '../input-schema.js';
import { convert, multiplyInto } from '../../units/units.js';
import type { Measure } from '../../units/measure.js';
import type { QuantityLine, TracedValue } from '../types.js';

const ID = 'regulating.flood-regulation';
/** A name in Chinese: an ecosystem type's name, else the name as given. */
const zh = (name: string) => ecosystemTypeName(name, 'zh');

/** The five lake regions of rao-2014. */
const LAKE_REGIONS = [
  'eastern-plain',
  'northeast-plain-mountain',
  'yunnan-guizhou-plateau',
  'qinghai-tibet-plateau',
  'mongolia-xinjiang-plateau',
] as const;

/** A storage volume as reported (a reservoir's 防洪库容, a surveyed lake storage, a published row). */
const reported = (what: FieldText) => measure('m³/a').optional().meta(what);

type Component = 'vegetation' | 'lakes' | 'reservoirs' | 'marshes';
const COMPONENT_NAME: Readonly<Record<Component, Text>> = {
  vegetation: { en: 'vegetation', zh: '植被' },
  lakes: { en: 'lake', zh: '湖泊' },
  reservoirs: { en: 'reservoir', zh: '水库' },
  marshes: { en: 'marsh', zh: '沼泽' },
};
const SUBTOTAL: Readonly<Record<Component, string>> = { vegetation: 'C_v', lakes: 'C_l', reservoirs: 'C_r', marshes: 'C_m' };
const SUBTOTAL_ZH: Readonly<Record<Component, string>> = {
  vegetation: '植被暴雨蓄水量',
  lakes: '湖泊调蓄量',
  reservoirs: '水库防洪库容',
  marshes: '沼泽滞水量',
};
const en = (t: Text) => (typeof t === 'string' ? t : t.en);
const zhOf = (t: Text) => (typeof t === 'string' ? t : t.zh);

/** A storage volume is a stock, counted once per accounting year (ganzi-2017). */
const ONCE_A_YEAR: Text = { en: 'a storage volume, counted once per accounting year', zh: '库容为存量，每个核算年计一次' };

const module = defineIndicator({
  id: ID,
  inputs: {
    vegetation: z
      .array(
        z.strictObject({
          ecosystemType: ecosystemType.meta(about('ecosystem type id of the vegetation', '植被的生态系统类型代码')),
          item: z.string().min(1).optional().meta(about('name of the line, when a type has several lines', '行名称（同一类型有多行时）')),
          area: measure('km²').optional().meta(about('area of the type', '该生态系统类型的面积')),
          stormRainfall: measure('mm')
            .optional()
            .meta(
              about(
                'storm rainfall P_h of the year (rain of storm days, ≥ 50 mm per day)',
                '年暴雨降水量 P_h（日降水量 ≥ 50 mm 的暴雨日降水）',
              ),
            ),
          stormRunoff: measure('mm')
            .optional()
            .meta(
              about(
                'storm runoff depth R_h of the type; or give stormRunoffCoefficient',
                '该类型暴雨径流深 R_h；或填写 stormRunoffCoefficient',
              ),
            ),
          stormRunoffCoefficient: measure('1', { max: '1' })
            .optional()
            .meta(about('storm runoff coefficient α_h (0–1 or %), R_h = P_h·α_h', '暴雨径流系数 α_h（0–1 或 %），R_h = P_h·α_h')),
          reported: reported(
            about('storm water held by the type as reported, instead of the computation', '公布的该类型暴雨滞蓄水量，代替计算值'),
          ),
        }),
      )
      .min(1)
      .optional(),
    lakes: z
      .array(
        z.strictObject({
          item: z.string().min(1).meta(about('name of the lake', '湖泊名称')),
          region: z
            .enum(LAKE_REGIONS)
            .optional()
            .meta(about(`lake region of rao-2014: ${LAKE_REGIONS.join(', ')}`, `湖区（rao-2014）：${LAKE_REGIONS.join('、')}`)),
          a: decimalText
            .optional()
            .meta(
              about(
                "regression intercept a of ln C = a + b·ln A (C 万m³, A km²), a plain number, with b; replaces the region's pair",
                '回归式 ln C = a + b·ln A（C 以万m³计，A 以 km² 计）的截距 a，纯数值，与 b 一并填写；代替所在湖区的系数',
              ),
            ),
          b: decimalText.optional().meta(about('regression slope b, a plain number, with a', '回归斜率 b，纯数值，与 a 一并填写')),
          area: measure('km²').optional().meta(about('water surface area of the lake', '湖泊水面面积')),
          renewals: measure('1/a')
            .optional()
            .meta(
              about(
                'water renewals per year T; the table value (lake-water-renewals, 1 in ganzi-2017) otherwise',
                '年换水次数 T；不填则取参数表值（lake-water-renewals，ganzi-2017 取 1）',
              ),
            ),
          reported: reported(
            about(
              'flood storage of the lake as reported or surveyed, instead of the regression',
              '公布或调查的湖泊洪水调蓄量，代替回归计算值',
            ),
          ),
        }),
      )
      .min(1)
      .optional(),
    reservoirs: z
      .array(
        z.strictObject({
          item: z.string().min(1).meta(about('name of the reservoir', '水库名称')),
          totalCapacity: measure('m³').optional().meta(about('total storage capacity (总库容)', '总库容')),
          floodControlShare: measure('1', { max: '1' })
            .optional()
            .meta(
              about(
                'share of the total capacity for flood control; the table value (reservoir-flood-control-share, 0.35 in ganzi-2017) otherwise',
                '防洪库容占总库容比例；不填则取参数表值（reservoir-flood-control-share，ganzi-2017 取 0.35）',
              ),
            ),
          reported: reported(
            about('flood-control capacity (防洪库容) as reported, instead of share × total capacity', '公布的防洪库容，代替比例 × 总库容'),
          ),
        }),
      )
      .min(1)
      .optional(),
    marshes: z
      .array(
        z.strictObject({
          item: z.string().min(1).meta(about('name of the marsh', '沼泽名称')),
          ecosystemType: ecosystemType.optional().meta(about('ecosystem type id of the marsh', '沼泽的生态系统类型代码')),
          area: measure('km²').optional().meta(about('marsh area', '沼泽面积')),
          retentionDepth: measure('m')
            .optional()
            .meta(
              about(
                'surface retention depth; the table value (marsh-retention-depth, 0.3 m in ganzi-2017) otherwise',
                '地表滞水深度；不填则取参数表值（marsh-retention-depth，ganzi-2017 取 0.3 m）',
              ),
            ),
          reported: reported(
            about('flood storage of the marsh as reported, instead of depth × area', '公布的沼泽洪水调蓄量，代替滞水深度 × 面积'),
          ),
        }),
      )
      .min(1)
      .optional(),
  },
  valuation: {
    unitPrice: price('元/m³')
      .optional()
      .meta(
        about(
          'price per m³ of storage at the account price year; the reservoir construction cost otherwise',
          '单位库容价格（元/m³，核算价格年份）；不填则取水库单位库容建设成本',
        ),
      ),
  },
  check(input, issue) {
    if (!input.vegetation && !input.lakes && !input.reservoirs && !input.marshes) {
      issue([], 'input.missing-basis', {
        en: 'at least one of vegetation, lakes, reservoirs or marshes',
        zh: 'vegetation、lakes、reservoirs、marshes 中至少一项',
      });
    }
  },
  variants: {
    vegetation: {
      options: {
        include: 'Q = C_v + C_l + C_r + C_m: vegetation storm-water storage counted (CAEP family, recalled)',
        exclude: 'Q = C_l + C_r + C_m: lakes, reservoirs and marshes only, as ganzi-2017 §2.4.4',
      },
      default: 'include',
    },
  },
  coefficients: [
    'lake-regression.*',
    'lake-water-renewals',
    'reservoir-flood-control-share',
    'marsh-retention-depth',
    'reservoir-storage-cost',
  ],

  /** Flood storage per line and in total, m³/a. */
  quantity(input, ctx) {
    const { A } = ctx;
    type T = typeof A.zero;
    const tracer = new Tracer(A);
    const issues: GepIssue[] = [];
    const warnings: GepWarning[] = [];
    const lines: QuantityLine<T>[] = [];
    const subtotals: Partial<Record<Component, Measure<T>[]>> = {};

    /** The input's value when given, else the coefficient, as a traced measure in `unit`. */
    const param = (
      given: AmountText | undefined,
      id: string,
      unit: string,
      at: readonly (string | number)[],
    ): { m: Measure<T>; t: TracedValue } => {
      const r = givenOrCoefficient(ctx, given, at, id, unit);
      // Without the row, reading it raises the reader's located issue (coefficient.unknown).
      if (!r) return ctx.coefficients.get(id, at) as never;
      return { m: r.measure, t: traced(A, r.measure, r.from) };
    };
    /** The line's name, `lake · Qinghai Lake`, in both languages. */
    const itemOf = (component: Component, name: string) => ({
      en: `${en(COMPONENT_NAME[component])} · ${name}`,
      zh: `${zhOf(COMPONENT_NAME[component])} · ${zh(name)}`,
    });
    /** The step that gives a line's storage: the one `value()` cites. */
    const storageStep = (item: { en: string; zh: string }) => ({ en: `flood storage of ${item.en}`, zh: `${item.zh}调蓄量` });

    /** Record a line; a reported volume replaces the computation (`compute` returns null on a missing field). */
    const line = (
      component: Component,
      name: string,
      at: readonly (string | number)[],
      rep: { value: string; unit: string } | undefined,
      computeFields: readonly string[],
      compute: () => Measure<T> | null,
      ecosystemTypeId?: string,
    ) => {
      const item = itemOf(component, name);
      let q: Measure<T> | null;
      if (rep) {
        if (computeFields.length) {
          warnings.push(
            makeWarning('reported-quantity-used', { indicator: ID, path: at, params: { item, fields: computeFields.join(', ') } }),
          );
        }
        const r = readAmount(A, rep, 'm³/a');
        q = tracer.record(
          storageStep(item),
          { en: 'C as reported', zh: 'C 取公布值' },
          { C: traced(A, r, inputRef([...at, 'reported'])) },
          r,
        );
      } else {
        q = compute();
      }
      if (q === null) return;
      (subtotals[component] ??= []).push(q);
      lines.push({ ...lineItem(item), ...(ecosystemTypeId ? { ecosystemType: ecosystemTypeId } : {}), quantity: q });
    };
    const given = <O extends object>(o: O, keys: readonly (keyof O & string)[]) => keys.filter((k) => o[k] !== undefined);
    const need = (at: readonly (string | number)[], field: string, expected: Text) =>
      issues.push(makeIssue('input.required', [...at, field], { expected }));

    if (input.vegetation && ctx.variant.vegetation === 'exclude') {
      warnings.push(makeWarning('component-excluded', { indicator: ID, path: [...ctx.path, 'vegetation'] }));
    } else {
      input.vegetation?.forEach((v, i) => {
        const at = [...ctx.path, 'vegetation', i];
        const name = v.item ?? v.ecosystemType;
        line(
          'vegetation',
          name,
          at,
          v.reported,
          given(v, ['area', 'stormRainfall', 'stormRunoff', 'stormRunoffCoefficient']),
          () => {
            const missing = !v.area || !v.stormRainfall || (!v.stormRunoff && !v.stormRunoffCoefficient);
            if (!v.area) need(at, 'area', { en: 'the area of the type (or a reported storage)', zh: '该类型的面积（或公布的调蓄量）' });
            if (!v.stormRainfall)
              need(at, 'stormRainfall', {
                en: 'the storm rainfall of the year (or a reported storage)',
                zh: '当年暴雨降雨量（或公布的调蓄量）',
              });
            if (!v.stormRunoff && !v.stormRunoffCoefficient)
              need(at, 'stormRunoff', { en: 'a storm runoff depth or a storm runoff coefficient', zh: '暴雨径流深度或暴雨径流系数' });
            if (missing) return null;
            const ph = readAmount(A, v.stormRainfall!, 'mm');
            const area = readAmount(A, v.area!, 'km²');
            let rh: Measure<T>;
            if (v.stormRunoff) {
              rh = readAmount(A, v.stormRunoff, 'mm');
            } else {
              const alpha = readAmount(A, v.stormRunoffCoefficient!, '1');
              rh = tracer.record(
                { en: `storm runoff of ${name}`, zh: `${zh(name)}暴雨径流` },
                'R_h = P_h × α_h',
                {
                  P_h: traced(A, ph, inputRef([...at, 'stormRainfall'])),
                  α_h: traced(A, alpha, inputRef([...at, 'stormRunoffCoefficient'])),
                },
                { value: A.multiply(ph.value, alpha.value), unit: 'mm' },
              );
            }
            if (A.compare(rh.value, ph.value) > 0) {
              issues.push(
                makeIssue('input.out-of-range', [...at, 'stormRunoff'], {
                  expected: {
                    en: `a storm runoff no larger than the storm rainfall (${A.toString(ph.value)} mm)`,
                    zh: `不大于暴雨降雨量（${A.toString(ph.value)} mm）的暴雨径流`,
                  },
                  found: `${A.toString(rh.value)} mm`,
                }),
              );
              return null;
            }
            return tracer.record(
              storageStep(itemOf('vegetation', name)),
              'C_v,i = (P_h − R_h,i) × A_i',
              {
                P_h: traced(A, ph, inputRef([...at, 'stormRainfall'])),
                R_h: traced(A, rh, v.stormRunoff ? inputRef([...at, 'stormRunoff']) : `step:storm runoff of ${name}`),
                A: traced(A, area, inputRef([...at, 'area'])),
              },
              { value: multiplyInto(A, area.value, 'km²', A.subtract(ph.value, rh.value), 'mm/a', 'm³/a'), unit: 'm³/a' },
            );
          },
          v.ecosystemType,
        );
      });
    }

    input.lakes?.forEach((l, i) => {
      const at = [...ctx.path, 'lakes', i];
      line('lakes', l.item, at, l.reported, given(l, ['region', 'a', 'b', 'area', 'renewals']), () => {
        let a: { m: Measure<T>; t: TracedValue } | undefined;
        let b: { m: Measure<T>; t: TracedValue } | undefined;
        if (l.a !== undefined || l.b !== undefined) {
          if (l.a === undefined) need(at, 'a', { en: 'the intercept a, given with b', zh: '截距 a（与 b 一同给出）' });
          if (l.b === undefined) need(at, 'b', { en: 'the slope b, given with a', zh: '斜率 b（与 a 一同给出）' });
          if (l.a !== undefined && l.b !== undefined) {
            a = param({ value: l.a, unit: '1' }, '', '1', [...at, 'a']);
            b = param({ value: l.b, unit: '1' }, '', '1', [...at, 'b']);
          }
        } else if (!l.region) {
          need(at, 'region', { en: 'the lake region of rao-2014, or the coefficients a and b', zh: 'rao-2014 的湖区，或系数 a 与 b' });
        } else if (!ctx.coefficients.has(`lake-regression.${l.region}.a`) || !ctx.coefficients.has(`lake-regression.${l.region}.b`)) {
          issues.push(
            makeIssue('input.required', [...at, 'a'], {
              expected: {
                en: `the coefficients a and b: the table has no lake regression for region "${l.region}" (its pair is not known); give a and b`,
                zh: `系数 a 与 b：系数表中没有湖区 "${l.region}" 的湖泊回归式（其系数对未知），请给出 a 与 b`,
              },
            }),
          );
        } else {
          a = param(undefined, `lake-regression.${l.region}.a`, '1', [...at, 'region']);
          b = param(undefined, `lake-regression.${l.region}.b`, '1', [...at, 'region']);
        }
        if (!l.area) need(at, 'area', { en: 'the lake area (or a reported storage)', zh: '湖泊面积（或公布的调蓄量）' });
        if (!a || !b || !l.area) return null;
        const area = readAmount(A, l.area, 'km²');
        const t = param(l.renewals, 'lake-water-renewals', '1/a', [...at, 'renewals']);
        const inputs = { a: a.t, b: b.t, A: traced(A, area, inputRef([...at, 'area'])), T: t.t };
        const name = storageStep(itemOf('lakes', l.item));
        const formula = { en: 'C_l = e^a × A^b × T (C_l in 万m³, A in km²)', zh: 'C_l = e^a × A^b × T（C_l 以万m³计，A 以km²计）' };
        if (A.compare(area.value, A.zero) === 0) {
          return tracer.record(
            name,
            formula,
            inputs,
            { value: A.zero, unit: 'm³/a' },
            { en: 'no water surface, no storage', zh: '无水面，无调蓄' },
          );
        }
        const min = ctx.coefficients.get('lake-regression.min-area', [...at, 'area']);
        const minKm2 = convert(A, min.value, min.unit, 'km²');
        if (A.compare(area.value, minKm2) < 0) {
          warnings.push(
            makeWarning('lake-below-regression-range', {
              indicator: ID,
              path: [...at, 'area'],
              params: { lake: { en: l.item, zh: zh(l.item) }, area: A.toDisplayText(area.value), min: A.toDisplayText(minKm2) },
            }),
          );
        }
        let wan: T;
        try {
          wan = A.multiply(A.exp(a.m.value), A.pow(area.value, b.m.value));
        } catch (e) {
          if (!(e instanceof GepArithmeticError)) throw e;
          issues.push(
            makeIssue('input.out-of-range', [...at, l.a !== undefined ? 'a' : 'region'], {
              expected: { en: 'regression coefficients that give a finite storage', zh: '能得出有限调蓄量的回归系数' },
              found: `a = ${A.toString(a.m.value)}, b = ${A.toString(b.m.value)}`,
            }),
          );
          return null;
        }
        return tracer.record(name, formula, inputs, { value: multiplyInto(A, wan, '万m³', t.m.value, '1/a', 'm³/a'), unit: 'm³/a' });
      });
    });

    input.reservoirs?.forEach((r, i) => {
      const at = [...ctx.path, 'reservoirs', i];
      line('reservoirs', r.item, at, r.reported, given(r, ['totalCapacity', 'floodControlShare']), () => {
        if (!r.totalCapacity) {
          need(at, 'totalCapacity', {
            en: 'the total capacity of the reservoir (or its reported flood-control capacity)',
            zh: '水库总库容（或公布的防洪库容）',
          });
          return null;
        }
        const ct = readAmount(A, r.totalCapacity, 'm³');
        const s = param(r.floodControlShare, 'reservoir-flood-control-share', '1', [...at, 'floodControlShare']);
        return tracer.record(
          storageStep(itemOf('reservoirs', r.item)),
          'C_r = s × C_t',
          { s: s.t, C_t: traced(A, ct, inputRef([...at, 'totalCapacity'])) },
          { value: A.multiply(s.m.value, ct.value), unit: 'm³/a' },
          ONCE_A_YEAR,
        );
      });
    });

    input.marshes?.forEach((m, i) => {
      const at = [...ctx.path, 'marshes', i];
      line(
        'marshes',
        m.item,
        at,
        m.reported,
        given(m, ['area', 'retentionDepth']),
        () => {
          if (!m.area) {
            need(at, 'area', { en: 'the marsh area (or a reported storage)', zh: '沼泽面积（或公布的调蓄量）' });
            return null;
          }
          const area = readAmount(A, m.area, 'km²');
          const h = param(m.retentionDepth, 'marsh-retention-depth', 'm', [...at, 'retentionDepth']);
          return tracer.record(
            storageStep(itemOf('marshes', m.item)),
            'C_m = H × S',
            { H: h.t, S: traced(A, area, inputRef([...at, 'area'])) },
            { value: multiplyInto(A, h.m.value, 'm', area.value, 'km²', 'm³'), unit: 'm³/a' },
            ONCE_A_YEAR,
          );
        },
        m.ecosystemType,
      );
    });

    if (issues.length) throw new GepInputError(issues);
    for (const c of Object.keys(SUBTOTAL) as Component[]) {
      const parts = subtotals[c];
      if (parts) {
        tracer.record(
          { en: SUBTOTAL[c], zh: `${SUBTOTAL_ZH[c]} ${SUBTOTAL[c]}` },
          { en: `${SUBTOTAL[c]} = Σ of the ${c} lines`, zh: `${SUBTOTAL[c]} = Σ ${zhOf(COMPONENT_NAME[c])}各行` },
          {},
          sumIn(A, parts, 'm³/a'),
        );
      }
    }
    const used = (Object.keys(SUBTOTAL) as Component[]).filter((c) => subtotals[c]).map((c) => SUBTOTAL[c]);
    const total = tracer.record(
      { en: 'flood regulation', zh: '洪水调蓄' },
      `Q_fm = ${used.length ? used.join(' + ') : '0'}`,
      {},
      sumIn(
        A,
        lines.map((l) => l.quantity),
        'm³/a',
      ),
    );
    return { lines, total, steps: tracer.steps, warnings };
  },

  /** Value of flood regulation in 元: Q × the reservoir construction cost per m³ (or a given price). */
  value(input, q, ctx) {
    const components = Object.values(COMPONENT_NAME);
    /** `lake · Qinghai Lake` in Chinese: the component's name and the line's. */
    const itemZh = (item: string) => {
      const at = item.indexOf(' · ');
      const component = components.find((c) => en(c) === item.slice(0, at));
      return component ? `${zhOf(component)} · ${zh(item.slice(at + 3))}` : zh(item);
    };
    return valueItems(
      ctx,
      ID,
      q.lines.map((l) => ({
        item: l.item,
        itemZh: itemZh(l.item),
        ...(l.ecosystemType ? { ecosystemType: l.ecosystemType } : {}),
        quantity: l.quantity,
        quantityFrom: `step:flood storage of ${l.item}`,
        price: input.unitPrice,
        coefficientId: 'reservoir-storage-cost',
        pricePath: [...ctx.path, 'unitPrice'],
      })),
    );
  },
});

/** Metadata, inputs, variants and coefficients of flood regulation. */
export const { spec, inputSchema, quantity, value } = module;
/** The input block of flood regulation. */
export type FloodRegulationInput = z.input<typeof inputSchema>;
