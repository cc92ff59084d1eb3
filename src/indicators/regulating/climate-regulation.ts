/**
 * 气候调节 — Climate regulation: the energy that plant transpiration and water-surface evaporation
 * take up in the hot season, valued at the electricity that air-conditioners and humidifiers would
 * use to do the same (ganzi-2017 §2.4.8; forest-assets-2017 §1.2 item 4).
 *   E_tt = E_pt + E_we                                                          (kWh/a)
 *   E_pt = Σ_i EPP_i · S_i · D · 10⁶ / (3600 · r)      variant `transpiration: epp`
 *          (EPP_i kJ/(m²·d) per vegetation type, an input; S_i km²; D cooling days; r the
 *          air-conditioner energy-efficiency ratio; forest-assets-2017 writes S in km², ganzi-2017 in m²)
 *   E_pt = Σ_i ET_i · S_i · ρ_w · q / (3600 · r)         variant `transpiration: evapotranspiration`
 *          (ET_i transpiration depth over the cooling period; gep-methods §4.10 variant [R])
 *   E_we = E_w · ρ_w · q / 3600 [÷ r] + E_w · y        (ganzi-2017 §2.4.8 without r; variant
 *          `evaporationEer: divide` divides the first term by r, as some sources do, gep-methods §9 item 10)
 *          (E_w water-surface evaporation in the hot period, m³; y humidifier electricity per m³)
 *   q = 2 450 J/g (variant `latentHeat: 2450`, ≈ 20 °C) or 2 260 J/g (`2260`, ≈ 100 °C): the
 *   sources disagree and neither value was read in a GEP text (gep-methods §9 item 10).
 *   V_tt = E_tt · P_e                                  (P_e electricity price, 元/kWh)
 * The factors 10⁶ (km² → m²) and 3 600 (kJ → kWh) are unit conversions done by the unit layer.
 * For reproducing a published account, `reported` takes the energy as printed (kWh) instead of
 * `vegetation` and `waterSurfaces`.
 */
import * as z from 'zod';
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../../errors/errors.js';
import { makeWarning } from '../../errors/warnings/index.js';
import { ecosystemTypeName } from '../catalogue.js';
import { inputRef, lineItem, readAmount, sumIn, traced, Tracer, valueItems, withoutRepeats } from '../compute.js';
import { defineIndicator } from '../define.js';
import { about, ecosystemType, measure, price } from '../input-schema.js';
import { multiplyInto } from '../../units/units.js';
import type { Measure } from '../../units/measure.js';
import type { QuantityLine, TracedValue } from '../types.js';

const ID = 'regulating.climate-regulation';
const zh = (id: string) => ecosystemTypeName(id, 'zh');

const LATENT_HEAT = {
  '2450': 'latent-heat-vaporisation.2450',
  '2260': 'latent-heat-vaporisation.2260',
} as const;

type Name = { readonly en: string; readonly zh: string };
type VegetationLine = { readonly item?: string | undefined; readonly ecosystemType: string };
type WaterLine = { readonly item?: string | undefined; readonly ecosystemType?: string | undefined };

/** Names of the computed lines, in English (the reference for `step:` ids) and Chinese. */
const vegetationName = (v: VegetationLine): Name => ({
  en: `植被蒸腾 transpiration: ${v.item ?? v.ecosystemType}`,
  zh: `植被蒸腾：${v.item ?? zh(v.ecosystemType)}`,
});
const waterName = (w: WaterLine, i: number): Name => ({
  en: `水面蒸发 evaporation: ${w.item ?? w.ecosystemType ?? `water surface ${i + 1}`}`,
  zh: `水面蒸发：${w.item ?? (w.ecosystemType ? zh(w.ecosystemType) : `水面 ${i + 1}`)}`,
});
const energyStep = (name: Name) => ({ en: `energy of ${name.en}`, zh: `${name.zh}消耗的能量` });

const module = defineIndicator({
  id: ID,
  inputs: {
    vegetation: z
      .array(
        z.strictObject({
          ecosystemType: ecosystemType.meta(about('vegetation type id (forest, shrub, grassland …)', '植被类型代码（森林、灌丛、草地等）')),
          item: z.string().min(1).optional().meta(about('name of the line, when a type has several lines', '行名称（同一类型有多行时）')),
          area: measure('km²').meta(about('area S_i of the vegetation type', '植被类型面积 S_i')),
          epp: measure('kJ/(m²·d)')
            .optional()
            .meta(
              about(
                'EPP_i, heat absorbed by transpiration per area and day (variant epp; no tabulated default)',
                'EPP_i，单位面积每日植被蒸腾消耗热量（方法 epp；参数表无默认值）',
              ),
            ),
          transpiration: measure('mm')
            .optional()
            .meta(
              about(
                'depth of water transpired during the cooling period (variant evapotranspiration)',
                '降温时段内蒸腾水深（方法 evapotranspiration）',
              ),
            ),
        }),
      )
      .optional(),
    coolingDays: measure('d/a', { max: '366' })
      .optional()
      .meta(
        about(
          'D, days the air-conditioner would run (days with maximum temperature > 26 °C; at most 366); required with vegetation in variant epp',
          'D，空调开启天数（日最高气温 > 26 °C 的天数，至多 366）；方法 epp 下填写植被时必填',
        ),
      ),
    waterSurfaces: z
      .array(
        z.strictObject({
          ecosystemType: ecosystemType
            .optional()
            .meta(
              about(
                'ecosystem type of the water surface (river-and-lake, marsh-and-reservoir …)',
                '水面所属生态系统类型（river-and-lake、marsh-and-reservoir 等）',
              ),
            ),
          item: z.string().min(1).optional().meta(about('name of the water body or group', '水体或水体组名称')),
          evaporation: measure('m³/a').meta(about('E_w, water evaporated from the surface in the hot period', 'E_w，高温时段水面蒸发量')),
        }),
      )
      .optional(),
  },
  reported: {
    unit: 'kWh/a',
    description: about('energy as printed by a published account', '公布的核算结果所列降温耗能量'),
    stepName: (item: string) => energyStep({ en: item, zh: zh(item) }),
  },
  valuation: {
    electricityPrice: price('元/kWh')
      .optional()
      .meta(about('electricity price at the account price year; the table value otherwise', '电价（核算价格年份）；不填则取参数表值')),
  },
  check(input, issue) {
    // Lists may be empty (a region without water surfaces); the computed path needs one line in all.
    const given = input.vegetation !== undefined || input.waterSurfaces !== undefined || input.coolingDays !== undefined;
    if (input.reported === undefined && given && !input.vegetation?.length && !input.waterSurfaces?.length) {
      issue([], 'input.missing-basis', {
        en: 'vegetation and/or waterSurfaces with at least one line (to compute the energy), or reported (energy as printed)',
        zh: 'vegetation 和/或 waterSurfaces 至少一行（用于计算消耗的能量），或 reported（公布的能量）',
      });
    }
  },
  variants: {
    transpiration: {
      options: {
        epp: 'E_pt = Σ EPP_i · S_i · D / (3600 · r), EPP per vegetation type as input (ganzi-2017, forest-assets-2017)',
        evapotranspiration: 'E_pt = Σ ET_i · S_i · ρ_w · q / (3600 · r), from the transpired depth (gep-methods §4.10, recalled)',
      },
      default: 'epp',
    },
    latentHeat: {
      options: {
        '2450': 'q = 2 450 J/g (latent heat near 20 °C; code default, to verify)',
        '2260': 'q = 2 260 J/g (latent heat near 100 °C; to verify)',
      },
      default: '2450',
    },
    evaporationEer: {
      options: {
        none: 'water-surface cooling energy not divided by the EER (ganzi-2017)',
        divide: 'water-surface cooling energy divided by the EER r (some sources; gep-methods §9 item 10)',
      },
      default: 'none',
    },
  },
  coefficients: [
    'air-conditioner-eer',
    'latent-heat-vaporisation.2450',
    'latent-heat-vaporisation.2260',
    'water-density',
    'humidifier-electricity',
    'electricity-price.consumer',
  ],

  /** Energy taken up per vegetation type and water surface, kWh/a. */
  quantity(input, ctx) {
    const { A } = ctx;
    type T = typeof A.zero;
    const tracer = new Tracer(A);
    const issues: GepIssue[] = [];
    const warnings: GepWarning[] = [];
    const lines: QuantityLine<T>[] = [];
    const byEt = ctx.variant.transpiration === 'evapotranspiration';
    const divideEvaporation = ctx.variant.evaporationEer === 'divide';
    const latentHeatId = LATENT_HEAT[ctx.variant.latentHeat];

    /** A coefficient read once, with its trace entry; a non-positive EER or latent heat is refused. */
    const cache = new Map<string, { value: T; unit: string; traced: TracedValue }>();
    const coef = (id: string, positive = false) => {
      let c = cache.get(id);
      if (!c) {
        const row = ctx.coefficients.get(id, ctx.path);
        if (positive && A.compare(row.value, A.zero) <= 0) {
          throw new GepInputError([
            makeIssue('input.out-of-range', ['coefficientOverrides', id], { expected: `${id} > 0`, found: `${row.use.value} ${row.unit}` }),
          ]);
        }
        c = { value: row.value, unit: row.unit, traced: traced(A, { value: row.value, unit: row.unit }, `coefficient:${id}`) };
        cache.set(id, c);
      }
      return c;
    };
    /** Heat (kWh/a) to vaporise a volume of water (m³/a): V · ρ_w · q. */
    const vaporisationHeat = (volume: T): T => {
      const rho = coef('water-density', true);
      const q = coef(latentHeatId, true);
      const mass = multiplyInto(A, volume, 'm³/a', rho.value, rho.unit, 'kg/a');
      return multiplyInto(A, mass, 'kg/a', q.value, q.unit, 'kWh/a');
    };

    const vegetation = input.vegetation ?? [];
    const unused = [
      ...(byEt && input.coolingDays ? ['coolingDays'] : []),
      ...vegetation.flatMap((v, i) =>
        byEt ? (v.epp ? [`vegetation[${i}].epp`] : []) : v.transpiration ? [`vegetation[${i}].transpiration`] : [],
      ),
    ];
    if (unused.length) {
      warnings.push(
        makeWarning('input-not-used', {
          indicator: ID,
          path: ctx.path,
          params: {
            line: { en: 'vegetation', zh: '植被' },
            fields: unused.join(', '),
            variant: `transpiration: ${ctx.variant.transpiration}`,
          },
        }),
      );
    }
    let days: Measure<T> | undefined;
    if (vegetation.length && !byEt) {
      if (!input.coolingDays)
        issues.push(
          makeIssue('input.required', [...ctx.path, 'coolingDays'], {
            expected: { en: 'the number of cooling days D (variant epp)', zh: '降温天数 D（方法 epp）' },
          }),
        );
      else days = readAmount(A, input.coolingDays, 'd/a');
    }

    vegetation.forEach((v, i) => {
      const at = [...ctx.path, 'vegetation', i];
      const name = vegetationName(v);
      const area = readAmount(A, v.area, 'm²');
      const areaTraced = traced(A, readAmount(A, v.area, 'km²'), inputRef([...at, 'area']));
      if (byEt) {
        if (!v.transpiration) {
          issues.push(
            makeIssue('input.required', [...at, 'transpiration'], {
              expected: {
                en: 'the transpired depth in the cooling period (variant evapotranspiration)',
                zh: '降温期内的蒸腾深度（方法 evapotranspiration）',
              },
            }),
          );
          return;
        }
        const depth = readAmount(A, v.transpiration, 'mm');
        const r = coef('air-conditioner-eer', true);
        const volume = multiplyInto(A, area.value, 'm²', depth.value, 'mm/a', 'm³/a');
        const e = tracer.record(
          energyStep(name),
          'E_pt,i = ET_i × S_i × ρ_w × q ÷ (3600 × r)',
          {
            ET: traced(A, depth, inputRef([...at, 'transpiration'])),
            S: areaTraced,
            ρ_w: coef('water-density', true).traced,
            q: coef(latentHeatId, true).traced,
            r: r.traced,
          },
          { value: A.divide(vaporisationHeat(volume), r.value), unit: 'kWh/a' },
        );
        lines.push({ ...lineItem(name), ecosystemType: v.ecosystemType, quantity: e });
        return;
      }
      if (!v.epp) {
        issues.push(
          makeIssue('input.required', [...at, 'epp'], {
            expected: {
              en: `EPP, the heat absorbed by transpiration per m² and day, for "${v.ecosystemType}" (variant epp; the table has no default)`,
              zh: `"${v.ecosystemType}" 的 EPP，即单位面积每日植被蒸腾消耗的热量（方法 epp；系数表中没有默认值）`,
            },
          }),
        );
        return;
      }
      if (!days) return;
      const epp = readAmount(A, v.epp, 'kJ/(m²·d)');
      const r = coef('air-conditioner-eer', true);
      const perDay = multiplyInto(A, epp.value, 'kJ/(m²·d)', area.value, 'm²', 'kJ/d');
      const heat = multiplyInto(A, perDay, 'kJ/d', days.value, 'd/a', 'kWh/a');
      const e = tracer.record(
        energyStep(name),
        'E_pt,i = EPP_i × S_i × D × 10⁶ ÷ (3600 × r)',
        {
          EPP: traced(A, epp, inputRef([...at, 'epp'])),
          S: areaTraced,
          D: traced(A, days, inputRef([...ctx.path, 'coolingDays'])),
          r: r.traced,
        },
        { value: A.divide(heat, r.value), unit: 'kWh/a' },
      );
      lines.push({ ...lineItem(name), ecosystemType: v.ecosystemType, quantity: e });
    });

    (input.waterSurfaces ?? []).forEach((w, i) => {
      const at = [...ctx.path, 'waterSurfaces', i];
      const name = waterName(w, i);
      const ew = readAmount(A, w.evaporation, 'm³/a');
      const ewTraced = traced(A, ew, inputRef([...at, 'evaporation']));
      const heat = vaporisationHeat(ew.value);
      const coolingStep = { en: `cooling by ${name.en}`, zh: `${name.zh}降温耗能` };
      const humidifyingStep = { en: `humidification by ${name.en}`, zh: `${name.zh}增湿耗能` };
      const cooling = divideEvaporation
        ? tracer.record(
            coolingStep,
            'E_w × ρ_w × q ÷ (3600 × r)',
            {
              E_w: ewTraced,
              ρ_w: coef('water-density', true).traced,
              q: coef(latentHeatId, true).traced,
              r: coef('air-conditioner-eer', true).traced,
            },
            { value: A.divide(heat, coef('air-conditioner-eer', true).value), unit: 'kWh/a' },
          )
        : tracer.record(
            coolingStep,
            'E_w × ρ_w × q ÷ 3600',
            {
              E_w: ewTraced,
              ρ_w: coef('water-density', true).traced,
              q: coef(latentHeatId, true).traced,
            },
            { value: heat, unit: 'kWh/a' },
          );
      const y = coef('humidifier-electricity');
      const humidifying = tracer.record(
        humidifyingStep,
        'E_w × y',
        { E_w: ewTraced, y: y.traced },
        { value: multiplyInto(A, ew.value, 'm³/a', y.value, y.unit, 'kWh/a'), unit: 'kWh/a' },
      );
      const e = tracer.record(
        energyStep(name),
        divideEvaporation ? 'E_we = E_w·ρ_w·q ÷ (3600·r) + E_w·y' : 'E_we = E_w·ρ_w·q ÷ 3600 + E_w·y',
        {
          cooling: traced(A, cooling, `step:${coolingStep.en}`),
          humidification: traced(A, humidifying, `step:${humidifyingStep.en}`),
        },
        { value: A.add(cooling.value, humidifying.value), unit: 'kWh/a' },
      );
      lines.push({ ...lineItem(name), ...(w.ecosystemType ? { ecosystemType: w.ecosystemType } : {}), quantity: e });
    });

    if (issues.length) throw new GepInputError(issues);
    const total = tracer.record(
      { en: 'climate regulation', zh: '气候调节' },
      'E_tt = Σ E_pt,i + Σ E_we,j',
      {},
      sumIn(
        A,
        lines.map((l) => l.quantity),
        'kWh/a',
      ),
    );
    return { lines, total, steps: tracer.steps, warnings };
  },

  /** Value of climate regulation in 元: energy × electricity price. */
  value(input, q, ctx) {
    const names: readonly Name[] = input.reported
      ? input.reported.map((r) => ({ en: r.item, zh: zh(r.item) }))
      : [...(input.vegetation ?? []).map(vegetationName), ...(input.waterSurfaces ?? []).map(waterName)];
    const r = valueItems(
      ctx,
      ID,
      q.lines.map((l, i) => ({
        item: l.item,
        itemZh: names[i]!.zh,
        ...(l.ecosystemType ? { ecosystemType: l.ecosystemType } : {}),
        quantity: l.quantity,
        quantityFrom: `step:energy of ${l.item}`,
        price: input.electricityPrice,
        coefficientId: 'electricity-price.consumer',
        pricePath: [...ctx.path, 'electricityPrice'],
      })),
    );
    return { ...r, warnings: withoutRepeats(r.warnings) };
  },
});

/** Metadata, inputs, variants and coefficients of climate regulation. */
export const { spec, inputSchema, quantity, value } = module;
/** The input block of climate regulation: vegetation and water surfaces (or energy as printed), and an optional electricity price. */
export type ClimateRegulationInput = z.input<typeof inputSchema>;
