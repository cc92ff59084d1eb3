import { describe, expect, it } from 'vitest';
import { carbonPerCell, nepKernel } from '../../src/kernels/carbon.js';
import * as carbonSequestration from '../../src/indicators/regulating/carbon-sequestration.js';
import * as oxygenRelease from '../../src/indicators/regulating/oxygen-release.js';
import { decimalArithmetic } from '../../src/numbers/arithmetic.js';
import { relativeDifference, runIndicator } from '../helpers/indicator.js';

const f64 = (...v: number[]) => Float64Array.from(v);

describe('NEP kernel (固碳 / 释氧, Q = k · NEP · a)', () => {
  it('turns NEP per area into CO₂ per cell by hand', () => {
    // 500 g C/(m²·a) = 500 t C/(km²·a); 900 m² = 9e-4 km² → 0.45 t C/a; × 44/12 = 1.65 t CO₂/a
    expect(carbonPerCell('t C/(km²·a)', 900)).toBeCloseTo(9e-4, 15);
    const out = new Float64Array(1);
    const s = nepKernel({ nep: { values: f64(500) }, cellArea: 900, factor: 44 / 12, out });
    expect(out[0]).toBeCloseTo(1.65, 12);
    expect(s.sum).toBeCloseTo(1.65, 12);
  });

  it('computes NEP as NPP − R_h, keeps a net source with its sign and counts it', () => {
    // (600 − 450) + (300 − 360) = 150 − 60 = 90 g C/m² over 1 m² each → 90 × 1e-6 t C × 32/12 = 2.4e-4 t O₂
    const s = nepKernel({
      npp: { values: f64(600, 300) },
      heterotrophicRespiration: { values: f64(450, 360) },
      cellArea: 1,
      factor: 32 / 12,
    });
    expect(s.sum).toBeCloseTo(2.4e-4, 15);
    expect(s.negative).toBe(1);
  });

  it('skips nodata and reads other per-area units', () => {
    const out = new Float64Array(3);
    // 2 t C/(hm²·a) over 1 hm² (10 000 m²) = 2 t C/a
    const s = nepKernel({
      nep: { values: f64(2, -9999, Number.NaN), nodata: -9999 },
      perArea: 't C/(hm²·a)',
      cellArea: 10_000,
      factor: 1,
      out,
    });
    expect([...out]).toEqual([2, -9999, -9999]);
    expect(s).toMatchObject({ valid: 1, nodata: 2, sum: 2 });
  });

  it('counts a cell whose NEP or result leaves the float range as invalid, never letting ±Infinity into the sum', () => {
    // NPP 1.5e308 − R_h (−1.5e308) = ∞; before, the cell was valid and the sum Infinity.
    // The second cell: (600 − 450) g C/m² over 1 m² = 150e-6 t C × 44/12 = 5.5e-4 t CO₂.
    const out = new Float64Array(2);
    const s = nepKernel({
      npp: { values: f64(1.5e308, 600) },
      heterotrophicRespiration: { values: f64(-1.5e308, 450) },
      cellArea: 1,
      factor: 44 / 12,
      out,
    });
    expect([...out]).toEqual([-9999, 150e-6 * (44 / 12)]);
    expect(s).toMatchObject({ valid: 1, nodata: 0, invalid: 1, negative: 0 });
    expect(s.sum).toBeCloseTo(5.5e-4, 15);
  });

  it('needs NEP, or NPP and R_h', () => {
    expect(() => nepKernel({ npp: { values: f64(1) }, cellArea: 1, factor: 1 })).toThrow(/give nep, or npp and heterotrophicRespiration/);
  });

  it('agrees with the decimal carbon-sequestration and oxygen-release modules (variant nep, rtol 1e-12)', () => {
    // Each cell is one ecosystem line whose NEP (t C/a) is NEP per area × cell area.
    const nep = [512.25, 88.5, -40.75, 1203.125];
    const cellArea = 250_000; // 500 m × 500 m = 0.25 km²
    const lines = nep.map((v) => ({ ecosystemType: 'deciduous-broadleaf-forest', nep: { value: String(v * 0.25), unit: 't C/a' } }));
    const co2 = runIndicator(carbonSequestration as never, { ecosystems: lines }, decimalArithmetic);
    const o2 = runIndicator(oxygenRelease as never, { ecosystems: lines }, decimalArithmetic);
    const k = (id: string) => co2.coefficients.find((c) => c.id === id)?.value ?? o2.coefficients.find((c) => c.id === id)!.value;
    const [a, b] = k('co2-per-carbon').split('/').map(Number);
    const [c, d] = k('o2-per-carbon').split('/').map(Number);
    const carbon = nepKernel({ nep: { values: f64(...nep) }, cellArea, factor: a! / b! });
    const oxygen = nepKernel({ nep: { values: f64(...nep) }, cellArea, factor: c! / d! });
    expect(co2.quantity.total!.unit).toBe('t CO2/a');
    expect(relativeDifference(carbon.sum, co2.quantity.total!.value.toNumber())).toBeLessThan(1e-12);
    expect(relativeDifference(oxygen.sum, o2.quantity.total!.value.toNumber())).toBeLessThan(1e-12);
  });
});
