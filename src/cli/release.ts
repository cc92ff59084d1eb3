/**
 * `gep release <input> --out DIR` and `gep verify-release DIR`: publishing an account as a bundle
 * that a third party can check and re-run (src/release/). Files are written through a temporary
 * name and renamed into place, the manifest last, so an interrupted release has no manifest and
 * fails verification instead of looking complete.
 */
import { dirname, join } from 'node:path';
import { describeIssue } from '../errors/errors.js';
import { GepInputError } from '../errors/errors.js';
import type { Language } from '../errors/messages.js';
import { sha256Hex } from '../io/hash.js';
import { buildRelease, isReleaseDate, RELEASE_PATHS, type ReleaseBundle } from '../release/bundle.js';
import { terminalLine } from '../io/safe-text.js';
import { releaseSizeIssues, verifyRelease, type ReleaseVerification } from '../release/verify.js';
import { cannotRead, issuesOf, printIssues, readInputFile, systemReason, type IoCommandsIo } from './io-commands.js';
import type { Text } from '../errors/text.js';
import type { OptionName, OptionValues } from './options.js';
import { reportOptions } from './report-options.js';

/** The part of the CLI's IO the release commands use. */
export interface ReleaseIo extends IoCommandsIo {
  /** Move a file into place (atomic on one file system). */
  rename?(from: string, to: string): void;
  /** Every file under a folder, as paths relative to it with `/`; null when the folder does not exist. */
  listFiles?(dir: string): string[] | null;
  fileSize?(path: string): number;
}

/** The options `gep release` reads (any other is refused: ./options.ts). */
export const RELEASE_OPTIONS = [
  'out',
  'date',
  'prepared-by',
  'profile',
  'strict',
  'lang',
  'rounding',
] as const satisfies readonly OptionName[];
/** The options `gep verify-release` reads. */
export const VERIFY_RELEASE_OPTIONS = ['json', 'lang', 'manifest-sha256'] as const satisfies readonly OptionName[];

export const RELEASE_HELP = `gep release <input.json|csv|xlsx> --out DIR [options]

Publish an account as a release bundle (发布包): one folder with the account (result.json exact,
result.xlsx, report.html), the input as accounted and the file it was read from, the coefficients
used with their status, the to-verify list, the method page of every indicator accounted, a README,
and manifest.json with the library version, profile, coefficient table and its hash, the input
hash, the date, and the SHA-256 of every file. Each file is written under a temporary name and
renamed into place; manifest.json is written last. Publish the SHA-256 of manifest.json (printed at
the end) beside the folder. Check a bundle with gep verify-release DIR.

Options:
  --out DIR         the folder to write; it must not exist or be empty
  --date YYYY-MM-DD release date written into the manifest, and the report date of report.html and
                    result.xlsx (default: today, local time)
  --prepared-by X   who prepared the account (编制单位): in the reports, the README and the manifest
  --profile ID      accounting profile (default: the input's "profile", else national-2022)
  --strict          refuse coefficients whose status is to-verify
  --lang LANG       en (default) or zh, for the HTML report and the workbook headers
  --rounding RULE   how the parts of a total are rounded in the 万元 and 亿元 cells of the report
                    and the workbook (half-up, 2 places): independent (default, each cell on its
                    own) or largest-remainder (the printed parts add up to the printed totals)

Exit codes: 0 written, 1 bad input (every issue is listed), 2 bad usage.`;

export const VERIFY_RELEASE_HELP = `gep verify-release DIR [--manifest-sha256 HEX] [--json] [--lang en|zh]

Check a release bundle: manifest.json is there and well formed; every file it lists is there with
its SHA-256 and size and no file was added; the input has the recorded hash (and the original input
file reads to the same input); the recorded coefficient table exists with the recorded content hash;
then recompute the account from the bundled input with the recorded profile, table and strict mode
and compare every value of account/result.json and every figure of manifest.json (GEP, region,
years, to-verify count) exactly (numbers by decimal value); and regenerate the report, workbook,
README, coefficient files, to-verify list and method pages from the recomputed account, comparing
them byte for byte (a file that cannot be regenerated is listed as checked by hash only). Every
difference is listed with its file and JSON path or line. The SHA-256 of manifest.json is printed:
it must equal the one published beside the release.

Options:
  --manifest-sha256 HEX  the SHA-256 of manifest.json published beside the release; it must match
  --json            print the verification as JSON
  --lang LANG       en (default) or zh

Exit codes: 0 the release holds, 1 a problem was found (or the folder cannot be read), 2 bad usage.`;

function langOf(value: string | undefined, usage: (m: Text) => never): Language {
  if (value === undefined) return 'en';
  if (value !== 'en' && value !== 'zh')
    usage({ en: `--lang must be one of en, zh, not "${value}"`, zh: `--lang 应为 en 或 zh，而不是 "${value}"` });
  return value as Language;
}

/** Today's date in local time, YYYY-MM-DD: the CLI may read the clock, the library does not. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Write a bundle into `dir`: each file to a temporary name, renamed into place; the manifest last. */
export function writeRelease(bundle: ReleaseBundle, dir: string, io: ReleaseIo): void {
  if (!io.rename || !io.writeBytes) throw new Error('[gep] this environment cannot write a release (no rename or binary writes)');
  const put = (path: string, bytes: Uint8Array) => {
    const target = join(dir, ...path.split('/'));
    io.mkdir(dirname(target));
    const temporary = `${target}.partial`;
    io.writeBytes!(temporary, bytes);
    io.rename!(temporary, target);
  };
  for (const f of bundle.files) put(f.path, f.bytes);
  put(RELEASE_PATHS.manifest, bundle.manifestBytes);
}

/** `gep release <input> --out DIR`. */
export function releaseCommand(
  positionals: readonly string[],
  values: OptionValues<typeof RELEASE_OPTIONS>,
  io: ReleaseIo,
  usage: (m: Text) => never,
): number {
  if (positionals.length !== 1) usage({ en: 'gep release takes exactly one input file', zh: 'gep release 只接受一个输入文件' });
  const out = values.out;
  if (!out) usage({ en: 'gep release needs --out DIR', zh: 'gep release 需要 --out 文件夹' });
  const lang = langOf(values.lang, usage);
  const date = values.date ?? today();
  if (!isReleaseDate(date))
    usage({ en: `--date must be a date written YYYY-MM-DD, not "${date}"`, zh: `--date 应为 YYYY-MM-DD 格式的日期，而不是 "${date}"` });
  const { preparedBy, rounding } = reportOptions({ 'prepared-by': values['prepared-by'], rounding: values.rounding }, usage);
  if (!io.listFiles || !io.rename) usage({ en: 'this environment cannot write a release', zh: '当前环境无法写入发布包' });
  const existing = io.listFiles(out);
  if (existing?.length)
    usage({
      en: `${out} is not empty (${existing.length} file${existing.length === 1 ? '' : 's'}); a release is written into a new or empty folder`,
      zh: `${out} 不是空文件夹（有 ${existing.length} 个文件）；发布包只能写入新的或空的文件夹`,
    });
  const file = positionals[0]!;
  let imported = null;
  try {
    imported = readInputFile(file, io, undefined, lang);
    if (!imported) return 1;
    let original: Uint8Array;
    try {
      original = io.readBytes ? io.readBytes(file) : new TextEncoder().encode(io.readFile(file));
    } catch (e) {
      io.stderr(`${cannotRead(file, lang)}${lang === 'zh' ? '：' : ': '}${systemReason(e, lang)}\n`);
      return 1;
    }
    const bundle = buildRelease(imported.input, {
      date,
      ...(preparedBy ? { preparedBy } : {}),
      lang,
      ...(rounding ? { rounding } : {}),
      strict: values.strict ?? false,
      ...(values.profile ? { profile: values.profile } : {}),
      original: { name: file, bytes: original },
    });
    writeRelease(bundle, out, io);
    const m = bundle.manifest;
    io.stdout(
      lang === 'zh'
        ? `发布包已写入 ${out}：${m.files.length + 1} 个文件；GEP ${m.gep.value} ${m.gep.unit}（${m.gep.priceYear} 年价格）；待核实参数 ${m.toVerifyCoefficients} 个\nmanifest.json 的 SHA-256（请随发布包一并公布）：${sha256Hex(bundle.manifestBytes)}\n`
        : `release written to ${out}: ${m.files.length + 1} files; GEP ${m.gep.value} ${m.gep.unit} (${m.gep.priceYear} prices); ${m.toVerifyCoefficients} to-verify coefficient${m.toVerifyCoefficients === 1 ? '' : 's'}\nSHA-256 of manifest.json (publish it beside the folder): ${sha256Hex(bundle.manifestBytes)}\n`,
    );
    return 0;
  } catch (e) {
    if (!(e instanceof GepInputError)) throw e;
    printIssues(issuesOf(e, file, imported), lang, io);
    return 1;
  }
}

/** `gep verify-release DIR`. */
export function verifyReleaseCommand(
  positionals: readonly string[],
  values: OptionValues<typeof VERIFY_RELEASE_OPTIONS>,
  io: ReleaseIo,
  usage: (m: Text) => never,
): number {
  if (positionals.length !== 1) usage({ en: 'gep verify-release takes exactly one folder', zh: 'gep verify-release 只接受一个文件夹' });
  const lang = langOf(values.lang, usage);
  const given = values['manifest-sha256'];
  if (given !== undefined && !/^[0-9a-fA-F]{64}$/.test(given))
    usage({
      en: `--manifest-sha256 must be 64 hexadecimal digits (the SHA-256 published beside the release), not "${terminalLine(given)}"`,
      zh: `--manifest-sha256 应为 64 位十六进制数字（随发布包公布的 SHA-256），而不是 "${terminalLine(given)}"`,
    });
  if (!io.listFiles || !io.readBytes) usage({ en: 'this environment cannot read a folder', zh: '当前环境无法读取文件夹' });
  const dir = positionals[0]!;
  const paths = io.listFiles(dir);
  if (paths === null) {
    io.stderr(lang === 'zh' ? `${cannotRead(dir, lang)}：文件夹不存在\n` : `${cannotRead(dir, lang)}: no such folder\n`);
    return 1;
  }
  // Sizes first: a file past the limits is refused before anything is read into memory.
  const at = (p: string) => join(dir, ...p.split('/'));
  const tooBig = io.fileSize ? releaseSizeIssues(new Map(paths.map((p) => [p, io.fileSize!(at(p))] as const))) : [];
  const v: ReleaseVerification = tooBig.length
    ? {
        ok: false,
        manifest: null,
        issues: tooBig,
        notes: [],
        checked: { files: 0, values: 0, regenerated: 0 },
        manifestSha256: null,
        hashOnly: [],
      }
    : verifyRelease(new Map(paths.map((p) => [p, io.readBytes!(at(p))] as const)), given !== undefined ? { manifestSha256: given } : {});
  if (values.json) {
    io.stdout(`${JSON.stringify(v, null, 2)}\n`);
    return v.ok ? 0 : 1;
  }
  // The manifest is untrusted text: one terminal line per field, control characters shown, not obeyed.
  const m = v.manifest && {
    ...v.manifest,
    region: { ...v.manifest.region, name: terminalLine(v.manifest.region.name) },
    preparedBy: v.manifest.preparedBy ? terminalLine(v.manifest.preparedBy) : null,
    date: terminalLine(v.manifest.date),
    libraryVersion: terminalLine(v.manifest.libraryVersion),
    coefficientTable: terminalLine(v.manifest.coefficientTable),
    profile: { ...v.manifest.profile, id: terminalLine(v.manifest.profile.id) },
  };
  if (m)
    io.stdout(
      lang === 'zh'
        ? `${dir}：${m.region.name} ${m.accountingYear} 年，核算方案 ${m.profile.id}，参数表 ${m.coefficientTable}，发布于 ${m.date}${m.preparedBy ? `，编制单位 ${m.preparedBy}` : ''}（gep-accounting ${m.libraryVersion}）\n`
        : `${dir}: ${m.region.name}, ${m.accountingYear}, profile ${m.profile.id}, table ${m.coefficientTable}, released ${m.date}${m.preparedBy ? `, prepared by ${m.preparedBy}` : ''} (gep-accounting ${m.libraryVersion})\n`,
    );
  for (const note of v.notes) io.stdout(`  · ${note[lang]}\n`);
  if (v.manifestSha256) {
    const match = given !== undefined && given.toLowerCase() === v.manifestSha256;
    io.stdout(
      lang === 'zh'
        ? `manifest.json 的 SHA-256：${v.manifestSha256}（${match ? '与 --manifest-sha256 一致' : given !== undefined ? '与 --manifest-sha256 不一致' : '请与随发布包公布的哈希核对'}）\n`
        : `SHA-256 of manifest.json: ${v.manifestSha256} (${match ? 'matches --manifest-sha256' : given !== undefined ? 'does not match --manifest-sha256' : 'compare it with the one published beside the release'})\n`,
    );
  }
  if (v.hashOnly.length)
    io.stdout(
      lang === 'zh'
        ? `仅核对哈希（未重新生成比较）：${v.hashOnly.map(terminalLine).join('、')}\n`
        : `checked by hash only: ${v.hashOnly.map(terminalLine).join(', ')}\n`,
    );
  if (v.ok) {
    io.stdout(
      lang === 'zh'
        ? `核验通过：${v.checked.files} 个文件哈希一致，根据重新核算结果重新生成的 ${v.checked.regenerated} 个文件逐字节相同，重新核算的 ${v.checked.values} 项数值与发布值完全相同\n`
        : `release holds: ${v.checked.files} file hashes match, ${v.checked.regenerated} files regenerated from the recomputed account match byte for byte, and the ${v.checked.values} values recomputed equal the released ones exactly\n`,
    );
    return 0;
  }
  io.stderr(
    lang === 'zh'
      ? `核验未通过，发现 ${v.issues.length} 个问题：\n`
      : `release does not hold: ${v.issues.length} problem${v.issues.length === 1 ? '' : 's'}:\n`,
  );
  for (const issue of v.issues) io.stderr(`  - ${describeIssue(issue, lang)}\n`);
  return 1;
}
