/**
 * Generated files of the importers and exporters: the JSON Schema files of the coefficient table,
 * the profile and the result export (from their zod schemas), and the GB/T 2260 code list.
 * The account input schema is rendered beside them in ./generated-files.ts.
 */
import { z } from 'zod';
import { coefficientTableSchema } from '../src/coefficients/tables.js';
import { profileSchema } from '../src/profiles/profiles.js';
import { gepResultExportSchema } from '../src/io/result-schema.js';
import { renderRegionCodes } from './region-codes.js';

function jsonSchema(schema: z.ZodType, title: string, io: 'input' | 'output' = 'input'): string {
  return `${JSON.stringify({ ...z.toJSONSchema(schema, { unrepresentable: 'any', io }), title }, null, 2)}\n`;
}

/** Path → text of the generated files of src/io. */
export function renderIoFiles(): Record<string, string> {
  return {
    'schemas/coefficient-table.schema.json': jsonSchema(
      coefficientTableSchema,
      'GEP coefficient table version (gep-accounting): table.json with its rows',
    ),
    'schemas/profile.schema.json': jsonSchema(profileSchema, 'GEP accounting profile (gep-accounting)'),
    'schemas/gep-result.schema.json': jsonSchema(gepResultExportSchema, 'GEP account result, JSON export (gep-accounting)', 'output'),
    'src/io/generated/region-codes.ts': renderRegionCodes(),
  };
}
