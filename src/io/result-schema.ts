/**
 * The zod schema of a result's JSON export (`resultToExportJson`): the contract other systems
 * read, and the source of schemas/gep-result.schema.json. Objects are strict, so a field added to
 * the result without being described here fails test/io/schemas.test.ts.
 */
import * as z from 'zod';
import { accountEnvelopeSchema } from '../accounts/input.js';
import { profileSchema } from '../profiles/profiles.js';

const decimal = z
  .string()
  .regex(/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/)
  .describe('a decimal number as text, exact');
const measure = z.strictObject({ value: decimal, unit: z.string() });
const money = z.strictObject({ value: decimal, unit: z.literal('元'), priceYear: z.int() }).describe('money in 元 at the price year');
const path = z.array(z.union([z.string(), z.number()]));
const warning = z.strictObject({
  code: z.string(),
  indicator: z.string().optional(),
  path: path.optional(),
  message: z.string(),
  zh: z.string().optional(),
});
const status = z.enum(['verified', 'derived', 'to-verify']);

const coefficientUse = z.strictObject({
  id: z.string(),
  symbol: z.string(),
  value: z.string(),
  unit: z.string(),
  table: z.string(),
  source: z.string(),
  clause: z.string(),
  priceYear: z.int().nullable(),
  status: z.enum(['verified', 'derived', 'to-verify', 'user-override']),
  rebased: z
    .strictObject({
      index: z.string(),
      fromYear: z.int(),
      toYear: z.int(),
      factor: decimal,
      value: decimal,
      years: z.array(z.strictObject({ year: z.int(), change: z.string(), status, source: z.string() })),
    })
    .optional(),
  overridden: z.strictObject({ reason: z.string(), tableValue: z.string(), tableUnit: z.string(), tableSource: z.string() }).optional(),
});

const tracedValue = z.strictObject({ value: decimal, unit: z.string(), from: z.string() });
const step = z.strictObject({
  name: z.string(),
  formula: z.string(),
  inputs: z.record(z.string(), tracedValue),
  result: measure,
  note: z.string().optional(),
  zh: z.strictObject({ name: z.string(), formula: z.string().optional(), note: z.string().optional() }).optional(),
});

/** A line's name in Chinese; absent when the name is the input's own text (the same in both languages). */
const itemZh = z.string().optional().describe("the line's name in Chinese; absent when it is the input's own text");

const indicator = z.strictObject({
  id: z.string(),
  category: z.enum(['material', 'regulating', 'cultural']),
  zh: z.string(),
  en: z.string(),
  variant: z.record(z.string(), z.string()),
  clauses: z.array(z.strictObject({ source: z.string(), clause: z.string(), status: z.enum(['verified', 'to-verify']) })),
  quantity: z.strictObject({
    total: measure.nullable(),
    lines: z.array(z.strictObject({ item: z.string(), itemZh, ecosystemType: z.string().optional(), quantity: measure })),
  }),
  value: z.strictObject({
    total: money,
    lines: z.array(
      z.strictObject({
        item: z.string(),
        itemZh,
        ecosystemType: z.string().optional(),
        quantity: measure.nullable(),
        unitPrice: z.strictObject({ value: decimal, unit: z.string(), priceYear: z.int().nullable(), from: z.string() }).nullable(),
        value: money,
      }),
    ),
  }),
  trace: z.strictObject({ steps: z.array(step), coefficients: z.array(coefficientUse) }),
  warnings: z.array(warning),
});

/** A GEP result as exported to JSON. */
export const gepResultExportSchema = z.strictObject({
  kind: z.literal('gep-account'),
  libraryVersion: z.string(),
  arithmetic: z.enum(['decimal', 'float64']),
  region: accountEnvelopeSchema.shape.region,
  accountingYear: z.int(),
  priceYear: z.int(),
  profile: z.strictObject({
    id: z.string(),
    version: z.string(),
    title: z.strictObject({ zh: z.string(), en: z.string() }),
    indicatorListStatus: z.enum(['verified', 'to-verify']),
  }),
  coefficientTable: z.string(),
  totals: z.strictObject({ material: money, regulating: money, cultural: money, outsideRegion: money, gep: money }),
  outsideRegion: z.array(z.strictObject({ item: z.string(), indicator: z.string().optional(), value: money, method: z.string() })),
  adjustments: profileSchema.shape.adjustments.unwrap(),
  byEcosystemType: z.record(z.string(), money),
  indicators: z.array(indicator),
  notAccounted: z.array(
    z.strictObject({ id: z.string(), zh: z.string(), en: z.string(), reason: z.enum(['no-input', 'not-implemented']) }),
  ),
  coefficientsUsed: z.array(coefficientUse),
  warnings: z.array(warning),
  geep: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('GEEP = GDP − PDC − EcDC + ERS, when the input has a geep block (gep run; see geepResultToJson)'),
  ratios: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('ratios of the account, when the input has an economy block (gep run; see ratiosToJson)'),
  export: z.strictObject({
    inputHash: z
      .string()
      .regex(/^sha256:[0-9a-f]{64}$/)
      .nullable()
      .describe('SHA-256 of the canonical JSON of the input (keys sorted, $schema left out)'),
    coefficientTableHash: z
      .string()
      .regex(/^sha256:[0-9a-f]{64}$/)
      .nullable()
      .describe('SHA-256 of the canonical JSON of the coefficient table used: { key, rows } with rows in id order (coefficientTableHash)'),
    rounding: z.string(),
  }),
});
