/** Shared helpers of the benchmarks: timing (best of n), machine description, formatting. */
import { cpus, totalmem, loadavg } from 'node:os';

/** Best (minimum) wall time of `runs` runs of `f`, in ms; the minimum is the least disturbed by other load. */
export function best(runs: number, f: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

export async function bestAsync(runs: number, f: () => Promise<unknown>): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

export function machine(): string {
  const c = cpus();
  return `${c[0]?.model ?? 'unknown CPU'} × ${c.length} logical cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`;
}

export const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
export const ratio = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)}×`;
