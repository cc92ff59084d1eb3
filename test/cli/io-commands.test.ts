import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { read } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/main.js';
import { inputToCsv, inputToXlsx } from '../../src/io/input-export.js';

function cli(argv: string[], files: Record<string, string | Uint8Array> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string | Uint8Array> = {};
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: (p) => {
      const f = files[p];
      if (f !== undefined) return typeof f === 'string' ? f : new TextDecoder().decode(f);
      return readFileSync(p, 'utf8');
    },
    readBytes: (p) => {
      const f = files[p];
      if (f !== undefined) return typeof f === 'string' ? new TextEncoder().encode(f) : f;
      return readFileSync(p);
    },
    writeFile: (p, t) => {
      written[p] = t;
    },
    writeBytes: (p, b) => {
      written[p] = b;
    },
    mkdir: () => {},
  };
  const code = runCli(argv, io);
  return { code, stdout: out.join(''), stderr: err.join(''), written };
}

const SAMPLE = JSON.parse(readFileSync('fixtures/sample-county/input.json', 'utf8'));
const csv = inputToCsv(SAMPLE, 'zh');

describe('gep validate', () => {
  it('exits 0 on a good CSV and XLSX file and says so', () => {
    const a = cli(['validate', 'county.csv'], { 'county.csv': csv });
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/^county\.csv: no problems found \(\d+ indicators accounted, \d+ warnings\)/);
    expect(cli(['validate', 'county.xlsx', '--lang', 'zh'], { 'county.xlsx': inputToXlsx(SAMPLE, 'zh') }).stdout).toMatch(/^county\.xlsx：未发现问题/);
  });

  it('exits 1 and lists every problem with its row and column, in Chinese with --lang zh', () => {
    const bad = csv.replace('region.level,county', 'region.level,town').replace(/products\[\]\.quantity,185000,t/, 'products[].quantity,18５000,斤');
    const { code, stderr } = cli(['validate', 'bad.csv', '--lang', 'zh'], { 'bad.csv': bad });
    expect(code).toBe(1);
    const rowOf = (text: string) => bad.split('\r\n').findIndex((l) => l.includes(text)) + 1;
    expect(stderr.split('\n').slice(0, 3)).toEqual([
      '输入有 2 个问题:',
      `  - bad.csv，第 ${rowOf('region.level,town')} 行，E 列：region.level：应为 one of "county", "city", "province", "area"，实际为 "town"`,
      `  - bad.csv，第 ${rowOf(',斤,')} 行，F 列：indicators.material.agriculture.products[0].quantity.unit：无法识别的单位 "斤"`,
    ]);
  });

  it('reports problems found while computing, located in the file (a profile that does not have the indicator)', () => {
    const { code, stderr } = cli(['validate', 'county.csv', '--profile', 'nowhere'], { 'county.csv': csv });
    expect(code).toBe(1);
    expect(stderr).toContain('unknown profile "nowhere"');
  });
});

describe('gep template', () => {
  it('writes an XLSX template (zh by default) and a CSV template', () => {
    const x = cli(['template', '--out', 't.xlsx']);
    expect(x.code).toBe(0);
    expect(read(x.written['t.xlsx'] as Uint8Array, { type: 'array' }).SheetNames[0]).toBe('说明 README');
    const c = cli(['template', '--profile', 'national-2022', '--lang', 'en', '--out', 't.csv']);
    expect((c.written['t.csv'] as string).split('\r\n')[0]).toBe('\ufeffindicator,item,ecosystem type,field,value,unit,price year,note');
  });

  it('refuses a missing --out, another extension and an unknown profile with exit 2', () => {
    for (const argv of [['template'], ['template', '--out', 't.pdf'], ['template', '--out', 't.csv', '--profile', 'x'], ['template', 'extra', '--out', 't.csv']]) {
      expect(cli(argv).code, argv.join(' ')).toBe(2);
    }
  });
});

describe('gep run with tables and export formats', () => {
  it('reads a CSV input and gives the same account as its JSON', () => {
    const fromJson = cli(['run', 'fixtures/sample-county/input.json', '--format', 'json']);
    const fromCsv = cli(['run', 'county.csv', '--format', 'json'], { 'county.csv': csv });
    expect(fromCsv.code).toBe(0);
    expect(JSON.parse(fromCsv.stdout)).toEqual(JSON.parse(fromJson.stdout));
    expect(JSON.parse(fromCsv.stdout).export.inputHash).toMatch(/^sha256:/);
  });

  it('writes csv, xlsx and md exports into --out DIR', () => {
    const csvRun = cli(['run', 'county.csv', '--out', 'o', '--format', 'csv'], { 'county.csv': csv });
    expect(Object.keys(csvRun.written).sort()).toEqual(['account.txt', 'coefficients.csv', 'indicators.csv', 'result.json', 'summary.csv', 'trace.csv', 'warnings.csv'].map((f) => join('o', f)).sort());
    const xlsxRun = cli(['run', 'fixtures/sample-county/input.json', '--out', 'o', '--format', 'xlsx']);
    expect(read(xlsxRun.written[join('o', 'result.xlsx')] as Uint8Array, { type: 'array' }).SheetNames).toEqual(['summary', 'indicators', 'trace', 'coefficients', 'warnings']);
    const md = cli(['run', 'fixtures/sample-county/input.json', '--out', 'o', '--format', 'md']);
    expect(md.written[join('o', 'report.md')]).toContain('rounding: half-up, 2 decimal places');
    expect(md.stdout).toBe(`written: ${['result.json', 'account.txt', 'report.md'].map((f) => join('o', f)).join(', ')}\n`);
  });

  it('writes the HTML report as report.html into --out DIR and only lists the files on the terminal', () => {
    const html = cli(['run', 'fixtures/sample-county/input.json', '--out', 'o', '--format', 'html', '--lang', 'zh']);
    expect(html.code).toBe(0);
    const page = html.written[join('o', 'report.html')] as string;
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('data-chart="indicators"');
    // Before, the whole page was printed to the terminal as well.
    expect(html.stdout).toBe(`已写入: ${['result.json', 'account.txt', 'report.html'].map((f) => join('o', f)).join(', ')}\n`);
    expect(html.stdout).not.toContain('<');
    // Without --out the report is what the terminal shows.
    expect(cli(['run', 'fixtures/sample-county/input.json', '--format', 'html']).stdout.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('needs --out for csv and xlsx (exit 2)', () => {
    expect(cli(['run', 'fixtures/sample-county/input.json', '--format', 'xlsx']).code).toBe(2);
  });
});
