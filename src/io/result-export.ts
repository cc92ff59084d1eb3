/**
 * Exporters of a GEP result (核算结果导出): JSON (lossless), CSV (one file per table), XLSX
 * (sheets summary, indicators, trace, coefficients, warnings) and a Markdown report. They take
 * the result's JSON form (`gepResultToJson`) and never recompute: every number printed is a
 * number of the result, rounded at the edge by a named rule that each output states.
 *
 * Rounding: money in 万元 and 亿元 and the shares are rounded by the rule (default half-up, two
 * decimal places, each cell independently); columns marked "exact" carry the decimal strings of
 * the result unrounded. Text that a spreadsheet would run as a formula is neutralised.
 */
import type { GepResultJson } from '../accounts/serialize.js';
import type { Language } from '../errors/messages.js';
import { GepDecimal } from '../numbers/arithmetic.js';
import { DEFAULT_ROUNDING, describeParts, describeRounding, roundDecimal, type RoundingRule } from '../numbers/rounding.js';
import { accountCells } from './account-rounding.js';
import { formatPath } from '../errors/errors.js';
import { markdownText } from './safe-text.js';
import { warningMessage } from '../errors/warnings/index.js';
import {
  arithmeticText,
  categoryText,
  fromText,
  levelText,
  lineNamer,
  notAccountedReason,
  statusText,
  stepText,
  typeNamer,
} from './display-text.js';
import { toCsv, toXlsx, type OutCell, type OutSheet } from './table-output.js';
import { BANNER_CODES, describeDisplayRule, groupThousands, readableQuantity, toVerifyBanner } from './text-table.js';

/** Options of the exporters. */
export interface ResultExportOptions {
  /** Rounding of 万元/亿元 columns and shares; default half-up, 2 places. */
  readonly rounding?: RoundingRule;
  /** Language of headers and labels; default en. */
  readonly lang?: Language;
  /** `sha256:…` of the input (`inputHash(input)`), written into every export. */
  readonly inputHash?: string;
  /** `sha256:…` of the coefficient table used (`coefficientTableHash(table)`), written beside the input hash. */
  readonly coefficientTableHash?: string;
  /**
   * The report's date (报告日期), as the caller states it, e.g. `2025-06-30`: the library never
   * reads the clock, so the same result and options always give the same report.
   */
  readonly date?: string;
  /** Who prepared the report (编制单位), e.g. `某县统计局`. */
  readonly preparedBy?: string;
}

/** The JSON export: the result as it is, with the input hash; nothing is rounded. */
export function resultToExportJson(result: GepResultJson, options: ResultExportOptions = {}) {
  return {
    ...result,
    export: {
      inputHash: options.inputHash ?? null,
      coefficientTableHash: options.coefficientTableHash ?? null,
      rounding: 'none: every number is the exact decimal string of the result',
    },
  };
}

/**
 * The JSON export as text (2-space indent, newline at the end). Characters that JSON may carry raw
 * but a terminal would act on (DEL, C1 controls, bidirectional overrides, line separators) are
 * written as `\uXXXX` escapes: the same JSON value, safe to print.
 */
export function resultToJsonText(result: GepResultJson, options: ResultExportOptions = {}): string {
  return `${JSON.stringify(resultToExportJson(result, options), null, 2).replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

const LABELS = {
  en: {
    key: 'item',
    value: 'value',
    region: 'region',
    regionCode: 'region code',
    level: 'level',
    accountingYear: 'accounting year',
    priceYear: 'price year',
    profile: 'profile',
    table: 'coefficient table',
    library: 'gep-accounting version',
    arithmetic: 'arithmetic',
    inputHash: 'input hash',
    tableHash: 'coefficient table hash',
    rounding: 'rounding',
    date: 'report date',
    preparedBy: 'prepared by',
    notStated: 'not stated',
    physical: 'physical quantity',
    roundingText: (r: RoundingRule) => `${describeRounding(r)}, ${describeParts(r)}; "exact" columns are not rounded`,
    category: 'category',
    exactYuan: 'value (元, exact)',
    wan: 'value (万元)',
    yi: 'value (亿元)',
    share: 'share of GEP (%)',
    indicator: 'indicator',
    zh: 'name (zh)',
    en: 'name (en)',
    item: 'item',
    ecosystemType: 'ecosystem type',
    quantity: 'quantity (exact)',
    quantityUnit: 'quantity unit',
    unitPrice: 'unit price (exact)',
    priceUnit: 'price unit',
    pricePriceYear: 'price year of the price',
    priceFrom: 'price from',
    step: 'step',
    stepName: 'step name',
    formula: 'formula',
    symbol: 'symbol',
    inputValue: 'input value (exact)',
    inputUnit: 'input unit',
    from: 'from',
    result: 'result (exact)',
    resultUnit: 'result unit',
    note: 'note',
    id: 'id',
    unit: 'unit',
    source: 'source',
    clause: 'clause',
    status: 'status',
    override: 'overridden (reason; table value)',
    rebased: 'rebased (index: from → to, factor)',
    code: 'code',
    path: 'path',
    message: 'message',
    total: 'total',
    gep: 'GEP',
    outside: 'less: products from outside the region',
    notAccounted: 'not accounted',
    categories: { material: 'material products', regulating: 'regulating services', cultural: 'cultural services' },
    sheets: { summary: 'summary', indicators: 'indicators', trace: 'trace', coefficients: 'coefficients', warnings: 'warnings' },
  },
  zh: {
    key: '项目',
    value: '内容',
    region: '核算地区',
    regionCode: '行政区划代码',
    level: '级别',
    accountingYear: '核算年份',
    priceYear: '价格年份',
    profile: '核算方案',
    table: '参数表',
    library: 'gep-accounting 版本',
    arithmetic: '算术',
    inputHash: '输入数据哈希',
    tableHash: '参数表哈希',
    rounding: '舍入规则',
    date: '报告日期',
    preparedBy: '编制单位',
    notStated: '未注明',
    physical: '实物量',
    roundingText: (r: RoundingRule) =>
      `${r.mode === 'half-up' ? '四舍五入' : '银行家舍入'}，保留 ${r.places} 位小数，${describeParts(r, 'zh')}；标注"精确值"的列不舍入`,
    category: '类别',
    exactYuan: '价值量（元，精确值）',
    wan: '价值量（万元）',
    yi: '价值量（亿元）',
    share: '占 GEP 比例（%）',
    indicator: '指标',
    zh: '中文名称',
    en: '英文名称',
    item: '项目',
    ecosystemType: '生态系统类型',
    quantity: '实物量（精确值）',
    quantityUnit: '实物量单位',
    unitPrice: '单价（精确值）',
    priceUnit: '单价单位',
    pricePriceYear: '单价价格年份',
    priceFrom: '单价来源',
    step: '步骤',
    stepName: '步骤名称',
    formula: '公式',
    symbol: '符号',
    inputValue: '输入值（精确值）',
    inputUnit: '输入单位',
    from: '来源',
    result: '结果（精确值）',
    resultUnit: '结果单位',
    note: '备注',
    id: '代码',
    unit: '单位',
    source: '来源文献',
    clause: '条款',
    status: '状态',
    override: '用户覆盖（理由；原表值）',
    rebased: '价格换算（指数：起→止，系数）',
    code: '代码',
    path: '位置',
    message: '说明',
    total: '合计',
    gep: '生态产品总值 GEP',
    outside: '扣除：区域外生态产品',
    notAccounted: '未核算',
    categories: { material: '物质产品', regulating: '调节服务', cultural: '文化服务' },
    sheets: {
      summary: '汇总 summary',
      indicators: '指标 indicators',
      trace: '计算过程 trace',
      coefficients: '参数 coefficients',
      warnings: '警示 warnings',
    },
  },
} as const;

/** The tables every tabular export writes, as rows of cells (header first). */
export interface ResultTables {
  readonly summary: OutCell[][];
  readonly indicators: OutCell[][];
  readonly trace: OutCell[][];
  readonly coefficients: OutCell[][];
  readonly warnings: OutCell[][];
}

const num = (value: string): OutCell => ({ number: value });

/** Build the five tables of a result export. */
export function resultTables(result: GepResultJson, options: ResultExportOptions = {}): ResultTables {
  const rule = options.rounding ?? DEFAULT_ROUNDING;
  const lang = options.lang ?? 'en';
  const L = LABELS[lang];
  // A Chinese export names lines and ecosystem types in Chinese; an English one keeps the result's item and type ids.
  const lineName = lineNamer(lang);
  const typeName = typeNamer(lang);
  const gep = new GepDecimal(result.totals.gep.value);
  const fmt = `#,##0${rule.places > 0 ? `.${'0'.repeat(rule.places)}` : ''}`;
  // Money cells come rounded from ./account-rounding.ts: independently, or adding up (rule.parts).
  const wan = accountCells(result, '万元', rule);
  const yi = accountCells(result, '亿元', rule);
  const money = (rounded: string): OutCell => ({ number: rounded, format: fmt });
  const share = (yuan: string): OutCell =>
    gep.isZero() ? null : { number: roundDecimal(new GepDecimal(yuan).dividedBy(gep).times(100).toString(), rule) };

  const summary: OutCell[][] = [
    [L.key, L.value],
    [L.region, result.region.name],
    [L.regionCode, result.region.code ?? ''],
    [L.level, levelText(result.region.level, lang)],
    [L.accountingYear, String(result.accountingYear)],
    [L.priceYear, String(result.priceYear)],
    [L.profile, `${result.profile.id} ${result.profile.version} — ${result.profile.title[options.lang ?? 'en']}`],
    [L.table, result.coefficientTable],
    [L.library, result.libraryVersion],
    [L.arithmetic, arithmeticText(result.arithmetic, lang)],
    [L.inputHash, options.inputHash ?? ''],
    [L.tableHash, options.coefficientTableHash ?? ''],
    [L.date, options.date ?? ''],
    [L.preparedBy, options.preparedBy ?? ''],
    [L.rounding, L.roundingText(rule)],
    [],
    [L.category, L.exactYuan, L.wan, L.yi, L.share],
    ...(['material', 'regulating', 'cultural'] as const).map((c) => [
      L.categories[c],
      num(result.totals[c].value),
      money(wan.category(c)),
      money(yi.category(c)),
      share(result.totals[c].value),
    ]),
    ...(result.totals.outsideRegion && !new GepDecimal(result.totals.outsideRegion.value).isZero()
      ? [
          [
            L.outside,
            num(result.totals.outsideRegion.value),
            money(wan.outsideRegion()),
            money(yi.outsideRegion()),
            share(result.totals.outsideRegion.value),
          ],
        ]
      : []),
    [L.gep, num(result.totals.gep.value), money(wan.gep()), money(yi.gep()), share(result.totals.gep.value)],
  ];

  const indicators: OutCell[][] = [
    [
      L.indicator,
      L.zh,
      L.en,
      L.category,
      L.item,
      L.ecosystemType,
      L.quantity,
      L.quantityUnit,
      L.unitPrice,
      L.priceUnit,
      L.pricePriceYear,
      L.priceFrom,
      L.exactYuan,
      L.wan,
      L.share,
    ],
  ];
  for (const ind of result.indicators) {
    for (const [n, l] of ind.value.lines.entries()) {
      indicators.push([
        ind.id,
        ind.zh,
        ind.en,
        categoryText(ind.category, lang),
        lang === 'zh' ? lineName(l) : l.item,
        l.ecosystemType ? (lang === 'zh' ? typeName(l.ecosystemType) : l.ecosystemType) : '',
        l.quantity ? num(l.quantity.value) : null,
        l.quantity?.unit ?? '',
        l.unitPrice ? num(l.unitPrice.value) : null,
        l.unitPrice?.unit ?? '',
        l.unitPrice?.priceYear === null || l.unitPrice === null ? '' : String(l.unitPrice.priceYear),
        l.unitPrice ? fromText(l.unitPrice.from, ind.trace.steps, lang) : '',
        num(l.value.value),
        money(wan.line(ind.id, n)),
        share(l.value.value),
      ]);
    }
    indicators.push([
      ind.id,
      ind.zh,
      ind.en,
      categoryText(ind.category, lang),
      L.total,
      '',
      ind.quantity.total ? num(ind.quantity.total.value) : null,
      ind.quantity.total?.unit ?? '',
      null,
      '',
      '',
      '',
      num(ind.value.total.value),
      money(wan.indicator(ind.id)),
      share(ind.value.total.value),
    ]);
  }

  const trace: OutCell[][] = [
    [L.indicator, L.step, L.stepName, L.formula, L.symbol, L.inputValue, L.inputUnit, L.from, L.result, L.resultUnit, L.note],
  ];
  for (const ind of result.indicators) {
    ind.trace.steps.forEach((s, i) => {
      const inputs = Object.entries(s.inputs);
      const t = stepText(s, lang, ind.trace.steps);
      if (inputs.length === 0)
        trace.push([ind.id, String(i + 1), t.name, t.formula, '', null, '', '', num(s.result.value), s.result.unit, t.note ?? '']);
      inputs.forEach(([symbol, v], k) => {
        trace.push([
          ind.id,
          String(i + 1),
          t.name,
          t.formula,
          symbol,
          num(v.value),
          v.unit,
          fromText(v.from, ind.trace.steps, lang),
          k === 0 ? num(s.result.value) : null,
          k === 0 ? s.result.unit : '',
          k === 0 ? (t.note ?? '') : '',
        ]);
      });
    });
  }

  const coefficients: OutCell[][] = [
    [L.id, L.symbol, L.value, L.unit, L.table, L.source, L.clause, L.priceYear, L.status, L.override, L.rebased],
  ];
  for (const c of result.coefficientsUsed) {
    coefficients.push([
      c.id,
      c.symbol,
      c.value,
      c.unit,
      c.table,
      c.source,
      c.clause,
      c.priceYear === null ? '' : String(c.priceYear),
      lang === 'zh' ? statusText(c.status, lang) : c.status,
      c.overridden
        ? `${c.overridden.reason}${lang === 'zh' ? '；' : '; '}${c.overridden.tableValue} ${c.overridden.tableUnit} (${c.overridden.tableSource})`
        : '',
      c.rebased ? `${c.rebased.index}: ${c.rebased.fromYear} → ${c.rebased.toYear}, ×${c.rebased.factor} = ${c.rebased.value}` : '',
    ]);
  }

  const warnings: OutCell[][] = [[L.code, L.indicator, L.path, L.message]];
  for (const w of result.warnings) warnings.push([w.code, w.indicator ?? '', w.path ? formatPath(w.path) : '', warningMessage(w, lang)]);
  return { summary, indicators, trace, coefficients, warnings };
}

/** CSV exports: file name → text (summary.csv, indicators.csv, trace.csv, coefficients.csv, warnings.csv). */
export function resultToCsvFiles(result: GepResultJson, options: ResultExportOptions = {}): Record<string, string> {
  const t = resultTables(result, options);
  return Object.fromEntries(Object.entries(t).map(([name, rows]) => [`${name}.csv`, toCsv(rows as OutCell[][])]));
}

/** The XLSX export: one workbook, sheets summary, indicators, trace, coefficients, warnings. */
export function resultToXlsx(result: GepResultJson, options: ResultExportOptions = {}): Uint8Array {
  const t = resultTables(result, options);
  const L = LABELS[options.lang ?? 'en'];
  const sheets: OutSheet[] = [
    { name: L.sheets.summary, rows: t.summary, widths: [24, 60, 18, 14, 14] },
    { name: L.sheets.indicators, rows: t.indicators, widths: [30, 16, 24, 11, 28, 22, 16, 10, 14, 10, 8, 40, 18, 14, 8] },
    { name: L.sheets.trace, rows: t.trace, widths: [30, 6, 30, 30, 8, 18, 10, 50, 18, 10, 30] },
    { name: L.sheets.coefficients, rows: t.coefficients, widths: [34, 10, 12, 12, 20, 22, 30, 8, 10, 40, 40] },
    { name: L.sheets.warnings, rows: t.warnings, widths: [26, 30, 40, 100] },
  ];
  return toXlsx(sheets);
}

/** A table cell in Markdown: input text escaped (./safe-text.ts), numbers as they are. */
const md = (c: OutCell): string => (c === null ? '' : typeof c === 'string' ? markdownText(c) : c.number);
const group = (c: OutCell): OutCell => (c && typeof c === 'object' ? { number: groupThousands(c.number) } : c);

function mdTable(rows: readonly OutCell[][], numeric: readonly number[]): string[] {
  const [head, ...body] = rows;
  return [
    `| ${head!.map(md).join(' | ')} |`,
    `|${head!.map((_, i) => (numeric.includes(i) ? '---:' : '---')).join('|')}|`,
    ...body.map((r) => `| ${head!.map((_, i) => md(group(r[i] ?? null))).join(' | ')} |`),
  ];
}

/** A Markdown report of the account: totals, indicators, coefficients, warnings, and the rounding rule. */
export function resultToMarkdown(result: GepResultJson, options: ResultExportOptions = {}): string {
  const lang = options.lang ?? 'en';
  const L = LABELS[lang];
  const rule = options.rounding ?? DEFAULT_ROUNDING;
  const t = resultTables(result, options);
  const region = markdownText(result.region.name);
  const title =
    lang === 'zh'
      ? `# ${region} ${result.accountingYear} 年生态产品总值核算报告（${result.priceYear} 年价格）`
      : `# GEP account of ${region}, ${result.accountingYear} (${result.priceYear} prices)`;
  const banner = toVerifyBanner(result, lang);
  const lines: string[] = [title, '', ...(banner ? [`> ${markdownText(banner)}`, ''] : [])];
  const sep = lang === 'zh' ? '：' : ': ';
  const summaryEnd = t.summary.findIndex((r) => r.length === 0);
  for (const row of t.summary.slice(1, summaryEnd)) {
    if (row[0] === L.rounding) continue;
    const empty = row[0] === L.date || row[0] === L.preparedBy ? L.notStated : '—';
    lines.push(`- ${md(row[0] ?? null)}${sep}${md(row[1] ?? null) || empty}`);
  }
  // Display precision here (the display rule of text-table.ts: shares to one decimal, quantities to
  // four significant digits); the exact values are in the JSON, CSV and XLSX exports.
  const gep = new GepDecimal(result.totals.gep.value);
  const share = (yuan: string): OutCell =>
    gep.isZero() ? null : { number: new GepDecimal(yuan).dividedBy(gep).times(100).toFixed(1, GepDecimal.ROUND_HALF_UP) };
  const totals = t.summary
    .slice(summaryEnd + 1)
    .map((r, i) => [r[0] ?? null, r[2] ?? null, r[3] ?? null, i === 0 ? (r[4] ?? null) : share((r[1] as { number: string }).number)]);
  lines.push('', `## ${lang === 'zh' ? '总值' : 'Totals'}`, '', ...mdTable(totals, [1, 2, 3]));
  // A Chinese report names the indicators in Chinese only; an English one gives both names.
  const names = (ind: { zh: string; en: string }): OutCell[] => (lang === 'zh' ? [ind.zh] : [ind.zh, ind.en]);
  const byIndicator: OutCell[][] = [[L.indicator, ...names({ zh: L.zh, en: L.en }), L.physical, L.wan, L.share]];
  for (const ind of result.indicators) {
    const total = t.indicators.find((r) => r[0] === ind.id && r[4] === L.total)!;
    const quantity = ind.quantity.total
      ? readableQuantity(ind.quantity.total, rule)
      : ind.quantity.lines.length
        ? `${ind.quantity.lines.length} ${lang === 'zh' ? '项' : 'items'}`
        : '—';
    byIndicator.push([ind.id, ...names(ind), quantity, total[13]!, share(ind.value.total.value)]);
  }
  lines.push('', `## ${lang === 'zh' ? '分指标' : 'Indicators'}`, '', ...mdTable(byIndicator, lang === 'zh' ? [2, 3, 4] : [3, 4, 5]));
  if (result.coefficientsUsed.length) {
    lines.push(
      '',
      `## ${lang === 'zh' ? '使用的参数' : 'Coefficients used'}`,
      '',
      ...mdTable(
        t.coefficients.map((r) => [r[0]!, r[2]!, r[3]!, r[5]!, r[6]!, r[7]!, r[8]!]),
        [],
      ),
    );
  }
  if (result.notAccounted.length) {
    lines.push(
      '',
      `## ${L.notAccounted}`,
      '',
      ...result.notAccounted.map(
        (n) =>
          `- ${markdownText(lang === 'zh' ? `${n.zh}（${n.id}，${notAccountedReason(n.reason, lang)}）` : `${n.id} ${n.zh} (${n.reason})`)}`,
      ),
    );
  }
  // The to-verify warnings are the banner at the top, once.
  const warnings = result.warnings.filter((w) => !BANNER_CODES.has(w.code));
  if (warnings.length)
    lines.push('', `## ${lang === 'zh' ? '警示' : 'Warnings'}`, '', ...warnings.map((w) => `- ${md(warningMessage(w, lang))}`));
  lines.push('', `${L.rounding}${sep}${L.roundingText(rule)}${lang === 'zh' ? '。' : '.'}`, '', describeDisplayRule(rule, lang));
  return `${lines.join('\n')}\n`;
}
