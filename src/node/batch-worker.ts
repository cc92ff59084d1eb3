/**
 * The worker-thread side of `streamGepBatchThreads`: computes its share of the units on compiled
 * plans (each worker compiles its own from its first units of a structure: a plan takes a few
 * milliseconds) and posts the outcomes in groups of 16, each result as its JSON text.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { streamGepBatch, type BatchItem } from '../accounts/batch.js';
import { arithmeticByName } from '../numbers/arithmetic.js';
import type { WorkerTask } from './batch.js';

const task = workerData as WorkerTask;
const GROUP = 16;
let group: BatchItem<unknown>[] = [];
// Units arrive with their ids set by the calling thread; `index` is mapped back to the batch's.
streamGepBatch(task.units, { ...task.options, arithmetic: arithmeticByName(task.arithmetic), form: task.form }, (item) => {
  group.push({ ...item, index: task.indices[item.index]! });
  if (group.length === GROUP) {
    parentPort!.postMessage({ kind: 'items', items: group });
    group = [];
  }
});
if (group.length) parentPort!.postMessage({ kind: 'items', items: group });
parentPort!.postMessage({ kind: 'done' });
