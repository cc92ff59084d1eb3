/**
 * Reports of uncertainty and sensitivity (不确定性与敏感性报告): text tables for the terminal and
 * one self-contained HTML page each (the shell of the account report: no script, no network),
 * with the intervals of GEP, its categories and indicators, a histogram of GEP, the parameters
 * drawn, and for sensitivity a tornado chart, the first-order indices and the five coefficients
 * that move GEP most. Money is shown in 万元 or 亿元, rounded by the report's rule; the statistics
 * are float64 and say so.
 */
import type { Language } from '../errors/messages.js';
import { warningMessage } from '../errors/warnings/index.js';
import { DEFAULT_ROUNDING, type RoundingRule } from '../numbers/rounding.js';
import type { SensitivityResultJson, UncertaintyResultJson } from '../uncertainty/serialize.js';
import { LIBRARY_VERSION } from '../version.js';
import { COLORS, escapeHtml, htmlPage, moneyText, sectionNumber } from './html-page.js';
import { terminalLine, terminalText } from './safe-text.js';
import { barChart, histogramChart, type ChartRow } from './svg-chart.js';
import { displayWidth } from './text-table.js';

/** Options of the uncertainty and sensitivity reports. */
export interface UncertaintyReportOptions {
  readonly lang?: Language;
  readonly rounding?: RoundingRule;
}

const T = {
  en: {
    uncertaintyTitle: 'Uncertainty of the GEP account',
    sensitivityTitle: 'Sensitivity of GEP',
    item: 'item',
    base: 'without draws',
    mean: 'mean',
    sd: 'sd',
    p5: '5 %',
    median: 'median',
    p95: '95 %',
    gep: 'GEP',
    material: 'material products',
    regulating: 'regulating services',
    cultural: 'cultural services',
    intervals: 'Intervals',
    histogram: 'Distribution of GEP',
    parameters: 'What was drawn',
    indicators: 'Indicators',
    draws: 'draws',
    counted: 'counted',
    seed: 'seed',
    generator: 'generator',
    quantiles: 'quantiles',
    tornado: 'One at a time: GEP with each parameter at its 5th and 95th percentile',
    firstOrder: 'First-order (variance) indices',
    top5: 'The five coefficients that move GEP most',
    parameter: 'parameter',
    low: 'low',
    high: 'high',
    swing: 'swing',
    origin: 'origin',
    distribution: 'distribution',
    unit: 'unit',
    index: 'first-order index',
    warnings: 'Warnings',
    statsNote: 'Statistics are computed in float64 over the counted draws; the value without draws is exact.',
  },
  zh: {
    uncertaintyTitle: '生态产品总值核算的不确定性',
    sensitivityTitle: '生态产品总值的敏感性',
    item: '项目',
    base: '确定值',
    mean: '均值',
    sd: '标准差',
    p5: '5 %',
    median: '中位数',
    p95: '95 %',
    gep: 'GEP',
    material: '物质产品',
    regulating: '调节服务',
    cultural: '文化服务',
    intervals: '区间',
    histogram: 'GEP 的分布',
    parameters: '抽样参数',
    indicators: '指标',
    draws: '抽样次数',
    counted: '计入',
    seed: '种子',
    generator: '随机数发生器',
    quantiles: '分位数',
    tornado: '单因素：各参数取其 5% 与 95% 分位数时的 GEP',
    firstOrder: '一阶（方差）敏感性指数',
    top5: '对 GEP 影响最大的五个参数',
    parameter: '参数',
    low: '低值',
    high: '高值',
    swing: '变幅',
    origin: '来源',
    distribution: '分布',
    unit: '单位',
    index: '一阶指数',
    warnings: '提示',
    statsNote: '统计量为双精度浮点数，基于计入的抽样；确定值为精确值。',
  },
} as const;

const pad = (s: string, w: number, right = false) => {
  const fill = ' '.repeat(Math.max(0, w - displayWidth(s)));
  return right ? `${fill}${s}` : `${s}${fill}`;
};

/** Aligned columns; each cell is input text (a name, a key, a unit) made safe for a terminal before it is measured. */
function table(cells: readonly string[][], numeric: (c: number) => boolean): string {
  const rows = cells.map((r) => r.map(terminalLine));
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c] ?? ''))));
  return rows
    .map((r) =>
      r
        .map((cell, c) => pad(cell, widths[c]!, numeric(c)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const money = (x: string | null, rule: RoundingRule) => (x === null ? '—' : moneyText(x, '万元', rule));

function describe(d: Record<string, unknown>): string {
  // Four significant digits, without the zeros after a decimal point (5000 stays 5000; 0.4200 is 0.42).
  const n = (v: unknown) =>
    typeof v === 'string'
      ? Number(v)
          .toPrecision(4)
          .replace(/(\.\d*?)0+(e|$)/, '$1$2')
          .replace(/\.(e|$)/, '$1')
      : String(v);
  switch (d.type) {
    case 'normal':
      return `normal(mean ${n(d.mean)}, sd ${n(d.sd)})`;
    case 'lognormal':
      return `lognormal(median ${n(d.median)}, gsd ${n(d.gsd)})`;
    case 'triangular':
      return `triangular(${n(d.min)}, ${n(d.mode)}, ${n(d.max)})`;
    case 'uniform':
      return `uniform(${n(d.min)}, ${n(d.max)})`;
    default:
      return `empirical(${(d.values as unknown[]).length} values)`;
  }
}

/** The uncertainty of an account as a text table (万元). */
export function formatUncertaintyTable(r: UncertaintyResultJson, lang: Language = 'en', rule: RoundingRule = DEFAULT_ROUNDING): string {
  const t = T[lang];
  const line = (label: string, s: UncertaintyResultJson['totals']['gep']) => [
    label,
    money(s.base, rule),
    money(s.mean, rule),
    money(s.sd, rule),
    money(s.p5, rule),
    money(s.median, rule),
    money(s.p95, rule),
  ];
  const rows = [
    [t.item, `${t.base} (万元)`, t.mean, t.sd, t.p5, t.median, t.p95],
    line(t.material, r.totals.material),
    line(t.regulating, r.totals.regulating),
    line(t.cultural, r.totals.cultural),
    line(t.gep, r.totals.gep),
    ...r.indicators.map((i) => line(`  ${lang === 'zh' ? i.zh : i.id}`, i)),
  ];
  const region = terminalLine(r.region.name);
  const head =
    lang === 'zh'
      ? `${t.uncertaintyTitle}：${region}，${r.accountingYear} 年（${r.priceYear} 年价格）— ${t.draws} ${r.draws}，${t.counted} ${r.counted}，${t.seed} ${r.seed}`
      : `${t.uncertaintyTitle}: ${region}, ${r.accountingYear} (${r.priceYear} prices) — ${r.draws} ${t.draws}, ${r.counted} ${t.counted}, ${t.seed} ${r.seed}`;
  const params = r.parameters.length
    ? `\n\n${t.parameters}:\n${r.parameters.map((p) => terminalLine(`  ${p.key} [${p.unit}] ${describe(p.distribution)} — ${originIn(p, lang)}`)).join('\n')}`
    : '';
  const warnings = r.warnings.length
    ? `\n\n${t.warnings}${lang === 'zh' ? '：' : ':'}\n${r.warnings.map((w) => `  - ${terminalLine(warningMessage(w, lang))}`).join('\n')}`
    : '';
  return terminalText(`${head}\n\n${table(rows, (c) => c > 0)}\n\n${t.statsNote}${params}${warnings}\n`);
}

/**
 * The generator and quantile method of src/uncertainty/monte-carlo.ts (GENERATOR, QUANTILE_METHOD) in
 * Chinese, keyed by their English; written here so that the report does not load the engine.
 */
const METHODS_ZH: Readonly<Record<string, string>> = {
  'xoshiro128** 1.1 (Blackman & Vigna 2018), seeded by SplitMix32; 53-bit uniform doubles':
    'xoshiro128** 1.1（Blackman 与 Vigna 2018），以 SplitMix32 设定种子；53 位均匀分布双精度数',
  'linear interpolation between order statistics (Hyndman & Fan 1996 type 7)': '顺序统计量之间的线性插值（Hyndman 与 Fan 1996 第 7 型）',
};

/** A method named in a result, in `lang` (one this library does not know stays as it is). */
export const methodIn = (method: string, lang: Language) =>
  lang === 'zh' && Object.hasOwn(METHODS_ZH, method) ? METHODS_ZH[method]! : method;

/** Where a parameter's distribution comes from, in `lang` (a result saved before it had Chinese keeps its English). */
const originIn = (p: { readonly origin: string; readonly originZh?: string }, lang: Language) =>
  lang === 'zh' ? (p.originZh ?? p.origin) : p.origin;

/** The sensitivity of GEP as a text table (万元). */
export function formatSensitivityTable(
  r: SensitivityResultJson,
  lang: Language = 'en',
  rule: RoundingRule = DEFAULT_ROUNDING,
  limit = 20,
): string {
  const t = T[lang];
  const rows = [
    [t.parameter, t.unit, t.low, t.high, `GEP ${t.low} (万元)`, `GEP ${t.high} (万元)`, `${t.swing} (万元)`, t.origin],
    ...r.swings
      .slice(0, limit)
      .map((s) => [
        s.key,
        s.unit,
        Number(s.low).toPrecision(4),
        Number(s.high).toPrecision(4),
        money(s.gepLow, rule),
        money(s.gepHigh, rule),
        money(s.swing, rule),
        originIn(s, lang),
      ]),
  ];
  const indices = r.firstOrder.indices
    .map((i) => `  ${terminalLine(i.keys.join(' + '))}: ${i.index === null ? '—' : Number(i.index).toFixed(3)}`)
    .join('\n');
  return terminalText(
    `${[
      `${t.sensitivityTitle}: ${terminalLine(r.region.name)}, ${r.accountingYear} — GEP ${money(r.base, rule)} 万元`,
      '',
      `${t.top5}: ${terminalLine(r.topCoefficients.join(', '))}`,
      '',
      table(rows, (c) => c >= 2 && c <= 6),
      r.swings.length > limit ? (lang === 'zh' ? `…… 另有 ${r.swings.length - limit} 项` : `… ${r.swings.length - limit} more`) : '',
      lang === 'zh'
        ? `${t.firstOrder}（${r.firstOrder.samples} × ${r.firstOrder.indices.length + 2} 次核算，${r.firstOrder.estimator}）：`
        : `${t.firstOrder} (${r.firstOrder.samples} × ${r.firstOrder.indices.length + 2} accounts, ${r.firstOrder.estimator}):`,
      indices,
      ...(r.warnings.length
        ? ['', `${t.warnings}${lang === 'zh' ? '：' : ':'}`, ...r.warnings.map((w) => `  - ${terminalLine(warningMessage(w, lang))}`)]
        : []),
    ]
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')}\n`,
  );
}

const yi = (x: string | null) => (x === null ? NaN : Number(x) / 1e8);

function masthead(
  title: string,
  r: { region: { name: string }; accountingYear: number; priceYear: number; profile: { id: string }; coefficientTable: string },
  extra: string,
  lang: Language,
): string {
  const [profile, table, prices] = lang === 'zh' ? ['核算方案', '参数表', '价格年份'] : ['profile', 'table', 'prices'];
  return (
    `<header class="masthead"><p class="kicker">gep-accounting ${escapeHtml(LIBRARY_VERSION)}</p><h1>${escapeHtml(title)} — ${escapeHtml(r.region.name)} ${r.accountingYear}</h1>` +
    `<ul class="meta"><li><b>${profile}</b>${escapeHtml(r.profile.id)}</li><li><b>${table}</b>${escapeHtml(r.coefficientTable)}</li><li><b>${prices}</b>${r.priceYear}</li>${extra}</ul></header>`
  );
}

function warningsSection(
  n: number,
  warnings: readonly { code: string; message: string; zh?: string | undefined }[],
  lang: Language,
): string {
  if (!warnings.length) return '';
  return `<section><h2>${sectionNumber(n, lang)}${T[lang].warnings}</h2><ul class="warnings">${warnings.map((w) => `<li>${escapeHtml(warningMessage(w, lang))}</li>`).join('')}</ul></section>`;
}

/** The uncertainty of an account as one HTML page: intervals, histogram of GEP, indicators, parameters. */
export function uncertaintyToHtml(r: UncertaintyResultJson, options: UncertaintyReportOptions = {}): string {
  const lang = options.lang ?? 'en';
  const rule = options.rounding ?? DEFAULT_ROUNDING;
  const t = T[lang];
  const g = r.totals.gep;
  const figure = (label: string, value: string | null, sub: string, main = false) =>
    `<div class="figure${main ? ' main' : ''}"><div class="label">${escapeHtml(label)}</div><div class="amount">${escapeHtml(money(value, rule))}<span class="unit">万元</span></div><div class="sub">${escapeHtml(sub)}</div></div>`;
  const figures = `<div class="figures">${figure(`${t.gep} ${t.median}`, g.median, `${t.p5}–${t.p95}: ${money(g.p5, rule)} – ${money(g.p95, rule)} 万元`, true)}${figure(`${t.gep} ${t.base}`, g.base, `${t.mean} ${money(g.mean, rule)} · ${t.sd} ${money(g.sd, rule)}`)}</div>`;
  const intervalRow = (label: string, key: string, s: UncertaintyResultJson['totals']['gep'], color: string, total = false): ChartRow => ({
    label,
    key,
    total,
    bars: [
      {
        start: yi(s.p5),
        end: yi(s.p95),
        color,
        text: `${money(s.p5, rule)} – ${money(s.p95, rule)}`,
        title: `${label}: ${t.p5} ${money(s.p5, rule)}, ${t.median} ${money(s.median, rule)}, ${t.p95} ${money(s.p95, rule)} 万元`,
        value: `${s.p5}/${s.p95}`,
      },
    ],
  });
  const intervals = barChart(
    [
      intervalRow(t.material, 'material', r.totals.material, COLORS.material),
      intervalRow(t.regulating, 'regulating', r.totals.regulating, COLORS.regulating),
      intervalRow(t.cultural, 'cultural', r.totals.cultural, COLORS.cultural),
      intervalRow(t.gep, 'gep', r.totals.gep, COLORS.total, true),
    ],
    { id: 'uncertainty-intervals', title: `${t.intervals} (${t.p5}–${t.p95})`, unit: '亿元' },
  );
  const hist = histogramChart(
    r.histogram.edges.map((e) => yi(e)),
    r.histogram.counts,
    {
      id: 'uncertainty-histogram',
      title: t.histogram,
      unit: '亿元',
      markers: [
        { at: yi(g.p5), label: t.p5 },
        { at: yi(g.p95), label: t.p95 },
        { at: yi(g.base), label: t.base, color: COLORS.total },
      ],
    },
  );
  const numeric = (x: string | null) => `<td class="num">${escapeHtml(money(x, rule))}</td>`;
  const row = (label: string, s: UncertaintyResultJson['totals']['gep'], cls = '') =>
    `<tr${cls ? ` class="${cls}"` : ''}><td>${label}</td>${numeric(s.base)}${numeric(s.mean)}${numeric(s.sd)}${numeric(s.p5)}${numeric(s.median)}${numeric(s.p95)}${s.quantiles
      .filter((q) => !['0.05', '0.5', '0.95'].includes(q.p))
      .map((q) => numeric(q.value))
      .join('')}</tr>`;
  const extraQ = g.quantiles
    .filter((q) => !['0.05', '0.5', '0.95'].includes(q.p))
    .map((q) => `<th class="num">${escapeHtml(`${Number(q.p) * 100} %`)}</th>`)
    .join('');
  const head = `<tr><th>${t.item}</th><th class="num">${t.base}</th><th class="num">${t.mean}</th><th class="num">${t.sd}</th><th class="num">${t.p5}</th><th class="num">${t.median}</th><th class="num">${t.p95}</th>${extraQ}</tr>`;
  const indicatorTable = `<div class="wide"><table data-table="uncertainty"><thead>${head}</thead><tbody>${r.indicators
    .map((i) => row(`${escapeHtml(lang === 'zh' ? i.zh : i.en)} <span class="en">${escapeHtml(i.id)}</span>`, i))
    .join(
      '',
    )}${row(t.material, r.totals.material, 'subtotal')}${row(t.regulating, r.totals.regulating, 'subtotal')}${row(t.cultural, r.totals.cultural, 'subtotal')}${row(t.gep, r.totals.gep, 'grand')}</tbody></table></div><p class="note">${escapeHtml(t.statsNote)} 万元.</p>`;
  const params = `<div class="wide"><table data-table="parameters"><thead><tr><th>${t.parameter}</th><th>${t.unit}</th><th class="num">${t.base}</th><th>${t.distribution}</th><th>${t.origin}</th></tr></thead><tbody>${r.parameters
    .map(
      (p) =>
        `<tr${p.status === 'to-verify' ? ' class="to-verify"' : ''}><td><code>${escapeHtml(p.key)}</code>${p.shared ? ` <span class="badge muted">${escapeHtml(p.shared)}</span>` : ''}</td><td>${escapeHtml(p.unit)}${p.priceYear ? ` (${p.priceYear})` : ''}</td><td class="num">${escapeHtml(p.base)}</td><td>${escapeHtml(describe(p.distribution))}</td><td>${escapeHtml(originIn(p, lang))}</td></tr>`,
    )
    .join(
      '',
    )}</tbody></table></div><p class="note">${escapeHtml(`${t.draws} ${r.draws}, ${t.counted} ${r.counted}; ${t.seed} ${r.seed}; ${t.generator}: ${methodIn(r.generator, lang)}; ${t.quantiles}: ${methodIn(r.quantileMethod, lang)}.`)}</p>`;
  const body = [
    masthead(t.uncertaintyTitle, r, `<li><b>${t.draws}</b>${r.draws}</li><li><b>${t.seed}</b>${r.seed}</li>`, lang),
    '<div class="content">',
    figures,
    `<section><h2>${sectionNumber(1, lang)}${t.intervals}</h2><div class="card">${intervals}</div></section>`,
    `<section><h2>${sectionNumber(2, lang)}${t.histogram}</h2><div class="card">${hist}</div></section>`,
    `<section><h2>${sectionNumber(3, lang)}${t.indicators}</h2>${indicatorTable}</section>`,
    `<section><h2>${sectionNumber(4, lang)}${t.parameters}</h2>${params}</section>`,
    warningsSection(5, r.warnings, lang),
    '</div>',
  ].join('\n');
  return htmlPage({
    lang,
    title: `${t.uncertaintyTitle} — ${r.region.name} ${r.accountingYear}`,
    body,
    generator: `gep-accounting ${LIBRARY_VERSION}`,
  });
}

/** The sensitivity of GEP as one HTML page: tornado chart, the top five coefficients, first-order indices. */
export function sensitivityToHtml(r: SensitivityResultJson, options: UncertaintyReportOptions & { readonly limit?: number } = {}): string {
  const lang = options.lang ?? 'en';
  const rule = options.rounding ?? DEFAULT_ROUNDING;
  const t = T[lang];
  const limit = options.limit ?? 15;
  const base = yi(r.base);
  const rows: ChartRow[] = r.swings
    .slice(0, limit)
    .filter((s) => s.swing !== null)
    .map((s) => ({
      label: s.key,
      key: s.key,
      bars: [
        {
          start: base,
          end: yi(s.gepLow),
          color: COLORS.decrease,
          series: 'low',
          title: `${s.key} = ${s.low} ${s.unit}: GEP ${money(s.gepLow, rule)} 万元`,
          value: s.gepLow ?? '',
        },
        {
          start: base,
          end: yi(s.gepHigh),
          color: COLORS.increase,
          series: 'high',
          text: `${money(s.swing, rule)} 万元`,
          title: `${s.key} = ${s.high} ${s.unit}: GEP ${money(s.gepHigh, rule)} 万元`,
          value: s.gepHigh ?? '',
        },
      ],
    }));
  const tornado = barChart(rows, {
    id: 'sensitivity-tornado',
    title: t.tornado,
    unit: '亿元',
    legend: [
      { label: `${t.low} (5 %)`, color: COLORS.decrease },
      { label: `${t.high} (95 %)`, color: COLORS.increase },
    ],
    marker: { at: base, label: `GEP ${money(r.base, rule)} 万元` },
  });
  const top = `<ol data-list="top-coefficients">${r.topCoefficients
    .map((id) => {
      const s = r.swings.find((x) => x.key === id)!;
      return `<li><code>${escapeHtml(id)}</code>: ${escapeHtml(`${t.swing} ${money(s.swing, rule)} 万元 (${t.low} ${s.low}, ${t.high} ${s.high} ${s.unit}; ${originIn(s, lang)})`)}</li>`;
    })
    .join('')}</ol>`;
  const indices = `<table data-table="first-order"><thead><tr><th>${t.parameter}</th><th class="num">${t.index}</th></tr></thead><tbody>${r.firstOrder.indices
    .map(
      (i) =>
        `<tr><td>${i.keys.map((k) => `<code>${escapeHtml(k)}</code>`).join(' + ')}</td><td class="num">${i.index === null ? '—' : Number(i.index).toFixed(3)}</td></tr>`,
    )
    .join(
      '',
    )}</tbody></table><p class="note">${escapeHtml(`${r.firstOrder.estimator}; N = ${r.firstOrder.samples}, seed ${r.firstOrder.seed}. An index is the share of the variance of GEP that the parameter explains alone; the error of the estimate is of the order of 1/√N.`)}</p>`;
  const table = `<div class="wide"><table data-table="swings"><thead><tr><th>${t.parameter}</th><th>${t.unit}</th><th class="num">${t.low}</th><th class="num">${t.high}</th><th class="num">GEP ${t.low}</th><th class="num">GEP ${t.high}</th><th class="num">${t.swing}</th><th>${t.origin}</th></tr></thead><tbody>${r.swings
    .map(
      (s) =>
        `<tr${s.status === 'to-verify' ? ' class="to-verify"' : ''}><td><code>${escapeHtml(s.key)}</code></td><td>${escapeHtml(s.unit)}</td><td class="num">${escapeHtml(String(Number(s.low).toPrecision(4)))}</td><td class="num">${escapeHtml(String(Number(s.high).toPrecision(4)))}</td><td class="num">${escapeHtml(money(s.gepLow, rule))}</td><td class="num">${escapeHtml(money(s.gepHigh, rule))}</td><td class="num">${escapeHtml(money(s.swing, rule))}</td><td>${escapeHtml(originIn(s, lang))}</td></tr>`,
    )
    .join('')}</tbody></table></div><p class="note">万元; float64.</p>`;
  const body = [
    masthead(t.sensitivityTitle, r, `<li><b>GEP</b>${escapeHtml(money(r.base, rule))} 万元</li>`, lang),
    '<div class="content">',
    `<section><h2>${sectionNumber(1, lang)}${t.top5}</h2>${top}</section>`,
    `<section><h2>${sectionNumber(2, lang)}${t.tornado}</h2><div class="card">${tornado}</div></section>`,
    `<section><h2>${sectionNumber(3, lang)}${t.firstOrder}</h2>${indices}</section>`,
    `<section><h2>${sectionNumber(4, lang)}${t.parameters}</h2>${table}</section>`,
    warningsSection(5, r.warnings, lang),
    '</div>',
  ].join('\n');
  return htmlPage({
    lang,
    title: `${t.sensitivityTitle} — ${r.region.name} ${r.accountingYear}`,
    body,
    generator: `gep-accounting ${LIBRARY_VERSION}`,
  });
}
