/**
 * Uncertain parameters of an account (不确定参数): the items of an uncertainty specification (and
 * the default distributions of to-verify coefficients) resolved against a compiled plan: each a
 * slot of the plan, its unit, the value the account uses and a distribution in that unit.
 */
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../errors/errors.js';
import type { Text } from '../errors/text.js';
import { makeWarning } from '../errors/warnings/index.js';
import type { AmountRules } from '../indicators/input-schema.js';
import { profileIndicators } from '../indicators/local/attach.js';
import { toGepIssues } from '../indicators/input-schema.js';
import type { CoefficientUse } from '../coefficients/types.js';
import { decimalArithmetic } from '../numbers/arithmetic.js';
import { asFlowUnit, conversionRatio, convert, sameDimensionUnits } from '../units/units.js';
import type { GepPlan } from '../plan/plan.js';
import { SLOT_OPEN } from '../plan/tape.js';
import { defaultDistribution } from './defaults.js';
import type { Distribution } from './distributions.js';
import { parsePath, uncertaintySpecSchema, type DistributionSpec, type UncertaintySpec } from './spec.js';

/** One uncertain parameter, resolved. */
export interface UncertainParameter {
  readonly kind: 'input' | 'coefficient';
  /** The input path as the specification writes it, or the coefficient id. */
  readonly key: string;
  readonly slot: number;
  /** The path of the slot in the input (inputs; [] for coefficients). */
  readonly slotPath: readonly (string | number)[];
  /** Unit of the value and of the distribution (a coefficient's row unit, at its price year). */
  readonly unit: string;
  readonly priceYear: number | null;
  /** The value the account uses, as given, and as a number. */
  readonly baseText: string;
  readonly base: number;
  readonly distribution: Distribution;
  /** The uniform draw it takes: its own, or one shared by name. */
  readonly draw: number;
  readonly shared?: string;
  /** `specification`, or the default's origin (`default, one source (…): ±30 %`). */
  readonly origin: string;
  /** The origin in Chinese (`设定`, `默认：单一来源（…）：±30 %`). */
  readonly originZh: string;
  readonly source?: string;
  /** Value rules of an input amount (sign, bound), to refuse draws its schema would refuse. */
  readonly check: ((x: number) => Text | null) | null;
  /** Status of a coefficient as used (verified, derived, to-verify, user-override). */
  readonly status?: string;
}

/** The resolved parameters, the number of independent draws, and warnings (items the account does not read). */
export interface ResolvedParameters {
  readonly parameters: readonly UncertainParameter[];
  readonly draws: number;
  readonly warnings: readonly GepWarning[];
}

/** Validate an uncertainty specification (a `GepInputError` located under `uncertainty` when it is not one). */
export function parseUncertaintySpec(spec: unknown): UncertaintySpec {
  const parsed = uncertaintySpecSchema.safeParse(spec ?? {}, { reportInput: true });
  if (!parsed.success) throw new GepInputError(toGepIssues(parsed.error, ['uncertainty']));
  return parsed.data;
}

/** The coefficients the plan's first tape read, as used (with their real value texts). */
export function coefficientUses(plan: GepPlan): CoefficientUse[] {
  const uses = plan.tapes[0]!.template.coefficientsUsed;
  return uses.map((u) => {
    const slot = plan.coefficientSlot(u.id);
    return u.value.includes(SLOT_OPEN) && slot !== undefined ? { ...u, value: plan.defaults[slot]! } : u;
  });
}

/** An input amount's rules as a check of a drawn number (in the amount's own unit). */
/** `specification` in Chinese: a distribution the user's specification gives. */
const SPECIFIED_ZH = '不确定性设定';

function inputCheck(rules: AmountRules | null, unit: string | null, key: string): UncertainParameter['check'] {
  if (!rules) return null;
  let factor = 1;
  if (rules.max !== undefined && rules.referenceUnit !== null && unit !== null) {
    const r = conversionRatio(asFlowUnit(unit, rules.referenceUnit), rules.referenceUnit);
    factor = Number(r.n) / Number(r.d);
  }
  const max = rules.max === undefined ? Infinity : Number(rules.max);
  return (x) =>
    rules.nonNegative && x < 0
      ? { en: `a negative value of ${key}`, zh: `${key} 的负值` }
      : x * factor > max
        ? { en: `a value of ${key} above ${rules.max} ${rules.referenceUnit}`, zh: `${key} 超过 ${rules.max} ${rules.referenceUnit} 的值` }
        : null;
}

/**
 * Resolve `spec` against `plan`: every item to a slot and a distribution in the slot's unit, plus
 * the default distributions of the to-verify coefficients the account reads (unless `defaults:
 * "none"`). Throws `GepInputError` listing every problem of the specification.
 */
export function resolveParameters(
  plan: GepPlan,
  spec: UncertaintySpec,
  extra: (use: CoefficientUse) => Distribution | null = () => null,
): ResolvedParameters {
  const issues: GepIssue[] = [];
  const warnings: GepWarning[] = [];
  const parameters: UncertainParameter[] = [];
  const drawOf = new Map<string, number>();
  let draws = 0;
  const nextDraw = (shared: string | undefined) => {
    if (shared === undefined) return draws++;
    let d = drawOf.get(shared);
    if (d === undefined) drawOf.set(shared, (d = draws++));
    return d;
  };
  const read = new Set(plan.tapes.flatMap((t) => t.full.slotsRead()));
  const taken = new Set<number>();
  // Built-in indicators and the profile's local ones.
  const ids = new Set(profileIndicators(plan.profile).keys());

  (spec.inputs ?? []).forEach((item, i) => {
    const at = ['uncertainty', 'inputs', i];
    const path = parsePath(item.path, ids);
    const slot = plan.inputSlot([...path, 'value']) ?? plan.inputSlot(path);
    const info = slot === undefined ? undefined : plan.slotInfo[slot];
    if (slot === undefined || info?.kind !== 'input' || info.info.kind !== 'number') {
      issues.push(
        makeIssue('input.unknown-field', [...at, 'path'], {
          found: item.path,
          expected: { en: 'the path of an amount or number in the account input', zh: '核算输入中某个数量或数值的路径' },
        }),
      );
      return;
    }
    if (taken.has(slot)) {
      issues.push(makeIssue('input.duplicate', [...at, 'path'], { found: item.path }));
      return;
    }
    taken.add(slot);
    const unit = info.info.unit ?? '1';
    const baseText = plan.defaults[slot]!;
    const base = decimalArithmetic.fromString(baseText).toNumber();
    const distribution = resolveDistribution(item.distribution, base, unit, [...at, 'distribution'], issues);
    if (!read.has(slot))
      warnings.push(
        makeWarning('uncertainty-unused', { path: at, params: { what: item.path, account: { en: 'the GEP account', zh: 'GEP 核算' } } }),
      );
    if (distribution) {
      parameters.push({
        kind: 'input',
        key: item.path,
        slot,
        slotPath: info.info.path,
        unit,
        priceYear: null,
        baseText,
        base,
        distribution,
        draw: nextDraw(item.shared),
        ...(item.shared ? { shared: item.shared } : {}),
        origin: 'specification',
        originZh: SPECIFIED_ZH,
        ...(item.source ? { source: item.source } : {}),
        check: inputCheck(info.info.rules, info.info.unit, item.path),
      });
    }
  });

  const uses = new Map(coefficientUses(plan).map((u) => [u.id, u]));
  const named = new Set<string>();
  (spec.coefficients ?? []).forEach((item, i) => {
    const at = ['uncertainty', 'coefficients', i];
    named.add(item.id);
    const use = uses.get(item.id);
    const slot = plan.coefficientSlot(item.id);
    if (!use || slot === undefined) {
      if (plan.tapes[0]!.template.coefficientTable && !tableHas(plan, item.id))
        issues.push(
          makeIssue('coefficient.unknown', [...at, 'id'], { found: item.id, expected: plan.tapes[0]!.template.coefficientTable }),
        );
      else
        warnings.push(
          makeWarning('uncertainty-unused', {
            path: at,
            params: { what: { en: `coefficient ${item.id}`, zh: `系数 ${item.id}` }, account: { en: 'this account', zh: '本次核算' } },
          }),
        );
      return;
    }
    if (taken.has(slot)) {
      issues.push(makeIssue('input.duplicate', [...at, 'id'], { found: item.id }));
      return;
    }
    taken.add(slot);
    const base = decimalArithmetic.fromString(use.value).toNumber();
    const distribution = resolveDistribution(item.distribution, base, use.unit, [...at, 'distribution'], issues);
    if (distribution) {
      parameters.push({
        kind: 'coefficient',
        key: item.id,
        slot,
        slotPath: [],
        unit: use.unit,
        priceYear: use.priceYear,
        baseText: use.value,
        base,
        distribution,
        draw: nextDraw(item.shared),
        ...(item.shared ? { shared: item.shared } : {}),
        origin: 'specification',
        originZh: SPECIFIED_ZH,
        ...(item.source ? { source: item.source } : {}),
        check: null,
        status: use.status,
      });
    }
  });
  if (issues.length) throw new GepInputError(issues);

  for (const use of uses.values()) {
    if (named.has(use.id)) continue;
    const slot = plan.coefficientSlot(use.id);
    if (slot === undefined || taken.has(slot)) continue;
    const byDefault = (spec.defaults ?? 'to-verify') === 'to-verify' ? defaultDistribution(use) : null;
    const distribution = byDefault?.distribution ?? extra(use);
    if (!distribution) continue;
    taken.add(slot);
    parameters.push({
      kind: 'coefficient',
      key: use.id,
      slot,
      slotPath: [],
      unit: use.unit,
      priceYear: use.priceYear,
      baseText: use.value,
      base: decimalArithmetic.fromString(use.value).toNumber(),
      distribution,
      draw: nextDraw(undefined),
      origin: byDefault ? `default: ${byDefault.origin}` : 'sensitivity range (no stated uncertainty)',
      originZh: byDefault ? `默认：${byDefault.originZh}` : '敏感性范围（未说明不确定性）',
      check: null,
      status: use.status,
    });
  }
  return { parameters, draws, warnings };
}

function tableHas(plan: GepPlan, id: string): boolean {
  return plan.tableHas(id);
}

/** A distribution's parameters in `unit`: amounts converted, factors applied to `base`. */
function resolveDistribution(
  d: DistributionSpec,
  base: number,
  unit: string,
  at: (string | number)[],
  issues: GepIssue[],
): Distribution | null {
  let ok = true;
  const value = (
    p: { value: string; unit: string } | { factor: string } | undefined,
    field: string | number,
    fallback?: number,
  ): number => {
    if (p === undefined) return fallback ?? base;
    if ('factor' in p) return base * decimalArithmetic.fromString(p.factor).toNumber();
    if (!sameDimensionUnits(p.unit, unit)) {
      issues.push(
        makeIssue('input.unit-dimension', [...at, field, 'unit'], {
          expected: { en: `the dimension of ${unit}`, zh: `${unit} 的量纲` },
          found: p.unit,
        }),
      );
      ok = false;
      return NaN;
    }
    return convert(decimalArithmetic, decimalArithmetic.fromString(p.value), p.unit, unit).toNumber();
  };
  const range = (expected: Text, holds: boolean) => {
    if (!holds) {
      issues.push(makeIssue('input.out-of-range', at, { expected, found: JSON.stringify(d) }));
      ok = false;
    }
  };
  let out: Distribution;
  switch (d.type) {
    case 'normal': {
      const sd = value(d.sd, 'sd');
      out = { type: 'normal', mean: value(d.mean, 'mean'), sd: Math.abs(sd) };
      range({ en: 'a standard deviation ≥ 0', zh: '不小于 0 的标准差' }, sd >= 0 || Number.isNaN(sd));
      break;
    }
    case 'lognormal': {
      const median = value(d.median, 'median');
      const gsd = decimalArithmetic.fromString(d.gsd).toNumber();
      out = { type: 'lognormal', median, gsd };
      range(
        { en: 'a median > 0 and a geometric standard deviation ≥ 1', zh: '大于 0 的中位数，且不小于 1 的几何标准差' },
        (median > 0 || Number.isNaN(median)) && gsd >= 1,
      );
      break;
    }
    case 'triangular': {
      out = { type: 'triangular', min: value(d.min, 'min'), mode: value(d.mode, 'mode'), max: value(d.max, 'max') };
      range({ en: 'min ≤ mode ≤ max', zh: 'min ≤ mode ≤ max（最小值 ≤ 众数 ≤ 最大值）' }, !(out.min > out.mode || out.mode > out.max));
      break;
    }
    case 'uniform':
      out = { type: 'uniform', min: value(d.min, 'min'), max: value(d.max, 'max') };
      range({ en: 'min ≤ max', zh: 'min ≤ max（最小值 ≤ 最大值）' }, !(out.min > out.max));
      break;
    case 'empirical':
      // Sorted, so that its inverse distribution function rises with u (shared draws, percentiles).
      out = { type: 'empirical', values: d.values.map((p, i) => value(p, `values.${i}`)).sort((a, b) => a - b) };
      break;
  }
  return ok ? out : null;
}
