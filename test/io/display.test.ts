/**
 * The display rule of the reports (src/io/text-table.ts): money in 万元/亿元 at 2 decimals,
 * quantities and unit prices to 4 significant digits, one basis per row (carbon), the to-verify
 * notice once with its count, and the report's date and author as the caller gives them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { gepResultToJson } from '../../src/accounts/serialize.js';
import { formatAccountTable, significantText, unitPriceDisplay } from '../../src/io/text-table.js';
import { tickText } from '../../src/io/svg-chart.js';
import { resultTables, resultToMarkdown } from '../../src/io/result-export.js';

const sample = gepResultToJson(computeGep(JSON.parse(readFileSync('fixtures/sample-county/input.json', 'utf8'))));
const toVerify = sample.coefficientsUsed.filter((c) => c.status === 'to-verify').length;

/**
 * Numbers with more than 12 significant digits: no display rule prints one (money has at most 2
 * decimals, quantities 4 significant digits); an exact decimal of the result has up to 40.
 */
const longFigures = (text: string) =>
  (text.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).filter((n) => n.replace(/[,.]/g, '').replace(/^0+/, '').length > 12);

describe('significantText', () => {
  it('keeps 4 significant digits, whole units from 1 000 up, no trailing zeros, half-up', () => {
    expect(
      [
        '0.00483',
        '1894.736842105263',
        '9.305256740005579878',
        '56.80615689836644',
        '1800',
        '0.3',
        '1.2345',
        '-0.0000412345',
        '0',
        '12345678.9',
      ].map((v) => significantText(v)),
    ).toEqual(['0.00483', '1,895', '9.305', '56.81', '1,800', '0.3', '1.235', '-0.00004123', '0', '12,345,679']);
  });
});

describe('chart ticks', () => {
  it('group the whole part only: 0.0015 stays 0.0015 (it printed "0.0,015"), 12345.5 reads 12,345.5', () => {
    expect(tickText(0.0015, 0.0005)).toBe('0.0015');
    expect(tickText(12345.5, 0.5)).toBe('12,345.5');
    expect(tickText(-0, 1)).toBe('0');
  });
});

describe('the carbon row', () => {
  it('shows its unit price per t CO2, as its quantity: the module prices its lines per t CO2 (issue 16)', () => {
    const carbon = sample.indicators.find((i) => i.id === 'regulating.carbon-sequestration')!;
    expect(carbon.quantity.total!.unit).toBe('t CO2/a');
    expect(carbon.value.lines.every((l) => l.unitPrice!.unit === '元/t CO2')).toBe(true);
    const p = unitPriceDisplay(carbon);
    // 1 320 元/t C (2008, its source's year: national-2022/1.1.0) × 1.35198922109… (CPI 2008→2022) = 1 784.6257718… 元/t C;
    // the module's step "carbon price per t CO₂" divides by 44/12 t CO2/t C: 1 784.6257718 × 12 / 44 = 486.7161… 元/t CO2
    // → 486.7 at 4 significant digits.
    expect(p.text).toBe('486.7 元/t CO2');
    expect(p.exact!.value.startsWith('486.7161')).toBe(true);
    expect(p.convertedFrom).toBeUndefined();
    expect(formatAccountTable(sample)).toMatch(/regulating\.carbon-sequestration .*46\.49 万t CO2\/a\s+486\.7 元\/t CO2/);
  });

  it('converts a price per t C with the co2-per-carbon ratio the indicator used (44/12), as results made before issue 16 carry it', () => {
    const carbon = sample.indicators.find((i) => i.id === 'regulating.carbon-sequestration')!;
    const perC = carbon.trace.steps.find((s) => s.name === 'carbon price per t CO₂')!.inputs.C_C!;
    const before = {
      ...carbon,
      value: {
        ...carbon.value,
        lines: carbon.value.lines.map((l) => ({ ...l, unitPrice: { ...l.unitPrice!, value: perC.value, unit: perC.unit } })),
      },
    };
    const p = unitPriceDisplay(before);
    expect(p.text).toBe('486.7 元/t CO2');
    expect(p.exact!.value.startsWith('486.7161')).toBe(true);
    expect(p.convertedFrom).toMatchObject({ unit: '元/t C', coefficient: 'co2-per-carbon', ratio: '44/12' });
  });

  it('leaves a price on another quantity as it is and marks it (sand fixation: 元/m² of covered area beside t/a)', () => {
    const sand = sample.indicators.find((i) => i.id === 'regulating.sand-fixation')!;
    expect(unitPriceDisplay(sand)).toMatchObject({ text: '4.943 元/m²', otherBasis: true });
  });
});

describe('text and Markdown reports', () => {
  it('print no 40-digit figures: quantities by the display rule, exact values left to JSON, CSV and XLSX', () => {
    const md = resultToMarkdown(sample);
    expect(longFigures(md)).toEqual([]);
    // sand fixation 568 061.5689… t/a: 56.81 万t/a (it printed 568,061.5689836644607397561950683578506738).
    expect(md).toContain('| regulating.sand-fixation | 防风固沙 | Windbreak and sand fixation | 56.81 万t/a | 2,193.51 | 0.2 |');
    expect(longFigures(formatAccountTable(sample, 'zh'))).toEqual([]);
    // The CSV/XLSX columns marked exact keep every digit.
    expect(
      resultTables(sample).indicators.some((r) => r.some((c) => c !== null && typeof c === 'object' && longFigures(c.number).length > 0)),
    ).toBe(true);
  });

  it('show the to-verify notice once, at the top, with its count, not in the warnings again', () => {
    for (const lang of ['en', 'zh'] as const) {
      const md = resultToMarkdown(sample, { lang });
      const text = formatAccountTable(sample, lang);
      for (const out of [md, text]) {
        expect(out.match(/⚠/g)).toHaveLength(1);
        expect(out).toContain(lang === 'zh' ? `使用了 ${toVerify} 个“待核实”参数` : `${toVerify} coefficients used are to verify`);
        // The warning listed every to-verify coefficient with its value: rweq.qmax-coefficient = 109.8 …
        expect(out).not.toContain('rweq.qmax-coefficient = 109.8');
      }
      expect(md.indexOf('⚠')).toBeLessThan(md.indexOf('##'));
    }
  });

  it('state the report date and who prepared it as given, and "not stated" without them', () => {
    const md = resultToMarkdown(sample, { date: '2025-06-30', preparedBy: '某县统计局' });
    expect(md).toContain('- report date: 2025-06-30');
    expect(md).toContain('- prepared by: 某县统计局');
    expect(resultToMarkdown(sample, { lang: 'zh' })).toContain('- 报告日期：未注明');
    expect(resultTables(sample, { date: '2025-06-30', preparedBy: 'X' }).summary).toContainEqual(['report date', '2025-06-30']);
    // Nothing read from the clock: the same result and options give the same report.
    expect(resultToMarkdown(sample, { date: '2025-06-30' })).toBe(resultToMarkdown(sample, { date: '2025-06-30' }));
  });
});
