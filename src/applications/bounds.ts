/**
 * The range of a compensation standard (补偿标准区间; wu-2018-weihe, read in full): the standard
 * lies between the provider's opportunity cost (lower bound: what the provider gives up, so that
 * protecting pays at least as well) and the new ecosystem-service value the change creates (upper
 * bound: the beneficiary gains more than it pays).
 *
 *   C_opp = [Σ_i A_i · L_i · K_i − (C_seed + C_fert + C_pest + C_harvest + C_fuel + C_repair)] / A   (§2.5)
 *   ΔV    = Σ_j Δe_j,  Δe_j = e_F,j − e_C,j  the value of service j gained per km² and year       (§2.4)
 *   C_opp ≤ standard ≤ ΔV  (元 km⁻² a⁻¹),  net benefit = ΔV − C_opp                              (§1, Table 4)
 *
 * A_i, L_i, K_i the area, yield per area and price of crop i; A = Σ A_i; the costs are the year's
 * production costs over A. The per-km² values can be given directly, or ΔV taken from a project
 * impact per km² (./project.ts: the GEP gained at constant prices). Where in the range the standard
 * falls is a negotiation, not a formula: an optional position θ gives S = C_opp + θ · (ΔV − C_opp)
 * (not a standard). Totals: per year × area, over a period undiscounted (as Wu Na totals five
 * years) and, with a discount rate, its present value.
 */
import * as z from 'zod';
import { makeIssue, type GepIssue, type GepWarning } from '../errors/errors.js';
import { makeWarning } from '../errors/warnings/index.js';
import { multiplyInto } from '../units/units.js';
import { readAmount } from '../indicators/compute.js';
import { presentValue, type PresentValue } from './present-value.js';
import type { ProjectImpact } from './project.js';
import {
  amountInput,
  areaInput,
  checkPriceYear,
  checkUnique,
  D,
  inputParameter,
  method,
  moneyAmount,
  rateInput,
  readKm2,
  readRate,
  readYuan,
  shareInput,
  step,
  throwIssues,
  toJsonData,
  tv,
  yearInput,
  yearsInput,
  type ApplicationTrace,
  type Dec,
  type MethodRef,
  type Parameter,
} from './common.js';

const perAreaYear = amountInput('元/(km²·a)');
const signedPerAreaYear = amountInput('元/(km²·a)', { nonNegative: false });

/** A bounds file (`gep eco-compensation`, method `bounds`). */
export const boundsSchema = z.strictObject({
  method: z.literal('bounds'),
  priceYear: yearInput,
  provider: z.strictObject({ name: z.string().min(1) }),
  beneficiary: z.strictObject({ name: z.string().min(1) }),
  /** Area protected or converted (km², hm², 亩 …). */
  area: areaInput,
  opportunityCost: z.union([
    z.strictObject({ perArea: perAreaYear, source: z.string().min(1).optional() }),
    z.strictObject({
      crops: z
        .array(z.strictObject({ name: z.string().min(1), area: areaInput, yield: amountInput('t/km²'), price: amountInput('元/t') }))
        .min(1),
      costs: z.array(z.strictObject({ item: z.string().min(1), value: moneyAmount })),
    }),
  ]),
  serviceGain: z.union([
    z.strictObject({ perArea: perAreaYear, source: z.string().min(1).optional() }),
    z.strictObject({ services: z.array(z.strictObject({ name: z.string().min(1), perArea: signedPerAreaYear })).min(1) }),
    /** A project file (`gep project`): ΔV = its net impact per km². */
    z.strictObject({ projectImpact: z.string().min(1) }),
  ]),
  /** θ in [0, 1]: where in the range the standard is set (not a standard). */
  position: shareInput.optional(),
  /** Compensation period, for totals. */
  years: yearsInput.optional(),
  discountRate: rateInput.optional(),
});
/** A bounds file as parsed. */
export type BoundsInput = z.infer<typeof boundsSchema>;

/** The range of a compensation standard. */
export interface CompensationBounds {
  readonly kind: 'compensation-bounds';
  readonly priceYear: number;
  readonly provider: string;
  readonly beneficiary: string;
  /** km². */
  readonly area: Dec;
  /** C_opp, 元/(km²·a). */
  readonly lower: Dec;
  /** ΔV, 元/(km²·a). */
  readonly upper: Dec;
  readonly lowerParts: readonly { readonly item: string; readonly itemZh?: string; readonly value: Dec; readonly calculation?: string }[];
  readonly upperParts: readonly { readonly item: string; readonly itemZh?: string; readonly value: Dec }[];
  /** ΔV − C_opp, 元/(km²·a). */
  readonly netBenefit: Dec;
  /** False when C_opp > ΔV: no standard satisfies both sides. */
  readonly feasible: boolean;
  /** S = C_opp + θ(ΔV − C_opp), when θ is given. */
  readonly standard: Dec | null;
  /** Per year over the area, 元/a. */
  readonly annual: { readonly lower: Dec; readonly upper: Dec; readonly standard: Dec | null };
  /** Over the period: undiscounted and present values, 元. */
  readonly period: {
    readonly years: number;
    readonly lower: Dec;
    readonly upper: Dec;
    readonly presentLower: PresentValue | null;
    readonly presentUpper: PresentValue | null;
  } | null;
  readonly trace: ApplicationTrace;
  readonly warnings: readonly GepWarning[];
}

/** The methods of the bounds. */
export const BOUNDS_METHODS: readonly MethodRef[] = [
  method(
    'wu-2018-weihe',
    {
      en: '§1 standard ∈ [opportunity cost, new ecosystem-service value]; §2.5 C_opp = [Σ A_i L_i K_i − costs] / A; §2.4 Δe = e_F − e_C; Table 4',
      zh: '§1 补偿标准 ∈ [机会成本, 新增生态系统服务价值]；§2.5 C_opp = [Σ A_i L_i K_i − 成本] / A；§2.4 Δe = e_F − e_C；表 4',
    },
    'read',
  ),
  method('shanxi-2022-182', '(十七) 生态产品供给地和受益地 … 横向补偿关系', 'read', {
    en: 'asks for supplier–beneficiary compensation; no method',
    zh: '要求建立供给地与受益地之间的补偿；未给出方法',
  }),
  method(null, 'S = C_opp + θ · (ΔV − C_opp)', 'not-a-standard', { en: 'only when a position θ is given', zh: '仅在给出位置 θ 时计算' }),
];

/**
 * The range of an eco-compensation standard between the provider's opportunity cost and the
 * service value gained (生态补偿标准上下限, Wu Na 2018).
 *
 * @summary C_opp ≤ standard ≤ ΔV, per km² and year, with totals over the area and a period
 * @param input - the parsed file: area, opportunity cost (per km², or crops and costs), service gain (per km², services, or a project)
 * @param fromImpact - the project impact when `serviceGain.projectImpact` is used
 * @returns lower and upper bounds in 元/(km²·a), net benefit, the standard at θ, annual and period totals in 元
 * @throws {GepInputError} a price year that differs, a planted area of 0, a project area unknown
 * @example
 * // Wu Na 2018 Table 4, Longxi: C_opp 96.99, ΔV 136.53 万元 km⁻² a⁻¹
 * compensationBounds(parsed).netBenefit.toString()
 * //=> '395400'   (元 km⁻² a⁻¹ = 39.54 万元, as printed)
 */
export function compensationBounds(input: BoundsInput, fromImpact?: ProjectImpact): CompensationBounds {
  const issues: GepIssue[] = [];
  const warnings: GepWarning[] = [];
  const parameters: Parameter[] = [];
  const steps = [];
  // A crop, cost or service listed twice would be summed twice.
  const oc0 = input.opportunityCost;
  if ('crops' in oc0) {
    checkUnique(
      oc0.crops.map((c) => c.name),
      ['opportunityCost', 'crops'],
      'name',
      issues,
    );
    checkUnique(
      oc0.costs.map((c) => c.item),
      ['opportunityCost', 'costs'],
      'item',
      issues,
    );
  }
  if ('services' in input.serviceGain)
    checkUnique(
      input.serviceGain.services.map((s) => s.name),
      ['serviceGain', 'services'],
      'name',
      issues,
    );
  const area = readKm2(input.area);
  parameters.push(inputParameter('A_c', { en: 'area protected or converted', zh: '保护或转换的面积' }, area, 'km²', ['area']));

  // Lower bound
  const lowerParts: CompensationBounds['lowerParts'][number][] = [];
  let lower = D.zero;
  const oc = input.opportunityCost;
  if ('perArea' in oc) {
    lower = readAmount(D, oc.perArea, '元/(km²·a)').value;
    parameters.push(
      inputParameter(
        'C_opp',
        { en: 'opportunity cost per km² and year', zh: '每平方千米每年的机会成本' },
        lower,
        '元/(km²·a)',
        ['opportunityCost', 'perArea'],
        oc.source,
      ),
    );
  } else {
    oc.costs.forEach((c, i) => checkPriceYear(c.value, input.priceYear, ['opportunityCost', 'costs', i, 'value'], issues));
    oc.crops.forEach((c, i) => checkPriceYear(c.price, input.priceYear, ['opportunityCost', 'crops', i, 'price'], issues));
    const planted = D.sum(oc.crops.map((c) => readKm2(c.area)));
    if (planted.isZero())
      issues.push(
        makeIssue('input.out-of-range', ['opportunityCost', 'crops'], {
          expected: { en: 'a planted area > 0', zh: '大于 0 的种植面积' },
          found: '0',
        }),
      );
    throwIssues(issues);
    const revenue = oc.crops.map((c) => {
      const a = readKm2(c.area);
      const tonnes = multiplyInto(D, a, 'km²', readAmount(D, c.yield, 't/km²').value, 't/km²', 't');
      const value = multiplyInto(D, tonnes, 't', readAmount(D, c.price, '元/t').value, '元/t', '元');
      return {
        item: `revenue: ${c.name}`,
        itemZh: `收入：${c.name}`,
        value,
        calculation: `${c.area.value} ${c.area.unit} × ${c.yield.value} ${c.yield.unit} × ${c.price.value} ${c.price.unit}`,
      };
    });
    const costs = oc.costs.map((c) => ({ item: `cost: ${c.item}`, itemZh: `成本：${c.item}`, value: D.negate(readYuan(c.value)) }));
    lowerParts.push(...revenue, ...costs);
    const netIncome = D.sum([...revenue, ...costs].map((x) => x.value));
    lower = D.divide(netIncome, planted);
    steps.push(
      step(
        { en: 'opportunity cost', zh: '机会成本' },
        { en: 'C_opp = [Σ A_i · L_i · K_i − Σ costs] / A', zh: 'C_opp = [Σ A_i · L_i · K_i − Σ 成本] / A' },
        {
          'Σ A·L·K': tv(D.sum(revenue.map((r) => r.value)), '元/a', 'input:opportunityCost.crops'),
          'Σ costs': tv(D.sum(costs.map((c) => D.negate(c.value))), '元/a', 'input:opportunityCost.costs'),
          A: tv(planted, 'km²', 'Σ crops[].area'),
        },
        lower,
        '元/(km²·a)',
      ),
    );
    if (lower.lt(0)) warnings.push(makeWarning('bounds-negative-opportunity-cost'));
  }

  // Upper bound
  const upperParts: CompensationBounds['upperParts'][number][] = [];
  let upper = D.zero;
  const sg = input.serviceGain;
  if ('perArea' in sg) {
    upper = readAmount(D, sg.perArea, '元/(km²·a)').value;
    parameters.push(
      inputParameter(
        'ΔV',
        { en: 'service value gained per km² and year', zh: '每平方千米每年增加的服务价值' },
        upper,
        '元/(km²·a)',
        ['serviceGain', 'perArea'],
        sg.source,
      ),
    );
  } else if ('services' in sg) {
    sg.services.forEach((s) => upperParts.push({ item: s.name, value: readAmount(D, s.perArea, '元/(km²·a)').value }));
    upper = D.sum(upperParts.map((p) => p.value));
    steps.push(
      step(
        { en: 'service value gained', zh: '增加的服务价值' },
        'ΔV = Σ_j Δe_j',
        Object.fromEntries(upperParts.map((p, i) => [p.item, tv(p.value, '元/(km²·a)', `input:serviceGain.services[${i}].perArea`)])),
        upper,
        '元/(km²·a)',
      ),
    );
  } else {
    if (!fromImpact) throw new Error('[gep] compensationBounds: the file names a projectImpact; pass its computed impact');
    if (fromImpact.baseYear !== input.priceYear)
      issues.push(makeIssue('input.price-year', ['priceYear'], { expected: String(fromImpact.baseYear), found: String(input.priceYear) }));
    if (fromImpact.netPerKm2 === null)
      issues.push(
        makeIssue('input.required', ['serviceGain', 'projectImpact'], {
          expected: {
            en: 'a project with an area (area.extent or region.area), to value its gain per km²',
            zh: '带面积的项目（area.extent 或 region.area），以计算单位面积的增加值',
          },
        }),
      );
    throwIssues(issues);
    upper = fromImpact.netPerKm2!;
    upperParts.push(
      ...fromImpact.indicators
        .filter((i) => !i.impact.isZero())
        .map((i) => ({ item: `${i.zh} ${i.en}`, itemZh: i.zh, value: D.divide(i.impact, fromImpact.area!) })),
    );
    steps.push(
      step(
        { en: 'service value gained', zh: '增加的服务价值' },
        { en: 'ΔV = net impact / project area', zh: 'ΔV = 净影响 / 项目区面积' },
        {
          impact: tv(fromImpact.net, '元/a', { en: `project ${fromImpact.project.name}`, zh: `项目 ${fromImpact.project.name}` }),
          A: tv(fromImpact.area!, 'km²', { en: 'project area', zh: '项目区面积' }),
        },
        upper,
        '元/(km²·a)',
      ),
    );
  }
  throwIssues(issues);

  const netBenefit = D.subtract(upper, lower);
  const feasible = lower.lte(upper);
  if (!feasible) warnings.push(makeWarning('bounds-infeasible', { params: { lower: D.toString(lower), upper: D.toString(upper) } }));
  steps.push(
    step(
      { en: 'net benefit', zh: '净收益' },
      'ΔV − C_opp',
      { ΔV: tv(upper, '元/(km²·a)', { en: 'upper bound', zh: '上限' }), C_opp: tv(lower, '元/(km²·a)', { en: 'lower bound', zh: '下限' }) },
      netBenefit,
      '元/(km²·a)',
    ),
  );
  let standard: Dec | null = null;
  if (input.position) {
    const theta = readRate(input.position);
    parameters.push(
      inputParameter(
        'θ',
        { en: 'position of the standard in the range (not a standard)', zh: '补偿标准在区间中的位置（非标准方法）' },
        theta,
        '1',
        ['position'],
      ),
    );
    standard = D.add(lower, D.multiply(theta, netBenefit));
    steps.push(
      step(
        { en: 'standard at θ', zh: '位置 θ 处的补偿标准' },
        'S = C_opp + θ · (ΔV − C_opp)',
        { θ: tv(theta, '1', 'input:position') },
        standard,
        '元/(km²·a)',
      ),
    );
  }
  const annual = { lower: D.multiply(lower, area), upper: D.multiply(upper, area), standard: standard ? D.multiply(standard, area) : null };
  let period: CompensationBounds['period'] = null;
  if (input.years !== undefined) {
    const n = D.fromString(String(input.years));
    parameters.push(inputParameter('n', { en: 'compensation period', zh: '补偿期限' }, String(input.years), 'a', ['years']));
    let presentLower: PresentValue | null = null;
    let presentUpper: PresentValue | null = null;
    if (input.discountRate) {
      const r = readRate(input.discountRate);
      parameters.push(inputParameter('r', { en: 'discount rate', zh: '折现率' }, r, '1', ['discountRate']));
      presentLower = presentValue(annual.lower, { rate: r, years: input.years });
      presentUpper = presentValue(annual.upper, { rate: r, years: input.years });
    }
    period = { years: input.years, lower: D.multiply(annual.lower, n), upper: D.multiply(annual.upper, n), presentLower, presentUpper };
  } else if (input.discountRate) {
    warnings.push(makeWarning('bounds-rate-without-years'));
  }
  return {
    kind: 'compensation-bounds',
    priceYear: input.priceYear,
    provider: input.provider.name,
    beneficiary: input.beneficiary.name,
    area,
    lower,
    upper,
    lowerParts,
    upperParts,
    netBenefit,
    feasible,
    standard,
    annual,
    period,
    trace: {
      formula: 'C_opp ≤ S ≤ ΔV; C_opp = [Σ A_i L_i K_i − Σ costs] / A; ΔV = Σ Δe_j',
      formulaZh: 'C_opp ≤ S ≤ ΔV；C_opp = [Σ A_i L_i K_i − Σ 成本] / A；ΔV = Σ Δe_j',
      methods: BOUNDS_METHODS,
      parameters,
      steps,
      coefficients: [],
    },
    warnings,
  };
}

/** The JSON form of compensation bounds. */
export function compensationBoundsToJson(b: CompensationBounds) {
  return toJsonData(b);
}
/** The JSON shape of compensation bounds. */
export type CompensationBoundsJson = ReturnType<typeof compensationBoundsToJson>;
