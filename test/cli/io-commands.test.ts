import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { read } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/main.js';
import { inputToCsv, inputToXlsx } from '../../src/io/input-export.js';
import { gb18030 } from '../helpers/gb18030.js';
import { listProfiles } from '../../src/profiles/profiles.js';

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
    expect(cli(['validate', 'county.xlsx', '--lang', 'zh'], { 'county.xlsx': inputToXlsx(SAMPLE, 'zh') }).stdout).toMatch(
      /^county\.xlsx：未发现问题/,
    );
  });

  it('exits 1 and lists every problem with its row and column, in Chinese with --lang zh', () => {
    const bad = csv
      .replace('region.level,county', 'region.level,town')
      .replace(/products\[\]\.quantity,185000,t/, 'products[].quantity,18５000,斤');
    const { code, stderr } = cli(['validate', 'bad.csv', '--lang', 'zh'], { 'bad.csv': bad });
    expect(code).toBe(1);
    const rowOf = (text: string) => bad.split('\r\n').findIndex((l) => l.includes(text)) + 1;
    expect(stderr.split('\n').slice(0, 3)).toEqual([
      '输入有 2 个问题:',
      `  - bad.csv，第 ${rowOf('region.level,town')} 行，E 列：region.level：应为 "county"、"city"、"province"、"area" 之一，实际为 "town"`,
      `  - bad.csv，第 ${rowOf(',斤,')} 行，F 列：indicators.material.agriculture.products[0].quantity.unit：无法识别的单位 "斤"`,
    ]);
  });

  it('blames a --profile typo on the option, not on a cell of the file (issue 16: it was blamed on row 7)', () => {
    for (const command of ['validate', 'run']) {
      const { code, stderr } = cli([command, 'county.csv', '--profile', 'nowhere'], { 'county.csv': csv });
      expect(code, command).toBe(2);
      expect(stderr.split('\n')[0]).toBe(
        `gep: --profile: unknown profile "nowhere"; known profiles: ${listProfiles()
          .map((p) => p.id)
          .join(', ')}`,
      );
      expect(stderr).not.toMatch(/row \d/);
    }
  });
});

/** Every line of output that names an input issue, in order. */
const issueLines = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('  - '));

describe('gep validate and gep run agree (issue 13)', () => {
  const bad: Record<string, unknown> = {
    'an override in 元/m3': {
      ...SAMPLE,
      coefficientOverrides: [{ id: 'reservoir-storage-cost', value: '9.1', unit: '元/m3', priceYear: 2022, reason: 'x' }],
    },
    'an override unit nested five deep': {
      ...SAMPLE,
      coefficientOverrides: [{ id: 'reservoir-storage-cost', value: '9.1', unit: '(((((元)))))/m³', priceYear: 2022, reason: 'x' }],
    },
    'an override unit of the wrong dimension': {
      ...SAMPLE,
      coefficientOverrides: [{ id: 'reservoir-storage-cost', value: '9.1', unit: '元/t', priceYear: 2022, reason: 'x' }],
    },
    'region.area in 元/m3': { ...SAMPLE, region: { ...SAMPLE.region, area: { value: '2208', unit: '元/m3' } } },
    'region.area in t': { ...SAMPLE, region: { ...SAMPLE.region, area: { value: '2208', unit: 't' } } },
    'region.area nested 30 deep': {
      ...SAMPLE,
      region: { ...SAMPLE.region, area: { value: '2208', unit: `${'('.repeat(30)}km²${')'.repeat(30)}` } },
    },
    'region.area a 10 000-character unit': { ...SAMPLE, region: { ...SAMPLE.region, area: { value: '2208', unit: 'km²·'.repeat(2_500) } } },
    'GDP at 2020 prices in a 2022 account': { ...SAMPLE, economy: { ...SAMPLE.economy, gdp: { ...SAMPLE.economy.gdp, priceYear: 2020 } } },
    'GEEP regulating services at 2019 prices': {
      ...SAMPLE,
      geep: { ...SAMPLE.geep, regulatingServices: { value: '1', unit: '亿元', priceYear: 2019 } },
    },
    'realised value at 2015 prices': {
      ...SAMPLE,
      economy: {
        ...SAMPLE.economy,
        realisedValue: [{ item: 'x', channel: 'other', value: { value: '1', unit: '万元', priceYear: 2015 } }],
      },
    },
    'an indicator outside the catalogue': { ...SAMPLE, indicators: { ...SAMPLE.indicators, 'material.unicorns': {} } },
    'a unit a quantity cannot have': {
      ...SAMPLE,
      indicators: {
        ...SAMPLE.indicators,
        'material.agriculture': {
          products: [{ item: 'x', quantity: { value: '1', unit: '((((((t))))))' }, price: { value: '1', unit: '元/t' } }],
        },
      },
    },
  };

  it('report the same issues, with the same exit code, for every bad input', () => {
    for (const [name, input] of Object.entries(bad)) {
      const files = { 'bad.json': JSON.stringify(input) };
      const validate = cli(['validate', 'bad.json'], files);
      const run = cli(['run', 'bad.json'], files);
      expect(validate.code, name).toBe(1);
      expect(run.code, name).toBe(1);
      expect(issueLines(validate.stderr), name).toEqual(issueLines(run.stderr));
      expect(issueLines(validate.stderr).length, name).toBeGreaterThan(0);
      for (const line of issueLines(run.stderr)) expect(line.length, name).toBeLessThan(400);
    }
  });

  it('both pass the sample, with the same warnings', () => {
    const validate = cli(['validate', 'fixtures/sample-county/input.json']);
    const run = cli(['run', 'fixtures/sample-county/input.json', '--format', 'json']);
    expect([validate.code, run.code]).toEqual([0, 0]);
    expect(validate.stdout).toContain(`${JSON.parse(run.stdout).warnings.length} warnings`);
  });
});

describe('reading files', () => {
  it('reads a JSON file in GB18030 (issue 13: 示例县 became garbage)', () => {
    const json = JSON.stringify({
      region: { name: '示例县', level: 'county' },
      accountingYear: 2022,
      priceYear: 2022,
      indicators: {
        'material.agriculture': {
          products: [{ item: '玉米', quantity: { value: '1250', unit: 't' }, price: { value: '2400', unit: '元/t' } }],
        },
      },
    });
    const run = cli(['run', 'gb.json', '--format', 'json'], { 'gb.json': gb18030(json) });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).region.name).toBe('示例县');
  });

  it('prints what an importer read as what, as notes, and keeps them with the result as warnings', () => {
    const withTyped = csv.replace(/products\[\]\.quantity,185000,t/, 'products[].quantity,18.5万,t');
    expect(withTyped).not.toBe(csv);
    const run = cli(['run', 'typed.csv', '--format', 'json'], { 'typed.csv': withTyped });
    expect(run.code).toBe(0);
    const row = withTyped.split('\r\n').findIndex((l) => l.includes('18.5万')) + 1;
    expect(run.stderr).toBe(
      `note: typed.csv, row ${row}, column E: indicators.material.agriculture.products[0].quantity: read "18.5万" as 185000 t\n`,
    );
    expect(JSON.parse(run.stdout).warnings[0]).toEqual({
      code: 'input-read-as',
      path: ['indicators', 'material.agriculture', 'products', 0, 'quantity'],
      message: run.stderr.slice('note: '.length, -1),
      zh: `typed.csv，第 ${row} 行，E 列：indicators.material.agriculture.products[0].quantity：将 "18.5万" 读作 185000 t`,
    });
    expect(cli(['validate', 'typed.csv', '--lang', 'zh'], { 'typed.csv': withTyped }).stderr).toBe(
      `说明：typed.csv，第 ${row} 行，E 列：indicators.material.agriculture.products[0].quantity：将 "18.5万" 读作 185000 t\n`,
    );
  });
});

describe('terminal output', () => {
  it('says where in the input each warning is, so equal messages of different lines can be told apart', () => {
    // Precipitation 56 000 mm (a unit slip) on every water-conservation line: one warning per line,
    // each message alike; the terminal line names the line's place in the indicator's block.
    const input = structuredClone(SAMPLE);
    const lines = input.indicators['regulating.water-conservation'].ecosystems as { precipitation: unknown }[];
    for (const line of lines) line.precipitation = { value: '56000', unit: 'mm' };
    const files = { 'slip.json': JSON.stringify(input) };
    for (const [argv, stream] of [
      [['run', 'slip.json'], 'stdout'],
      [['validate', 'slip.json'], 'stdout'],
    ] as const) {
      const shown = cli([...argv], files)
        [stream].split('\n')
        .filter((l) => l.includes('precipitation = 56000 mm'));
      expect(shown.map((l) => l.match(/\(at (.+)\)$/)?.[1])).toEqual(lines.map((_, i) => `ecosystems[${i}].precipitation`));
    }
    const zh = cli(['run', 'slip.json', '--lang', 'zh'], files).stdout;
    expect(zh).toContain('（位置：ecosystems[0].precipitation）');
  });

  it('shows no control character or bidi override from the input (issue 13)', () => {
    const hostile = 'Evil\u001b[2J\u001b]0;pwned\u0007\u202eytnuoC\u0085\nFAKE LINE';
    const input = { ...SAMPLE, region: { ...SAMPLE.region, name: hostile } };
    const table = cli(['run', 'evil.json'], { 'evil.json': JSON.stringify(input) });
    expect(table.code).toBe(0);
    expect(table.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(table.stdout.split('\n')[0]).toBe(
      'GEP account of Evil\ufffd[2J\ufffd]0;pwned\ufffd\ufffdytnuoC\ufffd\ufffdFAKE LINE, 2022 (2022 prices)',
    );
    const json = cli(['run', 'evil.json', '--format', 'json'], { 'evil.json': JSON.stringify(input) });
    expect(json.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(JSON.parse(json.stdout).region.name).toBe(hostile);
    const bad = cli(['validate', 'evil.json'], { 'evil.json': JSON.stringify({ ...input, region: { ...input.region, level: hostile } }) });
    expect(bad.code).toBe(1);
    expect(bad.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
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
    for (const argv of [
      ['template'],
      ['template', '--out', 't.pdf'],
      ['template', '--out', 't.csv', '--profile', 'x'],
      ['template', 'extra', '--out', 't.csv'],
    ]) {
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
    expect(Object.keys(csvRun.written).sort()).toEqual(
      ['account.txt', 'coefficients.csv', 'indicators.csv', 'result.json', 'summary.csv', 'trace.csv', 'warnings.csv']
        .map((f) => join('o', f))
        .sort(),
    );
    const xlsxRun = cli(['run', 'fixtures/sample-county/input.json', '--out', 'o', '--format', 'xlsx']);
    expect(read(xlsxRun.written[join('o', 'result.xlsx')] as Uint8Array, { type: 'array' }).SheetNames).toEqual([
      'summary',
      'indicators',
      'trace',
      'coefficients',
      'warnings',
    ]);
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
