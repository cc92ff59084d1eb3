/**
 * The recording arithmetic (录制计算): an `Arithmetic<Node>` that runs an account once, as
 * `computeGep` would, and writes every operation it is asked for onto a tape. The account plan
 * (./plan.ts) is that tape: the formulas stay in the indicator modules, written once, and the plan
 * is derived from them by running them, never written a second time.
 *
 * - Numeric leaves of the input and coefficient values arrive as *tokens* (`\uE000…\uE001` text in
 *   place of the decimal text); `fromString` of a token is a slot, a column of values at evaluation.
 *   Any other text is a constant.
 * - Each node also carries its value in a *shadow* arithmetic (decimal or float64), computed as the
 *   direct path would, so that the module's control flow is the direct path's for the recorded values.
 * - Value-dependent control flow is recorded as a guard: `compare` with the outcome seen, `toNumber`
 *   with the number seen, and an operation that failed (a division by zero the module caught). At
 *   evaluation a row whose guards come out otherwise belongs to another tape (./plan.ts records one).
 * - `toString` returns a *hole* (`\uE002id\uE003`): strings the module builds from values (trace
 *   steps, warning messages) become templates filled after evaluation (./template.ts).
 */
import type { Arithmetic } from '../numbers/arithmetic.js';

/** Operation codes of a tape. */
export const OP = {
  CONST: 0,
  SLOT: 1,
  TOL: 2,
  ADD: 3,
  SUB: 4,
  MUL: 5,
  DIV: 6,
  NEG: 7,
  POW: 8,
  EXP: 9,
  LN: 10,
  MAX: 11,
  MIN: 12,
  ABS: 13,
  SUM: 14,
} as const;
export type OpCode = (typeof OP)[keyof typeof OP];
export const OP_NAMES = Object.fromEntries(Object.entries(OP).map(([k, v]) => [v, k.toLowerCase()])) as Record<OpCode, string>;

/** Token delimiters (Unicode private-use characters, which no input text or unit contains). */
export const SLOT_OPEN = '\uE000';
export const SLOT_CLOSE = '\uE001';
export const HOLE_OPEN = '\uE002';
export const HOLE_CLOSE = '\uE003';
/** A region (or other passthrough) object of the row, inside a template. */
export const ROW_OPEN = '\uE004';
export const ROW_CLOSE = '\uE005';
const ANY_MARK = /[\uE000-\uE005]/;

/** The token standing for input slot `k` (a decimal text of the input). */
export const inputToken = (k: number) => `${SLOT_OPEN}${k}${SLOT_CLOSE}`;
/** The token standing for a text slot `k` (a name or code carried to the result, never a number). */
export const textToken = (k: number) => `${SLOT_OPEN}t${k}${SLOT_CLOSE}`;
/** The token standing for the value of coefficient `id`: `c` its table value, `o` an override given in the options. */
export const coefficientToken = (id: string, kind: 'c' | 'o') => `${SLOT_OPEN}${kind}:${id}${SLOT_CLOSE}`;
/** True when a text holds any plan token or hole. */
export const hasMark = (text: string) => ANY_MARK.test(text);

/** The account cannot be compiled into a plan (a module did something a tape cannot replay); it is computed directly. */
export class PlanUnsupportedError extends Error {
  override readonly name = 'PlanUnsupportedError';
  constructor(message: string) {
    super(`[gep] plan: ${message}`);
  }
}

/** A recorded value: its node on the tape and its shadow value. */
export class Node<S = unknown> {
  constructor(
    readonly recorder: object,
    readonly id: number,
    readonly v: S,
  ) {}
}

/** A finished tape: operations in order (each node's operands come before it), constants, guards. */
export interface Tape {
  readonly size: number;
  readonly op: Uint8Array;
  /** First operand; the slot index of SLOT; the constant index of CONST; the first argument's position in `args` for SUM. */
  readonly a: Int32Array;
  /** Second operand; the argument count for SUM. */
  readonly b: Int32Array;
  readonly args: Int32Array;
  readonly consts: readonly string[];
  /** Compare guards as triples (a, b, outcome). */
  readonly guards: Int32Array;
  /** `toNumber` guards: the node and the number the recording saw. */
  readonly numberGuards: readonly { readonly node: number; readonly value: number }[];
  /** Nodes whose operation failed in the recording (the module caught the error): a row must fail there too. */
  readonly failed: readonly number[];
}

/** Where the recorder finds the value of a token. */
export interface SlotSource<S> {
  /** The slot index and shadow value of a token's body (`12`, `c:carbon-price.afforestation`); `null` for a text slot. */
  resolve(body: string): { readonly slot: number; readonly value: S } | null;
}

type NodeOf<S> = Node<S>;

/**
 * The recording arithmetic over shadow arithmetic `S`. One per recording: caches keyed by the
 * arithmetic object (unit factors, price rebasing) then never hand one tape's nodes to another.
 */
export class Recorder<S> implements Arithmetic<NodeOf<S>> {
  readonly name: 'decimal' | 'float64';
  readonly zero: NodeOf<S>;
  readonly one: NodeOf<S>;
  readonly identityTolerance: NodeOf<S>;
  private readonly ops: number[] = [];
  private readonly as: number[] = [];
  private readonly bs: number[] = [];
  private readonly argList: number[] = [];
  private readonly consts: string[] = [];
  private readonly constNodes = new Map<string, NodeOf<S>>();
  private readonly slotNodes = new Map<number, NodeOf<S>>();
  private readonly guardList: number[] = [];
  private readonly numberGuardList: { node: number; value: number }[] = [];
  private readonly failedList: number[] = [];

  constructor(
    readonly S: Arithmetic<S>,
    private readonly source: SlotSource<S>,
  ) {
    this.name = S.name;
    this.zero = this.constant('0');
    this.one = this.constant('1');
    this.identityTolerance = this.push(OP.TOL, 0, 0, S.identityTolerance);
  }

  private push(op: OpCode, a: number, b: number, v: S): NodeOf<S> {
    const id = this.ops.length;
    this.ops.push(op);
    this.as.push(a);
    this.bs.push(b);
    return new Node(this, id, v);
  }

  private own(x: NodeOf<S>): NodeOf<S> {
    if (!(x instanceof Node) || x.recorder !== this)
      throw new PlanUnsupportedError('a value from outside this recording reached its arithmetic');
    return x;
  }

  /** Record an operation whose shadow may throw; a throw is recorded as a failure guard and rethrown. */
  private op(op: OpCode, a: NodeOf<S>, b: NodeOf<S> | null, f: () => S): NodeOf<S> {
    this.own(a);
    if (b) this.own(b);
    let v: S;
    try {
      v = f();
    } catch (e) {
      this.failedList.push(this.push(op, a.id, b ? b.id : 0, this.S.zero).id);
      throw e;
    }
    return this.push(op, a.id, b ? b.id : 0, v);
  }

  private constant(text: string): NodeOf<S> {
    let n = this.constNodes.get(text);
    if (!n) {
      const v = this.S.fromString(text);
      this.consts.push(text);
      n = this.push(OP.CONST, this.consts.length - 1, 0, v);
      this.constNodes.set(text, n);
    }
    return n;
  }

  fromString(text: string): NodeOf<S> {
    if (!hasMark(text)) return this.constant(text);
    const t = text.trim();
    if (t.startsWith(SLOT_OPEN) && t.endsWith(SLOT_CLOSE) && t.indexOf(SLOT_OPEN, 1) < 0 && !hasMark(t.slice(1, -1))) {
      const resolved = this.source.resolve(t.slice(1, -1));
      if (!resolved) throw new PlanUnsupportedError('a text field (a name or code) was read as a number');
      let n = this.slotNodes.get(resolved.slot);
      if (!n) {
        n = this.push(OP.SLOT, resolved.slot, 0, resolved.value);
        this.slotNodes.set(resolved.slot, n);
      }
      return n;
    }
    throw new PlanUnsupportedError(`text built from a value was parsed again (${JSON.stringify(text.slice(0, 40))})`);
  }

  toString(x: NodeOf<S>): string {
    this.S.toString(this.own(x).v); // throws as the direct path does for a non-finite value
    return `${HOLE_OPEN}${x.id}${HOLE_CLOSE}`;
  }

  /** A display hole (`\uE002~id\uE003`): filled per row with `displayNumber` of the node's text. */
  toDisplayText(x: NodeOf<S>): string {
    this.S.toString(this.own(x).v);
    return `${HOLE_OPEN}~${x.id}${HOLE_CLOSE}`;
  }

  add(a: NodeOf<S>, b: NodeOf<S>) {
    return this.op(OP.ADD, a, b, () => this.S.add(a.v, b.v));
  }
  subtract(a: NodeOf<S>, b: NodeOf<S>) {
    return this.op(OP.SUB, a, b, () => this.S.subtract(a.v, b.v));
  }
  multiply(a: NodeOf<S>, b: NodeOf<S>) {
    return this.op(OP.MUL, a, b, () => this.S.multiply(a.v, b.v));
  }
  divide(a: NodeOf<S>, b: NodeOf<S>) {
    return this.op(OP.DIV, a, b, () => this.S.divide(a.v, b.v));
  }
  negate(a: NodeOf<S>) {
    return this.op(OP.NEG, a, null, () => this.S.negate(a.v));
  }
  pow(base: NodeOf<S>, exponent: NodeOf<S>) {
    return this.op(OP.POW, base, exponent, () => this.S.pow(base.v, exponent.v));
  }
  exp(a: NodeOf<S>) {
    return this.op(OP.EXP, a, null, () => this.S.exp(a.v));
  }
  ln(a: NodeOf<S>) {
    return this.op(OP.LN, a, null, () => this.S.ln(a.v));
  }
  max(a: NodeOf<S>, b: NodeOf<S>) {
    return this.op(OP.MAX, a, b, () => this.S.max(a.v, b.v));
  }
  min(a: NodeOf<S>, b: NodeOf<S>) {
    return this.op(OP.MIN, a, b, () => this.S.min(a.v, b.v));
  }
  abs(a: NodeOf<S>) {
    return this.op(OP.ABS, a, null, () => this.S.abs(a.v));
  }

  sum(values: readonly NodeOf<S>[]): NodeOf<S> {
    for (const v of values) this.own(v);
    const start = this.argList.length;
    for (const v of values) this.argList.push(v.id);
    let total: S;
    try {
      total = this.S.sum(values.map((v) => v.v));
    } catch (e) {
      this.failedList.push(this.push(OP.SUM, start, values.length, this.S.zero).id);
      throw e;
    }
    return this.push(OP.SUM, start, values.length, total);
  }

  compare(a: NodeOf<S>, b: NodeOf<S>): -1 | 0 | 1 {
    const outcome = this.S.compare(this.own(a).v, this.own(b).v);
    this.guardList.push(a.id, b.id, outcome);
    return outcome;
  }

  toNumber(x: NodeOf<S>): number {
    const value = this.S.toNumber(this.own(x).v);
    this.numberGuardList.push({ node: x.id, value });
    return value;
  }

  /** The tape recorded so far. */
  finish(): Tape {
    return {
      size: this.ops.length,
      op: Uint8Array.from(this.ops),
      a: Int32Array.from(this.as),
      b: Int32Array.from(this.bs),
      args: Int32Array.from(this.argList),
      consts: [...this.consts],
      guards: Int32Array.from(this.guardList),
      numberGuards: [...this.numberGuardList],
      failed: [...this.failedList],
    };
  }
}
