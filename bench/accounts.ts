/**
 * Benchmark: 3 000 county accounts with the bundled sample's indicators, each county's quantities
 * scaled differently. Decimal path with full trace, in this thread and on worker threads; float
 * path; their agreement.
 */
import { readFileSync } from 'node:fs';
import { computeGepBatch } from '../src/accounts/batch.js';
import { decimalArithmetic, floatArithmetic, GepDecimal } from '../src/numbers/arithmetic.js';
import { best, bestAsync, ms, ratio } from './common.js';

const UNITS = Number(process.env.BENCH_UNITS ?? 3000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const sample = JSON.parse(readFileSync(new URL('../fixtures/sample-county/input.json', import.meta.url), 'utf8'));

/** Scale every `quantity` and `area` amount of the input by `factor` (exact decimal text). */
function scaled(x: unknown, factor: GepDecimal, key = ''): unknown {
  if (Array.isArray(x)) return x.map((v) => scaled(v, factor));
  if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if ((key === 'quantity' || key === 'area') && typeof o.value === 'string' && typeof o.unit === 'string') return { ...o, value: new GepDecimal(o.value).times(factor).toString() };
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, scaled(v, factor, k)]));
  }
  return x;
}

export function counties(n = UNITS): unknown[] {
  return Array.from({ length: n }, (_, i) => {
    const input = scaled(sample, new GepDecimal(1).plus(new GepDecimal(i % 997).div(10_000))) as Record<string, unknown>;
    return { ...input, region: { ...(input.region as object), name: `county ${i + 1}`, code: String(110101 + i).padStart(6, '0'), level: 'county' } };
  });
}

export async function benchAccounts(lines: string[]): Promise<void> {
  const inputs = counties();
  computeGepBatch(inputs.slice(0, 200));
  computeGepBatch(inputs.slice(0, 200), { arithmetic: floatArithmetic });
  let decimalReport: ReturnType<typeof computeGepBatch> | undefined;
  let floatReport: ReturnType<typeof computeGepBatch<number>> | undefined;
  // Interleave the two paths so that load from other processes falls on both alike.
  let dMin = Infinity;
  let fMin = Infinity;
  for (let r = 0; r < RUNS; r++) {
    dMin = Math.min(dMin, best(1, () => { decimalReport = computeGepBatch(inputs); }));
    fMin = Math.min(fMin, best(1, () => { floatReport = computeGepBatch(inputs, { arithmetic: floatArithmetic }); }));
  }
  // Workers run the built library (dist/, made by `npm run bench`), as the `gep` executable does;
  // from the TypeScript sources each worker would first compile them.
  const built = await import(new URL('../dist/node.js', import.meta.url).href).catch(() => null) as typeof import('../src/node/batch.js') | null;
  const runGepBatch = built?.runGepBatch ?? (await import('../src/node/batch.js')).runGepBatch;
  const oneThreadJson = await bestAsync(RUNS, () => runGepBatch(inputs, { workers: 0 }));
  const workers = await bestAsync(RUNS, () => runGepBatch(inputs, { workers: 'auto' }));
  let worst = 0;
  decimalReport!.items.forEach((d, i) => {
    const f = floatReport!.items[i]!;
    if (!d.ok || !f.ok) throw new Error(`unit ${i} failed`);
    const dv = decimalArithmetic.fromString(d.summary.totals.gep);
    const rel = dv.minus(f.summary.totals.gep).abs().div(dv.abs()).toNumber();
    worst = Math.max(worst, rel);
  });
  const failed = decimalReport!.failed + floatReport!.failed;
  const steps = decimalReport!.items.reduce((a, it) => a + (it.ok ? it.result.indicators.reduce((b, r) => b + r.quantity.steps.length + r.value.steps.length, 0) : 0), 0);
  lines.push(`## ${UNITS} county accounts (${(decimalReport!.items[0] as unknown as { result: { indicators: unknown[] } }).result.indicators.length} indicators each, ${steps} trace steps in all; best of ${RUNS})`);
  lines.push('');
  lines.push('| path | time | per account | vs decimal |');
  lines.push('|---|---|---|---|');
  lines.push(`| decimal, full trace, one thread (computeGepBatch) | ${ms(dMin)} | ${(dMin * 1000 / UNITS).toFixed(0)} µs | 1× |`);
  lines.push(`| decimal, full trace, results as JSON, one thread (runGepBatch, workers 0) | ${ms(oneThreadJson)} | ${(oneThreadJson * 1000 / UNITS).toFixed(0)} µs | ${ratio(dMin / oneThreadJson)} |`);
  lines.push(`| decimal, full trace, worker threads (runGepBatch, auto${built ? '' : ', from sources'}) | ${ms(workers)} | ${(workers * 1000 / UNITS).toFixed(0)} µs | ${ratio(dMin / workers)} |`);
  lines.push(`| float64, full trace, one thread | ${ms(fMin)} | ${(fMin * 1000 / UNITS).toFixed(0)} µs | ${ratio(dMin / fMin)} |`);
  lines.push('');
  lines.push(`float vs decimal, GEP total: largest relative difference ${worst.toExponential(2)} over ${UNITS} accounts (target ≤ 1e-9); failed units: ${failed}`);
  lines.push('');
}
