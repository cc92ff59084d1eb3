/**
 * A small seeded pseudo-random generator (伪随机数发生器), so that a Monte Carlo run is reproduced
 * exactly from its seed on any platform: xoshiro128** 1.1 (Blackman & Vigna, 2018; public domain
 * reference code at https://prng.di.unimi.it/xoshiro128starstar.c), 128 bits of state, period
 * 2¹²⁸ − 1, seeded by SplitMix32 (the 32-bit finaliser of Vigna's splitmix64, as the authors
 * recommend for filling the state from one number). Only 32-bit integer operations (`Math.imul`,
 * shifts), so every JavaScript engine gives the same sequence; `Math.random` is never used.
 *
 * Uniform doubles take 53 bits from two outputs: u = (a·2²¹ + b) / 2⁵³ with a the top 32 bits and
 * b the top 21 bits of the next output, in [0, 1). Standard normals by the polar Box–Muller method
 * (Marsaglia), which uses no trigonometry and gives a pair per accepted point.
 */

/** A seeded generator: `next()` gives uniform doubles in [0, 1). */
export class Random {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare: number | null = null;

  /** @param seed - any integer (taken modulo 2³²); equal seeds give equal sequences */
  constructor(seed: number) {
    let x = seed >>> 0;
    const splitmix32 = () => {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = splitmix32();
    this.s1 = splitmix32();
    this.s2 = splitmix32();
    this.s3 = splitmix32();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The next 32-bit output (xoshiro128**), as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  next(): number {
    const a = this.nextUint32();
    const b = this.nextUint32() >>> 11;
    return (a * 2097152 + b) / 9007199254740992;
  }

  /** A uniform double in (0, 1): never 0, for logarithms and inverse distribution functions. */
  nextOpen(): number {
    let u = this.next();
    while (u === 0) u = this.next();
    return u;
  }

  /** A standard normal deviate (polar Box–Muller). */
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    for (;;) {
      const u = 2 * this.next() - 1;
      const v = 2 * this.next() - 1;
      const q = u * u + v * v;
      if (q > 0 && q < 1) {
        const f = Math.sqrt((-2 * Math.log(q)) / q);
        this.spare = v * f;
        return u * f;
      }
    }
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
