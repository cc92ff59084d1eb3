/**
 * Input errors (输入错误). One error type for bad input, carrying every issue found, each with
 * its location (file, sheet, row, column), field path, what was expected and what was found.
 * Importers and the account collect all issues before throwing; nothing is dropped silently.
 */
import { formatMessage, type IssueCode, type Language } from './messages.js';
import { textEn, textZh, zhOfStockPhrase, type Text } from './text.js';

/** Where in a source file an issue sits. Rows and columns are 1-based, as a spreadsheet shows them. */
export interface IssueLocation {
  readonly file?: string;
  readonly sheet?: string;
  readonly row?: number;
  readonly column?: string;
}

/** One problem with the input. */
export interface GepIssue {
  readonly code: IssueCode;
  /** Field path inside the input, e.g. `["indicators", "material.agriculture", "products", 2, "price"]`. */
  readonly path: readonly (string | number)[];
  /** What was expected, in English. */
  readonly expected?: string;
  /** What was found, in English. */
  readonly found?: string;
  /** What was expected, in Chinese, when the issue was made with both texts (`makeIssue`). */
  readonly expectedZh?: string;
  /** What was found, in Chinese, when the issue was made with both texts. */
  readonly foundZh?: string;
  readonly location?: IssueLocation;
  /** 1-based character position inside a formula (a local indicator's expression, src/indicators/local/). */
  readonly at?: number;
  /** The English message; `messageOf(issue, 'zh')` gives the Chinese one. */
  readonly message: string;
}

/** A warning returned beside a result: the computation went on, but a person should look. */
export interface GepWarning {
  readonly code: string;
  readonly indicator?: string;
  readonly path?: readonly (string | number)[];
  /** The English message. */
  readonly message: string;
  /** The Chinese message, for warnings made from the catalogue (`makeWarning`, ./warnings/). */
  readonly zh?: string;
}

/** Render a path as `indicators.material.agriculture.products[2].price`. */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(root)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Longest `found` text an issue quotes: a 32 000-character cell is named, not repeated. */
const MAX_FOUND = 200;

/**
 * Build an issue with its English message filled from the catalogue. `expected` and `found` are
 * a string the same in both languages (a number, a unit, an id) or `{ en, zh }`; the issue keeps
 * the English in `expected`/`found` and the Chinese in `expectedZh`/`foundZh`.
 *
 * @example
 * makeIssue('input.out-of-range', ['economy', 'gdp', 'value'], { expected: { en: 'a value ≥ 0', zh: '不小于 0 的数值' }, found: '-5' })
 */
export function makeIssue(
  code: IssueCode,
  path: readonly (string | number)[],
  details: { expected?: Text | undefined; found?: Text | undefined; location?: IssueLocation | undefined; at?: number | undefined } = {},
): GepIssue {
  const { expected, location, at } = details;
  const cut = (text: string, zh: boolean) =>
    text.length > MAX_FOUND
      ? `${text.slice(0, MAX_FOUND - 40)}… ${zh ? `（共 ${text.length} 个字符）` : `(${text.length} characters)`}`
      : text;
  const foundEn = details.found === undefined ? undefined : cut(textEn(details.found), false);
  const foundZhText = textZh(details.found);
  const foundZh = foundZhText === undefined ? undefined : cut(foundZhText, true);
  const expectedZh = textZh(expected);
  const issue = {
    code,
    path,
    ...(expected !== undefined ? { expected: textEn(expected) } : {}),
    ...(foundEn !== undefined ? { found: foundEn } : {}),
    ...(expectedZh !== undefined ? { expectedZh } : {}),
    ...(foundZh !== undefined ? { foundZh } : {}),
    ...(location !== undefined ? { location } : {}),
    ...(at !== undefined ? { at } : {}),
  };
  return { ...issue, message: messageOf({ ...issue, message: '' }, 'en') };
}

/** What an issue expected and found, each with its Chinese when it has one: to make the issue again at another path. */
export function issueTexts(issue: GepIssue): { expected?: Text; found?: Text } {
  const both = (en: string | undefined, zh: string | undefined): Text | undefined =>
    en === undefined ? undefined : zh === undefined ? en : { en, zh };
  const expected = both(issue.expected, issue.expectedZh);
  const found = both(issue.found, issue.foundZh);
  return { ...(expected !== undefined ? { expected } : {}), ...(found !== undefined ? { found } : {}) };
}

/**
 * The message of an issue in the given language. In Chinese, `expected` and `found` are their
 * Chinese texts; an issue made with English only gets the Chinese of the stock phrases shared code
 * writes (`zhOfStockPhrase`: type names, `at least N`, `a list` …), else its English.
 */
export function messageOf(issue: GepIssue, lang: Language): string {
  const inLang = (en: string | undefined, zh: string | undefined) => (lang === 'en' || en === undefined ? en : (zh ?? zhOfStockPhrase(en)));
  const expected = inLang(issue.expected, issue.expectedZh);
  // A required value says what is needed when the issue names it (a unit price, NEP or NPP …).
  const needed = expected === undefined ? '' : lang === 'en' ? ` (expected ${expected})` : `（应为 ${expected}）`;
  return formatMessage(issue.code, lang, {
    path: formatPath(issue.path),
    expected,
    found: inLang(issue.found, issue.foundZh),
    needed,
    ...(issue.at !== undefined ? { at: String(issue.at) } : {}),
  });
}

/** Render an issue with its location, one line. */
export function describeIssue(issue: GepIssue, lang: Language = 'en'): string {
  const l = issue.location;
  const where = !l
    ? ''
    : lang === 'zh'
      ? [l.file, l.sheet && `工作表 ${l.sheet}`, l.row !== undefined && `第 ${l.row} 行`, l.column && `${l.column} 列`]
          .filter(Boolean)
          .join('，')
      : [l.file, l.sheet && `sheet ${l.sheet}`, l.row !== undefined && `row ${l.row}`, l.column && `column ${l.column}`]
          .filter(Boolean)
          .join(', ');
  return where ? `${where}${lang === 'zh' ? '：' : ': '}${messageOf(issue, lang)}` : messageOf(issue, lang);
}

/** Marks a `GepInputError` of any copy of the library (see `Symbol.hasInstance` below). */
const INPUT_ERROR = Symbol.for('gep-accounting.GepInputError');

/** Bad input: holds every issue found, never only the first. */
export class GepInputError extends Error {
  override readonly name = 'GepInputError';
  readonly [INPUT_ERROR] = true;
  /**
   * `instanceof` holds for a `GepInputError` made by another copy of this module: the CommonJS
   * builds of the subpaths (`gep-accounting/local`, `/io` …) each carry their own copy, and an error
   * thrown by a local indicator compiled in one must still be an input issue for `computeGep` of
   * another, not a crash.
   */
  static override [Symbol.hasInstance](x: unknown): boolean {
    return typeof x === 'object' && x !== null && (x as { [INPUT_ERROR]?: unknown })[INPUT_ERROR] === true;
  }
  constructor(readonly issues: readonly GepIssue[]) {
    super(
      `[gep] ${issues.length} input issue${issues.length === 1 ? '' : 's'}:\n${issues.map((i) => `  - ${describeIssue(i)}`).join('\n')}`,
    );
  }
}
