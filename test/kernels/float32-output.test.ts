/**
 * The float32 output option: each cell is its float64 value rounded to the nearest float32
 * (Math.fround, relative difference ≤ 2⁻²⁴ ≈ 6e-8), the sums are the float64 ones, unchanged, and a
 * cell beyond float32's range (|x| > 3.4e38) is invalid rather than written as ±Infinity.
 */
import { describe, expect, it } from 'vitest';
import { nepKernel } from '../../src/kernels/carbon.js';
import { rusleKernel } from '../../src/kernels/rusle.js';
import { rweqKernel } from '../../src/kernels/rweq.js';
import { waterBalanceKernel } from '../../src/kernels/water-balance.js';
import type { KernelOutput, KernelStats } from '../../src/kernels/cells.js';

/** Reproducible values in [lo, hi), one cell in 97 set to −9999 (nodata). */
function band(n: number, lo: number, hi: number, seed: number): Float32Array {
  const a = new Float32Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    a[i] = i % 97 === 5 ? -9999 : lo + (hi - lo) * (x / 4294967296);
  }
  return a;
}

const N = 10_000; // three blocks of 4096 cells
const ND = -9999;

const kernels: Record<string, (o: KernelOutput) => KernelStats> = {
  RUSLE: (o) =>
    rusleKernel({
      erosivity: { values: band(N, 500, 5000, 1), nodata: ND },
      erodibility: { values: band(N, 0.005, 0.06, 2), nodata: ND },
      slopeLength: { values: band(N, 0, 20, 3), nodata: ND },
      cover: { values: band(N, 0, 1, 4), nodata: ND },
      practice: { values: band(N, 0.2, 1, 5), nodata: ND },
      cellArea: 900,
      ...o,
    }),
  'water balance': (o) =>
    waterBalanceKernel({
      precipitation: { values: band(N, 200, 1500, 6), nodata: ND },
      evapotranspiration: { values: band(N, 100, 900, 7), nodata: ND },
      runoffCoefficient: { values: band(N, 0, 0.3, 8), nodata: ND },
      cellArea: 900,
      ...o,
    }),
  RWEQ: (o) =>
    rweqKernel({
      weather: { values: band(N, 0, 80, 9), nodata: ND },
      erodibleFraction: { values: band(N, 0, 1, 10), nodata: ND },
      crust: { values: band(N, 0, 1, 11), nodata: ND },
      roughness: { values: band(N, 0.2, 1, 12), nodata: ND },
      vegetation: { values: band(N, 0, 1, 13), nodata: ND },
      cellArea: 900,
      ...o,
    }),
  NEP: (o) =>
    nepKernel({
      npp: { values: band(N, 0, 900, 14), nodata: ND },
      heterotrophicRespiration: { values: band(N, 0, 700, 15), nodata: ND },
      cellArea: 900,
      factor: 44 / 12,
      ...o,
    }),
};

describe('float32 output', () => {
  it.each(Object.keys(kernels))('%s: each cell is Math.fround of its float64 value, and the statistics are identical', (name) => {
    const out64 = new Float64Array(N);
    const out32 = new Float32Array(N);
    const s64 = kernels[name]!({ out: out64 });
    const s32 = kernels[name]!({ out: out32 });
    const none = kernels[name]!({});
    expect(s32).toEqual(s64);
    expect(none).toEqual(s64);
    for (const [k, v] of Object.entries(s64)) expect(Object.is((s32 as unknown as Record<string, number>)[k], v), k).toBe(true);
    let worst = 0;
    for (let i = 0; i < N; i++) {
      if (out32[i] !== Math.fround(out64[i]!)) expect.fail(`cell ${i}: ${out32[i]} written, Math.fround(${out64[i]}) expected`);
      if (out64[i] !== 0 && out64[i] !== ND) worst = Math.max(worst, Math.abs(out32[i]! - out64[i]!) / Math.abs(out64[i]!));
    }
    // The stated tolerance: half a float32 ulp, 2⁻²⁴ relative.
    expect(worst).toBeLessThanOrEqual(2 ** -24);
    expect(s64.nodata).toBeGreaterThan(0);
  });

  it('refuses an outNodata that a float32 cannot hold, which would not match the raster nodata tag', () => {
    const one = { values: Float32Array.of(1) };
    const input = { precipitation: one, evapotranspiration: one, runoffCoefficient: { values: Float32Array.of(0.1) }, cellArea: 1 };
    expect(() => waterBalanceKernel({ ...input, out: new Float32Array(1), outNodata: -9999.1 })).toThrow(/not a float32 value/);
    expect(() => waterBalanceKernel({ ...input, out: new Float32Array(1), outNodata: -1e39 })).toThrow(/not a float32 value/);
    expect(() => waterBalanceKernel({ ...input, out: new Float64Array(1), outNodata: -9999.1 })).not.toThrow();
    expect(() => waterBalanceKernel({ ...input, out: new Int32Array(1) as never })).toThrow(/Float64Array or a Float32Array/);
  });

  it('counts a cell beyond float32 range as invalid with a float32 output only (RUSLE, water balance, NEP)', () => {
    // RUSLE: R 1e30 × K 1e10 × LS 1 × (1 − 0) × 1 hm² = 1e40 t/a: a double, not a float32.
    const r = (out: Float32Array | Float64Array) =>
      rusleKernel({
        erosivity: { values: Float64Array.of(1e30, 2000) },
        erodibility: { values: Float64Array.of(1e10, 0.03) },
        slopeLength: { values: Float64Array.of(1, 5) },
        cover: { values: Float64Array.of(0, 0.2) },
        practice: { values: Float64Array.of(1, 1) },
        cellArea: 10_000,
        out,
      });
    const out32 = new Float32Array(2);
    expect(r(new Float64Array(2))).toMatchObject({ valid: 2, invalid: 0 });
    const s = r(out32);
    expect(s).toMatchObject({ valid: 1, invalid: 1 });
    // 2000 × 0.03 × 5 × 0.8 × 1 hm² = 240 t/a
    expect(s.sum).toBeCloseTo(240, 9);
    expect([...out32]).toEqual([-9999, Math.fround(s.sum)]);
    // Water balance: P 1e30 mm over 1e12 m² (k = 1e9 m³/mm) = 1e39 m³/a.
    const w = waterBalanceKernel({
      precipitation: { values: Float64Array.of(1e30) },
      evapotranspiration: { values: Float64Array.of(0) },
      runoffCoefficient: { values: Float64Array.of(0) },
      cellArea: 1e12,
      out: new Float32Array(1),
    });
    expect(w).toMatchObject({ valid: 0, invalid: 1, sum: 0, rawSum: 0 });
    // NEP: −1e35 t C/(km²·a) over 1e6 km² × 44/12 ≈ −3.7e41 t CO₂/a, negative and beyond float32.
    const c = nepKernel({ nep: { values: Float64Array.of(-1e35) }, cellArea: 1e12, factor: 44 / 12, out: new Float32Array(1) });
    expect(c).toMatchObject({ valid: 0, invalid: 1, negative: 0 });
  });
});
