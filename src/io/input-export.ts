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
import type { Category } from '../indicators/types.js';
import { getProfile, listProfiles, type Profile } from '../profiles/profiles.js';
import { LIBRARY_VERSION } from '../version.js';
import { ACCOUNT_BLOCK, tableBlock, tableBlocks, type BlockDef, type FieldDef } from './fields.js';
import { COLUMN_TITLES } from './normalise.js';
import { toCsv, toXlsx, type OutCell, type OutSheet } from './table-output.js';

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
  (block === ACCOUNT_BLOCK ? ACCOUNT_NAME[lang] : lang === 'zh' ? (profileEntry(profile, block) ?? catalogueEntry(block)).zh : block);

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
      for (const [k, x] of Object.entries(v as Json)) walk(x, spec === '' ? k : spec.endsWith('[]') ? `${spec}.${k}` : `${spec}.${k}`, [...path, k]);
      return;
    }
    if (!block.byPath.has(spec)) missing.push(formatPath([...base, ...path]));
  };
  walk(data, '', []);
  if (missing.length) {
    throw new GepInputError(missing.map((p) => makeIssue('input.unknown-table-field', [], { found: p, expected: `${block.id} as a table can hold it` })));
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
    const keys = arr.map((el: Json) => `${list.itemField ? text(el[list.itemField]) : ''}\u0000${list.ecoField ? text(el[list.ecoField]) : ''}`);
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
        throw new GepInputError([makeIssue('input.unknown-table-field', [], { found: formatPath([...(block.id === ACCOUNT_BLOCK ? [] : ['indicators', block.id]), ...list.segments, i]), expected: `${block.id}: a line with at least one value besides its item and ecosystem type` })]);
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
    if (!block) throw new GepInputError([makeIssue('input.unknown-table-field', [], { found: id, expected: 'an implemented indicator' })]);
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
  return { rows: rows.map((r) => r.filter((_, i) => i !== 1)), widths: WIDTHS.filter((_, i) => i !== 1), textColumns: TEXT_COLUMNS.map((c) => c - 1) };
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

/** Descriptions of the account fields a template asks for (the envelope has no spec of its own). */
const ACCOUNT_FIELDS: readonly { path: string; required: boolean; unit: string | null; en: string; zh: string }[] = [
  { path: 'region.name', required: true, unit: null, en: 'name of the region (county, city …)', zh: '核算地区名称' },
  { path: 'region.code', required: false, unit: null, en: 'GB/T 2260 administrative division code, six digits', zh: 'GB/T 2260 行政区划代码（6 位）' },
  { path: 'region.level', required: true, unit: null, en: 'county, city, province or area', zh: '行政级别：county 县级、city 市级、province 省级、area 其他区域' },
  { path: 'region.area', required: false, unit: 'km²', en: 'land area of the region', zh: '地区国土面积' },
  { path: 'accountingYear', required: true, unit: null, en: 'accounting year', zh: '核算年份' },
  { path: 'priceYear', required: true, unit: null, en: 'price year of every value (current prices: the accounting year)', zh: '价格年份（现价即核算年份）' },
  { path: 'profile', required: false, unit: null, en: 'accounting profile id', zh: '核算方案代码' },
];

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
        if (!m.has(key)) m.set(key, [value, unit, py ? `(${py})` : '', item ? `· ${item}` : '', eco ? `· ${eco}` : ''].filter(Boolean).join(' '));
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

/** The template rows of one indicator: a heading note, then one row per input of its spec. */
function indicatorTemplateRows(id: string, lang: Language, profile: Profile): Row[] {
  const module = profileIndicator(profile, id)!;
  const block = tableBlock(id, profile)!;
  const entry = profileEntry(profile, id)!;
  const ind = indicatorCell(id, lang, profile);
  const rows: Row[] = [[null, null, null, null, null, null, null, null, `${entry.zh} ${entry.en} (${id})`]];
  const listNotes = new Set<string>();
  for (const input of module.spec.inputs) {
    const field = block.byPath.get(input.path);
    if (!field) continue; // not addressable by a table: test/io/fields.test.ts keeps this empty
    if (field.keyColumn) {
      const listKey = field.listSegments!.join('.');
      const col = field.keyColumn === 'item' ? COLUMN_TITLES[lang].item : COLUMN_TITLES[lang].ecosystemType;
      if (!listNotes.has(`${listKey}|${col}`)) {
        listNotes.add(`${listKey}|${col}`);
        rows.push([null, null, null, null, null, null, null, null, `${col} (${input.path}): ${note(lang, input.required, input.description, undefined)}`]);
      }
      continue;
    }
    const unit = field.kind === 'measure' ? input.unit ?? '' : '';
    rows.push([ind, '', '', '', input.path, '', unit, '', note(lang, input.required, input.description, exampleOf(id, input.path))]);
  }
  return rows;
}

/** A profile's template: the account rows, then the rows of every enabled, implemented indicator. */
export function templateRows(profile: Profile, lang: Language): { account: Row[]; byCategory: Map<Category, Row[]> } {
  const account: Row[] = ACCOUNT_FIELDS.map((f) => [
    ACCOUNT_NAME[lang], '', '', '', f.path, f.path === 'profile' ? profile.id : '', f.unit ?? '', '',
    note(lang, f.required, f[lang], f.path === 'profile' ? undefined : exampleOf(ACCOUNT_BLOCK, f.path)),
  ]);
  const byCategory = new Map<Category, Row[]>();
  for (const p of profile.indicators) {
    if (!profileIndicator(profile, p.id)) continue;
    const category = profileEntry(profile, p.id)!.category;
    const rows = byCategory.get(category) ?? [];
    rows.push(...indicatorTemplateRows(p.id, lang, profile));
    byCategory.set(category, rows);
  }
  return { account, byCategory };
}

function resolveProfile(id: string | Profile): Profile {
  if (typeof id === 'object') return id;
  const p = getProfile(id);
  if (!p) throw new GepInputError([makeIssue('profile.unknown', ['profile'], { found: id, expected: listProfiles().map((x) => x.id).join(', ') })]);
  return p;
}

const README_TEXT: Readonly<Record<Language, readonly string[]>> = {
  en: [
    'How to fill in',
    'One row per value. Keep the indicator and field columns as they are; write the value and check the unit.',
    'A list (products, ecosystem types, uses …) has one line per product or type: copy its block of rows and write the same item and ecosystem type on every row of one line.',
    'Units may be written as 公顷, ha, hm², 亩, 吨, 万元, km2 …; numbers may have thousands separators (1,234.5) or full-width digits.',
    'Rows left without a value are not read. Cells must hold values, not formulas.',
    'Check the filled file with: gep validate <file>. Compute with: gep run <file>.',
  ],
  zh: [
    '填报说明',
    '每行填报一个数值。请勿修改"指标"和"字段"两列；在"数值"列填写数据，并核对"单位"列。',
    '清单类指标（产品、生态系统类型、用途等）每个产品或类型为一组：复制该组各行，并在同一组各行填写相同的"项目"和"生态系统类型"。',
    '单位可写作 公顷、ha、hm²、亩、吨、万元、km2 等；数字可带千分位（1,234.5）或使用全角数字。',
    '未填写数值的行不读取。单元格中请填写数值，不要使用公式。',
    '填好后可用 gep validate <文件> 检查，用 gep run <文件> 计算。',
  ],
};

function readmeRows(profile: Profile, lang: Language): Row[] {
  const title = lang === 'zh'
    ? `生态产品总值核算填报模板 · 核算方案 ${profile.id} ${profile.version}（${profile.title.zh}）· gep-accounting ${LIBRARY_VERSION}`
    : `GEP account input template · profile ${profile.id} ${profile.version} (${profile.title.en}) · gep-accounting ${LIBRARY_VERSION}`;
  const rows: Row[] = [[title], [], ...README_TEXT[lang].map((t) => [t] as Row), []];
  const notImplemented = profile.indicators.filter((p) => !profileIndicator(profile, p.id)).map((p) => `${p.id} ${catalogueEntry(p.id).zh}`);
  if (notImplemented.length) rows.push([lang === 'zh' ? `本版本尚未实现、模板中未列出的指标：${notImplemented.join('、')}` : `Indicators of the profile not implemented in this version, not in the template: ${notImplemented.join(', ')}`], []);
  rows.push([lang === 'zh' ? '生态系统类型代码' : 'Ecosystem type ids', lang === 'zh' ? '名称' : 'name']);
  for (const t of ecosystemTypes().values()) rows.push([t.id, lang === 'zh' ? t.zh : `${t.en} ${t.zh}`]);
  return rows;
}

/** A fill-in template of a profile as CSV. */
export function templateCsv(profileId: string | Profile, lang: Language = 'zh'): string {
  const { account, byCategory } = templateRows(resolveProfile(profileId), lang);
  return toCsv(withoutUnusedLine([longFormHeader(lang), ...account, ...[...byCategory.values()].flat()]).rows);
}

/** A fill-in template of a profile as an XLSX workbook (说明, 核算信息 and one sheet per category). */
export function templateXlsx(profileId: string | Profile, lang: Language = 'zh'): Uint8Array {
  const profile = resolveProfile(profileId);
  const { account, byCategory } = templateRows(profile, lang);
  const sheets: OutSheet[] = [
    { name: README_SHEET[lang], rows: readmeRows(profile, lang), widths: [40, 40] },
    sheetOf(ACCOUNT_SHEET[lang], [longFormHeader(lang), ...account]),
  ];
  for (const [category, rows] of byCategory) sheets.push(sheetOf(CATEGORY_SHEETS[category][lang], [longFormHeader(lang), ...rows]));
  return toXlsx(sheets);
}

/** Every block id a table can fill (the account and the registered indicators). */
export function tableBlockIds(): string[] {
  return [...tableBlocks().keys()];
}
