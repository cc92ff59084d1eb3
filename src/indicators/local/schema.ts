/**
 * The data form of a local indicator (地方特色指标): an indicator a province defines in its profile
 * without writing code — its inputs with units, the coefficients it reads (rows of the profile's
 * table, or rows it carries itself), and its `quantity` and `value` formulas as expressions. The
 * compiler (./compile.ts) checks the formulas and units and turns a definition into an indicator
 * module like the built-in ones (../define.ts). See docs/local-indicators.md.
 */
import * as z from 'zod';
import { isDecimalText } from '../../numbers/arithmetic.js';
import { isKnownUnit } from '../../units/units.js';

/** Local ids: `<category>.local.<name>`; the catalogue's ids have no second dot, so the two never collide. */
export const LOCAL_ID_PATTERN = /^(material|regulating|cultural)\.local\.[a-z0-9]+(-[a-z0-9]+)*$/;

/** A name a formula refers to: an input, a coefficient symbol or a step. ASCII, as typed on any keyboard. */
export const SYMBOL_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

const unit = z.string().min(1).refine(isKnownUnit, 'a known unit (km², hm², 亩, t, 元/t, kg/(亩·a) …)');
const decimal = z.string().refine(isDecimalText, 'a decimal number written as text');
const bilingual = z.strictObject({ en: z.string().min(1), zh: z.string().min(1) });

/** One amount: in `unit` (any unit of its dimension is accepted and converted to it). */
export const localFieldSchema = z.strictObject({
  description: z.string().min(1),
  /** The description in Chinese, for Chinese templates; the description as written otherwise. */
  descriptionZh: z.string().min(1).optional(),
  /** Reference unit; the formula sees the amount in this unit. Required for an amount. */
  unit: unit.optional(),
  /** A unit price: carries an optional price year, which must be the account's. */
  price: z.boolean().optional(),
  /** May be left out; then `fallback` gives its value. */
  optional: z.boolean().optional(),
  /** Coefficient id (table or carried row) used when an optional input is left out. */
  fallback: z.string().min(1).optional(),
  /** Allow values below zero (default: refused). */
  negative: z.boolean().optional(),
  /** Largest value allowed, in `unit` (a share ≤ 1). */
  max: decimal.optional(),
});

/**
 * One input: an amount, or a list of lines (`lines`), each line with an item name, an optional
 * ecosystem type and its own amounts. At most one list per indicator.
 */
export const localInputSchema = localFieldSchema.extend({
  /** The amounts of each line of a list input, by symbol. */
  lines: z.record(z.string(), localFieldSchema).optional(),
  /** Lines of a list may name an ecosystem type (for the value by ecosystem type). */
  ecosystemType: z.boolean().optional(),
});

/** A coefficient row carried by the definition, like a row of a coefficient table. */
export const localRowSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'lower-case id with dots and hyphens'),
  symbol: z.string(),
  value: decimal,
  unit,
  /** The document it comes from (a provincial document, a survey); any text, cited in the trace. */
  source: z.string().min(1),
  clause: z.string().min(1),
  priceYear: z.int().min(1949).max(2100).nullable(),
  status: z.enum(['verified', 'derived', 'to-verify']),
  note: z.string(),
});

/** An intermediate result, recorded as its own trace step and usable by the formulas after it. */
export const localStepSchema = z.strictObject({
  symbol: z.string(),
  formula: z.string().min(1),
  unit,
  name: bilingual,
});

export const localDefinitionSchema = z.strictObject({
  zh: z.string().min(1),
  en: z.string().min(1),
  /** The clauses the formulas implement; every formula cites its source. */
  clauses: z
    .array(z.strictObject({ source: z.string().min(1), clause: z.string().min(1), status: z.enum(['verified', 'to-verify']) }))
    .min(1),
  note: z.string().optional(),
  inputs: z.record(z.string(), localInputSchema),
  /** Formula symbol → coefficient id (and the unit the formula sees it in; default the row's unit). */
  coefficients: z.record(z.string(), z.strictObject({ id: z.string().min(1), unit: unit.optional() })).optional(),
  rows: z.array(localRowSchema).optional(),
  /** The physical quantity (实物量) Q, in `unit`; per line when the indicator has a list input. */
  quantity: z.strictObject({
    formula: z.string().min(1),
    unit,
    name: bilingual,
    steps: z.array(localStepSchema).optional(),
  }),
  /** The value (价值量); the formula's unit must be 元 or 元/a. `Q` is the line's quantity. */
  value: z.strictObject({
    formula: z.string().min(1),
    name: bilingual.optional(),
    steps: z.array(localStepSchema).optional(),
  }),
});

/** A local indicator as written in a profile. */
export type LocalDefinition = z.infer<typeof localDefinitionSchema>;
export type LocalInput = z.infer<typeof localInputSchema>;
export type LocalField = z.infer<typeof localFieldSchema>;
export type LocalRow = z.infer<typeof localRowSchema>;
export type LocalStep = z.infer<typeof localStepSchema>;

/** The `localIndicators` block of a profile: definitions by local id. */
export const localIndicatorsSchema = z.record(z.string(), localDefinitionSchema);
