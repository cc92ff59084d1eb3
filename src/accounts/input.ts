/**
 * The account input (核算输入): region, years, profile, coefficient overrides, and one block per
 * indicator in the shape of that indicator's `inputSchema`. JSON is the canonical form; numbers
 * are decimal text with their unit.
 */
import * as z from 'zod';
import { decimalText, measure } from '../indicators/input-schema.js';
import { decimalArithmetic, isDecimalText } from '../numbers/arithmetic.js';
import { unitProblem } from '../units/units.js';
import { INDICATORS, type IndicatorInputs } from '../indicators/registry.js';
import { economyInputSchema, geepInputSchema } from './economy-input.js';

const year = z.int().min(1949).max(2100);

/**
 * A unit as written: a known unit within the parser's bounds (src/units/units.ts UNIT_LIMITS),
 * else an `input.unit-unknown` issue at the field. Every unit of the envelope goes through it or
 * through `measure`, so `computeGep` never meets a unit it cannot parse (an override in `元/m3`
 * crashed `gep run` with an untyped error).
 */
const unitText = z
  .string()
  .min(1)
  .check((ctx) => {
    if (ctx.value !== '' && unitProblem(ctx.value) !== null) {
      const found = ctx.value.length > 60 ? `${ctx.value.slice(0, 57)}...` : ctx.value;
      ctx.issues.push({ code: 'custom', input: ctx.value, message: 'unit', params: { gepCode: 'input.unit-unknown', found } });
    }
  });

/** A user's replacement for one coefficient: id, value, unit, price year, source and reason (shown in the trace). */
export const coefficientOverrideSchema = z.strictObject({
  id: z.string().min(1),
  value: decimalText,
  unit: unitText,
  priceYear: year.nullable().optional(),
  source: z.string().min(1).optional(),
  reason: z.string().min(1),
});

/** The envelope; each `indicators` block is validated by its module. */
export const accountEnvelopeSchema = z.strictObject({
  $schema: z.string().optional(),
  about: z
    .strictObject({
      /** True for the bundled sample and other made-up inputs. */
      constructedExample: z.boolean(),
      description: z.string(),
      libraryVersion: z.string().optional(),
      profile: z.string().optional(),
      coefficientTable: z.string().optional(),
    })
    .optional(),
  region: z.strictObject({
    name: z.string().min(1),
    /** GB/T 2260 administrative division code, when the region is an administrative unit. */
    code: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
    level: z.enum(['county', 'city', 'province', 'area']),
    /**
     * Land area of the region, for per-area ratios and for the check that the ecosystem areas of
     * each indicator fit inside the region (./plausibility.ts). An area unit, greater than zero.
     */
    area: measure('km²')
      .check((ctx) => {
        if (isDecimalText(ctx.value.value) && decimalArithmetic.fromString(ctx.value.value).isZero()) {
          ctx.issues.push({
            code: 'custom',
            input: ctx.value.value,
            path: ['value'],
            message: 'range',
            params: { gepCode: 'input.out-of-range', expected: { en: 'an area > 0', zh: '大于 0 的面积' }, found: ctx.value.value },
          });
        }
      })
      .optional(),
  }),
  accountingYear: year,
  /** Price year of every value in the account (current prices: the accounting year). */
  priceYear: year,
  profile: z.string().optional(),
  coefficientOverrides: z.array(coefficientOverrideSchema).optional(),
  /**
   * Ecological products originating outside the region (GB/T 46869—2025 subtracts them): each line
   * a value with what it is and how it was measured.
   */
  outsideRegion: z
    .array(
      z.strictObject({
        item: z.string().min(1),
        indicator: z.string().optional(),
        value: measure('元'),
        method: z.string().min(1),
      }),
    )
    .optional(),
  /**
   * A negative category total or GEP is refused (./plausibility.ts) unless the input declares it
   * here with its reason (e.g. a county whose products from outside the region exceed its own
   * supply under GB/T 46869—2025). The declaration is repeated among the result's warnings.
   */
  allowNegativeTotals: z.strictObject({ reason: z.string().min(1) }).optional(),
  /** GDP (with its basis), population and realised value, for GEEP and the ratios (./economy-input.ts). */
  economy: economyInputSchema.optional(),
  /** GEEP deduction terms by component and GEEP options (./economy-input.ts). */
  geep: geepInputSchema.optional(),
  indicators: z.record(z.string(), z.unknown()),
});

export type AccountEnvelope = z.infer<typeof accountEnvelopeSchema>;

/**
 * An account input as a developer writes it (核算输入): the envelope with a typed block for each
 * indicator — amounts as decimal text with their unit. A misspelt indicator id, a misspelt field or
 * a number where decimal text is required fails to compile. A profile's local indicators
 * (`<category>.local.<name>`) are accepted as they are and checked at run time.
 */
export type GepInput = Omit<z.input<typeof accountEnvelopeSchema>, 'indicators'> & {
  readonly indicators: IndicatorInputs & { readonly [local: `${string}.local.${string}`]: unknown };
};

/**
 * Data whose type is not known (`unknown`, `any` from `JSON.parse`, or a plain
 * `Record<string, unknown>` from an importer): accepted where a `GepInput` is, and validated at run
 * time. A value of any other type, an object literal above all, must be a `GepInput`.
 */
export type UntrustedInput<I> = I & (unknown extends I ? unknown : Record<string, unknown> extends I ? unknown : never);

/** The input of `computeGep`, as parsed from JSON. */
export type AccountInput = AccountEnvelope;

/** The full schema with every implemented indicator's block, for the generated JSON Schema. */
export const accountInputSchema = accountEnvelopeSchema.extend({
  indicators: z.strictObject(Object.fromEntries([...INDICATORS].map(([id, m]) => [id, (m.inputSchema as z.ZodType).optional()]))),
});
