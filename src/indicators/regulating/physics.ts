/**
 * 物理模型 — The physical models that the account (decimal) and the per-cell raster kernels
 * (float64, src/kernels/) both compute, each written once:
 *   water balance (水量平衡; gong-2017 §1.2, ganzi-2017 §2.4), mm:
 *     R = P · α                          depth held back  D = (P − R) − ET
 *     max(Q, 0)                          a negative balance counts as 0 (gep-methods §4.0, [R])
 *   RUSLE (土壤保持; ganzi-2017 §2.4, gep-methods §4.3):
 *     A_p = R · (K · LS)                 A_r = A_p · (C · P)             t/(hm²·a)
 *     Q   = (A_p − A_r) · a              t/a, a in hm² (R·K and A·a have the unit factor 1)
 *   RWEQ (防风固沙; fryrear-1998 as written in gep-methods §4.4 [R], winderosion-2020 [C]):
 *     x_p = WF · (EF · SCF · K′)         x_a = x_p · COG
 *     s = b · x^c    Q_max = a · x       SL(x) = (2z / s²) · Q_max · exp(−(z/s)²) kg/m², SL(x ≤ 0) = 0
 *     a, b, c and z are the table's rweq.* rows (109.8, 150.71, −0.3711, 50 m in national-2022)
 * The grouping of the products is part of the formula: a kernel cell computes the same operations
 * in the same order as an account line with the same factors.
 */
import type { Arithmetic } from '../../numbers/arithmetic.js';

/*
 * Each formula is a function against `Arithmetic<T>`: the indicator modules (water-conservation.ts,
 * soil-retention.ts, sand-fixation.ts) call it with the account's arithmetic and trace its results.
 * The kernels call its float64 twin (`…F`), written beside it: the generic function with
 * `floatArithmetic` written out, the same operations on the same operands in the same order, so it
 * returns the same double to the last bit (test/indicators/regulating/physics.test.ts checks this
 * on random inputs). A twin exists because a raster pass costs a few nanoseconds a cell, and the
 * seam's method calls and finiteness checks cost RUSLE 1.5× and RWEQ 1.2× in the kernel loop; a
 * twin leaves out only the checks (a kernel tests its cells itself), never an operation. Change a
 * formula and its twin together. Inputs and results are plain numbers in the units named on each
 * function; converting amounts (and results) is the caller's, at its boundary.
 */

// ── Water balance (水量平衡; gong-2017 §1.2, ganzi-2017 §2.4) ──────────────────────────────────

/** Surface runoff depth R = P·α, mm: precipitation P (mm) times the mean runoff coefficient α (fraction). */
export function runoffDepth<T>(A: Arithmetic<T>, precipitation: T, alpha: T): T {
  return A.multiply(precipitation, alpha);
}

/** Depth of water held back, P − R − ET, mm (negative when evapotranspiration and runoff exceed rain). */
export function waterBalanceDepth<T>(A: Arithmetic<T>, precipitation: T, runoff: T, evapotranspiration: T): T {
  return A.subtract(A.subtract(precipitation, runoff), evapotranspiration);
}

/** Float64 twin of `waterBalanceDepth(A, P, runoffDepth(A, P, α), ET)`: (P − P·α) − ET, mm. */
export function waterBalanceDepthF(precipitation: number, alpha: number, evapotranspiration: number): number {
  return precipitation - precipitation * alpha - evapotranspiration;
}

/**
 * A negative water balance counts as 0: max(Q, 0) (gep-methods §4.0: "negative water balances are
 * usually set to 0 per cell — practice, [R]"). The water-conservation module applies it per
 * ecosystem type, the kernel per cell.
 */
export function nonNegative<T>(A: Arithmetic<T>, q: T): T {
  return A.max(q, A.zero);
}

/**
 * Float64 twin of `nonNegative`, without a branch: q·[q ≥ 0] + ([q < 0] − 1)·0, where [·] is 1 or 0.
 * The first term is q or −0; the second is −0 or +0 and sets the sign of a zero, so that a negative
 * q gives +0 and q = −0 stays −0, as `max(q, 0)` of the float arithmetic does (`Math.max` would give
 * +0 there). V8 compiles `+(q >= 0)` to a compare and a set-flag instruction, while `Math.max` and
 * `q < 0 ? 0 : q` become a compare and a jump, which on rasters where ~30 % of cells are negative
 * in no pattern is mispredicted often enough to double the kernel's time (docs/benchmarks.md).
 * Same result as `nonNegative` for every q but −∞ and NaN, which give NaN here: the kernel's block
 * test then sets such a cell aside as invalid rather than counting it as 0.
 */
export function nonNegativeF(q: number): number {
  return q * +(q >= 0) + (+(q < 0) - 1) * 0;
}

// ── RUSLE (土壤保持; ganzi-2017 §2.4, gep-methods §4.3) ─────────────────────────────────────────

/** Units of the RUSLE factors and results: R·K gives an erosion modulus with the factor exactly 1. */
export const RUSLE_UNITS = {
  /** Rainfall erosivity R. */
  erosivity: 'MJ·mm/(hm²·h·a)',
  /** Soil erodibility K, SI. */
  erodibility: 't·hm²·h/(hm²·MJ·mm)',
  /** Erosion modulus A = R·K·LS (·C·P). */
  erosion: 't/(hm²·a)',
  /** Area a. */
  area: 'hm²',
  /** Soil retained (A_p − A_r)·a. */
  retained: 't/a',
} as const;

/** The RUSLE factors of a type or cell: R, K (SI), LS, and C and P (0–1). */
export interface RusleFactors<T> {
  readonly r: T;
  readonly k: T;
  readonly ls: T;
  readonly c: T;
  readonly p: T;
}

/**
 * Potential and actual erosion, t/(hm²·a):
 *   A_p = R · (K · LS)        A_r = A_p · (C · P)
 */
export function rusleErosion<T>(A: Arithmetic<T>, f: RusleFactors<T>): { readonly potential: T; readonly actual: T } {
  const potential = A.multiply(f.r, A.multiply(f.k, f.ls));
  return { potential, actual: A.multiply(potential, A.multiply(f.c, f.p)) };
}

/** Soil retained, t/a: Q = (A_p − A_r) · a, a in hm². */
export function soilRetained<T>(A: Arithmetic<T>, potential: T, actual: T, area: T): T {
  return A.multiply(A.subtract(potential, actual), area);
}

/** Float64 twin of `soilRetained(A, …rusleErosion(A, f), area)`, t/a (area in hm²). */
export function soilRetainedF(r: number, k: number, ls: number, c: number, p: number, area: number): number {
  const potential = r * (k * ls);
  return (potential - potential * (c * p)) * area;
}

// ── RWEQ (防风固沙; fryrear-1998 as written in gep-methods §4.4 [R], winderosion-2020 [C]) ─────────

/** The RWEQ transport constants: Q_max = a·x (kg/m), s = b·x^c (m), downwind distance z (m). */
export interface RweqConstants<T = number> {
  readonly a: T;
  readonly b: T;
  readonly c: T;
  readonly z: T;
}

/**
 * Soil loss SL, kg/m², for the product x of the RWEQ factors (WF in kg/m, the others dimensionless):
 *   s = b · x^c      Q_max = a · x      SL = (2z / s²) · Q_max · exp(−(z/s)²)      SL(x ≤ 0) = 0
 */
export function rweqSoilLoss<T>(A: Arithmetic<T>, x: T, k: RweqConstants<T>): T {
  if (A.compare(x, A.zero) <= 0) return A.zero;
  const s = A.multiply(k.b, A.pow(x, k.c));
  const qmax = A.multiply(k.a, x);
  const zs = A.divide(k.z, s);
  const twoZ = A.add(k.z, k.z);
  return A.multiply(A.multiply(A.divide(twoZ, A.multiply(s, s)), qmax), A.exp(A.negate(A.multiply(zs, zs))));
}

/**
 * Potential and actual soil loss of one weather period, kg/m²: x_p = WF · S with S = EF·SCF·K′ (the
 * soil and surface factors), x_a = x_p · COG; SL_p = SL(x_p), SL_a = SL(x_a).
 */
export function rweqSoilLosses<T>(
  A: Arithmetic<T>,
  weather: T,
  surface: T,
  vegetation: T,
  k: RweqConstants<T>,
): { readonly potential: T; readonly actual: T } {
  const xp = A.multiply(weather, surface);
  return { potential: rweqSoilLoss(A, xp, k), actual: rweqSoilLoss(A, A.multiply(xp, vegetation), k) };
}

/** Float64 twin of `rweqSoilLoss`. `!(x > 0)` is the twin of `compare(x, 0) <= 0`. */
export function rweqSoilLossF(x: number, a: number, b: number, c: number, z: number): number {
  if (!(x > 0)) return 0;
  const s = b * x ** c;
  const qmax = a * x;
  const zs = z / s;
  const twoZ = z + z;
  return (twoZ / (s * s)) * qmax * Math.exp(-(zs * zs));
}

/** Float64 twin of `rweqSoilLosses`, as SL_p − SL_a, kg/m². */
export function rweqNetSoilLossF(weather: number, surface: number, vegetation: number, a: number, b: number, c: number, z: number): number {
  const xp = weather * surface;
  return rweqSoilLossF(xp, a, b, c, z) - rweqSoilLossF(xp * vegetation, a, b, c, z);
}
