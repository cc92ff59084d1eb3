import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, runCliAsync, type CliIo } from '../../src/cli/main.js';

const SAMPLE = JSON.parse(readFileSync('fixtures/sample-county/input.json', 'utf8'));
const withCode = (code: string, level = 'county') => ({ ...SAMPLE, region: { ...SAMPLE.region, name: `unit ${code}`, code, level } });
const dir = mkdtempSync(join(tmpdir(), 'gep-batch-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(isTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  const cliIo: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: (p) => readFileSync(p, 'utf8'),
    writeFile: (p, t) => writeFileSync(p, t),
    mkdir: (p) => mkdirSync(p, { recursive: true }),
    readDir: (p) => (existsSync(p) && statSync(p).isDirectory() ? readdirSync(p) : null),
    readBytes: (p) => readFileSync(p),
    isTTY,
    rename: (from, to) => renameSync(from, to),
    remove: (p) => rmSync(p, { recursive: true, force: true }),
  };
  return { cliIo, stdout: () => out.join(''), stderr: () => err.join('') };
}

const list = join(dir, 'units.json');
writeFileSync(list, JSON.stringify([withCode('140101'), withCode('140102'), { region: { name: 'broken' } }, withCode('140100', 'city')]));

describe('gep batch', () => {
  it('accounts every unit of a JSON list, reports the failing one and writes results, summary, errors and the hierarchy check', () => {
    const out = join(dir, 'out-list');
    const t = io();
    expect(runCli(['batch', list, '--out', out], t.cliIo)).toBe(1);
    expect(t.stdout()).toContain('4 units: 3 accounted, 1 failed');
    expect(t.stdout()).toContain('hierarchy: 1 parent checked, 1 differ from the sum of their children');
    expect(t.stderr()).toContain(`1 unit failed; see ${join(out, 'errors.txt')}`);
    expect(t.stderr()).not.toContain('[');
    expect(readdirSync(join(out, 'units')).sort()).toEqual(['140100.json', '140101.json', '140102.json']);
    const result = JSON.parse(readFileSync(join(out, 'units', '140101.json'), 'utf8'));
    expect(result.kind).toBe('gep-account');
    const summary = readFileSync(join(out, 'summary.csv'), 'utf8').trim().split('\n');
    expect(summary[0]).toBe(
      'index,id,file,name,code,level,accountingYear,priceYear,status,gep,material,regulating,cultural,warnings,issues',
    );
    expect(summary[3]).toMatch(new RegExp(`^3,broken,${list.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}#3,,,,,,failed,`));
    expect(readFileSync(join(out, 'errors.txt'), 'utf8')).toContain(`broken (${list}#3):\n  - ${list}#3: `);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report).toMatchObject({ units: 4, succeeded: 3, failed: 1 });
    expect(report.hierarchy.checks[0]).toMatchObject({ parent: { code: '140100' }, children: ['140101', '140102'], holds: false });
  });

  it('reads a folder of inputs, reporting an unreadable file beside the units that work', () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.json'), JSON.stringify(withCode('140101')));
    writeFileSync(join(folder, 'b.json'), JSON.stringify(withCode('140102')));
    writeFileSync(join(folder, 'c.json'), '{ "region": ');
    writeFileSync(join(folder, 'notes.md'), 'not an input');
    const t = io();
    expect(runCli(['batch', folder, '--out', join(dir, 'out-folder')], t.cliIo)).toBe(1);
    expect(t.stdout()).toContain('3 units: 2 accounted, 1 failed');
    expect(readFileSync(join(dir, 'out-folder', 'errors.txt'), 'utf8')).toMatch(/c\.json:\n {2}- .*c\.json.*not valid JSON/);
  });

  it('exits 0 when every unit is accounted, and 2 without --out', () => {
    const ok = join(dir, 'ok.json');
    writeFileSync(ok, JSON.stringify({ units: [withCode('140101')] }));
    expect(runCli(['batch', ok, '--out', join(dir, 'out-ok')], io().cliIo)).toBe(0);
    const t = io();
    expect(runCli(['batch', ok], t.cliIo)).toBe(2);
    expect(t.stderr()).toContain('gep batch needs --out DIR');
  });

  it('draws a progress bar on a terminal only, and not with --quiet', () => {
    const tty = io(true);
    runCli(['batch', list, '--out', join(dir, 'out-tty')], tty.cliIo);
    expect(tty.stderr()).toContain('\r[##############################] 4/4 100 %\n');
    const quiet = io(true);
    runCli(['batch', list, '--out', join(dir, 'out-quiet'), '--quiet'], quiet.cliIo);
    expect(quiet.stderr()).not.toContain('\r[');
  });

  it('gives the same summary on worker threads (gep executable) as in-process', async () => {
    const t = io();
    expect(await runCliAsync(['batch', list, '--out', join(dir, 'out-workers'), '--workers', '2'], t.cliIo)).toBe(1);
    expect(readFileSync(join(dir, 'out-workers', 'summary.csv'), 'utf8')).toBe(readFileSync(join(dir, 'out-list', 'summary.csv'), 'utf8'));
    expect(await runCliAsync(['batch', list, '--out', join(dir, 'x'), '--workers', 'many'], io().cliIo)).toBe(2);
  });
});

describe('gep batch into an existing --out folder (issue 13)', () => {
  const units = (prefix: string) => [withCode(`${prefix}01`), withCode(`${prefix}02`), withCode(`${prefix}03`)];
  const listing = (out: string) =>
    Object.fromEntries(
      readdirSync(join(out, 'units'))
        .sort()
        .map((f) => [f, readFileSync(join(out, 'units', f), 'utf8')]),
    );

  it('leaves the previous run whole when a run is killed midway, and replaces it only when a run completes', () => {
    const out = join(dir, 'out-killed');
    const oldList = join(dir, 'old.json');
    const newList = join(dir, 'new.json');
    writeFileSync(oldList, JSON.stringify(units('1401')));
    writeFileSync(newList, JSON.stringify(units('1402')));
    expect(runCli(['batch', oldList, '--out', out], io().cliIo)).toBe(0);
    const before = listing(out);
    const report = readFileSync(join(out, 'report.json'), 'utf8');

    // The second run dies after writing its second unit file (as a process killed midway would).
    const dying = io().cliIo;
    let unitFiles = 0;
    const killed = {
      ...dying,
      writeFile: (p: string, t: string) => {
        if (p.includes(`${join('units', '')}`) && ++unitFiles > 2) throw new Error('killed');
        dying.writeFile(p, t);
      },
    };
    expect(() => runCli(['batch', newList, '--out', out], killed)).toThrow('killed');
    // Still the previous run: its report, and only its unit files, unchanged.
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe(report);
    expect(listing(out)).toEqual(before);
    expect(JSON.parse(report)).toMatchObject({ complete: true, units: 3, succeeded: 3 });

    // A complete run replaces it at once and clears what the killed run left.
    expect(runCli(['batch', newList, '--out', out], io().cliIo)).toBe(0);
    expect(Object.keys(listing(out))).toEqual(['140201.json', '140202.json', '140203.json']);
    expect(readdirSync(out).sort()).toEqual(['errors.txt', 'report.json', 'summary.csv', 'units']);
  });
});

describe('gep batch with an IO that cannot rename or remove (found by test/fuzz/account-checks.test.ts)', () => {
  // Such an IO (embedded uses) gets its files written in place. Before, a run killed after its
  // first unit file left the previous run's report.json ("complete": true, 3 units) beside a unit
  // file of the new run, and a complete run into a used folder left the previous run's unit files
  // beside its own under a report that counted only its own.
  const inPlace = () => {
    const { rename: _r, remove: _m, ...rest } = io().cliIo;
    return rest as CliIo;
  };
  const units = (prefix: string) => [withCode(`${prefix}01`), withCode(`${prefix}02`), withCode(`${prefix}03`)];

  it('refuses a folder that holds a previous run, changing nothing, and writes into an empty one', () => {
    const out = join(dir, 'out-in-place');
    const oldList = join(dir, 'in-place-old.json');
    const newList = join(dir, 'in-place-new.json');
    writeFileSync(oldList, JSON.stringify(units('1403')));
    writeFileSync(newList, JSON.stringify(units('1404')));
    expect(runCli(['batch', oldList, '--out', out], inPlace())).toBe(0);
    const before = readdirSync(join(out, 'units')).sort();
    const report = readFileSync(join(out, 'report.json'), 'utf8');
    const t = io();
    const { rename: _r, remove: _m, ...rest } = t.cliIo;
    expect(runCli(['batch', newList, '--out', out], rest as CliIo)).toBe(2);
    expect(t.stderr()).toContain('holds a previous run');
    expect(readdirSync(join(out, 'units')).sort()).toEqual(before);
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe(report);
  });

  it('without a way to list the folder either, marks the run incomplete until its report is written last', () => {
    const out = join(dir, 'out-blind');
    const list = join(dir, 'blind.json');
    writeFileSync(list, JSON.stringify(units('1405')));
    const { rename: _r, remove: _m, readDir: _d, ...blind } = io().cliIo;
    expect(runCli(['batch', list, '--out', out], blind as CliIo)).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'))).toMatchObject({ complete: true, units: 3 });
    // Killed after its second unit file: the folder's report no longer claims a complete run.
    let unitFiles = 0;
    const dying = {
      ...blind,
      writeFile: (p: string, text: string) => {
        if (p.includes(join('units', '')) && ++unitFiles > 1) throw new Error('killed');
        blind.writeFile(p, text);
      },
    } as CliIo;
    expect(() => runCli(['batch', list, '--out', out], dying)).toThrow('killed');
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).complete).toBe(false);
  });
});

describe('gep batch with hostile names (issue 13)', () => {
  it('neutralises formulas in summary.csv, full-width ＝ included, and writes errors.txt without control or bidi characters', () => {
    const formula = '＝HYPERLINK("http://x","click")';
    const hostile = 'Evil \u001b[31m red \u202e <script>alert(1)</script>\n# heading [x](javascript:alert(1))';
    const units = join(dir, 'hostile.json');
    writeFileSync(
      units,
      JSON.stringify([
        { ...SAMPLE, region: { ...SAMPLE.region, name: formula } },
        { ...SAMPLE, region: { ...SAMPLE.region, name: '=1+1' } },
        { region: { name: hostile } },
      ]),
    );
    const out = join(dir, 'out-hostile');
    expect(runCli(['batch', units, '--out', out], io().cliIo)).toBe(1);
    const summary = readFileSync(join(out, 'summary.csv'), 'utf8');
    // id and name: an apostrophe first, as in every CSV export (src/io/normalise.ts neutraliseFormula)
    expect(summary).toContain(`1,"'＝HYPERLINK(""http://x"",""click"")",`);
    expect(summary).toContain(`,"'＝HYPERLINK(""http://x"",""click"")",`);
    expect(summary).toContain("2,'=1+1,");
    expect(summary).not.toMatch(/(^|,)"?[=＝]/m);
    const errors = readFileSync(join(out, 'errors.txt'), 'utf8');
    expect(errors).not.toMatch(/[\u001b\u202e]|^# heading/m);
    expect(errors).toContain('Evil \ufffd[31m red \ufffd <script>alert(1)</script>\ufffd# heading [x](javascript:alert(1))');
  });
});
