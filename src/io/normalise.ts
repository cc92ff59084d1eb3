/**
 * The importers' normaliser (表头与单位规范化): the one place where the spellings people type are
 * mapped to the library's canonical ids. Headers in Chinese or English, units inside headers
 * (`面积(hm²)`, `area (km2)`), unit aliases (公顷/ha → hm², 吨 → t, 万立方米 → 万m³ …), full-width
 * digits and thousands separators. Nothing here guesses: text that does not match a rule is
 * returned unchanged, and the validator reports it.
 */
import { isKnownUnit } from '../units/units.js';

// ---------------------------------------------------------------------------------------------
// Text

/** Full-width ASCII (ＡＢＣ１２３，．（）) → ASCII; the ideographic space → a space. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * Trim, including the no-break and ideographic spaces and the byte-order mark spreadsheets leave
 * behind (`String.prototype.trim` removes exactly the characters of `\s`). Linear: the regular
 * expression it replaces (`[\s…]+$`) took quadratic time on a cell with a long run of inner spaces.
 */
export function cleanText(text: string): string {
  return text.trim();
}

// ---------------------------------------------------------------------------------------------
// Numbers

const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * A number as typed in a table → decimal text, or `null` when it is not a number. Accepts
 * full-width digits (１２３４．５), thousands separators grouped by three (1,234,567.8 or
 * 1，234，567.8) and the minus signs − and －. Never goes through a JS number.
 */
export function normaliseNumber(text: string): string | null {
  let t = cleanText(toHalfWidth(text)).replace(/[\u2212\u2012\u2013]/g, '-');
  // A plus sign is kept: `+1800` is valid decimal text, and an input exported and read back must
  // not change (its hash would).
  if (PLAIN.test(t)) return t;
  if (GROUPED.test(t)) {
    t = t.replace(/,/g, '');
    return t;
  }
  return null;
}

/** Chinese multipliers a statistician writes after a number (`6.2万`, `1.5亿`), as powers of ten. */
const MULTIPLIERS: readonly (readonly [string, number])[] = [
  ['万亿', 12],
  ['亿', 8],
  ['万', 4],
];

/** A number as typed with a percent sign or a Chinese multiplier: what was read, exactly. */
export interface TypedNumber {
  /** Decimal text: the number in front of `%`, or the number times its multiplier (`6.2万` → `62000`). */
  readonly value: string;
  /** True for `15%` (`value` is then `15`, a number of per cent). */
  readonly percent: boolean;
  /** The multiplier written (`万`, `亿`, `万亿`), or null. */
  readonly multiplier: string | null;
}

/**
 * Move the decimal point of decimal text by `places` (`shiftDecimal('6.2', 4)` → `62000`), by
 * rewriting the digits: exact for any length, never through a JS number or a rounded product.
 */
export function shiftDecimal(text: string, places: number): string {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new Error(`[gep] not plain decimal text: ${text}`);
  const sign = m[1] === '-' ? '-' : '';
  const digits = `${m[2]}${m[3] ?? ''}`;
  const point = m[2]!.length + Number(m[4] ?? 0) + places; // position of the point within digits
  let int: string;
  let frac: string;
  if (point <= 0) {
    int = '0';
    frac = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    int = digits + '0'.repeat(point - digits.length);
    frac = '';
  } else {
    int = digits.slice(0, point);
    frac = digits.slice(point);
  }
  int = int.replace(/^0+(?=\d)/, '');
  let end = frac.length;
  while (end > 0 && frac[end - 1] === '0') end--; // a loop: /0+$/ is quadratic on inner runs of zeros
  frac = frac.slice(0, end);
  const out = frac ? `${int}.${frac}` : int;
  return /^[0.]*$/.test(out) ? '0' : `${sign}${out}`;
}

/**
 * A number typed the way statisticians write it in a table, beyond plain decimals: a percentage
 * (`15%`, `15 ％`) or a Chinese multiplier (`6.2万`, `1.5亿`, `3万亿`). Returns what was read, or
 * `null` for anything else. Plain numbers go through `normaliseNumber`; this never guesses a unit
 * (a percentage is a number of per cent, and its unit is decided by the caller).
 */
export function readTypedNumber(text: string): TypedNumber | null {
  const t = cleanText(toHalfWidth(text));
  if (t.endsWith('%')) {
    const n = normaliseNumber(t.slice(0, -1));
    return n === null ? null : { value: n, percent: true, multiplier: null };
  }
  for (const [word, power] of MULTIPLIERS) {
    if (!t.endsWith(word)) continue;
    const n = normaliseNumber(t.slice(0, -word.length));
    return n === null ? null : { value: shiftDecimal(n, power), percent: false, multiplier: word };
  }
  return null;
}

/** An integer (a year) as typed → its value, or `null`. */
export function normaliseInteger(text: string): number | null {
  const t = cleanText(toHalfWidth(text));
  return /^[+-]?\d{1,9}$/.test(t) ? Number(t) : null;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '是', '真']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '否', '假']);

/** `true`/`false`/`是`/`否` → a boolean, or `null`. */
export function normaliseBoolean(text: string): boolean | null {
  const t = cleanText(toHalfWidth(text)).toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Units

/**
 * Unit words and spellings → canonical unit atoms of src/units/units.ts. Longest first when
 * applied. Chinese multiplier prefixes (万, 亿) stay in front of the atom they scale.
 */
const UNIT_WORDS: readonly (readonly [string, string])[] = [
  ['平方公里', 'km²'],
  ['平方千米', 'km²'],
  ['平方米', 'm²'],
  ['立方米', 'm³'],
  ['方', 'm³'],
  ['公顷', 'hm²'],
  ['hectares', 'hm²'],
  ['hectare', 'hm²'],
  ['ha', 'hm²'],
  ['千瓦时', 'kWh'],
  ['千瓦·时', 'kWh'],
  ['kwh', 'kWh'],
  ['KWh', 'kWh'],
  ['毫米', 'mm'],
  ['厘米', 'cm'],
  ['公里', 'km'],
  ['千米', 'km'],
  ['米', 'm'],
  ['升', 'L'],
  ['吨二氧化碳', 't CO2'],
  ['吨碳', 't C'],
  ['tCO2', 't CO2'],
  ['tCO₂', 't CO2'],
  ['t CO₂', 't CO2'],
  ['tC', 't C'],
  ['千克', 'kg'],
  ['公斤', 'kg'],
  ['克', 'g'],
  ['吨', 't'],
  ['人民币元', '元'],
  ['CNY', '元'],
  ['RMB', '元'],
  ['yuan', '元'],
  ['年', 'a'],
  ['天', 'd'],
  ['小时', 'h'],
  ['分钟', 'min'],
  ['秒', 's'],
  ['百分比', '%'],
  ['％', '%'],
];
const UNIT_WORDS_LONGEST_FIRST = [...UNIT_WORDS].sort((a, b) => b[0].length - a[0].length);

/**
 * A unit as typed → the canonical unit id, when a known spelling gives one; otherwise the text
 * as it came (the validator then reports it as unknown). `公顷` → `hm²`, `km2` → `km²`,
 * `万立方米` → `万m³`, `元/吨` → `元/t`, `tCO₂/hm²` → `t CO2/hm²`.
 */
export function normaliseUnit(text: string): string {
  const raw = cleanText(text);
  if (raw === '' || isKnownUnit(raw)) return raw;
  // Spaces around a slash go (split and trim: `\s*\/\s*` took quadratic time on long space runs).
  let t = toHalfWidth(raw)
    .replace(/[／]/g, '/')
    .replace(/[·•∙⋅]/g, '·')
    .split('/')
    .map((part) => part.trim())
    .join('/');
  if (isKnownUnit(t)) return t;
  // Words → atoms, longest first; only where the word is not part of a longer Latin word.
  const words = UNIT_WORDS_LONGEST_FIRST;
  let out = '';
  for (let i = 0; i < t.length; ) {
    const hit = words.find(
      ([w]) =>
        t.startsWith(w, i) &&
        !(/[A-Za-z]$/.test(w) && /[A-Za-z]/.test(t[i + w.length] ?? '')) &&
        !(/^[A-Za-z]/.test(w) && /[A-Za-z]/.test(t[i - 1] ?? '')),
    );
    if (hit) {
      out += hit[1];
      i += hit[0].length;
    } else {
      out += t[i];
      i += 1;
    }
  }
  t = out
    .replace(/CO₂/g, 'CO2')
    // km2, m3, hm2 → km², m³, hm² (a digit right after a length atom is an exponent)
    .replace(/(km|hm|cm|mm|m)([23])(?![\d])/g, (_, u: string, e: string) => `${u}${e === '2' ? '²' : '³'}`)
    .replace(/\*/g, '·');
  return isKnownUnit(t) ? t : raw;
}

// ---------------------------------------------------------------------------------------------
// Headers

/**
 * A header split into its name and the unit written in it: `面积(hm²)` → `{ name: '面积', unit: 'hm²' }`.
 * The unit is the text inside the last pair of brackets at the end, and holds no bracket itself.
 * One scan from the end: the regular expression this replaces (`^(.*?)\s*[([]\s*([^()[\]]*?)\s*…`)
 * backtracked in cubic time on a header such as `a(` followed by thousands of spaces.
 */
export function splitHeader(text: string): { name: string; unit: string | null } {
  const t = cleanText(toHalfWidth(text));
  const last = t[t.length - 1];
  if (last === ')' || last === ']') {
    let i = t.length - 2;
    while (i >= 0 && t[i] !== '(' && t[i] !== ')' && t[i] !== '[' && t[i] !== ']') i--;
    if (i >= 0 && (t[i] === '(' || t[i] === '[')) {
      const name = t.slice(0, i).trimEnd();
      const unit = t.slice(i + 1, -1).trim();
      if (name !== '') return { name, unit: unit === '' ? null : unit };
    }
  }
  return { name: t, unit: null };
}

/** The fixed columns of a table input. */
export type ColumnKey = 'indicator' | 'line' | 'item' | 'ecosystemType' | 'field' | 'value' | 'unit' | 'priceYear' | 'note';

/** Column header spellings (compared without case, spaces, underscores or hyphens). */
const COLUMN_WORDS: Readonly<Record<ColumnKey, readonly string[]>> = {
  indicator: ['indicator', 'indicatorid', '指标', '核算科目', '科目', '指标代码', '指标名称'],
  line: ['line', 'lineno', '行号', '行次', '序号'],
  item: ['item', 'name', '项目', '名称', '项目名称', '产品', '产品名称'],
  ecosystemType: ['ecosystemtype', 'ecosystem', '生态系统类型', '生态系统'],
  field: ['field', 'fieldpath', 'input', '字段', '输入项', '指标项'],
  value: ['value', 'amount', '数值', '值', '填报值', '本年数值'],
  unit: ['unit', '单位', '计量单位'],
  priceYear: ['priceyear', '价格年份', '价格基准年'],
  note: ['note', 'notes', 'remark', 'comment', 'description', '说明', '备注', '填报说明'],
};

const squash = (s: string) => s.toLowerCase().replace(/[\s_\-.]/g, '');

/** The fixed column a header names, or `null`. */
export function columnKey(name: string): ColumnKey | null {
  const k = squash(name);
  for (const [key, words] of Object.entries(COLUMN_WORDS) as [ColumnKey, readonly string[]][]) {
    if (words.some((w) => squash(w) === k)) return key;
  }
  return null;
}

/** Header texts for the fixed columns, as templates and input exports write them. */
export const COLUMN_TITLES: Readonly<Record<'en' | 'zh', Readonly<Record<ColumnKey, string>>>> = {
  en: {
    indicator: 'indicator',
    line: 'line',
    item: 'item',
    ecosystemType: 'ecosystem type',
    field: 'field',
    value: 'value',
    unit: 'unit',
    priceYear: 'price year',
    note: 'note',
  },
  zh: {
    indicator: '指标',
    line: '行号',
    item: '项目',
    ecosystemType: '生态系统类型',
    field: '字段',
    value: '数值',
    unit: '单位',
    priceYear: '价格年份',
    note: '说明',
  },
};

/**
 * Chinese words for input fields, for wide tables whose headers are words rather than field ids
 * (`面积(hm²)` → `area`). A word maps to the last segment of a field path; it is used only when
 * that name is unique among the fields of the indicator.
 */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  面积: 'area',
  降水量: 'precipitation',
  降雨量: 'precipitation',
  蒸散量: 'evapotranspiration',
  蒸散发量: 'evapotranspiration',
  蒸散发: 'evapotranspiration',
  径流系数: 'runoffCoefficient',
  暴雨径流量: 'stormRunoff',
  产量: 'quantity',
  数量: 'quantity',
  实物量: 'quantity',
  单价: 'price',
  价格: 'price',
  产值: 'outputValue',
  发电量: 'electricity',
  电价: 'price',
  上网电价: 'price',
  用水量: 'withdrawal',
  取水量: 'withdrawal',
  水价: 'tariff',
  用途: 'use',
  用水类型: 'use',
  能源类型: 'source',
  来源: 'source',
  净生态系统生产力: 'nep',
  净初级生产力: 'npp',
  土壤异养呼吸: 'heterotrophicRespiration',
  固碳速率: 'sequestrationRate',
  碳价: 'carbonPrice',
  中间消耗: 'intermediateConsumption',
  固定资产折旧: 'fixedAssetDepreciation',
};

/** The field name a header word stands for (`面积` → `area`), or the header itself. */
export function fieldWord(name: string): string {
  const t = cleanText(name);
  return Object.hasOwn(FIELD_WORDS, t) ? FIELD_WORDS[t]! : t;
}

/** Sheets of a template that hold instructions only, and are not read. */
const INSTRUCTION_SHEETS = new Set(['readme', '说明', '填表说明', 'instructions', 'fields', '字段说明', 'lists', '列表']);

/** True for a sheet of instructions (`说明`, `README`). */
export function isInstructionSheet(name: string): boolean {
  return INSTRUCTION_SHEETS.has(squash(name)) || INSTRUCTION_SHEETS.has(cleanText(name).split(/\s+/)[0]!.toLowerCase());
}

/** Names of the account-envelope block (region, years, profile, overrides). */
const ACCOUNT_WORDS = new Set(['account', '核算信息', '基本信息', '表头', 'envelope']);

/** True when a sheet name or an indicator cell names the account envelope. */
export function isAccountBlock(name: string): boolean {
  const first = cleanText(name).split(/\s+/)[0] ?? '';
  return ACCOUNT_WORDS.has(squash(name)) || ACCOUNT_WORDS.has(first.toLowerCase());
}

/** Sheet names → categories, for the one-sheet-per-category layout. */
const CATEGORY_WORDS: Readonly<Record<string, 'material' | 'regulating' | 'cultural'>> = {
  material: 'material',
  物质产品: 'material',
  regulating: 'regulating',
  调节服务: 'regulating',
  cultural: 'cultural',
  文化服务: 'cultural',
};

/** The category a sheet name stands for (`调节服务 regulating` → `regulating`), or `null`. */
export function categoryOfSheet(name: string): 'material' | 'regulating' | 'cultural' | null {
  for (const part of cleanText(name).split(/\s+/)) {
    const word = part.toLowerCase();
    if (Object.hasOwn(CATEGORY_WORDS, word)) return CATEGORY_WORDS[word]!;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Spreadsheet formulas

/**
 * Characters that make a spreadsheet run a cell as a formula when they come first: `=`, `+`, `-`,
 * `@`, tab and CR (OWASP "CSV injection"), and their full-width forms `＝＋－＠`, which the
 * spreadsheets of a Chinese desktop take as formulas too.
 */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/** True when a spreadsheet would run this text as a formula (see `FORMULA_START`); plain numbers are not. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN.test(text);
}

/** True for text that `neutraliseFormula` wrote: apostrophes, then formula-like text. */
function isNeutralised(text: string): boolean {
  let i = 0;
  while (text[i] === "'") i++;
  return i > 0 && looksLikeFormula(text.slice(i));
}

/**
 * Neutralise text that a spreadsheet would run as a formula by prefixing an apostrophe (OWASP
 * "CSV injection"); plain numbers (`-12.5`) are left alone. For CSV only: XLSX cells are written
 * as text cells, which no spreadsheet runs. Text that already looks neutralised (`'=x`) gets one
 * more apostrophe, so that `unneutraliseFormula` gives back every text exactly (a one-to-one
 * encoding: `'=x` → `''=x` → `'=x`).
 */
export function neutraliseFormula(text: string): string {
  return looksLikeFormula(text) || isNeutralised(text) ? `'${text}` : text;
}

/** The inverse of `neutraliseFormula`, applied by the CSV importer to text cells. */
export function unneutraliseFormula(text: string): string {
  return isNeutralised(text) ? text.slice(1) : text;
}
