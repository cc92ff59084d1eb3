/**
 * What a spreadsheet number format does to the number it shows (issue 13, "no silent wrong
 * number"). A format may only change how the same number looks (decimals, thousands separators, a
 * currency sign, a unit word) or it may show another magnitude: `0.0"万"` shows 6.2万 for a stored
 * 6.2, `#,##0,` shows 12,346 for a stored 12 345 678. The importer reads the stored number only
 * when the cell shows that number; this module says what the cell shows and what in its format
 * could make the two differ. Percent and date formats are read elsewhere (./xlsx-input.ts).
 * One pass over the format code, no backtracking regular expression.
 */
import { SSF } from '@e965/xlsx';
import { GepDecimal } from '../numbers/arithmetic.js';

/** A number cell shown through a number format of its own, as the importer judges it. */
export interface ShownNumber {
  /** The format code, as the file gives it. */
  readonly code: string;
  /** What the cell shows (`12,346`, `6.2万`), or null when the format could not be rendered. */
  readonly shown: string | null;
  /** The power of 1000 the format divides by (Excel's trailing commas: `#,##0,` → 1), 0 for none. */
  readonly scale: number;
  /** True when the number shown is not the stored one, even after rounding to the decimals shown. */
  readonly differs: boolean;
  /** The words the format writes beside the number (`万`, `t`, `元`), currency signs and spaces left out, one per section. */
  readonly words: readonly string[];
}

type Token =
  | { kind: 'literal'; text: string }
  | { kind: 'number'; text: string } // digit placeholders, point, comma, exponent, fraction bar, General
  | { kind: 'sign'; text: string } // - ( ) : what says a number is negative
  | { kind: 'keep'; text: string } // a condition such as [>=10000]: chooses the section
  | { kind: 'section' }
  | { kind: 'text' }; // @: a section for text

const GENERAL_ZH = 'G/通用格式';
const CURRENCY = /[¥￥$€£]/g;

/** The tokens of a number format code, in order. Linear in the code. */
function tokens(code: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length : end;
      out.push({ kind: 'literal', text: code.slice(i + 1, stop) });
      i = stop;
    } else if (c === '\\') {
      out.push({ kind: 'literal', text: code[i + 1] ?? '' });
      i++;
    } else if (c === '_' || c === '*') {
      i++; // padding or fill: space, not text
    } else if (c === '[') {
      const end = code.indexOf(']', i + 1);
      const stop = end < 0 ? code.length : end;
      const inner = code.slice(i + 1, stop);
      if (inner.startsWith('$')) out.push({ kind: 'literal', text: inner.slice(1).split('-')[0]! });
      else if (/^[<>=]/.test(inner)) out.push({ kind: 'keep', text: `[${inner}]` });
      // Colours, [DBNum1] (Chinese numerals for the same number), locales: not text.
      i = stop;
    } else if (c === ';') out.push({ kind: 'section' });
    else if (c === '@') out.push({ kind: 'text' });
    else if (c === '0' || c === '#' || c === '?' || c === '.' || c === ',') out.push({ kind: 'number', text: c });
    else if ((c === 'E' || c === 'e') && (code[i + 1] === '+' || code[i + 1] === '-')) {
      out.push({ kind: 'number', text: `E${code[i + 1]}` });
      i++;
    } else if (c === '/' && /[0-9#?]/.test(code[i + 1] ?? '')) out.push({ kind: 'number', text: c });
    else if (code.startsWith(GENERAL_ZH, i)) {
      out.push({ kind: 'number', text: 'General' });
      i += GENERAL_ZH.length - 1;
    } else if (code.slice(i, i + 7).toLowerCase() === 'general') {
      out.push({ kind: 'number', text: 'General' });
      i += 6;
    } else if (c === '-' || c === '(' || c === ')') out.push({ kind: 'sign', text: c });
    else if (/[1-9]/.test(c) && /[0-9#?/]/.test(code[i - 1] ?? ''))
      out.push({ kind: 'number', text: c }); // a fixed denominator: # ?/4
    else out.push({ kind: 'literal', text: c });
  }
  return out;
}

/** The sections of a token list (text sections, `@`, left out). */
function sections(ts: readonly Token[]): Token[][] {
  const all: Token[][] = [[]];
  for (const t of ts) {
    if (t.kind === 'section') all.push([]);
    else all[all.length - 1]!.push(t);
  }
  return all.filter((s) => !s.some((t) => t.kind === 'text'));
}

/**
 * Excel's scaling: each comma after the last digit placeholder of the integer or the fraction
 * part divides by 1000 (`#,##0,` → 1, `0.0,,` → 2); a comma between placeholders separates thousands.
 */
function scaleOf(section: readonly Token[]): number {
  let scale = 0;
  let pending = 0;
  let afterDigit = false;
  for (const t of section) {
    if (t.kind === 'number' && t.text === ',') {
      if (afterDigit) pending++;
      continue;
    }
    if (t.kind === 'number' && /^[0#?]$/.test(t.text)) {
      pending = 0;
      afterDigit = true;
      continue;
    }
    scale += pending;
    pending = 0;
    if (t.kind === 'number' && t.text === '.') afterDigit = false;
  }
  return scale + pending;
}

/** The number part of a shown text (`(1,234.50)`, `1.23E+07`, `6 1/5`) as a value and the half-unit of its last digit, or null. */
function shownValue(text: string): { value: GepDecimal; tolerance: GepDecimal } | null {
  const t = text.trim();
  const fraction = /^(-?)(?:(\d+) +)?(\d+)\/(\d+)$/.exec(t);
  if (fraction) {
    const [, sign, whole, num, den] = fraction;
    if (Number(den) === 0) return null;
    const v = new GepDecimal(whole ?? '0').plus(new GepDecimal(num!).div(den!));
    return { value: sign ? v.neg() : v, tolerance: new GepDecimal(0.5).div(den!) };
  }
  const m = /^([-+]?)(\(?)([-+]?)(\d*)(?:\.(\d*))?(?:E([-+]?\d+))?(\)?)$/i.exec(t.replace(/[\s,]/g, ''));
  if (!m || `${m[4]}${m[5] ?? ''}` === '' || (m[2] === '(') !== (m[7] === ')')) return null;
  const decimals = (m[5] ?? '').length;
  const exponent = Number(m[6] ?? 0);
  const magnitude = new GepDecimal(`${m[4] || '0'}.${m[5] || '0'}`).times(new GepDecimal(10).pow(exponent));
  const negative = m[1] === '-' || m[2] === '(' || m[3] === '-';
  return {
    value: negative ? magnitude.neg() : magnitude,
    tolerance: new GepDecimal(0.5).times(new GepDecimal(10).pow(exponent - decimals)),
  };
}

/** A format code with its literal text quoted, and `G/通用格式` as `General`: what SSF can render. */
function renderable(ts: readonly Token[]): string {
  return ts
    .map((t) =>
      t.kind === 'section'
        ? ';'
        : t.kind === 'text'
          ? '@'
          : t.kind === 'literal'
            ? t.text === ''
              ? ''
              : `"${t.text.replace(/"/g, '')}"`
            : t.text,
    )
    .join('');
}

/** SSF.format, or null when it cannot render the code. */
function format(code: string, v: number): string | null {
  try {
    return SSF.format(code, v);
  } catch {
    return null;
  }
}

/**
 * What a number cell of format `code` storing `v` (`stored`: its shortest decimal text) shows, and
 * whether the format changes the number: its scaling, the number shown against the stored one,
 * and the words it writes. For a format other than General, percent and date.
 */
export function shownNumber(code: string, v: number, stored: string): ShownNumber {
  const f = analysed(code);
  if (!f) return { code, shown: null, scale: 0, differs: true, words: [] };
  const numberText = format(f.bare, v);
  // SSF leaves out the words of a General section (`General"万"` shows 6.2): put them back.
  const shown =
    (f.single && f.general ? null : format(f.full, v)) ?? (f.single && numberText !== null ? placeWords(f.tokens, numberText) : null);
  let differs = true;
  if (numberText !== null) {
    const read = shownValue(numberText);
    const value = new GepDecimal(stored);
    // No digits shown (an accounting dash, an empty zero section) is right only for zero.
    if (read === null) differs = !(/^[\s\-()]*$/.test(numberText) && value.isZero());
    // Excel shows at most 15 significant digits, and SSF renders through floats: past them, digits
    // are noise; so are the digits of a subnormal double (5e-324 is shown 4.94…E-324).
    else
      differs = read.value
        .minus(value)
        .abs()
        .greaterThan(GepDecimal.max(read.tolerance, value.abs().times('1e-14'), '1e-307'));
  }
  return { code, shown, scale: f.scale, differs, words: f.words };
}

/** Excel's own limit on a format code; a longer one comes from no spreadsheet and is not rendered. */
const MAX_CODE = 255;

interface Analysed {
  readonly tokens: readonly Token[];
  readonly scale: number;
  readonly words: readonly string[];
  /** The code without its words, so a digit in a word (`"m3"`) is not read as shown. */
  readonly bare: string;
  /** The code with its words quoted and `G/通用格式` as General: what SSF renders. */
  readonly full: string;
  readonly single: boolean;
  readonly general: boolean;
}

/** The analyses of the formats seen, by code: a workbook uses a few formats for many cells. */
const ANALYSED = new Map<string, Analysed | null>();

function analysed(code: string): Analysed | null {
  const hit = ANALYSED.get(code);
  if (hit !== undefined) return hit;
  let out: Analysed | null = null;
  if (code.length <= MAX_CODE) {
    const ts = tokens(code);
    const numeric = sections(ts);
    const words = numeric
      .map((s) =>
        s
          .map((t) => (t.kind === 'literal' ? t.text : ''))
          .join('')
          .replace(CURRENCY, '')
          .trim(),
      )
      .filter((w) => w !== '' && !/^[\s()+\-:/.,]+$/.test(w));
    out = {
      tokens: ts,
      scale: Math.max(0, ...numeric.map(scaleOf)),
      words,
      bare: renderable(ts.filter((t) => t.kind !== 'literal')),
      full: renderable(ts),
      single: !ts.some((t) => t.kind === 'section'),
      general: ts.some((t) => t.kind === 'number' && t.text === 'General'),
    };
  }
  if (ANALYSED.size >= 256) ANALYSED.clear();
  ANALYSED.set(code, out);
  return out;
}

/** A single-section General format shown: its words around the number, in their places. */
function placeWords(ts: readonly Token[], numberText: string): string {
  let out = '';
  let placed = false;
  for (const t of ts) {
    if (t.kind === 'literal' || t.kind === 'sign') out += t.text;
    else if (t.kind === 'number' && !placed) {
      out += numberText;
      placed = true;
    }
  }
  return out;
}
