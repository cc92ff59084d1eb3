/**
 * Green finance (绿色金融): the value of a unit's ecological assets as a lending base
 * (生态资产权益抵押, "GEP贷", "VEP贷"; shanxi-2022-182 (二十一), read: it encourages loans secured on
 * ecological-asset rights and gives no sizing rule).
 *
 *   asset value  PV = Σ_{t=1..n} V · (1 + g)^(t−1) · (1 + r)^−(t−s)      (./present-value.ts)
 *   lending base B = PV · σ
 *
 * V the annual ecological product value that backs the loan (元/a at constant prices: all of GEP, some
 * categories or indicators of an account, or a project's VEP gain), n the term in years, r the
 * discount rate, g an expected growth of V, s the timing, and σ the share eligible as collateral.
 *
 * No published rule sizes a loan on GEP (applications.md §4.5): in the cases read, credit was 3.3 %
 * to 47.9 % of one year's GEP (宁波龙观 8000 万 on 24.58 亿; 五莲 红泥崖村 2000 万 on 4174.21 万), and
 * the bank decided on cash flow and credit as well. So σ, r and n are required inputs with no
 * default, and the result says that the rule is not a standard; `baseToAnnualValue` (B / V) is
 * printed so that a reader can set the result beside those cases.
 */
import * as z from 'zod';
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../errors/errors.js';
import { makeWarning } from '../errors/warnings/index.js';
import { CATEGORIES, CATEGORY_ZH, type Category } from '../indicators/types.js';
import type { GepResult } from '../accounts/gep.js';
import { presentValue, type PresentValue } from './present-value.js';
import type { ProjectImpact } from './project.js';
import {
  accountRef,
  annualMoney,
  checkPriceYear,
  checkUnique,
  D,
  inputParameter,
  method,
  parameter,
  prefixSteps,
  rateInput,
  growthRateInput,
  readRate,
  readYuanPerYear,
  requireDecimal,
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

/** A green-finance file (`gep finance`). */
export const financeSchema = z.strictObject({
  /** The borrower or the unit whose ecological assets back the loan. */
  unit: z.strictObject({
    name: z.string().min(1),
    kind: z.enum(['county', 'township', 'village', 'area', 'project', 'enterprise', 'other']),
  }),
  priceYear: yearInput,
  /** The annual value that backs the loan: given, from an account, or from a project file. */
  annualValue: z.union([
    z.strictObject({ value: annualMoney, source: z.string().min(1) }),
    z.strictObject({
      account: accountRef,
      /** Which part of the account: categories and/or indicator ids; default all of GEP. */
      categories: z
        .array(z.enum(CATEGORIES as unknown as [Category, ...Category[]]))
        .min(1)
        .optional(),
      indicators: z
        .array(z.string().regex(/^(material|regulating|cultural)\.[a-z-]+$/))
        .min(1)
        .optional(),
    }),
    /** A project file (`gep project`): its net impact (VEP gain) per year. */
    z.strictObject({ projectImpact: z.string().min(1) }),
  ]),
  term: yearsInput,
  discountRate: rateInput,
  timing: timingInput.optional(),
  /** g, the annual growth of V; a plain fraction of 1 or more in size is refused (growthRateInput). */
  growthRate: growthRateInput.optional(),
  /** σ: the share of the asset value eligible as collateral — no published rule; required. */
  collateralShare: shareInput,
});
/** A green-finance file as parsed. */
export type FinanceInput = z.infer<typeof financeSchema>;

/** The ecological-asset value of a unit and its lending base. */
export interface EcologicalAssetValuation {
  readonly kind: 'asset-valuation';
  readonly unit: FinanceInput['unit'];
  readonly priceYear: number;
  /** V, 元/a. */
  readonly annualValue: Dec;
  /** The parts of V: GEP, categories or indicators; `itemZh` names a part in Chinese where its name is a word (a category, an indicator). */
  readonly annualValueParts: readonly { readonly item: string; readonly itemZh?: string; readonly value: Dec }[];
  readonly annualValueFrom: string;
  readonly annualValueFromZh: string;
  readonly assetValue: PresentValue;
  readonly collateralShare: Dec;
  /** B = PV · σ, 元. */
  readonly lendingBase: Dec;
  /** B / V: the lending base in years of the annual value (compare 0.03–0.48 in published GEP loans). */
  readonly baseToAnnualValue: Dec | null;
  readonly trace: ApplicationTrace;
  readonly warnings: readonly GepWarning[];
}

/** The methods of the valuation. */
export const FINANCE_METHODS: readonly MethodRef[] = [
  method('shanxi-2022-182', '(二十一) 探索"生态资产权益抵押+项目贷"模式', 'read', { en: 'no sizing rule', zh: '未给出确定额度的规则' }),
  method('discounting', { en: 'PV of the annual value over the term', zh: '期限内年价值的现值' }, 'not-a-standard', {
    en: 'term, rate and growth are inputs',
    zh: '期限、折现率与增长率均为输入',
  }),
  method(null, 'B = PV · σ', 'not-a-standard', {
    en: 'no published rule sizes a loan on GEP; credit was 3.3–47.9 % of one year’s GEP in the cases read (applications.md §4.5)',
    zh: '没有已发布的规则按 GEP 确定贷款额；所读案例中授信为一年 GEP 的 3.3–47.9 %（applications.md §4.5）',
  }),
];

/**
 * The part of an account that backs a loan: all of GEP, some categories, or some indicators.
 *
 * @param account - a GEP account (decimal path)
 * @param select - categories and/or indicator ids; none: GEP
 * @returns the value in 元/a and its parts
 * @throws {GepInputError} an indicator not in the account
 */
export function annualValueOf(
  account: GepResult<Dec>,
  select: { readonly categories?: readonly Category[]; readonly indicators?: readonly string[] } = {},
): { value: Dec; parts: { item: string; itemZh?: string; value: Dec }[]; from: string; fromZh: string } {
  requireDecimal(account, 'annualValueOf');
  const issues: GepIssue[] = [];
  // A category or indicator listed twice would be summed twice.
  checkUnique(select.categories ?? [], ['annualValue', 'categories'], null, issues);
  checkUnique(select.indicators ?? [], ['annualValue', 'indicators'], null, issues);
  (select.indicators ?? []).forEach((id, i) => {
    if (!account.indicators.some((r) => r.id === id))
      issues.push(
        makeIssue('input.out-of-range', ['annualValue', 'indicators', i], {
          expected: {
            en: `an indicator of the account (${account.indicators.map((r) => r.id).join(', ')})`,
            zh: `核算中的指标（${account.indicators.map((r) => r.id).join('、')}）之一`,
          },
          found: id,
        }),
      );
  });
  throwIssues(issues);
  const whole = !select.categories && !select.indicators;
  const parts: { item: string; itemZh?: string; value: Dec }[] = whole
    ? [{ item: 'GEP', value: account.totals.gep.value }]
    : [
        ...(select.categories ?? []).map((c) => ({ item: c, itemZh: CATEGORY_ZH[c], value: account.totals[c].value })),
        ...(select.indicators ?? [])
          .filter((id) => !(select.categories ?? []).includes(id.split('.')[0] as Category))
          .map((id) => {
            const r = account.indicators.find((x) => x.id === id)!;
            return { item: id, itemZh: r.zh, value: r.value.total.value };
          }),
      ];
  return {
    value: D.sum(parts.map((p) => p.value)),
    parts,
    from: `account ${account.region.name} ${account.accountingYear}${whole ? ': GEP' : `: ${parts.map((p) => p.item).join(' + ')}`}`,
    fromZh: `核算 ${account.region.name} ${account.accountingYear} 年${whole ? '：GEP' : `：${parts.map((p) => p.itemZh ?? p.item).join(' + ')}`}`,
  };
}

/**
 * The ecological-asset value of a unit and the lending base it supports (生态资产价值与授信基数).
 *
 * @summary PV = Σ V(1+g)^(t−1)(1+r)^−(t−s); lending base B = PV · σ (σ a required input: no standard)
 * @param input - the parsed file: unit, annual value (元/a, or an account or project), term (a), rate, growth, timing, collateral share σ
 * @param from - the account or project impact when the file names one
 * @returns the annual value, the asset value with its schedule, and the lending base, in 元
 * @throws {GepInputError} a price year that differs from the account's or the project's
 * @example
 * // V = 1 000 万元/a, 10 years at 4 %, σ = 20 %
 * valueEcologicalAssets(parsed).lendingBase.toFixed(2)
 * //=> '16221791.56'   (元: PV = 10 000 000 × 8.1108958 = 81 108 957.79, × 0.2)
 */
export function valueEcologicalAssets(
  input: FinanceInput,
  from?: { readonly account?: GepResult<Dec>; readonly impact?: ProjectImpact },
): EcologicalAssetValuation {
  const issues: GepIssue[] = [];
  const warnings: GepWarning[] = [];
  const parameters: Parameter[] = [];
  let annual: { value: Dec; parts: { item: string; itemZh?: string; value: Dec }[]; from: string; fromZh: string };
  const av = input.annualValue;
  if ('value' in av) {
    checkPriceYear(av.value, input.priceYear, ['annualValue', 'value'], issues);
    throwIssues(issues);
    annual = {
      value: readYuanPerYear(av.value),
      parts: [],
      from: `input:annualValue.value (${av.source})`,
      fromZh: `input:annualValue.value（${av.source}）`,
    };
  } else if ('account' in av) {
    if (!from?.account) throw new Error('[gep] valueEcologicalAssets: the file names an account; pass it computed');
    if (from.account.priceYear !== input.priceYear)
      throwIssues([
        makeIssue('input.price-year', ['annualValue', 'account'], {
          expected: String(input.priceYear),
          found: String(from.account.priceYear),
        }),
      ]);
    annual = annualValueOf(from.account, {
      ...(av.categories ? { categories: av.categories } : {}),
      ...(av.indicators ? { indicators: av.indicators } : {}),
    });
  } else {
    if (!from?.impact) throw new Error('[gep] valueEcologicalAssets: the file names a projectImpact; pass it computed');
    if (from.impact.baseYear !== input.priceYear)
      throwIssues([
        makeIssue('input.price-year', ['priceYear'], { expected: String(from.impact.baseYear), found: String(input.priceYear) }),
      ]);
    annual = {
      value: from.impact.net,
      parts: from.impact.indicators.map((i) => ({ item: i.id, value: i.impact })),
      from: `project ${from.impact.project.name}: net impact (VEP gain) at ${from.impact.baseYear} prices`,
      fromZh: `项目 ${from.impact.project.name}：按 ${from.impact.baseYear} 年价格计的净影响（VEP 增加值）`,
    };
    if (from.impact.net.lte(0)) warnings.push(makeWarning('finance-no-gain'));
  }
  const r = readRate(input.discountRate);
  const sigma = readRate(input.collateralShare);
  const g = input.growthRate ? readRate(input.growthRate) : D.zero;
  // A decline of 100 %/a or more leaves nothing (or a negative value) after the first year: no asset to lend on.
  if (g.lte(-1))
    throw new GepInputError([
      makeIssue('input.out-of-range', ['growthRate'], {
        expected: { en: 'an annual growth above −100 %', zh: '大于 −100 % 的年增长率' },
        found: `${input.growthRate!.value} ${input.growthRate!.unit}`,
      }),
    ]);
  const timing = input.timing ?? 'end';
  parameters.push(
    parameter({
      symbol: 'V',
      name: { en: 'annual ecological product value backing the loan', zh: '作为贷款依据的年生态产品价值' },
      value: D.toString(annual.value),
      unit: '元/a',
      from: { en: annual.from, zh: annual.fromZh },
      status: 'input',
    }),
    inputParameter('n', { en: 'term', zh: '期限' }, String(input.term), 'a', ['term']),
    inputParameter('r', { en: 'discount rate', zh: '折现率' }, r, '1', ['discountRate']),
    input.growthRate
      ? inputParameter('g', { en: 'annual growth of V', zh: 'V 的年增长率' }, g, '1', ['growthRate'])
      : parameter({
          symbol: 'g',
          name: { en: 'annual growth of V', zh: 'V 的年增长率' },
          value: '0',
          unit: '1',
          from: { en: 'default: no growth', zh: '默认：不增长' },
          status: 'library-default',
        }),
    parameter({
      symbol: 's',
      name: { en: 'timing of the annual value', zh: '年价值的发生时点' },
      value: timing,
      unit: '',
      from: input.timing ? 'input:timing' : { en: 'default: end of each year', zh: '默认：每年年末' },
      status: input.timing ? 'input' : 'library-default',
    }),
    inputParameter('σ', { en: 'share eligible as collateral (no published rule)', zh: '可作抵押的比例（无已发布规则）' }, sigma, '1', [
      'collateralShare',
    ]),
  );
  const pv = presentValue(annual.value, { rate: r, years: input.term, timing, growth: g });
  const lendingBase = D.multiply(pv.value, sigma);
  const steps = [
    ...prefixSteps(pv.steps, { en: 'asset value', zh: '资产价值' }),
    step(
      { en: 'lending base', zh: '授信基数' },
      'B = PV · σ',
      { PV: tv(pv.value, '元', 'step:asset value: present value'), σ: tv(sigma, '1', 'input:collateralShare') },
      lendingBase,
      '元',
    ),
  ];
  warnings.push(makeWarning('finance-not-a-standard'));
  return {
    kind: 'asset-valuation',
    unit: input.unit,
    priceYear: input.priceYear,
    annualValue: annual.value,
    annualValueParts: annual.parts,
    annualValueFrom: annual.from,
    annualValueFromZh: annual.fromZh,
    assetValue: pv,
    collateralShare: sigma,
    lendingBase,
    baseToAnnualValue: annual.value.isZero() ? null : D.divide(lendingBase, annual.value),
    trace: {
      formula: `${pv.formula}; B = PV · σ`,
      formulaZh: `${pv.formulaZh}；B = PV · σ`,
      methods: FINANCE_METHODS,
      parameters,
      steps,
      coefficients: [],
    },
    warnings,
  };
}

/** The JSON form of an asset valuation. */
export function assetValuationToJson(a: EcologicalAssetValuation) {
  return toJsonData(a);
}
/** The JSON shape of an asset valuation. */
export type EcologicalAssetValuationJson = ReturnType<typeof assetValuationToJson>;
