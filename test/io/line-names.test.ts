/**
 * Result lines in Chinese reports (issue 16): a zh report prints a line's `itemZh`; a result
 * written before lines had it still gets its ecosystem type ids named, whatever their spelling
 * (`cropland` has no hyphen and stayed English). English reports keep `item`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { gepResultToJson } from '../../src/accounts/serialize.js';
import { compareGep, gepComparisonToJson } from '../../src/accounts/compare.js';
import { lineNamer, typeNamer } from '../../src/io/display-text.js';
import { resultToHtml } from '../../src/io/html-report.js';
import { resultTables } from '../../src/io/result-export.js';
import { warningMessage } from '../../src/errors/warnings/index.js';
import { seeaTables } from '../../src/seea/seea.js';
import { seeaSheets } from '../../src/io/seea-export.js';

const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as Record<string, unknown>;
const result = gepResultToJson(computeGep(read('fixtures/sample-county/input.json')));

/** The result as a version before `itemZh` wrote it: lines with `item` only. */
const withoutItemZh = JSON.parse(JSON.stringify(result, (k, v) => (k === 'itemZh' ? undefined : v))) as typeof result;

/** Cells of the account table of an HTML report: the first cell of each row of the line tables. */
const lineCells = (html: string) => [...html.matchAll(/<tr><td>([^<]*)<\/td><td>/g)].map((m) => m[1]!);

describe('typeNamer', () => {
  const zh = typeNamer('zh');

  it('names an id whole, in the parts of a name modules make, and a hyphenated id anywhere', () => {
    expect(zh('cropland')).toBe('农田');
    expect(zh('cropland: sediment (avoided deposition)')).toBe('农田: sediment (avoided deposition)');
    expect(zh('vegetation · cropland')).toBe('vegetation · 农田');
    expect(zh('soil of deciduous-broadleaf-forest')).toBe('soil of 落叶阔叶林');
  });

  it('leaves a plain word inside other text as written (an id without a hyphen is a word: forest)', () => {
    expect(zh('forest park')).toBe('forest park');
    expect(zh('示例山国家森林公园 Sample Mountain national forest park (constructed)')).toBe(
      '示例山国家森林公园 Sample Mountain national forest park (constructed)',
    );
  });
});

describe('lineNamer', () => {
  it("gives itemZh in Chinese, else the item with its type ids named; English keeps the item's words", () => {
    expect(lineNamer('zh')({ item: 'dust', itemZh: '粉尘' })).toBe('粉尘');
    expect(lineNamer('zh')({ item: '玉米 maize' })).toBe('玉米 maize');
    expect(lineNamer('zh')({ item: 'cropland' })).toBe('农田');
    expect(lineNamer('en')({ item: 'dust', itemZh: '粉尘' })).toBe('dust');
  });
});

describe('the Chinese HTML account table', () => {
  it('names module-made lines in Chinese: 农田：泥沙（减少淤积）, 植被 · 温性草丛, 粉尘', () => {
    const cells = lineCells(resultToHtml(result, { lang: 'zh' }));
    expect(cells).toContain('农田：泥沙（减少淤积）');
    expect(cells).toContain('植被 · 温性草丛');
    expect(cells).toContain('粉尘');
    expect(cells).toContain('玉米 maize');
    // No cell is left with the module's English (a user's name keeps its own).
    expect(cells.filter((c) => /sediment|nitrogen|phosphorus|vegetation|^dust$|cropland|transpiration/.test(c))).toEqual([]);
  });

  it('names the type ids of a result without itemZh, cropland included', () => {
    const cells = lineCells(resultToHtml(withoutItemZh, { lang: 'zh' }));
    expect(cells).toContain('农田: sediment (avoided deposition)');
    expect(cells).toContain('农田');
    expect(cells.filter((c) => /cropland/.test(c))).toEqual([]);
  });

  it('keeps English names in an English report', () => {
    const cells = lineCells(resultToHtml(result, { lang: 'en' }));
    expect(cells).toContain('dust');
    expect(cells.some((c) => c.endsWith(': sediment (avoided deposition)'))).toBe(true);
  });
});

describe('the Chinese CSV/XLSX tables', () => {
  const rowsOf = (lang: 'en' | 'zh') =>
    resultTables(result, { lang })
      .indicators.slice(1)
      .filter((r) => r[0] === 'regulating.soil-retention' || r[0] === 'regulating.air-purification');

  it('name lines and ecosystem types in Chinese (item and ecosystem type columns)', () => {
    const rows = rowsOf('zh');
    expect(rows.map((r) => [r[4], r[5]])).toContainEqual(['农田：泥沙（减少淤积）', '农田']);
    expect(rows.map((r) => r[4])).toContain('粉尘');
  });

  it('keep the item and the type id in English', () => {
    const rows = rowsOf('en');
    expect(rows.map((r) => [r[4], r[5]])).toContainEqual(['cropland: sediment (avoided deposition)', 'cropland']);
    expect(rows.map((r) => r[4])).toContain('dust');
  });
});

describe('a comparison', () => {
  const a2021 = computeGep(read('fixtures/sample-county/input-2021.json'));
  const b = computeGep(read('fixtures/sample-county/input.json'));
  // Soil retention of 2021 without unit prices: without a price index its lines cannot be
  // repriced nor deflated to 2022, and a warning lists them.
  const a = {
    ...a2021,
    indicators: a2021.indicators.map((i) =>
      i.id === 'regulating.soil-retention'
        ? { ...i, value: { ...i.value, lines: i.value.lines.map((l) => ({ ...l, unitPrice: null })) } }
        : i,
    ),
  };
  const c = compareGep(a, b);

  it('carries the Chinese name of each line', () => {
    const soil = gepComparisonToJson(c).indicators.find((i) => i.id === 'regulating.soil-retention')!;
    expect(soil.lines.find((l) => l.item === 'cropland: sediment (avoided deposition)')).toMatchObject({
      itemZh: '农田：泥沙（减少淤积）',
    });
  });

  it('lists the lines not deflated by their Chinese names in Chinese', () => {
    const w = c.warnings.find((x) => x.code === 'compare-not-deflated');
    expect(w).toBeDefined();
    const zh = warningMessage(w!, 'zh');
    expect(zh).toContain('regulating.soil-retention：农田：泥沙（减少淤积）');
    expect(zh).not.toMatch(/sediment|cropland/);
  });
});

describe('the Chinese SEEA use tables', () => {
  const input = read('fixtures/sample-county/input.json');
  const tables = seeaTables(input, result);
  const allocation = (lang: 'en' | 'zh') =>
    Object.values(seeaSheets(tables, { lang }))
      .flat()
      .flatMap((row) => row.filter((c): c is string => typeof c === 'string' && c.includes(' → ')));

  it('name the line an allocation rule names in Chinese (生活用水, not 生活用水 domestic)', () => {
    const zh = allocation('zh');
    expect(zh.length).toBeGreaterThan(0);
    expect(zh.every((c) => c.includes('生活用水 → ') && !/domestic|industrial|agricultural/.test(c))).toBe(true);
    expect(allocation('en').every((c) => c.includes('生活用水 domestic → '))).toBe(true);
  });
});
