/**
 * Benchmark: RUSLE and the water balance over 10⁸ cells (float32 inputs, as rasters usually are;
 * float64 output and sums), against the same formula with the same nodata rules in numpy, and
 * against a plain copy of the same input arrays (the machine's memory bandwidth).
 */
import { execFileSync } from 'node:child_process';
import { rusleKernel } from '../src/kernels/rusle.js';
import { waterBalanceKernel } from '../src/kernels/water-balance.js';
import { best, ms, ratio } from './common.js';

const CELLS = Number(process.env.BENCH_CELLS ?? 1e8);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ND = -9999;

/** Uniform values in [lo, hi) from a fixed LCG, with one cell in 1 000 set to nodata. */
function band(n: number, lo: number, hi: number, seed: number): Float32Array {
  const a = new Float32Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    a[i] = i % 1000 === 7 ? ND : lo + (hi - lo) * (x / 4294967296);
  }
  return a;
}

/** Time of copying `arrays` into same-sized arrays (memcpy through TypedArray#set), and the bytes moved (read + write). */
function copyBaseline(arrays: readonly Float32Array[]): { time: number; bytes: number } {
  const targets = arrays.map((a) => new Float32Array(a.length));
  const time = best(RUNS, () => arrays.forEach((a, i) => targets[i]!.set(a)));
  return { time, bytes: 2 * arrays.reduce((s, a) => s + a.byteLength, 0) };
}

function numpy(kernel: 'rusle' | 'water', cells: number): { python: string; version: string; same: number; plain: number } | string {
  for (const python of ['/usr/bin/python3', 'python3']) {
    try {
      const out = execFileSync(python, [new URL('./kernels.py', import.meta.url).pathname, kernel, String(cells), String(RUNS)], {
        encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
        // OPENBLAS_* slow a current numpy on some processors; elementwise code uses no BLAS, but unset them for this command only.
        env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'OPENBLAS_CORETYPE' && k !== 'OPENBLAS_L2_SIZE')),
      });
      const r = JSON.parse(out) as { version: string; same: number; plain: number };
      return { python, ...r };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (!/No module named 'numpy'|ENOENT/.test(message)) return `numpy run failed with ${python}: ${message.split('\n').slice(0, 3).join(' ')}`;
    }
  }
  return 'numpy is not installed (Debian: apt-get install python3-numpy); the numpy comparison is skipped';
}

export function benchKernels(lines: string[]): void {
  lines.push(`## Per-cell kernels over ${CELLS.toExponential(0)} cells (float32 inputs, float64 output; best of ${RUNS})`);
  lines.push('');
  lines.push('| kernel | this library | per cell | numpy, same nodata rules | library vs numpy | numpy, formula only | memory traffic | copy of the inputs | library vs copy bandwidth |');
  lines.push('|---|---|---|---|---|---|---|---|---|');
  const notes: string[] = [];
  {
    const hm = 900;
    const R = band(CELLS, 500, 5000, 1);
    const K = band(CELLS, 0.005, 0.06, 2);
    const LS = band(CELLS, 0, 20, 3);
    const C = band(CELLS, 0, 1, 4);
    const P = band(CELLS, 0.2, 1, 5);
    const out = new Float64Array(CELLS);
    const bands = { erosivity: { values: R, nodata: ND }, erodibility: { values: K, nodata: ND }, slopeLength: { values: LS, nodata: ND }, cover: { values: C, nodata: ND }, practice: { values: P, nodata: ND } };
    rusleKernel({ ...Object.fromEntries(Object.entries(bands).map(([k, b]) => [k, { ...b, values: b.values.subarray(0, 1e5) }])) as typeof bands, cellArea: hm, out: out.subarray(0, 1e5) });
    let stats: ReturnType<typeof rusleKernel> | undefined;
    const t = best(RUNS, () => { stats = rusleKernel({ ...bands, cellArea: hm, out }); });
    const traffic = 5 * R.byteLength + out.byteLength;
    const copy = copyBaseline([R, K, LS, C, P]);
    const np = numpy('rusle', CELLS);
    row(lines, 'RUSLE (5 inputs)', t, traffic, copy, np, notes);
    notes.push(`RUSLE: ${stats!.valid} valid cells, ${stats!.nodata} nodata, sum ${stats!.sum.toExponential(6)} t/a`);
  }
  {
    const Pr = band(CELLS, 200, 1500, 6);
    const ET = band(CELLS, 100, 900, 7);
    const A = band(CELLS, 0, 0.3, 8);
    const out = new Float64Array(CELLS);
    const bands = { precipitation: { values: Pr, nodata: ND }, evapotranspiration: { values: ET, nodata: ND }, runoffCoefficient: { values: A, nodata: ND } };
    waterBalanceKernel({ precipitation: { values: Pr.subarray(0, 1e5), nodata: ND }, evapotranspiration: { values: ET.subarray(0, 1e5), nodata: ND }, runoffCoefficient: { values: A.subarray(0, 1e5), nodata: ND }, cellArea: 900, out: out.subarray(0, 1e5) });
    let stats: ReturnType<typeof waterBalanceKernel> | undefined;
    const t = best(RUNS, () => { stats = waterBalanceKernel({ ...bands, cellArea: 900, out }); });
    const traffic = 3 * Pr.byteLength + out.byteLength;
    const copy = copyBaseline([Pr, ET, A]);
    const np = numpy('water', CELLS);
    row(lines, 'water balance (3 inputs)', t, traffic, copy, np, notes);
    notes.push(`water balance: ${stats!.valid} valid cells, ${stats!.clamped} clamped to 0, ${stats!.nodata} nodata, sum ${stats!.sum.toExponential(6)} m³/a`);
  }
  lines.push('');
  for (const n of notes) lines.push(`- ${n}`);
  lines.push('');
}

function row(lines: string[], name: string, t: number, traffic: number, copy: { time: number; bytes: number }, np: ReturnType<typeof numpy>, notes: string[]): void {
  const gbs = traffic / 1e9 / (t / 1000);
  const copyGbs = copy.bytes / 1e9 / (copy.time / 1000);
  const npCells = typeof np === 'string' ? ['skipped', '—', 'skipped'] : [ms(np.same), ratio(np.same / t), ms(np.plain)];
  if (typeof np === 'string') notes.push(np);
  else if (!notes.some((n) => n.startsWith('numpy'))) notes.push(`numpy ${np.version} (${np.python})`);
  lines.push(`| ${name} | ${ms(t)} | ${(t * 1e6 / CELLS).toFixed(2)} ns | ${npCells[0]} | ${npCells[1]} | ${npCells[2]} | ${(traffic / 1e9).toFixed(1)} GB at ${gbs.toFixed(1)} GB/s | ${ms(copy.time)} (${copyGbs.toFixed(1)} GB/s) | ${(100 * gbs / copyGbs).toFixed(0)} % |`);
}
