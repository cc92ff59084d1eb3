/**
 * The published-case format (已发布核算案例): a citation, the region and years, and the printed
 * rows and identities of a published account, all numbers as printed strings so their printed
 * precision is known. A row may carry the indicator input that recomputes it.
 */
import { z } from 'zod';
import { decimalText } from '../indicators/input-schema.js';

const printed = z.strictObject({ value: decimalText, unit: z.string().min(1) });

const row = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
  label: z.string().min(1),
  /** The value as printed, e.g. `{ "value": "374.62", "unit": "万元" }`. */
  printed,
  /** The physical quantity as printed, when the table shows it. */
  printedQuantity: printed.optional(),
  /** The unit price as printed, when the table shows it. */
  printedUnitPrice: printed.optional(),
  /** Indicator that recomputes the row from `input`; rows without it are printed figures only. */
  indicator: z.string().optional(),
  variant: z.record(z.string(), z.string()).optional(),
  /** Input block of the indicator, in the account-input shape, built from the printed table. */
  input: z.unknown().optional(),
  /**
   * For a row printed per unit of something (元/(hm²·a) over a reserve of 4 750 hm²): the recomputed
   * total is divided by this amount before it is compared.
   */
  per: printed.optional(),
  /** A tolerance other than half a unit of the last printed digit, with its reason. */
  tolerance: z.strictObject({ absolute: decimalText, reason: z.string().min(1) }).optional(),
  /** A published inconsistency the case documents in advance (flagged, not failed). */
  knownInconsistency: z.string().optional(),
  note: z.string().optional(),
});

const term = z.strictObject({ row: z.string(), sign: z.union([z.literal(1), z.literal(-1)]).default(1) });

const identity = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('sum'),
    id: z.string(),
    label: z.string(),
    /** Row holding the printed total. */
    total: z.string(),
    terms: z.array(term).min(1),
    knownInconsistency: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal('ratio'),
    id: z.string(),
    label: z.string(),
    numerator: z.string(),
    denominator: z.string(),
    /** Printed ratio; `unit` % multiplies by 100. */
    printed: printed,
    knownInconsistency: z.string().optional(),
  }),
]);

export const caseSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9-]+$/),
  citation: z.strictObject({
    authors: z.string(),
    title: z.string(),
    journal: z.string().optional(),
    year: z.int(),
    doi: z.string().optional(),
    url: z.string().optional(),
    table: z.string().optional(),
    pages: z.string().optional(),
  }),
  region: z.string(),
  accountingYear: z.int(),
  priceYear: z.int().nullable(),
  /** Coefficient table used when rows fall back on table values (default national-2022/1.0.0). */
  coefficientTable: z.string().optional(),
  notes: z.array(z.string()).default([]),
  rows: z.array(row).min(1),
  identities: z.array(identity).default([]),
});

/** A published case. */
export type PublishedCase = z.infer<typeof caseSchema>;
export type CaseRow = PublishedCase['rows'][number];
export type CaseIdentity = PublishedCase['identities'][number];
