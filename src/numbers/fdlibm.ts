/**
 * exp and ln in software, from fdlibm 5.3 (Sun Microsystems, 1993; e_exp.c and e_log.c, the
 * algorithms behind most C libraries' exp/log), so that the decimal path gives the same digits on
 * every JavaScript engine. `Math.exp`/`Math.log` are left to the engine: Chromium 156 and Node 20
 * were seen to differ in the last bit, which made one account's GEP differ from the 17th digit on.
 * These use only IEEE-754 +, −, × and ÷ (correctly rounded everywhere; JavaScript never fuses a
 * multiply-add) and exact exponent arithmetic, so every engine gives the same bits. Both are
 * accurate to under 1 ulp (fdlibm's bound), tested against the engine's functions.
 *
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved. Developed at SunSoft, a Sun
 * Microsystems, Inc. business. Permission to use, copy, modify, and distribute this software is
 * freely granted, provided that this notice is preserved.
 */

const buffer = new DataView(new ArrayBuffer(8));

function highWord(x: number): number {
  buffer.setFloat64(0, x);
  return buffer.getInt32(0);
}

function lowWord(x: number): number {
  buffer.setFloat64(0, x);
  return buffer.getUint32(4);
}

function withHighWord(x: number, high: number): number {
  buffer.setFloat64(0, x);
  buffer.setInt32(0, high);
  return buffer.getFloat64(0);
}

const LN2_HI = 6.9314718036912381649e-1; // 0x3fe62e42 fee00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef 35793c76
const INV_LN2 = 1.442695040888963387; // 0x3ff71547 652b82fe
const O_THRESHOLD = 7.09782712893383973096e2; // 0x40862E42 FEFA39EF
const U_THRESHOLD = -7.4513321910194110842e2; // 0xc0874910 D52D3051
const TWO_M1000 = 9.3326361850321887899e-302; // 2^-1000
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;

/** e^x, as fdlibm's __ieee754_exp: Infinity above 709.78…, 0 below −745.13…. */
export function exp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  let hx = highWord(x);
  const xsb = (hx >>> 31) & 1;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    if (hx >= 0x7ff00000) return xsb === 0 ? x : 0; // ±Infinity
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > 0.5 ln2: x = k·ln2 + r, |r| ≤ 0.5 ln2
    if (hx < 0x3ff0a2b2) {
      hi = xsb === 0 ? x - LN2_HI : x + LN2_HI;
      lo = xsb === 0 ? LN2_LO : -LN2_LO;
      k = 1 - xsb - xsb;
    } else {
      k = Math.trunc(INV_LN2 * x + (xsb === 0 ? 0.5 : -0.5));
      hi = x - k * LN2_HI; // exact: k·LN2_HI has few significant bits
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    return 1 + x; // |x| < 2^-28
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  if (k >= -1021) return withHighWord(y, highWord(y) + (k << 20));
  return withHighWord(y, highWord(y) + ((k + 1000) << 20)) * TWO_M1000;
}

const TWO54 = 1.8014398509481984e16;
const LG1 = 6.66666666666673513e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** Natural logarithm, as fdlibm's __ieee754_log: −Infinity at 0, NaN below. */
export function ln(x: number): number {
  let hx = highWord(x);
  const lx = lowWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative or subnormal
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54;
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i ^ 0x3ff00000)); // normalise x or x/2 to [√2/2, √2)
  k += i >> 20;
  const f = x - 1;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - R : dk * LN2_HI - (R - dk * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + R)) : dk * LN2_HI - (hfsq - (s * (hfsq + R) + dk * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - R) : dk * LN2_HI - (s * (f - R) - dk * LN2_LO - f);
}

function withLowWord(x: number, low: number): number {
  buffer.setFloat64(0, x);
  buffer.setUint32(4, low);
  return buffer.getFloat64(0);
}

const BP = [1.0, 1.5];
const DP_H = [0.0, 5.84962487220764160156e-1]; // 0x3FE2B803 40000000
const DP_L = [0.0, 1.35003920212974897128e-8]; // 0x3E4CFDEB 43CFD006
const TWO53 = 9007199254740992.0;
const L1 = 5.99999999999994648725e-1;
const L2 = 4.28571428578550184252e-1;
const L3 = 3.33333329818377432918e-1;
const L4 = 2.72728123808534006489e-1;
const L5 = 2.30660745775561754067e-1;
const L6 = 2.06975017800338417784e-1;
const LN2 = 6.93147180559945286227e-1;
const LN2_H32 = 6.93147182464599609375e-1;
const LN2_L32 = -1.90465429995776804525e-9;
const OVT = 8.0085662595372944372e-17; // −(1024 − log2(overflow + 0.5 ulp))
const CP = 9.61796693925975554329e-1; // 2/(3 ln2)
const CP_H = 9.61796700954437255859e-1;
const CP_L = -7.02846165095275826516e-9;
const IVLN2 = 1.442695040888963387;
const IVLN2_H = 1.44269502162933349609;
const IVLN2_L = 1.92596299112661746887e-8;

/**
 * base^exponent for a finite base > 0 and a finite exponent, as fdlibm's __ieee754_pow: log2(base)
 * in two pieces, exponent × log2(base) in simulated extra precision, then 2^n · e^(r·ln2) —
 * "nearly rounded" (under 1 ulp in practice). Other bases are the caller's to refuse.
 */
export function pow(x: number, y: number): number {
  if (!(x > 0) || !Number.isFinite(x) || !Number.isFinite(y)) throw new RangeError(`pow(${x}, ${y}) is outside fdlibm.pow's domain`);
  if (y === 0 || x === 1) return 1;
  if (y === 1) return x;
  if (y === 2) return x * x;
  if (y === 0.5) return Math.sqrt(x); // IEEE-754 requires sqrt correctly rounded: the same everywhere
  let ix = highWord(x);
  const hy = highWord(y);
  const iy = hy & 0x7fffffff;
  let ax = x;
  let t1: number;
  let t2: number;
  if (iy > 0x41e00000) {
    // |y| > 2^31: over- or underflow unless x is near 1
    if (iy > 0x43f00000) return ix <= 0x3fefffff === hy < 0 ? Infinity : 0;
    if (ix < 0x3fefffff) return hy < 0 ? Infinity : 0;
    if (ix > 0x3ff00000) return hy > 0 ? Infinity : 0;
    // |1 − x| ≤ 2^−20: log(x) by x − x²/2 + x³/3 − x⁴/4
    const t = ax - 1;
    const w = t * t * (0.5 - t * (0.3333333333333333333333 - t * 0.25));
    const u = IVLN2_H * t;
    const v = t * IVLN2_L - w * IVLN2;
    t1 = withLowWord(u + v, 0);
    t2 = v - (t1 - u);
  } else {
    let n = 0;
    if (ix < 0x00100000) {
      ax *= TWO53; // subnormal x
      n -= 53;
      ix = highWord(ax);
    }
    n += (ix >> 20) - 0x3ff;
    const j = ix & 0x000fffff;
    let k: number;
    ix = j | 0x3ff00000;
    if (j <= 0x3988e)
      k = 0; // |x| < √(3/2)
    else if (j < 0xbb67a)
      k = 1; // |x| < √3
    else {
      k = 0;
      n += 1;
      ix -= 0x00100000;
    }
    ax = withHighWord(ax, ix);
    // ss = s_h + s_l = (x − 1)/(x + 1) or (x − 1.5)/(x + 1.5)
    let u = ax - BP[k]!;
    let v = 1 / (ax + BP[k]!);
    const ss = u * v;
    const sH = withLowWord(ss, 0);
    let tH = withHighWord(0, ((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18));
    let tL = ax - (tH - BP[k]!);
    const sL = v * (u - sH * tH - sH * tL);
    // log(ax) by its series in ss
    let s2 = ss * ss;
    let r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
    r += sL * (sH + ss);
    s2 = sH * sH;
    tH = withLowWord(3.0 + s2 + r, 0);
    tL = r - (tH - 3.0 - s2);
    u = sH * tH;
    v = sL * tH + tL * ss;
    const pH = withLowWord(u + v, 0);
    const pL = v - (pH - u);
    const zH = CP_H * pH;
    const zL = CP_L * pH + pL * CP + DP_L[k]!;
    // log2(ax) = n + dp_h + z_h + z_l
    const t = n;
    t1 = withLowWord(zL + zH + DP_H[k]! + t, 0);
    t2 = zL - (t1 - t - DP_H[k]! - zH);
  }
  // (y1 + y2) · (t1 + t2), y1 = y with its low word cleared
  const y1 = withLowWord(y, 0);
  const pL = (y - y1) * t1 + y * t2;
  let pH = y1 * t1;
  let z = pL + pH;
  let j = highWord(z);
  const i = lowWord(z);
  if (j >= 0x40900000) {
    // z ≥ 1024
    if (((j - 0x40900000) | i) !== 0 || pL + OVT > z - pH) return Infinity;
  } else if ((j & 0x7fffffff) >= 0x4090cc00) {
    // z ≤ −1075
    if (((j - 0xc090cc00) | i) !== 0 || pL <= z - pH) return 0;
  }
  // 2^(p_h + p_l) = 2^n · e^((p_h + p_l − n)·ln2)
  const ia = j & 0x7fffffff;
  let k = (ia >> 20) - 0x3ff;
  let n = 0;
  if (ia > 0x3fe00000) {
    // |z| > 0.5: n = [z + 0.5]
    n = j + (0x00100000 >> (k + 1));
    k = ((n & 0x7fffffff) >> 20) - 0x3ff;
    const t = withHighWord(0, n & ~(0x000fffff >> k));
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = -n;
    pH -= t;
  }
  const t = withLowWord(pL + pH, 0);
  const u = t * LN2_H32;
  const v = (pL - (t - pH)) * LN2 + t * LN2_L32;
  z = u + v;
  const w = v - (z - u);
  const tt = z * z;
  const c = z - tt * (P1 + tt * (P2 + tt * (P3 + tt * (P4 + tt * P5))));
  const r = (z * c) / (c - 2) - (w + z * w);
  z = 1 - (r - z);
  j = highWord(z) + (n << 20);
  if (j >> 20 <= 0) return scale(z, n); // subnormal result
  return withHighWord(z, j);
}

/** z · 2^n for a result that falls below the normal range: two exact power-of-two steps, one rounding. */
function scale(z: number, n: number): number {
  return z * 2 ** (n + 60) * 2 ** -60;
}
