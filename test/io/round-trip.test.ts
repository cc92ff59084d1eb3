import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { gepResultToJson } from '../../src/accounts/serialize.js';
import { importCsv } from '../../src/io/csv-input.js';
import { inputHash } from '../../src/io/hash.js';
import { inputToCsv, inputToXlsx } from '../../src/io/input-export.js';
import { importJson } from '../../src/io/read-input.js';
import { resultToExportJson } from '../../src/io/result-export.js';
import { importXlsx } from '../../src/io/xlsx-input.js';

const SAMPLE = readFileSync('fixtures/sample-county/input.json', 'utf8');
const withoutSchema = (x: Record<string, unknown>) => Object.fromEntries(Object.entries(x).filter(([k]) => k !== '$schema'));
const exported = (input: unknown) => resultToExportJson(gepResultToJson(computeGep(input)), { inputHash: inputHash(input) });

describe('export → import → compute', () => {
  const original = importJson(SAMPLE, 'input.json').input;

  it('gives back the sample county input and an identical result through CSV (zh and en)', () => {
    for (const lang of ['zh', 'en'] as const) {
      const back = importCsv(new TextEncoder().encode(inputToCsv(original, lang)), 'sample.csv').input;
      expect(back).toEqual(withoutSchema(original));
      expect(exported(back)).toEqual(exported(original));
    }
  });

  it('gives back the sample county input and an identical result through XLSX', () => {
    const back = importXlsx(inputToXlsx(original, 'en'), 'sample.xlsx').input;
    expect(back).toEqual(withoutSchema(original));
    expect(exported(back)).toEqual(exported(original));
    expect(exported(back).export.inputHash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('gives back generated inputs: odd item names, formula-like text, long decimals, repeated names', () => {
    const decimal = fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.option(fc.stringMatching(/^\d{1,8}$/), { nil: undefined }))
      .map(([i, f]) => (f === undefined ? i.toString() : `${i}.${f}`));
    const name = fc.oneof(
      fc.constantFrom('玉米 maize', "=cmd|' /C calc'!A0", '+1', '@SUM(A1)', '-x', 'a, "quoted" name', '多行\n名称', '苹果'),
      fc.stringMatching(/^[A-Za-z\u4e00-\u4e2f][A-Za-z0-9 \u4e00-\u4e2f]{0,10}[A-Za-z\u4e00-\u4e2f]$/),
    );
    const product = fc.record(
      {
        item: name,
        quantity: fc.record({ value: decimal, unit: fc.constantFrom('t', 'kg', '万t', 'm³', '头') }),
        outputValue: fc.record({ value: decimal, unit: fc.constantFrom('元', '万元') }),
        ecosystemType: fc.constantFrom('cropland', 'orchard', 'forest'),
      },
      { requiredKeys: ['item', 'quantity', 'outputValue'] },
    );
    const input = fc.record({
      region: fc.record({
        name,
        level: fc.constantFrom('county', 'city'),
        area: fc.record({ value: decimal, unit: fc.constantFrom('km²', 'hm²', '亩') }),
      }),
      accountingYear: fc.integer({ min: 2000, max: 2030 }),
      priceYear: fc.integer({ min: 2000, max: 2030 }),
      indicators: fc.record({ 'material.agriculture': fc.record({ products: fc.array(product, { minLength: 1, maxLength: 6 }) }) }),
    });
    fc.assert(
      fc.property(input, (x) => {
        const viaCsv = importCsv(inputToCsv(x, 'zh'), 'g.csv').input;
        expect(viaCsv).toEqual(x);
        expect(inputHash(viaCsv)).toBe(inputHash(x));
        expect(importXlsx(inputToXlsx(x, 'en'), 'g.xlsx').input).toEqual(x);
      }),
      { numRuns: 40, seed: 6 },
    );
  });
});

describe('export → import is the identity on every text and number (issue 13)', () => {
  /** Characters that broke or could break a round trip: apostrophes, spaces of every kind, formula starts (ASCII and full-width), OOXML escapes, controls, bidi. */
  const tricky = [
    "'",
    ' ',
    '\u3000',
    '\u00a0',
    '\t',
    '\n',
    '\r',
    '=',
    '+',
    '-',
    '@',
    '＝',
    '＋',
    '_',
    'x',
    '0',
    '4',
    '1',
    'F',
    ',',
    '"',
    ';',
    '玉',
    '米',
    '万',
    '%',
    '\u202e',
    '\u0001',
    '\u0000',
    '\ufeff',
    'a',
    '#',
    '<',
  ];
  const trickyText = fc
    .oneof(
      fc.constantFrom(
        "'=cmd",
        "'abc",
        "''=x",
        ' 玉米',
        '玉米 ',
        '  a  ',
        '+1800',
        '-1800',
        '=1+1',
        '＝SUM(A1)',
        '_x0041_',
        '_x005F_x0041_',
        'a\nb',
        'a\tb',
        '\u3000全角空格\u3000',
        '1,234',
      ),
      fc.array(fc.constantFrom(...tricky), { minLength: 1, maxLength: 8 }).map((cs) => cs.join('')),
    )
    .filter((t) => t.trim() !== ''); // a blank text is a blank cell in a table: not an input value
  const decimal = fc.oneof(
    fc.constantFrom(
      '+1800',
      '1800',
      '007',
      '.5',
      '5.',
      '1e3',
      '-0',
      '+0.000',
      '1/3',
      '44/12',
      ' 12',
      '12 ',
      '1E-7',
      '123456789012345678901234567890.123456789',
    ),
    fc
      .tuple(
        fc.constantFrom('', '+'),
        fc.bigInt({ min: 0n, max: 10n ** 20n }),
        fc.option(fc.stringMatching(/^\d{1,10}$/), { nil: undefined }),
      )
      .map(([s, i, f]) => `${s}${i}${f === undefined ? '' : `.${f}`}`),
  );
  const product = fc.record({
    item: trickyText,
    quantity: fc.record({ value: decimal, unit: fc.constantFrom('t', 'kg', '万t', ' t', 't ') }),
    outputValue: fc.record({ value: decimal, unit: fc.constantFrom('元', '万元') }),
  });
  // An empty list has no rows in a table: overrides are absent or one line (docs/io.md).
  const input = (text: fc.Arbitrary<string>) =>
    fc.record(
      {
        // An area must be > 0 (src/accounts/input.ts); its text still varies (+, spaces, fractions).
        region: fc.record({
          name: text,
          level: fc.constant('county'),
          area: fc.record({ value: fc.constantFrom('+1800', ' 12', '1/3', '2208', '.5', '1e3 '), unit: fc.constantFrom('km²', 'hm²') }),
        }),
        accountingYear: fc.constant(2022),
        priceYear: fc.constant(2022),
        coefficientOverrides: fc.tuple(
          fc.record({ id: fc.constant('reservoir-storage-cost'), value: decimal, unit: fc.constant('元/m³'), source: text, reason: text }),
        ),
        indicators: fc.record({
          'material.agriculture': fc.record({
            products: fc.uniqueArray(
              product.chain((p) => text.map((item) => ({ ...p, item }))),
              { minLength: 1, maxLength: 4, selector: (p) => p.item },
            ),
          }),
        }),
      },
      { requiredKeys: ['region', 'accountingYear', 'priceYear', 'indicators'] },
    );

  it('gives back every value and text through CSV, and the same input hash as the JSON (fast-check)', () => {
    fc.assert(
      fc.property(input(trickyText), (x) => {
        const viaJson = importJson(JSON.stringify(x), 'x.json').input;
        const viaCsv = importCsv(new TextEncoder().encode(inputToCsv(x, 'zh')), 'x.csv').input;
        expect(viaCsv).toEqual(x);
        expect(inputHash(viaCsv)).toBe(inputHash(viaJson));
      }),
      { numRuns: 150, seed: 13 },
    );
  });

  it('gives back every value and text through XLSX, and the same input hash (fast-check; CR LF excepted, see docs/io.md)', () => {
    // XML normalises a CR LF inside a text to LF, and SheetJS does it again after decoding _x000D_.
    const text = trickyText.filter((t) => !t.includes('\r\n'));
    fc.assert(
      fc.property(input(text), (x) => {
        const viaXlsx = importXlsx(inputToXlsx(x, 'en'), 'x.xlsx').input;
        expect(viaXlsx).toEqual(x);
        expect(inputHash(viaXlsx)).toBe(inputHash(x));
      }),
      { numRuns: 60, seed: 13 },
    );
  });

  it('keeps two items that differ only by a trailing space apart, and an apostrophe, a plus sign and spaces as written', () => {
    const x = {
      region: { name: "'示例县 ", level: 'county' },
      accountingYear: 2022,
      priceYear: 2022,
      indicators: {
        'material.agriculture': {
          products: [
            { item: 'a', quantity: { value: '+1800', unit: 't' }, outputValue: { value: '1', unit: '元' } },
            { item: 'a ', quantity: { value: '1800', unit: 't' }, outputValue: { value: '2', unit: '元' } },
            { item: "'=x", quantity: { value: ' 5', unit: 't' }, outputValue: { value: '3', unit: '元' } },
          ],
        },
      },
    };
    for (const back of [importCsv(inputToCsv(x, 'en'), 'x.csv').input, importXlsx(inputToXlsx(x, 'zh'), 'x.xlsx').input]) {
      expect(back).toEqual(x);
      expect(inputHash(back)).toBe(inputHash(x));
    }
  });
});
