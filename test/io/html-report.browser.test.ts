/**
 * The HTML report in a real browser: Debian's headless Chromium driven by playwright-core (which
 * never downloads a browser of its own). Checks that the SVG charts render with one bar per
 * indicator, that the totals on the page are the JSON result's, that a trace opens on demand, and
 * saves the screenshot the README shows (docs/report-screenshot.png).
 *
 * Skipped where /usr/bin/chromium is absent; CI installs it (.ci/run). Locally:
 *   apt-get install -y chromium fonts-noto-cjk
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { computeGep } from '../../src/accounts/gep.js';
import { gepResultToJson } from '../../src/accounts/serialize.js';
import { compareGep, gepComparisonToJson } from '../../src/accounts/compare.js';
import { getPriceIndex } from '../../src/coefficients/indices.js';
import { getProfile } from '../../src/profiles/profiles.js';
import { accountExtras } from '../../src/cli/compare.js';
import { decimalArithmetic, GepDecimal } from '../../src/numbers/arithmetic.js';
import { roundDecimal } from '../../src/numbers/rounding.js';
import { convert } from '../../src/units/units.js';
import { resultToHtml } from '../../src/io/html-report.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const SCREENSHOT = 'docs/report-screenshot.png';
const available = existsSync(CHROMIUM);
if (!available) {
  console.warn(
    `[gep] test/io/html-report.browser.test.ts skipped: ${CHROMIUM} not found. Install Debian's Chromium to run it: apt-get install -y chromium (CI does this in .ci/run).`,
  );
}

// The sample county of 2022 with its GEEP and ratios, compared with 2021, in Chinese.
const input = JSON.parse(readFileSync('fixtures/sample-county/input.json', 'utf8'));
const input2021 = JSON.parse(readFileSync('fixtures/sample-county/input-2021.json', 'utf8'));

/** What the page's elements offer here (the project's TypeScript has no DOM library). */
interface Rect {
  getBoundingClientRect(): { readonly width: number };
}

/** A value in 元 as the report prints it in 亿元: converted, rounded half-up to 2 places, grouped. */
const yi = (yuan: string) =>
  roundDecimal(convert(decimalArithmetic, new GepDecimal(yuan), '元', '亿元').toString()).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

describe.skipIf(!available)('HTML report in headless Chromium', () => {
  let dir = '';
  let context: BrowserContext;
  let page: Page;
  const b = computeGep(input);
  const a = computeGep(input2021);
  const json = { ...gepResultToJson(b), ...accountExtras(b, input, 'zh').json };
  const index = getProfile(a.profile.id)?.priceIndex;
  const comparison = gepComparisonToJson(compareGep(a, b, index ? { priceIndex: getPriceIndex(index) } : {}));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gep-report-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, resultToHtml(json, { lang: 'zh', comparison }));
    context = await chromium.launchPersistentContext(join(dir, 'user-data'), {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1200, height: 1500 },
      deviceScaleFactor: 1,
    });
    page = await context.newPage();
    await page.goto(pathToFileURL(file).href);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('renders the indicator chart with one visible bar per indicator, longest for the largest value', async () => {
    const drawn = await page.$$eval('svg[data-chart="indicators"] rect.bar', (rects) =>
      rects.map((r) => ({ value: r.getAttribute('data-value'), width: (r as unknown as Rect).getBoundingClientRect().width })),
    );
    expect(drawn).toHaveLength(json.indicators.length);
    const largest = [...json.indicators].sort((x, y) => new GepDecimal(y.value.total.value).comparedTo(x.value.total.value))[0]!;
    expect(drawn[0]!.value).toBe(largest.value.total.value);
    for (let k = 1; k < drawn.length; k++) expect(drawn[k]!.width).toBeLessThanOrEqual(drawn[k - 1]!.width);
    expect(drawn[0]!.width).toBeGreaterThan(300);
  });

  it('renders the category bar, the comparison, the decomposition and the GEEP waterfall', async () => {
    const count = (id: string) => page.locator(`svg[data-chart="${id}"] rect.bar`).count();
    expect(await count('categories')).toBe(3);
    expect(await count('comparison-categories')).toBe(12);
    expect(await count('decomposition')).toBe(4);
    expect(await count('geep')).toBe(json.geep!.terms.filter((t) => t.sign !== 0).length + 1);
    expect(await page.locator('svg.chart').count()).toBeGreaterThan(10);
    const widths = await page.$$eval('svg[data-chart="categories"] rect.bar', (rects) =>
      rects.map((r) => (r as unknown as Rect).getBoundingClientRect().width),
    );
    expect(widths.reduce((s, w) => s + w, 0)).toBeGreaterThan(800);
  });

  it('shows the totals of the JSON result: GEP, its categories and GEEP in 亿元, and the table total in 万元', async () => {
    const figure = (kind: string) => page.locator(`[data-figure="${kind}"] .v`).textContent();
    expect(await figure('gep')).toBe(yi(json.totals.gep.value));
    for (const c of ['material', 'regulating', 'cultural'] as const) expect(await figure(c)).toBe(yi(json.totals[c].value));
    expect(await figure('geep')).toBe(yi(json.geep!.geep.value));
    const wan = roundDecimal(convert(decimalArithmetic, new GepDecimal(json.totals.gep.value), '元', '万元').toString()).replace(
      /\B(?=(\d{3})+(?!\d))/g,
      ',',
    );
    expect(await page.locator('tr[data-total="gep"] td[data-value]').textContent()).toBe(wan);
    expect(
      await page.locator('svg[data-chart="comparison-categories"] .row[data-key="gep"] rect[data-series="b"]').getAttribute('data-value'),
    ).toBe(json.totals.gep.value);
  });

  it('opens the trace of an indicator on demand', async () => {
    const id = 'regulating.water-conservation';
    const steps = page.locator(`details[data-indicator="${id}"] table.steps`);
    expect(await steps.isVisible()).toBe(false);
    await page.locator(`details[data-indicator="${id}"] > summary`).click();
    expect(await steps.isVisible()).toBe(true);
    const trace = json.indicators.find((i) => i.id === id)!.trace.steps;
    expect(await steps.locator('tbody tr').count()).toBe(trace.length);
    await page.locator(`details[data-indicator="${id}"] > summary`).click();
  });

  it('saves the screenshot of the first screen for the README', async () => {
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: SCREENSHOT, clip: { x: 0, y: 0, width: 1200, height: 1500 } });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(20_000);
  });
});
