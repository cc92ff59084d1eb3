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
    const decimal = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.option(fc.stringMatching(/^\d{1,8}$/), { nil: undefined }))
      .map(([i, f]) => (f === undefined ? i.toString() : `${i}.${f}`));
    const name = fc.oneof(
      fc.constantFrom('玉米 maize', '=cmd|\' /C calc\'!A0', '+1', '@SUM(A1)', '-x', 'a, "quoted" name', '多行\n名称', '苹果'),
      fc.stringMatching(/^[A-Za-z\u4e00-\u4e2f][A-Za-z0-9 \u4e00-\u4e2f]{0,10}[A-Za-z\u4e00-\u4e2f]$/),
    );
    const product = fc.record({
      item: name,
      quantity: fc.record({ value: decimal, unit: fc.constantFrom('t', 'kg', '万t', 'm³', '头') }),
      outputValue: fc.record({ value: decimal, unit: fc.constantFrom('元', '万元') }),
      ecosystemType: fc.constantFrom('cropland', 'orchard', 'forest'),
    }, { requiredKeys: ['item', 'quantity', 'outputValue'] });
    const input = fc.record({
      region: fc.record({ name, level: fc.constantFrom('county', 'city'), area: fc.record({ value: decimal, unit: fc.constantFrom('km²', 'hm²', '亩') }) }),
      accountingYear: fc.integer({ min: 2000, max: 2030 }),
      priceYear: fc.integer({ min: 2000, max: 2030 }),
      indicators: fc.record({ 'material.agriculture': fc.record({ products: fc.array(product, { minLength: 1, maxLength: 6 }) }) }),
    });
    fc.assert(fc.property(input, (x) => {
      const viaCsv = importCsv(inputToCsv(x, 'zh'), 'g.csv').input;
      expect(viaCsv).toEqual(x);
      expect(inputHash(viaCsv)).toBe(inputHash(x));
      expect(importXlsx(inputToXlsx(x, 'en'), 'g.xlsx').input).toEqual(x);
    }), { numRuns: 40, seed: 6 });
  });
});
