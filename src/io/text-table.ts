/**
 * The account as a readable text table for a terminal (核算结果表): indicator, names, physical
 * quantity, unit price, value in 万元 and 亿元, share of GEP. Numbers are rounded here, at the
 * edge, by a named rule that the footer prints.
 */
import { GepDecimal } from '../numbers/arithmetic.js';
import { DEFAULT_ROUNDING, describeRounding, roundDecimal, type RoundingRule } from '../numbers/rounding.js';
import { convert } from '../units/units.js';
import { decimalArithmetic } from '../numbers/arithmetic.js';
import type { GepResultJson } from '../accounts/serialize.js';
import type { Language } from '../errors/messages.js';
import type { MeasureJson } from '../units/measure.js';

/** Columns a CJK character takes in a terminal. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const wide = (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3)
      || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60)
      || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000;
    width += wide ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** Group digits by thousands: `1234567.89` → `1,234,567.89`. */
export function groupThousands(text: string): string {
  const [int, frac] = text.split('.');
  const sign = int!.startsWith('-') ? '-' : '';
  const digits = sign ? int!.slice(1) : int!;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

/** A quantity in a readable magnitude: 亿 or 万 prefixes as Chinese tables print them. */
export function readableQuantity(m: MeasureJson, rule: RoundingRule = DEFAULT_ROUNDING): string {
  const v = new GepDecimal(m.value).abs();
  const prefixable = !/^[万亿]/.test(m.unit) && !m.unit.startsWith('1') && !m.unit.startsWith('%');
  const prefix = prefixable ? (v.gte(1e8) ? '亿' : v.gte(1e4) ? '万' : '') : '';
  const unit = prefix ? `${prefix}${m.unit}` : m.unit;
  const value = prefix ? convert(decimalArithmetic, new GepDecimal(m.value), m.unit, unit).toString() : m.value;
  return `${groupThousands(roundDecimal(value, rule))} ${unit}`;
}

/** A money amount in 元 (decimal text) shown in 万元 or 亿元, rounded by the rule and grouped by thousands. */
export function moneyText(yuan: string, unit: '万元' | '亿元', rule: RoundingRule): string {
  return groupThousands(roundDecimal(convert(decimalArithmetic, new GepDecimal(yuan), '元', unit).toString(), rule));
}

/**
 * A ratio for display, by the unit it is computed in: % and pure numbers rounded by the rule,
 * per-capita and per-area values in 万元, any other money in 亿元.
 */
export function ratioDisplay(value: string, unit: string, rule: RoundingRule): { value: string; unit: string } {
  switch (unit) {
    case '%': return { value: roundDecimal(value, rule), unit: '%' };
    case '1': return { value: roundDecimal(value, rule), unit: '' };
    case '元/人':
    case '元/km²': {
      const shown = `万${unit}`;
      return { value: groupThousands(roundDecimal(convert(decimalArithmetic, new GepDecimal(value), unit, shown).toString(), rule)), unit: shown };
    }
    default: return { value: moneyText(value, '亿元', rule), unit: '亿元' };
  }
}

const HEADERS: Record<Language, string[]> = {
  en: ['indicator', 'name', 'physical quantity', 'unit price', 'value (万元)', 'value (亿元)', 'share'],
  zh: ['指标', '名称', '实物量', '单价', '价值量（万元）', '价值量（亿元）', '占比'],
};

const CATEGORY_NAMES: Record<string, { zh: string; en: string }> = {
  material: { zh: '物质产品', en: 'material products' },
  regulating: { zh: '调节服务', en: 'regulating services' },
  cultural: { zh: '文化服务', en: 'cultural services' },
  gep: { zh: '生态产品总值 GEP', en: 'GEP' },
};

/** A unit price for display: at most four decimals, trailing zeros dropped. */
function formatPrice(value: string): string {
  const rounded = roundDecimal(value, { places: 4, mode: 'half-up' });
  return groupThousands(rounded.replace(/0+$/, '').replace(/\.$/, ''));
}

function unitPriceOf(lines: GepResultJson['indicators'][number]['value']['lines']): string {
  const prices = lines.flatMap((l) => (l.unitPrice ? [`${l.unitPrice.value} ${l.unitPrice.unit}`] : []));
  const distinct = [...new Set(prices)];
  if (distinct.length === 0) return '—';
  if (prices.length < lines.length) return `${prices.length} of ${lines.length} priced`;
  if (distinct.length === 1 && prices.length === lines.length) {
    const p = lines.find((l) => l.unitPrice)!.unitPrice!;
    return `${formatPrice(p.value)} ${p.unit}`;
  }
  return `${distinct.length} prices`;
}

/** Render the account as a text table with a footer (profile, table, price year, rounding, warnings). */
export function formatAccountTable(result: GepResultJson, lang: Language = 'en', rule: RoundingRule = DEFAULT_ROUNDING): string {
  const gep = new GepDecimal(result.totals.gep.value);
  const share = (v: string) => (gep.isZero() ? '—' : `${new GepDecimal(v).dividedBy(gep).times(100).toFixed(1, GepDecimal.ROUND_HALF_UP)} %`);
  const rows: string[][] = [];
  const separators = new Set<number>();
  for (const category of ['material', 'regulating', 'cultural'] as const) {
    const inCategory = result.indicators.filter((i) => i.category === category);
    if (inCategory.length === 0) continue;
    for (const ind of inCategory) {
      rows.push([
        ind.id,
        `${ind.zh} ${ind.en}`,
        ind.quantity.total ? readableQuantity(ind.quantity.total, rule) : ind.quantity.lines.length ? `${ind.quantity.lines.length} items` : '—',
        unitPriceOf(ind.value.lines),
        moneyText(ind.value.total.value, '万元', rule),
        moneyText(ind.value.total.value, '亿元', rule),
        share(ind.value.total.value),
      ]);
    }
    const total = result.totals[category];
    rows.push([`  ${category}`, `${CATEGORY_NAMES[category]!.zh} ${CATEGORY_NAMES[category]!.en}`, '', '', moneyText(total.value, '万元', rule), moneyText(total.value, '亿元', rule), share(total.value)]);
    separators.add(rows.length);
  }
  if (result.outsideRegion.length || result.totals.outsideRegion.value !== '0') {
    const v = result.totals.outsideRegion.value;
    rows.push(['  outside region', lang === 'zh' ? '减：区域外生态产品' : 'less: products from outside the region', '', '', `-${moneyText(v, '万元', rule)}`, `-${moneyText(v, '亿元', rule)}`, share(`-${v}`)]);
  }
  rows.push(['GEP', CATEGORY_NAMES.gep![lang], '', '', moneyText(result.totals.gep.value, '万元', rule), moneyText(result.totals.gep.value, '亿元', rule), share(result.totals.gep.value)]);

  const header = HEADERS[lang];
  const widths = header.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c]!))));
  const align = (c: number): 'left' | 'right' => (c >= 4 ? 'right' : 'left');
  const line = (cells: string[]) => cells.map((cell, c) => pad(cell, widths[c]!, align(c))).join('  ').trimEnd();
  const rule_ = widths.map((w) => '-'.repeat(w)).join('  ');
  const body: string[] = [line(header), rule_];
  rows.forEach((r, i) => {
    if (i === rows.length - 1) body.push(rule_);
    body.push(line(r));
    if (separators.has(i + 1) && i !== rows.length - 2) body.push('');
  });

  const title = lang === 'zh'
    ? `${result.region.name} ${result.accountingYear} 年生态产品总值核算（${result.priceYear} 年价格）`
    : `GEP account of ${result.region.name}, ${result.accountingYear} (${result.priceYear} prices)`;
  const footer = [
    `profile: ${result.profile.id} ${result.profile.version} — ${result.profile.title[lang]}${result.profile.indicatorListStatus === 'to-verify' ? ' (indicator list to verify)' : ''}`,
    `coefficient table: ${result.coefficientTable}; arithmetic: ${result.arithmetic}; rounding: ${describeRounding(rule)}, each cell independently`,
  ];
  if (result.notAccounted.length) footer.push(`not accounted: ${result.notAccounted.map((n) => `${n.id} (${n.reason})`).join(', ')}`);
  const warnings = result.warnings.map((w) => `  ! ${w.message}`);
  return [title, '', ...body, '', ...footer, ...(warnings.length ? [`warnings (${warnings.length}):`, ...warnings] : [])].join('\n');
}
