/**
 * The published-case format (已发布核算案例): a citation, the region and years, and the printed
 * rows and identities of a published account, all numbers as printed strings so their printed
 * precision is known. A row is either recomputed (an indicator and its input) or says why it is
 * not (`notReproducible`). Cross-references (row ids, indicators, dimensions) are checked by
 * `validateCase` (./validate.ts), which reports every problem of a case at once.
 */
import * as z from 'zod';
import { coefficientOverrideSchema } from '../accounts/input.js';
import { isKnownUnit } from '../units/units.js';

const year = z.int().min(1949).max(2100);

/**
 * A number as a table prints it: digits, an optional sign and decimal point (`"374.62"`,
 * `"-0.63"`), so its last printed digit is known. No exponent, fraction or separator.
 */
const printedNumber = z.string().check((ctx) => {
  if (!/^[+-]?\d+(\.\d+)?$/.test(ctx.value)) {
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      message: 'not-a-number',
      params: { gepCode: 'input.not-a-number', found: JSON.stringify(ctx.value.length > 60 ? `${ctx.value.slice(0, 57)}...` : ctx.value) },
    });
  }
});

/** A printed figure: decimal text as printed and a unit the library knows. */
const printed = z.strictObject({ value: printedNumber, unit: z.string().min(1) }).check((ctx) => {
  if (!isKnownUnit(ctx.value.unit)) {
    ctx.issues.push({
      code: 'custom',
      input: ctx.value.unit,
      path: ['unit'],
      message: 'unit',
      params: { gepCode: 'input.unit-unknown', found: ctx.value.unit },
    });
  }
});

/**
 * A published inconsistency documented in advance (an excuse): what the check is expected to find
 * and why. It excuses only a failure whose finding matches `found` within the check's tolerance;
 * a check that holds, or fails with another figure, makes the excuse stale, which fails the case.
 */
const excuse = z.strictObject({
  /**
   * What the check finds: the recomputed value of a row (in the printed unit, after `per`), the
   * sum of the printed or recomputed parts of a sum, or the ratio of the printed figures.
   */
  found: printedNumber,
  /** Why the publication is inconsistent here, as an evaluator would write it. */
  reason: z.string().min(1),
});

/** One printed row; exported so that each row of a case can be checked on its own. */
export const caseRowSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
  label: z.string().min(1),
  /** The value as printed, e.g. `{ "value": "374.62", "unit": "万元" }`. */
  printed,
  /** The physical quantity as printed, when the table shows it. */
  printedQuantity: printed.optional(),
  /** The unit price as printed, when the table shows it. */
  printedUnitPrice: printed.optional(),
  /** Indicator that recomputes the row from `input`. */
  indicator: z.string().min(1).optional(),
  /** Method variants of the indicator (name → option), checked against the module's variants. */
  variant: z.record(z.string(), z.string()).optional(),
  /** Input block of the indicator, in the account-input shape, built from the printed table. */
  input: z.unknown().optional(),
  /** Coefficients of the library's table replaced for this row (after the case's own overrides). */
  coefficientOverrides: z.array(coefficientOverrideSchema).optional(),
  /** Why a row that is not recomputed cannot be: required when the row has no indicator and input. */
  notReproducible: z.string().min(1).optional(),
  /**
   * For a row printed per unit of something (元/(hm²·a) over a reserve of 4 750 hm²): the recomputed
   * total is divided by this amount before it is compared.
   */
  per: printed.optional(),
  /** A tolerance other than the one derived from the printed digits, with its reason. */
  tolerance: z.strictObject({ absolute: printedNumber, reason: z.string().min(1) }).optional(),
  /**
   * The row's input was derived from the printed figure it is checked against (a price implied by
   * value ÷ quantity): say how. Such a row proves nothing and is not counted as reproduced.
   */
  circular: z.string().min(1).optional(),
  /**
   * Where a unit price that the table does not print comes from, when it is independent of the
   * printed value (a standard, another publication). Without it, an unprinted price equal to the
   * printed value ÷ the printed quantity is presumed circular.
   */
  priceSource: z.string().min(1).optional(),
  /** A published inconsistency of this row, documented in advance. */
  knownInconsistency: excuse.optional(),
  note: z.string().optional(),
});

const term = z.strictObject({ row: z.string(), sign: z.union([z.literal(1), z.literal(-1)]).default(1) });

const identity = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('sum'),
    id: z.string().min(1),
    label: z.string(),
    /** Row holding the printed total. */
    total: z.string(),
    terms: z.array(term).min(1),
    /** The printed parts do not add up to the printed total (`found`: their sum, in the total's unit). */
    knownInconsistency: excuse.optional(),
    /** The recomputed parts do not add up to the printed total (`found`: their sum, in the total's unit). */
    knownRecomputedInconsistency: excuse.optional(),
  }),
  z.strictObject({
    kind: z.literal('ratio'),
    id: z.string().min(1),
    label: z.string(),
    numerator: z.string(),
    denominator: z.string(),
    /** Printed ratio, dimensionless: `%` (a share or growth) or `1`. */
    printed: printed,
    /** The printed figures do not give the printed ratio (`found`: the ratio they give, in its unit). */
    knownInconsistency: excuse.optional(),
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
    /** The address of the text that was read. */
    url: z.string().optional(),
    /**
     * Present when the text was read in a secondary copy (a news reprint, an abstract service), not
     * in the original publication: which copy, and what is known of the original.
     */
    secondary: z.string().min(1).optional(),
    table: z.string().optional(),
    pages: z.string().optional(),
  }),
  region: z.string().min(1),
  accountingYear: year,
  priceYear: year.nullable(),
  /** Coefficient table used when rows fall back on table values, `id/version`; default: the table the default profile (national-2022) pins. */
  coefficientTable: z.string().optional(),
  /** Coefficients of the library's table replaced for every recomputed row of the case. */
  coefficientOverrides: z.array(coefficientOverrideSchema).optional(),
  notes: z.array(z.string()).default([]),
  rows: z.array(caseRowSchema).min(1),
  identities: z.array(identity).default([]),
});

/** The parts of a case that every recomputed row uses: region, years, table and overrides. */
export const caseFrameSchema = caseSchema
  .pick({ region: true, accountingYear: true, priceYear: true, coefficientTable: true, coefficientOverrides: true })
  .loose();

/** A published case. */
export type PublishedCase = z.infer<typeof caseSchema>;
export type CaseRow = PublishedCase['rows'][number];
export type CaseFrame = z.infer<typeof caseFrameSchema>;
export type CaseIdentity = PublishedCase['identities'][number];
/** A documented published inconsistency: what the check finds, and why. */
export type CaseExcuse = z.infer<typeof excuse>;
