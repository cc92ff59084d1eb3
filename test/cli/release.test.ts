import { mkdtempSync, readFileSync, writeFileSync, unlinkSync, mkdirSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { inputToCsv } from '../../src/io/input-export.js';
import { sha256Hex } from '../../src/io/hash.js';
import { fsIo } from '../helpers/fs-io.js';
import { TINY } from '../release/fixtures.js';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'gep-release-'));
  const input = join(dir, 'tiny.json');
  writeFileSync(input, JSON.stringify(TINY));
  return { dir, input, out: join(dir, 'release') };
}

function gep(argv: string[]) {
  const io = fsIo();
  const code = runCli(argv, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join(''), operations: io.operations };
}

describe('gep release', () => {
  it('has --help for both commands', () => {
    expect(gep(['release', '--help'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('gep release <input.json|csv|xlsx> --out DIR'),
    });
    expect(gep(['verify-release', '--help'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Exit codes: 0 the release holds, 1 a problem was found'),
    });
  });

  it('writes every file through a temporary name and the manifest last, then verifies it (exit 0)', () => {
    const { input, out } = setup();
    const made = gep(['release', input, '--out', out, '--date', '2024-06-30']);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('GEP 25200000 元 (2022 prices)');
    const renames = made.operations.filter((o) => o.startsWith('rename'));
    expect(made.operations.filter((o) => o.startsWith('write')).every((o) => o.endsWith('.partial'))).toBe(true);
    expect(renames.at(-1)).toBe(`rename ${join(out, 'manifest.json.partial')} -> ${join(out, 'manifest.json')}`);
    const manifestHash = sha256Hex(readFileSync(join(out, 'manifest.json')));
    expect(made.stdout).toContain(`SHA-256 of manifest.json (publish it beside the folder): ${manifestHash}`);
    const files = fsIo().listFiles!(out)!;
    expect(files.some((f) => f.endsWith('.partial'))).toBe(false);
    expect(files).toContain('input/original.json');

    const checked = gep(['verify-release', out]);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(
      /release holds: 10 file hashes match, 8 files regenerated from the recomputed account match byte for byte, and the \d+ values recomputed equal the released ones exactly/,
    );
  });

  it('passes --prepared-by to the release (report, manifest) and verify-release prints it', () => {
    const { input, out } = setup();
    const made = gep(['release', input, '--out', out, '--date', '2024-06-30', '--prepared-by', '某县统计局', '--lang', 'zh']);
    expect(made.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).preparedBy).toBe('某县统计局');
    expect(readFileSync(join(out, 'account', 'report.html'), 'utf8')).toContain(
      '<li><b>报告日期</b>2024-06-30</li><li><b>编制单位</b>某县统计局</li>',
    );
    const checked = gep(['verify-release', out, '--lang', 'zh']);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain('发布于 2024-06-30，编制单位 某县统计局');
    expect(gep(['release', input, '--out', `${out}-2`, '--prepared-by', ' ']).code).toBe(2);
  });

  it('passes --rounding to the report and the workbook, and refuses another rule (exit 2, en and zh)', () => {
    // The footer of report.html names the rule: each cell on its own by default, largest remainder when asked.
    const { input, out } = setup();
    expect(gep(['release', input, '--out', out, '--date', '2024-06-30']).code).toBe(0);
    expect(readFileSync(join(out, 'account', 'report.html'), 'utf8')).toContain('each cell independently');
    const added = `${out}-parts`;
    expect(gep(['release', input, '--out', added, '--date', '2024-06-30', '--rounding', 'largest-remainder']).code).toBe(0);
    expect(readFileSync(join(added, 'account', 'report.html'), 'utf8')).toContain('parts by largest remainder');
    // The manifest records the rule, and verification rebuilds the reports with it: without it the
    // rebuilt report names the default rule and no longer matches.
    expect(gep(['verify-release', added]).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(added, 'manifest.json'), 'utf8'));
    expect(manifest.rounding).toEqual({ places: 2, mode: 'half-up', parts: 'largest-remainder' });
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).rounding).toBeUndefined();
    delete manifest.rounding;
    writeFileSync(join(added, 'manifest.json'), JSON.stringify(manifest));
    const unstated = gep(['verify-release', added]);
    expect(unstated.code).toBe(1);
    expect(unstated.stderr).toMatch(/account\/report\.html, row \d+: does not match the file regenerated/);
    const bad = gep(['release', input, '--out', `${out}-bad`, '--rounding', 'up']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--rounding must be one of independent, largest-remainder, not "up"');
    const badZh = gep(['release', input, '--out', `${out}-bad`, '--rounding', 'up', '--lang', 'zh']);
    expect(badZh.code).toBe(2);
    expect(badZh.stderr).toContain('--rounding 应为 independent、largest-remainder 之一，而不是 "up"');
  });

  it('bundles a CSV input as read and checks that it reads to the same input', () => {
    const { dir, out } = setup();
    const csv = join(dir, 'tiny.csv');
    writeFileSync(csv, inputToCsv(TINY));
    expect(gep(['release', csv, '--out', out, '--date', '2024-06-30']).code).toBe(0);
    expect(fsIo().listFiles!(out)).toContain('input/original.csv');
    expect(gep(['verify-release', out, '--lang', 'zh'])).toMatchObject({ code: 0, stdout: expect.stringContaining('核验通过') });
  });

  it('exits 1 on a tampered or missing file, naming it, and prints the verification as JSON with --json', () => {
    const { input, out } = setup();
    gep(['release', input, '--out', out, '--date', '2024-06-30']);
    writeFileSync(join(out, 'account', 'report.html'), '<p>changed</p>');
    unlinkSync(join(out, 'to-verify.json'));
    const checked = gep(['verify-release', out]);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain('release does not hold: 2 problems:');
    expect(checked.stderr).toContain('  - account/report.html: content changed since the release');
    expect(checked.stderr).toContain('  - to-verify.json: listed in the manifest but missing from the folder');
    const json = gep(['verify-release', out, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).issues.map((i: { code: string }) => i.code)).toEqual(['release.file-changed', 'release.file-missing']);
  });

  it('exits 1 when report.html and manifest.json both show another GEP and the hash was updated, located, in English and Chinese', () => {
    // GEP 25 200 000 元 shown as 35 200 000 in the report and the manifest; report.html's hash updated in the manifest.
    const { input, out } = setup();
    gep(['release', input, '--out', out, '--date', '2024-06-30']);
    const html = readFileSync(join(out, 'account', 'report.html'), 'utf8')
      .replaceAll('25200000', '35200000')
      .replaceAll('2,520.00', '3,520.00');
    writeFileSync(join(out, 'account', 'report.html'), html);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    manifest.gep.value = '35200000';
    const entry = manifest.files.find((f: { path: string }) => f.path === 'account/report.html');
    entry.sha256 = sha256Hex(new TextEncoder().encode(html));
    entry.bytes = Buffer.byteLength(html);
    writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest));
    const en = gep(['verify-release', out]);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('release does not hold: 2 problems:');
    expect(en.stderr).toContain('  - manifest.json: gep.value: the release has 35200000, the recomputation gives 25200000');
    expect(en.stderr).toMatch(/ {2}- account\/report\.html, row \d+: does not match the file regenerated from the recomputed account/);
    const zh = gep(['verify-release', out, '--lang', 'zh']);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('  - manifest.json：gep.value：发布值为 35200000，重新核算为 25200000');
    expect(zh.stderr).toMatch(/ {2}- account\/report\.html，第 \d+ 行：与根据重新核算结果重新生成的文件不一致/);
  });

  it('prints the SHA-256 of manifest.json and checks it against --manifest-sha256', () => {
    const { input, out } = setup();
    gep(['release', input, '--out', out, '--date', '2024-06-30']);
    const hash = sha256Hex(readFileSync(join(out, 'manifest.json')));
    const plain = gep(['verify-release', out]);
    expect(plain.stdout).toContain(`SHA-256 of manifest.json: ${hash} (compare it with the one published beside the release)`);
    expect(plain.stdout).toContain('checked by hash only: input/original.json');
    const given = gep(['verify-release', out, '--manifest-sha256', hash]);
    expect(given).toMatchObject({
      code: 0,
      stdout: expect.stringContaining(`SHA-256 of manifest.json: ${hash} (matches --manifest-sha256)`),
    });
    const wrong = gep(['verify-release', out, '--manifest-sha256', 'a'.repeat(64), '--lang', 'zh']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`  - manifest.json：SHA-256 为 ${hash}，随发布包公布的 SHA-256 为 ${'a'.repeat(64)}`);
    expect(gep(['verify-release', out, '--manifest-sha256', 'xyz'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--manifest-sha256 must be 64 hexadecimal digits'),
    });
  });

  it('refuses a file past the limits by its size, before reading it (a 5 GiB sparse manifest)', () => {
    const { input, out } = setup();
    gep(['release', input, '--out', out, '--date', '2024-06-30']);
    truncateSync(join(out, 'manifest.json'), 5 * 1024 ** 3);
    const io = Object.assign(fsIo(), { fileSize: (p: string) => statSync(p).size });
    const code = runCli(['verify-release', out], io);
    expect(code).toBe(1);
    expect(io.err.join('')).toContain(
      `release does not hold: 1 problem:\n  - manifest.json: the file is too large to read: ${5 * 1024 ** 3} bytes; the limit is 1048576 bytes (option limits.maxManifestBytes)`,
    );
  });

  it("prints a forged manifest's text on one line, its control characters shown, not obeyed", () => {
    const { input, out } = setup();
    gep(['release', input, '--out', out, '--date', '2024-06-30', '--prepared-by', 'X']);
    const path = join(out, 'manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(
      path,
      JSON.stringify({ ...manifest, preparedBy: 'X\u001b[2J\nrelease holds', region: { ...manifest.region, name: 'a\rb' } }),
    );
    const checked = gep(['verify-release', out]);
    expect(checked.stdout).not.toMatch(/[\u001b\r]/);
    expect(checked.stdout.split('\n')[0]).toContain('prepared by X');
  });

  it('exits 1 when the folder does not exist or holds no release', () => {
    const { dir } = setup();
    expect(gep(['verify-release', join(dir, 'nowhere')])).toMatchObject({ code: 1, stderr: expect.stringContaining('no such folder') });
    mkdirSync(join(dir, 'empty'));
    expect(gep(['verify-release', join(dir, 'empty')])).toMatchObject({ code: 1, stderr: expect.stringContaining('no manifest.json') });
  });

  it('exits 1 with the located issues of a bad input, writing nothing', () => {
    const { dir, out } = setup();
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ ...TINY, indicators: { 'material.fishery': { products: [{ item: 'x', quantity: { value: 'ten', unit: 't' } }] } } }),
    );
    const r = gep(['release', bad, '--out', out, '--date', '2024-06-30']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.json');
    expect(r.stderr).toContain('expected a decimal number written as text');
    expect(fsIo().listFiles!(out)).toBeNull();
  });

  it('exits 2 on bad usage: no --out, a bad date, a non-empty folder, two inputs', () => {
    const { input, dir } = setup();
    expect(gep(['release', input]).stderr).toContain('gep release needs --out DIR');
    expect(gep(['release', input, '--out', join(dir, 'r'), '--date', '2024-13-01'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--date must be a date written YYYY-MM-DD, not "2024-13-01"'),
    });
    expect(gep(['release', input, '--out', dir, '--date', '2024-06-30'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('is not empty'),
    });
    expect(gep(['release', input, input, '--out', join(dir, 'r')]).code).toBe(2);
    expect(gep(['verify-release']).code).toBe(2);
  });
});
