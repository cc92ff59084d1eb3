/**
 * Project value (项目生态产品价值, VEP): the change a project makes to the ecological products of
 * its area, per indicator, at constant prices.
 *
 *   impact = account with the project − account without it     (design `with-without`, one year)
 *   impact = account after − account before                     (design `before-after`, two years)
 *
 * Both are `compareGep(baseline, withProject)` (src/accounts/compare.ts): per line and indicator the
 * change at current prices ΔV = QE + PE, QE = K_b − K_a the change at the constant unit prices of
 * the base year (the project's physical effect), PE the price effect. The impact of the project is
 * QE; a price change is not the project's doing. Gains and losses are listed separately (a gain in
 * one product does not hide a loss in another), and divided by the project area (Σ extent, else
 * region.area) for values per km².
 *
 * Over a project period, the gain is VEP_gain = Σ_t Σ_k (Q_k,t^with − Q_k,t^without) · P_k
 * (applications.md §4.2 [inf]: no VEP formula was visible; this form follows its definition). With
 * one accounted year the library assumes the annual impact holds for every year of the period (a
 * stated assumption, not a standard) and discounts it: VEP = Σ_{t=1..n} QE · (1 + r)^−(t−s)
 * (./present-value.ts).
 */
import * as z from 'zod';
import type { GepWarning } from '../errors/errors.js';
import { REGION_LEVEL_ZH } from '../accounts/serialize.js';
import { makeWarning } from '../errors/warnings/index.js';
import { compareGep, type GepComparison } from '../accounts/compare.js';
import type { PriceIndex } from '../coefficients/indices.js';
import type { GepResult } from '../accounts/gep.js';
import { CATEGORIES, type Category } from '../indicators/types.js';
import { ecosystemTypes } from '../indicators/catalogue.js';
import { gepComparisonToJson } from '../accounts/compare.js';
import { areaSchema, ecosystemExtent, extentSchema, type ExtentInput, type Extent } from './area.js';
import { presentValue, type PresentValue } from './present-value.js';
import {
  accountRef,
  D,
  method,
  parameter,
  prefixSteps,
  rateInput,
  readKm2,
  readRate,
  ratioOrNull,
  requireDecimal,
  step,
  timingInput,
  toJsonData,
  tv,
  yearInput,
  yearsInput,
  type ApplicationTrace,
  type Dec,
  type MethodRef,
  type Parameter,
} from './common.js';

/** Kinds of projects. */
export const PROJECT_TYPES = ['restoration', 'conservation', 'development', 'mining', 'infrastructure', 'other'] as const;

const scenario = z.strictObject({
  /** e.g. "without the project", "before (2021)". */
  label: z.string().min(1).optional(),
  account: accountRef,
  /** The extent in this state, when it changes (cropland → forest). */
  extent: extentSchema.optional(),
});

/** A project file (`gep project`). */
export const projectSchema = z.strictObject({
  project: z.strictObject({
    name: z.string().min(1),
    type: z.enum(PROJECT_TYPES),
    description: z.string().min(1).optional(),
    owner: z.string().min(1).optional(),
  }),
  /** The project area (boundary and extent); without it, per-km² values use region.area of the accounts. */
  // The project area's extent is required here (it is not checked against, nor derived from, the accounts' inputs).
  area: areaSchema.extend({ extent: extentSchema }).optional(),
  design: z.enum(['with-without', 'before-after']),
  /** Without the project, or before it. */
  baseline: scenario,
  /** With the project, or after it. */
  withProject: scenario,
  /** Year whose unit prices value both accounts; default the baseline's price year. */
  baseYear: yearInput.optional(),
  /** Price index for prices of other years (default the profile's); see `gep compare`. */
  priceIndex: z.string().min(1).optional(),
  /** The project period, to value the impact over years. */
  period: z.strictObject({ years: yearsInput, discountRate: rateInput, timing: timingInput.optional() }).optional(),
});
/** A project file as parsed. */
export type ProjectInput = z.infer<typeof projectSchema>;

/** One indicator's impact. */
export interface IndicatorImpact {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly category: Category;
  /** 元 at base-year prices. */
  readonly baseline: Dec;
  readonly withProject: Dec;
  /** QE = K_with − K_baseline: the impact, 元 at base-year prices. */
  readonly impact: Dec;
  /** Impact / baseline, null when the baseline is 0. */
  readonly rate: Dec | null;
  /** PE, 元: the part of the current-price change due to prices (not the project's). */
  readonly priceEffect: Dec;
  /** ΔV at current prices, 元. */
  readonly currentChange: Dec;
}

/** Extent in both states, per type. */
export interface ExtentChange {
  readonly ecosystemType: string;
  readonly zh: string;
  readonly en: string;
  /** km². */
  readonly baseline: Dec;
  readonly withProject: Dec;
  readonly change: Dec;
}

/** The value of a project. */
export interface ProjectImpact {
  readonly kind: 'project-impact';
  readonly project: ProjectInput['project'];
  readonly design: 'with-without' | 'before-after';
  /** The names of the two states, in English and Chinese (the same when the input names them). */
  readonly labels: { readonly baseline: string; readonly withProject: string; readonly baselineZh: string; readonly withProjectZh: string };
  readonly baseYear: number;
  readonly indicators: readonly IndicatorImpact[];
  /** Σ impact of each category and of GEP, 元 at base-year prices. */
  readonly categories: Readonly<Record<Category, Dec>>;
  /** Net impact on GEP at constant prices, 元 (= QE of GEP). */
  readonly net: Dec;
  /** Σ of the positive indicator impacts, and of the negative ones (≤ 0). */
  readonly grossGain: Dec;
  readonly grossLoss: Dec;
  /** km² of the project area, null when unknown. */
  readonly area: Dec | null;
  /** 元/km² (net / area), null when the area is unknown. */
  readonly netPerKm2: Dec | null;
  readonly extentChange: readonly ExtentChange[] | null;
  /** The impact over the project period, when a period is given. */
  readonly period: (PresentValue & { readonly note: string; readonly noteZh: string }) | null;
  /** The underlying comparison, line by line (gepComparisonToJson form). */
  readonly comparison: ReturnType<typeof gepComparisonToJson>;
  readonly trace: ApplicationTrace;
  readonly warnings: readonly GepWarning[];
}

/** Options of `computeProjectImpact`. */
export interface ProjectOptions {
  readonly baseYear?: number;
  readonly priceIndex?: PriceIndex;
  readonly period?: { readonly years: number; readonly discountRate: Dec; readonly timing?: 'end' | 'start' };
}

/** The methods project value rests on. */
export const PROJECT_METHODS: readonly MethodRef[] = [
  method('shanxi-2022-182', '(六) 特定地域单元生态产品价值; (八) 工程项目建设 … 确保生态产品保值增值', 'read', {
    en: 'asks for the value of specific areas and projects; gives no formula',
    zh: '要求评价特定地域单元和项目的生态产品价值；未给出公式',
  }),
  method(null, 'VEP_gain = Σ_t Σ_k (Q_with − Q_without)·P (applications.md §4.2)', 'inferred', {
    en: 'no VEP formula was visible; the form follows the definition "特定地域单元生态产品价值变化"',
    zh: '未见 VEP 公式；按“特定地域单元生态产品价值变化”的定义构造',
  }),
  method(
    null,
    { en: 'impact = QE of compareGep (constant prices of the base year)', zh: '影响 = compareGep 的数量效应 QE（基年不变价）' },
    'not-a-standard',
    { en: 'the decomposition of src/accounts/compare.ts', zh: '采用 src/accounts/compare.ts 的变化分解' },
  ),
  method(
    'discounting',
    { en: 'PV of the annual impact over the period, assumed constant', zh: '期间内年度影响的现值，假定各年不变' },
    'not-a-standard',
  ),
];

/**
 * The value of a project (项目生态产品价值): account with the project (or after) − without it (or
 * before), per indicator at the constant prices of the base year, with gains and losses, per km²
 * of the project area, the extent change, and optionally the present value over the project period.
 *
 * @summary Project impact = K_with − K_without per indicator (quantity effect at constant prices)
 * @param project - the parsed project file (description, area, design, period)
 * @param baseline - the account without the project, or before it (decimal path)
 * @param withProject - the account with the project, or after it
 * @param options - base year, price index, period (years, discount rate as a fraction, timing)
 * @returns impacts in 元 at base-year prices per indicator, category and GEP, per km², and the period PV
 * @example
 * // without: maize 100 t × 2 000 元/t; with: maize 80 t and walnuts 10 t × 20 000 元/t
 * computeProjectImpact(parsed, computeGep(without), computeGep(withIt)).net.toString()
 * //=> '160000'   (−40 000 + 200 000 元 a year at constant prices)
 */
export function computeProjectImpact(
  project: ProjectInput,
  baseline: GepResult<Dec>,
  withProject: GepResult<Dec>,
  options: ProjectOptions = {},
): ProjectImpact {
  requireDecimal(baseline, 'computeProjectImpact');
  requireDecimal(withProject, 'computeProjectImpact');
  const warnings: GepWarning[] = [];
  const cmp: GepComparison<Dec> = compareGep(baseline, withProject, {
    ...(options.baseYear !== undefined ? { baseYear: options.baseYear } : {}),
    ...(options.priceIndex ? { priceIndex: options.priceIndex } : {}),
  });
  // The comparison's own warnings, less those that are expected here (regions differ in a with-without design).
  warnings.push(...cmp.warnings.filter((w) => !(project.design === 'with-without' && w.code === 'compare-regions-differ')));
  if (project.design === 'with-without' && baseline.accountingYear !== withProject.accountingYear) {
    warnings.push(makeWarning('project-years-differ', { params: { yearA: baseline.accountingYear, yearB: withProject.accountingYear } }));
  }
  if (project.design === 'before-after' && baseline.accountingYear === withProject.accountingYear) {
    warnings.push(makeWarning('project-years-same', { params: { year: baseline.accountingYear } }));
  }
  for (const [r, which] of [
    [baseline, 'baseline'],
    [withProject, 'withProject'],
  ] as const) {
    if (r.region.level !== 'area') {
      warnings.push(
        makeWarning('project-not-area', {
          params: {
            which: { en: which, zh: which === 'baseline' ? '基线' : '有项目情景' },
            level: { en: r.region.level, zh: REGION_LEVEL_ZH[r.region.level] ?? r.region.level },
            name: r.region.name,
          },
        }),
      );
    }
  }

  const indicators: IndicatorImpact[] = cmp.indicators.map((i) => ({
    id: i.id,
    zh: i.zh,
    en: i.en,
    category: i.category,
    baseline: i.constantA.value,
    withProject: i.constantB.value,
    impact: i.quantityEffect.value,
    rate: i.constantRate,
    priceEffect: i.priceEffect.value,
    currentChange: i.change.value,
  }));
  const categories = Object.fromEntries(CATEGORIES.map((c) => [c, cmp.categories[c].quantityEffect.value])) as Record<Category, Dec>;
  const net = cmp.gep.quantityEffect.value;
  const grossGain = D.sum(indicators.filter((i) => i.impact.gt(0)).map((i) => i.impact));
  const grossLoss = D.sum(indicators.filter((i) => i.impact.lt(0)).map((i) => i.impact));

  const parameters: Parameter[] = [
    parameter({
      symbol: 'y_0',
      name: { en: 'year whose unit prices value both accounts', zh: '两期核算共同采用其单价的年份' },
      value: String(cmp.baseYear),
      unit: 'a',
      from:
        options.baseYear !== undefined
          ? 'input:baseYear'
          : { en: 'default: the baseline account’s price year', zh: '默认：基准核算的价格年份' },
      status: options.baseYear !== undefined ? 'input' : 'library-default',
    }),
  ];
  if (cmp.priceIndex)
    parameters.push(
      parameter({
        symbol: 'I',
        name: { en: 'price index', zh: '价格指数' },
        value: cmp.priceIndex,
        unit: '1',
        from: { en: 'input:priceIndex, else the profile’s index', zh: 'input:priceIndex，未给出时取核算方案的指数' },
        status: 'input',
      }),
    );

  // Area: the project's extent, else the accounts' region.area.
  let extent: Extent | null = null;
  if (project.area) extent = ecosystemExtent(project.area.extent, ['area', 'extent']);
  const regionArea = withProject.region.area ? readKm2(withProject.region.area) : null;
  const area = extent?.total ?? regionArea;
  if (area)
    parameters.push(
      parameter({
        symbol: 'A',
        name: { en: 'project area', zh: '项目区面积' },
        value: D.toString(area),
        unit: 'km²',
        from: extent ? 'input:area.extent' : 'input:withProject.account region.area',
        status: 'input',
      }),
    );

  const extentChange =
    project.baseline.extent && project.withProject.extent ? extentChangeOf(project.baseline.extent, project.withProject.extent) : null;
  if (extentChange) {
    const a = D.sum(extentChange.map((e) => e.baseline));
    const b = D.sum(extentChange.map((e) => e.withProject));
    if (!a.eq(b)) warnings.push(makeWarning('project-extent-total', { params: { a: D.toString(a), b: D.toString(b) } }));
  }

  const steps = [
    step(
      { en: 'project impact (GEP)', zh: '项目影响（GEP）' },
      { en: 'impact = K_with − K_baseline = Σ_k QE_k', zh: '影响 = K_with − K_baseline = Σ_k QE_k' },
      {
        K_baseline: tv(cmp.gep.constantA.value, '元', {
          en: `baseline at ${cmp.baseYear} prices`,
          zh: `基准情景，按 ${cmp.baseYear} 年价格`,
        }),
        K_with: tv(cmp.gep.constantB.value, '元', {
          en: `withProject at ${cmp.baseYear} prices`,
          zh: `项目情景，按 ${cmp.baseYear} 年价格`,
        }),
      },
      net,
      '元',
    ),
    step(
      { en: 'gross gain and loss', zh: '总增加与总减少' },
      { en: 'gain = Σ QE_k > 0; loss = Σ QE_k < 0; net = gain + loss', zh: '增加 = Σ QE_k > 0；减少 = Σ QE_k < 0；净值 = 增加 + 减少' },
      {
        gain: tv(grossGain, '元', { en: 'indicators', zh: '各指标' }),
        loss: tv(grossLoss, '元', { en: 'indicators', zh: '各指标' }),
      },
      D.add(grossGain, grossLoss),
      '元',
    ),
  ];
  const netPerKm2 = area ? ratioOrNull(net, area) : null;
  if (netPerKm2 && area)
    steps.push(
      step(
        { en: 'impact per km²', zh: '单位面积影响' },
        { en: 'v = impact / A', zh: 'v = 影响 / A' },
        { impact: tv(net, '元', 'step:project impact (GEP)'), A: tv(area, 'km²', { en: 'parameter', zh: '参数' }) },
        netPerKm2,
        '元/km²',
      ),
    );

  let period: ProjectImpact['period'] = null;
  if (options.period) {
    const pv = presentValue(net, {
      rate: options.period.discountRate,
      years: options.period.years,
      timing: options.period.timing ?? 'end',
    });
    parameters.push(
      parameter({
        symbol: 'n',
        name: { en: 'project period', zh: '项目期限' },
        value: String(options.period.years),
        unit: 'a',
        from: 'input:period.years',
        status: 'input',
      }),
      parameter({
        symbol: 'r',
        name: { en: 'discount rate', zh: '折现率' },
        value: D.toString(options.period.discountRate),
        unit: '1',
        from: 'input:period.discountRate',
        status: 'input',
      }),
      parameter({
        symbol: 's',
        name: { en: 'timing of the annual amounts', zh: '年度金额的发生时点' },
        value: options.period.timing ?? 'end',
        unit: '',
        from: options.period.timing ? 'input:period.timing' : { en: 'default: end of each year', zh: '默认：每年年末' },
        status: options.period.timing ? 'input' : 'library-default',
      }),
    );
    steps.push(...prefixSteps(pv.steps, { en: 'period', zh: '期间' }));
    period = {
      ...pv,
      note: `the annual impact of the accounted ${project.design === 'before-after' ? 'years' : 'year'} (the net impact at ${cmp.baseYear} prices) is assumed to hold in each of the ${options.period.years} years: an assumption of this library, not a standard`,
      noteZh: `假定所核算${project.design === 'before-after' ? '各年' : '年份'}的年度影响（按 ${cmp.baseYear} 年价格计的净影响）在 ${options.period.years} 年中每年保持不变：这是本程序的假定，并非标准`,
    };
  }

  return {
    kind: 'project-impact',
    project: project.project,
    design: project.design,
    labels: {
      baseline:
        project.baseline.label ?? (project.design === 'with-without' ? 'without the project' : `before (${baseline.accountingYear})`),
      withProject:
        project.withProject.label ?? (project.design === 'with-without' ? 'with the project' : `after (${withProject.accountingYear})`),
      baselineZh: project.baseline.label ?? (project.design === 'with-without' ? '无项目' : `实施前（${baseline.accountingYear} 年）`),
      withProjectZh:
        project.withProject.label ?? (project.design === 'with-without' ? '有项目' : `实施后（${withProject.accountingYear} 年）`),
    },
    baseYear: cmp.baseYear,
    indicators,
    categories,
    net,
    grossGain,
    grossLoss,
    area,
    netPerKm2,
    extentChange,
    period,
    comparison: gepComparisonToJson(cmp),
    trace: {
      formula:
        'impact_k = QE_k = K_k,with − K_k,baseline (constant base-year prices); net = Σ_k impact_k; VEP = Σ_{t=1..n} net · (1 + r)^−(t−s)',
      formulaZh: 'impact_k = QE_k = K_k,with − K_k,baseline（基年不变价）；net = Σ_k impact_k；VEP = Σ_{t=1..n} net · (1 + r)^−(t−s)',
      methods: PROJECT_METHODS,
      parameters,
      steps,
      coefficients: [],
    },
    warnings,
  };
}

/** Per ecosystem type, the extent before and after (km²). */
function extentChangeOf(a: ExtentInput, b: ExtentInput): ExtentChange[] {
  const ea = ecosystemExtent(a, ['baseline', 'extent']);
  const eb = ecosystemExtent(b, ['withProject', 'extent']);
  const ids = [...new Set([...ea.rows.map((r) => r.ecosystemType), ...eb.rows.map((r) => r.ecosystemType)])];
  const types = ecosystemTypes();
  return ids.map((id) => {
    const x = ea.rows.find((r) => r.ecosystemType === id)?.area ?? D.zero;
    const y = eb.rows.find((r) => r.ecosystemType === id)?.area ?? D.zero;
    const t = types.get(id)!;
    return { ecosystemType: id, zh: t.zh, en: t.en, baseline: x, withProject: y, change: D.subtract(y, x) };
  });
}

/** The options of `computeProjectImpact` from a parsed project file (the price index resolved by the caller). */
export function projectOptionsOf(p: ProjectInput, priceIndex?: PriceIndex): ProjectOptions {
  return {
    ...(p.baseYear !== undefined ? { baseYear: p.baseYear } : {}),
    ...(priceIndex ? { priceIndex } : {}),
    ...(p.period
      ? {
          period: {
            years: p.period.years,
            discountRate: readRate(p.period.discountRate),
            ...(p.period.timing ? { timing: p.period.timing } : {}),
          },
        }
      : {}),
  };
}

/** The JSON form of a project impact. */
export function projectImpactToJson(p: ProjectImpact) {
  return toJsonData(p);
}
/** The JSON shape of a project impact. */
export type ProjectImpactJson = ReturnType<typeof projectImpactToJson>;
