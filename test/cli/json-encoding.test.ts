/**
 * Every JSON file a verb reads besides its input is decoded like the input: UTF-8, else GB18030.
 * Read as UTF-8 text, an application file, an account it names, a profile file or an uncertainty
 * spec saved by Notepad on a Chinese Windows had every Chinese character replaced by U+FFFD.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/main.js';
import { gb18030 } from '../helpers/gb18030.js';

const dir = mkdtempSync(join(tmpdir(), 'gep-json-encoding-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The node IO of `gep` (src/cli/bin.ts): text read as UTF-8, bytes as they are. */
function run(argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: (p) => readFileSync(p, 'utf8'),
    readBytes: (p) => readFileSync(p),
    writeFile: (p, t) => writeFileSync(p, t),
    mkdir: (p) => mkdirSync(p, { recursive: true }),
  };
  return { code: runCli(argv, io), out: out.join(''), err: err.join('') };
}

/**
 * A copy of a UTF-8 JSON fixture in GB18030. Characters other than ASCII, Chinese characters and
 * full-width punctuation (², ₂, —) are written as JSON escapes: the test helper encodes two-byte codes only.
 */
function inGb18030(from: string, name: string): string {
  const to = join(dir, name);
  const text = readFileSync(from, 'utf8').replace(
    /[^\x00-\x7f\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  writeFileSync(to, gb18030(text));
  return to;
}

describe('JSON files besides the input are decoded like the input (UTF-8, else GB18030)', () => {
  it('gep area: the application file and the account it names', () => {
    const app = inGb18030('fixtures/applications/area-mine-restored.json', 'area.json');
    inGb18030('fixtures/applications/mine-restored-2022.json', 'mine-restored-2022.json');
    const r = run(['area', app, '--format', 'json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('石门沟矿山修复区'); // the area's name, from the application file
    expect(r.out).not.toContain('\uFFFD');
  });

  it('gep run --profile FILE: a profile file with a local indicator', () => {
    const profile = inGb18030('fixtures/local-indicator/profile.json', 'profile.json');
    copyFileSync('fixtures/local-indicator/input.json', join(dir, 'input.json'));
    const r = run(['run', join(dir, 'input.json'), '--profile', profile, '--format', 'json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('林下食用菌');
    expect(r.out).not.toContain('\uFFFD');
  });

  it('a file that is neither UTF-8 nor GB18030 is a located error, not garbled text', () => {
    const bad = join(dir, 'bad-profile.json');
    writeFileSync(bad, new Uint8Array([0x7b, 0x22, 0xff, 0xff, 0xff, 0x22, 0x7d])); // {"ÿÿÿ"}
    const r = run(['run', 'fixtures/sample-county/input.json', '--profile', bad]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('bad-profile.json');
  });
});
