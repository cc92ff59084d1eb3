"""The numpy side of bench/kernels.ts: the same formulas and nodata rules, timed in this process.

Usage: python3 kernels.py rusle|water CELLS RUNS; prints JSON {version, same, plain} (ms, best of RUNS).
`same` applies the library's rules (nodata value, non-finite values and out-of-range factors are
written as -9999 and left out of the sum, a negative water balance counts as 0); `plain` is the
bare formula and its sum, with no nodata handling.
"""
import json
import sys
import time

import numpy as np

kernel, cells, runs = sys.argv[1], int(float(sys.argv[2])), int(sys.argv[3])
ND = np.float32(-9999)
rng = np.random.default_rng(1)


def band(lo, hi):
    a = rng.random(cells, dtype=np.float32)
    a *= np.float32(hi - lo)
    a += np.float32(lo)
    a[7::1000] = ND
    return a


def best(f):
    t = float("inf")
    for _ in range(runs):
        s = time.perf_counter()
        f()
        t = min(t, time.perf_counter() - s)
    return t * 1000


if kernel == "rusle":
    R, K, LS, C, P = band(500, 5000), band(0.005, 0.06), band(0, 20), band(0, 1), band(0.2, 1)
    hm2 = 900 / 10_000

    def same():
        valid = np.ones(cells, dtype=bool)
        for b in (R, K, LS, C, P):
            valid &= (b != ND) & np.isfinite(b)
        valid &= (R >= 0) & (K >= 0) & (LS >= 0) & (C >= 0) & (C <= 1) & (P >= 0) & (P <= 1)
        q = np.multiply(R, K, dtype=np.float64)
        q *= LS
        q *= 1 - np.multiply(C, P, dtype=np.float64)
        q *= hm2
        out = np.where(valid, q, -9999.0)
        return out, q.sum(where=valid)

    def plain():
        q = np.multiply(R, K, dtype=np.float64) * LS * (1 - np.multiply(C, P, dtype=np.float64)) * hm2
        return q, q.sum()
else:
    Pr, ET, A = band(200, 1500), band(100, 900), band(0, 0.3)
    k = 900 / 1000

    def same():
        valid = np.ones(cells, dtype=bool)
        for b in (Pr, ET, A):
            valid &= (b != ND) & np.isfinite(b)
        valid &= (A >= 0) & (A <= 1) & (Pr >= 0) & (ET >= 0)
        p = Pr.astype(np.float64)
        q = k * (p - p * A - ET)
        np.maximum(q, 0, out=q)
        out = np.where(valid, q, -9999.0)
        return out, q.sum(where=valid)

    def plain():
        p = Pr.astype(np.float64)
        q = np.maximum(k * (p - p * A - ET), 0)
        return q, q.sum()

same()
print(json.dumps({"version": np.__version__, "same": best(same), "plain": best(plain)}))
