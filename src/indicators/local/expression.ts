/**
 * Formulas of local indicators (地方指标公式): parsed by mathjs, kept as a small tree of our own with
 * the position of every symbol and operator in the text, so that an error points at a character.
 *
 * mathjs gives the grammar (precedence, associativity, unary minus, function calls); it turns number
 * literals into JS numbers and keeps no positions, so a small scan of the text runs beside it: it
 * refuses every character a formula does not need (before mathjs sees it), keeps each literal's
 * text (so `0.1` stays exact on the decimal path), and gives each leaf of mathjs's tree its place.
 * Only `mathjs/number`'s parser is loaded (about 40 kB gzipped), never its evaluator: formulas run
 * on `Arithmetic<T>` (./evaluate.ts).
 */
import { create, parseDependencies } from 'mathjs/number';
import type { IssueCode } from '../../errors/messages.js';
import type { Text } from '../../errors/text.js';

/** A node of a formula. `start`/`end`: its span in the text (0-based); `at`: where an error about it points. */
export type Expr =
  | { readonly k: 'num'; readonly text: string; readonly at: number; readonly start: number; readonly end: number }
  | { readonly k: 'sym'; readonly name: string; readonly at: number; readonly start: number; readonly end: number }
  | {
      readonly k: 'bin';
      readonly op: BinaryOp;
      readonly a: Expr;
      readonly b: Expr;
      readonly at: number;
      readonly start: number;
      readonly end: number;
    }
  | { readonly k: 'neg'; readonly a: Expr; readonly at: number; readonly start: number; readonly end: number }
  | {
      readonly k: 'call';
      readonly fn: string;
      readonly args: readonly Expr[];
      readonly at: number;
      readonly start: number;
      readonly end: number;
    };

export type BinaryOp = '+' | '-' | '*' | '/' | '^';

/** A problem in a formula's text: code, 1-based character and what was found there. */
export interface FormulaProblem {
  readonly code: IssueCode;
  readonly at: number;
  readonly found: string;
  readonly expected?: Text;
}

/** What a formula may contain besides numbers and symbols, for messages. */
export const ALLOWED_OPERATORS = '+ - * / ^ ( ) ,';

/**
 * Typographic signs a statistician may type, replaced by their ASCII operator; each is one UTF-16
 * unit, like its replacement, so positions are unchanged. Line breaks are spaces (mathjs would
 * read them as separate statements).
 */
const SIGNS: Readonly<Record<string, string>> = {
  '×': '*',
  '·': '*',
  '÷': '/',
  '−': '-',
  '＋': '+',
  '－': '-',
  '＊': '*',
  '／': '/',
  '＾': '^',
  '（': '(',
  '）': ')',
  '，': ',',
  '\n': ' ',
  '\r': ' ',
  '\t': ' ',
};

/** Words mathjs reads as operators; refused as names so that the text scan and mathjs agree. */
const MATHJS_WORDS = new Set(['mod', 'to', 'in', 'and', 'or', 'xor', 'not']);

interface Token {
  readonly kind: 'num' | 'id' | 'op';
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const NUMBER = /(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

function excerpt(text: string, start: number): string {
  const from = Math.min(Math.max(0, start), Math.max(0, text.length - 1));
  const s = text.slice(from, from + 16).trimEnd();
  return s === '' ? text.slice(-16).trim() : s;
}

/** Scan the text into tokens, or the first character that no formula may hold. */
function scan(text: string): { tokens: Token[] } | { problem: FormulaProblem } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ') {
      i++;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text)!;
      const end = i + m[0].length;
      if (/[A-Za-z_.]/.test(text[end] ?? '')) {
        NAME.lastIndex = end;
        const word = NAME.exec(text)?.[0] ?? text[end]!;
        // `2x`, `1e`, `0x1F`, `1.2.3`: never a number, and not a product unless written as one.
        return {
          problem:
            text[end] === '.'
              ? { code: 'local.syntax', at: end + 1, found: excerpt(text, i) }
              : { code: 'local.implicit-multiplication', at: end + 1, found: `${m[0]}${word}` },
        };
      }
      tokens.push({ kind: 'num', text: m[0], start: i, end });
      i = end;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      NAME.lastIndex = i;
      const m = NAME.exec(text)!;
      if (MATHJS_WORDS.has(m[0])) return { problem: { code: 'local.not-allowed', at: i + 1, found: m[0], expected: ALLOWED_OPERATORS } };
      tokens.push({ kind: 'id', text: m[0], start: i, end: i + m[0].length });
      i += m[0].length;
      continue;
    }
    if ('+-*/^(),'.includes(c)) {
      tokens.push({ kind: 'op', text: c, start: i, end: i + 1 });
      i++;
      continue;
    }
    const point = String.fromCodePoint(text.codePointAt(i)!);
    return { problem: { code: 'local.not-allowed', at: i + 1, found: point, expected: ALLOWED_OPERATORS } };
  }
  if (tokens.length === 0) return { problem: { code: 'local.syntax', at: 1, found: text } };
  return { tokens };
}

/** The mathjs parser alone, built once on first use. */
let parser: ((text: string) => MathNode) | undefined;
function mathjsParse(text: string): MathNode {
  parser ??= create({ parseDependencies: parseDependencies! }).parse as unknown as (text: string) => MathNode;
  return parser(text);
}

/** The part of a mathjs node this module reads. */
interface MathNode {
  readonly type: string;
  readonly value?: unknown;
  readonly name?: string;
  readonly op?: string;
  readonly fn?: MathNode | string;
  readonly args?: readonly MathNode[];
  readonly implicit?: boolean;
  readonly content?: MathNode;
}

class Problem extends Error {
  constructor(readonly problem: FormulaProblem) {
    super(problem.code);
  }
}

/**
 * Parse a formula. Returns its tree, or the problem that stops it being read (a character no formula
 * may hold, a syntax error, a construct outside `+ − × ÷ ^`, function calls and parentheses).
 */
export function parseFormula(source: string): { expr: Expr } | { problem: FormulaProblem } {
  const text = [...source].map((c) => SIGNS[c] ?? c).join('');
  if (text.length !== source.length) {
    // Only when a sign outside the BMP was replaced; none is, so positions hold. Kept as a guard.
    return { problem: { code: 'local.syntax', at: 1, found: source } };
  }
  const scanned = scan(text);
  if ('problem' in scanned) return scanned;
  let root: MathNode;
  try {
    root = mathjsParse(text);
  } catch (e) {
    const at = typeof (e as { char?: unknown }).char === 'number' ? (e as { char: number }).char : 1;
    return { problem: { code: 'local.syntax', at: Math.min(Math.max(1, at), text.length), found: excerpt(text, at - 1) } };
  }
  const leaves = scanned.tokens.filter((t) => t.kind !== 'op');
  let next = 0;
  const mismatch = (at: number): never => {
    throw new Problem({ code: 'local.syntax', at: at + 1, found: excerpt(text, at) });
  };
  const leaf = (kind: Token['kind']): Token => {
    const t = leaves[next++];
    if (!t || t.kind !== kind) mismatch(t?.start ?? 0);
    return t!;
  };
  /** The first non-space character before `i`, which must be `c`. */
  const before = (i: number, c: string): number => {
    let j = i - 1;
    while (j >= 0 && text[j] === ' ') j--;
    if (text[j] !== c) mismatch(i);
    return j;
  };
  /** The first non-space character from `i`, which must be `c`. */
  const after = (i: number, c: string): number => {
    let j = i;
    while (j < text.length && text[j] === ' ') j++;
    if (text[j] !== c) mismatch(i);
    return j;
  };

  const convert = (n: MathNode): Expr => {
    switch (n.type) {
      case 'ConstantNode': {
        const t = leaves[next++];
        if (!t) return mismatch(0);
        // `true`, `null`, `NaN`, `Infinity`: words mathjs knows as constants, no number a formula needs.
        if (t.kind !== 'num' || typeof n.value !== 'number')
          throw new Problem({ code: 'local.not-allowed', at: t.start + 1, found: t.text, expected: ALLOWED_OPERATORS });
        if (Number(t.text) !== n.value) mismatch(t.start);
        return { k: 'num', text: t.text, at: t.start, start: t.start, end: t.end };
      }
      case 'SymbolNode': {
        const t = leaf('id');
        if (t.text !== n.name) mismatch(t.start);
        return { k: 'sym', name: t.text, at: t.start, start: t.start, end: t.end };
      }
      case 'ParenthesisNode': {
        const inner = convert(n.content!);
        return { ...inner, start: before(inner.start, '('), end: after(inner.end, ')') + 1 };
      }
      case 'OperatorNode': {
        const args = (n.args ?? []).map(convert);
        if (n.implicit) {
          throw new Problem({
            code: 'local.implicit-multiplication',
            at: args[1]!.start + 1,
            found: text.slice(args[0]!.start, args[1]!.end),
          });
        }
        if (args.length === 1 && (n.op === '-' || n.op === '+')) {
          const a = args[0]!;
          const at = before(a.start, n.op);
          return n.op === '-' ? { k: 'neg', a, at, start: at, end: a.end } : { ...a, start: at };
        }
        if (args.length === 2 && ['+', '-', '*', '/', '^'].includes(n.op!)) {
          const [a, b] = args as [Expr, Expr];
          const at = after(a.end, n.op!);
          return { k: 'bin', op: n.op as BinaryOp, a, b, at, start: a.start, end: b.end };
        }
        throw new Problem({ code: 'local.not-allowed', at: (args[0]?.end ?? 0) + 1, found: n.op ?? n.type, expected: ALLOWED_OPERATORS });
      }
      case 'FunctionNode': {
        if (typeof n.fn !== 'object' || n.fn.type !== 'SymbolNode') return mismatch(0);
        const name = leaf('id');
        const open = after(name.end, '(');
        const args = (n.args ?? []).map(convert);
        const close = after(args.length ? args[args.length - 1]!.end : open + 1, ')');
        return { k: 'call', fn: name.text, args, at: name.start, start: name.start, end: close + 1 };
      }
      default:
        // Unreachable after the scan (it refuses = ; [ { ? : . ' ! and the like); kept as a guard.
        throw new Problem({ code: 'local.not-allowed', at: 1, found: n.type, expected: ALLOWED_OPERATORS });
    }
  };
  try {
    const expr = convert(root);
    if (next !== leaves.length) mismatch(leaves[next]!.start);
    return { expr };
  } catch (e) {
    if (e instanceof Problem) return { problem: e.problem };
    throw e;
  }
}

/** Every symbol of a formula (not function names), in order of first use. */
export function symbolsOf(expr: Expr): string[] {
  const out = new Set<string>();
  const walk = (e: Expr): void => {
    if (e.k === 'sym') out.add(e.name);
    else if (e.k === 'bin') {
      walk(e.a);
      walk(e.b);
    } else if (e.k === 'neg') walk(e.a);
    else if (e.k === 'call') e.args.forEach(walk);
  };
  walk(expr);
  return [...out];
}
