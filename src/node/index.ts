/** `gep-accounting/node`: Node-only helpers. Batch accounts and per-cell kernels spread over worker threads. */
export { runGepBatch, streamGepBatchThreads, plannedWorkers, type RunBatchOptions } from './batch.js';
/** Per-cell kernels split over worker threads, on arrays in shared memory. */
export {
  runKernelThreads,
  startKernelThreads,
  closeKernelThreads,
  sharedArray,
  plannedThreads,
  MIN_CELLS_PER_THREAD,
  type KernelThreadOptions,
  type KernelSignatures,
  type ThreadedStats,
} from './kernel-threads.js';
export type { KernelName } from '../kernels/specs.js';
