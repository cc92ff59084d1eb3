/**
 * Benchmark: RUSLE and the water balance over 10⁸ cells (float32 inputs, as rasters usually are),
 * in one run against
 * - numpy with the same rules (a child process: the same output raster, sum and counts), and numpy's
 *   bare formula;
 * - a plain copy of the same arrays (TypedArray#set, i.e. memcpy), on one thread and split over the
 *   same number of threads as the kernel: the machine's memory bandwidth as this process sees it.
 * The library runs as users get it, from dist/ (`npm run bench` builds it first): from the sources
 * under tsx, the kernel worker threads load the code through a CommonJS hook that V8 optimises
 * badly. Each figure is the best of BENCH_RUNS; CPU/wall is the process's CPU time over wall time
 * in the best run (about 1 on one thread, up to the thread count when every thread had a core).
 * Two bare JavaScript loops of the formula, with no nodata handling, show what V8 makes of the
 * arithmetic alone: one reads the arrays as constants of a module (as a stand-alone script does),
 * the other as function arguments (as a library function must).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ms, ratio } from './common.js';

type Kernels = typeof import('../src/kernels/index.js');
type Node = typeof import('../src/node/index.js');

const CELLS = Number(process.env.BENCH_CELLS ?? 1e8);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ND = -9999;

/** Best wall time of `runs` runs, with the CPU time (all threads of the process) of that run. */
async function timed(runs: number, f: () => unknown): Promise<{ wall: number; cpu: number }> {
  let best = { wall: Infinity, cpu: Infinity };
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await f();
    const wall = performance.now() - t;
    const used = process.cpuUsage(c);
    if (wall < best.wall) best = { wall, cpu: (used.user + used.system) / 1000 };
  }
  return best;
}

/** Uniform values in [lo, hi) from a fixed LCG, with one cell in 1 000 set to nodata, in shared memory (so threads can read it in place). */
function band(n: number, lo: number, hi: number, seed: number): Float32Array {
  const a = new Float32Array(new SharedArrayBuffer(n * 4));
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    a[i] = i % 1000 === 7 ? ND : lo + (hi - lo) * (x / 4294967296);
  }
  return a;
}

/** Copies `sources[i]` into `targets[i]` (same type and length), split over `threads` threads; half-open cell ranges per thread. */
class Copier {
  private readonly workers: Worker[] = [];
  constructor(threads: number) {
    const code = `const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ pairs, from, to }) => { for (const [s, d] of pairs) d.set(s.subarray(from, to), from); parentPort.postMessage(0); });`;
    for (let t = 1; t < threads; t++) this.workers.push(new Worker(code, { eval: true }));
  }
  async copy(pairs: readonly (readonly [Float32Array | Float64Array, Float32Array | Float64Array])[], n: number): Promise<void> {
    const threads = this.workers.length + 1;
    const bound = (t: number) => Math.floor((t * n) / threads);
    const done = this.workers.map(
      (w, t) =>
        new Promise((resolve) => {
          w.once('message', resolve);
          w.postMessage({ pairs, from: bound(t + 1), to: bound(t + 2) });
        }),
    );
    for (const [s, d] of pairs) d.set(s.subarray(0, bound(1)), 0);
    await Promise.all(done);
  }
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * The bare formula in a plain loop, over arrays that are constants of a module (V8 compiles their
 * addresses into the loop) and over the same arrays passed as arguments (V8 checks each array's
 * type, length and data pointer again in every iteration). No nodata handling, one thread.
 */
async function bareLoops(
  kernel: 'rusle' | 'water',
  arrays: Record<string, Float32Array | Float64Array>,
  factor: number,
): Promise<{ constants: () => number; args: () => number }> {
  const names = Object.keys(arrays);
  const body =
    kernel === 'rusle'
      ? 'const pot = R[i] * (K[i] * LS[i]); const q = (pot - pot * (C[i] * P[i])) * f;'
      : 'const p = PR[i]; const d = f * (p - p * A[i] - ET[i]); const q = d * +(d >= 0) + (+(d < 0) - 1) * 0;';
  const loop = `let s = 0; for (let i = 0; i < out.length; i++) { ${body} out[i] = q; s += q; } return s;`;
  const key = `__gepBench${kernel}`;
  (globalThis as Record<string, unknown>)[key] = arrays;
  const code = `const { ${names.join(', ')} } = globalThis.${key};
export function constants(f) { ${loop} }
export function args(${names.join(', ')}, f) { ${loop} }`;
  const m = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as {
    constants(f: number): number;
    args(...a: unknown[]): number;
  };
  delete (globalThis as Record<string, unknown>)[key];
  return { constants: () => m.constants(factor), args: () => m.args(...names.map((n) => arrays[n]), factor) };
}

interface Numpy {
  python: string;
  version: string;
  same: number;
  plain: number;
  check: { sum: number; nodata: number; invalid: number };
}

function numpy(kernel: 'rusle' | 'water', cells: number): Numpy | string {
  for (const python of ['/usr/bin/python3', 'python3']) {
    try {
      const out = execFileSync(python, [new URL('./kernels.py', import.meta.url).pathname, kernel, String(cells), String(RUNS)], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        // OPENBLAS_* slow a current numpy on some processors; elementwise code uses no BLAS, but unset them for this command only.
        env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'OPENBLAS_CORETYPE' && k !== 'OPENBLAS_L2_SIZE')),
      });
      return { python, ...(JSON.parse(out) as Omit<Numpy, 'python'>) };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (!/No module named 'numpy'|ENOENT/.test(message))
        return `numpy run failed with ${python}: ${message.split('\n').slice(0, 3).join(' ')}`;
    }
  }
  return 'numpy is not installed (Debian: apt-get install python3-numpy); the numpy comparison is skipped';
}

interface Row {
  readonly run: string;
  readonly wall: number;
  readonly cpu: number;
  readonly traffic: number;
  readonly threads: number;
  readonly bare?: boolean;
}

export async function benchKernels(lines: string[]): Promise<void> {
  const dist = new URL('../dist/', import.meta.url);
  lines.push(`## Per-cell kernels over ${CELLS.toExponential(0)} cells (float32 inputs; best of ${RUNS})`);
  lines.push('');
  if (!existsSync(new URL('kernels.js', dist)) || !existsSync(new URL('node.js', dist)) || !existsSync(new URL('kernel-worker.js', dist))) {
    lines.push('Skipped: dist/ is not built (`npm run bench` runs tsup first).', '');
    return;
  }
  const kernels = (await import(new URL('kernels.js', dist).href)) as Kernels;
  const node = (await import(new URL('node.js', dist).href)) as Node;
  const threads = availableParallelism();
  const startedAt = performance.now();
  await node.startKernelThreads(threads - 1);
  const startup = performance.now() - startedAt;
  const copier = new Copier(threads);
  const load = [loadavg()[0]!];
  const notes: string[] = [
    `Worker threads: ${threads} in all (this one and ${threads - 1} worker${threads > 2 ? 's' : ''}); starting the pool took ${ms(startup)}, outside the times below.`,
  ];
  const tables: string[] = [];
  try {
    tables.push(...(await rusle(kernels, node, copier, threads, notes)));
    load.push(loadavg()[0]!);
    tables.push(...(await water(kernels, node, copier, threads, notes)));
    load.push(loadavg()[0]!);
  } finally {
    await copier.close();
    await node.closeKernelThreads();
  }
  lines.push('Kernel traffic is its inputs read and its output written (4 bytes a float32 cell, 8 a float64 one). The copy baselines copy');
  lines.push("the same input arrays and a float64 array of the output's size with TypedArray#set (memcpy), counting bytes read + written,");
  lines.push(
    `on one thread and split over ${threads}; "% of copy" is the kernel's GB/s over the copy's. × numpy compares with numpy's "same rules" run.`,
  );
  lines.push(`Load average (1 min) at the start, between the kernels and at the end: ${load.map((x) => x.toFixed(2)).join(', ')}.`);
  lines.push('');
  lines.push(...tables);
  for (const n of notes) lines.push(`- ${n}`);
  lines.push('');
}

/** Copy bandwidth, GB/s, of `pairs` on one thread and on `threads`. */
async function copyBandwidth(
  pairs: readonly (readonly [Float32Array | Float64Array, Float32Array | Float64Array])[],
  copier: Copier,
): Promise<{ one: number; all: number; bytes: number }> {
  const bytes = 2 * pairs.reduce((s, [a]) => s + a.byteLength, 0);
  for (const [s, d] of pairs) d.set(s);
  const one = await timed(RUNS, () => {
    for (const [s, d] of pairs) d.set(s);
  });
  const all = await timed(RUNS, () => copier.copy(pairs, CELLS));
  return { one: bytes / 1e6 / one.wall, all: bytes / 1e6 / all.wall, bytes };
}

function table(name: string, rows: readonly Row[], copy: { one: number; all: number }, np: Numpy | string, notes: string[]): string[] {
  const out = [
    `### ${name}`,
    '',
    '| run | time | per cell | traffic | GB/s | % of copy, 1 thread | % of copy, all threads | × numpy (same rules) | CPU/wall |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const npSame = typeof np === 'string' ? null : np.same;
  for (const r of rows) {
    const gbs = r.traffic / 1e6 / r.wall;
    out.push(
      `| ${r.run} | ${ms(r.wall)} | ${((r.wall * 1e6) / CELLS).toFixed(2)} ns | ${(r.traffic / 1e9).toFixed(1)} GB | ${gbs.toFixed(1)} | ${((100 * gbs) / copy.one).toFixed(0)} % | ${((100 * gbs) / copy.all).toFixed(0)} % | ${npSame === null || r.bare ? '—' : ratio(npSame / r.wall)} | ${(r.cpu / r.wall).toFixed(2)} |`,
    );
  }
  if (typeof np === 'string') notes.push(np);
  else {
    out.push(`| numpy, same rules | ${ms(np.same)} | ${((np.same * 1e6) / CELLS).toFixed(2)} ns | | | | | 1× | |`);
    out.push(
      `| numpy, formula only (no nodata) | ${ms(np.plain)} | ${((np.plain * 1e6) / CELLS).toFixed(2)} ns | | | | | ${ratio(np.same / np.plain)} | |`,
    );
    if (!notes.some((n) => n.startsWith('numpy')))
      notes.push(`numpy ${np.version} (${np.python}), one thread (numpy's elementwise operations use one core).`);
  }
  out.push('', `Copy bandwidth: ${copy.one.toFixed(1)} GB/s on one thread, ${copy.all.toFixed(1)} GB/s on all threads.`, '');
  return out;
}

async function rusle(kernels: Kernels, node: Node, copier: Copier, threads: number, notes: string[]): Promise<string[]> {
  // numpy first, before this process holds its own arrays.
  const np = numpy('rusle', CELLS);
  const R = band(CELLS, 500, 5000, 1);
  const K = band(CELLS, 0.005, 0.06, 2);
  const LS = band(CELLS, 0, 20, 3);
  const C = band(CELLS, 0, 1, 4);
  const P = band(CELLS, 0.2, 1, 5);
  const out64 = node.sharedArray(Float64Array, CELLS);
  const out32 = node.sharedArray(Float32Array, CELLS);
  const bands = {
    erosivity: { values: R, nodata: ND },
    erodibility: { values: K, nodata: ND },
    slopeLength: { values: LS, nodata: ND },
    cover: { values: C, nodata: ND },
    practice: { values: P, nodata: ND },
    cellArea: 900,
  };
  const inBytes = 5 * R.byteLength;
  const rows: Row[] = [];
  let one: ReturnType<Kernels['rusleKernel']> | undefined;
  for (const [label, out] of [
    ['float64', out64],
    ['float32', out32],
  ] as const) {
    kernels.rusleKernel({ ...bands, out });
    const t = await timed(RUNS, () => {
      one = kernels.rusleKernel({ ...bands, out });
    });
    rows.push({ run: `1 thread, ${label} output`, ...t, traffic: inBytes + out.byteLength, threads: 1 });
  }
  let many: Awaited<ReturnType<Node['runKernelThreads']>> | undefined;
  for (const [label, out] of [
    ['float64', out64],
    ['float32', out32],
  ] as const) {
    const t = await timed(RUNS, async () => {
      many = await node.runKernelThreads('rusle', { ...bands, out }, { threads });
    });
    rows.push({ run: `${many!.threads} threads, ${label} output`, ...t, traffic: inBytes + out.byteLength, threads: many!.threads });
  }
  const bare = await bareLoops('rusle', { R, K, LS, C, P, out: out64 }, 0.09);
  rows.push({
    run: 'bare JS loop, no nodata, arrays as module constants, 1 thread, float64',
    ...(await timed(RUNS, bare.constants)),
    traffic: inBytes + out64.byteLength,
    threads: 1,
    bare: true,
  });
  rows.push({
    run: 'bare JS loop, no nodata, arrays as arguments, 1 thread, float64',
    ...(await timed(RUNS, bare.args)),
    traffic: inBytes + out64.byteLength,
    threads: 1,
    bare: true,
  });
  const target32 = new Float32Array(new SharedArrayBuffer(R.byteLength));
  const target64 = node.sharedArray(Float64Array, CELLS);
  const copy = await copyBandwidth(
    [
      [R, target32],
      [K, target32],
      [LS, target32],
      [C, target32],
      [P, target32],
      [out64, target64],
    ],
    copier,
  );
  const same = Object.is(one!.sum, many!.sum) && one!.valid === many!.valid;
  notes.push(
    `RUSLE: ${one!.valid} valid cells, ${one!.nodata} nodata, ${one!.invalid} invalid, sum ${one!.sum.toExponential(9)} t/a; ${threads} threads gave ${same ? 'the same statistics to the bit' : `DIFFERENT statistics (sum ${many!.sum})`}.` +
      (typeof np === 'string'
        ? ''
        : ` numpy (its own random inputs, same ranges): ${np.check.nodata} nodata, ${np.check.invalid} invalid.`),
  );
  return table('RUSLE (5 inputs)', rows, copy, np, notes);
}

async function water(kernels: Kernels, node: Node, copier: Copier, threads: number, notes: string[]): Promise<string[]> {
  const np = numpy('water', CELLS);
  const Pr = band(CELLS, 200, 1500, 6);
  const ET = band(CELLS, 100, 900, 7);
  const A = band(CELLS, 0, 0.3, 8);
  const out64 = node.sharedArray(Float64Array, CELLS);
  const out32 = node.sharedArray(Float32Array, CELLS);
  const bands = {
    precipitation: { values: Pr, nodata: ND },
    evapotranspiration: { values: ET, nodata: ND },
    runoffCoefficient: { values: A, nodata: ND },
    cellArea: 900,
  };
  const inBytes = 3 * Pr.byteLength;
  const rows: Row[] = [];
  let one: ReturnType<Kernels['waterBalanceKernel']> | undefined;
  for (const [label, out] of [
    ['float64', out64],
    ['float32', out32],
  ] as const) {
    kernels.waterBalanceKernel({ ...bands, out });
    const t = await timed(RUNS, () => {
      one = kernels.waterBalanceKernel({ ...bands, out });
    });
    rows.push({ run: `1 thread, ${label} output`, ...t, traffic: inBytes + out.byteLength, threads: 1 });
  }
  let many: (Awaited<ReturnType<Node['runKernelThreads']>> & { clamped?: number }) | undefined;
  for (const [label, out] of [
    ['float64', out64],
    ['float32', out32],
  ] as const) {
    const t = await timed(RUNS, async () => {
      many = await node.runKernelThreads('water-balance', { ...bands, out }, { threads });
    });
    rows.push({ run: `${many!.threads} threads, ${label} output`, ...t, traffic: inBytes + out.byteLength, threads: many!.threads });
  }
  const bare = await bareLoops('water', { PR: Pr, ET, A, out: out64 }, 0.9);
  rows.push({
    run: 'bare JS loop, no nodata, arrays as module constants, 1 thread, float64',
    ...(await timed(RUNS, bare.constants)),
    traffic: inBytes + out64.byteLength,
    threads: 1,
    bare: true,
  });
  rows.push({
    run: 'bare JS loop, no nodata, arrays as arguments, 1 thread, float64',
    ...(await timed(RUNS, bare.args)),
    traffic: inBytes + out64.byteLength,
    threads: 1,
    bare: true,
  });
  const target32 = new Float32Array(new SharedArrayBuffer(Pr.byteLength));
  const target64 = node.sharedArray(Float64Array, CELLS);
  const copy = await copyBandwidth(
    [
      [Pr, target32],
      [ET, target32],
      [A, target32],
      [out64, target64],
    ],
    copier,
  );
  const same = Object.is(one!.sum, many!.sum) && one!.valid === many!.valid;
  notes.push(
    `water balance: ${one!.valid} valid cells, ${one!.clamped} clamped to 0 (${((100 * one!.clamped) / one!.valid).toFixed(0)} %, in no pattern), ${one!.nodata} nodata, sum ${one!.sum.toExponential(9)} m³/a; ${threads} threads gave ${same ? 'the same statistics to the bit' : `DIFFERENT statistics (sum ${many!.sum})`}.`,
  );
  return table('Water balance (3 inputs)', rows, copy, np, notes);
}
