/**
 * One printed row against its recomputation (逐行复核): the tolerance (half a unit of the last
 * printed digit, widened when the quantity fed in is printed coarser than the value, or stated by
 * the case), circular rows (an input derived from the very figure it is checked against), the
 * documented inconsistencies and whether they still match, and the trace an auditor follows.
 */
import type { CoefficientUse } from '../coefficients/types.js';
import { formatPath, type GepWarning } from '../errors/errors.js';
import { textEn, textZh, type Text } from '../errors/text.js';
import type { TraceStep } from '../indicators/types.js';
import { decimalArithmetic, GepDecimal } from '../numbers/arithmetic.js';
import { asFlowUnit, convert, GepUnitError, GepUnitParseError } from '../units/units.js';
import type { CaseRow } from './case.js';
import type { RowComputation } from './validate.js';

/**
 * - `ok`: recomputed independently, within tolerance;
 * - `outside-tolerance`: recomputed, not within tolerance, and not documented;
 * - `known-inconsistency`: outside tolerance as the case documents it (the finding matches);
 * - `stale-excuse`: the case documents an inconsistency that does not occur as documented;
 * - `circular`: within tolerance, but the input was derived from the printed figure, so it proves nothing;
 * - `not-reproducible`: a printed figure only, with the reason the case gives.
 */
export type RowStatus = 'ok' | 'outside-tolerance' | 'known-inconsistency' | 'stale-excuse' | 'circular' | 'not-reproducible';

/** Where a row's tolerance comes from. */
export type ToleranceKind = 'printed-digit' | 'printed-quantity' | 'stated';

/** A coefficient as a recomputed row used it, and whether the case or the library's table gave it. */
export interface RowCoefficient extends CoefficientUse {
  readonly origin: 'case' | 'library-table';
}

/** How a recomputed row was produced: its inputs as the case gives them, the coefficients and the steps. */
export interface RowTrace {
  readonly indicator: string;
  readonly variant: Readonly<Record<string, string>>;
  /** Every value of the row's input, by path inside the input block (`reported[0].quantity`). */
  readonly inputs: readonly { readonly path: string; readonly value: string }[];
  readonly coefficients: readonly RowCoefficient[];
  readonly quantity: { readonly value: string; readonly unit: string } | null;
  /** The indicator's value, in 元, before any `per` division and conversion to the printed unit. */
  readonly value: { readonly value: string; readonly unit: '元' };
  readonly steps: readonly TraceStep[];
  readonly warnings: readonly GepWarning[];
}

/** The outcome for one printed row. */
export interface RowOutcome {
  readonly id: string;
  readonly label: string;
  readonly printed: { readonly value: string; readonly unit: string };
  /** The recomputed value in the printed unit, exact. */
  readonly recomputed: string | null;
  readonly difference: string | null;
  /** |difference| / |printed|, as a decimal string. */
  readonly relativeDifference: string | null;
  readonly tolerance: string;
  readonly toleranceKind: ToleranceKind;
  readonly toleranceReason: string;
  /** The tolerance's reason in Chinese, when the library wrote it. */
  readonly toleranceReasonZh?: string;
  readonly status: RowStatus;
  /** Why a row is not reproducible, what a known inconsistency is, or why an excuse is stale. */
  readonly reason?: string;
  /** The reason in Chinese, when the library wrote it. */
  readonly reasonZh?: string;
  /** Why the row is circular (stated by the case, or presumed). */
  readonly circular?: string;
  /** Why the row is presumed circular, in Chinese. */
  readonly circularZh?: string;
  /** The source the case names for an unprinted price. */
  readonly priceSource?: string;
  /** The quantity that would reproduce the printed value at the printed price, when outside tolerance. */
  readonly impliedQuantity?: string;
  readonly trace?: RowTrace;
}

/** The default tolerance's reason. */
const HALF_DIGIT = { en: 'half a unit of the last printed digit', zh: '公布值末位的半个单位' } as const;

/** Half a unit of the last printed digit: "374.62" → 0.005; "72030.15" → 0.005; "1200" → 0.5. */
export function halfUnitOfLastDigit(printed: string): GepDecimal {
  const mantissa = printed.trim().replace(/e.*$/i, '');
  const exponent = /e([+-]?\d+)$/i.exec(printed.trim());
  const decimals = mantissa.includes('.') ? mantissa.split('.')[1]!.length : 0;
  return new GepDecimal(10).pow(-decimals + (exponent ? Number(exponent[1]) : 0)).dividedBy(2);
}

/** `{ reason, reasonZh }` of a text: the English, and the Chinese when the library wrote one (a case's own text has one language). */
export function reasonFields(t: Text | undefined): { reason?: string; reasonZh?: string } {
  if (t === undefined) return {};
  const zh = textZh(t);
  return { reason: textEn(t), ...(zh !== undefined ? { reasonZh: zh } : {}) };
}

/** Significant digits for reading: the JSON keeps every digit. */
const sig = (d: GepDecimal, n = 6) => d.toSignificantDigits(n).toString();

/** Every value of an input block, one line per measure (`12.5 t/a`) or scalar, by path. */
export function flattenInput(value: unknown, path: (string | number)[] = []): { path: string; value: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => flattenInput(v, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    if (typeof o.value === 'string' && typeof o.unit === 'string') {
      const year = typeof o.priceYear === 'number' ? ` (${o.priceYear} prices)` : '';
      return [{ path: formatPath(path), value: `${o.value}${o.unit === '1' ? '' : ` ${o.unit}`}${year}` }];
    }
    return Object.entries(o).flatMap(([k, v]) => flattenInput(v, [...path, k]));
  }
  return [{ path: formatPath(path), value: String(value) }];
}

/** Convert, or null when the units do not convert (a printed quantity in another dimension). */
function tryConvert(value: GepDecimal, from: string, to: string): GepDecimal | null {
  try {
    return convert(decimalArithmetic, value, from, to);
  } catch (e) {
    if (e instanceof GepUnitError || e instanceof GepUnitParseError) return null;
    throw e;
  }
}

/** The recomputed quantity per `per`, in the printed quantity's unit, when the two convert. */
function quantityAsPrinted(row: CaseRow, c: RowComputation): GepDecimal | null {
  const pq = row.printedQuantity;
  if (!pq || !c.quantity) return null;
  const value = row.per ? c.quantity.value.dividedBy(row.per.value) : c.quantity.value;
  const unit = row.per ? `(${c.quantity.unit})/(${row.per.unit})` : c.quantity.unit;
  return tryConvert(value, unit, asFlowUnit(pq.unit, unit));
}

/** The row's tolerance: stated, widened by a coarse printed quantity that was fed in, or half a unit of the last printed digit. */
function toleranceOf(
  row: CaseRow,
  recomputed: GepDecimal,
  fedAsPrinted: boolean,
): { tolerance: GepDecimal; kind: ToleranceKind; reason: Text } {
  if (row.tolerance) return { tolerance: new GepDecimal(row.tolerance.absolute), kind: 'stated', reason: row.tolerance.reason };
  const half = halfUnitOfLastDigit(row.printed.value);
  const digit = { tolerance: half, kind: 'printed-digit' as const, reason: HALF_DIGIT };
  const pq = row.printedQuantity;
  if (!pq || !fedAsPrinted) return digit;
  const q = new GepDecimal(pq.value);
  const v = new GepDecimal(row.printed.value);
  if (q.isZero() || v.isZero()) return digit;
  const halfQ = halfUnitOfLastDigit(pq.value);
  const relQ = halfQ.dividedBy(q.abs());
  // The quantity fed in is the printed, rounded one: its rounding moves the value by |V|·(½ulp_Q/Q).
  if (relQ.lte(half.dividedBy(v.abs()))) return digit;
  // The increment is rounded to 6 significant digits (half up), so that the tolerance reads as a number.
  const widened = half.plus(recomputed.abs().times(relQ).toSignificantDigits(6, GepDecimal.ROUND_HALF_UP));
  return {
    tolerance: widened,
    kind: 'printed-quantity',
    reason: {
      en: `the row is fed the printed quantity ${pq.value} ${pq.unit} (±${halfQ.toString()}), printed coarser than the value ${row.printed.value} ${row.printed.unit} (±${half.toString()}): ±${half.toString()} + ${sig(recomputed.abs(), 10)} × ${halfQ.toString()} / ${pq.value} = ±${sig(widened)}`,
      zh: `该行输入的是公布的实物量 ${pq.value} ${pq.unit}（±${halfQ.toString()}），其精度低于价值量 ${row.printed.value} ${row.printed.unit}（±${half.toString()}）：±${half.toString()} + ${sig(recomputed.abs(), 10)} × ${halfQ.toString()} / ${pq.value} = ±${sig(widened)}`,
    },
  };
}

/**
 * A price the case does not show as printed, with no source named, that equals the printed value ÷
 * the printed quantity rounded to its own digits, was presumably derived from the row itself.
 */
function presumedCircular(row: CaseRow, c: RowComputation, recomputed: GepDecimal, fedAsPrinted: boolean): Text | undefined {
  const pq = row.printedQuantity;
  if (!pq || row.printedUnitPrice || row.priceSource || row.per || !fedAsPrinted || !c.priceFromCase) return undefined;
  const q = new GepDecimal(pq.value);
  if (q.isZero()) return undefined;
  const price = recomputed.dividedBy(q);
  // A price is a short decimal as someone typed it; a long one is a product of factors, not a typed price.
  if (price.isZero() || price.decimalPlaces() > 8 || price.precision(true) > 8) return undefined;
  const implied = new GepDecimal(row.printed.value).dividedBy(q);
  if (!implied.toDecimalPlaces(price.decimalPlaces(), GepDecimal.ROUND_HALF_UP).eq(price)) return undefined;
  const unit = `${row.printed.unit}/${pq.unit}`;
  return {
    en: `presumed circular: the unit price ${price.toString()} ${unit} is not printed in the table and the case names no independent source for it (priceSource), and it equals the printed value ÷ the printed quantity, ${row.printed.value} / ${pq.value} = ${sig(implied, 8)}, rounded to its digits`,
    zh: `推定为循环复算：单价 ${price.toString()} ${unit} 未在表中公布，案例也未给出独立来源（priceSource），且它等于公布的价值量 ÷ 公布的实物量，${row.printed.value} / ${pq.value} = ${sig(implied, 8)}，按其位数舍入`,
  };
}

/** Compare one row with its recomputation (or report why it is not recomputed). */
export function rowOutcome(row: CaseRow, c: RowComputation | undefined): RowOutcome & { recomputedValue: GepDecimal | null } {
  const base = { id: row.id, label: row.label, printed: row.printed };
  if (!c) {
    if (row.indicator !== undefined) throw new Error(`[gep] row ${row.id} was validated but not recomputed`);
    const half = halfUnitOfLastDigit(row.printed.value);
    return {
      ...base,
      recomputed: null,
      difference: null,
      relativeDifference: null,
      tolerance: half.toString(),
      toleranceKind: 'printed-digit',
      toleranceReason: HALF_DIGIT.en,
      toleranceReasonZh: HALF_DIGIT.zh,
      status: 'not-reproducible',
      reason: row.notReproducible!,
      recomputedValue: null,
    };
  }
  // A row printed per hectare (or per anything) divides the recomputed total first; money is the
  // value of the accounting year, so 元/hm² reads as 元/(hm²·a) where the table prints it so.
  const perUnit = row.per ? `元/(${row.per.unit})` : '元';
  const total = row.per ? c.value.dividedBy(row.per.value) : c.value;
  const value = convert(decimalArithmetic, total, asFlowUnit(perUnit, row.printed.unit), row.printed.unit);
  const printed = new GepDecimal(row.printed.value);
  const difference = value.minus(printed);
  const quantity = quantityAsPrinted(row, c);
  const fedAsPrinted = quantity?.eq(row.printedQuantity!.value) ?? false;
  const { tolerance, kind, reason: toleranceText } = toleranceOf(row, value, fedAsPrinted);
  const circularText = row.circular ?? presumedCircular(row, c, value, fedAsPrinted);
  const circular = circularText === undefined ? undefined : textEn(circularText);
  const circularZh = textZh(circularText);
  const within = difference.abs().lte(tolerance);
  const trace: RowTrace = {
    indicator: row.indicator!,
    variant: row.variant ?? {},
    inputs: flattenInput(row.input),
    coefficients: c.coefficients.map((u) => ({ ...u, origin: u.status === 'user-override' ? 'case' : 'library-table' })),
    quantity: c.quantity ? { value: c.quantity.value.toString(), unit: c.quantity.unit } : null,
    value: { value: c.value.toString(), unit: '元' },
    steps: c.steps,
    warnings: c.warnings,
  };
  const outcome = {
    ...base,
    recomputed: value.toString(),
    difference: difference.toString(),
    relativeDifference: printed.isZero() ? null : difference.abs().dividedBy(printed.abs()).toSignificantDigits(6).toString(),
    tolerance: tolerance.toString(),
    toleranceKind: kind,
    toleranceReason: textEn(toleranceText),
    ...(textZh(toleranceText) !== undefined ? { toleranceReasonZh: textZh(toleranceText) } : {}),
    ...(circular ? { circular } : {}),
    ...(circularZh ? { circularZh } : {}),
    ...(row.priceSource ? { priceSource: row.priceSource } : {}),
    trace,
    recomputedValue: value,
  };
  const implied =
    !within && c.quantity && !value.isZero()
      ? c.quantity.value.times(printed).dividedBy(value).toSignificantDigits(12).toString()
      : undefined;
  const withImplied = implied && c.quantity ? { impliedQuantity: `${implied} ${c.quantity.unit}` } : {};
  const excuse = row.knownInconsistency;
  if (excuse) {
    if (within) {
      return {
        ...outcome,
        status: 'stale-excuse',
        ...reasonFields({
          en: `the case documents an inconsistency here (${excuse.reason}), but the recomputed ${sig(value, 10)} agrees with the printed ${row.printed.value} within ±${sig(tolerance)}: the excuse is stale`,
          zh: `案例在此记录了一处不一致（${excuse.reason}），但复算值 ${sig(value, 10)} 与公布值 ${row.printed.value} 相差在 ±${sig(tolerance)} 之内：该说明已过时`,
        }),
      };
    }
    if (value.minus(excuse.found).abs().lte(tolerance))
      return { ...outcome, status: 'known-inconsistency', reason: excuse.reason, ...withImplied };
    return {
      ...outcome,
      status: 'stale-excuse',
      ...reasonFields({
        en: `the recomputed ${sig(value, 10)} differs from the printed ${row.printed.value}, but not as the case documents it (found ${excuse.found}: ${excuse.reason}): the excuse does not match this failure`,
        zh: `复算值 ${sig(value, 10)} 与公布值 ${row.printed.value} 不同，但与案例记录的不同（记录为 ${excuse.found}：${excuse.reason}）：该说明与此处的差异不符`,
      }),
      ...withImplied,
    };
  }
  if (!within) return { ...outcome, status: 'outside-tolerance', ...withImplied };
  if (circularText) return { ...outcome, status: 'circular', ...reasonFields(circularText) };
  return { ...outcome, status: 'ok' };
}
