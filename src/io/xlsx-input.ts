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
import { importTables, type ImportedInput, type TableCell, type TableSheet } from './table-input.js';

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

/** Open a workbook; an unreadable file is a `GepInputError`. */
export function readWorkbook(bytes: Uint8Array, file?: string): WorkBook {
  try {
    if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new Error('not a ZIP container (an .xlsx file starts with "PK")');
    return read(bytes, { type: 'array', cellFormula: true, cellDates: false, cellText: false, cellHTML: false, dense: true });
  } catch (e) {
    throw new GepInputError([makeIssue('input.xlsx-unreadable', [], { found: e instanceof Error ? e.message : String(e), ...(file ? { location: { file } } : {}) })]);
  }
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
 * @throws {GepInputError} listing every issue of the workbook, each with its sheet, row and column
 */
export function importXlsx(bytes: Uint8Array, file?: string): ImportedInput {
  return importTables(workbookSheets(readWorkbook(bytes, file)), file);
}
