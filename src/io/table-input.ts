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
import { catalogue, ecosystemTypes } from '../indicators/catalogue.js';
import { toGepIssues } from '../indicators/input-schema.js';
import { INDICATORS } from '../indicators/registry.js';
import { localIndicatorsOf, profileIndicator } from '../indicators/local/attach.js';
import type { Profile } from '../profiles/profiles.js';
import { ACCOUNT_BLOCK, resolveField, tableBlock, type BlockDef, type FieldDef } from './fields.js';
import {
  categoryOfSheet, cleanText, columnKey, isAccountBlock, isInstructionSheet, normaliseBoolean, normaliseInteger,
  normaliseNumber, normaliseUnit, splitHeader, toHalfWidth, unneutraliseFormula, type ColumnKey,
} from './normalise.js';
import { checkRegionCode } from './region-codes.js';

/** A cell as read from a file: its text, or the formula or error it holds. */
export interface TableCell {
  readonly text: string;
  readonly formula?: string;
  readonly error?: string;
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
const COLUMN_LIST = 'indicator, line, item, ecosystem type, field, value, unit, price year, note (or 指标, 行号, 项目, 生态系统类型, 字段, 数值, 单位, 价格年份, 说明)';

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
  typeNames ??= new Map([...ecosystemTypes().values()].flatMap((t) => [[t.id, t.id], [cleanText(toHalfWidth(t.zh)), t.id], [t.en.toLowerCase(), t.id]] as [string, string][]));
  const t = cleanText(toHalfWidth(text));
  return typeNames.get(t) ?? typeNames.get(t.toLowerCase()) ?? t;
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
  readonly at: (key: 'value' | 'unit' | 'priceYear' | 'item' | 'ecosystemType' | 'field' | 'line') => IssueLocation;
}

/** Build the issue list and the records of a set of sheets. */
function readSheets(sheets: readonly TableSheet[], issues: Located[], profile: Profile | undefined): TableRecord[] {
  const records: TableRecord[] = [];
  sheets.forEach((sheet, sheetIndex) => {
    if (sheet.name !== null && isInstructionSheet(sheet.name)) return;
    const first = sheet.firstRow ?? 1;
    const loc = (row: number, col?: number): IssueLocation => ({
      ...(sheet.name !== null ? { sheet: sheet.name } : {}),
      row: first + row,
      ...(col !== undefined ? { column: columnLetter(col) } : {}),
    });
    const issue = (code: IssueCode, path: readonly (string | number)[], details: { expected?: string; found?: string }, location: IssueLocation) =>
      issues.push({ sheetIndex, location, ...makeIssue(code, path, { ...details, location }) } as Located & GepIssue);

    const text = (c: TableCell | undefined) => (c ? cleanText(c.text) : '');
    const headerIndex = sheet.rows.findIndex((r) => r.some((c) => text(c) !== '' || c?.formula));
    if (headerIndex < 0) return;
    const header = sheet.rows[headerIndex]!;

    // Columns
    const fixed = new Map<ColumnKey, number>();
    const fieldColumns: { col: number; name: string; unit: string | null }[] = [];
    let valueHeaderUnit: string | null = null;
    header.forEach((cell, col) => {
      const raw = text(cell);
      if (raw === '') return;
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
      for (const f of fieldColumns) issue('input.unknown-column', [], { found: text(header[f.col]), expected: COLUMN_LIST }, loc(headerIndex, f.col));
      if (!fixed.has('value')) issue('input.missing-column', [], { expected: 'value (数值)' }, loc(headerIndex));
    } else if (fixed.has('value') || fixed.has('unit')) {
      issue('input.missing-column', [], { expected: 'field (字段)' }, loc(headerIndex));
      return;
    }
    if (long && !fixed.has('value')) return;

    // The block a sheet stands for
    const sheetName = sheet.name ?? '';
    const sheetBlock = sheet.name === null ? null : isAccountBlock(sheetName) ? ACCOUNT_BLOCK : resolveIndicator(sheetName, profile);
    const sheetCategory = sheet.name === null ? null : categoryOfSheet(sheetName);
    if (!fixed.has('indicator') && !sheetBlock) {
      issue('input.missing-column', [], { expected: 'indicator (指标), or a sheet named after an indicator or 核算信息 account' }, loc(headerIndex));
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
      // Formulas and error values are never read as data.
      row.forEach((c, col) => {
        if (!c || col === fixed.get('note')) return;
        if (c.formula !== undefined) {
          issue('input.formula-cell', [], { found: `=${c.formula}` }, loc(r, col));
        } else if (c.error !== undefined) {
          issue('input.error-cell', [], { found: c.error }, loc(r, col));
        }
      });
      // Nothing lost: text in a column without a header would not be read, so it is reported.
      row.forEach((c, col) => {
        const t = text(c);
        if (t !== '' && c?.formula === undefined && text(header[col]) === '') {
          issue('input.stray-cell', [], { found: t.length > 40 ? `${t.slice(0, 37)}...` : t, expected: 'give its column a header or clear it' }, loc(r, col));
        }
      });
      const dataCells = row.filter((c, col) => col !== fixed.get('note') && c && text(c) !== '' && text(header[col]) !== '');
      if (dataCells.length === 0) continue;

      const indicatorText = text(cellOf('indicator'));
      let blockId: string | null;
      if (indicatorText === '') blockId = sheetBlock;
      else blockId = isAccountBlock(indicatorText) ? ACCOUNT_BLOCK : resolveIndicator(indicatorText, profile);
      if (!blockId) {
        issue('input.unknown-indicator-name', [], { found: indicatorText, expected: 'an implemented indicator id or name (gep indicators), or account (核算信息)' }, loc(r, fixed.get('indicator')));
        continue;
      }
      const block = tableBlock(blockId, profile)!;
      if (sheetCategory && blockId !== ACCOUNT_BLOCK && !blockId.startsWith(`${sheetCategory}.`)) {
        issue('input.not-applicable', ['indicators', blockId], { expected: `sheet of ${sheetCategory} indicators for this indicator`, found: sheetName }, loc(r, fixed.get('indicator')));
        continue;
      }
      const make = (field: FieldDef, value: string, valueCol: number, unit: string, headerUnit: string | null, unitCol: number | undefined) => {
        const colOf: Record<string, number | undefined> = {
          value: valueCol, unit: unitCol ?? valueCol, priceYear: fixed.get('priceYear'), line: fixed.get('line'), item: fixed.get('item'), ecosystemType: fixed.get('ecosystemType'), field: fixed.get('field'),
        };
        records.push({
          block, field, line: text(cellOf('line')), item: text(cellOf('item')), eco: text(cellOf('ecosystemType')), value, unit, headerUnit, priceYear: text(cellOf('priceYear')), sheetIndex,
          at: (key) => loc(r, colOf[key]),
        });
      };
      if (long) {
        const fieldText = text(cellOf('field'));
        if (fieldText === '') {
          if (text(cellOf('value')) !== '') issue('input.unknown-table-field', [], { found: '', expected: block.id }, loc(r, fixed.get('field')));
          continue;
        }
        const field = resolveField(block, fieldText);
        if (!field) {
          issue('input.unknown-table-field', [], { found: fieldText, expected: block.id }, loc(r, fixed.get('field')));
          continue;
        }
        make(field, cellOf('value')?.text ?? '', fixed.get('value')!, text(cellOf('unit')), valueHeaderUnit, fixed.get('unit'));
      } else {
        const resolved = wideFields(block);
        for (const f of fieldColumns) {
          const field = resolved.get(f.col);
          const cell = row[f.col];
          if (!field || !cell || text(cell) === '') continue;
          make(field, cell.text, f.col, '', f.unit, undefined);
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
function assemble(records: readonly TableRecord[], issues: Located[], locations: Map<string, Located>): Json {
  const root: Json = {};
  const indicators: Json = {};
  const seen = new Map<string, TableRecord>();
  const elements = new Map<string, { index: number; obj: Json }>();
  const elementRows = new Map<string, number>();
  const issue = (r: TableRecord, code: IssueCode, path: readonly (string | number)[], details: { expected?: string; found?: string }, at: IssueLocation) =>
    issues.push({ sheetIndex: r.sheetIndex, location: at, ...makeIssue(code, path, { ...details, location: at }) } as Located & GepIssue);
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
      if (r.item !== '') issue(r, 'input.not-applicable', fieldPathLabel, { expected: 'item column', found: r.item }, r.at('item'));
      if (r.eco !== '') issue(r, 'input.not-applicable', fieldPathLabel, { expected: 'ecosystem type column', found: r.eco }, r.at('ecosystemType'));
      if (r.line !== '') issue(r, 'input.not-applicable', fieldPathLabel, { expected: 'line column', found: r.line }, r.at('line'));
    } else {
      if (!list.itemField && r.item !== '') issue(r, 'input.not-applicable', fieldPathLabel, { expected: 'item column (this list has no item)', found: r.item }, r.at('item'));
      if (!list.ecoField && r.eco !== '') issue(r, 'input.not-applicable', fieldPathLabel, { expected: 'ecosystem type column (this list has no ecosystem type)', found: r.eco }, r.at('ecosystemType'));
    }
    if (field.keyColumn) {
      issue(r, 'input.not-applicable', fieldPathLabel, { expected: `field "${field.path}" (write it in the ${field.keyColumn === 'item' ? 'item' : 'ecosystem type'} column)`, found: field.path }, r.at('field'));
      continue;
    }
    const listKey = list ? `${block.id}|${list.segments.join('.')}|${r.line !== '' ? `#${r.line}` : `${r.item}|${eco}`}` : null;
    if (cleanText(r.value) === '') {
      if (r.priceYear !== '' && !(field.kind === 'measure' && field.priceYear)) {
        issue(r, 'input.not-applicable', fieldPathLabel, { expected: 'price year column', found: r.priceYear }, r.at('priceYear'));
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
        if (list.itemField && r.item !== '') obj[list.itemField] = unneutraliseFormula(r.item);
        if (list.ecoField && eco !== '') obj[list.ecoField] = eco;
        arr.push(obj);
        el = { index: arr.length - 1, obj };
        elements.set(listKey!, el);
        elementRows.set(listKey!, r.at('value').row!);
      }
      for (const [key, col, given] of [[list.itemField, 'item', r.item], [list.ecoField, 'ecosystemType', eco]] as const) {
        if (!key || given === '') continue;
        const value = col === 'item' ? unneutraliseFormula(given) : given;
        if (el.obj[key] === undefined) el.obj[key] = value;
        else if (el.obj[key] !== value) issue(r, 'input.duplicate-row', [...base, ...list.segments, el.index, key], { expected: String(elementRows.get(listKey!)), found: given }, r.at(col));
      }
      container = el.obj;
      containerPath = [...base, ...list.segments, el.index];
      remember(containerPath, r, r.at(list.itemField ? 'item' : 'ecosystemType'));
    }
    const segs = field.segments;
    const path = [...containerPath, ...segs];
    const parentOf = (obj: Json, s: readonly string[]) => {
      let o = obj;
      for (const k of s) o = (o[k] ??= {}) as Json;
      return o;
    };
    remember(path, r, r.at('value'));
    if (field.kind === 'measure') {
      const target = parentOf(container, segs);
      target.value = normaliseNumber(r.value) ?? cleanText(r.value);
      const cellUnit = normaliseUnit(r.unit);
      const headerUnit = r.headerUnit ? normaliseUnit(r.headerUnit) : '';
      if (cellUnit !== '' && headerUnit !== '' && cellUnit !== headerUnit) {
        issue(r, 'input.unit-conflict', [...path, 'unit'], { expected: r.headerUnit!, found: r.unit }, r.at('unit'));
      }
      const unit = cellUnit || headerUnit;
      if (unit !== '') target.unit = unit;
      if (r.priceYear !== '') {
        if (!field.priceYear) issue(r, 'input.not-applicable', path, { expected: 'price year column', found: r.priceYear }, r.at('priceYear'));
        else target.priceYear = normaliseInteger(r.priceYear) ?? r.priceYear;
      }
      remember([...path, 'value'], r, r.at('value'));
      remember([...path, 'unit'], r, r.at('unit'));
      remember([...path, 'priceYear'], r, r.at('priceYear'));
    } else {
      if (r.unit !== '' || r.headerUnit) issue(r, 'input.not-applicable', path, { expected: 'unit', found: r.unit || r.headerUnit! }, r.at('unit'));
      if (r.priceYear !== '') issue(r, 'input.not-applicable', path, { expected: 'price year column', found: r.priceYear }, r.at('priceYear'));
      const parent = parentOf(container, segs.slice(0, -1));
      const key = segs[segs.length - 1]!;
      const t = cleanText(r.value);
      parent[key] = field.kind === 'text' ? unneutraliseFormula(t)
        : field.kind === 'decimal' ? normaliseNumber(t) ?? t
          : field.kind === 'integer' ? normaliseInteger(t) ?? t
            : normaliseBoolean(t) ?? t;
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
export function importTables(sheets: readonly TableSheet[], file?: string, profile?: Profile): ImportedInput {
  const issues: Located[] = [];
  const locations = new Map<string, Located>();
  const records = readSheets(sheets, issues, profile);
  if (records.length === 0 && issues.length === 0) {
    throw new GepInputError([makeIssue('input.no-data', [], file ? { location: { file } } : {})]);
  }
  const input = assemble(records, issues, locations);

  const locate = (path: readonly (string | number)[]): Located | undefined => {
    for (let n = path.length; n > 0; n--) {
      const hit = locations.get(formatPath(path.slice(0, n)));
      if (hit) return hit;
    }
    return undefined;
  };
  const validation = validateInput(input, profile);
  for (const v of validation) {
    const hit = locate(v.path);
    issues.push({ sheetIndex: hit?.sheetIndex ?? Number.MAX_SAFE_INTEGER, ...v, ...(hit ? { location: hit.location } : {}) } as Located & GepIssue);
  }
  if (issues.length) {
    const order = (l: IssueLocation | undefined) => [l?.row ?? Number.MAX_SAFE_INTEGER, l?.column ? l.column.length * 1000 + l.column.charCodeAt(l.column.length - 1) : 0];
    const sorted = [...issues]
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
    throw new GepInputError(sorted);
  }
  return {
    input,
    locate: (path) => {
      const hit = locate(path);
      return hit ? { ...(file ? { file } : {}), ...hit.location } : undefined;
    },
  };
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
  if (region && typeof region.code === 'string' && /^\d{6}$/.test(region.code) && ['county', 'city', 'province', 'area'].includes(region.level as string)) {
    const expected = checkRegionCode(region.code, region.level as 'county');
    if (expected) validation.push(makeIssue('input.region-code', ['region', 'code'], { expected, found: region.code }));
  }
  return validation;
}

/** Attach the table locations of an imported input to issues found later (by `computeGep`). */
export function locateIssues(error: GepInputError, imported: Pick<ImportedInput, 'locate'>, file?: string): GepInputError {
  return new GepInputError(error.issues.map((i) => {
    const location = i.location ?? imported.locate(i.path);
    return location || file ? { ...i, location: { ...(file ? { file } : {}), ...location } } : i;
  }));
}

export { FIXED_COLUMNS };
