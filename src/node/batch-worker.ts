/**
 * The worker-thread side of `runGepBatch`: computes its share of the units and posts each result
 * as JSON (plain data: decimals as strings), with progress after every unit.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { computeBatchItem, type BatchUnit } from '../accounts/batch.js';
import { gepResultToJson } from '../accounts/serialize.js';
import { arithmeticByName } from '../numbers/arithmetic.js';
import type { WorkerTask } from './batch.js';

const task = workerData as WorkerTask;
const A = arithmeticByName(task.arithmetic);
const options = { ...task.options, arithmetic: A };
for (let k = 0; k < task.units.length; k++) {
  const item = computeBatchItem(task.units[k] as BatchUnit, task.offset + k, options as never, gepResultToJson);
  parentPort!.postMessage({ kind: 'item', item });
}
parentPort!.postMessage({ kind: 'done' });
