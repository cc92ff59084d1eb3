/**
 * Horizontal eco-compensation between an upstream and a downstream region, from the water that
 * crosses their boundary (流域上下游横向生态保护补偿; shanxi-2022-182 (十七), read: it asks for
 * upstream–downstream agreements and names no method). Two rules:
 *
 * `quality-index` — the Xin'an River (新安江) compensation index at the boundary section:
 *   P = k0 · Σ_i k_i · C_i / C_i0
 * C_i the annual mean concentration of indicator i at the section, C_i0 its baseline (基本限值),
 * k_i the indicator weights (Σ = 1; equal by default — Xin'an: permanganate index, NH₃-N, TN, TP,
 * 0.25 each), k0 the water-quality stability coefficient (0.85). P ≤ P* (1): the downstream region
 * pays the upstream one the agreed amount; P > P*: the upstream region pays the downstream one.
 * The formula, k0, the weights and the direction rule are recalled (xinan-2011-pilot, applications.md
 * §4.3e [R]): k0 and P* are read from the coefficient table applications/1.0.0 (status to-verify)
 * unless the input gives them; the amounts are the parties' agreement and always inputs.
 *
 * `excess-load` — quantity × quality (not a standard): the pollutant load above the agreed target,
 * valued at a unit treatment cost,
 *   E_i = (C_i − T_i) · W,   M = Σ_i E_i · c_i
 * W the annual volume crossing the section (m³/a), T_i the target concentration, c_i the cost of
 * removing a tonne (元/t). M > 0: the upstream region pays the downstream one M. Below target
 * (E_i < 0) counts only when `rewardBelowTarget` is set: then M is signed and M < 0 means the
 * downstream region pays |M|. The replacement-cost logic follows geng-2018-replacement-cost (abstract
 * read: its unit costs are power functions of concentration, which this linear rule does not
 * reproduce; the amount is a lower bound there).
 *
 * Concentrations in any mass-per-volume unit (`g/m³`; `mg/L` is read as `g/m³`, the same quantity).
 */
import * as z from 'zod';
import { makeIssue, type GepIssue, type GepWarning } from '../errors/errors.js';
import { makeWarning } from '../errors/warnings/index.js';
import { getCoefficientTable } from '../coefficients/tables.js';
import { CoefficientReader, makeCoefficientSet } from '../coefficients/resolve.js';
import type { CoefficientUse } from '../coefficients/types.js';
import { multiplyInto } from '../units/units.js';
import { readAmount } from '../indicators/compute.js';
import {
  amountInput,
  checkPriceYear,
  checkUnique,
  coefficientParameter,
  D,
  inputParameter,
  method,
  moneyAmount,
  parameter,
  readRate,
  readYuan,
  shareInput,
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

/** The coefficient table the applications read. */
export const APPLICATIONS_TABLE = 'applications/1.0.0';

/** `mg/L` is `g/m³`: the alias is mapped here, at the input's edge. */
const concentration = z.preprocess(
  (v) => (v !== null && typeof v === 'object' && (v as { unit?: unknown }).unit === 'mg/L' ? { ...(v as object), unit: 'g/m³' } : v),
  amountInput('g/m³'),
);

const party = z.strictObject({
  name: z.string().min(1),
  code: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

/** A horizontal water compensation file (`gep eco-compensation`, method `horizontal-water`). */
export const horizontalWaterSchema = z.strictObject({
  method: z.literal('horizontal-water'),
  /** Year of the monitoring data. */
  year: yearInput,
  /** Price year of the amounts. */
  priceYear: yearInput,
  upstream: party,
  downstream: party,
  section: z.strictObject({ name: z.string().min(1), description: z.string().min(1).optional() }),
  rule: z.enum(['quality-index', 'excess-load']),
  qualityIndex: z
    .strictObject({
      indicators: z
        .array(z.strictObject({ name: z.string().min(1), concentration, baseline: concentration, weight: shareInput.optional() }))
        .min(1),
      /** k0; default the table's `xinan.stability-coefficient`. */
      stabilityCoefficient: amountInput('1').optional(),
      /** P*; default the table's `xinan.index-limit`. */
      indexLimit: amountInput('1').optional(),
      /** The agreed amounts in each direction. */
      amounts: z.strictObject({ downstreamPays: moneyAmount, upstreamPays: moneyAmount }),
    })
    .optional(),
  excessLoad: z
    .strictObject({
      /** Annual volume of water crossing the section. */
      flow: amountInput('m³/a'),
      pollutants: z
        .array(z.strictObject({ name: z.string().min(1), concentration, target: concentration, unitCost: amountInput('元/t') }))
        .min(1),
      /** Count loads below target as a payment downstream → upstream (default false). */
      rewardBelowTarget: z.boolean().optional(),
    })
    .optional(),
});
/** A horizontal water compensation file as parsed. */
export type HorizontalWaterInput = z.infer<typeof horizontalWaterSchema>;

/** A payment between two parties. */
export interface Transfer {
  readonly from: string;
  readonly to: string;
  /** 元, ≥ 0. */
  readonly amount: Dec;
  readonly basis: string;
  readonly basisZh: string;
}

/** One indicator of the quality index. */
export interface IndexTerm {
  readonly name: string;
  /** g/m³ (= mg/L). */
  readonly concentration: Dec;
  readonly baseline: Dec;
  readonly weight: Dec;
  /** C / C0. */
  readonly ratio: Dec;
  /** k_i · C / C0. */
  readonly weighted: Dec;
}

/** One pollutant of the excess-load rule. */
export interface LoadTerm {
  readonly name: string;
  readonly concentration: Dec;
  readonly target: Dec;
  /** E_i, t/a (negative below target). */
  readonly excessLoad: Dec;
  /** 元/t. */
  readonly unitCost: Dec;
  /** E_i · c_i, 元 (0 below target unless rewarded). */
  readonly amount: Dec;
  readonly counted: boolean;
}

/** A horizontal water compensation. */
export interface HorizontalWaterCompensation {
  readonly kind: 'horizontal-water';
  readonly year: number;
  readonly priceYear: number;
  readonly upstream: string;
  readonly downstream: string;
  readonly section: HorizontalWaterInput['section'];
  readonly rule: 'quality-index' | 'excess-load';
  readonly qualityIndex: { readonly terms: readonly IndexTerm[]; readonly k0: Dec; readonly p: Dec; readonly limit: Dec } | null;
  readonly excessLoad: { readonly flow: Dec; readonly terms: readonly LoadTerm[]; readonly net: Dec } | null;
  /** The payment (null when nothing is due). */
  readonly transfer: Transfer | null;
  readonly trace: ApplicationTrace;
  readonly warnings: readonly GepWarning[];
}

/** Methods of the two rules. */
export const HORIZONTAL_METHODS: Readonly<Record<'quality-index' | 'excess-load', readonly MethodRef[]>> = {
  'quality-index': [
    method('shanxi-2022-182', '(十七) 流域下游与上游自愿协商建立横向补偿关系', 'read', {
      en: 'asks for agreements; no method',
      zh: '要求协商订立协议；未给出方法',
    }),
    method(
      'xinan-2011-pilot',
      {
        en: 'P = k0 · Σ k_i · C_i / C_i0; P ≤ 1 downstream pays, P > 1 upstream pays',
        zh: 'P = k0 · Σ k_i · C_i / C_i0；P ≤ 1 时下游支付，P > 1 时上游支付',
      },
      'recalled',
      {
        en: 'applications.md §4.3e [R]: the formula was not visible in the pages read',
        zh: 'applications.md §4.3e [R]：所读页面中未见该公式',
      },
    ),
  ],
  'excess-load': [
    method('shanxi-2022-182', '(十七) 流域下游与上游自愿协商建立横向补偿关系', 'read', {
      en: 'asks for agreements; no method',
      zh: '要求协商订立协议；未给出方法',
    }),
    method(
      'geng-2018-replacement-cost',
      {
        en: 'replacement cost of the excess pollutant load; direction by water quality against the agreed class',
        zh: '超标污染负荷的替代成本；按水质与约定类别比较确定支付方向',
      },
      'inferred',
      { en: 'abstract read; its cost functions are not reproduced', zh: '只读了摘要；未复现其成本函数' },
    ),
    method(null, 'M = Σ (C_i − T_i) · W · c_i', 'not-a-standard'),
  ],
};

/**
 * Upstream–downstream compensation from the water crossing a boundary section (流域横向生态补偿):
 * the Xin'an quality index (recalled) or the excess-load rule (not a standard).
 *
 * @summary P = k0 · Σ k_i · C_i/C_i0 (direction by P ≤ P*), or M = Σ (C_i − T_i) · W · c_i
 * @param input - the parsed file: parties, section, rule, concentrations (g/m³), baselines or targets, flow (m³/a), unit costs (元/t), agreed amounts (元)
 * @param options - overrides of the table's k0 and P* and strict mode (refuses the to-verify coefficients)
 * @returns the index or loads, the payment (from, to, 元) and the trace with the coefficients used
 * @throws {GepInputError} the block of the chosen rule missing, weights not adding up to 1, a price year that differs
 * @example
 * // C/C0 = 1.1, 0.9, 1.0, 0.8 with equal weights and the table's k0 = 0.85
 * waterCompensation(parsed).qualityIndex.p.toString()
 * //=> '0.8075'   (0.85 × 0.95 ≤ 1: the downstream region pays the upstream one)
 */
export function waterCompensation(input: HorizontalWaterInput, options: { readonly strict?: boolean } = {}): HorizontalWaterCompensation {
  const issues: GepIssue[] = [];
  const warnings: GepWarning[] = [];
  const parameters: Parameter[] = [];
  const steps = [];
  const { set } = makeCoefficientSet(getCoefficientTable(APPLICATIONS_TABLE), [], { strict: options.strict ?? false });
  const reader = new CoefficientReader(D, set);
  const up = input.upstream.name;
  const down = input.downstream.name;
  if (up === down) issues.push(makeIssue('input.duplicate', ['downstream', 'name'], { found: down }));
  let qualityIndex: HorizontalWaterCompensation['qualityIndex'] = null;
  let excessLoad: HorizontalWaterCompensation['excessLoad'] = null;
  let transfer: Transfer | null = null;
  const g = (m: { value: string; unit: string }) => readAmount(D, m, 'g/m³').value;

  if (input.rule === 'quality-index') {
    const q = input.qualityIndex;
    if (!q)
      throwIssues([
        ...issues,
        makeIssue('input.required', ['qualityIndex'], {
          expected: {
            en: 'the qualityIndex block (indicators, amounts) for rule quality-index',
            zh: '规则 quality-index 所需的 qualityIndex（indicators、amounts）',
          },
        }),
      ]);
    const block = q!;
    checkUnique(
      block.indicators.map((i) => i.name),
      ['qualityIndex', 'indicators'],
      'name',
      issues,
    );
    checkPriceYear(block.amounts.downstreamPays, input.priceYear, ['qualityIndex', 'amounts', 'downstreamPays'], issues);
    checkPriceYear(block.amounts.upstreamPays, input.priceYear, ['qualityIndex', 'amounts', 'upstreamPays'], issues);
    const given = block.indicators.filter((i) => i.weight).length;
    if (given !== 0 && given !== block.indicators.length)
      issues.push(
        makeIssue('input.required', ['qualityIndex', 'indicators', block.indicators.findIndex((i) => !i.weight), 'weight'], {
          expected: { en: 'a weight for every indicator, or for none (equal weights)', zh: '为每个指标都给出权重，或都不给出（等权）' },
        }),
      );
    const n = block.indicators.length;
    const weights = block.indicators.map((i) => (i.weight ? readRate(i.weight) : D.divide(D.one, D.fromString(String(n)))));
    if (given === n && !D.sum(weights).eq(1))
      issues.push(
        makeIssue('input.out-of-range', ['qualityIndex', 'indicators'], {
          expected: { en: 'weights that add up to exactly 1', zh: '合计恰好为 1 的权重' },
          found: D.toString(D.sum(weights)),
        }),
      );
    block.indicators.forEach((i, k) => {
      if (g(i.baseline).isZero())
        issues.push(
          makeIssue('input.out-of-range', ['qualityIndex', 'indicators', k, 'baseline', 'value'], {
            expected: { en: 'a baseline concentration > 0', zh: '大于 0 的基准浓度' },
            found: i.baseline.value,
          }),
        );
    });
    throwIssues(issues);
    const k0Use = block.stabilityCoefficient ? null : reader.get('xinan.stability-coefficient', ['qualityIndex', 'stabilityCoefficient']);
    const k0 = block.stabilityCoefficient ? readRate(block.stabilityCoefficient) : k0Use!.value;
    const limitUse = block.indexLimit ? null : reader.get('xinan.index-limit', ['qualityIndex', 'indexLimit']);
    const limit = block.indexLimit ? readRate(block.indexLimit) : limitUse!.value;
    const k0Name = { en: 'water-quality stability coefficient', zh: '水质稳定系数' };
    const limitName = { en: 'index limit', zh: '补偿指数限值' };
    const weightsName = { en: 'indicator weights', zh: '指标权重' };
    parameters.push(
      k0Use ? coefficientParameter(k0Name, k0Use.use) : inputParameter('k0', k0Name, k0, '1', ['qualityIndex', 'stabilityCoefficient']),
    );
    parameters.push(
      limitUse
        ? coefficientParameter(limitName, limitUse.use)
        : inputParameter('P*', limitName, limit, '1', ['qualityIndex', 'indexLimit']),
    );
    parameters.push(
      given
        ? inputParameter('k_i', weightsName, weights.map((w) => D.toString(w)).join(', '), '1', ['qualityIndex', 'indicators'])
        : parameter({
            symbol: 'k_i',
            name: weightsName,
            value: weights.map((w) => D.toString(w)).join(', '),
            unit: '1',
            from: { en: `default: equal weights 1/${n}`, zh: `默认：等权 1/${n}` },
            status: 'library-default',
            note: { en: 'Xin’an: four indicators, 0.25 each (recalled)', zh: '新安江：四项指标，各 0.25（凭记忆）' },
          }),
    );
    const terms: IndexTerm[] = block.indicators.map((i, k) => {
      const c = g(i.concentration);
      const c0 = g(i.baseline);
      const ratio = D.divide(c, c0);
      return { name: i.name, concentration: c, baseline: c0, weight: weights[k]!, ratio, weighted: D.multiply(weights[k]!, ratio) };
    });
    const p = D.multiply(k0, D.sum(terms.map((t) => t.weighted)));
    steps.push(
      ...terms.map((t, k) =>
        step(
          { en: `C/C0: ${t.name}`, zh: `C/C0：${t.name}` },
          'k_i · C_i / C_i0',
          {
            C: tv(t.concentration, 'g/m³', `input:qualityIndex.indicators[${k}].concentration`),
            C0: tv(t.baseline, 'g/m³', `input:qualityIndex.indicators[${k}].baseline`),
            k_i: tv(t.weight, '1', { en: 'parameter', zh: '参数' }),
          },
          t.weighted,
          '1',
        ),
      ),
    );
    steps.push(
      step(
        { en: 'compensation index', zh: '补偿指数' },
        'P = k0 · Σ k_i · C_i / C_i0',
        {
          k0: tv(k0, '1', { en: 'parameter', zh: '参数' }),
          Σ: tv(D.sum(terms.map((t) => t.weighted)), '1', { en: 'steps', zh: '各步骤' }),
        },
        p,
        '1',
      ),
    );
    const downstreamPays = p.lte(limit);
    const amount = readYuan(downstreamPays ? block.amounts.downstreamPays : block.amounts.upstreamPays);
    parameters.push(
      inputParameter(
        'M_d',
        { en: 'amount the downstream region pays when P ≤ P*', zh: 'P ≤ P* 时下游支付的金额' },
        readYuan(block.amounts.downstreamPays),
        '元',
        ['qualityIndex', 'amounts', 'downstreamPays'],
      ),
    );
    parameters.push(
      inputParameter(
        'M_u',
        { en: 'amount the upstream region pays when P > P*', zh: 'P > P* 时上游支付的金额' },
        readYuan(block.amounts.upstreamPays),
        '元',
        ['qualityIndex', 'amounts', 'upstreamPays'],
      ),
    );
    transfer = amount.isZero()
      ? null
      : downstreamPays
        ? { from: down, to: up, amount, basis: 'P ≤ P*: the water kept its baseline quality', basisZh: 'P ≤ P*：水质保持在基准水平' }
        : { from: up, to: down, amount, basis: 'P > P*: the water is worse than its baseline', basisZh: 'P > P*：水质差于基准水平' };
    qualityIndex = { terms, k0, p, limit };
  } else {
    const e = input.excessLoad;
    if (!e)
      throwIssues([
        ...issues,
        makeIssue('input.required', ['excessLoad'], {
          expected: {
            en: 'the excessLoad block (flow, pollutants) for rule excess-load',
            zh: '规则 excess-load 所需的 excessLoad（flow、pollutants）',
          },
        }),
      ]);
    const block = e!;
    checkUnique(
      block.pollutants.map((p) => p.name),
      ['excessLoad', 'pollutants'],
      'name',
      issues,
    );
    block.pollutants.forEach((p, k) => checkPriceYear(p.unitCost, input.priceYear, ['excessLoad', 'pollutants', k, 'unitCost'], issues));
    throwIssues(issues);
    const flow = readAmount(D, block.flow, 'm³/a').value;
    const reward = block.rewardBelowTarget ?? false;
    parameters.push(
      inputParameter('W', { en: 'annual volume crossing the section', zh: '年过境水量' }, flow, 'm³/a', ['excessLoad', 'flow']),
    );
    parameters.push(
      parameter({
        symbol: 'reward',
        name: { en: 'loads below target count as a payment downstream → upstream', zh: '低于目标的负荷计为下游向上游的支付' },
        value: String(reward),
        unit: '',
        from: block.rewardBelowTarget === undefined ? { en: 'default: no', zh: '默认：否' } : 'input:excessLoad.rewardBelowTarget',
        status: block.rewardBelowTarget === undefined ? 'library-default' : 'input',
      }),
    );
    const terms: LoadTerm[] = block.pollutants.map((p, k) => {
      const c = g(p.concentration);
      const t = g(p.target);
      const excessLoad = multiplyInto(D, D.subtract(c, t), 'g/m³', flow, 'm³/a', 't/a');
      const unitCost = readAmount(D, p.unitCost, '元/t').value;
      const counted = excessLoad.gt(0) || reward;
      const amount = counted ? D.multiply(excessLoad, unitCost) : D.zero;
      steps.push(
        step(
          { en: `excess load: ${p.name}`, zh: `超标负荷：${p.name}` },
          'E = (C − T) · W; M_i = E · c',
          {
            C: tv(c, 'g/m³', `input:excessLoad.pollutants[${k}].concentration`),
            T: tv(t, 'g/m³', `input:excessLoad.pollutants[${k}].target`),
            W: tv(flow, 'm³/a', 'input:excessLoad.flow'),
            c: tv(unitCost, '元/t', `input:excessLoad.pollutants[${k}].unitCost`),
          },
          amount,
          '元',
          {
            en: `E = ${D.toString(excessLoad)} t/a${counted ? '' : ' (below target, not counted)'}`,
            zh: `E = ${D.toString(excessLoad)} t/a${counted ? '' : '（低于目标，不计入）'}`,
          },
        ),
      );
      return { name: p.name, concentration: c, target: t, excessLoad, unitCost, amount, counted };
    });
    const net = D.sum(terms.map((t) => t.amount));
    steps.push(
      step(
        { en: 'payment', zh: '支付额' },
        'M = Σ M_i',
        Object.fromEntries(terms.map((t) => [t.name, tv(t.amount, '元', { en: 'step', zh: '步骤' })])),
        net,
        '元',
      ),
    );
    transfer = net.gt(0)
      ? {
          from: up,
          to: down,
          amount: net,
          basis: 'pollutant load above target, at its treatment cost',
          basisZh: '污染负荷高于目标，按其治理成本',
        }
      : net.lt(0)
        ? {
            from: down,
            to: up,
            amount: D.negate(net),
            basis: 'pollutant load below target, at its treatment cost (rewardBelowTarget)',
            basisZh: '污染负荷低于目标，按其治理成本（rewardBelowTarget）',
          }
        : null;
    excessLoad = { flow, terms, net };
  }

  const coefficients: CoefficientUse[] = reader.uses();
  if (coefficients.some((c) => c.status === 'to-verify')) {
    const toVerify = coefficients.filter((c) => c.status === 'to-verify').map((c) => `${c.id} = ${c.value} (${c.source})`);
    warnings.push(
      makeWarning('coefficient-to-verify', {
        params: { count: toVerify.length, list: { en: toVerify.join('; '), zh: toVerify.join('；') } },
      }),
    );
  }
  return {
    kind: 'horizontal-water',
    year: input.year,
    priceYear: input.priceYear,
    upstream: up,
    downstream: down,
    section: input.section,
    rule: input.rule,
    qualityIndex,
    excessLoad,
    transfer,
    trace: {
      formula:
        input.rule === 'quality-index'
          ? 'P = k0 · Σ_i k_i · C_i / C_i0; P ≤ P*: downstream pays M_d; P > P*: upstream pays M_u'
          : 'E_i = (C_i − T_i) · W; M = Σ_i E_i · c_i (E_i < 0 counted only with rewardBelowTarget); M > 0 upstream pays, M < 0 downstream pays',
      formulaZh:
        input.rule === 'quality-index'
          ? 'P = k0 · Σ_i k_i · C_i / C_i0；P ≤ P* 时下游支付 M_d；P > P* 时上游支付 M_u'
          : 'E_i = (C_i − T_i) · W；M = Σ_i E_i · c_i（E_i < 0 仅在 rewardBelowTarget 时计入）；M > 0 上游支付，M < 0 下游支付',
      methods: HORIZONTAL_METHODS[input.rule],
      parameters,
      steps,
      coefficients,
    },
    warnings,
  };
}

/** The JSON form of a horizontal water compensation. */
export function waterCompensationToJson(h: HorizontalWaterCompensation) {
  return toJsonData(h);
}
/** The JSON shape of a horizontal water compensation. */
export type WaterCompensationJson = ReturnType<typeof waterCompensationToJson>;
