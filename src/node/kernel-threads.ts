/**
 * Per-cell kernels split over worker threads (Node only). The blocks of a pass are shared out in
 * contiguous runs, one per thread (this thread takes one run itself); each thread returns the
 * partial sum of each of its blocks, and the sums are folded in block order, so the statistics are
 * the same, to the bit, for any number of threads, and the same as `rusleKernel` & co. on one.
 *
 * The threads read and write the caller's arrays in place, so every input band and the output must
 * live in a SharedArrayBuffer (`sharedArray`); copying ordinary arrays into a worker would cost as
 * much memory traffic as the kernel itself. With `threads: 'auto'` (the default) a pass whose arrays
 * are not shared, or too small to pay for the hand-over, runs on this thread.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { blockCount, type KernelPart, type KernelPlan, type KernelSpec, type KernelStats } from '../kernels/cells.js';
import type { NepInput, NepStats } from '../kernels/carbon.js';
import type { RusleInput } from '../kernels/rusle.js';
import type { RweqInput, RweqStats } from '../kernels/rweq.js';
import { KERNEL_SPECS, type KernelName } from '../kernels/specs.js';
import type { WaterBalanceInput, WaterBalanceStats } from '../kernels/water-balance.js';

/** Input and statistics of each kernel. */
export interface KernelSignatures {
  rusle: [RusleInput, KernelStats];
  'water-balance': [WaterBalanceInput, WaterBalanceStats];
  rweq: [RweqInput, RweqStats];
  nep: [NepInput, NepStats];
}

export interface KernelThreadOptions {
  /**
   * Threads in all, this one included: a whole number ≥ 1, or `auto` (default): one per core
   * (`os.availableParallelism()`), fewer when a thread would get under `minCellsPerThread` cells,
   * and 1 when an array is not in shared memory.
   */
  readonly threads?: number | 'auto';
  /** Fewest cells per thread under `auto`; default 2²⁰ (≈ 1 M cells, a few milliseconds of work). */
  readonly minCellsPerThread?: number;
}

/** The kernel's statistics, and how many threads computed them. */
export type ThreadedStats<S> = S & { readonly threads: number };

/** A run of blocks sent to a worker. */
export interface KernelTask {
  readonly id: number;
  /** null for the start-up round trip. */
  readonly kernel: KernelName | null;
  readonly plan: KernelPlan;
  readonly from: number;
  readonly to: number;
}

/** A worker's answer: the part, or the error it met. */
export type KernelTaskReply = { readonly id: number; readonly part: KernelPart; readonly error?: undefined } | { readonly id: number; readonly error: string; readonly part?: undefined };

/** Default fewest cells per thread under `threads: 'auto'`. */
export const MIN_CELLS_PER_THREAD = 1 << 20;

/**
 * A typed array of `length` elements in a SharedArrayBuffer, for bands and outputs that worker
 * threads read and write in place.
 * @example
 * const out = sharedArray(Float32Array, cells);
 */
export function sharedArray<A extends Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array>(
  Type: { new (buffer: SharedArrayBuffer): A; readonly BYTES_PER_ELEMENT: number },
  length: number,
): A {
  return new Type(new SharedArrayBuffer(length * Type.BYTES_PER_ELEMENT));
}

/** True when every array lives in a SharedArrayBuffer. */
function allShared(arrays: readonly ArrayBufferView[]): boolean {
  return arrays.every((a) => typeof SharedArrayBuffer !== 'undefined' && a.buffer instanceof SharedArrayBuffer);
}

/** How many threads a pass of `cells` cells gets. */
export function plannedThreads(cells: number, shared: boolean, options: KernelThreadOptions = {}): number {
  const blocks = blockCount(cells);
  const threads = options.threads ?? 'auto';
  if (threads === 'auto') {
    if (!shared) return 1;
    const perThread = options.minCellsPerThread ?? MIN_CELLS_PER_THREAD;
    return Math.max(1, Math.min(availableParallelism(), Math.floor(cells / perThread), blocks));
  }
  if (!(Number.isInteger(threads) && threads >= 1)) throw new RangeError(`[gep] kernel threads: threads must be a whole number ≥ 1 or 'auto', not ${threads}`);
  if (threads > 1 && !shared) {
    throw new RangeError(`[gep] kernel threads: ${threads} threads need every input band and the output in a SharedArrayBuffer (allocate them with sharedArray()); run with threads: 1 or 'auto' otherwise`);
  }
  return Math.max(1, Math.min(threads, blocks));
}

// ── The pool ────────────────────────────────────────────────────────────────────────────────────

interface PoolWorker {
  readonly worker: Worker;
  readonly pending: Map<number, { resolve(part: KernelPart): void; reject(e: Error): void }>;
}

const pool: PoolWorker[] = [];
let nextId = 1;

/**
 * Start a kernel worker. Built, it is `kernel-worker.js` beside this file; run from the TypeScript
 * sources (tests), the worker registers tsx's require hook first so it can load `kernel-worker.ts`.
 */
function startWorker(): PoolWorker {
  let worker: Worker;
  if (!import.meta.url.endsWith('.ts')) {
    worker = new Worker(new URL('./kernel-worker.js', import.meta.url));
  } else {
    const tsx = createRequire(import.meta.url).resolve('tsx/cjs');
    const file = fileURLToPath(new URL('./kernel-worker.ts', import.meta.url));
    worker = new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(file)});`, { eval: true });
  }
  const entry: PoolWorker = { worker, pending: new Map() };
  const fail = (e: Error) => {
    const i = pool.indexOf(entry);
    if (i >= 0) pool.splice(i, 1);
    for (const p of entry.pending.values()) p.reject(e);
    entry.pending.clear();
  };
  worker.on('message', (reply: KernelTaskReply) => {
    const p = entry.pending.get(reply.id);
    if (!p) return;
    entry.pending.delete(reply.id);
    if (entry.pending.size === 0) worker.unref();
    if (reply.error !== undefined) p.reject(new Error(`[gep] kernel worker: ${reply.error}`));
    else p.resolve(reply.part);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`[gep] kernel worker stopped (exit code ${code})`)));
  // An idle pool does not keep the process alive; a worker with a task does.
  worker.unref();
  pool.push(entry);
  return entry;
}

function send(entry: PoolWorker, task: Omit<KernelTask, 'id'>): Promise<KernelPart> {
  const id = nextId++;
  return new Promise<KernelPart>((resolve, reject) => {
    entry.pending.set(id, { resolve, reject });
    entry.worker.ref();
    entry.worker.postMessage({ ...task, id } satisfies KernelTask);
  });
}

/**
 * Start `count` kernel workers ahead of a pass (the first pass otherwise pays for their start, tens
 * of milliseconds each). Resolves when each has answered.
 */
export async function startKernelThreads(count = availableParallelism() - 1): Promise<void> {
  while (pool.length < count) startWorker();
  // A task without a kernel is a round trip that waits for the worker's modules to load.
  const plan: KernelPlan = { cells: 0, out: null, outNodata: 0 };
  await Promise.all(pool.slice(0, count).map((w) => send(w, { kernel: null, plan, from: 0, to: 0 })));
}

/** Stop the kernel workers (they are also stopped when the process exits; an idle pool does not keep it alive). */
export async function closeKernelThreads(): Promise<void> {
  const all = pool.splice(0, pool.length);
  await Promise.all(all.map((w) => w.worker.terminate()));
}

// ── Running a pass ──────────────────────────────────────────────────────────────────────────────

/**
 * Run a kernel with its blocks shared out over threads; the result is that of `rusleKernel`,
 * `waterBalanceKernel`, `rweqKernel` or `nepKernel` on the same input, with `threads` beside it.
 * @example
 * const cells = 1e8;
 * const bands = { erosivity: { values: sharedArray(Float32Array, cells), nodata: -9999 }, … };
 * const out = sharedArray(Float32Array, cells);
 * const stats = await runKernelThreads('rusle', { ...bands, cellArea: 900, out }); // stats.threads: 2 on two cores
 */
export async function runKernelThreads<K extends KernelName>(kernel: K, input: KernelSignatures[K][0], options: KernelThreadOptions = {}): Promise<ThreadedStats<KernelSignatures[K][1]>> {
  const spec = KERNEL_SPECS[kernel] as unknown as KernelSpec<KernelSignatures[K][0], KernelPlan, KernelSignatures[K][1]>;
  const plan = spec.plan(input);
  const blocks = blockCount(plan.cells);
  const threads = plannedThreads(plan.cells, allShared(spec.cellArrays(plan)), options);
  // Contiguous runs of blocks; this thread takes the first, the workers the others.
  const bounds = Array.from({ length: threads + 1 }, (_, t) => Math.floor((t * blocks) / threads));
  while (pool.length < threads - 1) startWorker();
  const remote = bounds.slice(1, -1).map((from, t) => send(pool[t]!, { kernel, plan, from, to: bounds[t + 2]! }));
  let local: KernelPart;
  try {
    local = spec.run(plan, 0, bounds[1]!);
  } catch (e) {
    await Promise.allSettled(remote);
    throw e;
  }
  const parts = [local, ...(await Promise.all(remote))];
  return { ...spec.stats(plan, parts), threads };
}
