import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { fsIo } from '../helpers/fs-io.js';
import { smallInput } from '../seea/fixtures.js';

function gep(argv: string[]) {
  const io = fsIo();
  const code = runCli(argv, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'gep-seea-'));
  const input = join(dir, 'small.json');
  writeFileSync(input, JSON.stringify(smallInput()));
  return { dir, input };
}

describe('gep seea', () => {
  it('has --help naming the tables, the options and the exit codes', () => {
    const r = gep(['seea', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--asset-life YEARS');
    expect(r.stdout).toContain('Exit codes: 0 success, 1 bad input (every issue is listed), 2 bad usage.');
  });

  it('prints the tables; without asset life and rate there is no asset account, and it says why', () => {
    const { input } = setup();
    const r = gep(['seea', input]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Ecosystem services supply table (monetary, 万元)');
    // 48 500 000 元 = 4 850.00 万元
    expect(r.stdout).toMatch(/^total\s.*4,850\.00$/m);
    expect(r.stdout).toContain('no asset account: it needs an asset life and a discount rate');
  });

  it('prints exact JSON with the asset account; --discount-rate is in percent', () => {
    const { input } = setup();
    const r = gep(['seea', input, '--format', 'json', '--asset-life', '2', '--discount-rate', '10']);
    const json = JSON.parse(r.stdout);
    expect(json.kind).toBe('seea-ea-tables');
    expect(json.assets.parameters).toEqual({ lifeYears: 2, discountRate: '0.1', includeNoCounterpart: false });
    expect(json.services.reconciliation.holds).toBe(true);
  });

  it('writes CSV files, a workbook and an HTML page with --out', () => {
    const { input, dir } = setup();
    expect(gep(['seea', input, '--format', 'csv', '--out', join(dir, 'csv')]).code).toBe(0);
    expect(fsIo().listFiles!(join(dir, 'csv'))).toEqual([
      'seea-assets.csv',
      'seea-extent.csv',
      'seea-mapping.csv',
      'seea-supply-monetary.csv',
      'seea-supply-physical.csv',
      'seea-use-monetary.csv',
      'seea-use-physical.csv',
      'seea-warnings.csv',
      'seea.json',
      'seea.txt',
    ]);
    expect(gep(['seea', input, '--format', 'xlsx', '--out', join(dir, 'x')]).code).toBe(0);
    expect(
      readFileSync(join(dir, 'x', 'seea.xlsx'))
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const html = gep(['seea', input, '--format', 'html', '--lang', 'zh', '--out', join(dir, 'h')]);
    expect(html.stdout).toContain('<section id="seea-extent">');
    expect(readFileSync(join(dir, 'h', 'seea.html'), 'utf8')).toBe(html.stdout);
  });

  it('reads shares by user from --allocation, and exits 1 with located issues when they are wrong', () => {
    const { input, dir } = setup();
    const ok = join(dir, 'alloc.json');
    writeFileSync(ok, JSON.stringify({ 'material.fishery': { households: '0.25' } }));
    const r = gep(['seea', input, '--format', 'json', '--allocation', ok]);
    // 35 200 000 × 0.25 = 8 800 000 元 to households
    expect(
      JSON.parse(r.stdout).services.useMonetary.find((x: { indicator: string }) => x.indicator === 'material.fishery').byUser.households,
    ).toBe('8800000');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ 'material.fishery': { households: '2' } }));
    const b = gep(['seea', input, '--allocation', bad]);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain(`${bad}: allocation.material.fishery.households: expected a share between 0 and 1, found 2`);
  });

  it('takes the opening period from --opening', () => {
    const { input, dir } = setup();
    const opening = join(dir, 'opening.json');
    writeFileSync(opening, JSON.stringify(smallInput(2021, '1700')));
    const json = JSON.parse(
      gep(['seea', input, '--opening', opening, '--format', 'json', '--asset-life', '1', '--discount-rate', '0']).stdout,
    );
    // 2021: 1 700 t × 14 000 = 23 800 000 + 23 000 000 = 46 800 000; 2022: 48 200 000; change 1 400 000 元
    expect(json.assets.netChange).toBe('1400000');
    expect(json.opening).toEqual({ accountingYear: 2021, priceYear: 2021, coefficientTable: 'national-2022/1.1.0' });
  });

  it('exits 1 on a bad input and 2 on bad usage', () => {
    const { dir, input } = setup();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...smallInput(), accountingYear: 'x' }));
    expect(gep(['seea', bad]).code).toBe(1);
    expect(gep(['seea', input, '--asset-life', '20']).stderr).toContain('give both --asset-life and --discount-rate, or neither');
    expect(gep(['seea', input, '--asset-life', '0', '--discount-rate', '3']).code).toBe(2);
    expect(gep(['seea', input, '--asset-life', '20', '--discount-rate', '100']).stderr).toContain(
      '--discount-rate must be a percentage from 0 to below 100',
    );
    expect(gep(['seea', input, '--format', 'csv']).code).toBe(2);
    expect(gep(['seea', input, '--format', 'md']).code).toBe(2);
    expect(gep(['seea']).code).toBe(2);
  });
});
