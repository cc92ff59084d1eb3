/**
 * Batch accounts across cores (Node): the units of a batch computed on worker threads
 * (node:worker_threads) when the batch is large enough to pay for starting them, and in the calling
 * thread otherwise. Each worker computes its share on compiled plans as `streamGepBatch` does and
 * sends back each result as JSON text, or as the bytes of its file (`form: 'bytes'`, buffers
 * transferred, not copied); the calling thread keeps only the summaries.
 *
 * Measured on the project's 2-core machine (docs/benchmarks.md), threads did not pay: starting a
 * worker and copying inputs in and results out cost more than the second (shared) core gave. So
 * `auto` starts workers only with at least 4 cores and `minUnitsPerWorker` units each.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { reportOf, streamGepBatch, unitId, type BatchItem, type BatchReport, type BatchUnit, type ResultForm } from '../accounts/batch.js';
import type { GepResultJson } from '../accounts/serialize.js';
import { arithmeticByName } from '../numbers/arithmetic.js';
import type { CoefficientOverride } from '../coefficients/types.js';

/** Options of `runGepBatch`: those of `computeGep` that cross threads as data. */
export interface RunBatchOptions {
  /** Profile id; default: each input's `profile`, else national-2022. */
  readonly profile?: string;
  readonly arithmetic?: 'decimal' | 'float64';
  readonly overrides?: readonly CoefficientOverride[];
  readonly strict?: boolean;
  readonly rebase?: boolean;
  /** Worker threads: a number, or `auto` (default): one per core, with at least 4 cores and `minUnitsPerWorker` units each. */
  readonly workers?: number | 'auto';
  /** Units a worker must get before it is worth starting (default 2 000). */
  readonly minUnitsPerWorker?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** What a worker is given. */
export interface WorkerTask {
  readonly units: readonly BatchUnit[];
  /** The batch index of each unit. */
  readonly indices: readonly number[];
  readonly arithmetic: 'decimal' | 'float64';
  readonly form: ResultForm;
  readonly options: { profile?: string; overrides?: readonly CoefficientOverride[]; strict?: boolean; rebase?: boolean };
}

/** How many workers a batch of `units` units gets. */
export function plannedWorkers(units: number, options: Pick<RunBatchOptions, 'workers' | 'minUnitsPerWorker'> = {}): number {
  if (typeof options.workers === 'number') return Math.max(0, Math.min(Math.floor(options.workers), units));
  const cores = availableParallelism();
  if (cores < 4) return 0;
  const n = Math.min(cores, Math.floor(units / (options.minUnitsPerWorker ?? 2000)));
  return n >= 2 ? n : 0;
}

/**
 * Start a batch worker. Built, it is `batch-worker.js` beside this file; run from the TypeScript
 * sources (tests, `npm start`), the worker registers tsx's require hook first so it can load `batch-worker.ts`.
 */
function startWorker(task: WorkerTask): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./batch-worker.js', import.meta.url), { workerData: task });
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs');
  const file = fileURLToPath(new URL('./batch-worker.ts', import.meta.url));
  const code = `require(${JSON.stringify(tsx)}); require(${JSON.stringify(file)});`;
  return new Worker(code, { eval: true, workerData: task });
}

function unitsOf(inputs: readonly unknown[]): BatchUnit[] {
  return inputs.map((x) => (typeof x === 'object' && x !== null && 'input' in x && !('region' in x) ? (x as BatchUnit) : { input: x }));
}

function dataOptions(options: RunBatchOptions): WorkerTask['options'] {
  return {
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.overrides ? { overrides: options.overrides } : {}),
    ...(options.strict !== undefined ? { strict: options.strict } : {}),
    ...(options.rebase !== undefined ? { rebase: options.rebase } : {}),
  };
}

/**
 * Stream a batch, on worker threads when it pays: `onItem` gets each unit's outcome with its result
 * as JSON text (`form: 'json'`) or a result file's bytes (`form: 'bytes'`) — in input order in the
 * calling thread, in the order the workers finish them on threads — and the report keeps the summaries only, in input order.
 */
export async function streamGepBatchThreads(
  inputs: readonly unknown[],
  options: RunBatchOptions & { form: ResultForm },
  onItem: (item: BatchItem<unknown>) => void,
): Promise<BatchReport<null>> {
  const units = unitsOf(inputs);
  const arithmetic = options.arithmetic ?? 'decimal';
  const workers = plannedWorkers(units.length, options);
  if (workers === 0) {
    return streamGepBatch(
      units,
      {
        ...dataOptions(options),
        arithmetic: arithmeticByName(arithmetic),
        form: options.form,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      },
      onItem,
    );
  }
  const kept: BatchItem<null>[] = new Array(units.length);
  let done = 0;
  // Chunks of 256 units dealt in turn, so that the workers progress through the batch together.
  const shares = Array.from({ length: workers }, () => ({ units: [] as BatchUnit[], indices: [] as number[] }));
  units.forEach((u, i) => {
    const share = shares[Math.floor(i / 256) % workers]!;
    share.units.push({ ...u, id: unitId(u, i) });
    share.indices.push(i);
  });
  await Promise.all(
    shares.map(
      (share, w) =>
        new Promise<void>((resolve, reject) => {
          const task: WorkerTask = {
            units: share.units,
            indices: share.indices,
            arithmetic,
            form: options.form,
            options: dataOptions(options),
          };
          const worker = startWorker(task);
          let finished = false;
          worker.on('message', (m: { kind: 'items'; items: BatchItem<unknown>[] } | { kind: 'done' }) => {
            if (m.kind === 'done') {
              finished = true;
              return;
            }
            for (const item of m.items) {
              onItem(item);
              kept[item.index] = item.ok ? { ...item, result: null } : (item as BatchItem<null>);
              options.onProgress?.(++done, units.length);
            }
          });
          worker.on('error', reject);
          worker.on('exit', (code) =>
            finished && code === 0
              ? resolve()
              : reject(
                  new Error(`[gep] batch worker ${w + 1} stopped with exit code ${code} before finishing its ${task.units.length} units`),
                ),
          );
        }),
    ),
  );
  return reportOf(kept, arithmetic);
}

/**
 * Compute a batch, on worker threads when it pays. Units keep their input order in the report, each
 * result in its JSON form (`gepResultToJson`). For large batches prefer `streamGepBatchThreads`,
 * which does not keep the results.
 * @example
 * const report = await runGepBatch(units, { onProgress: (d, n) => bar.update(d / n) });
 */
export async function runGepBatch(inputs: readonly unknown[], options: RunBatchOptions = {}): Promise<BatchReport<GepResultJson>> {
  const results: GepResultJson[] = new Array(inputs.length);
  const report = await streamGepBatchThreads(inputs, { ...options, form: 'json' }, (item) => {
    if (item.ok) results[item.index] = JSON.parse(item.result as string) as GepResultJson;
  });
  return { ...report, items: report.items.map((i) => (i.ok ? { ...i, result: results[i.index]! } : i)) as BatchItem<GepResultJson>[] };
}
