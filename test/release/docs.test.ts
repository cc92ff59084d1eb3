/**
 * docs/release.md shows what `gep release` and `gep verify-release` print on the sample county:
 * each shown line is checked here against a real run, so the page cannot drift from the code (it
 * said 6 728 values compared after the account had grown to 6 940).
 *
 * In the page, `…` stands for an elided part of a line (the middle of a hash, the tail of a long
 * number) and a line that is `…` alone for lines left out; every other character must be printed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { fsIo } from '../helpers/fs-io.js';

const page = readFileSync('docs/release.md', 'utf8');

/** Whether `shown` is `printed` with parts elided by `…`: the pieces in order, the first at the start, the last at the end. */
function shows(shown: string, printed: string): boolean {
  const pieces = shown.split('…');
  if (!printed.startsWith(pieces[0]!) || !printed.endsWith(pieces.at(-1)!)) return false;
  let at = pieces[0]!.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = printed.indexOf(piece, at);
    if (found < 0) return false;
    at = found + piece.length;
  }
  return pieces.length === 1 ? shown === printed : printed.length - pieces.at(-1)!.length >= at;
}

/** The ```text blocks of the worked example: each command with the lines it is shown to print. */
function examples(): { command: string; lines: string[] }[] {
  const section = page.slice(page.indexOf('## Worked example'), page.indexOf('## As a library'));
  const runs: { command: string; lines: string[] }[] = [];
  for (const block of section.matchAll(/```text\n([\s\S]*?)```/g)) {
    for (const line of block[1]!.split('\n')) {
      if (line.startsWith('$ ')) runs.push({ command: line.slice(2), lines: [] });
      else if (line.trim() !== '' && line.trim() !== '…') runs.at(-1)!.lines.push(line);
    }
  }
  return runs;
}

describe('docs/release.md', () => {
  it('shows what the worked example prints, line by line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gep-release-doc-'));
    const out = join(dir, 'release-2022');
    let manifestSha256 = '';
    const runs = examples();
    expect(runs.map((r) => r.command.split(' ').slice(0, 2).join(' '))).toEqual([
      'gep release',
      'gep verify-release',
      'gep verify-release',
    ]);
    runs.forEach((run, k) => {
      // The page's third run follows the maize edit its prose describes (185000 t → 185001 t).
      if (k === 2) {
        const path = join(out, 'input', 'input.json');
        const text = readFileSync(path, 'utf8');
        expect(text.split('"185000"')).toHaveLength(2);
        writeFileSync(path, text.replace('"185000"', '"185001"'));
      }
      const argv = run.command
        .split(' ')
        .slice(1)
        .map((a) => (a === 'release-2022' ? out : a.includes('…') && shows(a, manifestSha256) ? manifestSha256 : a));
      const io = fsIo();
      runCli(argv, io);
      const printed = [...io.out, ...io.err].join('').split(`${dir}/`).join('').split('\n');
      manifestSha256 ||= /SHA-256 of manifest\.json[^:]*: ([0-9a-f]{64})/.exec(printed.join('\n'))?.[1] ?? '';
      // Each line shown is printed, in the order shown.
      let from = 0;
      for (const line of run.lines) {
        const at = printed.findIndex((p, i) => i >= from && shows(line, p));
        expect(at, `${run.command}\nshown:   ${line}\nprinted:\n${printed.join('\n')}`).toBeGreaterThanOrEqual(0);
        from = at + 1;
      }
    });
  });
});
