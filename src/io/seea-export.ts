/**
 * Exporters of the SEEA EA tables (SEEA 生态系统核算表导出): the tables as rows of cells, written as
 * CSV files (one per table), one XLSX workbook, or aligned text for a terminal. They take the tables
 * as `seeaTables` returns them and never recompute: money is shown in 万元 and quantities in their
 * unit, rounded at the edge by a named rule written into every output (default half-up, 2 places);
 * the exact decimals are in the JSON. Every row keeps its SEEA EA service or IUCN GET class and the
 * status of that mapping.
 */
import type { Language } from '../errors/messages.js';
import { formatPath } from '../errors/errors.js';
import { warningMessage } from '../errors/warnings/index.js';
import { ecosystemTypes } from '../indicators/catalogue.js';
import { GepDecimal } from '../numbers/arithmetic.js';
import { DEFAULT_ROUNDING, describeRounding, roundDecimal, type RoundingRule } from '../numbers/rounding.js';
import type { SeeaTables } from '../seea/seea.js';
import type { SupplyRow, UseRow } from '../seea/services.js';
import { NOT_STATED, SEEA_USERS } from '../seea/services.js';
import { terminalLine, terminalText } from './safe-text.js';
import { displayWidth, groupThousands } from './text-table.js';
import { toCsv, toXlsx, type OutCell, type OutSheet } from './table-output.js';

/** Options of the SEEA exporters. */
export interface SeeaExportOptions {
  /** Language of headers and labels; default en. */
  readonly lang?: Language;
  /** Rounding of every number shown; default half-up, 2 places. */
  readonly rounding?: RoundingRule;
}

/** The names of the tables (file and sheet names). */
export const SEEA_SHEETS = [
  'extent',
  'supply-physical',
  'supply-monetary',
  'use-physical',
  'use-monetary',
  'assets',
  'mapping',
  'warnings',
] as const;
/** A table name. */
export type SeeaSheet = (typeof SEEA_SHEETS)[number];

/** Labels of the SEEA outputs, en and zh; the HTML page uses them too. */
export const SEEA_LABELS = {
  en: {
    title: (r: string, y: number) => `SEEA EA tables of ${r}, ${y}`,
    kicker: 'UN System of Environmental-Economic Accounting — Ecosystem Accounting, from the GEP account',
    sheets: {
      extent: 'Ecosystem extent account',
      'supply-physical': 'Ecosystem services supply table (physical)',
      'supply-monetary': 'Ecosystem services supply table (monetary, 万元)',
      'use-physical': 'Ecosystem services use table (physical)',
      'use-monetary': 'Ecosystem services use table (monetary, 万元)',
      assets: 'Monetary ecosystem asset account (万元)',
      mapping: 'Mapping to SEEA EA and the IUCN GET',
      warnings: 'Warnings and notes',
    } as Record<SeeaSheet, string>,
    type: 'ecosystem type',
    zh: 'name (zh)',
    en: 'name (en)',
    level1: 'level-1 type',
    get: 'IUCN GET class',
    match: 'match',
    nameStatus: 'name checked',
    status: 'status',
    note: 'note',
    opening: (y: number) => `opening (${y}), km²`,
    closing: (y: number) => `closing (${y}), km²`,
    netChange: 'net change, km²',
    counted: 'counted',
    source: 'read from',
    flags: 'flags',
    yes: 'yes',
    no: 'no',
    total: 'total',
    regionArea: 'area of the region',
    unclassified: 'not classified by the input',
    indicator: 'indicator',
    name: 'name',
    section: 'SEEA EA section',
    service: 'SEEA EA service',
    subService: 'sub-service',
    unit: 'unit',
    part: 'lines',
    notStated: 'type not stated',
    users: { industries: 'industries', households: 'households', government: 'government', unallocated: 'unallocated' } as Record<
      string,
      string
    >,
    basis: 'allocation basis',
    outside: 'less: products from outside the region',
    gep: 'GEP',
    lifeYears: 'asset life, years',
    discountRate: 'discount rate',
    annuityFactor: 'annuity factor',
    formula: 'formula',
    annualFlow: (y: number) => `annual flow (${y} prices), 万元`,
    presentValue: 'asset value (NPV), 万元',
    byType: 'by ecosystem type',
    byService: 'by service',
    excluded: 'left out: no SEEA EA counterpart',
    openingValue: (y: number) => `opening value (${y} prices), 万元`,
    netChangeValue: 'net change, 万元',
    noAssets: 'no asset account',
    code: 'code',
    path: 'path',
    message: 'message',
    sourceId: 'source',
    sourceTitle: 'title',
    url: 'address',
    read: 'read',
    rounding: (r: RoundingRule) => `rounding: ${describeRounding(r)}, each cell independently; money in 万元; exact values in the JSON`,
    sections: {
      provisioning: 'provisioning',
      'regulating-and-maintenance': 'regulating and maintenance',
      cultural: 'cultural',
      none: 'no counterpart',
    } as Record<string, string>,
    matches: {
      close: 'close',
      partial: 'partial',
      'method-differs': 'method differs',
      none: 'none',
      approximate: 'approximate',
      ambiguous: 'ambiguous',
    } as Record<string, string>,
    nameStatuses: { quoted: 'quoted', recalled: 'recalled' } as Record<string, string>,
    levels: { realm: 'realm', biome: 'biome', 'functional-group': 'functional-group' } as Record<string, string>,
    bases: { 'from-input': 'from-input', approximate: 'approximate', caller: 'caller' } as Record<string, string>,
    statuses: { 'to-verify': 'to-verify' } as Record<string, string>,
    noteCode: 'note',
    roundingCode: 'rounding',
  },
  zh: {
    title: (r: string, y: number) => `${r} ${y} 年 SEEA 生态系统核算表`,
    kicker: '联合国环境经济核算体系—生态系统核算（SEEA EA），由 GEP 核算结果编制',
    sheets: {
      extent: '生态系统范围账户',
      'supply-physical': '生态系统服务供给表（实物量）',
      'supply-monetary': '生态系统服务供给表（价值量，万元）',
      'use-physical': '生态系统服务使用表（实物量）',
      'use-monetary': '生态系统服务使用表（价值量，万元）',
      assets: '生态系统资产货币账户（万元）',
      mapping: '与 SEEA EA 及 IUCN 全球生态系统分类的对照',
      warnings: '警示与说明',
    } as Record<SeeaSheet, string>,
    type: '生态系统类型',
    zh: '中文名称',
    en: '英文名称',
    level1: '一级类型',
    get: 'IUCN GET 类别',
    match: '对应程度',
    nameStatus: '名称核对',
    status: '状态',
    note: '说明',
    opening: (y: number) => `期初（${y} 年），km²`,
    closing: (y: number) => `期末（${y} 年），km²`,
    netChange: '净变化，km²',
    counted: '计入合计',
    source: '数据来源',
    flags: '标记',
    yes: '是',
    no: '否',
    total: '合计',
    regionArea: '区域面积',
    unclassified: '输入未分类面积',
    indicator: '指标',
    name: '名称',
    section: 'SEEA EA 类别',
    service: 'SEEA EA 服务',
    subService: '子类服务',
    unit: '单位',
    part: '核算行',
    notStated: '未注明类型',
    users: { industries: '产业部门', households: '住户', government: '政府', unallocated: '未分配' } as Record<string, string>,
    basis: '分配依据',
    outside: '扣除：区域外生态产品',
    gep: '生态产品总值 GEP',
    lifeYears: '资产寿命（年）',
    discountRate: '贴现率',
    annuityFactor: '年金现值系数',
    formula: '公式',
    annualFlow: (y: number) => `年服务流量（${y} 年价格），万元`,
    presentValue: '资产价值（净现值），万元',
    byType: '按生态系统类型',
    byService: '按服务',
    excluded: '未计入：SEEA EA 中无对应服务',
    openingValue: (y: number) => `期初价值（${y} 年价格），万元`,
    netChangeValue: '净变化，万元',
    noAssets: '未编制资产账户',
    code: '代码',
    path: '位置',
    message: '说明',
    sourceId: '来源',
    sourceTitle: '题名',
    url: '地址',
    read: '阅读情况',
    rounding: (r: RoundingRule) =>
      `舍入规则：${r.mode === 'half-up' ? '四舍五入' : '银行家舍入'}，保留 ${r.places} 位小数，逐格独立舍入；价值量单位为万元；精确值见 JSON`,
    sections: { provisioning: '供给服务', 'regulating-and-maintenance': '调节与维持服务', cultural: '文化服务', none: '无对应' } as Record<
      string,
      string
    >,
    matches: {
      close: '相近',
      partial: '部分对应',
      'method-differs': '方法不同',
      none: '无对应',
      approximate: '近似',
      ambiguous: '不确定',
    } as Record<string, string>,
    nameStatuses: { quoted: '已引述', recalled: '凭记忆，未核对' } as Record<string, string>,
    levels: { realm: '领域', biome: '生物群区', 'functional-group': '生态系统功能组' } as Record<string, string>,
    bases: { 'from-input': '依据输入', approximate: '近似', caller: '调用方给定' } as Record<string, string>,
    statuses: { 'to-verify': '待核实' } as Record<string, string>,
    noteCode: '说明',
    roundingCode: '舍入',
  },
};

const WAN = new GepDecimal(10_000);

/**
 * The SEEA tables as rows of cells (SEEA 核算表单元格): header rows first, money in 万元 and
 * quantities rounded by the rule, for the CSV, XLSX, text and HTML outputs.
 *
 * @param t - the SEEA tables (`seeaTables`)
 * @param options - language (default en), rounding (default half-up, 2 places)
 * @returns one list of rows per table
 * @example
 * seeaSheets(t)['supply-monetary'][0][0]   //=> 'indicator'
 */
export function seeaSheets(t: SeeaTables, options: SeeaExportOptions = {}): Record<SeeaSheet, OutCell[][]> {
  const lang = options.lang ?? 'en';
  const L = SEEA_LABELS[lang];
  const rule = options.rounding ?? DEFAULT_ROUNDING;
  const q = (v: string | null | undefined): OutCell => (v === null || v === undefined ? null : { number: roundDecimal(v, rule) });
  const wan = (v: string | null | undefined): OutCell =>
    v === null || v === undefined ? null : { number: roundDecimal(new GepDecimal(v).dividedBy(WAN).toString(), rule) };
  const typeName = (id: string) => (id === NOT_STATED ? L.notStated : (ecosystemTypes().get(id)?.[lang] ?? id));
  const name = (r: { zh: string; en: string }) => (lang === 'zh' ? r.zh : r.en);
  const word = (words: Record<string, string>, id: string) => words[id] ?? id;
  const noteOf = (x: { note: string; noteZh: string }) => (lang === 'zh' ? x.noteZh : x.note);
  const open = t.opening?.accountingYear ?? null;

  const extent: OutCell[][] = [
    [
      L.type,
      L.zh,
      L.en,
      L.level1,
      L.get,
      L.match,
      L.nameStatus,
      ...(open !== null ? [L.opening(open), L.netChange] : []),
      L.closing(t.accountingYear),
      L.counted,
      L.source,
      L.flags,
    ],
    ...t.extent.rows.map((r) => [
      r.ecosystemType,
      r.zh,
      r.en,
      typeName(r.level1),
      r.get?.get ?? '',
      r.get ? (L.matches[r.get.match] ?? r.get.match) : '',
      r.get ? word(L.nameStatuses, r.get.nameStatus) : '',
      ...(open !== null ? [q(r.opening), q(r.netChange)] : []),
      q(r.closing),
      r.counted ? L.yes : L.no,
      r.source ? `${r.source.indicator} · ${formatPath(r.source.path)}` : '',
      r.flags.join(', '),
    ]),
    ...t.extent.byLevel1.map((r) => [
      `${L.total}: ${typeName(r.type)}`,
      '',
      '',
      '',
      '',
      '',
      '',
      ...(open !== null ? [q(r.opening), null] : []),
      q(r.closing),
      '',
      '',
      '',
    ]),
    [L.total, '', '', '', '', '', '', ...(open !== null ? [q(t.extent.total.opening), null] : []), q(t.extent.total.closing), '', '', ''],
    ...(t.extent.region.closing !== null
      ? [
          [
            L.regionArea,
            '',
            '',
            '',
            '',
            '',
            '',
            ...(open !== null ? [q(t.extent.region.opening), null] : []),
            q(t.extent.region.closing),
            '',
            '',
            '',
          ],
          [
            L.unclassified,
            '',
            '',
            '',
            '',
            '',
            '',
            ...(open !== null ? [q(t.extent.region.unclassifiedOpening), null] : []),
            q(t.extent.region.unclassifiedClosing),
            '',
            '',
            '',
          ],
        ]
      : []),
  ];

  const cols = t.services.columns;
  const rowHead = (r: SupplyRow | UseRow): OutCell[] => [
    r.indicator,
    `${name(r)}${r.part ? ` · ${lang === 'zh' ? r.partZh : r.part}` : ''}`,
    L.sections[r.seea.section] ?? r.seea.section,
    r.seea.service ?? '',
    r.seea.subService ?? '',
    L.matches[r.seea.match] ?? r.seea.match,
  ];
  const head = [L.indicator, L.name, L.section, L.service, L.subService, L.match];
  const supply = (rows: readonly SupplyRow[], money: boolean): OutCell[][] => [
    [...head, L.unit, ...cols.map(typeName), L.total],
    ...rows.map((r) => [
      ...rowHead(r),
      money ? '万元' : r.unit,
      ...cols.map((c) => (money ? wan(r.byType[c]) : q(r.byType[c]))),
      money ? wan(r.total) : q(r.total),
    ]),
  ];
  const supplyMonetary = supply(t.services.supplyMonetary, true);
  const m = t.services.monetaryTotals;
  supplyMonetary.push([L.total, '', '', '', '', '', '万元', ...cols.map((c) => wan(m.byType[c])), wan(m.total)]);
  supplyMonetary.push([L.outside, '', '', '', '', '', '万元', ...cols.map(() => null), wan(t.services.reconciliation.outsideRegion)]);
  supplyMonetary.push([L.gep, '', '', '', '', '', '万元', ...cols.map(() => null), wan(t.services.reconciliation.gep)]);

  const users = [...SEEA_USERS, 'unallocated'] as const;
  const use = (rows: readonly UseRow[], money: boolean): OutCell[][] => [
    [...head, L.unit, ...users.map((u) => L.users[u]!), L.total, L.basis],
    ...rows.map((r) => [
      ...rowHead(r),
      money ? '万元' : r.unit,
      ...users.map((u) => (money ? wan(r.byUser[u]) : q(r.byUser[u]))),
      money ? wan(r.total) : q(r.total),
      r.allocation
        .map(
          (a) =>
            `${a.item ? `${(lang === 'zh' ? a.itemZh : undefined) ?? a.item} → ` : ''}${L.users[a.user]}${a.share && a.share !== '1' ? ` ×${a.share}` : ''} (${word(L.bases, a.basis)})`,
        )
        .join(lang === 'zh' ? '；' : '; '),
    ]),
  ];

  const a = t.assets;
  const assets: OutCell[][] = a
    ? [
        [L.lifeYears, String(a.parameters.lifeYears)],
        [L.discountRate, a.parameters.discountRate],
        [L.annuityFactor, { number: roundDecimal(a.annuityFactor, { places: 10, mode: rule.mode }) }],
        [L.formula, lang === 'zh' ? a.formulaZh : a.formula],
        [],
        [L.byType, L.annualFlow(a.closing.priceYear), L.presentValue, ...(a.opening ? [L.openingValue(a.opening.priceYear)] : [])],
        ...a.closing.byType.map((r) => [
          typeName(r.key),
          wan(r.annualFlow),
          wan(r.value),
          ...(a.opening ? [wan(a.opening.byType.find((o) => o.key === r.key)?.value)] : []),
        ]),
        [L.total, wan(a.closing.total.annualFlow), wan(a.closing.total.value), ...(a.opening ? [wan(a.opening.total.value)] : [])],
        ...(a.netChange !== null ? [[L.netChangeValue, null, wan(a.netChange)]] : []),
        [],
        [L.byService, L.annualFlow(a.closing.priceYear), L.presentValue, L.service],
        ...a.closing.byService.map((r) => [lang === 'zh' ? (r.keyZh ?? r.key) : r.key, wan(r.annualFlow), wan(r.value), r.service ?? '']),
        [],
        [L.excluded, L.annualFlow(a.closing.priceYear), L.presentValue],
        ...a.closing.excluded.map((r) => [lang === 'zh' ? (r.keyZh ?? r.key) : r.key, wan(r.annualFlow), wan(r.value)]),
      ]
    : [[L.noAssets], ...t.notes.map((n) => [n[lang]])];

  const mapping: OutCell[][] = [
    [L.indicator, L.zh, L.en, L.section, L.service, L.subService, L.match, L.nameStatus, L.sourceId, L.status, L.note],
    ...t.mapping.services.map((s) => [
      s.indicator,
      s.zh,
      s.en,
      L.sections[s.section] ?? s.section,
      s.service ?? '',
      s.subService ?? '',
      L.matches[s.match] ?? s.match,
      word(L.nameStatuses, s.nameStatus),
      s.nameSource,
      word(L.statuses, s.status),
      noteOf(s),
    ]),
    [],
    [L.type, L.zh, L.en, L.get, '', '', L.match, L.nameStatus, L.sourceId, L.status, L.note],
    ...t.mapping.ecosystemTypes.map((e) => [
      e.type,
      ecosystemTypes().get(e.type)?.zh ?? '',
      ecosystemTypes().get(e.type)?.en ?? '',
      e.get,
      word(L.levels, e.level),
      '',
      L.matches[e.match] ?? e.match,
      word(L.nameStatuses, e.nameStatus),
      e.nameSource,
      word(L.statuses, e.status),
      noteOf(e),
    ]),
    [],
    [L.sourceId, L.sourceTitle, L.url, L.read],
    ...t.mapping.sources.map((s) => [s.id, s.title, s.url, lang === 'zh' ? s.readZh : s.read]),
  ];

  const warnings: OutCell[][] = [
    [L.code, L.indicator, L.path, L.message],
    ...t.warnings.map((w) => [w.code, w.indicator ?? '', w.path ? formatPath(w.path) : '', warningMessage(w, lang)]),
    ...t.notes.map((n) => [L.noteCode, '', '', n[lang]]),
    [L.roundingCode, '', '', L.rounding(rule)],
  ];
  return {
    extent,
    'supply-physical': supply(t.services.supplyPhysical, false),
    'supply-monetary': supplyMonetary,
    'use-physical': use(t.services.usePhysical, false),
    'use-monetary': use(t.services.useMonetary, true),
    assets,
    mapping,
    warnings,
  };
}

/**
 * The SEEA tables as CSV files (SEEA 核算表 CSV), one per table.
 *
 * @param t - the SEEA tables (`seeaTables`)
 * @param options - language and rounding
 * @returns file name (`seea-<table>.csv`) → CSV text with a byte-order mark
 * @example
 * Object.keys(seeaToCsvFiles(t))[0]   //=> 'seea-extent.csv'
 */
export function seeaToCsvFiles(t: SeeaTables, options: SeeaExportOptions = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(seeaSheets(t, options)).map(([n, rows]) => [`seea-${n}.csv`, toCsv(rows)]));
}

/**
 * The SEEA tables as one workbook (SEEA 核算表工作簿), a sheet per table.
 *
 * @param t - the SEEA tables (`seeaTables`)
 * @param options - language and rounding
 * @returns the bytes of the XLSX file
 * @example
 * writeFileSync('seea.xlsx', seeaToXlsx(t, { lang: 'zh' }))
 */
export function seeaToXlsx(t: SeeaTables, options: SeeaExportOptions = {}): Uint8Array {
  const sheets: OutSheet[] = Object.entries(seeaSheets(t, options)).map(([n, rows]) => ({
    name: n,
    rows,
    widths: rows[0]?.map((_, i) => (i < 2 ? 30 : 16)) ?? [],
  }));
  return toXlsx(sheets);
}

/**
 * The SEEA tables as aligned text for a terminal (SEEA 核算表文本), each under its title.
 *
 * @param t - the SEEA tables (`seeaTables`)
 * @param options - language and rounding
 * @returns the text, with the warnings and the rounding rule at the end
 * @example
 * seeaToText(t, { lang: 'zh' }).split('\n')[0]   //=> '示例县 … 2022 年 SEEA 生态系统核算表'
 */
export function seeaToText(t: SeeaTables, options: SeeaExportOptions = {}): string {
  const lang = options.lang ?? 'en';
  const L = SEEA_LABELS[lang];
  const sheets = seeaSheets(t, options);
  // A text cell may come from the input (a region, an item, a type, a note): made safe for a terminal before it is measured.
  const cell = (c: OutCell | undefined) =>
    c === null || c === undefined ? '' : typeof c === 'string' ? terminalLine(c) : groupThousands(c.number);
  // The text view leaves out long explanatory columns (notes, sources); the JSON, CSV and XLSX have them.
  const drop: Partial<Record<SeeaSheet, readonly number[]>> = {
    extent: [1, 2, 6],
    mapping: [1, 2, 8, 10],
    'use-physical': [2, 4],
    'use-monetary': [2, 4],
    'supply-physical': [2, 4],
    'supply-monetary': [2, 4],
  };
  const blocks = SEEA_SHEETS.filter((s) => s !== 'warnings').map((s) => {
    const rows = sheets[s].map((r) => r.filter((_, i) => !(drop[s] ?? []).includes(i)).map(cell));
    const widths: number[] = [];
    for (const r of rows)
      r.forEach((c, i) => {
        widths[i] = Math.min(48, Math.max(widths[i] ?? 0, displayWidth(c)));
      });
    const numeric = (c: OutCell | undefined) => c !== null && typeof c === 'object';
    const body = rows.map((r, ri) =>
      r
        .map((c, i) => {
          const text = displayWidth(c) > 48 ? `${c.slice(0, 46)}…` : c;
          const original = sheets[s][ri]!.filter((_, k) => !(drop[s] ?? []).includes(k))[i];
          const fill = ' '.repeat(Math.max(0, widths[i]! - displayWidth(text)));
          return numeric(original) ? fill + text : text + fill;
        })
        .join('  ')
        .trimEnd(),
    );
    return `${L.sheets[s]}\n${body.join('\n')}`;
  });
  const warnings = t.warnings.map((w) => `  ! ${terminalLine(warningMessage(w, lang))}`);
  const notes = t.notes.map((n) => `  · ${terminalLine(n[lang])}`);
  return terminalText(
    `${L.title(terminalLine(t.region.name), t.accountingYear)}\n\n${blocks.join('\n\n')}\n${warnings.length || notes.length ? `\n${[...warnings, ...notes].join('\n')}\n` : ''}\n${L.rounding(options.rounding ?? DEFAULT_ROUNDING)}\n`,
  );
}
