/**
 * GEEP and the ratios as readable text (经济生态生产总值与比率): the identity term by term in 万元
 * and 亿元, then each ratio with its definition. Rounding happens here, by the named rule printed in
 * the footer; nothing is recomputed.
 */
import { terminalLine, terminalText } from './safe-text.js';
import { DEFAULT_ROUNDING, describeRounding, type RoundingRule } from '../numbers/rounding.js';
import { PDC_BASIS_ZH, type GeepResultJson } from '../accounts/geep.js';
import type { RatiosJson } from '../accounts/ratios.js';
import type { GdpBasis } from '../accounts/economy-input.js';
import type { Language } from '../errors/messages.js';
import { warningMessage } from '../errors/warnings/index.js';
import { displayWidth, moneyText, ratioDisplay } from './text-table.js';
import { GDP_BASIS_ZH, roundingText, statusText, warningsHeading } from './display-text.js';

export { GDP_BASIS_ZH };

/** Sources of ERS in Chinese. */
const ERS_SOURCE_ZH: Readonly<Record<string, string>> = { 'gep-account': 'GEP 核算结果', input: '输入给定值' };

const gdpBasisText = (basis: string | null, lang: Language) =>
  basis === null ? '—' : lang === 'zh' ? (GDP_BASIS_ZH[basis as GdpBasis] ?? basis) : basis;

const padEnd = (t: string, w: number) => t + ' '.repeat(Math.max(0, w - displayWidth(t)));
const padStart = (t: string, w: number) => ' '.repeat(Math.max(0, w - displayWidth(t))) + t;

const money = moneyText;

const SIGN = { 1: '+', [-1]: '−', 0: ' ' } as const;

/** The GEEP identity, one term a line, with the variant's formula and the GDP basis. */
export function formatGeepTable(geep: GeepResultJson, lang: Language = 'en', rule: RoundingRule = DEFAULT_ROUNDING): string {
  const title = lang === 'zh' ? `经济生态生产总值 GEEP（${geep.priceYear} 年价格）` : `GEEP (经济生态生产总值), ${geep.priceYear} prices`;
  const rows: [string, string, string][] = geep.terms.map((t) => {
    const label = `${SIGN[t.sign]} ${lang === 'zh' ? t.zh : t.en}${t.sign === 0 ? (lang === 'zh' ? '（列示，不计入）' : ' (listed, not counted)') : ''}`;
    return [label, money(t.value.value, '万元', rule), money(t.value.value, '亿元', rule)];
  });
  rows.push([
    `= ${lang === 'zh' ? '绿色GDP（GDP − 扣减项）' : 'GGDP (GDP − deductions)'}`,
    money(geep.ggdp.value, '万元', rule),
    money(geep.ggdp.value, '亿元', rule),
  ]);
  rows.push(['= GEEP', money(geep.geep.value, '万元', rule), money(geep.geep.value, '亿元', rule)]);
  const head: [string, string, string] = lang === 'zh' ? ['项目', '万元', '亿元'] : ['term', '万元', '亿元'];
  const w = [0, 1, 2].map((c) => Math.max(...[head, ...rows].map((r) => displayWidth(r[c]!))));
  const line = (r: readonly string[]) => `${padEnd(r[0]!, w[0]!)}  ${padStart(r[1]!, w[1]!)}  ${padStart(r[2]!, w[2]!)}`;
  const components = geep.terms.flatMap((t) =>
    t.components
      .filter((c) => c.quantity && c.unitCost)
      .map(
        (c) =>
          `    ${terminalLine(c.item)}: ${c.quantity!.value} ${c.quantity!.unit} × ${c.unitCost!.value} ${c.unitCost!.unit} = ${money(c.value.value, '万元', rule)} 万元${c.counted ? '' : lang === 'zh' ? '（不计入）' : ' (not counted)'}`,
      ),
  );
  const about =
    lang === 'zh'
      ? [
          `公式：${geep.variant.formula}  [${geep.variant.id}；${geep.variant.sourceZh}]`,
          `GDP 口径：${gdpBasisText(geep.gdpBasis, lang)}；ERS 来源：${ERS_SOURCE_ZH[geep.ersSource] ?? geep.ersSource}${geep.ersExcluded.length ? `（剔除 ${geep.ersExcluded.join('、')}）` : ''}；PDC 口径：${PDC_BASIS_ZH[geep.pdcBasis] ?? geep.pdcBasis}`,
        ]
      : [
          `formula: ${geep.variant.formula}  [${geep.variant.id}; ${geep.variant.source}]`,
          `GDP basis: ${geep.gdpBasis}; ERS from: ${geep.ersSource}${geep.ersExcluded.length ? ` (without ${geep.ersExcluded.join(', ')})` : ''}; PDC basis: ${geep.pdcBasis}`,
        ];
  return terminalText(
    [
      title,
      ...about,
      '',
      line(head),
      w.map((x) => '-'.repeat(x)).join('  '),
      ...rows.map(line),
      ...(components.length ? ['', lang === 'zh' ? '  计算项：' : '  calculated components:', ...components] : []),
      ...(geep.warnings.length
        ? [warningsHeading(geep.warnings.length, lang), ...geep.warnings.map((x) => `  ! ${terminalLine(warningMessage(x, lang))}`)]
        : []),
    ].join('\n'),
  );
}

function ratioValue(value: string, unit: string, rule: RoundingRule): string {
  const d = ratioDisplay(value, unit, rule);
  return d.unit ? `${d.value} ${d.unit}` : d.value;
}

/** The ratios, each with its value and definition. */
export function formatRatiosTable(ratios: RatiosJson, lang: Language = 'en', rule: RoundingRule = DEFAULT_ROUNDING): string {
  const rows = ratios.ratios.map((r) => [
    lang === 'zh' ? r.zh : `${r.en} ${r.zh}`,
    ratioValue(r.value, r.unit, rule),
    lang === 'zh' ? r.formulaZh : r.formula,
  ]);
  const w = [0, 1].map((c) => Math.max(0, ...rows.map((r) => displayWidth(r[c]!))));
  return terminalText(
    [
      lang === 'zh' ? `比率指标（GDP 口径：${gdpBasisText(ratios.gdpBasis, lang)}）` : `Ratios (GDP basis: ${ratios.gdpBasis ?? '—'})`,
      ...rows.map((r) => `  ${padEnd(r[0]!, w[0]!)}  ${padStart(r[1]!, w[1]!)}   ${r[2]}`),
      lang === 'zh' ? '定义：' : 'definitions:',
      ...ratios.ratios.map((r) =>
        lang === 'zh'
          ? `  ${r.zh}（${r.id}）：${r.definitionZh} [${r.source}；${statusText(r.status, lang)}]`
          : `  ${r.id}: ${r.definition} [${r.source}; ${r.status}]`,
      ),
      lang === 'zh' ? `舍入：${roundingText(rule, lang)}` : `rounding: ${describeRounding(rule)}`,
      ...(ratios.warnings.length ? ratios.warnings.map((x) => `  ! ${terminalLine(warningMessage(x, lang))}`) : []),
    ].join('\n'),
  );
}
