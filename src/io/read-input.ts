/**
 * One entry for every input format: JSON (canonical), CSV and XLSX, chosen by the file name.
 * Each returns the input in its canonical JSON form, validated, with every issue of the file
 * collected and located; JSON gets the same schema and region-code checks as the tables.
 */
import { GepInputError, makeIssue } from '../errors/errors.js';
import { decodeText, importCsv } from './csv-input.js';
import { parseJsonInput } from './json-input.js';
import { checkSize, readLimits, type ReadOptions } from './limits.js';
import { validateInput, type ImportedInput } from './table-input.js';
import { importXlsx } from './xlsx-input.js';

/** The input formats. */
export type InputFormat = 'json' | 'csv' | 'xlsx';

/** The format of a file by its extension, or `null`. */
export function inputFormatOf(file: string): InputFormat | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(file)?.[1]?.toLowerCase();
  return ext === 'json' ? 'json' : ext === 'csv' || ext === 'txt' ? 'csv' : ext === 'xlsx' ? 'xlsx' : null;
}

/**
 * Read a JSON input and validate it like the tables (all issues at once), within the reading
 * limits. Bytes are decoded like CSV (`decodeText`): strict UTF-8 with or without a byte-order
 * mark, else GB18030, else a located encoding error (GB18030 JSON was decoded as UTF-8 with
 * replacement characters, and 示例县 became garbage).
 */
export function importJson(data: Uint8Array | string, file?: string, options: ReadOptions = {}): ImportedInput {
  if (typeof data !== 'string') checkSize(data.length, readLimits(options), file);
  const text = typeof data === 'string' ? data : decodeText(data, file).text;
  const input = parseJsonInput(text, file, options);
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new GepInputError([
      makeIssue('input.type', [], {
        expected: { en: 'an object', zh: '对象' },
        found: Array.isArray(input) ? { en: 'a list', zh: '列表' } : String(input),
        ...(file ? { location: { file } } : {}),
      }),
    ]);
  }
  const issues = validateInput(input as Record<string, unknown>, options.profile);
  if (issues.length) throw new GepInputError(issues.map((i) => (file ? { ...i, location: { file, ...i.location } } : i)));
  return { input: input as Record<string, unknown>, locate: () => (file ? { file } : undefined), notes: [] };
}

/**
 * Read an account input from a file's bytes, by its format (default: from the file name).
 *
 * @param options - reading limits (./limits.ts); defaults in `DEFAULT_READ_LIMITS`
 * @throws {GepInputError} listing every issue of the file
 */
export function importAccountInput(
  data: Uint8Array | string,
  file: string,
  format: InputFormat | null = inputFormatOf(file),
  options: ReadOptions = {},
): ImportedInput {
  switch (format) {
    case 'json':
      return importJson(data, file, options);
    case 'csv':
      return importCsv(data, file, options);
    case 'xlsx':
      if (typeof data === 'string')
        throw new GepInputError([
          makeIssue('input.xlsx-unreadable', [], {
            found: { en: 'text was given where the bytes of a workbook are needed', zh: '需要工作簿的字节，给出的却是文本' },
            location: { file },
          }),
        ]);
      return importXlsx(data, file, options);
    default:
      throw new GepInputError([
        makeIssue('input.file-type', [], {
          found: file,
          expected: { en: 'a .json, .csv or .xlsx file', zh: '.json、.csv 或 .xlsx 文件' },
          location: { file },
        }),
      ]);
  }
}
