/**
 * Writing an account input as tables (the long form of ./table-input.ts), and the fill-in
 * templates (填报模板) of a profile. Both are derived from the block fields of ./fields.ts, i.e.
 * from the zod schemas and the indicator specs; nothing here lists indicators or fields.
 *
 * Layout, the same for both: columns indicator | item | ecosystem type | field | value | unit |
 * price year | note. XLSX: a sheet of instructions (说明 README, not read back), a sheet for the
 * account (核算信息 account) and one sheet per category (物质产品 material …). CSV: the same rows
 * in one table. Reading either back gives the same input (tested: export → import → compute).
 */
import sampleCounty from '../../fixtures/sample-county/input.json';
import { GepInputError, makeIssue, formatPath } from '../errors/errors.js';
import type { Language } from '../errors/messages.js';
import { catalogueEntry, ecosystemTypes } from '../indicators/catalogue.js';
import { profileEntry, profileIndicator } from '../indicators/local/attach.js';
import type { Category, InputFieldSpec } from '../indicators/types.js';
import { getProfile, listProfiles, type Profile } from '../profiles/profiles.js';
import { LIBRARY_VERSION } from '../version.js';
import { ACCOUNT_BLOCK, tableBlock, tableBlocks, type BlockDef, type FieldDef } from './fields.js';
import { COLUMN_TITLES } from './normalise.js';
import { toCsv, toXlsx, type DropDown, type OutCell, type OutSheet } from './table-output.js';
import { asFlowUnit, sameDimensionUnits } from '../units/units.js';

type Json = Record<string, unknown>;
type Row = OutCell[];

const CATEGORY_SHEETS: Readonly<Record<Category, Readonly<Record<Language, string>>>> = {
  material: { zh: '物质产品 material', en: 'material 物质产品' },
  regulating: { zh: '调节服务 regulating', en: 'regulating 调节服务' },
  cultural: { zh: '文化服务 cultural', en: 'cultural 文化服务' },
};
const ACCOUNT_SHEET: Readonly<Record<Language, string>> = { zh: '核算信息 account', en: 'account 核算信息' };
const README_SHEET: Readonly<Record<Language, string>> = { zh: '说明 README', en: 'README 说明' };
const ACCOUNT_NAME: Readonly<Record<Language, string>> = { zh: '核算信息', en: 'account' };

/** The header row of the long form. */
export function longFormHeader(lang: Language): Row {
  const t = COLUMN_TITLES[lang];
  return [t.indicator, t.line, t.item, t.ecosystemType, t.field, t.value, t.unit, t.priceYear, t.note];
}

const indicatorCell = (block: string, lang: Language, profile?: Profile) =>
  block === ACCOUNT_BLOCK ? ACCOUNT_NAME[lang] : lang === 'zh' ? (profileEntry(profile, block) ?? catalogueEntry(block)).zh : block;

function get(obj: unknown, segments: readonly string[]): unknown {
  let o = obj;
  for (const s of segments) {
    if (o === null || typeof o !== 'object') return undefined;
    o = (o as Json)[s];
  }
  return o;
}

const text = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'string' ? v : String(v));

/** The rows of one field's value (a measure fills value, unit and price year). */
function valueCells(field: FieldDef, v: unknown): [string, string, string] | null {
  if (v === undefined) return null;
  if (field.kind === 'measure') {
    const m = v as Json;
    if (m.value === undefined) return null;
    return [text(m.value), text(m.unit), text(m.priceYear)];
  }
  return [text(v), '', ''];
}

/** Every leaf of `data` a table can hold; anything else makes the export fail (nothing is dropped). */
function checkCovered(block: BlockDef, data: unknown, base: readonly (string | number)[]): void {
  const missing: string[] = [];
  const measureContainers = new Set(block.fields.filter((f) => f.kind === 'measure').map((f) => f.path.replace(/\[\]\.value$/, '[]')));
  const walk = (v: unknown, spec: string, path: (string | number)[]) => {
    if (measureContainers.has(spec)) {
      for (const [k, x] of Object.entries(v as Json)) {
        if (k === 'value' || k === 'unit' || k === 'priceYear') continue;
        walk(x, `${spec}.${k}`, [...path, k]);
      }
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${spec}[]`, [...path, i]));
      return;
    }
    if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Json))
        walk(x, spec === '' ? k : spec.endsWith('[]') ? `${spec}.${k}` : `${spec}.${k}`, [...path, k]);
      return;
    }
    if (!block.byPath.has(spec)) missing.push(formatPath([...base, ...path]));
  };
  walk(data, '', []);
  if (missing.length) {
    throw new GepInputError(
      missing.map((p) =>
        makeIssue('input.unknown-table-field', [], {
          found: p,
          expected: { en: `${block.id} as a table can hold it`, zh: `${block.id} 的表格能容纳的字段` },
        }),
      ),
    );
  }
}

/** The long-form rows of one block of an input (the account envelope or an indicator). */
function blockRows(block: BlockDef, data: Json, lang: Language, profile?: Profile): Row[] {
  const rows: Row[] = [];
  const ind = indicatorCell(block.id, lang, profile);
  const doneLists = new Set<string>();
  for (const field of block.fields) {
    if (!field.listSegments) {
      const cells = valueCells(field, get(data, field.segments));
      if (cells) rows.push([ind, '', '', '', field.path, ...cells, '']);
      continue;
    }
    const listKey = field.listSegments.join('.');
    if (doneLists.has(listKey)) continue;
    doneLists.add(listKey);
    const list = block.lists.get(listKey)!;
    const arr = get(data, list.segments);
    if (!Array.isArray(arr)) continue;
    // Lines are told apart by item and ecosystem type; where two lines share both, every line
    // of the list gets a line number instead.
    const keys = arr.map(
      (el: Json) => `${list.itemField ? text(el[list.itemField]) : ''}\u0000${list.ecoField ? text(el[list.ecoField]) : ''}`,
    );
    const numbered = new Set(keys).size !== keys.length;
    arr.forEach((el: Json, i) => {
      const item = list.itemField ? text(el[list.itemField]) : '';
      const eco = list.ecoField ? text(el[list.ecoField]) : '';
      const line = numbered ? String(i + 1) : '';
      const before = rows.length;
      for (const f of block.fields) {
        if (f.listSegments?.join('.') !== listKey || f.keyColumn) continue;
        const cells = valueCells(f, get(el, f.segments.length ? f.segments : []));
        if (cells) rows.push([ind, line, item, eco, f.path, ...cells, '']);
      }
      if (rows.length === before) {
        throw new GepInputError([
          makeIssue('input.unknown-table-field', [], {
            found: formatPath([...(block.id === ACCOUNT_BLOCK ? [] : ['indicators', block.id]), ...list.segments, i]),
            expected: {
              en: `${block.id}: a line with at least one value besides its item and ecosystem type`,
              zh: `${block.id}：除项目与生态系统类型外至少有一个数值的行`,
            },
          }),
        ]);
      }
    });
  }
  return rows;
}

/**
 * The long-form rows of a whole input, account first, then the indicators in input order; with a
 * profile, its local indicators' blocks too.
 */
export function inputToRows(input: Json, lang: Language = 'en', profile?: Profile): { account: Row[]; byCategory: Map<Category, Row[]> } {
  const accountBlock = tableBlock(ACCOUNT_BLOCK)!;
  const envelope = Object.fromEntries(Object.entries(input).filter(([k]) => k !== 'indicators' && k !== '$schema'));
  checkCovered(accountBlock, envelope, []);
  const account = blockRows(accountBlock, envelope, lang);
  const byCategory = new Map<Category, Row[]>();
  for (const [id, data] of Object.entries((input.indicators ?? {}) as Json)) {
    const block = tableBlock(id, profile);
    if (!block)
      throw new GepInputError([
        makeIssue('input.unknown-table-field', [], { found: id, expected: { en: 'an implemented indicator', zh: '已实现的指标' } }),
      ]);
    checkCovered(block, data, ['indicators', id]);
    const category = (profileEntry(profile, id) ?? catalogueEntry(id)).category;
    const rows = byCategory.get(category) ?? [];
    rows.push(...blockRows(block, data as Json, lang, profile));
    byCategory.set(category, rows);
  }
  return { account, byCategory };
}

const WIDTHS = [22, 6, 24, 24, 34, 16, 12, 10, 60];
const TEXT_COLUMNS = [2, 5, 6, 7];

/** Drop the line column when no row needs it. */
function withoutUnusedLine(rows: Row[]): { rows: Row[]; widths: number[]; textColumns: number[] } {
  if (rows.slice(1).some((r) => r[1])) return { rows, widths: WIDTHS, textColumns: TEXT_COLUMNS };
  return {
    rows: rows.map((r) => r.filter((_, i) => i !== 1)),
    widths: WIDTHS.filter((_, i) => i !== 1),
    textColumns: TEXT_COLUMNS.map((c) => c - 1),
  };
}
function sheetOf(name: string, rows: Row[]): OutSheet {
  const t = withoutUnusedLine(rows);
  return { name, rows: t.rows, widths: t.widths, textColumns: t.textColumns };
}

/** An input as long-form CSV (one table). */
export function inputToCsv(input: Json, lang: Language = 'en', profile?: Profile): string {
  const { account, byCategory } = inputToRows(input, lang, profile);
  return toCsv(withoutUnusedLine([longFormHeader(lang), ...account, ...[...byCategory.values()].flat()]).rows);
}

/** An input as an XLSX workbook: account sheet, one sheet per category. */
export function inputToXlsx(input: Json, lang: Language = 'en', profile?: Profile): Uint8Array {
  const { account, byCategory } = inputToRows(input, lang, profile);
  const sheets: OutSheet[] = [sheetOf(ACCOUNT_SHEET[lang], [longFormHeader(lang), ...account])];
  for (const [category, rows] of byCategory) sheets.push(sheetOf(CATEGORY_SHEETS[category][lang], [longFormHeader(lang), ...rows]));
  return toXlsx(sheets);
}

// ---------------------------------------------------------------------------------------------
// Templates

/**
 * Descriptions of the account fields a template asks for (the envelope has no spec of its own):
 * every field of the envelope a table can hold, `about` aside. `unit` is the unit the template
 * proposes (any unit of its dimension is read), `''` when any unit goes (a quantity, a cost).
 * test/io/input-export.test.ts fails when the envelope gains a field this list does not describe.
 */
const ACCOUNT_FIELDS: readonly { path: string; required: boolean; unit: string | null; en: string; zh: string }[] = [
  { path: 'region.name', required: true, unit: null, en: 'name of the region (county, city …)', zh: '核算地区名称' },
  {
    path: 'region.code',
    required: false,
    unit: null,
    en: 'GB/T 2260 administrative division code, six digits',
    zh: 'GB/T 2260 行政区划代码（6 位）',
  },
  {
    path: 'region.level',
    required: true,
    unit: null,
    en: 'county, city, province or area',
    zh: '行政级别：county 县级、city 市级、province 省级、area 其他区域',
  },
  { path: 'region.area', required: false, unit: 'km²', en: 'land area of the region', zh: '地区国土面积' },
  { path: 'accountingYear', required: true, unit: null, en: 'accounting year', zh: '核算年份' },
  {
    path: 'priceYear',
    required: true,
    unit: null,
    en: 'price year of every value (current prices: the accounting year)',
    zh: '价格年份（现价即核算年份）',
  },
  { path: 'profile', required: false, unit: null, en: 'accounting profile id', zh: '核算方案代码' },
  {
    path: 'allowNegativeTotals.reason',
    required: false,
    unit: null,
    en: 'only when a negative category or GEP total is intended (e.g. products from outside the region exceed the accounted supply under GB/T 46869—2025): why',
    zh: '仅当类别合计或 GEP 为负属有意为之时填写（如 GB/T 46869—2025 下区域外产品超过核算供给）：说明理由',
  },
  // Economy: GDP, population, realised value (src/accounts/economy-input.ts), for GEEP and the ratios.
  {
    path: 'economy.gdp',
    required: false,
    unit: '亿元',
    en: 'GDP of the region in the accounting year, at the price year',
    zh: '地区生产总值（GDP），核算年份，按价格年份计',
  },
  {
    path: 'economy.gdp.basis',
    required: false,
    unit: null,
    en: 'how the GDP was obtained (required with a GDP): regional-statistics, sum-of-subregions or national-nbs',
    zh: 'GDP 口径（填写 GDP 时必填）：regional-statistics 地区统计、sum-of-subregions 下级地区加总、national-nbs 国家统计局',
  },
  {
    path: 'economy.gdp.source',
    required: false,
    unit: null,
    en: 'source of the GDP (statistical bulletin, yearbook and table)',
    zh: 'GDP 数据来源（统计公报、年鉴及表号）',
  },
  { path: 'economy.population', required: false, unit: '万人', en: 'population, for the per-capita ratios', zh: '人口，用于人均指标' },
  {
    path: 'economy.population.kind',
    required: false,
    unit: null,
    en: 'resident or registered population',
    zh: '人口口径：resident 常住人口、registered 户籍人口',
  },
  { path: 'economy.population.source', required: false, unit: null, en: 'source of the population', zh: '人口数据来源' },
  {
    path: 'economy.realisedValue[].value',
    required: false,
    unit: '万元',
    en: 'ecological-product value realised through one channel (one line per item, written in the item column)',
    zh: '通过某一途径实现的生态产品价值（每项一组，项目列填写名称）',
  },
  {
    path: 'economy.realisedValue[].channel',
    required: false,
    unit: null,
    en: 'channel (required with a value): market-sale, compensation, premium, rights-trading, tourism or other',
    zh: '实现途径（填写价值时必填）：market-sale 市场销售、compensation 生态补偿、premium 品牌溢价、rights-trading 权益交易、tourism 旅游、other 其他',
  },
  { path: 'economy.realisedValue[].source', required: false, unit: null, en: 'source of the realised value', zh: '价值实现数据来源' },
  // GEEP: deduction terms by component (src/accounts/economy-input.ts, geep-methods §2.4, §3).
  {
    path: 'geep.variant',
    required: false,
    unit: null,
    en: 'GEEP variant: caep, caep-with-resource-depletion or eco-gdp-all-services',
    zh: 'GEEP 口径：caep、caep-with-resource-depletion、eco-gdp-all-services',
  },
  {
    path: 'geep.pdcBasis',
    required: false,
    unit: null,
    en: 'which pollution-loss components count: damage, virtual-treatment or mixed',
    zh: '污染损失成本计入口径：damage 损害法、virtual-treatment 虚拟治理成本法、mixed 两者',
  },
  {
    path: 'geep.pollutionLoss[].value',
    required: false,
    unit: '万元',
    en: 'pollution-loss cost (PDC) of one component, or give quantity and unit cost instead; with any GEEP row, a PDC line and an EcDC line are required (value 0 states there is none)',
    zh: '污染损失成本（PDC）分项，或改填数量与单位成本；填写任一 GEEP 行时，PDC 与 EcDC 各至少一项（无则填 0）',
  },
  {
    path: 'geep.pollutionLoss[].quantity',
    required: false,
    unit: '',
    en: 'quantity for quantity × unit cost (e.g. pollutant discharged)',
    zh: '数量（数量 × 单位成本，如污染物排放量）',
  },
  {
    path: 'geep.pollutionLoss[].unitCost',
    required: false,
    unit: '',
    en: 'unit cost for quantity × unit cost',
    zh: '单位成本（数量 × 单位成本）',
  },
  {
    path: 'geep.pollutionLoss[].medium',
    required: false,
    unit: null,
    en: 'medium (required with a line): air, water, soil, solid-waste, accident or other',
    zh: '介质（每项必填）：air 大气、water 水、soil 土壤、solid-waste 固体废物、accident 事故、other 其他',
  },
  {
    path: 'geep.pollutionLoss[].basis',
    required: false,
    unit: null,
    en: 'damage or virtual-treatment',
    zh: '核算方法：damage 损害法、virtual-treatment 虚拟治理成本法',
  },
  { path: 'geep.pollutionLoss[].method', required: false, unit: null, en: 'valuation method, in words', zh: '估价方法说明' },
  { path: 'geep.pollutionLoss[].source', required: false, unit: null, en: 'source', zh: '数据来源' },
  {
    path: 'geep.ecologicalDamage[].value',
    required: false,
    unit: '万元',
    en: 'ecological-damage cost (EcDC) of one component, or quantity and unit cost (value 0 states there is none)',
    zh: '生态破坏成本（EcDC）分项，或改填数量与单位成本（无则填 0）',
  },
  {
    path: 'geep.ecologicalDamage[].quantity',
    required: false,
    unit: '',
    en: 'quantity for quantity × unit cost (e.g. damaged area)',
    zh: '数量（如受损面积）',
  },
  { path: 'geep.ecologicalDamage[].unitCost', required: false, unit: '', en: 'unit cost for quantity × unit cost', zh: '单位成本' },
  {
    path: 'geep.ecologicalDamage[].ecosystem',
    required: false,
    unit: null,
    en: 'ecosystem (required with a line): forest, grassland, wetland, farmland, marine, mining, desert or other',
    zh: '生态系统（每项必填）：forest 森林、grassland 草地、wetland 湿地、farmland 农田、marine 海洋、mining 矿区、desert 荒漠、other 其他',
  },
  { path: 'geep.ecologicalDamage[].method', required: false, unit: null, en: 'valuation method, in words', zh: '估价方法说明' },
  { path: 'geep.ecologicalDamage[].source', required: false, unit: null, en: 'source', zh: '数据来源' },
  {
    path: 'geep.resourceDepletion[].value',
    required: false,
    unit: '万元',
    en: 'resource-depletion cost (RDC) of one component, for the variants that deduct it',
    zh: '资源耗减成本（RDC）分项，仅部分 GEEP 口径扣减',
  },
  { path: 'geep.resourceDepletion[].quantity', required: false, unit: '', en: 'quantity for quantity × unit cost', zh: '数量' },
  { path: 'geep.resourceDepletion[].unitCost', required: false, unit: '', en: 'unit cost for quantity × unit cost', zh: '单位成本' },
  {
    path: 'geep.resourceDepletion[].resource',
    required: false,
    unit: null,
    en: 'resource (required with a line): cultivated-land, mineral, forest, water, fishery or other',
    zh: '资源（每项必填）：cultivated-land 耕地、mineral 矿产、forest 森林、water 水、fishery 渔业、other 其他',
  },
  { path: 'geep.resourceDepletion[].method', required: false, unit: null, en: 'valuation method, in words', zh: '估价方法说明' },
  { path: 'geep.resourceDepletion[].source', required: false, unit: null, en: 'source', zh: '数据来源' },
  {
    path: 'geep.regulatingServices',
    required: false,
    unit: '亿元',
    en: "regulating services (ERS) given directly, e.g. a published subtotal; otherwise the account's own",
    zh: '直接给定的调节服务价值（ERS，如已公布的小计）；不填则取本次核算结果',
  },
  { path: 'geep.regulatingServices.source', required: false, unit: null, en: 'source of the ERS given', zh: 'ERS 数据来源' },
  // Lines subtracted under GB/T 46869—2025, and the user's coefficient overrides.
  {
    path: 'outsideRegion[].value',
    required: false,
    unit: '万元',
    en: 'value of ecological products from outside the region, subtracted under GB/T 46869—2025 (one line per item, written in the item column)',
    zh: '区域外来源的生态产品价值（GB/T 46869—2025 扣减；每项一组，项目列填写名称）',
  },
  { path: 'outsideRegion[].indicator', required: false, unit: null, en: 'indicator the line belongs to', zh: '所属指标' },
  {
    path: 'outsideRegion[].method',
    required: false,
    unit: null,
    en: 'how the value was measured (required with a line)',
    zh: '测算方法（每项必填）',
  },
  {
    path: 'coefficientOverrides[].value',
    required: false,
    unit: '',
    en: "a coefficient of the table replaced: its id in the item column, the value with its unit and price year (the unit of the table row's dimension)",
    zh: '替换参数表中的系数：项目列填写系数代码，本行填写数值、单位及价格年份（与原系数同量纲）',
  },
  {
    path: 'coefficientOverrides[].reason',
    required: false,
    unit: null,
    en: 'why the coefficient is replaced (required with an override; shown in the trace)',
    zh: '替换理由（替换系数时必填，显示在计算过程中）',
  },
  { path: 'coefficientOverrides[].source', required: false, unit: null, en: 'source of the replacing value', zh: '替换值来源' },
];

/** Units a template offers in its drop-down lists, when they have the dimension of a field's unit. */
const SUGGESTED_UNITS: readonly string[] = [
  'km²',
  'hm²',
  '亩',
  'm²',
  'mm',
  'm',
  'km',
  'm³',
  '万m³',
  '亿m³',
  't',
  'kg',
  '万t',
  'kWh',
  '万kWh',
  '亿kWh',
  'MJ',
  '元',
  '万元',
  '亿元',
  '人',
  '万人',
  '人次',
  '万人次',
  '头',
  '个',
  't C',
  't CO2',
  '%',
  '1',
  '元/t',
  '元/kg',
  '元/m³',
  '元/万m³',
  '元/kWh',
  '元/hm²',
  '元/亩',
  '元/km²',
  '元/(hm²·a)',
  '元/t C',
  '元/t CO2',
  '元/人次',
  '元/头',
  '元/当量',
  't/hm²',
  't/(hm²·a)',
  'kg/(hm²·a)',
  't/(km²·a)',
  't C/(hm²·a)',
  'mm/a',
  'm³/a',
  '万m³/a',
  't/a',
  '万t/a',
];

/** The units a drop-down offers for a field whose unit is `reference`: it first, then the suggested ones of its dimension. */
export function unitChoices(reference: string): string[] {
  const fits = (u: string) => {
    try {
      return sameDimensionUnits(asFlowUnit(u, reference), reference);
    } catch {
      return false;
    }
  };
  return [...new Set([reference, ...SUGGESTED_UNITS.filter(fits)])];
}

const REQUIRED_WORD: Readonly<Record<Language, [string, string]>> = { en: ['required', 'optional'], zh: ['必填', '选填'] };

let examples: ReadonlyMap<string, string> | undefined;
/** Example values from the bundled sample county, by `indicator|field path`. */
function exampleOf(block: string, path: string): string | undefined {
  if (!examples) {
    const m = new Map<string, string>();
    try {
      const { account, byCategory } = inputToRows(sampleCounty as unknown as Json, 'en');
      for (const r of [...account, ...[...byCategory.values()].flat()]) {
        const [ind, , item, eco, field, value, unit, py] = r.map((c) => (typeof c === 'string' ? c : ''));
        const key = `${ind}|${field}`;
        if (!m.has(key))
          m.set(key, [value, unit, py ? `(${py})` : '', item ? `· ${item}` : '', eco ? `· ${eco}` : ''].filter(Boolean).join(' '));
      }
    } catch {
      // The sample is being edited and does not fit a table: the template goes without examples.
    }
    examples = m;
  }
  return examples.get(`${block}|${path}`);
}

function note(lang: Language, required: boolean, description: string, example: string | undefined): string {
  const [req, opt] = REQUIRED_WORD[lang];
  const e = example ? (lang === 'zh' ? ` · 示例：${example}` : ` · e.g. ${example}`) : '';
  return `${required ? req : opt} · ${description}${e}`;
}

/** A field's description in the template's language. */
function describeIn(lang: Language, input: InputFieldSpec): string {
  return lang === 'zh' ? input.descriptionZh : input.description;
}

/** A template row with what a drop-down needs: the field it asks for and the unit it proposes. */
interface TemplateRow {
  readonly cells: Row;
  readonly field?: FieldDef;
  readonly unit?: string;
}

/** The template rows of one indicator: a heading note, then one row per input of its spec. */
function indicatorTemplateRows(id: string, lang: Language, profile: Profile): TemplateRow[] {
  const module = profileIndicator(profile, id)!;
  const block = tableBlock(id, profile)!;
  const entry = profileEntry(profile, id)!;
  const ind = indicatorCell(id, lang, profile);
  const rows: TemplateRow[] = [
    { cells: [null, null, null, null, null, null, null, null, lang === 'zh' ? `${entry.zh}（${id}）` : `${entry.zh} ${entry.en} (${id})`] },
  ];
  const listNotes = new Set<string>();
  for (const input of module.spec.inputs) {
    const field = block.byPath.get(input.path);
    if (!field) continue; // not addressable by a table: test/io/fields.test.ts keeps this empty
    if (field.keyColumn) {
      const listKey = field.listSegments!.join('.');
      const col = field.keyColumn === 'item' ? COLUMN_TITLES[lang].item : COLUMN_TITLES[lang].ecosystemType;
      if (!listNotes.has(`${listKey}|${col}`)) {
        listNotes.add(`${listKey}|${col}`);
        rows.push({
          cells: [
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            `${col} (${input.path}): ${note(lang, input.required, describeIn(lang, input), undefined)}`,
          ],
        });
      }
      continue;
    }
    const unit = field.kind === 'measure' ? (input.unit ?? '') : '';
    rows.push({
      cells: [ind, '', '', '', input.path, '', unit, '', note(lang, input.required, describeIn(lang, input), exampleOf(id, input.path))],
      field,
      unit,
    });
  }
  return rows;
}

/** The account rows of a template: region, years, profile, economy, GEEP, lines from outside, overrides. */
function accountTemplateRows(profile: Profile, lang: Language): TemplateRow[] {
  const block = tableBlock(ACCOUNT_BLOCK)!;
  const headings: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
    'economy.gdp': {
      en: 'Economy: GDP, population, realised value (for GEEP and the ratios)',
      zh: '经济数据：GDP、人口、生态产品价值实现（用于 GEEP 与比率指标）',
    },
    'geep.variant': {
      en: 'GEEP: deduction terms by component (GEEP = GDP − PDC − EcDC + ERS)',
      zh: 'GEEP：扣减项分项（GEEP = GDP − PDC − EcDC + ERS）',
    },
    'outsideRegion[].value': {
      en: 'Products from outside the region (GB/T 46869—2025) and coefficient overrides',
      zh: '区域外生态产品（GB/T 46869—2025）与系数替换',
    },
  };
  const rows: TemplateRow[] = [];
  for (const f of ACCOUNT_FIELDS) {
    const heading = headings[f.path];
    if (heading) rows.push({ cells: [null, null, null, null, null, null, null, null, heading[lang]] });
    const field = block.byPath.get(f.path);
    const value = f.path === 'profile' ? profile.id : '';
    const cells: Row = [
      ACCOUNT_NAME[lang],
      '',
      '',
      '',
      f.path,
      value,
      f.unit ?? '',
      '',
      note(lang, f.required, f[lang], f.path === 'profile' ? undefined : exampleOf(ACCOUNT_BLOCK, f.path)),
    ];
    rows.push({ cells, ...(field ? { field } : {}), ...(f.unit ? { unit: f.unit } : {}) });
  }
  return rows;
}

function templateLines(profile: Profile, lang: Language): { account: TemplateRow[]; byCategory: Map<Category, TemplateRow[]> } {
  const byCategory = new Map<Category, TemplateRow[]>();
  for (const p of profile.indicators) {
    if (!profileIndicator(profile, p.id)) continue;
    const category = profileEntry(profile, p.id)!.category;
    const rows = byCategory.get(category) ?? [];
    rows.push(...indicatorTemplateRows(p.id, lang, profile));
    byCategory.set(category, rows);
  }
  return { account: accountTemplateRows(profile, lang), byCategory };
}

/** A profile's template: the account rows, then the rows of every enabled, implemented indicator. */
export function templateRows(profile: Profile, lang: Language): { account: Row[]; byCategory: Map<Category, Row[]> } {
  const { account, byCategory } = templateLines(profile, lang);
  return { account: account.map((r) => r.cells), byCategory: new Map([...byCategory].map(([c, rows]) => [c, rows.map((r) => r.cells)])) };
}

function resolveProfile(id: string | Profile): Profile {
  if (typeof id === 'object') return id;
  const p = getProfile(id);
  if (!p)
    throw new GepInputError([
      makeIssue('profile.unknown', ['profile'], {
        found: id,
        expected: listProfiles()
          .map((x) => x.id)
          .join(', '),
      }),
    ]);
  return p;
}

const README_TEXT: Readonly<Record<Language, readonly string[]>> = {
  en: [
    'How to fill in',
    'One row per value. Keep the indicator and field columns as they are; write the value and check the unit.',
    'A list (products, ecosystem types, uses …) has one line per product or type: copy its block of rows and write the same item and ecosystem type on every row of one line.',
    'Units may be written as 公顷, ha, hm², 亩, 吨, 万元, km2 …; numbers may have thousands separators (1,234.5) or full-width digits.',
    'Rows left without a value are not read. Cells must hold values, not formulas.',
    'Drop-down lists offer the ecosystem type ids, the units of each field and the allowed words of a field (GDP basis, channel, GEEP variant …); other spellings of a unit or a type are accepted too (Excel then asks once). The lists are on the sheet "lists 列表", which is not read.',
    'Check the filled file with: gep validate <file>. Compute with: gep run <file>.',
  ],
  zh: [
    '填报说明',
    '每行填报一个数值。请勿修改"指标"和"字段"两列；在"数值"列填写数据，并核对"单位"列。',
    '清单类指标（产品、生态系统类型、用途等）每个产品或类型为一组：复制该组各行，并在同一组各行填写相同的"项目"和"生态系统类型"。',
    '单位可写作 公顷、ha、hm²、亩、吨、万元、km2 等；数字可带千分位（1,234.5）或使用全角数字。',
    '未填写数值的行不读取。单元格中请填写数值，不要使用公式。',
    '下拉列表提供生态系统类型代码、各字段可用的单位及取值（GDP 口径、实现途径、GEEP 口径等）；单位和类型的其他写法同样可以读取（Excel 会提示一次）。列表位于"列表 lists"工作表，该表不读取。',
    '填好后可用 gep validate <文件> 检查，用 gep run <文件> 计算。',
  ],
};

function readmeRows(profile: Profile, lang: Language): Row[] {
  const title =
    lang === 'zh'
      ? `生态产品总值核算填报模板 · 核算方案 ${profile.id} ${profile.version}（${profile.title.zh}）· gep-accounting ${LIBRARY_VERSION}`
      : `GEP account input template · profile ${profile.id} ${profile.version} (${profile.title.en}) · gep-accounting ${LIBRARY_VERSION}`;
  const rows: Row[] = [[title], [], ...README_TEXT[lang].map((t) => [t] as Row), []];
  const notImplemented = profile.indicators
    .filter((p) => !profileIndicator(profile, p.id))
    .map((p) => `${p.id} ${catalogueEntry(p.id).zh}`);
  if (notImplemented.length)
    rows.push(
      [
        lang === 'zh'
          ? `本版本尚未实现、模板中未列出的指标：${notImplemented.join('、')}`
          : `Indicators of the profile not implemented in this version, not in the template: ${notImplemented.join(', ')}`,
      ],
      [],
    );
  rows.push([lang === 'zh' ? '生态系统类型代码' : 'Ecosystem type ids', lang === 'zh' ? '名称' : 'name']);
  for (const t of ecosystemTypes().values()) rows.push([t.id, lang === 'zh' ? t.zh : `${t.en} ${t.zh}`]);
  return rows;
}

/** A fill-in template of a profile as CSV. */
export function templateCsv(profileId: string | Profile, lang: Language = 'zh'): string {
  const { account, byCategory } = templateRows(resolveProfile(profileId), lang);
  return toCsv(withoutUnusedLine([longFormHeader(lang), ...account, ...[...byCategory.values()].flat()]).rows);
}

const LISTS_SHEET: Readonly<Record<Language, string>> = { zh: '列表 lists', en: 'lists 列表' };

/** The lists sheet (ecosystem type ids and names) and the range a drop-down of type ids refers to. */
function listsSheet(lang: Language): { sheet: OutSheet; typeRange: string } {
  const types = [...ecosystemTypes().values()];
  const rows: Row[] = [
    [lang === 'zh' ? '生态系统类型代码' : 'ecosystem type id', lang === 'zh' ? '名称' : 'name'],
    ...types.map((t) => [t.id, lang === 'zh' ? t.zh : `${t.en} ${t.zh}`] as Row),
  ];
  return { sheet: { name: LISTS_SHEET[lang], rows, widths: [34, 40] }, typeRange: `'${LISTS_SHEET[lang]}'!$A$2:$A$${types.length + 1}` };
}

/**
 * The drop-down lists of a template sheet (header first, line column dropped): the ecosystem
 * type of a list line with one, the unit of a measure, and the value of a field with fixed words.
 */
function dropDowns(rows: readonly TemplateRow[], typeRange: string, lang: Language, profile: Profile): DropDown[] {
  const ECO = 2;
  const VALUE = 4;
  const UNIT = 5;
  const byList = new Map<string, { list: DropDown['list']; prompt: string; cells: [number, number][] }>();
  const add = (key: string, list: DropDown['list'], prompt: string, cell: [number, number]) => {
    const d = byList.get(key) ?? { list, prompt, cells: [] };
    d.cells.push(cell);
    byList.set(key, d);
  };
  rows.forEach((row, i) => {
    const r = i + 1; // the header is row 0
    const f = row.field;
    if (!f) return;
    const list = f.listSegments ? tableBlock(f.block, profile)?.lists.get(f.listSegments.join('.')) : undefined;
    if (list?.ecoField)
      add(
        'eco',
        { range: typeRange },
        lang === 'zh' ? '生态系统类型代码（也可填中文名称）' : 'ecosystem type id (a Chinese or English name is read too)',
        [r, ECO],
      );
    if (f.kind === 'measure' && row.unit) {
      const choices = unitChoices(row.unit);
      if (choices.join(',').length <= 255)
        add(`unit|${choices.join(',')}`, choices, lang === 'zh' ? '单位（也可写作 公顷、吨 等）' : 'unit (公顷, 吨 … are read too)', [
          r,
          UNIT,
        ]);
    }
    if (f.kind === 'text' && f.options && f.options.join(',').length <= 255)
      add(`value|${f.options.join(',')}`, f.options, lang === 'zh' ? '可选值' : 'allowed values', [r, VALUE]);
  });
  return [...byList.values()];
}

/**
 * A fill-in template of a profile as an XLSX workbook: 说明 README, 核算信息 account (with the
 * economy and GEEP blocks), one sheet per category, and the lists of its drop-downs.
 */
export function templateXlsx(profileId: string | Profile, lang: Language = 'zh'): Uint8Array {
  const profile = resolveProfile(profileId);
  const { account, byCategory } = templateLines(profile, lang);
  const lists = listsSheet(lang);
  // Templates never need the line column (withoutUnusedLine drops it), so every drop-down is laid
  // out on the columns without it.
  const sheet = (name: string, rows: TemplateRow[]): OutSheet => ({
    ...sheetOf(name, [longFormHeader(lang), ...rows.map((r) => r.cells)]),
    validations: dropDowns(rows, lists.typeRange, lang, profile),
  });
  const sheets: OutSheet[] = [
    { name: README_SHEET[lang], rows: readmeRows(profile, lang), widths: [40, 40] },
    sheet(ACCOUNT_SHEET[lang], account),
  ];
  for (const [category, rows] of byCategory) sheets.push(sheet(CATEGORY_SHEETS[category][lang], rows));
  sheets.push(lists.sheet);
  return toXlsx(sheets);
}

/** Every block id a table can fill (the account and the registered indicators). */
export function tableBlockIds(): string[] {
  return [...tableBlocks().keys()];
}
