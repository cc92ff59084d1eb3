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
  const order = exact
    .map((e, i) => ({ i, rest: e.minus(floors[i]!) }))
    .sort((a, b) => b.rest.comparedTo(a.rest) || a.i - b.i);
  const result = [...floors];
  for (const { i } of order) {
    if (remaining <= 0) break;
    result[i] = result[i]!.plus(1);
    remaining -= 1;
  }
  return result.map((r) => r.times(unit).toFixed(Math.max(rule.places, 0)));
}
