/**
 * The money cells of an account table in one display unit (万元 or 亿元), rounded by the rule
 * (舍入): each cell independently (the default, as published tables print), or, with
 * `rule.parts === 'largest-remainder'`, so that value lines add up to their indicator, indicators to
 * their category, and the categories less the products from outside the region to GEP. The text,
 * Markdown, CSV, XLSX and HTML account tables take their cells from here, so they agree.
 */
import type { GepResultJson } from '../accounts/serialize.js';
import { GepDecimal, decimalArithmetic } from '../numbers/arithmetic.js';
import { roundTree, type RoundingNode, type RoundingRule } from '../numbers/rounding.js';
import { convert } from '../units/units.js';

/** Rounded cells of an account, by what they show. */
export interface AccountCells {
  /** An indicator's total. */
  indicator(id: string): string;
  /** Line `index` of an indicator's value lines. */
  line(id: string, index: number): string;
  category(category: 'material' | 'regulating' | 'cultural'): string;
  /** The products from outside the region, as a positive amount (printed with a minus sign). */
  outsideRegion(): string;
  gep(): string;
}

/** The cells of `result` in `unit`, rounded by `rule`. */
export function accountCells(result: GepResultJson, unit: '元' | '万元' | '亿元', rule: RoundingRule): AccountCells {
  const shown = (yuan: string) => convert(decimalArithmetic, new GepDecimal(yuan), '元', unit).toString();
  const categories = (['material', 'regulating', 'cultural'] as const).map(
    (c): RoundingNode => ({
      key: `category:${c}`,
      value: shown(result.totals[c].value),
      parts: result.indicators
        .filter((i) => i.category === c)
        .map((i) => ({
          key: `indicator:${i.id}`,
          value: shown(i.value.total.value),
          parts: i.value.lines.map((l, n) => ({ key: `line:${i.id}:${n}`, value: shown(l.value.value) })),
        })),
    }),
  );
  // The subtracted products are a negative part of GEP.
  const outside: RoundingNode = { key: 'outside', value: new GepDecimal(shown(result.totals.outsideRegion.value)).negated().toString() };
  const cells = roundTree({ key: 'gep', value: shown(result.totals.gep.value), parts: [...categories, outside] }, rule);
  const get = (key: string) => cells.get(key) ?? '';
  return {
    indicator: (id) => get(`indicator:${id}`),
    line: (id, n) => get(`line:${id}:${n}`),
    category: (c) => get(`category:${c}`),
    outsideRegion: () => {
      const v = get('outside');
      return v.startsWith('-') ? v.slice(1) : v;
    },
    gep: () => get('gep'),
  };
}
