/**
 * 土壤保持 — Soil retention: the soil that vegetation keeps in place, i.e. the erosion it prevents
 * (potential erosion of bare soil minus actual erosion), by RUSLE per ecosystem type i.
 *   A_p,i = R_i · K_i · LS_i                       potential erosion, t/(hm²·a)
 *   A_r,i = R_i · K_i · LS_i · C_i · P_i            actual erosion, t/(hm²·a)
 *   Q_sr  = Σ_i (A_p,i − A_r,i) · a_i                (ganzi-2017 §2.4, which writes USLE; gep-methods §4.3)
 *   K in t·hm²·h/(hm²·MJ·mm); a K in US customary units (short ton·acre·h/(100·acre·ft·tonf·in))
 *   is multiplied by f_K = 0.1317 (`rusle-k-us-to-si`, renard-1997-ah703, recalled: to-verify).
 *   R in MJ·mm/(hm²·h·a), LS, C and P dimensionless (C, P in 0–1), a_i in hm², Q in t/a.
 *   Factors are the type's (area-weighted) means; per-cell RUSLE belongs to the kernels
 *   (src/kernels/rusle.ts), whose zonal sums enter here as `reported` lines. Both run the one
 *   formula (./physics.ts).
 * For reproducing a published account, `reported` takes the soil retained as printed (t/a).
 *
 * Value (ganzi-2017 §2.4; gep-methods §4.3):
 *   V_sd = λ · (Q_sr / ρ) · c_d       avoided sedimentation: λ = 0.24 share of eroded soil that
 *                                     silts up reservoirs, rivers and lakes; ρ soil bulk density
 *                                     t/m³; c_d reservoir dredging cost 元/m³
 *   variant `nutrients: non-point-pollution` (ganzi-2017 §2.4):
 *   V_dpd = Σ_n Q_sr · C_n · p_n       n ∈ {N, P}: soil N/P content × treatment cost 元/t
 *   variant `nutrients: fertilizer-replacement` (ly-t-1721-2008, recalled in gep-methods §4.3 [R]):
 *   V_f = Q_sr · (N·P1/R1 + P·P1/R2 + K·P2/R3 + M·P3)   N, P, K, M soil nitrogen, phosphorus,
 *                                     potassium and organic-matter contents; R1, R2 N and P shares
 *                                     of diammonium phosphate, R3 K share of potassium chloride;
 *                                     P1, P2, P3 prices of DAP, KCl and organic matter. A nutrient's
 *                                     fertilizer (price and nutrient share) may be given instead,
 *                                     e.g. urea at 46 % N as miao-2017 Table 1 does.
 *   V_sr = V_sd + V_dpd  (or V_sd + V_f)
 * Soil bulk density and N/P contents are local soil data: the table holds the Ganzi (Litang)
 * values of ganzi-2017 only as a fallback, and a warning says when they were used.
 */
import * as z from 'zod';
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../../errors/errors.js';
import { makeWarning } from '../../errors/warnings/index.js';
import { ecosystemTypeName } from '../catalogue.js';
import { inputRef, lineItem, readAmount, resolvePrice, sumIn, traced, Tracer, typeLineItem, valueAt } from '../compute.js';
import { defineIndicator } from '../define.js';
import { about, decimalText, ecosystemType, measure, price, type PriceInput } from '../input-schema.js';
import { convert } from '../../units/units.js';
import type { Measure } from '../../units/measure.js';
import { RUSLE_UNITS, rusleErosion, soilRetained } from './physics.js';
import type { QuantityLine, UnitPrice, ValueLine } from '../types.js';

const ID = 'regulating.soil-retention';
const { erosivity: R_UNIT, erodibility: K_UNIT, erosion: A_UNIT } = RUSLE_UNITS;
/** A line's name in Chinese: an ecosystem type's name, else the name as given. */
const zh = (item: string) => ecosystemTypeName(item, 'zh');
/** The step that gives a line's soil retained: the one `value()` cites, computed or reported. */
const retainedStep = (item: string) => ({ en: `soil retained by ${item}`, zh: `${zh(item)}土壤保持量` });

const fraction = () => measure('1', { max: '1' });
/** The fertilizer that replaces a nutrient; `example` names one in both languages (urea 尿素). */
const fertilizer = (nutrient: string, fallback: string, example?: { name: string; zh: string; share: string }) =>
  z.strictObject({
    price: price('元/t').meta(
      about(
        `price of the fertilizer that replaces ${nutrient}${example ? ` (e.g. ${example.name})` : ''}, with its nutrientShare; ${fallback} from the table otherwise`,
        `替代 ${nutrient} 的化肥价格${example ? `（如${example.zh}）` : ''}，与 nutrientShare 一并填写；不填则取参数表中 ${fallback} 的值`,
      ),
    ),
    nutrientShare: fraction().meta(
      about(
        `${nutrient} share of that fertilizer${example ? ` (${example.name} ${example.share})` : ''}`,
        `该化肥的 ${nutrient} 含量${example ? `（${example.zh} ${example.share}）` : ''}`,
      ),
    ),
  });

const module = defineIndicator({
  id: ID,
  inputs: {
    ecosystems: z
      .array(
        z.strictObject({
          ecosystemType: ecosystemType.meta(about('ecosystem type id', '生态系统类型代码')),
          item: z.string().min(1).optional().meta(about('name of the line, when a type has several lines', '行名称（同一类型有多行时）')),
          area: measure('hm²').meta(about('area of the type in the region', '该生态系统类型在区域内的面积')),
          rainfallErosivity: measure(R_UNIT).meta(
            about('rainfall erosivity factor R, mean over the type', '降雨侵蚀力因子 R，该类型范围内均值'),
          ),
          soilErodibility: measure(K_UNIT)
            .optional()
            .meta(
              about(
                'soil erodibility factor K in SI units (give this or soilErodibilityUS)',
                '土壤可蚀性因子 K，国际单位制（填此项或 soilErodibilityUS）',
              ),
            ),
          soilErodibilityUS: decimalText
            .optional()
            .meta(
              about(
                'soil erodibility K in US customary units (short ton·acre·h/(100·acre·ft·tonf·in)), a plain number; converted with rusle-k-us-to-si (f_K = 0.1317)',
                '土壤可蚀性因子 K，美制单位（short ton·acre·h/(100·acre·ft·tonf·in)），纯数值；按 rusle-k-us-to-si（f_K = 0.1317）换算',
              ),
            ),
          slopeLengthSteepness: measure('1').meta(about('slope length and steepness factor LS', '坡长坡度因子 LS')),
          coverManagement: fraction().meta(about('cover-management factor C, 0–1', '植被覆盖与管理因子 C，0–1')),
          supportPractice: fraction().meta(
            about('support-practice factor P, 0–1 (1 without conservation practice)', '水土保持措施因子 P，0–1（无水保措施时为 1）'),
          ),
        }),
      )
      .min(1),
  },
  reported: {
    unit: 't/a',
    description: about(
      'soil retained as printed by a published account (or a zonal sum of the RUSLE kernel)',
      '公布的核算结果所列土壤保持量（或 RUSLE 栅格计算的分区汇总）',
    ),
    stepName: (item: string) => retainedStep(item),
  },
  valuation: {
    soil: z
      .strictObject({
        bulkDensity: measure('t/m³')
          .optional()
          .meta(
            about(
              'soil bulk density ρ of the region; the table value (Ganzi, local) with a warning otherwise',
              '区域土壤容重 ρ；不填则取参数表值（甘孜，地方值）并给出警告',
            ),
          ),
        nitrogen: fraction()
          .optional()
          .meta(
            about(
              'total N content of the soil (g/kg, % or fraction); the table value (Ganzi, local) with a warning otherwise',
              '土壤全氮含量（g/kg、% 或比例）；不填则取参数表值（甘孜，地方值）并给出警告',
            ),
          ),
        phosphorus: fraction()
          .optional()
          .meta(
            about(
              'total P content of the soil; the table value (Ganzi, local) with a warning otherwise',
              '土壤全磷含量；不填则取参数表值（甘孜，地方值）并给出警告',
            ),
          ),
        potassium: fraction()
          .optional()
          .meta(
            about(
              'total K content of the soil (variant fertilizer-replacement; no table value)',
              '土壤全钾含量（方法 fertilizer-replacement；参数表无此值）',
            ),
          ),
        organicMatter: fraction()
          .optional()
          .meta(
            about(
              'organic-matter content of the soil (variant fertilizer-replacement; no table value)',
              '土壤有机质含量（方法 fertilizer-replacement；参数表无此值）',
            ),
          ),
      })
      .optional(),
    dredgingCost: price('元/m³')
      .optional()
      .meta(
        about(
          'reservoir dredging cost per m³ of sediment at the account price year; the table value otherwise',
          '水库清淤单位成本（元/m³ 泥沙，核算价格年份）；不填则取参数表值',
        ),
      ),
    treatmentCost: z
      .strictObject({
        nitrogen: price('元/t')
          .optional()
          .meta(
            about(
              'treatment cost per t of N (variant non-point-pollution); the table value otherwise',
              '氮单位处理成本（元/t，方法 non-point-pollution）；不填则取参数表值',
            ),
          ),
        phosphorus: price('元/t')
          .optional()
          .meta(
            about(
              'treatment cost per t of P (variant non-point-pollution); the table value otherwise',
              '磷单位处理成本（元/t，方法 non-point-pollution）；不填则取参数表值',
            ),
          ),
      })
      .optional(),
    fertilizer: z
      .strictObject({
        nitrogen: fertilizer('N', 'DAP', { name: 'urea', zh: '尿素', share: '46 %' }).optional(),
        phosphorus: fertilizer('P', 'DAP').optional(),
        potassium: fertilizer('K', 'KCl').optional(),
        organicMatterPrice: price('元/t')
          .optional()
          .meta(about('price per t of organic matter; the table value otherwise', '有机质单价（元/t）；不填则取参数表值')),
      })
      .optional(),
  },
  variants: {
    nutrients: {
      options: {
        'non-point-pollution': 'avoided N and P non-point pollution: Q × soil content × treatment cost (ganzi-2017 §2.4)',
        'fertilizer-replacement':
          'N, P, K and organic matter priced as the fertilizer that would replace them (DAP, KCl, organic matter; LY/T 1721—2008, recalled)',
      },
      default: 'non-point-pollution',
    },
  },
  coefficients: [
    'rusle-k-us-to-si',
    'sediment-deposition-ratio',
    'soil-bulk-density',
    'dredging-cost',
    'soil-nitrogen-content',
    'soil-phosphorus-content',
    'soil-retention-treatment-cost.*',
    'fertilizer-share.*',
    'fertilizer-price.*',
    'organic-matter-price',
  ],

  /** Soil retained per ecosystem type and in total, t/a. */
  quantity(input, ctx) {
    const { A } = ctx;
    const tracer = new Tracer(A);
    const issues: GepIssue[] = [];
    const lines: QuantityLine<typeof A.zero>[] = [];

    input.ecosystems.forEach((e, i) => {
      const at = [...ctx.path, 'ecosystems', i];
      const name = e.item ?? e.ecosystemType;
      let k: Measure<typeof A.zero>;
      let kFrom: string;
      if (e.soilErodibility && e.soilErodibilityUS === undefined) {
        k = readAmount(A, e.soilErodibility, K_UNIT);
        kFrom = inputRef([...at, 'soilErodibility']);
      } else if (!e.soilErodibility && e.soilErodibilityUS !== undefined) {
        const us = A.fromString(e.soilErodibilityUS);
        if (A.compare(us, A.zero) < 0) {
          issues.push(
            makeIssue('input.out-of-range', [...at, 'soilErodibilityUS'], { expected: 'a value ≥ 0', found: e.soilErodibilityUS }),
          );
          return;
        }
        const factor = ctx.coefficients.get('rusle-k-us-to-si', [...at, 'soilErodibilityUS']);
        k = tracer.record(
          { en: `K of ${name}`, zh: `${zh(name)}土壤可蚀性因子 K` },
          'K = K_US × f_K',
          {
            K_US: { value: e.soilErodibilityUS, unit: 'US customary', from: inputRef([...at, 'soilErodibilityUS']) },
            f_K: traced(A, { value: factor.value, unit: factor.unit }, 'coefficient:rusle-k-us-to-si'),
          },
          { value: convert(A, A.multiply(us, factor.value), factor.unit, K_UNIT), unit: K_UNIT },
        );
        kFrom = `step:K of ${name}`;
      } else {
        issues.push(
          makeIssue('input.missing-basis', [...at, 'soilErodibility'], {
            expected: {
              en: 'either soilErodibility (SI units) or soilErodibilityUS (US customary units), not both',
              zh: 'soilErodibility（国际单位制）或 soilErodibilityUS（美制单位）二者之一，不可同时给出',
            },
          }),
        );
        return;
      }
      const area = readAmount(A, e.area, 'hm²');
      const r = readAmount(A, e.rainfallErosivity, R_UNIT);
      const ls = readAmount(A, e.slopeLengthSteepness, '1');
      const c = readAmount(A, e.coverManagement, '1');
      const p = readAmount(A, e.supportPractice, '1');
      const erosion = rusleErosion(A, { r: r.value, k: k.value, ls: ls.value, c: c.value, p: p.value });
      const potential = tracer.record(
        { en: `potential erosion of ${name}`, zh: `${zh(name)}潜在土壤侵蚀模数` },
        'A_p = R × K × LS',
        {
          R: traced(A, r, inputRef([...at, 'rainfallErosivity'])),
          K: traced(A, k, kFrom),
          LS: traced(A, ls, inputRef([...at, 'slopeLengthSteepness'])),
        },
        { value: erosion.potential, unit: A_UNIT },
      );
      const actual = tracer.record(
        { en: `actual erosion of ${name}`, zh: `${zh(name)}实际土壤侵蚀模数` },
        'A_r = A_p × C × P',
        {
          A_p: traced(A, potential, `step:potential erosion of ${name}`),
          C: traced(A, c, inputRef([...at, 'coverManagement'])),
          P: traced(A, p, inputRef([...at, 'supportPractice'])),
        },
        { value: erosion.actual, unit: A_UNIT },
      );
      const q = tracer.record(
        retainedStep(name),
        'Q_i = (A_p − A_r) × a_i',
        {
          A_p: traced(A, potential, `step:potential erosion of ${name}`),
          A_r: traced(A, actual, `step:actual erosion of ${name}`),
          a: traced(A, area, inputRef([...at, 'area'])),
        },
        { value: soilRetained(A, erosion.potential, erosion.actual, area.value), unit: 't/a' },
      );
      lines.push({ ...typeLineItem(name), ecosystemType: e.ecosystemType, quantity: q });
    });
    if (issues.length) throw new GepInputError(issues);
    const total = tracer.record(
      { en: 'soil retention', zh: '土壤保持' },
      'Q_sr = Σ_i Q_i',
      {},
      sumIn(
        A,
        lines.map((l) => l.quantity),
        't/a',
      ),
    );
    return { lines, total, steps: tracer.steps, warnings: [] };
  },

  /** Value in 元: avoided sedimentation plus the nutrients (non-point pollution or fertilizer replacement). */
  value(input, q, ctx) {
    const { A } = ctx;
    type T = typeof A.zero;
    /** A parameter's value (soil property) with where it came from, for the trace. */
    interface Parameter {
      readonly m: Measure<T>;
      readonly from: string;
    }
    const tracer = new Tracer(A);
    const issues: GepIssue[] = [];
    const warnings: GepWarning[] = [];
    const fertilizerVariant = ctx.variant.nutrients === 'fertilizer-replacement';
    const soilPath = [...ctx.path, 'soil'];

    const collect = <R>(fn: () => R): R | undefined => {
      try {
        return fn();
      } catch (e) {
        if (e instanceof GepInputError) {
          issues.push(...e.issues);
          return undefined;
        }
        throw e;
      }
    };

    /** The soil parameters in Chinese, for an issue that asks for one. */
    const SOIL_FIELD_ZH = {
      bulkDensity: '容重',
      nitrogen: '全氮含量',
      phosphorus: '全磷含量',
      potassium: '全钾含量',
      organicMatter: '有机质含量',
    } as const;
    /** A soil parameter from the input, else the table (a local Ganzi value: warned about), else an issue. */
    const soilParameter = (
      field: 'bulkDensity' | 'nitrogen' | 'phosphorus' | 'potassium' | 'organicMatter',
      unit: string,
      coefficientId: string | null,
      positive = false,
    ): Parameter | undefined => {
      const given = input.soil?.[field];
      const at = [...soilPath, field];
      let result: Parameter | undefined;
      if (given) {
        result = { m: readAmount(A, given, unit), from: inputRef(at) };
      } else if (coefficientId && ctx.coefficients.has(coefficientId)) {
        const c = collect(() => ctx.coefficients.get(coefficientId, at));
        if (!c) return undefined;
        result = { m: { value: convert(A, c.value, c.unit, unit), unit }, from: `coefficient:${coefficientId}` };
        warnings.push(
          makeWarning('local-parameter-default', {
            indicator: ID,
            path: at,
            params: { field, id: coefficientId, value: c.use.value, unit: c.use.unit, source: c.use.source },
          }),
        );
      } else {
        issues.push(
          makeIssue('input.required', at, {
            expected: {
              en: `the soil's ${field} content (the table has no default)`,
              zh: `土壤${SOIL_FIELD_ZH[field]}（${field}；系数表中没有默认值）`,
            },
          }),
        );
        return undefined;
      }
      if (positive && A.compare(result.m.value, A.zero) <= 0) {
        issues.push(makeIssue('input.out-of-range', [...at, 'value'], { expected: 'a value > 0', found: A.toString(result.m.value) }));
        return undefined;
      }
      return result;
    };

    const priceOf = (given: PriceInput | undefined, coefficientId: string | null, at: readonly (string | number)[]) =>
      collect(() => {
        const r = resolvePrice(ctx, given, coefficientId, at, ID);
        warnings.push(...r.warnings);
        return r.price;
      });

    // Avoided sedimentation: λ, ρ and c_d.
    const lambdaC = collect(() => ctx.coefficients.get('sediment-deposition-ratio', ctx.path));
    const rho = soilParameter('bulkDensity', 't/m³', 'soil-bulk-density', true);
    const dredging = priceOf(input.dredgingCost, 'dredging-cost', [...ctx.path, 'dredgingCost']);

    /** One nutrient component: its content and its unit price per t of nutrient. */
    interface Nutrient {
      readonly key: string;
      readonly label: { readonly en: string; readonly zh: string };
      /** The nutrient's name in Chinese: 氮, 磷, 钾, 有机质. */
      readonly zh: string;
      readonly content: Parameter | undefined;
      readonly price: UnitPrice<T> | undefined;
    }
    const nutrients: Nutrient[] = [];
    if (!fertilizerVariant) {
      const tc = input.treatmentCost;
      nutrients.push(
        {
          key: 'N',
          zh: '氮',
          label: { en: 'nitrogen (avoided non-point pollution)', zh: '氮（减少面源污染）' },
          content: soilParameter('nitrogen', '1', 'soil-nitrogen-content'),
          price: priceOf(tc?.nitrogen, 'soil-retention-treatment-cost.n', [...ctx.path, 'treatmentCost', 'nitrogen']),
        },
        {
          key: 'P',
          zh: '磷',
          label: { en: 'phosphorus (avoided non-point pollution)', zh: '磷（减少面源污染）' },
          content: soilParameter('phosphorus', '1', 'soil-phosphorus-content'),
          price: priceOf(tc?.phosphorus, 'soil-retention-treatment-cost.p', [...ctx.path, 'treatmentCost', 'phosphorus']),
        },
      );
    } else {
      const f = input.fertilizer;
      const fertPath = [...ctx.path, 'fertilizer'];
      const NUTRIENT_ZH = { nitrogen: '氮', phosphorus: '磷', potassium: '钾' } as const;
      /** Price per t of nutrient = fertilizer price ÷ nutrient share of the fertilizer. */
      const perNutrient = (
        key: 'nitrogen' | 'phosphorus' | 'potassium',
        symbol: string,
        priceId: string,
        shareId: string,
      ): UnitPrice<T> | undefined => {
        const given = f?.[key];
        const at = [...fertPath, key];
        const fp = priceOf(given?.price, priceId, given ? [...at, 'price'] : at);
        const share = given
          ? { value: readAmount(A, given.nutrientShare, '1').value, from: inputRef([...at, 'nutrientShare']) }
          : (() => {
              const c = collect(() => ctx.coefficients.get(shareId, at));
              return c ? { value: convert(A, c.value, c.unit, '1'), from: `coefficient:${shareId}` } : undefined;
            })();
        if (!fp || !share) return undefined;
        if (A.compare(share.value, A.zero) <= 0) {
          issues.push(
            makeIssue('input.out-of-range', [...at, 'nutrientShare', 'value'], { expected: 'a value > 0', found: A.toString(share.value) }),
          );
          return undefined;
        }
        const perT = tracer.record(
          { en: `price of ${key} as fertilizer`, zh: `${NUTRIENT_ZH[key]}的化肥折算价格` },
          given ? { en: 'p = fertilizer price / nutrient share', zh: 'p = 化肥价格 / 养分含量' } : `p = ${symbol}`,
          {
            fertilizerPrice: traced(A, fp, fp.from),
            share: { value: A.toString(share.value), unit: '1', from: share.from },
          },
          { value: convert(A, A.divide(fp.value, share.value), fp.unit, '元/t'), unit: '元/t' },
        );
        return { ...perT, priceYear: fp.priceYear, from: `step:price of ${key} as fertilizer` };
      };
      nutrients.push(
        {
          key: 'N',
          zh: '氮',
          label: { en: 'nitrogen (fertilizer replacement)', zh: '氮（化肥替代）' },
          content: soilParameter('nitrogen', '1', 'soil-nitrogen-content'),
          price: perNutrient('nitrogen', 'P1 / R1', 'fertilizer-price.dap', 'fertilizer-share.dap-n'),
        },
        {
          key: 'P',
          zh: '磷',
          label: { en: 'phosphorus (fertilizer replacement)', zh: '磷（化肥替代）' },
          content: soilParameter('phosphorus', '1', 'soil-phosphorus-content'),
          price: perNutrient('phosphorus', 'P1 / R2', 'fertilizer-price.dap', 'fertilizer-share.dap-p'),
        },
        {
          key: 'K',
          zh: '钾',
          label: { en: 'potassium (fertilizer replacement)', zh: '钾（化肥替代）' },
          content: soilParameter('potassium', '1', null),
          price: perNutrient('potassium', 'P2 / R3', 'fertilizer-price.kcl', 'fertilizer-share.kcl-k'),
        },
        {
          key: 'M',
          zh: '有机质',
          label: { en: 'organic matter (fertilizer replacement)', zh: '有机质（化肥替代）' },
          content: soilParameter('organicMatter', '1', null),
          price: priceOf(f?.organicMatterPrice, 'organic-matter-price', [...fertPath, 'organicMatterPrice']),
        },
      );
    }
    if (issues.length || !lambdaC || !rho || !dredging) throw new GepInputError(issues);

    const lambda = { value: lambdaC.value, unit: lambdaC.unit };
    const lines: ValueLine<T>[] = [];
    const line = (
      item: { en: string; zh: string },
      ecosystemType: string | undefined,
      quantity: Measure<T>,
      quantityFrom: string,
      p: UnitPrice<T>,
    ) => {
      const v = tracer.record(
        { en: `value of ${item.en}`, zh: `${item.zh}价值量` },
        'V = Q × P',
        { Q: traced(A, quantity, quantityFrom), P: traced(A, p, p.from) },
        valueAt(A, quantity, p),
      );
      lines.push({ ...lineItem(item), ...(ecosystemType ? { ecosystemType } : {}), quantity, unitPrice: p, value: v });
    };
    for (const l of q.lines) {
      const qTraced = traced(A, l.quantity, `step:soil retained by ${l.item}`);
      const volume = tracer.record(
        { en: `sediment of ${l.item}`, zh: `${zh(l.item)}减少的泥沙淤积量` },
        'S = λ × Q / ρ',
        {
          λ: traced(A, lambda, 'coefficient:sediment-deposition-ratio'),
          Q: qTraced,
          ρ: traced(A, rho.m, rho.from),
        },
        { value: A.divide(A.multiply(convert(A, lambda.value, lambda.unit, '1'), l.quantity.value), rho.m.value), unit: 'm³/a' },
      );
      line(
        { en: `${l.item}: sediment (avoided deposition)`, zh: `${zh(l.item)}：泥沙（减少淤积）` },
        l.ecosystemType,
        volume,
        `step:sediment of ${l.item}`,
        dredging,
      );
      for (const n of nutrients) {
        const amount = tracer.record(
          { en: `${n.key} of ${l.item}`, zh: `${zh(l.item)}保持的${n.zh}量` },
          `Q_${n.key} = Q × C_${n.key}`,
          {
            Q: qTraced,
            C: traced(A, n.content!.m, n.content!.from),
          },
          { value: A.multiply(l.quantity.value, n.content!.m.value), unit: 't/a' },
        );
        line(
          { en: `${l.item}: ${n.label.en}`, zh: `${zh(l.item)}：${n.label.zh}` },
          l.ecosystemType,
          amount,
          `step:${n.key} of ${l.item}`,
          n.price!,
        );
      }
    }
    const total = tracer.record(
      { en: 'total', zh: '合计' },
      'V_sr = V_sd + Σ_n V_n',
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

/** Metadata, inputs, variants and coefficients of soil retention. */
export const { spec, inputSchema, quantity, value } = module;
/** The input block of soil retention. */
export type SoilRetentionInput = z.input<typeof inputSchema>;
