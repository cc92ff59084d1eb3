/**
 * The HTML report of a GEP account (生态产品总值核算报告): one self-contained file for readers who
 * look before they read — the key figures (GEP, its three categories, GEEP and the ratios when the
 * input has them), charts (composition by category, by indicator and by ecosystem type, physical
 * quantities, GEEP as a waterfall, and a two-year comparison with its quantity/price decomposition
 * when one is given), the full indicator table, the trace of every indicator on demand
 * (`<details>`), the coefficients used with their status (to-verify ones highlighted), and the
 * warnings. Chinese or English.
 *
 * Like every exporter it takes the JSON form of the result (`gepResultToJson`, plus the `geep` and
 * `ratios` blocks the CLI adds, and `gepComparisonToJson` for a comparison) and never recomputes:
 * every number printed is a number of the result, converted to 万元/亿元 and rounded at the edge
 * by the named rule that the footer states (shares are the value over GEP, as in the other
 * exports). Charts are SVG written when the report is built (`svg-chart.ts`); the page has no
 * script and loads nothing.
 */
import type { GepResultJson } from '../accounts/serialize.js';
import type { GeepResultJson } from '../accounts/geep.js';
import type { RatiosJson } from '../accounts/ratios.js';
import type { GepComparisonJson } from '../accounts/compare.js';
import type { Language } from '../errors/messages.js';
import { formatPath } from '../errors/errors.js';
import { warningMessage } from '../errors/warnings/index.js';
import { fromText, GDP_BASIS_ZH, lineNamer, stepText, typeNamer, type LineNameText } from './display-text.js';
import { ecosystemTypes } from '../indicators/catalogue.js';
import { sources } from '../coefficients/tables.js';
import { GepDecimal, decimalArithmetic } from '../numbers/arithmetic.js';
import { DEFAULT_ROUNDING, type RoundingRule } from '../numbers/rounding.js';
import { accountCells } from './account-rounding.js';
import { convert } from '../units/units.js';
import type { ResultExportOptions } from './result-export.js';
import { barChart, stackedBar, textWidth, type ChartRow } from './svg-chart.js';
import {
  COLORS,
  escapeHtml as h,
  exactText,
  htmlPage,
  moneyNumber,
  moneyText,
  percentText,
  rateText,
  sectionNumber,
  signedMoneyText,
} from './html-page.js';
import {
  BANNER_CODES,
  describeDisplayRule,
  groupThousands,
  magnitudePrefix,
  ratioDisplay,
  readableQuantity,
  significantText,
  unitPriceDisplay,
} from './text-table.js';

/** The account as `gep run --format json` writes it: the result, with GEEP and ratios when the input has them. */
export type AccountReportJson = GepResultJson & { readonly geep?: GeepResultJson; readonly ratios?: RatiosJson };

/** Options of `resultToHtml` (the report date and who prepared it come from `ResultExportOptions`). */
export interface HtmlReportOptions extends ResultExportOptions {
  /** A comparison of an earlier year with this account (`gepComparisonToJson`), shown with its decomposition. */
  readonly comparison?: GepComparisonJson;
}

type Category = 'material' | 'regulating' | 'cultural';
const CATEGORIES: readonly Category[] = ['material', 'regulating', 'cultural'];
type Indicator = GepResultJson['indicators'][number];

const TEXT = {
  en: {
    title: (r: string, y: number) => `GEP account of ${r}, ${y}`,
    kicker: (p: number) => `Gross Ecosystem Product (生态产品总值) · ${p} prices`,
    region: 'Region',
    code: 'Code',
    level: 'Level',
    year: 'Accounting year',
    priceYear: 'Price year',
    profile: 'Profile',
    table: 'Coefficient table',
    reportDate: 'Report date',
    preparedBy: 'Prepared by',
    notStated: 'not stated',
    levels: { county: 'county', city: 'city', province: 'province', area: 'specific area' } as Record<string, string>,
    categories: { material: 'Material products', regulating: 'Regulating services', cultural: 'Cultural services' } as Record<
      Category,
      string
    >,
    gep: 'GEP (gross ecosystem product)',
    gepShort: 'GEP',
    geep: 'GEEP (gross economic-ecological product)',
    outside: 'Less: products from outside the region',
    ofGep: (s: string) => `${s} of GEP`,
    gepIdentity: 'material + regulating + cultural',
    sinceYear: (y: number, current: string, constant: string) => `since ${y}: ${current} at current prices, ${constant} at constant prices`,
    summary: 'Summary',
    composition: 'What the GEP is made of',
    byCategory: 'By category',
    byIndicator: 'By indicator',
    byType: 'By ecosystem type',
    byTypeNote: 'Values of the lines that name an ecosystem type, summed by level-1 type; lines without a type are not included.',
    physical: 'Physical quantities (实物量)',
    physicalNote: 'The physical account behind each value, line by line; units as accounted.',
    comparison: (a: number, b: number) => `Change from ${a} to ${b}`,
    indicatorTable: 'Account table',
    geepRatios: 'GEEP and ratios',
    trace: 'How each number was computed',
    traceNote:
      'Open an indicator to see its lines, every step with its formula and inputs, the coefficients it read and the clauses it implements. The numbers here are the exact decimals of the result, not rounded for display; a long one is cut at 12 digits and marked …: point at it to read every digit.',
    coefficients: 'Coefficients used',
    warnings: 'Warnings and notes',
    notAccounted: 'Not accounted',
    indicator: 'Indicator',
    quantity: 'Physical quantity',
    unitPrice: 'Unit price',
    valueWan: 'Value (万元)',
    valueYi: 'Value (亿元)',
    share: 'Share',
    total: 'Total',
    products: (n: number) => `${n} products`,
    prices: (n: number) => `${n} prices`,
    priced: (n: number, m: number) => `${n} of ${m} priced`,
    item: 'Item',
    ecosystemType: 'Ecosystem type',
    priceFrom: 'Price from',
    value: 'Value',
    step: 'Step',
    formula: 'Formula',
    inputs: 'Inputs',
    result: 'Result',
    variant: 'Method variant',
    clauses: 'Clauses',
    defaults: 'defaults',
    steps: (n: number) => `${n} steps`,
    id: 'Id',
    symbol: 'Symbol',
    unit: 'Unit',
    source: 'Source',
    clause: 'Clause',
    status: 'Status',
    note: 'Note',
    statuses: { verified: 'verified', derived: 'derived', 'to-verify': 'to verify', 'user-override': 'user override' } as Record<
      string,
      string
    >,
    toVerifyBanner: (n: number) =>
      `${n} coefficient${n === 1 ? '' : 's'} used here ${n === 1 ? 'has' : 'have'} the status “to verify”: their value or source has not been checked against the standard. They are highlighted in the coefficient table.`,
    listBanner: 'The indicator list of this profile is to verify against its standard.',
    override: (reason: string, v: string) => `overridden (${reason}); table value ${v}`,
    rebased: (i: string, a: number, b: number, f: string) => `rebased with ${i}: ${a} → ${b}, ×${f}`,
    term: 'Term',
    counted: 'counted',
    listed: 'listed, not counted',
    ratio: 'Ratio',
    definition: 'Definition',
    geepChart: 'GEEP, term by term',
    gdpBasis: 'GDP basis',
    perCapita: 'GEP per capita',
    gepPerGdp: 'GEP / GDP',
    compA: (y: number) => `${y}`,
    compB: (y: number) => `${y} at current prices`,
    compConst: (y: number, base: number) => `${y} at ${base} prices`,
    byCategoryChange: 'Value by category',
    decomposition: 'Change of GEP split into a quantity and a price effect',
    effectsByIndicator: 'Quantity and price effect by indicator',
    quantityEffect: 'quantity effect',
    priceEffect: 'price effect',
    change: 'change',
    constChange: 'at constant prices',
    declineFlagged: (rate: string, t: string, base: number) =>
      `Decline flag raised: GEP changed by ${rate} at constant ${base} prices, beyond the threshold of −${t}.`,
    declineNot: (rate: string, t: string, base: number) =>
      `No decline flag: GEP changed by ${rate} at constant ${base} prices (threshold −${t}).`,
    drivers: 'Indicators pulling GEP down (quantity effect)',
    priceIndex: 'Price index',
    rounding: (r: RoundingRule) => describeDisplayRule(r, 'en'),
    converted: (from: string, ratio: string, id: string) => `converted for display from ${from} with ${ratio} (${id})`,
    otherBasis: 'unit price per another quantity than the one shown: see the calculation',
    toVerifyElsewhere: 'The coefficients to verify and the profile status are in the notice at the top and in the coefficient table.',
    generated: (v: string, a: string) =>
      `Generated by gep-accounting ${v} (${a} arithmetic) from the JSON result; nothing in this report is recomputed.`,
    inputHash: 'Input hash',
    none: 'none',
    warningTitles: {
      'coefficient-to-verify': 'Coefficients with the status “to verify”',
      'profile-to-verify': 'Profile to verify',
      'indicator-no-input': 'Indicators without input',
      'input-not-in-profile': 'Input blocks the profile does not use',
      'purification-capped': 'Purification capped by the emission',
      'negative-water-balance': 'Negative water balance',
      'no-unit-rate': 'No uptake rate',
      'pollutant-not-accounted': 'Pollutants not accounted',
    } as Record<string, string>,
    reasons: { 'no-input': 'no input', 'not-implemented': 'not implemented' } as Record<string, string>,
  },
  zh: {
    title: (r: string, y: number) => `${r} ${y} 年生态产品总值（GEP）核算报告`,
    kicker: (p: number) => `生态产品总值核算 · ${p} 年价格`,
    region: '核算地区',
    code: '行政区划代码',
    level: '级别',
    year: '核算年份',
    priceYear: '价格年份',
    profile: '核算方案',
    table: '参数表',
    reportDate: '报告日期',
    preparedBy: '编制单位',
    notStated: '未注明',
    levels: { county: '县级', city: '市级', province: '省级', area: '特定地域单元' } as Record<string, string>,
    categories: { material: '物质产品', regulating: '调节服务', cultural: '文化服务' } as Record<Category, string>,
    gep: '生态产品总值 GEP',
    gepShort: 'GEP',
    geep: '经济生态生产总值 GEEP',
    outside: '扣除：区域外生态产品',
    ofGep: (s: string) => `占 GEP ${s}`,
    gepIdentity: '物质产品 + 调节服务 + 文化服务',
    sinceYear: (y: number, current: string, constant: string) => `较 ${y} 年：现价 ${current}，不变价 ${constant}`,
    summary: '核算总览',
    composition: '价值构成',
    byCategory: '按类别',
    byIndicator: '按指标',
    byType: '按生态系统类型',
    byTypeNote: '注明生态系统类型的核算行，按一级类型汇总；未注明类型的行不计入本图。',
    physical: '实物量',
    physicalNote: '各项价值量所依据的实物量，逐行列示，单位同核算。',
    comparison: (a: number, b: number) => `${a}—${b} 年变化分析`,
    indicatorTable: '核算结果表',
    geepRatios: '经济生态生产总值与比率指标',
    trace: '计算过程',
    traceNote:
      '展开指标可查看其核算行、每一步的公式与输入、所用参数及所依据的条款。此处数值为核算结果的精确值，未按显示规则舍入；过长者截取 12 位并以 … 标出，鼠标悬停可见全部数字。',
    coefficients: '使用的参数',
    warnings: '警示与说明',
    notAccounted: '未核算指标',
    indicator: '指标',
    quantity: '实物量',
    unitPrice: '单价',
    valueWan: '价值量（万元）',
    valueYi: '价值量（亿元）',
    share: '占比',
    total: '合计',
    products: (n: number) => `${n} 项产品`,
    prices: (n: number) => `${n} 种单价`,
    priced: (n: number, m: number) => `${m} 项中 ${n} 项有单价`,
    item: '项目',
    ecosystemType: '生态系统类型',
    priceFrom: '单价来源',
    value: '价值量',
    step: '步骤',
    formula: '公式',
    inputs: '输入',
    result: '结果',
    variant: '方法变体',
    clauses: '依据条款',
    defaults: '默认',
    steps: (n: number) => `${n} 步`,
    id: '参数代码',
    symbol: '符号',
    unit: '单位',
    source: '来源',
    clause: '条款',
    status: '状态',
    note: '说明',
    statuses: { verified: '已核实', derived: '推导', 'to-verify': '待核实', 'user-override': '用户覆盖' } as Record<string, string>,
    toVerifyBanner: (n: number) => `本次核算使用了 ${n} 个“待核实”参数：其数值或来源尚未与标准原文核对，已在参数表中以黄色标出。`,
    listBanner: '本核算方案的指标清单尚待与标准原文核对。',
    override: (reason: string, v: string) => `用户覆盖（${reason}）；原表值 ${v}`,
    rebased: (i: string, a: number, b: number, f: string) => `按 ${i} 由 ${a} 年换算至 ${b} 年，×${f}`,
    term: '项目',
    counted: '计入',
    listed: '列示，不计入',
    ratio: '指标',
    definition: '定义',
    geepChart: 'GEEP 逐项构成',
    gdpBasis: 'GDP 口径',
    perCapita: '人均 GEP',
    gepPerGdp: 'GEP/GDP',
    compA: (y: number) => `${y} 年`,
    compB: (y: number) => `${y} 年（现价）`,
    compConst: (y: number, base: number) => `${y} 年（按 ${base} 年价格）`,
    byCategoryChange: '分类别价值量',
    decomposition: 'GEP 变化分解：数量效应与价格效应',
    effectsByIndicator: '分指标数量效应与价格效应',
    quantityEffect: '数量效应',
    priceEffect: '价格效应',
    change: '变化',
    constChange: '不变价变化',
    declineFlagged: (rate: string, t: string, base: number) => `触发下降标记：按 ${base} 年不变价计，GEP 变化 ${rate}，超过 −${t} 的阈值。`,
    declineNot: (rate: string, t: string, base: number) => `未触发下降标记：按 ${base} 年不变价计，GEP 变化 ${rate}（阈值 −${t}）。`,
    drivers: '拉低 GEP 的指标（数量效应）',
    priceIndex: '价格指数',
    rounding: (r: RoundingRule) => describeDisplayRule(r, 'zh'),
    converted: (from: string, ratio: string, id: string) => `为便于对照，由 ${from} 按 ${ratio}（${id}）换算`,
    otherBasis: '单价按另一实物量计，见计算过程',
    toVerifyElsewhere: '“待核实”参数及核算方案状态见报告开头的提示和参数表。',
    generated: (v: string, a: string) =>
      `由 gep-accounting ${v}（${a === 'decimal' ? '十进制精确' : '浮点'}算术）根据 JSON 核算结果生成；本报告不做任何重新计算。`,
    inputHash: '输入数据哈希',
    none: '无',
    warningTitles: {
      'coefficient-to-verify': '使用了“待核实”参数',
      'profile-to-verify': '核算方案待核实',
      'indicator-no-input': '缺少输入的指标',
      'input-not-in-profile': '核算方案未启用的输入',
      'purification-capped': '净化量以排放量为上限',
      'negative-water-balance': '水量平衡为负',
      'no-unit-rate': '缺少单位面积净化率',
      'pollutant-not-accounted': '未核算的污染物',
    } as Record<string, string>,
    reasons: { 'no-input': '无输入数据', 'not-implemented': '尚未实现' } as Record<string, string>,
  },
};

type Text = (typeof TEXT)['en'];

/** Render the account as one self-contained HTML page. */
export function resultToHtml(result: AccountReportJson, options: HtmlReportOptions = {}): string {
  const lang = options.lang ?? 'en';
  const rule = options.rounding ?? DEFAULT_ROUNDING;
  const T = TEXT[lang];
  const gep = result.totals.gep.value;
  const unit: '万元' | '亿元' = new GepDecimal(gep).abs().gte(1e8) ? '亿元' : '万元';
  const ctx: Ctx = {
    result,
    lang,
    rule,
    T,
    unit,
    comparison: options.comparison,
    date: options.date,
    preparedBy: options.preparedBy,
    typeName: typeNamer(lang),
    lineName: lineNamer(lang),
    name: (x) => (lang === 'zh' ? x.zh : x.en),
    other: (x) => (lang === 'zh' ? '' : x.zh),
    warning: (w) => warningMessage(w, lang),
  };
  let n = 0;
  const section = (id: string, title: string, body: string) =>
    `<section id="${id}"><h2>${sectionNumber(++n, lang)}${h(title)}</h2>${body}</section>`;

  const parts = [
    masthead(ctx),
    '<div class="content">',
    banners(ctx),
    section('summary', T.summary, figures(ctx)),
    section('composition', T.composition, composition(ctx)),
    ...(options.comparison
      ? [
          section(
            'comparison',
            T.comparison(options.comparison.a.accountingYear, options.comparison.b.accountingYear),
            comparisonSection(ctx, options.comparison),
          ),
        ]
      : []),
    section('physical', T.physical, physicalSection(ctx)),
    section('account', T.indicatorTable, indicatorTable(ctx)),
    ...(result.geep || result.ratios ? [section('geep', T.geepRatios, geepSection(ctx))] : []),
    section('trace', T.trace, traceSection(ctx)),
    section('coefficients', T.coefficients, coefficientSection(ctx)),
    section('warnings', T.warnings, warningSection(ctx)),
    '</div>',
    `<footer><p>${h(T.reportDate)}${lang === 'zh' ? '：' : ': '}${h(options.date ?? T.notStated)} · ${h(T.preparedBy)}${lang === 'zh' ? '：' : ': '}${h(options.preparedBy ?? T.notStated)}</p><p>${h(T.rounding(rule))}</p><p>${h(T.generated(result.libraryVersion, result.arithmetic))}${options.inputHash ? ` ${h(T.inputHash)}: <code>${h(options.inputHash)}</code>` : ''}</p></footer>`,
  ];
  return htmlPage({
    lang,
    title: T.title(result.region.name, result.accountingYear),
    body: parts.join('\n'),
    generator: `gep-accounting ${result.libraryVersion}`,
  });
}

interface Ctx {
  readonly result: AccountReportJson;
  readonly lang: Language;
  readonly rule: RoundingRule;
  readonly T: Text;
  /** Unit of the charts and key figures: 亿元 from 1 亿元 of GEP up, else 万元. */
  readonly unit: '万元' | '亿元';
  readonly comparison: GepComparisonJson | undefined;
  readonly date: string | undefined;
  readonly preparedBy: string | undefined;
  readonly typeName: (text: string) => string;
  /** A result line's name in the report's language (`itemZh` in Chinese). */
  readonly lineName: (line: LineNameText) => string;
  readonly name: (x: { readonly zh: string; readonly en: string }) => string;
  /** The name in the other language, beside the name: the Chinese in an English report; nothing in a Chinese one. */
  readonly other: (x: { readonly zh: string; readonly en: string }) => string;
  readonly warning: (w: { readonly message: string; readonly zh?: string | undefined; readonly code: string }) => string;
}

function masthead({ result, T, lang, date, preparedBy }: Ctx): string {
  const meta: [string, string][] = [
    [T.reportDate, date ?? T.notStated],
    [T.preparedBy, preparedBy ?? T.notStated],
    [T.level, T.levels[result.region.level] ?? result.region.level],
    ...(result.region.code ? [[T.code, result.region.code] as [string, string]] : []),
    [T.year, String(result.accountingYear)],
    [T.priceYear, String(result.priceYear)],
    [T.profile, `${result.profile.title[lang]} (${result.profile.id} ${result.profile.version})`],
    [T.table, result.coefficientTable],
  ];
  return `<header class="masthead"><p class="kicker">${h(T.kicker(result.priceYear))}</p><h1>${h(T.title(result.region.name, result.accountingYear))}</h1><ul class="meta">${meta.map(([k, v]) => `<li><b>${h(k)}</b>${h(v)}</li>`).join('')}</ul></header>`;
}

function banners({ result, T }: Ctx): string {
  const toVerify = result.coefficientsUsed.filter((c) => c.status === 'to-verify').length;
  const out: string[] = [];
  if (toVerify) out.push(`<p data-banner="to-verify">⚠ ${h(T.toVerifyBanner(toVerify))} <a href="#coefficients">→</a></p>`);
  if (result.profile.indicatorListStatus === 'to-verify') out.push(`<p data-banner="profile-to-verify">⚠ ${h(T.listBanner)}</p>`);
  return out.length ? `<div class="banner">${out.join('')}</div>` : '';
}

function figure(
  kind: string,
  label: string,
  value: string,
  unit: string,
  sub: string,
  exact: string | null,
  color?: string,
  main = false,
): string {
  return `<div class="figure${main ? ' main' : ''}" data-figure="${kind}"${exact !== null ? ` data-value="${h(exact)}"` : ''}${color ? ` style="border-top-color:${color}"` : ''}><div class="label">${h(label)}</div><div class="amount"><span class="v">${h(value)}</span><span class="unit">${h(unit)}</span></div><div class="sub">${sub}</div></div>`;
}

const ratioText = ratioDisplay;

function figures(ctx: Ctx): string {
  const { result, T, unit, rule } = ctx;
  const gep = result.totals.gep.value;
  const c = ctx.comparison;
  const change = c ? `<br>${h(T.sinceYear(c.a.accountingYear, rateText(c.gep.current.rate), rateText(c.gep.constant.rate)))}` : '';
  const cells = accountCells(result, unit, rule);
  const cards = [figure('gep', T.gep, groupThousands(cells.gep()), unit, `${h(T.gepIdentity)}${change}`, gep, undefined, true)];
  for (const c of CATEGORIES) {
    const v = result.totals[c].value;
    cards.push(figure(c, T.categories[c], groupThousands(cells.category(c)), unit, h(T.ofGep(percentText(v, gep))), v, COLORS[c]));
  }
  if (!new GepDecimal(result.totals.outsideRegion.value).isZero()) {
    const v = result.totals.outsideRegion.value;
    cards.push(
      figure(
        'outside-region',
        T.outside,
        `−${groupThousands(cells.outsideRegion())}`,
        unit,
        h(T.ofGep(percentText(v, gep))),
        v,
        COLORS.outside,
      ),
    );
  }
  if (result.geep) {
    cards.push(
      figure(
        'geep',
        T.geep,
        moneyText(result.geep.geep.value, unit, rule),
        unit,
        `<span class="formula">${h(result.geep.variant.formula)}</span>`,
        result.geep.geep.value,
        COLORS.neutral,
      ),
    );
  }
  for (const [id, label] of [
    ['gep-per-gdp', T.gepPerGdp],
    ['gep-per-capita', T.perCapita],
  ] as const) {
    const r = result.ratios?.ratios.find((x) => x.id === id);
    if (!r) continue;
    const shown = ratioText(r.value, r.unit, rule);
    cards.push(figure(id, label, shown.value, shown.unit, `<span class="formula">${h(r.formula)}</span>`, r.value, COLORS.neutral));
  }
  return `<div class="figures">${cards.join('')}</div>`;
}

function composition(ctx: Ctx): string {
  const { result, T, unit, rule, name, lang } = ctx;
  const gep = result.totals.gep.value;
  const stack = stackedBar(
    CATEGORIES.map((c) => ({
      key: c,
      label: T.categories[c],
      amount: moneyNumber(result.totals[c].value, unit),
      color: COLORS[c],
      value: result.totals[c].value,
      text: `${moneyText(result.totals[c].value, unit, rule)} ${unit} · ${percentText(result.totals[c].value, gep)}`,
      inside: percentText(result.totals[c].value, gep),
    })),
    { id: 'categories', title: `${T.composition}: ${T.byCategory}` },
  );
  const sorted = [...result.indicators].sort((a, b) => new GepDecimal(b.value.total.value).comparedTo(a.value.total.value));
  const rows: ChartRow[] = sorted.map((i) => ({
    key: i.id,
    label: name(i),
    bars: [
      {
        end: moneyNumber(i.value.total.value, unit),
        color: COLORS[i.category],
        value: i.value.total.value,
        series: i.category,
        text: `${moneyText(i.value.total.value, unit, rule)} · ${percentText(i.value.total.value, gep)}`,
        title: `${lang === 'zh' ? i.zh : `${i.zh} ${i.en}`}: ${moneyText(i.value.total.value, unit, rule)} ${unit}`,
      },
    ],
  }));
  const byIndicator = barChart(rows, {
    id: 'indicators',
    title: `${T.composition}: ${T.byIndicator}`,
    unit,
    legend: CATEGORIES.map((c) => ({ label: T.categories[c], color: COLORS[c] })),
    maxLabelWidth: 230,
  });
  const types = Object.entries(result.byEcosystemType).sort((a, b) => new GepDecimal(b[1].value).comparedTo(a[1].value));
  const known = ecosystemTypes();
  const byType = types.length
    ? barChart(
        types.map(([id, v]) => ({
          key: id,
          label: known.get(id)?.[ctx.lang] ?? id,
          bars: [
            {
              end: moneyNumber(v.value, unit),
              color: COLORS.regulating,
              value: v.value,
              text: `${moneyText(v.value, unit, rule)} · ${percentText(v.value, gep)}`,
            },
          ],
        })),
        { id: 'ecosystem-types', title: `${T.composition}: ${T.byType}`, unit, maxLabelWidth: 200 },
      )
    : '';
  return `<div class="charts">
<div class="card"><h3>${h(T.byCategory)}</h3>${stack}</div>
<div class="card"><h3>${h(T.byIndicator)}</h3>${byIndicator}</div>
${byType ? `<div class="card"><h3>${h(T.byType)}</h3>${byType}<p class="note">${h(T.byTypeNote)}</p></div>` : ''}
</div>`;
}

/** Lines of an indicator in one display unit per dimension (万/亿 prefixes as tables print them). */
function quantityGroups(
  ind: Indicator,
  lineName: (line: LineNameText) => string,
): { unit: string; lines: { label: string; value: string }[] }[] {
  const groups: { base: string; lines: { label: string; value: string; unit: string }[] }[] = [];
  const target = ind.quantity.total?.unit;
  for (const l of ind.quantity.lines) {
    const label = lineName(l);
    let placed = false;
    for (const g of [...(target ? groups.filter((x) => x.base === target) : []), ...groups]) {
      try {
        const v = convert(decimalArithmetic, new GepDecimal(l.quantity.value), l.quantity.unit, g.base);
        g.lines.push({ label, value: v.toString(), unit: g.base });
        placed = true;
        break;
      } catch {
        // another dimension: try the next group
      }
    }
    if (!placed) {
      let base = l.quantity.unit;
      let value = l.quantity.value;
      if (target) {
        try {
          value = convert(decimalArithmetic, new GepDecimal(l.quantity.value), l.quantity.unit, target).toString();
          base = target;
        } catch {
          // keep its own unit
        }
      }
      groups.push({ base, lines: [{ label, value, unit: base }] });
    }
  }
  return groups.map((g) => {
    const max = g.lines.reduce((m, l) => GepDecimal.max(m, new GepDecimal(l.value).abs()), new GepDecimal(0));
    const prefix = magnitudePrefix(g.base, max);
    const unit = `${prefix}${g.base}`;
    return {
      unit,
      lines: g.lines.map((l) => ({
        label: l.label,
        value: prefix ? convert(decimalArithmetic, new GepDecimal(l.value), g.base, unit).toString() : l.value,
      })),
    };
  });
}

function physicalSection(ctx: Ctx): string {
  const { result, T, name, rule, lineName } = ctx;
  const cards = result.indicators
    .filter((i) => i.quantity.lines.length)
    .map((i) => {
      const groups = quantityGroups(i, lineName);
      const labelWidth = Math.min(170, Math.max(...groups.flatMap((g) => g.lines.map((l) => textWidth(l.label)))));
      const charts = groups.map((g, k) =>
        barChart(
          g.lines.map((l) => ({
            label: l.label,
            bars: [{ end: Number(l.value), color: COLORS[i.category], value: l.value, text: significantText(l.value, rule) }],
          })),
          { id: `quantity:${i.id}${k ? `:${k}` : ''}`, title: `${name(i)} (${g.unit})`, unit: g.unit, width: 480, labelWidth },
        ),
      );
      const total = i.quantity.total ? readableQuantity(i.quantity.total, rule) : T.products(i.quantity.lines.length);
      return `<div class="card" data-indicator="${h(i.id)}"><h3><span class="dot" style="background:${COLORS[i.category]}"></span>${h(name(i))} <span class="en">${h(total)}</span></h3>${charts.join('')}</div>`;
    });
  return `<p class="note">${h(T.physicalNote)}</p><div class="grid2">${cards.join('\n')}</div>`;
}

/** The unit price cell of the account table: in the quantity's unit, the exact and the converted price on hover. */
function unitPriceCell(ind: Indicator, ctx: Ctx): string {
  const p = unitPriceDisplay(ind, ctx.lang, ctx.rule);
  const title = [
    ...(p.exact ? [`${p.exact.value} ${p.exact.unit}`] : []),
    ...(p.convertedFrom
      ? [
          ctx.T.converted(
            `${p.convertedFrom.value} ${p.convertedFrom.unit}`,
            `${p.convertedFrom.ratio} ${p.convertedFrom.ratioUnit}`,
            p.convertedFrom.coefficient,
          ),
        ]
      : []),
    ...(p.otherBasis ? [ctx.T.otherBasis] : []),
  ].join('; ');
  const mark = p.convertedFrom ? ' <sup>※</sup>' : p.otherBasis ? ' <sup>*</sup>' : '';
  return title
    ? `<span title="${h(title)}"${p.convertedFrom ? ` data-converted-from="${h(p.convertedFrom.unit)}"` : ''}>${h(p.text)}${mark}</span>`
    : h(p.text);
}

function indicatorTable(ctx: Ctx): string {
  const { result, T, rule, name, other } = ctx;
  const gep = result.totals.gep.value;
  // Independent cells, or parts that add up to their totals (rule.parts): ./account-rounding.ts
  const wan = accountCells(result, '万元', rule);
  const yi = accountCells(result, '亿元', rule);
  const head = `<tr><th>${h(T.indicator)}</th><th class="num">${h(T.quantity)}</th><th class="num">${h(T.unitPrice)}</th><th class="num">${h(T.valueWan)}</th><th class="num">${h(T.valueYi)}</th><th class="num">${h(T.share)}</th></tr>`;
  const rows: string[] = [];
  for (const c of CATEGORIES) {
    const list = result.indicators.filter((i) => i.category === c);
    if (!list.length) continue;
    for (const i of list) {
      const q = i.quantity.total
        ? readableQuantity(i.quantity.total, rule)
        : i.quantity.lines.length
          ? T.products(i.quantity.lines.length)
          : '—';
      rows.push(
        `<tr data-indicator="${h(i.id)}"><td><span class="dot" style="background:${COLORS[c]}"></span><a href="#trace-${h(i.id)}">${h(name(i))}</a>${other(i) ? ` <span class="en">${h(other(i))}</span>` : ''}</td><td class="num">${h(q)}</td><td class="num" data-unit-price>${unitPriceCell(i, ctx)}</td><td class="num" data-value="${h(i.value.total.value)}">${groupThousands(wan.indicator(i.id))}</td><td class="num">${groupThousands(yi.indicator(i.id))}</td><td class="num">${percentText(i.value.total.value, gep)}</td></tr>`,
      );
    }
    const v = result.totals[c].value;
    rows.push(
      `<tr class="subtotal" data-total="${c}"><td>${h(T.categories[c])}</td><td></td><td></td><td class="num" data-value="${h(v)}">${groupThousands(wan.category(c))}</td><td class="num">${groupThousands(yi.category(c))}</td><td class="num">${percentText(v, gep)}</td></tr>`,
    );
  }
  const outside = result.totals.outsideRegion.value;
  if (!new GepDecimal(outside).isZero()) {
    rows.push(
      `<tr class="subtotal" data-total="outside-region"><td>${h(T.outside)}</td><td></td><td></td><td class="num">−${groupThousands(wan.outsideRegion())}</td><td class="num">−${groupThousands(yi.outsideRegion())}</td><td class="num">−${percentText(outside, gep)}</td></tr>`,
    );
  }
  rows.push(
    `<tr class="grand" data-total="gep"><td>${h(T.gep)}</td><td></td><td></td><td class="num" data-value="${h(gep)}">${groupThousands(wan.gep())}</td><td class="num">${groupThousands(yi.gep())}</td><td class="num">${percentText(gep, gep)}</td></tr>`,
  );
  const notAccounted = result.notAccounted.length
    ? `<p class="note">${h(T.notAccounted)}: ${result.notAccounted.map((x) => `${h(name(x))} (${h(T.reasons[x.reason] ?? x.reason)})`).join('; ')}</p>`
    : '';
  const notes = result.indicators.flatMap((i) => {
    const p = unitPriceDisplay(i, ctx.lang, rule);
    const sep = ctx.lang === 'zh' ? '：' : ': ';
    if (p.convertedFrom)
      return [
        `※ ${name(i)}${sep}${p.text} — ${T.converted(`${significantText(p.convertedFrom.value, rule)} ${p.convertedFrom.unit}`, `${p.convertedFrom.ratio} ${p.convertedFrom.ratioUnit}`, p.convertedFrom.coefficient)}`,
      ];
    if (p.otherBasis) return [`* ${name(i)}${sep}${T.otherBasis}`];
    return [];
  });
  return `<table class="account"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>${notes.map((n) => `<p class="note">${h(n)}</p>`).join('')}${notAccounted}`;
}

function geepSection(ctx: Ctx): string {
  const { result, T, rule, unit, lang } = ctx;
  const out: string[] = [];
  const geep = result.geep;
  if (geep) {
    const counted = geep.terms.filter((t) => t.sign !== 0);
    let at = 0;
    const rows: ChartRow[] = counted.map((t) => {
      const v = moneyNumber(t.value.value, unit) * t.sign;
      const start = at;
      at += v;
      return {
        key: t.id,
        label: `${t.sign > 0 ? '+' : '−'} ${lang === 'zh' ? t.zh : t.en}`,
        bars: [
          {
            start,
            end: at,
            color: t.sign > 0 ? COLORS.increase : COLORS.decrease,
            value: t.value.value,
            text: signedMoneyText(t.sign > 0 ? t.value.value : new GepDecimal(t.value.value).negated().toString(), unit, rule),
          },
        ],
      };
    });
    rows.push({
      key: 'geep',
      label: '= GEEP',
      total: true,
      bars: [
        {
          end: moneyNumber(geep.geep.value, unit),
          color: COLORS.total,
          value: geep.geep.value,
          text: moneyText(geep.geep.value, unit, rule),
        },
      ],
    });
    out.push(`<div class="card"><h3>${h(T.geepChart)}</h3>${barChart(rows, { id: 'geep', title: T.geepChart, unit, connectors: true, maxLabelWidth: 230 })}
<p class="note"><span class="formula">${h(geep.variant.formula)}</span> — ${lang === 'zh' ? `${h(geep.variant.sourceZh)}。${h(T.gdpBasis)}：${h(GDP_BASIS_ZH[geep.gdpBasis] ?? geep.gdpBasis)}。` : `${h(geep.variant.source)}. ${h(T.gdpBasis)}: ${h(geep.gdpBasis)}.`}</p></div>`);
    const termRows = geep.terms.map(
      (t) =>
        `<tr data-term="${h(t.id)}"><td>${t.sign > 0 ? '+' : t.sign < 0 ? '−' : ''} ${h(lang === 'zh' ? t.zh : t.en)}</td><td class="num">${moneyText(t.value.value, '万元', rule)}</td><td class="num">${moneyText(t.value.value, '亿元', rule)}</td><td>${h(t.sign === 0 ? T.listed : T.counted)}</td></tr>`,
    );
    termRows.push(
      `<tr class="grand"><td>= GEEP</td><td class="num" data-value="${h(geep.geep.value)}">${moneyText(geep.geep.value, '万元', rule)}</td><td class="num">${moneyText(geep.geep.value, '亿元', rule)}</td><td></td></tr>`,
    );
    out.push(
      `<table><thead><tr><th>${h(T.term)}</th><th class="num">${h(T.valueWan)}</th><th class="num">${h(T.valueYi)}</th><th></th></tr></thead><tbody>${termRows.join('')}</tbody></table>`,
    );
    if (geep.warnings.length) out.push(`<ul class="warnings">${geep.warnings.map((w) => `<li>${h(ctx.warning(w))}</li>`).join('')}</ul>`);
  }
  if (result.ratios) {
    const rows = result.ratios.ratios.map((r) => {
      const shown = ratioText(r.value, r.unit, rule);
      const [name, formula, definition] = lang === 'zh' ? [r.zh, r.formulaZh, r.definitionZh] : [`${r.en} `, r.formula, r.definition];
      return `<tr data-ratio="${h(r.id)}"><td>${h(name)}${lang === 'zh' ? '' : `<span class="en">${h(r.zh)}</span>`}</td><td class="num" data-value="${h(r.value)}">${h(shown.value)} ${h(shown.unit)}</td><td><span class="formula">${h(formula)}</span><div class="from">${h(definition)} [${h(r.source)}]</div></td><td>${statusBadge(r.status, ctx.T)}</td></tr>`;
    });
    out.push(
      `<h3>${h(T.ratio)}</h3><table><thead><tr><th>${h(T.ratio)}</th><th class="num">${h(T.value)}</th><th>${h(T.definition)}</th><th>${h(T.status)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    );
  }
  return out.join('\n');
}

function statusBadge(status: string, T: Text): string {
  return `<span class="badge ${h(status)}">${h(T.statuses[status] ?? status)}</span>`;
}

function comparisonSection(ctx: Ctx, c: GepComparisonJson): string {
  const { T, unit, rule, name, lang } = ctx;
  const { a, b, baseYear } = c;
  const threshold = `${new GepDecimal(c.decline.threshold).times(100).toString()} %`;
  const rate = rateText(c.gep.constant.rate);
  const banner = `<div class="banner ${c.decline.flagged ? 'bad' : 'good'}" data-decline="${c.decline.flagged}">${h(c.decline.flagged ? T.declineFlagged(rate, threshold, baseYear) : T.declineNot(rate, threshold, baseYear))}</div>`;
  const cards = [
    figure(
      'gep-a',
      `${T.gepShort} ${T.compA(a.accountingYear)}`,
      moneyText(c.gep.current.a.value, unit, rule),
      unit,
      h(`${a.priceYear} ${lang === 'zh' ? '年价格' : 'prices'}`),
      c.gep.current.a.value,
      COLORS.yearA,
    ),
    figure(
      'gep-b',
      `${T.gepShort} ${T.compB(b.accountingYear)}`,
      moneyText(c.gep.current.b.value, unit, rule),
      unit,
      h(`${T.change} ${rateText(c.gep.current.rate)}`),
      c.gep.current.b.value,
      COLORS.yearB,
    ),
    figure(
      'gep-b-constant',
      `${T.gepShort} ${T.compConst(b.accountingYear, baseYear)}`,
      moneyText(c.gep.constant.b.value, unit, rule),
      unit,
      h(`${T.constChange} ${rateText(c.gep.constant.rate)}`),
      c.gep.constant.b.value,
      COLORS.constant,
    ),
  ];
  const series = [
    { label: T.compA(a.accountingYear), color: COLORS.yearA },
    { label: T.compB(b.accountingYear), color: COLORS.yearB },
    { label: T.compConst(b.accountingYear, baseYear), color: COLORS.constant },
  ];
  const changeBars = (x: GepComparisonJson['gep']) => [
    {
      end: moneyNumber(x.current.a.value, unit),
      color: COLORS.yearA,
      series: 'a',
      value: x.current.a.value,
      text: moneyText(x.current.a.value, unit, rule),
    },
    {
      end: moneyNumber(x.current.b.value, unit),
      color: COLORS.yearB,
      series: 'b',
      value: x.current.b.value,
      text: `${moneyText(x.current.b.value, unit, rule)} (${rateText(x.current.rate)})`,
    },
    {
      end: moneyNumber(x.constant.b.value, unit),
      color: COLORS.constant,
      series: 'b-constant',
      value: x.constant.b.value,
      text: `${moneyText(x.constant.b.value, unit, rule)} (${rateText(x.constant.rate)})`,
    },
  ];
  const categoryRows: ChartRow[] = [
    ...CATEGORIES.map((k) => ({ key: k, label: T.categories[k], bars: changeBars(c.categories[k]!) })),
    { key: 'gep', label: T.gepShort, total: true, bars: changeBars(c.gep) },
  ];
  const byCategory = barChart(categoryRows, { id: 'comparison-categories', title: T.byCategoryChange, unit, legend: series });
  const signed = (v: string) => signedMoneyText(v, unit, rule);
  const qe = c.gep.quantityEffect.value;
  const pe = c.gep.priceEffect.value;
  const av = moneyNumber(c.gep.current.a.value, unit);
  const qv = moneyNumber(qe, unit);
  const pv = moneyNumber(pe, unit);
  const waterfall = barChart(
    [
      {
        key: 'a',
        label: T.compA(a.accountingYear),
        bars: [{ end: av, color: COLORS.yearA, value: c.gep.current.a.value, text: moneyText(c.gep.current.a.value, unit, rule) }],
      },
      {
        key: 'quantity-effect',
        label: T.quantityEffect,
        bars: [{ start: av, end: av + qv, color: qv >= 0 ? COLORS.increase : COLORS.decrease, value: qe, text: signed(qe) }],
      },
      {
        key: 'price-effect',
        label: T.priceEffect,
        bars: [{ start: av + qv, end: av + qv + pv, color: pv >= 0 ? COLORS.increase : COLORS.decrease, value: pe, text: signed(pe) }],
      },
      {
        key: 'b',
        label: T.compB(b.accountingYear),
        total: true,
        bars: [
          {
            end: moneyNumber(c.gep.current.b.value, unit),
            color: COLORS.yearB,
            value: c.gep.current.b.value,
            text: moneyText(c.gep.current.b.value, unit, rule),
          },
        ],
      },
    ],
    { id: 'decomposition', title: T.decomposition, unit, connectors: true },
  );
  // Indicators whose effects show at the chart's rounding; the table lists all.
  const moving = c.indicators
    .filter((i) => signed(i.quantityEffect.value) !== signed('0') || signed(i.priceEffect.value) !== signed('0'))
    .sort((x, y) =>
      new GepDecimal(y.quantityEffect.value)
        .abs()
        .plus(new GepDecimal(y.priceEffect.value).abs())
        .comparedTo(new GepDecimal(x.quantityEffect.value).abs().plus(new GepDecimal(x.priceEffect.value).abs())),
    );
  const effects = barChart(
    moving.map((i) => ({
      key: i.id,
      label: name(i),
      bars: [
        {
          end: moneyNumber(i.quantityEffect.value, unit),
          color: COLORS.quantityEffect,
          series: 'quantity-effect',
          value: i.quantityEffect.value,
          text: signed(i.quantityEffect.value),
        },
        {
          end: moneyNumber(i.priceEffect.value, unit),
          color: COLORS.priceEffect,
          series: 'price-effect',
          value: i.priceEffect.value,
          text: signed(i.priceEffect.value),
        },
      ],
    })),
    {
      id: 'effects',
      title: T.effectsByIndicator,
      unit,
      legend: [
        { label: T.quantityEffect, color: COLORS.quantityEffect },
        { label: T.priceEffect, color: COLORS.priceEffect },
      ],
      maxLabelWidth: 200,
    },
  );
  const head = `<tr><th>${h(T.indicator)}</th><th class="num">${h(T.compA(a.accountingYear))}</th><th class="num">${h(T.compB(b.accountingYear))}</th><th class="num">${h(T.compConst(b.accountingYear, baseYear))}</th><th class="num">${h(T.change)}</th><th class="num">${h(T.constChange)}</th><th class="num">${h(T.quantityEffect)}</th><th class="num">${h(T.priceEffect)}</th></tr>`;
  const row = (label: string, x: GepComparisonJson['gep'], cls = '', flag = '') =>
    `<tr${cls ? ` class="${cls}"` : ''}><td>${label}${flag}</td><td class="num">${moneyText(x.current.a.value, '万元', rule)}</td><td class="num">${moneyText(x.current.b.value, '万元', rule)}</td><td class="num">${moneyText(x.constant.b.value, '万元', rule)}</td><td class="num">${rateText(x.current.rate)}</td><td class="num">${rateText(x.constant.rate)}</td><td class="num">${moneyText(x.quantityEffect.value, '万元', rule)}</td><td class="num">${moneyText(x.priceEffect.value, '万元', rule)}</td></tr>`;
  const rows: string[] = [];
  for (const k of CATEGORIES) {
    for (const i of c.indicators.filter((x) => x.category === k))
      rows.push(row(h(name(i)), i, '', i.declined ? ' <span class="badge bad">▼</span>' : ''));
    rows.push(row(h(T.categories[k]), c.categories[k]!, 'subtotal'));
  }
  rows.push(row(h(T.gepShort), c.gep, 'grand', c.decline.flagged ? ' <span class="badge bad">▼</span>' : ''));
  const drivers = c.decline.drivers.length
    ? `<h3>${h(T.drivers)}</h3><ul class="warnings">${c.decline.drivers.map((d) => `<li>${h(name(d))}: ${h(signed(d.quantityEffect.value))} ${h(unit)} (${h(rateText(d.constantRate))}${d.contributionPoints === null ? '' : lang === 'zh' ? `；${new GepDecimal(d.contributionPoints).toFixed(2, GepDecimal.ROUND_HALF_UP)} 个百分点` : `; ${new GepDecimal(d.contributionPoints).toFixed(2, GepDecimal.ROUND_HALF_UP)} pp`})</li>`).join('')}</ul>`
    : '';
  return `${banner}<div class="figures">${cards.join('')}</div>
<div class="charts" style="margin-top:16px">
<div class="card"><h3>${h(T.byCategoryChange)}</h3>${byCategory}</div>
<div class="card"><h3>${h(T.decomposition)}</h3>${waterfall}<p class="note"><span class="formula">${h(lang === 'zh' ? c.decomposition.formulaZh : c.decomposition.formula)}</span><br>${h(lang === 'zh' ? c.decomposition.noteZh : c.decomposition.note)}${c.priceIndex ? (lang === 'zh' ? ` ${h(T.priceIndex)}：${h(c.priceIndex)}。` : ` ${h(T.priceIndex)}: ${h(c.priceIndex)}.`) : ''}</p></div>
${moving.length ? `<div class="card"><h3>${h(T.effectsByIndicator)}</h3>${effects}</div>` : ''}
</div>
<table class="comparison"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table><p class="note">${h(T.valueWan)}</p>${drivers}
${c.warnings.length ? `<ul class="warnings">${c.warnings.map((w) => `<li>${h(ctx.warning(w))}</li>`).join('')}</ul>` : ''}`;
}

function traceSection(ctx: Ctx): string {
  const { result, T, rule, name, other, typeName, lineName } = ctx;
  const register = sources();
  const blocks = result.indicators.map((i) => {
    // Variant names and options are ids of the method spec: shown as code.
    const variant =
      Object.entries(i.variant)
        .map(([k, v]) => `<code>${h(k)} = ${h(v)}</code>`)
        .join(', ') || h(T.defaults);
    const clauses = i.clauses
      .map((c) => `<li>${h(register.get(c.source)?.title ?? c.source)} — ${h(c.clause)} ${statusBadge(c.status, T)}</li>`)
      .join('');
    const lines = i.value.lines
      .map(
        (l) =>
          `<tr><td>${h(lineName(l))}</td><td>${l.ecosystemType ? h(typeName(l.ecosystemType)) : ''}</td><td class="num">${l.quantity ? `${exactText(l.quantity.value)} ${h(l.quantity.unit)}` : '—'}</td><td class="num">${l.unitPrice ? `${exactText(l.unitPrice.value)} ${h(l.unitPrice.unit)}` : '—'}</td><td class="from">${l.unitPrice ? h(fromText(l.unitPrice.from, i.trace.steps, ctx.lang)) : ''}</td><td class="num">${moneyText(l.value.value, '万元', rule)}</td></tr>`,
      )
      .join('');
    const steps = i.trace.steps
      .map((s, k) => {
        const inputs = Object.entries(s.inputs)
          .map(
            ([sym, v]) =>
              `<div><b>${h(sym)}</b> = ${exactText(v.value)} ${h(v.unit)} <span class="from">${h(fromText(v.from, i.trace.steps, ctx.lang))}</span></div>`,
          )
          .join('');
        const t = stepText(s, ctx.lang, i.trace.steps);
        return `<tr><td class="num">${k + 1}</td><td>${h(t.name)}${t.note ? `<div class="from">${h(t.note)}</div>` : ''}</td><td class="formula">${h(t.formula)}</td><td>${inputs}</td><td class="num">${exactText(s.result.value)} ${h(s.result.unit)}</td></tr>`;
      })
      .join('');
    const coefficients = i.trace.coefficients
      .map(
        (c) =>
          `<li${c.status === 'to-verify' ? ' class="to-verify"' : ''}><code>${h(c.id)}</code> ${h(c.symbol)} = ${h(c.value)} ${h(c.unit)} (${h(c.source)}) ${statusBadge(c.status, T)}</li>`,
      )
      .join('');
    const warnings = i.warnings.map((w) => `<li>${h(ctx.warning(w))}</li>`).join('');
    return `<details id="trace-${h(i.id)}" data-indicator="${h(i.id)}"><summary>${h(name(i))} <span class="en">${other(i) ? `${h(other(i))} · ` : ''}${moneyText(i.value.total.value, '万元', rule)} 万元 · ${h(T.steps(i.trace.steps.length))}</span></summary><div class="inner">
<p class="note"><code>${h(i.id)}</code> · ${h(T.variant)}${ctx.lang === 'zh' ? '：' : ': '}${variant}</p>
<table><thead><tr><th>${h(T.item)}</th><th>${h(T.ecosystemType)}</th><th class="num">${h(T.quantity)}</th><th class="num">${h(T.unitPrice)}</th><th>${h(T.priceFrom)}</th><th class="num">${h(T.valueWan)}</th></tr></thead><tbody>${lines}</tbody></table>
<table class="steps"><thead><tr><th class="num">#</th><th>${h(T.step)}</th><th>${h(T.formula)}</th><th>${h(T.inputs)}</th><th class="num">${h(T.result)}</th></tr></thead><tbody>${steps}</tbody></table>
${coefficients ? `<h3>${h(T.coefficients)}</h3><ul class="warnings">${coefficients}</ul>` : ''}
<h3>${h(T.clauses)}</h3><ul class="warnings">${clauses}</ul>
${warnings ? `<h3>${h(T.warnings)}</h3><ul class="warnings">${warnings}</ul>` : ''}
</div></details>`;
  });
  return `<p class="note">${h(T.traceNote)}</p>${blocks.join('\n')}`;
}

function coefficientSection(ctx: Ctx): string {
  const { result, T } = ctx;
  const register = sources();
  const counts = new Map<string, number>();
  for (const c of result.coefficientsUsed) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  const summary = [...counts].map(([s, n]) => `${statusBadge(s, T)} ${n}`).join(' &nbsp; ');
  const rows = result.coefficientsUsed
    .map((c) => {
      const notes = [
        ...(c.overridden ? [T.override(c.overridden.reason, `${c.overridden.tableValue} ${c.overridden.tableUnit}`)] : []),
        ...(c.rebased
          ? [T.rebased(c.rebased.index, c.rebased.fromYear, c.rebased.toYear, significantText(c.rebased.factor, ctx.rule))]
          : []),
      ];
      // The exact factor and the value used, on hover: the cell shows them by the display rule.
      const exact = c.rebased ? `×${c.rebased.factor} = ${c.rebased.value} ${c.unit}` : '';
      return `<tr class="${c.status === 'to-verify' ? 'to-verify' : ''}" data-coefficient="${h(c.id)}" data-status="${h(c.status)}"><td><code>${h(c.id)}</code></td><td>${h(c.symbol)}</td><td class="num">${h(c.value)}</td><td>${h(c.unit)}</td><td class="num">${c.priceYear ?? ''}</td><td><span title="${h(register.get(c.source)?.title ?? '')}">${h(c.source)}</span></td><td>${h(c.clause)}</td><td>${statusBadge(c.status, T)}</td><td class="from"${exact ? ` title="${h(exact)}"` : ''}>${h(notes.join('; '))}</td></tr>`;
    })
    .join('');
  return `<p>${summary || h(T.none)}</p><div class="wide"><table class="coefficients"><thead><tr><th>${h(T.id)}</th><th>${h(T.symbol)}</th><th class="num">${h(T.value)}</th><th>${h(T.unit)}</th><th class="num">${h(T.priceYear)}</th><th>${h(T.source)}</th><th>${h(T.clause)}</th><th>${h(T.status)}</th><th>${h(T.note)}</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function warningSection(ctx: Ctx): string {
  const { result, T, name } = ctx;
  const groups = new Map<string, (typeof result.warnings)[number][]>();
  // The to-verify notice is shown once, at the top, with its count (banners); not again here.
  const elsewhere = result.warnings.some((w) => BANNER_CODES.has(w.code));
  for (const w of result.warnings.filter((x) => !BANNER_CODES.has(x.code))) groups.set(w.code, [...(groups.get(w.code) ?? []), w]);
  const out = [...groups].map(
    ([code, list]) =>
      `<details data-warning="${h(code)}"${list.length <= 3 ? ' open' : ''}><summary>${h(T.warningTitles[code] ?? code)} <span class="en">(${list.length}) <code>${h(code)}</code></span></summary><div class="inner"><ul class="warnings">${list.map((w) => `<li>${h(ctx.warning(w))}${w.path ? ` <span class="from">${h(formatPath(w.path))}</span>` : ''}</li>`).join('')}</ul></div></details>`,
  );
  const notAccounted = result.notAccounted.length
    ? `<h3>${h(T.notAccounted)}</h3><ul class="warnings">${result.notAccounted.map((x) => `<li>${h(name(x))} <code>${h(x.id)}</code>: ${h(T.reasons[x.reason] ?? x.reason)}</li>`).join('')}</ul>`
    : '';
  return `${elsewhere ? `<p class="note">${h(T.toVerifyElsewhere)}</p>` : ''}${out.join('\n') || `<p>${h(T.none)}</p>`}${notAccounted}`;
}
