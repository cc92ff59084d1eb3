/**
 * Vertical eco-compensation (纵向生态保护补偿): a provincial fund allocated over counties "综合考虑
 * 不同区域生态功能和生态保护成效" (shanxi-2022-182 (十六), read). Shanxi's own allocation rules
 * (《省对县级生态转移支付办法》) were not read and no published formula was found: this is a
 * weighted-score rule whose every choice is a parameter (not a standard).
 *
 * Criteria k, each with a weight w_k (Σ w_k = 1, given by the user):
 *   value       V_i         GEP, or the regulating services (basis `regulating`), 元
 *   perKm2      V_i / A_i   the same value per km² of land
 *   change      c_i         change of the same value at constant prices over the period, a fraction
 *   protection  p_i         a protection-results score (生态保护成效), as the province assesses it
 * Normalisation (one rule for all criteria):
 *   share       s_ik = x_ik / Σ_j x_jk                     (x ≥ 0; a negative change needs min-max)
 *   min-max     s_ik = (x_ik − min_k) / (max_k − min_k)    (s = 1 for all when max = min)
 * Score S_i = Σ_k w_k · s_ik; exact allocation a_i = F · S_i / Σ_j S_j; payable amounts by largest
 * remainder at the payable unit u (default the fen, 0.01 元), which add up to F exactly (./allocate.ts).
 */
import * as z from 'zod';
import { makeIssue, type GepIssue, type GepWarning } from '../errors/errors.js';
import { makeWarning, prefixWarning } from '../errors/warnings/index.js';
import type { Text } from '../errors/text.js';
import { compareGep } from '../accounts/compare.js';
import type { PriceIndex } from '../coefficients/indices.js';
import type { GepResult } from '../accounts/gep.js';
import { LARGEST_REMAINDER_RULE, LARGEST_REMAINDER_RULE_ZH, payableParts } from './allocate.js';
import {
  accountRef,
  amountInput,
  areaInput,
  checkPriceYear,
  checkUnique,
  D,
  inputParameter,
  method,
  moneyAmount,
  parameter,
  readKm2,
  readRate,
  readYuan,
  requireDecimal,
  shareInput,
  changeRateInput,
  step,
  throwIssues,
  toJsonData,
  tv,
  yearInput,
  type ApplicationTrace,
  type Dec,
  type MethodRef,
  type Parameter,
} from './common.js';

/** The allocation criteria. */
export const VERTICAL_CRITERIA = ['value', 'perKm2', 'change', 'protection'] as const;
/** The criteria in Chinese, for messages. */
const CRITERION_ZH: Readonly<Record<VerticalCriterion, string>> = {
  value: '价值量',
  perKm2: '单位面积价值量',
  change: '不变价变化率',
  protection: '保护成效评分',
};
/** An allocation criterion. */
export type VerticalCriterion = (typeof VERTICAL_CRITERIA)[number];

/** A vertical allocation file (`gep eco-compensation`, method `vertical`). */
export const verticalSchema = z.strictObject({
  method: z.literal('vertical'),
  fund: z.strictObject({ name: z.string().min(1), amount: moneyAmount }),
  /** Price year of the values (and of the fund). */
  priceYear: yearInput,
  /** Which value the value and per-km² criteria use. */
  basis: z.enum(['gep', 'regulating']),
  weights: z.strictObject(
    Object.fromEntries(VERTICAL_CRITERIA.map((k) => [k, shareInput.optional()])) as Record<
      VerticalCriterion,
      z.ZodOptional<typeof shareInput>
    >,
  ),
  normalisation: z.enum(['share', 'min-max']),
  /** Payable unit; default 0.01 元 (the fen). */
  payableUnit: moneyAmount.optional(),
  counties: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        code: z
          .string()
          .regex(/^\d{6}$/)
          .optional(),
        /** Land area. */
        area: areaInput.optional(),
        /** GEP (or regulating services) at `priceYear`; or from `accounts.current`. */
        value: moneyAmount.optional(),
        /** Change of the value at constant prices, a fraction (may be negative); or from the two accounts. */
        change: changeRateInput.optional(),
        /** Protection-results score (any scale, ≥ 0; the same scale for every county): a score, not a rate, so no upper bound. */
        protection: amountInput('1').optional(),
        /** Accounts from which value, area and change are taken. */
        accounts: z.strictObject({ current: accountRef, previous: accountRef.optional() }).optional(),
      }),
    )
    .min(2),
});
/** A vertical allocation file as parsed. */
export type VerticalInput = z.infer<typeof verticalSchema>;

/** The accounts of a county, computed by the caller. */
export interface CountyAccounts {
  readonly current: GepResult<Dec>;
  readonly previous?: GepResult<Dec>;
  readonly priceIndex?: PriceIndex;
}

/** One county's allocation. */
export interface CountyAllocation {
  readonly name: string;
  readonly code?: string;
  /** Criterion values x_ik (null when not used). */
  readonly criteria: Readonly<Record<VerticalCriterion, Dec | null>>;
  /** Normalised s_ik. */
  readonly normalised: Readonly<Record<VerticalCriterion, Dec | null>>;
  /** S_i. */
  readonly score: Dec;
  /** S_i / Σ S. */
  readonly share: Dec;
  /** a_i, 元. */
  readonly exact: Dec;
  /** payable, 元 (a multiple of the payable unit). */
  readonly payable: Dec;
  readonly adjustment: Dec;
}

/** An allocated fund. */
export interface VerticalAllocation {
  readonly kind: 'vertical-allocation';
  readonly fund: { readonly name: string; readonly amount: Dec };
  readonly priceYear: number;
  readonly basis: 'gep' | 'regulating';
  readonly normalisation: 'share' | 'min-max';
  readonly weights: Readonly<Record<VerticalCriterion, Dec>>;
  readonly payableUnit: Dec;
  readonly roundingRule: string;
  readonly roundingRuleZh: string;
  readonly counties: readonly CountyAllocation[];
  readonly trace: ApplicationTrace;
  readonly warnings: readonly GepWarning[];
}

/** The methods the vertical allocation rests on. */
export const VERTICAL_METHODS: readonly MethodRef[] = [
  method('shanxi-2022-182', '(十六) 综合考虑不同区域生态功能和生态保护成效，完善资金分配和激励约束机制', 'read', {
    en: 'the criteria; no formula or weights',
    zh: '给出分配依据；未给出公式或权重',
  }),
  method(
    null,
    {
      en: 'S_i = Σ_k w_k · s_ik; a_i = F · S_i / Σ S; largest remainder at u',
      zh: 'S_i = Σ_k w_k · s_ik；a_i = F · S_i / Σ S；按单位 u 以最大余数法取整',
    },
    'not-a-standard',
    { en: 'weights and normalisation are inputs', zh: '权重与标准化方法均为输入' },
  ),
];

/**
 * Allocate a provincial eco-compensation fund over counties by a weighted score (纵向生态补偿资金分配).
 *
 * @summary a_i = F · S_i / Σ S, S_i = Σ w_k · s_ik; payable parts by largest remainder, Σ = F
 * @param input - the parsed file: fund (元), weights (fractions, Σ = 1), basis, normalisation, payable unit, counties
 * @param accounts - for counties that name accounts: their computed accounts, by county index
 * @returns per county the criteria, score, share, exact and payable amounts in 元, with the trace
 * @throws {GepInputError} weights not adding up to 1, a criterion value missing or negative under `share`, a fund not a multiple of the unit
 * @example
 * // F = 100 元, weight 100 % on GEP, GEP 1 and 2 元, normalisation share
 * allocateVerticalFund(parsed).counties.map((c) => c.payable.toString())
 * //=> ['33.33', '66.67']   (exact 33.333…, 66.666…; the last fen to the larger remainder)
 */
export function allocateVerticalFund(input: VerticalInput, accounts: ReadonlyMap<number, CountyAccounts> = new Map()): VerticalAllocation {
  const issues: GepIssue[] = [];
  const warnings: GepWarning[] = [];
  const parameters: Parameter[] = [];
  checkPriceYear(input.fund.amount, input.priceYear, ['fund', 'amount'], issues);
  checkUnique(
    input.counties.map((c) => c.name),
    ['counties'],
    'name',
    issues,
  );
  const fund = readYuan(input.fund.amount);
  const unit = input.payableUnit ? readYuan(input.payableUnit) : D.fromString('0.01');
  if (!unit.gt(0))
    issues.push(
      makeIssue('input.out-of-range', ['payableUnit', 'value'], {
        expected: { en: 'a unit > 0', zh: '大于 0 的单位' },
        found: D.toString(unit),
      }),
    );
  else if (!D.divide(fund, unit).isInteger())
    issues.push(
      makeIssue('input.out-of-range', ['fund', 'amount'], {
        expected: { en: `a whole multiple of the payable unit (${D.toString(unit)} 元)`, zh: `支付单位（${D.toString(unit)} 元）的整数倍` },
        found: `${D.toString(fund)} 元`,
      }),
    );
  const weights = Object.fromEntries(VERTICAL_CRITERIA.map((k) => [k, input.weights[k] ? readRate(input.weights[k]!) : D.zero])) as Record<
    VerticalCriterion,
    Dec
  >;
  const weightSum = D.sum(VERTICAL_CRITERIA.map((k) => weights[k]));
  if (!weightSum.eq(1))
    issues.push(
      makeIssue('input.out-of-range', ['weights'], {
        expected: { en: 'weights that add up to exactly 1 (100 %)', zh: '合计恰好为 1（100 %）的权重' },
        found: D.toString(weightSum),
      }),
    );
  const used = VERTICAL_CRITERIA.filter((k) => weights[k].gt(0));

  // Criterion values, from the file or the accounts.
  const rows = input.counties.map((c, i) => {
    const at = ['counties', i];
    const acc = accounts.get(i);
    if (c.accounts && !acc) throw new Error(`[gep] allocateVerticalFund: county ${i} names accounts; pass them computed`);
    const from: Record<string, Text> = {};
    let value: Dec | null = null;
    let area: Dec | null = null;
    let change: Dec | null = null;
    if (acc) requireDecimal(acc.current, 'allocateVerticalFund');
    if (c.value) {
      checkPriceYear(c.value, input.priceYear, [...at, 'value'], issues);
      value = readYuan(c.value);
      from.value = `input:counties[${i}].value`;
    } else if (acc) {
      if (acc.current.priceYear !== input.priceYear)
        issues.push(
          makeIssue('input.price-year', [...at, 'accounts', 'current'], {
            expected: String(input.priceYear),
            found: String(acc.current.priceYear),
          }),
        );
      value = input.basis === 'gep' ? acc.current.totals.gep.value : acc.current.totals.regulating.value;
      from.value = {
        en: `account ${acc.current.region.name} ${acc.current.accountingYear}: ${input.basis === 'gep' ? 'GEP' : 'regulating services'}`,
        zh: `核算 ${acc.current.region.name} ${acc.current.accountingYear} 年：${input.basis === 'gep' ? 'GEP' : '调节服务'}`,
      };
    }
    if (c.area) {
      area = readKm2(c.area);
      from.area = `input:counties[${i}].area`;
    } else if (acc?.current.region.area) {
      area = readKm2(acc.current.region.area);
      from.area = { en: `account ${acc.current.region.name}: region.area`, zh: `核算 ${acc.current.region.name}：region.area` };
    }
    if (c.change) {
      change = readRate(c.change);
      from.change = `input:counties[${i}].change`;
    } else if (acc?.previous) {
      requireDecimal(acc.previous, 'allocateVerticalFund');
      const cmp = compareGep(acc.previous, acc.current, acc.priceIndex ? { priceIndex: acc.priceIndex } : {});
      change = input.basis === 'gep' ? cmp.gep.constantRate : cmp.categories.regulating.constantRate;
      from.change = {
        en: `compareGep(${acc.previous.accountingYear} → ${acc.current.accountingYear}) at ${cmp.baseYear} prices: ${input.basis === 'gep' ? 'GEP' : 'regulating'} constant-price change rate`,
        zh: `compareGep(${acc.previous.accountingYear} → ${acc.current.accountingYear})，按 ${cmp.baseYear} 年价格：${input.basis === 'gep' ? 'GEP' : '调节服务'}不变价变化率`,
      };
      // Every warning of the comparison, compare-not-deflated included: a line carried at current
      // prices puts its price change into this constant-price rate, and the reader must know.
      warnings.push(...cmp.warnings.map((w) => prefixWarning(w, c.name)));
    }
    const protection = c.protection ? readRate(c.protection) : null;
    if (protection) from.protection = `input:counties[${i}].protection`;
    const x: Record<VerticalCriterion, Dec | null> = {
      value,
      perKm2: value && area?.gt(0) ? D.divide(value, area) : null,
      change,
      protection,
    };
    for (const k of used) {
      if (x[k] === null) {
        const what = {
          value: {
            en: `the ${input.basis === 'gep' ? 'GEP' : 'regulating services'} (value, or accounts.current)`,
            zh: `${input.basis === 'gep' ? 'GEP' : '调节服务价值'}（value 或 accounts.current）`,
          },
          perKm2: { en: 'the value and the land area (area > 0)', zh: '价值量与土地面积（area > 0）' },
          change: { en: 'the change at constant prices (change, or accounts.previous)', zh: '不变价变化率（change 或 accounts.previous）' },
          protection: { en: 'a protection score', zh: '保护成效评分' },
        }[k];
        issues.push(
          makeIssue('input.required', [...at, k === 'perKm2' ? 'area' : k], {
            expected: { en: `${what.en}: the weight of ${k} is > 0`, zh: `${what.zh}：${CRITERION_ZH[k]}的权重大于 0` },
          }),
        );
      }
    }
    return { name: c.name, ...(c.code ? { code: c.code } : {}), x, from };
  });
  throwIssues(issues);

  // Normalise each criterion.
  const normalised = rows.map(
    () => ({ value: null, perKm2: null, change: null, protection: null }) as Record<VerticalCriterion, Dec | null>,
  );
  for (const k of used) {
    const xs = rows.map((r) => r.x[k]!);
    if (input.normalisation === 'share') {
      xs.forEach((x, i) => {
        if (x.lt(0))
          issues.push(
            makeIssue('input.out-of-range', ['counties', i, k === 'perKm2' ? 'value' : k], {
              expected: {
                en: `a value ≥ 0 (normalisation share cannot use a negative ${k}; use min-max)`,
                zh: `≥ 0 的数值（share 标准化不能用负的${CRITERION_ZH[k]}；请用 min-max）`,
              },
              found: D.toString(x),
            }),
          );
      });
      const total = D.sum(xs);
      if (total.isZero())
        issues.push(
          makeIssue('input.out-of-range', ['weights', k], {
            expected: { en: `a criterion whose values are not all 0 (${k})`, zh: `取值不全为 0 的分配依据（${CRITERION_ZH[k]}）` },
            found: '0',
          }),
        );
      else
        xs.forEach((x, i) => {
          normalised[i]![k] = D.divide(x, total);
        });
    } else {
      const min = xs.reduce((a, b) => D.min(a, b));
      const max = xs.reduce((a, b) => D.max(a, b));
      const span = D.subtract(max, min);
      if (span.isZero()) warnings.push(makeWarning('vertical-criterion-equal', { params: { criterion: { en: k, zh: CRITERION_ZH[k] } } }));
      xs.forEach((x, i) => {
        normalised[i]![k] = span.isZero() ? D.one : D.divide(D.subtract(x, min), span);
      });
    }
  }
  throwIssues(issues);
  const scores = normalised.map((s) => D.sum(used.map((k) => D.multiply(weights[k], s[k]!))));
  const scoreSum = D.sum(scores);
  if (scoreSum.isZero())
    throwIssues([
      makeIssue('input.out-of-range', ['counties'], {
        expected: { en: 'at least one county with a score above 0', zh: '至少一个县得分大于 0' },
        found: { en: 'every score is 0', zh: '各县得分均为 0' },
      }),
    ]);
  const exact = scores.map((s) => D.divide(D.multiply(fund, s), scoreSum));
  const parts = payableParts(exact, fund, unit);
  // Identities: Σ payable = F exactly; Σ exact = F to the precision of the division.
  if (!D.sum(parts.map((p) => p.payable)).eq(fund)) throw new Error('[gep] allocateVerticalFund: payable parts do not add up to the fund');

  parameters.push(
    inputParameter('F', { en: `fund: ${input.fund.name}`, zh: `资金：${input.fund.name}` }, fund, '元', ['fund', 'amount']),
    ...VERTICAL_CRITERIA.map((k) =>
      parameter({
        symbol: `w_${k}`,
        name: { en: `weight of ${k}`, zh: `${CRITERION_ZH[k]}的权重` },
        value: D.toString(weights[k]),
        unit: '1',
        from: input.weights[k] ? `input:weights.${k}` : { en: 'default: 0 (not given)', zh: '默认：0（未给出）' },
        status: input.weights[k] ? 'input' : 'library-default',
      }),
    ),
    inputParameter('normalisation', { en: 'normalisation of each criterion', zh: '各分配依据的标准化方法' }, input.normalisation, '', [
      'normalisation',
    ]),
    inputParameter(
      'basis',
      { en: 'value used by the value and per-km² criteria', zh: '价值量与单位面积价值两项依据所用的价值' },
      input.basis,
      '',
      ['basis'],
    ),
    input.payableUnit
      ? inputParameter('u', { en: 'payable unit', zh: '支付单位' }, unit, '元', ['payableUnit'])
      : parameter({
          symbol: 'u',
          name: { en: 'payable unit', zh: '支付单位' },
          value: '0.01',
          unit: '元',
          from: { en: 'default: the fen', zh: '默认：分' },
          status: 'library-default',
        }),
  );
  const steps = rows.map((r, i) =>
    step(
      { en: `score: ${r.name}`, zh: `得分：${r.name}` },
      `S = ${used.map((k) => `w_${k} · s_${k}`).join(' + ')}`,
      Object.fromEntries(
        used.flatMap((k) => [
          [
            `x_${k}`,
            tv(
              r.x[k]!,
              k === 'value' ? '元' : k === 'perKm2' ? '元/km²' : '1',
              r.from[k === 'perKm2' ? 'value' : k] ?? { en: 'input', zh: '输入' },
            ),
          ],
          [`s_${k}`, tv(normalised[i]![k]!, '1', { en: `${input.normalisation} normalisation`, zh: `${input.normalisation} 标准化` })],
        ]),
      ),
      scores[i]!,
      '1',
    ),
  );
  steps.push(
    step(
      { en: 'allocation', zh: '分配' },
      'a_i = F · S_i / Σ S',
      { F: tv(fund, '元', { en: 'parameter', zh: '参数' }), 'Σ S': tv(scoreSum, '1', { en: 'scores', zh: '各县得分' }) },
      D.sum(exact),
      '元',
      { en: 'Σ a_i; each a_i in the table', zh: 'Σ a_i；各 a_i 见表' },
    ),
  );

  return {
    kind: 'vertical-allocation',
    fund: { name: input.fund.name, amount: fund },
    priceYear: input.priceYear,
    basis: input.basis,
    normalisation: input.normalisation,
    weights,
    payableUnit: unit,
    roundingRule: LARGEST_REMAINDER_RULE,
    roundingRuleZh: LARGEST_REMAINDER_RULE_ZH,
    counties: rows.map((r, i) => ({
      name: r.name,
      ...(r.code ? { code: r.code } : {}),
      criteria: r.x,
      normalised: normalised[i]!,
      score: scores[i]!,
      share: D.divide(scores[i]!, scoreSum),
      exact: exact[i]!,
      payable: parts[i]!.payable,
      adjustment: parts[i]!.adjustment,
    })),
    trace: {
      formula: `s_ik = ${input.normalisation === 'share' ? 'x_ik / Σ_j x_jk' : '(x_ik − min_k) / (max_k − min_k)'}; S_i = Σ_k w_k · s_ik; a_i = F · S_i / Σ_j S_j; payable by largest remainder at u`,
      formulaZh: `s_ik = ${input.normalisation === 'share' ? 'x_ik / Σ_j x_jk' : '(x_ik − min_k) / (max_k − min_k)'}；S_i = Σ_k w_k · s_ik；a_i = F · S_i / Σ_j S_j；应付金额按单位 u 以最大余数法取整`,
      methods: VERTICAL_METHODS,
      parameters,
      steps,
      coefficients: [],
    },
    warnings,
  };
}

/** The JSON form of a vertical allocation. */
export function verticalAllocationToJson(v: VerticalAllocation) {
  return toJsonData(v);
}
/** The JSON shape of a vertical allocation. */
export type VerticalAllocationJson = ReturnType<typeof verticalAllocationToJson>;
