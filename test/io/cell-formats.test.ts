/**
 * What a cell shows, not only what it stores (issue 13, "XLSX number formats ignored"): a cell
 * shown as `12%` with the unit `%` is 12 %, not 0.12 %; a date in a number field is refused, with
 * what was read; `15%`, `6.2万`, `1.5亿` and a formula's saved value are read where a statistician
 * writes them, and a note says what was read. No unit is ever guessed.
 */
import { utils, write, type CellObject } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { GepInputError, describeIssue } from '../../src/errors/errors.js';
import { importCsv } from '../../src/io/csv-input.js';
import { importXlsx, isPercentFormat, numberCellText } from '../../src/io/xlsx-input.js';
import { shownNumber } from '../../src/io/number-format.js';
import { readTypedNumber, shiftDecimal } from '../../src/io/normalise.js';

type Cell = string | number | CellObject | null;

/** A workbook of one long-form sheet after the account rows; a cell may be a SheetJS cell object. */
function xlsx(rows: Cell[][], account: { name?: Cell; year?: Cell } = {}): Uint8Array {
  const all: Cell[][] = [
    ['indicator', 'item', 'ecosystem type', 'field', 'value', 'unit', 'price year'],
    ['account', null, null, 'region.name', account.name ?? 'Test County', null, null],
    ['account', null, null, 'region.level', 'county', null, null],
    ['account', null, null, 'accountingYear', account.year ?? '2022', null, null],
    ['account', null, null, 'priceYear', '2022', null, null],
    ...rows,
  ];
  const ws = utils.aoa_to_sheet(all.map((r) => r.map((c) => (c !== null && typeof c === 'object' ? null : c))));
  all.forEach((r, ri) =>
    r.forEach((c, ci) => {
      if (c !== null && typeof c === 'object') ws[utils.encode_cell({ r: ri, c: ci })] = c;
    }),
  );
  const wb = utils.book_new();
  utils.book_append_sheet(wb, ws, 'data');
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

const csv = (...rows: string[]) =>
  [
    'indicator,item,ecosystem type,field,value,unit,price year',
    'account,,,region.name,Test County,,',
    'account,,,region.level,county,,',
    'account,,,accountingYear,2022,,',
    'account,,,priceYear,2022,,',
    ...rows,
  ].join('\r\n');

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    if (e instanceof GepInputError) return e.issues.map((i) => describeIssue(i));
    throw e;
  }
  throw new Error('expected a GepInputError');
}

const WATER = 'regulating.water-conservation';
/** A water-conservation line on cropland whose runoff coefficient is `cell` in `unit`. */
const runoff = (cell: Cell, unit: string | null): Cell[][] => [
  [WATER, null, 'cropland', 'ecosystems[].area', '620', 'km²', null],
  [WATER, null, 'cropland', 'ecosystems[].precipitation', '510', 'mm', null],
  [WATER, null, 'cropland', 'ecosystems[].evapotranspiration', '420', 'mm', null],
  [WATER, null, 'cropland', 'ecosystems[].runoffCoefficient', cell, unit, null],
];
const coefficient = (input: Record<string, unknown>) =>
  (input.indicators as Record<string, { ecosystems: { runoffCoefficient?: unknown }[] }>)[WATER]!.ecosystems[0]!.runoffCoefficient;
const percentCell: CellObject = { t: 'n', v: 0.12, z: '0%' };

describe('XLSX cells formatted as percentages', () => {
  it('reads a cell shown as 12% with the unit % as 12 %, not 0.12 % (the value it stores)', () => {
    const imported = importXlsx(xlsx(runoff(percentCell, '%')), 'p.xlsx');
    expect(coefficient(imported.input)).toEqual({ value: '12', unit: '%' });
    expect(imported.notes.map((n) => describeIssue(n))).toEqual([
      'p.xlsx, sheet data, row 9, column E: indicators.regulating.water-conservation.ecosystems[0].runoffCoefficient: read "12% (a cell formatted as a percentage, stored 0.12)" as 12 %',
    ]);
  });

  it('takes the unit % from the cell when the unit column is empty, and gives the exact fraction for the unit 1', () => {
    expect(coefficient(importXlsx(xlsx(runoff(percentCell, null))).input)).toEqual({ value: '12', unit: '%' });
    expect(coefficient(importXlsx(xlsx(runoff(percentCell, '1'))).input)).toEqual({ value: '0.12', unit: '1' });
    expect(coefficient(importXlsx(xlsx(runoff({ t: 'n', v: 0.155, z: '0.0%' }, '%'))).input)).toEqual({ value: '15.5', unit: '%' });
  });

  it('refuses a percentage where the unit says something else, rather than guess', () => {
    const rows: Cell[][] = [
      ['material.agriculture', 'maize', 'cropland', 'products[].quantity', percentCell, 't', null],
      ['material.agriculture', 'maize', 'cropland', 'products[].price', '2400', '元/t', null],
    ];
    expect(issuesOf(() => importXlsx(xlsx(rows), 'p.xlsx'))).toEqual([
      'p.xlsx, sheet data, row 6, column E: indicators.material.agriculture.products[0].quantity.value: the cell holds a percentage (12% (a cell formatted as a percentage, stored 0.12)) but the unit here is "t"; write the unit % or a number without %',
    ]);
  });

  it('tells a percent format from a per-cent sign in quotes or an escape', () => {
    expect(['0%', '0.00%', '#,##0.0%;[Red]-0.0%', '0%"x"'].map(isPercentFormat)).toEqual([true, true, true, true]);
    expect(['General', '0.00', '0" %"', '0\\%', '[$%-409]0', 'yyyy-mm-dd'].map(isPercentFormat)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('XLSX dates', () => {
  it('refuses a date in a quantity cell, saying what was read (was read as 44 927 t)', () => {
    const rows: Cell[][] = [
      ['material.agriculture', 'maize', 'cropland', 'products[].quantity', { t: 'n', v: 44927, z: 'yyyy-mm-dd' }, 't', null],
      ['material.agriculture', 'maize', 'cropland', 'products[].price', '2400', '元/t', { t: 'n', v: 44927, z: 'm/d/yy' }],
    ];
    expect(issuesOf(() => importXlsx(xlsx(rows), 'd.xlsx'))).toEqual([
      'd.xlsx, sheet data, row 6, column E: indicators.material.agriculture.products[0].quantity.value: the cell holds a date (2023-01-01, stored as 44927) where a number is expected; enter the number itself',
      'd.xlsx, sheet data, row 7, column G: indicators.material.agriculture.products[0].price.priceYear: the cell holds a date (2023-01-01, stored as 44927) where a number is expected; enter the number itself',
    ]);
  });

  it('refuses a date as the accounting year, and reads a date in a text field as the date shown', () => {
    const date: CellObject = { t: 'n', v: 44927, z: 'yyyy-mm-dd' };
    expect(issuesOf(() => importXlsx(xlsx([], { year: date }), 'y.xlsx'))).toEqual([
      'y.xlsx, sheet data, row 4, column E: accountingYear: the cell holds a date (2023-01-01, stored as 44927) where a number is expected; enter the number itself',
    ]);
    expect((importXlsx(xlsx([], { name: date })).input.region as { name: string }).name).toBe('2023-01-01');
  });
});

describe('XLSX numbers in other formats: read as stored only when the cell shows that number', () => {
  const AGRI = 'material.agriculture';
  /** Maize on cropland: the quantity `q` in `qUnit`, the price `p` in `pUnit`. */
  const maize = (q: Cell, qUnit: string, p: Cell = '2400', pUnit = '元/t'): Cell[][] => [
    [AGRI, 'maize', 'cropland', 'products[].quantity', q, qUnit, null],
    [AGRI, 'maize', 'cropland', 'products[].price', p, pUnit, null],
  ];
  const products = (input: Record<string, unknown>) =>
    (input.indicators as Record<string, { products: Record<string, unknown>[] }>)[AGRI]!.products;
  const FIX = "expected the number itself: clear the cell's number format (General), or type the value with its unit as text (e.g. 6.2万)";
  const at = (row: number, field: string) =>
    `n.xlsx, sheet data, row ${row}, column E: indicators.material.agriculture.products[0].${field}`;

  it('refuses a cell that shows 6.2万 but stores 6.2 (format 0.0"万"): 62 000 t or 6.2 t cannot be told', () => {
    expect(issuesOf(() => importXlsx(xlsx(maize({ t: 'n', v: 6.2, z: '0.0"万"' }, 't')), 'n.xlsx'))).toEqual([
      `${at(6, 'quantity.value')}: the cell shows "6.2万" (number format 0.0"万": "万" multiplies the number) but stores 6.2, so what it shows and what it stores differ and which was meant cannot be told; ${FIX}`,
    ]);
  });

  it('refuses Excel\'s thousands scaling: 12 345 678 shown as 12,346 (#,##0,) or 12.3百万 (0.0,,"百万")', () => {
    // 12 345 678 / 1000 = 12 345.678 → "12,346"; 12 345 678 / 1 000 000 = 12.345678 → "12.3".
    const rows: Cell[][] = [
      [AGRI, 'maize', 'cropland', 'products[].outputValue', { t: 'n', v: 12345678, z: '#,##0,' }, '元', null],
      [AGRI, 'wheat', 'cropland', 'products[].outputValue', { t: 'n', v: 12345678, z: '0.0,,"百万"' }, '元', null],
      [AGRI, 'maize', 'cropland', 'products[].quantity', '5000', 't', null],
      [AGRI, 'wheat', 'cropland', 'products[].quantity', '5000', 't', null],
    ];
    expect(issuesOf(() => importXlsx(xlsx(rows), 'n.xlsx'))).toEqual([
      `${at(6, 'outputValue.value')}: the cell shows "12,346" (number format #,##0,: divided by 1000) but stores 12345678, so what it shows and what it stores differ and which was meant cannot be told; ${FIX}`,
      `${at(7, 'outputValue.value').replace('products[0]', 'products[1]')}: the cell shows "12.3百万" (number format 0.0,,"百万": divided by 1000000) but stores 12345678, so what it shows and what it stores differ and which was meant cannot be told; ${FIX}`,
    ]);
  });

  it('reads the stored number where the format only changes its look: 0.00, #,##0, "¥"#,##0.00, 0.0"t" in t, 0.0"万元" in 万元', () => {
    const rows: Cell[][] = [
      ...maize({ t: 'n', v: 6.2, z: '0.00' }, 't', { t: 'n', v: 2400.5, z: '"¥"#,##0.00' }),
      [AGRI, 'wheat', 'cropland', 'products[].quantity', { t: 'n', v: 12345678, z: '#,##0' }, 't', null],
      [AGRI, 'wheat', 'cropland', 'products[].outputValue', { t: 'n', v: 6.2, z: '0.0"万元"' }, '万元', null],
      [AGRI, 'rice', 'cropland', 'products[].quantity', { t: 'n', v: 6.2, z: '0.0"t"' }, 't', null],
      [AGRI, 'rice', 'cropland', 'products[].price', { t: 'n', v: 3100, z: '[$¥-804]#,##0.00;[Red]-[$¥-804]#,##0.00' }, '元/t', null],
    ];
    const imported = importXlsx(xlsx(rows), 'n.xlsx');
    expect(products(imported.input).map((p) => [p.quantity, p.price ?? p.outputValue])).toEqual([
      [
        { value: '6.2', unit: 't' },
        { value: '2400.5', unit: '元/t' },
      ],
      [
        { value: '12345678', unit: 't' },
        { value: '6.2', unit: '万元' },
      ],
      [
        { value: '6.2', unit: 't' },
        { value: '3100', unit: '元/t' },
      ],
    ]);
    expect(imported.notes).toEqual([]);
  });

  it('refuses a unit word other than the unit, a shown number that is not the stored one, and 0.0"万元" in 元', () => {
    const rows: Cell[][] = [
      ...maize({ t: 'n', v: 6.2, z: '0.0"t"' }, 'kg', { t: 'n', v: -2400, z: '0;0' }),
      [AGRI, 'wheat', 'cropland', 'products[].outputValue', { t: 'n', v: 6.2, z: '0.0"万元"' }, '元', null],
      [AGRI, 'wheat', 'cropland', 'products[].quantity', '5000', 't', null],
    ];
    expect(issuesOf(() => importXlsx(xlsx(rows), 'n.xlsx'))).toEqual([
      `${at(6, 'quantity.value')}: the cell shows "6.2t" (number format 0.0"t": shows the unit "t" where the unit is "kg") but stores 6.2, so what it shows and what it stores differ and which was meant cannot be told; ${FIX}`,
      // 0;0 shows a negative number without its sign: -2400 shows 2400.
      `${at(7, 'price.value')}: the cell shows "2400" (number format 0;0: shows another number) but stores -2400, so what it shows and what it stores differ and which was meant cannot be told; ${FIX}`,
      `${at(8, 'outputValue.value').replace('products[0]', 'products[1]')}: the cell shows "6.2万元" (number format 0.0"万元": shows the unit "万元" where the unit is "元") but stores 6.2, so what it shows and what it stores differ and which was meant cannot be told; ${FIX}`,
    ]);
  });

  it('refuses 12 shown "12 %" in a plain-number field, and reads a year shown 2022年', () => {
    expect(
      issuesOf(() =>
        importXlsx(xlsx([['regulating.flood-regulation', null, null, 'lakes[].a', { t: 'n', v: 12, z: '0" %"' }, null, null]]), 'l.xlsx'),
      ),
    ).toContain(
      `l.xlsx, sheet data, row 6, column E: indicators.regulating.flood-regulation.lakes[0].a: the cell shows "12 %" (number format 0" %": shows the unit "%" where the field takes a plain number) but stores 12, so what it shows and what it stores differ and which was meant cannot be told; ${FIX}`,
    );
    expect(importXlsx(xlsx([], { year: { t: 'n', v: 2022, z: '0"年"' } })).input.accountingYear).toBe(2022);
  });

  it('reads what the cell shows: General in Chinese, accounting dashes and brackets, fractions, words SSF leaves out', () => {
    const view = (z: string, v: number) => {
      const s = shownNumber(z, v, numberCellText(v));
      return [s.shown, s.scale, s.differs, s.words];
    };
    expect(view('G/通用格式"万元"', 6.2)).toEqual(['6.2万元', 0, false, ['万元']]);
    expect(view('General"万"', 6.2)).toEqual(['6.2万', 0, false, ['万']]);
    expect(view('0.0万', 6.2)).toEqual(['6.2万', 0, false, ['万']]);
    expect(view('_(* #,##0_);_(* (#,##0);_(* "-"??_);_(@_)', -1234.5)).toEqual(['(1,235)', 0, false, []]);
    expect(view('_(* #,##0_);_(* (#,##0);_(* "-"??_);_(@_)', 0)[2]).toBe(false);
    expect(view('# ?/?', 6.2)).toEqual(['6 1/5', 0, false, []]);
    // 0.155 is stored as 0.15499999999999999889…; Excel and SSF show 0.16: a rounding, not another number.
    expect(view('0.00', 0.155)).toEqual(['0.16', 0, false, []]);
    expect(view('0.0"m3"', 6.2)).toEqual(['6.2m3', 0, false, ['m3']]);
    expect(view('#,##0.0,"千"', 1234.5)).toEqual(['1.2千', 1, true, ['千']]);
    // Longer than Excel allows (255 characters): no spreadsheet wrote it, and it is not rendered.
    expect(view('0'.repeat(256), 1)).toEqual([null, 0, true, []]);
  });
});

describe('numbers as statisticians type them', () => {
  it('reads 6.2万 t as 62 000 t and 1.5亿 元 as 150 000 000 元, with a note; never through a float', () => {
    const imported = importCsv(
      csv(
        'material.agriculture,maize,cropland,products[].quantity,6.2万,t,',
        'material.agriculture,maize,cropland,products[].outputValue,1.5亿,元,',
        'material.agriculture,wheat,cropland,products[].quantity,0.000000000000000000000123456789万,t,',
        'material.agriculture,wheat,cropland,products[].outputValue,３万亿,元,',
      ),
      'n.csv',
    );
    const products = (imported.input.indicators as Record<string, { products: Record<string, unknown>[] }>)['material.agriculture']!
      .products;
    expect(products.map((p) => [p.quantity, p.outputValue])).toEqual([
      [
        { value: '62000', unit: 't' },
        { value: '150000000', unit: '元' },
      ],
      [
        { value: '0.00000000000000000123456789', unit: 't' },
        { value: '3000000000000', unit: '元' },
      ],
    ]);
    expect(imported.notes.map((n) => describeIssue(n))).toEqual([
      'n.csv, row 6, column E: indicators.material.agriculture.products[0].quantity: read "6.2万" as 62000 t',
      'n.csv, row 7, column E: indicators.material.agriculture.products[0].outputValue: read "1.5亿" as 150000000 元',
      'n.csv, row 8, column E: indicators.material.agriculture.products[1].quantity: read "0.000000000000000000000123456789万" as 0.00000000000000000123456789 t',
      'n.csv, row 9, column E: indicators.material.agriculture.products[1].outputValue: read "３万亿" as 3000000000000 元',
    ]);
  });

  it('reads 15% typed in a cell as 15 %, and refuses it where the unit is another or the field has no unit', () => {
    const rows = (value: string, unit: string) => [
      `${WATER},,cropland,ecosystems[].area,620,km²,`,
      `${WATER},,cropland,ecosystems[].precipitation,510,mm,`,
      `${WATER},,cropland,ecosystems[].evapotranspiration,420,mm,`,
      `${WATER},,cropland,ecosystems[].runoffCoefficient,${value},${unit},`,
    ];
    expect(coefficient(importCsv(csv(...rows('15%', '')), 'r.csv').input)).toEqual({ value: '15', unit: '%' });
    expect(coefficient(importCsv(csv(...rows('15 ％', '1')), 'r.csv').input)).toEqual({ value: '0.15', unit: '1' });
    expect(issuesOf(() => importCsv(csv(...rows('15%', 'mm')), 'r.csv'))).toEqual([
      'r.csv, row 9, column E: indicators.regulating.water-conservation.ecosystems[0].runoffCoefficient.value: the cell holds a percentage (15%) but the unit here is "mm"; write the unit % or a number without %',
      'r.csv, row 9, column F: indicators.regulating.water-conservation.ecosystems[0].runoffCoefficient.unit: expected a unit of dimensionless (e.g. 1), found "mm"',
    ]);
    expect(issuesOf(() => importCsv(csv('regulating.flood-regulation,,,lakes[].a,15%,,'), 'l.csv'))).toContain(
      'l.csv, row 6, column E: indicators.regulating.flood-regulation.lakes[0].a: the cell holds a percentage (15%) but the unit here is none (this field takes a plain number); write the unit % or a number without %',
    );
  });

  it('reads the typed forms exactly and refuses what is not one', () => {
    expect(readTypedNumber('6.2万')).toEqual({ value: '62000', percent: false, multiplier: '万' });
    expect(readTypedNumber('-1,234.5亿')).toEqual({ value: '-123450000000', percent: false, multiplier: '亿' });
    expect(readTypedNumber('１２．５％')).toEqual({ value: '12.5', percent: true, multiplier: null });
    for (const t of ['万', '%', '6.2万元', '1/3万', 'x%', '6.2 千', '']) expect(readTypedNumber(t), t).toBeNull();
    expect(shiftDecimal('1e3', 4)).toBe('10000000');
    expect(shiftDecimal('0.5', -3)).toBe('0.0005');
    expect(shiftDecimal('-0.000', 8)).toBe('0');
    expect(shiftDecimal('12345678901234567890123456789012345678901234567890', 8)).toBe(
      `12345678901234567890123456789012345678901234567890${'0'.repeat(8)}`,
    );
  });
});

describe('formulas', () => {
  it("reads a formula's saved value, with a note naming the formula", () => {
    const rows: Cell[][] = [
      ['material.agriculture', 'maize', 'cropland', 'products[].quantity', { t: 'n', v: 1250, f: 'SUM(H6:H9)' }, 't', null],
      ['material.agriculture', 'maize', 'cropland', 'products[].price', { t: 'n', v: 0, f: 'H10' }, '元/t', null],
    ];
    const imported = importXlsx(xlsx(rows), 'f.xlsx');
    expect(
      (imported.input.indicators as Record<string, { products: Record<string, unknown>[] }>)['material.agriculture']!.products[0],
    ).toMatchObject({
      quantity: { value: '1250', unit: 't' },
      price: { value: '0', unit: '元/t' },
    });
    expect(imported.notes.map((n) => describeIssue(n))).toEqual([
      'f.xlsx, sheet data, row 6, column E: read the saved value "1250" of the formula =SUM(H6:H9)',
      'f.xlsx, sheet data, row 7, column E: read the saved value "0" of the formula =H10 (a program that does not calculate formulas saves 0: check this value)',
    ]);
  });

  it('refuses a formula without a saved value and a formula whose value is an error', () => {
    const rows: Cell[][] = [
      ['material.agriculture', 'maize', 'cropland', 'products[].quantity', { t: 'n', f: 'A1*2' } as CellObject, 't', null],
      ['material.agriculture', 'maize', 'cropland', 'products[].price', { t: 'e', v: 7, f: 'A1/0' }, '元/t', null],
    ];
    expect(issuesOf(() => importXlsx(xlsx(rows), 'f.xlsx'))).toEqual([
      'f.xlsx, sheet data, row 6, column E: the cell holds a formula (=A1*2, with no saved value); enter the value itself',
      'f.xlsx, sheet data, row 7, column E: the cell holds a spreadsheet error (#DIV/0! (from =A1/0))',
    ]);
  });
});
