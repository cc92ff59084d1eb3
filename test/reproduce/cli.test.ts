/**
 * `gep reproduce` exit codes: 0 only when the case holds (or shows identities only, unless
 * --require-rows), 1 for a failure, a case that checks nothing, or a broken case file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/main.js';
import { base, printedRow, waterInput, waterRow } from './helpers.js';

function cli(argv: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: (p) => (p in files ? files[p]! : readFileSync(p, 'utf8')),
    writeFile: () => {},
    mkdir: () => {},
  };
  return { code: runCli(argv, io), stdout: out.join(''), stderr: err.join('') };
}
const run = (data: unknown, ...flags: string[]) => cli(['reproduce', 'case.json', ...flags], { 'case.json': JSON.stringify(data) });

describe('gep reproduce exit codes', () => {
  it('exits 0 for a case whose recomputed rows hold', () => {
    expect(run({ ...base, rows: [waterRow('753.97')] }).code).toBe(0);
  });

  it('exits 0 for identities only, saying so, and 1 with --require-rows', () => {
    const data = {
      ...base,
      rows: [printedRow('a', '1.00'), printedRow('t', '1.00')],
      identities: [{ kind: 'sum', id: 's', label: 's', total: 't', terms: [{ row: 'a' }] }],
    };
    const { code, stdout } = run(data);
    expect(code).toBe(0);
    expect(stdout).toContain('**Verdict: identities only — no row was recomputed independently');
    expect(run(data, '--require-rows').code).toBe(1);
  });

  it('exits 1 when a row fails, when nothing is checked, and when a row is only circular', () => {
    expect(run({ ...base, rows: [waterRow('760.00')] }).code).toBe(1);
    expect(run({ ...base, rows: [printedRow('a', '1.00')] }).code).toBe(1);
    expect(run({ ...base, rows: [waterRow('753.97', { circular: 'derived from the printed value' })] }).code).toBe(1);
  });

  it('exits 1 on an invalid row input, with the problem located in the case file (not "not reproducible")', () => {
    const { code, stdout, stderr } = run({
      ...base,
      rows: [waterRow('753.97', { input: { ...waterInput(), unitPrice: { value: '6.11', unit: '元/t' } } })],
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'case.json: 1 problem in the case file:\n  - case.json: rows[0].input.unitPrice.unit: expected a unit of length^-3·money (e.g. 元/m³), found "元/t"\n',
    );
  });

  it('reproduces every bundled case with its honest verdict', () => {
    const verdicts = Object.fromEntries(
      ['china-2015', 'gaochun-2019', 'gaotianyan-2014', 'guangxi-2005-2020', 'inner-mongolia-2019', 'ninghai-2018', 'shenzhen-2020'].map(
        (id) => {
          const { code, stdout } = cli(['reproduce', `fixtures/cases/${id}.json`]);
          return [id, `${code} ${/\*\*Verdict: ([a-z ]+) —/.exec(stdout)?.[1]}`];
        },
      ),
    );
    expect(verdicts).toEqual({
      'china-2015': '0 identities only',
      'gaochun-2019': '0 identities only',
      'gaotianyan-2014': '0 holds',
      'guangxi-2005-2020': '0 identities only',
      'inner-mongolia-2019': '0 identities only',
      'ninghai-2018': '0 identities only',
      'shenzhen-2020': '0 holds',
    });
  });
});
