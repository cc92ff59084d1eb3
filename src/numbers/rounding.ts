/**
 * Rounding at the edge (舍入规则). The core never rounds; exporters and reports apply a named
 * rule and write it into their output. Chinese statistical tables print half-up ("四舍五入").
 */
import type Decimal from 'decimal.js';
import { GepDecimal } from './arithmetic.js';

/** A rounding rule, written into every rounded output. */
export interface RoundingRule {
  /** Digits after the decimal point (may be negative: −4 rounds to 万). */
  readonly places: number;
  readonly mode: 'half-up' | 'half-even';
  /**
   * How the parts of a total are rounded (default `independent`): each cell on its own, as
   * published tables print, so printed parts may differ from the printed total by a unit of the
   * last place (977 554.35 vs 977 554.34 万元); or by `largest-remainder`, so that the printed parts
   * add up to the printed total (the total keeps its own rounding, the parts absorb the difference).
   */
  readonly parts?: 'independent' | 'largest-remainder';
}

/** The default rule: two places, half-up, as published GEP tables print 万元 and 亿元. */
export const DEFAULT_ROUNDING: RoundingRule = { places: 2, mode: 'half-up' };

function mode(rule: RoundingRule): Decimal.Rounding {
  return rule.mode === 'half-up' ? GepDecimal.ROUND_HALF_UP : GepDecimal.ROUND_HALF_EVEN;
}

/** Round a decimal string by `rule` and print it with exactly `places` decimals (e.g. `"1.20"`). */
export function roundDecimal(value: string, rule: RoundingRule = DEFAULT_ROUNDING): string {
  const d = new GepDecimal(value);
  if (rule.places >= 0) return d.toFixed(rule.places, mode(rule));
  const scale = new GepDecimal(10).pow(-rule.places);
  return d.dividedBy(scale).toDecimalPlaces(0, mode(rule)).times(scale).toFixed(0);
}

/** Describe a rule in words, for the footer of a table or report. */
export function describeRounding(rule: RoundingRule): string {
  return `${rule.mode}, ${rule.places} decimal place${rule.places === 1 ? '' : 's'}`;
}

/** How the parts of a total were rounded, in words, for the footer of an account table. */
export function describeParts(rule: RoundingRule, lang: 'en' | 'zh' = 'en'): string {
  if (rule.parts === 'largest-remainder') {
    return lang === 'zh'
      ? '分项按最大余数法舍入，各分项之和等于所印合计'
      : 'parts by largest remainder, so the printed parts add up to the printed totals';
  }
  // The words of the default are those the footers always printed.
  return lang === 'zh' ? '逐格独立舍入' : 'each cell independently';
}

/**
 * Largest-remainder allocation: round each part so that the rounded parts add up to the rounded
 * total. Use it only where a table must add up; published tables round each cell independently.
 */
export function allocateRounded(parts: readonly string[], rule: RoundingRule = DEFAULT_ROUNDING): string[] {
  const unit = new GepDecimal(10).pow(-rule.places);
  const exact = parts.map((p) => new GepDecimal(p).dividedBy(unit));
  const floors = exact.map((e) => e.floor());
  const total = exact.reduce((a, b) => a.plus(b), new GepDecimal(0)).toDecimalPlaces(0, mode(rule));
  let remaining = total.minus(floors.reduce((a, b) => a.plus(b), new GepDecimal(0))).toNumber();
  const order = exact.map((e, i) => ({ i, rest: e.minus(floors[i]!) })).sort((a, b) => b.rest.comparedTo(a.rest) || a.i - b.i);
  const result = [...floors];
  for (const { i } of order) {
    if (remaining <= 0) break;
    result[i] = result[i]!.plus(1);
    remaining -= 1;
  }
  return result.map((r) => r.times(unit).toFixed(Math.max(rule.places, 0)));
}

/** A total and its parts, for `roundTree`: each part is itself a total of its own parts. */
export interface RoundingNode {
  readonly key: string;
  /** Exact decimal text. */
  readonly value: string;
  readonly parts?: readonly RoundingNode[];
}

/**
 * Split a rounded `target` (decimal text with `places` decimals) over exact parts by largest
 * remainder: floor every part, then add the units still missing to the parts with the largest
 * remainders (or take surplus units from the smallest), so the rounded parts add up to `target`
 * exactly. Negative parts (a subtracted line) are allowed.
 */
function allocateTo(parts: readonly string[], target: string, rule: RoundingRule): string[] {
  const unit = new GepDecimal(10).pow(-rule.places);
  const exact = parts.map((p) => new GepDecimal(p).dividedBy(unit));
  const floors = exact.map((e) => e.floor());
  let remaining = new GepDecimal(target)
    .dividedBy(unit)
    .minus(floors.reduce((a, b) => a.plus(b), new GepDecimal(0)))
    .toNumber();
  const result = [...floors];
  const order = exact.map((e, i) => ({ i, rest: e.minus(floors[i]!) })).sort((a, b) => b.rest.comparedTo(a.rest) || a.i - b.i);
  for (let k = 0; remaining > 0 && order.length; k++, remaining--)
    result[order[k % order.length]!.i] = result[order[k % order.length]!.i]!.plus(1);
  for (let k = order.length - 1; remaining < 0 && order.length; k--, remaining++) {
    const at = order[((k % order.length) + order.length) % order.length]!.i;
    result[at] = result[at]!.minus(1);
  }
  return result.map((r) => r.times(unit).toFixed(Math.max(rule.places, 0)));
}

/**
 * Round a total and all its parts, at every level, by `rule`: independently (each by
 * `roundDecimal`), or with `parts: 'largest-remainder'` so that at every level the rounded parts add
 * up to the rounded total (the root keeps its independent rounding).
 *
 * @returns rounded text by node key
 * @example
 * roundTree({ key: 'gep', value: '1', parts: [{ key: 'a', value: '0.333333' }, { key: 'b', value: '0.666667' }] }, { places: 2, mode: 'half-up', parts: 'largest-remainder' })
 * //=> Map { 'gep' => '1.00', 'a' => '0.33', 'b' => '0.67' }
 */
export function roundTree(root: RoundingNode, rule: RoundingRule = DEFAULT_ROUNDING): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (node: RoundingNode, rounded: string) => {
    out.set(node.key, rounded);
    const parts = node.parts ?? [];
    if (!parts.length) return;
    const split =
      rule.parts === 'largest-remainder'
        ? allocateTo(
            parts.map((p) => p.value),
            rounded,
            rule,
          )
        : parts.map((p) => roundDecimal(p.value, rule));
    parts.forEach((p, i) => visit(p, split[i]!));
  };
  visit(root, roundDecimal(root.value, rule));
  return out;
}
