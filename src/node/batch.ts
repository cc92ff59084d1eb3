/**
 * Batch accounts across cores (Node): `runGepBatch` computes the units of a batch on worker threads
 * (node:worker_threads) when the batch is large enough to pay for starting them, and in the calling
 * thread otherwise. The report is that of `computeGepBatch`, with each result as its JSON form
 * (`gepResultToJson`), since results cross threads as plain data.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { computeBatchItem, reportOf, type BatchItem, type BatchReport, type BatchUnit } from '../accounts/batch.js';
import { gepResultToJson, type GepResultJson } from '../accounts/serialize.js';
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
  /** Worker threads: a number, or `auto` (default): one per core, only when each gets `minUnitsPerWorker` units. */
  readonly workers?: number | 'auto';
  /** Units a worker must get before it is worth starting (default 300: starting one costs about as much as ~100 accounts). */
  readonly minUnitsPerWorker?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** What a worker is given. */
export interface WorkerTask {
  readonly offset: number;
  readonly units: readonly BatchUnit[];
  readonly arithmetic: 'decimal' | 'float64';
  readonly options: { profile?: string; overrides?: readonly CoefficientOverride[]; strict?: boolean; rebase?: boolean };
}

/** How many workers `runGepBatch` would start for `units` units. */
export function plannedWorkers(units: number, options: Pick<RunBatchOptions, 'workers' | 'minUnitsPerWorker'> = {}): number {
  if (typeof options.workers === 'number') return Math.max(0, Math.min(Math.floor(options.workers), units));
  const cores = availableParallelism();
  const n = Math.min(cores, Math.floor(units / (options.minUnitsPerWorker ?? 300)));
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

/**
 * Compute a batch, on worker threads when it pays. Units keep their input order in the report.
 * @example
 * const report = await runGepBatch(units, { onProgress: (d, n) => bar.update(d / n) });
 */
export async function runGepBatch(inputs: readonly unknown[], options: RunBatchOptions = {}): Promise<BatchReport<GepResultJson>> {
  const units: BatchUnit[] = inputs.map((x) => (typeof x === 'object' && x !== null && 'input' in x && !('region' in x) ? (x as BatchUnit) : { input: x }));
  const arithmetic = options.arithmetic ?? 'decimal';
  const gepOptions = {
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.overrides ? { overrides: options.overrides } : {}),
    ...(options.strict !== undefined ? { strict: options.strict } : {}),
    ...(options.rebase !== undefined ? { rebase: options.rebase } : {}),
  };
  const workers = plannedWorkers(units.length, options);
  if (workers === 0) {
    const A = arithmeticByName(arithmetic);
    const items = units.map((u, i) => {
      const item = computeBatchItem(u, i, { ...gepOptions, arithmetic: A } as never, gepResultToJson);
      options.onProgress?.(i + 1, units.length);
      return item;
    });
    return reportOf(items, arithmetic);
  }
  const items: BatchItem<GepResultJson>[] = new Array(units.length);
  let done = 0;
  const size = Math.ceil(units.length / workers);
  await Promise.all(Array.from({ length: workers }, (_, w) => new Promise<void>((resolve, reject) => {
    const offset = w * size;
    const task: WorkerTask = { offset, units: units.slice(offset, offset + size), arithmetic, options: gepOptions };
    const worker = startWorker(task);
    let finished = false;
    worker.on('message', (m: { kind: 'item'; item: BatchItem<GepResultJson> } | { kind: 'done' }) => {
      if (m.kind === 'done') {
        finished = true;
        return;
      }
      items[m.item.index] = m.item;
      done++;
      options.onProgress?.(done, units.length);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (finished && code === 0 ? resolve() : reject(new Error(`[gep] batch worker ${w + 1} stopped with exit code ${code} before finishing its ${task.units.length} units`))));
  })));
  return reportOf(items, arithmetic);
}
