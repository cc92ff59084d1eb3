/**
 * Result templates (结果模板): the result a recording returned, with nodes where numbers go and
 * holes (`\uE002id\uE003`) or slot tokens (`\uE000k\uE001`) in the strings the modules built from
 * values (trace steps, warnings, the region's name). Compiled once per tape, then filled per row;
 * parts without a value are shared between the rows' results, as the direct path shares them.
 */
import { displayNumber } from '../numbers/arithmetic.js';
import { Node, SLOT_CLOSE, SLOT_OPEN, HOLE_CLOSE, HOLE_OPEN, hasMark, PlanUnsupportedError } from './tape.js';

/** What a row supplies to fill a template. */
export interface RowValues<T> {
  /** The value of node `id`. */
  value(id: number): T;
  /** The text of node `id`, as the arithmetic's `toString` writes it. */
  text(id: number): string;
  /** The text of slot `k` as given; slot −1 is the arithmetic's name. */
  slotText(k: number): string;
  /** A float64 near slot `k`'s value (within 2⁻⁵⁰ relative), or NaN: for checks that decide with floats where floats are certain. */
  slotNumber(k: number): number;
}

/** Resolves a slot token's body (`12`, `t3`, `c:carbon-price.afforestation`, `a`) to a slot index (−1 for the arithmetic's name). */
export type SlotResolver = (body: string) => number;

type Fill = (row: RowValues<unknown>) => unknown;
type Compiled = { readonly fixed: true; readonly value: unknown } | { readonly fixed: false; readonly fill: Fill };

const MARK = new RegExp(`${HOLE_OPEN}(~?\\d+)${HOLE_CLOSE}|${SLOT_OPEN}([^${SLOT_CLOSE}]*)${SLOT_CLOSE}`, 'g');

/** A string with holes as its literal parts and the holes between them. */
export interface StringTemplate {
  readonly parts: readonly string[];
  /** Per hole: a node id (≥ 0; with `DISPLAY` set, its display text), or −(k + 2) for slot k's text, or −1 for the arithmetic's name. */
  readonly holes: Int32Array;
}

/** Set in a hole for a node's display text (`toDisplayText`) rather than its text; node ids stay below it. */
const DISPLAY = 1 << 30;

/** The text of node hole `h` (≥ 0) of a row. */
const nodeText = (h: number, row: RowValues<unknown>) => (h & DISPLAY ? displayNumber(row.text(h ^ DISPLAY)) : row.text(h));

/** Split a string into literal parts and holes. */
export function parseString(s: string, resolve: SlotResolver): StringTemplate {
  const parts: string[] = [];
  const holes: number[] = [];
  let last = 0;
  for (const m of s.matchAll(MARK)) {
    parts.push(s.slice(last, m.index));
    holes.push(m[1] !== undefined ? (m[1].startsWith('~') ? Number(m[1].slice(1)) | DISPLAY : Number(m[1])) : -(resolve(m[2]!) + 2));
    last = m.index! + m[0].length;
  }
  parts.push(s.slice(last));
  const rest = parts.join('');
  if (hasMark(rest)) throw new PlanUnsupportedError('a hole in a string was cut or altered (a module edited text made from a value)');
  return { parts, holes: Int32Array.from(holes) };
}

/** Fill a string template; `escapeText` is applied to each slot text (JSON escaping for the JSON form). */
export function fillString(t: StringTemplate, row: RowValues<unknown>, escapeText?: (s: string) => string): string {
  let out = t.parts[0]!;
  for (let i = 0; i < t.holes.length; i++) {
    const h = t.holes[i]!;
    out += (h >= 0 ? nodeText(h, row) : escapeText ? escapeText(row.slotText(-h - 2)) : row.slotText(-h - 2)) + t.parts[i + 1]!;
  }
  return out;
}

/** Every node a template needs a value or text of. */
export function nodesOf(x: unknown, resolve: SlotResolver, out = new Set<number>(), seen = new Set<object>()): Set<number> {
  if (x instanceof Node) out.add(x.id);
  else if (typeof x === 'string') {
    if (hasMark(x)) for (const h of parseString(x, resolve).holes) if (h >= 0) out.add(h & ~DISPLAY);
  } else if (typeof x === 'object' && x !== null && !seen.has(x)) {
    seen.add(x);
    for (const v of Array.isArray(x) ? x : Object.values(x)) nodesOf(v, resolve, out, seen);
  }
  return out;
}

/** Compile a template object into a function of the row. */
export function compileTemplate<R>(template: unknown, resolve: SlotResolver): (row: RowValues<unknown>) => R {
  const memo = new Map<object, Compiled>();
  const compile = (x: unknown): Compiled => {
    if (x instanceof Node) {
      const id = x.id;
      return { fixed: false, fill: (row) => row.value(id) };
    }
    if (typeof x === 'string') {
      if (!hasMark(x)) return { fixed: true, value: x };
      const t = parseString(x, resolve);
      return { fixed: false, fill: (row) => fillString(t, row) };
    }
    if (typeof x !== 'object' || x === null) return { fixed: true, value: x };
    const known = memo.get(x);
    if (known) return known;
    let compiled: Compiled;
    // Each filled object starts as a copy of a base holding the fixed members (a spread copies its
    // shape at once), then only the members that hold values are written.
    if (Array.isArray(x)) {
      const items = x.map(compile);
      if (items.every((c) => c.fixed)) compiled = { fixed: true, value: x };
      else {
        const base = items.map((c) => (c.fixed ? c.value : undefined));
        const at = items.flatMap((c, i) => (c.fixed ? [] : [i]));
        const fills = at.map((i) => (items[i] as { fill: Fill }).fill);
        compiled = {
          fixed: false,
          fill: (row) => {
            const o = base.slice();
            for (let j = 0; j < at.length; j++) o[at[j]!] = fills[j]!(row);
            return o;
          },
        };
      }
    } else {
      const entries = Object.entries(x).map(([k, v]) => [k, compile(v)] as const);
      if (entries.every(([, c]) => c.fixed)) compiled = { fixed: true, value: x };
      else {
        const base: Record<string, unknown> = Object.fromEntries(entries.map(([k, c]) => [k, c.fixed ? c.value : null]));
        const varying = entries.filter(([, c]) => !c.fixed);
        const keys = varying.map(([k]) => k);
        const fills = varying.map(([, c]) => (c as { fill: Fill }).fill);
        compiled = {
          fixed: false,
          fill: (row) => {
            const o = { ...base };
            for (let i = 0; i < keys.length; i++) o[keys[i]!] = fills[i]!(row);
            return o;
          },
        };
      }
    }
    memo.set(x, compiled);
    return compiled;
  };
  const root = compile(template);
  return root.fixed ? () => root.value as R : (row) => root.fill(row) as R;
}

const JSON_SPECIAL = /["\\\u0000-\u001f\u2028\u2029\ud800-\udfff]/;
/** Escape a text for the inside of a JSON string. */
export const jsonEscape = (s: string) => (JSON_SPECIAL.test(s) ? JSON.stringify(s).slice(1, -1) : s);

/** A string template as UTF-8: every literal part encoded once, one after the other. */
interface ByteTemplate {
  /** Each literal part's bytes. */
  readonly parts: readonly Uint8Array[];
  /** The literal parts' bytes in all. */
  readonly length: number;
}
const BYTE_TEMPLATES = new WeakMap<StringTemplate, ByteTemplate>();
const encoder = new TextEncoder();

function byteTemplate(t: StringTemplate): ByteTemplate {
  let b = BYTE_TEMPLATES.get(t);
  if (!b) {
    const parts = t.parts.map((p) => encoder.encode(p));
    BYTE_TEMPLATES.set(t, (b = { parts, length: parts.reduce((n, p) => n + p.length, 0) }));
  }
  return b;
}

/** Bytes of `s` in UTF-8 (a lone surrogate, which TextEncoder writes as U+FFFD, counts 3). */
function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // a pair: 4 bytes for 2 units
      i++;
    } else n += 2;
  }
  return n;
}

let holeTexts: string[] = [];
let holeBytes = new Uint8Array(1 << 16);

/**
 * `fillString` as UTF-8 bytes, with `suffix` (ASCII) after it: the literal parts are copied from
 * their encoding, made once per template, and the holes' texts are encoded together, in one call.
 * Encoding a result file from its text took 1.2 ms per county (~360 000 characters), and encoding
 * each hole on its own (a view and a call per hole) a third of that.
 */
export function fillBytes(t: StringTemplate, row: RowValues<unknown>, escapeText?: (s: string) => string, suffix = ''): Uint8Array {
  const { parts, length } = byteTemplate(t);
  const holes = t.holes;
  const n = holes.length;
  if (holeTexts.length !== n) holeTexts = new Array<string>(n).fill('');
  for (let i = 0; i < n; i++) {
    const h = holes[i]!;
    holeTexts[i] = h >= 0 ? nodeText(h, row) : escapeText ? escapeText(row.slotText(-h - 2)) : row.slotText(-h - 2);
  }
  const joined = holeTexts.join('');
  if (holeBytes.length < 3 * joined.length) holeBytes = new Uint8Array(3 * joined.length);
  const { written } = encoder.encodeInto(joined, holeBytes);
  const ascii = written === joined.length;
  const out = new Uint8Array(length + written + suffix.length);
  let pos = 0;
  let from = 0;
  for (let i = 0; i <= n; i++) {
    const part = parts[i]!;
    if (part.length < 64) for (let k = 0; k < part.length; k++) out[pos++] = part[k]!;
    else {
      out.set(part, pos);
      pos += part.length;
    }
    if (i === n) break;
    // A number's text is ASCII: its bytes are its characters. Other texts may not be.
    const h = holes[i]!;
    const s = holeTexts[i]!;
    const to = from + (ascii || (h >= 0 && !(h & DISPLAY)) ? s.length : utf8Length(s));
    while (from < to) out[pos++] = holeBytes[from++]!;
  }
  for (let k = 0; k < suffix.length; k++) out[pos++] = suffix.charCodeAt(k);
  return out;
}
