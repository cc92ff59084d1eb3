"""The numpy baseline of bench/accounts.ts: the same batch arithmetic, evaluated by a plain numpy script.

The batch's arithmetic is the account plan's tape exported by bench/accounts.ts (every operation
of the 17 indicators in order, the same constants and the same per-unit input columns): a plain
script evaluates it one numpy operation per tape operation over all units at once (what a
statistician vectorising the formulas by hand would run), and checks the same guards. pandas, when
present, holds the unit table as a statistician would load it; the arithmetic is numpy's either way.

Usage: python3 accounts_numpy.py TAPE.json RUNS; prints JSON {version, pandas, ms, gep}: the best of
RUNS wall times (ms) of the evaluation only (loading excluded) and the GEP of the first unit.
"""
import json
import sys
import time

import numpy as np

try:
    import pandas as pd
except ImportError:  # pandas is optional: it only holds the table
    pd = None

CONST, SLOT, TOL, ADD, SUB, MUL, DIV, NEG, POW, EXP, LN, MAX, MIN, ABS, SUM = range(15)

path, runs = sys.argv[1], int(sys.argv[2])
with open(path, encoding="utf-8") as f:
    tape = json.load(f)
n = tape["n"]
if pd is not None:
    table = pd.DataFrame({str(k): np.asarray(v, dtype=np.float64) for k, v in tape["columns"].items()})
    columns = {int(k): table[k].to_numpy() for k in table.columns}
else:
    columns = {int(k): np.asarray(v, dtype=np.float64) for k, v in tape["columns"].items()}
fixed = {int(k): float(v) for k, v in tape["fixed"].items()}
ops, a, b, args, consts = tape["op"], tape["a"], tape["b"], tape["args"], tape["consts"]
order, guards, outputs = tape["order"], tape["guards"], tape["outputs"]


def evaluate():
    v = {}
    with np.errstate(all="ignore"):
        for i in order:
            op = ops[i]
            if op == CONST:
                v[i] = consts[a[i]]
            elif op == TOL:
                v[i] = 1e-9
            elif op == SLOT:
                k = a[i]
                v[i] = columns[k] if k in columns else fixed[k]
            elif op == ADD:
                v[i] = v[a[i]] + v[b[i]]
            elif op == SUB:
                v[i] = v[a[i]] - v[b[i]]
            elif op == MUL:
                v[i] = v[a[i]] * v[b[i]]
            elif op == DIV:
                v[i] = v[a[i]] / v[b[i]]
            elif op == NEG:
                v[i] = -v[a[i]]
            elif op == POW:
                v[i] = np.power(v[a[i]], v[b[i]])
            elif op == EXP:
                v[i] = np.exp(v[a[i]])
            elif op == LN:
                v[i] = np.log(v[a[i]])
            elif op == MAX:
                v[i] = np.maximum(v[a[i]], v[b[i]])
            elif op == MIN:
                v[i] = np.minimum(v[a[i]], v[b[i]])
            elif op == ABS:
                v[i] = np.abs(v[a[i]])
            elif op == SUM:
                total = 0.0
                for k in args[a[i]:a[i] + b[i]]:
                    total = total + v[k]
                v[i] = total
        ok = np.ones(n, dtype=bool)
        for g in range(0, len(guards), 3):
            ok &= np.sign(np.asarray(v[guards[g]]) - np.asarray(v[guards[g + 1]])) == guards[g + 2]
    return v, ok


best = float("inf")
for _ in range(runs):
    start = time.perf_counter()
    values, ok = evaluate()
    best = min(best, time.perf_counter() - start)
gep = np.broadcast_to(values[outputs[0]], (n,))
print(json.dumps({"version": np.__version__, "pandas": pd.__version__ if pd is not None else None, "ms": best * 1000, "gep": float(gep[0]), "rowsOk": int(ok.sum())}))
