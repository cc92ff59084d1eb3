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
   * the slot is the same for every row. Nodes that no varying slot reaches (`s.vary[i]` = 0) are
   * computed once per evaluation as scalars, in the first block; the others by columns (`s.cols`),
   * one loop per operation, scalars broadcast. `bad[r]` is set to 1 for a row that left this tape.
   */
  evaluateFloat(slot: (k: number) => Float64Array | number, n: number, s: FloatState, bad: Uint8Array): void {
    const { tape } = this;
    const { op: ops, a: as, b: bs } = tape;
    const { cols, vary, scalars } = s;
    if (!s.fixedDone) this.fixedScalars(slot, s);
    if (s.fixedFailed) {
      bad.fill(1, 0, n);
      return;
    }
    for (const i of s.varyingOrder) {
      const op = ops[i]!;
      const o = cols[i]!;
      if (op === OP.SLOT) {
        const c = slot(as[i]!);
        if (typeof c === 'number') o.fill(c, 0, n);
        else o.set(c.length === n ? c : c.subarray(0, n));
        continue;
      }
      const a = as[i]!;
      const b = bs[i]!;
      if (op === OP.SUM) {
        // Σ from 0 in list order, as floatArithmetic.sum adds.
        o.fill(0, 0, n);
        for (let k = 0; k < b; k++) {
          const arg = tape.args[a + k]!;
          if (vary[arg]) {
            const c = cols[arg]!;
            for (let r = 0; r < n; r++) o[r] = o[r]! + c[r]!;
          } else {
            const x = scalars[arg]!;
            for (let r = 0; r < n; r++) o[r] = o[r]! + x;
          }
        }
        flagNonFinite(o, n, this.failedSet.has(i), bad);
        continue;
      }
      const unary = op === OP.NEG || op === OP.EXP || op === OP.LN || op === OP.ABS;
      floatColumns(op, vary[a] ? cols[a]! : null, scalars[a]!, unary || vary[b] ? (unary ? null : cols[b]!) : null, unary ? 0 : scalars[b]!, o, n);
      if (op !== OP.NEG && op !== OP.ABS && op !== OP.MAX && op !== OP.MIN) flagNonFinite(o, n, this.failedSet.has(i), bad);
    }
    for (let g = 0; g < tape.guards.length; g += 3) {
      const x = tape.guards[g]!;
      const y = tape.guards[g + 1]!;
      if (!vary[x] && !vary[y]) continue; // checked once with the scalars
      const want = tape.guards[g + 2]!;
      const A = vary[x] ? cols[x]! : null;
      const B = vary[y] ? cols[y]! : null;
      const sx = scalars[x]!;
      const sy = scalars[y]!;
      for (let r = 0; r < n; r++) {
        const u = A ? A[r]! : sx;
        const v = B ? B[r]! : sy;
        if ((u < v ? -1 : u > v ? 1 : 0) !== want) bad[r] = 1;
      }
    }
    for (const { node, value } of tape.numberGuards) {
      if (!vary[node]) continue;
      const A = cols[node]!;
      for (let r = 0; r < n; r++) if (A[r] !== value) bad[r] = 1;
    }
  }

  /** The nodes that do not vary, as scalars, with the guards between them; a failure there fails every row. */
  private fixedScalars(slot: (k: number) => Float64Array | number, s: FloatState): void {
    const { tape } = this;
    const consts = this.floatConstants();
    const { op: ops, a: as, b: bs } = tape;
    const { vary, scalars } = s;
    s.fixedDone = true;
    for (const i of this.order) {
      if (vary[i]) continue;
      const op = ops[i]!;
      let v: number;
      switch (op) {
        case OP.CONST: v = consts[as[i]!]!; break;
        case OP.TOL: v = floatArithmetic.identityTolerance; break;
        case OP.SLOT: {
          const c = slot(as[i]!);
          v = typeof c === 'number' ? c : c[0]!;
          break;
        }
        case OP.SUM: {
          v = 0;
          for (let k = 0; k < bs[i]!; k++) v += scalars[tape.args[as[i]! + k]!]!;
          break;
        }
        default: {
          const one = new Float64Array(1);
          const unary = op === OP.NEG || op === OP.EXP || op === OP.LN || op === OP.ABS;
          floatColumns(op, null, scalars[as[i]!]!, null, unary ? 0 : scalars[bs[i]!]!, one, 1);
          v = one[0]!;
        }
      }
      scalars[i] = v;
      const canFail = op !== OP.CONST && op !== OP.TOL && op !== OP.SLOT && op !== OP.NEG && op !== OP.ABS && op !== OP.MAX && op !== OP.MIN;
      const failed = canFail && v - v !== 0;
      if (failed !== this.failedSet.has(i)) s.fixedFailed = true;
    }
    for (let g = 0; g < tape.guards.length; g += 3) {
      const x = tape.guards[g]!;
      const y = tape.guards[g + 1]!;
      if (vary[x] || vary[y]) continue;
      const u = scalars[x]!;
      const w = scalars[y]!;
      if ((u < w ? -1 : u > w ? 1 : 0) !== tape.guards[g + 2]) s.fixedFailed = true;
    }
    for (const { node, value } of tape.numberGuards) if (!vary[node] && scalars[node] !== value) s.fixedFailed = true;
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

/** Scratch of one float evaluation of a tape: scalars for the nodes that do not vary, columns for the others. */
export class FloatState {
  readonly cols: Float64Array[];
  readonly scalars: Float64Array;
  fixedDone = false;
  fixedFailed = false;
  varyingOrder: Int32Array;
  constructor(readonly tape: CompiledTape, readonly capacity: number, public vary: Uint8Array) {
    this.cols = new Array(tape.tape.size);
    this.scalars = new Float64Array(tape.tape.size);
    this.varyingOrder = new Int32Array(0);
    this.reset(vary);
  }

  /** Start another evaluation (other rows, other varying nodes) with the same scratch. */
  reset(vary: Uint8Array): void {
    this.vary = vary;
    this.fixedDone = false;
    this.fixedFailed = false;
    const order: number[] = [];
    for (const i of this.tape.order) {
      if (!vary[i]) continue;
      order.push(i);
      this.cols[i] ??= new Float64Array(this.capacity);
    }
    this.varyingOrder = Int32Array.from(order);
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

/** Flag rows whose value is not finite (where floatArithmetic throws); for a node the recording saw fail, the rows where it does not. */
function flagNonFinite(o: Float64Array, n: number, expectFailure: boolean, bad: Uint8Array): void {
  if (!expectFailure) {
    // x·0 is 0 for a finite x and NaN otherwise: one branch-free pass finds whether any row failed.
    let z = 0;
    for (let r = 0; r < n; r++) z += o[r]! * 0;
    if (z === 0) return;
  }
  if (expectFailure) {
    for (let r = 0; r < n; r++) if (o[r]! - o[r]! === 0) bad[r] = 1;
  } else {
    for (let r = 0; r < n; r++) if (o[r]! - o[r]! !== 0) bad[r] = 1;
  }
}

/**
 * o[r] = op(a, b) for r < n, each operand a column or (when its column is null) a scalar; the
 * operations of floatArithmetic (its checks are done by `flagNonFinite`).
 */
function floatColumns(op: number, A: Float64Array | null, sa: number, B: Float64Array | null, sb: number, o: Float64Array, n: number): void {
  switch (op) {
    case OP.ADD:
      if (A && B) for (let r = 0; r < n; r++) o[r] = A[r]! + B[r]!;
      else if (A) for (let r = 0; r < n; r++) o[r] = A[r]! + sb;
      else if (B) for (let r = 0; r < n; r++) o[r] = sa + B[r]!;
      else o.fill(sa + sb, 0, n);
      return;
    case OP.SUB:
      if (A && B) for (let r = 0; r < n; r++) o[r] = A[r]! - B[r]!;
      else if (A) for (let r = 0; r < n; r++) o[r] = A[r]! - sb;
      else if (B) for (let r = 0; r < n; r++) o[r] = sa - B[r]!;
      else o.fill(sa - sb, 0, n);
      return;
    case OP.MUL:
      if (A && B) for (let r = 0; r < n; r++) o[r] = A[r]! * B[r]!;
      else if (A) for (let r = 0; r < n; r++) o[r] = A[r]! * sb;
      else if (B) for (let r = 0; r < n; r++) o[r] = sa * B[r]!;
      else o.fill(sa * sb, 0, n);
      return;
    case OP.DIV:
      if (A && B) for (let r = 0; r < n; r++) o[r] = A[r]! / B[r]!;
      else if (A) for (let r = 0; r < n; r++) o[r] = A[r]! / sb;
      else if (B) for (let r = 0; r < n; r++) o[r] = sa / B[r]!;
      else o.fill(sa / sb, 0, n);
      return;
    case OP.POW:
      for (let r = 0; r < n; r++) o[r] = (A ? A[r]! : sa) ** (B ? B[r]! : sb);
      return;
    case OP.MAX:
      for (let r = 0; r < n; r++) {
        const x = A ? A[r]! : sa;
        const y = B ? B[r]! : sb;
        o[r] = x >= y ? x : y;
      }
      return;
    case OP.MIN:
      for (let r = 0; r < n; r++) {
        const x = A ? A[r]! : sa;
        const y = B ? B[r]! : sb;
        o[r] = x <= y ? x : y;
      }
      return;
    case OP.EXP:
      for (let r = 0; r < n; r++) o[r] = Math.exp(A ? A[r]! : sa);
      return;
    case OP.LN:
      for (let r = 0; r < n; r++) o[r] = Math.log(A ? A[r]! : sa);
      return;
    case OP.NEG:
      for (let r = 0; r < n; r++) o[r] = -(A ? A[r]! : sa);
      return;
    case OP.ABS:
      for (let r = 0; r < n; r++) o[r] = Math.abs(A ? A[r]! : sa);
      return;
  }
}
