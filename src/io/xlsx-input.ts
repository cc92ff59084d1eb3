/**
 * Reading an account input from an XLSX workbook: every sheet in the long or wide form of
 * ./table-input.ts (one sheet per category, per indicator, or one long sheet), apart from
 * instruction sheets (说明, README). Text cells are read exactly as they are, spaces included. A
 * numeric cell is an IEEE double in the file format itself; it is read as the shortest decimal
 * that gives back that double (what Excel shows at full precision), never through arithmetic. The
 * cell's number format is read too: a percentage is read as the percentage it shows, a date is
 * refused where a number is expected, and any other format is read as the stored number only when
 * the cell shows that number (./number-format.ts). A formula is read as the value the file saved for it (with
 * a note saying so); a formula without a saved value and an error value are refused.
 */
import { read, SSF, type CellObject, type WorkBook } from '@e965/xlsx';
import { GepInputError, makeIssue } from '../errors/errors.js';
import { GepDecimal } from '../numbers/arithmetic.js';
import type { Text } from '../errors/text.js';
import { atMostRows, checkSheets, checkSize, readLimits, tooManyCells, type ReadLimits, type ReadOptions } from './limits.js';
import { shiftDecimal } from './normalise.js';
import { shownNumber } from './number-format.js';
import { importTables, type ImportedInput, type TableCell, type TableSheet } from './table-input.js';
import { checkZip } from './zip-guard.js';

/** The text of a numeric cell: the shortest round-trip decimal of its double, in plain notation. */
export function numberCellText(v: number): string {
  return Number.isFinite(v) ? new GepDecimal(v).toFixed() : String(v);
}

/** Excel's error values by their code (SheetJS keeps the code in `v`). */
const ERROR_TEXT: Readonly<Record<number, string>> = {
  0: '#NULL!',
  7: '#DIV/0!',
  15: '#VALUE!',
  23: '#REF!',
  29: '#NAME?',
  36: '#NUM!',
  42: '#N/A',
  43: '#GETTING_DATA',
};

/** True when a number format shows a percentage: a `%` outside quoted text, escapes and `[…]` sections. */
export function isPercentFormat(format: string): boolean {
  let inQuote = false;
  let inBracket = false;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (inQuote) inQuote = c !== '"';
    else if (inBracket) inBracket = c !== ']';
    else if (c === '"') inQuote = true;
    else if (c === '[') inBracket = true;
    else if (c === '\\' || c === '_' || c === '*')
      i++; // an escaped or padding character
    else if (c === '%') return true;
  }
  return false;
}

/** A date serial as the spreadsheet shows it: `2023-01-01`, with the time when there is one. */
function dateText(serial: number, date1904: boolean): string {
  const d = SSF.parse_date_code(serial, { date1904 }) as { y: number; m: number; d: number; H: number; M: number; S: number } | null;
  if (!d) return numberCellText(serial);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const day = `${p(d.y, 4)}-${p(d.m)}-${p(d.d)}`;
  return d.H || d.M || d.S ? `${day} ${p(d.H)}:${p(d.M)}:${p(d.S)}` : day;
}

/**
 * A SheetJS cell as a table cell. Text cells are exact (spaces kept). A number shown as a
 * percentage reads as the percentage it shows (`0.12` formatted `0%` → `12%`), a date as the date
 * (`format: 'date'`, refused where a number is expected), a number in another format as stored,
 * with what it shows (`shown`) when that may differ, a formula as its saved value
 * (`formula` set; no saved value → empty text), an error value as an error.
 */
function cellOf(c: CellObject | undefined, date1904: boolean): TableCell | undefined {
  if (!c) return undefined;
  const formula = c.f !== undefined && c.f !== '' ? { formula: c.f } : {};
  switch (c.t) {
    case 's':
      return { text: String(c.v ?? ''), exact: true, ...formula };
    case 'n': {
      if (typeof c.v !== 'number') return { text: String(c.v ?? ''), ...formula };
      const stored = numberCellText(c.v);
      const z = typeof c.z === 'string' ? c.z : '';
      if (!Number.isFinite(c.v) || z === '' || z === 'General') return { text: stored, ...formula };
      if (SSF.is_date(z)) return { text: dateText(c.v, date1904), format: 'date', stored, ...formula };
      if (isPercentFormat(z)) return { text: `${shiftDecimal(stored, 2)}%`, format: 'percent', stored, ...formula };
      // Any other format: what it shows, judged against the field where the cell is read (./table-input.ts).
      const shown = shownNumber(z, c.v, stored);
      return shown.scale > 0 || shown.differs || shown.words.length ? { text: stored, shown, ...formula } : { text: stored, ...formula };
    }
    case 'b':
      return { text: c.v ? 'true' : 'false', ...formula };
    case 'e':
      // SheetJS reads a formula saved without its value as an error cell without a code.
      if (c.f && c.v === undefined) return { text: '', ...formula };
      return { text: '', error: typeof c.v === 'number' ? (ERROR_TEXT[c.v] ?? `error ${c.v}`) : String(c.w ?? c.v ?? 'error'), ...formula };
    case 'd': {
      const iso = c.v instanceof Date ? c.v.toISOString().slice(0, 10) : String(c.v ?? '');
      return { text: iso, format: 'date', stored: iso, ...formula };
    }
    default:
      return { text: c.v === undefined ? '' : String(c.v), ...formula };
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
      throw new GepInputError([
        makeIssue('input.too-large', [], {
          found: {
            en: `a workbook whose parts inflate to more than ${limits.maxUncompressedBytes} bytes (a ZIP bomb?)`,
            zh: `解压后超过 ${limits.maxUncompressedBytes} 字节的工作簿（ZIP 炸弹？）`,
          },
          expected: {
            en: `${limits.maxUncompressedBytes} bytes (option limits.maxUncompressedBytes)`,
            zh: `${limits.maxUncompressedBytes} 字节（选项 limits.maxUncompressedBytes）`,
          },
          ...at,
        }),
      ]);
    }
    if (!zip.ok) throw new Error(zip.refusal.kind === 'malformed' ? zip.refusal.reason : 'malformed');
    wb = read(bytes, {
      type: 'array',
      cellFormula: true,
      cellNF: true,
      cellDates: false,
      cellText: false,
      cellHTML: false,
      dense: true,
      sheetRows: limits.maxRows + 1,
    });
  } catch (e) {
    if (e instanceof GepInputError) throw e;
    // SheetJS fails on a damaged archive with internal errors ("Cannot read properties of undefined"); say what it means.
    // Other messages are the reader's own (zip-guard, SheetJS), quoted as they are.
    const found: Text =
      e instanceof TypeError || e instanceof RangeError
        ? { en: 'the workbook is damaged: its parts cannot be read', zh: '工作簿已损坏，其组成部分无法读取' }
        : e instanceof Error
          ? e.message
          : String(e);
    throw new GepInputError([makeIssue('input.xlsx-unreadable', [], { found, ...at })]);
  }
  // A damaged workbook may list a sheet whose part is missing: report it rather than lose it.
  const missing = wb.SheetNames.filter((name) => !wb.Sheets[name] || typeof wb.Sheets[name] !== 'object');
  if (missing.length) {
    throw new GepInputError(
      missing.map((sheet) =>
        makeIssue('input.xlsx-unreadable', [], {
          found: {
            en: `the sheet "${sheet}" is listed but its part is missing or damaged`,
            zh: `工作表 "${sheet}" 列在目录中，但其内容缺失或已损坏`,
          },
          location: { ...(file ? { file } : {}), sheet },
        }),
      ),
    );
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
      ? [
          makeIssue('input.too-many-rows', [], {
            found: { en: `${rows} rows (${full})`, zh: `${rows} 行（${full}）` },
            expected: atMostRows(limits.maxRows),
            location: { ...(file ? { file } : {}), sheet: name },
          }),
        ]
      : [];
  });
  if (issues.length) throw new GepInputError(issues);
}

/**
 * The sheets of a workbook as table sheets, in workbook order (dense rows are indexed from A1).
 * Stops at `maxCells` cells (default limits when not given), before building more.
 */
export function workbookSheets(wb: WorkBook, file?: string, options: ReadOptions = {}): TableSheet[] {
  const limits = readLimits(options);
  const date1904 = wb.Workbook?.WBProps?.date1904 === true;
  let cells = 0;
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name]!;
    const data = (ws['!data'] ?? []) as (CellObject[] | undefined)[];
    const rows: (TableCell | undefined)[][] = [];
    for (let r = 0; r < data.length; r++) {
      const row = data[r] ?? [];
      cells += row.length;
      if (cells > limits.maxCells)
        throw tooManyCells(
          { en: `more than ${limits.maxCells} cells by row ${r + 1}`, zh: `到第 ${r + 1} 行已超过 ${limits.maxCells} 个单元格` },
          limits,
          file,
          { sheet: name, row: r + 1 },
        );
      rows.push(row.map((c) => cellOf(c, date1904)));
    }
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
  const sheets = workbookSheets(readWorkbook(bytes, file, options), file, options);
  checkSheets(sheets, readLimits(options), file);
  return importTables(sheets, file, options);
}
