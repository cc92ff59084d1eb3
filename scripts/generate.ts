/**
 * Generates the shipped form of the reviewed data files:
 *   coefficients/sources.csv, coefficients/<table>/<version>/{table.json,coefficients.csv},
 *   coefficients/indices/<id>.{json,csv}
 *     → src/coefficients/generated/data.ts
 *   the zod input and case schemas → schemas/*.schema.json
 * Run `npm run generate`; test/generated.test.ts fails when a generated file is stale.
 */
import { writeFileSync } from 'node:fs';
import { renderGeneratedFiles } from './generated-files.js';

for (const [path, text] of Object.entries(renderGeneratedFiles())) {
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
}
