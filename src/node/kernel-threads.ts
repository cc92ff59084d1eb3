/**
 * Per-cell kernels split over worker threads (Node only). The blocks of a pass are taken in chunks
 * from a shared counter by this thread and the workers (./kernel-chunks.ts); each block's partial
 * sums land in their own slot and are folded in block order, so the statistics are the same, to the
 * bit, for any number of threads, and the same as `rusleKernel` & co. on one.
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
import { chunkCount, DONE, FAILED, workChunks, type ChunkedPass } from './kernel-chunks.js';
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

/** A pass sent to a worker: it takes chunks until none is left. */
export interface KernelTask {
  readonly id: number;
  /** null for the start-up round trip. */
  readonly pass: ChunkedPass | null;
}

/** A worker's answer: the chunks it did, or the error it met. */
export type KernelTaskReply =
  | { readonly id: number; readonly chunks: number; readonly error?: undefined }
  | { readonly id: number; readonly error: string; readonly chunks?: undefined };

/** Default fewest cells per thread under `threads: 'auto'`. */
export const MIN_CELLS_PER_THREAD = 1 << 20;

/** Blocks per chunk a thread claims at a time: 16 × 4096 = 65 536 cells, a fraction of a millisecond. */
const CHUNK_BLOCKS = 16;

/**
 * A typed array of `length` elements in a SharedArrayBuffer, for bands and outputs that worker
 * threads read and write in place.
 * @example
 * const out = sharedArray(Float32Array, cells);
 */
export function sharedArray<
  A extends Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array,
>(Type: { new (buffer: SharedArrayBuffer): A; readonly BYTES_PER_ELEMENT: number }, length: number): A {
  return new Type(new SharedArrayBuffer(length * Type.BYTES_PER_ELEMENT));
}

/** `Atomics.waitAsync` (Node 16+, ES2024, not in this project's ES2022 library types). */
const waitAsync = (
  Atomics as unknown as { waitAsync(a: Int32Array, index: number, value: number): { async: boolean; value: Promise<unknown> | string } }
).waitAsync;

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
  if (!(Number.isInteger(threads) && threads >= 1))
    throw new RangeError(`[gep] kernel threads: threads must be a whole number ≥ 1 or 'auto', not ${threads}`);
  if (threads > 1 && !shared) {
    throw new RangeError(
      `[gep] kernel threads: ${threads} threads need every input band and the output in a SharedArrayBuffer (allocate them with sharedArray()); run with threads: 1 or 'auto' otherwise`,
    );
  }
  return Math.max(1, Math.min(threads, blocks));
}

// ── The pool ────────────────────────────────────────────────────────────────────────────────────

interface PoolWorker {
  readonly worker: Worker;
  readonly pending: Map<number, { resolve(chunks: number): void; reject(e: Error): void }>;
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
    else p.resolve(reply.chunks);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`[gep] kernel worker stopped (exit code ${code})`)));
  // An idle pool does not keep the process alive; a worker with a task does.
  worker.unref();
  pool.push(entry);
  return entry;
}

function send(entry: PoolWorker, task: Omit<KernelTask, 'id'>): Promise<number> {
  const id = nextId++;
  return new Promise<number>((resolve, reject) => {
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
  // A task without a pass is a round trip that waits for the worker's modules to load.
  await Promise.all(pool.slice(0, count).map((w) => send(w, { pass: null })));
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
 * The blocks are taken in chunks from a shared counter by this thread and `threads − 1` workers,
 * so a worker that gets no core leaves its share to the others instead of holding the pass up.
 * @example
 * const cells = 1e8;
 * const bands = { erosivity: { values: sharedArray(Float32Array, cells), nodata: -9999 }, … };
 * const out = sharedArray(Float32Array, cells);
 * const stats = await runKernelThreads('rusle', { ...bands, cellArea: 900, out }); // stats.threads: 2 on two cores
 */
export async function runKernelThreads<K extends KernelName>(
  kernel: K,
  input: KernelSignatures[K][0],
  options: KernelThreadOptions = {},
): Promise<ThreadedStats<KernelSignatures[K][1]>> {
  const spec = KERNEL_SPECS[kernel] as unknown as KernelSpec<KernelSignatures[K][0], KernelPlan, KernelSignatures[K][1]>;
  const plan = spec.plan(input);
  const blocks = blockCount(plan.cells);
  const threads = plannedThreads(plan.cells, allShared(spec.cellArrays(plan)), options);
  if (threads === 1) return { ...spec.stats(plan, [spec.run(plan, 0, blocks)]), threads };
  // Enough chunks that a late or slow thread costs little: at least 8 per thread.
  const chunkBlocks = Math.max(1, Math.min(CHUNK_BLOCKS, Math.floor(blocks / (8 * threads))));
  const probe = spec.run(plan, 0, 0);
  const pass: ChunkedPass = {
    kernel,
    plan,
    blocks,
    chunkBlocks,
    control: new Int32Array(new SharedArrayBuffer(3 * 4)),
    partials: probe.sums.map(() => new Float64Array(new SharedArrayBuffer(blocks * 8))),
    counts: new Float64Array(new SharedArrayBuffer(chunkCount({ blocks, chunkBlocks }) * probe.counts.length * 8)),
  };
  while (pool.length < threads - 1) startWorker();
  const replies = pool.slice(0, threads - 1).map((w) => send(w, { pass }));
  // A worker that fails marks the pass failed and answers with its error; one that dies is rejected by the pool.
  const failure = new Promise<never>((_, reject) => {
    for (const r of replies) r.catch(reject);
  });
  failure.catch(() => undefined);
  try {
    workChunks(pass);
  } catch (e) {
    await Promise.allSettled(replies);
    throw e;
  }
  // Wait for the chunks the workers hold, not for their answers: a worker without a core may answer late.
  const chunks = chunkCount(pass);
  for (let done = Atomics.load(pass.control, DONE); done < chunks; done = Atomics.load(pass.control, DONE)) {
    if (Atomics.load(pass.control, FAILED)) await Promise.all(replies);
    const wait = waitAsync(pass.control, DONE, done);
    if (wait.async) await Promise.race([wait.value, failure]);
  }
  const counts = new Array<number>(probe.counts.length).fill(0);
  for (let i = 0; i < pass.counts.length; i++) counts[i % counts.length]! += pass.counts[i]!;
  const part: KernelPart = { from: 0, sums: pass.partials, counts };
  return { ...spec.stats(plan, [part]), threads };
}
