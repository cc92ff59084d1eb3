/**
 * Writing tables: CSV text (RFC 4180, CRLF, UTF-8 with a byte-order mark so Excel opens Chinese
 * correctly) and XLSX workbooks. In CSV, text that a spreadsheet would run as a formula is
 * neutralised with a leading apostrophe (the CSV importer takes it off); in XLSX every text is a
 * text cell, which no spreadsheet runs, so no apostrophe is shown. Decimal text is written as
 * text, never as a float.
 */
import { CFB, utils, write, type CellObject, type WorkSheet } from '@e965/xlsx';
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
  /** Drop-down lists (data validation) of XLSX cells; CSV has none. */
  readonly validations?: readonly DropDown[];
}

/**
 * A drop-down list on some cells of an XLSX sheet (数据验证/下拉列表): the choices written out,
 * or a range of another sheet. It suggests, it does not forbid: another entry gets a warning the
 * user may accept (aliases such as 公顷 or a Chinese type name are valid input too).
 */
export interface DropDown {
  /** Cells, 0-based `[row, column]`. */
  readonly cells: readonly (readonly [number, number])[];
  /** The choices (at most 255 characters joined), or a range such as `'lists 列表'!$A$2:$A$40`. */
  readonly list: readonly string[] | { readonly range: string };
  /** A short help text shown when a cell is selected. */
  readonly prompt?: string;
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
  const out = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx', compression: true, bookSST: true }) as ArrayBuffer);
  return sheets.some((s) => s.validations?.length) ? withDropDowns(out, sheets) : out;
}

const xmlEscape = (t: string) => t.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The `<dataValidations>` element of one sheet. */
function dataValidationsXml(drops: readonly DropDown[]): string {
  const items = drops.map((d) => {
    const sqref = d.cells.map(([r, c]) => utils.encode_cell({ r, c })).join(' ');
    const formula = 'range' in d.list ? d.list.range : `"${d.list.map((x) => x.replace(/"/g, '""')).join(',')}"`;
    const prompt = d.prompt ? ` showInputMessage="1" prompt="${xmlEscape(d.prompt.slice(0, 255))}"` : '';
    return `<dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1"${prompt} sqref="${sqref}"><formula1>${xmlEscape(formula)}</formula1></dataValidation>`;
  });
  return `<dataValidations count="${items.length}">${items.join('')}</dataValidations>`;
}

/** Elements that follow `dataValidations` in a worksheet (ECMA-376 CT_Worksheet order). */
const AFTER_VALIDATIONS = [
  '<hyperlinks',
  '<printOptions',
  '<pageMargins',
  '<pageSetup',
  '<headerFooter',
  '<rowBreaks',
  '<colBreaks',
  '<customProperties',
  '<cellWatches',
  '<ignoredErrors',
  '<smartTags',
  '<drawing',
  '<legacyDrawing',
  '<picture',
  '<oleObjects',
  '<controls',
  '<webPublishItems',
  '<tableParts',
  '<extLst',
  '</worksheet>',
];

/**
 * Add drop-down lists to a workbook SheetJS wrote: SheetJS Community Edition reads no data
 * validation and writes none (its writer has only a placeholder comment), so the
 * `<dataValidations>` element is put into each sheet's XML here, in its place in the schema
 * order, and the archive is written again (SheetJS's own ZIP code; entry dates kept, so the
 * bytes stay deterministic).
 */
function withDropDowns(bytes: Uint8Array, sheets: readonly OutSheet[]): Uint8Array {
  const cfb = CFB.read(bytes, { type: 'array' });
  sheets.forEach((sheet, i) => {
    if (!sheet.validations?.length) return;
    const entry = CFB.find(cfb, `/xl/worksheets/sheet${i + 1}.xml`) as { content: Uint8Array } | null;
    if (!entry) throw new Error(`[gep] the written workbook has no part for sheet ${i + 1}`);
    const xml = new TextDecoder().decode(entry.content);
    const at = Math.min(...AFTER_VALIDATIONS.map((tag) => xml.indexOf(tag)).filter((k) => k >= 0));
    entry.content = new TextEncoder().encode(`${xml.slice(0, at)}${dataValidationsXml(sheet.validations)}${xml.slice(at)}`);
  });
  return new Uint8Array(CFB.write(cfb, { fileType: 'zip', type: 'array', compression: true }) as ArrayBuffer);
}
