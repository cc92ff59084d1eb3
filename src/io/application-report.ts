/**
 * The reports of the applications of GEP results (核算结果应用报告): one document model per result
 * — a title, key figures, sections of tables, lists and charts, and the method, parameters,
 * calculation and warnings — built from the JSON form of the result, in Chinese or English. Three
 * renderers print it: a terminal table and Markdown (./application-text.ts) and one self-contained
 * HTML page (./application-html.ts). The tenure audit's document is the memo an auditor files.
 *
 * Like every exporter it never recomputes: each number printed is a number of the result, converted
 * to 万元 (or 元 for payable amounts) and rounded at the edge by the named rule the footer states.
 */
import type { Language } from '../errors/messages.js';
import { sources } from '../coefficients/tables.js';
import { GepDecimal } from '../numbers/arithmetic.js';
import { DEFAULT_ROUNDING, describeRounding, roundDecimal, type RoundingRule } from '../numbers/rounding.js';
import { convert } from '../units/units.js';
import { decimalArithmetic } from '../numbers/arithmetic.js';
import { LIBRARY_VERSION } from '../version.js';
import type { ChartRow, LegendEntry, StackSegment } from './svg-chart.js';
import { COLORS, moneyText, signedMoneyText } from './html-page.js';
import { groupThousands } from './text-table.js';
import type { AreaAccountJson } from '../applications/area.js';
import type { ProjectImpactJson } from '../applications/project.js';
import type { CompensationJson } from '../applications/compensation.js';
import type { VerticalAllocationJson } from '../applications/vertical.js';
import type { WaterCompensationJson } from '../applications/horizontal.js';
import type { CompensationBoundsJson } from '../applications/bounds.js';
import type { SettlementJson } from '../applications/settlement.js';
import type { ScorecardJson, TenureAuditJson } from '../applications/audit.js';
import type { EcologicalAssetValuationJson } from '../applications/finance.js';
import type { ApplicationTrace, AppTracedValue, Jsonified } from '../applications/common.js';
import { warningMessage } from '../errors/warnings/index.js';
import { fromText, GDP_BASIS_ZH, stepText } from './display-text.js';
import { ecosystemTypes } from '../indicators/catalogue.js';
import { POOL, POOL_ZH } from '../applications/settlement.js';

/** Kinds of specific areas and of projects, in Chinese. */
const AREA_KIND_ZH: Readonly<Record<string, string>> = {
  'protected-area': '保护地',
  park: '公园',
  'restoration-project': '修复项目',
  'mine-site': '矿区',
  watershed: '流域',
  'development-project': '开发项目',
  other: '其他',
  restoration: '生态修复',
  conservation: '生态保护',
  development: '开发建设',
  mining: '矿产开采',
  infrastructure: '基础设施',
};
const kindText = (kind: string, lang: L) => (lang === 'zh' ? (AREA_KIND_ZH[kind] ?? kind) : kind);
/** A level-1 ecosystem type id by its name in the language. */
const typeText = (id: string, lang: L) => ecosystemTypes().get(id)?.[lang] ?? id;
/** A party of a settlement: the pool by its name in the language. */
const party = (name: string, lang: L) => (name === POOL && lang === 'zh' ? POOL_ZH : name);
/** A text of the result and its Chinese, by language. */
const zhOr = (lang: L, en: string, zh: string | undefined) => (lang === 'zh' ? (zh ?? en) : en);

/** Any application result in JSON form. */
export type ApplicationJson =
  | AreaAccountJson
  | ProjectImpactJson
  | CompensationJson
  | VerticalAllocationJson
  | WaterCompensationJson
  | CompensationBoundsJson
  | SettlementJson
  | TenureAuditJson
  | ScorecardJson
  | EcologicalAssetValuationJson;

/** A chart, drawn in the HTML page only (./svg-chart.ts). */
export type ReportChart =
  | {
      readonly kind: 'bars';
      readonly id: string;
      readonly title: string;
      readonly unit: string;
      readonly rows: readonly ChartRow[];
      readonly legend?: readonly LegendEntry[];
      readonly marker?: { readonly at: number; readonly label: string };
    }
  | { readonly kind: 'stack'; readonly id: string; readonly title: string; readonly segments: readonly StackSegment[] };

/** A block of a section. */
export type ReportBlock =
  | { readonly type: 'paragraph'; readonly text: string }
  | { readonly type: 'list'; readonly items: readonly string[] }
  | {
      readonly type: 'table';
      readonly head: readonly string[];
      readonly right?: readonly number[];
      readonly rows: readonly (readonly string[])[];
      readonly bold?: readonly number[];
      readonly marked?: readonly number[];
    }
  | { readonly type: 'chart'; readonly chart: ReportChart };

/** A section. */
export interface ReportSection {
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly ReportBlock[];
}

/** A key figure. */
export interface ReportFigure {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly unit: string;
  readonly sub?: string;
  /** The exact decimal the figure shows. */
  readonly exact?: string;
}

/** The document of one application result. */
export interface ReportDoc {
  readonly kind: string;
  readonly lang: Language;
  readonly kicker: string;
  readonly title: string;
  readonly meta: readonly (readonly [string, string])[];
  readonly banner: { readonly tone: 'good' | 'bad' | 'warn'; readonly text: string } | null;
  readonly figures: readonly ReportFigure[];
  readonly sections: readonly ReportSection[];
  readonly footer: readonly string[];
}

/** Options of the application reports. */
export interface ApplicationReportOptions {
  readonly lang?: Language;
  /** Rounding of printed amounts; default half-up, 2 places. */
  readonly rounding?: RoundingRule;
}

type L = Language;
const t = (lang: L, en: string, zh: string) => (lang === 'zh' ? zh : en);

// ---------------------------------------------------------------------------------------------
// Number formatting (at the edge, by the named rule)

function fmt(rule: RoundingRule) {
  const conv = (v: string, from: string, to: string) => convert(decimalArithmetic, new GepDecimal(v), from, to).toString();
  // The account report's money formatters: 万元, half-up by the rule, and a sign on changes.
  const wan = (yuan: string) => moneyText(yuan, '万元', rule);
  const signedWan = (yuan: string) => signedMoneyText(yuan, '万元', rule);
  const yuanText = (yuan: string) => groupThousands(roundDecimal(yuan, rule));
  const pct = (fraction: string | null, places = 2) => {
    if (fraction === null) return '—';
    const text = roundDecimal(new GepDecimal(fraction).times(100).toString(), { places, mode: rule.mode });
    return `${text.startsWith('-') ? `−${text.slice(1)}` : text} %`;
  };
  const signedPct = (fraction: string | null, places = 2) => {
    if (fraction === null) return '—';
    const p = pct(fraction, places);
    return /^[−]/.test(p) || /^0\.0*\s%$/.test(p) ? p : `+${p}`;
  };
  const num = (x: string, places = rule.places) => groupThousands(roundDecimal(x, { places, mode: rule.mode }));
  const signedNum = (x: string, places = rule.places) => {
    const text = num(new GepDecimal(x).abs().toString(), places);
    if (/^[0.,]*$/.test(text)) return text;
    return `${new GepDecimal(x).isNegative() ? '−' : '+'}${text}`;
  };
  const perKm2 = (yuanPerKm2: string | null) => (yuanPerKm2 === null ? '—' : wan(yuanPerKm2));
  const chartWan = (yuan: string) => Number(conv(yuan, '元', '万元'));
  return { wan, signedWan, yuan: yuanText, pct, signedPct, num, signedNum, perKm2, chartWan };
}

/** A long exact decimal shortened for reading: 12 significant digits and …; the exact text is in the JSON result. */
export function shortExact(value: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(value)) return value;
  const digits = value.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
  if (digits.length <= 12) return value;
  return `${new GepDecimal(value).toSignificantDigits(12, GepDecimal.ROUND_HALF_UP).toFixed()}…`;
}

// ---------------------------------------------------------------------------------------------
// Shared sections: method and sources, parameters, calculation, coefficients, warnings

const STANDING: Record<string, { en: string; zh: string }> = {
  read: { en: 'read', zh: '已读原文' },
  recalled: { en: 'recalled (to verify)', zh: '凭记忆（待核实）' },
  inferred: { en: 'inferred from a definition', zh: '据定义推导' },
  'not-a-standard': { en: 'not a standard', zh: '非标准方法' },
};
const STATUS: Record<string, { en: string; zh: string }> = {
  input: { en: 'input', zh: '输入' },
  verified: { en: 'verified', zh: '已核实' },
  derived: { en: 'derived', zh: '推导' },
  'to-verify': { en: 'to verify', zh: '待核实' },
  'user-override': { en: 'user override', zh: '用户覆盖' },
  'library-default': { en: 'library default (not a standard)', zh: '程序默认（非标准）' },
};

function traceSections(
  trace: Jsonified<ApplicationTrace>,
  warnings: readonly { code: string; message: string; zh?: string | undefined }[],
  lang: L,
): ReportSection[] {
  const zh = lang === 'zh';
  const from = (x: { from: string; fromZh?: string | undefined }) => (zh ? (x.fromZh ?? fromText(x.from, trace.steps, lang)) : x.from);
  const register = sources();
  const out: ReportSection[] = [];
  out.push({
    id: 'method',
    title: t(lang, 'Method and sources', '方法与依据'),
    blocks: [
      { type: 'paragraph', text: zh ? `公式：${trace.formulaZh ?? trace.formula}` : `Formula: ${trace.formula}` },
      {
        type: 'table',
        head: [t(lang, 'Source', '来源'), t(lang, 'Clause', '条款'), t(lang, 'Standing', '可靠程度'), t(lang, 'Note', '说明')],
        rows: trace.methods.map((m) => [
          m.source === null ? t(lang, 'this library’s rule', '本程序规则') : `${m.source} — ${register.get(m.source)?.title ?? m.source}`,
          zh ? (m.clauseZh ?? m.clause) : m.clause,
          STANDING[m.standing]![lang],
          (zh ? (m.noteZh ?? m.note) : m.note) ?? '',
        ]),
        marked: trace.methods.map((m, i) => (m.standing === 'recalled' || m.standing === 'not-a-standard' ? i : -1)).filter((i) => i >= 0),
      },
    ],
  });
  if (trace.parameters.length) {
    out.push({
      id: 'parameters',
      title: t(lang, 'Parameters', '参数'),
      blocks: [
        {
          type: 'table',
          head: [
            t(lang, 'Symbol', '符号'),
            t(lang, 'Parameter', '参数'),
            t(lang, 'Value', '取值'),
            t(lang, 'Unit', '单位'),
            t(lang, 'From', '来源'),
            t(lang, 'Status', '状态'),
          ],
          rows: trace.parameters.map((p) => {
            const name = zh ? (p.nameZh ?? p.name) : p.name;
            const note = zh ? (p.noteZh ?? p.note) : p.note;
            return [
              p.symbol,
              note ? (zh ? `${name}（${note}）` : `${name} (${note})`) : name,
              shortExact(p.value),
              p.unit,
              from(p),
              STATUS[p.status]?.[lang] ?? p.status,
            ];
          }),
          marked: trace.parameters
            .map((p, i) => (p.status === 'to-verify' || p.status === 'library-default' ? i : -1))
            .filter((i) => i >= 0),
        },
      ],
    });
  }
  if (trace.coefficients.length) {
    out.push({
      id: 'coefficients',
      title: t(lang, 'Coefficients used', '使用的参数表参数'),
      blocks: [
        {
          type: 'table',
          head: [
            'id',
            t(lang, 'Value', '取值'),
            t(lang, 'Unit', '单位'),
            t(lang, 'Table', '参数表'),
            t(lang, 'Source', '来源'),
            t(lang, 'Clause', '条款'),
            t(lang, 'Status', '状态'),
          ],
          rows: trace.coefficients.map((c) => [c.id, c.value, c.unit, c.table, c.source, c.clause, STATUS[c.status]?.[lang] ?? c.status]),
          marked: trace.coefficients.map((c, i) => (c.status === 'to-verify' ? i : -1)).filter((i) => i >= 0),
        },
      ],
    });
  }
  if (trace.steps.length) {
    out.push({
      id: 'calculation',
      title: t(lang, 'Calculation', '计算过程'),
      blocks: [
        {
          type: 'table',
          head: [t(lang, 'Step', '步骤'), t(lang, 'Formula', '公式'), t(lang, 'Inputs', '输入'), t(lang, 'Result', '结果')],
          rows: trace.steps.map((s) => {
            const st = stepText(s, lang);
            return [
              st.name,
              st.formula,
              Object.entries(s.inputs)
                .map(([k, v]) => `${k} = ${shortExact(v.value)} ${v.unit} ${zh ? `（${from(v as AppTracedValue)}）` : `(${v.from})`}`)
                .join(zh ? '；' : '; '),
              `${shortExact(s.result.value)} ${s.result.unit}${st.note ? ` — ${st.note}` : ''}`,
            ];
          }),
        },
      ],
    });
  }
  if (warnings.length)
    out.push({
      id: 'warnings',
      title: t(lang, 'Warnings and notes', '警示与说明'),
      blocks: [{ type: 'list', items: warnings.map((w) => warningMessage(w, lang)) }],
    });
  return out;
}

function footer(lang: L, rule: RoundingRule, extra: string[] = []): string[] {
  return [
    ...extra,
    t(
      lang,
      `Rounding: ${describeRounding(rule)}, each cell independently; exact values are in the JSON result.`,
      `舍入规则：${rule.mode === 'half-up' ? '四舍五入' : '银行家舍入'}，保留 ${rule.places} 位小数，逐格独立舍入；精确值见 JSON 结果。`,
    ),
    t(
      lang,
      `Generated by gep-accounting ${LIBRARY_VERSION} from the JSON result; nothing is recomputed.`,
      `由 gep-accounting ${LIBRARY_VERSION} 根据 JSON 结果生成，不做任何重新计算。`,
    ),
  ];
}

const CATEGORY_NAMES: Record<string, { en: string; zh: string }> = {
  material: { en: 'Material products', zh: '物质产品' },
  regulating: { en: 'Regulating services', zh: '调节服务' },
  cultural: { en: 'Cultural services', zh: '文化服务' },
  gep: { en: 'GEP', zh: '生态产品总值 GEP' },
};
const name = (zh: string, en: string, lang: L) => (lang === 'zh' ? zh : en);

// ---------------------------------------------------------------------------------------------
// Builders, one per kind

/** Where an area's extent comes from: stated and checked against the account's inputs, or derived from them. */
function extentSourceText(x: AreaAccountJson['extentSource'], lang: L): string {
  if (x.from === 'inputs')
    return t(
      lang,
      "The area file gives no extent: these are the areas the account's inputs give by ecosystem type (the SEEA extent rule).",
      '地域单元文件未给出生态系统范围：以上为核算输入按生态系统类型给出的面积（SEEA 范围规则）。',
    );
  const pct = new GepDecimal(x.tolerance).times(100).toString();
  if (!x.compared.length)
    return t(
      lang,
      "The account's inputs give no area by ecosystem type: the extent is as stated.",
      '核算输入未按生态系统类型给出面积：范围按所填数据。',
    );
  return t(
    lang,
    `Checked against the areas the account's inputs give: ${x.compared.length} type(s) agree within ${pct} %.`,
    `已与核算输入给出的面积核对：${x.compared.length} 个类型相差均不超过 ${pct} %。`,
  );
}

function areaDoc(r: AreaAccountJson, lang: L, rule: RoundingRule): ReportDoc {
  const f = fmt(rule);
  const cats = ['material', 'regulating', 'cultural', 'gep'] as const;
  return {
    kind: r.kind,
    lang,
    kicker: t(lang, `Specific-area unit · ${r.priceYear} prices`, `特定地域单元 · ${r.priceYear} 年价格`),
    title: t(lang, `Ecological product value of ${r.area.name}, ${r.accountingYear}`, `${r.area.name} ${r.accountingYear} 年生态产品价值`),
    meta: [
      [t(lang, 'Kind', '类型'), kindText(r.area.kind, lang)],
      [t(lang, 'Area', '面积'), `${f.num(r.extent.total)} km²`],
      [t(lang, 'Lies in', '所在行政区'), (r.area.within ?? []).map((w) => `${w.name} (${w.code})`).join(', ') || '—'],
      [t(lang, 'Profile', '核算方案'), r.profile],
      [t(lang, 'Coefficient table', '参数表'), r.coefficientTable],
    ],
    banner: null,
    figures: [
      { key: 'gep', label: 'GEP', value: f.wan(r.totals.gep), unit: '万元', exact: r.totals.gep },
      {
        key: 'gep-per-km2',
        label: t(lang, 'GEP per km²', '单位面积 GEP'),
        value: f.wan(r.perKm2.gep),
        unit: '万元/km²',
        exact: r.perKm2.gep,
      },
      {
        key: 'area',
        label: t(lang, 'Area (Σ extent)', '面积（生态系统范围合计）'),
        value: f.num(r.extent.total),
        unit: 'km²',
        exact: r.extent.total,
      },
    ],
    sections: [
      {
        id: 'boundary',
        title: t(lang, 'Boundary', '边界'),
        blocks: [
          {
            type: 'list',
            items: [
              r.area.boundary.description,
              ...(r.area.boundary.source ? [`${t(lang, 'Source', '来源')}: ${r.area.boundary.source}`] : []),
              ...(r.area.boundary.geometry
                ? [
                    `${t(lang, 'Geometry', '边界数据')}: ${r.area.boundary.geometry.file}${r.area.boundary.geometry.crs ? ` (${r.area.boundary.geometry.crs})` : ''}${r.area.boundary.geometry.sha256 ? ` SHA-256 ${r.area.boundary.geometry.sha256}` : ''}`,
                  ]
                : []),
              ...(r.area.manager ? [`${t(lang, 'Manager', '管理单位')}: ${r.area.manager}`] : []),
            ],
          },
        ],
      },
      {
        id: 'extent',
        title: t(lang, 'Ecosystem extent', '生态系统范围'),
        blocks: [
          {
            type: 'table',
            head: [t(lang, 'Ecosystem type', '生态系统类型'), t(lang, 'Level 1', '一级类型'), 'km²', t(lang, 'Share', '占比')],
            right: [2, 3],
            rows: [
              ...r.extent.rows.map((x) => [name(x.zh, x.en, lang), typeText(x.level1, lang), f.num(x.area), f.pct(x.share, 1)]),
              [t(lang, 'Total', '合计'), '', f.num(r.extent.total), '100.0 %'],
            ],
            bold: [r.extent.rows.length],
          },
          { type: 'paragraph', text: extentSourceText(r.extentSource, lang) },
        ],
      },
      {
        id: 'values',
        title: t(lang, 'Value and value per km²', '价值量与单位面积价值'),
        blocks: [
          {
            type: 'table',
            head: ['', t(lang, 'Value (万元)', '价值量（万元）'), t(lang, 'Per km² (万元/km²)', '单位面积（万元/km²）')],
            right: [1, 2],
            rows: cats.map((c) => [CATEGORY_NAMES[c]![lang], f.wan(r.totals[c]), f.wan(r.perKm2[c])]),
            bold: [3],
          },
          {
            type: 'table',
            head: [
              t(lang, 'Ecosystem type', '生态系统类型'),
              'km²',
              t(lang, 'Value (万元)', '价值量（万元）'),
              t(lang, 'Per km² of the type (万元/km²)', '该类型单位面积（万元/km²）'),
            ],
            right: [1, 2, 3],
            rows: [
              ...r.byEcosystemType.map((x) => [name(x.zh, x.en, lang), f.num(x.area), f.wan(x.value), f.perKm2(x.valuePerKm2)]),
              [t(lang, 'Lines without a type', '未注明类型的核算行'), '', f.wan(r.untyped), ''],
            ],
          },
          {
            type: 'chart',
            chart: {
              kind: 'bars',
              id: 'value-per-km2',
              title: t(lang, 'Value per km² by ecosystem type', '各生态系统类型单位面积价值'),
              unit: '万元/km²',
              rows: r.byEcosystemType
                .filter((x) => x.valuePerKm2 !== null)
                .map((x) => ({
                  key: x.ecosystemType,
                  label: name(x.zh, x.en, lang),
                  bars: [{ end: f.chartWan(x.valuePerKm2!), color: COLORS.regulating, text: f.wan(x.valuePerKm2!), value: x.valuePerKm2! }],
                })),
            },
          },
          {
            type: 'table',
            head: [t(lang, 'Ratio', '比率'), t(lang, 'Value', '数值'), t(lang, 'Unit', '单位'), t(lang, 'Formula', '公式')],
            right: [1],
            rows: r.ratios.ratios.map((x) => [
              name(x.zh, x.en, lang),
              x.unit === '元' || x.unit === '元/km²' ? f.wan(x.value) : f.num(x.value),
              x.unit === '元' ? '万元' : x.unit === '元/km²' ? '万元/km²' : x.unit,
              zhOr(lang, x.formula, x.formulaZh),
            ]),
          },
        ],
      },
      ...traceSections(r.trace, r.warnings, lang),
    ],
    footer: footer(lang, rule),
  };
}

function projectDoc(r: ProjectImpactJson, lang: L, rule: RoundingRule): ReportDoc {
  const f = fmt(rule);
  const gains = r.indicators.filter((i) => new GepDecimal(i.impact).gt(0)).length;
  const losses = r.indicators.filter((i) => new GepDecimal(i.impact).lt(0)).length;
  return {
    kind: r.kind,
    lang,
    kicker: t(
      lang,
      `Project value (VEP) · ${r.design} · constant ${r.baseYear} prices`,
      `项目生态产品价值（VEP）· ${r.design === 'with-without' ? '有无对比' : '前后对比'} · ${r.baseYear} 年不变价`,
    ),
    title: t(lang, `Ecological product value of the project: ${r.project.name}`, `项目生态产品价值：${r.project.name}`),
    meta: [
      [t(lang, 'Project type', '项目类型'), kindText(r.project.type, lang)],
      [t(lang, 'Baseline', '基准情景'), zhOr(lang, r.labels.baseline, r.labels.baselineZh)],
      [t(lang, 'With the project', '项目情景'), zhOr(lang, r.labels.withProject, r.labels.withProjectZh)],
      [t(lang, 'Area', '面积'), r.area ? `${f.num(r.area)} km²` : '—'],
    ],
    banner: {
      tone: new GepDecimal(r.net).lt(0) ? 'bad' : 'good',
      text: t(
        lang,
        `Net impact on GEP at constant ${r.baseYear} prices: ${f.signedWan(r.net)} 万元 a year (${gains} indicators gain, ${losses} lose).`,
        `按 ${r.baseYear} 年不变价计，项目使 GEP 每年净变化 ${f.signedWan(r.net)} 万元（${gains} 项指标增加，${losses} 项减少）。`,
      ),
    },
    figures: [
      { key: 'net', label: t(lang, 'Net impact', '净影响'), value: f.signedWan(r.net), unit: '万元/a', exact: r.net },
      { key: 'gain', label: t(lang, 'Gross gain', '增加合计'), value: f.wan(r.grossGain), unit: '万元/a', exact: r.grossGain },
      { key: 'loss', label: t(lang, 'Gross loss', '减少合计'), value: f.signedWan(r.grossLoss), unit: '万元/a', exact: r.grossLoss },
      ...(r.netPerKm2
        ? [
            {
              key: 'per-km2',
              label: t(lang, 'Net impact per km²', '单位面积净影响'),
              value: f.signedWan(r.netPerKm2),
              unit: '万元/(km²·a)',
              exact: r.netPerKm2,
            },
          ]
        : []),
      ...(r.period
        ? [
            {
              key: 'vep',
              label: t(lang, `Over ${r.period.years} years (present value)`, `${r.period.years} 年现值`),
              value: f.signedWan(r.period.value),
              unit: '万元',
              exact: r.period.value,
            },
          ]
        : []),
    ],
    sections: [
      {
        id: 'impact',
        title: t(lang, 'Impact by indicator', '分指标影响'),
        blocks: [
          {
            type: 'chart',
            chart: {
              kind: 'bars',
              id: 'impact',
              title: t(lang, 'Impact by indicator (quantity effect)', '分指标影响（数量效应）'),
              unit: '万元',
              rows: r.indicators.map((i) => ({
                key: i.id,
                label: name(i.zh, i.en, lang),
                bars: [
                  {
                    end: f.chartWan(i.impact),
                    color: new GepDecimal(i.impact).lt(0) ? COLORS.decrease : COLORS.increase,
                    text: f.signedWan(i.impact),
                    value: i.impact,
                  },
                ],
              })),
            },
          },
          {
            type: 'table',
            head: [
              t(lang, 'Indicator', '指标'),
              t(lang, `${r.labels.baseline} (万元)`, `${r.labels.baselineZh}（万元）`),
              t(lang, `${r.labels.withProject} (万元)`, `${r.labels.withProjectZh}（万元）`),
              t(lang, 'Impact (万元)', '影响（万元）'),
              t(lang, 'Rate', '变化率'),
              t(lang, 'Price effect (万元)', '价格效应（万元）'),
            ],
            right: [1, 2, 3, 4, 5],
            rows: [
              ...r.indicators.map((i) => [
                `${name(i.zh, i.en, lang)} (${i.id})`,
                f.wan(i.baseline),
                f.wan(i.withProject),
                f.signedWan(i.impact),
                f.signedPct(i.rate, 1),
                f.signedWan(i.priceEffect),
              ]),
              ...(['material', 'regulating', 'cultural'] as const).map((c) => [
                CATEGORY_NAMES[c]![lang],
                '',
                '',
                f.signedWan(r.categories[c]),
                '',
                '',
              ]),
              [
                'GEP',
                f.wan(r.comparison.gep.constant.a.value),
                f.wan(r.comparison.gep.constant.b.value),
                f.signedWan(r.net),
                f.signedPct(r.comparison.gep.constant.rate, 1),
                f.signedWan(r.comparison.gep.priceEffect.value),
              ],
            ],
            bold: [r.indicators.length + 3],
          },
        ],
      },
      ...(r.extentChange
        ? [
            {
              id: 'extent',
              title: t(lang, 'Ecosystem extent', '生态系统范围变化'),
              blocks: [
                {
                  type: 'table' as const,
                  head: [
                    t(lang, 'Ecosystem type', '生态系统类型'),
                    t(lang, `${r.labels.baseline} (km²)`, `${r.labels.baselineZh}（km²）`),
                    t(lang, `${r.labels.withProject} (km²)`, `${r.labels.withProjectZh}（km²）`),
                    t(lang, 'Change (km²)', '变化（km²）'),
                  ],
                  right: [1, 2, 3],
                  rows: r.extentChange.map((e) => [name(e.zh, e.en, lang), f.num(e.baseline), f.num(e.withProject), f.signedNum(e.change)]),
                },
              ],
            },
          ]
        : []),
      ...(r.period
        ? [
            {
              id: 'period',
              title: t(lang, 'Over the project period', '项目期内价值'),
              blocks: [
                { type: 'paragraph' as const, text: zhOr(lang, r.period.note, r.period.noteZh) },
                {
                  type: 'table' as const,
                  head: [
                    t(lang, 'Year', '年'),
                    t(lang, 'Impact (万元)', '影响（万元）'),
                    t(lang, 'Discount factor', '折现系数'),
                    t(lang, 'Present value (万元)', '现值（万元）'),
                  ],
                  right: [1, 2, 3],
                  rows: r.period.schedule.map((y) => [
                    String(y.year),
                    f.signedWan(y.amount),
                    f.num(y.discountFactor, 6),
                    f.signedWan(y.presentValue),
                  ]),
                },
              ],
            },
          ]
        : []),
      ...traceSections(r.trace, r.warnings, lang),
    ],
    footer: footer(lang, rule),
  };
}

function compensationDoc(r: CompensationJson, lang: L, rule: RoundingRule): ReportDoc {
  const f = fmt(rule);
  const rules: Record<string, { en: string; zh: string }> = {
    'restoration-cost': { en: 'restoration cost', zh: '修复成本' },
    'value-lost': { en: 'value lost, discounted', zh: '损失价值折现' },
    'restoration-plus-interim': { en: 'restoration cost plus interim loss', zh: '修复成本加期间损失' },
  };
  return {
    kind: r.kind,
    lang,
    kicker: t(
      lang,
      `Compensation that keeps ecological product value whole · ${r.priceYear} prices`,
      `生态产品保值补偿 · ${r.priceYear} 年价格`,
    ),
    title: t(lang, `Compensation for ${r.project.name}`, `${r.project.name} 生态产品补偿`),
    meta: [
      [t(lang, 'Rule', '规则'), rules[r.rule]![lang]],
      ...(r.project.description ? [[t(lang, 'Project', '项目'), r.project.description] as const] : []),
    ],
    banner: {
      tone: 'warn',
      text: t(
        lang,
        `Compensation: ${f.wan(r.compensation)} 万元 (${rules[r.rule]!.en}; a rule of this library with explicit parameters, not a published standard).`,
        `补偿金额：${f.wan(r.compensation)} 万元（${rules[r.rule]!.zh}；本程序规则，参数全部列明，非已发布标准）。`,
      ),
    },
    figures: [
      {
        key: 'compensation',
        label: t(lang, 'Compensation', '补偿金额'),
        value: f.wan(r.compensation),
        unit: '万元',
        exact: r.compensation,
      },
      { key: 'annual-loss', label: t(lang, 'Annual loss', '年损失'), value: f.wan(r.annualLoss), unit: '万元/a', exact: r.annualLoss },
      {
        key: 'restoration',
        label: t(lang, 'Restoration cost', '修复成本'),
        value: f.wan(r.restorationTotal),
        unit: '万元',
        exact: r.restorationTotal,
      },
      ...(r.lostValue
        ? [
            {
              key: 'lost-value',
              label: t(lang, `Value lost over ${r.lostValue.years} years (PV)`, `${r.lostValue.years} 年损失现值`),
              value: f.wan(r.lostValue.value),
              unit: '万元',
              exact: r.lostValue.value,
            },
          ]
        : []),
    ],
    sections: [
      {
        id: 'losses',
        title: t(lang, 'Annual losses', '年损失'),
        blocks: [
          {
            type: 'table',
            head: [
              t(lang, 'Item', '项目'),
              t(lang, 'Indicator', '指标'),
              t(lang, 'Annual loss (万元/a)', '年损失（万元/a）'),
              t(lang, 'From', '来源'),
            ],
            right: [2],
            rows: [
              ...r.losses.map((l) => [zhOr(lang, l.item, l.itemZh), l.indicator ?? '', f.wan(l.annualValue), zhOr(lang, l.from, l.fromZh)]),
              [t(lang, 'Total', '合计'), '', f.wan(r.annualLoss), ''],
            ],
            bold: [r.losses.length],
          },
        ],
      },
      ...(r.restorationCost.length
        ? [
            {
              id: 'costs',
              title: t(lang, 'Restoration cost', '修复成本'),
              blocks: [
                {
                  type: 'table' as const,
                  head: [t(lang, 'Item', '项目'), t(lang, 'Calculation', '计算'), t(lang, 'Cost (万元)', '成本（万元）')],
                  right: [2],
                  rows: [
                    ...r.restorationCost.map((c) => [c.item, c.calculation ?? '', f.wan(c.value)]),
                    [t(lang, 'Total', '合计'), '', f.wan(r.restorationTotal)],
                  ],
                  bold: [r.restorationCost.length],
                },
              ],
            },
          ]
        : []),
      ...(r.lostValue
        ? [
            {
              id: 'schedule',
              title: t(lang, 'Value lost, year by year', '逐年损失与现值'),
              blocks: [
                {
                  type: 'table' as const,
                  head: [
                    t(lang, 'Year', '年'),
                    t(lang, 'Loss (万元)', '损失（万元）'),
                    t(lang, 'Discount factor', '折现系数'),
                    t(lang, 'Present value (万元)', '现值（万元）'),
                  ],
                  right: [1, 2, 3],
                  rows: r.lostValue.schedule.map((y) => [
                    String(y.year),
                    f.wan(y.amount),
                    f.num(y.discountFactor, 6),
                    f.wan(y.presentValue),
                  ]),
                },
              ],
            },
          ]
        : []),
      {
        id: 'composition',
        title: t(lang, 'Compensation', '补偿构成'),
        blocks: [
          {
            type: 'chart',
            chart: {
              kind: 'bars',
              id: 'compensation',
              title: t(lang, 'Compensation and its parts', '补偿金额及其构成'),
              unit: '万元',
              rows: [
                {
                  key: 'restoration',
                  label: t(lang, 'Restoration cost R', '修复成本 R'),
                  bars: [
                    {
                      end: f.chartWan(r.restorationTotal),
                      color: COLORS.priceEffect,
                      text: f.wan(r.restorationTotal),
                      value: r.restorationTotal,
                    },
                  ],
                },
                ...(r.lostValue
                  ? [
                      {
                        key: 'lost-value',
                        label: t(lang, 'Value lost PV(L)', '损失现值 PV(L)'),
                        bars: [
                          {
                            end: f.chartWan(r.lostValue.value),
                            color: COLORS.decrease,
                            text: f.wan(r.lostValue.value),
                            value: r.lostValue.value,
                          },
                        ],
                      },
                    ]
                  : []),
                {
                  key: 'compensation',
                  label: t(lang, 'Compensation C', '补偿金额 C'),
                  total: true,
                  bars: [{ end: f.chartWan(r.compensation), color: COLORS.total, text: f.wan(r.compensation), value: r.compensation }],
                },
              ],
            },
          },
        ],
      },
      ...traceSections(r.trace, r.warnings, lang),
    ],
    footer: footer(lang, rule),
  };
}

function verticalDoc(r: VerticalAllocationJson, lang: L, rule: RoundingRule): ReportDoc {
  const f = fmt(rule);
  const used = (['value', 'perKm2', 'change', 'protection'] as const).filter((k) => !new GepDecimal(r.weights[k]).isZero());
  const critName: Record<string, { en: string; zh: string }> = {
    value: {
      en: r.basis === 'gep' ? 'GEP (万元)' : 'regulating services (万元)',
      zh: r.basis === 'gep' ? 'GEP（万元）' : '调节服务价值（万元）',
    },
    perKm2: { en: 'per km² (万元/km²)', zh: '单位面积（万元/km²）' },
    change: { en: 'change at constant prices', zh: '不变价变化率' },
    protection: { en: 'protection score', zh: '保护成效得分' },
  };
  const show = (k: string, v: string | null) =>
    v === null ? '—' : k === 'value' ? f.wan(v) : k === 'perKm2' ? f.wan(v) : k === 'change' ? f.signedPct(v) : f.num(v);
  const total = r.counties.reduce((s, c) => s.plus(c.payable), new GepDecimal(0)).toString();
  // Payable amounts are multiples of the unit: printed exactly, with the unit's decimals.
  const unitPlaces = Math.max(0, new GepDecimal(r.payableUnit).decimalPlaces());
  const payable = (v: string) => groupThousands(new GepDecimal(v).toFixed(unitPlaces));
  return {
    kind: r.kind,
    lang,
    kicker: t(lang, `Vertical eco-compensation · ${r.priceYear} prices`, `纵向生态保护补偿 · ${r.priceYear} 年价格`),
    title: t(lang, `Allocation of ${r.fund.name}`, `${r.fund.name} 分配`),
    meta: [
      [t(lang, 'Fund', '资金'), `${f.wan(r.fund.amount)} 万元`],
      [t(lang, 'Weights', '权重'), used.map((k) => `${critName[k]![lang]} ${f.pct(r.weights[k], 1)}`).join(', ')],
      [t(lang, 'Normalisation', '标准化'), r.normalisation],
      [t(lang, 'Payable unit', '支付单位'), `${r.payableUnit} 元`],
    ],
    banner: {
      tone: 'warn',
      text: t(
        lang,
        `Weighted-score allocation: the weights and the normalisation are inputs; no published formula was read (not a standard). The payable amounts add up to the fund exactly (${payable(total)} 元).`,
        `加权评分分配：权重与标准化方法均为输入参数；未读到已发布的分配公式（非标准方法）。各县支付金额之和与资金总额严格相等（${payable(total)} 元）。`,
      ),
    },
    figures: [
      { key: 'fund', label: t(lang, 'Fund', '资金总额'), value: f.wan(r.fund.amount), unit: '万元', exact: r.fund.amount },
      { key: 'counties', label: t(lang, 'Counties', '县数'), value: String(r.counties.length), unit: '' },
    ],
    sections: [
      {
        id: 'allocation',
        title: t(lang, 'Allocation', '分配结果'),
        blocks: [
          {
            type: 'chart',
            chart: {
              kind: 'bars',
              id: 'allocation',
              title: t(lang, 'Payable amount by county', '各县支付金额'),
              unit: '万元',
              rows: r.counties.map((c) => ({
                key: c.name,
                label: c.name,
                bars: [
                  {
                    end: f.chartWan(c.payable),
                    color: COLORS.regulating,
                    text: `${f.wan(c.payable)} (${f.pct(c.share, 1)})`,
                    value: c.payable,
                  },
                ],
              })),
            },
          },
          {
            type: 'table',
            head: [
              t(lang, 'County', '县'),
              ...used.flatMap((k) => [critName[k]![lang], `s(${k})`]),
              t(lang, 'Score', '得分'),
              t(lang, 'Share', '占比'),
              t(lang, 'Exact (元)', '精确值（元）'),
              t(lang, 'Payable (元)', '支付金额（元）'),
            ],
            right: [
              ...used.flatMap((_, i) => [1 + 2 * i, 2 + 2 * i]),
              1 + 2 * used.length,
              2 + 2 * used.length,
              3 + 2 * used.length,
              4 + 2 * used.length,
            ],
            rows: [
              ...r.counties.map((c) => [
                c.name,
                ...used.flatMap((k) => [show(k, c.criteria[k]), f.num(c.normalised[k] ?? '0', 4)]),
                f.num(c.score, 4),
                f.pct(c.share, 2),
                f.num(c.exact, 4),
                payable(c.payable),
              ]),
              [t(lang, 'Total', '合计'), ...used.flatMap(() => ['', '']), '', '100.00 %', '', payable(total)],
            ],
            bold: [r.counties.length],
          },
          { type: 'paragraph', text: t(lang, `Payable amounts: ${r.roundingRule}`, `支付金额：${r.roundingRuleZh}`) },
        ],
      },
      ...traceSections(r.trace, r.warnings, lang),
    ],
    footer: footer(lang, rule, [
      t(lang, 'Payable amounts are printed exactly (multiples of the payable unit).', '支付金额按支付单位精确列示。'),
    ]),
  };
}

function waterDoc(r: WaterCompensationJson, lang: L, rule: RoundingRule): ReportDoc {
  const f = fmt(rule);
  const transfer = r.transfer;
  const sections: ReportSection[] = [];
  if (r.qualityIndex) {
    const q = r.qualityIndex;
    sections.push({
      id: 'index',
      title: t(lang, 'Compensation index P', '补偿指数 P'),
      blocks: [
        {
          type: 'chart',
          chart: {
            kind: 'bars',
            id: 'quality-ratios',
            title: t(lang, 'C / C0 by indicator', '各指标 C/C0'),
            unit: 'C/C0',
            marker: { at: 1, label: 'C = C0' },
            rows: q.terms.map((x) => ({
              key: x.name,
              label: x.name,
              bars: [
                {
                  end: Number(x.ratio),
                  color: new GepDecimal(x.ratio).gt(1) ? COLORS.decrease : COLORS.increase,
                  text: f.num(x.ratio, 3),
                  value: x.ratio,
                },
              ],
            })),
          },
        },
        {
          type: 'table',
          head: [t(lang, 'Indicator', '指标'), 'C (mg/L)', 'C0 (mg/L)', 'C/C0', t(lang, 'Weight', '权重'), 'k·C/C0'],
          right: [1, 2, 3, 4, 5],
          rows: [
            ...q.terms.map((x) => [x.name, x.concentration, x.baseline, f.num(x.ratio, 4), f.num(x.weight, 4), f.num(x.weighted, 4)]),
            ['P = k0 · Σ', '', '', '', `k0 = ${q.k0}`, f.num(q.p, 4)],
          ],
          bold: [q.terms.length],
        },
        {
          type: 'paragraph',
          text: t(
            lang,
            `P = ${f.num(q.p, 4)} ${new GepDecimal(q.p).lte(q.limit) ? '≤' : '>'} P* = ${q.limit}.`,
            `P = ${f.num(q.p, 4)} ${new GepDecimal(q.p).lte(q.limit) ? '≤' : '>'} P* = ${q.limit}。`,
          ),
        },
      ],
    });
  }
  if (r.excessLoad) {
    const e = r.excessLoad;
    sections.push({
      id: 'loads',
      title: t(lang, 'Pollutant loads against the target', '污染负荷与目标'),
      blocks: [
        {
          type: 'table',
          head: [
            t(lang, 'Pollutant', '污染物'),
            'C (mg/L)',
            t(lang, 'Target (mg/L)', '目标（mg/L）'),
            t(lang, 'Excess load (t/a)', '超标负荷（t/a）'),
            t(lang, 'Unit cost (元/t)', '单位成本（元/t）'),
            t(lang, 'Amount (万元)', '金额（万元）'),
          ],
          right: [1, 2, 3, 4, 5],
          rows: [
            ...e.terms.map((x) => [
              x.name,
              x.concentration,
              x.target,
              f.signedNum(x.excessLoad, 3),
              f.num(x.unitCost),
              x.counted ? f.signedWan(x.amount) : t(lang, 'below target, not counted', '优于目标，不计'),
            ]),
            [t(lang, 'Net', '合计'), '', '', '', '', f.signedWan(e.net)],
          ],
          bold: [e.terms.length],
        },
      ],
    });
  }
  return {
    kind: r.kind,
    lang,
    kicker: t(
      lang,
      `Horizontal eco-compensation (upstream–downstream) · ${r.year} · ${r.priceYear} prices`,
      `流域上下游横向生态补偿 · ${r.year} 年 · ${r.priceYear} 年价格`,
    ),
    title: t(lang, `${r.upstream} → ${r.downstream}: ${r.section.name}`, `${r.upstream}—${r.downstream}：${r.section.name}`),
    meta: [
      [t(lang, 'Rule', '规则'), r.rule],
      [t(lang, 'Upstream', '上游'), r.upstream],
      [t(lang, 'Downstream', '下游'), r.downstream],
      ...(r.section.description ? [[t(lang, 'Section', '断面'), r.section.description] as const] : []),
    ],
    banner: {
      tone: r.rule === 'quality-index' ? 'warn' : 'warn',
      text: transfer
        ? t(
            lang,
            `${transfer.from} pays ${transfer.to} ${f.wan(transfer.amount)} 万元 (${transfer.basis}).`,
            `${transfer.from} 向 ${transfer.to} 支付 ${f.wan(transfer.amount)} 万元（${transfer.basisZh}）。`,
          )
        : t(lang, 'No payment is due.', '无需支付。'),
    },
    figures: [
      ...(r.qualityIndex
        ? [
            {
              key: 'p',
              label: t(lang, 'Compensation index P', '补偿指数 P'),
              value: f.num(r.qualityIndex.p, 4),
              unit: '',
              exact: r.qualityIndex.p,
            },
          ]
        : []),
      {
        key: 'amount',
        label: t(lang, 'Payment', '补偿金额'),
        value: transfer ? f.wan(transfer.amount) : '0.00',
        unit: '万元',
        ...(transfer ? { exact: transfer.amount, sub: `${transfer.from} → ${transfer.to}` } : {}),
      },
    ],
    sections: [...sections, ...traceSections(r.trace, r.warnings, lang)],
    footer: footer(lang, rule),
  };
}

function boundsDoc(r: CompensationBoundsJson, lang: L, rule: RoundingRule): ReportDoc {
  const f = fmt(rule);
  const rows: ChartRow[] = [
    {
      key: 'range',
      label: t(lang, 'range', '区间'),
      bars: [
        {
          start: f.chartWan(r.lower),
          end: f.chartWan(r.upper),
          color: r.feasible ? COLORS.regulating : COLORS.decrease,
          text: `${f.wan(r.lower)} – ${f.wan(r.upper)}`,
          value: r.netBenefit,
        },
      ],
    },
  ];
  return {
    kind: r.kind,
    lang,
    kicker: t(
      lang,
      `Range of a compensation standard (Wu Na 2018) · ${r.priceYear} prices`,
      `补偿标准区间（吴娜 2018）· ${r.priceYear} 年价格`,
    ),
    title: t(lang, `${r.beneficiary} → ${r.provider}: compensation standard`, `${r.beneficiary} 对 ${r.provider} 的补偿标准`),
    meta: [
      [t(lang, 'Provider', '供给方'), r.provider],
      [t(lang, 'Beneficiary', '受益方'), r.beneficiary],
      [t(lang, 'Area', '面积'), `${f.num(r.area)} km²`],
    ],
    banner: r.feasible
      ? {
          tone: 'good',
          text: t(
            lang,
            `The standard lies between ${f.wan(r.lower)} and ${f.wan(r.upper)} 万元 per km² and year.`,
            `补偿标准介于每平方千米每年 ${f.wan(r.lower)} 至 ${f.wan(r.upper)} 万元之间。`,
          ),
        }
      : {
          tone: 'bad',
          text: t(
            lang,
            'No feasible standard: the opportunity cost exceeds the service value gained.',
            '无可行标准：机会成本高于新增生态服务价值。',
          ),
        },
    figures: [
      {
        key: 'lower',
        label: t(lang, 'Lower bound (opportunity cost)', '下限（机会成本）'),
        value: f.wan(r.lower),
        unit: '万元/(km²·a)',
        exact: r.lower,
      },
      {
        key: 'upper',
        label: t(lang, 'Upper bound (service value gained)', '上限（新增生态服务价值）'),
        value: f.wan(r.upper),
        unit: '万元/(km²·a)',
        exact: r.upper,
      },
      { key: 'net', label: t(lang, 'Net benefit', '净收益'), value: f.signedWan(r.netBenefit), unit: '万元/(km²·a)', exact: r.netBenefit },
      ...(r.standard
        ? [
            {
              key: 'standard',
              label: t(lang, 'Standard at θ', 'θ 处的标准'),
              value: f.wan(r.standard),
              unit: '万元/(km²·a)',
              exact: r.standard,
            },
          ]
        : []),
    ],
    sections: [
      {
        id: 'range',
        title: t(lang, 'The range', '标准区间'),
        blocks: [
          {
            type: 'chart',
            chart: {
              kind: 'bars',
              id: 'range',
              title: t(lang, 'Opportunity cost to service value gained', '机会成本至新增生态服务价值'),
              unit: '万元/(km²·a)',
              rows,
              ...(r.standard ? { marker: { at: f.chartWan(r.standard), label: 'θ' } } : {}),
            },
          },
          {
            type: 'table',
            head: [
              '',
              t(lang, 'Per km² (万元/(km²·a))', '单位面积（万元/(km²·a)）'),
              t(lang, 'Area, per year (万元/a)', '全部面积每年（万元/a）'),
              ...(r.period
                ? [
                    t(lang, `${r.period.years} years (万元)`, `${r.period.years} 年（万元）`),
                    t(lang, 'Present value (万元)', '现值（万元）'),
                  ]
                : []),
            ],
            right: [1, 2, 3, 4],
            rows: [
              [
                t(lang, 'Lower bound', '下限'),
                f.wan(r.lower),
                f.wan(r.annual.lower),
                ...(r.period ? [f.wan(r.period.lower), r.period.presentLower ? f.wan(r.period.presentLower.value) : '—'] : []),
              ],
              [
                t(lang, 'Upper bound', '上限'),
                f.wan(r.upper),
                f.wan(r.annual.upper),
                ...(r.period ? [f.wan(r.period.upper), r.period.presentUpper ? f.wan(r.period.presentUpper.value) : '—'] : []),
              ],
              ...(r.standard && r.annual.standard
                ? [[t(lang, 'Standard at θ', 'θ 处标准'), f.wan(r.standard), f.wan(r.annual.standard), ...(r.period ? ['', ''] : [])]]
                : []),
            ],
          },
          ...(r.lowerParts.length
            ? [
                {
                  type: 'table' as const,
                  head: [
                    t(lang, 'Opportunity cost: item', '机会成本：项目'),
                    t(lang, 'Calculation', '计算'),
                    t(lang, 'Amount (万元/a)', '金额（万元/a）'),
                  ],
                  right: [2],
                  rows: r.lowerParts.map((p) => [zhOr(lang, p.item, p.itemZh), p.calculation ?? '', f.signedWan(p.value)]),
                },
              ]
            : []),
          ...(r.upperParts.length
            ? [
                {
                  type: 'table' as const,
                  head: [t(lang, 'Service gained', '新增生态服务'), t(lang, 'Per km² (万元/(km²·a))', '单位面积（万元/(km²·a)）')],
                  right: [1],
                  rows: r.upperParts.map((p) => [zhOr(lang, p.item, p.itemZh), f.signedWan(p.value)]),
                },
              ]
            : []),
        ],
      },
      ...traceSections(r.trace, r.warnings, lang),
    ],
    footer: footer(lang, rule),
  };
}

function settlementDoc(r: SettlementJson, lang: L, rule: RoundingRule): ReportDoc {
  const f = fmt(rule);
  return {
    kind: r.kind,
    lang,
    kicker: t(lang, `Net settlement of horizontal compensation · ${r.priceYear} prices`, `横向生态补偿净额结算 · ${r.priceYear} 年价格`),
    title: t(lang, `Settlement between ${r.positions.length} regions`, `${r.positions.length} 个地区间的补偿结算`),
    meta: [
      [t(lang, 'Payments as agreed', '协议支付笔数'), String(r.payments.gross)],
      [t(lang, 'After bilateral netting', '双边轧差后'), String(r.payments.bilateral)],
      [t(lang, 'Through the pool', '经资金池'), String(r.payments.pool)],
    ],
    banner: {
      tone: 'good',
      text: t(
        lang,
        `Σ net positions = ${r.netSum} (checked). ${r.payments.gross} payments become ${r.payments.pool} through the pool; ${f.wan(r.volume.gross)} 万元 moved as agreed, ${f.wan(r.volume.pool)} 万元 net.`,
        `各地区净头寸之和 = ${r.netSum}（已核对）。经资金池结算，${r.payments.gross} 笔支付减为 ${r.payments.pool} 笔；协议金额合计 ${f.wan(r.volume.gross)} 万元，净额 ${f.wan(r.volume.pool)} 万元。`,
      ),
    },
    figures: [
      { key: 'gross', label: t(lang, 'Agreed amounts', '协议金额合计'), value: f.wan(r.volume.gross), unit: '万元', exact: r.volume.gross },
      {
        key: 'net',
        label: t(lang, 'Net through the pool', '经资金池净额'),
        value: f.wan(r.volume.pool),
        unit: '万元',
        exact: r.volume.pool,
      },
    ],
    sections: [
      {
        id: 'positions',
        title: t(lang, 'Net positions', '净头寸'),
        blocks: [
          {
            type: 'chart',
            chart: {
              kind: 'bars',
              id: 'positions',
              title: t(lang, 'Net position by region (received − paid)', '各地区净头寸（收入 − 支出）'),
              unit: '万元',
              rows: r.positions.map((p) => ({
                key: p.name,
                label: p.name,
                bars: [
                  {
                    end: f.chartWan(p.net),
                    color: new GepDecimal(p.net).lt(0) ? COLORS.decrease : COLORS.increase,
                    text: f.signedWan(p.net),
                    value: p.net,
                  },
                ],
              })),
            },
          },
          {
            type: 'table',
            head: [
              t(lang, 'Region', '地区'),
              t(lang, 'Paid (万元)', '支出（万元）'),
              t(lang, 'Received (万元)', '收入（万元）'),
              t(lang, 'Net (万元)', '净额（万元）'),
            ],
            right: [1, 2, 3],
            rows: [...r.positions.map((p) => [p.name, f.wan(p.paid), f.wan(p.received), f.signedWan(p.net)]), ['Σ', '', '', r.netSum]],
            bold: [r.positions.length],
          },
        ],
      },
      {
        id: 'transfers',
        title: t(lang, 'Amounts as agreed', '协议金额'),
        blocks: [
          {
            type: 'table',
            head: [t(lang, 'From', '支付方'), t(lang, 'To', '收取方'), t(lang, 'Amount (万元)', '金额（万元）'), t(lang, 'Basis', '依据')],
            right: [2],
            rows: r.transfers.map((x) => [x.from, x.to, f.wan(x.amount), x.basis ?? '']),
          },
        ],
      },
      {
        id: 'pairs',
        title: t(lang, 'Bilateral nets', '双边轧差'),
        blocks: [
          {
            type: 'table',
            head: ['a', 'b', 'a → b (万元)', 'b → a (万元)', t(lang, 'Net payment', '净支付')],
            right: [2, 3],
            rows: r.pairs.map((p) => [
              p.a,
              p.b,
              f.wan(p.aToB),
              f.wan(p.bToA),
              p.net ? `${p.net.from} → ${p.net.to} ${f.wan(p.net.amount)} 万元` : t(lang, 'cancel', '相互抵消'),
            ]),
          },
        ],
      },
      {
        id: 'pool',
        title: t(lang, 'Settlement through the pool', '经资金池结算'),
        blocks: [
          {
            type: 'table',
            head: [t(lang, 'From', '支付方'), t(lang, 'To', '收取方'), t(lang, 'Amount (万元)', '金额（万元）')],
            right: [2],
            rows: r.pool.map((x) => [party(x.from, lang), party(x.to, lang), f.wan(x.amount)]),
          },
        ],
      },
      ...traceSections(r.trace, r.warnings, lang),
    ],
    footer: footer(lang, rule),
  };
}

function scorecardSection(s: ScorecardJson, lang: L, rule: RoundingRule): ReportSection {
  const f = fmt(rule);
  const ratioValue = (v: string, unit: string) => (unit === '元' || unit === '元/人' || unit === '元/km²' ? f.wan(v) : f.num(v));
  const ratioChange = (v: string, unit: string) =>
    unit === '元' || unit === '元/人' || unit === '元/km²' ? f.signedWan(v) : f.signedNum(v);
  const ratioUnit = (unit: string) =>
    unit === '元' ? '万元' : unit === '元/人' ? '万元/人' : unit === '元/km²' ? '万元/km²' : unit === '1' ? '' : unit;
  return {
    id: 'scorecard',
    title: t(lang, 'Double assessment: GDP and GEP', '“双考核”：GDP 与 GEP'),
    blocks: [
      {
        type: 'chart',
        chart: {
          kind: 'bars',
          id: 'growth',
          title: t(lang, 'Growth over the period', '期间增长率'),
          unit: '%',
          rows: [
            {
              key: 'gdp',
              label: t(
                lang,
                `GDP (${s.doubleGrowth.gdpGrowthUsed === 'real' ? 'real' : 'current prices'})`,
                `GDP（${s.doubleGrowth.gdpGrowthUsed === 'real' ? '不变价' : '现价'}）`,
              ),
              bars: [
                {
                  end: Number(new GepDecimal(s.gdp.growthReal?.value ?? s.gdp.growthCurrent ?? '0').times(100)),
                  color: COLORS.cultural,
                  text: f.signedPct(s.gdp.growthReal?.value ?? s.gdp.growthCurrent, 1),
                },
              ],
            },
            {
              key: 'gep',
              label: t(lang, `GEP (constant ${s.baseYear} prices)`, `GEP（${s.baseYear} 年不变价）`),
              bars: [
                {
                  end: Number(new GepDecimal(s.gep.growthConstant ?? '0').times(100)),
                  color: COLORS.regulating,
                  text: f.signedPct(s.gep.growthConstant, 1),
                },
              ],
            },
          ],
        },
      },
      {
        type: 'table',
        head: ['', String(s.years.a), String(s.years.b), t(lang, 'Growth', '增长率')],
        right: [1, 2, 3],
        rows: [
          [t(lang, 'GDP, current prices (万元)', 'GDP，现价（万元）'), f.wan(s.gdp.a), f.wan(s.gdp.b), f.signedPct(s.gdp.growthCurrent)],
          ...(s.gdp.growthReal
            ? [
                [
                  t(lang, 'GDP, real growth (official)', 'GDP 不变价增速（官方）'),
                  '',
                  '',
                  `${f.signedPct(s.gdp.growthReal.value)} (${s.gdp.growthReal.source})`,
                ],
              ]
            : []),
          [t(lang, 'GEP, current prices (万元)', 'GEP，现价（万元）'), f.wan(s.gep.a), f.wan(s.gep.b), f.signedPct(s.gep.growthCurrent)],
          [
            t(lang, `GEP, constant ${s.baseYear} prices (万元)`, `GEP，${s.baseYear} 年不变价（万元）`),
            f.wan(s.gep.a),
            f.wan(s.gep.constantB),
            f.signedPct(s.gep.growthConstant),
          ],
        ],
      },
      {
        type: 'paragraph',
        text: t(
          lang,
          `Double growth: ${s.doubleGrowth.value === null ? '—' : s.doubleGrowth.value ? 'yes' : 'no'} (${s.doubleGrowth.rule}).`,
          `双增长：${s.doubleGrowth.value === null ? '—' : s.doubleGrowth.value ? '是' : '否'}（${s.doubleGrowth.ruleZh}）。`,
        ),
      },
      ...(s.ratios.length
        ? [
            {
              type: 'table' as const,
              head: [
                t(lang, 'Ratio', '比率'),
                String(s.years.a),
                String(s.years.b),
                t(lang, 'Change', '变化'),
                t(lang, 'Unit', '单位'),
                t(lang, 'Status', '状态'),
              ],
              right: [1, 2, 3],
              rows: s.ratios.map((x) => [
                name(x.zh, x.en, lang),
                ratioValue(x.a, x.unit),
                ratioValue(x.b, x.unit),
                ratioChange(x.change, x.unit),
                ratioUnit(x.unit),
                STATUS[x.status]?.[lang] ?? x.status,
              ]),
            },
          ]
        : []),
    ],
  };
}

function scorecardDoc(s: ScorecardJson, lang: L, rule: RoundingRule): ReportDoc {
  const f = fmt(rule);
  return {
    kind: s.kind,
    lang,
    kicker: t(lang, `Double assessment scorecard · constant ${s.baseYear} prices`, `“双考核”记分卡 · ${s.baseYear} 年不变价`),
    title: t(lang, `${s.region}: GDP and GEP, ${s.years.a}–${s.years.b}`, `${s.region} ${s.years.a}—${s.years.b} 年 GDP 与 GEP`),
    meta: [
      [
        t(lang, 'GDP basis', 'GDP 口径'),
        lang === 'zh' ? (GDP_BASIS_ZH[s.gdp.basis as keyof typeof GDP_BASIS_ZH] ?? s.gdp.basis) : s.gdp.basis,
      ],
    ],
    banner:
      s.doubleGrowth.value === null
        ? null
        : {
            tone: s.doubleGrowth.value ? 'good' : 'warn',
            text: s.doubleGrowth.value
              ? t(lang, 'Double growth: GDP and GEP both grew.', '双增长：GDP 与 GEP 均增长。')
              : t(lang, 'No double growth.', '未实现双增长。'),
          },
    figures: [
      {
        key: 'gdp-growth',
        label: t(lang, 'GDP growth', 'GDP 增长率'),
        value: f.signedPct(s.gdp.growthReal?.value ?? s.gdp.growthCurrent, 1),
        unit: '',
      },
      {
        key: 'gep-growth',
        label: t(lang, 'GEP growth (constant prices)', 'GEP 增长率（不变价）'),
        value: f.signedPct(s.gep.growthConstant, 1),
        unit: '',
      },
    ],
    sections: [scorecardSection(s, lang, rule), ...traceSections(s.trace, s.warnings, lang)],
    footer: footer(lang, rule),
  };
}

function auditDoc(r: TenureAuditJson, lang: L, rule: RoundingRule): ReportDoc {
  const f = fmt(rule);
  const c = r.comparison;
  const rate = f.signedPct(c.gep.constant.rate, 1);
  const theta = f.pct(r.threshold.value, 1);
  const conclusion = r.flagged
    ? t(
        lang,
        `During the term, GEP at constant ${r.baseYear} prices changed by ${rate}, beyond the decline threshold of −${theta}: the decline flag is raised.`,
        `任期内，按 ${r.baseYear} 年不变价计，GEP 变化 ${rate}，超过 −${theta} 的下降阈值，触发下降标记。`,
      )
    : t(
        lang,
        `During the term, GEP at constant ${r.baseYear} prices changed by ${rate}; the decline threshold of −${theta} is not crossed.`,
        `任期内，按 ${r.baseYear} 年不变价计，GEP 变化 ${rate}，未超过 −${theta} 的下降阈值。`,
      );
  const thresholdNote =
    r.threshold.status === 'library-default'
      ? t(
          lang,
          `The threshold θ = ${theta} is the library’s default, not a standard: the Shanxi opinions (十九) hold officials accountable for a “serious decline” of GEP but give no number. Set θ by the audit plan.`,
          `阈值 θ = ${theta} 为程序默认值，非标准：山西实施意见（十九）规定对任期内造成生态产品总值严重下降的追究责任，但未给出数值。请按审计方案设定 θ。`,
        )
      : t(lang, `The threshold θ = ${theta} was set by: ${r.threshold.source}.`, `阈值 θ = ${theta}，设定依据：${r.threshold.source}。`);
  const drivers = c.decline.drivers;
  return {
    kind: r.kind,
    lang,
    kicker: t(lang, 'Outgoing audit of natural-resource assets · GEP evidence', '领导干部自然资源资产离任审计 · 生态产品总值参考'),
    title: t(
      lang,
      `GEP over the term of ${r.official.name}, ${r.official.post}`,
      `${r.official.post} ${r.official.name} 任期生态产品总值变化审计参考意见`,
    ),
    meta: [
      [t(lang, 'Audited unit', '审计单位'), r.unit],
      [t(lang, 'Term', '任期'), `${r.term.start} — ${r.term.end}`],
      [t(lang, 'Accounts', '核算年份'), r.years.join(', ')],
      [t(lang, 'Constant prices of', '不变价基年'), String(r.baseYear)],
      ...(r.reference ? [[t(lang, 'Reference', '文号'), r.reference] as const] : []),
      ...(r.preparedBy ? [[t(lang, 'Prepared by', '编制'), r.preparedBy] as const] : []),
    ],
    banner: { tone: r.flagged ? 'bad' : 'good', text: conclusion },
    figures: [
      {
        key: 'first',
        label: t(lang, `GEP ${r.years[0]}`, `${r.years[0]} 年 GEP`),
        value: f.wan(c.gep.constant.a.value),
        unit: '万元',
        exact: c.gep.constant.a.value,
      },
      {
        key: 'last',
        label: t(
          lang,
          `GEP ${r.years[r.years.length - 1]} at ${r.baseYear} prices`,
          `${r.years[r.years.length - 1]} 年 GEP（${r.baseYear} 年价）`,
        ),
        value: f.wan(c.gep.constant.b.value),
        unit: '万元',
        exact: c.gep.constant.b.value,
      },
      {
        key: 'change',
        label: t(lang, 'Change at constant prices', '不变价变化'),
        value: rate,
        unit: '',
        sub: `${f.signedWan(c.gep.constant.change.value)} 万元`,
      },
      {
        key: 'threshold',
        label: t(lang, 'Decline threshold θ', '下降阈值 θ'),
        value: `−${theta}`,
        unit: '',
        sub: r.threshold.status === 'library-default' ? t(lang, 'library default, not a standard', '程序默认，非标准') : r.threshold.source,
      },
    ],
    sections: [
      {
        id: 'conclusion',
        title: t(lang, 'Finding', '审计参考结论'),
        blocks: [
          { type: 'paragraph', text: conclusion },
          { type: 'paragraph', text: thresholdNote },
          {
            type: 'paragraph',
            text: t(
              lang,
              'The GEP change is evidence for the audit, not a verdict: the auditor weighs it with the causes (weather, policy, prices) and the to-verify items listed below.',
              'GEP 变化是审计的参考依据而非结论：审计人员应结合原因（气候、政策、价格）及下列待核实事项综合判断。',
            ),
          },
        ],
      },
      {
        id: 'path',
        title: t(lang, 'GEP over the term', '任期内 GEP 变化'),
        blocks: [
          {
            type: 'chart',
            chart: {
              kind: 'bars',
              id: 'path',
              title: t(lang, `GEP at constant ${r.baseYear} prices`, `GEP（${r.baseYear} 年不变价）`),
              unit: '万元',
              rows: r.path.map((y) => ({
                key: String(y.year),
                label: String(y.year),
                bars: [{ end: f.chartWan(y.constant), color: COLORS.yearB, text: f.wan(y.constant), value: y.constant }],
              })),
            },
          },
          {
            type: 'table',
            head: [
              t(lang, 'Year', '年份'),
              t(lang, 'GEP, current prices (万元)', 'GEP 现价（万元）'),
              t(lang, `GEP, ${r.baseYear} prices (万元)`, `GEP ${r.baseYear} 年价（万元）`),
              t(lang, 'Change since the start', '较任期初变化'),
            ],
            right: [1, 2, 3],
            rows: r.path.map((y) => [String(y.year), f.wan(y.current), f.wan(y.constant), f.signedPct(y.constantRate, 1)]),
          },
        ],
      },
      {
        id: 'decomposition',
        title: t(lang, 'Change by indicator: quantity and price effects', '分指标变化：数量效应与价格效应'),
        blocks: [
          { type: 'paragraph', text: zhOr(lang, c.decomposition.formula, c.decomposition.formulaZh) },
          {
            type: 'table',
            head: [
              t(lang, 'Indicator', '指标'),
              `${r.years[0]} (万元)`,
              `${r.years[r.years.length - 1]} ${t(lang, 'at', '按')} ${r.baseYear} ${t(lang, 'prices', '年价')}`,
              t(lang, 'Rate', '变化率'),
              t(lang, 'Quantity effect (万元)', '数量效应（万元）'),
              t(lang, 'Price effect (万元)', '价格效应（万元）'),
              t(lang, 'Flag', '标记'),
            ],
            right: [1, 2, 3, 4, 5],
            rows: [
              ...c.indicators.map((i) => [
                `${name(i.zh, i.en, lang)} (${i.id})`,
                f.wan(i.constant.a.value),
                f.wan(i.constant.b.value),
                f.signedPct(i.constant.rate, 1),
                f.signedWan(i.quantityEffect.value),
                f.signedWan(i.priceEffect.value),
                i.declined ? '▼' : '',
              ]),
              [
                'GEP',
                f.wan(c.gep.constant.a.value),
                f.wan(c.gep.constant.b.value),
                f.signedPct(c.gep.constant.rate, 1),
                f.signedWan(c.gep.quantityEffect.value),
                f.signedWan(c.gep.priceEffect.value),
                c.decline.flagged ? '▼' : '',
              ],
            ],
            bold: [c.indicators.length],
            marked: c.indicators.map((i, k) => (i.declined ? k : -1)).filter((k) => k >= 0),
          },
        ],
      },
      ...(drivers.length
        ? [
            {
              id: 'drivers',
              title: t(lang, 'Indicators that pulled GEP down', '拉低 GEP 的指标'),
              blocks: [
                {
                  type: 'chart' as const,
                  chart: {
                    kind: 'bars' as const,
                    id: 'drivers',
                    title: t(lang, 'Quantity effect of the indicators that fell', '下降指标的数量效应'),
                    unit: '万元',
                    rows: drivers.map((d) => ({
                      key: d.id,
                      label: name(d.zh, d.en, lang),
                      bars: [
                        {
                          end: f.chartWan(d.quantityEffect.value),
                          color: COLORS.decrease,
                          text: f.signedWan(d.quantityEffect.value),
                          value: d.quantityEffect.value,
                        },
                      ],
                    })),
                  },
                },
                {
                  type: 'table' as const,
                  head: [
                    t(lang, 'Indicator', '指标'),
                    t(lang, 'Quantity effect (万元)', '数量效应（万元）'),
                    t(lang, 'Rate', '变化率'),
                    t(lang, 'Points of GEP', '拉动 GEP（百分点）'),
                    t(lang, 'Share of the decline', '占下降总量'),
                  ],
                  right: [1, 2, 3, 4],
                  rows: drivers.map((d) => [
                    `${name(d.zh, d.en, lang)} (${d.id})`,
                    f.signedWan(d.quantityEffect.value),
                    f.signedPct(d.constantRate, 1),
                    d.contributionPoints === null ? '—' : f.signedNum(d.contributionPoints),
                    f.pct(d.shareOfDecline, 1),
                  ]),
                },
              ],
            },
          ]
        : []),
      ...(r.scorecard ? [scorecardSection(r.scorecard, lang, rule)] : []),
      {
        id: 'limits',
        title: t(lang, 'Basis and limits', '依据与局限'),
        blocks: [
          {
            type: 'list',
            items: [
              thresholdNote,
              t(
                lang,
                `Accounts: ${c.a.profile}, table ${c.a.coefficientTable} (${c.a.accountingYear}); ${c.b.profile}, table ${c.b.coefficientTable} (${c.b.accountingYear}).`,
                `核算依据：${c.a.accountingYear} 年 ${c.a.profile}，参数表 ${c.a.coefficientTable}；${c.b.accountingYear} 年 ${c.b.profile}，参数表 ${c.b.coefficientTable}。`,
              ),
              c.priceIndex
                ? t(
                    lang,
                    `Price index: ${c.priceIndex} (${c.deflators.map((d) => `${d.year}: ×${shortExact(d.factor)}`).join(', ')}).`,
                    `价格指数：${c.priceIndex}（${c.deflators.map((d) => `${d.year}：×${shortExact(d.factor)}`).join('，')}）。`,
                  )
                : t(lang, 'No price index was needed.', '无需价格指数。'),
              r.toVerify.length
                ? t(
                    lang,
                    `${r.toVerify.length} coefficient(s) used have the status “to verify”: ${r.toVerify.map((x) => `${x.id} = ${x.value} ${x.unit} (${x.source})`).join('; ')}.`,
                    `使用了 ${r.toVerify.length} 个“待核实”参数：${r.toVerify.map((x) => `${x.id} = ${x.value} ${x.unit}（${x.source}）`).join('；')}。`,
                  )
                : t(lang, 'No coefficient to verify was used.', '未使用待核实参数。'),
            ],
          },
        ],
      },
      ...traceSections(r.trace, r.warnings, lang),
    ],
    footer: footer(lang, rule, [
      t(lang, 'Signature: ____________________   Date: ____________', '编制人签字：____________________   日期：____________'),
    ]),
  };
}

function financeDoc(r: EcologicalAssetValuationJson, lang: L, rule: RoundingRule): ReportDoc {
  const f = fmt(rule);
  const pv = r.assetValue;
  return {
    kind: r.kind,
    lang,
    kicker: t(
      lang,
      `Green finance: ecological-asset value and lending base · ${r.priceYear} prices`,
      `绿色金融：生态资产价值与授信基数 · ${r.priceYear} 年价格`,
    ),
    title: t(lang, `Ecological assets of ${r.unit.name}`, `${r.unit.name} 生态资产价值`),
    meta: [
      [t(lang, 'Annual value from', '年价值来源'), zhOr(lang, r.annualValueFrom, r.annualValueFromZh)],
      [t(lang, 'Term', '期限'), `${pv.years} a`],
      [t(lang, 'Discount rate', '折现率'), f.pct(pv.rate)],
      [t(lang, 'Collateral share σ', '可抵押比例 σ'), f.pct(r.collateralShare)],
    ],
    banner: {
      tone: 'warn',
      text: t(
        lang,
        'No published rule sizes a loan on ecological product value: the term, rate and collateral share are the lender’s choices (not a standard). In the published cases read, credit was 3.3–47.9 % of one year’s GEP.',
        '目前没有已发布的按生态产品价值确定贷款额度的规则：期限、折现率和可抵押比例由贷款方确定（非标准）。已读到的公开案例中，授信额为一年 GEP 的 3.3%—47.9%。',
      ),
    },
    figures: [
      {
        key: 'annual',
        label: t(lang, 'Annual value V', '年生态产品价值 V'),
        value: f.wan(r.annualValue),
        unit: '万元/a',
        exact: r.annualValue,
      },
      { key: 'asset', label: t(lang, 'Asset value PV', '生态资产价值 PV'), value: f.wan(pv.value), unit: '万元', exact: pv.value },
      {
        key: 'base',
        label: t(lang, 'Lending base B', '授信基数 B'),
        value: f.wan(r.lendingBase),
        unit: '万元',
        exact: r.lendingBase,
        sub: r.baseToAnnualValue
          ? t(lang, `${f.pct(r.baseToAnnualValue, 1)} of one year’s value`, `为一年价值的 ${f.pct(r.baseToAnnualValue, 1)}`)
          : '',
      },
    ],
    sections: [
      {
        id: 'valuation',
        title: t(lang, 'Valuation', '估值'),
        blocks: [
          {
            type: 'chart',
            chart: {
              kind: 'bars',
              id: 'valuation',
              title: t(lang, 'Annual value, asset value and lending base', '年价值、资产价值与授信基数'),
              unit: '万元',
              rows: [
                {
                  key: 'annual',
                  label: t(lang, 'Annual value V', '年价值 V'),
                  bars: [{ end: f.chartWan(r.annualValue), color: COLORS.regulating, text: f.wan(r.annualValue), value: r.annualValue }],
                },
                {
                  key: 'asset',
                  label: t(lang, 'Asset value PV', '资产价值 PV'),
                  bars: [{ end: f.chartWan(pv.value), color: COLORS.yearB, text: f.wan(pv.value), value: pv.value }],
                },
                {
                  key: 'base',
                  label: t(lang, 'Lending base B', '授信基数 B'),
                  total: true,
                  bars: [{ end: f.chartWan(r.lendingBase), color: COLORS.total, text: f.wan(r.lendingBase), value: r.lendingBase }],
                },
              ],
            },
          },
          ...(r.annualValueParts.length
            ? [
                {
                  type: 'table' as const,
                  head: [t(lang, 'Part of the annual value', '年价值构成'), t(lang, 'Value (万元/a)', '价值（万元/a）')],
                  right: [1],
                  rows: r.annualValueParts.map((p) => [zhOr(lang, p.item, p.itemZh), f.signedWan(p.value)]),
                },
              ]
            : []),
          {
            type: 'table',
            head: [
              t(lang, 'Year', '年'),
              t(lang, 'Value (万元)', '价值（万元）'),
              t(lang, 'Discount factor', '折现系数'),
              t(lang, 'Present value (万元)', '现值（万元）'),
            ],
            right: [1, 2, 3],
            rows: pv.schedule.map((y) => [String(y.year), f.wan(y.amount), f.num(y.discountFactor, 6), f.wan(y.presentValue)]),
          },
        ],
      },
      ...traceSections(r.trace, r.warnings, lang),
    ],
    footer: footer(lang, rule),
  };
}

/**
 * The report document of an application result (JSON form), in Chinese or English.
 *
 * @param result - any application result's JSON form (`…ToJson`)
 * @param options - language (default en) and rounding rule (default half-up, 2 places)
 * @returns the document: title, key figures, sections, footer
 */
export function applicationReport(result: ApplicationJson, options: ApplicationReportOptions = {}): ReportDoc {
  const lang = options.lang ?? 'en';
  const rule = options.rounding ?? DEFAULT_ROUNDING;
  switch (result.kind) {
    case 'area-account':
      return areaDoc(result, lang, rule);
    case 'project-impact':
      return projectDoc(result, lang, rule);
    case 'compensation':
      return compensationDoc(result, lang, rule);
    case 'vertical-allocation':
      return verticalDoc(result, lang, rule);
    case 'horizontal-water':
      return waterDoc(result, lang, rule);
    case 'compensation-bounds':
      return boundsDoc(result, lang, rule);
    case 'settlement':
      return settlementDoc(result, lang, rule);
    case 'tenure-audit':
      return auditDoc(result, lang, rule);
    case 'scorecard':
      return scorecardDoc(result, lang, rule);
    case 'asset-valuation':
      return financeDoc(result, lang, rule);
  }
}
