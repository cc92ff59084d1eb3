/**
 * Present value of a stream of annual amounts (现值, 折现): the one discounting formula that the
 * compensation, project and green-finance functions share, so that each of them prints the same
 * schedule and the same formula.
 *
 *   PV = Σ_{t=1..n} a_t · v_t,   v_t = (1 + r)^−(t − s)
 *
 * a_t the amount of year t (元/a), r the discount rate (a fraction, ≥ 0), n the term in years,
 * s = 0 when amounts fall at the end of each year (ordinary annuity, the default) and s = 1 when at
 * its start (annuity due). A constant amount a growing at g a year gives a_t = a · (1 + g)^(t−1).
 * For a constant amount (g = 0) the sum equals the closed form
 *   PV = a · [1 − (1 + r)^−n] / r · (1 + r)^s   (r > 0),   PV = a · n   (r = 0),
 * which is computed too and must agree (an identity check). Source: financial mathematics
 * (`discounting` in the source register); the rate, term and timing are always parameters — no
 * standard fixes them for ecological compensation or lending.
 *
 * Exact on the decimal path except for the divisions by (1 + r)^t, which carry 40 significant digits.
 */
import { agreeWithin } from '../numbers/arithmetic.js';
import { D, step, tv, type Dec } from './common.js';
import type { TraceStep } from '../indicators/types.js';

/** Options of `presentValue`. */
export interface PresentValueOptions {
  /** Discount rate r as a fraction (0.035 for 3.5 %), ≥ 0. */
  readonly rate: Dec;
  /** Term n in years (only for a constant amount; a schedule gives its own length). */
  readonly years?: number;
  /** End of each year (default) or start. */
  readonly timing?: 'end' | 'start';
  /** Annual growth g of a constant amount, as a fraction; default 0. */
  readonly growth?: Dec;
}

/** One year of the schedule. */
export interface ScheduleYear {
  readonly year: number;
  /** a_t, 元. */
  readonly amount: Dec;
  /** v_t = (1 + r)^−(t − s). */
  readonly discountFactor: Dec;
  /** a_t · v_t, 元. */
  readonly presentValue: Dec;
}

/** A present value with its schedule. */
export interface PresentValue {
  /** PV, 元. */
  readonly value: Dec;
  /** Σ a_t undiscounted, 元. */
  readonly undiscounted: Dec;
  /** Σ v_t for a constant amount (PV = a × factor), null for a schedule or a growing amount. */
  readonly annuityFactor: Dec | null;
  readonly rate: Dec;
  readonly years: number;
  readonly timing: 'end' | 'start';
  readonly growth: Dec;
  readonly schedule: readonly ScheduleYear[];
  readonly formula: string;
  readonly formulaZh: string;
  readonly steps: readonly TraceStep[];
}

/** The formula as printed in every result that discounts. */
export const PRESENT_VALUE_FORMULA =
  'PV = Σ_{t=1..n} a_t · (1 + r)^−(t − s); s = 0 at the end of each year, 1 at its start; a_t = a · (1 + g)^(t−1) for a constant amount growing at g';
/** `PRESENT_VALUE_FORMULA` in Chinese. */
export const PRESENT_VALUE_FORMULA_ZH =
  'PV = Σ_{t=1..n} a_t · (1 + r)^−(t − s)；年末发生时 s = 0，年初发生时 s = 1；按增长率 g 增长的固定金额 a_t = a · (1 + g)^(t−1)';
const PARAMETER = { en: 'parameter', zh: '参数' } as const;

/**
 * The annuity factor (年金现值系数): the present value of 1 a year for n years at r, in closed form
 * — the one place it is computed (the SEEA EA asset account, src/seea/assets.ts, calls it too).
 *
 *   a(n, r, s) = [1 − (1 + r)^−n] / r · (1 + r)^s   (r > 0),   a = n   (r = 0)
 *
 * s = 0 when the amounts fall at the end of each year (ordinary annuity, the default), 1 at its
 * start (annuity due). Source: financial mathematics (`discounting`).
 *
 * @param years - n, a whole number ≥ 1
 * @param rate - r as a fraction (0.03 for 3 %), ≥ 0
 * @param timing - end (default) or start of each year
 * @returns a(n, r, s), exact but for the division by (1 + r)^n (40 significant digits)
 * @example
 * annuityFactor(2, dec('0.1')).toString()   //=> 1/1.1 + 1/1.21 = 2.1/1.21 = '1.735537190082644628099173553719008264463'
 */
export function annuityFactor(years: number, rate: Dec, timing: 'end' | 'start' = 'end'): Dec {
  if (!Number.isInteger(years) || years < 1) throw new Error('[gep] annuityFactor: the term must be a whole number of years ≥ 1');
  if (rate.lt(0)) throw new Error('[gep] annuityFactor: the discount rate must be ≥ 0');
  const n = D.fromString(String(years));
  if (rate.isZero()) return n;
  const onePlusR = D.add(D.one, rate);
  const ordinary = D.divide(D.subtract(D.one, D.divide(D.one, D.pow(onePlusR, n))), rate);
  return timing === 'start' ? D.multiply(ordinary, onePlusR) : ordinary;
}

/**
 * Present value of an annual amount over a term, or of a schedule of annual amounts (现值).
 *
 * @summary PV = Σ a_t / (1 + r)^(t − s), with the schedule and the closed form checked
 * @param amounts - a constant annual amount in 元/a, or the amounts of years 1..n in 元
 * @param options - rate r (fraction), years n (for a constant amount), timing (end | start), growth g (fraction)
 * @returns the present value in 元, the undiscounted sum, the annuity factor and the year-by-year schedule
 * @example
 * presentValue(dec('100'), { rate: dec('0.1'), years: 2 }).value.toString()
 * //=> '173.5537190082644628099173553719008264463'  (100/1.1 + 100/1.21)
 */
export function presentValue(amounts: Dec | readonly Dec[], options: PresentValueOptions): PresentValue {
  const r = options.rate;
  if (r.lt(0)) throw new Error('[gep] presentValue: the discount rate must be ≥ 0');
  const timing = options.timing ?? 'end';
  const s = timing === 'start' ? 1 : 0;
  const g = options.growth ?? D.zero;
  if (g.lte(-1)) throw new Error('[gep] presentValue: the growth rate must be > −100 %');
  const constant = !Array.isArray(amounts);
  const n = constant ? options.years : amounts.length;
  if (n === undefined || !Number.isInteger(n) || n < 1) throw new Error('[gep] presentValue: the term must be a whole number of years ≥ 1');
  const onePlusR = D.add(D.one, r);
  const schedule: ScheduleYear[] = [];
  for (let t = 1; t <= n; t++) {
    const amount = constant
      ? D.multiply(amounts as Dec, D.pow(D.add(D.one, g), D.fromString(String(t - 1))))
      : (amounts as readonly Dec[])[t - 1]!;
    const discountFactor = D.divide(D.one, D.pow(onePlusR, D.fromString(String(t - s))));
    schedule.push({ year: t, amount, discountFactor, presentValue: D.multiply(amount, discountFactor) });
  }
  const value = D.sum(schedule.map((y) => y.presentValue));
  const undiscounted = D.sum(schedule.map((y) => y.amount));
  const steps: TraceStep[] = [];
  let factor: Dec | null = null;
  if (constant && g.isZero()) {
    const a = amounts as Dec;
    factor = D.sum(schedule.map((y) => y.discountFactor));
    // Closed form, computed independently of the sum; both must agree.
    const closed = annuityFactor(n, r, timing);
    if (!agreeWithin(D, factor, closed, closed))
      throw new Error(`[gep] presentValue: annuity identity broken: Σ v_t = ${factor.toString()} vs closed form ${closed.toString()}`);
    steps.push(
      step(
        { en: 'annuity factor', zh: '年金现值系数' },
        r.isZero() ? 'Σ v_t = n (r = 0)' : `Σ v_t = [1 − (1 + r)^−n] / r${s ? ' × (1 + r)' : ''}`,
        {
          r: tv(r, '1', PARAMETER),
          n: tv(D.fromString(String(n)), 'a', PARAMETER),
        },
        factor,
        '1',
      ),
    );
    steps.push(
      step(
        { en: 'present value', zh: '现值' },
        'PV = a × Σ v_t',
        { a: tv(a, '元/a', PARAMETER), 'Σ v_t': tv(factor, '1', 'step:annuity factor') },
        value,
        '元',
      ),
    );
  } else {
    steps.push(
      step(
        { en: 'present value', zh: '现值' },
        'PV = Σ a_t · v_t',
        {
          'Σ a_t': tv(undiscounted, '元', { en: 'schedule', zh: '逐年明细' }),
          r: tv(r, '1', PARAMETER),
          n: tv(D.fromString(String(n)), 'a', PARAMETER),
        },
        value,
        '元',
        { en: 'year by year in the schedule', zh: '按逐年明细计算' },
      ),
    );
  }
  return {
    value,
    undiscounted,
    annuityFactor: factor,
    rate: r,
    years: n,
    timing,
    growth: g,
    schedule,
    formula: PRESENT_VALUE_FORMULA,
    formulaZh: PRESENT_VALUE_FORMULA_ZH,
    steps,
  };
}
