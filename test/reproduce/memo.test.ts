/**
 * The memo and the HTML page name, for each recomputed row, the inputs and the coefficients that
 * produced it (id, table version, value, unit, source), and which coefficients the case gave and
 * which came from the library's table.
 */
import { describe, expect, it } from 'vitest';
import { reproduceCase } from '../../src/reproduce/reproduce.js';
import { reproductionMemo } from '../../src/io/reproduction-report.js';
import { reproductionToHtml } from '../../src/io/reproduction-html.js';
import { base } from './helpers.js';

// No price in the input: water conservation takes the reservoir cost C_we from the table,
// 7.06 元/m³ (national-2022/1.1.0, the default profile's table; 2010 prices): 1 234 000 m³ × 7.06 = 8 712 040 元 = 871.204 万元.
// With the case's override 6.11 元/m³: 1 234 000 × 6.11 = 7 539 740 元 = 753.974 万元.
const reported = { reported: [{ item: 'all', quantity: { value: '123.4', unit: '万m³' } }] };
const override = {
  id: 'reservoir-storage-cost',
  value: '6.11',
  unit: '元/m³',
  priceYear: 2010,
  source: 'LY/T 1721—2008',
  reason: 'the paper prices storage at 6.11',
};
const r = reproduceCase({
  ...base,
  accountingYear: 2010,
  priceYear: 2010,
  rows: [
    {
      id: 'lib',
      label: 'from the table',
      printed: { value: '871.20', unit: '万元' },
      indicator: 'regulating.water-conservation',
      input: reported,
    },
    {
      id: 'own',
      label: 'from the case',
      printed: { value: '753.97', unit: '万元' },
      indicator: 'regulating.water-conservation',
      input: reported,
      coefficientOverrides: [override],
    },
  ],
});

describe('the trace of a recomputed row', () => {
  it('lists the inputs and the coefficients with table version, value, unit, source and who gave them', () => {
    expect(r.rows.map((x) => [x.status, x.recomputed])).toEqual([
      ['ok', '871.204'],
      ['ok', '753.974'],
    ]);
    expect(r.rows[0]!.trace).toMatchObject({
      indicator: 'regulating.water-conservation',
      inputs: [
        { path: 'reported[0].item', value: 'all' },
        { path: 'reported[0].quantity', value: '123.4 万m³' },
      ],
      coefficients: [
        {
          id: 'reservoir-storage-cost',
          table: 'national-2022/1.1.0',
          value: '7.06',
          unit: '元/m³',
          source: 'ganzi-2017',
          priceYear: 2010,
          status: 'verified',
          origin: 'library-table',
        },
      ],
      quantity: { value: '1234000', unit: 'm³/a' },
      value: { value: '8712040', unit: '元' },
    });
    expect(r.rows[1]!.trace!.coefficients).toMatchObject([
      {
        id: 'reservoir-storage-cost',
        value: '6.11',
        source: 'LY/T 1721—2008',
        status: 'user-override',
        origin: 'case',
        overridden: { tableValue: '7.06' },
      },
    ]);
  });

  it("appears in the memo: inputs, a coefficient table per row, and the library's coefficients named up front", () => {
    const memo = reproductionMemo(r);
    const trace = memo.split('## Trace of the recomputed rows')[1]!;
    expect(trace).toContain(
      "Coefficients marked **the library's table** were not given by the case: the reproduction depends on the library's values for them (reservoir-storage-cost = 7.06 元/m³, national-2022/1.1.0, verified).",
    );
    expect(trace).toContain('- Inputs (from the case): reported\\[0\\].item = all; reported\\[0\\].quantity = 123.4 万m³.');
    expect(trace).toContain(
      "  | reservoir-storage-cost | C\\_we | 7.06 元/m³ | 2010 | national-2022/1.1.0 | ganzi-2017 | verified | **the library's table** |",
    );
    expect(trace).toContain(
      '  | reservoir-storage-cost | C\\_we | 6.11 元/m³ | 2010 | national-2022/1.1.0 | LY/T 1721—2008 | user-override | the case (the paper prices storage at 6.11; table value 7.06 元/m³) |',
    );
    expect(trace).toContain('value of all: V = Q × P = 8712040 元');
  });

  it("appears in the Chinese memo in Chinese, the case's own text quoted as written", () => {
    const memo = reproductionMemo(r, { lang: 'zh' });
    const trace = memo.split('## 复算行的计算过程')[1]!;
    expect(trace).toContain(
      '标为 **本库参数表** 的参数并非案例给出：复核结果依赖本库的取值（reservoir-storage-cost = 7.06 元/m³, national-2022/1.1.0, 已核实）。',
    );
    expect(trace).toContain('- 输入（取自案例）：reported\\[0\\].item = all；reported\\[0\\].quantity = 123.4 万m³。');
    expect(trace).toContain(
      '  | reservoir-storage-cost | C\\_we | 6.11 元/m³ | 2010 | national-2022/1.1.0 | LY/T 1721—2008 | 用户覆盖 | 案例（the paper prices storage at 6.11；原表值 7.06 元/m³） |',
    );
    // The step's Chinese name, as water conservation records it.
    expect(trace).not.toContain('value of all');
    expect(memo).toMatch(/^# 复核：/);
  });

  it('appears in the HTML page, one trace per recomputed row, each coefficient marked by its origin', () => {
    const html = reproductionToHtml(r);
    expect(html.match(/<details data-trace="/g)).toHaveLength(2);
    expect(html).toContain('<tr data-coefficient="reservoir-storage-cost" data-origin="library-table">');
    expect(html).toContain('<tr data-coefficient="reservoir-storage-cost" data-origin="case">');
    expect(html).toContain('data-verdict="holds"');
  });
});

describe('the verdict in the HTML page', () => {
  it('says identities only when no row was recomputed', () => {
    const rows = [
      { id: 'a', label: 'a', printed: { value: '1.00', unit: '万元' }, notReproducible: 'headline' },
      { id: 't', label: 't', printed: { value: '1.00', unit: '万元' }, notReproducible: 'headline' },
    ];
    const html = reproductionToHtml(
      reproduceCase({ ...base, rows, identities: [{ kind: 'sum', id: 's', label: 's', total: 't', terms: [{ row: 'a' }] }] }),
      { lang: 'zh' },
    );
    expect(html).toContain('data-verdict="identities-only"');
    expect(html).toContain('仅恒等关系：没有任何一行得到独立复算');
  });
});

describe('free text of the case in the memo', () => {
  it('cannot inject HTML, a heading, a link, a table cell or control characters', () => {
    const hostile = 'a <script>alert(1)</script>\n# heading [x](javascript:alert(1)) | cell \u001b[31mred\u202e';
    const rows = [
      { id: 'a', label: hostile, printed: { value: '1.00', unit: '万元' }, notReproducible: hostile },
      { id: 't', label: 't', printed: { value: '1.00', unit: '万元' }, notReproducible: 'x' },
    ];
    const memo = reproductionMemo(
      reproduceCase({
        ...base,
        region: hostile,
        notes: [hostile],
        rows,
        identities: [{ kind: 'sum', id: 's', label: hostile, total: 't', terms: [{ row: 'a' }] }],
      }),
    );
    expect(memo).not.toMatch(/(?<!\\)<script|^# heading|(?<!\\)\]\(javascript:|\u001b|\u202e/m);
    // markdownText (src/io/safe-text.ts): markup escaped, ESC and U+202E shown as U+FFFD
    expect(memo).toContain('a \\<script\\>alert(1)\\</script\\> \\# heading \\[x\\](javascript:alert(1)) \\| cell \ufffd\\[31mred\ufffd');
    // the rows table keeps its seven cells
    const row = memo.split('\n').find((l) => l.startsWith('| a \\<script\\>'))!;
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(7);
  });
});
