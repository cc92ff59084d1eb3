/**
 * The slots of an account input (输入槽位): which leaves of an input are values that may change from
 * unit to unit (or draw to draw) without changing how the account is computed, and which are its
 * structure. Derived from the zod schemas by walking them beside the input:
 *
 * - a string whose schema is `decimalText` is an input slot (an amount's `value`, a temperature);
 * - the region's name and code are text slots (carried to the result, never computed with);
 * - `about`, `$schema`, `economy` and `geep` are not read by the GEP account: each unit's are
 *   checked by their own schema and otherwise ignored;
 * - every other leaf (units, item names, ecosystem types, years, variants) and every key and list
 *   length is structure: units that differ there do not share a plan.
 *
 * Each unit's slot values are checked as its schema would check them, without zod: decimal text,
 * and the value rules of the amount schema that holds them (`amountRules`: sign, upper bound in its
 * reference unit). An amount schema with other value checks is checked by its own zod schema. The
 * object-level refinements of the indicator schemas must depend on which fields are present, not
 * on values (all of them do: "either ecosystems or reported"); a value rule belongs on the amount.
 */
import type { z } from 'zod';
import { decimalArithmetic, isDecimalText } from '../numbers/arithmetic.js';
import { amountRules, decimalText, isNegativeText, type AmountRules } from '../indicators/input-schema.js';
import { asFlowUnit, conversionRatio, convert } from '../units/units.js';
import { accountEnvelopeSchema } from '../accounts/input.js';
import { profileIndicator } from '../indicators/local/attach.js';
import type { Profile } from '../profiles/profiles.js';
import { inputToken, textToken } from './tape.js';

/** The structure of an input with its slots marked, and how to read a unit's slot values against it. */
export type StructureNode =
  | { readonly k: 'slot'; readonly slot: number; readonly check: SlotCheck }
  | { readonly k: 'text'; readonly slot: number; readonly check: (x: unknown) => boolean }
  | { readonly k: 'leaf'; readonly value: unknown }
  | { readonly k: 'object'; readonly keys: readonly string[]; readonly children: readonly StructureNode[] }
  | { readonly k: 'array'; readonly children: readonly StructureNode[] }
  | { readonly k: 'free'; readonly shape: StructureNode; readonly check: (x: unknown) => boolean };

/** Checks one slot's text; `owner` is the object holding it (for a check by its own schema). */
export type SlotCheck = (text: string, owner: Record<string, unknown>) => boolean;

/** An input slot: where it is in the input, its text in the unit the plan was made from, and its unit. */
export interface SlotInfo {
  readonly path: readonly (string | number)[];
  readonly text: string;
  /** The unit beside the value (`{ value, unit }` amounts), else null. */
  readonly unit: string | null;
  /** The amount's value rules, when its schema has them. */
  readonly rules: AmountRules | null;
  /** 'text' for a name or code. */
  readonly kind: 'number' | 'text';
}

/** The input's structure and its slots. */
export interface InputStructure {
  readonly root: StructureNode;
  readonly slots: readonly SlotInfo[];
}

type Schema = z.ZodType;
interface Def {
  readonly type: string;
  readonly innerType?: Schema;
  readonly in?: Schema;
  readonly getter?: () => Schema;
  readonly shape?: Readonly<Record<string, Schema>>;
  readonly catchall?: Schema;
  readonly element?: Schema;
  readonly valueType?: Schema;
  readonly checks?: readonly unknown[];
}
const defOf = (s: Schema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The schema under optional/nullable/default wrappers. */
function unwrap(s: Schema | null): Schema | null {
  for (let i = 0; s && i < 20; i++) {
    const d = defOf(s);
    if (d.innerType && ['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch'].includes(d.type))
      s = d.innerType;
    else if (d.type === 'pipe' && d.in) s = d.in;
    else if (d.type === 'lazy' && d.getter) s = d.getter();
    else return s;
  }
  return s;
}

const isPlainObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * `isDecimalText` and `isNegativeText` in one pass without regular expressions: −1 when `text` is
 * not decimal text, 1 when it is below zero, else 0. Text with spaces or non-ASCII at either end
 * (which `trim` would remove) goes through those two functions themselves.
 */
export function decimalSign(text: string): -1 | 0 | 1 {
  const n = text.length;
  if (n === 0) return -1;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(n - 1);
  if (first <= 32 || first >= 127 || last <= 32 || last >= 127) return !isDecimalText(text) ? -1 : isNegativeText(text) ? 1 : 0;
  let i = 0;
  let negative = false;
  if (first === 43 || first === 45) {
    negative = first === 45;
    i++;
  }
  let digits = 0;
  let nonzero = false;
  for (; i < n && isDigit(text.charCodeAt(i)); i++, digits++) if (text.charCodeAt(i) !== 48) nonzero = true;
  if (i < n && text.charCodeAt(i) === 46) {
    for (i++; i < n && isDigit(text.charCodeAt(i)); i++, digits++) if (text.charCodeAt(i) !== 48) nonzero = true;
  }
  if (digits === 0) return -1;
  const sign = negative && nonzero ? 1 : 0;
  if (i === n) return sign;
  const c = text.charCodeAt(i);
  if (c === 101 || c === 69) {
    i++;
    if (i < n && (text.charCodeAt(i) === 43 || text.charCodeAt(i) === 45)) i++;
    let e = 0;
    for (; i < n && isDigit(text.charCodeAt(i)); i++) e++;
    return e === 0 || e >= 5 || i !== n ? -1 : sign;
  }
  if (c !== 47) return -1;
  // A fraction: the denominator is digits with an optional point, not zero.
  let d = 0;
  let dNonzero = false;
  for (i++; i < n && isDigit(text.charCodeAt(i)); i++, d++) if (text.charCodeAt(i) !== 48) dNonzero = true;
  if (i < n && text.charCodeAt(i) === 46) {
    for (i++; i < n && isDigit(text.charCodeAt(i)); i++, d++) if (text.charCodeAt(i) !== 48) dNonzero = true;
  }
  return d === 0 || !dNonzero || i !== n ? -1 : sign;
}

/** −1, 0 or 1 for decimal text below, at or above zero (no parsing). */
function signClass(text: string): -1 | 0 | 1 {
  const mantissa = text.trim().split(/[eE/]/)[0]!;
  if (!/[1-9]/.test(mantissa)) return 0;
  return mantissa.startsWith('-') ? -1 : 1;
}

/** The same decision as `measureChecks` in input-schema.ts for a fixed unit, mostly without parsing. */
function rulesCheck(rules: AmountRules, unit: string | null): SlotCheck {
  const nonNegative = rules.nonNegative;
  if (rules.max === undefined || rules.referenceUnit === null || unit === null) {
    return nonNegative ? (t) => decimalSign(t) === 0 : (t) => decimalSign(t) >= 0;
  }
  const reference = rules.referenceUnit;
  const from = asFlowUnit(unit, reference);
  const ratio = conversionRatio(from, reference);
  const factor = Number(ratio.n) / Number(ratio.d);
  const max = Number(rules.max);
  const maxDecimal = decimalArithmetic.fromString(rules.max);
  return (t) => {
    const sign = decimalSign(t);
    if (sign < 0 || (nonNegative && sign > 0)) return false;
    // A float comparison decides unless the value is within 1e-9 of the bound; then decimals decide.
    const x = Number(t) * factor;
    if (Number.isFinite(x) && Math.abs(x - max) > 1e-9 * Math.max(1, Math.abs(max))) return x < max;
    return !convert(decimalArithmetic, decimalArithmetic.fromString(t), from, reference).gt(maxDecimal);
  };
}

/**
 * True when `owner` was derived from a registered amount schema (whose `amountRules` it inherits)
 * with checks of its own beyond the registered schema's; `.meta()` and `.describe()` add none.
 */
function addsChecks(owner: Schema): boolean {
  if (amountRules.has(owner)) return false;
  let s: Schema | undefined = owner;
  while (s && !amountRules.has(s)) s = (s as unknown as { _zod: { parent?: Schema } })._zod.parent;
  return s !== undefined && (defOf(owner).checks?.length ?? 0) > (defOf(s).checks?.length ?? 0);
}

/** A check of an amount by its own schema, for amount schemas whose value checks are not described by `amountRules`. */
function schemaCheck(owner: Schema): SlotCheck {
  return (t, o) => decimalSign(t) >= 0 && owner.safeParse(o).success;
}

class Walker {
  readonly slots: SlotInfo[] = [];

  walk(schema: Schema | null, data: unknown, path: (string | number)[]): StructureNode {
    const s = unwrap(schema);
    if (Array.isArray(data)) {
      const element = s && defOf(s).type === 'array' ? (defOf(s).element ?? null) : null;
      return { k: 'array', children: data.map((x, i) => this.walk(element, x, [...path, i])) };
    }
    if (isPlainObject(data)) {
      const d = s ? defOf(s) : null;
      const keys = Object.keys(data);
      const children = keys.map((key) => {
        const child = d?.type === 'object' ? (d.shape?.[key] ?? d.catchall ?? null) : d?.type === 'record' ? (d.valueType ?? null) : null;
        const value = data[key];
        if (typeof value === 'string' && child && unwrap(child) === decimalText) return this.slot(s!, data, key, [...path, key]);
        return this.walk(child, value, [...path, key]);
      });
      return { k: 'object', keys, children };
    }
    return { k: 'leaf', value: data };
  }

  /** A decimal-text leaf: its check from the amount schema that holds it. */
  private slot(owner: Schema, data: Record<string, unknown>, key: string, path: (string | number)[]): StructureNode {
    const unit = key === 'value' && typeof data.unit === 'string' ? data.unit : null;
    const rules = key === 'value' ? (amountRules.get(owner) ?? null) : null;
    let check: SlotCheck;
    if (rules) {
      const ruled = rulesCheck(rules, unit);
      // A schema derived from a registered amount by `.check(…)` (region.area: also > 0) inherits its
      // rules but adds checks they do not describe: those are run by the schema itself.
      check = addsChecks(owner) ? (t, o) => ruled(t, o) && owner.safeParse(o).success : ruled;
    } else if (key === 'value' && (defOf(owner).checks?.length ?? 0) > 0) check = schemaCheck(owner);
    else if (path[0] === 'coefficientOverrides') {
      // An override is checked against the sign of its table row (src/coefficients/resolve.ts): a
      // unit whose override has another sign than the plan's (−, 0, +) is computed directly.
      const sign = signClass(data[key] as string);
      check = (t) => decimalSign(t) >= 0 && signClass(t) === sign;
    } else check = (t) => decimalSign(t) >= 0;
    this.slots.push({ path, text: data[key] as string, unit, rules, kind: 'number' });
    return { k: 'slot', slot: this.slots.length - 1, check };
  }

  text(data: unknown, path: (string | number)[], schema: Schema): StructureNode {
    this.slots.push({ path, text: String(data), unit: null, rules: null, kind: 'text' });
    return { k: 'text', slot: this.slots.length - 1, check: (x) => schema.safeParse(x).success };
  }
}

const FREE_KEYS = new Set(['$schema', 'about', 'economy', 'geep']);

/**
 * The structure and slots of an account input. The input need not be valid: a plan is made only
 * from an input that `prepareGep` accepts, and each unit is then checked against it.
 */
export function inputStructure(input: unknown, profile?: Profile): InputStructure {
  const w = new Walker();
  if (!isPlainObject(input)) return { root: w.walk(null, input, []), slots: w.slots };
  const shape = defOf(accountEnvelopeSchema as unknown as Schema).shape!;
  const keys = Object.keys(input);
  const children = keys.map((key): StructureNode => {
    const value = input[key];
    const schema = shape[key] ?? null;
    // Not read by the account: a unit whose block has the plan's shape (texts included) has its
    // values checked like slots; any other block is checked by its schema, and does not matter to the plan.
    if (schema && FREE_KEYS.has(key)) return { k: 'free', shape: w.walk(schema, value, [key]), check: (x) => schema.safeParse(x).success };
    if (key === 'region' && isPlainObject(value)) {
      const regionShape = defOf(unwrap(schema)!).shape!;
      const rkeys = Object.keys(value);
      return {
        k: 'object',
        keys: rkeys,
        children: rkeys.map((rk) =>
          (rk === 'name' || rk === 'code') && typeof value[rk] === 'string' && regionShape[rk]
            ? w.text(value[rk], ['region', rk], regionShape[rk]!)
            : w.walk(regionShape[rk] ?? null, value[rk], ['region', rk]),
        ),
      };
    }
    if (key === 'indicators' && isPlainObject(value)) {
      const ids = Object.keys(value);
      return {
        k: 'object',
        keys: ids,
        children: ids.map((id) =>
          w.walk((profileIndicator(profile, id)?.inputSchema as Schema | undefined) ?? null, value[id], ['indicators', id]),
        ),
      };
    }
    return w.walk(schema, value, [key]);
  });
  return { root: { k: 'object', keys, children }, slots: w.slots };
}

/**
 * Read a unit's slot texts into `out` (by slot index) when the unit has this structure, checking
 * each slot as its schema would. Returns 'structure' when the unit is shaped otherwise, 'invalid'
 * when a value fails its check (the direct path then reports it), else 'ok'.
 */
export function readSlots(node: StructureNode, data: unknown, out: string[]): 'ok' | 'structure' | 'invalid' {
  switch (node.k) {
    case 'leaf':
      return data === node.value ? 'ok' : 'structure';
    case 'free': {
      const r = readSlots(node.shape, data, out);
      return r !== 'structure' ? r : node.check(data) ? 'ok' : 'invalid';
    }
    case 'text':
      if (typeof data !== 'string') return 'structure';
      out[node.slot] = data;
      return node.check(data) ? 'ok' : 'invalid';
    case 'slot':
      if (typeof data !== 'string') return 'structure';
      out[node.slot] = data;
      return 'ok';
    case 'array': {
      if (!Array.isArray(data) || data.length !== node.children.length) return 'structure';
      let r: 'ok' | 'invalid' = 'ok';
      for (let i = 0; i < data.length; i++) {
        const c = readSlots(node.children[i]!, data[i], out);
        if (c === 'structure') return c;
        if (c === 'invalid') r = c;
      }
      return r;
    }
    case 'object': {
      if (!isPlainObject(data)) return 'structure';
      let r: 'ok' | 'invalid' = 'ok';
      const { keys, children } = node;
      // for…in over an object's own keys: V8 reads each value through the shape's enum cache,
      // without the array of Object.keys or a hashed lookup per key (JSON objects have no
      // enumerable inherited keys; the count below checks that no key is missing).
      let i = 0;
      for (const key in data) {
        if (i >= keys.length || keys[i] !== key) return 'structure';
        const child = children[i]!;
        i++;
        const value = data[key];
        if (child.k === 'slot') {
          if (typeof value !== 'string') return 'structure';
          out[child.slot] = value;
          if (!child.check(value, data)) r = 'invalid';
          continue;
        }
        if (child.k === 'leaf') {
          if (value !== child.value) return 'structure';
          continue;
        }
        const c = readSlots(child, value, out);
        if (c === 'structure') return c;
        if (c === 'invalid') r = c;
      }
      return i === keys.length ? r : 'structure';
    }
  }
}

/** A copy of `data` with each slot leaf replaced by its token (inputs prepared for a recording). */
export function tokenize(node: StructureNode, data: unknown): unknown {
  switch (node.k) {
    case 'slot':
      return inputToken(node.slot);
    case 'text':
      return textToken(node.slot);
    case 'array':
      return (data as unknown[]).map((x, i) => tokenize(node.children[i]!, x));
    case 'object': {
      const o = data as Record<string, unknown>;
      return Object.fromEntries(
        Object.entries(o).map(([k, v]) => {
          const i = node.keys.indexOf(k);
          return [k, i < 0 ? v : tokenize(node.children[i]!, v)];
        }),
      );
    }
    default:
      return data;
  }
}

/** A key that is equal for two inputs of the same structure (slot values left out), to group the units of a batch. */
export function structureKey(input: unknown, profile?: Profile): string {
  return JSON.stringify(skeleton(inputStructure(input, profile).root));
}

function skeleton(node: StructureNode): unknown {
  switch (node.k) {
    case 'slot':
      return '\uE000';
    case 'text':
      return '\uE001';
    case 'free':
      return '\uE002';
    case 'leaf':
      return node.value === undefined ? null : node.value;
    case 'array':
      return node.children.map(skeleton);
    case 'object':
      return node.keys.map((k, i) => [k, skeleton(node.children[i]!)]);
  }
}
