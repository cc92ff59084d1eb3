"""The numpy side of bench/kernels.ts: the same formulas and rules, timed in this process.

Usage: python3 kernels.py rusle|water CELLS RUNS; prints JSON {version, same, plain, check} (ms, best
of RUNS). `same` applies the library's rules and returns what the library returns: the output raster
(float64, -9999 for nodata and invalid cells), the sum over valid cells, and the counts of nodata
and invalid cells (and, for the water balance, the raw sum and the clamped count). A cell is nodata
when an input is -9999, NaN or +-inf; invalid when a factor is out of range or the result is not
finite; a negative water balance counts as 0. The arithmetic is float64 in the library's order
(R*(K*LS), then (A_p - A_p*(C*P))*a; k*((P - P*a) - ET)). `plain` is the bare formula and its sum,
with no nodata handling. The inputs are float32, one cell in 1 000 nodata, as in bench/kernels.ts
(same ranges, another generator). Written as a numpy user would: whole-array operations, in place
where that is natural; numpy runs them on one core.
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


def missing(bands):
    """Cells where any band is nodata or not finite."""
    m = np.zeros(cells, dtype=bool)
    for b in bands:
        m |= b == ND
        m |= ~np.isfinite(b)
    return m


if kernel == "rusle":
    R, K, LS, C, P = band(500, 5000), band(0.005, 0.06), band(0, 20), band(0, 1), band(0.2, 1)
    hm2 = 900 / 10_000

    def same():
        nodata = missing((R, K, LS, C, P))
        ok = (R >= 0) & (K >= 0) & (LS >= 0) & (C >= 0) & (C <= 1) & (P >= 0) & (P <= 1)
        ok &= ~nodata
        pot = np.multiply(K, LS, dtype=np.float64)
        pot *= R
        q = np.multiply(C, P, dtype=np.float64)
        q *= pot
        np.subtract(pot, q, out=q)
        q *= hm2
        ok &= np.isfinite(q)
        out = np.where(ok, q, -9999.0)
        return out, q.sum(where=ok), int(nodata.sum()), int(cells - ok.sum() - nodata.sum())

    def plain():
        pot = np.multiply(K, LS, dtype=np.float64) * R
        q = (pot - pot * np.multiply(C, P, dtype=np.float64)) * hm2
        return q, q.sum()
else:
    Pr, ET, A = band(200, 1500), band(100, 900), band(0, 0.3)
    k = 900 / 1000

    def same():
        nodata = missing((Pr, ET, A))
        ok = (Pr >= 0) & (ET >= 0) & (A >= 0) & (A <= 1)
        ok &= ~nodata
        p = Pr.astype(np.float64)
        d = p * A
        np.subtract(p, d, out=d)
        d -= ET
        d *= k
        ok &= np.isfinite(d)
        raw = d.sum(where=ok)
        clamped = int(np.count_nonzero((d < 0) & ok))
        q = np.maximum(d, 0, out=d)
        out = np.where(ok, q, -9999.0)
        return out, q.sum(where=ok), raw, clamped, int(nodata.sum()), int(cells - ok.sum() - nodata.sum())

    def plain():
        p = Pr.astype(np.float64)
        q = np.maximum(k * (p - p * A - ET), 0)
        return q, q.sum()

result = same()
check = {"sum": float(result[1]), "nodata": result[-2], "invalid": result[-1]}
print(json.dumps({"version": np.__version__, "same": best(same), "plain": best(plain), "check": check}))
