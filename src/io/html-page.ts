/**
 * The shell shared by the HTML reports (`html-report.ts`, `reproduction-html.ts`): one
 * self-contained page with its style sheet inline, no script and no external resource (a
 * Content-Security-Policy forbids loading any), plus the number formatting the reports share.
 * Numbers are formatted from the result's exact decimal strings by a named rounding rule.
 */
import { GepDecimal, decimalArithmetic } from '../numbers/arithmetic.js';
import type { RoundingRule } from '../numbers/rounding.js';
import { convert } from '../units/units.js';
import type { Language } from '../errors/messages.js';
import { escapeXml } from './svg-chart.js';
import { groupThousands, moneyText } from './text-table.js';

export { moneyText };

/** Escape text for HTML (the same rules as XML). */
export const escapeHtml = escapeXml;

/** Colours of the report: categories, years, effects, statuses. */
export const COLORS = {
  material: '#c98a2b',
  regulating: '#2e8b5f',
  cultural: '#3f6fb5',
  outside: '#9a9a9a',
  neutral: '#5b6b7a',
  yearA: '#a3adb8',
  yearB: '#1f6f8b',
  constant: '#7fb7cc',
  quantityEffect: '#2e6f9e',
  priceEffect: '#d9a03f',
  increase: '#2e8b5f',
  decrease: '#c0392b',
  total: '#37474f',
} as const;

/** A change in 元 shown with its sign (+ or −) in 万元 or 亿元; no sign when it rounds to 0. */
export function signedMoneyText(yuan: string, unit: '万元' | '亿元', rule: RoundingRule): string {
  const v = new GepDecimal(yuan);
  const text = moneyText(v.abs().toString(), unit, rule);
  if (/^[0.,]*$/.test(text)) return text;
  return `${v.isNegative() ? '−' : '+'}${text}`;
}

/** A money amount in 元 as a plain number of the chart unit (pixels only; never printed). */
export function moneyNumber(yuan: string, unit: '万元' | '亿元'): number {
  return Number(convert(decimalArithmetic, new GepDecimal(yuan), '元', unit).toString());
}

/** `part / whole` in percent, one decimal, half-up; `—` when the whole is 0. */
export function percentText(part: string, whole: string): string {
  const w = new GepDecimal(whole);
  if (w.isZero()) return '—';
  return `${new GepDecimal(part).dividedBy(w).times(100).toFixed(1, GepDecimal.ROUND_HALF_UP)} %`;
}

/** A fraction (decimal text, e.g. a change rate) in percent, one decimal, with its sign. */
export function rateText(rate: string | null): string {
  if (rate === null) return '—';
  const text = new GepDecimal(rate).times(100).toFixed(1, GepDecimal.ROUND_HALF_UP);
  if (/^-?0\.0$/.test(text)) return '0.0 %';
  return text.startsWith('-') ? `−${text.slice(1)} %` : `+${text} %`;
}

/** A long exact decimal shortened for reading (12 significant digits and …); the exact text goes in a title. */
export function exactText(value: string): string {
  const digits = value.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
  if (digits.length <= 12) return escapeHtml(groupThousands(value));
  const short = new GepDecimal(value).toSignificantDigits(12, GepDecimal.ROUND_HALF_UP).toFixed();
  return `<span class="exact" title="${escapeHtml(value)}">${escapeHtml(groupThousands(short))}…</span>`;
}

/** Numerals for section headings: 一、二、… in Chinese, 1. 2. … in English. */
export function sectionNumber(n: number, lang: Language): string {
  const zh = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
  return lang === 'zh' ? `${zh[n - 1] ?? n}、` : `${n}. `;
}

const CSS = `
:root{--ink:#1d2a33;--muted:#5d6b78;--line:#dde3e8;--soft:#f4f7f9;--accent:#1f5f4a;--warn:#fff4d6;--warn-line:#e6b84c;--bad:#fdecea;--bad-line:#d9534f}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#eef2f4;color:var(--ink);font:14px/1.55 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei",system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1120px;margin:0 auto;background:#fff;box-shadow:0 1px 6px rgba(0,0,0,.08)}
header.masthead{background:linear-gradient(120deg,#174a3a 0%,#1f6a55 55%,#2b7f69 100%);color:#fff;padding:28px 40px 24px}
header.masthead .kicker{font-size:13px;letter-spacing:.08em;opacity:.85;margin:0 0 6px}
header.masthead h1{font-size:26px;line-height:1.3;margin:0 0 10px;font-weight:700}
header.masthead .meta{display:flex;flex-wrap:wrap;gap:4px 18px;font-size:13px;opacity:.92;margin:0;padding:0;list-style:none}
header.masthead .meta b{font-weight:600;opacity:.8;margin-right:4px}
.content{padding:8px 40px 32px}
section{margin:26px 0 0}
h2{font-size:19px;margin:0 0 12px;padding-bottom:6px;border-bottom:2px solid var(--accent);color:var(--accent)}
h3{font-size:15px;margin:18px 0 8px}
p.note,.note{color:var(--muted);font-size:12.5px}
.banner{border:1px solid var(--warn-line);background:var(--warn);border-radius:6px;padding:10px 14px;margin:18px 0 0;font-size:13.5px}
.banner p{margin:0}.banner p+p{margin-top:4px}
.banner.bad{border-color:var(--bad-line);background:var(--bad)}
.banner.good{border-color:#7cc39b;background:#ecf8f0}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(190px,1fr));gap:12px;margin:18px 0 0}
.figure{border:1px solid var(--line);border-radius:8px;padding:12px 14px;background:#fff;border-top:4px solid var(--neutral,#5b6b7a)}
.figure.main{background:#f3f9f6;border-top-color:#1f6a55;grid-column:span 2}
.figure .label{font-size:12.5px;color:var(--muted)}
.figure .amount{font-size:26px;font-weight:700;font-variant-numeric:tabular-nums;line-height:1.25;margin-top:2px}
.figure.main .amount{font-size:30px;color:#174a3a}
.figure .unit{font-size:13px;font-weight:400;color:var(--muted);margin-left:4px}
.figure .sub{font-size:12.5px;color:var(--muted)}
.charts{display:grid;grid-template-columns:1fr;gap:16px}
.card{border:1px solid var(--line);border-radius:8px;padding:14px 16px;background:#fff}
.card h3{margin-top:0}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:14px}
.wide{overflow-x:auto}
table.coefficients td:first-child code{white-space:nowrap}
svg.chart{display:block;width:100%;height:auto;max-width:100%;overflow:visible}
svg.chart text{font-size:12.5px;fill:var(--ink);font-family:inherit}
svg.chart text.tick,svg.chart text.unit{font-size:11px;fill:var(--muted)}
svg.chart text.value{font-size:12px;fill:#33434f;font-variant-numeric:tabular-nums}
svg.chart text.inside{font-size:13px;fill:#fff;font-weight:600}
svg.chart text.legend-value{fill:var(--muted);font-size:12px}
svg.chart .row.total text.label{font-weight:700}
svg.chart line.grid{stroke:#e7ecef;stroke-width:1}
svg.chart line.grid.zero{stroke:#8a98a5}
svg.chart line.total-rule{stroke:#c7d0d7;stroke-dasharray:3 3}
svg.chart line.connector{stroke:#8a98a5;stroke-dasharray:2 2}
svg.chart line.marker{stroke:#c0392b;stroke-width:1.5;stroke-dasharray:4 3}
svg.chart text.marker-label{fill:#c0392b;font-size:11px}
table{border-collapse:collapse;width:100%;font-size:13px;margin:6px 0 4px}
th,td{padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top;text-align:left}
th{background:var(--soft);font-weight:600;color:#33434f;white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.subtotal td{font-weight:600;background:#f7faf8}
tr.grand td{font-weight:700;background:#e8f2ec;border-top:2px solid #1f6a55}
tr.to-verify td{background:var(--warn)}
td .en,.en{color:var(--muted);font-size:12px}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:11.5px;line-height:18px;white-space:nowrap;border:1px solid transparent}
.badge.verified{background:#e6f4ec;color:#1f6a45;border-color:#b9dfc9}
.badge.derived{background:#eaf1fb;color:#2d5a94;border-color:#c4d6ef}
.badge.to-verify{background:#ffe9a8;color:#7a5300;border-color:#e6b84c;font-weight:600}
.badge.user-override{background:#f3e8fb;color:#6a3a8c;border-color:#d9c2ea}
.badge.ok{background:#e6f4ec;color:#1f6a45}
.badge.bad{background:#fdecea;color:#a4281c;font-weight:600}
.badge.muted{background:#eef1f3;color:#5d6b78}
.dot{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px;vertical-align:baseline}
code,.mono{font-family:"Noto Sans Mono CJK SC","SFMono-Regular",Menlo,Consolas,monospace;font-size:12px}
details{border:1px solid var(--line);border-radius:6px;margin:8px 0;background:#fff}
details>summary{cursor:pointer;padding:8px 12px;font-weight:600;list-style-position:inside}
details[open]>summary{border-bottom:1px solid var(--line);background:var(--soft)}
details .inner{padding:8px 12px 10px}
ul.warnings{margin:4px 0 0;padding-left:20px}
ul.warnings li{margin:2px 0}
.formula{font-family:"Noto Sans Mono CJK SC",Menlo,Consolas,monospace;font-size:12px;color:#2b3a45}
.from{color:var(--muted);font-size:11.5px;word-break:break-all}
span.exact{border-bottom:1px dotted var(--muted);cursor:help}
footer{border-top:1px solid var(--line);margin-top:32px;padding:14px 40px 22px;color:var(--muted);font-size:12px}
a{color:#1f5f8a}
@media (max-width:720px){header.masthead,.content,footer{padding-left:16px;padding-right:16px}}
@media print{body{background:#fff}main{box-shadow:none;max-width:none}section,.card,.figure{break-inside:avoid}details{break-inside:auto}}
`;

/** A whole page: doctype, head with the style sheet and a CSP that allows no network access, body. */
export function htmlPage(options: {
  readonly lang: Language;
  readonly title: string;
  readonly body: string;
  readonly generator: string;
}): string {
  return `<!DOCTYPE html>
<html lang="${options.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="${escapeHtml(options.generator)}">
<title>${escapeHtml(options.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${options.body}
</main>
</body>
</html>
`;
}
