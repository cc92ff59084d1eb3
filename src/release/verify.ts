/**
 * Verifying a release bundle (发布包核验): what a third-party evaluator runs on a published folder.
 *
 *   1. manifest.json is there and well formed, and has the SHA-256 published beside the release
 *      when the caller gives it (the manifest cannot hold its own hash: that hash protects it);
 *   2. every file it lists is there with the SHA-256 and size it records, and no other file is;
 *   3. input/input.json has the recorded input hash, and the original input file, when bundled,
 *      reads to the same input;
 *   4. the recorded coefficient table exists in this library with the recorded content hash, and
 *      the account names the same profile, table and input hash as the manifest;
 *   5. the account is recomputed from input/input.json with the recorded profile, table and strict
 *      mode, and every value of account/result.json is compared with it: numbers by exact decimal
 *      equality (`"1.50"` equals `"1.5"`), everything else as written. Each difference is reported
 *      with its JSON path;
 *   6. the manifest's own figures (GEP, region, years, the to-verify count) equal the recomputation,
 *      and every file derived from the account (report, workbook, README, coefficient files,
 *      to-verify list, method pages) is regenerated from it with the manifest's date, "prepared by"
 *      and language and compared byte for byte, so that a readable file showing another number is
 *      caught even when its hash was updated in the manifest. A file that cannot be regenerated
 *      (the original input file; every derived file of a release made by another library version)
 *      is listed as checked by its hash only.
 *
 * A library version other than the recorded one is noted, not failed: the comparison of the numbers
 * decides. Pure: takes the folder's files as a map of path → bytes. A folder is untrusted: files
 * past the size limits (`ReleaseLimits`) are refused with a located issue before they are hashed or
 * parsed, and a manifest path that would leave the folder (`..`, an absolute path, a backslash) is
 * refused.
 */
import { terminalLine } from '../io/safe-text.js';
import { computeGep, type GepResult } from '../accounts/gep.js';
import { getCoefficientTable, coefficientTables } from '../coefficients/tables.js';
import { GepInputError, makeIssue, messageOf, type GepIssue } from '../errors/errors.js';
import { textEn, textIn, type Text } from '../errors/text.js';
import type { IssueCode, Language } from '../errors/messages.js';
import { GepDecimal } from '../numbers/arithmetic.js';
import { getProfile } from '../profiles/profiles.js';
import { coefficientTableHash, inputHash, sha256Hex } from '../io/hash.js';
import { parseJsonInput } from '../io/json-input.js';
import { importAccountInput } from '../io/read-input.js';
import { LIBRARY_VERSION } from '../version.js';
import {
  assembleRelease,
  RELEASE_FORMAT_VERSION,
  RELEASE_PATHS,
  releaseAccountJson,
  type ManifestEntry,
  type ReleaseManifest,
} from './bundle.js';

/** How much of a folder `verifyRelease` reads (读取上限): far above any release (see DEFAULT_RELEASE_LIMITS). */
export interface ReleaseLimits {
  /** Bytes of manifest.json. Default 1 MiB: the sample county's manifest is about 3 kB. */
  readonly maxManifestBytes: number;
  /** Bytes of any other file. Default 64 MiB (JSON files are held to 32 Mi characters by the JSON reader too). */
  readonly maxFileBytes: number;
  /** Files in the folder. Default 10 000: a release has one per indicator accounted, plus nine. */
  readonly maxFiles: number;
  /** Bytes of all files together. Default 256 MiB. */
  readonly maxTotalBytes: number;
}

/** The default limits of `verifyRelease` and `gep verify-release`. */
export const DEFAULT_RELEASE_LIMITS: ReleaseLimits = Object.freeze({
  maxManifestBytes: 1024 * 1024,
  maxFileBytes: 64 * 1024 * 1024,
  maxFiles: 10_000,
  maxTotalBytes: 256 * 1024 * 1024,
});

/** Options of `verifyRelease`. */
export interface VerifyReleaseOptions {
  readonly limits?: Partial<ReleaseLimits>;
  /** The SHA-256 of manifest.json published beside the release (hex); when given, the manifest must have it. */
  readonly manifestSha256?: string;
}

const tooLarge = (file: string | undefined, found: string, expected: string) =>
  makeIssue('input.too-large', [], { found, expected, ...(file ? { location: { file } } : {}) });

/**
 * The files of a folder that are too large, or too many, to verify: one located issue each, from
 * their sizes alone, so that a caller can refuse a folder before reading it (`gep verify-release`
 * stats every file first).
 *
 * @param sizes - every file of the folder by path (`/`-separated) with its size in bytes
 * @param options - limits (defaults: `DEFAULT_RELEASE_LIMITS`)
 * @returns the issues (`input.too-large`, located by file); none when the folder can be read
 * @example
 * releaseSizeIssues(new Map([['manifest.json', 5e9]])).length   //=> 1
 */
export function releaseSizeIssues(sizes: ReadonlyMap<string, number>, options: VerifyReleaseOptions = {}): GepIssue[] {
  const limits: ReleaseLimits = {
    ...DEFAULT_RELEASE_LIMITS,
    ...Object.fromEntries(Object.entries(options.limits ?? {}).filter(([, v]) => v !== undefined)),
  };
  if (sizes.size > limits.maxFiles)
    return [tooLarge(undefined, `a folder of ${sizes.size} files`, `at most ${limits.maxFiles} files (option limits.maxFiles)`)];
  const issues: GepIssue[] = [];
  let total = 0;
  for (const [path, size] of sizes) {
    total += size;
    const max = path === RELEASE_PATHS.manifest ? limits.maxManifestBytes : limits.maxFileBytes;
    const option = path === RELEASE_PATHS.manifest ? 'maxManifestBytes' : 'maxFileBytes';
    if (size > max) issues.push(tooLarge(path, `${size} bytes`, `${max} bytes (option limits.${option})`));
  }
  if (!issues.length && total > limits.maxTotalBytes)
    issues.push(
      tooLarge(undefined, `${total} bytes in ${sizes.size} files`, `${limits.maxTotalBytes} bytes in all (option limits.maxTotalBytes)`),
    );
  return issues;
}

/**
 * Why a manifest path is not a plain relative path inside the release folder, or null when it is.
 * Verification reads the folder, not the paths the manifest names, but a tool that copies or checks
 * a release by its manifest must not be sent outside it (`../../etc/passwd`, `/etc/passwd`,
 * `C:\x`, `a\..\..\x`).
 */
function pathOutside(path: string): Text | null {
  if (path === '') return { en: 'an empty path', zh: '空路径' };
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return { en: 'an absolute path', zh: '绝对路径' };
  if (path.includes('\\')) return { en: 'a backslash (paths are /-separated)', zh: '反斜杠（路径应以 / 分隔）' };
  if (terminalLine(path) !== path) return { en: 'a control or bidirectional character', zh: '控制字符或双向文本字符' };
  if (path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..'))
    return { en: 'an empty, "." or ".." segment', zh: '空段、"." 或 ".." 段' };
  return null;
}

/** The outcome of `verifyRelease`. */
export interface ReleaseVerification {
  /** True when every check holds. */
  readonly ok: boolean;
  /** The manifest, when it could be read. */
  readonly manifest: ReleaseManifest | null;
  /** Every problem found, each located by file (`location.file`) and JSON path. */
  readonly issues: readonly GepIssue[];
  /** What was checked and anything a reader should know (e.g. another library version), in English and Chinese. */
  readonly notes: readonly { readonly en: string; readonly zh: string }[];
  /** Counts: files whose hash was checked, values of the account compared, files regenerated and found byte-for-byte equal. */
  readonly checked: { readonly files: number; readonly values: number; readonly regenerated: number };
  /** The SHA-256 of manifest.json as read (hex), to compare with the one published beside the release; null when there is none. */
  readonly manifestSha256: string | null;
  /** Files checked by their hash only: the original input file (checked by reading it), or every file when the account could not be regenerated. */
  readonly hashOnly: readonly string[];
}

const decoder = new TextDecoder('utf-8', { fatal: false });
const issue = (
  code: IssueCode,
  file: string | undefined,
  path: readonly (string | number)[],
  details: { expected?: Text; found?: Text } = {},
  row?: number,
) => makeIssue(code, path, { ...details, ...(file ? { location: { file, ...(row !== undefined ? { row } : {}) } } : {}) });

/**
 * Up to 70 characters of a line around column `at`, on one terminal line (the folder is untrusted
 * text); two of them fit in an issue's `found` (200 characters) uncut.
 */
function around(line: string, at: number): string {
  const from = Math.max(0, at - 20);
  const part = line.slice(from, at + 50);
  return terminalLine(`${from > 0 ? '…' : ''}${part}${at + 50 < line.length ? '…' : ''}`);
}

/**
 * Where a released file first differs from its regeneration: the line (1-based) and both texts
 * around the first differing character; for a binary file, the first differing byte.
 */
function firstDifference(path: string, released: Uint8Array, regenerated: Uint8Array): { row?: number; found: Text } {
  if (/\.(xlsx|zip)$/i.test(path)) {
    let at = 0;
    while (at < released.length && at < regenerated.length && released[at] === regenerated[at]) at += 1;
    return {
      found: {
        en: `byte ${at} differs (${released.length} bytes released, ${regenerated.length} regenerated)`,
        zh: `第 ${at} 字节不同（发布包中 ${released.length} 字节，重新生成 ${regenerated.length} 字节）`,
      },
    };
  }
  const a = decoder.decode(released).split('\n');
  const b = decoder.decode(regenerated).split('\n');
  let row = 0;
  while (row < a.length && row < b.length && a[row] === b[row]) row += 1;
  const x = a[row] ?? '';
  const y = b[row] ?? '';
  let col = 0;
  while (col < x.length && col < y.length && x[col] === y[col]) col += 1;
  const [shownX, shownY] = [around(x, col), around(y, col)];
  return {
    row: row + 1,
    found: {
      en: `the release has «${shownX}», the regeneration gives «${shownY}»`,
      zh: `发布包中为「${shownX}」，重新生成为「${shownY}」`,
    },
  };
}

/** The name of the original input file, as its manifest role records it (`the input file as read (name)`). */
function originalName(entry: ManifestEntry): string {
  const m = typeof entry.role === 'string' ? /^the input file as read \((.*)\)$/.exec(entry.role) : null;
  return m ? m[1]! : entry.path;
}

/** The manifest's figures that restate the account: each must equal the recomputation. */
const MANIFEST_FIGURES = ['region', 'accountingYear', 'priceYear', 'gep', 'toVerifyCoefficients', 'arithmetic'] as const;

function readManifest(bytes: Uint8Array, issues: GepIssue[]): ReleaseManifest | null {
  let value: unknown;
  try {
    value = parseJsonInput(decoder.decode(bytes), RELEASE_PATHS.manifest);
  } catch (e) {
    if (!(e instanceof GepInputError)) throw e;
    issues.push(
      issue('release.manifest-invalid', RELEASE_PATHS.manifest, [], {
        expected: 'JSON',
        found: e.issues[0] ? { en: e.issues[0].message, zh: messageOf(e.issues[0], 'zh') } : { en: 'unreadable', zh: '无法读取' },
      }),
    );
    return null;
  }
  const m = value as Record<string, unknown>;
  const bad = (field: string, expected: Text) => {
    const found = JSON.stringify(m?.[field]);
    issues.push(
      issue('release.manifest-invalid', RELEASE_PATHS.manifest, [], {
        expected: { en: `${field}: ${textEn(expected)}`, zh: `${field}：${textIn(expected, 'zh')}` },
        found: found ?? { en: 'nothing', zh: '空值（未填写）' },
      }),
    );
  };
  if (typeof m !== 'object' || m === null || Array.isArray(m)) {
    issues.push(
      issue('release.manifest-invalid', RELEASE_PATHS.manifest, [], { expected: { en: 'an object', zh: '对象' }, found: typeof m }),
    );
    return null;
  }
  const before = issues.length;
  if (m.kind !== 'gep-release') bad('kind', '"gep-release"');
  if (m.formatVersion !== RELEASE_FORMAT_VERSION) bad('formatVersion', String(RELEASE_FORMAT_VERSION));
  for (const f of ['date', 'libraryVersion', 'coefficientTable', 'coefficientTableHash', 'inputHash'])
    if (typeof m[f] !== 'string') bad(f, { en: 'text', zh: '文本' });
  const profile = m.profile as Record<string, unknown> | undefined;
  if (typeof profile !== 'object' || profile === null || typeof profile.id !== 'string') bad('profile', '{ id, version }');
  const region = m.region as Record<string, unknown> | undefined;
  if (typeof region !== 'object' || region === null || typeof region.name !== 'string') bad('region', '{ name, … }');
  for (const f of ['accountingYear', 'priceYear']) if (!Number.isInteger(m[f])) bad(f, { en: 'a year', zh: '年份' });
  // Absent in bundles written before it was recorded.
  if (m.preparedBy !== undefined && m.preparedBy !== null && typeof m.preparedBy !== 'string')
    bad('preparedBy', { en: 'text or null', zh: '文本或 null' });
  if (typeof m.strict !== 'boolean') bad('strict', { en: 'true or false', zh: 'true 或 false' });
  if (m.lang !== undefined && m.lang !== 'en' && m.lang !== 'zh') bad('lang', { en: 'en or zh', zh: 'en 或 zh' });
  // Present only when the release chose a rounding rule other than the default.
  const rounding = m.rounding as Record<string, unknown> | undefined;
  if (
    rounding !== undefined &&
    (typeof rounding !== 'object' ||
      rounding === null ||
      !Number.isInteger(rounding.places) ||
      (rounding.mode !== 'half-up' && rounding.mode !== 'half-even') ||
      (rounding.parts !== undefined && rounding.parts !== 'independent' && rounding.parts !== 'largest-remainder'))
  )
    bad('rounding', '{ places, mode: half-up|half-even, parts?: independent|largest-remainder }');
  const files = m.files;
  const entryOk = (e: unknown): e is ManifestEntry => {
    const x = e as Record<string, unknown>;
    return (
      typeof x === 'object' &&
      x !== null &&
      typeof x.path === 'string' &&
      typeof x.sha256 === 'string' &&
      /^[0-9a-f]{64}$/.test(x.sha256) &&
      typeof x.bytes === 'number'
    );
  };
  if (!Array.isArray(files) || !files.every(entryOk))
    bad('files', { en: 'a list of { path, sha256 (64 hex digits), bytes }', zh: '由 { path, sha256（64 位十六进制）, bytes } 组成的列表' });
  else {
    const seen = new Set<string>();
    files.forEach((e: ManifestEntry, i) => {
      const why =
        pathOutside(e.path) ??
        (e.path === RELEASE_PATHS.manifest
          ? { en: 'manifest.json itself', zh: 'manifest.json 本身' }
          : seen.has(e.path)
            ? { en: 'a path listed twice', zh: '重复列出的路径' }
            : null);
      seen.add(e.path);
      if (why) {
        issues.push(
          issue('release.manifest-invalid', RELEASE_PATHS.manifest, ['files', i, 'path'], {
            expected: {
              en: 'a path inside the release folder, /-separated, listed once',
              zh: '发布包文件夹内、以 / 分隔且只列出一次的路径',
            },
            found: { en: `${JSON.stringify(e.path)} (${textEn(why)})`, zh: `${JSON.stringify(e.path)}（${textIn(why, 'zh')}）` },
          }),
        );
      }
    });
  }
  return issues.length === before ? (m as unknown as ReleaseManifest) : null;
}

/** A plain decimal number (no fraction such as `44/12`, which is compared as written). */
const PLAIN_NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,4})?$/;

/** Compare the recorded account with the recomputed one, leaf by leaf; returns the number of leaves compared. */
function compareJson(
  recorded: unknown,
  recomputed: unknown,
  path: (string | number)[],
  issues: GepIssue[],
  skip: ReadonlySet<string>,
  file: string = RELEASE_PATHS.resultJson,
): number {
  const show = (v: unknown): Text =>
    v === undefined ? { en: '(absent)', zh: '（无）' } : typeof v === 'string' ? v : JSON.stringify(v).slice(0, 120);
  if (Array.isArray(recorded) && Array.isArray(recomputed)) {
    let n = 0;
    if (recorded.length !== recomputed.length)
      issues.push(
        issue('release.value-differs', file, path, {
          expected: { en: `${recorded.length} items`, zh: `${recorded.length} 项` },
          found: { en: `${recomputed.length} items`, zh: `${recomputed.length} 项` },
        }),
      );
    for (let i = 0; i < Math.min(recorded.length, recomputed.length); i++)
      n += compareJson(recorded[i], recomputed[i], [...path, i], issues, skip, file);
    return n;
  }
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObject(recorded) && isObject(recomputed)) {
    let n = 0;
    const keys = new Set([...Object.keys(recorded), ...Object.keys(recomputed)]);
    for (const k of keys) {
      if (path.length === 0 && skip.has(k)) continue;
      if (!(k in recorded) || !(k in recomputed)) {
        issues.push(issue('release.value-differs', file, [...path, k], { expected: show(recorded[k]), found: show(recomputed[k]) }));
        n += 1;
        continue;
      }
      n += compareJson(recorded[k], recomputed[k], [...path, k], issues, skip, file);
    }
    return n;
  }
  if (typeof recorded === 'string' && typeof recomputed === 'string' && PLAIN_NUMBER.test(recorded) && PLAIN_NUMBER.test(recomputed)) {
    if (!new GepDecimal(recorded).equals(new GepDecimal(recomputed)))
      issues.push(issue('release.number-differs', file, path, { expected: recorded, found: recomputed }));
    return 1;
  }
  if (recorded !== recomputed)
    issues.push(issue('release.value-differs', file, path, { expected: show(recorded), found: show(recomputed) }));
  return 1;
}

/**
 * Verify a release bundle (核验发布包): hashes, completeness, input hash, coefficient table, and a
 * recomputation of the account compared number by number.
 *
 * @param files - every file of the folder, by path relative to it (`/`-separated), with its bytes
 * @param options - size limits (`DEFAULT_RELEASE_LIMITS` by default)
 * @returns `ok`, the manifest, every issue located by file and path, notes, and what was checked
 * @example
 * const bundle = buildRelease(input, { date: '2024-06-30' });
 * const files = new Map([...bundle.files.map((f) => [f.path, f.bytes]), ['manifest.json', bundle.manifestBytes]]);
 * verifyRelease(files).ok   //=> true
 */
export function verifyRelease(files: ReadonlyMap<string, Uint8Array>, options: VerifyReleaseOptions = {}): ReleaseVerification {
  const issues: GepIssue[] = [];
  const notes: { en: string; zh: string }[] = [];
  // Nothing is hashed or parsed from a folder past the limits.
  const tooBig = releaseSizeIssues(new Map([...files].map(([path, bytes]) => [path, bytes.length])), options);
  const none = { files: 0, values: 0, regenerated: 0 };
  if (tooBig.length) return { ok: false, manifest: null, issues: tooBig, notes, checked: none, manifestSha256: null, hashOnly: [] };
  const manifestBytes = files.get(RELEASE_PATHS.manifest);
  if (!manifestBytes) {
    return {
      ok: false,
      manifest: null,
      issues: [issue('release.manifest-missing', RELEASE_PATHS.manifest, [])],
      notes,
      checked: none,
      manifestSha256: null,
      hashOnly: [],
    };
  }
  // 1. The manifest: its own hash (what protects the release, published beside it), then its content.
  const manifestSha256 = sha256Hex(manifestBytes);
  if (options.manifestSha256 !== undefined && options.manifestSha256.trim().toLowerCase() !== manifestSha256)
    issues.push(
      issue('release.manifest-hash', RELEASE_PATHS.manifest, [], {
        expected: options.manifestSha256.trim().toLowerCase(),
        found: manifestSha256,
      }),
    );
  const manifest = readManifest(manifestBytes, issues);
  if (!manifest) return { ok: false, manifest: null, issues, notes, checked: none, manifestSha256, hashOnly: [] };

  // 2. Hashes, missing and extra files.
  let checkedFiles = 0;
  const listed = new Set<string>();
  // The files present with the hash the manifest records: those are regenerated and compared below.
  const intact = new Set<string>();
  for (const entry of manifest.files) {
    listed.add(entry.path);
    const bytes = files.get(entry.path);
    if (!bytes) {
      issues.push(issue('release.file-missing', entry.path, []));
      continue;
    }
    checkedFiles += 1;
    const hash = sha256Hex(bytes);
    if (hash === entry.sha256 && bytes.length === entry.bytes) intact.add(entry.path);
    else {
      issues.push(
        issue('release.file-changed', entry.path, [], {
          expected: { en: `${entry.sha256} (${entry.bytes} bytes)`, zh: `${entry.sha256}（${entry.bytes} 字节）` },
          found: { en: `${hash} (${bytes.length} bytes)`, zh: `${hash}（${bytes.length} 字节）` },
        }),
      );
    }
  }
  for (const path of [...files.keys()].sort()) {
    if (path !== RELEASE_PATHS.manifest && !listed.has(path)) issues.push(issue('release.file-extra', path, []));
  }

  // 3. The input and its hash.
  const inputBytes = files.get(RELEASE_PATHS.input);
  let input: unknown = null;
  if (inputBytes) {
    try {
      input = parseJsonInput(decoder.decode(inputBytes), RELEASE_PATHS.input);
      const hash = inputHash(input);
      if (hash !== manifest.inputHash)
        issues.push(issue('release.input-hash', RELEASE_PATHS.input, [], { expected: manifest.inputHash, found: hash }));
    } catch (e) {
      if (!(e instanceof GepInputError)) throw e;
      issues.push(...e.issues);
      input = null;
    }
  }
  for (const entry of manifest.files.filter((f) => f.path.startsWith('input/original.'))) {
    const bytes = files.get(entry.path);
    if (!bytes) continue;
    try {
      const hash = inputHash(importAccountInput(bytes, entry.path).input);
      if (hash !== manifest.inputHash)
        issues.push(issue('release.input-hash', entry.path, [], { expected: manifest.inputHash, found: hash }));
    } catch (e) {
      if (!(e instanceof GepInputError)) throw e;
      issues.push(...e.issues);
    }
  }

  // 4. Table, profile, library version; and the account's own record of them.
  const tableKnown = coefficientTables().has(manifest.coefficientTable);
  if (!tableKnown)
    issues.push(
      issue('release.table-unknown', RELEASE_PATHS.manifest, ['coefficientTable'], {
        expected: LIBRARY_VERSION,
        found: manifest.coefficientTable,
      }),
    );
  else {
    const hash = coefficientTableHash(getCoefficientTable(manifest.coefficientTable));
    if (hash !== manifest.coefficientTableHash)
      issues.push(
        issue('release.table-changed', RELEASE_PATHS.manifest, [manifest.coefficientTable], {
          expected: manifest.coefficientTableHash,
          found: hash,
        }),
      );
  }
  const profile = getProfile(manifest.profile.id);
  if (!profile)
    issues.push(
      issue('release.profile-unknown', RELEASE_PATHS.manifest, ['profile', 'id'], {
        expected: LIBRARY_VERSION,
        found: manifest.profile.id,
      }),
    );
  else if (profile.version !== manifest.profile.version) {
    notes.push({
      en: `profile ${profile.id} is version ${profile.version} in this library; the release used ${manifest.profile.version}`,
      zh: `本库中核算方案 ${profile.id} 为 ${profile.version} 版，发布时为 ${manifest.profile.version} 版`,
    });
  }
  if (manifest.libraryVersion !== LIBRARY_VERSION) {
    notes.push({
      en: `the release was made with gep-accounting ${manifest.libraryVersion}; this is ${LIBRARY_VERSION}: the recomputation below is what ${LIBRARY_VERSION} gives`,
      zh: `发布包由 gep-accounting ${manifest.libraryVersion} 生成，本库为 ${LIBRARY_VERSION}：以下重新核算结果为 ${LIBRARY_VERSION} 的结果`,
    });
  }

  let recorded: Record<string, unknown> | null = null;
  const resultBytes = files.get(RELEASE_PATHS.resultJson);
  if (resultBytes) {
    try {
      recorded = parseJsonInput(decoder.decode(resultBytes), RELEASE_PATHS.resultJson) as Record<string, unknown>;
    } catch (e) {
      if (!(e instanceof GepInputError)) throw e;
      issues.push(...e.issues);
    }
  }
  if (recorded) {
    const same = (path: (string | number)[], expected: string, found: unknown) => {
      if (found !== expected)
        issues.push(
          issue('release.mismatch', RELEASE_PATHS.resultJson, path, {
            expected,
            found: JSON.stringify(found) ?? { en: '(absent)', zh: '（无）' },
          }),
        );
    };
    const exp = (recorded.export ?? {}) as Record<string, unknown>;
    same(['coefficientTable'], manifest.coefficientTable, recorded.coefficientTable);
    same(['profile', 'id'], manifest.profile.id, (recorded.profile as Record<string, unknown> | undefined)?.id);
    same(['export', 'inputHash'], manifest.inputHash, exp.inputHash);
    same(['export', 'coefficientTableHash'], manifest.coefficientTableHash, exp.coefficientTableHash);
  }

  // 5. Recompute and compare.
  let values = 0;
  let result: GepResult<GepDecimal> | null = null;
  if (recorded && input !== null && tableKnown && profile) {
    try {
      result = computeGep(input, { profile: { ...profile, coefficientTable: manifest.coefficientTable }, strict: manifest.strict });
      const recomputed = releaseAccountJson(result, input);
      // The export block holds the hashes, checked above; the library version is noted above.
      values = compareJson(
        recorded,
        recomputed,
        [],
        issues,
        new Set(['export', ...(manifest.libraryVersion !== LIBRARY_VERSION ? ['libraryVersion'] : [])]),
      );
      notes.push({
        en: `recomputed with profile ${manifest.profile.id}, table ${manifest.coefficientTable}, ${manifest.strict ? 'strict' : 'not strict'}; ${values} values of ${RELEASE_PATHS.resultJson} compared`,
        zh: `按核算方案 ${manifest.profile.id}、参数表 ${manifest.coefficientTable}${manifest.strict ? '（严格模式）' : ''}重新核算；比较了 ${RELEASE_PATHS.resultJson} 中的 ${values} 项数值`,
      });
    } catch (e) {
      if (!(e instanceof GepInputError)) throw e;
      issues.push(
        issue('release.recompute-failed', RELEASE_PATHS.input, [], {
          found: { en: e.issues.map((i) => i.message).join('; '), zh: e.issues.map((i) => messageOf(i, 'zh')).join('；') },
        }),
      );
    }
  }
  // 6. The manifest's figures, and every file derived from the account, regenerated from the recomputation.
  const regen = result ? regenerate(manifest, files, intact, input, result, issues, notes) : null;
  const hashOnly = regen?.hashOnly ?? manifest.files.map((f) => f.path).filter((p) => intact.has(p));
  return {
    ok: issues.length === 0,
    manifest,
    issues,
    notes,
    checked: { files: checkedFiles, values, regenerated: regen?.regenerated ?? 0 },
    manifestSha256,
    hashOnly,
  };
}

/**
 * Regenerate the release from the recomputed account with the manifest's date, "prepared by",
 * strict mode and language, then: the manifest's figures that restate the account (GEP, region,
 * years, the to-verify count) must equal the regenerated ones exactly; every file the release
 * derives from the account (report, workbook, README, coefficient files, to-verify list, method
 * pages, input.json) must be byte-for-byte the regenerated one. The bytes are compared only when
 * this library is the version that made the release (another version may lay a page out
 * otherwise); then, and for the original input file, the file is checked by its hash only.
 * account/result.json is compared value by value above. A file whose hash already failed is not
 * compared again.
 */
function regenerate(
  manifest: ReleaseManifest,
  files: ReadonlyMap<string, Uint8Array>,
  intact: ReadonlySet<string>,
  input: unknown,
  result: GepResult<GepDecimal>,
  issues: GepIssue[],
  notes: { en: string; zh: string }[],
): { regenerated: number; hashOnly: string[] } {
  const originalEntry = manifest.files.find((f) => f.path.startsWith('input/original.'));
  const originalBytes = originalEntry ? files.get(originalEntry.path) : undefined;
  const build = (lang: Language) =>
    assembleRelease(input, result, {
      date: manifest.date,
      preparedBy: manifest.preparedBy ?? undefined,
      strict: manifest.strict,
      lang,
      ...(manifest.rounding ? { rounding: manifest.rounding } : {}),
      ...(originalEntry && originalBytes ? { original: { name: originalName(originalEntry), bytes: originalBytes } } : {}),
    });
  // Bundles written before the manifest recorded the language: the one that regenerates more files.
  const candidates = (manifest.lang === 'en' || manifest.lang === 'zh' ? [manifest.lang] : (['en', 'zh'] as const)).map((lang) => {
    const bundle = build(lang);
    const byPath = new Map(bundle.files.map((f) => [f.path, f.bytes] as const));
    const differing = manifest.files.filter((e) => {
      const fresh = byPath.get(e.path);
      const bytes = files.get(e.path);
      return fresh && bytes && intact.has(e.path) && sha256Hex(fresh) !== sha256Hex(bytes);
    }).length;
    return { bundle, byPath, differing };
  });
  const { bundle, byPath } = candidates.reduce((best, c) => (c.differing < best.differing ? c : best));

  const before = issues.length;
  for (const field of MANIFEST_FIGURES)
    compareJson(manifest[field], bundle.manifest[field], [field], issues, new Set(), RELEASE_PATHS.manifest);
  compareJson(manifest.profile.id, bundle.manifest.profile.id, ['profile', 'id'], issues, new Set(), RELEASE_PATHS.manifest);
  if (issues.length === before)
    notes.push({
      en: `the figures of ${RELEASE_PATHS.manifest} (GEP, region, years, to-verify count) equal the recomputation`,
      zh: `${RELEASE_PATHS.manifest} 中的数值（GEP、地区、年份、待核实参数个数）与重新核算结果一致`,
    });

  const sameVersion = manifest.libraryVersion === LIBRARY_VERSION;
  const hashOnly: string[] = [];
  let regenerated = 0;
  for (const entry of manifest.files) {
    if (entry.path === RELEASE_PATHS.resultJson || !intact.has(entry.path)) continue;
    const fresh = byPath.get(entry.path);
    if (!sameVersion || !fresh || entry.path.startsWith('input/original.')) {
      hashOnly.push(entry.path);
      continue;
    }
    const bytes = files.get(entry.path)!;
    if (sha256Hex(bytes) === sha256Hex(fresh)) {
      regenerated += 1;
      continue;
    }
    const { row, found } = firstDifference(entry.path, bytes, fresh);
    issues.push(issue('release.derived-differs', entry.path, [], { found }, row));
  }
  // A file the release would hold that the manifest does not list (a method page removed with its entry).
  if (sameVersion)
    for (const f of bundle.files)
      if (!manifest.files.some((e) => e.path === f.path)) issues.push(issue('release.file-unlisted', f.path, []));
  if (!sameVersion && hashOnly.length)
    notes.push({
      en: `made by another library version: ${hashOnly.length} derived files checked by their hash only, not regenerated`,
      zh: `发布包由其他版本的本库生成：${hashOnly.length} 个派生文件仅核对哈希，未重新生成比较`,
    });
  return { regenerated, hashOnly };
}
