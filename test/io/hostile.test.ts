/**
 * Hostile files: keys that reach prototypes, a huge cell, very long lines, deep nesting, long
 * lists, ZIP bombs disguised as workbooks. Each is refused with a located `GepInputError` within
 * bounded time (the limits: src/io/limits.ts, docs/reliability.md), and nothing is polluted.
 * And nothing is lost: data the importers would not read is reported, never dropped.
 */
import { inflateRawSync } from 'node:zlib';
import { utils, write } from '@e965/xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { GepInputError, describeIssue, messageOf } from '../../src/errors/errors.js';
import { importCsv } from '../../src/io/csv-input.js';
import { DEFAULT_READ_LIMITS } from '../../src/io/limits.js';
import { importAccountInput, importJson } from '../../src/io/read-input.js';
import { importXlsx } from '../../src/io/xlsx-input.js';
import { checkZip, inflatedSize } from '../../src/io/zip-guard.js';
import { isDecimalText } from '../../src/numbers/arithmetic.js';
import { getProfile } from '../../src/profiles/profiles.js';
import type { GepInput } from '../../src/accounts/input.js';

/** The issues an import throws, one line each. */
function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    if (e instanceof GepInputError) return e.issues.map((i) => describeIssue(i));
    throw e;
  }
  throw new Error('expected a GepInputError');
}

/** Run and time it: the refusal must come within `ms`. */
function refusedWithin(ms: number, run: () => unknown): string[] {
  const t0 = performance.now();
  const issues = issuesOf(run);
  expect(performance.now() - t0, issues.join('; ')).toBeLessThan(ms);
  return issues;
}

const ACCOUNT = [
  'account,,,,region.name,测试县,,,',
  'account,,,,region.level,county,,,',
  'account,,,,accountingYear,2022,,,',
  'account,,,,priceYear,2022,,,',
];
const HEADER = 'indicator,line,item,ecosystem type,field,value,unit,price year,note';
const csv = (...rows: string[]) => [HEADER, ...ACCOUNT, ...rows].join('\r\n');
const AGRI = [
  'material.agriculture,,maize,cropland,products[].quantity,1250,t,,',
  'material.agriculture,,maize,cropland,products[].price,2400,元/t,2022,',
];
const GOOD_JSON = {
  region: { name: '测试县', level: 'county' },
  accountingYear: 2022,
  priceYear: 2022,
  indicators: {
    'material.agriculture': {
      products: [{ item: 'maize', quantity: { value: '1250', unit: 't' }, price: { value: '2400', unit: '元/t' } }],
    },
  },
};

/** Own property names of the built-in prototypes, to prove none was added. */
const prototypes = () =>
  [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) => Object.getOwnPropertyNames(p).sort().join(','));

describe('keys that reach prototypes', () => {
  let before: string[];
  beforeEach(() => {
    before = prototypes();
  });
  afterEach(() => {
    expect(prototypes()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('are refused in JSON wherever they sit, each with its path', () => {
    const text = `{
      "__proto__": { "polluted": true },
      "region": { "name": "x", "level": "county", "constructor": { "prototype": { "polluted": true } } },
      "accountingYear": 2022, "priceYear": 2022,
      "indicators": { "material.agriculture": { "products": [{ "item": "a", "prototype": 1, "quantity": { "value": "1", "unit": "t", "__proto__": { "polluted": 1 } } }] } }
    }`;
    expect(issuesOf(() => importJson(text, 'proto.json'))).toEqual([
      'proto.json: (root): the key "__proto__" is not allowed in an input (it could alter object prototypes)',
      'proto.json: region: the key "constructor" is not allowed in an input (it could alter object prototypes)',
      'proto.json: indicators.material.agriculture.products[0]: the key "prototype" is not allowed in an input (it could alter object prototypes)',
      'proto.json: indicators.material.agriculture.products[0].quantity: the key "__proto__" is not allowed in an input (it could alter object prototypes)',
    ]);
    const zh = (() => {
      try {
        importJson('{"__proto__": {}}', 'proto.json');
      } catch (e) {
        return messageOf((e as GepInputError).issues[0]!, 'zh');
      }
    })();
    expect(zh).toBe('(root)：输入中不允许使用键名 "__proto__"（可能篡改对象原型）');
  });

  it('given to computeGep directly as an indicators block, are reported, not dropped (issue-9 __proto__ block)', () => {
    // zod's record drops a "__proto__" key: the block vanished without a word before this was fixed.
    const input: GepInput = JSON.parse(
      `{"region":{"name":"x","level":"county"},"accountingYear":2022,"priceYear":2022,"indicators":{"__proto__":{"products":[]},"constructor":{}}}`,
    );
    expect(issuesOf(() => computeGep(input))).toEqual([
      'indicators.__proto__: "__proto__" is not an indicator of the catalogue (see gep indicators)',
      'indicators.constructor: "constructor" is not an indicator of the catalogue (see gep indicators)',
    ]);
  });

  it('in CSV cells (indicator, item, field, unit, ecosystem type) are read as text or refused, never used as keys', () => {
    const issues = issuesOf(() =>
      importCsv(
        csv(
          '__proto__,,a,,products[].quantity,1,t,,',
          'material.agriculture,,__proto__,constructor,products[].quantity,1,prototype,,',
          'material.agriculture,,x,,__proto__.polluted,1,t,,',
          'material.agriculture,,y,,constructor.prototype.polluted,1,t,,',
        ),
        'proto.csv',
      ),
    );
    expect(issues.length).toBeGreaterThanOrEqual(4);
    for (const i of issues) expect(i).toMatch(/^proto\.csv, row \d+/);
  });

  it('in XLSX sheet names, cells and custom properties are read as text or refused', () => {
    const wb = utils.book_new();
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      utils.book_append_sheet(
        wb,
        utils.aoa_to_sheet([
          HEADER.split(','),
          ['__proto__', '', 'constructor', 'prototype', 'products[].quantity', '1', '__proto__', '', ''],
        ]),
        name,
      );
    }
    const props: Record<string, string> = {};
    Object.defineProperty(props, '__proto__', { value: 'polluted', enumerable: true });
    wb.Custprops = props;
    wb.Workbook = { Names: [{ Name: 'constructor', Ref: '__proto__!$A$1' }] };
    const bytes = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const issues = issuesOf(() => importXlsx(bytes, 'proto.xlsx'));
    expect(issues.filter((i) => /^proto\.xlsx, sheet (__proto__|constructor|prototype), row 2/.test(i)).length).toBeGreaterThanOrEqual(3);
    for (const i of issues) expect(i).toMatch(/^proto\.xlsx/);
  });
});

describe('reading limits', () => {
  it('have stated defaults', () => {
    expect(DEFAULT_READ_LIMITS).toEqual({
      maxBytes: 33_554_432,
      maxUncompressedBytes: 134_217_728,
      maxDepth: 64,
      maxCellChars: 32_767,
      maxRows: 100_000,
      maxColumns: 1_000,
      maxLineChars: 1_048_576,
      maxHeaderChars: 256,
      maxCells: 2_000_000,
    });
  });

  it('refuse a file larger than maxBytes before reading it, in every format', () => {
    const big = new Uint8Array(DEFAULT_READ_LIMITS.maxBytes + 1);
    for (const file of ['big.json', 'big.csv', 'big.xlsx']) {
      expect(refusedWithin(1000, () => importAccountInput(big, file))).toEqual([
        `${file}: the file is too large to read: 33554433 bytes; the limit is 33554432 bytes (option limits.maxBytes)`,
      ]);
    }
    expect(issuesOf(() => importAccountInput(JSON.stringify(GOOD_JSON), 'small.json', 'json', { limits: { maxBytes: 100 } }))[0]).toMatch(
      /too large to read: \d+ characters; the limit is 100 characters/,
    );
  });

  it('refuse a huge cell: CSV and XLSX at the cell, JSON at the string, with row and column', () => {
    const huge = 'x'.repeat(40_000);
    expect(
      refusedWithin(2000, () =>
        importCsv(csv(...AGRI, `material.agriculture,,maize,cropland,products[].outputValue,1,元,,${huge}`), 'huge.csv'),
      ),
    ).toEqual([
      'huge.csv, row 8, column I: the cell is too long: a text of 40000 characters; the limit is at most 32767 characters (option limits.maxCellChars)',
    ]);
    const ws = utils.aoa_to_sheet([
      HEADER.split(','),
      ...ACCOUNT.map((r) => r.split(',')),
      ['material.agriculture', '', huge.slice(0, 32_767), 'cropland', 'products[].quantity', '1', 't', '', ''],
    ]);
    const wb = utils.book_new();
    utils.book_append_sheet(wb, ws, 'data');
    const xlsx = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    expect(refusedWithin(2000, () => importXlsx(xlsx, 'huge.xlsx', { limits: { maxCellChars: 1000 } }))).toEqual([
      'huge.xlsx, sheet data, row 6, column C: the cell is too long: a text of 32767 characters; the limit is at most 1000 characters (option limits.maxCellChars)',
    ]);
    expect(refusedWithin(2000, () => importJson(`{"region": {"name": "${huge}"}}`, 'huge.json'))).toEqual([
      'huge.json, row 1, column 21: the cell is too long: a text of 40000 characters; the limit is at most 32767 characters (option limits.maxCellChars)',
    ]);
  });

  it('refuse very long CSV lines (one huge record, or too many columns) with the row', () => {
    const longLine = `material.agriculture,,maize,cropland,products[].quantity,1,t,,${'y'.repeat(30_000)},${'z'.repeat(30_000)}`.repeat(20);
    expect(refusedWithin(3000, () => importCsv(csv(longLine), 'long.csv'))[0]).toMatch(
      /^long\.csv, row \d+: a line is too long: a record of more than 1048576 characters; the limit is at most 1048576 \(option limits\.maxLineChars\)$/,
    );
    const wide = csv(...AGRI, `${'1,'.repeat(5000)}1`);
    expect(refusedWithin(3000, () => importCsv(wide, 'wide.csv'))).toEqual([
      'wide.csv, row 8, column ALM: too many columns: 5001 columns; the limit is at most 1000 (option limits.maxColumns)',
    ]);
  });

  it('refuse deeply nested JSON without recursion, whatever the depth', () => {
    for (const depth of [65, 10_000, 1_000_000]) {
      expect(refusedWithin(3000, () => importJson(`${'['.repeat(depth)}${']'.repeat(depth)}`, 'deep.json'))).toEqual([
        'deep.json, row 1, column 65: the file is nested too deeply: more than 64 levels of nested lists and objects; the limit is at most 64 levels (option limits.maxDepth)',
      ]);
    }
    expect(importJson(JSON.stringify(GOOD_JSON), 'ok.json').input).toEqual(GOOD_JSON);
  });

  it('refuse too many rows: a CSV file, an XLSX sheet, a JSON list', () => {
    const rows = Array.from({ length: 100_001 }, (_, i) => `material.agriculture,${i},p${i},,products[].quantity,1,t,,`);
    expect(refusedWithin(10_000, () => importCsv(csv(...rows), 'rows.csv'))).toEqual([
      'rows.csv, row 100001: too many rows: 100001 rows; the limit is at most 100000 (option limits.maxRows)',
    ]);
    const ws = utils.aoa_to_sheet([HEADER.split(','), ...ACCOUNT.map((r) => r.split(',')), ...rows.slice(0, 60).map((r) => r.split(','))]);
    const wb = utils.book_new();
    utils.book_append_sheet(wb, ws, 'data');
    const xlsx = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    expect(refusedWithin(3000, () => importXlsx(xlsx, 'rows.xlsx', { limits: { maxRows: 50 } }))).toEqual([
      'rows.xlsx, sheet data: too many rows: 65 rows (A1:I65); the limit is at most 50 (option limits.maxRows)',
    ]);
    const list = `{"indicators":{"material.agriculture":{"products":[${'{},'.repeat(100_000)}{}]}}}`;
    expect(refusedWithin(3000, () => importJson(list, 'list.json'))[0]).toMatch(
      /^list\.json, row 1, column \d+: too many rows: a list of more than 100000 elements; the limit is at most 100000 \(option limits\.maxRows\)$/,
    );
  });
});

describe('cell budget and header length (issue 13: a 33 MB CSV of empty cells needed 1.8 GB)', () => {
  it('refuses a 33 MB CSV of empty cells before building them, at the line where the budget ran out, in bounded time and memory', () => {
    const line = ','.repeat(999); // 1 000 empty cells
    const text = Array.from({ length: 33_001 }, () => line).join('\n');
    expect(text.length).toBeGreaterThan(33_000_000);
    const before = process.memoryUsage().heapUsed;
    expect(refusedWithin(5_000, () => importCsv(text, 'empty.csv'))).toEqual([
      'empty.csv, row 2001: too many cells: more than 2000000 cells by line 2001; the limit is at most 2000000 cells, empty ones included (option limits.maxCells)',
    ]);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(400 * 1024 * 1024);
  });

  it('takes the budget as an option, in CSV and XLSX', () => {
    expect(refusedWithin(2_000, () => importCsv(csv(...AGRI), 'small.csv', { limits: { maxCells: 20 } }))).toEqual([
      'small.csv, row 3: too many cells: more than 20 cells by line 3; the limit is at most 20 cells, empty ones included (option limits.maxCells)',
    ]);
    const ws = utils.aoa_to_sheet([HEADER.split(','), ...ACCOUNT.map((r) => r.split(',')), ...AGRI.map((r) => r.split(','))]);
    const wb = utils.book_new();
    utils.book_append_sheet(wb, ws, 'data');
    const xlsx = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    expect(refusedWithin(2_000, () => importXlsx(xlsx, 'small.xlsx', { limits: { maxCells: 30 } }))).toEqual([
      'small.xlsx, sheet data, row 4: too many cells: more than 30 cells by row 4; the limit is at most 30 cells, empty ones included (option limits.maxCells)',
    ]);
    expect(() => importCsv(csv(...AGRI), 'small.csv')).not.toThrow();
  });

  it('refuses a header, field or unit cell longer than maxHeaderChars, at the cell', () => {
    const long = `t${'x'.repeat(300)}`;
    expect(
      issuesOf(() => importCsv(csv(`material.agriculture,,maize,cropland,products[].quantity,1250,${long},,`, AGRI[1]!), 'u.csv')),
    ).toEqual([
      'u.csv, row 6, column G: the cell is too long: a text of 301 characters; the limit is at most 256 characters in a header, indicator, field, unit, ecosystem type, line or price-year cell (option limits.maxHeaderChars)',
      'u.csv, row 7, column C: a value is required at indicators.material.agriculture.products[0].quantity', // the refused row was not read
    ]);
    expect(issuesOf(() => importCsv(`${HEADER},面积(${'公顷'.repeat(200)})\r\n${ACCOUNT.join('\r\n')}`, 'h.csv'))[0]).toBe(
      'h.csv, row 1, column J: the cell is too long: a text of 404 characters; the limit is at most 256 characters in a header, indicator, field, unit, ecosystem type, line or price-year cell (option limits.maxHeaderChars)',
    );
  });
});

// ------------------------------------------------------------------------------------------------
// ZIP bombs

/** A little-endian bit writer for hand-made deflate streams. */
function bitWriter() {
  const bytes: number[] = [];
  let acc = 0;
  let n = 0;
  return {
    bits(value: number, count: number) {
      for (let i = 0; i < count; i++) {
        acc |= ((value >> i) & 1) << n;
        if (++n === 8) {
          bytes.push(acc);
          acc = 0;
          n = 0;
        }
      }
    },
    /** A Huffman code is written most significant bit first. */
    code(value: number, count: number) {
      for (let i = count - 1; i >= 0; i--) this.bits((value >> i) & 1, 1);
    },
    done() {
      if (n) bytes.push(acc);
      return Uint8Array.from(bytes);
    },
  };
}

/** A deflate stream that inflates to 1 + 258 × `copies` bytes of "<": a literal, then copies of length 258 at distance 1. */
function bombStream(copies: number, final = true): Uint8Array {
  const w = bitWriter();
  w.bits(final ? 1 : 0, 1);
  w.bits(1, 2); // fixed Huffman
  w.code(0x30 + 0x3c, 8); // literal "<" (0x3c): codes 0-143 are 0x30 + literal, 8 bits
  for (let i = 0; i < copies; i++) {
    w.code(0b11000101, 8); // length code 285 = 258 bytes (codes 280-287 are 0xc0 + (code − 280), 8 bits)
    w.code(0, 5); // distance code 0 = 1
  }
  w.code(0, 7); // end of block (256)
  return w.done();
}

/** A ZIP archive with the given entries, sizes as declared (CRC left 0: the guard reads none). */
function zipOf(entries: { name: string; data: Uint8Array; method?: number; declaredSize?: number }[]): Uint8Array {
  const parts: number[] = [];
  const central: number[] = [];
  const u16 = (a: number[], v: number) => a.push(v & 0xff, (v >>> 8) & 0xff);
  const u32 = (a: number[], v: number) => a.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  for (const e of entries) {
    const name = new TextEncoder().encode(e.name);
    const offset = parts.length;
    const method = e.method ?? 8;
    const usz = e.declaredSize ?? e.data.length;
    u32(parts, 0x04034b50);
    u16(parts, 20);
    u16(parts, 0);
    u16(parts, method);
    u32(parts, 0);
    u32(parts, 0);
    u32(parts, e.data.length);
    u32(parts, usz);
    u16(parts, name.length);
    u16(parts, 0);
    parts.push(...name);
    for (const b of e.data) parts.push(b);
    u32(central, 0x02014b50);
    u16(central, 20);
    u16(central, 20);
    u16(central, 0);
    u16(central, method);
    u32(central, 0);
    u32(central, 0);
    u32(central, e.data.length);
    u32(central, usz);
    u16(central, name.length);
    u16(central, 0);
    u16(central, 0);
    u16(central, 0);
    u16(central, 0);
    u32(central, 0);
    u32(central, offset);
    central.push(...name);
  }
  const cdOffset = parts.length;
  const end: number[] = [];
  u32(end, 0x06054b50);
  u16(end, 0);
  u16(end, 0);
  u16(end, entries.length);
  u16(end, entries.length);
  u32(end, central.length);
  u32(end, cdOffset);
  u16(end, 0);
  return Uint8Array.from([...parts, ...central, ...end]);
}

describe('ZIP bombs disguised as workbooks', () => {
  it('the hand-made bomb stream is valid deflate: zlib and the guard agree on its size', () => {
    const stream = bombStream(1000);
    expect(inflateRawSync(stream).length).toBe(1 + 258 * 1000);
    expect(inflatedSize(stream, 0, 10 ** 9)).toBe(1 + 258 * 1000);
  });

  it('refuses a workbook part that inflates past maxUncompressedBytes, counting without inflating, in bounded time and memory', () => {
    // ~1.6 MB of deflate that would inflate to 1 GiB (4.2 million copies of 258 bytes)
    const bomb = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: bombStream(4_200_000) }]);
    expect(bomb.length).toBeLessThan(8_000_000);
    const heap = process.memoryUsage().heapUsed;
    expect(refusedWithin(5000, () => importXlsx(bomb, 'bomb.xlsx'))).toEqual([
      'bomb.xlsx: the file is too large to read: a workbook whose parts inflate to more than 134217728 bytes (a ZIP bomb?); the limit is 134217728 bytes (option limits.maxUncompressedBytes)',
    ]);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(64 * 1024 * 1024);
  });

  it('counts the real size when the archive declares a small one, and refuses a declared size past the limit before inflating', () => {
    const lying = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: bombStream(600_000), declaredSize: 1000 }]);
    expect(checkZip(lying, 100 * 1024 * 1024)).toEqual({ ok: false, refusal: { kind: 'too-large', size: 104_857_600 } });
    const declared = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: bombStream(1), declaredSize: 0xffffffff }]);
    expect(checkZip(declared, DEFAULT_READ_LIMITS.maxUncompressedBytes)).toEqual({
      ok: false,
      refusal: { kind: 'too-large', size: 134_217_728 },
    });
    // many entries pointing at the same data (overlapping files): each one counts
    const overlapping = zipOf(Array.from({ length: 200 }, (_, i) => ({ name: `xl/part${i}.xml`, data: bombStream(2000) })));
    expect(checkZip(overlapping, 10 * 516_001).ok).toBe(false);
  });

  it('refuses a deflate stream that does not end where it should (SheetJS would read past the end of the file forever), and other malformed archives', () => {
    const unfinished = bombStream(10, false);
    expect(() => inflatedSize(unfinished, 0, 10 ** 9)).toThrow('a deflate stream runs past the end of the file');
    const endless = zipOf([{ name: 'xl/workbook.xml', data: unfinished }]);
    expect(refusedWithin(1000, () => importXlsx(endless, 'endless.xlsx'))).toEqual([
      'endless.xlsx: the file is not a readable XLSX workbook: a stored deflate block has a bad length',
    ]);
    expect(issuesOf(() => importXlsx(zipOf([{ name: 'a', data: Uint8Array.of(1, 2, 3), method: 12 }]), 'bzip.xlsx'))).toEqual([
      'bzip.xlsx: the file is not a readable XLSX workbook: a ZIP entry uses compression method 12',
    ]);
    const noDirectory = bombStream(1);
    expect(issuesOf(() => importXlsx(Uint8Array.from([0x50, 0x4b, 3, 4, ...noDirectory]), 'cut.xlsx'))).toEqual([
      'cut.xlsx: the file is not a readable XLSX workbook: no ZIP end-of-central-directory record',
    ]);
  });

  it('lets a real workbook through: the sample template inflates far below the limit', () => {
    const ws = utils.aoa_to_sheet([HEADER.split(','), ...ACCOUNT.map((r) => r.split(',')), ...AGRI.map((r) => r.split(','))]);
    const wb = utils.book_new();
    utils.book_append_sheet(wb, ws, 'data');
    const xlsx = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
    const zip = checkZip(xlsx, DEFAULT_READ_LIMITS.maxUncompressedBytes);
    expect(zip.ok && zip.size).toBeGreaterThan(xlsx.length);
    expect(importXlsx(xlsx, 'ok.xlsx').input).toMatchObject({ region: { name: '测试县' } });
  });
});

describe('nothing lost', () => {
  it('reports a CSV cell in a column without a header, at its row and column, instead of dropping it', () => {
    expect(issuesOf(() => importCsv(csv(`${AGRI[0]},stray`, `${AGRI[1]},,,also stray`), 'stray.csv'))).toEqual([
      'stray.csv, row 6, column J: the cell holds "stray" but its column has no header, so it would not be read; give its column a header or clear it',
      'stray.csv, row 7, column L: the cell holds "also stray" but its column has no header, so it would not be read; give its column a header or clear it',
    ]);
    expect(issuesOf(() => importCsv(csv(...AGRI, ',,,,,,,,,orphan'), 'orphan.csv'))).toEqual([
      'orphan.csv, row 8, column J: the cell holds "orphan" but its column has no header, so it would not be read; give its column a header or clear it',
    ]);
  });

  it('warns, naming them, about input blocks that no indicator of the profile reads', () => {
    const profile = {
      ...getProfile('national-2022')!,
      indicators: getProfile('national-2022')!.indicators.filter((p) => p.id !== 'material.agriculture'),
    };
    const input: unknown = {
      ...GOOD_JSON,
      indicators: { ...GOOD_JSON.indicators, 'material.forestry': GOOD_JSON.indicators['material.agriculture'] },
    };
    const result = computeGep(input, { profile });
    expect(result.warnings.filter((w) => w.code === 'input-not-in-profile').map((w) => w.message)).toEqual([
      'input blocks not used because profile national-2022 does not enable them: material.agriculture',
    ]);
    expect(result.indicators.map((i) => i.id)).toEqual(['material.forestry']);
  });
});

describe('numbers that cannot be computed (found by the fuzz tests of issue 9)', () => {
  it('refuses a fraction with a zero denominator as not a number, instead of a division-by-zero crash (issue-9 1/0)', () => {
    expect(isDecimalText('1/0')).toBe(false);
    expect(isDecimalText('0/0.0')).toBe(false);
    expect(isDecimalText('44/12')).toBe(true);
    const input: unknown = {
      ...GOOD_JSON,
      indicators: {
        'material.agriculture': { products: [{ item: 'a', quantity: { value: '0/0', unit: 't' }, price: { value: '1', unit: '元/t' } }] },
      },
    };
    expect(issuesOf(() => computeGep(input))).toEqual([
      'indicators.material.agriculture.products[0].quantity.value: expected a decimal number written as text (e.g. "1234.5"), found "0/0"',
    ]);
  });

  it('refuses an exponent of five or more digits, which decimal.js cannot hold finitely (issue-9 1e99999)', () => {
    expect(isDecimalText('1e9999')).toBe(true);
    expect(isDecimalText('1e99999')).toBe(false);
    expect(isDecimalText('9e15000000000000000')).toBe(false);
  });

  it('turns a float overflow into an input issue naming the indicator, not an uncaught error (issue-9 float overflow)', async () => {
    const { floatArithmetic } = await import('../../src/numbers/arithmetic.js');
    const input: unknown = {
      ...GOOD_JSON,
      indicators: {
        'material.agriculture': {
          products: [{ item: 'a', quantity: { value: '1e200', unit: 't' }, price: { value: '1e200', unit: '元/t' } }],
        },
      },
    };
    expect(issuesOf(() => computeGep(input, { arithmetic: floatArithmetic }))).toEqual([
      'indicators.material.agriculture: the values given cannot be computed: a float64 operation gave a non-finite result',
    ]);
    expect(computeGep(input).totals.gep.value.toString()).toBe('1e+400');
  });

  it('reads a sheet named __proto__ or constructor as no category (issue-9 prototype lookup in the normaliser)', async () => {
    const { categoryOfSheet, fieldWord } = await import('../../src/io/normalise.js');
    expect(categoryOfSheet('__proto__')).toBeNull();
    expect(categoryOfSheet('constructor')).toBeNull();
    expect(categoryOfSheet('调节服务 regulating')).toBe('regulating');
    expect(fieldWord('constructor')).toBe('constructor');
    expect(fieldWord('面积')).toBe('area');
  });

  it('reports a damaged workbook that lists a sheet whose part is missing, instead of a TypeError (issue-9 missing sheet part)', () => {
    const wb = utils.book_new();
    utils.book_append_sheet(wb, utils.aoa_to_sheet([['a']]), 'data');
    const bytes = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx', compression: false }) as ArrayBuffer);
    // Rename the sheet part in the archive (stored, so the name is plain text): the workbook still lists it.
    const text = new TextDecoder('latin1').decode(bytes);
    const broken = Uint8Array.from(text.replaceAll('xl/worksheets/sheet1.xml', 'xl/worksheets/sheetX.xml'), (c) => c.charCodeAt(0));
    const issues = issuesOf(() => importXlsx(broken, 'damaged.xlsx'));
    expect(issues[0]).toMatch(/^damaged\.xlsx(, sheet data)?: the file is not a readable XLSX workbook/);
  });
});
