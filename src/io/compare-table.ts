/**
 * A GEP comparison as readable text (GEP 变化分析表): per indicator, category and GEP, the value of
 * year a, of year b at current prices and at base-year prices, the change rates, and the quantity
 * and price effects in 万元; then the decomposition formula and the decline flag with its drivers.
 * Formats the JSON form; nothing is recomputed.
 */
import { terminalLine, terminalText } from './safe-text.js';
import { GepDecimal } from '../numbers/arithmetic.js';
import { DEFAULT_ROUNDING, describeRounding, type RoundingRule } from '../numbers/rounding.js';
import type { GepComparisonJson } from '../accounts/compare.js';
import type { Language } from '../errors/messages.js';
import { warningMessage } from '../errors/warnings/index.js';
import { displayWidth, moneyText } from './text-table.js';
import { categoryText, roundingText, warningsHeading } from './display-text.js';

const wan = (value: string, rule: RoundingRule) => moneyText(value, '万元', rule);
const pct = (rate: string | null) => (rate === null ? '—' : `${new GepDecimal(rate).times(100).toFixed(1, GepDecimal.ROUND_HALF_UP)} %`);
const pad = (t: string, w: number, right: boolean) => {
  const fill = ' '.repeat(Math.max(0, w - displayWidth(t)));
  return right ? fill + t : t + fill;
};

type Row = GepComparisonJson['gep'];

/** Render a comparison as a text table with the decomposition and the decline flag. */
export function formatComparisonTable(c: GepComparisonJson, lang: Language = 'en', rule: RoundingRule = DEFAULT_ROUNDING): string {
  const { a, b, baseYear } = c;
  const header =
    lang === 'zh'
      ? [
          '指标',
          '名称',
          `${a.accountingYear}（万元）`,
          `${b.accountingYear} 现价`,
          `${b.accountingYear} 按 ${baseYear} 价`,
          '现价变化',
          '不变价变化',
          '数量效应',
          '价格效应',
          '标记',
        ]
      : [
          'indicator',
          'name',
          `${a.accountingYear} (万元)`,
          `${b.accountingYear} current`,
          `${b.accountingYear} at ${baseYear} prices`,
          'change',
          'at const. prices',
          'quantity effect',
          'price effect',
          'flag',
        ];
  const cells = (id: string, name: string, x: Row, flag = '') => [
    id,
    name,
    wan(x.current.a.value, rule),
    wan(x.current.b.value, rule),
    wan(x.constant.b.value, rule),
    pct(x.current.rate),
    pct(x.constant.rate),
    wan(x.quantityEffect.value, rule),
    wan(x.priceEffect.value, rule),
    flag,
  ];
  const rows: string[][] = [];
  const nameOf = (x: { zh: string; en: string }) => (lang === 'zh' ? x.zh : `${x.zh} ${x.en}`);
  const only = (year: number) => (lang === 'zh' ? `仅 ${year} 年` : `only ${year}`);
  for (const category of ['material', 'regulating', 'cultural'] as const) {
    const list = c.indicators.filter((i) => i.category === category);
    if (!list.length) continue;
    for (const i of list)
      rows.push(
        cells(
          i.id,
          nameOf(i),
          i,
          i.declined ? '▼' : i.presence !== 'both' ? only(i.presence === 'a-only' ? a.accountingYear : b.accountingYear) : '',
        ),
      );
    rows.push(
      cells(`  ${category}`, nameOf({ zh: categoryText(category, 'zh'), en: categoryText(category, 'en') }), c.categories[category]!),
    );
  }
  rows.push(cells('GEP', lang === 'zh' ? '生态产品总值' : 'GEP', c.gep, c.decline.flagged ? '▼' : ''));
  const widths = header.map((h, k) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[k]!))));
  const line = (r: string[]) =>
    r
      .map((cell, k) => pad(cell, widths[k]!, k >= 2 && k <= 8))
      .join('  ')
      .trimEnd();
  const rule_ = widths.map((w) => '-'.repeat(w)).join('  ');

  const threshold = `${new GepDecimal(c.decline.threshold).times(100).toString()} %`;
  const declineLines = [
    lang === 'zh'
      ? `下降判定：GEP 按 ${baseYear} 年不变价变化 ${pct(c.gep.constant.rate)}，阈值 −${threshold}：${c.decline.flagged ? '触发（▼）' : '未触发'}`
      : `decline flag: GEP at constant ${baseYear} prices ${pct(c.gep.constant.rate)}, threshold −${threshold}: ${c.decline.flagged ? 'FLAGGED (▼)' : 'not flagged'}`,
    ...(c.decline.drivers.length
      ? [
          lang === 'zh'
            ? '  拉低的指标（数量效应，占 GEP 变化百分点）：'
            : '  indicators pulling GEP down (quantity effect, points of the GEP change):',
          ...c.decline.drivers.map((d) => {
            const points = d.contributionPoints === null ? '—' : new GepDecimal(d.contributionPoints).toFixed(2, GepDecimal.ROUND_HALF_UP);
            const share = new GepDecimal(d.shareOfDecline).times(100).toFixed(1, GepDecimal.ROUND_HALF_UP);
            return lang === 'zh'
              ? `    ${d.id} ${d.zh}：${wan(d.quantityEffect.value, rule)} 万元（${pct(d.constantRate)}；${points === '—' ? points : `${points} 个百分点`}；占下降总额 ${share} %）`
              : `    ${d.id} ${d.zh}: ${wan(d.quantityEffect.value, rule)} 万元 (${pct(d.constantRate)}; ${points === '—' ? points : `${points} pp`}; ${share} % of the gross decline)`;
          }),
        ]
      : []),
    `  ${lang === 'zh' ? c.decline.ruleZh : c.decline.rule}`,
  ];
  const region = terminalLine(a.region);
  const title =
    lang === 'zh'
      ? `${region} GEP 比较：${a.accountingYear} → ${b.accountingYear}（不变价：${baseYear} 年）`
      : `GEP comparison of ${region}: ${a.accountingYear} → ${b.accountingYear} (constant prices of ${baseYear})`;
  return terminalText(
    [
      title,
      '',
      line(header),
      rule_,
      ...rows.map(line),
      '',
      ...(lang === 'zh'
        ? [`变化分解：${c.decomposition.formulaZh}`, `  ${c.decomposition.noteZh}`]
        : [`decomposition: ${c.decomposition.formula}`, `  ${c.decomposition.note}`]),
      ...(c.priceIndex
        ? [
            `${lang === 'zh' ? '价格指数：' : 'price index: '}${c.priceIndex}${c.deflators.length ? `${lang === 'zh' ? '；' : '; '}I_${baseYear}/I_year: ${c.deflators.map((d) => `${d.year} ${new GepDecimal(d.factor).toSignificantDigits(8).toString()}`).join(', ')}` : ''}`,
          ]
        : []),
      ...declineLines,
      lang === 'zh'
        ? `核算：a = ${a.profile}，参数表 ${a.coefficientTable}，${a.priceYear} 年价格；b = ${b.profile}，参数表 ${b.coefficientTable}，${b.priceYear} 年价格；舍入：${roundingText(rule, lang)}，逐格独立舍入`
        : `accounts: a = ${a.profile}, table ${a.coefficientTable}, ${a.priceYear} prices; b = ${b.profile}, table ${b.coefficientTable}, ${b.priceYear} prices; rounding: ${describeRounding(rule)}, each cell independently`,
      ...(c.warnings.length
        ? [warningsHeading(c.warnings.length, lang), ...c.warnings.map((w) => `  ! ${terminalLine(warningMessage(w, lang))}`)]
        : []),
    ].join('\n'),
  );
}
