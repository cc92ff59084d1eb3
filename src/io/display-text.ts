/**
 * Words every report shares, in English and Chinese (报告用语): statuses, region levels,
 * categories, the rounding rule, the arithmetic, and a trace step's name, formula, note and the
 * references of its inputs in the reader's language. A step carries its Chinese (`TraceStep.zh`)
 * when its module wrote one; a report in Chinese uses it and falls back to the English otherwise.
 */
import type { Language } from '../errors/messages.js';
import { describeRounding, type RoundingRule } from '../numbers/rounding.js';
import { REGION_LEVEL_ZH } from '../accounts/serialize.js';
import type { GdpBasis } from '../accounts/economy-input.js';
import { ecosystemTypes } from '../indicators/catalogue.js';

/** Bases of GDP (GDP 口径) in Chinese. */
export const GDP_BASIS_ZH: Readonly<Record<GdpBasis, string>> = {
  'regional-statistics': '本地区统计数据',
  'sum-of-subregions': '下级地区加总',
  'national-nbs': '国家统计局全国数据',
};

/** Statuses of a coefficient, a clause or a definition. */
const STATUS: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  en: { verified: 'verified', derived: 'derived', 'to-verify': 'to verify', 'user-override': 'user override' },
  zh: { verified: '已核实', derived: '推导', 'to-verify': '待核实', 'user-override': '用户覆盖' },
};

/** A status (`verified`, `to-verify` …) in words. */
export function statusText(status: string, lang: Language): string {
  return STATUS[lang][status] ?? status;
}

/** A region's level (`county` …) in words. */
export function levelText(level: string, lang: Language): string {
  return lang === 'zh' ? (REGION_LEVEL_ZH[level] ?? level) : level;
}

const CATEGORY: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  en: { material: 'material products', regulating: 'regulating services', cultural: 'cultural services' },
  zh: { material: '物质产品', regulating: '调节服务', cultural: '文化服务' },
};

/** A category of the catalogue in words. */
export function categoryText(category: string, lang: Language): string {
  return CATEGORY[lang][category] ?? category;
}

/** The rounding rule in words: `half-up, 2 decimal places` or `四舍五入，保留 2 位小数`. */
export function roundingText(rule: RoundingRule, lang: Language): string {
  return lang === 'zh' ? `${rule.mode === 'half-up' ? '四舍五入' : '银行家舍入'}，保留 ${rule.places} 位小数` : describeRounding(rule);
}

/** The arithmetic of a result in words. */
export function arithmeticText(arithmetic: string, lang: Language): string {
  if (lang === 'en') return arithmetic;
  return arithmetic === 'decimal' ? '十进制精确算术' : arithmetic === 'float64' ? '双精度浮点算术' : arithmetic;
}

/** Why an indicator of the profile was not accounted, in words. */
export function notAccountedReason(reason: string, lang: Language): string {
  if (lang === 'en') return reason;
  return reason === 'no-input' ? '无输入数据' : reason === 'not-implemented' ? '尚未实现' : reason;
}

/** The heading of a list of warnings: `warnings (3):` or `警示（3 条）：`. */
export function warningsHeading(count: number, lang: Language): string {
  return lang === 'zh' ? `警示（${count} 条）：` : `warnings (${count}):`;
}

/** A trace step as the JSON result carries it. */
export interface StepText {
  readonly name: string;
  readonly formula: string;
  readonly note?: string | undefined;
  readonly zh?: { readonly name: string; readonly formula?: string | undefined; readonly note?: string | undefined } | undefined;
}

/**
 * A step's name, formula and note in a language (the English where the step has no Chinese); with
 * the steps of its trace, a note's references to other steps (`step:…`) name them in Chinese too.
 */
export function stepText(
  step: StepText,
  lang: Language,
  steps: readonly StepText[] = [],
): { name: string; formula: string; note: string | undefined } {
  if (lang === 'en' || !step.zh) return { name: step.name, formula: step.formula, note: step.note };
  const note = step.note === undefined ? undefined : (step.zh.note ?? step.note);
  return {
    name: step.zh.name,
    formula: step.zh.formula ?? step.formula,
    note: note === undefined ? undefined : fromText(note, steps, lang),
  };
}

/**
 * Where a value came from when neither an input nor a coefficient gave it, as the indicator modules
 * write it (src/indicators/regulating/sand-fixation.ts), in Chinese.
 */
const FROM_WORDS_ZH: Readonly<Record<string, string>> = {
  'default: 0': '默认：0',
  'no CaCO₃ content given': '未给出 CaCO₃ 含量，取 0',
};

/**
 * Where a traced input came from, in a language: `step:<English name>` becomes `步骤：<Chinese
 * name>` (the English name when none of `steps` has a Chinese one), and the rebasing note of a table price
 * (`coefficient:x (rebased 2010→2022 by cpi-national)`) is written in Chinese, as are the words an
 * indicator module writes where no input or coefficient gave the value (`FROM_WORDS_ZH`).
 */
export function fromText(from: string, steps: readonly StepText[], lang: Language): string {
  if (lang === 'en') return from;
  if (Object.hasOwn(FROM_WORDS_ZH, from)) return FROM_WORDS_ZH[from]!;
  const zhName = new Map(steps.flatMap((s) => (s.zh ? [[s.name, s.zh.name] as const] : [])));
  return from
    .replace(/\(rebased (\d+)→(\d+) by ([^)]+)\)/g, '（按 $3 由 $1 年换算至 $2 年）')
    .replace(/step:([^,]+?)(?=, step:|$)/g, (_, name: string) => `步骤：${zhName.get(name.trim()) ?? name.trim()}`);
}

/**
 * Readable names for ecosystem type ids in a line's name (`deciduous-broadleaf-forest` → 落叶阔叶林):
 * the whole name, each part between the separators modules put in names (`cropland: …`,
 * `vegetation · cropland`) whatever the id's spelling, and hyphenated ids anywhere. An id without a
 * hyphen is a plain word (`forest`), so inside other text (`forest park`) it is left as written.
 */
export function typeNamer(lang: Language): (text: string) => string {
  const types = ecosystemTypes();
  const hyphenated = [...types.keys()].filter((id) => id.includes('-')).sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`\\b(${hyphenated.map((id) => id.replace(/-/g, '\\-')).join('|')})\\b`, 'g');
  const part = (text: string) => types.get(text)?.[lang] ?? text.replace(pattern, (id) => types.get(id)?.[lang] ?? id);
  return (text: string) =>
    text
      .split(/(: | · )/)
      .map((p, i) => (i % 2 ? p : part(p)))
      .join('');
}

/** A result line's name (`item`, and `itemZh` where its module gave one). */
export interface LineNameText {
  readonly item: string;
  readonly itemZh?: string | undefined;
}

/**
 * The name of a result line in a language: in Chinese its `itemZh` (the input's own name when it
 * has none); in English its `item`. Ecosystem type ids left in a name (results written before
 * lines had `itemZh`, an English report) are named by `typeNamer`.
 */
export function lineNamer(lang: Language): (line: LineNameText) => string {
  const typeName = typeNamer(lang);
  return (line) => (lang === 'zh' && line.itemZh !== undefined ? line.itemZh : typeName(line.item));
}
