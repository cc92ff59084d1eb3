/**
 * The worker-thread side of `streamGepBatchThreads`: computes its share of the units on compiled
 * plans (each worker compiles its own from its first units of a structure: a plan takes a few
 * milliseconds) and posts the outcomes in groups of 16, each result in the form asked for (JSON
 * text, or bytes whose buffers are transferred).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { streamGepBatch, type BatchItem } from '../accounts/batch.js';
import { arithmeticByName } from '../numbers/arithmetic.js';
import type { WorkerTask } from './batch.js';

const task = workerData as WorkerTask;
const GROUP = 16;
let group: BatchItem<unknown>[] = [];
/**
 * Post the group; results as bytes move to the calling thread without a copy (their buffers are
 * transferred), each only when it is its buffer's sole view (a shared buffer is copied instead).
 */
function post(): void {
  const buffers = new Set<ArrayBuffer>();
  for (const i of group) {
    const r = i.ok ? i.result : null;
    if (r instanceof Uint8Array && r.byteOffset === 0 && r.byteLength === r.buffer.byteLength && r.buffer instanceof ArrayBuffer)
      buffers.add(r.buffer);
  }
  parentPort!.postMessage({ kind: 'items', items: group }, [...buffers]);
  group = [];
}
// Units arrive with their ids set by the calling thread; `index` is mapped back to the batch's.
streamGepBatch(task.units, { ...task.options, arithmetic: arithmeticByName(task.arithmetic), form: task.form }, (item) => {
  group.push({ ...item, index: task.indices[item.index]! });
  if (group.length === GROUP) post();
});
if (group.length) post();
parentPort!.postMessage({ kind: 'done' });
