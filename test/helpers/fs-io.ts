/** A CLI IO over the real file system, as src/cli/bin.ts builds it, with stdout/stderr captured and file operations recorded. */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { CliIo } from '../../src/cli/main.js';

export interface RecordingIo extends CliIo {
  readonly out: string[];
  readonly err: string[];
  /** `write <path>` and `rename <from> -> <to>`, in order. */
  readonly operations: string[];
}

export function fsIo(): RecordingIo {
  const out: string[] = [];
  const err: string[] = [];
  const operations: string[] = [];
  return {
    out,
    err,
    operations,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: (p) => readFileSync(p, 'utf8'),
    readBytes: (p) => readFileSync(p),
    writeFile: (p, t) => {
      operations.push(`write ${p}`);
      writeFileSync(p, t);
    },
    writeBytes: (p, b) => {
      operations.push(`write ${p}`);
      writeFileSync(p, b);
    },
    mkdir: (p) => mkdirSync(p, { recursive: true }),
    readDir: (p) => (existsSync(p) && statSync(p).isDirectory() ? readdirSync(p) : null),
    rename: (from, to) => {
      operations.push(`rename ${from} -> ${to}`);
      renameSync(from, to);
    },
    listFiles: (dir) =>
      existsSync(dir) && statSync(dir).isDirectory()
        ? readdirSync(dir, { recursive: true, withFileTypes: true })
            .filter((e) => e.isFile())
            .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
            .sort()
        : null,
  };
}
