/**
 * The account as a readable text table for a terminal (核算结果表): indicator, names, physical
 * quantity, unit price, value in 万元 and 亿元, share of GEP. Numbers are rounded here, at the
 * edge, by the display rule below, which the footer prints.
 *
 * The display rule of every report (显示规则: this table, the HTML report, the Markdown report,
 * the GEEP and comparison tables), in one place:
 * - money amounts in 万元 (tables) or 亿元 (key figures and charts), rounded by the rounding rule
 *   (default half-up, 2 decimal places, each cell independently);
 * - physical quantities (with the 万/亿 prefixes Chinese tables print) and unit prices to
 *   `SIGNIFICANT_DIGITS` significant digits, whole units kept from 1 000 up, trailing zeros dropped;
 * - shares of GEP in percent to one decimal;
 * - exact values only in the JSON result (and the CSV/XLSX columns marked exact) and in the
 *   calculation details of the HTML report, marked exact.
 */
import { GepDecimal } from '../numbers/arithmetic.js';
import { DEFAULT_ROUNDING, describeParts, describeRounding, roundDecimal, type RoundingRule } from '../numbers/rounding.js';
import { accountCells } from './account-rounding.js';
import { convert, isKnownUnit, sameDimensionUnits } from '../units/units.js';
import { decimalArithmetic } from '../numbers/arithmetic.js';
import type { GepResultJson } from '../accounts/serialize.js';
import type { Language } from '../errors/messages.js';
import { warningMessageAt } from '../errors/warnings/index.js';
import { arithmeticText, notAccountedReason, roundingText, warningsHeading } from './display-text.js';
import type { MeasureJson } from '../units/measure.js';
import { terminalLine, terminalText } from './safe-text.js';

/** Significant digits of physical quantities and unit prices in every report. */
export const SIGNIFICANT_DIGITS = 4;

/** The display rule in words, for the footer of every report. */
export function describeDisplayRule(rule: RoundingRule, lang: Language): string {
  const mode = rule.mode === 'half-up' ? (lang === 'zh' ? '四舍五入' : 'half-up') : lang === 'zh' ? '银行家舍入' : 'half-even';
  return lang === 'zh'
    ? `显示规则：金额以万元或亿元计，${mode}保留 ${rule.places} 位小数，${describeParts(rule, 'zh')}；实物量与单价保留 ${SIGNIFICANT_DIGITS} 位有效数字（千以上保留整数）；占比保留 1 位小数。精确值见 JSON 结果与计算过程。`
    : `Display: money in 万元 or 亿元, ${describeRounding(rule)}, ${describeParts(rule)}; physical quantities and unit prices to ${SIGNIFICANT_DIGITS} significant digits (whole units from 1,000 up); shares to one decimal. Exact values are in the JSON result and the calculation.`;
}

/** Columns a CJK character takes in a terminal. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000;
    width += wide ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/**
 * Group digits by thousands: `1234567.89` → `1,234,567.89`. A loop: the look-ahead expression it
 * replaces (`\B(?=(\d{3})+(?!\d))`) scanned the rest of the number at every digit, quadratic on
 * the long numbers that extreme inputs give.
 */
export function groupThousands(text: string): string {
  const point = text.indexOf('.');
  const int = point < 0 ? text : text.slice(0, point);
  const frac = point < 0 ? '' : text.slice(point);
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  if (!/^\d+$/.test(digits)) return text;
  const head = digits.length % 3 || 3;
  const parts = [digits.slice(0, head)];
  for (let i = head; i < digits.length; i += 3) parts.push(digits.slice(i, i + 3));
  return `${sign}${parts.join(',')}${frac}`;
}

/** Drop trailing zeros of a decimal fraction and a bare point: `12.5000` → `12.5`, `3.000` → `3`. */
function trimZeros(text: string): string {
  if (!text.includes('.')) return text;
  let end = text.length;
  while (text[end - 1] === '0') end--; // a loop: /0+$/ retried at every zero of an inner run
  if (text[end - 1] === '.') end--;
  return text.slice(0, end);
}

/**
 * A physical quantity or a unit price for display: `SIGNIFICANT_DIGITS` significant digits,
 * whole units kept from 1 000 up (`1,895`, not `1,900`), trailing zeros dropped, grouped by
 * thousands; `0.00483` stays `0.00483` where two decimal places would print `0.00`. The rule's
 * mode (half-up by default) rounds; its places are for money.
 */
export function significantText(value: string, rule: RoundingRule = DEFAULT_ROUNDING): string {
  const d = new GepDecimal(value);
  const mode = rule.mode === 'half-up' ? GepDecimal.ROUND_HALF_UP : GepDecimal.ROUND_HALF_EVEN;
  if (d.isZero()) return '0';
  const whole = d.abs().gte(10 ** (SIGNIFICANT_DIGITS - 1));
  const text = whole ? d.toFixed(0, mode) : d.toSignificantDigits(SIGNIFICANT_DIGITS, mode).toFixed();
  const trimmed = trimZeros(text);
  return groupThousands(trimmed === '-0' ? '0' : trimmed);
}

/** The 万 or 亿 prefix Chinese tables print for an amount of this size, if the unit takes one. */
export function magnitudePrefix(unit: string, largest: GepDecimal): '' | '万' | '亿' {
  const prefixable = !/^[万亿]/.test(unit) && !unit.startsWith('1') && !unit.startsWith('%');
  return prefixable ? (largest.gte(1e8) ? '亿' : largest.gte(1e4) ? '万' : '') : '';
}

/** A quantity in a readable magnitude (亿 or 万 prefixes as Chinese tables print them), by the display rule. */
export function readableQuantity(m: MeasureJson, rule: RoundingRule = DEFAULT_ROUNDING): string {
  const prefix = magnitudePrefix(m.unit, new GepDecimal(m.value).abs());
  const unit = prefix ? `${prefix}${m.unit}` : m.unit;
  const value = prefix ? convert(decimalArithmetic, new GepDecimal(m.value), m.unit, unit).toString() : m.value;
  return `${significantText(value, rule)} ${unit}`;
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
    case '%':
      return { value: roundDecimal(value, rule), unit: '%' };
    case '1':
      return { value: roundDecimal(value, rule), unit: '' };
    case '元/人':
    case '元/km²': {
      const shown = `万${unit}`;
      return {
        value: groupThousands(roundDecimal(convert(decimalArithmetic, new GepDecimal(value), unit, shown).toString(), rule)),
        unit: shown,
      };
    }
    default:
      return { value: moneyText(value, '亿元', rule), unit: '亿元' };
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

type IndicatorJson = GepResultJson['indicators'][number];

/** An indicator's unit price as the account table shows it beside its physical quantity. */
export interface UnitPriceDisplay {
  /** The price by the display rule with its unit, or a count (`3 prices`), or `—`. */
  readonly text: string;
  /** The single price in the quantity's unit, exact, when there is one. */
  readonly exact?: { readonly value: string; readonly unit: string };
  /** The price as the lines carry it, when it was converted through a ratio coefficient of the indicator. */
  readonly convertedFrom?: {
    readonly value: string;
    readonly unit: string;
    readonly coefficient: string;
    readonly ratio: string;
    readonly ratioUnit: string;
  };
  /** True when the price is per another quantity than the one shown (e.g. 元/m² of covered area beside t/a). */
  readonly otherBasis?: boolean;
}

const PRICE_WORDS = {
  en: { priced: (n: number, m: number) => `${n} of ${m} priced`, prices: (n: number) => `${n} prices` },
  zh: { priced: (n: number, m: number) => `${m} 项中 ${n} 项有单价`, prices: (n: number) => `${n} 种单价` },
};

/**
 * Ratios a report may convert through, by the dimension of the coefficient's unit: the CO₂/C
 * molar-mass ratio (co2-per-carbon, 44/12), which the unit registry keeps out of unit conversion on
 * purpose (t C and t CO2 are distinct dimensions, units.ts). Others (a density, a depth) are part
 * of a method, not of a unit, and are left to the trace.
 */
const DISPLAY_RATIO_UNITS: readonly string[] = ['t CO2/t C'];

/**
 * `value` in `from` expressed in `to`: by the unit registry when the two have one dimension, else
 * through a ratio coefficient that the indicator itself used (of a `DISPLAY_RATIO_UNITS` dimension,
 * its unit `to/from` or `from/to`), as its trace records it. `null` when neither applies.
 * Display only: the result keeps its own units; this lets a row or a chart show one basis.
 */
export function convertForDisplay(
  ind: IndicatorJson,
  value: string,
  from: string,
  to: string,
): { value: string; through?: IndicatorJson['trace']['coefficients'][number] } | null {
  try {
    if (sameDimensionUnits(from, to)) return { value: convert(decimalArithmetic, new GepDecimal(value), from, to).toString() };
    for (const c of ind.trace.coefficients) {
      if (!DISPLAY_RATIO_UNITS.some((u) => sameDimensionUnits(c.unit, u) || sameDimensionUnits(c.unit, `1/(${u})`))) continue;
      const k = () => decimalArithmetic.fromString(c.rebased?.value ?? c.value);
      if (sameDimensionUnits(c.unit, `(${to})/(${from})`)) {
        return {
          value: convert(decimalArithmetic, decimalArithmetic.multiply(new GepDecimal(value), k()), `(${from})·(${c.unit})`, to).toString(),
          through: c,
        };
      }
      if (sameDimensionUnits(c.unit, `(${from})/(${to})`)) {
        return {
          value: convert(decimalArithmetic, decimalArithmetic.divide(new GepDecimal(value), k()), `(${from})/(${c.unit})`, to).toString(),
          through: c,
        };
      }
    }
  } catch {
    // A unit the registry does not parse: no conversion.
  }
  return null;
}

/**
 * The unit price of an indicator in the unit of its physical quantity, so that a row reads
 * quantity × price = value. A price of another scale is converted (元/kg beside t → 元/t). A price
 * of another dimension is converted through the ratio coefficient the indicator itself used, as
 * its trace records it (carbon: lines priced in 元/t C beside a quantity in t CO2 → ÷ co2-per-carbon,
 * 44/12, to 元/t CO2): the unit registry keeps t C and t CO2 apart on purpose (units.ts). Without
 * such a coefficient the price is shown in its own unit and marked `otherBasis`.
 */
export function unitPriceDisplay(ind: IndicatorJson, lang: Language = 'en', rule: RoundingRule = DEFAULT_ROUNDING): UnitPriceDisplay {
  const W = PRICE_WORDS[lang];
  const lines = ind.value.lines;
  const priced = lines.flatMap((l) => (l.unitPrice ? [l.unitPrice] : []));
  const distinct = new Set(priced.map((p) => `${p.value} ${p.unit}`));
  if (distinct.size === 0) return { text: '—' };
  if (priced.length < lines.length) return { text: W.priced(priced.length, lines.length) };
  if (distinct.size > 1) return { text: W.prices(distinct.size) };
  const p = priced[0]!;
  const own = { text: `${significantText(p.value, rule)} ${p.unit}`, exact: { value: p.value, unit: p.unit } };
  const quantityUnit = ind.quantity.total?.unit;
  const split = /^([^/]+)\/(.+)$/.exec(p.unit);
  if (!quantityUnit || !split) return own;
  const target = `${split[1]}/${quantityUnit.replace(/\/a$/, '')}`;
  const shown = convertForDisplay(ind, p.value, p.unit, target);
  if (!shown) return isKnownUnit(p.unit) && isKnownUnit(target) ? { ...own, otherBasis: true } : own;
  return {
    text: `${significantText(shown.value, rule)} ${target}`,
    exact: { value: shown.value, unit: target },
    ...(shown.through
      ? {
          convertedFrom: {
            value: p.value,
            unit: p.unit,
            coefficient: shown.through.id,
            ratio: shown.through.value,
            ratioUnit: shown.through.unit,
          },
        }
      : {}),
  };
}

/** Warnings that the to-verify banner stands for: shown once, with a count, at the top of every report. */
export const BANNER_CODES: ReadonlySet<string> = new Set(['coefficient-to-verify', 'profile-to-verify']);

/** The to-verify notice of a report, once, with the count of to-verify coefficients; `null` when there are none. */
export function toVerifyBanner(result: GepResultJson, lang: Language): string | null {
  const n = result.coefficientsUsed.filter((c) => c.status === 'to-verify').length;
  const list = result.profile.indicatorListStatus === 'to-verify';
  if (!n && !list) return null;
  const parts =
    lang === 'zh'
      ? [...(n ? [`使用了 ${n} 个“待核实”参数（数值或来源尚未与标准原文核对）`] : []), ...(list ? ['核算方案的指标清单待核实'] : [])]
      : [
          ...(n
            ? [
                `${n} coefficient${n === 1 ? '' : 's'} used ${n === 1 ? 'is' : 'are'} to verify (value or source not yet checked against the standard)`,
              ]
            : []),
          ...(list ? ["the profile's indicator list is to verify"] : []),
        ];
  return `⚠ ${parts.join(lang === 'zh' ? '；' : '; ')}`;
}

const priceCell = (p: UnitPriceDisplay) => (p.otherBasis ? `${p.text} *` : p.text);

/** Render the account as a text table with a footer (profile, table, price year, rounding, warnings). */
export function formatAccountTable(result: GepResultJson, lang: Language = 'en', rule: RoundingRule = DEFAULT_ROUNDING): string {
  const gep = new GepDecimal(result.totals.gep.value);
  const share = (v: string) =>
    gep.isZero() ? '—' : `${new GepDecimal(v).dividedBy(gep).times(100).toFixed(1, GepDecimal.ROUND_HALF_UP)} %`;
  const rows: string[][] = [];
  const separators = new Set<number>();
  // Independent half-up cells, or parts that add up to their totals (rule.parts): ./account-rounding.ts
  const wan = accountCells(result, '万元', rule);
  const yi = accountCells(result, '亿元', rule);
  for (const category of ['material', 'regulating', 'cultural'] as const) {
    const inCategory = result.indicators.filter((i) => i.category === category);
    if (inCategory.length === 0) continue;
    for (const ind of inCategory) {
      rows.push([
        ind.id,
        lang === 'zh' ? ind.zh : `${ind.zh} ${ind.en}`,
        ind.quantity.total
          ? readableQuantity(ind.quantity.total, rule)
          : ind.quantity.lines.length
            ? lang === 'zh'
              ? `${ind.quantity.lines.length} 项`
              : `${ind.quantity.lines.length} items`
            : '—',
        priceCell(unitPriceDisplay(ind, lang, rule)),
        groupThousands(wan.indicator(ind.id)),
        groupThousands(yi.indicator(ind.id)),
        share(ind.value.total.value),
      ]);
    }
    const total = result.totals[category];
    rows.push([
      `  ${category}`,
      lang === 'zh' ? CATEGORY_NAMES[category]!.zh : `${CATEGORY_NAMES[category]!.zh} ${CATEGORY_NAMES[category]!.en}`,
      '',
      '',
      groupThousands(wan.category(category)),
      groupThousands(yi.category(category)),
      share(total.value),
    ]);
    separators.add(rows.length);
  }
  if (result.outsideRegion.length || result.totals.outsideRegion.value !== '0') {
    const v = result.totals.outsideRegion.value;
    rows.push([
      '  outside region',
      lang === 'zh' ? '减：区域外生态产品' : 'less: products from outside the region',
      '',
      '',
      `-${groupThousands(wan.outsideRegion())}`,
      `-${groupThousands(yi.outsideRegion())}`,
      share(`-${v}`),
    ]);
  }
  rows.push([
    'GEP',
    CATEGORY_NAMES.gep![lang],
    '',
    '',
    groupThousands(wan.gep()),
    groupThousands(yi.gep()),
    share(result.totals.gep.value),
  ]);

  const header = HEADERS[lang];
  const widths = header.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c]!))));
  const align = (c: number): 'left' | 'right' => (c >= 4 ? 'right' : 'left');
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => pad(cell, widths[c]!, align(c)))
      .join('  ')
      .trimEnd();
  const rule_ = widths.map((w) => '-'.repeat(w)).join('  ');
  const body: string[] = [line(header), rule_];
  rows.forEach((r, i) => {
    if (i === rows.length - 1) body.push(rule_);
    body.push(line(r));
    if (separators.has(i + 1) && i !== rows.length - 2) body.push('');
  });

  const title =
    lang === 'zh'
      ? `${terminalLine(result.region.name)} ${result.accountingYear} 年生态产品总值核算（${result.priceYear} 年价格）`
      : `GEP account of ${terminalLine(result.region.name)}, ${result.accountingYear} (${result.priceYear} prices)`;
  const footer =
    lang === 'zh'
      ? [
          `核算方案：${result.profile.id} ${result.profile.version} — ${result.profile.title.zh}${result.profile.indicatorListStatus === 'to-verify' ? '（指标清单待核实）' : ''}`,
          `参数表：${result.coefficientTable}；算术：${arithmeticText(result.arithmetic, lang)}；舍入：${roundingText(rule, lang)}，${describeParts(rule, lang)}`,
          describeDisplayRule(rule, lang),
        ]
      : [
          `profile: ${result.profile.id} ${result.profile.version} — ${result.profile.title.en}${result.profile.indicatorListStatus === 'to-verify' ? ' (indicator list to verify)' : ''}`,
          `coefficient table: ${result.coefficientTable}; arithmetic: ${result.arithmetic}; rounding: ${describeRounding(rule)}, ${describeParts(rule)}`,
          describeDisplayRule(rule, lang),
        ];
  const converted = result.indicators.flatMap((i) => {
    const p = unitPriceDisplay(i, lang, rule);
    return p.convertedFrom
      ? [
          `${i.id}: ${p.text} = ${significantText(p.convertedFrom.value, rule)} ${p.convertedFrom.unit} ÷ ${p.convertedFrom.ratio} ${p.convertedFrom.ratioUnit} (${p.convertedFrom.coefficient})`,
        ]
      : [];
  });
  if (converted.length) footer.push(lang === 'zh' ? `单价换算：${converted.join('；')}` : `unit prices converted: ${converted.join('; ')}`);
  if (result.indicators.some((i) => unitPriceDisplay(i, lang, rule).otherBasis)) {
    footer.push(
      lang === 'zh'
        ? '* 单价按另一实物量计（如按覆盖面积），见计算过程'
        : '* unit price per another quantity than the one shown (e.g. per m² of covered area): see the trace',
    );
  }
  if (result.notAccounted.length) {
    footer.push(
      lang === 'zh'
        ? `未核算：${result.notAccounted.map((n) => `${n.zh}（${n.id}，${notAccountedReason(n.reason, lang)}）`).join('；')}`
        : `not accounted: ${result.notAccounted.map((n) => `${n.id} (${n.reason})`).join(', ')}`,
    );
  }
  // The to-verify coefficients: one line with their count, not their list (the JSON and the HTML report list them).
  const banner = toVerifyBanner(result, lang);
  const warnings = result.warnings.filter((w) => !BANNER_CODES.has(w.code)).map((w) => `  ! ${warningMessageAt(w, lang)}`);
  // Names and warnings come from the input: no control character or bidi override reaches the terminal.
  return terminalText(
    [
      title,
      ...(banner ? [banner] : []),
      '',
      ...body,
      '',
      ...footer,
      ...(warnings.length ? [warningsHeading(warnings.length, lang), ...warnings.map(terminalLine)] : []),
    ].join('\n'),
  );
}
