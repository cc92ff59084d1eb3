/** Run the CLI in memory: files given by name are read from `files`, others from disk; written files are kept. */
import { readFileSync } from 'node:fs';
import { runCli, type CliIo } from '../../src/cli/main.js';

export function cli(argv: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: (p) => files[p] ?? readFileSync(p, 'utf8'),
    readBytes: (p) => (files[p] !== undefined ? new TextEncoder().encode(files[p]) : readFileSync(p)),
    writeFile: (p, t) => {
      written[p] = t;
    },
    mkdir: () => {},
  };
  const code = runCli(argv, io);
  return { code, stdout: out.join(''), stderr: err.join(''), written };
}

/** The sample county's input with another region name, as JSON text. */
export function sampleNamed(name: string): string {
  const input = JSON.parse(readFileSync('fixtures/sample-county/input.json', 'utf8'));
  input.region.name = name;
  return JSON.stringify(input);
}
