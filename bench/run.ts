/**
 * `npm run bench`: every benchmark in one run, printed as Markdown with the machine and the command,
 * so that the ratios are measured side by side. Not part of `npm test`; no timing is asserted.
 * Sizes: BENCH_UNITS (default 3000 accounts), BENCH_CELLS (default 1e8 cells), BENCH_RUNS (default 3),
 * BENCH_DRAWS (default 10 000 Monte Carlo draws), BENCH_MEMORY_UNITS (default 30 000 units streamed).
 */
import { benchAccounts } from './accounts.js';
import { benchKernels } from './kernels.js';
import { benchUncertainty } from './uncertainty.js';
import { execFileSync } from 'node:child_process';
import { machine } from './common.js';

const lines: string[] = [];
lines.push(`Machine: ${machine()}`);
lines.push(
  `Command: npm run bench (BENCH_UNITS=${process.env.BENCH_UNITS ?? 3000} BENCH_CELLS=${process.env.BENCH_CELLS ?? 1e8} BENCH_RUNS=${process.env.BENCH_RUNS ?? 3}), ${new Date().toISOString()}`,
);
lines.push('');
const only = process.argv[2];
if (!only || only === 'accounts') await benchAccounts(lines);
if (!only || only === 'uncertainty') benchUncertainty(lines);
if (!only || only === 'kernels') await benchKernels(lines);
// The import benchmark measures peak memory in child processes of its own.
if (!only || only === 'import') lines.push('', execFileSync('npx', ['tsx', 'bench/import.bench.ts'], { encoding: 'utf8' }).trim());
console.log(lines.join('\n'));
