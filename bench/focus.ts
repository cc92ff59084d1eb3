/**
 * A focused timing of the batch paths, for profiling (`node --cpu-prof --import tsx bench/focus.ts`);
 * not part of `npm run bench`. MODES: a comma list of d|f (decimal, float64) followed by a form
 * (none, json, bytes, object); a trailing w encodes each JSON text as UTF-8 in the consumer, as
 * writing it to a file does (djsonw). N units (default 3000), best of RUNS (default 3), with the
 * time spent in garbage collection.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { streamGepBatch, type BatchItem, type StreamOptions } from '../src/accounts/batch.js';
import { floatArithmetic } from '../src/numbers/arithmetic.js';
import { counties } from './accounts.js';

const n = Number(process.env.N ?? 3000);
const inputs = counties(n);
const modes = (process.env.MODES ?? 'dnone,djson,dbytes,fnone,fjson,fbytes').split(',');
const runs = Number(process.env.RUNS ?? 3);
let gcMs = 0;
new PerformanceObserver((l) => {
  for (const e of l.getEntries()) gcMs += e.duration;
}).observe({ entryTypes: ['gc'] });
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const utf8 = new TextEncoder();

for (const m of modes) {
  const write = m.endsWith('w');
  const form = (write ? m.slice(1, -1) : m.slice(1)) as StreamOptions<unknown>['form'];
  const options = { form, ...(m[0] === 'f' ? { arithmetic: floatArithmetic } : {}) } as StreamOptions<unknown>;
  let bytes = 0;
  const consume = write
    ? (item: BatchItem<unknown>) => {
        if (item.ok) bytes += typeof item.result === 'string' ? utf8.encode(`${item.result}\n`).length : (item.result as Uint8Array).length;
      }
    : () => {};
  streamGepBatch(inputs.slice(0, 300), options, () => {});
  let best = Infinity;
  let bestCpu = Infinity;
  let bestGc = Infinity;
  let onPlans = 0;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    const c = cpu();
    const g = gcMs;
    const report = streamGepBatch(inputs, options, consume);
    await new Promise((resolve) => setTimeout(resolve, 0)); // let the gc observer report
    best = Math.min(best, performance.now() - t);
    bestCpu = Math.min(bestCpu, cpu() - c);
    bestGc = Math.min(bestGc, gcMs - g);
    onPlans = report.onPlans ?? 0;
  }
  console.log(
    m,
    best.toFixed(0),
    'ms wall',
    bestCpu.toFixed(0),
    'ms cpu',
    ((best * 1000) / n).toFixed(0),
    'µs/unit',
    'onPlans',
    onPlans,
    'gc',
    bestGc.toFixed(0),
    'ms',
    write ? `${(bytes / runs / 2 ** 20).toFixed(0)} MiB per run` : '',
  );
}
