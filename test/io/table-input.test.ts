import { describe, expect, it } from 'vitest';
import { utils, write } from '@e965/xlsx';
import { computeGep } from '../../src/accounts/gep.js';
import { gepResultToJson } from '../../src/accounts/serialize.js';
import { GepInputError, describeIssue, type GepIssue } from '../../src/errors/errors.js';
import { decodeText, importCsv } from '../../src/io/csv-input.js';
import { importAccountInput, importJson } from '../../src/io/read-input.js';
import { locateIssues } from '../../src/io/table-input.js';
import { importXlsx } from '../../src/io/xlsx-input.js';
import { gb18030 } from '../helpers/gb18030.js';

/** The issues an import throws, each rendered as one line. */
function issuesOf(run: () => unknown, lang: 'en' | 'zh' = 'en'): string[] {
  try {
    run();
  } catch (e) {
    if (e instanceof GepInputError) return e.issues.map((i: GepIssue) => describeIssue(i, lang));
    throw e;
  }
  throw new Error('expected a GepInputError');
}

const ACCOUNT = [
  '核算信息,,,region.name,测试县,,,',
  '核算信息,,,region.level,county,,,',
  '核算信息,,,accountingYear,2022,,,',
  '核算信息,,,priceYear,2022,,,',
];
const HEADER = '指标,项目,生态系统类型,字段,数值,单位,价格年份,说明';
const csv = (...rows: string[]) => [HEADER, ...ACCOUNT, ...rows].join('\r\n');
const bytes = (text: string) => new TextEncoder().encode(text);

// 1 250 t × 2 400 元/t = 3 000 000 元; 12 t × 3 000 元/t = 36 000 元; agriculture = 3 036 000 元.
const GOOD = csv(
  '农业产品,玉米,cropland,products[].quantity,"1,250",吨,,',
  '农业产品,玉米,cropland,products[].price,2400,元/吨,2022,',
  'material.agriculture,小麦,农田,quantity,１２,t,,full-width digits and the Chinese type name',
  'material.agriculture,小麦,农田,price,3000,元/t,,',
);

describe('CSV import (long form)', () => {
  it('reads Chinese headers, thousands separators, full-width digits, unit aliases and type names into the canonical input', () => {
    const { input } = importCsv(bytes(GOOD), 'good.csv');
    expect(input).toEqual({
      region: { name: '测试县', level: 'county' },
      accountingYear: 2022,
      priceYear: 2022,
      indicators: {
        'material.agriculture': {
          products: [
            {
              item: '玉米',
              ecosystemType: 'cropland',
              quantity: { value: '1250', unit: 't' },
              price: { value: '2400', unit: '元/t', priceYear: 2022 },
            },
            { item: '小麦', ecosystemType: 'cropland', quantity: { value: '12', unit: 't' }, price: { value: '3000', unit: '元/t' } },
          ],
        },
      },
    });
    const json = gepResultToJson(computeGep(input));
    expect(json.totals.material.value).toBe('3036000');
  });

  it('reads UTF-8 with a byte-order mark and GB18030, to the same input', () => {
    const plain = importCsv(bytes(GOOD)).input;
    expect(importCsv(bytes(`\ufeff${GOOD}`)).input).toEqual(plain);
    // 测试县 in GB18030 is B2 E2 CA D4 CF D8; build the whole file in GB18030 by hand.
    expect([...gb18030('测试县')]).toEqual([0xb2, 0xe2, 0xca, 0xd4, 0xcf, 0xd8]);
    const gb = gb18030(GOOD);
    expect(decodeText(gb).encoding).toBe('gb18030');
    expect(importCsv(gb).input).toEqual(plain);
  });

  it('reads JSON bytes in GB18030 like CSV, and locates bytes that are neither UTF-8 nor GB18030 (issue 13: 测试县 became garbage)', () => {
    const json = JSON.stringify({ region: { name: '测试县', level: 'county' }, accountingYear: 2022, priceYear: 2022, indicators: {} });
    expect((importJson(gb18030(json), 'gb.json').input.region as { name: string }).name).toBe('测试县');
    expect((importJson(bytes(`\ufeff${json}`), 'bom.json').input.region as { name: string }).name).toBe('测试县');
    // 0x81 0x30 opens a four-byte GB18030 sequence that 0x0a breaks: valid in neither encoding.
    const broken = new Uint8Array([...bytes('{\n"a":\n"'), 0x81, 0x30, 0x0a, ...bytes('"}')]);
    expect(issuesOf(() => importJson(broken, 'broken.json'))).toEqual([
      'broken.json, row 3: the file is neither UTF-8 nor GB18030 text: bytes that are valid in neither encoding (the first byte that is not UTF-8, 0x81, is byte 9 of the file)',
    ]);
    expect(issuesOf(() => importAccountInput(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0xff]), 'bom.json'))).toEqual([
      'bom.json, row 1: the file is neither UTF-8 nor GB18030 text: a UTF-8 byte-order mark followed by invalid UTF-8 (the first byte that is not UTF-8, 0xff, is byte 5 of the file)',
    ]);
  });

  it('reads tab-separated text too', () => {
    const tsv = GOOD.replace(/"1,250"/, '1250').replace(/,/g, '\t');
    expect(importCsv(bytes(tsv)).input).toEqual(importCsv(bytes(GOOD)).input);
  });

  it('collects every mistake of a file, located and described, in one error', () => {
    const bad = [
      `${HEADER},颜色`,
      '核算信息,,,region.name,测试县,,,',
      '核算信息,,,region.code,140799,,,',
      '核算信息,,,region.level,county,,,',
      '核算信息,,,accountingYear,2022,,,',
      '核算信息,,,priceYear,2022,,,',
      '农业产品,玉米,cropland,products[].quantity,"1,250",吨,,',
      '农业产品,玉米,cropland,products[].price,2400,元/吨,2022,',
      '农业产品,玉米,cropland,products[].price,2500,元/吨,2022,',
      '农业产品,小麦,cropland,products[].quantity,１２,斤,,',
      '农业产品,大豆,cropland,products[].quantity,"1,23,4",t,,',
      '林业产品,木材,forest,products[].yield,100,m³,,',
      '水源涵养,,forest,ecosystems[].area,-5,km²,,',
      '水源涵养,,forest,ecosystems[].precipitation,600,mm,,',
      '水源涵养,,forest,ecosystems[].evapotranspiration,400,mm,,',
      '水源涵养,,forest,ecosystems[].runoffCoefficient,1.2,1,,',
      '水源涵养,,cropland,ecosystems[].area,10,kg,,',
      '水资源,生活,,uses[].withdrawal,100,万m³,,',
      '渔业产品,鱼,,products[].quantity,5,t,2022,',
      '不存在的指标,,,x,1,,,',
    ].join('\n');
    expect(issuesOf(() => importCsv(bytes(bad), 'county.csv'))).toMatchInlineSnapshot(`
      [
        "county.csv, row 1, column I: unknown column "颜色"; expected indicator, line, item, ecosystem type, field, value, unit, price year, note (or 指标, 行号, 项目, 生态系统类型, 字段, 数值, 单位, 价格年份, 说明)",
        "county.csv, row 3, column E: region.code: "140799" is not in the GB/T 2260 division codes as expected (a county-level code in the GB/T 2260 list)",
        "county.csv, row 9, column E: indicators.material.agriculture.products[0].price: given twice (first in row 8, again as "2500")",
        "county.csv, row 10, column F: indicators.material.agriculture.products[1].quantity.unit: unknown unit "斤"",
        "county.csv, row 11, column E: indicators.material.agriculture.products[2].quantity.value: expected a decimal number written as text (e.g. "1234.5"), found "1,23,4"",
        "county.csv, row 12, column D: "products[].yield" is not an input field of material.forestry",
        "county.csv, row 13, column E: indicators.regulating.water-conservation.ecosystems[0].area.value: expected a value ≥ 0, found -5",
        "county.csv, row 16, column E: indicators.regulating.water-conservation.ecosystems[0].runoffCoefficient.value: expected a value ≤ 1, found 1.2",
        "county.csv, row 17, column C: a value is required at indicators.regulating.water-conservation.ecosystems[1].precipitation",
        "county.csv, row 17, column C: a value is required at indicators.regulating.water-conservation.ecosystems[1].evapotranspiration",
        "county.csv, row 17, column F: indicators.regulating.water-conservation.ecosystems[1].area.unit: expected a unit of length^2 (e.g. km²), found "kg"",
        "county.csv, row 18, column B: indicators.material.water-supply.uses[0].use: expected one of "domestic", "industrial", "agricultural", found "生活"",
        "county.csv, row 19, column G: indicators.material.fishery.products[0].quantity: the price year column must be empty here, found "2022"",
        "county.csv, row 20, column A: "不存在的指标" is not an indicator id or name; expected an implemented indicator id or name (gep indicators), or account (核算信息)",
      ]
    `);
  });
});

describe('messages in Chinese', () => {
  it('say the same, located the same', () => {
    const bad = csv('农业产品,玉米,cropland,products[].quantity,-3,斤,,', '林业产品,木材,forest,products[].yield,100,m³,,');
    expect(issuesOf(() => importCsv(bytes(bad), '县.csv'), 'zh')).toMatchInlineSnapshot(`
      [
        "县.csv，第 6 行，F 列：indicators.material.agriculture.products[0].quantity.unit：无法识别的单位 "斤"",
        "县.csv，第 7 行，D 列："products[].yield" 不是 material.forestry 的输入字段",
      ]
    `);
  });
});

/** A workbook from arrays of cells (strings, numbers, or `{ f: formula }`). */
function workbook(sheets: Record<string, (string | number | { f: string; v?: number | string } | null)[][]>): Uint8Array {
  const wb = utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = utils.aoa_to_sheet(rows.map((r) => r.map((c) => (c !== null && typeof c === 'object' ? null : c))));
    rows.forEach((r, ri) =>
      r.forEach((c, ci) => {
        // A formula with the value a spreadsheet saved for it, or none (a file no spreadsheet calculated).
        if (c !== null && typeof c === 'object')
          ws[utils.encode_cell({ r: ri, c: ci })] =
            c.v === undefined ? { t: 'n', f: c.f } : { t: typeof c.v === 'number' ? 'n' : 's', v: c.v, f: c.f };
      }),
    );
    utils.book_append_sheet(wb, ws, name);
  }
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

const ACCOUNT_ROWS = [
  ['field', 'value'],
  ['region.name', 'Test County'],
  ['region.code', '140702'],
  ['region.level', 'county'],
  ['accountingYear', 2022],
  ['priceYear', 2022],
];

describe('XLSX import', () => {
  it('reads a sheet per indicator in wide form, units in the headers, numeric cells as their shortest decimal', () => {
    const x = workbook({
      account: ACCOUNT_ROWS,
      水源涵养: [
        ['生态系统类型', '面积(公顷)', '降水量(mm)', '蒸散量（毫米）', 'runoffCoefficient (%)'],
        ['落叶阔叶林', 42000, 560, 420, null],
        ['cropland', '62,000', 510, 420, 12],
      ],
      README: [['anything here is not read', '=1+1']],
    });
    const { input } = importXlsx(x, 'wide.xlsx');
    expect(input.region).toEqual({ name: 'Test County', code: '140702', level: 'county' });
    expect(input.indicators).toEqual({
      'regulating.water-conservation': {
        ecosystems: [
          {
            ecosystemType: 'deciduous-broadleaf-forest',
            area: { value: '42000', unit: 'hm²' },
            precipitation: { value: '560', unit: 'mm' },
            evapotranspiration: { value: '420', unit: 'mm' },
          },
          {
            ecosystemType: 'cropland',
            area: { value: '62000', unit: 'hm²' },
            precipitation: { value: '510', unit: 'mm' },
            evapotranspiration: { value: '420', unit: 'mm' },
            runoffCoefficient: { value: '12', unit: '%' },
          },
        ],
      },
    });
    // Hand check of the cropland line: 620 km² × (510 − 510 × 12 % − 420) mm = 620e6 m² × 0.0288 m = 17 856 000 m³/a.
    const wc = gepResultToJson(computeGep(input)).indicators.find((i) => i.id === 'regulating.water-conservation')!;
    expect(wc.quantity.lines.find((l) => l.ecosystemType === 'cropland')!.quantity).toEqual({ value: '17856000', unit: 'm³/a' });
  });

  it('refuses formula cells without a saved value, and reads hostile text as plain text', () => {
    const x = workbook({
      核算信息: ACCOUNT_ROWS,
      物质产品: [
        ['指标', '项目', '字段', '数值', '单位'],
        ['material.agriculture', "=cmd|' /C calc'!A0", 'products[].quantity', 10, 't'],
        ['material.agriculture', "=cmd|' /C calc'!A0", 'products[].outputValue', { f: 'SUM(D2:D2)' }, '元'],
      ],
    });
    expect(issuesOf(() => importXlsx(x, 'hostile.xlsx'))).toMatchInlineSnapshot(`
      [
        "hostile.xlsx, sheet 物质产品, row 3, column D: the cell holds a formula (=SUM(D2:D2), with no saved value); enter the value itself",
      ]
    `);
    const ok = workbook({
      核算信息: ACCOUNT_ROWS,
      物质产品: [
        ['指标', '项目', '字段', '数值', '单位'],
        ['material.agriculture', "=cmd|' /C calc'!A0", 'products[].quantity', 10, 't'],
        ['material.agriculture', "=cmd|' /C calc'!A0", 'products[].outputValue', 500, '元'],
      ],
    });
    expect(
      (importXlsx(ok).input.indicators as Record<string, { products: { item: string }[] }>)['material.agriculture']!.products[0]!.item,
    ).toBe("=cmd|' /C calc'!A0");
  });

  it('refuses a file that is not a workbook, with its name', () => {
    expect(issuesOf(() => importAccountInput(bytes('hello'), 'fake.xlsx'))).toEqual([
      'fake.xlsx: the file is not a readable XLSX workbook: not a ZIP container (an .xlsx file starts with "PK")',
    ]);
    expect(issuesOf(() => importAccountInput(bytes('{}'), 'input.yaml'))).toEqual([
      'input.yaml: cannot read "input.yaml": expected a .json, .csv or .xlsx file',
    ]);
  });
});

describe('issues found after the import', () => {
  it('are located at the row the value came from', () => {
    // No price and no output value for 小麦: computeGep finds it, the importer's map locates it.
    const text = csv('农业产品,小麦,cropland,products[].quantity,12,t,,', '农业产品,小麦,cropland,products[].price,,元/t,,');
    const imported = importCsv(bytes(text), 'late.csv');
    let error: GepInputError | undefined;
    try {
      computeGep(imported.input);
    } catch (e) {
      error = e as GepInputError;
    }
    expect(locateIssues(error!, imported, 'late.csv').issues.map((i) => describeIssue(i))).toEqual([
      'late.csv, row 7, column E: a value is required at indicators.material.agriculture.products[0].price (expected a unit price or an outputValue)',
    ]);
  });

  it('point at the ecosystem-type cell for an unknown ecosystem type, not at the item cell (issue 16)', () => {
    const text = csv('农业产品,玉米,wetlandz,products[].quantity,12,t,,', '农业产品,玉米,wetlandz,products[].price,2400,元/t,,');
    expect(issuesOf(() => importCsv(bytes(text), 'eco.csv'))).toEqual([
      'eco.csv, row 6, column C: indicators.material.agriculture.products[0].ecosystemType: expected a known ecosystem type id (see gep ecosystem-types), found "wetlandz"',
    ]);
  });
});
