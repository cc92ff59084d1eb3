/**
 * The work loop that every thread of a threaded kernel pass runs, the calling thread included:
 * claim the next chunk of blocks from a shared counter, compute it, write its block partial sums
 * and counters into shared arrays, count it done. A thread that gets no core (two cores shared with
 * other work) simply claims fewer chunks, so a pass is never much slower than on one thread; and
 * since each block's partial sum lands in its own slot, the sums do not depend on who did what.
 */
import type { KernelPlan } from '../kernels/cells.js';
import { KERNEL_SPECS, type KernelName } from '../kernels/specs.js';

/** Slots of the control array. */
export const NEXT = 0;
export const DONE = 1;
export const FAILED = 2;

/** What the threads of a pass share: the plan and where the results go. Plain data (shared memory), posted to each worker. */
export interface ChunkedPass {
  readonly kernel: KernelName;
  readonly plan: KernelPlan;
  readonly blocks: number;
  readonly chunkBlocks: number;
  /** [next chunk to claim, chunks done, failed (0 or 1)]. */
  readonly control: Int32Array;
  /** One array per kernel sum: the partial sum of each block. */
  readonly partials: readonly Float64Array[];
  /** The kernel's counters of each chunk, chunk-major. */
  readonly counts: Float64Array;
}

export const chunkCount = (pass: Pick<ChunkedPass, 'blocks' | 'chunkBlocks'>): number => Math.ceil(pass.blocks / pass.chunkBlocks);

/** Claim and compute chunks until none is left. Throws (after marking the pass failed) if the kernel does. */
export function workChunks(pass: ChunkedPass): number {
  const spec = KERNEL_SPECS[pass.kernel] as unknown as {
    run(plan: KernelPlan, from: number, to: number): { sums: readonly Float64Array[]; counts: readonly number[] };
  };
  const chunks = chunkCount(pass);
  let done = 0;
  try {
    for (let c = Atomics.add(pass.control, NEXT, 1); c < chunks; c = Atomics.add(pass.control, NEXT, 1)) {
      const from = c * pass.chunkBlocks;
      const part = spec.run(pass.plan, from, Math.min(pass.blocks, from + pass.chunkBlocks));
      part.sums.forEach((s, k) => pass.partials[k]!.set(s, from));
      pass.counts.set(part.counts, c * part.counts.length);
      done++;
      Atomics.add(pass.control, DONE, 1);
      Atomics.notify(pass.control, DONE);
    }
  } catch (e) {
    Atomics.store(pass.control, FAILED, 1);
    Atomics.notify(pass.control, DONE);
    throw e;
  }
  return done;
}
