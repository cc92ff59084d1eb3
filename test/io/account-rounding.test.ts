/**
 * Issue 13: the category parts of the account table did not add up to the printed GEP
 * (977 554.35 vs 977 554.34 万元). Independent half-up stays the default, as published tables
 * print; `rounding.parts: 'largest-remainder'` makes the printed parts add up, and every table says
 * which rule it used.
 */
import { describe, expect, it } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { gepResultToJson } from '../../src/accounts/serialize.js';
import { formatAccountTable } from '../../src/io/text-table.js';
import { resultTables, resultToMarkdown } from '../../src/io/result-export.js';
import { resultToHtml } from '../../src/io/html-report.js';
import { accountCells } from '../../src/io/account-rounding.js';
import { PARTS_NOT_ADDING_UP } from '../helpers/rounding-input.js';

const input = PARTS_NOT_ADDING_UP;
const json = gepResultToJson(computeGep(input, { profile: 'shenzhen-db4403-141' }));
const lr = { places: 2, mode: 'half-up' as const, parts: 'largest-remainder' as const };

describe('account tables: parts that add up', () => {
  it('rounds each cell independently by default, so 1.01 + 1.01 is printed against a GEP of 2.01', () => {
    const cells = accountCells(json, '万元', { places: 2, mode: 'half-up' });
    expect([cells.category('material'), cells.category('regulating'), cells.gep()]).toEqual(['1.01', '1.01', '2.01']);
    expect(formatAccountTable(json)).toContain('each cell independently');
  });

  it('with largest remainder, the text table prints parts that add up and says so in its footer', () => {
    const cells = accountCells(json, '万元', lr);
    expect([cells.category('material'), cells.category('regulating'), cells.gep()]).toEqual(['1.01', '1.00', '2.01']);
    expect([cells.indicator('material.agriculture'), cells.indicator('regulating.noise-reduction')]).toEqual(['1.01', '1.00']);
    const table = formatAccountTable(json, 'en', lr);
    expect(table).toContain('parts by largest remainder, so the printed parts add up to the printed totals');
    expect(table).toMatch(/regulating services\s+1\.00\s/);
  });

  it('the CSV/XLSX summary, the Markdown report and the HTML account table use the same cells and name the rule', () => {
    const summary = resultTables(json, { rounding: lr }).summary;
    const row = (label: string) => summary.find((r) => r[0] === label)!;
    expect([row('material products')[2], row('regulating services')[2], row('GEP')[2]]).toEqual([
      { number: '1.01', format: '#,##0.00' },
      { number: '1.00', format: '#,##0.00' },
      { number: '2.01', format: '#,##0.00' },
    ]);
    expect(resultToMarkdown(json, { rounding: lr })).toContain('parts by largest remainder');
    const html = resultToHtml(json, { rounding: lr });
    expect(html).toContain(
      'data-total="regulating"><td>Regulating services</td><td></td><td></td><td class="num" data-value="10050">1.00</td>',
    );
    expect(html).toContain('parts by largest remainder');
    expect(resultToMarkdown(json)).toContain('each cell independently');
  });
});
