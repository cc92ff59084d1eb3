/**
 * Compensation in plans and projects (规划和工程项目的生态产品补偿): from a project's loss of
 * ecological product value, the amount that keeps that value whole (shanxi-2022-182 (八): "对生态产品
 * 实物量和价值核算结果采取必要的补偿措施，确保生态产品保值增值" — read; it names no method).
 *
 * Three rules, chosen by the input (none is a published standard for plan compensation):
 *   restoration-cost          C = R = Σ restoration or replacement cost items (value, or quantity × unit cost)
 *   value-lost                C = PV(L) = Σ_{t=1..n} L · f_t · (1 + r)^−(t−s)
 *   restoration-plus-interim  C = R + PV(L): restoring the services, plus the value lost until they are restored
 * with L the annual loss of ecological product value at constant prices (元/a), n the years the loss
 * lasts (until restoration for the third rule), r the discount rate, s = 0 (end of year) or 1
 * (start), f_t the share of the annual loss still lost in year t (default 1 every year; a recovery
 * profile is written as these shares). The third rule follows the logic of ecological damage
 * assessment (restoration plus interim loss, mee-2014-damage-assessment, recalled): it is the rule
 * that keeps both the stock and the flow whole.
 *
 * L comes from the input (per indicator), or from a project impact (./project.ts): each indicator
 * whose impact is negative is a loss; gains in other indicators offset losses only when
 * `offsetGains` is set (a parameter written into the result).
 */
import * as z from 'zod';
import { makeIssue, type GepIssue, type GepWarning } from '../errors/errors.js';
import { makeWarning } from '../errors/warnings/index.js';
import { anyMeasure, anyPrice } from '../indicators/input-schema.js';
import { valueAt } from '../indicators/compute.js';
import { GepUnitError, GepUnitParseError } from '../units/units.js';
import { presentValue, type PresentValue } from './present-value.js';
import type { ProjectImpact } from './project.js';
import {
  annualMoney,
  checkPriceYear,
  checkUnique,
  D,
  inputParameter,
  method,
  moneyAmount,
  parameter,
  prefixSteps,
  rateInput,
  readRate,
  readYuan,
  readYuanPerYear,
  shareInput,
  step,
  throwIssues,
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

/** The compensation rules. */
export const COMPENSATION_RULES = ['restoration-cost', 'value-lost', 'restoration-plus-interim'] as const;
/** A compensation rule. */
export type CompensationRule = (typeof COMPENSATION_RULES)[number];

const costItem = z.union([
  z.strictObject({ item: z.string().min(1), value: moneyAmount, source: z.string().min(1).optional() }),
  z.strictObject({ item: z.string().min(1), quantity: anyMeasure, unitCost: anyPrice, source: z.string().min(1).optional() }),
]);

/** A compensation file (`gep compensation`). */
export const compensationSchema = z.strictObject({
  project: z.strictObject({ name: z.string().min(1), description: z.string().min(1).optional() }),
  /** Price year of every amount (the constant prices of the losses). */
  priceYear: yearInput,
  rule: z.enum(COMPENSATION_RULES),
  /** Annual losses by indicator or item, 元/a at `priceYear`; or take them from `projectImpact`. */
  losses: z
    .array(
      z.strictObject({
        item: z.string().min(1),
        indicator: z
          .string()
          .regex(/^(material|regulating|cultural)\.[a-z-]+$/)
          .optional(),
        annualValue: annualMoney,
        source: z.string().min(1).optional(),
      }),
    )
    .min(1)
    .optional(),
  /** A project file (`gep project`) whose negative impacts are the losses. */
  projectImpact: z.string().min(1).optional(),
  /** With `projectImpact`: let gains in some indicators offset losses in others (default false). */
  offsetGains: z.boolean().optional(),
  /** Restoration or replacement cost, by item. */
  restorationCost: z.array(costItem).min(1).optional(),
  /** Years the loss lasts (value-lost), or until the services are restored (restoration-plus-interim). */
  years: yearsInput.optional(),
  discountRate: rateInput.optional(),
  timing: timingInput.optional(),
  /** Share of the annual loss still lost in each year 1..n (a recovery profile); default 100 % every year. */
  lossShares: z.array(shareInput).min(1).optional(),
});
/** A compensation file as parsed. */
export type CompensationInput = z.infer<typeof compensationSchema>;

/** One annual loss. */
export interface Loss {
  readonly item: string;
  /** The item in Chinese, when the library named it (an input's item has one language). */
  readonly itemZh?: string;
  readonly indicator?: string;
  /** 元/a at the compensation's price year. */
  readonly annualValue: Dec;
  readonly from: string;
  readonly fromZh?: string;
}

/** One cost item. */
export interface CostItem {
  readonly item: string;
  /** 元. */
  readonly value: Dec;
  readonly calculation?: string;
  readonly from: string;
}

/** A compensation that keeps ecological product value whole. */
export interface Compensation {
  readonly kind: 'compensation';
  readonly project: CompensationInput['project'];
  readonly priceYear: number;
  readonly rule: CompensationRule;
  readonly losses: readonly Loss[];
  /** L, 元/a. */
  readonly annualLoss: Dec;
  readonly restorationCost: readonly CostItem[];
  /** R, 元 (0 when no cost is given). */
  readonly restorationTotal: Dec;
  /** PV of the losses over the years, when the rule uses it (or when the parameters allow a check). */
  readonly lostValue: PresentValue | null;
  /** C, 元. */
  readonly compensation: Dec;
  readonly trace: ApplicationTrace;
  readonly warnings: readonly GepWarning[];
}

/** The methods compensation rests on. */
export const COMPENSATION_METHODS: Readonly<Record<CompensationRule, readonly MethodRef[]>> = {
  'restoration-cost': [
    method('shanxi-2022-182', '(八) 对生态产品实物量和价值核算结果采取必要的补偿措施，确保生态产品保值增值', 'read', {
      en: 'the aim; no method',
      zh: '目标；未给出方法',
    }),
    method(null, { en: 'C = R (restoration or replacement cost)', zh: 'C = R（修复或替代成本）' }, 'not-a-standard'),
  ],
  'value-lost': [
    method('shanxi-2022-182', '(八) 确保生态产品保值增值', 'read', { en: 'the aim; no method', zh: '目标；未给出方法' }),
    method('discounting', { en: 'C = PV(L) over n years at r', zh: 'C = 按折现率 r 计的 n 年 L 的现值 PV(L)' }, 'not-a-standard', {
      en: 'n, r and the timing are parameters',
      zh: 'n、r 与发生时点均为参数',
    }),
  ],
  'restoration-plus-interim': [
    method('shanxi-2022-182', '(八) 确保生态产品保值增值', 'read', { en: 'the aim; no method', zh: '目标；未给出方法' }),
    method(
      'mee-2014-damage-assessment',
      { en: 'damage = restoration cost + interim loss until recovery (期间损害)', zh: '损害 = 修复费用 + 恢复前的期间损害' },
      'recalled',
      { en: 'the logic of damage assessment, applied to a planned loss', zh: '借用损害鉴定评估的思路，用于计划中的损失' },
    ),
    method(
      'discounting',
      { en: 'interim loss = PV(L) over the years until restored', zh: '期间损害 = 恢复前各年 L 的现值 PV(L)' },
      'not-a-standard',
    ),
  ],
};

/**
 * The annual losses of a project impact: each indicator with a negative impact (or the net
 * impact, when gains offset losses), at the impact's base-year prices.
 *
 * @summary L_k = −QE_k for each indicator that falls (or −net when gains offset losses)
 * @param impact - a `computeProjectImpact` result
 * @param offsetGains - true: one loss, the net fall of GEP (none when the project gains); false: every indicator that falls
 * @returns the losses in 元/a, each with the indicator it comes from
 * @example
 * lossesFromImpact(impact).map((l) => [l.indicator, l.annualValue.toString()])
 * //=> [['material.agriculture', '20000']]
 */
export function lossesFromImpact(impact: ProjectImpact, offsetGains = false): Loss[] {
  if (offsetGains) {
    return impact.net.lt(0)
      ? [
          {
            item: `net fall of GEP (${impact.labels.baseline} → ${impact.labels.withProject})`,
            itemZh: `GEP 净减少（${impact.labels.baselineZh} → ${impact.labels.withProjectZh}）`,
            annualValue: D.negate(impact.net),
            from: 'project impact: −net',
            fromZh: '项目影响：−净影响',
          },
        ]
      : [];
  }
  return impact.indicators
    .filter((i) => i.impact.lt(0))
    .map((i) => ({
      item: `${i.zh} ${i.en}`,
      itemZh: i.zh,
      indicator: i.id,
      annualValue: D.negate(i.impact),
      from: `project impact: −QE of ${i.id}`,
      fromZh: `项目影响：−${i.id} 的数量效应`,
    }));
}

/**
 * The compensation that keeps a project's ecological product value whole (生态产品保值补偿).
 *
 * @summary C = R, C = PV(L), or C = R + PV(L), with every parameter explicit
 * @param input - the parsed compensation file: rule, losses (元/a), restoration cost (元), years, discount rate, timing, loss shares
 * @param fromImpact - the project impact whose losses are used when the file names `projectImpact`
 * @returns the compensation in 元 at the price year, with the losses, cost items, PV schedule and trace
 * @throws {GepInputError} a parameter the rule needs is missing, a price year differs, no loss is given
 * @example
 * // L = 100 000 元/a lost for 3 years at 5 %, end of each year
 * computeCompensation({ ...file, rule: 'value-lost', years: 3, discountRate: { value: '5', unit: '%' } }).compensation.toFixed(2)
 * //=> '272324.80'   (100 000 × 2.723248…)
 */
export function computeCompensation(input: CompensationInput, fromImpact?: ProjectImpact): Compensation {
  const issues: GepIssue[] = [];
  const warnings: GepWarning[] = [];
  const parameters: Parameter[] = [];
  const rule = input.rule;
  const needsLoss = rule !== 'restoration-cost';
  const needsCost = rule !== 'value-lost';

  // Losses
  let losses: Loss[] = [];
  if (input.losses && input.projectImpact)
    issues.push(
      makeIssue('input.type', ['projectImpact'], {
        expected: { en: 'either losses or projectImpact, not both', zh: 'losses 或 projectImpact（二者不可同时给出）' },
        found: { en: 'both', zh: '两者都有' },
      }),
    );
  if (input.losses) {
    input.losses.forEach((l, i) => checkPriceYear(l.annualValue, input.priceYear, ['losses', i, 'annualValue'], issues));
    // The same loss listed twice would be counted twice.
    checkUnique(
      input.losses.map((l) => l.item),
      ['losses'],
      'item',
      issues,
    );
    losses = input.losses.map((l, i) => ({
      item: l.item,
      ...(l.indicator ? { indicator: l.indicator } : {}),
      annualValue: readYuanPerYear(l.annualValue),
      from: `input:losses[${i}].annualValue`,
    }));
  } else if (input.projectImpact) {
    if (!fromImpact) throw new Error('[gep] computeCompensation: the file names a projectImpact; pass its computed impact');
    if (fromImpact.baseYear !== input.priceYear)
      issues.push(makeIssue('input.price-year', ['priceYear'], { expected: String(fromImpact.baseYear), found: String(input.priceYear) }));
    losses = lossesFromImpact(fromImpact, input.offsetGains ?? false);
    parameters.push(
      parameter({
        symbol: 'offset',
        name: { en: 'gains offset losses', zh: '增加抵消减少' },
        value: String(input.offsetGains ?? false),
        unit: '',
        from:
          input.offsetGains === undefined
            ? {
                en: 'default: no (a gain in one product does not make up for the loss of another)',
                zh: '默认：否（一种产品的增加不能弥补另一种产品的损失）',
              }
            : 'input:offsetGains',
        status: input.offsetGains === undefined ? 'library-default' : 'input',
      }),
    );
    if (!losses.length) warnings.push(makeWarning('compensation-no-loss'));
  } else if (needsLoss) {
    issues.push(
      makeIssue('input.required', ['losses'], {
        expected: {
          en: `the annual losses (or a projectImpact file): rule ${rule} values them`,
          zh: `年度损失（或 projectImpact 文件）：规则 ${rule} 需要对其估价`,
        },
      }),
    );
  }

  // Restoration cost
  const costs: CostItem[] = [];
  if (input.restorationCost) {
    checkUnique(
      input.restorationCost.map((c) => c.item),
      ['restorationCost'],
      'item',
      issues,
    );
    input.restorationCost.forEach((c, i) => {
      const at = ['restorationCost', i];
      if ('value' in c) {
        checkPriceYear(c.value, input.priceYear, [...at, 'value'], issues);
        costs.push({ item: c.item, value: readYuan(c.value), from: `input:restorationCost[${i}].value` });
        return;
      }
      checkPriceYear(c.unitCost, input.priceYear, [...at, 'unitCost'], issues);
      try {
        const v = valueAt(
          D,
          { value: D.fromString(c.quantity.value), unit: c.quantity.unit },
          { value: D.fromString(c.unitCost.value), unit: c.unitCost.unit },
        ).value;
        costs.push({
          item: c.item,
          value: v,
          calculation: `${c.quantity.value} ${c.quantity.unit} × ${c.unitCost.value} ${c.unitCost.unit}`,
          from: `input:restorationCost[${i}]`,
        });
      } catch (e) {
        if (!(e instanceof GepUnitError || e instanceof GepUnitParseError)) throw e;
        issues.push(
          makeIssue('input.unit-dimension', [...at, 'unitCost', 'unit'], {
            expected: { en: `a cost per ${c.quantity.unit}`, zh: `每 ${c.quantity.unit} 的费用` },
            found: c.unitCost.unit,
          }),
        );
      }
    });
  } else if (needsCost) {
    issues.push(
      makeIssue('input.required', ['restorationCost'], {
        expected: { en: `the restoration or replacement cost: rule ${rule} adds it`, zh: `修复或替代成本：规则 ${rule} 需要计入` },
      }),
    );
  }

  // Discounting parameters
  const years = input.years;
  const canDiscount = years !== undefined && input.discountRate !== undefined;
  if (needsLoss) {
    if (years === undefined)
      issues.push(
        makeIssue('input.required', ['years'], {
          expected:
            rule === 'value-lost'
              ? { en: 'the number of years the loss lasts', zh: '损失持续的年数' }
              : { en: 'the number of years until the services are restored', zh: '服务恢复所需的年数' },
        }),
      );
    if (input.discountRate === undefined)
      issues.push(
        makeIssue('input.required', ['discountRate'], {
          expected: {
            en: 'a discount rate, e.g. { "value": "3.5", "unit": "%" } (no standard fixes one)',
            zh: '折现率，如 { "value": "3.5", "unit": "%" }（没有标准规定其取值）',
          },
        }),
      );
  }
  if (input.lossShares && years !== undefined && input.lossShares.length !== years) {
    issues.push(
      makeIssue('input.out-of-range', ['lossShares'], {
        expected: { en: `one share per year (${years})`, zh: `每年一个份额（${years} 个）` },
        found: { en: `${input.lossShares.length} shares`, zh: `${input.lossShares.length} 个份额` },
      }),
    );
  }
  throwIssues(issues);

  const annualLoss = D.sum(losses.map((l) => l.annualValue));
  const restorationTotal = D.sum(costs.map((c) => c.value));
  const steps = [];
  const lossFrom = (l: Loss) => (l.fromZh ? { en: l.from, zh: l.fromZh } : l.from);
  losses.forEach((l, i) =>
    parameters.push(
      parameter({
        symbol: `L_${i + 1}`,
        name: { en: `annual loss: ${l.item}`, zh: `年度损失：${l.itemZh ?? l.item}` },
        value: D.toString(l.annualValue),
        unit: '元/a',
        from: lossFrom(l),
        status: 'input',
      }),
    ),
  );
  costs.forEach((c, i) =>
    parameters.push(
      parameter({
        symbol: `R_${i + 1}`,
        name: { en: `restoration cost: ${c.item}`, zh: `修复费用：${c.item}` },
        value: D.toString(c.value),
        unit: '元',
        from: c.from,
        status: 'input',
        ...(c.calculation ? { note: c.calculation } : {}),
      }),
    ),
  );
  if (losses.length)
    steps.push(
      step(
        { en: 'annual loss', zh: '年度损失' },
        'L = Σ L_i',
        Object.fromEntries(losses.map((l, i) => [`L_${i + 1}`, tv(l.annualValue, '元/a', lossFrom(l))])),
        annualLoss,
        '元/a',
      ),
    );
  if (costs.length)
    steps.push(
      step(
        { en: 'restoration cost', zh: '修复费用' },
        'R = Σ R_i',
        Object.fromEntries(costs.map((c, i) => [`R_${i + 1}`, tv(c.value, '元', c.from)])),
        restorationTotal,
        '元',
      ),
    );

  let lostValue: PresentValue | null = null;
  if (canDiscount && losses.length) {
    const r = readRate(input.discountRate!);
    const timing = input.timing ?? 'end';
    parameters.push(
      inputParameter(
        'n',
        rule === 'restoration-plus-interim'
          ? { en: 'years until the services are restored', zh: '服务恢复所需年数' }
          : { en: 'years the loss lasts', zh: '损失持续年数' },
        String(years),
        'a',
        ['years'],
      ),
      inputParameter('r', { en: 'discount rate', zh: '折现率' }, r, '1', ['discountRate']),
      parameter({
        symbol: 's',
        name: { en: 'timing of the annual losses', zh: '年度损失的发生时点' },
        value: timing,
        unit: '',
        from: input.timing ? 'input:timing' : { en: 'default: end of each year', zh: '默认：每年年末' },
        status: input.timing ? 'input' : 'library-default',
      }),
    );
    const shares = input.lossShares?.map((s) => readRate(s));
    if (shares)
      parameters.push(
        inputParameter(
          'f_t',
          { en: 'share of the annual loss in each year', zh: '各年年度损失的份额' },
          shares.map((s) => D.toString(s)).join(', '),
          '1',
          ['lossShares'],
        ),
      );
    lostValue = presentValue(shares ? shares.map((f) => D.multiply(annualLoss, f)) : annualLoss, { rate: r, years: years!, timing });
    steps.push(...prefixSteps(lostValue.steps, { en: 'lost value', zh: '损失价值' }));
  }

  let compensation: Dec;
  if (rule === 'restoration-cost') {
    compensation = restorationTotal;
    if (lostValue?.value.gt(restorationTotal)) {
      warnings.push(
        makeWarning('compensation-below-lost-value', {
          params: { cost: D.toString(restorationTotal), years: years!, lost: D.toString(lostValue.value) },
        }),
      );
    }
  } else if (rule === 'value-lost') {
    compensation = lostValue?.value ?? D.zero;
  } else {
    compensation = D.add(restorationTotal, lostValue?.value ?? D.zero);
  }
  steps.push(
    step(
      { en: 'compensation', zh: '补偿额' },
      rule === 'restoration-cost' ? 'C = R' : rule === 'value-lost' ? 'C = PV(L)' : 'C = R + PV(L)',
      {
        ...(rule !== 'value-lost' ? { R: tv(restorationTotal, '元', 'step:restoration cost') } : {}),
        ...(rule !== 'restoration-cost' ? { 'PV(L)': tv(lostValue?.value ?? D.zero, '元', 'step:lost value: present value') } : {}),
      },
      compensation,
      '元',
    ),
  );

  return {
    kind: 'compensation',
    project: input.project,
    priceYear: input.priceYear,
    rule,
    losses,
    annualLoss,
    restorationCost: costs,
    restorationTotal,
    lostValue,
    compensation,
    trace: {
      formula:
        rule === 'restoration-cost'
          ? 'C = R = Σ R_i'
          : rule === 'value-lost'
            ? 'C = PV(L) = Σ_{t=1..n} L · f_t · (1 + r)^−(t−s)'
            : 'C = R + Σ_{t=1..n} L · f_t · (1 + r)^−(t−s)',
      methods: COMPENSATION_METHODS[rule],
      parameters,
      steps,
      coefficients: [],
    },
    warnings,
  };
}

/** The JSON form of a compensation. */
export function compensationToJson(c: Compensation) {
  return toJsonData(c);
}
/** The JSON shape of a compensation. */
export type CompensationJson = ReturnType<typeof compensationToJson>;
