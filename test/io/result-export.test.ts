import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { read, utils } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { gepResultToJson } from '../../src/accounts/serialize.js';
import { canonicalJson, inputHash, sha256Hex } from '../../src/io/hash.js';
import { resultToCsvFiles, resultToExportJson, resultToMarkdown, resultToXlsx } from '../../src/io/result-export.js';
import { gepResultExportSchema } from '../../src/io/result-schema.js';
import type { GepInput } from '../../src/accounts/input.js';

// 1 250 t × 2 400 元/t = 3 000 000 元 (300.00 万元); 12 t × 3 000 元/t = 36 000 元 (3.60 万元);
// GEP = 3 036 000 元 = 303.60 万元 = 0.03036 亿元 → 0.03 亿元 rounded half-up to 2 places.
const INPUT: GepInput = {
  region: { name: '测试县', level: 'county' },
  accountingYear: 2022,
  priceYear: 2022,
  indicators: {
    'material.agriculture': {
      products: [
        { item: '玉米', ecosystemType: 'cropland', quantity: { value: '1250', unit: 't' }, price: { value: '2400', unit: '元/t' } },
        { item: '=HYPERLINK("http://x","click")', quantity: { value: '12', unit: 't' }, price: { value: '3000', unit: '元/t' } },
      ],
    },
  },
};
const result = gepResultToJson(computeGep(INPUT));
const hash = inputHash(INPUT);

describe('JSON export', () => {
  it('is the result unrounded, with the input hash, and matches the published result schema', () => {
    const json = resultToExportJson(result, { inputHash: hash });
    expect(json.totals.gep).toEqual({ value: '3036000', unit: '元', priceYear: 2022 });
    expect(json.export).toEqual({
      inputHash: hash,
      coefficientTableHash: null,
      rounding: 'none: every number is the exact decimal string of the result',
    });
    expect(gepResultExportSchema.safeParse(json).success).toBe(true);
  });

  it('of the sample county matches the result schema too (a field added to the result fails here until described)', () => {
    const sample = JSON.parse(readFileSync('fixtures/sample-county/input.json', 'utf8'));
    const parsed = gepResultExportSchema.safeParse(
      resultToExportJson(gepResultToJson(computeGep(sample)), { inputHash: inputHash(sample) }),
    );
    expect(parsed.error?.issues ?? []).toEqual([]);
  });
});

describe('input hash', () => {
  it('is SHA-256 of the canonical JSON: keys sorted, $schema left out', () => {
    for (const t of ['', 'abc', 'x'.repeat(1000), '生态产品总值']) {
      expect(sha256Hex(new TextEncoder().encode(t))).toBe(createHash('sha256').update(t).digest('hex'));
    }
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 'é' }], c: null }, $schema: 'x' })).toBe(
      '{"a":{"c":null,"d":[2,{"y":"é","z":1}]},"b":1}',
    );
    expect(inputHash({ ...INPUT, $schema: 'elsewhere' })).toBe(hash);
  });
});

describe('CSV export', () => {
  const files = resultToCsvFiles(result, { inputHash: hash });
  const table = (name: string) => parse(files[name]!, { bom: true, relax_column_count: true }) as string[][];

  it('writes five tables, states the rounding rule, rounds 万元 and 亿元 half-up and keeps exact 元', () => {
    expect(Object.keys(files)).toEqual(['summary.csv', 'indicators.csv', 'trace.csv', 'coefficients.csv', 'warnings.csv']);
    const summary = table('summary.csv');
    expect(summary).toContainEqual(['rounding', 'half-up, 2 decimal places, each cell independently; "exact" columns are not rounded']);
    expect(summary).toContainEqual(['input hash', hash]);
    expect(summary).toContainEqual(['GEP', '3036000', '303.60', '0.03', '100.00']);
    const rows = table('indicators.csv');
    expect(rows[0]!.slice(12)).toEqual(['value (元, exact)', 'value (万元)', 'share of GEP (%)']);
    expect(rows[1]!.slice(4, 15)).toEqual([
      '玉米',
      'cropland',
      '1250',
      't',
      '2400',
      '元/t',
      '2022',
      'input:indicators.material.agriculture.products[0].price',
      '3000000',
      '300.00',
      '98.81',
    ]);
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(files['indicators.csv']).toContain('"\'=HYPERLINK(""http://x"",""click"")"');
    expect(table('indicators.csv')[2]![4]).toBe('\'=HYPERLINK("http://x","click")');
  });

  it('writes Chinese headers with lang zh', () => {
    expect(parse(resultToCsvFiles(result, { lang: 'zh' })['summary.csv']!, { bom: true, relax_column_count: true })[0]).toEqual([
      '项目',
      '内容',
    ]);
  });
});

describe('XLSX export', () => {
  it('has the sheets summary, indicators, trace, coefficients and warnings; rounded money as numbers, formula-like text as text cells without an apostrophe', () => {
    const wb = read(resultToXlsx(result, { inputHash: hash }), { type: 'array' });
    expect(wb.SheetNames).toEqual(['summary', 'indicators', 'trace', 'coefficients', 'warnings']);
    const rows = utils.sheet_to_json<unknown[]>(wb.Sheets.indicators!, { header: 1, raw: true });
    expect(rows[1]!.slice(12, 14)).toEqual([3000000, 300]);
    // A text cell, which no spreadsheet runs: no apostrophe shown (issue 13).
    expect(rows[2]![4]).toBe('=HYPERLINK("http://x","click")');
    expect((wb.Sheets.indicators as Record<string, { t?: string; v?: unknown }>).E3).toMatchObject({
      t: 's',
      v: '=HYPERLINK("http://x","click")',
    });
    expect(Object.values(wb.Sheets.indicators!).some((c) => typeof c === 'object' && c !== null && 'f' in c)).toBe(false);
    const summary = utils.sheet_to_json<unknown[]>(wb.Sheets.summary!, { header: 1, raw: true });
    expect(summary.find((r) => r[0] === 'rounding')![1]).toMatch(/^half-up, 2 decimal places/);
  });
});

describe('Markdown report', () => {
  it('prints totals, indicators and the rounding rule', () => {
    const md = resultToMarkdown(result, { inputHash: hash });
    expect(md).toContain('# GEP account of 测试县, 2022 (2022 prices)');
    expect(md).toContain('| GEP | 303.60 | 0.03 | 100.0 |');
    expect(md).toContain('| material.agriculture | 农业产品 | Agricultural products | 1,262 t | 303.60 | 100.0 |');
    expect(md).toContain(`- input hash: ${hash}`);
    expect(md).toContain('rounding: half-up, 2 decimal places, each cell independently');
    expect(resultToMarkdown(result, { lang: 'zh' })).toContain('舍入规则：四舍五入，保留 2 位小数');
  });
});

describe('hostile text in the exports (issue 13: nothing injected)', () => {
  const HOSTILE = '<script>alert(1)</script> [click](javascript:alert(1)) *x* | y\n# Heading\u202e\u0007';
  const input: GepInput = {
    ...INPUT,
    region: { name: HOSTILE, level: 'county' },
    coefficientOverrides: [
      {
        id: 'carbon-price.afforestation',
        value: '100',
        unit: '元/t C',
        reason: '![img](javascript:alert(2)) <b>',
        source: '<img src=x onerror=alert(3)>',
      },
    ],
    indicators: {
      'material.agriculture': {
        products: [
          { item: '＝HYPERLINK("http://x","click")', quantity: { value: '12', unit: 't' }, price: { value: '3000', unit: '元/t' } },
        ],
      },
      'regulating.carbon-sequestration': { ecosystems: [{ ecosystemType: 'forest', nep: { value: '100', unit: 't C' } }] },
    },
  };
  const hostileResult = gepResultToJson(computeGep(input, { profile: 'national-2022' }));

  it('escapes the region name and every free text in Markdown: no raw HTML, no heading, no link', () => {
    const md = resultToMarkdown(hostileResult);
    expect(md).not.toMatch(/(^|[^\\])</m); // every < escaped: no tag
    expect(md).not.toMatch(/(^|[^\\])\]\(/m); // no link or image
    expect(md).not.toMatch(/(^|[^\\])\[/m);
    expect(md).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202a-\u202e]/);
    // The only headings are the report's own.
    expect(
      md
        .split('\n')
        .filter((l) => l.startsWith('#'))
        .every((l) => /^#{1,2} (GEP account of |Totals|Indicators|Coefficients used|Warnings|not accounted)/.test(l)),
    ).toBe(true);
    expect(md.split('\n')[0]).toBe(
      '# GEP account of \\<script\\>alert(1)\\</script\\> \\[click\\](javascript:alert(1)) \\*x\\* \\| y \\# Heading\ufffd\ufffd, 2022 (2022 prices)',
    );
    expect(md).toContain('\\<img src=x onerror=alert(3)\\>');
  });

  it('neutralises full-width ＝ in CSV like =, and writes it as a plain text cell in XLSX', () => {
    const files = resultToCsvFiles(hostileResult);
    expect(files['indicators.csv']).toContain(`'＝HYPERLINK(""http://x"",""click"")"`);
    const wb = read(resultToXlsx(hostileResult), { type: 'array' });
    const rows = utils.sheet_to_json<unknown[]>(wb.Sheets.indicators!, { header: 1, raw: true });
    expect(rows.some((r) => r[4] === '＝HYPERLINK("http://x","click")')).toBe(true);
  });
});
