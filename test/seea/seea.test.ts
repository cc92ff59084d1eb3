import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { gepResultToJson } from '../../src/accounts/serialize.js';
import { decimalArithmetic as A } from '../../src/numbers/arithmetic.js';
import { seeaTables } from '../../src/seea/seea.js';
import { seeaHtmlSections, seeaToHtml } from '../../src/io/seea-html.js';
import { seeaSheets, seeaToCsvFiles, seeaToText, seeaToXlsx } from '../../src/io/seea-export.js';
import { readWorkbook, workbookSheets } from '../../src/io/xlsx-input.js';

const read = (f: string) => JSON.parse(readFileSync(f, 'utf8'));
const input = read('fixtures/sample-county/input.json');
const input2021 = read('fixtures/sample-county/input-2021.json');
const result = gepResultToJson(computeGep(input));
const result2021 = gepResultToJson(computeGep(input2021));
const tables = seeaTables(input, result, {
  asset: { lifeYears: 20, discountRate: '0.03' },
  opening: { input: input2021, result: result2021 },
});

describe('the SEEA tables of the sample county (2021 → 2022)', () => {
  it('extent: six types from the water-conservation block, 420 + 380 + 510 + 260 + 620 + 18 = 2 208 km², the whole county, unchanged', () => {
    expect(tables.extent.rows.map((r) => [r.ecosystemType, r.opening, r.closing, r.netChange])).toEqual([
      ['evergreen-needleleaf-forest', '380', '380', '0'],
      ['deciduous-broadleaf-forest', '420', '420', '0'],
      ['deciduous-broadleaf-shrub', '510', '510', '0'],
      ['temperate-tussock', '260', '260', '0'],
      ['marsh-and-reservoir', '18', '18', '0'],
      ['cropland', '620', '620', '0'],
    ]);
    expect(tables.extent.total).toEqual({ opening: '2208', closing: '2208' });
    expect(tables.extent.region.unclassifiedClosing).toBe('0');
    // The other blocks agree with it (soil retention, sand fixation, air purification …): no flag.
    expect(tables.extent.warnings).toEqual([]);
  });

  it("monetary supply: each ecosystem column equals the account's value by ecosystem type, and the table adds up to the GEP", () => {
    for (const [type, v] of Object.entries(result.byEcosystemType)) expect(tables.services.monetaryTotals.byType[type], type).toBe(v.value);
    expect(tables.services.reconciliation.holds).toBe(true);
    expect(A.fromString(tables.services.monetaryTotals.total).minus(result.totals.gep.value).abs().lt('1e-25')).toBe(true);
  });

  it('use: water to industries 2 150 万m³ × 5.2 + 6 400 万m³ × 0.12 = 119 480 000 元, to households 1 280 万m³ × 3.5 = 44 800 000 元', () => {
    const water = tables.services.useMonetary.find((r) => r.indicator === 'material.water-supply')!;
    expect(water.byUser).toEqual({ industries: '119480000', households: '44800000', government: '0', unallocated: '0' });
    const carbon = tables.services.useMonetary.find((r) => r.indicator === 'regulating.carbon-sequestration')!;
    expect(carbon.byUser.unallocated).toBe(carbon.total);
  });

  it("sets apart the three reservoirs' flood storage: 301 + 147 + 52.5 万m³ = 5 005 000 m³", () => {
    const row = tables.services.supplyPhysical.find((r) => r.indicator === 'regulating.flood-regulation' && r.part !== null)!;
    expect([row.unit, row.total, row.seea.match]).toEqual(['m³/a', '5005000', 'none']);
  });

  it('assets: the annual flows with counterpart × (1 − 1.03^−20)/0.03, opening from 2021 at 2021 prices', () => {
    const a = tables.assets!;
    expect(a.annuityFactor).toBe('14.87747486045550682635824847012329886832');
    const counted = tables.services.supplyMonetary.filter((r) => r.seea.match !== 'none').map((r) => A.fromString(r.total));
    expect(a.closing.total.annualFlow).toBe(A.toString(A.sum(counted)));
    expect(a.closing.total.value).toBe(A.toString(A.multiply(A.sum(counted), A.fromString(a.annuityFactor))));
    expect(a.closing.excluded.map((e) => e.key)).toEqual([
      'material.eco-energy',
      "regulating.flood-regulation · reservoir flood storage (a produced asset's function)",
    ]);
    expect(a.opening!.priceYear).toBe(2021);
    expect(a.netChange).toBe(A.toString(A.subtract(A.fromString(a.closing.total.value), A.fromString(a.opening!.total.value))));
    expect(tables.notes).toEqual([
      {
        en: 'the opening asset value is at 2021 prices, the closing value at 2022 prices: the net change includes the change in prices',
        zh: '期初资产价值按 2021 年价格、期末按 2022 年价格计，净变化包含价格变化',
      },
    ]);
  });

  it('lists the mapping of every indicator of the account with its value', () => {
    expect(tables.mapping.services.map((s) => s.indicator)).toEqual(result.indicators.map((i) => i.id));
    expect(tables.mapping.services.find((s) => s.indicator === 'regulating.climate-regulation')).toMatchObject({
      match: 'method-differs',
      value: result.indicators.find((i) => i.id === 'regulating.climate-regulation')!.value.total.value,
    });
  });
});

describe('the SEEA exports', () => {
  it('round money to 万元 by the stated rule in every table', () => {
    const sheets = seeaSheets(tables);
    const agri = sheets['supply-monetary'].find((r) => r[0] === 'material.agriculture')!;
    // 1 082 525 000 元 = 108 252.50 万元, all cropland
    expect(agri.at(-1)).toEqual({ number: '108252.50' });
    expect(sheets.warnings.at(-1)).toEqual([
      'rounding',
      '',
      '',
      'rounding: half-up, 2 decimal places, each cell independently; money in 万元; exact values in the JSON',
    ]);
  });

  it('write eight CSV files and an eight-sheet workbook', () => {
    expect(Object.keys(seeaToCsvFiles(tables))).toEqual([
      'seea-extent.csv',
      'seea-supply-physical.csv',
      'seea-supply-monetary.csv',
      'seea-use-physical.csv',
      'seea-use-monetary.csv',
      'seea-assets.csv',
      'seea-mapping.csv',
      'seea-warnings.csv',
    ]);
    expect(workbookSheets(readWorkbook(seeaToXlsx(tables, { lang: 'zh' }))).map((s) => s.name)).toEqual([
      'extent',
      'supply-physical',
      'supply-monetary',
      'use-physical',
      'use-monetary',
      'assets',
      'mapping',
      'warnings',
    ]);
  });

  it('print text tables with their titles', () => {
    const text = seeaToText(tables, { lang: 'zh' });
    for (const title of [
      '生态系统范围账户',
      '生态系统服务供给表（价值量，万元）',
      '生态系统服务使用表（实物量）',
      '生态系统资产货币账户（万元）',
    ])
      expect(text).toContain(title);
    expect(text).toMatch(/合计\s+2,208\.00\s+2,208\.00/);
  });

  it('render an HTML page with a section per table, badges for the match, and no script', () => {
    const page = seeaToHtml(tables, { lang: 'en' });
    for (const id of ['extent', 'supply-physical', 'supply-monetary', 'use-physical', 'use-monetary', 'assets', 'mapping'])
      expect(page).toContain(`<section id="seea-${id}">`);
    expect(page).toContain('<span class="badge derived">method differs</span>');
    expect(page).not.toMatch(/<script/i);
    expect(seeaHtmlSections(tables, { first: 9 })).toContain('<h2>9. Ecosystem extent account</h2>');
  });
});

describe('the asset account and products from outside the region', () => {
  it('warns by how much the supply rows it capitalises include what GEP subtracts as from outside the region', () => {
    // 10 000 000 元/a from outside the region under gbt-46869-2025; L = 20, r = 3 %:
    // annuity factor (1 − 1.03^−20)/0.03 = 14.8774748604…, so up to 148 774 748.6… 元 of the asset value.
    const outsideInput = {
      ...input,
      outsideRegion: [{ item: '调入水 water brought in', value: { value: '1000', unit: '万元' }, method: 'reported' }],
    };
    const outsideResult = gepResultToJson(computeGep(outsideInput, { profile: 'gbt-46869-2025' }));
    expect(outsideResult.totals.outsideRegion.value).toBe('10000000');
    const t = seeaTables(outsideInput, outsideResult, { asset: { lifeYears: 20, discountRate: '0.03' } });
    const w = t.warnings.filter((x) => x.code === 'seea-assets-outside-region');
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toMatch(/include 10000000 元\/a of products from outside the region .* over by up to 148774748\.6/);
    expect(w[0]!.zh).toContain('区域外产品 10000000 元/a');
    // Without outside products (the sample county under its own profile): no such warning.
    expect(tables.warnings.map((x) => x.code)).not.toContain('seea-assets-outside-region');
  });
});
