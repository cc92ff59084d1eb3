/**
 * Kernels split over worker threads (`gep-accounting/node`): the blocks' partial sums are folded in
 * block order, so 1, 2 or 3 threads give the same statistics to the bit, and the same cells, as the
 * one-thread kernel; and the threaded RUSLE and water balance agree with the decimal modules.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeKernelThreads, plannedThreads, runKernelThreads, sharedArray } from '../../src/node/kernel-threads.js';
import { nepKernel } from '../../src/kernels/carbon.js';
import { rusleKernel } from '../../src/kernels/rusle.js';
import { rweqKernel } from '../../src/kernels/rweq.js';
import { waterBalanceKernel } from '../../src/kernels/water-balance.js';
import { PARTIAL_SUM_CELLS, type KernelStats } from '../../src/kernels/cells.js';
import * as soilRetention from '../../src/indicators/regulating/soil-retention.js';
import * as waterConservation from '../../src/indicators/regulating/water-conservation.js';
import { decimalArithmetic } from '../../src/numbers/arithmetic.js';
import { relativeDifference, runIndicator } from '../helpers/indicator.js';

afterAll(closeKernelThreads);

const N = 5 * PARTIAL_SUM_CELLS + 123; // six blocks, the last one short
const ND = -9999;

/** A shared band of reproducible values in [lo, hi), with nodata, NaN and an out-of-range value sprinkled in. */
function band(lo: number, hi: number, seed: number, shared = true): Float32Array {
  const a = shared ? sharedArray(Float32Array, N) : new Float32Array(N);
  let x = seed >>> 0;
  for (let i = 0; i < N; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    a[i] = i % 211 === 3 ? ND : i % 307 === 4 ? Number.NaN : i % 401 === 5 ? -1 : lo + (hi - lo) * (x / 4294967296);
  }
  return a;
}

function same(a: KernelStats, b: KernelStats) {
  for (const [k, v] of Object.entries(a))
    if (k !== 'threads')
      expect(
        Object.is((b as unknown as Record<string, number>)[k], v),
        `${k}: ${(b as unknown as Record<string, number>)[k]} vs ${v}`,
      ).toBe(true);
}

describe('kernels on worker threads', () => {
  const rusle = (out: Float64Array | Float32Array) => ({
    erosivity: { values: band(500, 5000, 1), nodata: ND },
    erodibility: { values: band(0.005, 0.06, 2), nodata: ND },
    slopeLength: { values: band(0, 20, 3), nodata: ND },
    cover: { values: band(0, 1, 4), nodata: ND },
    practice: { values: band(0.2, 1, 5), nodata: ND },
    cellArea: 900,
    out,
  });

  it('RUSLE: 1, 2 and 3 threads give the one-thread statistics and cells to the bit', async () => {
    const reference = new Float64Array(N);
    const one = rusleKernel(rusle(reference));
    expect(one.nodata).toBeGreaterThan(0);
    expect(one.invalid).toBeGreaterThan(0);
    for (const threads of [1, 2, 3]) {
      const out = sharedArray(Float64Array, N);
      const s = await runKernelThreads('rusle', rusle(out), { threads });
      expect(s.threads).toBe(threads);
      same(one, s);
      expect(Buffer.compare(Buffer.from(out.buffer), Buffer.from(reference.buffer))).toBe(0);
    }
  });

  it('water balance, RWEQ and NEP: 2 threads give the one-thread statistics and cells, float32 output too', async () => {
    const water = (out: Float32Array) => ({
      precipitation: { values: band(200, 1500, 6), nodata: ND },
      evapotranspiration: { values: band(100, 900, 7), nodata: ND },
      runoffCoefficient: { values: band(0, 0.3, 8), nodata: ND },
      cellArea: 900,
      out,
    });
    const rweq = (out: Float32Array) => ({
      weather: { values: band(0, 80, 9), nodata: ND },
      erodibleFraction: { values: band(0, 1, 10), nodata: ND },
      crust: { values: band(0, 1, 11), nodata: ND },
      roughness: { values: band(0.2, 1, 12), nodata: ND },
      vegetation: { values: band(0, 1, 13), nodata: ND },
      cellArea: 900,
      out,
    });
    const nep = (out: Float32Array) => ({
      npp: { values: band(0, 900, 14), nodata: ND },
      heterotrophicRespiration: { values: band(0, 700, 15), nodata: ND },
      cellArea: 900,
      factor: 44 / 12,
      out,
    });
    const cases = [
      [waterBalanceKernel, 'water-balance', water],
      [rweqKernel, 'rweq', rweq],
      [nepKernel, 'nep', nep],
    ] as const;
    for (const [kernel, name, input] of cases) {
      const reference = new Float32Array(N);
      const one = (kernel as (i: unknown) => KernelStats)(input(reference));
      const out = sharedArray(Float32Array, N);
      const s = await runKernelThreads(name, input(out) as never, { threads: 2 });
      expect(s.threads, name).toBe(2);
      same(one, s);
      expect(Buffer.compare(Buffer.from(out.buffer), Buffer.from(reference.buffer)), name).toBe(0);
    }
  });

  it('agrees with the decimal soil-retention and water-conservation modules on two threads (rtol 1e-12)', async () => {
    // Three ecosystem lines, each repeated over 3 000 cells of 625 m² (R, K, LS, C, P) or 900 m² (P, ET, α):
    // the module with each line's area × 3 000 gives the same totals as the kernel over 9 000 cells.
    const lines = [
      [2412.5, 0.0312, 4.71, 0.183, 0.9],
      [3180, 0.0275, 12.4, 0.05, 1],
      [1999.9, 0.041, 0.82, 0.66, 0.35],
    ];
    const repeat = 3000;
    const cells = (j: number, from: number[][]) => {
      const a = sharedArray(Float64Array, from.length * repeat);
      for (let i = 0; i < a.length; i++) a[i] = from[i % from.length]![j]!;
      return { values: a };
    };
    const soil = await runKernelThreads(
      'rusle',
      {
        erosivity: cells(0, lines),
        erodibility: cells(1, lines),
        slopeLength: cells(2, lines),
        cover: cells(3, lines),
        practice: cells(4, lines),
        cellArea: 625,
      },
      { threads: 2 },
    );
    expect(soil.threads).toBe(2);
    const soilModule = runIndicator(
      soilRetention,
      {
        ecosystems: lines.map(([r, k, ls, c, p]) => ({
          ecosystemType: 'cropland',
          area: { value: String(625 * repeat), unit: 'm²' },
          rainfallErosivity: { value: String(r), unit: 'MJ·mm/(hm²·h·a)' },
          soilErodibility: { value: String(k), unit: 't·hm²·h/(hm²·MJ·mm)' },
          slopeLengthSteepness: { value: String(ls), unit: '1' },
          coverManagement: { value: String(c), unit: '1' },
          supportPractice: { value: String(p), unit: '1' },
        })),
      },
      decimalArithmetic,
      { priceYear: 2010 },
    );
    expect(relativeDifference(soil.sum, soilModule.quantity.total!.value.toNumber())).toBeLessThan(1e-12);

    const balance = [
      [612.5, 401.75, 0.0267],
      [480.25, 300, 0.0833],
      [733, 420.5, 0.1],
    ];
    const water = await runKernelThreads(
      'water-balance',
      { precipitation: cells(0, balance), evapotranspiration: cells(1, balance), runoffCoefficient: cells(2, balance), cellArea: 900 },
      { threads: 2 },
    );
    expect(water.threads).toBe(2);
    const waterModule = runIndicator(
      waterConservation as never,
      {
        ecosystems: balance.map(([p, et, a]) => ({
          ecosystemType: 'cropland',
          area: { value: String(900 * repeat), unit: 'm²' },
          precipitation: { value: String(p), unit: 'mm' },
          evapotranspiration: { value: String(et), unit: 'mm' },
          runoffCoefficient: { value: String(a), unit: '1' },
        })),
      },
      decimalArithmetic,
    );
    expect(relativeDifference(water.sum, waterModule.quantity.total!.value.toNumber())).toBeLessThan(1e-12);
  });

  it('needs shared memory for more than one thread, and runs on one thread under auto without it', async () => {
    const plain = {
      precipitation: { values: band(200, 1500, 6, false) },
      evapotranspiration: { values: band(100, 900, 7, false) },
      runoffCoefficient: { values: band(0, 0.3, 8, false) },
      cellArea: 900,
    };
    await expect(runKernelThreads('water-balance', plain, { threads: 2 })).rejects.toThrow(/SharedArrayBuffer/);
    const auto = await runKernelThreads('water-balance', plain, { minCellsPerThread: 1 });
    expect(auto.threads).toBe(1);
    same(waterBalanceKernel(plain), auto);
    // A shared output alone is not enough: every band must be shared too.
    await expect(runKernelThreads('water-balance', { ...plain, out: sharedArray(Float64Array, N) }, { threads: 2 })).rejects.toThrow(
      /SharedArrayBuffer/,
    );
  });

  it('plans threads: one per core under auto when each gets enough cells, never more than the blocks', () => {
    expect(plannedThreads(N, true, { threads: 'auto', minCellsPerThread: 1 })).toBeGreaterThanOrEqual(1);
    expect(plannedThreads(N, true, { threads: 'auto', minCellsPerThread: N })).toBe(1);
    expect(plannedThreads(N, false, { threads: 'auto', minCellsPerThread: 1 })).toBe(1);
    expect(plannedThreads(100, true, { threads: 4 })).toBe(1); // one block
    expect(plannedThreads(N, true, { threads: 4 })).toBe(4);
    expect(() => plannedThreads(N, true, { threads: 0 })).toThrow(/whole number/);
    expect(() => plannedThreads(N, true, { threads: 1.5 })).toThrow(/whole number/);
  });
});
