import { parse } from 'csv-parse/sync';
import { CFB, read, utils, write } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { gepResultToJson } from '../../src/accounts/serialize.js';
import { tableBlocks } from '../../src/io/fields.js';
import { importCsv } from '../../src/io/csv-input.js';
import { templateCsv, templateXlsx, unitChoices } from '../../src/io/input-export.js';
import { ecosystemTypes } from '../../src/indicators/catalogue.js';
import { toCsv } from '../../src/io/table-output.js';
import { importXlsx } from '../../src/io/xlsx-input.js';
import { INDICATORS } from '../../src/indicators/registry.js';
import { getProfile } from '../../src/profiles/profiles.js';

/** What a statistician writes into the template: field → [item, ecosystem type, value, unit, price year]. */
const FILL: Record<string, [string, string, string, string?, string?]> = {
  'economy.gdp': ['', '', '168.5', '亿元', '2022'],
  'economy.gdp.basis': ['', '', 'regional-statistics'],
  'economy.population': ['', '', '30.2', '万人'],
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
    const enabled = getProfile('national-2022')!
      .indicators.map((p) => p.id)
      .filter((id) => INDICATORS.has(id));
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

  it("describe each field in the template's language: Chinese notes in zh (CSV and XLSX), English in en (issue 16)", () => {
    const csvZh = parse(templateCsv('national-2022', 'zh'), { bom: true, relax_column_count: true }) as string[][];
    const quantity = csvZh.find((r) => r[0] === '农业产品' && r[3] === 'products[].quantity')!;
    expect(quantity[7]).toMatch(/^必填 · 核算年份产品产量（任意单位：t、m³、头等） · 示例：\d+ t/);
    const xlsx = read(templateXlsx('national-2022', 'zh'));
    const cells = xlsx.SheetNames.flatMap((n) => utils.sheet_to_json<string[]>(xlsx.Sheets[n]!, { header: 1 }).flat()).filter(
      (c) => typeof c === 'string',
    );
    const waterArea = INDICATORS.get('regulating.water-conservation')!.spec.inputs.find((i) => i.path === 'ecosystems[].area')!;
    expect(cells.some((c) => c.includes(waterArea.descriptionZh))).toBe(true);
    expect(cells.some((c) => c.includes(waterArea.description))).toBe(false);
    // Every note of the zh template shows the Chinese of the spec, none its English.
    for (const m of INDICATORS.values()) {
      for (const input of m.spec.inputs)
        expect(
          csvZh.some((r) => r[7]?.includes(input.description)),
          `${m.spec.id} ${input.path}`,
        ).toBe(false);
    }
  });

  it('filled in (CSV, zh), import without edits and compute: 1 250 t × 2 400 元/t = 3 000 000 元', () => {
    const rows = parse(templateCsv('national-2022', 'zh'), { bom: true, relax_column_count: true }) as string[][];
    const { input } = importCsv(toCsv(fill(rows, 'zh')), 'filled.csv');
    expect(input.profile).toBe('national-2022');
    const result = gepResultToJson(computeGep(input));
    expect(result.indicators.map((i) => i.id)).toEqual(['material.agriculture']);
    expect(result.totals.gep).toEqual({ value: '3000000', unit: '元', priceYear: 2022 });
    expect(input.economy).toEqual({
      gdp: { value: '168.5', unit: '亿元', priceYear: 2022, basis: 'regional-statistics' },
      population: { value: '30.2', unit: '万人' },
    });
  });

  it('filled in (XLSX, en), import without edits, the instruction sheet left unread', () => {
    const wb = read(templateXlsx('national-2022', 'en'), { type: 'array' });
    expect(wb.SheetNames).toEqual([
      'README 说明',
      'account 核算信息',
      'material 物质产品',
      'regulating 调节服务',
      'cultural 文化服务',
      'lists 列表',
    ]);
    for (const name of wb.SheetNames.slice(1, -1)) {
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

/** The `<dataValidations>` of each sheet of a workbook, as `sqref → formula`. */
function dropDowns(bytes: Uint8Array): Record<string, Record<string, string>> {
  const cfb = CFB.read(bytes, { type: 'array' });
  const names = read(bytes, { type: 'array' }).SheetNames;
  return Object.fromEntries(
    names.map((name, i) => {
      const xml = new TextDecoder().decode((CFB.find(cfb, `/xl/worksheets/sheet${i + 1}.xml`) as { content: Uint8Array }).content);
      const found = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"><formula1>([^<]*)<\/formula1>/g)].map((m) => [
        m[1]!,
        m[2]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'),
      ]);
      return [name, Object.fromEntries(found)];
    }),
  );
}

describe('templates: the economy block and drop-down lists (issue 16)', () => {
  const block = tableBlocks().get('account')!;
  // A list line's item (coefficientOverrides[].id included) is written in the item column.
  const isItem = (f: (typeof block.fields)[number]) =>
    f.keyColumn !== null || (f.listSegments !== null && block.lists.get(f.listSegments.join('.'))?.itemField === f.segments[0]);
  const ACCOUNT_HELD = block.fields.filter((f) => !f.path.startsWith('about.') && !isItem(f)).map((f) => f.path);

  it('ask for every field of the envelope a table holds: GDP with its basis, population, realised value, GEEP inputs, outside lines, overrides', () => {
    for (const lang of ['zh', 'en'] as const) {
      const rows = parse(templateCsv('national-2022', lang), { bom: true, relax_column_count: true }) as string[][];
      const fields = new Set(rows.map((r) => r[3]));
      for (const path of ACCOUNT_HELD) expect(fields.has(path), `${lang} ${path}`).toBe(true);
    }
    const rows = parse(templateCsv('national-2022', 'en'), { bom: true, relax_column_count: true }) as string[][];
    expect(rows.find((r) => r[3] === 'economy.gdp')!.slice(5, 8)).toEqual([
      '亿元',
      '',
      expect.stringMatching(/^optional · GDP of the region .* · e\.g\. 168\.5 亿元 \(2022\)$/),
    ]);
  });

  it('offer drop-downs in XLSX: ecosystem type ids from the lists sheet, the units of each field, the allowed words', () => {
    const bytes = templateXlsx('national-2022', 'en');
    const lists = dropDowns(bytes);
    const account = Object.values(lists['account 核算信息']!);
    expect(account).toContain('"county,city,province,area"');
    expect(account).toContain('"km²,hm²,亩,m²"');
    expect(account).toContain('"regional-statistics,sum-of-subregions,national-nbs"');
    expect(account).toContain('"caep,caep-with-resource-depletion,eco-gdp-all-services"');
    const material = lists['material 物质产品']!;
    const typeCells = Object.entries(material).find(([, f]) => f === "'lists 列表'!$A$2:$A$29")![0];
    // Every row of the agriculture block sits on a line with an ecosystem type: column C.
    expect(typeCells.split(' ').every((c) => c.startsWith('C'))).toBe(true);
    expect(Object.values(material)).toContain('"t,kg,万t"');
    const ws = read(bytes, { type: 'array' }).Sheets['lists 列表']!;
    expect(utils.sheet_to_json<string[]>(ws, { header: 1 })[1]![0]).toBe([...ecosystemTypes().keys()][0]);
    // The workbook stays a template: deterministic, and the lists sheet is not read as data.
    expect(Buffer.from(templateXlsx('national-2022', 'en')).equals(Buffer.from(bytes))).toBe(true);
  });

  it('proposes units of the dimension of the field only', () => {
    expect(unitChoices('km²')).toEqual(['km²', 'hm²', '亩', 'm²']);
    expect(unitChoices('m³/a')).toEqual(['m³/a', 'm³', '万m³', '亿m³', '万m³/a']);
    expect(unitChoices('元/t C')).toEqual(['元/t C']);
  });
});
