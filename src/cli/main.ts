/**
 * The `gep` command. `runCli` takes its arguments and an IO object and returns the exit code:
 * 0 success, 1 bad input (the issues are printed), 2 bad usage. No `process` in here, so tests
 * run it in-process.
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { GepInputError, describeIssue } from '../errors/errors.js';
import type { Language } from '../errors/messages.js';
import { textEn, textIn, type Text } from '../errors/text.js';
import { statusText } from '../io/display-text.js';
import { catalogue, ecosystemTypes } from '../indicators/catalogue.js';
import { INDICATORS } from '../indicators/registry.js';
import { parseJsonInput, withFile } from '../io/json-input.js';
import { displayWidth } from '../io/text-table.js';
import { terminalLine } from '../io/safe-text.js';
import { getProfile, listProfiles, type Profile } from '../profiles/profiles.js';
import { localIndicatorsOf } from '../indicators/local/attach.js';
import { profileOption } from './profile-option.js';
import { coefficientTables, getCoefficientTable } from '../coefficients/tables.js';
import type { CoefficientTable } from '../coefficients/types.js';
import { coefficientsDiff, type DiffSide } from './coefficients-diff.js';
import { reportOptions } from './report-options.js';
import { reproduceCase } from '../reproduce/reproduce.js';
import { reproductionMemo } from '../io/reproduction-report.js';
import { reproductionToHtml } from '../io/reproduction-html.js';
import { LIBRARY_VERSION } from '../version.js';
import { COMPARE_HELP, COMPARE_OPTIONS, compareCommand } from './compare.js';
import { BATCH_HELP, BATCH_OPTIONS, batchCommand, batchCommandSync, type BatchIo } from './batch.js';
import {
  RELEASE_HELP,
  RELEASE_OPTIONS,
  releaseCommand,
  VERIFY_RELEASE_HELP,
  VERIFY_RELEASE_OPTIONS,
  verifyReleaseCommand,
} from './release.js';
import { SEEA_HELP, SEEA_OPTIONS, seeaCommand } from './seea.js';
import {
  SENSITIVITY_HELP,
  SENSITIVITY_OPTIONS,
  sensitivityCommand,
  UNCERTAINTY_HELP,
  UNCERTAINTY_OPTIONS,
  uncertaintyCommand,
} from './uncertainty.js';
import {
  cannotRead,
  EXPORT_FORMATS,
  readJsonText,
  resultToHtml,
  resultToMarkdown,
  TEMPLATE_HELP,
  TEMPLATE_OPTIONS,
  templateCommand,
  VALIDATE_HELP,
  VALIDATE_OPTIONS,
  validateCommand,
  withAccount,
  writeExports,
} from './io-commands.js';
import { resultToJsonText } from '../io/result-export.js';
import { APPLICATION_HELP, APPLICATION_OPTIONS, APPLICATION_VERBS, applicationCommand } from './applications.js';
import { checkSize, DEFAULT_READ_LIMITS } from '../io/limits.js';
import { OPTIONS, unreadOption, type OptionName, type OptionValues, type VerbOptions } from './options.js';

/** What the CLI may touch. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
  mkdir(path: string): void;
  /** Entries of a folder, or null when the path is not one (gep batch). */
  readDir?(path: string): string[] | null;
  /** Bytes of a file, for .xlsx inputs (gep batch). */
  readBytes?(path: string): Uint8Array;
  /** Write bytes (XLSX exports and templates). */
  writeBytes?(path: string, bytes: Uint8Array): void;
  /** True when stderr is a terminal (progress bars). */
  readonly isTTY?: boolean;
  /** Move a file or folder into place, replacing a file (gep release writes each file through a temporary name; gep batch moves a finished run into place). */
  rename?(from: string, to: string): void;
  /** Every file under a folder, relative paths with `/`; null when it does not exist (gep release, verify-release). */
  listFiles?(dir: string): string[] | null;
  /** Size of a file in bytes, without reading it (gep verify-release refuses files past its limits before reading them). */
  fileSize?(path: string): number;
  /** Remove a file or folder with its contents; nothing when absent (gep batch). */
  remove?(path: string): void;
}

const USAGE = `gep ${LIBRARY_VERSION} — GEP (生态产品总值) accounting

Usage:
  gep run <input.json|csv|xlsx> [--profile ID|FILE.json] [--format table|json|csv|xlsx|md|html] [--out DIR] [--lang en|zh] [--strict]
          [--date YYYY-MM-DD] [--prepared-by TEXT] [--rounding independent|largest-remainder]
  gep validate <input.json|csv|xlsx> [--profile ID|FILE.json] [--lang en|zh] [--strict]
  gep template --out FILE.xlsx|csv [--profile ID|FILE.json] [--lang zh|en]
  gep indicators [--profile ID|FILE.json] [--json] [--lang en|zh]
  gep ecosystem-types [--json] [--lang en|zh]
  gep profiles [--json] [--lang en|zh]
  gep compare <a.json|csv|xlsx> <b.json|csv|xlsx> [--base-year Y] [--format table|json|html] [--price-index ID] [--decline-threshold PCT]
  gep reproduce <case.json> [--format md|json|html] [--lang en|zh] [--out FILE] [--require-rows]
  gep batch <file|dir> --out DIR [--quiet] [--profile ID] [--strict] [--float] [--workers N] [--lang en|zh]
  gep uncertainty <input> [--spec FILE] [--draws N] [--seed N] [--quantiles LIST] [--format table|json|html]
  gep sensitivity <input> [--spec FILE] [--top N] [--samples N] [--seed N] [--format table|json|html]
  gep coefficients <profile> [--json] | gep coefficients diff <profile|table> <profile|table> [--json] [--lang en|zh]
  gep release <input.json|csv|xlsx> --out DIR [--date YYYY-MM-DD] [--prepared-by TEXT] [--profile ID] [--strict] [--lang en|zh]
              [--rounding independent|largest-remainder]
  gep verify-release DIR [--json] [--lang en|zh]
  gep seea <input.json|csv|xlsx> [--format table|json|html|csv|xlsx] [--out DIR] [--opening FILE] [--asset-life N --discount-rate PCT] [--allocation FILE]
  gep area|project|compensation|eco-compensation|audit|finance <file.json> [--format table|json|md|html] [--lang en|zh] [--out FILE]
  gep scorecard <a.json> <b.json> [--format table|json|md|html] [--lang en|zh] [--out FILE]
  gep --help | gep <command> --help | gep --version

Exit codes: 0 success, 1 bad input (every issue is listed), 2 bad usage.`;

export const COMMAND_HELP: Record<string, string> = {
  run: `gep run <input.json|csv|xlsx> [options]

Compute the GEP account of one region and year and print it. The input may be JSON (canonical),
CSV (UTF-8 or GB18030) or XLSX in the layout of gep template.

Options:
  --profile ID      accounting profile (default: the input's "profile", else national-2022), or a
                    profile file (FILE.json) with local indicators defined as data
                    (docs/local-indicators.md)
  --format FORMAT   table (default: a readable table), json (the full result with trace and the
                    input and coefficient-table hashes), md (a Markdown report), html (one
                    self-contained page with charts, tables and the trace), or, with --out, csv or xlsx
  --out DIR         write result.json and account.txt into DIR, and with --format csv
                    summary/indicators/trace/coefficients/warnings.csv, xlsx result.xlsx, md report.md,
                    html report.html; the terminal then shows the files written, not the report
  --lang LANG       en (default) or zh, for headers and messages
  --strict          refuse coefficients whose status is to-verify
  --date DATE       the report's date (YYYY-MM-DD), printed in the md, html, csv and xlsx reports;
                    the library never reads the clock, so without it the date is "not stated"
  --prepared-by X   who prepared the report (编制单位), printed beside the date
  --rounding RULE   how the parts of a total are rounded in the 万元 and 亿元 columns of the table
                    and of the md, html, csv and xlsx reports (half-up, 2 places): independent
                    (default: each cell on its own, as published tables print, so printed parts may
                    differ from the printed total in the last place) or largest-remainder (lines add
                    up to their indicator, indicators to their category, categories to GEP); the
                    footer names the rule. Not with --format json (nothing rounded)

With an "economy" block (GDP and its basis, population) the ratios follow the account; with a
"geep" block (PDC and EcDC by component) GEEP = GDP − PDC − EcDC + ERS is printed too.`,
  indicators: `gep indicators [--profile ID|FILE.json] [--json] [--lang en|zh]

List the indicator catalogue (生态产品清单) and which indicators are implemented; with --profile,
the profile's local indicators (defined as data in a profile file) too, marked L. --lang zh prints
the Chinese names only.`,
  'ecosystem-types': `gep ecosystem-types [--json] [--lang en|zh]

List the ecosystem types (生态系统类型) an input may name: id, Chinese and English names, level
(1: forest, grassland …; 2: the classes of a level-1 type, indented under it) and parent. An input
or template may give a type by its id, its Chinese name or its English name. --lang zh prints the
Chinese names only.`,
  reproduce: `gep reproduce <case.json> [--format md|json|html] [--lang en|zh] [--out FILE] [--require-rows]

Validate the case (every problem at once, located in the file), recompute every row that has an
input through the library's indicators, compare with the printed values (half a unit of the last
printed digit, or wider where the quantity fed in is printed coarser), check the printed totals
and shares, and print an evaluator's memo with the trace of each recomputed row. The verdict:
holds (rows recomputed independently agree and nothing fails; exit 0), identities only (no row
recomputed independently; exit 0, or 1 with --require-rows), fails or nothing checked (exit 1).
Inconsistencies the case documents are flagged, not failed, while they occur as documented.

Options:
  --format FORMAT   md (default: the memo in Markdown), json (the reproduction), or html (one
                    self-contained page with charts); --json is --format json
  --lang LANG       en (default) or zh, for the memo and the HTML page
  --out FILE        also write the memo (or the HTML page with --format html) to FILE
  --require-rows    exit 1 unless some row was recomputed independently and agrees`,
  coefficients: `gep coefficients <profile> [--json] [--lang en|zh]
gep coefficients diff <a> <b> [--json] [--lang en|zh]

List the coefficients of a profile's table (value, unit, price year, source, status), or what
differs between two profiles or two table versions (id/version). Two profiles: their settings
(price index, outside-region rule, pinned table, indicator-list status), the indicators enabled,
the method variant and membership of each, the adjustment layer (调节系数), the rows of the tables
they pin, and their notes. Two tables: the rows added, removed or changed. --json gives the same
as data.`,
  compare: COMPARE_HELP,
  validate: VALIDATE_HELP,
  template: TEMPLATE_HELP,
  batch: BATCH_HELP,
  release: RELEASE_HELP,
  'verify-release': VERIFY_RELEASE_HELP,
  seea: SEEA_HELP,
  ...APPLICATION_HELP,
  uncertainty: UNCERTAINTY_HELP,
  sensitivity: SENSITIVITY_HELP,
  profiles: `gep profiles [--json] [--lang en|zh]

List the accounting profiles (核算方案) and their coefficient tables.`,
};

/** What each verb reads (./options.ts): any other option is a usage error naming it and the verb. */
const REPORT_FORMATS = ['md', 'html', 'csv', 'xlsx'] as const;
const RUN_OPTIONS = [
  'profile',
  'format',
  'out',
  'lang',
  'strict',
  'date',
  'prepared-by',
  'rounding',
] as const satisfies readonly OptionName[];
const REPRODUCE_OPTIONS = ['format', 'json', 'lang', 'out', 'require-rows'] as const satisfies readonly OptionName[];
const LISTING_OPTIONS = ['json', 'lang'] as const satisfies readonly OptionName[];
const INDICATORS_OPTIONS = ['profile', 'json', 'lang'] as const satisfies readonly OptionName[];
const ECOSYSTEM_TYPES_OPTIONS = ['json', 'lang'] as const satisfies readonly OptionName[];

/** The options of every verb; `COMMAND_HELP` has the same keys (a test holds each help text to its list). */
export const VERB_OPTIONS: Readonly<Record<string, VerbOptions>> = {
  // The date and author are printed by the md, html, csv and xlsx reports only; rounded cells by those and the table.
  run: {
    reads: RUN_OPTIONS,
    onlyWithFormat: {
      default: 'table',
      options: { date: REPORT_FORMATS, 'prepared-by': REPORT_FORMATS, rounding: ['table', ...REPORT_FORMATS] },
    },
  },
  validate: { reads: VALIDATE_OPTIONS },
  template: { reads: TEMPLATE_OPTIONS },
  indicators: { reads: INDICATORS_OPTIONS },
  'ecosystem-types': { reads: ECOSYSTEM_TYPES_OPTIONS },
  profiles: { reads: LISTING_OPTIONS },
  coefficients: { reads: LISTING_OPTIONS },
  compare: { reads: COMPARE_OPTIONS, onlyWithFormat: { default: 'table', options: { date: ['html'], 'prepared-by': ['html'] } } },
  reproduce: { reads: REPRODUCE_OPTIONS },
  batch: { reads: BATCH_OPTIONS },
  release: { reads: RELEASE_OPTIONS },
  'verify-release': { reads: VERIFY_RELEASE_OPTIONS },
  seea: { reads: SEEA_OPTIONS },
  uncertainty: { reads: UNCERTAINTY_OPTIONS },
  sensitivity: { reads: SENSITIVITY_OPTIONS },
  ...Object.fromEntries(APPLICATION_VERBS.map((v) => [v, APPLICATION_OPTIONS])),
};

/** Refuse an option the verb does not read (usage error naming both). */
function checkVerbOptions(command: string, values: Readonly<Record<string, unknown>>): void {
  const declared = VERB_OPTIONS[command];
  if (!declared) throw new Error(`[gep] the verb ${command} declares no options`);
  const refused = unreadOption(command, declared, values);
  if (refused) fail(refused);
}

/** Bad usage, with its message in English and Chinese. */
class UsageError extends Error {
  constructor(readonly text: Text) {
    super(textEn(text));
  }
}

const fail = (m: Text): never => {
  throw new UsageError(m);
};

/** The language asked for on the command line (`--lang zh` or `--lang=zh`), read before the arguments are parsed, for usage errors. */
function requestedLanguage(argv: readonly string[]): Language {
  const i = argv.indexOf('--lang');
  return (i >= 0 && argv[i + 1] === 'zh') || argv.includes('--lang=zh') ? 'zh' : 'en';
}

/** An error of node's argument parser, in both languages (its code says which). */
function parseErrorText(e: unknown): Text {
  const en = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: string }).code;
  const option = /'(-[^' ]+)/.exec(en)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return { en, zh: `未知选项 ${option}` };
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return { en, zh: `选项 ${option} 的取值有误（缺少取值，或该选项不带取值）` };
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return { en, zh: `多余的参数：${en.replace(/^Unexpected argument '([^']*)'.*$/s, '$1')}` };
  return en;
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(parseErrorText(e));
  }
}

function oneOf<V extends string>(name: string, value: string | undefined, allowed: readonly V[], fallback: V): V {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError({
      en: `--${name} must be one of ${allowed.join(', ')}, not "${value}"`,
      zh: `--${name} 应为 ${allowed.join('、')} 之一，而不是 "${value}"`,
    });
  }
  return value as V;
}

/** Print a usage error: in English with the usage; in Chinese with where the usage is (the help text is English). */
function printUsageError(e: UsageError, lang: Language, io: CliIo): void {
  io.stderr(lang === 'zh' ? `gep：${textIn(e.text, 'zh')}\n（用法见 gep --help）\n` : `gep: ${e.message}\n\n${USAGE}\n`);
}

function run(positionals: string[], values: OptionValues<typeof RUN_OPTIONS>, io: CliIo): number {
  if (positionals.length !== 1) fail({ en: 'gep run takes exactly one input file', zh: 'gep run 只接受一个输入文件' });
  const report = reportOptions(values, fail);
  const file = positionals[0]!;
  const format = oneOf('format', values.format, ['table', 'json', ...EXPORT_FORMATS] as const, 'table');
  const lang = oneOf('lang', values.lang, ['en', 'zh'] as const, 'en');
  if ((format === 'csv' || format === 'xlsx') && !values.out)
    fail({ en: `--format ${format} writes files: give --out DIR`, zh: `--format ${format} 输出文件：请给出 --out 文件夹` });
  // Reading, checking and computing are shared with gep validate (./io-commands.ts withAccount).
  return withAccount(file, { profile: values.profile, strict: values.strict, rounding: report.rounding }, lang, io, usage, (account) => {
    const { json, table } = account;
    const exportOptions = { ...account.exportOptions, ...report };
    const jsonText = resultToJsonText(json, exportOptions);
    if (!values.out) {
      io.stdout(
        format === 'json'
          ? jsonText
          : format === 'md'
            ? resultToMarkdown(json, exportOptions)
            : format === 'html'
              ? resultToHtml(json, exportOptions)
              : `${table}\n`,
      );
      return 0;
    }
    // With --out the reports go to files only; the terminal lists them.
    const written: string[] = [];
    const files = {
      ...io,
      writeFile: (path: string, text: string) => {
        written.push(path);
        io.writeFile(path, text);
      },
      writeBytes:
        io.writeBytes &&
        ((path: string, bytes: Uint8Array) => {
          written.push(path);
          io.writeBytes!(path, bytes);
        }),
    };
    io.mkdir(values.out);
    files.writeFile(join(values.out, 'result.json'), jsonText);
    files.writeFile(join(values.out, 'account.txt'), `${table}\n`);
    writeExports(format, values.out, json, exportOptions, files);
    io.stdout(`${lang === 'zh' ? '已写入' : 'written'}: ${written.join(', ')}\n`);
    return 0;
  });
}

function reproduce(positionals: string[], values: OptionValues<typeof REPRODUCE_OPTIONS>, io: CliIo): number {
  if (positionals.length !== 1) fail({ en: 'gep reproduce takes exactly one case file', zh: 'gep reproduce 只接受一个案例文件' });
  const file = positionals[0]!;
  const format = oneOf('format', values.format, ['md', 'json', 'html'] as const, values.json ? 'json' : 'md');
  const lang = oneOf('lang', values.lang, ['en', 'zh'] as const, 'en');
  try {
    // Bytes, decoded like every input: UTF-8, else GB18030 (a case typed on a Chinese Windows machine).
    const reproduction = reproduceCase(parseJsonInput(readJsonText(file, io), file));
    const memo = format === 'html' ? reproductionToHtml(reproduction, { lang }) : reproductionMemo(reproduction, { lang });
    io.stdout(format === 'json' ? `${JSON.stringify(reproduction, null, 2)}\n` : memo);
    if (values.out) io.writeFile(values.out, memo);
    return reproduction.verdict === 'holds' || (reproduction.verdict === 'identities-only' && !values['require-rows']) ? 0 : 1;
  } catch (e) {
    if (e instanceof GepInputError) {
      io.stderr(
        lang === 'zh'
          ? `${file}：案例文件有 ${e.issues.length} 个问题：\n`
          : `${file}: ${e.issues.length} problem${e.issues.length === 1 ? '' : 's'} in the case file:\n`,
      );
      for (const issue of withFile(e, file).issues) io.stderr(`  - ${terminalLine(describeIssue(issue, lang))}\n`);
      return 1;
    }
    if (e instanceof Error && 'code' in e && (e as { code?: string }).code === 'ENOENT') {
      io.stderr(`${cannotRead(file, lang)}\n`);
      return 1;
    }
    throw e;
  }
}

function sideOf(name: string): DiffSide {
  const profile = getProfile(name);
  if (profile) return { kind: 'profile', profile };
  if (coefficientTables().has(name)) return { kind: 'table', table: getCoefficientTable(name) };
  return fail({
    en: `"${name}" is neither a profile (${listProfiles()
      .map((p) => p.id)
      .join(', ')}) nor a table (${[...coefficientTables().keys()].join(', ')})`,
    zh: `"${name}" 既不是核算方案（${listProfiles()
      .map((p) => p.id)
      .join('、')}），也不是参数表（${[...coefficientTables().keys()].join('、')}）`,
  });
}

function tableOf(name: string): CoefficientTable {
  const side = sideOf(name);
  return side.kind === 'table' ? side.table : getCoefficientTable(side.profile.coefficientTable);
}

function coefficients(positionals: string[], values: OptionValues<typeof LISTING_OPTIONS>, io: CliIo): number {
  if (positionals[0] === 'diff') {
    if (positionals.length !== 3)
      fail({ en: 'gep coefficients diff takes two profiles or tables', zh: 'gep coefficients diff 需要两个核算方案或参数表' });
    io.stdout(coefficientsDiff(sideOf(positionals[1]!), sideOf(positionals[2]!), values.json ?? false, listingLanguage(values)));
    return 0;
  }
  if (positionals.length !== 1)
    fail({ en: 'gep coefficients takes one profile or table', zh: 'gep coefficients 需要一个核算方案或参数表' });
  const table = tableOf(positionals[0]!);
  if (values.json) {
    io.stdout(`${JSON.stringify(table, null, 2)}\n`);
    return 0;
  }
  const lang = listingLanguage(values);
  io.stdout(`${table.key} — ${table.title[lang]}\n`);
  for (const r of table.rows) {
    io.stdout(
      `${r.status === 'to-verify' ? '?' : ' '} ${r.id.padEnd(48)} ${`${r.value} ${r.unit}`.padEnd(22)} ${String(r.priceYear ?? '').padEnd(4)}  ${r.source.padEnd(18)} ${lang === 'zh' ? statusText(r.status, lang) : r.status}\n`,
    );
  }
  return 0;
}

function indicators(values: OptionValues<typeof INDICATORS_OPTIONS>, io: CliIo): number {
  let profile: string | Profile | undefined;
  try {
    profile = profileOption(values.profile, io, usage);
  } catch (e) {
    if (!(e instanceof GepInputError)) throw e;
    return printProfileIssues(e, values.profile!, io);
  }
  if (typeof profile === 'string' && !getProfile(profile))
    usage(
      `unknown profile "${profile}"; known profiles: ${listProfiles()
        .map((p) => p.id)
        .join(', ')}`,
    );
  const local = typeof profile === 'object' ? localIndicatorsOf(profile) : undefined;
  const rows = [
    ...[...catalogue().values()].map((e) => ({ ...e, implemented: INDICATORS.has(e.id), local: false })),
    ...[...(local?.modules.values() ?? [])].map((m) => ({
      id: m.spec.id,
      category: m.spec.category,
      zh: m.spec.zh,
      en: m.spec.en,
      physicalUnit: m.spec.physicalUnit,
      valueUnit: m.spec.valueUnit,
      clauses: m.spec.clauses,
      implemented: true,
      local: true,
    })),
  ];
  if (values.json) {
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const lang = listingLanguage(values);
  for (const r of rows)
    io.stdout(
      // A local indicator's id and names come from the profile's file.
      `${r.local ? 'L' : r.implemented ? '✓' : ' '} ${terminalLine(r.id).padEnd(34)} ${terminalLine(r.physicalUnit).padEnd(9)} ${terminalLine(lang === 'zh' ? r.zh : `${r.zh} ${r.en}`)}\n`,
    );
  return 0;
}

/** `gep ecosystem-types`: the types of ecosystem-types.json, level-2 types under their parent. */
function ecosystemTypeList(values: OptionValues<typeof ECOSYSTEM_TYPES_OPTIONS>, io: CliIo): number {
  const types = [...ecosystemTypes().values()];
  const rows = types.map((t) => ({ id: t.id, zh: t.zh, en: t.en, level: t.parent === null ? 1 : 2, parent: t.parent }));
  if (values.json) {
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const lang = listingLanguage(values);
  const ordered = rows.filter((r) => r.level === 1).flatMap((r) => [r, ...rows.filter((c) => c.parent === r.id)]);
  const idWidth = Math.max(...ordered.map((r) => r.id.length + (r.level - 1) * 2));
  const zhWidth = Math.max(...ordered.map((r) => displayWidth(r.zh)));
  for (const r of ordered) {
    const id = `${'  '.repeat(r.level - 1)}${r.id}`;
    // In Chinese, the Chinese name only (as gep indicators --lang zh): ids stay, as in every zh output.
    const names = lang === 'zh' ? r.zh : `${r.zh}${' '.repeat(zhWidth - displayWidth(r.zh))}  ${r.en}`;
    io.stdout(`${id.padEnd(idWidth)}  ${r.level}  ${names}\n`);
  }
  return 0;
}

const usage = fail;

/** Print the issues of a profile file (located in it) and return the exit code of bad input. */
function printProfileIssues(e: GepInputError, file: string, io: CliIo): number {
  const issues = withFile(e, file).issues;
  io.stderr(`${issues.length} input issue${issues.length === 1 ? '' : 's'}:\n`);
  for (const issue of issues) io.stderr(`  - ${terminalLine(describeIssue(issue))}\n`);
  return 1;
}

function profiles(values: OptionValues<typeof LISTING_OPTIONS>, io: CliIo): number {
  const list = listProfiles();
  if (values.json) {
    io.stdout(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const lang = listingLanguage(values);
  for (const p of list) {
    io.stdout(
      lang === 'zh'
        ? `${p.id} ${p.version}  参数表 ${p.coefficientTable}  ${p.indicators.length} 个指标  ${p.title.zh}\n`
        : `${p.id} ${p.version}  table ${p.coefficientTable}  ${p.indicators.length} indicators  ${p.title.zh}\n`,
    );
  }
  return 0;
}

/** The language of a listing (`gep indicators --lang zh`): en unless zh is asked for. */
function listingLanguage(values: { readonly lang?: string | undefined }): Language {
  return oneOf('lang', values.lang, ['en', 'zh'] as const, 'en');
}

/**
 * The IO with every read refused, before it happens, when the file is past the readers' size limit
 * (limits.maxBytes, 32 MiB): the importers check the size too, but only once the file is in memory
 * (a 1.5 GB input took 1.7 GB to refuse). The refusal is a `GepInputError` located at the file.
 * Without `fileSize` (an IO that cannot stat) the reads are as given.
 */
function readsWithinLimit(io: CliIo): CliIo {
  const size = io.fileSize?.bind(io);
  if (!size) return io;
  const check = (path: string) => checkSize(size(path), DEFAULT_READ_LIMITS, path);
  const readBytes = io.readBytes?.bind(io);
  return {
    ...io,
    readFile: (path) => {
      check(path);
      return io.readFile(path);
    },
    ...(readBytes
      ? {
          readBytes: (path: string) => {
            check(path);
            return readBytes(path);
          },
        }
      : {}),
  };
}

/** Run the CLI with `argv` (without node and script) and return the exit code. */
export function runCli(argv: readonly string[], given: CliIo): number {
  try {
    const { values, positionals } = parse(argv);
    const [command, ...rest] = positionals;
    // gep verify-release reads a folder under its own limits (src/release/verify.ts), sizes first.
    const io = command === 'verify-release' ? given : readsWithinLimit(given);
    if (values.version) {
      io.stdout(`${LIBRARY_VERSION}\n`);
      return 0;
    }
    if (command === undefined) {
      io[values.help ? 'stdout' : 'stderr'](`${USAGE}\n`);
      return values.help ? 0 : 2;
    }
    if (!(command in COMMAND_HELP)) fail({ en: `unknown command "${command}"`, zh: `未知命令 "${command}"` });
    if (values.help) {
      io.stdout(`${COMMAND_HELP[command]}\n`);
      return 0;
    }
    checkVerbOptions(command, values);
    if (command === 'run') return run(rest, values, io);
    if (command === 'reproduce') return reproduce(rest, values, io);
    if (command === 'validate') return validateCommand(rest, values, io, fail);
    if (command === 'template') return templateCommand(rest, values, io, fail);
    if (command === 'compare') return compareCommand(rest, values, io, fail);
    if (command === 'coefficients') return coefficients(rest, values, io);
    if (command === 'release') return releaseCommand(rest, values, io, fail);
    if (command === 'verify-release') return verifyReleaseCommand(rest, values, io, fail);
    if (command === 'seea') return seeaCommand(rest, values, io, fail);
    if (command === 'batch') return batchCommandSync(rest, values, io as BatchIo, fail);
    if (APPLICATION_VERBS.includes(command)) return applicationCommand(command, rest, values, io, fail);
    if (command === 'uncertainty') return uncertaintyCommand(rest, values, io, fail);
    if (command === 'sensitivity') return sensitivityCommand(rest, values, io, fail);
    if (rest.length) fail({ en: `gep ${command} takes no arguments`, zh: `gep ${command} 不接受参数` });
    if (command === 'ecosystem-types') return ecosystemTypeList(values, io);
    return command === 'indicators' ? indicators(values, io) : profiles(values, io);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    printUsageError(e, requestedLanguage(argv), given);
    return 2;
  }
}

/**
 * Run the CLI as the `gep` executable does: like `runCli`, but `gep batch` spreads a large batch
 * over worker threads.
 */
export async function runCliAsync(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parse> | null = null;
  try {
    parsed = parse(argv);
  } catch {
    // runCli reports the usage error
  }
  const [command, ...rest] = parsed?.positionals ?? [];
  if (!parsed || command !== 'batch' || parsed.values.help || parsed.values.version) return runCli(argv, io);
  try {
    checkVerbOptions(command, parsed.values);
    return await batchCommand(rest, parsed.values, readsWithinLimit(io) as BatchIo, fail);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    printUsageError(e, requestedLanguage(argv), io);
    return 2;
  }
}
