/**
 * Probability distributions (概率分布) for Monte Carlo: each turns a uniform u in (0, 1) into a
 * value by its inverse distribution function, so that parameters sharing a draw (`shared`) move
 * together (comonotonic: rank correlation 1) and every draw is reproduced from the seed.
 *
 * - normal(μ, σ):            μ + σ·Φ⁻¹(u)
 * - lognormal(median m, gsd): m·gsd^Φ⁻¹(u)   (ln X ~ N(ln m, ln gsd); gsd the geometric SD ≥ 1)
 * - triangular(a, c, b):     a + √(u(b−a)(c−a)) for u < (c−a)/(b−a), else b − √((1−u)(b−a)(b−c))
 * - uniform(a, b):           a + u(b − a)
 * - empirical(x₁ ≤ … ≤ xₙ):  x_⌊u·n⌋ (each listed value equally likely; a bootstrap of the list, sorted)
 *
 * Φ⁻¹ is Wichura's algorithm AS 241 (PPND16, Applied Statistics 37, 1988), accurate to about 1e-16.
 */

/** A distribution with its parameters resolved to numbers in the unit of the quantity it describes. */
export type Distribution =
  | { readonly type: 'normal'; readonly mean: number; readonly sd: number }
  | { readonly type: 'lognormal'; readonly median: number; readonly gsd: number }
  | { readonly type: 'triangular'; readonly min: number; readonly mode: number; readonly max: number }
  | { readonly type: 'uniform'; readonly min: number; readonly max: number }
  | { readonly type: 'empirical'; readonly values: readonly number[] };

/** Φ⁻¹(p), the standard normal quantile (AS 241). */
export function normalQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r + 45921.953931549871457) * r +
          13731.693765509461125) *
          r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) * r + 21213.794301586595867) * r +
        5394.1960214247511077) *
        r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  if (r <= 0) return q < 0 ? -Infinity : Infinity;
  r = Math.sqrt(-Math.log(r));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x =
      (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r + 1.27045825245236838258) * r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r + 0.14810397642748007459) * r +
        0.68976733498510000455) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    x =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r + 0.026532189526576123093) * r +
        0.29656057182850489123) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r +
        0.0148753612908506148525) *
        r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
        1);
  }
  return q < 0 ? -x : x;
}

/** The value of distribution `d` at uniform `u` ∈ (0, 1) (its inverse distribution function). */
export function quantileOf(d: Distribution, u: number): number {
  switch (d.type) {
    case 'normal':
      return d.mean + d.sd * normalQuantile(u);
    case 'lognormal':
      return d.median * Math.exp(Math.log(d.gsd) * normalQuantile(u));
    case 'uniform':
      return d.min + u * (d.max - d.min);
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      if (b === a) return a;
      const f = (c - a) / (b - a);
      return u < f ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
    case 'empirical':
      return d.values[Math.min(d.values.length - 1, Math.floor(u * d.values.length))]!;
  }
}

/** Mean and variance of a distribution (for tests and reports). */
export function moments(d: Distribution): { mean: number; variance: number } {
  switch (d.type) {
    case 'normal':
      return { mean: d.mean, variance: d.sd * d.sd };
    case 'lognormal': {
      const s2 = Math.log(d.gsd) ** 2;
      return { mean: d.median * Math.exp(s2 / 2), variance: d.median * d.median * Math.exp(s2) * (Math.exp(s2) - 1) };
    }
    case 'uniform':
      return { mean: (d.min + d.max) / 2, variance: (d.max - d.min) ** 2 / 12 };
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      return { mean: (a + b + c) / 3, variance: (a * a + b * b + c * c - a * b - a * c - b * c) / 18 };
    }
    case 'empirical': {
      const n = d.values.length;
      const mean = d.values.reduce((s, x) => s + x, 0) / n;
      return { mean, variance: d.values.reduce((s, x) => s + (x - mean) ** 2, 0) / n };
    }
  }
}
