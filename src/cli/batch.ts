/**
 * `gep batch <file|dir> --out DIR`: the accounts of many units. Input: a JSON file holding a list of
 * account inputs (or `{ "units": [...] }`), or a folder of input files (.json, .csv, .xlsx, one unit
 * each, or JSON lists). Writes one result per unit, a summary table, the issues of the units that
 * failed and the hierarchy additivity check; a unit that fails does not stop the others.
 */
import { join } from 'node:path';
import { computeBatchItem, reportOf, type BatchItem, type BatchReport, type BatchUnit } from '../accounts/batch.js';
import { gepResultToJson, type GepResultJson } from '../accounts/serialize.js';
import { GepInputError, describeIssue, makeIssue, type GepIssue } from '../errors/errors.js';
import { importAccountInput, inputFormatOf } from '../io/read-input.js';
import { parseJsonInput } from '../io/json-input.js';
import { arithmeticByName } from '../numbers/arithmetic.js';
import { plannedWorkers, runGepBatch } from '../node/batch.js';

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
  /** Bytes of a file (needed for .xlsx). */
  readBytes?(path: string): Uint8Array;
  /** True when stderr is a terminal: the progress bar is drawn only then. */
  readonly isTTY?: boolean;
}

export interface BatchValues {
  readonly out?: string | undefined;
  readonly quiet?: boolean | undefined;
  readonly profile?: string | undefined;
  readonly strict?: boolean | undefined;
  readonly float?: boolean | undefined;
  readonly workers?: string | undefined;
}

interface Prepared {
  readonly units: BatchUnit[];
  /** Files that could not be read or parsed: failed units before any computation. */
  readonly unreadable: { file: string; issues: GepIssue[]; error?: string }[];
  readonly out: string;
}

const INPUT_FILE = /\.(json|csv|txt|xlsx)$/i;

function readUnits(file: string, io: BatchIo, units: BatchUnit[], unreadable: Prepared['unreadable']): void {
  try {
    const format = inputFormatOf(file);
    if (format === 'json') {
      const data = parseJsonInput(io.readFile(file), file);
      const list = Array.isArray(data) ? data : typeof data === 'object' && data !== null && Array.isArray((data as { units?: unknown }).units) ? (data as { units: unknown[] }).units : null;
      if (list) list.forEach((input, i) => units.push({ file: `${file}#${i + 1}`, input }));
      else units.push({ file, input: data });
      return;
    }
    const bytes = format === 'xlsx' ? io.readBytes?.(file) : io.readFile(file);
    if (bytes === undefined) throw new GepInputError([makeIssue('input.type', [], { expected: 'a readable workbook', found: 'no byte reader', location: { file } })]);
    units.push({ file, input: importAccountInput(bytes, file, format).input });
  } catch (e) {
    if (e instanceof GepInputError) unreadable.push({ file, issues: e.issues.map((i) => ({ ...i, location: { ...i.location, file: i.location?.file ?? file } })) });
    else unreadable.push({ file, issues: [], error: e instanceof Error ? e.message : String(e) });
  }
}

/** Read the batch's units; throws a usage message for a bad command line. */
function prepare(rest: readonly string[], values: BatchValues, io: BatchIo, usage: (message: string) => never): Prepared {
  if (rest.length !== 1) usage('gep batch takes exactly one input file or folder');
  if (!values.out) usage('gep batch needs --out DIR');
  const path = rest[0]!;
  const units: BatchUnit[] = [];
  const unreadable: Prepared['unreadable'] = [];
  const entries = io.readDir?.(path) ?? null;
  if (entries) {
    const files = entries.filter((f) => INPUT_FILE.test(f)).sort();
    if (!files.length) usage(`${path} holds no .json, .csv or .xlsx input`);
    for (const f of files) readUnits(join(path, f), io, units, unreadable);
  } else {
    readUnits(path, io, units, unreadable);
  }
  return { units, unreadable, out: values.out! };
}

/** A progress bar on stderr, drawn only on a terminal and not with --quiet. */
function progress(io: BatchIo, quiet: boolean): ((done: number, total: number) => void) | undefined {
  if (quiet || !io.isTTY) return undefined;
  let shown = -1;
  return (done, total) => {
    const pct = Math.floor((100 * done) / Math.max(total, 1));
    if (pct === shown && done !== total) return;
    shown = pct;
    const width = 30;
    const filled = Math.round((width * done) / Math.max(total, 1));
    io.stderr(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${String(pct).padStart(3)} %${done === total ? '\n' : ''}`);
  };
}

const csvCell = (v: string | number | null | undefined) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function safeName(id: string, taken: Set<string>): string {
  const base = id.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 80) || 'unit';
  let name = base;
  for (let k = 2; taken.has(name); k++) name = `${base}-${k}`;
  taken.add(name);
  return name;
}

/** Write the outputs, print the summary and return the exit code. */
function finish(prepared: Prepared, report: BatchReport<GepResultJson>, io: BatchIo): number {
  const { out } = prepared;
  io.mkdir(join(out, 'units'));
  const taken = new Set<string>();
  const failures: { id: string; file?: string; issues: readonly GepIssue[]; error?: string }[] = [];
  const rows = ['index,id,file,name,code,level,accountingYear,priceYear,status,gep,material,regulating,cultural,warnings,issues'];
  for (const item of report.items) {
    if (item.ok) {
      const name = safeName(item.id, taken);
      io.writeFile(join(out, 'units', `${name}.json`), `${JSON.stringify(item.result, null, 2)}\n`);
      const s = item.summary;
      rows.push([item.index + 1, item.id, item.file, s.name, s.code, s.level, s.accountingYear, s.priceYear, 'ok', s.totals.gep, s.totals.material, s.totals.regulating, s.totals.cultural, s.warnings, 0].map(csvCell).join(','));
    } else {
      failures.push({ id: item.id, ...(item.file ? { file: item.file } : {}), issues: item.issues, ...(item.error ? { error: item.error } : {}) });
      rows.push([item.index + 1, item.id, item.file, '', '', '', '', '', 'failed', '', '', '', '', '', item.issues.length || 1].map(csvCell).join(','));
    }
  }
  for (const u of prepared.unreadable) {
    failures.push({ id: u.file, file: u.file, issues: u.issues, ...(u.error ? { error: u.error } : {}) });
    rows.push(['', u.file, u.file, '', '', '', '', '', 'unreadable', '', '', '', '', '', u.issues.length || 1].map(csvCell).join(','));
  }
  io.writeFile(join(out, 'summary.csv'), `${rows.join('\n')}\n`);
  const errors = failures.map((f) => [
    `${f.id}${f.file && f.file !== f.id ? ` (${f.file})` : ''}:`,
    ...f.issues.map((i) => `  - ${describeIssue(i)}`),
    ...(f.error ? [`  - ${f.error}`] : []),
  ].join('\n'));
  io.writeFile(join(out, 'errors.txt'), errors.length ? `${errors.join('\n')}\n` : 'no unit failed\n');
  const differing = report.hierarchy.checks.filter((c) => !c.holds);
  const failed = report.failed + prepared.unreadable.length;
  io.writeFile(join(out, 'report.json'), `${JSON.stringify({
    units: report.items.length + prepared.unreadable.length,
    succeeded: report.succeeded,
    failed,
    failures,
    hierarchy: report.hierarchy,
  }, null, 2)}\n`);
  io.stdout(`${report.items.length + prepared.unreadable.length} units: ${report.succeeded} accounted, ${failed} failed\n`);
  io.stdout(`hierarchy: ${report.hierarchy.checks.length} parent${report.hierarchy.checks.length === 1 ? '' : 's'} checked, ${differing.length} differ from the sum of their children${report.hierarchy.withoutCode.length ? `; ${report.hierarchy.withoutCode.length} units without a code` : ''}\n`);
  for (const c of differing.slice(0, 10)) io.stdout(`  ${c.parent.code} (${c.accountingYear}): GEP ${c.totals.gep.parent} vs Σ ${c.children.length} ${c.childLevel} units ${c.totals.gep.children} (difference ${c.totals.gep.difference} 元)\n`);
  if (failed) io.stderr(`${failed} unit${failed === 1 ? '' : 's'} failed; see ${join(out, 'errors.txt')}\n`);
  io.stdout(`written to ${out}: units/, summary.csv, errors.txt, report.json\n`);
  return failed ? 1 : 0;
}

function workersOption(values: BatchValues, usage: (message: string) => never): number | 'auto' {
  if (values.workers === undefined || values.workers === 'auto') return 'auto';
  const n = Number(values.workers);
  if (!Number.isInteger(n) || n < 0) usage(`--workers must be a whole number or auto, not "${values.workers}"`);
  return n;
}

function gepOptions(values: BatchValues) {
  return { ...(values.profile ? { profile: values.profile } : {}), strict: values.strict ?? false };
}

/** `gep batch`, in the calling thread (for `runCli`, which is synchronous). */
export function batchCommandSync(rest: readonly string[], values: BatchValues, io: BatchIo, usage: (message: string) => never): number {
  const prepared = prepare(rest, values, io, usage);
  workersOption(values, usage);
  const A = arithmeticByName(values.float ? 'float64' : 'decimal');
  const onProgress = progress(io, values.quiet ?? false);
  const items: BatchItem<GepResultJson>[] = prepared.units.map((u, i) => {
    const item = computeBatchItem(u, i, { ...gepOptions(values), arithmetic: A } as never, gepResultToJson);
    onProgress?.(i + 1, prepared.units.length);
    return item;
  });
  return finish(prepared, reportOf(items, values.float ? 'float64' : 'decimal'), io);
}

/** `gep batch`, on worker threads when the batch is large enough (for the `gep` executable). */
export async function batchCommand(rest: readonly string[], values: BatchValues, io: BatchIo, usage: (message: string) => never): Promise<number> {
  const prepared = prepare(rest, values, io, usage);
  const workers = workersOption(values, usage);
  const onProgress = progress(io, values.quiet ?? false);
  if (onProgress && plannedWorkers(prepared.units.length, { workers }) > 0) io.stderr(`${plannedWorkers(prepared.units.length, { workers })} worker threads\n`);
  const report = await runGepBatch(prepared.units, { ...gepOptions(values), arithmetic: values.float ? 'float64' : 'decimal', workers, ...(onProgress ? { onProgress } : {}) });
  return finish(prepared, report, io);
}
