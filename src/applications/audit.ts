/**
 * Tenure audit (领导干部自然资源资产离任审计) and "double assessment" (经济发展和生态产品价值"双考核"):
 * shanxi-2022-182 (十九), read — GEP results are "领导干部自然资源资产离任审计的重要参考", officials
 * who cause a serious decline of GEP during their term (任期内造成生态产品总值严重下降) are held
 * accountable, and other functional zones are assessed on both economic development and GEP. The seed
 * gives no number for "serious", and no published scoring of double assessment was readable
 * (lishui-2021-gep-assessment: its algorithms are not published).
 *
 * Tenure audit. The accounts of the years of a term, first to last, are compared at the constant
 * prices of a base year (src/accounts/compare.ts): GEP change ΔK = K_last − K_first, split per
 * indicator into the quantity effect (what changed in the ecosystems) and the price effect (what
 * prices did); the yearly path K_t at base-year prices; the decline flag
 *   flagged ⇔ (K_last − K_first) / K_first < −θ
 * with θ an explicit parameter: given with the source of the decision that sets it, or the library's
 * default (5 %, DEFAULT_DECLINE_THRESHOLD), marked "not a standard". The drivers are the indicators
 * whose quantity effect is negative, largest first.
 *
 * Double assessment (scorecard). GDP growth and GEP growth side by side:
 *   g_GDP = (GDP_b − GDP_a) / GDP_a at current prices (and the official real growth when given),
 *   g_GEP = (K_b − K_a) / K_a at constant prices,
 *   double growth ⇔ g_GDP > 0 and g_GEP > 0 (applications.md §4.4 [inf]: the computable piece of
 *   Lishui's 双增长; real GDP growth is used when given, else current-price growth, and the result
 *   says which),
 * with the ratios of both years (GEP/GDP, GEP per capita, "two mountains" value, conversion and
 * realisation rates: src/accounts/ratios.ts) and their changes.
 */
import * as z from 'zod';
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../errors/errors.js';
import { makeWarning } from '../errors/warnings/index.js';
import { compareGep, DEFAULT_DECLINE_THRESHOLD, gepComparisonToJson, type GepComparison } from '../accounts/compare.js';
import { economyInputSchema } from '../accounts/economy-input.js';
import { ratiosFromAccount, type RatioId, type RatiosResult } from '../accounts/ratios.js';
import type { PriceIndex } from '../coefficients/indices.js';
import type { GepResult } from '../accounts/gep.js';
import { toGepIssues } from '../indicators/input-schema.js';
import {
  accountRef,
  amountInput,
  D,
  growth,
  method,
  moveIssue,
  parameter,
  parseInput,
  readRate,
  readYuan,
  requireDecimal,
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

/** An audit file (`gep audit`). */
export const auditSchema = z.strictObject({
  official: z.strictObject({ name: z.string().min(1), post: z.string().min(1) }),
  /** The audited unit (a county, a city). */
  unit: z.string().min(1),
  term: z.strictObject({ start: z.string().regex(/^\d{4}(-\d{2})?$/), end: z.string().regex(/^\d{4}(-\d{2})?$/) }),
  /** Accounts of the years of the term, first to last (at least two). */
  accounts: z.array(accountRef).min(2),
  baseYear: yearInput.optional(),
  priceIndex: z.string().min(1).optional(),
  /** θ and who set it; without it the library default (5 %, not a standard) is used and marked. */
  declineThreshold: amountInput('1', { max: '1' }, { source: z.string().min(1) }).optional(),
  /** Official real GDP growth over the term (统计局 不变价增速), a fraction with its source, for the scorecard. */
  gdpRealGrowth: amountInput('1', { nonNegative: false }, { source: z.string().min(1) }).optional(),
  /** Who prepared the memo, and the file reference. */
  preparedBy: z.string().min(1).optional(),
  reference: z.string().min(1).optional(),
});
/** An audit file as parsed. */
export type AuditInput = z.infer<typeof auditSchema>;

/** A decline threshold with where it comes from. */
export interface DeclineThreshold {
  /** θ as a fraction. */
  readonly value: Dec;
  readonly source: string;
  /** The source in Chinese, when the library wrote it (the default). */
  readonly sourceZh?: string;
  readonly status: 'input' | 'library-default';
}

/** One year of the path at constant prices. */
export interface TermYear {
  readonly year: number;
  /** GEP at current prices of its year, 元. */
  readonly current: Dec;
  readonly priceYear: number;
  /** GEP at base-year prices, 元. */
  readonly constant: Dec;
  /** (K_t − K_first) / K_first. */
  readonly constantRate: Dec | null;
}

/** The double-assessment scorecard of two years. */
export interface Scorecard {
  readonly kind: 'scorecard';
  readonly region: string;
  readonly years: { readonly a: number; readonly b: number };
  readonly baseYear: number;
  readonly gdp: {
    readonly a: Dec;
    readonly b: Dec;
    readonly basis: string;
    /** (GDP_b − GDP_a) / GDP_a at current prices. */
    readonly growthCurrent: Dec | null;
    /** Official real growth, as given. */
    readonly growthReal: { readonly value: Dec; readonly source: string } | null;
  };
  readonly gep: {
    readonly a: Dec;
    readonly b: Dec;
    readonly constantB: Dec;
    readonly growthCurrent: Dec | null;
    readonly growthConstant: Dec | null;
  };
  readonly doubleGrowth: {
    readonly value: boolean | null;
    readonly rule: string;
    readonly ruleZh: string;
    readonly gdpGrowthUsed: 'real' | 'current';
  };
  /** Ratios present in both years, with their change (b − a). */
  readonly ratios: readonly {
    readonly id: RatioId;
    readonly zh: string;
    readonly en: string;
    readonly unit: string;
    readonly a: Dec;
    readonly b: Dec;
    readonly change: Dec;
    readonly source: string;
    readonly status: string;
  }[];
  readonly trace: ApplicationTrace;
  readonly warnings: readonly GepWarning[];
}

/** A tenure audit. */
export interface TenureAudit {
  readonly kind: 'tenure-audit';
  readonly official: AuditInput['official'];
  readonly unit: string;
  readonly term: AuditInput['term'];
  readonly preparedBy: string | null;
  readonly reference: string | null;
  readonly region: string;
  readonly years: readonly number[];
  readonly baseYear: number;
  readonly threshold: DeclineThreshold;
  readonly path: readonly TermYear[];
  /** The term's change, first → last: the comparison in JSON form (per indicator QE and PE). */
  readonly comparison: ReturnType<typeof gepComparisonToJson>;
  readonly flagged: boolean;
  readonly scorecard: Scorecard | null;
  /** Coefficients with status to-verify used by any account of the term. */
  readonly toVerify: readonly { readonly id: string; readonly value: string; readonly unit: string; readonly source: string }[];
  readonly trace: ApplicationTrace;
  readonly warnings: readonly GepWarning[];
}

/** The methods of the audit. */
export const AUDIT_METHODS: readonly MethodRef[] = [
  method(
    'shanxi-2022-182',
    '(十九) 生态产品价值核算结果作为领导干部自然资源资产离任审计的重要参考；任期内造成生态产品总值严重下降的，依规依纪依法追究责任',
    'read',
    { en: 'no threshold is given for "serious"', zh: '未规定何为“严重”下降的阈值' },
  ),
  method(
    null,
    {
      en: 'GEP change at constant prices, QE/PE per indicator (src/accounts/compare.ts); flag when the change rate is below −θ',
      zh: '按不变价计的 GEP 变化，逐指标分解数量效应与价格效应（src/accounts/compare.ts）；变化率低于 −θ 时标记下降',
    },
    'not-a-standard',
    { en: 'θ is a parameter', zh: 'θ 为参数' },
  ),
];

/** The methods of the scorecard. */
export const SCORECARD_METHODS: readonly MethodRef[] = [
  method('shanxi-2022-182', '(十九) 适时对其他主体功能区实行经济发展和生态产品价值"双考核"', 'read', {
    en: 'no scoring given',
    zh: '未给出评分方法',
  }),
  method(
    'lishui-2021-gep-assessment',
    { en: '双增长双转化 as a first-level indicator of the GEP assessment', zh: '“双增长双转化”作为 GEP 考核的一级指标' },
    'read',
    { en: 'press report; the scoring is not published', zh: '新闻报道；评分方法未公布' },
  ),
  method(
    null,
    { en: 'double growth ⇔ g_GDP > 0 and g_GEP (constant prices) > 0', zh: '双增长 ⇔ g_GDP > 0 且 g_GEP（不变价）> 0' },
    'inferred',
    'applications.md §4.4 [inf]',
  ),
];

/** GDP of an account from the `economy` block of its input, in 元 (null when absent). */
export function gdpOf(
  result: GepResult<Dec>,
  input: unknown,
  path: readonly (string | number)[] = [],
): { value: Dec; basis: string } | null {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as { economy?: unknown };
  if (raw.economy === undefined) return null;
  const parsed = economyInputSchema.safeParse(raw.economy, { reportInput: true });
  if (!parsed.success) throwIssues(toGepIssues(parsed.error, [...path, 'economy']));
  const gdp = parsed.data!.gdp;
  if (!gdp) return null;
  if (gdp.priceYear !== undefined && gdp.priceYear !== result.priceYear)
    throwIssues([
      makeIssue('input.price-year', [...path, 'economy', 'gdp', 'priceYear'], {
        expected: String(result.priceYear),
        found: String(gdp.priceYear),
      }),
    ]);
  return { value: readYuan(gdp), basis: gdp.basis };
}

/** Options of `doubleAssessment`. */
export interface ScorecardOptions {
  readonly baseYear?: number;
  readonly priceIndex?: PriceIndex;
  /** Official real GDP growth over the period, a fraction, with its source. */
  readonly gdpRealGrowth?: { readonly value: Dec; readonly source: string };
  /** The comparison of a and b, when already computed. */
  readonly comparison?: GepComparison<Dec>;
}

/**
 * The double-assessment scorecard (双考核): GDP growth and GEP growth at constant prices side by
 * side, double growth, and the ratios of both years with their changes.
 *
 * @summary g_GDP and g_GEP (constant prices) side by side; double growth ⇔ both > 0
 * @param a - the earlier account (decimal path)
 * @param b - the later account
 * @param inputA - the input of a (its `economy` block gives GDP, population, realised value)
 * @param inputB - the input of b
 * @param options - base year, price index, official real GDP growth (fraction) with source
 * @returns GDP and GEP in 元 with their growth rates (fractions), double growth, ratio changes
 * @throws {GepInputError} an input without GDP (economy.gdp), a GDP at another price year
 * @example
 * doubleAssessment(acc2021, acc2022, input2021, input2022).doubleGrowth.value
 * //=> false   (the sample county: GDP +6.5 %, GEP −5.8 % at 2021 prices)
 */
export function doubleAssessment(
  a: GepResult<Dec>,
  b: GepResult<Dec>,
  inputA: unknown,
  inputB: unknown,
  options: ScorecardOptions = {},
): Scorecard {
  requireDecimal(a, 'doubleAssessment');
  requireDecimal(b, 'doubleAssessment');
  const issues: GepIssue[] = [];
  const gdpA = gdpOf(a, inputA, ['a']);
  const gdpB = gdpOf(b, inputB, ['b']);
  if (!gdpA)
    issues.push(
      makeIssue('input.required', ['a', 'economy', 'gdp'], {
        expected: {
          en: `the GDP of ${a.accountingYear} (economy.gdp), for the scorecard`,
          zh: `${a.accountingYear} 年的 GDP（economy.gdp），用于记分卡`,
        },
      }),
    );
  if (!gdpB)
    issues.push(
      makeIssue('input.required', ['b', 'economy', 'gdp'], {
        expected: {
          en: `the GDP of ${b.accountingYear} (economy.gdp), for the scorecard`,
          zh: `${b.accountingYear} 年的 GDP（economy.gdp），用于记分卡`,
        },
      }),
    );
  throwIssues(issues);
  const warnings: GepWarning[] = [];
  if (gdpA!.basis !== gdpB!.basis) warnings.push(makeWarning('scorecard-gdp-basis', { params: { a: gdpA!.basis, b: gdpB!.basis } }));
  const cmp =
    options.comparison ??
    compareGep(a, b, {
      ...(options.baseYear !== undefined ? { baseYear: options.baseYear } : {}),
      ...(options.priceIndex ? { priceIndex: options.priceIndex } : {}),
    });
  // Every warning of the comparison, compare-not-deflated included: a line carried at current prices
  // puts its price change into the GEP growth "at constant prices", as the audit and project say.
  warnings.push(...cmp.warnings);
  const growthCurrent = growth(gdpA!.value, gdpB!.value);
  const gdpUsed = options.gdpRealGrowth ? 'real' : 'current';
  const gGdp = options.gdpRealGrowth?.value ?? growthCurrent;
  const gGep = cmp.gep.constantRate;
  const doubleGrowth = gGdp === null || gGep === null ? null : gGdp.gt(0) && gGep.gt(0);
  if (!options.gdpRealGrowth) warnings.push(makeWarning('scorecard-gdp-current'));

  // Problems of an input's economy block are located under a.… or b.…, so the caller can tell which input.
  const ratiosOf = (r: GepResult<Dec>, input: unknown, which: 'a' | 'b'): RatiosResult<Dec> | null => {
    try {
      return ratiosFromAccount(r, input) as RatiosResult<Dec> | null;
    } catch (e) {
      if (e instanceof GepInputError) throw new GepInputError(e.issues.map((i) => moveIssue(i, [which, ...i.path])));
      throw e;
    }
  };
  const ra = ratiosOf(a, inputA, 'a');
  const rb = ratiosOf(b, inputB, 'b');
  const ratios: Scorecard['ratios'][number][] = [];
  for (const x of ra?.ratios ?? []) {
    const y = rb?.ratios.find((r) => r.id === x.id);
    if (!y) continue;
    ratios.push({
      id: x.id,
      zh: x.zh,
      en: x.en,
      unit: x.unit,
      a: x.value,
      b: y.value,
      change: D.subtract(y.value, x.value),
      source: x.source,
      status: x.status,
    });
  }
  const parameters: Parameter[] = [
    parameter({
      symbol: 'y_0',
      name: { en: 'constant prices of', zh: '不变价基年' },
      value: String(cmp.baseYear),
      unit: 'a',
      from:
        options.baseYear !== undefined
          ? 'input:baseYear'
          : { en: 'default: the earlier account’s price year', zh: '默认：较早一期核算的价格年份' },
      status: options.baseYear !== undefined ? 'input' : 'library-default',
    }),
    ...(options.gdpRealGrowth
      ? [
          parameter({
            symbol: 'g_GDP,real',
            name: { en: 'official real GDP growth', zh: '官方公布的 GDP 实际增长率' },
            value: D.toString(options.gdpRealGrowth.value),
            unit: '1',
            from: `input:gdpRealGrowth (${options.gdpRealGrowth.source})`,
            status: 'input',
          }),
        ]
      : []),
  ];
  const steps = [
    step(
      { en: 'GDP growth (current prices)', zh: 'GDP 增长率（现价）' },
      'g = (GDP_b − GDP_a) / GDP_a',
      { GDP_a: tv(gdpA!.value, '元', `economy.gdp ${a.accountingYear}`), GDP_b: tv(gdpB!.value, '元', `economy.gdp ${b.accountingYear}`) },
      growthCurrent ?? D.zero,
      '1',
    ),
    step(
      { en: 'GEP growth (constant prices)', zh: 'GEP 增长率（不变价）' },
      'g = (K_b − K_a) / K_a',
      {
        K_a: tv(cmp.gep.constantA.value, '元', { en: `${cmp.baseYear} prices`, zh: `${cmp.baseYear} 年价格` }),
        K_b: tv(cmp.gep.constantB.value, '元', { en: `${cmp.baseYear} prices`, zh: `${cmp.baseYear} 年价格` }),
      },
      gGep ?? D.zero,
      '1',
    ),
  ];
  return {
    kind: 'scorecard',
    region: b.region.name,
    years: { a: a.accountingYear, b: b.accountingYear },
    baseYear: cmp.baseYear,
    gdp: { a: gdpA!.value, b: gdpB!.value, basis: gdpB!.basis, growthCurrent, growthReal: options.gdpRealGrowth ?? null },
    gep: { a: cmp.gep.a.value, b: cmp.gep.b.value, constantB: cmp.gep.constantB.value, growthCurrent: cmp.gep.rate, growthConstant: gGep },
    doubleGrowth: {
      value: doubleGrowth,
      gdpGrowthUsed: gdpUsed,
      rule: `double growth ⇔ GDP growth (${gdpUsed}) > 0 and GEP growth at constant ${cmp.baseYear} prices > 0`,
      ruleZh: `双增长 ⇔ GDP 增长率（${gdpUsed === 'real' ? '不变价' : '现价'}）> 0 且 GEP 按 ${cmp.baseYear} 年不变价的增长率 > 0`,
    },
    ratios,
    trace: {
      formula: 'g_GDP = ΔGDP / GDP_a; g_GEP = (K_b − K_a) / K_a; double growth ⇔ g_GDP > 0 ∧ g_GEP > 0',
      formulaZh: 'g_GDP = ΔGDP / GDP_a；g_GEP = (K_b − K_a) / K_a；双增长 ⇔ g_GDP > 0 ∧ g_GEP > 0',
      methods: SCORECARD_METHODS,
      parameters,
      steps,
      coefficients: [],
    },
    warnings: [...warnings, ...(ra?.warnings ?? []).filter((w) => /realisation-rate/.test(w.message))],
  };
}

/** Options of `auditTenure`. */
export interface AuditOptions {
  readonly priceIndex?: PriceIndex;
}

/**
 * The GEP evidence of a tenure audit (离任审计 GEP 参考): change over the term at constant prices,
 * decomposed per indicator, the yearly path, the decline flag with its threshold and source, the
 * drivers, and the double-assessment scorecard when the inputs give GDP.
 *
 * @summary ΔK over the term at constant prices, QE/PE per indicator, flag ⇔ ΔK/K_first < −θ
 * @param input - the parsed audit file (official, term, threshold with its source, real GDP growth)
 * @param accounts - the accounts of the term in year order, each with its input (for GDP)
 * @param options - the price index for prices of other years than the base year
 * @returns the path, the comparison, the flag, the threshold with its source, the scorecard, and the to-verify coefficients
 * @throws {GepInputError} accounts out of order or of different regions, a threshold that is not a fraction
 * @example
 * auditTenure(parsed, [{ result: acc2021, input: in2021 }, { result: acc2022, input: in2022 }]).flagged
 * //=> true   (the sample county: −5.8 % at 2021 prices, beyond the default 5 %)
 */
export function auditTenure(
  input: AuditInput,
  accounts: readonly { readonly result: GepResult<Dec>; readonly input: unknown }[],
  options: AuditOptions = {},
): TenureAudit {
  const issues: GepIssue[] = [];
  const warnings: GepWarning[] = [];
  accounts.forEach((x) => requireDecimal(x.result, 'auditTenure'));
  // The accounts belong to the term: its years, or the year before it starts as the baseline (a
  // term that starts in mid-year is measured from the last account before it).
  const [startYear, endYear] = [Number(input.term.start.slice(0, 4)), Number(input.term.end.slice(0, 4))];
  if (input.term.start > input.term.end)
    issues.push(
      makeIssue('input.out-of-range', ['term'], {
        expected: { en: 'a term that ends after it starts', zh: '结束晚于开始的任期' },
        found: `${input.term.start} – ${input.term.end}`,
      }),
    );
  accounts.forEach((a, i) => {
    const year = a.result.accountingYear;
    if (year < startYear - 1 || year > endYear)
      issues.push(
        makeIssue('input.out-of-range', ['accounts', i], {
          expected: {
            en: `an account of a year of the term ${input.term.start} – ${input.term.end}, or of ${startYear - 1} as its baseline`,
            zh: `任期 ${input.term.start} – ${input.term.end} 内某一年的核算，或以 ${startYear - 1} 年为基期的核算`,
          },
          found: String(year),
        }),
      );
  });
  for (let i = 1; i < accounts.length; i++) {
    if (accounts[i]!.result.accountingYear <= accounts[i - 1]!.result.accountingYear) {
      issues.push(
        makeIssue('input.out-of-range', ['accounts', i], {
          expected: {
            en: `an account after ${accounts[i - 1]!.result.accountingYear} (accounts in year order)`,
            zh: `${accounts[i - 1]!.result.accountingYear} 年之后的核算（按年份排序）`,
          },
          found: String(accounts[i]!.result.accountingYear),
        }),
      );
    }
    if (accounts[i]!.result.region.name !== accounts[0]!.result.region.name) {
      issues.push(
        makeIssue('input.out-of-range', ['accounts', i], {
          expected: { en: `an account of ${accounts[0]!.result.region.name}`, zh: `${accounts[0]!.result.region.name}的核算` },
          found: accounts[i]!.result.region.name,
        }),
      );
    }
  }
  let threshold: DeclineThreshold;
  if (input.declineThreshold) {
    threshold = { value: readRate(input.declineThreshold), source: input.declineThreshold.source, status: 'input' };
  } else {
    threshold = {
      value: D.fromString(DEFAULT_DECLINE_THRESHOLD),
      status: 'library-default',
      source: 'library default (5 %), not a standard: shanxi-2022-182 (十九) names no threshold for a "serious" decline',
      sourceZh: '程序默认值（5 %），并非标准：shanxi-2022-182（十九）未规定“严重”下降的阈值',
    };
  }
  const realGrowth = input.gdpRealGrowth ? { value: readRate(input.gdpRealGrowth), source: input.gdpRealGrowth.source } : undefined;
  // Real GDP growth over a term, written as a plain fraction of 1 or more in size (`6` with unit `1`,
  // 600 %), is far likelier 6 % with the wrong unit. A warning, not an error (unlike a discount or
  // finance growth rate): growth over a long term of fast growth can pass 100 % (10 %/a for 8 years is
  // +114 %), and the scorecard reads only its sign (double growth ⇔ g_GDP > 0), so a scale slip
  // changes the figure shown, not the verdict. Written with `%`, it stands without a word.
  if (input.gdpRealGrowth && input.gdpRealGrowth.unit.trim() === '1' && realGrowth!.value.abs().gte(1)) {
    const value = input.gdpRealGrowth.value;
    warnings.push(
      makeWarning('growth-as-fraction', {
        path: ['gdpRealGrowth', 'value'],
        params: { field: 'gdpRealGrowth', value, percent: D.toString(D.multiply(realGrowth!.value, D.fromString('100'))) },
      }),
    );
  }
  throwIssues(issues);
  const first = accounts[0]!.result;
  const last = accounts[accounts.length - 1]!.result;
  const compareOptions = {
    ...(input.baseYear !== undefined ? { baseYear: input.baseYear } : {}),
    ...(options.priceIndex ? { priceIndex: options.priceIndex } : {}),
    declineThreshold: D.toString(threshold.value),
  };
  const cmp = compareGep(first, last, compareOptions);
  warnings.push(...cmp.warnings);
  const path: TermYear[] = [
    {
      year: first.accountingYear,
      current: first.totals.gep.value,
      priceYear: first.priceYear,
      constant: cmp.gep.constantA.value,
      constantRate: D.zero,
    },
  ];
  for (const x of accounts.slice(1, -1)) {
    const c = compareGep(first, x.result, compareOptions);
    path.push({
      year: x.result.accountingYear,
      current: x.result.totals.gep.value,
      priceYear: x.result.priceYear,
      constant: c.gep.constantB.value,
      constantRate: c.gep.constantRate,
    });
  }
  path.push({
    year: last.accountingYear,
    current: last.totals.gep.value,
    priceYear: last.priceYear,
    constant: cmp.gep.constantB.value,
    constantRate: cmp.gep.constantRate,
  });

  let scorecard: Scorecard | null = null;
  const haveGdp =
    gdpOf(first, accounts[0]!.input, ['accounts', 0]) &&
    gdpOf(last, accounts[accounts.length - 1]!.input, ['accounts', accounts.length - 1]);
  if (haveGdp) {
    try {
      scorecard = doubleAssessment(first, last, accounts[0]!.input, accounts[accounts.length - 1]!.input, {
        comparison: cmp,
        ...(realGrowth ? { gdpRealGrowth: realGrowth } : {}),
      });
    } catch (e) {
      // a.… is the first account, b.… the last: accounts[0].…, accounts[n − 1].…
      if (e instanceof GepInputError)
        throw new GepInputError(
          e.issues.map((i) => moveIssue(i, ['accounts', i.path[0] === 'a' ? 0 : accounts.length - 1, ...i.path.slice(1)])),
        );
      throw e;
    }
  } else {
    warnings.push(makeWarning('audit-no-gdp'));
  }
  const toVerify = new Map<string, { id: string; value: string; unit: string; source: string }>();
  for (const x of accounts)
    for (const c of x.result.coefficientsUsed)
      if (c.status === 'to-verify') toVerify.set(c.id, { id: c.id, value: c.value, unit: c.unit, source: c.source });

  const parameters: Parameter[] = [
    parameter({
      symbol: 'θ',
      name: { en: 'decline threshold', zh: '下降阈值' },
      value: D.toString(threshold.value),
      unit: '1',
      from:
        threshold.status === 'input'
          ? `input:declineThreshold (${threshold.source})`
          : { en: 'default: DEFAULT_DECLINE_THRESHOLD', zh: '默认：DEFAULT_DECLINE_THRESHOLD' },
      status: threshold.status,
      note: threshold.sourceZh ? { en: threshold.source, zh: threshold.sourceZh } : threshold.source,
    }),
    parameter({
      symbol: 'y_0',
      name: { en: 'constant prices of', zh: '不变价基年' },
      value: String(cmp.baseYear),
      unit: 'a',
      from:
        input.baseYear !== undefined
          ? 'input:baseYear'
          : { en: 'default: the first account’s price year', zh: '默认：第一期核算的价格年份' },
      status: input.baseYear !== undefined ? 'input' : 'library-default',
    }),
    ...(cmp.priceIndex
      ? [
          parameter({
            symbol: 'I',
            name: { en: 'price index', zh: '价格指数' },
            value: cmp.priceIndex,
            unit: '1',
            from: { en: 'input:priceIndex or the profile’s index', zh: 'input:priceIndex 或核算方案的指数' },
            status: 'input',
          }),
        ]
      : []),
  ];
  const steps = [
    step(
      { en: 'GEP change over the term at constant prices', zh: '任期内 GEP 不变价变化' },
      'ΔK = K_last − K_first = Σ_k QE_k',
      {
        K_first: tv(cmp.gep.constantA.value, '元', {
          en: `${first.accountingYear} at ${cmp.baseYear} prices`,
          zh: `${first.accountingYear} 年，按 ${cmp.baseYear} 年价格`,
        }),
        K_last: tv(cmp.gep.constantB.value, '元', {
          en: `${last.accountingYear} at ${cmp.baseYear} prices`,
          zh: `${last.accountingYear} 年，按 ${cmp.baseYear} 年价格`,
        }),
      },
      cmp.gep.constantChange.value,
      '元',
    ),
    step(
      { en: 'change rate', zh: '变化率' },
      'ΔK / K_first',
      {
        ΔK: tv(cmp.gep.constantChange.value, '元', { en: 'step', zh: '步骤' }),
        K_first: tv(cmp.gep.constantA.value, '元', { en: 'step', zh: '步骤' }),
      },
      cmp.gep.constantRate ?? D.zero,
      '1',
    ),
    step(
      { en: 'decline flag', zh: '下降标记' },
      { en: 'flagged ⇔ ΔK / K_first < −θ', zh: '标记 ⇔ ΔK / K_first < −θ' },
      {
        θ: tv(threshold.value, '1', threshold.status === 'input' ? 'input:declineThreshold' : { en: 'library default', zh: '程序默认' }),
      },
      cmp.decline.flagged ? D.one : D.zero,
      '1',
      cmp.decline.flagged ? { en: 'flagged (1)', zh: '已标记（1）' } : { en: 'not flagged (0)', zh: '未标记（0）' },
    ),
  ];
  return {
    kind: 'tenure-audit',
    official: input.official,
    unit: input.unit,
    term: input.term,
    preparedBy: input.preparedBy ?? null,
    reference: input.reference ?? null,
    region: last.region.name,
    years: accounts.map((x) => x.result.accountingYear),
    baseYear: cmp.baseYear,
    threshold,
    path,
    comparison: gepComparisonToJson(cmp),
    flagged: cmp.decline.flagged,
    scorecard,
    toVerify: [...toVerify.values()],
    trace: {
      formula: 'ΔK = K_last − K_first = Σ_k (QE_k); ΔV = QE + PE; flagged ⇔ ΔK / K_first < −θ',
      formulaZh: 'ΔK = K_last − K_first = Σ_k (QE_k)；ΔV = QE + PE；标记 ⇔ ΔK / K_first < −θ',
      methods: AUDIT_METHODS,
      parameters,
      steps,
      coefficients: [],
    },
    warnings,
  };
}

/** Parse an audit file (every issue located). */
export function parseAudit(raw: unknown): AuditInput {
  return parseInput(auditSchema, raw);
}

/** The JSON form of a tenure audit. */
export function tenureAuditToJson(a: TenureAudit) {
  return toJsonData(a);
}
/** The JSON shape of a tenure audit. */
export type TenureAuditJson = ReturnType<typeof tenureAuditToJson>;

/** The JSON form of a scorecard. */
export function scorecardToJson(s: Scorecard) {
  return toJsonData(s);
}
/** The JSON shape of a scorecard. */
export type ScorecardJson = ReturnType<typeof scorecardToJson>;
