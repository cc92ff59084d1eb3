import { describe, expect, it } from 'vitest';
import { rweqKernel, rweqSoilLoss } from '../../src/kernels/rweq.js';
import * as sandFixation from '../../src/indicators/regulating/sand-fixation.js';
import { decimalArithmetic } from '../../src/numbers/arithmetic.js';
import { relativeDifference, runIndicator } from '../helpers/indicator.js';

const f64 = (...v: number[]) => Float64Array.from(v);
const ones = (n: number) => ({ values: new Float64Array(n).fill(1) });

describe('RWEQ kernel (防风固沙, Q = (SL_p − SL_a)·a)', () => {
  it('computes a cell by hand from the factor product', () => {
    // x_p = WF·EF·SCF·K′ = 40 × 0.5 × 0.8 × 0.5 = 8; COG 0.25 → x_a = 2
    // s(8) = 150.71 × 8^−0.3711 = 69.945…; SL(8) = 100/s² × 878.4 × exp(−(50/s)²) = 10.825… kg/m²
    const slp = rweqSoilLoss(8);
    const s8 = 150.71 * 8 ** -0.3711;
    expect(slp).toBeCloseTo((100 / s8 ** 2) * 878.4 * Math.exp(-((50 / s8) ** 2)), 12);
    const out = new Float64Array(1);
    const stats = rweqKernel({
      weather: { values: f64(40) },
      erodibleFraction: { values: f64(0.5) },
      crust: { values: f64(0.8) },
      roughness: { values: f64(0.5) },
      vegetation: { values: f64(0.25) },
      cellArea: 1000,
      out,
    });
    // (SL(8) − SL(2)) × 1000 m² ÷ 1000 kg/t
    expect(out[0]).toBeCloseTo(slp - rweqSoilLoss(2), 12);
    expect(stats).toMatchObject({ valid: 1, nodata: 0, invalid: 0 });
  });

  it('gives 0 for a cell with no erodible soil, and nodata or invalid for missing or out-of-range factors', () => {
    const out = new Float64Array(4);
    const s = rweqKernel({
      weather: { values: f64(0, 40, 40, 40) },
      erodibleFraction: { values: f64(0.5, -1, 0.5, 0.5), nodata: -1 },
      crust: ones(4),
      roughness: ones(4),
      vegetation: { values: f64(0.5, 0.5, 1.5, Number.NaN) },
      cellArea: 1000,
      out,
    });
    expect([...out]).toEqual([0, -9999, -9999, -9999]);
    expect(s).toMatchObject({ valid: 1, nodata: 2, invalid: 1, sum: 0 });
  });

  it('counts an erodible fraction or crust factor above 1 as invalid, as the module refuses them', () => {
    // EF and SCF are fractions (the sand-fixation module reads them as 0–1); 1.5 is out of range
    const out = new Float64Array(3);
    const s = rweqKernel({
      weather: { values: f64(40, 40, 40) },
      erodibleFraction: { values: f64(1.5, 0.5, 0.5) },
      crust: { values: f64(0.5, 1.5, 0.5) },
      roughness: ones(3),
      vegetation: { values: f64(0.5, 0.5, 0.5) },
      cellArea: 1000,
      out,
    });
    expect([...out].slice(0, 2)).toEqual([-9999, -9999]);
    expect(s).toMatchObject({ valid: 1, nodata: 0, invalid: 2 });
  });

  it('counts a cell whose result leaves the float range as invalid, never letting NaN into the sum', () => {
    // WF 1e307 × K′ 100 overflows x_p to Infinity: SL would be Infinity × 0 = NaN
    const out = new Float64Array(2);
    const s = rweqKernel({
      weather: { values: f64(1e307, 40) },
      erodibleFraction: { values: f64(1, 0.5) },
      crust: { values: f64(1, 0.5) },
      roughness: { values: f64(100, 1) },
      vegetation: { values: f64(0.5, 0.5) },
      cellArea: 1000,
      out,
    });
    expect(out[0]).toBe(-9999);
    expect(Number.isFinite(s.sum)).toBe(true);
    expect(s.sum).toBe(out[1]);
    expect(s).toMatchObject({ valid: 1, invalid: 1 });
  });

  it('agrees with the decimal sand-fixation module cell by cell (rtol 1e-12)', () => {
    // Each cell is one ecosystem line of the module with its factors given: area 900 m², WF (kg/m),
    // EF, SCF, K′ and COG. Both run the formula of src/indicators/regulating/physics.ts, the module on
    // decimals (exp and the power in double precision), the kernel on float64 from the cells' doubles.
    const cells = [
      [52.3, 0.41, 0.77, 0.63, 0.42],
      [130.8, 0.28, 0.91, 0.8, 0.05],
      [7.5, 0.6, 0.5, 0.9, 0.9],
      [900, 0.5, 0.5, 1.2, 0.3],
    ];
    const col = (k: number) => ({ values: f64(...cells.map((c) => c[k]!)) });
    const s = rweqKernel({
      weather: col(0),
      erodibleFraction: col(1),
      crust: col(2),
      roughness: col(3),
      vegetation: col(4),
      cellArea: 900,
    });
    const plain = (v: number) => ({ value: String(v), unit: '1' });
    const input = {
      ecosystems: cells.map(([wf, ef, scf, kr, cog]) => ({
        ecosystemType: 'temperate-steppe',
        area: { value: '900', unit: 'm²' },
        weatherFactor: { value: String(wf), unit: 'kg/m' },
        erodibleFraction: plain(ef!),
        crustFactor: plain(scf!),
        roughnessFactor: plain(kr!),
        vegetationFactor: plain(cog!),
      })),
    };
    const decimal = runIndicator(sandFixation, input, decimalArithmetic, { priceYear: 2010 });
    expect(decimal.quantity.total!.unit).toBe('t/a');
    // the last cell lies beyond the maximum of SL (x_p = 270): its retention is negative in both
    expect(decimal.quantity.lines[3]!.quantity.value.isNegative()).toBe(true);
    expect(s.negative).toBe(1);
    expect(relativeDifference(s.sum, decimal.quantity.total!.value.toNumber())).toBeLessThan(1e-12);
  });
});

describe('RWEQ constants', () => {
  it('are read from the coefficient table, the same rows as the decimal sand-fixation module', async () => {
    const { RWEQ_CONSTANTS, rweqConstants } = await import('../../src/kernels/rweq.js');
    // national-2022/1.0.0: rweq.qmax-coefficient 109.8, rweq.critical-length-coefficient 150.71,
    // rweq.critical-length-exponent −0.3711, rweq.downwind-distance 50 m (Fryrear 1998, to-verify)
    expect(RWEQ_CONSTANTS).toEqual({ a: 109.8, b: 150.71, c: -0.3711, z: 50 });
    expect(rweqConstants()).toEqual(RWEQ_CONSTANTS);
  });
});
