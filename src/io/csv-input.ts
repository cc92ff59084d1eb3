/**
 * Reading an account input from CSV (long or wide form, see ./table-input.ts). The bytes may be
 * UTF-8 with or without a byte-order mark, UTF-16 with a mark, or GB18030 (what Excel writes for
 * "CSV" on a Chinese Windows); the delimiter is a comma, or a tab or semicolon when the header row
 * has no comma.
 */
import { parse } from 'csv-parse/sync';
import { GepInputError, makeIssue } from '../errors/errors.js';
import { checkSheets, checkSize, readLimits, tooManyCells, type ReadLimits, type ReadOptions } from './limits.js';
import { unneutraliseFormula } from './normalise.js';
import { importTables, type ImportedInput, type TableCell, type TableSheet } from './table-input.js';

/** The encoding a text file was read in. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Offset of the first byte that breaks UTF-8 (a strict decoder's verdict), or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      // Overlong forms, surrogates and code points past U+10FFFF.
      if (k === 1 && ((b === 0xe0 && c < 0xa0) || (b === 0xed && c > 0x9f) || (b === 0xf0 && c < 0x90) || (b === 0xf4 && c > 0x8f)))
        return i;
    }
    i += n + 1;
  }
  return -1;
}

/**
 * Decode the bytes of a text file (CSV or JSON): a byte-order mark decides; otherwise strict
 * UTF-8, and when that fails, strict GB18030 (what Excel and Notepad write on a Chinese Windows).
 * Neither → a `GepInputError` located at the line of the first byte that is not UTF-8.
 */
export function decodeText(bytes: Uint8Array, file?: string): { text: string; encoding: TextEncodingName } {
  const tryDecode = (encoding: TextEncodingName, skip: number) => {
    try {
      return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(skip));
    } catch {
      return null;
    }
  };
  const located = (found: { en: string; zh: string }, skip: number) => {
    const offset = firstInvalidUtf8(bytes.subarray(skip)) + skip;
    let row = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) row++;
    const byte = `0x${bytes[offset]?.toString(16).padStart(2, '0')}`;
    return new GepInputError([
      makeIssue('input.encoding', [], {
        found: {
          en: `${found.en} (the first byte that is not UTF-8, ${byte}, is byte ${offset + 1} of the file)`,
          zh: `${found.zh}（第一个不合 UTF-8 的字节 ${byte} 是文件的第 ${offset + 1} 个字节）`,
        },
        location: { ...(file ? { file } : {}), row },
      }),
    ]);
  };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode('utf-8', 3);
    if (text === null)
      throw located({ en: 'a UTF-8 byte-order mark followed by invalid UTF-8', zh: 'UTF-8 字节顺序标记之后是无效的 UTF-8' }, 3);
    return { text, encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: tryDecode('utf-16le', 2) ?? '', encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: tryDecode('utf-16be', 2) ?? '', encoding: 'utf-16be' };
  const utf8 = tryDecode('utf-8', 0);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const gb = tryDecode('gb18030', 0);
  if (gb !== null) return { text: gb, encoding: 'gb18030' };
  throw located({ en: 'bytes that are valid in neither encoding', zh: '在两种编码下均无效的字节' }, 0);
}

function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (firstLine.includes(',')) return ',';
  if (firstLine.includes('\t')) return '\t';
  if (firstLine.includes(';')) return ';';
  return ',';
}

/**
 * One pass over CSV text before parsing it: which fields are quoted (record by record), and the
 * number of cells, stopped at `maxCells` with the line where the budget ran out. Linear, no
 * allocation per cell beyond one flag. Where the text is malformed csv-parse refuses it after.
 */
function scanCsv(text: string, delimiter: string, limits: ReadLimits, file?: string): boolean[][] {
  const d = delimiter.charCodeAt(0);
  const records: boolean[][] = [];
  let cells = 0;
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n && records.length <= limits.maxRows) {
    const flags: boolean[] = [];
    for (;;) {
      // One field.
      if (++cells > limits.maxCells)
        throw tooManyCells(
          { en: `more than ${limits.maxCells} cells by line ${line}`, zh: `到第 ${line} 行已超过 ${limits.maxCells} 个单元格` },
          limits,
          file,
          { row: line },
        );
      if (text.charCodeAt(i) === 0x22 /* " */) {
        flags.push(true);
        for (i++; i < n; i++) {
          const c = text.charCodeAt(i);
          if (c === 0x0a) line++;
          if (c === 0x22) {
            if (text.charCodeAt(i + 1) === 0x22) i++;
            else break;
          }
        }
        i++;
        while (i < n && text.charCodeAt(i) !== d && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
      } else {
        flags.push(false);
        while (i < n && text.charCodeAt(i) !== d && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
      }
      if (i < n && text.charCodeAt(i) === d) {
        i++;
        continue;
      }
      break;
    }
    records.push(flags);
    // The record's end: CR LF, LF or CR.
    if (text.charCodeAt(i) === 0x0d) i++;
    if (text.charCodeAt(i) === 0x0a) i++;
    line++;
  }
  return records;
}

/**
 * Parse CSV text into one sheet of cells. A file past `maxCells` is refused before it is parsed
 * (memory grows with cells: a 33 MB file of empty cells needed 1.8 GB), and a record longer than
 * `maxLineChars` as it is read; the rows, columns and cells of the sheet are then checked against
 * the other limits.
 *
 * A quoted field is text exactly as written (`exact`: its spaces are kept); an unquoted one is
 * trimmed by the importer. The apostrophe that `neutraliseFormula` puts before formula-like text
 * is taken off here, for every cell: the writer put it on every cell (./table-output.ts).
 */
export function parseCsvSheet(text: string, file?: string, options: ReadOptions = {}): TableSheet {
  const limits = readLimits(options);
  checkSize(text.length, limits, file, 'characters');
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = delimiterOf(body);
  const quoted = scanCsv(body, delimiter, limits, file);
  let rows: string[][];
  try {
    rows = parse(body, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: false,
      bom: false,
      max_record_size: limits.maxLineChars,
      to: limits.maxRows + 1,
    });
  } catch (e) {
    const err = e as Error & { lines?: number; code?: string };
    const location = { ...(file ? { file } : {}), ...(err.lines !== undefined ? { row: err.lines } : {}) };
    throw new GepInputError([
      err.code === 'CSV_MAX_RECORD_SIZE'
        ? makeIssue('input.line-too-long', [], {
            found: { en: `a record of more than ${limits.maxLineChars} characters`, zh: `超过 ${limits.maxLineChars} 个字符的记录` },
            expected: {
              en: `at most ${limits.maxLineChars} (option limits.maxLineChars)`,
              zh: `至多 ${limits.maxLineChars} 个字符（选项 limits.maxLineChars）`,
            },
            location,
          })
        : makeIssue('input.csv-syntax', [], { found: err.message, location }),
    ]);
  }
  // Empty unquoted cells stay undefined: nothing to hold for them. Where the scan and the parser
  // disagree on a record's fields, none of its cells is taken as exact.
  const sheet = {
    name: null,
    rows: rows.map((r, i) => {
      const flags = quoted[i]?.length === r.length ? quoted[i]! : [];
      return r.map((raw, c): TableCell | undefined => {
        const exact = flags[c] === true;
        return raw === '' && !exact ? undefined : { text: unneutraliseFormula(raw), ...(exact ? { exact } : {}) };
      });
    }),
  };
  checkSheets([sheet], limits, file);
  return sheet;
}

/**
 * Read an account input from CSV bytes (or already decoded text).
 *
 * @param options - reading limits (./limits.ts); defaults in `DEFAULT_READ_LIMITS`
 * @throws {GepInputError} listing every issue of the file, each with its row and column
 */
export function importCsv(data: Uint8Array | string, file?: string, options: ReadOptions = {}): ImportedInput {
  if (typeof data !== 'string') checkSize(data.length, readLimits(options), file);
  const text = typeof data === 'string' ? data : decodeText(data, file).text;
  return importTables([parseCsvSheet(text, file, options)], file, options);
}
