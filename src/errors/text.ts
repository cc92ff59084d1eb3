/**
 * Text in two languages (双语文本). A message part written in code — what an issue expected, what
 * it found, a warning's parameter — is either one string the same in both languages (a number, a
 * unit, an id, a file name) or `{ en, zh }`. Catalogue templates (messages.ts, ./warnings/) hold
 * the sentences; these are the parts that fill them.
 */
import type { Language } from './messages.js';

/** A text in English, or in English and Chinese. */
export type Text = string | { readonly en: string; readonly zh: string };

/** The English of a text. */
export function textEn(t: Text): string {
  return typeof t === 'string' ? t : t.en;
}

/** The Chinese of a text, when it has one of its own. */
export function textZh(t: Text | undefined): string | undefined {
  return t === undefined || typeof t === 'string' ? undefined : t.zh;
}

/** A text in a language; a plain string is the same in both. */
export function textIn(t: Text, lang: Language): string {
  return typeof t === 'string' ? t : t[lang];
}

/** Join texts in each language with its own separator (`, ` and `、`). */
export function joinTexts(texts: readonly Text[], separators: { readonly en: string; readonly zh: string } = { en: ', ', zh: '、' }): Text {
  return { en: texts.map(textEn).join(separators.en), zh: texts.map((t) => textIn(t, 'zh')).join(separators.zh) };
}

/** What was found, described for a message: `"abc"`, the number 5, nothing, a list, an object. */
export function describeValue(input: unknown): Text {
  if (input === undefined) return { en: 'nothing', zh: '空值（未填写）' };
  if (input === null) return 'null';
  if (typeof input === 'string') return JSON.stringify(input.length > 60 ? `${input.slice(0, 57)}...` : input);
  if (typeof input === 'number') return { en: `the number ${input}`, zh: `数字 ${input}` };
  if (Array.isArray(input)) return { en: 'a list', zh: '列表' };
  if (typeof input === 'object') return { en: 'an object', zh: '对象' };
  return String(input);
}

/** A stock phrase of shared code (a zod type name, `at least N`, a zod message) with its Chinese (`zhOfStockPhrase`). */
export function stockText(en: string): Text {
  const zh = zhOfStockPhrase(en);
  return zh === en ? en : { en, zh };
}

/** A unit's dimension with the unit as an example, `money·length^-3 (e.g. 元/m³)`, in both languages. */
export function dimensionExample(dimension: string, unit: string): Text {
  const en = `${dimension} (e.g. ${unit})`;
  return { en, zh: zhOfStockPhrase(en) };
}

/**
 * A dimension and a unit in both languages: `money (元/m³)` (`unitFirst`: `元/m³ (money)`).
 */
export function dimensionUnit(dimension: string, unit: string, unitFirst = false): Text {
  const en = unitFirst ? `${unit} (${dimension})` : `${dimension} (${unit})`;
  return { en, zh: zhOfStockPhrase(en) };
}

/** Value types zod names in `invalid_type` issues (`expected: 'string'`). */
const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: '字符串',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '布尔值（true 或 false）',
  object: '对象',
  array: '列表',
  date: '日期',
  record: '对象',
  tuple: '列表',
  literal: '固定值',
  enum: '枚举值',
  nonoptional: '非空值',
  null: 'null',
  undefined: '空值',
  unknown: '任意值',
  map: '映射',
  set: '集合',
  function: '函数',
  symbol: '符号',
  nan: 'NaN',
  never: '（不允许的值）',
};

/** Base dimensions of units.ts in Chinese, for `money·length^-3 (e.g. 元/m³)`. */
const DIMENSIONS: Readonly<Record<string, string>> = {
  length: '长度',
  mass: '质量',
  carbon: '碳',
  co2: 'CO₂',
  energy: '能量',
  money: '货币',
  time: '时间',
  year: '年',
  visit: '人次',
  head: '头数',
  count: '个数',
  person: '人数',
  equivalent: '当量',
  dimensionless: '无量纲',
};

/**
 * The Chinese of the fixed phrases that shared code writes into `expected` and `found` in English
 * only: zod's type names, `describeValue`'s words, `at least N`, `one of …`, `a value ≥ 0`,
 * `money·length^-3 (e.g. 元/m³)`. A closed list, so that an issue of a module whose texts are not
 * yet bilingual still reads in Chinese where it uses these; any other English comes back unchanged.
 */
export function zhOfStockPhrase(en: string): string {
  const exact: Record<string, string> = { nothing: '空值（未填写）', 'a list': '列表', 'an object': '对象', ...TYPE_NAMES };
  // Own keys only: `found` may be "__proto__" or "constructor".
  if (Object.hasOwn(exact, en)) return exact[en]!;
  let m: RegExpExecArray | null;
  // zod's own messages, where shared code passes them on as `expected`.
  if (en === 'Invalid input') return '有效的输入（各种允许的写法均不符）';
  if ((m = /^Invalid string: must match pattern (.+)$/.exec(en))) return `符合格式 ${m[1]} 的字符串`;
  if ((m = /^the number (.+)$/.exec(en))) return `数字 ${m[1]}`;
  if ((m = /^at least (.+)$/.exec(en))) return `至少 ${m[1]}`;
  if ((m = /^at most (.+)$/.exec(en))) return `至多 ${m[1]}`;
  if ((m = /^one of (.+)$/.exec(en))) return `${m[1]} 之一`;
  if ((m = /^a value ([≥≤<>]) (.+)$/.exec(en))) return `${m[1]} ${m[2]} 的数值`;
  // A dimension with an example unit, `money·length^-3 (e.g. 元/m³)`, or its unit, `money·length^-3 (元/m³)`.
  if ((m = /^([a-z0-9·^-]+) \((e\.g\. )?(.+)\)$/.exec(en))) {
    const dimension = dimensionZh(m[1]!);
    if (dimension !== undefined) return `${dimension}（${m[2] ? '如 ' : ''}${m[3]}）`;
  }
  // A unit with its dimension, `t (mass)`.
  if ((m = /^(.+) \(([a-z0-9·^-]+)\)$/.exec(en))) {
    const dimension = dimensionZh(m[2]!);
    if (dimension !== undefined) return `${m[1]}（${dimension}）`;
  }
  return en;
}

/** `money·length^-3` in Chinese; undefined when a part is not a base dimension. */
function dimensionZh(text: string): string | undefined {
  const parts = text.split('·').map((p) => {
    const [base, power] = p.split('^');
    return Object.hasOwn(DIMENSIONS, base!) ? `${DIMENSIONS[base!]}${power ? `^${power}` : ''}` : undefined;
  });
  return parts.every((p) => p !== undefined) ? parts.join('·') : undefined;
}
