/**
 * The worker-thread side of `runKernelThreads`: takes chunks of a pass (whose arrays live in shared
 * memory) until none is left, then answers with how many it did, or with the error it met.
 */
import { parentPort } from 'node:worker_threads';
import { workChunks } from './kernel-chunks.js';
import type { KernelTask, KernelTaskReply } from './kernel-threads.js';

parentPort!.on('message', (task: KernelTask) => {
  let reply: KernelTaskReply;
  try {
    // A task without a pass is the start-up round trip: the modules are loaded by now.
    reply = { id: task.id, chunks: task.pass ? workChunks(task.pass) : 0 };
  } catch (e) {
    reply = { id: task.id, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
  parentPort!.postMessage(reply);
});
