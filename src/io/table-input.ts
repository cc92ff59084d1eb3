/**
 * Reading an account input from tables (CSV, XLSX sheets): the layout, the assembly into the
 * canonical JSON form, and validation with every problem collected and located.
 *
 * Long form (the default, one sheet or one sheet per category): one row per input value,
 *   indicator | item | ecosystem type | field | value | unit | price year | note
 * e.g. `material.agriculture | 玉米 | cropland | products[].quantity | 185,000 | 吨 | | …`.
 * Rows of one list that share item and ecosystem type make one line of that list. The account
 * itself (region, years, profile, overrides) uses the indicator `account` (核算信息).
 *
 * Wide form (a sheet per indicator or with an indicator column): one row per line, one column per
 * field, units in the headers: `item | ecosystem type | 产量(吨) | 单价(元/吨) | …`.
 *
 * Headers may be Chinese or English; units and numbers go through the normaliser; a row whose
 * value is empty is a blank of the form and is not read. Everything else that does not fit is an
 * issue: unknown columns and fields, duplicate rows, cells that do not apply, formulas. Then the
 * assembled input is validated by the same zod schemas as JSON, and each issue is located at its
 * sheet, row and column.
 */
import { accountEnvelopeSchema } from '../accounts/input.js';
import { formatPath, GepInputError, makeIssue, type GepIssue, type IssueLocation } from '../errors/errors.js';
import type { IssueCode } from '../errors/messages.js';
import type { Text } from '../errors/text.js';
import { catalogue, ecosystemTypes } from '../indicators/catalogue.js';
import { toGepIssues } from '../indicators/input-schema.js';
import { INDICATORS } from '../indicators/registry.js';
import { localIndicatorsOf, profileIndicator } from '../indicators/local/attach.js';
import type { Profile } from '../profiles/profiles.js';
import { ACCOUNT_BLOCK, resolveField, tableBlock, type BlockDef, type FieldDef } from './fields.js';
import { isDecimalText } from '../numbers/arithmetic.js';
import { isKnownUnit } from '../units/units.js';
import { readLimits, textOfLength, type ReadLimits, type ReadOptions } from './limits.js';
import {
  categoryOfSheet,
  cleanText,
  columnKey,
  isAccountBlock,
  isInstructionSheet,
  normaliseBoolean,
  normaliseInteger,
  normaliseNumber,
  normaliseUnit,
  readTypedNumber,
  shiftDecimal,
  splitHeader,
  toHalfWidth,
  type ColumnKey,
} from './normalise.js';
import type { ShownNumber } from './number-format.js';
import { checkRegionCode } from './region-codes.js';

/** A cell as read from a file: its text, or the formula or error it holds. */
export interface TableCell {
  /** The cell's text; for a formula, the value the file saved for it (empty when none was saved). */
  readonly text: string;
  /**
   * True when `text` is exactly what was written, spaces included (a quoted CSV field, an XLSX text
   * cell): an exported input reads back unchanged. Other cells are trimmed.
   */
  readonly exact?: boolean;
  /** The formula of a formula cell (without `=`). */
  readonly formula?: string;
  readonly error?: string;
  /**
   * How a spreadsheet shows the number it stores: `percent` (`text` is what it shows, `12%` for a
   * stored 0.12), `date` (`text` is the date, `2023-01-01` for a stored 44927).
   */
  readonly format?: 'percent' | 'date';
  /** The number the cell stores, when its format shows it otherwise. */
  readonly stored?: string;
  /**
   * A number (`text`, as stored) in a format that may show it otherwise: `0.0"万"`, `#,##0,`,
   * `0.0"t"`. Read only where it shows the same number in the field's unit (`numberFormatProblem`).
   */
  readonly shown?: ShownNumber;
}

/** A sheet (or a whole CSV file): rows of cells; `rows[0]` is spreadsheet row `firstRow`. */
export interface TableSheet {
  /** Sheet name; `null` for a CSV file. */
  readonly name: string | null;
  readonly rows: readonly (readonly (TableCell | undefined)[])[];
  readonly firstRow?: number;
}

/** An imported input with a way back from a field path to the cell it came from. */
export interface ImportedInput {
  /** The input in its canonical JSON form (validated). */
  readonly input: Record<string, unknown>;
  /** Where a field path of the input was read from, for issues found later (by `computeGep`). */
  locate(path: readonly (string | number)[]): IssueLocation | undefined;
  /**
   * What was read in a way a person should know (codes `note.*`, located like issues): a
   * percentage, `6.2万` read as 62000, a formula's saved value, spaces kept around a text. Empty
   * for JSON.
   */
  readonly notes: readonly GepIssue[];
}

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const FIXED_COLUMNS: readonly ColumnKey[] = ['indicator', 'line', 'item', 'ecosystemType', 'field', 'value', 'unit', 'priceYear', 'note'];
const COLUMN_LIST: Text = {
  en: 'indicator, line, item, ecosystem type, field, value, unit, price year, note (or 指标, 行号, 项目, 生态系统类型, 字段, 数值, 单位, 价格年份, 说明)',
  zh: '指标、行号、项目、生态系统类型、字段、数值、单位、价格年份、说明（表头也可用英文名称）',
};

/** The fixed columns named in issues (`the item column must be empty here`), in both languages. */
const COLUMN = {
  item: { en: 'item column', zh: '项目列' },
  ecosystemType: { en: 'ecosystem type column', zh: '生态系统类型列' },
  line: { en: 'line column', zh: '行号列' },
  unit: { en: 'unit', zh: '单位' },
  priceYear: { en: 'price year column', zh: '价格年份列' },
} as const satisfies Record<string, Text>;

/** The categories of a sheet, as the Chinese template names them. */
const CATEGORY_ZH = { material: '物质产品', regulating: '调节服务', cultural: '文化服务' } as const;

/** Words of a number format that scale the number (万, 千, 百万, K, M …), when they are no unit. */
const MULTIPLIER_WORD = /[十百千万亿兆]|^(?:[kKM]|[Mm]n|[Bb]n?)$/;

/**
 * What makes a number cell show something else than the number it stores, or null: a format
 * that scales it (`#,##0,`), a multiplier word (`0.0"万"`), a unit word other than the field's
 * (`0.0"t"` where the unit is kg; `unit` undefined: the field takes a plain number), or a shown
 * number that is not the stored one after rounding. `units`: false where unit words do not
 * matter (a year shown `2022年`). The reading is refused, never guessed (issue 13).
 */
function numberFormatProblem(cell: TableCell | undefined, unit: string | undefined, units = true): Text | null {
  const s = cell?.shown;
  if (!s) return null;
  const why = (reason: { en: string; zh: string }): Text => ({
    en: `"${s.shown}" (number format ${s.code}: ${reason.en}) but stores ${cell.text}`,
    zh: `"${s.shown}"（数字格式 ${s.code}：${reason.zh}），但存储值为 ${cell.text}`,
  });
  if (s.shown === null)
    return {
      en: `a number in the format ${s.code}, which cannot be rendered, storing ${cell.text}`,
      zh: `数字格式为 ${s.code} 的数值（该格式无法解析），存储值为 ${cell.text}`,
    };
  if (s.scale > 0) {
    const by = `1${'000'.repeat(s.scale)}`;
    return why({ en: `divided by ${by}`, zh: `除以 ${by}` });
  }
  for (const word of s.words) {
    const asUnit = normaliseUnit(word);
    if (isKnownUnit(asUnit)) {
      if (!units || (unit !== undefined && unit !== '' && (asUnit === unit || asUnit === normaliseUnit(unit)))) continue;
      return why(
        unit === undefined
          ? { en: `shows the unit "${word}" where the field takes a plain number`, zh: `显示单位 "${word}"，但此字段填写不带单位的数字` }
          : unit === ''
            ? { en: `shows the unit "${word}" but the unit column is empty`, zh: `显示单位 "${word}"，但单位列为空` }
            : { en: `shows the unit "${word}" where the unit is "${unit}"`, zh: `显示单位 "${word}"，但此处单位为 "${unit}"` },
      );
    }
    if (MULTIPLIER_WORD.test(word)) return why({ en: `"${word}" multiplies the number`, zh: `"${word}" 表示数量级` });
  }
  return s.differs ? why({ en: 'shows another number', zh: '显示的是另一个数' }) : null;
}

/** How to mend a cell whose format shows another number than it stores. */
const NUMBER_AS_SHOWN: Text = {
  en: "the number itself: clear the cell's number format (General), or type the value with its unit as text (e.g. 6.2万)",
  zh: '数值本身：请清除单元格的数字格式（设为"常规"），或以文本形式输入带单位的数值（如 6.2万）',
};

/** A date cell as shown and as stored: `2023-01-01, stored as 44927`. */
const storedAs = (c: TableCell): Text => ({ en: `${c.text}, stored as ${c.stored}`, zh: `${c.text}，存储值为 ${c.stored}` });

let indicatorNames: ReadonlyMap<string, string> | undefined;
/**
 * An indicator cell or sheet name → a registered indicator id (by id, Chinese or English name), or
 * `null`; with a profile, its local indicators too.
 */
export function resolveIndicator(text: string, profile?: Profile): string | null {
  const local = profile && localIndicatorsOf(profile);
  if (local) {
    const t = cleanText(toHalfWidth(text)).toLowerCase();
    for (const [id, m] of local.modules) {
      if ([id, m.spec.zh, m.spec.en].some((n) => cleanText(toHalfWidth(n)).toLowerCase() === t)) return id;
    }
  }
  if (!indicatorNames) {
    const m = new Map<string, string>();
    for (const e of catalogue().values()) {
      if (!INDICATORS.has(e.id)) continue;
      for (const name of [e.id, e.zh, e.en, e.zh.replace(/[（(].*$/, '')]) m.set(cleanText(toHalfWidth(name)).toLowerCase(), e.id);
    }
    indicatorNames = m;
  }
  const t = cleanText(toHalfWidth(text)).toLowerCase();
  return indicatorNames.get(t) ?? indicatorNames.get(t.split(/\s+/)[0]!) ?? indicatorNames.get(t.replace(/\s+/g, '')) ?? null;
}

let typeNames: ReadonlyMap<string, string> | undefined;
/** An ecosystem type cell → its id (by id, Chinese or English name); unknown text as it came. */
export function resolveEcosystemType(text: string): string {
  typeNames ??= new Map(
    [...ecosystemTypes().values()].flatMap(
      (t) =>
        [
          [t.id, t.id],
          [cleanText(toHalfWidth(t.zh)), t.id],
          [t.en.toLowerCase(), t.id],
        ] as [string, string][],
    ),
  );
  const t = cleanText(toHalfWidth(text));
  return typeNames.get(t) ?? typeNames.get(t.toLowerCase()) ?? t;
}

/** A cell's text: exactly as written for an exact cell (a quoted CSV field, an XLSX text) with content, else trimmed. */
function exactText(c: TableCell | undefined): string {
  if (!c) return '';
  const t = cleanText(c.text);
  return t !== '' && c.exact ? c.text : t;
}

/**
 * The number in a value cell: decimal text as written (an exact cell keeps its spaces), as
 * normalised (full-width digits, thousands separators), or as typed by statisticians (`15%`,
 * `6.2万`); `read` then says what was read, for a note. A cell formatted as a percentage reads as
 * the percentage it shows. `null` when the cell holds no number (the validator reports it).
 */
function readNumberCell(cell: TableCell | undefined): { value: string; percent: boolean; read: Text | null } | null {
  if (!cell) return null;
  if (cell.format === 'percent') {
    return {
      value: cell.text.slice(0, -1),
      percent: true,
      read: {
        en: `${cell.text} (a cell formatted as a percentage, stored ${cell.stored})`,
        zh: `${cell.text}（设为百分比格式的单元格，存储值 ${cell.stored}）`,
      },
    };
  }
  const t = cleanText(cell.text);
  if (cell.exact && t !== '' && isDecimalText(cell.text)) return { value: cell.text, percent: false, read: null };
  if (isDecimalText(t)) return { value: t, percent: false, read: null };
  const plain = normaliseNumber(t);
  if (plain !== null) return { value: plain, percent: false, read: null };
  const typed = readTypedNumber(t);
  return typed ? { value: typed.value, percent: typed.percent, read: t } : null;
}

interface Located {
  readonly sheetIndex: number;
  readonly location: IssueLocation;
}

/** One value read from a table, before assembly. */
interface TableRecord {
  readonly block: BlockDef;
  readonly field: FieldDef;
  /** Line number that groups the rows of one list line, when item and ecosystem type do not. */
  readonly line: string;
  readonly item: string;
  readonly eco: string;
  readonly value: string;
  readonly unit: string;
  readonly headerUnit: string | null;
  readonly priceYear: string;
  readonly sheetIndex: number;
  /** The cells of the value, the item and the price year, for their formats and exact text. */
  readonly valueCell: TableCell | undefined;
  readonly itemCell: TableCell | undefined;
  readonly priceYearCell: TableCell | undefined;
  readonly at: (key: 'value' | 'unit' | 'priceYear' | 'item' | 'ecosystemType' | 'field' | 'line') => IssueLocation;
}

/** Columns whose cells the normaliser looks up: bounded by `maxHeaderChars` like the header. */
const KEY_COLUMNS: readonly ColumnKey[] = ['indicator', 'line', 'ecosystemType', 'field', 'unit', 'priceYear'];

/** Build the issue list and the records of a set of sheets. */
function readSheets(
  sheets: readonly TableSheet[],
  issues: Located[],
  notes: Located[],
  limits: ReadLimits,
  profile: Profile | undefined,
): TableRecord[] {
  const records: TableRecord[] = [];
  sheets.forEach((sheet, sheetIndex) => {
    if (sheet.name !== null && isInstructionSheet(sheet.name)) return;
    const first = sheet.firstRow ?? 1;
    const loc = (row: number, col?: number): IssueLocation => ({
      ...(sheet.name !== null ? { sheet: sheet.name } : {}),
      row: first + row,
      ...(col !== undefined ? { column: columnLetter(col) } : {}),
    });
    const issue = (
      code: IssueCode,
      path: readonly (string | number)[],
      details: { expected?: Text; found?: Text },
      location: IssueLocation,
    ) => issues.push({ sheetIndex, location, ...makeIssue(code, path, { ...details, location }) } as Located & GepIssue);

    const text = (c: TableCell | undefined) => (c ? cleanText(c.text) : '');
    const tooLong = (t: string, location: IssueLocation) => {
      if (t.length <= limits.maxHeaderChars) return false;
      issue(
        'input.cell-too-long',
        [],
        {
          found: textOfLength(t.length),
          expected: {
            en: `at most ${limits.maxHeaderChars} characters in a header, indicator, field, unit, ecosystem type, line or price-year cell (option limits.maxHeaderChars)`,
            zh: `表头、指标、字段、单位、生态系统类型、行号或价格年份单元格至多 ${limits.maxHeaderChars} 个字符（选项 limits.maxHeaderChars）`,
          },
        },
        location,
      );
      return true;
    };
    const headerIndex = sheet.rows.findIndex((r) => r.some((c) => text(c) !== '' || c?.formula));
    if (headerIndex < 0) return;
    const header = sheet.rows[headerIndex]!;

    // Columns
    const fixed = new Map<ColumnKey, number>();
    const fieldColumns: { col: number; name: string; unit: string | null }[] = [];
    let valueHeaderUnit: string | null = null;
    header.forEach((cell, col) => {
      const raw = text(cell);
      if (raw === '' || tooLong(raw, loc(headerIndex, col))) return;
      const { name, unit } = splitHeader(raw);
      const key = columnKey(name) ?? columnKey(raw);
      if (key) {
        if (fixed.has(key)) issue('input.duplicate-column', [], { found: raw }, loc(headerIndex, col));
        else fixed.set(key, col);
        if (key === 'value' && columnKey(raw) === null) valueHeaderUnit = unit;
      } else {
        fieldColumns.push({ col, name, unit });
      }
    });
    const long = fixed.has('field');
    if (long) {
      for (const f of fieldColumns)
        issue('input.unknown-column', [], { found: text(header[f.col]), expected: COLUMN_LIST }, loc(headerIndex, f.col));
      if (!fixed.has('value'))
        issue('input.missing-column', [], { expected: { en: 'value (数值)', zh: '数值（value）' } }, loc(headerIndex));
    } else if (fixed.has('value') || fixed.has('unit')) {
      issue('input.missing-column', [], { expected: { en: 'field (字段)', zh: '字段（field）' } }, loc(headerIndex));
      return;
    }
    if (long && !fixed.has('value')) return;

    // The block a sheet stands for
    const sheetName = sheet.name ?? '';
    const sheetBlock = sheet.name === null ? null : isAccountBlock(sheetName) ? ACCOUNT_BLOCK : resolveIndicator(sheetName, profile);
    const sheetCategory = sheet.name === null ? null : categoryOfSheet(sheetName);
    if (!fixed.has('indicator') && !sheetBlock) {
      issue(
        'input.missing-column',
        [],
        {
          expected: {
            en: 'indicator (指标), or a sheet named after an indicator or 核算信息 account',
            zh: '指标（indicator），或以指标或“核算信息”命名的工作表',
          },
        },
        loc(headerIndex),
      );
      return;
    }
    const wideResolved = new Map<string, Map<number, FieldDef | null>>();
    const wideFields = (block: BlockDef) => {
      let m = wideResolved.get(block.id);
      if (!m) {
        m = new Map();
        for (const f of fieldColumns) {
          const def = resolveField(block, f.name);
          if (!def) issue('input.unknown-table-field', [], { found: text(header[f.col]), expected: block.id }, loc(headerIndex, f.col));
          m.set(f.col, def);
        }
        wideResolved.set(block.id, m);
      }
      return m;
    };

    for (let r = headerIndex + 1; r < sheet.rows.length; r++) {
      const row = sheet.rows[r]!;
      const cellOf = (key: ColumnKey) => (fixed.has(key) ? row[fixed.get(key)!] : undefined);
      // Error values are never read as data; a formula is read as the value the file saved for it,
      // and the note says so; a formula without a saved value has nothing to read.
      let refused = false;
      row.forEach((c, col) => {
        if (!c || col === fixed.get('note')) return;
        if (c.error !== undefined) {
          issue(
            'input.error-cell',
            [],
            {
              found: c.formula !== undefined ? { en: `${c.error} (from =${c.formula})`, zh: `${c.error}（来自 =${c.formula}）` } : c.error,
            },
            loc(r, col),
          );
          refused = true;
        } else if (c.formula !== undefined && text(c) === '') {
          issue(
            'input.formula-cell',
            [],
            { found: { en: `=${c.formula}, with no saved value`, zh: `=${c.formula}，没有保存的值` } },
            loc(r, col),
          );
          refused = true;
        } else if (c.formula !== undefined && text(header[col]) !== '') {
          const zero = /^0(\.0*)?$/.test(text(c));
          const expected: Text = zero
            ? {
                en: `=${c.formula} (a program that does not calculate formulas saves 0: check this value)`,
                zh: `=${c.formula}（不计算公式的程序会保存 0，请核对此值）`,
              }
            : `=${c.formula}`;
          notes.push({
            sheetIndex,
            location: loc(r, col),
            ...makeIssue('note.formula-value', [], { found: text(c), expected, location: loc(r, col) }),
          } as Located & GepIssue);
        }
        if (KEY_COLUMNS.some((k) => fixed.get(k) === col) && tooLong(text(c), loc(r, col))) refused = true;
      });
      if (refused) continue;
      // Nothing lost: text in a column without a header would not be read, so it is reported.
      row.forEach((c, col) => {
        const t = text(c);
        if (t !== '' && text(header[col]) === '') {
          issue(
            'input.stray-cell',
            [],
            {
              found: t.length > 40 ? `${t.slice(0, 37)}...` : t,
              expected: { en: 'give its column a header or clear it', zh: '请为该列加上表头，或清空该单元格' },
            },
            loc(r, col),
          );
        }
      });
      const dataCells = row.filter((c, col) => col !== fixed.get('note') && c && text(c) !== '' && text(header[col]) !== '');
      if (dataCells.length === 0) continue;

      const indicatorText = text(cellOf('indicator'));
      let blockId: string | null;
      if (indicatorText === '') blockId = sheetBlock;
      else blockId = isAccountBlock(indicatorText) ? ACCOUNT_BLOCK : resolveIndicator(indicatorText, profile);
      if (!blockId) {
        issue(
          'input.unknown-indicator-name',
          [],
          {
            found: indicatorText,
            expected: {
              en: 'an implemented indicator id or name (gep indicators), or account (核算信息)',
              zh: '已实现的指标代码或名称（见 gep indicators），或“核算信息”（account）',
            },
          },
          loc(r, fixed.get('indicator')),
        );
        continue;
      }
      const block = tableBlock(blockId, profile)!;
      if (sheetCategory && blockId !== ACCOUNT_BLOCK && !blockId.startsWith(`${sheetCategory}.`)) {
        issue(
          'input.not-applicable',
          ['indicators', blockId],
          {
            expected: {
              en: `sheet of ${sheetCategory} indicators for this indicator`,
              zh: `用于此指标的${CATEGORY_ZH[sheetCategory]}指标工作表`,
            },
            found: sheetName,
          },
          loc(r, fixed.get('indicator')),
        );
        continue;
      }
      const make = (
        field: FieldDef,
        valueCell: TableCell | undefined,
        valueCol: number,
        unit: string,
        headerUnit: string | null,
        unitCol: number | undefined,
      ) => {
        const colOf: Record<string, number | undefined> = {
          value: valueCol,
          unit: unitCol ?? valueCol,
          priceYear: fixed.get('priceYear'),
          line: fixed.get('line'),
          item: fixed.get('item'),
          ecosystemType: fixed.get('ecosystemType'),
          field: fixed.get('field'),
        };
        records.push({
          block,
          field,
          line: text(cellOf('line')),
          item: exactText(cellOf('item')),
          eco: text(cellOf('ecosystemType')),
          value: valueCell?.text ?? '',
          unit,
          headerUnit,
          priceYear: text(cellOf('priceYear')),
          sheetIndex,
          valueCell,
          itemCell: cellOf('item'),
          priceYearCell: cellOf('priceYear'),
          at: (key) => loc(r, colOf[key]),
        });
      };
      if (long) {
        const fieldText = text(cellOf('field'));
        if (fieldText === '') {
          if (text(cellOf('value')) !== '')
            issue('input.unknown-table-field', [], { found: '', expected: block.id }, loc(r, fixed.get('field')));
          continue;
        }
        const field = resolveField(block, fieldText);
        if (!field) {
          issue('input.unknown-table-field', [], { found: fieldText, expected: block.id }, loc(r, fixed.get('field')));
          continue;
        }
        make(field, cellOf('value'), fixed.get('value')!, exactText(cellOf('unit')), valueHeaderUnit, fixed.get('unit'));
      } else {
        const resolved = wideFields(block);
        for (const f of fieldColumns) {
          const field = resolved.get(f.col);
          const cell = row[f.col];
          if (!field || !cell || text(cell) === '') continue;
          make(field, cell, f.col, '', f.unit, undefined);
        }
      }
    }
  });
  return records;
}

type Json = Record<string, unknown>;

/**
 * Assemble records into the canonical input: each list line from the rows that share item and
 * ecosystem type, numbers normalised, units normalised. Structural issues are collected; value
 * problems are left for the zod schemas.
 */
function assemble(
  records: readonly TableRecord[],
  issues: Located[],
  notes: Located[],
  locations: Map<string, Located>,
  reported: Set<string>,
): Json {
  const root: Json = {};
  const indicators: Json = {};
  const seen = new Map<string, TableRecord>();
  const elements = new Map<string, { index: number; obj: Json }>();
  const elementRows = new Map<string, number>();
  const issue = (
    r: TableRecord,
    code: IssueCode,
    path: readonly (string | number)[],
    details: { expected?: Text; found?: Text },
    at: IssueLocation,
  ) =>
    issues.push({ sheetIndex: r.sheetIndex, location: at, ...makeIssue(code, path, { ...details, location: at }) } as Located & GepIssue);
  const note = (
    r: TableRecord,
    code: IssueCode,
    path: readonly (string | number)[],
    details: { expected?: Text; found?: Text },
    at: IssueLocation,
  ) => notes.push({ sheetIndex: r.sheetIndex, location: at, ...makeIssue(code, path, { ...details, location: at }) } as Located & GepIssue);
  /** An issue about a value already reported here: the schema's issue at the same place is left out. */
  const refuse = (
    r: TableRecord,
    code: IssueCode,
    path: readonly (string | number)[],
    details: { expected?: Text; found?: Text },
    at: IssueLocation,
  ) => {
    issue(r, code, path, details, at);
    reported.add(formatPath(path));
  };
  // A path and each of its prefixes point at the first row that wrote under them.
  const remember = (path: readonly (string | number)[], r: TableRecord, at: IssueLocation) => {
    for (let n = path.length; n > 0; n--) {
      const key = formatPath(path.slice(0, n));
      if (!locations.has(key)) locations.set(key, { sheetIndex: r.sheetIndex, location: at });
    }
  };
  const blanks: { r: TableRecord; listKey: string | null }[] = [];

  for (const r of records) {
    const { block, field } = r;
    const base: (string | number)[] = block.id === ACCOUNT_BLOCK ? [] : ['indicators', block.id];

    const list = field.listSegments ? block.lists.get(field.listSegments.join('.'))! : null;
    const eco = r.eco === '' ? '' : resolveEcosystemType(r.eco);
    const fieldPathLabel = [...base, ...(field.listSegments ?? []), ...field.segments];
    if (!list) {
      if (r.item !== '') issue(r, 'input.not-applicable', fieldPathLabel, { expected: COLUMN.item, found: r.item }, r.at('item'));
      if (r.eco !== '')
        issue(r, 'input.not-applicable', fieldPathLabel, { expected: COLUMN.ecosystemType, found: r.eco }, r.at('ecosystemType'));
      if (r.line !== '') issue(r, 'input.not-applicable', fieldPathLabel, { expected: COLUMN.line, found: r.line }, r.at('line'));
    } else {
      if (!list.itemField && r.item !== '')
        issue(
          r,
          'input.not-applicable',
          fieldPathLabel,
          { expected: { en: 'item column (this list has no item)', zh: '项目列（此列表没有项目）' }, found: r.item },
          r.at('item'),
        );
      if (!list.ecoField && r.eco !== '')
        issue(
          r,
          'input.not-applicable',
          fieldPathLabel,
          {
            expected: { en: 'ecosystem type column (this list has no ecosystem type)', zh: '生态系统类型列（此列表没有生态系统类型）' },
            found: r.eco,
          },
          r.at('ecosystemType'),
        );
    }
    if (field.keyColumn) {
      issue(
        r,
        'input.not-applicable',
        fieldPathLabel,
        {
          expected: {
            en: `field "${field.path}" (write it in the ${field.keyColumn === 'item' ? 'item' : 'ecosystem type'} column)`,
            zh: `字段 "${field.path}"（请写在${field.keyColumn === 'item' ? '项目' : '生态系统类型'}列）`,
          },
          found: field.path,
        },
        r.at('field'),
      );
      continue;
    }
    const listKey = list ? `${block.id}|${list.segments.join('.')}|${r.line !== '' ? `#${r.line}` : `${r.item}|${eco}`}` : null;
    if (cleanText(r.value) === '') {
      if (r.priceYear !== '' && !(field.kind === 'measure' && field.priceYear)) {
        issue(r, 'input.not-applicable', fieldPathLabel, { expected: COLUMN.priceYear, found: r.priceYear }, r.at('priceYear'));
      }
      blanks.push({ r, listKey });
      continue;
    }
    const dupKey = `${listKey ?? block.id}|${field.path}`;
    const first = seen.get(dupKey);
    if (first) {
      const el = listKey ? elements.get(listKey) : undefined;
      const dupPath = el ? [...base, ...list!.segments, el.index, ...field.segments] : fieldPathLabel;
      issue(r, 'input.duplicate-row', dupPath, { expected: String(first.at('value').row), found: cleanText(r.value) }, r.at('value'));
      continue;
    }
    seen.set(dupKey, r);
    const blockRoot = block.id === ACCOUNT_BLOCK ? root : ((indicators[block.id] ??= {}) as Json);
    if (block.id !== ACCOUNT_BLOCK) remember(base, r, r.at('field'));

    // The object the field lives in: the block, or the list line.
    let container: Json = blockRoot;
    let containerPath: (string | number)[] = base;
    if (list) {
      let parent: Json = blockRoot;
      for (const s of list.segments.slice(0, -1)) parent = (parent[s] ??= {}) as Json;
      const arr = (parent[list.segments[list.segments.length - 1]!] ??= []) as Json[];
      let el = elements.get(listKey!);
      if (!el) {
        const obj: Json = {};
        if (list.itemField && r.item !== '') {
          obj[list.itemField] = r.item;
          if (r.item !== cleanText(r.item))
            note(r, 'note.kept-spaces', [...base, ...list.segments, arr.length, list.itemField], { found: r.item }, r.at('item'));
        }
        if (list.ecoField && eco !== '') obj[list.ecoField] = eco;
        arr.push(obj);
        el = { index: arr.length - 1, obj };
        elements.set(listKey!, el);
        elementRows.set(listKey!, r.at('value').row!);
      }
      for (const [key, col, given] of [
        [list.itemField, 'item', r.item],
        [list.ecoField, 'ecosystemType', eco],
      ] as const) {
        if (!key || given === '') continue;
        const value = given;
        if (el.obj[key] === undefined) el.obj[key] = value;
        else if (el.obj[key] !== value)
          issue(
            r,
            'input.duplicate-row',
            [...base, ...list.segments, el.index, key],
            { expected: String(elementRows.get(listKey!)), found: given },
            r.at(col),
          );
      }
      container = el.obj;
      containerPath = [...base, ...list.segments, el.index];
      remember(containerPath, r, r.at(list.itemField ? 'item' : 'ecosystemType'));
      // The item and the ecosystem type are located at their own columns (an unknown ecosystem
      // type was reported in the item column).
      if (list.itemField && r.item !== '') remember([...containerPath, list.itemField], r, r.at('item'));
      if (list.ecoField && eco !== '') remember([...containerPath, list.ecoField], r, r.at('ecosystemType'));
    }
    const segs = field.segments;
    const path = [...containerPath, ...segs];
    const parentOf = (obj: Json, s: readonly string[]) => {
      let o = obj;
      for (const k of s) o = (o[k] ??= {}) as Json;
      return o;
    };
    remember(path, r, r.at('value'));
    const dateCell = r.valueCell?.format === 'date' && field.kind !== 'text' && field.kind !== 'boolean';
    if (dateCell)
      refuse(r, 'input.date-cell', field.kind === 'measure' ? [...path, 'value'] : path, { found: storedAs(r.valueCell!) }, r.at('value'));
    // A number whose format shows another number than it stores (`0.0"万"`, `#,##0,`): refused.
    const shownAs = (col: 'value' | 'priceYear', at: readonly (string | number)[], unit: string | undefined, units = true) => {
      const found = numberFormatProblem(col === 'value' ? r.valueCell : r.priceYearCell, unit, units);
      if (found) refuse(r, 'input.number-format', at, { found, expected: NUMBER_AS_SHOWN }, r.at(col));
    };
    const priceYear = (target: Json) => {
      if (r.priceYearCell?.format === 'date')
        refuse(r, 'input.date-cell', [...path, 'priceYear'], { found: storedAs(r.priceYearCell) }, r.at('priceYear'));
      shownAs('priceYear', [...path, 'priceYear'], undefined, false);
      target.priceYear = normaliseInteger(r.priceYear) ?? r.priceYear;
    };
    if (field.kind === 'measure') {
      const target = parentOf(container, segs);
      const num = dateCell ? null : readNumberCell(r.valueCell);
      let value = num?.value ?? cleanText(r.value);
      const cellUnit = r.unit === '' ? '' : isKnownUnit(r.unit) ? r.unit : normaliseUnit(r.unit);
      const headerUnit = r.headerUnit ? normaliseUnit(r.headerUnit) : '';
      if (cellUnit !== '' && headerUnit !== '' && cellUnit !== headerUnit) {
        issue(r, 'input.unit-conflict', [...path, 'unit'], { expected: r.headerUnit!, found: r.unit }, r.at('unit'));
      }
      let unit = cellUnit || headerUnit;
      shownAs('value', [...path, 'value'], unit);
      if (num?.percent) {
        // A percentage is a number of per cent: its unit is %, or 1 (÷ 100, exact); any other unit
        // is a contradiction, not something to guess.
        if (unit === '' || unit === '%') unit = '%';
        else if (unit === '1') value = shiftDecimal(value, -2);
        else refuse(r, 'input.percent-unit', [...path, 'value'], { found: num.read!, expected: `"${unit}"` }, r.at('value'));
      }
      target.value = value;
      if (unit !== '') target.unit = unit;
      if (num?.read && !reported.has(formatPath([...path, 'value'])))
        note(
          r,
          'note.read-as',
          path,
          { found: num.read, expected: unit === '1' || unit === '' ? value : `${value} ${unit}` },
          r.at('value'),
        );
      if (r.priceYear !== '') {
        if (!field.priceYear) issue(r, 'input.not-applicable', path, { expected: COLUMN.priceYear, found: r.priceYear }, r.at('priceYear'));
        else priceYear(target);
      }
      remember([...path, 'value'], r, r.at('value'));
      remember([...path, 'unit'], r, r.at('unit'));
      remember([...path, 'priceYear'], r, r.at('priceYear'));
    } else {
      if (r.unit !== '' || r.headerUnit)
        issue(r, 'input.not-applicable', path, { expected: COLUMN.unit, found: r.unit || r.headerUnit! }, r.at('unit'));
      if (r.priceYear !== '') issue(r, 'input.not-applicable', path, { expected: COLUMN.priceYear, found: r.priceYear }, r.at('priceYear'));
      const parent = parentOf(container, segs.slice(0, -1));
      const key = segs[segs.length - 1]!;
      const t = cleanText(r.value);
      if (field.kind === 'text') {
        const exact = exactText(r.valueCell);
        parent[key] = exact;
        if (exact !== t) note(r, 'note.kept-spaces', path, { found: exact }, r.at('value'));
      } else if (field.kind === 'decimal') {
        const num = dateCell ? null : readNumberCell(r.valueCell);
        shownAs('value', path, undefined);
        if (num?.percent)
          refuse(
            r,
            'input.percent-unit',
            path,
            { found: num.read!, expected: { en: 'none (this field takes a plain number)', zh: '无（此字段填写不带单位的数字）' } },
            r.at('value'),
          );
        else if (num?.read) note(r, 'note.read-as', path, { found: num.read, expected: num.value }, r.at('value'));
        parent[key] = num?.value ?? t;
      } else {
        if (field.kind === 'integer') shownAs('value', path, undefined, false);
        parent[key] = field.kind === 'integer' ? (normaliseInteger(t) ?? t) : (normaliseBoolean(t) ?? t);
      }
    }
  }
  // Blank rows point at the place of a missing value, when their line exists.
  for (const { r, listKey } of blanks) {
    const base = r.block.id === ACCOUNT_BLOCK ? [] : ['indicators', r.block.id];
    const list = r.field.listSegments;
    if (list) {
      const el = elements.get(listKey!);
      if (!el) continue;
      const path = [...base, ...list, el.index, ...r.field.segments];
      remember(path, r, r.at('value'));
      if (r.field.kind === 'measure') remember([...path, 'value'], r, r.at('value'));
    } else {
      remember([...base, ...r.field.segments], r, r.at('value'));
    }
  }
  if (Object.keys(indicators).length) root.indicators = indicators;
  else root.indicators = {};
  return root;
}

/**
 * Read an account input from table sheets (a CSV file is one sheet). Every issue of the file is
 * collected, located and thrown together.
 *
 * @throws {GepInputError} listing every issue, each with sheet, row and column
 */
export function importTables(sheets: readonly TableSheet[], file?: string, options: ReadOptions = {}): ImportedInput {
  const issues: Located[] = [];
  const notes: Located[] = [];
  const locations = new Map<string, Located>();
  const reported = new Set<string>();
  const profile = options.profile;
  const records = readSheets(sheets, issues, notes, readLimits(options), profile);
  if (records.length === 0 && issues.length === 0) {
    throw new GepInputError([makeIssue('input.no-data', [], file ? { location: { file } } : {})]);
  }
  const input = assemble(records, issues, notes, locations, reported);

  const locate = (path: readonly (string | number)[]): Located | undefined => {
    for (let n = path.length; n > 0; n--) {
      const hit = locations.get(formatPath(path.slice(0, n)));
      if (hit) return hit;
    }
    return undefined;
  };
  const validation = validateInput(input, profile);
  for (const v of validation) {
    // Already reported from the cell, in the cell's own words (a date, a percentage).
    if (reported.has(formatPath(v.path)) || reported.has(formatPath(v.path.slice(0, -1)))) continue;
    const hit = locate(v.path);
    issues.push({ sheetIndex: hit?.sheetIndex ?? Number.MAX_SAFE_INTEGER, ...v, ...(hit ? { location: hit.location } : {}) } as Located &
      GepIssue);
  }
  if (issues.length) throw new GepInputError(inFileOrder(issues, file));
  return {
    input,
    locate: (path) => {
      const hit = locate(path);
      return hit ? { ...(file ? { file } : {}), ...hit.location } : undefined;
    },
    notes: inFileOrder(notes, file),
  };
}

/** Issues (or notes) in the order of the file: sheet, row, column, then as found; with the file name. */
function inFileOrder(issues: readonly Located[], file?: string): GepIssue[] {
  const order = (l: IssueLocation | undefined) => [
    l?.row ?? Number.MAX_SAFE_INTEGER,
    l?.column ? l.column.length * 1000 + l.column.charCodeAt(l.column.length - 1) : 0,
  ];
  return [...issues]
    .map((x, i) => ({ x, i }))
    .sort((a, b) => {
      const [ar, ac] = order(a.x.location);
      const [br, bc] = order(b.x.location);
      return a.x.sheetIndex - b.x.sheetIndex || ar! - br! || ac! - bc! || a.i - b.i;
    })
    .map(({ x }) => {
      const { sheetIndex: _s, ...rest } = x as Located & GepIssue;
      return { ...rest, ...(file ? { location: { file, ...rest.location } } : {}) } as GepIssue;
    });
}

/**
 * Validate an input in its canonical form with the zod schemas (envelope and every indicator
 * block, all issues at once) and check its region code against GB/T 2260.
 */
export function validateInput(input: Json, profile?: Profile): GepIssue[] {
  const validation: GepIssue[] = [];
  const envelope = accountEnvelopeSchema.safeParse(input, { reportInput: true });
  if (!envelope.success) validation.push(...toGepIssues(envelope.error, []));
  const blocks = input.indicators;
  if (blocks && typeof blocks === 'object' && !Array.isArray(blocks)) {
    for (const [id, block] of Object.entries(blocks as Json)) {
      const module = profileIndicator(profile, id);
      if (!module) continue; // reported by computeGep against the profile
      const parsed = module.inputSchema.safeParse(block, { reportInput: true });
      if (!parsed.success) validation.push(...toGepIssues(parsed.error, ['indicators', id]));
    }
  }
  const region = input.region as { code?: unknown; level?: unknown } | undefined;
  if (
    region &&
    typeof region.code === 'string' &&
    /^\d{6}$/.test(region.code) &&
    ['county', 'city', 'province', 'area'].includes(region.level as string)
  ) {
    const expected = checkRegionCode(region.code, region.level as 'county');
    if (expected) validation.push(makeIssue('input.region-code', ['region', 'code'], { expected, found: region.code }));
  }
  return validation;
}

/** Attach the table locations of an imported input to issues found later (by `computeGep`). */
export function locateIssues(error: GepInputError, imported: Pick<ImportedInput, 'locate'>, file?: string): GepInputError {
  return new GepInputError(
    error.issues.map((i) => {
      const location = i.location ?? imported.locate(i.path);
      return location || file ? { ...i, location: { ...(file ? { file } : {}), ...location } } : i;
    }),
  );
}

export { FIXED_COLUMNS };
