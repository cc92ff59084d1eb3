/**
 * The printed identities of a published account (恒等关系): a total against its printed parts and,
 * when every part was recomputed independently, against the recomputed parts; a share or growth
 * against the printed figures. Each check allows the rounding of every printed figure it uses.
 */
import { decimalArithmetic, GepDecimal } from '../numbers/arithmetic.js';
import { convert } from '../units/units.js';
import type { CaseExcuse, CaseIdentity, CaseRow } from './case.js';
import { halfUnitOfLastDigit, reasonFields } from './rows.js';

/**
 * - `ok`: the check holds;
 * - `fails`: it does not, and the case does not document it;
 * - `known-inconsistency`: it does not, as the case documents (the finding matches);
 * - `stale-excuse`: the case documents an inconsistency that does not occur as documented.
 */
export type CheckStatus = 'ok' | 'fails' | 'known-inconsistency' | 'stale-excuse';
export type IdentityStatus = CheckStatus;

/** One check of an identity: what it found, against what, within what. */
export interface IdentityCheck {
  readonly found: string;
  readonly tolerance: string;
  readonly status: CheckStatus;
  readonly reason?: string;
  /** The reason in Chinese, when the library wrote it (a case's own text has one language). */
  readonly reasonZh?: string;
}

/** The outcome for one printed identity. */
export interface IdentityOutcome {
  readonly id: string;
  readonly label: string;
  readonly kind: CaseIdentity['kind'];
  readonly printed: string;
  readonly unit: string;
  /** From the printed parts (a sum) or the printed figures (a ratio). */
  readonly fromPrinted: string;
  /** From the recomputed parts, when every part of a sum was recomputed independently. */
  readonly fromRecomputed: string | null;
  /** Tolerance of the check on printed parts. */
  readonly tolerance: string;
  readonly printedCheck: IdentityCheck;
  readonly recomputedCheck: IdentityCheck | null;
  /** The worse of the two checks. */
  readonly status: IdentityStatus;
  readonly reason?: string;
  readonly reasonZh?: string;
}

/** What a row contributes to the identities: its printed row, and its recomputed value and tolerance when it was recomputed independently. */
export interface IdentityPart {
  readonly row: CaseRow;
  readonly recomputed: GepDecimal | null;
  readonly tolerance: GepDecimal;
}

const RANK: Record<CheckStatus, number> = { ok: 0, 'known-inconsistency': 1, 'stale-excuse': 2, fails: 3 };

function inUnit(row: CaseRow, unit: string): GepDecimal {
  return convert(decimalArithmetic, new GepDecimal(row.printed.value), row.printed.unit, unit);
}

/** What a check found its figure from. */
const WHAT = {
  'printed parts': { en: 'the printed parts', zh: '按公布的分项' },
  'recomputed parts': { en: 'the recomputed parts', zh: '按复算的分项' },
  'printed figures': { en: 'the printed figures', zh: '按公布的数字' },
} as const;

/** A check against its documented excuse, if any; `what` names the figure that was found. */
function check(
  found: GepDecimal,
  printed: string,
  tolerance: GepDecimal,
  excuse: CaseExcuse | undefined,
  what: keyof typeof WHAT,
  unit: string,
): IdentityCheck {
  const holds = found.minus(printed).abs().lte(tolerance);
  const shown = found.toSignificantDigits(10).toString();
  const base = { found: found.toString(), tolerance: tolerance.toString() };
  const u = unit === '1' ? '' : ` ${unit}`;
  const w = WHAT[what];
  if (!excuse) {
    return holds
      ? { ...base, status: 'ok' }
      : {
          ...base,
          status: 'fails',
          ...reasonFields({
            en: `${w.en} give ${shown}${u}, not the printed ${printed}${u} (tolerance ±${tolerance.toSignificantDigits(4).toString()})`,
            zh: `${w.zh}得 ${shown}${u}，而非公布的 ${printed}${u}（容差 ±${tolerance.toSignificantDigits(4).toString()}）`,
          }),
        };
  }
  if (holds) {
    return {
      ...base,
      status: 'stale-excuse',
      ...reasonFields({
        en: `the case documents an inconsistency here (${excuse.reason}), but ${w.en} give ${shown}${u} against the printed ${printed}${u}, within tolerance: the excuse is stale`,
        zh: `案例在此记录了一处不一致（${excuse.reason}），但${w.zh}得 ${shown}${u}，与公布的 ${printed}${u} 在容差之内：该说明已过时`,
      }),
    };
  }
  if (found.minus(excuse.found).abs().lte(tolerance)) return { ...base, status: 'known-inconsistency', reason: excuse.reason };
  return {
    ...base,
    status: 'stale-excuse',
    ...reasonFields({
      en: `${w.en} give ${shown}${u}, not the printed ${printed}${u}, but not as the case documents it (found ${excuse.found}: ${excuse.reason}): the excuse does not match this failure`,
      zh: `${w.zh}得 ${shown}${u}，而非公布的 ${printed}${u}，但与案例记录的不同（记录为 ${excuse.found}：${excuse.reason}）：该说明与此处的差异不符`,
    }),
  };
}

/** Check one identity. `parts` holds every row of the case by id (validated to exist). */
export function identityOutcome(identity: CaseIdentity, parts: ReadonlyMap<string, IdentityPart>): IdentityOutcome {
  const get = (id: string) => parts.get(id)!;
  if (identity.kind === 'sum') {
    const total = get(identity.total).row;
    const unit = total.printed.unit;
    const terms = identity.terms.map((t) => ({ part: get(t.row), sign: t.sign }));
    const halfTotal = halfUnitOfLastDigit(total.printed.value);
    const fromPrinted = terms.reduce((acc, t) => acc.plus(inUnit(t.part.row, unit).times(t.sign)), new GepDecimal(0));
    // Each printed number may be off by half a unit of its last digit.
    const tolerance = terms.reduce(
      (acc, t) => acc.plus(convert(decimalArithmetic, halfUnitOfLastDigit(t.part.row.printed.value), t.part.row.printed.unit, unit)),
      halfTotal,
    );
    const printedCheck = check(fromPrinted, total.printed.value, tolerance, identity.knownInconsistency, 'printed parts', unit);
    // The recomputed parts against the printed total: each part may be off by its own row's tolerance.
    const independent = terms.every((t) => t.part.recomputed !== null);
    let recomputedCheck: IdentityCheck | null = null;
    let fromRecomputed: GepDecimal | null = null;
    if (independent) {
      fromRecomputed = terms.reduce(
        (acc, t) => acc.plus(convert(decimalArithmetic, t.part.recomputed!, t.part.row.printed.unit, unit).times(t.sign)),
        new GepDecimal(0),
      );
      const recomputedTolerance = terms.reduce(
        (acc, t) => acc.plus(convert(decimalArithmetic, t.part.tolerance, t.part.row.printed.unit, unit)),
        halfTotal,
      );
      recomputedCheck = check(
        fromRecomputed,
        total.printed.value,
        recomputedTolerance,
        identity.knownRecomputedInconsistency,
        'recomputed parts',
        unit,
      );
    } else if (identity.knownRecomputedInconsistency) {
      recomputedCheck = {
        found: '',
        tolerance: '',
        status: 'stale-excuse',
        ...reasonFields({
          en: `the case documents an inconsistency of the recomputed parts (${identity.knownRecomputedInconsistency.reason}), but not every part is recomputed independently: the excuse is stale`,
          zh: `案例记录了复算分项的不一致（${identity.knownRecomputedInconsistency.reason}），但并非每个分项都独立复算：该说明已过时`,
        }),
      };
    }
    const worst = recomputedCheck && RANK[recomputedCheck.status] > RANK[printedCheck.status] ? recomputedCheck : printedCheck;
    const checks = [printedCheck, recomputedCheck].filter((c): c is IdentityCheck => c?.reason !== undefined);
    return {
      id: identity.id,
      label: identity.label,
      kind: 'sum',
      printed: total.printed.value,
      unit,
      fromPrinted: fromPrinted.toString(),
      fromRecomputed: fromRecomputed?.toString() ?? null,
      tolerance: tolerance.toString(),
      printedCheck,
      recomputedCheck,
      status: worst.status,
      ...(checks.length ? { reason: checks.map((c) => c.reason).join('; ') } : {}),
      ...(checks.some((c) => c.reasonZh !== undefined) ? { reasonZh: checks.map((c) => c.reasonZh ?? c.reason).join('；') } : {}),
    };
  }
  const num = get(identity.numerator).row;
  const den = get(identity.denominator).row;
  const scale = convert(decimalArithmetic, new GepDecimal(1), '1', identity.printed.unit);
  const a = inUnit(num, den.printed.unit);
  const b = new GepDecimal(den.printed.value);
  const ratio = a.dividedBy(b);
  // |Δ(a/b)| ≤ (½ulp_a + |a/b|·½ulp_b) / |b|, plus half a unit of the printed ratio; written
  // without dividing by a, so a numerator of 0 is fine.
  const ha = convert(decimalArithmetic, halfUnitOfLastDigit(num.printed.value), num.printed.unit, den.printed.unit);
  const propagated = ha
    .plus(ratio.abs().times(halfUnitOfLastDigit(den.printed.value)))
    .dividedBy(b.abs())
    .times(scale);
  const tolerance = propagated.plus(halfUnitOfLastDigit(identity.printed.value));
  const exact = ratio.times(scale);
  const printedCheck = check(
    exact,
    identity.printed.value,
    tolerance,
    identity.knownInconsistency,
    'printed figures',
    identity.printed.unit,
  );
  const shown = (d: GepDecimal) => d.toSignificantDigits(8).toString();
  return {
    id: identity.id,
    label: identity.label,
    kind: 'ratio',
    printed: identity.printed.value,
    unit: identity.printed.unit,
    fromPrinted: shown(exact),
    fromRecomputed: null,
    tolerance: tolerance.toSignificantDigits(4, GepDecimal.ROUND_UP).toString(),
    printedCheck: { ...printedCheck, found: shown(exact), tolerance: tolerance.toSignificantDigits(4, GepDecimal.ROUND_UP).toString() },
    recomputedCheck: null,
    status: printedCheck.status,
    ...(printedCheck.reason ? { reason: printedCheck.reason } : {}),
    ...(printedCheck.reasonZh ? { reasonZh: printedCheck.reasonZh } : {}),
  };
}
