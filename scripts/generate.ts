/**
 * Generates the shipped form of the reviewed data files, in one pass:
 *   first the files made from the sources alone (./generated-sources.ts: coefficient data, the
 *   module and profile lists, the hashes of published table versions), then, through the library
 *   that reads them, the JSON Schemas, method pages, profile snapshots (./generated-files.ts).
 * Run `npm run generate`; test/generated.test.ts fails when a generated file is stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { renderSourceFiles } from './generated-sources.js';

function write(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote ${path}`);
  }
}

write(renderSourceFiles());
// Imported only now: the library reads the files just written.
const { renderDerivedFiles } = await import('./generated-files.js');
write(renderDerivedFiles());
