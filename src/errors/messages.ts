/**
 * The message catalogue (提示信息). Every input issue has a code; its text in Chinese and English
 * lives here once, with `{placeholders}` filled from the issue. Pattern from zod issues and
 * dinero's checks/messages.
 */
export const MESSAGES = {
  'input.required': {
    en: 'a value is required at {path}',
    zh: '{path} 缺少必填值',
  },
  'input.type': {
    en: '{path}: expected {expected}, found {found}',
    zh: '{path}：应为 {expected}，实际为 {found}',
  },
  'input.unknown-field': {
    en: '{path}: unknown field "{found}"',
    zh: '{path}：未知字段 "{found}"',
  },
  'input.not-a-number': {
    en: '{path}: expected a decimal number written as text (e.g. "1234.5"), found {found}',
    zh: '{path}：应为以字符串书写的十进制数（如 "1234.5"），实际为 {found}',
  },
  'input.out-of-range': {
    en: '{path}: expected {expected}, found {found}',
    zh: '{path}：应满足 {expected}，实际为 {found}',
  },
  'input.unit-unknown': {
    en: '{path}: unknown unit "{found}"',
    zh: '{path}：无法识别的单位 "{found}"',
  },
  'input.unit-dimension': {
    en: '{path}: expected a unit of {expected}, found "{found}"',
    zh: '{path}：单位量纲应为 {expected}，实际为 "{found}"',
  },
  'input.json-syntax': {
    en: 'the file is not valid JSON: {found}',
    zh: '文件不是合法的 JSON：{found}',
  },
  'input.unknown-indicator': {
    en: '{path}: "{found}" is not an indicator of profile {expected}',
    zh: '{path}："{found}" 不是核算方案 {expected} 中的指标',
  },
  'input.missing-basis': {
    en: '{path}: {expected}',
    zh: '{path}：{expected}',
  },
  'input.price-year': {
    en: '{path}: price year {found} differs from the account price year {expected}; rebase it first',
    zh: '{path}：价格年份 {found} 与核算价格年份 {expected} 不一致，请先进行价格换算',
  },
  'input.duplicate': {
    en: '{path}: duplicate entry "{found}"',
    zh: '{path}：重复条目 "{found}"',
  },
  'coefficient.unknown': {
    en: '{path}: no coefficient "{found}" in table {expected}',
    zh: '{path}：系数表 {expected} 中没有系数 "{found}"',
  },
  'coefficient.to-verify': {
    en: '{path}: coefficient "{found}" has status to-verify and strict mode refuses it',
    zh: '{path}：系数 "{found}" 尚待核实，严格模式下不予使用',
  },
  'coefficient.rebase': {
    en: '{path}: cannot carry coefficient {found} to {expected} prices: the price index has no value for a year in between; give a price or override the coefficient',
    zh: '{path}：系数 {found} 无法换算到 {expected} 年价格（价格指数缺少中间年份），请给出价格或覆盖该系数',
  },
  'profile.unknown': {
    en: 'unknown profile "{found}"; known profiles: {expected}',
    zh: '未知核算方案 "{found}"；可用方案：{expected}',
  },
} as const satisfies Record<string, { en: string; zh: string }>;

export type IssueCode = keyof typeof MESSAGES;
export type Language = 'en' | 'zh';

/** Fill a catalogue message. */
export function formatMessage(code: IssueCode, lang: Language, params: Readonly<Record<string, string | undefined>>): string {
  return MESSAGES[code][lang].replace(/\{(\w+)\}/g, (_, key: string) => params[key] ?? '');
}
