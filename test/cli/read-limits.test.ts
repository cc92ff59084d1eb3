/**
 * Every file the CLI reads is refused by its size before it is read, when it is past the readers'
 * limit (limits.maxBytes, 32 MiB): a located `input.too-large`, never a whole file in memory first.
 */
import { describe, expect, it } from 'vitest';
import { runCli, runCliAsync, type CliIo } from '../../src/cli/main.js';

const HUGE = 5 * 1024 ** 3; // 5 GiB, as a sparse file reports it

/** An IO in which `big.*` is 5 GiB and reading it fails the test. */
function io() {
  const out: string[] = [];
  const err: string[] = [];
  const reads: string[] = [];
  const written: string[] = [];
  const refuse = (path: string) => {
    reads.push(path);
    throw new Error(`read ${path} although it is past the limit`);
  };
  const cli: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: (p) => (/big\./.test(p) ? refuse(p) : '{}'),
    readBytes: (p) => (/big\./.test(p) ? refuse(p) : new TextEncoder().encode('{}')),
    writeFile: (_p, t) => {
      written.push(t);
    },
    mkdir: () => {},
    listFiles: () => [],
    rename: () => {},
    readDir: () => null,
    fileSize: (p) => (/big\./.test(p) ? HUGE : 2),
  };
  return { cli, out, err, reads, written };
}

const TOO_LARGE = `the file is too large to read: ${HUGE} bytes; the limit is 33554432 bytes (option limits.maxBytes)`;

describe('files past the size limit are refused before they are read', () => {
  const cases: string[][] = [
    ['run', 'big.json'],
    ['validate', 'big.csv'],
    ['compare', 'big.json', 'b.json'],
    ['seea', 'big.xlsx'],
    ['uncertainty', 'big.json'],
    ['sensitivity', 'a.json', '--spec', 'big.json'],
    ['release', 'big.json', '--out', 'rel'],
    ['reproduce', 'big.json'],
    ['audit', 'big.json'],
    ['indicators', '--profile', 'big.json'],
  ];
  for (const argv of cases) {
    it(`gep ${argv.join(' ')}`, () => {
      const { cli, err, reads } = io();
      const code = runCli(argv, cli);
      expect(reads, argv.join(' ')).toEqual([]);
      expect(code, argv.join(' ')).not.toBe(0);
      expect(err.join(''), argv.join(' ')).toContain(TOO_LARGE);
      expect(err.join('')).toContain('big.');
    });
  }

  it('gep batch through the executable path', async () => {
    const { cli, reads, written } = io();
    await runCliAsync(['batch', 'big.json', '--out', 'o', '--quiet'], cli);
    expect(reads).toEqual([]);
    expect(written.join('')).toContain(TOO_LARGE);
  });
});
