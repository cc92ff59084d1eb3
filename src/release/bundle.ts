/**
 * The release bundle (核算结果发布包): one folder that publishes an account so that a third party
 * (第三方评估机构) can check that nothing changed and re-run it — the release system and the
 * third-party evaluation that the seed asks for (shared/seed, Shanxi 2022 opinions, clause 八:
 * "建立生态产品价值核算结果发布制度，培育并依托区域性第三方评估机构").
 *
 * The bundle holds the account (JSON exact, XLSX, HTML), the input as accounted (and the file it
 * was read from), the coefficients used with their status, the to-verify list, the method page of
 * every indicator accounted, a README, and `manifest.json`: library version, profile, coefficient
 * table and its content hash, input hash, the release date, and the SHA-256 and size of every other
 * file. `verifyRelease` (./verify.ts) checks all of it and recomputes the account.
 *
 * Pure: the files are returned as bytes; the caller writes them (the CLI writes each through a
 * temporary file and a rename, the manifest last). The date is the caller's: the library never
 * reads the clock. The manifest cannot hold its own hash: publish the SHA-256 of manifest.json
 * beside the release (the CLI prints it).
 */
import { terminalLine } from '../io/safe-text.js';
import { computeGep, type GepResult } from '../accounts/gep.js';
import { gepResultToJson } from '../accounts/serialize.js';
import { geepFromAccount, geepResultToJson } from '../accounts/geep.js';
import { ratiosFromAccount, ratiosToJson } from '../accounts/ratios.js';
import { getCoefficientTable } from '../coefficients/tables.js';
import type { CoefficientUse } from '../coefficients/types.js';
import { GepInputError, makeIssue, type GepWarning } from '../errors/errors.js';
import type { Language } from '../errors/messages.js';
import { textEn, textIn, type Text } from '../errors/text.js';
import type { GepDecimal } from '../numbers/arithmetic.js';
import type { RoundingRule } from '../numbers/rounding.js';
import { coefficientTableHash, inputHash, sha256Hex } from '../io/hash.js';
import { resultTables, resultToJsonText, resultToXlsx, type ResultExportOptions } from '../io/result-export.js';
import { resultToHtml, type AccountReportJson } from '../io/html-report.js';
import { toCsv } from '../io/table-output.js';
import { LIBRARY_VERSION } from '../version.js';
import { methodPage } from './method-pages.js';

/** The version of the bundle layout; `verifyRelease` refuses another. */
export const RELEASE_FORMAT_VERSION = 1;

/** Options of `buildRelease`. */
export interface ReleaseOptions {
  /** Release date `YYYY-MM-DD`, supplied by the caller (the library never reads the clock); also the report date (报告日期) of the HTML report and workbook. */
  readonly date: string;
  /** Who prepared the account (编制单位), e.g. `某县统计局`: printed in the report, workbook and README, recorded in the manifest. */
  readonly preparedBy?: string;
  /** Profile id; default the input's `profile`, else national-2022 (as `computeGep`). */
  readonly profile?: string;
  /** Refuse to-verify coefficients (recorded in the manifest; the verification re-runs with it). */
  readonly strict?: boolean;
  /** Language of the HTML report and XLSX headers; default en. The JSON is language-free. */
  readonly lang?: Language;
  /** Rounding of the 万元/亿元 cells of the HTML report and the workbook (named in both); default half-up, 2 places, each cell independently. */
  readonly rounding?: RoundingRule;
  /** The file the input was read from (CSV, XLSX or JSON), bundled as `input/original.<ext>` unless it is byte-for-byte input.json. */
  readonly original?: { readonly name: string; readonly bytes: Uint8Array };
}

/** One file of a bundle: its path inside the folder (`/`-separated) and its bytes. */
export interface ReleaseFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** One entry of the manifest's file list. */
export interface ManifestEntry {
  readonly path: string;
  /** SHA-256 of the bytes, lower-case hex. */
  readonly sha256: string;
  readonly bytes: number;
  readonly role: string;
}

/** `manifest.json`: what was released, with what, and a hash of every other file. */
export interface ReleaseManifest {
  readonly kind: 'gep-release';
  readonly formatVersion: number;
  /** Release date, as the publisher gave it; the reports carry it as their report date. */
  readonly date: string;
  /** Who prepared the account (编制单位), as the publisher gave it; null when not stated. */
  readonly preparedBy: string | null;
  readonly libraryVersion: string;
  readonly region: AccountReportJson['region'];
  readonly accountingYear: number;
  readonly priceYear: number;
  readonly profile: { readonly id: string; readonly version: string };
  readonly coefficientTable: string;
  /** `coefficientTableHash` of the table used: the content of every row, whatever its files looked like. */
  readonly coefficientTableHash: string;
  /** `inputHash` of the input: canonical JSON, the same from JSON, CSV or XLSX. */
  readonly inputHash: string;
  readonly strict: boolean;
  /** Language of the report, workbook and README (absent in bundles written before it was recorded). */
  readonly lang?: Language;
  /** Rounding of the report's and workbook's 万元/亿元 cells when not the default (each cell on its own, half-up, 2 places). */
  readonly rounding?: RoundingRule;
  readonly arithmetic: 'decimal';
  /** The GEP released, for a reader of the manifest alone. */
  readonly gep: AccountReportJson['totals']['gep'];
  /** How many to-verify coefficients the account used (listed in to-verify.json). */
  readonly toVerifyCoefficients: number;
  readonly files: readonly ManifestEntry[];
}

/** A bundle: every file, the manifest, and the manifest's bytes (write them last). */
export interface ReleaseBundle {
  readonly files: readonly ReleaseFile[];
  readonly manifest: ReleaseManifest;
  readonly manifestBytes: Uint8Array;
}

/** Paths of the bundle's files. */
export const RELEASE_PATHS = {
  manifest: 'manifest.json',
  readme: 'README.md',
  input: 'input/input.json',
  resultJson: 'account/result.json',
  resultXlsx: 'account/result.xlsx',
  reportHtml: 'account/report.html',
  coefficientsJson: 'coefficients/used.json',
  coefficientsCsv: 'coefficients/used.csv',
  toVerify: 'to-verify.json',
  methods: 'methods',
} as const;

const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * The account as released (发布的核算结果): the result as `gep run --format json` shows it, with GEEP
 * and the ratios when the input has their blocks. The verification rebuilds it the same way.
 *
 * @param result - the account (`computeGep`)
 * @param input - its input (for the economy and GEEP blocks)
 * @returns the JSON form: every number a decimal string
 * @example
 * releaseAccountJson(computeGep(input), input).totals.gep   //=> { value: '…', unit: '元', priceYear: 2022 }
 */
export function releaseAccountJson<T>(result: GepResult<T>, input: unknown): AccountReportJson {
  const geep = geepFromAccount(result, input);
  const ratios = ratiosFromAccount(result, input, geep);
  return {
    ...gepResultToJson(result),
    ...(geep ? { geep: geepResultToJson(geep) } : {}),
    ...(ratios ? { ratios: ratiosToJson(ratios) } : {}),
  };
}

/**
 * Whether a release date (发布日期) is a real calendar date written `YYYY-MM-DD`.
 *
 * @param text - the date as given
 * @returns true for e.g. `2024-02-29`, false for `2023-02-29` or `30/06/2024`
 * @example
 * isReleaseDate('2024-06-30')   //=> true
 */
export function isReleaseDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days[mo - 1]!;
}

function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return m ? m[1]!.toLowerCase() : 'bin';
}

function readme(
  manifest: Omit<ReleaseManifest, 'files'>,
  entries: readonly (ManifestEntry & { readonly roleText: Text })[],
  lang: Language,
): string {
  if (lang === 'zh') return readmeZh(manifest, entries);
  const lines = [
    `# GEP release: ${manifest.region.name}, ${manifest.accountingYear} (${manifest.priceYear} prices)`,
    '',
    `生态产品总值核算结果发布包 · released ${manifest.date}${manifest.preparedBy ? ` · prepared by ${manifest.preparedBy}` : ''} · gep-accounting ${manifest.libraryVersion}`,
    '',
    `- Profile 核算方案: ${manifest.profile.id} ${manifest.profile.version}; coefficient table 参数表: ${manifest.coefficientTable} (${manifest.coefficientTableHash})`,
    `- Input hash 输入数据哈希: ${manifest.inputHash}`,
    `- GEP: ${manifest.gep.value} ${manifest.gep.unit} (${manifest.gep.priceYear} prices); exact decimal, unrounded`,
    `- Coefficients with the status to-verify 待核实参数: ${manifest.toVerifyCoefficients} (see to-verify.json)${manifest.strict ? '; strict mode' : ''}`,
    '',
    '## Files 文件',
    '',
    '| file | role | bytes | SHA-256 |',
    '|---|---|---:|---|',
    ...entries.map((e) => `| \`${e.path}\` | ${e.role} | ${e.bytes} | \`${e.sha256}\` |`),
    '',
    'manifest.json lists every file above with its SHA-256 and size; it is written last and cannot',
    'hold its own hash, so the publisher states the SHA-256 of manifest.json beside the release.',
    '',
    '## Checking it 核验',
    '',
    '- With gep-accounting: `gep verify-release <this folder>` checks every hash, looks for files added',
    '  or removed, recomputes the account from input/input.json with the recorded profile and',
    '  coefficient table, compares every number of account/result.json and the figures of manifest.json',
    '  exactly, and regenerates the report, workbook, README and lists to compare them byte for byte.',
    '  Exit 0 when all holds; `--manifest-sha256 <hex>` also checks the published hash of manifest.json.',
    '- Without it: `sha256sum` of each file must equal the manifest; the account is re-run with',
    `  \`gep run input/input.json --profile ${manifest.profile.id} --format json\` (gep-accounting ${manifest.libraryVersion}).`,
    '',
    '核验方法：运行 `gep verify-release <本文件夹>`，逐一核对文件哈希、检查增删文件，并以记录的核算方案与参数表',
    '根据 input/input.json 重新核算，逐项精确比较 account/result.json 与 manifest.json 中的数值，并重新生成报告、',
    '工作簿、说明文件与清单逐字节比较。',
    '',
  ];
  return lines.join('\n');
}

/** The README of a Chinese release: the same content, in Chinese. */
function readmeZh(manifest: Omit<ReleaseManifest, 'files'>, entries: readonly (ManifestEntry & { readonly roleText: Text })[]): string {
  return [
    `# 生态产品总值核算结果发布包：${manifest.region.name} ${manifest.accountingYear} 年（${manifest.priceYear} 年价格）`,
    '',
    `发布日期 ${manifest.date}${manifest.preparedBy ? ` · 编制单位 ${manifest.preparedBy}` : ''} · gep-accounting ${manifest.libraryVersion}`,
    '',
    `- 核算方案：${manifest.profile.id} ${manifest.profile.version}；参数表：${manifest.coefficientTable}（${manifest.coefficientTableHash}）`,
    `- 输入数据哈希：${manifest.inputHash}`,
    `- GEP：${manifest.gep.value} ${manifest.gep.unit}（${manifest.gep.priceYear} 年价格）；精确十进制数，未舍入`,
    `- “待核实”参数：${manifest.toVerifyCoefficients} 个（见 to-verify.json）${manifest.strict ? '；严格模式' : ''}`,
    '',
    '## 文件',
    '',
    '| 文件 | 内容 | 字节数 | SHA-256 |',
    '|---|---|---:|---|',
    ...entries.map((e) => `| \`${e.path}\` | ${textIn(e.roleText, 'zh')} | ${e.bytes} | \`${e.sha256}\` |`),
    '',
    'manifest.json 列出以上每个文件的 SHA-256 和大小；它最后写入，无法包含自身的哈希，',
    '因此发布方应在发布包旁另行公布 manifest.json 的 SHA-256。',
    '',
    '## 核验',
    '',
    '- 使用 gep-accounting：运行 `gep verify-release <本文件夹>`，逐一核对文件哈希，检查增删文件，',
    '  以记录的核算方案与参数表根据 input/input.json 重新核算，逐项精确比较 account/result.json 与 manifest.json 中的数值，',
    '  并重新生成报告、工作簿、说明文件与清单逐字节比较。全部一致时退出码为 0；`--manifest-sha256 <哈希>` 另核对公布的 manifest.json 哈希。',
    '- 不使用本库：每个文件的 `sha256sum` 须与清单一致；可用',
    `  \`gep run input/input.json --profile ${manifest.profile.id} --format json\`（gep-accounting ${manifest.libraryVersion}）重新核算。`,
    '',
  ].join('\n');
}

/**
 * Build a release bundle (发布包) of one account: every file as bytes, and the manifest.
 *
 * @param input - the account input (as `computeGep` takes it)
 * @param options - release date (YYYY-MM-DD, required), profile, strict mode, language, the original input file
 * @returns the files (write them, then `manifestBytes` as manifest.json, last)
 * @throws {GepInputError} when the input or the date is invalid (every issue at once)
 * @example
 * const bundle = buildRelease(input, { date: '2024-06-30' });
 * bundle.manifest.files.map((f) => f.path)  //=> ['README.md', 'input/input.json', 'account/result.json', …]
 */
export function buildRelease(input: unknown, options: ReleaseOptions): ReleaseBundle {
  if (!isReleaseDate(options.date)) {
    throw new GepInputError([
      makeIssue('input.type', ['date'], {
        expected: { en: 'a release date written YYYY-MM-DD', zh: 'YYYY-MM-DD 格式的发布日期' },
        found: JSON.stringify(options.date),
      }),
    ]);
  }
  // One line of text, no control or bidirectional characters (src/io/safe-text.ts): it is printed
  // in the README (Markdown) and the reports' header lists.
  const preparedBy = options.preparedBy?.trim();
  if (preparedBy !== undefined && (preparedBy === '' || terminalLine(preparedBy) !== preparedBy)) {
    throw new GepInputError([
      makeIssue('input.type', ['preparedBy'], {
        expected: { en: 'a name on one line (who prepared the account)', zh: '一行文字的编制单位名称' },
        found: JSON.stringify(options.preparedBy),
      }),
    ]);
  }
  const strict = options.strict ?? false;
  const result: GepResult<GepDecimal> = computeGep(input, { ...(options.profile ? { profile: options.profile } : {}), strict });
  return assembleRelease(input, result, {
    date: options.date,
    ...(preparedBy ? { preparedBy } : {}),
    strict,
    lang: options.lang ?? 'en',
    ...(options.rounding ? { rounding: options.rounding } : {}),
    ...(options.original ? { original: options.original } : {}),
  });
}

/** What `assembleRelease` needs besides the account: the options of `buildRelease`, checked. */
export interface AssembleOptions {
  readonly date: string;
  readonly preparedBy?: string | undefined;
  readonly strict: boolean;
  readonly lang: Language;
  readonly rounding?: RoundingRule | undefined;
  readonly original?: { readonly name: string; readonly bytes: Uint8Array } | undefined;
}

/**
 * The files and manifest of a release of an account already computed: what `buildRelease` writes
 * and what `verifyRelease` regenerates from its recomputation to compare byte for byte. Options are
 * taken as given (`buildRelease` checks them).
 *
 * @param input - the account input
 * @param result - its account (decimal path)
 * @param options - date, who prepared it, strict mode, language, the original input file
 * @returns the bundle
 * @example
 * assembleRelease(input, computeGep(input), { date: '2024-06-30', strict: false, lang: 'en' }).manifest.gep.value
 */
export function assembleRelease(input: unknown, result: GepResult<GepDecimal>, options: AssembleOptions): ReleaseBundle {
  const { preparedBy, strict } = options;
  const json = releaseAccountJson(result, input);
  const table = getCoefficientTable(result.coefficientTable);
  const exportOptions: ResultExportOptions = {
    lang: options.lang,
    inputHash: inputHash(input),
    coefficientTableHash: coefficientTableHash(table),
    date: options.date,
    ...(preparedBy ? { preparedBy } : {}),
    ...(options.rounding ? { rounding: options.rounding } : {}),
  };

  const toVerify: CoefficientUse[] = result.coefficientsUsed.filter((c) => c.status === 'to-verify');
  const toVerifyWarnings: GepWarning[] = result.warnings.filter(
    (w) => w.code === 'coefficient-to-verify' || w.code === 'profile-to-verify',
  );
  const inputBytes = utf8(`${JSON.stringify(input, null, 2)}\n`);
  // The file as read is kept when it differs from input.json (a CSV, a workbook, JSON laid out otherwise).
  const original = options.original && sha256Hex(options.original.bytes) !== sha256Hex(inputBytes) ? options.original : undefined;
  // Each file's role in English (the manifest) and Chinese (the README of a Chinese release).
  const files: (ReleaseFile & { role: Text })[] = [
    {
      path: RELEASE_PATHS.input,
      role: { en: 'the input as accounted (canonical source of the input hash)', zh: '核算所用的输入（输入数据哈希据此计算）' },
      bytes: inputBytes,
    },
    ...(original
      ? [
          {
            path: `input/original.${extensionOf(original.name)}`,
            role: {
              en: `the input file as read (${original.name.split(/[\\/]/).pop()})`,
              zh: `读入的原始输入文件（${original.name.split(/[\\/]/).pop()}）`,
            },
            bytes: original.bytes,
          },
        ]
      : []),
    {
      path: RELEASE_PATHS.resultJson,
      role: { en: 'the account: every number exact, with its trace', zh: '核算结果：每个数值均为精确值，附计算过程' },
      bytes: utf8(resultToJsonText(json, exportOptions)),
    },
    {
      path: RELEASE_PATHS.resultXlsx,
      role: { en: 'the account as a workbook (rounding stated inside)', zh: '核算结果工作簿（内注舍入规则）' },
      bytes: resultToXlsx(json, exportOptions),
    },
    {
      path: RELEASE_PATHS.reportHtml,
      role: { en: 'the account as a report page', zh: '核算报告网页' },
      bytes: utf8(resultToHtml(json, exportOptions)),
    },
    {
      path: RELEASE_PATHS.coefficientsJson,
      role: { en: 'coefficients used, with source, price year and status', zh: '所用参数，附来源、价格年份和状态' },
      bytes: utf8(
        `${JSON.stringify({ coefficientTable: result.coefficientTable, coefficientTableHash: exportOptions.coefficientTableHash, coefficientsUsed: result.coefficientsUsed }, null, 2)}\n`,
      ),
    },
    {
      path: RELEASE_PATHS.coefficientsCsv,
      role: { en: 'coefficients used (CSV)', zh: '所用参数（CSV）' },
      bytes: utf8(toCsv(resultTables(json, exportOptions).coefficients)),
    },
    {
      path: RELEASE_PATHS.toVerify,
      role: {
        en: 'the to-verify list: coefficients and profile parts not yet checked against their source',
        zh: '待核实清单：尚未与来源核对的参数和核算方案内容',
      },
      bytes: utf8(
        `${JSON.stringify({ profileIndicatorList: result.profile.indicatorListStatus, coefficients: toVerify, warnings: toVerifyWarnings }, null, 2)}\n`,
      ),
    },
    ...result.indicators.map((i) => ({
      path: `${RELEASE_PATHS.methods}/${i.id}.md`,
      role: { en: `method page of ${i.id}`, zh: `${i.zh}（${i.id}）方法说明` },
      bytes: utf8(methodPage(i.id)),
    })),
  ];
  const head = {
    kind: 'gep-release' as const,
    formatVersion: RELEASE_FORMAT_VERSION,
    date: options.date,
    preparedBy: preparedBy ?? null,
    libraryVersion: LIBRARY_VERSION,
    region: json.region,
    accountingYear: json.accountingYear,
    priceYear: json.priceYear,
    profile: { id: result.profile.id, version: result.profile.version },
    coefficientTable: result.coefficientTable,
    coefficientTableHash: exportOptions.coefficientTableHash!,
    inputHash: exportOptions.inputHash!,
    strict,
    lang: options.lang,
    ...(options.rounding ? { rounding: options.rounding } : {}),
    arithmetic: 'decimal' as const,
    gep: json.totals.gep,
    toVerifyCoefficients: toVerify.length,
  };
  const entry = (f: ReleaseFile & { role: Text }): ManifestEntry => ({
    path: f.path,
    sha256: sha256Hex(f.bytes),
    bytes: f.bytes.length,
    role: textEn(f.role),
  });
  const readmeFile = {
    path: RELEASE_PATHS.readme,
    role: { en: 'what the bundle holds and how to check it', zh: '发布包内容与核验方法' },
    bytes: utf8(
      readme(
        head,
        files.map((f) => ({ ...entry(f), roleText: f.role })),
        options.lang,
      ),
    ),
  };
  const all = [readmeFile, ...files];
  const manifest: ReleaseManifest = { ...head, files: all.map(entry) };
  return {
    files: all.map(({ path, bytes }) => ({ path, bytes })),
    manifest,
    manifestBytes: utf8(`${JSON.stringify(manifest, null, 2)}\n`),
  };
}
