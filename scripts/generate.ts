/**
 * Generates the shipped form of the reviewed data files:
 *   coefficients/sources.csv, coefficients/<table>/<version>/{table.json,coefficients.csv},
 *   coefficients/indices/<id>.{json,csv}
 *     → src/coefficients/generated/data.ts
 *   the zod input and case schemas → schemas/*.schema.json
 *   the indicator specs and tables → docs/methods/<indicator>.md
 * Run `npm run generate` (it runs this twice: the docs read the tables through the generated module);
 * test/generated.test.ts fails when a generated file is stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { renderGeneratedFiles } from './generated-files.js';

for (const [path, text] of Object.entries(renderGeneratedFiles())) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
}
