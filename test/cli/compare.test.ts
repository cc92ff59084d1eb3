import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/main.js';
import { GepDecimal } from '../../src/numbers/arithmetic.js';
import { inputToCsv, inputToXlsx } from '../../src/io/input-export.js';

function cli(argv: string[], files: Record<string, string | Uint8Array> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const bytes = (p: string) => {
    const f = files[p] ?? new Uint8Array(readFileSync(p));
    return typeof f === 'string' ? new TextEncoder().encode(f) : f;
  };
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: (p) => new TextDecoder().decode(bytes(p)),
    readBytes: bytes,
    writeFile: () => {},
    mkdir: () => {},
  };
  const code = runCli(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const Y2021 = 'fixtures/sample-county/input-2021.json';
const Y2022 = 'fixtures/sample-county/input.json';

describe('gep compare', () => {
  it('prints the constant-price comparison, the decomposition and the decline flag for the sample pair', () => {
    const { code, stdout } = cli(['compare', Y2021, Y2022]);
    expect(code).toBe(0);
    expect(stdout).toContain('GEP comparison of 示例县 Sample County (constructed): 2021 → 2022 (constant prices of 2021)');
    expect(stdout).toMatch(/^cultural\.recreation\s+休闲旅游 Recreation and tourism\s+[\d,.]+/m);
    expect(stdout).toContain('decomposition: ΔV = V_b − V_a = QE + PE');
    expect(stdout).toMatch(/decline flag: GEP at constant 2021 prices -?[\d.]+ %, threshold −5 %/);
    expect(stdout).toContain('price index: cpi-national');
  });

  it('prints JSON whose quantity and price effects add up to the change', () => {
    const { code, stdout } = cli(['compare', Y2021, Y2022, '--format', 'json', '--base-year', '2022']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.kind).toBe('gep-comparison');
    expect(json.baseYear).toBe(2022);
    const sum = new GepDecimal(json.gep.quantityEffect.value).plus(json.gep.priceEffect.value);
    expect(sum.minus(json.gep.current.change.value).abs().lte(new GepDecimal(json.gep.current.b.value).times('1e-30'))).toBe(true);
  });

  it('raises the decline flag with a lower threshold and names the drivers; prints Chinese headers with --lang zh', () => {
    const strict = cli(['compare', Y2021, Y2022, '--decline-threshold', '0.5']);
    expect(strict.stdout).toContain('FLAGGED (▼)');
    expect(strict.stdout).toContain('indicators pulling GEP down');
    expect(cli(['compare', Y2021, Y2022, '--lang', 'zh']).stdout).toContain('数量效应');
  });

  it('exits 2 on bad usage and 1 on bad input, with the issues located in the file', () => {
    for (const argv of [
      ['compare', Y2021],
      ['compare', Y2021, Y2022, '--base-year', 'last'],
      ['compare', Y2021, Y2022, '--price-index', 'nope'],
      ['compare', Y2021, Y2022, '--decline-threshold', '-3'],
      ['compare', Y2021, Y2022, '--format', 'xml'],
    ]) {
      const r = cli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toContain('Usage:');
    }
    const bad = JSON.stringify({
      region: { name: 'x', level: 'county' },
      accountingYear: 2022,
      priceYear: 2022,
      economy: { gdp: { value: '1', unit: '亿元' } },
      indicators: {},
    });
    const r = cli(['compare', Y2021, 'bad.json'], { 'bad.json': bad });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.json: economy.gdp.basis');
  });

  it('reads CSV and XLSX inputs as gep run does, with the same comparison as from JSON', () => {
    const a = JSON.parse(readFileSync(Y2021, 'utf8'));
    const b = JSON.parse(readFileSync(Y2022, 'utf8'));
    const fromJson = cli(['compare', Y2021, Y2022, '--format', 'json']);
    const fromTables = cli(['compare', 'a.csv', 'b.xlsx', '--format', 'json'], {
      'a.csv': inputToCsv(a, 'zh'),
      'b.xlsx': inputToXlsx(b, 'en'),
    });
    expect(fromTables.stderr).toBe('');
    expect(fromTables.code).toBe(0);
    expect(JSON.parse(fromTables.stdout)).toEqual(JSON.parse(fromJson.stdout));
    // A bad cell is located in its sheet, row and column, as gep run locates it.
    const csv = inputToCsv(a, 'en').replace(/^(material\.fishery,[^\n]*?,)([\d.]+)(,)/m, '$1ten$3');
    expect(csv).toContain(',ten,');
    const bad = cli(['compare', 'a.csv', Y2022], { 'a.csv': csv });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/a\.csv.*row \d+.*column [A-Z]/);
  });

  it('documents itself in gep compare --help', () => {
    expect(cli(['compare', '--help']).stdout).toContain('--base-year Y');
  });
});

describe('gep compare --format html', () => {
  it('prints the report of the later year with the comparison and its decomposition', () => {
    const { code, stdout } = cli(['compare', Y2021, Y2022, '--format', 'html']);
    expect(code).toBe(0);
    expect(stdout).toContain('GEP account of 示例县 Sample County (constructed), 2022');
    expect(stdout).toContain('data-chart="decomposition"');
    expect(stdout).toContain('Change from 2021 to 2022');
  });
});

describe('gep run with GDP in the input', () => {
  it('prints GEEP term by term and the ratios with their definitions after the account', () => {
    const { code, stdout } = cli(['run', Y2022]);
    expect(code).toBe(0);
    expect(stdout).toContain('GEEP (经济生态生产总值), 2022 prices');
    expect(stdout).toContain('formula: GEEP = GDP − PDC − EcDC + ERS');
    expect(stdout).toContain('GDP basis: regional-statistics');
    expect(stdout).toMatch(/^= GEEP\s+[\d,.]+\s+[\d,.]+$/m);
    expect(stdout).toContain('Ratios (GDP basis: regional-statistics)');
    expect(stdout).toMatch(/GEP to GDP \(GGI\) 绿金指数（GEP\/GDP）\s+[\d.]+\s+GGI = GEP \/ GDP/);
    expect(stdout).toContain('realisation-rate: ');
  });

  it('adds geep and ratios to the JSON result, with GEEP = GDP − PDC − EcDC + ERS', () => {
    const json = JSON.parse(cli(['run', Y2022, '--format', 'json']).stdout);
    expect(json.kind).toBe('gep-account');
    const term = (id: string) => new GepDecimal(json.geep.terms.find((t: { id: string }) => t.id === id).value.value);
    expect(term('gdp').minus(term('pdc')).minus(term('ecdc')).plus(term('ers')).toString()).toBe(json.geep.geep.value);
    // ERS is the regulating total of the account
    expect(term('ers').toString()).toBe(json.totals.regulating.value);
    // PDC: 16 500 万元 + 320 万m³ × 4.5 元/m³ + 85 hm² × 45 000 元/hm² = 165 000 000 + 14 400 000 + 3 825 000 = 183 225 000 元
    expect(term('pdc').toString()).toBe('183225000');
    expect(json.ratios.ratios.map((r: { id: string }) => r.id)).toContain('two-mountains-value');
  });

  it('prints no GEEP section when the input has no economy block', () => {
    const input = JSON.parse(readFileSync(Y2022, 'utf8'));
    delete input.economy;
    delete input.geep;
    const { code, stdout } = cli(['run', 'plain.json'], { 'plain.json': JSON.stringify(input) });
    expect(code).toBe(0);
    expect(stdout).not.toContain('GEEP');
  });
});
