import { parse } from 'csv-parse/sync';
import { read, utils, write } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { gepResultToJson } from '../../src/accounts/serialize.js';
import { tableBlocks } from '../../src/io/fields.js';
import { importCsv } from '../../src/io/csv-input.js';
import { templateCsv, templateXlsx } from '../../src/io/input-export.js';
import { toCsv } from '../../src/io/table-output.js';
import { importXlsx } from '../../src/io/xlsx-input.js';
import { INDICATORS } from '../../src/indicators/registry.js';
import { getProfile } from '../../src/profiles/profiles.js';

/** What a statistician writes into the template: field → [item, ecosystem type, value, unit, price year]. */
const FILL: Record<string, [string, string, string, string?, string?]> = {
  'region.name': ['', '', '示例县'],
  'region.level': ['', '', 'county'],
  'region.code': ['', '', '140702'],
  accountingYear: ['', '', '2022'],
  priceYear: ['', '', '2022'],
  'products[].quantity': ['玉米', 'cropland', '1,250', '吨'],
  'products[].price': ['玉米', 'cropland', '2400', '元/吨', '2022'],
};

function fill(rows: string[][], lang: 'zh' | 'en'): string[][] {
  const agriculture = lang === 'zh' ? '农业产品' : 'material.agriculture';
  return rows.map((r, i) => {
    const f = FILL[r[3]!];
    if (i === 0 || !f) return r;
    if (r[3]!.startsWith('products') && r[0] !== agriculture) return r;
    const [item, eco, value, unit, py] = f;
    return [r[0]!, item, eco, r[3]!, value, unit ?? r[5]!, py ?? '', r[7]!];
  });
}

describe('templates', () => {
  it('list every input field of every implemented indicator of the profile, with units and descriptions from the specs', () => {
    const rows = parse(templateCsv('national-2022', 'en'), { bom: true, relax_column_count: true }) as string[][];
    expect(rows[0]).toEqual(['indicator', 'item', 'ecosystem type', 'field', 'value', 'unit', 'price year', 'note']);
    const quantity = rows.find((r) => r[0] === 'material.agriculture' && r[3] === 'products[].quantity')!;
    expect(quantity[5]).toBe('t');
    expect(quantity[7]).toMatch(/^required · output of the product in the accounting year .* · e\.g\. \d+ t/);
    const fields = new Set(rows.map((r) => `${r[0]}|${r[3]}`));
    const enabled = getProfile('national-2022')!.indicators.map((p) => p.id).filter((id) => INDICATORS.has(id));
    expect(enabled.length).toBeGreaterThan(5);
    for (const id of enabled) {
      for (const input of INDICATORS.get(id)!.spec.inputs) {
        const block = tableBlocks().get(id)!;
        const field = block.byPath.get(input.path)!;
        if (field.keyColumn) continue; // item and ecosystem type have their own columns
        expect(fields.has(`${id}|${input.path}`), `${id} ${input.path}`).toBe(true);
      }
    }
  });

  it('filled in (CSV, zh), import without edits and compute: 1 250 t × 2 400 元/t = 3 000 000 元', () => {
    const rows = parse(templateCsv('national-2022', 'zh'), { bom: true, relax_column_count: true }) as string[][];
    const { input } = importCsv(toCsv(fill(rows, 'zh')), 'filled.csv');
    expect(input.profile).toBe('national-2022');
    const result = gepResultToJson(computeGep(input));
    expect(result.indicators.map((i) => i.id)).toEqual(['material.agriculture']);
    expect(result.totals.gep).toEqual({ value: '3000000', unit: '元', priceYear: 2022 });
  });

  it('filled in (XLSX, en), import without edits, the instruction sheet left unread', () => {
    const wb = read(templateXlsx('national-2022', 'en'), { type: 'array' });
    expect(wb.SheetNames).toEqual(['README 说明', 'account 核算信息', 'material 物质产品', 'regulating 调节服务', 'cultural 文化服务']);
    for (const name of wb.SheetNames.slice(1)) {
      const ws = wb.Sheets[name]!;
      const rows = fill(utils.sheet_to_json<string[]>(ws, { header: 1, defval: '', raw: false }), 'en');
      wb.Sheets[name] = utils.aoa_to_sheet(rows);
    }
    const bytes = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const result = gepResultToJson(computeGep(importXlsx(bytes, 'filled.xlsx').input));
    expect(result.totals.gep.value).toBe('3000000');
    expect(result.region).toEqual({ name: '示例县', code: '140702', level: 'county' });
  });
});

describe('table fields', () => {
  it('cover every input of every registered indicator spec, with nothing a table cannot address', () => {
    for (const [id, m] of INDICATORS) {
      const block = tableBlocks().get(id)!;
      expect(block.unsupported, id).toEqual([]);
      for (const input of m.spec.inputs) expect(block.byPath.has(input.path), `${id} ${input.path}`).toBe(true);
    }
  });
});
