/**
 * Payable allocation by largest remainder (最大余额法): exact shares of a total turned into amounts
 * that are whole multiples of a payable unit (a fen, a yuan, 100 元) and add up to the total exactly.
 *
 *   q_i = ⌊a_i / u⌋;  R = T/u − Σ q_i (whole, < number of parts);
 *   the R parts with the largest remainders a_i/u − q_i get one more unit; ties go to the part
 *   listed first (the order of the input, stated so that the rule is reproducible).
 *
 * A rounding rule for money that is paid, not printed: it is applied in the core because the parts
 * are what is transferred, and the result records the rule and the unit. The exact shares stay
 * beside the payable amounts.
 */
import { D, type Dec } from './common.js';

/** The rule, as written into every allocation. */
export const LARGEST_REMAINDER_RULE =
  'largest remainder: q_i = ⌊a_i/u⌋, the R = T/u − Σ q_i parts with the largest remainders a_i/u − q_i get one more unit u; ties to the part listed first';
/** `LARGEST_REMAINDER_RULE` in Chinese. */
export const LARGEST_REMAINDER_RULE_ZH =
  '最大余额法：q_i = ⌊a_i/u⌋，余数 a_i/u − q_i 最大的 R = T/u − Σ q_i 份各加一个单位 u；余数相同时优先排在前面的一份';

/** One payable part. */
export interface PayablePart {
  /** The exact amount a_i. */
  readonly exact: Dec;
  /** The payable amount, a multiple of u. */
  readonly payable: Dec;
  /** payable − exact. */
  readonly adjustment: Dec;
  /** True when the part received one of the R extra units. */
  readonly roundedUp: boolean;
}

/**
 * Split a total into payable parts, multiples of `unit`, that add up to the total exactly.
 *
 * @summary Largest-remainder allocation at a payable unit
 * @param exact - the exact parts a_i (≥ 0) whose sum is the total, 元
 * @param total - the total T, 元; must be a whole multiple of the unit
 * @param unit - the payable unit u, 元 (0.01 for a fen)
 * @returns one payable part per exact part, in order; Σ payable = T
 * @throws {Error} when T is not a multiple of u, a part is negative, or the parts do not add up to T
 * @example
 * payableParts([dec('1/3'), dec('1/3'), dec('1/3')].map((x) => x.times(100)), dec('100'), dec('0.01')).map((p) => p.payable.toFixed(2))
 * //=> ['33.34', '33.33', '33.33']
 */
export function payableParts(exact: readonly Dec[], total: Dec, unit: Dec): PayablePart[] {
  if (!unit.gt(0)) throw new Error('[gep] payableParts: the payable unit must be > 0');
  const units = D.divide(total, unit);
  if (!units.isInteger())
    throw new Error(`[gep] payableParts: the total ${D.toString(total)} is not a whole multiple of the payable unit ${D.toString(unit)}`);
  if (exact.some((a) => a.lt(0))) throw new Error('[gep] payableParts: a part is negative');
  const floors = exact.map((a) => D.divide(a, unit).floor());
  const remaining = D.subtract(units, D.sum(floors));
  // Σ a_i = T, so 0 ≤ R < number of parts; anything else means the parts are not a split of T.
  if (remaining.lt(0) || remaining.gte(Math.max(exact.length, 1))) {
    throw new Error(`[gep] payableParts: the parts (${D.toString(D.sum(exact))}) do not add up to the total ${D.toString(total)}`);
  }
  const order = exact
    .map((a, i) => ({ i, rest: D.subtract(D.divide(a, unit), floors[i]!) }))
    .sort((x, y) => y.rest.comparedTo(x.rest) || x.i - y.i);
  const up = new Set(order.slice(0, remaining.toNumber()).map((o) => o.i));
  return exact.map((a, i) => {
    const payable = D.multiply(D.add(floors[i]!, up.has(i) ? D.one : D.zero), unit);
    return { exact: a, payable, adjustment: D.subtract(payable, a), roundedUp: up.has(i) };
  });
}
