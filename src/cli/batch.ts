/**
 * `gep batch <file|dir> --out DIR`: the accounts of many units. Input: a JSON file holding a list of
 * account inputs (or `{ "units": [...] }`), or a folder of input files (.json, .csv, .xlsx, one unit
 * each, or JSON lists), read one file at a time. Writes one result per unit as it is made (memory
 * stays flat: only summaries are kept), a summary table, the issues of the units that failed and
 * the hierarchy additivity check; a unit that fails does not stop the others.
 *
 * A run is written into a staging folder inside DIR and moved into place only when it is complete,
 * `report.json` last: a run killed midway leaves the previous run's outputs as they were (plus an
 * `.gep-batch-incomplete-…` folder), never new unit files under an old report (issue 13).
 */
import { join } from 'node:path';
import { streamGepBatch, type BatchItem, type BatchReport, type BatchUnit } from '../accounts/batch.js';
import { GepInputError, describeIssue, makeIssue, type GepIssue } from '../errors/errors.js';
import type { Text } from '../errors/text.js';
import type { Language } from '../errors/messages.js';
import { levelText } from '../io/display-text.js';
import { importAccountInput, inputFormatOf } from '../io/read-input.js';
import { decodeText } from '../io/csv-input.js';
import { neutraliseFormula } from '../io/normalise.js';
import { terminalLine } from '../io/safe-text.js';
import { parseJsonInput } from '../io/json-input.js';
import { arithmeticByName } from '../numbers/arithmetic.js';
import { plannedWorkers, streamGepBatchThreads } from '../node/batch.js';

export const BATCH_HELP = `gep batch <file|dir> --out DIR [options]

Compute the GEP account of many units: a JSON file with a list of inputs (or {"units": [...]}),
or a folder of input files (.json, .csv, .xlsx). A unit that fails is reported and the others go
on. Large batches run on worker threads, one per core.

Writes into DIR:
  units/<id>.json   the full result of each unit (as gep run --format json)
  summary.csv       one row per unit: status, totals (元), warnings, issues
  errors.txt        every issue of the units that failed, with file and field
  report.json       counts, failures and the county → city → province additivity check

Options:
  --out DIR         output folder (required)
  --profile ID      accounting profile (default: each input's "profile", else national-2022)
  --strict          refuse coefficients whose status is to-verify
  --float           float64 arithmetic (screening) instead of exact decimals
  --workers N       worker threads (default: auto, only for large batches; 0 = none)
  --quiet           no progress bar (there is none when stderr is not a terminal)
  --lang LANG       en (default) or zh, for the summary and errors.txt

Exit codes: 0 every unit accounted, 1 some unit failed (see errors.txt), 2 bad usage.`;

/** What the batch command needs from the CLI's IO, beyond reading and writing text. */
export interface BatchIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
  mkdir(path: string): void;
  /** Entries of a folder, or null when `path` is not a folder. */
  readDir?(path: string): string[] | null;
  /** Bytes of a file (JSON and CSV are decoded like gep run's: UTF-8, else GB18030; .xlsx needs them). */
  readBytes?(path: string): Uint8Array;
  /** Write bytes: each unit's result is then written as made, without its text being encoded again. */
  writeBytes?(path: string, bytes: Uint8Array): void;
  /** True when stderr is a terminal: the progress bar is drawn only then. */
  readonly isTTY?: boolean;
  /** Rename a file or folder (replacing a file); with `remove`, makes a run's outputs appear at once. */
  rename?(from: string, to: string): void;
  /** Remove a file or a folder with its contents; nothing when it does not exist. */
  remove?(path: string): void;
}

export const BATCH_OPTIONS = ['out', 'profile', 'strict', 'float', 'workers', 'quiet', 'lang'] as const; // the options gep batch reads (src/cli/options.ts)

export interface BatchValues {
  readonly out?: string | undefined;
  readonly quiet?: boolean | undefined;
  readonly profile?: string | undefined;
  readonly strict?: boolean | undefined;
  readonly float?: boolean | undefined;
  readonly workers?: string | undefined;
  readonly lang?: string | undefined;
}

/** Where the units come from: read one file at a time while the batch runs. */
interface Prepared {
  readonly units: () => Iterable<BatchUnit>;
  /** Files that could not be read or parsed (filled while reading): failed units before any computation. */
  readonly unreadable: { file: string; issues: GepIssue[]; error?: string }[];
  readonly out: string;
  /** Units expected (the list's length, or the number of files), for progress. */
  readonly total: number;
  /** A JSON list read at once (for worker threads, which need the units up front). */
  readonly list: BatchUnit[] | null;
}

const INPUT_FILE = /\.(json|csv|txt|xlsx)$/i;

function readUnits(file: string, io: BatchIo, unreadable: Prepared['unreadable']): BatchUnit[] {
  try {
    const format = inputFormatOf(file);
    // Bytes, decoded as gep run decodes them (UTF-8, else GB18030): read as UTF-8 text, a file
    // saved by Excel or Notepad on a Chinese Windows had its names garbled.
    const data = io.readBytes ? io.readBytes(file) : format === 'xlsx' ? undefined : io.readFile(file);
    if (data === undefined)
      throw new GepInputError([
        makeIssue('input.type', [], {
          expected: { en: 'a readable workbook', zh: '可读取的工作簿' },
          found: { en: 'no byte reader', zh: '当前环境无法读取二进制文件' },
          location: { file },
        }),
      ]);
    if (format === 'json') {
      const json = parseJsonInput(typeof data === 'string' ? data : decodeText(data, file).text, file);
      const list = Array.isArray(json)
        ? json
        : typeof json === 'object' && json !== null && Array.isArray((json as { units?: unknown }).units)
          ? (json as { units: unknown[] }).units
          : null;
      return list ? list.map((input, i) => ({ file: `${file}#${i + 1}`, input })) : [{ file, input: json }];
    }
    return [{ file, input: importAccountInput(data, file, format).input }];
  } catch (e) {
    if (e instanceof GepInputError)
      unreadable.push({ file, issues: e.issues.map((i) => ({ ...i, location: { ...i.location, file: i.location?.file ?? file } })) });
    else unreadable.push({ file, issues: [], error: e instanceof Error ? e.message : String(e) });
    return [];
  }
}

/** Read the batch's units (lazily for a folder); throws a usage message for a bad command line. */
function prepare(rest: readonly string[], values: BatchValues, io: BatchIo, usage: (message: Text) => never): Prepared {
  if (rest.length !== 1) usage({ en: 'gep batch takes exactly one input file or folder', zh: 'gep batch 只接受一个输入文件或文件夹' });
  if (!values.out) usage({ en: 'gep batch needs --out DIR', zh: 'gep batch 需要 --out 文件夹' });
  const path = rest[0]!;
  const unreadable: Prepared['unreadable'] = [];
  const entries = io.readDir?.(path) ?? null;
  if (entries) {
    const files = entries.filter((f) => INPUT_FILE.test(f)).sort();
    if (!files.length) usage({ en: `${path} holds no .json, .csv or .xlsx input`, zh: `${path} 中没有 .json、.csv 或 .xlsx 输入文件` });
    return {
      units: function* () {
        for (const f of files) yield* readUnits(join(path, f), io, unreadable);
      },
      unreadable,
      out: values.out!,
      total: files.length,
      list: null,
    };
  }
  const list = readUnits(path, io, unreadable);
  return { units: () => list, unreadable, out: values.out!, total: list.length, list };
}

/** A progress bar on stderr, drawn only on a terminal and not with --quiet. */
function progress(io: BatchIo, quiet: boolean): ((done: number, total: number) => void) | undefined {
  if (quiet || !io.isTTY) return undefined;
  let shown = -1;
  return (done, planned) => {
    const total = Math.max(planned, done);
    const pct = Math.floor((100 * done) / Math.max(total, 1));
    if (pct === shown && done !== total) return;
    shown = pct;
    const width = 30;
    const filled = Math.round((width * done) / Math.max(total, 1));
    io.stderr(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${String(pct).padStart(3)} %${done === total ? '\n' : ''}`,
    );
  };
}

/**
 * A cell of summary.csv. A unit's id, file and name come from the input: text a spreadsheet would
 * run as a formula (`=`, `＝`, `+`, `-`, `@` …) is neutralised as in every CSV export
 * (`neutraliseFormula`), and a cell with a quote, comma or line break is quoted.
 */
const csvCell = (v: string | number | null | undefined) => {
  const s = v === null || v === undefined ? '' : typeof v === 'string' ? neutraliseFormula(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function safeName(id: string, taken: Set<string>): string {
  const base = id.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 80) || 'unit';
  let name = base;
  for (let k = 2; taken.has(name); k++) name = `${base}-${k}`;
  taken.add(name);
  return name;
}

const STAGING_PREFIX = '.gep-batch-incomplete-';

/**
 * The outputs of a run. Unit files go into a staging folder as they are made; `commit` moves the
 * run into place at its end, `report.json` last (written under a temporary name, then renamed).
 * Without `rename`/`remove` in the IO (embedded uses), files are written in place: a folder that
 * holds a previous run is refused (its files could be neither replaced nor removed, and would
 * stand beside this run's), and `report.json` says `complete: false` until it is written last.
 */
class Outputs {
  private readonly staging: string | null;
  private readonly taken = new Set<string>();
  readonly names = new Map<number, string>();

  constructor(
    private readonly io: BatchIo,
    private readonly out: string,
    usage: (message: Text) => never,
  ) {
    const inPlace = !(io.rename && io.remove);
    if (inPlace && io.readDir) {
      const held = [...(io.readDir(out) ?? []).filter((e) => e !== 'units'), ...(io.readDir(join(out, 'units')) ?? [])];
      if (held.length)
        usage({
          en: `${out} holds a previous run, which this environment can neither replace nor remove (no rename): give an empty --out folder`,
          zh: `${out} 中已有上一次运行的结果，当前环境无法替换或删除（不支持重命名）：请指定一个空的 --out 文件夹`,
        });
    }
    io.mkdir(out);
    this.staging = inPlace ? null : join(out, `${STAGING_PREFIX}${Date.now()}-${Math.random().toString(36).slice(2, 8)}`);
    // In place, until this run's report is written last, the folder's report says no run is complete.
    if (inPlace) io.writeFile(join(out, 'report.json'), `${JSON.stringify({ complete: false }, null, 2)}\n`);
    io.mkdir(join(this.staging ?? out, 'units'));
  }

  /** Write one unit's result (its JSON file's bytes, or its JSON text) as soon as it is made. */
  unit(item: BatchItem<unknown>): void {
    if (!item.ok) return;
    const name = safeName(item.id, this.taken);
    this.names.set(item.index, name);
    const path = join(this.staging ?? this.out, 'units', `${name}.json`);
    if (item.result instanceof Uint8Array && this.io.writeBytes) this.io.writeBytes(path, item.result);
    else this.io.writeFile(path, `${item.result as string}\n`);
  }

  /** Write the tables, then move the run into place; `report` is written last. */
  commit(files: Record<string, string>, report: string): void {
    const { io, out, staging } = this;
    if (!staging) {
      for (const [name, text] of Object.entries(files)) io.writeFile(join(out, name), text);
      io.writeFile(join(out, 'report.json'), report);
      return;
    }
    for (const [name, text] of Object.entries(files)) io.writeFile(join(staging, name), text);
    // From here the old run is being replaced: first take away its mark of completion.
    io.remove!(join(out, 'report.json'));
    io.remove!(join(staging, 'previous-units'));
    if (io.readDir?.(join(out, 'units'))) io.rename!(join(out, 'units'), join(staging, 'previous-units'));
    io.rename!(join(staging, 'units'), join(out, 'units'));
    for (const name of Object.keys(files)) io.rename!(join(staging, name), join(out, name));
    io.writeFile(join(staging, 'report.json'), report);
    io.rename!(join(staging, 'report.json'), join(out, 'report.json'));
    // The previous run's units, and staging folders left by killed runs.
    for (const entry of io.readDir?.(out) ?? []) if (entry.startsWith(STAGING_PREFIX)) io.remove!(join(out, entry));
  }
}

/** Write the tables and the report, print the summary and return the exit code. */
function finish(prepared: Prepared, report: BatchReport<null>, outputs: Outputs, io: BatchIo, lang: Language): number {
  const { out } = prepared;
  const failures: { id: string; file?: string; issues: readonly GepIssue[]; error?: string }[] = [];
  const rows = ['index,id,file,name,code,level,accountingYear,priceYear,status,gep,material,regulating,cultural,warnings,issues'];
  for (const item of report.items) {
    if (item.ok) {
      const s = item.summary;
      rows.push(
        [
          item.index + 1,
          item.id,
          item.file,
          s.name,
          s.code,
          s.level,
          s.accountingYear,
          s.priceYear,
          'ok',
          s.totals.gep,
          s.totals.material,
          s.totals.regulating,
          s.totals.cultural,
          s.warnings,
          0,
        ]
          .map(csvCell)
          .join(','),
      );
    } else {
      failures.push({
        id: item.id,
        ...(item.file ? { file: item.file } : {}),
        issues: item.issues,
        ...(item.error ? { error: item.error } : {}),
      });
      rows.push(
        [item.index + 1, item.id, item.file, '', '', '', '', '', 'failed', '', '', '', '', '', item.issues.length || 1]
          .map(csvCell)
          .join(','),
      );
    }
  }
  for (const u of prepared.unreadable) {
    failures.push({ id: u.file, file: u.file, issues: u.issues, ...(u.error ? { error: u.error } : {}) });
    rows.push(['', u.file, u.file, '', '', '', '', '', 'unreadable', '', '', '', '', '', u.issues.length || 1].map(csvCell).join(','));
  }
  // errors.txt is read in a terminal: each line made safe there (it quotes ids, file names and input text).
  const errors = failures.map((f) =>
    [
      `${terminalLine(f.id)}${f.file && f.file !== f.id ? ` (${terminalLine(f.file)})` : ''}:`,
      ...f.issues.map((i) => `  - ${terminalLine(describeIssue(i, lang))}`),
      ...(f.error ? [`  - ${terminalLine(f.error)}`] : []),
    ].join('\n'),
  );
  const differing = report.hierarchy.checks.filter((c) => !c.holds);
  const failed = report.failed + prepared.unreadable.length;
  outputs.commit(
    {
      'summary.csv': `${rows.join('\n')}\n`,
      'errors.txt': errors.length ? `${errors.join('\n')}\n` : lang === 'zh' ? '没有失败的单元\n' : 'no unit failed\n',
    },
    `${JSON.stringify(
      {
        complete: true,
        units: report.items.length + prepared.unreadable.length,
        succeeded: report.succeeded,
        failed,
        failures,
        hierarchy: report.hierarchy,
      },
      null,
      2,
    )}\n`,
  );
  const units = report.items.length + prepared.unreadable.length;
  const checks = report.hierarchy.checks.length;
  const withoutCode = report.hierarchy.withoutCode.length;
  if (lang === 'zh') {
    io.stdout(`${units} 个单元：${report.succeeded} 个核算完成，${failed} 个失败\n`);
    io.stdout(
      `层级核对：核对 ${checks} 个上级单元，其中 ${differing.length} 个与下级之和不符${withoutCode ? `；${withoutCode} 个单元没有行政区划代码` : ''}\n`,
    );
    for (const c of differing.slice(0, 10))
      io.stdout(
        `  ${c.parent.code}（${c.accountingYear} 年）：GEP ${c.totals.gep.parent}，${c.children.length} 个${levelText(c.childLevel, 'zh')}下级之和 ${c.totals.gep.children}（差 ${c.totals.gep.difference} 元）\n`,
      );
    if (failed) io.stderr(`${failed} 个单元失败；详见 ${join(out, 'errors.txt')}\n`);
    io.stdout(`已写入 ${out}：units/、summary.csv、errors.txt、report.json\n`);
    return failed ? 1 : 0;
  }
  io.stdout(`${units} units: ${report.succeeded} accounted, ${failed} failed\n`);
  io.stdout(
    `hierarchy: ${checks} parent${checks === 1 ? '' : 's'} checked, ${differing.length} differ from the sum of their children${withoutCode ? `; ${withoutCode} units without a code` : ''}\n`,
  );
  for (const c of differing.slice(0, 10))
    io.stdout(
      `  ${c.parent.code} (${c.accountingYear}): GEP ${c.totals.gep.parent} vs Σ ${c.children.length} ${c.childLevel} units ${c.totals.gep.children} (difference ${c.totals.gep.difference} 元)\n`,
    );
  if (failed) io.stderr(`${failed} unit${failed === 1 ? '' : 's'} failed; see ${join(out, 'errors.txt')}\n`);
  io.stdout(`written to ${out}: units/, summary.csv, errors.txt, report.json\n`);
  return failed ? 1 : 0;
}

function langOf(value: string | undefined, usage: (message: Text) => never): Language {
  if (value === undefined) return 'en';
  if (value !== 'en' && value !== 'zh')
    usage({ en: `--lang must be one of en, zh, not "${value}"`, zh: `--lang 应为 en 或 zh，而不是 "${value}"` });
  return value as Language;
}

function workersOption(values: BatchValues, usage: (message: Text) => never): number | 'auto' {
  if (values.workers === undefined || values.workers === 'auto') return 'auto';
  const n = Number(values.workers);
  if (!Number.isInteger(n) || n < 0)
    usage({
      en: `--workers must be a whole number or auto, not "${values.workers}"`,
      zh: `--workers 应为整数或 auto，而不是 "${values.workers}"`,
    });
  return n;
}

/** Results as the bytes of their files when the IO writes bytes (making the JSON text and encoding it took 2.8× as long: docs/benchmarks.md), else as text. */
function resultForm(io: BatchIo): 'bytes' | 'json' {
  return io.writeBytes ? 'bytes' : 'json';
}

function gepOptions(values: BatchValues) {
  return { ...(values.profile ? { profile: values.profile } : {}), strict: values.strict ?? false };
}

/** `gep batch`, in the calling thread (for `runCli`, which is synchronous). */
export function batchCommandSync(rest: readonly string[], values: BatchValues, io: BatchIo, usage: (message: Text) => never): number {
  const prepared = prepare(rest, values, io, usage);
  workersOption(values, usage);
  const outputs = new Outputs(io, prepared.out, usage);
  const onProgress = progress(io, values.quiet ?? false);
  const report = streamGepBatch(
    prepared.units(),
    {
      ...gepOptions(values),
      arithmetic: arithmeticByName(values.float ? 'float64' : 'decimal'),
      form: resultForm(io),
      total: prepared.total,
      ...(onProgress ? { onProgress } : {}),
    },
    (item) => outputs.unit(item),
  );
  return finish(prepared, report, outputs, io, langOf(values.lang, usage));
}

/** `gep batch`, on worker threads when the batch is large enough (for the `gep` executable). */
export async function batchCommand(
  rest: readonly string[],
  values: BatchValues,
  io: BatchIo,
  usage: (message: Text) => never,
): Promise<number> {
  const prepared = prepare(rest, values, io, usage);
  const workers = workersOption(values, usage);
  // Threads need the units up front: a JSON list is read at once anyway; a folder is read first only when threads will run.
  const threads = plannedWorkers(prepared.total, { workers });
  if (threads === 0 && !prepared.list) return batchCommandSync(rest, values, io, usage);
  const units = prepared.list ?? [...prepared.units()];
  const outputs = new Outputs(io, prepared.out, usage);
  const onProgress = progress(io, values.quiet ?? false);
  const lang = langOf(values.lang, usage);
  if (onProgress && threads > 0) io.stderr(lang === 'zh' ? `${threads} 个工作线程\n` : `${threads} worker threads\n`);
  const report = await streamGepBatchThreads(
    units,
    {
      ...gepOptions(values),
      arithmetic: values.float ? 'float64' : 'decimal',
      workers,
      form: resultForm(io),
      ...(onProgress ? { onProgress } : {}),
    },
    (item) => outputs.unit(item),
  );
  return finish(prepared, report, outputs, io, lang);
}
