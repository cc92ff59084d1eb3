/** `gep-accounting/node`: Node-only helpers. Batch accounts spread over worker threads. */
export { runGepBatch, streamGepBatchThreads, plannedWorkers, type RunBatchOptions } from './batch.js';
