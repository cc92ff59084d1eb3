/**
 * The kernels by name, cut into their steps (`KernelSpec`): what `gep-accounting/node` shares out
 * over worker threads. A worker looks its kernel up here, so only plain data crosses threads.
 */
import { nepSpec } from './carbon.js';
import { rusleSpec } from './rusle.js';
import { rweqSpec } from './rweq.js';
import { waterBalanceSpec } from './water-balance.js';

export const KERNEL_SPECS = {
  rusle: rusleSpec,
  'water-balance': waterBalanceSpec,
  rweq: rweqSpec,
  nep: nepSpec,
} as const;

/** A kernel's name. */
export type KernelName = keyof typeof KERNEL_SPECS;
