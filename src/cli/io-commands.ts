/**
 * The CLI's input and output commands: reading an input file of any format (`gep run`,
 * `gep validate`), writing the exports of `gep run --out DIR --format …`, and `gep template`.
 */
import { join } from 'node:path';
import { computeGep, type GepResult } from '../accounts/gep.js';
import { gepResultToJson } from '../accounts/serialize.js';
import { getCoefficientTable } from '../coefficients/tables.js';
import { GepInputError, describeIssue, type GepIssue } from '../errors/errors.js';
import { warningMessageAt } from '../errors/warnings/index.js';
import type { Text } from '../errors/text.js';
import type { Language } from '../errors/messages.js';
import { coefficientTableHash, inputHash } from '../io/hash.js';
import { terminalLine, terminalText } from '../io/safe-text.js';
import { formatAccountTable } from '../io/text-table.js';
import type { GepDecimal } from '../numbers/arithmetic.js';
import type { RoundingRule } from '../numbers/rounding.js';
import { accountExtras } from './compare.js';
import { templateCsv, templateXlsx } from '../io/input-export.js';
import { importAccountInput, inputFormatOf } from '../io/read-input.js';
import { resultToCsvFiles, resultToMarkdown, resultToXlsx, type ResultExportOptions } from '../io/result-export.js';
import { resultToHtml, type AccountReportJson } from '../io/html-report.js';
import { locateIssues, type ImportedInput } from '../io/table-input.js';
import { withFile } from '../io/json-input.js';
import { decodeText } from '../io/csv-input.js';
import { DEFAULT_PROFILE_ID, getProfile, listProfiles, type Profile } from '../profiles/profiles.js';
import { isProfileFile, profileOption } from './profile-option.js';
import type { OptionName, OptionValues } from './options.js';

/** The part of the CLI's IO these commands use. */
export interface IoCommandsIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
  mkdir(path: string): void;
  /** Bytes of a file (CSV in GB18030, XLSX). */
  readBytes?(path: string): Uint8Array;
  /** Write bytes (XLSX exports and templates). */
  writeBytes?(path: string, bytes: Uint8Array): void;
}

/** The options `gep validate` reads (./options.ts). */
export const VALIDATE_OPTIONS = ['profile', 'lang', 'strict'] as const satisfies readonly OptionName[];
/** The options `gep template` reads. */
export const TEMPLATE_OPTIONS = ['out', 'profile', 'lang'] as const satisfies readonly OptionName[];

export const VALIDATE_HELP = `gep validate <file.json|csv|xlsx> [--profile ID] [--lang en|zh] [--strict]

Read an input file (JSON, CSV in UTF-8 or GB18030, XLSX), check it against the schemas, the GB/T
2260 region codes and the profile, and print every problem with its sheet, row and column.
Exit 0 when the file is fine, 1 when it has problems.`;

export const TEMPLATE_HELP = `gep template --out FILE.xlsx|FILE.csv [--profile ID] [--lang zh|en]

Write a fill-in template for a profile (default national-2022): every input that its implemented
indicators need, one row per value with unit and description, and an example taken from the
bundled sample county. Fill in the value column (copy a block of rows for more products or types)
and read it with gep validate or gep run. Default language: zh.`;

/**
 * Read an input file of any format. Returns null after printing when the file cannot be read;
 * throws `GepInputError` with every issue of the file.
 */
export function readInputFile(file: string, io: IoCommandsIo, profile?: Profile, lang: Language = 'en'): ImportedInput | null {
  let data: Uint8Array | string;
  try {
    // Bytes for every format: the importers decode text themselves (UTF-8, else GB18030).
    data = io.readBytes ? io.readBytes(file) : io.readFile(file);
  } catch (e) {
    if (e instanceof GepInputError) throw e; // too large to read (runCli's readsWithinLimit)
    io.stderr(`${cannotRead(file, lang)}${lang === 'zh' ? '：' : ': '}${systemReason(e, lang)}\n`);
    return null;
  }
  return importAccountInput(data, file, inputFormatOf(file), profile ? { profile } : {});
}

/**
 * The text of a JSON file a verb reads besides its input (an application file, a profile, a
 * `--spec`, an `--allocation`, a case): its bytes decoded like every input, UTF-8, else GB18030 (a
 * file saved by Notepad on a Chinese Windows), else a located encoding error.
 */
export function readJsonText(file: string, io: { readFile(path: string): string; readBytes?(path: string): Uint8Array }): string {
  return io.readBytes ? decodeText(io.readBytes(file), file).text : io.readFile(file);
}

/** `gep: cannot read FILE`, in a language (the system's reason follows as the system gives it). */
export function cannotRead(file: string, lang: Language): string {
  return lang === 'zh' ? `gep：无法读取 ${file}` : `gep: cannot read ${file}`;
}

/** Why the system could not read a file: the common causes in Chinese, else the system's own words. */
export function systemReason(e: unknown, lang: Language): string {
  const code = (e as { code?: string }).code;
  if (lang === 'zh') {
    const zh: Record<string, string> = {
      ENOENT: '文件或文件夹不存在',
      EACCES: '没有读取权限',
      EPERM: '没有读取权限',
      EISDIR: '这是一个文件夹，不是文件',
      ENOTDIR: '路径中有一段不是文件夹',
    };
    if (code && zh[code]) return zh[code]!;
  }
  return e instanceof Error ? e.message : String(e);
}

/** Print issues with their locations, in the chosen language (input text made safe for a terminal). */
export function printIssues(issues: readonly GepIssue[], lang: Language, io: IoCommandsIo): void {
  io.stderr(`${lang === 'zh' ? `输入有 ${issues.length} 个问题` : `${issues.length} input issue${issues.length === 1 ? '' : 's'}`}:\n`);
  for (const issue of issues) io.stderr(`  - ${terminalLine(describeIssue(issue, lang))}\n`);
}

/** Print the importer's notes (what was read as what), located, in the chosen language. */
export function printNotes(notes: readonly GepIssue[], lang: Language, io: IoCommandsIo): void {
  for (const note of notes) io.stderr(`${lang === 'zh' ? '说明：' : 'note: '}${terminalLine(describeIssue(note, lang))}\n`);
}

/** The options `gep run` and `gep validate` share. */
export interface AccountValues {
  readonly profile?: string;
  readonly strict?: boolean;
  /** The rounding rule of the account table (`gep run --rounding`); default half-up, 2 places, each cell independently. */
  readonly rounding?: RoundingRule;
}

/** An account read, checked and computed: what `gep run` prints and writes, and `gep validate` counts. */
export interface PreparedAccount {
  readonly file: string;
  readonly imported: ImportedInput;
  readonly result: GepResult<GepDecimal>;
  /** The result's JSON with GEEP and ratios, and the importer's notes as warnings (`input-read-as`). */
  readonly json: AccountReportJson;
  /** The account table with GEEP and ratios, for a terminal. */
  readonly table: string;
  readonly exportOptions: ResultExportOptions & { readonly lang: Language };
}

/**
 * What `gep run` and `gep validate` both do, so that they cannot disagree: check the options
 * (a `--profile` typo is the option's error, not a cell's), read the file, compute the account,
 * GEEP and the ratios, and build the report JSON and table. `then` gets the account; every
 * `GepInputError` on the way is printed, located in the file, and gives exit code 1.
 */
export function withAccount(
  file: string,
  values: AccountValues,
  lang: Language,
  io: IoCommandsIo,
  usage: (m: Text) => never,
  then: (account: PreparedAccount) => number,
): number {
  if (values.profile !== undefined && !isProfileFile(values.profile) && !getProfile(values.profile)) {
    usage({
      en: `--profile: unknown profile "${terminalLine(values.profile)}"; known profiles: ${listProfiles()
        .map((p) => p.id)
        .join(', ')}`,
      zh: `--profile：未知核算方案 "${terminalLine(values.profile)}"；可用方案：${listProfiles()
        .map((p) => p.id)
        .join('、')}`,
    });
  }
  let imported: ImportedInput | null = null;
  let account: PreparedAccount;
  try {
    // A profile file's problems are located in that file (./profile-option.ts).
    const profile = profileOption(values.profile, io, usage);
    imported = readInputFile(file, io, typeof profile === 'object' ? profile : undefined, lang);
    if (!imported) return 1;
    const input = imported.input;
    const result = computeGep(input, { ...(profile ? { profile } : {}), strict: values.strict ?? false });
    const extras = accountExtras(result, input, lang);
    const base = { ...gepResultToJson(result), ...extras.json };
    const notes = imported.notes.map((n) => ({
      code: 'input-read-as',
      path: n.path,
      message: describeIssue(n, 'en'),
      zh: describeIssue(n, 'zh'),
    }));
    const json: AccountReportJson = notes.length ? { ...base, warnings: [...notes, ...base.warnings] } : base;
    const table = `${formatAccountTable(json, lang, values.rounding)}${extras.text}`;
    const exportOptions = {
      lang,
      inputHash: inputHash(input),
      coefficientTableHash: coefficientTableHash(getCoefficientTable(result.coefficientTable)),
    };
    account = { file, imported, result, json, table, exportOptions };
  } catch (e) {
    if (!(e instanceof GepInputError)) throw e;
    printIssues(issuesOf(e, file, imported), lang, io);
    return 1;
  }
  printNotes(account.imported.notes, lang, io);
  return then(account);
}

/** The issues of an error, located in the imported file. */
export function issuesOf(e: GepInputError, file: string, imported: ImportedInput | null): readonly GepIssue[] {
  return (imported ? locateIssues(e, imported, file) : withFile(e, file)).issues;
}

/**
 * `gep validate <file>`: exactly the checks of `gep run` (./withAccount: the same reading,
 * computation, GEEP and ratios), without printing or writing the account.
 */
export function validateCommand(
  positionals: readonly string[],
  values: OptionValues<typeof VALIDATE_OPTIONS>,
  io: IoCommandsIo,
  usage: (m: Text) => never,
): number {
  if (positionals.length !== 1) usage({ en: 'gep validate takes exactly one input file', zh: 'gep validate 只接受一个输入文件' });
  const lang = langOf(values.lang, 'en', usage);
  const file = positionals[0]!;
  return withAccount(file, values, lang, io, usage, ({ result, json }) => {
    const n = result.indicators.length;
    const w = json.warnings.length;
    io.stdout(
      terminalText(
        lang === 'zh'
          ? `${file}：未发现问题（${n} 个指标可核算，${w} 条警示）\n`
          : `${file}: no problems found (${n} indicator${n === 1 ? '' : 's'} accounted, ${w} warning${w === 1 ? '' : 's'})\n`,
      ),
    );
    for (const warning of json.warnings) io.stdout(`  ! ${terminalLine(warningMessageAt(warning, lang))}\n`);
    return 0;
  });
}

function langOf(value: string | undefined, fallback: Language, usage: (m: Text) => never): Language {
  if (value === undefined) return fallback;
  if (value !== 'en' && value !== 'zh')
    usage({ en: `--lang must be one of en, zh, not "${value}"`, zh: `--lang 应为 en 或 zh，而不是 "${value}"` });
  return value as Language;
}

/** `gep template --profile ID --lang zh|en --out FILE`. */
export function templateCommand(
  positionals: readonly string[],
  values: OptionValues<typeof TEMPLATE_OPTIONS>,
  io: IoCommandsIo,
  usage: (m: Text) => never,
): number {
  if (positionals.length)
    usage({
      en: 'gep template takes no arguments; give --out FILE.xlsx or FILE.csv',
      zh: 'gep template 不接受参数；请给出 --out 文件.xlsx 或 文件.csv',
    });
  const lang = langOf(values.lang, 'zh', usage);
  const out = values.out;
  if (!out) usage({ en: 'gep template needs --out FILE.xlsx or FILE.csv', zh: 'gep template 需要 --out 文件.xlsx 或 文件.csv' });
  let profile: string | Profile;
  try {
    profile = profileOption(values.profile, io, usage) ?? DEFAULT_PROFILE_ID;
  } catch (e) {
    if (!(e instanceof GepInputError)) throw e;
    printIssues(withFile(e, values.profile!).issues, lang, io);
    return 1;
  }
  if (typeof profile === 'string' && !getProfile(profile)) {
    usage({
      en: `unknown profile "${profile}"; known profiles: ${listProfiles()
        .map((p) => p.id)
        .join(', ')}`,
      zh: `未知核算方案 "${profile}"；可用方案：${listProfiles()
        .map((p) => p.id)
        .join('、')}`,
    });
  }
  const format = inputFormatOf(out);
  if (format === 'csv') {
    io.writeFile(out, templateCsv(profile, lang));
  } else if (format === 'xlsx') {
    if (!io.writeBytes) usage({ en: 'this environment cannot write binary files', zh: '当前环境无法写入二进制文件' });
    io.writeBytes(out, templateXlsx(profile, lang));
  } else {
    usage({ en: '--out must name a .xlsx or .csv file', zh: '--out 应为 .xlsx 或 .csv 文件' });
  }
  io.stdout(`${lang === 'zh' ? '已写入填报模板' : 'template written to'} ${out}\n`);
  return 0;
}

/** The export formats of `gep run --out DIR --format …`. */
export const EXPORT_FORMATS = ['csv', 'xlsx', 'md', 'html'] as const;

/** Write the exports of a result for `--format csv|xlsx|md|html` into `dir`. */
export function writeExports(format: string, dir: string, json: AccountReportJson, options: ResultExportOptions, io: IoCommandsIo): void {
  if (format === 'csv') {
    for (const [name, text] of Object.entries(resultToCsvFiles(json, options))) io.writeFile(join(dir, name), text);
  } else if (format === 'xlsx') {
    if (!io.writeBytes) throw new Error('[gep] this environment cannot write binary files');
    io.writeBytes(join(dir, 'result.xlsx'), resultToXlsx(json, options));
  } else if (format === 'md') {
    io.writeFile(join(dir, 'report.md'), resultToMarkdown(json, options));
  } else if (format === 'html') {
    io.writeFile(join(dir, 'report.html'), resultToHtml(json, options));
  }
}

export { inputHash, resultToHtml, resultToMarkdown };
