/**
 * Reading an account input from an XLSX workbook: every sheet in the long or wide form of
 * ./table-input.ts (one sheet per category, per indicator, or one long sheet), apart from
 * instruction sheets (说明, README). Text cells are read as they are. A numeric cell is an IEEE
 * double in the file format itself; it is read as the shortest decimal that gives back that
 * double (what Excel shows at full precision), never through arithmetic. Formula cells and error
 * values are refused: enter values.
 */
import { read, type CellObject, type WorkBook } from '@e965/xlsx';
import { GepInputError, makeIssue } from '../errors/errors.js';
import { GepDecimal } from '../numbers/arithmetic.js';
import { checkSheets, checkSize, readLimits, type ReadLimits, type ReadOptions } from './limits.js';
import { importTables, type ImportedInput, type TableCell, type TableSheet } from './table-input.js';
import { checkZip } from './zip-guard.js';

/** The text of a numeric cell: the shortest round-trip decimal of its double, in plain notation. */
export function numberCellText(v: number): string {
  return Number.isFinite(v) ? new GepDecimal(v).toFixed() : String(v);
}

function cellOf(c: CellObject | undefined): TableCell | undefined {
  if (!c) return undefined;
  if (c.f !== undefined && c.f !== '') return { text: '', formula: c.f };
  switch (c.t) {
    case 's':
      return { text: String(c.v ?? '') };
    case 'n':
      return { text: typeof c.v === 'number' ? numberCellText(c.v) : String(c.v ?? '') };
    case 'b':
      return { text: c.v ? 'true' : 'false' };
    case 'e':
      return { text: '', error: c.w ?? `error ${String(c.v)}` };
    case 'd':
      return { text: c.v instanceof Date ? c.v.toISOString().slice(0, 10) : String(c.v ?? '') };
    default:
      return { text: c.v === undefined ? '' : String(c.v) };
  }
}

/**
 * Open a workbook; an unreadable file is a `GepInputError`. Before SheetJS inflates anything, the
 * file size and the real inflated size of every part are checked against the limits
 * (./zip-guard.ts); rows past `maxRows` are not parsed, and a sheet that has them is refused.
 */
export function readWorkbook(bytes: Uint8Array, file?: string, options: ReadOptions = {}): WorkBook {
  const limits = readLimits(options);
  const at = file ? { location: { file } } : {};
  checkSize(bytes.length, limits, file);
  let wb: WorkBook;
  try {
    if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new Error('not a ZIP container (an .xlsx file starts with "PK")');
    const zip = checkZip(bytes, limits.maxUncompressedBytes);
    if (!zip.ok && zip.refusal.kind === 'too-large') {
      throw new GepInputError([makeIssue('input.too-large', [], {
        found: `a workbook whose parts inflate to more than ${limits.maxUncompressedBytes} bytes (a ZIP bomb?)`, expected: `${limits.maxUncompressedBytes} bytes (option limits.maxUncompressedBytes)`, ...at,
      })]);
    }
    if (!zip.ok) throw new Error(zip.refusal.kind === 'malformed' ? zip.refusal.reason : 'malformed');
    wb = read(bytes, { type: 'array', cellFormula: true, cellDates: false, cellText: false, cellHTML: false, dense: true, sheetRows: limits.maxRows + 1 });
  } catch (e) {
    if (e instanceof GepInputError) throw e;
    // SheetJS fails on a damaged archive with internal errors ("Cannot read properties of undefined"); say what it means.
    const found = e instanceof TypeError || e instanceof RangeError ? 'the workbook is damaged: its parts cannot be read' : e instanceof Error ? e.message : String(e);
    throw new GepInputError([makeIssue('input.xlsx-unreadable', [], { found, ...at })]);
  }
  // A damaged workbook may list a sheet whose part is missing: report it rather than lose it.
  const missing = wb.SheetNames.filter((name) => !wb.Sheets[name] || typeof wb.Sheets[name] !== 'object');
  if (missing.length) {
    throw new GepInputError(missing.map((sheet) => makeIssue('input.xlsx-unreadable', [], { found: `the sheet "${sheet}" is listed but its part is missing or damaged`, location: { ...(file ? { file } : {}), sheet } })));
  }
  checkRowCount(wb, limits, file);
  return wb;
}

/** A sheet whose range goes past `maxRows` was cut by SheetJS (`!fullref`): refuse it rather than lose rows. */
function checkRowCount(wb: WorkBook, limits: ReadLimits, file?: string): void {
  const issues = wb.SheetNames.flatMap((name) => {
    const full = wb.Sheets[name]?.['!fullref'];
    const rows = typeof full === 'string' ? Number(/(\d+)$/.exec(full)?.[1] ?? 0) : 0;
    return rows > limits.maxRows
      ? [makeIssue('input.too-many-rows', [], { found: `${rows} rows (${full})`, expected: `at most ${limits.maxRows} (option limits.maxRows)`, location: { ...(file ? { file } : {}), sheet: name } })]
      : [];
  });
  if (issues.length) throw new GepInputError(issues);
}

/** The sheets of a workbook as table sheets, in workbook order (dense rows are indexed from A1). */
export function workbookSheets(wb: WorkBook): TableSheet[] {
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name]!;
    const data = (ws['!data'] ?? []) as (CellObject[] | undefined)[];
    const rows: (TableCell | undefined)[][] = [];
    for (let r = 0; r < data.length; r++) rows.push((data[r] ?? []).map((c) => cellOf(c)));
    return { name, rows, firstRow: 1 };
  });
}

/**
 * Read an account input from XLSX bytes.
 *
 * @param options - reading limits (./limits.ts); defaults in `DEFAULT_READ_LIMITS`
 * @throws {GepInputError} listing every issue of the workbook, each with its sheet, row and column
 */
export function importXlsx(bytes: Uint8Array, file?: string, options: ReadOptions = {}): ImportedInput {
  const sheets = workbookSheets(readWorkbook(bytes, file, options));
  checkSheets(sheets, readLimits(options), file);
  return importTables(sheets, file, options.profile);
}
