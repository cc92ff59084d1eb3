/**
 * The worker-thread side of `runKernelThreads`: runs the blocks it is given of a kernel's plan (whose
 * cell arrays live in shared memory) and posts back their partial sums and counters.
 */
import { parentPort } from 'node:worker_threads';
import { KERNEL_SPECS } from '../kernels/specs.js';
import type { KernelPart } from '../kernels/cells.js';
import type { KernelTask, KernelTaskReply } from './kernel-threads.js';

parentPort!.on('message', (task: KernelTask) => {
  let reply: KernelTaskReply;
  try {
    // A task without a kernel is the start-up round trip: the modules are loaded by now.
    const spec = task.kernel === null ? null : (KERNEL_SPECS[task.kernel] as { run(plan: unknown, from: number, to: number): KernelPart });
    reply = { id: task.id, part: spec ? spec.run(task.plan, task.from, task.to) : { from: task.from, sums: [], counts: [] } };
  } catch (e) {
    reply = { id: task.id, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
  parentPort!.postMessage(reply);
});
