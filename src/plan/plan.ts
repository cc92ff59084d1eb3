/**
 * The compiled account plan (核算计划): an account input validated and resolved once (schemas,
 * profile, coefficient rows, units, price rebasing, variants) and recorded as a tape whose leaves
 * are slots, then evaluated over many rows of slot values: the units of a batch (same structure,
 * other values) or the draws of a Monte Carlo run.
 *
 * How it is derived (one formula definition per indicator, never written twice): the input's
 * numeric leaves and every coefficient value are replaced by tokens (./slots.ts), and `evaluateGep`
 * (the second stage of `computeGep`) runs once over a recording arithmetic (./tape.ts). Whatever the
 * modules compute becomes the tape; whatever they decide by a value becomes a guard; whatever text
 * they build from a value becomes a template (./template.ts). A row whose guards come out otherwise
 * is recorded again into another tape (up to `MAX_TAPES`), so each branch a module takes is the
 * module's own. A row that fails an operation (division by zero, overflow) is computed directly,
 * which gives its located error.
 *
 * Parity: on the decimal path a row's result is the direct path's result, digit for digit, trace
 * included (the same `decimalArithmetic` calls in the same order); on the float path it is the
 * direct float path's, bit for bit (test/plan/parity.test.ts).
 */
import { computeGep, evaluateGep, prepareGep, type GepOptions, type GepResult, type PreparedGep } from '../accounts/gep.js';
import { gepResultToJson } from '../accounts/serialize.js';
import { CoefficientReader, makeCoefficientSet, type CoefficientSet, type GivenPriceCheck } from '../coefficients/resolve.js';
import { overrideChecks, priceCheck, runPriceCheck, type PriceCheck } from '../coefficients/price-check.js';
import { plausibilityPlan, runPlausibility, type PlausibilityPlan, type PlausibilityValues } from '../accounts/plausibility.js';
import type { AccountInput } from '../accounts/input.js';
import { GepInputError, type GepIssue, type GepWarning } from '../errors/errors.js';
import type { CoefficientOverride, CoefficientTable } from '../coefficients/types.js';
import { decimalArithmetic, floatArithmetic, type GepDecimal, isDecimalText, type Arithmetic } from '../numbers/arithmetic.js';
import type { Category } from '../indicators/types.js';
import { CompiledTape, floatState, type FloatState } from './evaluate.js';
import { ExactValues } from './exact.js';
import { inputStructure, readSlots, tokenize, type InputStructure, type SlotInfo, type StructureNode } from './slots.js';
import { coefficientToken, hasMark, type Node, PlanUnsupportedError, Recorder, SLOT_CLOSE, SLOT_OPEN, type Tape } from './tape.js';
import {
  compileTemplate,
  fillBytes,
  fillString,
  jsonEscape,
  nodesOf,
  parseString,
  type RowValues,
  type StringTemplate,
} from './template.js';

/** Options of a plan: those of `computeGep` except the arithmetic, which is chosen per evaluation. */
export type PlanOptions = Omit<GepOptions<unknown>, 'arithmetic'>;

/** At most this many tapes (branches) per plan; rows beyond them are computed directly. */
export const MAX_TAPES = 32;

/** The totals a plan reads for each row without filling a whole result. */
export interface TotalsNodes {
  readonly gep: number;
  readonly categories: Readonly<Record<Category | 'outsideRegion', number>>;
  readonly indicators: readonly { readonly id: string; readonly category: Category; readonly node: number }[];
}

/** One recorded branch of a plan. */
export interface PlanTape {
  readonly tape: Tape;
  /** Evaluation of every node a full result needs. */
  readonly full: CompiledTape;
  /** Evaluation of the totals only (Monte Carlo, sensitivity). */
  readonly totalsOnly: CompiledTape;
  readonly totals: TotalsNodes;
  /** The result with the row's values filled in. */
  readonly fill: (row: RowValues<unknown>) => GepResult<unknown>;
  /** The recorded result: nodes for numbers, holes in strings. */
  readonly template: GepResult<Node>;
  /** Resolves the slot tokens of this plan (for further templates made from `template`). */
  readonly resolve: (body: string) => number;
  /** The region, filled in (its name and code are text slots). */
  readonly region: (row: RowValues<unknown>) => GepResult<unknown>['region'];
  readonly warningCount: number;
  /** The result's JSON form (as `gepResultToJson`, indented by 2), filled in as text. */
  readonly json: StringTemplate;
  /** The checks `computeGep` makes outside the arithmetic (given prices, plausibility), compiled for this tape's rows. */
  readonly checks: CompiledChecks;
  /** The result's warnings, filled in. */
  readonly warnings: (row: RowValues<unknown>) => GepWarning[];
  /** Warnings whose filled messages might coincide on some row (the direct path drops such a repeat). */
  readonly dedupe: readonly StringTemplate[];
}

const ARITHMETIC_TOKEN = `${SLOT_OPEN}a${SLOT_CLOSE}`;

/** Tables with every value replaced by its coefficient token, one per table. */
const TOKEN_TABLES = new WeakMap<CoefficientTable, CoefficientTable>();
const ORIGINAL_TABLES = new WeakMap<CoefficientTable, CoefficientTable>();
function tokenTable(table: CoefficientTable): CoefficientTable {
  let t = TOKEN_TABLES.get(table);
  if (!t) {
    TOKEN_TABLES.set(table, (t = { ...table, rows: table.rows.map((r) => ({ ...r, value: coefficientToken(r.id, 'c') })) }));
    ORIGINAL_TABLES.set(t, table);
  }
  return t;
}

/** A stand-in for an input block the GEP account does not read: reading it means the plan's assumption is wrong. */
function unread(key: string): object {
  return new Proxy(
    {},
    {
      get(_t, p) {
        if (typeof p === 'symbol') return undefined;
        throw new PlanUnsupportedError(
          `the account read input.${key}.${p}, which the plan treats as not read (src/plan/slots.ts FREE_KEYS)`,
        );
      },
    },
  );
}

/** Where each token of a row gets its value. */
export interface RowSource<S> {
  /** Value of slot `k` in the shadow arithmetic. */
  slot(k: number): S;
}

/**
 * A compiled account plan. Make one with `compileGepPlan`; evaluate it with `evaluateDecimal`,
 * `evaluateFloat` or the batch and uncertainty functions built on it.
 */
export class GepPlan {
  readonly structure: InputStructure;
  readonly options: PlanOptions;
  /** The input the plan was made from. */
  readonly input: unknown;
  /** Slot texts of the input the plan was made from (input slots), then coefficient slots as they are read. */
  readonly defaults: string[];
  /** Per slot: its description (input slots) or coefficient id. */
  readonly slotInfo: ({ readonly kind: 'input'; readonly info: SlotInfo } | { readonly kind: 'coefficient'; readonly id: string })[];
  readonly tapes: PlanTape[] = [];
  private readonly prepared: PreparedGep;

  /** The profile the plan was compiled under (with its local indicators, if any). */
  get profile(): PreparedGep['profile'] {
    return this.prepared.profile;
  }
  private readonly coefficientSlots = new Map<string, number>();
  /** Coefficient id → the input slot of its override in the input, when the input overrides it. */
  private readonly inputOverrides = new Map<string, number>();
  private readonly optionOverrides = new Map<string, CoefficientOverride>();
  /** The price checks deferred by the recording under way. */
  private priceChecks: GivenPriceCheck[] = [];
  /** The coefficients with their real values (units, sources), for compiling the given-price checks. */
  private readonly peekReader: CoefficientReader<unknown>;

  private constructor(input: unknown, options: PlanOptions, structure: InputStructure, prepared: PreparedGep) {
    this.input = input;
    this.options = options;
    this.structure = structure;
    this.defaults = structure.slots.map((s) => s.text);
    this.slotInfo = structure.slots.map((info) => ({ kind: 'input' as const, info }));
    for (const o of options.overrides ?? []) this.optionOverrides.set(o.id, o);
    this.peekReader = new CoefficientReader(decimalArithmetic as Arithmetic<unknown>, prepared.set);
    this.prepared = this.tokenized(prepared);
  }

  /** Validate, resolve and record an input. Throws `GepInputError` for an input `computeGep` refuses, `PlanUnsupportedError` when it cannot be planned. */
  static compile(input: unknown, options: PlanOptions = {}): GepPlan {
    const prepared = prepareGep(input, options);
    const plan = new GepPlan(input, options, inputStructure(input, prepared.profile), prepared);
    plan.record(decimalArithmetic, { slot: (k) => decimalArithmetic.fromString(plan.defaults[k]!) });
    return plan;
  }

  /** Number of slots (input slots, then the coefficient slots read so far). */
  get slotCount(): number {
    return this.defaults.length;
  }

  /** The slot of an input path (`indicators.material.agriculture.products.0.quantity.value`), or undefined. */
  inputSlot(path: readonly (string | number)[]): number | undefined {
    const key = path.join('\u0000');
    const k = this.structure.slots.findIndex((s) => s.path.join('\u0000') === key);
    return k < 0 ? undefined : k;
  }

  /** The slot holding coefficient `id`'s value (its override in the input when there is one), or undefined when no tape read it. */
  coefficientSlot(id: string): number | undefined {
    return this.inputOverrides.get(id) ?? this.coefficientSlots.get(`o:${id}`) ?? this.coefficientSlots.get(`c:${id}`);
  }

  /** True when the plan's coefficient table (or an override in the options) has coefficient `id`. */
  tableHas(id: string): boolean {
    return this.optionOverrides.has(id) || tableValue(this.prepared.table, id) !== undefined;
  }

  /** Ids of the coefficients the plan's tapes read, with their slots. */
  coefficientsRead(): { id: string; slot: number }[] {
    const ids = new Set([...[...this.coefficientSlots.keys()].map((k) => k.slice(2)), ...this.inputOverrides.keys()]);
    return [...ids].map((id) => ({ id, slot: this.coefficientSlot(id)! }));
  }

  private tokenized(prepared: PreparedGep): PreparedGep {
    const root = this.structure.root;
    if (root.k !== 'object') throw new PlanUnsupportedError('the input is not an object');
    const child = (key: string): StructureNode | undefined => root.children[root.keys.indexOf(key)];
    const account = tokenize(root, prepared.account) as Record<string, unknown>;
    for (const key of ['$schema', 'about', 'economy', 'geep']) if (account[key] !== undefined) account[key] = unread(key);
    const indicatorsNode = child('indicators');
    const planned = prepared.planned.map((p) => {
      if (indicatorsNode?.k !== 'object') throw new PlanUnsupportedError('the input has no indicators object');
      const node = indicatorsNode.children[indicatorsNode.keys.indexOf(p.id)];
      if (!node) throw new PlanUnsupportedError(`no structure for indicators.${p.id}`);
      return { ...p, parsed: tokenize(node, p.parsed) };
    });
    const accountOverrides = (account.coefficientOverrides as CoefficientOverride[] | undefined) ?? [];
    const overridesNode = child('coefficientOverrides');
    accountOverrides.forEach((o, i) => {
      const slot = this.inputSlot(['coefficientOverrides', i, 'value']);
      if (slot !== undefined && overridesNode) this.inputOverrides.set(o.id, slot);
    });
    const optionOverrides = [...this.optionOverrides.values()].map((o) => ({ ...o, value: coefficientToken(o.id, 'o') }));
    const made = makeCoefficientSet(tokenTable(prepared.table), [...accountOverrides, ...optionOverrides], { strict: prepared.set.strict });
    if (made.issues.length) throw new PlanUnsupportedError('the coefficient overrides differ once tokenised');
    // Given prices and overrides are compared with the table per row (their text is a token while recording).
    const set: CoefficientSet = { ...made.set, onGivenPrice: (c) => this.priceChecks.push(c) };
    return { ...prepared, account: account as unknown as PreparedGep['account'], planned, set, overrideWarnings: [] };
  }

  /** The slot index of a token's body (−1 for the arithmetic's name). */
  resolveToken(body: string): number {
    if (body === 'a') return -1;
    if (/^t?\d+$/.test(body)) return Number(body.replace('t', ''));
    if (body.startsWith('c:') || body.startsWith('o:')) return this.coefficientSlotFor(body);
    throw new PlanUnsupportedError(`unknown token ${JSON.stringify(body)}`);
  }

  /**
   * The slot of a coefficient token's body (`c:id` the table's value, `o:id` the options' override),
   * made on first use with the value's text as its default.
   */
  private coefficientSlotFor(body: string): number {
    let k = this.coefficientSlots.get(body);
    if (k === undefined) {
      const id = body.slice(2);
      const text = body.startsWith('o:') ? this.optionOverrides.get(id)?.value : tableValue(this.prepared.table, id);
      if (text === undefined) throw new PlanUnsupportedError(`coefficient ${id} has no value`);
      k = this.defaults.length;
      this.defaults.push(text);
      this.slotInfo.push({ kind: 'coefficient', id });
      this.coefficientSlots.set(body, k);
    }
    return k;
  }

  /**
   * The checks `computeGep` makes outside the arithmetic, compiled for a tape from their own
   * definitions (src/coefficients/price-check.ts, src/accounts/plausibility.ts): which values each
   * reads (a slot, or a constant) is found once from the tokenised input and the recorded result;
   * a row then only compares numbers.
   */
  private compileChecks(deferred: readonly GivenPriceCheck[], result: GepResult<unknown>): CompiledChecks {
    const consts: string[] = [];
    const constIndex = new Map<string, number>();
    // A value of the checks: slot k (k ≥ 0), or constant text −(i + 1).
    const read = (text: string): number | undefined => {
      const m = /^\uE000(\d+)\uE001$/.exec(text);
      if (m) return Number(m[1]);
      if (hasMark(text)) throw new PlanUnsupportedError('a checked value is not an input value');
      if (!isDecimalText(text)) return undefined;
      let i = constIndex.get(text);
      if (i === undefined) {
        constIndex.set(text, (i = consts.length));
        consts.push(text);
      }
      return -(i + 1);
    };
    const prices: PriceCheck<number>[] = [];
    for (const c of deferred) {
      const use = this.peekReader.peek(c.coefficientId);
      // The coefficient's value: the row's own override when the input overrides it, else the plan's.
      const reference = this.inputOverrides.get(c.coefficientId) ?? (use ? read(use.value) : undefined);
      const check = priceCheck(use, { value: read(c.given.value), unit: c.given.unit }, reference, c.coefficientId, c.path, c.indicator);
      if (check) prices.push(check);
    }
    // Each override against its table row: the input's by their slots, the options' (the same for every row) as constants.
    const overrides = overrideChecks(
      this.prepared.table,
      [...(this.prepared.account.coefficientOverrides ?? []), ...this.optionOverrides.values()],
      (o) => read(o.value),
      (use) => read(use.value),
    );
    const plausibility = plausibilityPlan<number>(
      this.prepared.account,
      this.prepared.planned.map((p) => ({ id: p.id, input: p.parsed, path: p.path })),
      result.indicators.map((r) => ({ id: r.id, totalUnit: r.quantity.total?.unit ?? null })),
      read,
    );
    const quantities = result.indicators.map((r) => (r.quantity.total ? (r.quantity.total.value as Node).id : -1));
    return { prices, overrides, plausibility, consts, constNumbers: Float64Array.from(consts, (t) => Number(t)), quantities };
  }

  /**
   * Record a tape for the row `source` (its shadow values in `S`), add it to the plan and return it.
   * Throws what `computeGep` would throw for that row (`GepInputError`, an identity error), or
   * `PlanUnsupportedError`.
   */
  record<S>(S: Arithmetic<S>, source: RowSource<S>): PlanTape {
    if (this.tapes.length >= MAX_TAPES) throw new PlanUnsupportedError(`more than ${MAX_TAPES} branches`);
    const rec = new Recorder<S>(S, {
      resolve: (body) => {
        if (/^\d+$/.test(body)) return { slot: Number(body), value: source.slot(Number(body)) };
        if (body.startsWith('c:') || body.startsWith('o:')) {
          const k = this.coefficientSlotFor(body);
          return { slot: k, value: source.slot(k) };
        }
        return null;
      },
    });
    this.priceChecks = [];
    // Plausibility checks read input text and results outside the arithmetic: run per row (finishRow).
    const result = evaluateGep(this.prepared, rec, { plausibility: false });
    const tape = rec.finish();
    const deferred = this.priceChecks;
    const resolve = (body: string) => this.resolveToken(body);
    const template = { ...result, arithmetic: ARITHMETIC_TOKEN } as unknown as GepResult<Node>;
    const totals: TotalsNodes = {
      gep: (result.totals.gep.value as Node).id,
      categories: {
        material: (result.totals.material.value as Node).id,
        regulating: (result.totals.regulating.value as Node).id,
        cultural: (result.totals.cultural.value as Node).id,
        outsideRegion: (result.totals.outsideRegion.value as Node).id,
      },
      indicators: result.indicators.map((r) => ({ id: r.id, category: r.category, node: (r.value.total.value as Node).id })),
    };
    const totalNodes = [totals.gep, ...Object.values(totals.categories), ...totals.indicators.map((i) => i.node)];
    for (const r of result.indicators) if (r.quantity.total) totalNodes.push((r.quantity.total.value as Node).id);
    const messages = [...new Set(result.warnings.map((w) => w.message))];
    // What only whole results need is made on first use: a Monte Carlo run reads the totals only.
    const lazy = <V>(make: () => V): (() => V) => {
      let v: V | undefined;
      return () => (v ??= make());
    };
    const full = lazy(() => new CompiledTape(tape, nodesOf(template, resolve)));
    const fill = lazy(() => compileTemplate<GepResult<unknown>>(template, resolve));
    const region = lazy(() => compileTemplate<GepResult<unknown>['region']>(result.region, resolve));
    const json = lazy(() => parseString(JSON.stringify(gepResultToJson(template, rec as unknown as Arithmetic<Node>), null, 2), resolve));
    const dedupe = lazy(() => (messages.length > 1 && messages.some(hasMark) ? messages.map((m) => parseString(m, resolve)) : []));
    const warningsFill = lazy(() => compileTemplate<GepWarning[]>(result.warnings, resolve));
    const checks = this.compileChecks(deferred, result);
    const planTape: PlanTape = {
      tape,
      checks,
      warnings: (row) => warningsFill()(row),
      get full() {
        return full();
      },
      totalsOnly: new CompiledTape(tape, totalNodes),
      totals,
      fill: (row) => fill()(row),
      template,
      resolve,
      region: (row) => region()(row),
      warningCount: result.warnings.length,
      get json() {
        return json();
      },
      get dedupe() {
        return dedupe();
      },
    };
    this.tapes.push(planTape);
    return planTape;
  }
}

/** The value text of a table row (the original table, not its tokenised copy). */
function tableValue(table: CoefficientTable, id: string): string | undefined {
  const original = ORIGINAL_TABLES.get(table) ?? table;
  return original.rows.find((r) => r.id === id)?.value;
}

/** Compile an account input into a plan (see `GepPlan`). */
export function compileGepPlan(input: unknown, options: PlanOptions = {}): GepPlan {
  return GepPlan.compile(input, options);
}

/** True when two of a row's warnings fill to the same message from different templates (the direct path keeps one). */
export function warningsCollide(t: PlanTape, row: RowValues<unknown>): boolean {
  if (!t.dedupe.length) return false;
  const seen = new Set<string>();
  for (const m of t.dedupe) {
    const s = fillString(m, row);
    if (seen.has(s)) return true;
    seen.add(s);
  }
  return false;
}

/** Slot texts of rows: `rows[r][k]`, undefined for the plan's own text. */
export type SlotRows = readonly (readonly (string | undefined)[])[];

/** Which slots differ between the rows (the others are computed once). */
function slotVariation(plan: GepPlan, rows: SlotRows): Uint8Array {
  const varies = new Uint8Array(plan.slotCount);
  if (rows.length < 2) return varies;
  const first = rows[0]!;
  for (let k = 0; k < varies.length; k++) {
    const t0 = first[k] ?? plan.defaults[k];
    for (let r = 1; r < rows.length; r++) {
      if ((rows[r]![k] ?? plan.defaults[k]) !== t0) {
        varies[k] = 1;
        break;
      }
    }
  }
  return varies;
}

/** Values of one row on the decimal path (exact decimals); texts and decimal.js values of nodes that do not vary are kept between rows. */
class DecimalRow implements RowValues<unknown> {
  texts: readonly (string | undefined)[] = [];
  /** Texts of nodes made so far: valid for this row when `stamp` is the row's number, for every row when −1. */
  private readonly textCache: string[];
  private readonly stamp: Int32Array;
  /** decimal.js values made so far (for results as objects and for the checks), likewise. */
  private readonly valueCache: (GepDecimal | null)[];
  private readonly valueStamp: Int32Array;
  private row = 0;
  constructor(
    private readonly plan: GepPlan,
    readonly values: ExactValues,
    private readonly vary: Uint8Array,
  ) {
    // Dense arrays of the tape's size, written in place row after row (a new sparse array per row
    // was slow to write and to read).
    const size = vary.length;
    this.textCache = new Array<string>(size).fill('');
    this.stamp = new Int32Array(size).fill(-2);
    this.valueCache = new Array<GepDecimal | null>(size).fill(null);
    this.valueStamp = new Int32Array(size).fill(-2);
  }
  next(texts: readonly (string | undefined)[]): void {
    this.texts = texts;
    this.row++;
  }
  value(id: number): unknown {
    const s = this.valueStamp[id]!;
    if (s === this.row || s === -1) return this.valueCache[id]!;
    const v = this.values.toDecimal(id);
    this.valueCache[id] = v;
    this.valueStamp[id] = this.vary[id] ? this.row : -1;
    return v;
  }
  text(id: number): string {
    const s = this.stamp[id]!;
    if (s === this.row || s === -1) return this.textCache[id]!;
    const t = this.values.text(id);
    this.textCache[id] = t;
    this.stamp[id] = this.vary[id] ? this.row : -1;
    return t;
  }
  slotText(k: number): string {
    return k < 0 ? 'decimal' : (this.texts[k] ?? this.plan.defaults[k]!);
  }
  slotNumber(k: number): number {
    // Number() rounds decimal text once; a fraction gives NaN (decided with decimals).
    return Number(this.texts[k] ?? this.plan.defaults[k]!);
  }
}

/** Called for each row a plan computes: the tape that took it and its values (valid during the call only). */
export type RowEmit = (index: number, tape: PlanTape, row: RowValues<unknown>) => void;

/**
 * Evaluate rows of slot texts on the decimal path. `emit` is called for each row the plan computes,
 * in row order; returns the rows it could not take (to be computed directly): a failing operation,
 * a branch that could not be recorded, or warnings that coincide.
 */
export function evaluateDecimalRows(plan: GepPlan, rows: SlotRows, emit: RowEmit): number[] {
  const varies = slotVariation(plan, rows);
  const D = decimalArithmetic;
  const first = rows[0] ?? [];
  const fixedSlot = (k: number) => first[k] ?? plan.defaults[k]!;
  const perTape = new Map<PlanTape, { row: DecimalRow; vary: Uint8Array; fixedOk: boolean }>();
  const stateOf = (t: PlanTape) => {
    let s = perTape.get(t);
    if (!s) {
      const vary = t.full.varying((k) => varies[k] === 1);
      const values = new ExactValues(t.tape.size);
      let fixedOk: boolean;
      try {
        fixedOk = t.full.evaluateDecimal(fixedSlot, values, vary, 0);
      } catch {
        fixedOk = false;
      }
      perTape.set(t, (s = { row: new DecimalRow(plan, values, vary), vary, fixedOk }));
    }
    return s;
  };
  const failed: number[] = [];
  for (let r = 0; r < rows.length; r++) {
    const texts = rows[r]!;
    const slot = (k: number) => texts[k] ?? plan.defaults[k]!;
    let taken = false;
    try {
      for (let t = 0; t <= plan.tapes.length && !taken; t++) {
        let tape = plan.tapes[t];
        let fresh = false;
        if (!tape) {
          if (plan.tapes.length >= MAX_TAPES) break;
          tape = plan.record(D, { slot: (k) => D.fromString(texts[k] ?? plan.defaults[k]!) });
          fresh = true;
        }
        const s = stateOf(tape);
        if (!s.fixedOk || !tape.full.evaluateDecimal(slot, s.row.values, s.vary, 1)) {
          if (fresh) break;
          continue;
        }
        s.row.next(texts);
        if (warningsCollide(tape, s.row)) break;
        emit(r, tape, s.row);
        taken = true;
      }
    } catch {
      taken = false;
    }
    if (!taken) failed.push(r);
  }
  return failed;
}

/** Rows per block of the float path: columns of this many doubles stay in cache. */
export const FLOAT_BLOCK = 512;

/**
 * The float64 core: evaluate `n` rows whose slot k is `column(k)` (a value per row, or one number
 * for all rows), on tapes chosen by `which`, calling `emit` for each row a tape takes (not in row
 * order: tape by tape, block by block). Rows no tape takes are returned. New branches are recorded
 * from a leftover row with float64 shadows, up to `MAX_TAPES`.
 */
export function evaluateFloatColumns(
  plan: GepPlan,
  n: number,
  column: (k: number) => Float64Array | number,
  which: 'full' | 'totalsOnly',
  emit: (index: number, tape: PlanTape, row: FloatRowView) => void,
): number[] {
  let pending: number[] = Array.from({ length: n }, (_, i) => i);
  const gone: number[] = [];
  const varies = (k: number) => typeof column(k) !== 'number';
  for (let t = 0; pending.length > 0; ) {
    let tape = plan.tapes[t];
    let fresh = false;
    if (!tape) {
      if (plan.tapes.length >= MAX_TAPES) break;
      const r0 = pending[0]!;
      try {
        tape = plan.record(floatArithmetic, {
          slot: (k) => {
            const c = column(k);
            return typeof c === 'number' ? c : c[r0]!;
          },
        });
        fresh = true;
      } catch {
        gone.push(pending.shift()!);
        continue;
      }
    }
    let compiled: CompiledTape;
    try {
      compiled = tape[which];
    } catch (e) {
      // A tape whose whole result cannot be templated (a module edited text made from a value): its rows go direct.
      if (!(e instanceof PlanUnsupportedError)) throw e;
      gone.push(...pending);
      break;
    }
    const vary = compiled.varying(varies);
    const size = Math.min(FLOAT_BLOCK, pending.length);
    const state = floatState(compiled, size, vary);
    const bad = new Uint8Array(size);
    const blockCols = new Map<number, Float64Array>();
    const view = new FloatRowView(plan, state, column);
    const next: number[] = [];
    for (let start = 0; start < pending.length; start += size) {
      const m = Math.min(size, pending.length - start);
      bad.fill(0);
      compiled.evaluateFloat(
        (k) => {
          const c = column(k);
          if (typeof c === 'number') return c;
          let b = blockCols.get(k);
          if (!b) blockCols.set(k, (b = new Float64Array(size)));
          for (let i = 0; i < m; i++) b[i] = c[pending[start + i]!]!;
          return b.subarray(0, m);
        },
        m,
        state,
        bad,
      );
      for (let i = 0; i < m; i++) {
        const index = pending[start + i]!;
        if (bad[i]) {
          if (fresh && start === 0 && i === 0) gone.push(index);
          else next.push(index);
          continue;
        }
        view.r = i;
        view.index = index;
        emit(index, tape, view);
      }
    }
    pending = next;
    t++;
  }
  return [...gone, ...pending];
}

/** The values of one row inside a float block (valid during `emit` only). */
export class FloatRowView implements RowValues<unknown> {
  r = 0;
  index = 0;
  texts: readonly (string | undefined)[] = [];
  constructor(
    private readonly plan: GepPlan,
    private readonly state: FloatState,
    private readonly column: (k: number) => Float64Array | number,
  ) {}
  /** The float value of node `id` in this row. */
  number(id: number): number {
    return this.state.vary[id] ? this.state.cols[id]![this.r]! : this.state.scalars[id]!;
  }
  value(id: number): unknown {
    return this.number(id);
  }
  text(id: number): string {
    return floatArithmetic.toString(this.number(id));
  }
  slotText(k: number): string {
    return k < 0 ? 'float64' : (this.texts[k] ?? this.plan.defaults[k]!);
  }
  slotNumber(k: number): number {
    const c = this.column(k);
    return typeof c === 'number' ? c : c[this.index]!;
  }
}

/**
 * Evaluate rows of slot texts on the float path (`emit` in no particular order; the texts of the
 * row are on `row.texts`). Returns the rows to compute directly.
 */
export function evaluateFloatRows(plan: GepPlan, rows: SlotRows, emit: RowEmit): number[] {
  const varies = slotVariation(plan, rows);
  const columns = new Map<number, Float64Array | number>();
  const unreadable = new Set<number>();
  const column = (k: number): Float64Array | number => {
    let c = columns.get(k);
    if (c === undefined) {
      if (!varies[k]) {
        try {
          c = floatArithmetic.fromString(rows[0]?.[k] ?? plan.defaults[k]!);
        } catch {
          c = NaN; // every row fails here and is computed directly
        }
      } else {
        const col = new Float64Array(rows.length);
        for (let r = 0; r < rows.length; r++) {
          try {
            col[r] = floatArithmetic.fromString(rows[r]![k] ?? plan.defaults[k]!);
          } catch {
            col[r] = NaN;
            unreadable.add(r);
          }
        }
        c = col;
      }
      columns.set(k, c);
    }
    return c;
  };
  const refused: number[] = [];
  const failed = evaluateFloatColumns(plan, rows.length, column, 'full', (index, tape, row) => {
    if (unreadable.has(index)) {
      refused.push(index);
      return;
    }
    row.texts = rows[index]!;
    if (warningsCollide(tape, row)) refused.push(index);
    else emit(index, tape, row);
  });
  return [...new Set([...failed, ...refused])].sort((a, b) => a - b);
}

/** The checks of a tape, compiled (`GepPlan.compileChecks`): values are slots (k ≥ 0) or constants (−(i + 1)). */
export interface CompiledChecks {
  readonly prices: readonly PriceCheck<number>[];
  /** Coefficient overrides against their table rows (warnings added to the row's, before the plausibility warnings). */
  readonly overrides: readonly PriceCheck<number>[];
  readonly plausibility: PlausibilityPlan<number>;
  readonly consts: readonly string[];
  readonly constNumbers: Float64Array;
  /** Per result of the tape: the node of its quantity total (−1 without one). */
  readonly quantities: Int32Array | readonly number[];
}

/** The values the checks read from a row (one object per tape, pointed at each row in turn). */
class CheckValues implements PlausibilityValues<number, unknown> {
  row!: RowValues<unknown>;
  population: { readonly value: string; readonly unit: string } | undefined;
  readonly text: (v: number) => string;
  readonly approx: (v: number) => number;
  constructor(
    readonly A: Arithmetic<unknown>,
    private readonly tape: PlanTape,
  ) {
    const { consts, constNumbers } = tape.checks;
    this.text = (v) => (v >= 0 ? this.row.slotText(v) : consts[-v - 1]!);
    this.approx = (v) => (v >= 0 ? this.row.slotNumber(v) : constNumbers[-v - 1]!);
  }
  total(k: Category | 'outsideRegion' | 'gep'): unknown {
    return this.row.value(k === 'gep' ? this.tape.totals.gep : this.tape.totals.categories[k]);
  }
  quantity(i: number): unknown {
    return this.row.value(this.tape.checks.quantities[i]!);
  }
}
const CHECK_VALUES = new WeakMap<PlanTape, Map<string, CheckValues>>();

/** The outcome of the checks on a row: its extra warnings, its issues (the row is refused, as `computeGep` refuses it), or null to compute it directly. */
export type RowCheckOutcome =
  | { readonly warnings: readonly GepWarning[]; readonly issues?: undefined }
  | { readonly issues: readonly GepIssue[]; readonly warnings?: undefined }
  | null;

/**
 * The checks `computeGep` makes outside the arithmetic, on a row's values: a price the input gives
 * against the table value (a warning), each coefficient override against its table row (a warning),
 * and the plausibility checks of src/accounts/plausibility.ts (issues and warnings), compiled for
 * the tape (`PlanTape.checks`). Returns the row's extra
 * warnings, its issues, or null when the row must be computed directly (a price warning: it sits
 * among the indicator's own warnings, which the recording had none of).
 */
export function rowChecks(tape: PlanTape, row: RowValues<unknown>, input: unknown, A: Arithmetic<unknown>): RowCheckOutcome {
  let byName = CHECK_VALUES.get(tape);
  if (!byName) CHECK_VALUES.set(tape, (byName = new Map()));
  let values = byName.get(A.name);
  if (!values) byName.set(A.name, (values = new CheckValues(A, tape)));
  values.row = row;
  const checks = tape.checks;
  for (const c of checks.prices) if (runPriceCheck(c, values.text, values.approx)) return null;
  const far: GepWarning[] = [];
  for (const c of checks.overrides) {
    const w = runPriceCheck(c, values.text, values.approx);
    if (w) far.push(w);
  }
  // economy is not part of the plan's structure: the row's own population, as its input gives it.
  values.population = (input as Partial<AccountInput> | null)?.economy?.population;
  const { issues, warnings } = runPlausibility(checks.plausibility, values);
  if (issues.length) return { issues };
  return { warnings: far.length ? [...far, ...warnings] : warnings };
}

const utf8 = new TextEncoder();

/**
 * The result of a row of a batch, with the checks `computeGep` makes outside the arithmetic
 * (`rowChecks`): an object, JSON text, or the JSON text's UTF-8 bytes followed by a newline (as a
 * result file holds it), with the count of extra warnings; the row's issues; or null when the row
 * must be computed directly.
 */
export function finishRow(
  tape: PlanTape,
  row: RowValues<unknown>,
  input: unknown,
  A: Arithmetic<unknown>,
  form: 'object' | 'json' | 'bytes',
): { result: GepResult<unknown> | string | Uint8Array; extraWarnings: number } | { issues: readonly GepIssue[] } | null {
  const checked = rowChecks(tape, row, input, A);
  if (!checked) return null;
  if (checked.issues) return { issues: checked.issues };
  const extra = checked.warnings;
  if (form === 'object') {
    const r = tape.fill(row);
    return { result: extra.length ? { ...r, warnings: [...r.warnings, ...extra] } : r, extraWarnings: extra.length };
  }
  if (!extra.length)
    return {
      result: form === 'bytes' ? fillBytes(tape.json, row, jsonEscape, '\n') : fillString(tape.json, row, jsonEscape),
      extraWarnings: 0,
    };
  // `warnings` is the last member of the JSON form: written again with the row's extra warnings.
  const text = fillString(tape.json, row, jsonEscape);
  const at = text.lastIndexOf('\n  "warnings": ');
  if (at < 0 || !text.endsWith('\n}')) return null;
  const list = JSON.stringify([...tape.warnings(row), ...extra], null, 2).replace(/\n/g, '\n  ');
  const json = `${text.slice(0, at)}\n  "warnings": ${list}\n}`;
  return { result: form === 'bytes' ? utf8.encode(`${json}\n`) : json, extraWarnings: extra.length };
}

/** A whole result of a row, as `computeGep` returns it or as its JSON text. */
export function resultOf(tape: PlanTape, row: RowValues<unknown>, form: 'object'): GepResult<unknown>;
export function resultOf(tape: PlanTape, row: RowValues<unknown>, form: 'json'): string;
export function resultOf(tape: PlanTape, row: RowValues<unknown>, form: 'object' | 'json'): GepResult<unknown> | string {
  return form === 'object' ? tape.fill(row) : fillString(tape.json, row, jsonEscape);
}

/**
 * `computeGep` through a plan: the result for `input` when the plan takes it, else computed
 * directly. For single calls and tests; a batch uses `computeGepBatch`.
 */
export function computeWithPlan<T>(plan: GepPlan, input: unknown, arithmetic: Arithmetic<T>): GepResult<T> {
  const texts: string[] = [];
  if (readSlots(plan.structure.root, input, texts) === 'ok') {
    let out: GepResult<unknown> | undefined;
    let issues: readonly GepIssue[] | undefined;
    const emit: RowEmit = (_i, tape, row) => {
      const done = finishRow(tape, row, input, arithmetic as Arithmetic<unknown>, 'object');
      if (done && 'issues' in done) issues = done.issues;
      else out = done?.result as GepResult<unknown> | undefined;
    };
    if (arithmetic.name === 'decimal') evaluateDecimalRows(plan, [texts], emit);
    else evaluateFloatRows(plan, [texts], emit);
    if (issues) throw new GepInputError(issues);
    if (out) return out as GepResult<T>;
  }
  return computeGep(input, { ...plan.options, arithmetic } as GepOptions<T> & { arithmetic: Arithmetic<T> });
}
