import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { gepResultToJson } from '../../src/accounts/serialize.js';
import { compareGep, gepComparisonToJson } from '../../src/accounts/compare.js';
import { getPriceIndex } from '../../src/coefficients/indices.js';
import { getProfile } from '../../src/profiles/profiles.js';
import { accountExtras } from '../../src/cli/compare.js';
import { reproduceCase } from '../../src/reproduce/reproduce.js';
import { resultToHtml } from '../../src/io/html-report.js';
import { reproductionToHtml } from '../../src/io/reproduction-html.js';
import { barChart, niceStep, stackedBar } from '../../src/io/svg-chart.js';
import type { GepInput } from '../../src/accounts/input.js';

// 1 250 t × 2 400 元/t = 3 000 000 元 = 300.00 万元; 12 t × 3 000 元/t = 36 000 元 = 3.60 万元;
// GEP = 3 036 000 元 = 303.60 万元 (below 1 亿元, so the figures and charts are in 万元).
// Shares: 3 000 000 / 3 036 000 = 98.8 %, 36 000 / 3 036 000 = 1.2 % (one decimal, half-up).
const TINY: GepInput = {
  region: { name: '测试县 <b>&', level: 'county' },
  accountingYear: 2022,
  priceYear: 2022,
  indicators: {
    'material.agriculture': {
      products: [
        { item: '玉米', ecosystemType: 'cropland', quantity: { value: '1250', unit: 't' }, price: { value: '2400', unit: '元/t' } },
        { item: '<script>alert(1)</script>', quantity: { value: '12', unit: 't' }, price: { value: '3000', unit: '元/t' } },
      ],
    },
  },
};
const tiny = gepResultToJson(computeGep(TINY));

/** Every element of a kind with an attribute, as its opening tag. */
const tags = (html: string, pattern: RegExp) => html.match(pattern) ?? [];
const chart = (html: string, id: string) => {
  const start = html.indexOf(`data-chart="${id}"`);
  if (start < 0) return '';
  return html.slice(start, html.indexOf('</svg>', start));
};
const bars = (svg: string) => tags(svg, /<rect class="bar[^"]*"/g).length;

describe('HTML report of an account', () => {
  const html = resultToHtml(tiny, { lang: 'en', inputHash: 'sha256:abc' });

  it('is one page that loads nothing: no script, no link, no src, and a CSP that forbids any fetch', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|url\(|@import/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it('escapes every text that comes from the input', () => {
    expect(html).toContain('测试县 &lt;b&gt;&amp;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('shows GEP and the categories from the result, in 万元 below 1 亿元, with their exact value beside', () => {
    expect(html).toMatch(/data-figure="gep" data-value="3036000"[^>]*>.*?<span class="v">303\.60<\/span><span class="unit">万元<\/span>/);
    expect(html).toMatch(/data-figure="material" data-value="3036000"[^>]*>.*?<span class="v">303\.60<\/span>.*?100\.0 % of GEP/);
    expect(html).toMatch(/data-figure="regulating" data-value="0"[^>]*>.*?<span class="v">0\.00<\/span>/);
    expect(html).not.toContain('data-figure="geep"');
  });

  it('draws the charts: three category segments, one bar per indicator, one bar per quantity line', () => {
    expect(bars(chart(html, 'categories'))).toBe(3);
    expect(bars(chart(html, 'indicators'))).toBe(1);
    expect(chart(html, 'indicators')).toContain('303.60 · 100.0 %');
    expect(bars(chart(html, 'quantity:material.agriculture'))).toBe(2);
    // Quantities by the display rule: four significant digits, whole units from 1 000 up (1,250 and 12, not 1,250.00 and 12.00).
    expect(chart(html, 'quantity:material.agriculture')).toMatch(/>1,250<.*>12</);
  });

  it('prints the account table with 万元, 亿元 and shares rounded half-up, and the GEP row', () => {
    expect(html).toMatch(
      /<tr data-indicator="material\.agriculture">.*?<td class="num">1,262 t<\/td><td class="num" data-unit-price>2 prices<\/td><td class="num" data-value="3036000">303\.60<\/td><td class="num">0\.03<\/td><td class="num">100\.0 %<\/td>/,
    );
    expect(html).toMatch(/<tr class="grand" data-total="gep">.*?303\.60<\/td><td class="num">0\.03<\/td>/);
  });

  it('opens the trace of each indicator on demand, with its lines and steps', () => {
    const details = tags(html, /<details id="trace-[^"]+"/g);
    expect(details).toEqual(['<details id="trace-material.agriculture"']);
    expect(html).toContain('input:indicators.material.agriculture.products[0].price');
    expect(html).toMatch(/<td class="num">3,000,000 元<\/td>/);
  });

  it('states the rounding rule and the input hash in the footer', () => {
    expect(html).toContain(
      'Display: money in 万元 or 亿元, half-up, 2 decimal places, each cell independently; physical quantities and unit prices to 4 significant digits',
    );
    expect(html).toContain('<code>sha256:abc</code>');
  });

  it('speaks Chinese with --lang zh', () => {
    const zh = resultToHtml(tiny, { lang: 'zh' });
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('<title>测试县 &lt;b&gt;&amp; 2022 年生态产品总值（GEP）核算报告</title>');
    expect(zh).toContain('显示规则：金额以万元或亿元计，四舍五入保留 2 位小数');
    expect(zh).toContain('占 GEP 100.0 %');
  });
});

describe('HTML report of the sample county with GEEP, ratios and a comparison with 2021', () => {
  const input = JSON.parse(readFileSync('fixtures/sample-county/input.json', 'utf8'));
  const input2021 = JSON.parse(readFileSync('fixtures/sample-county/input-2021.json', 'utf8'));
  const b = computeGep(input);
  const a = computeGep(input2021);
  const json = { ...gepResultToJson(b), ...accountExtras(b, input, 'zh').json };
  const index = getProfile(a.profile.id)?.priceIndex;
  const comparison = gepComparisonToJson(compareGep(a, b, index ? { priceIndex: getPriceIndex(index) } : {}));
  const html = resultToHtml(json, { lang: 'zh', comparison });

  it('highlights every to-verify coefficient and counts them in the banner', () => {
    const toVerify = json.coefficientsUsed.filter((c) => c.status === 'to-verify');
    expect(toVerify.length).toBeGreaterThan(0);
    expect(tags(html, /<tr class="to-verify" data-coefficient="[^"]+" data-status="to-verify">/g)).toHaveLength(toVerify.length);
    expect(tags(html, /data-coefficient="/g)).toHaveLength(json.coefficientsUsed.length);
    expect(html).toContain(`本次核算使用了 ${toVerify.length} 个“待核实”参数`);
  });

  it('has one bar per indicator, one trace per indicator and one table row per indicator', () => {
    const n = json.indicators.length;
    expect(bars(chart(html, 'indicators'))).toBe(n);
    expect(tags(html, /<details id="trace-/g)).toHaveLength(n);
    expect(tags(html, /<tr data-indicator="/g)).toHaveLength(n);
  });

  it('shows GEEP and the ratios when the input has them, with GEEP as a waterfall of its counted terms', () => {
    expect(json.geep).toBeDefined();
    expect(html).toContain(`data-figure="geep" data-value="${json.geep!.geep.value}"`);
    const counted = json.geep!.terms.filter((t) => t.sign !== 0).length;
    expect(bars(chart(html, 'geep'))).toBe(counted + 1);
    expect(tags(html, /<tr data-ratio="/g)).toHaveLength(json.ratios!.ratios.length);
  });

  it('shows the comparison: three bars per category and GEP, a four-step decomposition, and the decline flag', () => {
    expect(bars(chart(html, 'comparison-categories'))).toBe(4 * 3);
    expect(bars(chart(html, 'decomposition'))).toBe(4);
    expect(chart(html, 'decomposition')).toContain(`data-value="${comparison.gep.quantityEffect.value}"`);
    expect(html).toContain(`data-decline="${comparison.decline.flagged}"`);
    expect(bars(chart(html, 'effects')) % 2).toBe(0);
  });

  it('prints figures at display precision everywhere but in the calculation, where the exact values are marked', () => {
    // What a reader sees (text, not attributes), section by section; the trace keeps the exact decimals.
    const visible = (part: string) => part.replace(/="[^"]*"/g, '=""').replace(/<[^>]+>/g, ' ');
    const long = (text: string) =>
      (text.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).filter((n) => n.replace(/[,.]/g, '').replace(/^0+/, '').length > 12);
    const sections = html.split(/(?=<section id=")/);
    for (const part of sections.filter((x) => !x.startsWith('<section id="trace"')))
      expect(long(visible(part)), part.slice(0, 30)).toEqual([]);
    // The CPI factor of a rebased price (it printed ×1.3180250339951246286769590296832), exact on hover.
    expect(html).toMatch(/按 cpi-national 由 2010 年换算至 2022 年，×1\.318</);
    expect(html).toMatch(/title="×1\.3180250339951246286769590296832 = 9\.3052567400055798784593307495633\d* 元\/m³"/);
    const trace = sections.find((x) => x.startsWith('<section id="trace"'))!;
    expect(trace).toContain('精确值');
    expect(trace).toMatch(/<span class="exact" title="\d+\.\d{20,}">/);
  });

  it('shows the carbon row with quantity and unit price on one basis (t CO2)', () => {
    const row = html.slice(html.indexOf('<tr data-indicator="regulating.carbon-sequestration">'));
    // The module prices the lines per t CO2 (issue 16), so the row shows its price as it is, unmarked.
    expect(row.slice(0, row.indexOf('</tr>'))).toMatch(
      /万t CO2\/a<\/td><td class="num" data-unit-price><span title="486\.716\d* 元\/t CO2">486\.7 元\/t CO2<\/span>/,
    );
  });

  it('shows the to-verify notice once, with its count, and not again among the warnings', () => {
    const toVerify = json.coefficientsUsed.filter((c) => c.status === 'to-verify').length;
    expect(html.split(`${toVerify} 个“待核实”参数`)).toHaveLength(2);
    expect(html).not.toContain('data-warning="coefficient-to-verify"');
    expect(html).not.toContain('data-warning="profile-to-verify"');
    expect(html).toContain('“待核实”参数及核算方案状态见报告开头的提示和参数表。');
  });

  it('states the report date and who prepared it, as the caller gives them (never from the clock), else "not stated"', () => {
    const dated = resultToHtml(json, { lang: 'zh', date: '2025-06-30', preparedBy: '某县统计局 <生态>' });
    expect(dated).toContain('<li><b>报告日期</b>2025-06-30</li><li><b>编制单位</b>某县统计局 &lt;生态&gt;</li>');
    expect(dated).toContain('<footer><p>报告日期：2025-06-30 · 编制单位：某县统计局 &lt;生态&gt;</p>');
    expect(html).toContain('<li><b>报告日期</b>未注明</li><li><b>编制单位</b>未注明</li>');
    expect(resultToHtml(json, { lang: 'zh', date: '2025-06-30' })).toBe(resultToHtml(json, { lang: 'zh', date: '2025-06-30' }));
  });

  it('names ecosystem types instead of their ids in the quantity charts', () => {
    expect(chart(html, 'quantity:regulating.water-conservation')).toContain('落叶阔叶林');
    expect(chart(html, 'quantity:regulating.water-conservation')).not.toContain('>deciduous-broadleaf-forest<');
  });
});

describe('HTML page of a reproduction', () => {
  const r = reproduceCase(JSON.parse(readFileSync('fixtures/cases/shenzhen-2020.json', 'utf8')));
  const html = reproductionToHtml(r, { lang: 'en' });

  it('shows the verdict, one table row per printed row and one distance bar per recomputed row', () => {
    expect(html).toContain(`data-verdict="${r.verdict}"`);
    expect(tags(html, /<tr data-row="/g)).toHaveLength(r.rows.length);
    expect(bars(chart(html, 'row-distance'))).toBe(r.rows.filter((x) => x.recomputed !== null).length);
    expect(tags(html, /<tr data-identity="/g)).toHaveLength(r.identities.length);
    expect(html).not.toMatch(/<script|\ssrc=/);
  });
});

describe('SVG charts', () => {
  it('pick axis steps of 1, 2 or 5 × 10ⁿ', () => {
    expect(niceStep(102)).toBe(20);
    expect(niceStep(41.26)).toBe(10);
    expect(niceStep(0.9)).toBeCloseTo(0.2);
    expect(niceStep(0)).toBe(1);
  });

  it('draw negative and floating bars from the zero line, and an axis that starts at 0 for positive data', () => {
    const svg = barChart(
      [
        { label: 'a', bars: [{ end: 10, color: '#000', text: '10' }] },
        { label: 'b', bars: [{ start: 10, end: 4, color: '#000', text: '−6' }] },
        { label: 'c', bars: [{ end: -2, color: '#000', text: '−2' }] },
      ],
      { id: 't', title: 't', unit: 'u' },
    );
    expect(bars(svg)).toBe(3);
    expect(svg).toContain('>-2<');
    const positive = barChart([{ label: 'a', bars: [{ end: 3, color: '#000' }] }], { id: 'p', title: 'p', unit: 'u' });
    expect(positive).not.toMatch(/class="tick"[^>]*>-/);
  });

  it('draw a stacked bar whose segments share the width in proportion', () => {
    const svg = stackedBar(
      [
        { label: 'x', amount: 1, color: '#000', text: '1' },
        { label: 'y', amount: 3, color: '#111', text: '3' },
      ],
      { id: 's', title: 's', width: 400 },
    );
    expect(svg).toMatch(/x="0" y="0" width="100"/);
    expect(svg).toMatch(/x="100" y="0" width="300"/);
  });
});
