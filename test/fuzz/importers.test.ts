/**
 * The JSON, CSV and XLSX importers under generated and mutated files. Whatever the bytes, an
 * importer returns a validated input or throws a `GepInputError` whose every issue is catalogued
 * and located in the file; an accepted input then computes or is refused the same way, and its
 * result holds no NaN or Infinity. Valid inputs of every indicator go through CSV and XLSX and
 * come back equal, with an identical result (nothing lost, nothing invented).
 */
import fc from 'fast-check';
import { utils, write, type CellObject } from '@e965/xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { gepResultToJson } from '../../src/accounts/serialize.js';
import { catalogue, ecosystemTypes } from '../../src/indicators/catalogue.js';
import { importCsv } from '../../src/io/csv-input.js';
import { tableBlocks } from '../../src/io/fields.js';
import { inputToCsv, inputToXlsx, longFormHeader } from '../../src/io/input-export.js';
import { COLUMN_TITLES } from '../../src/io/normalise.js';
import { importJson } from '../../src/io/read-input.js';
import { validateInput } from '../../src/io/table-input.js';
import { importXlsx } from '../../src/io/xlsx-input.js';
import { hostileInputArb, validInputArb } from './generators.js';
import { expectFinite, hostileNumber, hostileText, LONG_RUN, onlyInputErrors, params, plainDecimal, tally, timeout } from './support.js';

/** Import, then compute what was accepted; both may only refuse with input errors. */
function importThenCompute(name: string, file: string, read: () => { input: Record<string, unknown> }) {
  const imported = onlyInputErrors(`${name}: import`, read, file);
  if (!imported) return;
  const result = onlyInputErrors(`${name}: compute`, () => computeGep(imported.input));
  if (result) expectFinite(gepResultToJson(result));
}

/** Text edits: delete, duplicate or replace a span, insert noise, truncate. */
function textMutations(text: string): fc.Arbitrary<string> {
  const at = fc.nat({ max: Math.max(0, text.length) });
  const noise = fc.oneof(
    hostileText,
    fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      '"',
      ',',
      ':',
      '\\',
      '\n',
      '\r\n',
      '\t',
      ';',
      '\u0000',
      '\ud800',
      '"__proto__":{}',
      '"constructor":{"prototype":{"x":1}}',
    ),
  );
  const edit = fc.oneof(
    fc.tuple(at, at).map(
      ([a, b]) =>
        (t: string) =>
          t.slice(0, Math.min(a, b)) + t.slice(Math.max(a, b)),
    ),
    fc.tuple(at, at).map(
      ([a, b]) =>
        (t: string) =>
          t.slice(0, Math.max(a, b)) + t.slice(Math.min(a, b), Math.max(a, b)) + t.slice(Math.max(a, b)),
    ),
    fc.tuple(at, noise).map(
      ([a, n]) =>
        (t: string) =>
          t.slice(0, a) + n + t.slice(a),
    ),
    fc.tuple(at, noise).map(
      ([a, n]) =>
        (t: string) =>
          t.slice(0, a) + n + t.slice(a + n.length),
    ),
    at.map((a) => (t: string) => t.slice(0, a)),
  );
  return fc.array(edit, { minLength: 0, maxLength: 3 }).map((edits) => edits.reduce((t, e) => e(t), text));
}

// ------------------------------------------------------------------------------------------------
// Vocabulary of table cells: what people type, and what they should not.

const blocks = [...tableBlocks().values()];
const indicatorWords = [...catalogue().values()].flatMap((e) => [e.id, e.zh, e.en]);
const headerWords = [
  ...Object.values(COLUMN_TITLES.en),
  ...Object.values(COLUMN_TITLES.zh),
  '面积(hm²)',
  '产量（吨）',
  'area (km2)',
  'value [万元]',
  'price (元/t)',
];
const fieldWords = blocks.flatMap((b) => b.fields.map((f) => f.path));
const typeWords = [...ecosystemTypes().values()].flatMap((t) => [t.id, t.zh, t.en]);
const unitWords = [
  't',
  '吨',
  'kg',
  '万t',
  'hm²',
  '公顷',
  'ha',
  '亩',
  'km²',
  'km2',
  'm³',
  '万立方米',
  '元/t',
  '元/吨',
  '万元',
  '元',
  'mm',
  '%',
  'kWh',
  '万kWh',
  't C',
  'tCO2',
  'furlong',
  '元/(t',
  '',
];
const cell = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...indicatorWords, 'account', '核算信息') },
  { weight: 3, arbitrary: fc.constantFrom(...fieldWords, 'region.name', 'region.level', 'accountingYear', 'priceYear') },
  { weight: 2, arbitrary: fc.constantFrom(...typeWords) },
  { weight: 3, arbitrary: fc.constantFrom(...unitWords) },
  { weight: 3, arbitrary: plainDecimal },
  { weight: 1, arbitrary: plainDecimal.map((d) => Number(d).toLocaleString('en-US')) },
  { weight: 1, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom('15%', '１２％', '6.2万', '1.5亿', '3万亿', '6.2万元', '%', '万', '1/3万', '2023-01-01') },
  { weight: 1, arbitrary: fc.constantFrom('2022', '2020', 'county', '测试县', 'true', '是') },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: hostileText },
);
const header = fc.shuffledSubarray([...new Set(headerWords)], { minLength: 1, maxLength: 9 });
const randomTable = fc.tuple(header, fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 10 })).map(([h, rows]) => [h, ...rows]);

/** Long-form rows that name a real field of a real indicator, with a value of the right kind (and now and then a wrong one). */
const fieldRow = fc
  .constantFrom(
    ...blocks.filter((b) => b.id !== 'account').flatMap((b) => b.fields.filter((f) => !f.keyColumn).map((f) => [b.id, f] as const)),
  )
  .chain(([id, f]) =>
    fc.tuple(
      fc.constantFrom(id, catalogue().get(id)?.zh ?? id),
      fc.constantFrom('', '1', '2'),
      fc.constantFrom('', '玉米', 'b'),
      fc.constantFrom('', ...(f.listSegments ? ['cropland', 'forest', 'deciduous-broadleaf-forest', '农田'] : [])),
      fc.constant(f.path),
      f.kind === 'measure' || f.kind === 'decimal'
        ? fc.oneof({ weight: 6, arbitrary: plainDecimal }, { weight: 1, arbitrary: cell })
        : f.kind === 'integer'
          ? fc.constantFrom('2022', '3')
          : f.kind === 'boolean'
            ? fc.constantFrom('true', '否')
            : fc.constantFrom(...(f.options ?? ['x', '说明'])),
      f.kind === 'measure'
        ? fc.oneof(
            { weight: 6, arbitrary: fc.constantFrom(...(f.options ?? unitWords)) },
            { weight: 1, arbitrary: fc.constantFrom(...unitWords) },
          )
        : fc.constant(''),
      f.priceYear ? fc.constantFrom('', '2022', '2015') : fc.constant(''),
      fc.oneof({ weight: 5, arbitrary: fc.constant('') }, { weight: 1, arbitrary: hostileText }),
    ),
  );
const ACCOUNT_ROWS = [
  ['account', '', '', '', 'region.name', '测试县', '', '', ''],
  ['account', '', '', '', 'region.level', 'county', '', '', ''],
  ['account', '', '', '', 'accountingYear', '2022', '', '', ''],
  ['account', '', '', '', 'priceYear', '2022', '', '', ''],
];
const longTable = fc
  .tuple(fc.constantFrom('zh' as const, 'en' as const), fc.array(fieldRow, { minLength: 1, maxLength: 12 }))
  .map(([lang, rows]) => [longFormHeader(lang).map(String), ...ACCOUNT_ROWS, ...rows]);
const tableArb = fc.oneof(randomTable, longTable);

function csvText(rows: readonly (readonly string[])[], delimiter: string, quoteAll: boolean): string {
  const field = (t: string) => (quoteAll || /[",\r\n;\t]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
  return rows.map((r) => r.map(field).join(delimiter)).join('\r\n');
}

/** A long-form CSV of a generated input, edited line by line: lines dropped, repeated, swapped, or given stray cells. */
const editedCsv = fc.tuple(validInputArb, fc.constantFrom('zh' as const, 'en' as const)).chain(([input, lang]) => {
  const lines = inputToCsv(input, lang).split('\r\n');
  const i = fc.nat({ max: lines.length - 1 });
  const edit = fc.oneof(
    i.map((n) => (l: string[]) => l.filter((_, k) => k !== n)),
    i.map((n) => (l: string[]) => [...l.slice(0, n + 1), l[n]!, ...l.slice(n + 1)]),
    fc.tuple(i, i).map(
      ([a, b]) =>
        (l: string[]) =>
          l.map((x, k) => (k === a ? l[b]! : k === b ? l[a]! : x)),
    ),
    fc.tuple(i, cell).map(
      ([n, c]) =>
        (l: string[]) =>
          l.map((x, k) => (k === n ? `${x},${c.replace(/[",\r\n]/g, '')}` : x)),
    ),
    fc.tuple(i, fc.nat(), cell).map(
      ([n, col, c]) =>
        (l: string[]) =>
          l.map((x, k) => {
            if (k !== n) return x;
            const cells = x.split(',');
            cells[col % cells.length] = c.replace(/[",\r\n]/g, '');
            return cells.join(',');
          }),
    ),
  );
  return fc.array(edit, { maxLength: 3 }).map((edits) => edits.reduce((l, e) => e(l), lines).join('\r\n'));
});

// ------------------------------------------------------------------------------------------------

describe('JSON importer', () => {
  it(
    'accepts or refuses generated and mutated JSON text with located input errors only',
    () => {
      const text = fc.oneof(
        { weight: 4, arbitrary: fc.oneof(validInputArb, hostileInputArb).chain((input) => textMutations(JSON.stringify(input, null, 1))) },
        { weight: 1, arbitrary: fc.json() },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.integer({ min: 1, max: 2000 }), fc.constantFrom('[', '{"a":', '[{"x":'))
            .map(([n, open]) => open.repeat(n)),
        },
      );
      fc.assert(
        fc.property(text, (t) => importThenCompute('json', 'fuzz.json', () => importJson(t, 'fuzz.json'))),
        params(100, 0.07),
      );
    },
    timeout(100, 0.07, 10),
  );

  it('accepts or refuses random bytes with located input errors only', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        onlyInputErrors('json bytes', () => importJson(b, 'fuzz.json'), 'fuzz.json');
      }),
      params(100, 0.04),
    );
  });
});

describe('CSV importer', () => {
  it(
    'accepts or refuses generated tables (any header, any cells, three delimiters) with located input errors only',
    () => {
      fc.assert(
        fc.property(tableArb, fc.constantFrom(',', '\t', ';'), fc.boolean(), (rows, d, q) => {
          importThenCompute('csv tables', 'fuzz.csv', () => importCsv(csvText(rows, d, q), 'fuzz.csv'));
        }),
        params(100, 0.08),
      );
    },
    timeout(100, 0.08, 10),
  );

  it(
    'accepts or refuses exported inputs edited line by line (dropped, repeated, swapped lines, stray cells)',
    () => {
      fc.assert(
        fc.property(editedCsv, (t) => importThenCompute('csv edited', 'fuzz.csv', () => importCsv(t, 'fuzz.csv'))),
        params(60, 0.08),
      );
    },
    timeout(60, 0.08, 20),
  );

  it(
    'accepts or refuses random bytes and mutated text with located input errors only',
    () => {
      const data = fc.oneof(
        fc.uint8Array({ maxLength: 300 }),
        validInputArb.chain((x) => textMutations(inputToCsv(x, 'zh'))),
      );
      fc.assert(
        fc.property(data, (d) => {
          onlyInputErrors('csv bytes', () => importCsv(d, 'fuzz.csv'), 'fuzz.csv');
        }),
        params(60, 0.06),
      );
    },
    timeout(60, 0.06, 10),
  );
});

/** A workbook of generated sheets: text, numeric, boolean, formula and error cells, hostile sheet names. */
const sheetName = fc.oneof(
  fc.constantFrom(
    '核算信息',
    'account',
    '物质产品',
    '调节服务 regulating',
    'cultural',
    '说明',
    'README',
    '__proto__',
    'constructor',
    'prototype',
    'hasOwnProperty',
  ),
  fc.constantFrom(...indicatorWords),
  fc.string({ minLength: 1, maxLength: 20 }).map((s) => s.replace(/[\\/?*[\]:']/g, '_')),
);
const xlsxCell: fc.Arbitrary<CellObject | null> = fc.oneof(
  { weight: 8, arbitrary: cell.map((v): CellObject => ({ t: 's', v })) },
  { weight: 2, arbitrary: fc.double({ noNaN: false }).map((v): CellObject => ({ t: 'n', v })) },
  { weight: 1, arbitrary: fc.boolean().map((v): CellObject => ({ t: 'b', v })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<CellObject>(
      { t: 'n', v: 0, f: 'SUM(A1:A2)' },
      { t: 'e', v: 0x07 },
      { t: 'e', v: 0x2a },
      { t: 'd', v: new Date(0) },
      { t: 'z' },
    ),
  },
  { weight: 2, arbitrary: fc.constant(null) },
);
const randomWorkbook = fc
  .uniqueArray(fc.tuple(sheetName, fc.tuple(header, fc.array(fc.array(xlsxCell, { maxLength: 9 }), { maxLength: 8 }))), {
    minLength: 1,
    maxLength: 3,
    selector: ([n]) => n.slice(0, 31).toLowerCase(),
  })
  .map((sheets) => {
    const wb = utils.book_new();
    for (const [name, [h, rows]] of sheets) {
      const ws = utils.aoa_to_sheet([h]);
      rows.forEach((row, r) =>
        row.forEach((c, col) => {
          if (c) ws[utils.encode_cell({ r: r + 1, c: col })] = c;
        }),
      );
      ws['!ref'] = utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length, c: Math.max(h.length, ...rows.map((r) => r.length)) } });
      utils.book_append_sheet(wb, ws, name.slice(0, 31));
    }
    return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
  });

/** A one-sheet workbook of a generated long-form table, numbers written as numeric cells. */
const longWorkbook = longTable.map((rows) => {
  const ws = utils.aoa_to_sheet(rows.map((r) => r.map((c) => (/^\d+(\.\d+)?$/.test(c) && c.length < 15 ? Number(c) : c))));
  const wb = utils.book_new();
  utils.book_append_sheet(wb, ws, 'data');
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
});
const workbookArb = fc.oneof(randomWorkbook, longWorkbook);

/** A small valid workbook, with bytes flipped, spans cut or repeated. */
const smallWorkbook = inputToXlsx(
  {
    region: { name: '测试县', level: 'county' },
    accountingYear: 2022,
    priceYear: 2022,
    indicators: {
      'material.agriculture': {
        products: [{ item: '玉米', quantity: { value: '1250', unit: 't' }, price: { value: '2400', unit: '元/t' } }],
      },
    },
  },
  'en',
);
const mutatedWorkbook = fc
  .array(
    fc.oneof(
      fc.tuple(fc.nat({ max: smallWorkbook.length - 1 }), fc.integer({ min: 0, max: 255 })).map(([i, v]) => (b: Uint8Array) => {
        const c = b.slice();
        c[i % c.length] = v;
        return c;
      }),
      fc.nat({ max: smallWorkbook.length }).map((n) => (b: Uint8Array) => b.slice(0, Math.max(4, n % (b.length + 1)))),
      fc.tuple(fc.nat({ max: smallWorkbook.length }), fc.nat({ max: 64 })).map(([i, n]) => (b: Uint8Array) => {
        const at = i % b.length;
        const c = new Uint8Array(b.length + n);
        c.set(b.subarray(0, at));
        c.set(b.subarray(at, at + n), at);
        c.set(b.subarray(at), at + Math.min(n, b.length - at));
        return c;
      }),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((edits) => edits.reduce((b, e) => e(b), smallWorkbook));

describe('XLSX importer', () => {
  it(
    'accepts or refuses generated workbooks (hostile sheet names, formulas, errors, NaN cells) with located input errors only',
    () => {
      fc.assert(
        fc.property(workbookArb, (bytes) => importThenCompute('xlsx workbooks', 'fuzz.xlsx', () => importXlsx(bytes, 'fuzz.xlsx'))),
        params(40, 0.05),
      );
    },
    timeout(40, 0.05, 20),
  );

  it(
    'accepts or refuses damaged workbooks (bytes flipped, cut, repeated) with located input errors only, without hanging',
    () => {
      fc.assert(
        fc.property(mutatedWorkbook, (bytes) => {
          onlyInputErrors('xlsx damaged', () => importXlsx(bytes, 'fuzz.xlsx'), 'fuzz.xlsx');
        }),
        params(60, 0.06),
      );
    },
    timeout(60, 0.06, 20),
  );
});

describe('export → import → compute (every indicator)', () => {
  it(
    'gives back generated inputs of every indicator through CSV and XLSX, with an identical result',
    () => {
      fc.assert(
        fc.property(validInputArb, fc.constantFrom('zh' as const, 'en' as const), (input, lang) => {
          if (validateInput(input).length) return; // an invalid input is refused by every importer alike
          const viaCsv = importCsv(inputToCsv(input, lang), 'g.csv').input;
          expect(viaCsv).toEqual(input);
          const viaXlsx = importXlsx(inputToXlsx(input, lang), 'g.xlsx').input;
          expect(viaXlsx).toEqual(input);
          const result = onlyInputErrors('round trip', () => JSON.stringify(gepResultToJson(computeGep(input))));
          if (result) {
            expect(JSON.stringify(gepResultToJson(computeGep(viaCsv)))).toBe(result);
            expect(JSON.stringify(gepResultToJson(computeGep(viaXlsx)))).toBe(result);
          }
        }),
        params(15, 0.02),
      );
    },
    timeout(15, 0.02, 60),
  );
});

afterAll(() => {
  if (LONG_RUN) console.log(`[fuzz] importers: ${JSON.stringify(Object.fromEntries([...tally].filter(([n]) => !n.startsWith('core'))))}`);
});
