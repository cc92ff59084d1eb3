/**
 * The warning catalogue (警告信息): every warning a computation returns has a code whose text in
 * English and Chinese lives in one catalogue, with `{placeholders}`. A warning carries both texts,
 * rendered when it is made, so a report in either language never shows an untranslated warning.
 * The catalogue is split by area (one file each) so that the modules of an area keep theirs together.
 */
import { formatPath, type GepWarning } from '../errors.js';
import type { Text } from '../text.js';
import { ACCOUNT_WARNINGS } from './accounts.js';
import { MATERIAL_WARNINGS } from './material.js';
import { REGULATING_WARNINGS } from './regulating.js';
import { CULTURAL_WARNINGS } from './cultural.js';
import { SEEA_WARNINGS } from './seea.js';
import { LOCAL_WARNINGS } from './local.js';
import { APPLICATION_WARNINGS } from './applications.js';
import { UNCERTAINTY_WARNINGS } from './uncertainty.js';

/** Templates of one warning. */
export interface WarningTemplate {
  readonly en: string;
  readonly zh: string;
}
export type WarningCatalogue = Readonly<Record<string, WarningTemplate>>;

export const WARNINGS = {
  ...ACCOUNT_WARNINGS,
  ...MATERIAL_WARNINGS,
  ...REGULATING_WARNINGS,
  ...CULTURAL_WARNINGS,
  ...SEEA_WARNINGS,
  ...LOCAL_WARNINGS,
  ...APPLICATION_WARNINGS,
  ...UNCERTAINTY_WARNINGS,
} as const;

/** A catalogued warning code. */
export type WarningCode = keyof typeof WARNINGS;

/** A placeholder's value: the same in both languages, or one text each (an ecosystem type's name). */
export type WarningParam = Text | number;

function fill(template: string, params: Readonly<Record<string, WarningParam>>, lang: 'en' | 'zh'): string {
  return template.replace(/\{(\w+)\}/g, (_whole, key: string) => {
    const p = params[key];
    if (p === undefined) throw new Error(`[gep] warning template ${template} has no value for {${key}}`);
    return typeof p === 'object' ? p[lang] : String(p);
  });
}

/**
 * A warning with its English and Chinese message filled from the catalogue.
 *
 * @example
 * makeWarning('negative-water-balance', { indicator: 'regulating.water-conservation', params: { type: { en: 'forest', zh: '森林' }, quantity: '-5' } })
 */
export function makeWarning(
  code: WarningCode,
  options: {
    readonly indicator?: string;
    readonly path?: readonly (string | number)[];
    readonly params?: Readonly<Record<string, WarningParam>>;
  } = {},
): GepWarning {
  const t = WARNINGS[code] as WarningTemplate;
  const params = options.params ?? {};
  return {
    code,
    ...(options.indicator !== undefined ? { indicator: options.indicator } : {}),
    ...(options.path !== undefined ? { path: options.path } : {}),
    message: fill(t.en, params, 'en'),
    zh: fill(t.zh, params, 'zh'),
  };
}

/** The message of a warning in a language (a warning made without the catalogue has only English). */
export function warningMessage(w: GepWarning, lang: 'en' | 'zh'): string {
  return lang === 'zh' && w.zh !== undefined ? w.zh : w.message;
}

/**
 * The message of a warning with the place in the input it is about, for a terminal line where the
 * path is not shown apart (six lines with the same bad precipitation are otherwise six equal
 * lines): the path within the indicator's block when the warning names its indicator.
 */
export function warningMessageAt(w: GepWarning, lang: 'en' | 'zh'): string {
  const message = warningMessage(w, lang);
  if (!w.path?.length) return message;
  const within = w.indicator && w.path[0] === 'indicators' && w.path[1] === w.indicator ? w.path.slice(2) : w.path;
  if (!within.length) return message;
  const at = formatPath(within);
  return lang === 'zh' ? `${message}（位置：${at}）` : `${message} (at ${at})`;
}

/** A warning with a prefix before its message in both languages (`县甲: …`, a county's name before a comparison's warning). */
export function prefixWarning(w: GepWarning, prefix: Text): GepWarning {
  const en = typeof prefix === 'string' ? prefix : prefix.en;
  const zh = typeof prefix === 'string' ? prefix : prefix.zh;
  return { ...w, message: `${en}: ${w.message}`, zh: `${zh}：${warningMessage(w, 'zh')}` };
}
