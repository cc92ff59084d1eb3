/**
 * The reports of the applications (src/io/application-*.ts): every fixture's result in every
 * form and language — numbers as the result has them, no NaN or undefined, Markdown tables that
 * line up, charts and highlighted non-standard rows in the HTML page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/main.js';
import { applicationReport, shortExact, type ApplicationJson } from '../../src/io/application-report.js';
import { applicationToHtml } from '../../src/io/application-html.js';
import { applicationToMarkdown, applicationToText } from '../../src/io/application-text.js';

function resultOf(argv: string[]): ApplicationJson {
  const out: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => {
      throw new Error(t);
    },
    readFile: (p) => readFileSync(p, 'utf8'),
    readBytes: (p) => readFileSync(p),
    writeFile: () => {},
    mkdir: () => {},
  };
  expect(runCli([...argv, '--format', 'json'], io)).toBe(0);
  return JSON.parse(out.join('')) as ApplicationJson;
}
const F = 'fixtures/applications';
const CASES: [string, string[], string][] = [
  ['area', ['area', `${F}/area-mine-restored.json`], 'value-per-km2'],
  ['project', ['project', `${F}/project-mine-restoration.json`], 'impact'],
  ['compensation', ['compensation', `${F}/compensation-quarry.json`], 'compensation'],
  ['vertical', ['eco-compensation', `${F}/eco-vertical.json`], 'allocation'],
  ['water quality', ['eco-compensation', `${F}/eco-water-quality.json`], 'quality-ratios'],
  ['bounds', ['eco-compensation', `${F}/eco-bounds-sample.json`], 'range'],
  ['settlement', ['eco-compensation', `${F}/eco-settlement.json`], 'positions'],
  ['audit', ['audit', `${F}/audit-sample-county.json`], 'drivers'],
  ['scorecard', ['scorecard', 'fixtures/sample-county/input-2021.json', 'fixtures/sample-county/input.json'], 'growth'],
  ['finance', ['finance', `${F}/finance-sample-county.json`], 'valuation'],
];

describe.each(CASES)('the %s report', (_name, argv, chart) => {
  const result = resultOf(argv);

  it('prints in every form and language without NaN, undefined or an object', () => {
    for (const lang of ['en', 'zh'] as const) {
      for (const text of [
        applicationToText(result, { lang }),
        applicationToMarkdown(result, { lang }),
        applicationToHtml(result, { lang }),
      ]) {
        expect(text).not.toMatch(/NaN|undefined|\[object Object\]|Infinity/);
      }
    }
  });

  it('shows the key figures with the exact values of the result, and the chart, in one offline HTML page', () => {
    const html = applicationToHtml(result, { lang: 'zh' });
    expect(html).toContain(`data-chart="${chart}"`);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    const doc = applicationReport(result);
    for (const f of doc.figures.filter((x) => x.exact)) expect(html).toContain(`data-figure="${f.key}" data-value="${f.exact}"`);
    // the method section names each source and how well it is known; non-standard rows are highlighted
    expect(html).toContain('<section id="method">');
    if (doc.sections.find((s) => s.id === 'method')!.blocks.some((b) => b.type === 'table' && (b.marked ?? []).length))
      expect(html).toContain('class="to-verify"');
  });

  it('cites, in each step, only steps of its own trace (a step taken under a prefix keeps its references)', () => {
    const trace = (result as { trace: { steps: { name: string; inputs: Record<string, { from: string }> }[] } }).trace;
    const names = new Set(trace.steps.map((s) => s.name));
    const cited = trace.steps
      .flatMap((s) => Object.values(s.inputs).map((v) => v.from))
      .filter((f) => f.startsWith('step:'))
      .map((f) => f.slice(5));
    for (const name of cited) expect(names, name).toContain(name);
  });

  it('gives every step, parameter and method of its trace in Chinese', () => {
    const trace = (
      result as unknown as {
        trace: {
          steps: { name: string; zh?: { name: string } }[];
          parameters: { name: string; nameZh?: string }[];
          methods: { clause: string; clauseZh?: string }[];
        };
      }
    ).trace;
    for (const s of trace.steps) expect(s.zh?.name ?? (/[a-z]{2,} [a-z]{2,}/.test(s.name) ? undefined : s.name), s.name).toBeDefined();
    for (const p of trace.parameters) expect(p.nameZh, p.name).toBeDefined();
    for (const m of trace.methods)
      expect(
        m.clauseZh ?? (/\p{Script=Han}/u.test(m.clause) || !/[a-z]{2,} [a-z]{2,}/.test(m.clause) ? m.clause : undefined),
        m.clause,
      ).toBeDefined();
  });

  it('writes Markdown tables whose rows have as many cells as their header', () => {
    const md = applicationToMarkdown(result, { lang: 'en' });
    const lines = md.split('\n');
    lines.forEach((line, i) => {
      if (!/^\|---/.test(line)) return;
      const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
      const width = cells(lines[i - 1]!);
      for (let k = i + 1; k < lines.length && lines[k]!.startsWith('|'); k++) expect(cells(lines[k]!), lines[k]).toBe(width);
    });
  });
});

describe('report numbers', () => {
  it('round money at the edge by the stated rule and print payable amounts exactly', () => {
    const v = resultOf(['eco-compensation', `${F}/eco-vertical.json`]);
    const text = applicationToText(v);
    expect(text).toContain('100,000,000.00');
    expect(text).toContain('Rounding: half-up, 2 decimal places');
    // the sample county's payable amount, exact at the fen
    expect(text).toContain(
      Number((v as { counties: { payable: string }[] }).counties[0]!.payable).toLocaleString('en-US', { minimumFractionDigits: 2 }),
    );
  });

  it('shortens long exact decimals in the calculation to 12 significant digits, half-up, marked …', () => {
    // 10200426833.957… → 12 digits: 10200426833.9|57 → 10200426834; 0.0583894696418|5… → 0.0583894696419
    expect(shortExact('10200426833.95767655850641736439424804932')).toBe('10200426834…');
    expect(shortExact('-0.05838946964185260467509652934547419111814')).toBe('-0.0583894696419…');
    expect(shortExact('0.035')).toBe('0.035');
    expect(shortExact('flagged')).toBe('flagged');
  });
});
