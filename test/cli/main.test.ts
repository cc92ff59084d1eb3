import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { gb18030 } from '../helpers/gb18030.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/main.js';
import { PARTS_NOT_ADDING_UP } from '../helpers/rounding-input.js';

function cli(argv: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: (p) => {
      if (p in files) return files[p]!;
      return readFileSync(p, 'utf8');
    },
    writeFile: (p, t) => {
      written[p] = t;
    },
    mkdir: () => {},
  };
  const code = runCli(argv, io);
  return { code, stdout: out.join(''), stderr: err.join(''), written };
}

const SAMPLE = 'fixtures/sample-county/input.json';

describe('gep CLI', () => {
  it('runs the bundled sample and prints the account table with names, quantities, prices, 万元, 亿元 and shares', () => {
    const { code, stdout } = cli(['run', SAMPLE]);
    expect(code).toBe(0);
    expect(stdout).toContain('GEP account of 示例县 Sample County (constructed), 2022 (2022 prices)');
    expect(stdout).toMatch(/material\.water-supply\s+水资源（淡水供给） Water supply\s+9,830 万m³\/a\s+3 prices\s+16,428\.00\s+1\.64/);
    expect(stdout).toContain('value (万元)');
    expect(stdout).toContain('rounding: half-up, 2 decimal places');
    expect(stdout).toMatch(/^GEP\s+GEP\s+[\d,.]+\s+[\d,.]+\s+100\.0 %$/m);
  });

  it('prints Chinese headers with --lang zh', () => {
    const { stdout } = cli(['run', SAMPLE, '--lang', 'zh']);
    expect(stdout).toContain('价值量（万元）');
    expect(stdout).toContain('示例县 Sample County (constructed) 2022 年生态产品总值核算（2022 年价格）');
  });

  it('prints the full result with trace as JSON, and with --out writes result.json and account.txt instead', () => {
    const { code, stdout } = cli(['run', SAMPLE, '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.kind).toBe('gep-account');
    expect(typeof json.totals.gep.value).toBe('string');
    expect(json.indicators[0].trace.steps.length).toBeGreaterThan(0);
    const out = cli(['run', SAMPLE, '--format', 'json', '--out', 'out-dir']);
    expect(Object.keys(out.written).sort()).toEqual([join('out-dir', 'account.txt'), join('out-dir', 'result.json')]);
    expect(out.written[join('out-dir', 'result.json')]).toBe(stdout);
    expect(out.stdout).toBe(`written: ${join('out-dir', 'result.json')}, ${join('out-dir', 'account.txt')}\n`);
  });

  it('puts --date and --prepared-by into the written reports, and refuses a date that is not YYYY-MM-DD', () => {
    const { code, written } = cli([
      'run',
      SAMPLE,
      '--format',
      'html',
      '--lang',
      'zh',
      '--out',
      'o',
      '--date',
      '2025-06-30',
      '--prepared-by',
      '某县统计局',
    ]);
    expect(code).toBe(0);
    expect(written[join('o', 'report.html')]).toContain('<li><b>报告日期</b>2025-06-30</li><li><b>编制单位</b>某县统计局</li>');
    expect(cli(['run', SAMPLE, '--format', 'md', '--date', '2025-06-30']).stdout).toContain('- report date: 2025-06-30');
    expect(
      cli(['compare', 'fixtures/sample-county/input-2021.json', SAMPLE, '--format', 'html', '--prepared-by', 'X 局']).stdout,
    ).toContain('<li><b>Prepared by</b>X 局</li>');
    for (const date of ['2025-02-30', '30.06.2025', 'today']) {
      const r = cli(['run', SAMPLE, '--format', 'md', '--date', date]);
      expect(r.code, date).toBe(2);
      expect(r.stderr).toContain('--date must be a date written YYYY-MM-DD');
    }
  });

  it('prints parts that add up with --rounding largest-remainder, and refuses another rule (exit 2, en and zh)', () => {
    // material 10 050 元 = 1.005 万元 and regulating 10 050 元 = 1.005 万元, GEP 20 100 元 = 2.01 万元:
    // each cell half-up on its own prints 1.01 + 1.01 against 2.01; by largest remainder the 0.01 万元
    // too many is taken from one of the two equal remainders (the later), so 1.01 + 1.00 = 2.01.
    const parts = JSON.stringify(PARTS_NOT_ADDING_UP);
    const files = { 'parts.json': parts };
    const run = (...options: string[]) => cli(['run', 'parts.json', '--profile', 'shenzhen-db4403-141', ...options], files);
    const independent = run();
    expect(independent.code).toBe(0);
    expect(independent.stdout).toMatch(/material products\s+1\.01\s/);
    expect(independent.stdout).toMatch(/regulating services\s+1\.01\s/);
    expect(independent.stdout).toContain('each cell independently');
    expect(run('--rounding', 'independent').stdout).toBe(independent.stdout);
    const added = run('--rounding', 'largest-remainder');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/material products\s+1\.01\s/);
    expect(added.stdout).toMatch(/regulating services\s+1\.00\s/);
    expect(added.stdout).toMatch(/^GEP\s+GEP\s+2\.01\s/m);
    expect(added.stdout).toContain('parts by largest remainder, so the printed parts add up to the printed totals');
    // The reports and the files written with --out follow the same rule.
    expect(run('--rounding', 'largest-remainder', '--format', 'md').stdout).toContain('parts by largest remainder');
    const csv = run('--rounding', 'largest-remainder', '--format', 'csv', '--out', 'o');
    expect(csv.written[join('o', 'account.txt')]).toBe(added.stdout);
    expect(csv.written[join('o', 'summary.csv')]).toMatch(/regulating services,[^\n]*,1\.00,/);
    // Another rule is a usage error, in either language; JSON prints no rounded cell, so it is refused there.
    const bad = run('--rounding', 'nearest');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--rounding must be one of independent, largest-remainder, not "nearest"');
    const badZh = run('--rounding', 'nearest', '--lang', 'zh');
    expect(badZh.code).toBe(2);
    expect(badZh.stderr).toContain('gep：--rounding 应为 independent、largest-remainder 之一，而不是 "nearest"');
    const json = run('--rounding', 'largest-remainder', '--format', 'json');
    expect(json.code).toBe(2);
    expect(json.stderr).toContain('gep run reads --rounding only with --format table, md, html, csv or xlsx');
  });

  it('exits 1 with every input issue, located, on bad input', () => {
    const bad = JSON.stringify({
      region: { name: 'x', level: 'county' },
      accountingYear: 2022,
      priceYear: 2022,
      indicators: { 'material.fishery': { products: [{ item: 'fish', quantity: { value: 'ten', unit: 't' } }] } },
    });
    const { code, stderr } = cli(['run', 'bad.json'], { 'bad.json': bad });
    expect(code).toBe(1);
    expect(stderr).toContain('1 input issue:');
    expect(stderr).toContain(
      'bad.json: indicators.material.fishery.products[0].quantity.value: expected a decimal number written as text (e.g. "1234.5"), found "ten"',
    );
    const zh = cli(['run', 'bad.json', '--lang', 'zh'], { 'bad.json': bad });
    expect(zh.stderr).toContain('输入有 1 个问题');
    expect(zh.stderr).toContain('应为以字符串书写的十进制数');
  });

  it('reports a JSON syntax error with its line and column', () => {
    const { code, stderr } = cli(['run', 'broken.json'], { 'broken.json': '{\n  "region": {\n    "name": "x",,\n' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/broken\.json, row 3, column \d+: the file is not valid JSON/);
  });

  it('exits 1 when the input file cannot be read', () => {
    expect(cli(['run', 'does/not/exist.json']).code).toBe(1);
  });

  it('exits 2 on bad usage, with the usage text', () => {
    for (const argv of [[], ['frobnicate'], ['run'], ['run', SAMPLE, '--format', 'yaml'], ['run', SAMPLE, '--colour']]) {
      const { code, stderr } = cli(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr).toContain('Usage:');
    }
  });

  it('prints help for the program and for each command, and the version', () => {
    expect(cli(['--help'])).toMatchObject({ code: 0 });
    expect(cli(['run', '--help']).stdout).toContain('--profile ID');
    expect(cli(['--version']).stdout).toBe('0.1.0\n');
  });

  it('lists the indicator catalogue as JSON with the implemented flag', () => {
    const { code, stdout } = cli(['indicators', '--json']);
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as { id: string; implemented: boolean }[];
    expect(rows.find((r) => r.id === 'material.agriculture')).toMatchObject({ implemented: true, zh: '农业产品' });
    expect(cli(['profiles']).stdout).toContain('national-2022 1.1.0');
  });

  it('runs as a real process through the package script entry (tsx), exit code included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gep-'));
    writeFileSync(join(dir, 'bad.json'), '{}');
    const run = (args: string[]) => {
      try {
        return { code: 0, out: execFileSync('npx', ['tsx', 'src/cli/bin.ts', ...args], { encoding: 'utf8', stdio: 'pipe' }) };
      } catch (e) {
        return { code: (e as { status: number }).status, out: '' };
      }
    };
    expect(run(['run', SAMPLE]).out).toContain('GEP account of');
    expect(run(['run', join(dir, 'bad.json')]).code).toBe(1);
    expect(run(['nonsense']).code).toBe(2);
  });
});

describe('gep ecosystem-types', () => {
  it('exists where the unknown-type message sends the user, and lists every type with zh/en names and level', () => {
    const bad = JSON.parse(readFileSync(SAMPLE, 'utf8'));
    bad.indicators['regulating.water-conservation'].ecosystems[0].ecosystemType = 'jungle';
    const r = cli(['run', 'bad.json'], { 'bad.json': JSON.stringify(bad) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"jungle"');
    const command = /\(see gep ([a-z-]+)\)/.exec(r.stderr)?.[1];
    expect(command).toBe('ecosystem-types');
    const list = cli([command!]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^forest\s+1\s+森林\s+Forest$/m);
    expect(list.stdout).toMatch(/^ {2}evergreen-broadleaf-forest\s+2\s+常绿阔叶林\s+Evergreen broadleaf forest$/m);
    const types = JSON.parse(readFileSync('src/indicators/ecosystem-types.json', 'utf8')).types as {
      id: string;
      zh: string;
      en: string;
      parent: string | null;
    }[];
    expect(list.stdout.trim().split('\n')).toHaveLength(types.length);
    const json = JSON.parse(cli(['ecosystem-types', '--json']).stdout);
    expect(json).toEqual(types.map((t) => ({ ...t, level: t.parent === null ? 1 : 2 })));
    expect(cli(['ecosystem-types', '--help']).stdout).toContain('gep ecosystem-types [--json]');
    expect(cli(['--help']).stdout).toContain('gep ecosystem-types');
  });

  it('lists the Chinese names only with --lang zh (issue 16: it exited 2)', () => {
    const zh = cli(['ecosystem-types', '--lang', 'zh']);
    expect(zh.stderr).toBe('');
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^forest\s+1\s+森林$/m);
    expect(zh.stdout).toMatch(/^ {2}evergreen-broadleaf-forest\s+2\s+常绿阔叶林$/m);
    expect(zh.stdout).not.toMatch(/Forest|Evergreen/);
    expect(zh.stdout.trim().split('\n')).toHaveLength(cli(['ecosystem-types']).stdout.trim().split('\n').length);
    expect(cli(['ecosystem-types', '--lang', 'en']).stdout).toBe(cli(['ecosystem-types']).stdout);
  });
});

describe('gep coefficients', () => {
  it("lists a profile's table with value, unit, price year, source and status", () => {
    const { code, stdout } = cli(['coefficients', 'national-2022']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/reservoir-storage-cost\s+7\.06 元\/m³\s+2010\s+ganzi-2017\s+verified/);
    expect(JSON.parse(cli(['coefficients', 'national-2022/1.0.0', '--json']).stdout).key).toBe('national-2022/1.0.0');
  });

  it('diffs two tables, and refuses an unknown name with exit 2', () => {
    expect(cli(['coefficients', 'diff', 'national-2022/1.0.0', 'shanxi/1.0.0']).stdout).toBe(
      'coefficient tables national-2022/1.0.0 → shanxi/1.0.0: no differences\n',
    );
    expect(cli(['coefficients', 'diff', 'national-2022', 'national-2022/1.1.0']).stdout).toContain(
      'only the rows of the tables are compared',
    );
    expect(cli(['coefficients', 'nowhere']).code).toBe(2);
  });

  it('diffs two profiles: settings, indicators with variant and membership, adjustments, pinned tables; as text and JSON', () => {
    // Before, this printed "no differences": only the (identical) table rows were compared.
    const { code, stdout } = cli(['coefficients', 'diff', 'national-2022', 'shanxi']);
    expect(code).toBe(0);
    expect(stdout).not.toContain('no differences');
    expect(stdout).toMatch(/^profiles national-2022 1\.1\.0 → shanxi 1\.1\.0: \d+ differences$/m);
    expect(stdout).toContain('~ coefficientTable: national-2022/1.1.0 → shanxi/1.1.0');
    expect(stdout).toContain('~ regulating.air-purification  variant taxRate: national-minimum → shanxi; membership: (not set) → recalled');
    expect(stdout).toContain('- regulating.coastal-protection  cost=as-given');
    expect(stdout).toContain('coefficient table national-2022/1.1.0 → shanxi/1.1.0: no row differs');
    const json = JSON.parse(cli(['coefficients', 'diff', 'national-2022', 'gbt-46869-2025', '--json']).stdout);
    expect(json.kind).toBe('profile-diff');
    expect(json.settings).toContainEqual({ setting: 'subtractOutsideRegion', before: false, after: true });
    expect(json.count).toBeGreaterThan(0);
  });
});

describe('gep reproduce', () => {
  it('prints the memo and exits 0 when the case holds; writes it with --out', () => {
    const { code, stdout, written } = cli(['reproduce', 'fixtures/cases/ninghai-2018.json', '--out', 'memo.md']);
    expect(code).toBe(0);
    expect(stdout).toContain('| 两山 value = GEP − regulating | 588.44 亿元 | 588.44 |');
    expect(written['memo.md']).toBe(stdout);
  });

  it('reads a case file saved in GB18030, like every other input', () => {
    // The test's encoder knows GB18030's two-byte codes only: the few signs outside them (−, ⁴…) become '?' in labels.
    const text = [...readFileSync('fixtures/cases/ninghai-2018.json', 'utf8')]
      .map((c) => {
        try {
          gb18030(c);
          return c;
        } catch {
          return '?';
        }
      })
      .join('');
    const out: string[] = [];
    const io: CliIo = {
      stdout: (t) => out.push(t),
      stderr: () => {},
      readFile: () => {
        throw new Error('bytes expected');
      },
      readBytes: () => gb18030(text),
      writeFile: () => {},
      mkdir: () => {},
    };
    expect(runCli(['reproduce', 'case.json'], io)).toBe(0);
    expect(out.join('')).toContain('宁海'); // decoded, not replacement characters
  });

  it('exits 1 when an identity does not hold', () => {
    const broken = JSON.parse(readFileSync('fixtures/cases/ninghai-2018.json', 'utf8'));
    broken.rows[2].printed.value = '600.00';
    const { code, stdout } = cli(['reproduce', 'case.json'], { 'case.json': JSON.stringify(broken) });
    expect(code).toBe(1);
    expect(stdout).toContain('| 两山 value = GEP − regulating | 600.00 亿元 | 588.44 | — | 0.015 | **fails** |');
  });
  it('writes the reproduction as an HTML page with --format html, in Chinese with --lang zh', () => {
    const { code, stdout, written } = cli([
      'reproduce',
      'fixtures/cases/ninghai-2018.json',
      '--format',
      'html',
      '--lang',
      'zh',
      '--out',
      'memo.html',
    ]);
    expect(code).toBe(0);
    expect(stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(stdout).toContain('已发布核算结果复核报告');
    expect(written['memo.html']).toBe(stdout);
    expect(cli(['reproduce', 'fixtures/cases/ninghai-2018.json', '--format', 'pdf']).code).toBe(2);
  });
});
