/** Entry point of the `gep` executable. */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { runCliAsync } from './main.js';

// `gep … | head` closes the pipe early; that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

void runCliAsync(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readFile: (p) => readFileSync(p, 'utf8'),
  writeFile: (p, t) => writeFileSync(p, t),
  writeBytes: (p, b) => writeFileSync(p, b),
  mkdir: (p) => mkdirSync(p, { recursive: true }),
  readDir: (p) => (existsSync(p) && statSync(p).isDirectory() ? readdirSync(p) : null),
  readBytes: (p) => readFileSync(p),
  isTTY: process.stderr.isTTY === true,
  rename: (from, to) => renameSync(from, to),
  listFiles: (dir) =>
    existsSync(dir) && statSync(dir).isDirectory()
      ? readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
          .sort()
      : null,
  remove: (p) => rmSync(p, { recursive: true, force: true }),
  fileSize: (p) => statSync(p).size,
}).then((code) => {
  process.exitCode = code;
});
