/**
 * Reading limits (读取上限): how large, deep and long an input file may be before the importers
 * refuse it with a `GepInputError`, so that a hostile or broken file (a huge cell, a very long
 * line, deeply nested JSON, a ZIP bomb disguised as a workbook) cannot exhaust time or memory.
 * Every limit is an option of the readers; the defaults are far above what an account needs (the
 * bundled sample county is 39 kB of JSON, 22 kB of CSV, 48 kB of XLSX). See docs/reliability.md.
 */
import { GepInputError, makeIssue, type GepIssue, type IssueLocation } from '../errors/errors.js';
import type { Text } from '../errors/text.js';
import { columnLetter, type TableSheet } from './table-input.js';
import type { Profile } from '../profiles/profiles.js';

/** The limits of the readers; every field is optional in the options and has a default. */
export interface ReadLimits {
  /** Size of the file: bytes, or UTF-16 code units for text passed as a string. Default 32 MiB. */
  readonly maxBytes: number;
  /** XLSX: total size of the workbook's parts once inflated (counted before inflating). Default 128 MiB. */
  readonly maxUncompressedBytes: number;
  /** JSON: nesting depth of objects and lists. Default 64. */
  readonly maxDepth: number;
  /** Characters in one cell, or in one JSON string or key. Default 32 767 (Excel's own cell limit). */
  readonly maxCellChars: number;
  /** Rows of a CSV file or of one sheet (header included); elements of one JSON list. Default 100 000. */
  readonly maxRows: number;
  /** Columns of a CSV or sheet row. Default 1 000. */
  readonly maxColumns: number;
  /** CSV: characters in one record (a line, or several when a quoted cell holds line breaks). Default 1 MiB. */
  readonly maxLineChars: number;
  /**
   * Characters in a header cell or a cell of the columns the normaliser looks up (indicator, field,
   * unit, ecosystem type, line, price year). Default 256: the longest header a template writes has
   * about 40, the longest unit 19.
   */
  readonly maxHeaderChars: number;
  /**
   * Cells of a file, empty ones included (CSV: every field of every record; XLSX: every cell the
   * workbook stores). Default 2 000 000: a 100 000-row long-form table has 900 000. Memory grows
   * with cells, not bytes: a 33 MB CSV of empty cells needed 1.8 GB.
   */
  readonly maxCells: number;
}

/** Options of the readers. */
export interface ReadOptions {
  readonly limits?: Partial<ReadLimits>;
  /** The profile whose indicators a table may fill, local ones included (src/indicators/local/); default: the built-in ones. */
  readonly profile?: Profile;
}

/** The default limits. */
export const DEFAULT_READ_LIMITS: ReadLimits = Object.freeze({
  maxBytes: 32 * 1024 * 1024,
  maxUncompressedBytes: 128 * 1024 * 1024,
  maxDepth: 64,
  maxCellChars: 32_767,
  maxRows: 100_000,
  maxColumns: 1_000,
  maxLineChars: 1024 * 1024,
  maxHeaderChars: 256,
  maxCells: 2_000_000,
});

/** The limits in force: the defaults with the given ones on top. */
export function readLimits(options: ReadOptions = {}): ReadLimits {
  return { ...DEFAULT_READ_LIMITS, ...Object.fromEntries(Object.entries(options.limits ?? {}).filter(([, v]) => v !== undefined)) };
}

const at = (file: string | undefined, location: IssueLocation = {}) => ({ location: { ...(file ? { file } : {}), ...location } });

/** Refuse a file larger than `maxBytes`. */
export function checkSize(size: number, limits: ReadLimits, file?: string, what: 'bytes' | 'characters' = 'bytes'): void {
  if (size > limits.maxBytes) {
    const zh = what === 'bytes' ? '字节' : '个字符';
    throw new GepInputError([
      makeIssue('input.too-large', [], {
        found: { en: `${size} ${what}`, zh: `${size} ${zh}` },
        expected: { en: `${limits.maxBytes} ${what} (option limits.maxBytes)`, zh: `${limits.maxBytes} ${zh}（选项 limits.maxBytes）` },
        ...at(file),
      }),
    ]);
  }
}

/**
 * Scan JSON text before parsing it: nesting depth, length of every string and of every list.
 * Linear in the text, no recursion; the first excess is an issue with its line and column.
 * Syntax errors are left to `JSON.parse`.
 */
export function checkJsonText(text: string, limits: ReadLimits, file?: string): void {
  const kinds: number[] = []; // 1 = list, 0 = object
  const counts: number[] = [];
  const issue = (i: number, code: 'input.too-deep' | 'input.cell-too-long' | 'input.too-many-rows', found: Text, expected: Text) => {
    const before = text.slice(0, i);
    const row = before.split('\n').length;
    const column = String(i - before.lastIndexOf('\n'));
    throw new GepInputError([makeIssue(code, [], { found, expected, ...at(file, { row, column }) })]);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22) break;
      }
      if (i - start - 1 > limits.maxCellChars)
        issue(start, 'input.cell-too-long', textOfLength(i - start - 1), atMostChars(limits.maxCellChars));
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (kinds.length >= limits.maxDepth)
        issue(
          i,
          'input.too-deep',
          { en: `more than ${limits.maxDepth} levels of nested lists and objects`, zh: `超过 ${limits.maxDepth} 层嵌套的列表与对象` },
          { en: `at most ${limits.maxDepth} levels (option limits.maxDepth)`, zh: `至多 ${limits.maxDepth} 层（选项 limits.maxDepth）` },
        );
      kinds.push(c === 0x5b ? 1 : 0);
      counts.push(0);
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      kinds.pop();
      counts.pop();
    } else if (c === 0x2c /* , */ && kinds[kinds.length - 1] === 1) {
      const n = ++counts[counts.length - 1]!;
      if (n >= limits.maxRows)
        issue(
          i,
          'input.too-many-rows',
          { en: `a list of more than ${limits.maxRows} elements`, zh: `超过 ${limits.maxRows} 个元素的列表` },
          atMostRows(limits.maxRows),
        );
    }
  }
}

/** Keys that could reach an object's prototype if a program assigned them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Refuse parsed JSON that has a `__proto__`, `constructor` or `prototype` key anywhere: no input
 * field has such a name, and a later merge or assignment of the value could alter a prototype.
 * Every such key is an issue with its path. Iterative, so depth is no concern.
 */
export function checkForbiddenKeys(value: unknown, file?: string): void {
  const issues: GepIssue[] = [];
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: [] }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    const children: { v: unknown; path: (string | number)[] }[] = [];
    if (Array.isArray(v)) {
      v.forEach((x, i) => children.push({ v: x, path: [...path, i] }));
    } else if (v !== null && typeof v === 'object') {
      for (const key of Object.keys(v)) {
        if (FORBIDDEN_KEYS.has(key)) issues.push(makeIssue('input.forbidden-key', path, { found: key, ...at(file) }));
        else children.push({ v: (v as Record<string, unknown>)[key], path: [...path, key] });
      }
    }
    stack.push(...children.reverse()); // document order
  }
  if (issues.length) throw new GepInputError(issues);
}

/** `a text of N characters`, what a cell past `maxCellChars` is. */
export const textOfLength = (n: number): Text => ({ en: `a text of ${n} characters`, zh: `${n} 个字符的文本` });

/** `at most N characters (option limits.maxCellChars)`. */
const atMostChars = (n: number): Text => ({
  en: `at most ${n} characters (option limits.maxCellChars)`,
  zh: `至多 ${n} 个字符（选项 limits.maxCellChars）`,
});

/** `at most N (option limits.maxRows)`. */
export const atMostRows = (n: number): Text => ({ en: `at most ${n} (option limits.maxRows)`, zh: `至多 ${n} 行（选项 limits.maxRows）` });

/** The issue for a file past `maxCells`, located where the count passed it (`count` says how far, in both languages). */
export function tooManyCells(count: Text, limits: ReadLimits, file?: string, location: IssueLocation = {}): GepInputError {
  return new GepInputError([
    makeIssue('input.too-many-cells', [], {
      found: count,
      expected: {
        en: `at most ${limits.maxCells} cells, empty ones included (option limits.maxCells)`,
        zh: `至多 ${limits.maxCells} 个单元格，空单元格也计入（选项 limits.maxCells）`,
      },
      ...at(file, location),
    }),
  ]);
}

/**
 * Refuse sheets with too many rows or columns, or a cell longer than `maxCellChars`; every excess
 * is an issue located at its sheet, row and column. The cells of all sheets together must stay
 * within `maxCells`.
 */
export function checkSheets(sheets: readonly TableSheet[], limits: ReadLimits, file?: string): void {
  const issues: GepIssue[] = [];
  let cells = 0;
  let where: IssueLocation | null = null;
  for (const sheet of sheets) {
    for (const row of sheet.rows) cells += row.length;
    if (cells > limits.maxCells && !where) where = sheet.name !== null ? { sheet: sheet.name } : {};
  }
  if (where) throw tooManyCells({ en: `${cells} cells`, zh: `${cells} 个单元格` }, limits, file, where);
  for (const sheet of sheets) {
    const first = sheet.firstRow ?? 1;
    const where = (row?: number, col?: number): IssueLocation => ({
      ...(sheet.name !== null ? { sheet: sheet.name } : {}),
      ...(row !== undefined ? { row: first + row } : {}),
      ...(col !== undefined ? { column: columnLetter(col) } : {}),
    });
    if (sheet.rows.length > limits.maxRows) {
      issues.push(
        makeIssue('input.too-many-rows', [], {
          found: { en: `${sheet.rows.length} rows`, zh: `${sheet.rows.length} 行` },
          expected: atMostRows(limits.maxRows),
          ...at(file, where(limits.maxRows)),
        }),
      );
      continue;
    }
    sheet.rows.forEach((row, r) => {
      if (row.length > limits.maxColumns) {
        issues.push(
          makeIssue('input.too-many-columns', [], {
            found: { en: `${row.length} columns`, zh: `${row.length} 列` },
            expected: {
              en: `at most ${limits.maxColumns} (option limits.maxColumns)`,
              zh: `至多 ${limits.maxColumns} 列（选项 limits.maxColumns）`,
            },
            ...at(file, where(r, limits.maxColumns)),
          }),
        );
        return;
      }
      row.forEach((cell, c) => {
        const n = Math.max(cell?.text.length ?? 0, cell?.formula?.length ?? 0, cell?.stored?.length ?? 0);
        if (n > limits.maxCellChars) {
          issues.push(
            makeIssue('input.cell-too-long', [], {
              found: textOfLength(n),
              expected: atMostChars(limits.maxCellChars),
              ...at(file, where(r, c)),
            }),
          );
        }
      });
    });
  }
  if (issues.length) throw new GepInputError(issues);
}
