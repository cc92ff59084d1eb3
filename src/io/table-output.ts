/**
 * Writing tables: CSV text (RFC 4180, CRLF, UTF-8 with a byte-order mark so Excel opens Chinese
 * correctly) and XLSX workbooks. In CSV, text that a spreadsheet would run as a formula is
 * neutralised with a leading apostrophe (the CSV importer takes it off); in XLSX every text is a
 * text cell, which no spreadsheet runs, so no apostrophe is shown. Decimal text is written as
 * text, never as a float.
 */
import { utils, write, type CellObject, type WorkSheet } from '@e965/xlsx';
import { neutraliseFormula } from './normalise.js';

/** A cell to write: text, or a number kept exactly as decimal text. */
export type OutCell = string | { readonly number: string; readonly format?: string } | null;

/** One sheet to write. */
export interface OutSheet {
  readonly name: string;
  readonly rows: readonly (readonly OutCell[])[];
  /** Column widths in characters. */
  readonly widths?: readonly number[];
  /** Columns (0-based) whose empty cells are formatted as text, so typed numbers stay text. */
  readonly textColumns?: readonly number[];
}

/**
 * One CSV field. Quoted when it holds a quote, comma or line break, or when the text has spaces at
 * its ends (before neutralising: `'` + tab + text must still be quoted): the importer keeps a
 * quoted field's spaces and trims an unquoted one.
 */
function csvField(c: OutCell): string {
  const raw = c === null ? '' : typeof c === 'string' ? c : c.number;
  const text = typeof c === 'string' ? neutraliseFormula(c) : raw;
  return /[",\r\n]|^\s|\s$/.test(text) || /^\s|\s$/.test(raw) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows → CSV text with a byte-order mark, CRLF line ends, formulas neutralised. */
export function toCsv(rows: readonly (readonly OutCell[])[]): string {
  return `\ufeff${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Significant digits a double holds exactly enough for display. */
const MAX_NUMERIC_DIGITS = 15;

/**
 * Text as SheetJS must be given it to read it back unchanged: OOXML writes a character it cannot
 * hold as `_xHHHH_` and decodes every `_xHHHH_` it reads, so the underscore of a text that looks
 * like one is itself written as `_x005F_` (ECMA-376 §22.4.2.4). Control characters are escaped by
 * SheetJS itself.
 */
export function ooxmlText(text: string): string {
  return text.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_');
}

function xlsxCell(c: OutCell, textFormat: boolean): CellObject | undefined {
  if (c === null || c === '') return textFormat ? { t: 's', v: '', z: '@' } : undefined;
  if (typeof c === 'string') return { t: 's', v: ooxmlText(c), ...(textFormat ? { z: '@' } : {}) };
  const digits = c.number.replace(/^-/, '').replace('.', '').replace(/^0+/, '').length;
  // A rounded number is written as a number (so it sums in a spreadsheet) when a double shows it
  // exactly; otherwise as text.
  if (digits <= MAX_NUMERIC_DIGITS && /^-?\d+(\.\d+)?$/.test(c.number)) {
    return { t: 'n', v: Number(c.number), ...(c.format ? { z: c.format } : {}) };
  }
  return { t: 's', v: ooxmlText(c.number) };
}

function toWorksheet(sheet: OutSheet): WorkSheet {
  const ws = utils.aoa_to_sheet([[]]) as WorkSheet;
  const textCols = new Set(sheet.textColumns ?? []);
  let maxCol = 0;
  sheet.rows.forEach((row, r) => {
    row.forEach((c, col) => {
      const cell = xlsxCell(c, textCols.has(col) && r > 0);
      if (cell) ws[utils.encode_cell({ r, c: col })] = cell;
      maxCol = Math.max(maxCol, col);
    });
  });
  ws['!ref'] = utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, sheet.rows.length - 1), c: maxCol } });
  if (sheet.widths) ws['!cols'] = sheet.widths.map((w) => ({ wch: w }));
  return ws;
}

/** Sheets → the bytes of an XLSX workbook. */
export function toXlsx(sheets: readonly OutSheet[]): Uint8Array {
  const wb = utils.book_new();
  for (const s of sheets) utils.book_append_sheet(wb, toWorksheet(s), s.name.slice(0, 31));
  wb.Props = { Title: 'gep-accounting', CreatedDate: new Date(0) };
  // Shared strings: SheetJS decodes an inline string twice (`_x005F_x0041_` came back as `A`).
  const out = write(wb, { type: 'array', bookType: 'xlsx', compression: true, bookSST: true }) as ArrayBuffer;
  return new Uint8Array(out);
}
