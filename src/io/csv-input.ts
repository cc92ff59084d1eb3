/**
 * Reading an account input from CSV (long or wide form, see ./table-input.ts). The bytes may be
 * UTF-8 with or without a byte-order mark, UTF-16 with a mark, or GB18030 (what Excel writes for
 * "CSV" on a Chinese Windows); the delimiter is a comma, or a tab or semicolon when the header row
 * has no comma.
 */
import { parse } from 'csv-parse/sync';
import { GepInputError, makeIssue } from '../errors/errors.js';
import { checkSheets, checkSize, readLimits, type ReadOptions } from './limits.js';
import { importTables, type ImportedInput, type TableSheet } from './table-input.js';

/** The encoding a text file was read in. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * Decode the bytes of a text file: a byte-order mark decides; otherwise strict UTF-8, and when
 * that fails, strict GB18030. Neither → a `GepInputError`.
 */
export function decodeText(bytes: Uint8Array, file?: string): { text: string; encoding: TextEncodingName } {
  const at = file ? { location: { file } } : {};
  const tryDecode = (encoding: TextEncodingName, skip: number) => {
    try {
      return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(skip));
    } catch {
      return null;
    }
  };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode('utf-8', 3);
    if (text === null) throw new GepInputError([makeIssue('input.encoding', [], { found: 'a UTF-8 byte-order mark followed by invalid UTF-8', ...at })]);
    return { text, encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: tryDecode('utf-16le', 2) ?? '', encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: tryDecode('utf-16be', 2) ?? '', encoding: 'utf-16be' };
  const utf8 = tryDecode('utf-8', 0);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const gb = tryDecode('gb18030', 0);
  if (gb !== null) return { text: gb, encoding: 'gb18030' };
  throw new GepInputError([makeIssue('input.encoding', [], { found: 'bytes that are valid in neither encoding', ...at })]);
}

function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (firstLine.includes(',')) return ',';
  if (firstLine.includes('\t')) return '\t';
  if (firstLine.includes(';')) return ';';
  return ',';
}

/**
 * Parse CSV text into one sheet of cells. A record longer than `maxLineChars` is refused as it is
 * read; the rows, columns and cells of the sheet are checked against the other limits.
 */
export function parseCsvSheet(text: string, file?: string, options: ReadOptions = {}): TableSheet {
  const limits = readLimits(options);
  checkSize(text.length, limits, file, 'characters');
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let rows: string[][];
  try {
    rows = parse(body, {
      delimiter: delimiterOf(body), relax_column_count: true, skip_empty_lines: false, trim: false, bom: false,
      max_record_size: limits.maxLineChars, to: limits.maxRows + 1,
    });
  } catch (e) {
    const err = e as Error & { lines?: number; code?: string };
    const location = { ...(file ? { file } : {}), ...(err.lines !== undefined ? { row: err.lines } : {}) };
    throw new GepInputError([err.code === 'CSV_MAX_RECORD_SIZE'
      ? makeIssue('input.line-too-long', [], { found: `a record of more than ${limits.maxLineChars} characters`, expected: `at most ${limits.maxLineChars} (option limits.maxLineChars)`, location })
      : makeIssue('input.csv-syntax', [], { found: err.message, location })]);
  }
  const sheet = { name: null, rows: rows.map((r) => r.map((text) => ({ text }))) };
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
  return importTables([parseCsvSheet(text, file, options)], file, options.profile);
}
