/**
 * Evaluating a tape (./tape.ts) over many rows (one row per unit or per draw):
 *
 * - float64, by columns: one Float64Array per node over a block of rows, one tight loop per
 *   operation, no object per row. The operations are those of `floatArithmetic` in the same order,
 *   so a row's values are bit for bit those of the direct float path. A row is flagged when an
 *   operation fails where the direct path would throw (non-finite result, division by zero, log of
 *   a value ≤ 0) or when a guard comes out otherwise than in the recording.
 * - decimal, row by row with `decimalArithmetic` (the same calls as the direct path, so the same
 *   digits), constants parsed once per tape; a division by a constant whose reciprocal is a short
 *   exact decimal (10, 1 000, 0.5 …) is a multiplication, which decimal.js rounds the same way.
 */
import Decimal from 'decimal.js';
import { decimalArithmetic, floatArithmetic, GepDecimal } from '../numbers/arithmetic.js';
import { OP, type Tape } from './tape.js';

/** A tape prepared for evaluation: the nodes needed for chosen outputs, constants per arithmetic. */
export class CompiledTape {
  /** Nodes needed, in tape order (operands first). */
  readonly order: Int32Array;
  readonly needed: Uint8Array;
  readonly failedSet: ReadonlySet<number>;
  private floatConsts: Float64Array | null = null;
  private decimalConsts: GepDecimal[] | null = null;
  /** For DIV nodes by a constant with an exact short reciprocal: that reciprocal (decimal path). */
  private reciprocals: (GepDecimal | undefined)[] | null = null;

  constructor(readonly tape: Tape, outputs: Iterable<number>) {
    const needed = new Uint8Array(tape.size);
    const stack: number[] = [];
    const need = (i: number) => {
      if (!needed[i]) {
        needed[i] = 1;
        stack.push(i);
      }
    };
    for (const o of outputs) need(o);
    for (let g = 0; g < tape.guards.length; g += 3) {
      need(tape.guards[g]!);
      need(tape.guards[g + 1]!);
    }
    for (const g of tape.numberGuards) need(g.node);
    for (const f of tape.failed) need(f);
    while (stack.length) {
      const i = stack.pop()!;
      const op = tape.op[i]!;
      if (op === OP.CONST || op === OP.SLOT || op === OP.TOL) continue;
      if (op === OP.SUM) {
        for (let k = 0; k < tape.b[i]!; k++) need(tape.args[tape.a[i]! + k]!);
        continue;
      }
      need(tape.a[i]!);
      if (op !== OP.NEG && op !== OP.EXP && op !== OP.LN && op !== OP.ABS) need(tape.b[i]!);
    }
    const order: number[] = [];
    for (let i = 0; i < tape.size; i++) if (needed[i]) order.push(i);
    this.order = Int32Array.from(order);
    this.needed = needed;
    this.failedSet = new Set(tape.failed);
  }

  /** The slots the needed nodes read. */
  slotsRead(): number[] {
    const out: number[] = [];
    for (const i of this.order) if (this.tape.op[i] === OP.SLOT) out.push(this.tape.a[i]!);
    return out;
  }

  private floatConstants(): Float64Array {
    if (!this.floatConsts) this.floatConsts = Float64Array.from(this.tape.consts.map((t) => floatArithmetic.fromString(t)));
    return this.floatConsts;
  }

  /** Which needed nodes depend on a slot for which `varies` is true (the others are the same for every row). */
  varying(varies: (k: number) => boolean): Uint8Array {
    const { tape } = this;
    const v = new Uint8Array(tape.size);
    for (const i of this.order) {
      const op = tape.op[i]!;
      if (op === OP.SLOT) v[i] = varies(tape.a[i]!) ? 1 : 0;
      else if (op === OP.CONST || op === OP.TOL) v[i] = 0;
      else if (op === OP.SUM) {
        let x = 0;
        for (let k = 0; k < tape.b[i]!; k++) x |= v[tape.args[tape.a[i]! + k]!]!;
        v[i] = x;
      } else v[i] = v[tape.a[i]!]! | (op === OP.NEG || op === OP.EXP || op === OP.LN || op === OP.ABS ? 0 : v[tape.b[i]!]!);
    }
    return v;
  }

  /**
   * Evaluate rows [0, n) of a block. `slot(k)` gives slot k's column for the block, or a number when
   * the slot is the same for every row. `s.cols` holds one column per node, reused between the blocks
   * of one evaluation: nodes that do not vary (`s.vary[i]` = 0) are computed in the first block only.
   * `bad[r]` is set to 1 for a row that left this tape.
   */
  evaluateFloat(slot: (k: number) => Float64Array | number, n: number, s: FloatState, bad: Uint8Array): void {
    const { tape } = this;
    const consts = this.floatConstants();
    const { op: ops, a: as, b: bs } = tape;
    const { cols, vary, filled } = s;
    if (s.fixedFailed) bad.fill(1, 0, n);
    for (let idx = 0; idx < this.order.length; idx++) {
      const i = this.order[idx]!;
      const op = ops[i]!;
      const o = cols[i]!;
      const fixed = !vary[i];
      if (fixed && filled[i]) continue;
      if (op === OP.CONST || op === OP.TOL) {
        o.fill(op === OP.CONST ? consts[as[i]!]! : floatArithmetic.identityTolerance);
        filled[i] = 1;
        continue;
      }
      if (op === OP.SLOT && fixed) {
        const v = slot(as[i]!);
        if (typeof v === 'number') o.fill(v);
        else o.fill(v[0]!);
        filled[i] = 1;
        continue;
      }
      if (fixed) {
        // Computed once for every row: over the whole column, so later blocks find it filled.
        const mark = new Uint8Array(o.length);
        this.floatNode(i, o.length, cols, mark);
        filled[i] = 1;
        if (mark[0]) s.fixedFailed = true;
        if (mark[0]) bad.fill(1, 0, n);
        continue;
      }
      if (op === OP.SLOT) {
        const s = slot(as[i]!);
        if (typeof s === 'number') o.fill(s, 0, n);
        else o.set(s.length === n ? s : s.subarray(0, n));
        continue;
      }
      this.floatNode(i, n, cols, bad);
    }
    for (let g = 0; g < tape.guards.length; g += 3) {
      const A = cols[tape.guards[g]!]!;
      const B = cols[tape.guards[g + 1]!]!;
      const want = tape.guards[g + 2]!;
      for (let r = 0; r < n; r++) {
        const x = A[r]!, y = B[r]!;
        if ((x < y ? -1 : x > y ? 1 : 0) !== want) bad[r] = 1;
      }
    }
    for (const { node, value } of tape.numberGuards) {
      const A = cols[node]!;
      for (let r = 0; r < n; r++) if (A[r] !== value) bad[r] = 1;
    }
  }

  /** One operation node over rows [0, n), flagging rows in `bad`; a node the recording saw fail flags the rows where it does not. */
  private floatNode(i: number, n: number, cols: Float64Array[], bad: Uint8Array): void {
    const { tape } = this;
    const op = tape.op[i]!;
    const o = cols[i]!;
    const A = op === OP.SUM ? o : cols[tape.a[i]!]!;
    const B = op === OP.SUM || op === OP.NEG || op === OP.EXP || op === OP.LN || op === OP.ABS ? null : cols[tape.b[i]!]!;
    if (this.failedSet.has(i)) {
      const mark = new Uint8Array(n);
      floatOp(op, A, B, o, n, mark, tape.args, tape.a[i]!, tape.b[i]!, cols);
      for (let r = 0; r < n; r++) if (!mark[r]) bad[r] = 1;
      return;
    }
    floatOp(op, A, B, o, n, bad, tape.args, tape.a[i]!, tape.b[i]!, cols);
  }

  private decimalConstants(): GepDecimal[] {
    if (!this.decimalConsts) this.decimalConsts = this.tape.consts.map((t) => decimalArithmetic.fromString(t));
    return this.decimalConsts;
  }

  private decimalReciprocals(): (GepDecimal | undefined)[] {
    if (this.reciprocals) return this.reciprocals;
    const { tape } = this;
    const consts = this.decimalConstants();
    const out: (GepDecimal | undefined)[] = new Array(tape.size);
    const wide = Decimal.clone({ precision: 200 });
    for (const i of this.order) {
      if (tape.op[i] !== OP.DIV || tape.op[tape.b[i]!] !== OP.CONST) continue;
      const d = consts[tape.a[tape.b[i]!]!]!;
      if (d.isZero()) continue;
      const r = new wide(1).div(d.toString());
      // Exact when r × d = 1 and r has at most 40 significant digits: then x ÷ d and x × r round alike.
      if (r.sd() <= 40 && r.times(d.toString()).eq(1)) out[i] = new GepDecimal(r.toString());
    }
    this.reciprocals = out;
    return out;
  }

  /**
   * Evaluate one row on the decimal path into `values` (indexed by node). Returns false when the row
   * leaves this tape (a guard, or an operation that throws where the recording's did not).
   */
  evaluateDecimal(slot: (k: number) => GepDecimal, values: GepDecimal[], vary?: Uint8Array, want: 0 | 1 = 1): boolean {
    const { tape } = this;
    const D = decimalArithmetic;
    const consts = this.decimalConstants();
    const recip = this.decimalReciprocals();
    const { op: ops, a: as, b: bs } = tape;
    for (let idx = 0; idx < this.order.length; idx++) {
      const i = this.order[idx]!;
      if (vary && vary[i] !== want) continue;
      const op = ops[i]!;
      try {
        switch (op) {
          case OP.CONST: values[i] = consts[as[i]!]!; continue;
          case OP.TOL: values[i] = D.identityTolerance; continue;
          case OP.SLOT: values[i] = slot(as[i]!); continue;
          case OP.ADD: values[i] = D.add(values[as[i]!]!, values[bs[i]!]!); break;
          case OP.SUB: values[i] = D.subtract(values[as[i]!]!, values[bs[i]!]!); break;
          case OP.MUL: values[i] = D.multiply(values[as[i]!]!, values[bs[i]!]!); break;
          case OP.DIV: {
            const r = recip[i];
            values[i] = r ? D.multiply(values[as[i]!]!, r) : D.divide(values[as[i]!]!, values[bs[i]!]!);
            break;
          }
          case OP.NEG: values[i] = D.negate(values[as[i]!]!); break;
          case OP.POW: values[i] = D.pow(values[as[i]!]!, values[bs[i]!]!); break;
          case OP.EXP: values[i] = D.exp(values[as[i]!]!); break;
          case OP.LN: values[i] = D.ln(values[as[i]!]!); break;
          case OP.MAX: values[i] = D.max(values[as[i]!]!, values[bs[i]!]!); break;
          case OP.MIN: values[i] = D.min(values[as[i]!]!, values[bs[i]!]!); break;
          case OP.ABS: values[i] = D.abs(values[as[i]!]!); break;
          case OP.SUM: {
            const start = as[i]!;
            const list: GepDecimal[] = new Array(bs[i]!);
            for (let k = 0; k < list.length; k++) list[k] = values[tape.args[start + k]!]!;
            values[i] = D.sum(list);
            break;
          }
        }
        if (!values[i]!.isFinite()) throw new Error('non-finite');
        if (this.failedSet.has(i)) return false;
      } catch {
        if (!this.failedSet.has(i)) return false;
      }
    }
    if (vary && want === 0) return true; // guards are checked with the varying nodes
    const g = tape.guards;
    for (let k = 0; k < g.length; k += 3) if (D.compare(values[g[k]!]!, values[g[k + 1]!]!) !== g[k + 2]) return false;
    for (const { node, value } of tape.numberGuards) if (D.toNumber(values[node]!) !== value) return false;
    return true;
  }
}

/** Scratch columns of one float evaluation of a tape (one per needed node), reused between its blocks. */
export class FloatState {
  readonly cols: Float64Array[];
  readonly filled: Uint8Array;
  fixedFailed = false;
  constructor(readonly tape: CompiledTape, readonly capacity: number, public vary: Uint8Array) {
    this.cols = new Array(tape.tape.size);
    for (const i of tape.order) this.cols[i] = new Float64Array(capacity);
    this.filled = new Uint8Array(tape.tape.size);
  }

  /** Start another evaluation (other rows, other varying nodes) with the same columns. */
  reset(vary: Uint8Array): void {
    this.vary = vary;
    this.filled.fill(0);
    this.fixedFailed = false;
  }
}

/** Scratch states kept per compiled tape, so that a batch's chunks reuse their columns. */
const STATES = new WeakMap<CompiledTape, FloatState>();

/** A float state for `tape` with at least `capacity` rows, reset for `vary`. */
export function floatState(tape: CompiledTape, capacity: number, vary: Uint8Array): FloatState {
  let s = STATES.get(tape);
  if (!s || s.capacity < capacity) STATES.set(tape, (s = new FloatState(tape, capacity, vary)));
  else s.reset(vary);
  return s;
}

/** One operation over a block: o = op(A, B), flagging in `bad` each row where the direct path would throw. */
function floatOp(op: number, A: Float64Array, B: Float64Array | null, o: Float64Array, n: number, bad: Uint8Array, args: Int32Array, start: number, count: number, cols: Float64Array[]): void {
  switch (op) {
    case OP.ADD: { const b = B!; for (let r = 0; r < n; r++) { const v = A[r]! + b[r]!; o[r] = v; if (v - v !== 0) bad[r] = 1; } return; }
    case OP.SUB: { const b = B!; for (let r = 0; r < n; r++) { const v = A[r]! - b[r]!; o[r] = v; if (v - v !== 0) bad[r] = 1; } return; }
    case OP.MUL: { const b = B!; for (let r = 0; r < n; r++) { const v = A[r]! * b[r]!; o[r] = v; if (v - v !== 0) bad[r] = 1; } return; }
    case OP.DIV: { const b = B!; for (let r = 0; r < n; r++) { const v = A[r]! / b[r]!; o[r] = v; if (v - v !== 0) bad[r] = 1; } return; }
    case OP.POW: { const b = B!; for (let r = 0; r < n; r++) { const v = A[r]! ** b[r]!; o[r] = v; if (v - v !== 0) bad[r] = 1; } return; }
    case OP.EXP: for (let r = 0; r < n; r++) { const v = Math.exp(A[r]!); o[r] = v; if (v - v !== 0) bad[r] = 1; } return;
    case OP.LN: for (let r = 0; r < n; r++) { const v = Math.log(A[r]!); o[r] = v; if (v - v !== 0) bad[r] = 1; } return;
    case OP.NEG: for (let r = 0; r < n; r++) o[r] = -A[r]!; return;
    case OP.ABS: for (let r = 0; r < n; r++) o[r] = Math.abs(A[r]!); return;
    case OP.MAX: { const b = B!; for (let r = 0; r < n; r++) { const x = A[r]!, y = b[r]!; o[r] = x >= y ? x : y; } return; }
    case OP.MIN: { const b = B!; for (let r = 0; r < n; r++) { const x = A[r]!, y = b[r]!; o[r] = x <= y ? x : y; } return; }
    case OP.SUM: {
      // Σ from 0 in list order, as floatArithmetic.sum adds.
      o.fill(0, 0, n);
      for (let k = 0; k < count; k++) {
        const c = cols[args[start + k]!]!;
        for (let r = 0; r < n; r++) o[r] = o[r]! + c[r]!;
      }
      for (let r = 0; r < n; r++) { const v = o[r]!; if (v - v !== 0) bad[r] = 1; }
      return;
    }
  }
}
