/**
 * 防风固沙 — Windbreak and sand fixation: the wind erosion that vegetation prevents, potential
 * (bare surface) minus actual soil loss by the Revised Wind Erosion Equation (RWEQ), per ecosystem
 * type i and weather period k (ganzi-2017 §2.4 names RWEQ and "potential − actual"; the equations
 * are fryrear-1998 as written in gep-methods §4.4, recalled [R], and winderosion-2020 [C]):
 *   x_p,ik = WF_k · EF_i · SCF_i · K′_i          x_a,ik = x_p,ik · COG_i
 *   Q_max  = 109.8 · x                            kg/m, maximum transport capacity
 *   s      = 150.71 · x^(−0.3711)                 m, critical field length (winderosion-2020 writes 105.71)
 *   SL(x)  = (2z / s²) · Q_max · exp(−(z/s)²)     kg/m², z = 50 m; SL(0) = 0
 *   Q_sf   = Σ_i (Σ_k SL(x_p,ik) − Σ_k SL(x_a,ik)) · A_i      kg → t/a
 * Factors, each given or computed from primary data (gep-methods §4.4):
 *   WF  = Wf · ρ_a / g · SW · SD                   weather factor per period, kg/m by RWEQ convention
 *         (the formula is not dimensionally homogeneous: the day count inside Wf carries time);
 *         Wf = Σ U·(U − U_t)²·N_d/N from wind observations, m³/s³; SW soil wetness 0–1; SD = 1 −
 *         snow-cover probability; ρ_a = 1.293 · 273/(273 + T) · P_a/P_0 with T in °C and
 *         P_a/P_0 = (1 − 0.0255·h·(6357/(6357 + h)))^5.256, h elevation in km (winderosion-2020);
 *         g = 9.8 m/s²
 *   EF  = (29.09 + 0.31·Sa + 0.17·Si + 0.33·Sa/Cl − 2.59·OM − 0.95·CaCO₃) / 100   (% inputs)
 *   SCF = 1 / (1 + 0.0066·Cl² + 0.021·OM²)                                        (% inputs)
 *   K′  = exp(1.86·Kr − 2.41·Kr^0.934 − 0.127·Crr)  Kr ridge roughness, Crr random roughness, cm
 *   COG = exp(a · FVC)                              FVC vegetation cover in %; a = −0.00483
 *         (winderosion-2020 [C]); Chinese studies use land-cover-specific a: give it per type
 * Every constant above is a coefficient row (`rweq.*`, `standard-gravity`, `air-density.standard`,
 * `celsius-kelvin-offset`). RWEQ is non-linear: per-type means and coarse periods give a different
 * result from a per-cell, per-month run (src/kernels/rweq.ts), whose zonal sums enter as `reported`;
 * both run the one soil-loss formula (./physics.ts).
 * SL is not monotonic in x, so a type may lose more soil with its vegetation than without: its
 * negative retention is kept with its sign and warned about.
 *
 * Value (ganzi-2017 §2.4):
 *   V_sf = Q_sf / (ρ_s · h) · c_s     ρ_s sand bulk density 1.28 t/m³, h standard sand-cover depth
 *                                     0.1 m, c_s sand-control engineering cost 3.75 元/m² (2010)
 *   variant `price: vegetation-restoration-cost`: c_s replaced by a vegetation-restoration cost per m²
 *   (gep-methods §4.4 alternative [R]; no sourced value: it must be given).
 */
import * as z from 'zod';
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../../errors/errors.js';
import { makeWarning } from '../../errors/warnings/index.js';
import { ecosystemTypeName } from '../catalogue.js';
import {
  inputRef,
  lineItemOf,
  readAmount,
  resolvePrice,
  sumIn,
  traced,
  Tracer,
  typeLineItem,
  valueAt,
  type AmountText,
} from '../compute.js';
import { defineIndicator } from '../define.js';
import { about, decimalText, ecosystemType, measure, price } from '../input-schema.js';
import { convert, multiplyInto } from '../../units/units.js';
import type { Measure } from '../../units/measure.js';
import { rweqSoilLosses, type RweqConstants } from './physics.js';
import type { IndicatorContext, QuantityLine, TracedValue, UnitPrice, ValueLine } from '../types.js';

const ID = 'regulating.sand-fixation';
/** A line's name in Chinese: an ecosystem type's name, else the name as given. */
const zh = (item: string) => ecosystemTypeName(item, 'zh');
/** The step that gives a line's sand fixed: the one `value()` cites, computed or reported. */
const fixedStep = (item: string) => ({ en: `sand fixed by ${item}`, zh: `${zh(item)}固沙量` });

const fraction = () => measure('1', { max: '1' });

/** A weather period (a month or season) of the RWEQ weather factor. */
const weatherPeriod = z.strictObject({
  item: z
    .string()
    .min(1)
    .meta(about('name of a weather period (a month or season), for RWEQ per period', '气象时段名称（月或季），用于分时段计算 RWEQ')),
  weatherFactor: measure('kg/m')
    .optional()
    .meta(about('weather factor WF of the period, when computed elsewhere', '该时段气象因子 WF（已另行计算时填写）')),
  windFactor: measure('m³/s³')
    .optional()
    .meta(
      about(
        'wind factor Wf = Σ U·(U − U_t)²·N_d/N of the period (U_t threshold wind speed, usually 5 m/s), to compute WF',
        '该时段风力因子 Wf = Σ U·(U − U_t)²·N_d/N（U_t 为起沙风速，通常 5 m/s），用于计算 WF',
      ),
    ),
  airTemperatureCelsius: decimalText
    .optional()
    .meta(
      about(
        'mean air temperature of the period in °C (a plain number; °C is not a ratio unit), to compute WF',
        '该时段平均气温（°C，纯数值；°C 不是比例单位），用于计算 WF',
      ),
    ),
  soilWetness: fraction()
    .optional()
    .meta(about('soil wetness factor SW of the period, 0–1, to compute WF', '该时段土壤湿度因子 SW，0–1，用于计算 WF')),
  snowCoverFactor: fraction()
    .optional()
    .meta(about('snow factor SD = 1 − probability of snow cover, 0–1, to compute WF', '雪盖因子 SD = 1 − 积雪覆盖概率，0–1，用于计算 WF')),
});
type WeatherPeriod = z.output<typeof weatherPeriod>;

/** The RWEQ factors of an ecosystem type, each given or computed from primary data. */
const ecosystemLine = z.strictObject({
  ecosystemType: ecosystemType.meta(about('ecosystem type id', '生态系统类型代码')),
  item: z.string().min(1).optional().meta(about('name of the line, when a type has several lines', '行名称（同一类型有多行时）')),
  area: measure('hm²').meta(about('area of the type in the region', '该生态系统类型在区域内的面积')),
  weatherFactor: measure('kg/m')
    .optional()
    .meta(about('annual weather factor WF of the type, instead of the weather periods', '该类型全年气象因子 WF，代替分时段气象数据')),
  erodibleFraction: fraction()
    .optional()
    .meta(
      about('soil erodible fraction EF, 0–1; computed from soilTexture otherwise', '土壤可蚀性成分 EF，0–1；不填则由 soilTexture 计算'),
    ),
  crustFactor: fraction()
    .optional()
    .meta(about('soil crust factor SCF, 0–1; computed from soilTexture otherwise', '土壤结皮因子 SCF，0–1；不填则由 soilTexture 计算')),
  soilTexture: z
    .strictObject({
      sand: fraction().meta(about('sand content (%), for EF', '砂粒含量（%），用于计算 EF')),
      silt: fraction().meta(about('silt content (%), for EF', '粉粒含量（%），用于计算 EF')),
      clay: fraction().meta(about('clay content (%), for EF and SCF; must be > 0', '黏粒含量（%），用于计算 EF 与 SCF；须大于 0')),
      organicMatter: fraction().meta(about('organic-matter content (%), for EF and SCF', '有机质含量（%），用于计算 EF 与 SCF')),
      calciumCarbonate: fraction()
        .optional()
        .meta(about('CaCO₃ content (%), for EF; 0 when not given', 'CaCO₃ 含量（%），用于计算 EF；不填按 0 计')),
    })
    .optional(),
  roughnessFactor: measure('1')
    .optional()
    .meta(
      about(
        'surface roughness factor K′; computed from ridgeRoughness and randomRoughness otherwise',
        '地表糙度因子 K′；不填则由 ridgeRoughness 与 randomRoughness 计算',
      ),
    ),
  ridgeRoughness: measure('cm').optional().meta(about('ridge (terrain) roughness Kr, for K′', '地形糙度 Kr，用于计算 K′')),
  randomRoughness: measure('cm').optional().meta(about('random roughness Crr, for K′', '随机糙度 Crr，用于计算 K′')),
  vegetationFactor: fraction()
    .optional()
    .meta(
      about(
        'vegetation factor COG of the actual cover, 0–1; computed from vegetationCover otherwise',
        '实际植被覆盖下的植被因子 COG，0–1；不填则由 vegetationCover 计算',
      ),
    ),
  vegetationCover: fraction()
    .optional()
    .meta(about('fractional vegetation cover FVC (% or fraction), for COG', '植被覆盖度 FVC（% 或比例），用于计算 COG')),
  vegetationCoefficient: decimalText
    .optional()
    .meta(
      about(
        'coefficient a of COG = exp(a·FVC) with FVC in %, a plain number; rweq.vegetation.fvc-coefficient otherwise',
        'COG = exp(a·FVC)（FVC 以 % 计）中的系数 a，纯数值；不填则取 rweq.vegetation.fvc-coefficient',
      ),
    ),
});
type EcosystemLine = z.output<typeof ecosystemLine>;

/** Why a line's sand fixation is negative, for the warning. */
const NEGATIVE = {
  reported: { en: 'the reported sand fixation is negative', zh: '公布的固沙量为负' },
  computed: {
    en: 'the actual RWEQ soil loss exceeds the potential one (SL is not monotonic in the factors)',
    zh: 'RWEQ 实际土壤风蚀量大于潜在风蚀量（SL 不随因子单调变化）',
  },
} as const;

const module = defineIndicator({
  id: ID,
  inputs: {
    weatherPeriods: z.array(weatherPeriod).min(1).optional(),
    elevation: measure('m', { nonNegative: false })
      .optional()
      .meta(about('mean elevation of the region, for the air density when WF is computed', '区域平均海拔，计算 WF 时用于空气密度')),
    ecosystems: z.array(ecosystemLine).min(1),
  },
  reported: {
    unit: 't/a',
    description: about(
      'sand fixed as printed by a published account (or a zonal sum of the RWEQ kernel); may be negative',
      '公布的核算结果所列防风固沙量（或 RWEQ 栅格计算的分区汇总）；可为负',
    ),
    stepName: (item: string) => fixedStep(item),
    totalName: { en: 'sand fixation', zh: '防风固沙' },
    nonNegative: false,
    warn: <T>(row: { readonly item: string }, i: number, q: Measure<T>, ctx: IndicatorContext<T>) =>
      ctx.A.compare(q.value, ctx.A.zero) < 0
        ? makeWarning('negative-sand-fixation', {
            indicator: ID,
            path: [...ctx.path, 'reported', i],
            params: { item: { en: row.item, zh: zh(row.item) }, reason: NEGATIVE.reported, quantity: ctx.A.toString(q.value) },
          })
        : null,
  },
  valuation: {
    sandBulkDensity: measure('t/m³')
      .optional()
      .meta(about('sand bulk density ρ_s; the table value otherwise', '沙土容重 ρ_s；不填则取参数表值')),
    coverDepth: measure('m')
      .optional()
      .meta(
        about('standard sand-cover depth h of desertified land; the table value otherwise', '沙化土地标准覆沙厚度 h；不填则取参数表值'),
      ),
    sandControlCost: price('元/m²')
      .optional()
      .meta(
        about(
          'sand-control engineering cost per m² at the account price year (variant sand-control-cost); the table value otherwise',
          '单位面积治沙工程费用（元/m²，核算价格年份，方法 sand-control-cost）；不填则取参数表值',
        ),
      ),
    restorationCost: price('元/m²')
      .optional()
      .meta(
        about(
          'vegetation-restoration cost per m² at the account price year (variant vegetation-restoration-cost; required there, no table value)',
          '单位面积植被恢复成本（元/m²，核算价格年份，方法 vegetation-restoration-cost；该方法必填，参数表无此值）',
        ),
      ),
  },
  variants: {
    price: {
      options: {
        'sand-control-cost': 'V = Q/(ρ_s·h) × sand-control engineering cost per m² (ganzi-2017 §2.4)',
        'vegetation-restoration-cost':
          'V = Q/(ρ_s·h) × vegetation-restoration cost per m², given as input (gep-methods §4.4 alternative, recalled)',
      },
      default: 'sand-control-cost',
    },
  },
  coefficients: [
    'rweq.*',
    'standard-gravity',
    'air-density.standard',
    'celsius-kelvin-offset',
    'sand-bulk-density',
    'sand-cover-depth',
    'sand-control-cost',
  ],

  /** Sand fixed per ecosystem type and in total, t/a. */
  quantity(input, ctx) {
    const { A } = ctx;
    type T = typeof A.zero;
    const tracer = new Tracer(A);
    const issues: GepIssue[] = [];
    const warnings: GepWarning[] = [];
    const lines: QuantityLine<T>[] = [];
    const ecosystems = input.ecosystems;

    const k: RweqConstants<T> = {
      a: coefficient(ctx, 'rweq.qmax-coefficient', '1', ctx.path).value,
      b: coefficient(ctx, 'rweq.critical-length-coefficient', 'm', ctx.path).value,
      c: coefficient(ctx, 'rweq.critical-length-exponent', '1', ctx.path).value,
      z: coefficient(ctx, 'rweq.downwind-distance', 'm', ctx.path).value,
    };
    const needPeriods = ecosystems.some((e) => !e.weatherFactor);
    const periods = needPeriods ? weatherFactors(input, ctx, tracer, issues) : [];

    ecosystems.forEach((e, i) => {
      const at = [...ctx.path, 'ecosystems', i];
      const name = e.item ?? e.ecosystemType;
      const factors = soilFactors(e, name, at, ctx, tracer, issues, warnings);
      if (!factors) return;
      const wfs: { value: T; from: string }[] = e.weatherFactor
        ? [{ value: readAmount(A, e.weatherFactor, 'kg/m').value, from: inputRef([...at, 'weatherFactor']) }]
        : periods;
      if (!wfs.length) return;
      const base = A.multiply(A.multiply(factors.ef.value, factors.scf.value), factors.kr.value);
      const factorInputs = { EF: factors.ef.traced, SCF: factors.scf.traced, 'K′': factors.kr.traced };
      const froms = wfs.map((w) => w.from).join(', ');
      const wfNote = e.weatherFactor
        ? { en: 'one annual weather factor', zh: '一个年度气象因子' }
        : { en: `${wfs.length} weather period(s): ${froms}`, zh: `${wfs.length} 个气象时段：${froms}` };
      const losses = wfs.map((w) => rweqSoilLosses(A, w.value, base, factors.cog.value, k));
      const potential = tracer.record(
        { en: `potential soil loss of ${name}`, zh: `${zh(name)}潜在土壤风蚀量` },
        'SL_p = Σ_k SL(WF_k × EF × SCF × K′)',
        factorInputs,
        { value: A.sum(losses.map((l) => l.potential)), unit: 'kg/(m²·a)' },
        wfNote,
      );
      const actual = tracer.record(
        { en: `actual soil loss of ${name}`, zh: `${zh(name)}实际土壤风蚀量` },
        'SL_a = Σ_k SL(WF_k × EF × SCF × K′ × COG)',
        { ...factorInputs, COG: factors.cog.traced },
        { value: A.sum(losses.map((l) => l.actual)), unit: 'kg/(m²·a)' },
        wfNote,
      );
      const area = readAmount(A, e.area, 'hm²');
      const q = tracer.record(
        fixedStep(name),
        'Q_i = (SL_p − SL_a) × A_i',
        {
          SL_p: traced(A, potential, `step:potential soil loss of ${name}`),
          SL_a: traced(A, actual, `step:actual soil loss of ${name}`),
          A: traced(A, area, inputRef([...at, 'area'])),
        },
        { value: multiplyInto(A, A.subtract(potential.value, actual.value), 'kg/(m²·a)', area.value, 'hm²', 't/a'), unit: 't/a' },
      );
      if (A.compare(q.value, A.zero) < 0) {
        warnings.push(
          makeWarning('negative-sand-fixation', {
            indicator: ID,
            path: at,
            params: { item: { en: name, zh: zh(name) }, reason: NEGATIVE.computed, quantity: A.toDisplayText(q.value) },
          }),
        );
      }
      lines.push({ ...typeLineItem(name), ecosystemType: e.ecosystemType, quantity: q });
    });
    if (issues.length) throw new GepInputError(issues);
    const total = tracer.record(
      { en: 'sand fixation', zh: '防风固沙' },
      'Q_sf = Σ_i Q_i',
      {},
      sumIn(
        A,
        lines.map((l) => l.quantity),
        't/a',
      ),
    );
    return { lines, total, steps: tracer.steps, warnings };
  },

  /** Value in 元: the area the fixed sand would cover, Q/(ρ_s·h), × the sand-control (or restoration) cost per m². */
  value(input, q, ctx) {
    const { A } = ctx;
    type T = typeof A.zero;
    const tracer = new Tracer(A);
    const issues: GepIssue[] = [];
    const warnings: GepWarning[] = [];
    const restoration = ctx.variant.price === 'vegetation-restoration-cost';

    const physical = (given: AmountText | undefined, field: string, id: string, unit: string): Factor<T> | undefined => {
      const at = [...ctx.path, field];
      const f = given
        ? { value: readAmount(A, given, unit).value, traced: traced(A, readAmount(A, given, unit), inputRef(at)) }
        : coefficient(ctx, id, unit, at);
      if (A.compare(f.value, A.zero) <= 0) {
        issues.push(makeIssue('input.out-of-range', [...at, 'value'], { expected: 'a value > 0', found: f.traced.value }));
        return undefined;
      }
      return f;
    };
    const rho = physical(input.sandBulkDensity, 'sandBulkDensity', 'sand-bulk-density', 't/m³');
    const depth = physical(input.coverDepth, 'coverDepth', 'sand-cover-depth', 'm');

    let unitCost: UnitPrice<T> | undefined;
    if (restoration && !input.restorationCost) {
      issues.push(
        makeIssue('input.required', [...ctx.path, 'restorationCost'], {
          expected: {
            en: 'a vegetation-restoration cost per m² (variant vegetation-restoration-cost; the table has no value)',
            zh: '每平方米植被恢复成本（方法 vegetation-restoration-cost；系数表中没有该值）',
          },
        }),
      );
    } else {
      try {
        const r = restoration
          ? resolvePrice(ctx, input.restorationCost, null, [...ctx.path, 'restorationCost'], ID)
          : resolvePrice(ctx, input.sandControlCost, 'sand-control-cost', [...ctx.path, 'sandControlCost'], ID);
        warnings.push(...r.warnings);
        unitCost = r.price;
      } catch (e) {
        if (e instanceof GepInputError) issues.push(...e.issues);
        else throw e;
      }
    }
    if (issues.length || !rho || !depth || !unitCost) throw new GepInputError(issues);

    const lines: ValueLine<T>[] = q.lines.map((l) => {
      const covered = tracer.record(
        { en: `covered area of ${l.item}`, zh: `${zh(l.item)}覆沙面积` },
        'S = Q / (ρ_s × h)',
        {
          Q: traced(A, l.quantity, `step:sand fixed by ${l.item}`),
          ρ_s: rho.traced,
          h: depth.traced,
        },
        { value: A.divide(l.quantity.value, A.multiply(rho.value, depth.value)), unit: 'm²/a' },
      );
      const v = tracer.record(
        { en: `value of ${l.item}`, zh: `${zh(l.item)}价值量` },
        restoration ? 'V = S × c_r' : 'V = S × c_s',
        {
          S: traced(A, covered, `step:covered area of ${l.item}`),
          c: traced(A, unitCost, unitCost.from),
        },
        valueAt(A, covered, unitCost),
      );
      return {
        ...lineItemOf(l),
        ...(l.ecosystemType ? { ecosystemType: l.ecosystemType } : {}),
        quantity: covered,
        unitPrice: unitCost,
        value: v,
      };
    });
    const total = tracer.record(
      { en: 'total', zh: '合计' },
      'V_sf = Σ V_i',
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

/** Metadata, inputs, variants and coefficients of windbreak and sand fixation. */
export const { spec, inputSchema, quantity, value } = module;
/** The input block of windbreak and sand fixation. */
export type SandFixationInput = z.input<typeof inputSchema>;

/** A coefficient read as a plain value in `unit`, with its trace entry. */
function coefficient<T>(
  ctx: IndicatorContext<T>,
  id: string,
  unit: string,
  path: readonly (string | number)[],
): { value: T; traced: TracedValue } {
  const c = ctx.coefficients.get(id, path);
  const value = convert(ctx.A, c.value, c.unit, unit);
  return { value, traced: { value: ctx.A.toString(value), unit, from: `coefficient:${id}` } };
}

/** WF of each weather period: given, or Wf · ρ_a / g · SW · SD with ρ_a from temperature and elevation. */
function weatherFactors<T>(
  input: { weatherPeriods?: readonly WeatherPeriod[] | undefined; elevation?: AmountText | undefined },
  ctx: IndicatorContext<T>,
  tracer: Tracer<T>,
  issues: GepIssue[],
): { value: T; from: string }[] {
  const { A } = ctx;
  if (!input.weatherPeriods) {
    issues.push(
      makeIssue('input.required', [...ctx.path, 'weatherPeriods'], {
        expected: {
          en: 'weather periods (or a weatherFactor on every ecosystem line)',
          zh: '气象时段 weatherPeriods（或在每个生态系统行给出 weatherFactor）',
        },
      }),
    );
    return [];
  }
  let air:
    | {
        rho0: ReturnType<typeof coefficient<T>>;
        t0: ReturnType<typeof coefficient<T>>;
        g: ReturnType<typeof coefficient<T>>;
        pressureRatio: Measure<T>;
      }
    | undefined;
  const airConstants = () => {
    if (air) return air;
    if (!input.elevation) {
      issues.push(
        makeIssue('input.required', [...ctx.path, 'elevation'], {
          expected: {
            en: 'the mean elevation of the region, to compute the air density of WF',
            zh: '区域平均海拔，用于计算气象因子 WF 中的空气密度',
          },
        }),
      );
      return undefined;
    }
    const at = [...ctx.path, 'elevation'];
    const h = readAmount(A, input.elevation, 'km');
    const lapse = coefficient(ctx, 'rweq.air-pressure.lapse-coefficient', '1/km', at);
    const radius = coefficient(ctx, 'rweq.air-pressure.earth-radius', 'km', at);
    const n = coefficient(ctx, 'rweq.air-pressure.exponent', '1', at);
    const inner = A.subtract(A.one, A.multiply(A.multiply(lapse.value, h.value), A.divide(radius.value, A.add(radius.value, h.value))));
    if (A.compare(inner, A.zero) <= 0) {
      issues.push(
        makeIssue('input.out-of-range', [...at, 'value'], {
          expected: {
            en: 'an elevation inside the atmosphere model (1 − k·h·r/(r + h) > 0)',
            zh: '大气模型适用范围内的海拔（1 − k·h·r/(r + h) > 0）',
          },
          found: `${input.elevation.value} ${input.elevation.unit}`,
        }),
      );
      return undefined;
    }
    const pressureRatio = tracer.record(
      { en: 'air pressure ratio', zh: '气压比' },
      'P_a/P_0 = (1 − k·h·r/(r + h))^n',
      {
        h: traced(A, h, inputRef(at)),
        k: lapse.traced,
        r: radius.traced,
        n: n.traced,
      },
      { value: A.pow(inner, n.value), unit: '1' },
    );
    air = {
      rho0: coefficient(ctx, 'air-density.standard', 'kg/m³', at),
      t0: coefficient(ctx, 'celsius-kelvin-offset', '1', at),
      g: coefficient(ctx, 'standard-gravity', 'm/s²', at),
      pressureRatio,
    };
    return air;
  };

  const out: { value: T; from: string }[] = [];
  input.weatherPeriods.forEach((p, i) => {
    const at = [...ctx.path, 'weatherPeriods', i];
    if (p.weatherFactor) {
      out.push({ value: readAmount(A, p.weatherFactor, 'kg/m').value, from: inputRef([...at, 'weatherFactor']) });
      return;
    }
    const missing = (['windFactor', 'airTemperatureCelsius', 'soilWetness', 'snowCoverFactor'] as const).filter((f) => p[f] === undefined);
    if (missing.length) {
      for (const f of missing)
        issues.push(
          makeIssue('input.required', [...at, f], {
            expected: { en: `${f}, or the period's weatherFactor`, zh: `${f}，或该时段的 weatherFactor` },
          }),
        );
      return;
    }
    const a = airConstants();
    if (!a) return;
    const t = A.fromString(p.airTemperatureCelsius!);
    const kelvin = A.add(a.t0.value, t);
    if (A.compare(kelvin, A.zero) <= 0) {
      issues.push(
        makeIssue('input.out-of-range', [...at, 'airTemperatureCelsius'], {
          expected: { en: 'a temperature above −273 °C', zh: '高于 −273 °C 的气温' },
          found: p.airTemperatureCelsius!,
        }),
      );
      return;
    }
    const rho = tracer.record(
      { en: `air density of ${p.item}`, zh: `${p.item}空气密度` },
      'ρ_a = ρ_0 × T_0/(T_0 + T) × P_a/P_0',
      {
        ρ_0: a.rho0.traced,
        T_0: a.t0.traced,
        T: { value: p.airTemperatureCelsius!, unit: '°C', from: inputRef([...at, 'airTemperatureCelsius']) },
        'P_a/P_0': traced(A, a.pressureRatio, 'step:air pressure ratio'),
      },
      { value: A.multiply(A.multiply(a.rho0.value, A.divide(a.t0.value, kelvin)), a.pressureRatio.value), unit: 'kg/m³' },
    );
    const wf = readAmount(A, p.windFactor!, 'm³/s³');
    const sw = readAmount(A, p.soilWetness!, '1');
    const sd = readAmount(A, p.snowCoverFactor!, '1');
    const weather = tracer.record(
      { en: `weather factor of ${p.item}`, zh: `${p.item}气象因子` },
      'WF = Wf × ρ_a / g × SW × SD',
      {
        Wf: traced(A, wf, inputRef([...at, 'windFactor'])),
        ρ_a: traced(A, rho, `step:air density of ${p.item}`),
        g: a.g.traced,
        SW: traced(A, sw, inputRef([...at, 'soilWetness'])),
        SD: traced(A, sd, inputRef([...at, 'snowCoverFactor'])),
      },
      { value: A.multiply(A.divide(A.multiply(wf.value, rho.value), a.g.value), A.multiply(sw.value, sd.value)), unit: 'kg/m' },
      {
        en: 'numbers of m³/s³ × kg/m³ ÷ m/s² read as kg/m (RWEQ convention, fryrear-1998)',
        zh: 'm³/s³ × kg/m³ ÷ m/s² 的数值按 kg/m 计（RWEQ 惯例，fryrear-1998）',
      },
    );
    out.push({ value: weather.value, from: `step:weather factor of ${p.item}` });
  });
  return out;
}

interface Factor<T> {
  readonly value: T;
  readonly traced: TracedValue;
}

/** EF, SCF, K′ and COG of one ecosystem line: given, or computed from soil texture, roughness and cover. */
function soilFactors<T>(
  e: EcosystemLine,
  name: string,
  at: readonly (string | number)[],
  ctx: IndicatorContext<T>,
  tracer: Tracer<T>,
  issues: GepIssue[],
  warnings: GepWarning[],
): { ef: Factor<T>; scf: Factor<T>; kr: Factor<T>; cog: Factor<T> } | undefined {
  const { A } = ctx;
  const given = (m: { value: string; unit: string }, field: string): Factor<T> => {
    const v = readAmount(A, m, '1');
    return { value: v.value, traced: traced(A, v, inputRef([...at, field])) };
  };
  const step = (
    label: { en: string; zh: string },
    formula: string,
    inputs: Record<string, TracedValue>,
    value: T,
    unit = '1',
  ): Factor<T> => {
    const r = tracer.record({ en: `${label.en} of ${name}`, zh: `${zh(name)}${label.zh}` }, formula, inputs, { value, unit });
    return { value: r.value, traced: traced(A, r, `step:${label.en} of ${name}`) };
  };
  const hundred = A.fromString('100');
  let ok = true;

  // Soil texture, in % numbers, for EF and SCF.
  const tex = e.soilTexture;
  const pct = (field: 'sand' | 'silt' | 'clay' | 'organicMatter' | 'calciumCarbonate') => {
    const m = tex?.[field];
    const v = m ? convert(A, readAmount(A, m, '1').value, '1', '%') : A.zero;
    return { value: v, traced: { value: A.toString(v), unit: '%', from: m ? inputRef([...at, 'soilTexture', field]) : 'default: 0' } };
  };
  if ((!e.erodibleFraction || !e.crustFactor) && !tex) {
    issues.push(
      makeIssue('input.required', [...at, 'soilTexture'], {
        expected: {
          en: 'soilTexture (sand, silt, clay, organicMatter), or erodibleFraction and crustFactor',
          zh: '土壤质地 soilTexture（sand、silt、clay、organicMatter），或 erodibleFraction 与 crustFactor',
        },
      }),
    );
    ok = false;
  }
  const clay = pct('clay');
  const om = pct('organicMatter');

  let ef: Factor<T> | undefined;
  if (e.erodibleFraction) ef = given(e.erodibleFraction, 'erodibleFraction');
  else if (tex) {
    if (A.compare(clay.value, A.zero) <= 0) {
      issues.push(
        makeIssue('input.out-of-range', [...at, 'soilTexture', 'clay', 'value'], {
          expected: { en: 'a clay content > 0 (EF divides by it)', zh: '大于 0 的黏粒含量（EF 以其为除数）' },
          found: tex.clay.value,
        }),
      );
      ok = false;
    } else {
      const sand = pct('sand');
      const silt = pct('silt');
      const caco3 = pct('calciumCarbonate');
      const c = (id: string) => coefficient(ctx, `rweq.erodible-fraction.${id}`, '1', at);
      const [c0, cSa, cSi, cR, cOm] = ['intercept', 'sand', 'silt', 'sand-clay-ratio', 'organic-matter'].map(c) as [
        Factor<T>,
        Factor<T>,
        Factor<T>,
        Factor<T>,
        Factor<T>,
      ];
      // The CaCO₃ term is read only when a CaCO₃ content is given (0 otherwise, as winderosion-2020 does).
      const cCa: Factor<T> = tex.calciumCarbonate
        ? c('calcium-carbonate')
        : { value: A.zero, traced: { value: '0', unit: '1', from: 'no CaCO₃ content given' } };
      const sum = A.subtract(
        A.subtract(
          A.add(
            A.add(A.add(c0.value, A.multiply(cSa.value, sand.value)), A.multiply(cSi.value, silt.value)),
            A.multiply(cR.value, A.divide(sand.value, clay.value)),
          ),
          A.multiply(cOm.value, om.value),
        ),
        A.multiply(cCa.value, caco3.value),
      );
      const v = A.divide(sum, hundred);
      const clamped = A.min(A.max(v, A.zero), A.one);
      if (A.compare(clamped, v) !== 0) {
        warnings.push(
          makeWarning('rweq-factor-clamped', {
            indicator: ID,
            path: [...at, 'soilTexture'],
            params: { item: { en: name, zh: zh(name) }, value: A.toDisplayText(v), used: A.toDisplayText(clamped) },
          }),
        );
      }
      ef = step(
        { en: 'erodible fraction', zh: '可蚀性颗粒含量 EF' },
        'EF = (a0 + aSa·Sa + aSi·Si + aR·Sa/Cl − aOM·OM − aCa·CaCO₃)/100',
        {
          Sa: sand.traced,
          Si: silt.traced,
          Cl: clay.traced,
          OM: om.traced,
          CaCO3: caco3.traced,
          a0: c0.traced,
          aSa: cSa.traced,
          aSi: cSi.traced,
          aR: cR.traced,
          aOM: cOm.traced,
          aCa: cCa.traced,
        },
        clamped,
      );
    }
  }

  let scf: Factor<T> | undefined;
  if (e.crustFactor) scf = given(e.crustFactor, 'crustFactor');
  else if (tex) {
    const cCl = coefficient(ctx, 'rweq.crust.clay', '1', at);
    const cOm = coefficient(ctx, 'rweq.crust.organic-matter', '1', at);
    scf = step(
      { en: 'crust factor', zh: '土壤结皮因子 SCF' },
      'SCF = 1/(1 + aCl·Cl² + aOM·OM²)',
      { Cl: clay.traced, OM: om.traced, aCl: cCl.traced, aOM: cOm.traced },
      A.divide(
        A.one,
        A.add(
          A.add(A.one, A.multiply(cCl.value, A.multiply(clay.value, clay.value))),
          A.multiply(cOm.value, A.multiply(om.value, om.value)),
        ),
      ),
    );
  }

  let kr: Factor<T> | undefined;
  if (e.roughnessFactor) kr = given(e.roughnessFactor, 'roughnessFactor');
  else if (e.ridgeRoughness && e.randomRoughness) {
    const ridge = readAmount(A, e.ridgeRoughness, 'cm');
    const random = readAmount(A, e.randomRoughness, 'cm');
    const [c1, c2, c3, c4] = ['kr-linear', 'kr-power', 'kr-exponent', 'crr'].map((id) =>
      coefficient(ctx, `rweq.roughness.${id}`, '1', at),
    ) as [Factor<T>, Factor<T>, Factor<T>, Factor<T>];
    const exponent = A.subtract(
      A.subtract(A.multiply(c1.value, ridge.value), A.multiply(c2.value, A.pow(ridge.value, c3.value))),
      A.multiply(c4.value, random.value),
    );
    kr = step(
      { en: 'roughness factor', zh: '地表糙度因子 K′' },
      'K′ = exp(a1·Kr − a2·Kr^a3 − a4·Crr)',
      {
        Kr: traced(A, ridge, inputRef([...at, 'ridgeRoughness'])),
        Crr: traced(A, random, inputRef([...at, 'randomRoughness'])),
        a1: c1.traced,
        a2: c2.traced,
        a3: c3.traced,
        a4: c4.traced,
      },
      A.exp(exponent),
    );
  } else {
    issues.push(
      makeIssue('input.required', [...at, 'roughnessFactor'], {
        expected: {
          en: 'roughnessFactor K′, or ridgeRoughness and randomRoughness',
          zh: '地表粗糙度因子 roughnessFactor K′，或 ridgeRoughness 与 randomRoughness',
        },
      }),
    );
    ok = false;
  }

  let cog: Factor<T> | undefined;
  if (e.vegetationFactor) cog = given(e.vegetationFactor, 'vegetationFactor');
  else if (e.vegetationCover) {
    const fvc = convert(A, readAmount(A, e.vegetationCover, '1').value, '1', '%');
    const a =
      e.vegetationCoefficient !== undefined
        ? {
            value: A.fromString(e.vegetationCoefficient),
            traced: { value: e.vegetationCoefficient, unit: '1', from: inputRef([...at, 'vegetationCoefficient']) },
          }
        : coefficient(ctx, 'rweq.vegetation.fvc-coefficient', '1', at);
    if (A.compare(a.value, A.zero) > 0) {
      issues.push(
        makeIssue('input.out-of-range', [...at, 'vegetationCoefficient'], {
          expected: { en: 'a coefficient ≤ 0 (COG = exp(a·FVC) must not exceed 1)', zh: '不大于 0 的系数（COG = exp(a·FVC) 不得超过 1）' },
          found: A.toString(a.value),
        }),
      );
      ok = false;
    } else {
      cog = step(
        { en: 'vegetation factor', zh: '植被覆盖因子 COG' },
        'COG = exp(a · FVC)',
        { a: a.traced, FVC: { value: A.toString(fvc), unit: '%', from: inputRef([...at, 'vegetationCover']) } },
        A.exp(A.multiply(a.value, fvc)),
      );
    }
  } else {
    issues.push(
      makeIssue('input.required', [...at, 'vegetationFactor'], {
        expected: { en: 'vegetationFactor COG, or vegetationCover', zh: '植被覆盖因子 vegetationFactor COG，或植被覆盖度 vegetationCover' },
      }),
    );
    ok = false;
  }
  return ok && ef && scf && kr && cog ? { ef, scf, kr, cog } : undefined;
}
