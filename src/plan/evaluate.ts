/**
 * Evaluating a tape (./tape.ts) over many rows (one row per unit or per draw):
 *
 * - float64, by columns: one Float64Array per node over a block of rows, one tight loop per
 *   operation, no object per row. The operations are those of `floatArithmetic` in the same order,
 *   so a row's values are bit for bit those of the direct float path. A row is flagged when an
 *   operation fails where the direct path would throw (non-finite result, division by zero, log of
 *   a value ≤ 0) or when a guard comes out otherwise than in the recording.
 * - decimal, row by row with exact decimals (./exact.ts): each operation's exact result rounded as
 *   decimal.js rounds it, so the same digits as the direct path's `decimalArithmetic`; the nodes
 *   no varying slot reaches are computed once.
 */
import { decimalArithmetic, floatArithmetic } from '../numbers/arithmetic.js';
import { type ExactValues, VIA_DECIMAL } from './exact.js';
import { OP, type Tape } from './tape.js';

/** A tape prepared for evaluation: the nodes needed for chosen outputs, constants per arithmetic. */
export class CompiledTape {
  /** Nodes needed, in tape order (operands first). */
  readonly order: Int32Array;
  readonly needed: Uint8Array;
  readonly failedSet: ReadonlySet<number>;
  private floatConsts: Float64Array | null = null;

  constructor(
    readonly tape: Tape,
    outputs: Iterable<number>,
  ) {
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
      floatColumns(
        op,
        vary[a] ? cols[a]! : null,
        scalars[a]!,
        unary || vary[b] ? (unary ? null : cols[b]!) : null,
        unary ? 0 : scalars[b]!,
        o,
        n,
      );
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
        case OP.CONST:
          v = consts[as[i]!]!;
          break;
        case OP.TOL:
          v = floatArithmetic.identityTolerance;
          break;
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
      const canFail =
        op !== OP.CONST && op !== OP.TOL && op !== OP.SLOT && op !== OP.NEG && op !== OP.ABS && op !== OP.MAX && op !== OP.MIN;
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

  /**
   * Evaluate one row on the decimal path into `values` (./exact.ts: decimal.js's digits with BigInt
   * mantissas). `slotText(k)` is slot k's text. With `vary`, only the nodes whose flag is `want`
   * are computed (0: the nodes the same for every row, once; 1: a row's own). Returns false when
   * the row leaves this tape (a guard, or an operation that throws where the recording's did not).
   */
  evaluateDecimal(slotText: (k: number) => string, values: ExactValues, vary?: Uint8Array, want: 0 | 1 = 1): boolean {
    const { tape } = this;
    const { op: ops, a: as, b: bs } = tape;
    const failed = this.failedSet;
    for (let idx = 0; idx < this.order.length; idx++) {
      const i = this.order[idx]!;
      if (vary && vary[i] !== want) continue;
      const op = ops[i]!;
      try {
        switch (op) {
          case OP.CONST:
            values.parse(i, tape.consts[as[i]!]!);
            break;
          case OP.TOL:
            values.fromDecimal(i, decimalArithmetic.identityTolerance);
            break;
          case OP.SLOT:
            values.parse(i, slotText(as[i]!));
            break;
          case OP.ADD:
            values.add(i, as[i]!, bs[i]!);
            break;
          case OP.SUB:
            values.subtract(i, as[i]!, bs[i]!);
            break;
          case OP.MUL:
            values.multiply(i, as[i]!, bs[i]!);
            break;
          case OP.DIV:
            values.divide(i, as[i]!, bs[i]!);
            break;
          case OP.NEG:
            values.negate(i, as[i]!);
            break;
          case OP.POW:
            values.viaDecimal(i, VIA_DECIMAL.pow, as[i]!, bs[i]!);
            break;
          case OP.EXP:
            values.viaDecimal(i, VIA_DECIMAL.exp, as[i]!, as[i]!);
            break;
          case OP.LN:
            values.viaDecimal(i, VIA_DECIMAL.ln, as[i]!, as[i]!);
            break;
          case OP.MAX:
            values.max(i, as[i]!, bs[i]!);
            break;
          case OP.MIN:
            values.min(i, as[i]!, bs[i]!);
            break;
          case OP.ABS:
            values.abs(i, as[i]!);
            break;
          case OP.SUM:
            values.sum(i, tape.args, as[i]!, bs[i]!);
            break;
        }
        if (failed.size && failed.has(i)) return false;
      } catch {
        if (!failed.has(i)) return false;
      }
    }
    if (vary && want === 0) return true; // guards are checked with the varying nodes
    const g = tape.guards;
    for (let k = 0; k < g.length; k += 3) if (values.compare(g[k]!, g[k + 1]!) !== g[k + 2]) return false;
    for (const { node, value } of tape.numberGuards) if (values.toNumber(node) !== value) return false;
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
  constructor(
    readonly tape: CompiledTape,
    readonly capacity: number,
    public vary: Uint8Array,
  ) {
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
function floatColumns(
  op: number,
  A: Float64Array | null,
  sa: number,
  B: Float64Array | null,
  sb: number,
  o: Float64Array,
  n: number,
): void {
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
        // biome-ignore lint/complexity/useMathMinMax: floatArithmetic's own comparison, bit for bit (Math.max/min differ on NaN and −0)
        o[r] = x >= y ? x : y;
      }
      return;
    case OP.MIN:
      for (let r = 0; r < n; r++) {
        const x = A ? A[r]! : sa;
        const y = B ? B[r]! : sb;
        // biome-ignore lint/complexity/useMathMinMax: floatArithmetic's own comparison, bit for bit (Math.max/min differ on NaN and −0)
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
