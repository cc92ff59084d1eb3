/**
 * Building blocks for indicator input schemas (zod). Numbers travel as decimal text, never as JS
 * numbers; every amount carries its unit, checked against the field's reference dimension.
 */
import * as z from 'zod';
import { decimalArithmetic, isDecimalText } from '../numbers/arithmetic.js';
import { makeIssue, type GepIssue } from '../errors/errors.js';
import { describeValue, dimensionExample, stockText, type Text } from '../errors/text.js';
import type { IssueCode } from '../errors/messages.js';
import { asFlowUnit, convert, dimensionOf, isKnownUnit, sameDimensionUnits } from '../units/units.js';
import { ecosystemTypes } from './catalogue.js';

/**
 * A field's description (字段说明) in English and Chinese, for `.meta()`: the English is the JSON
 * Schema's `description` (as `.describe()` would set it), the Chinese its `x-description-zh`, an
 * extension keyword like `x-unit`. The spec's inputs carry both; Chinese templates show the Chinese.
 */
// A type, not an interface: zod's `.meta()` takes an object with an index signature.
export type FieldText = {
  readonly description: string;
  readonly 'x-description-zh': string;
};

/** `.meta(about('area of the type', '该生态系统类型的面积'))`: a field described in both languages. */
export function about(en: string, zh: string): FieldText {
  return { description: en, 'x-description-zh': zh };
}

/** A decimal number written as text: `"1234.5"`. JSON numbers are refused, so no digit is lost to float64. */
export const decimalText = z.string().check((ctx) => {
  if (!isDecimalText(ctx.value)) {
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      message: 'not-a-number',
      params: { gepCode: 'input.not-a-number', found: describeValue(ctx.value) },
    });
  }
});

/**
 * The value rules of an amount schema made by `measure`, `price`, `anyMeasure` or `anyPrice`: what
 * its `value` must satisfy once the unit is known. The compiled account plan (src/plan/) checks each
 * unit of a batch by them instead of running zod on every unit.
 */
export interface AmountRules {
  /** The unit `max` is in; null when the schema takes any unit. */
  readonly referenceUnit: string | null;
  readonly nonNegative: boolean;
  readonly max?: string;
}

/** The amount schemas built here, with their value rules (a zod registry: it does not change the JSON Schema). */
export const amountRules = z.registry<AmountRules>();

interface MeasureOptions {
  /** Refuse negative values (areas, outputs, prices). Default true. */
  readonly nonNegative?: boolean;
  /** Refuse values above this bound, in the reference unit (a runoff coefficient ≤ 1). */
  readonly max?: string;
}

/** True for valid decimal text below zero (`-0.5`, `-1/3`), false for `-0.0` and positives; no parsing. */
export function isNegativeText(text: string): boolean {
  const t = text.trim();
  return t.startsWith('-') && /[1-9]/.test(t.split(/[eE/]/)[0]!);
}

/** What a non-negative amount expects. */
const NON_NEGATIVE: Text = { en: 'a value ≥ 0', zh: '不小于 0 的数值' };

/** `1.2 %`, but a bare `1.2` for the dimensionless unit `1`. */
const withUnit = (value: string, unit: string) => (unit === '1' ? value : `${value} ${unit}`);

function measureChecks(referenceUnit: string, options: MeasureOptions) {
  return (ctx: z.core.ParsePayload<{ value: string; unit: string }>) => {
    const { value, unit } = ctx.value;
    if (!isKnownUnit(unit)) {
      ctx.issues.push({
        code: 'custom',
        input: unit,
        path: ['unit'],
        message: 'unit',
        params: { gepCode: 'input.unit-unknown', found: unit },
      });
      return;
    }
    if (!sameDimensionUnits(asFlowUnit(unit, referenceUnit), referenceUnit)) {
      ctx.issues.push({
        code: 'custom',
        input: unit,
        path: ['unit'],
        message: 'dimension',
        params: { gepCode: 'input.unit-dimension', expected: dimensionExample(dimensionOf(referenceUnit), referenceUnit), found: unit },
      });
      return;
    }
    if (!isDecimalText(value)) return;
    if ((options.nonNegative ?? true) && isNegativeText(value)) {
      ctx.issues.push({
        code: 'custom',
        input: value,
        path: ['value'],
        message: 'range',
        params: { gepCode: 'input.out-of-range', expected: NON_NEGATIVE, found: value },
      });
    }
    if (
      options.max !== undefined &&
      convert(decimalArithmetic, decimalArithmetic.fromString(value), asFlowUnit(unit, referenceUnit), referenceUnit).gt(options.max)
    ) {
      ctx.issues.push({
        code: 'custom',
        input: value,
        path: ['value'],
        message: 'range',
        params: {
          gepCode: 'input.out-of-range',
          expected: {
            en: `a value ≤ ${withUnit(options.max, referenceUnit)}`,
            zh: `不大于 ${withUnit(options.max, referenceUnit)} 的数值`,
          },
          found: withUnit(value, unit),
        },
      });
    }
  };
}

/** An amount with its unit, `{ "value": "12.5", "unit": "km²" }`, in any unit of the reference's dimension. */
export function measure(referenceUnit: string, options: MeasureOptions = {}) {
  return z
    .strictObject({ value: decimalText, unit: z.string() })
    .check(measureChecks(referenceUnit, options))
    .meta({ 'x-unit': referenceUnit })
    .register(amountRules, {
      referenceUnit,
      nonNegative: options.nonNegative ?? true,
      ...(options.max !== undefined ? { max: options.max } : {}),
    });
}

/** A unit price with an optional price year: `{ "value": "2.6", "unit": "元/m³", "priceYear": 2022 }`. */
export function price(referenceUnit: string) {
  return z
    .strictObject({ value: decimalText, unit: z.string(), priceYear: z.int().min(1949).max(2100).optional() })
    .check(measureChecks(referenceUnit, {}))
    .meta({ 'x-unit': referenceUnit })
    .register(amountRules, { referenceUnit, nonNegative: true });
}

/**
 * A price in any money-per-something unit (product prices: 元/t, 元/头, 元/m³ …); checked against its
 * quantity elsewhere. Below zero it is refused here, with the input's other problems at once (the
 * plausibility check of money below zero came only after every schema had passed).
 */
export const anyPrice = z
  .strictObject({ value: decimalText, unit: z.string(), priceYear: z.int().min(1949).max(2100).optional() })
  .check((ctx) => {
    if (!isKnownUnit(ctx.value.unit)) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value.unit,
        path: ['unit'],
        message: 'unit',
        params: { gepCode: 'input.unit-unknown', found: ctx.value.unit },
      });
    } else if (isDecimalText(ctx.value.value) && isNegativeText(ctx.value.value)) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value.value,
        path: ['value'],
        message: 'range',
        params: { gepCode: 'input.out-of-range', expected: NON_NEGATIVE, found: ctx.value.value },
      });
    }
  })
  .meta({ 'x-unit': 'any' })
  .register(amountRules, { referenceUnit: null, nonNegative: true });

/** An amount in any known unit (product quantities: t, m³, 头 …). */
export const anyMeasure = z
  .strictObject({ value: decimalText, unit: z.string() })
  .check((ctx) => {
    if (!isKnownUnit(ctx.value.unit)) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value.unit,
        path: ['unit'],
        message: 'unit',
        params: { gepCode: 'input.unit-unknown', found: ctx.value.unit },
      });
    } else if (isDecimalText(ctx.value.value) && isNegativeText(ctx.value.value)) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value.value,
        path: ['value'],
        message: 'range',
        params: { gepCode: 'input.out-of-range', expected: NON_NEGATIVE, found: ctx.value.value },
      });
    }
  })
  .meta({ 'x-unit': 'any' })
  .register(amountRules, { referenceUnit: null, nonNegative: true });

/** An ecosystem type id from `ecosystem-types.json`. */
export const ecosystemType = z.string().check((ctx) => {
  if (!ecosystemTypes().has(ctx.value)) {
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      message: 'type',
      params: {
        gepCode: 'input.out-of-range',
        expected: { en: 'a known ecosystem type id (see gep ecosystem-types)', zh: '已知的生态系统类型代码（见 gep ecosystem-types）' },
        found: JSON.stringify(ctx.value),
      },
    });
  }
});

export type MeasureInput = z.infer<ReturnType<typeof measure>>;
export type PriceInput = z.infer<ReturnType<typeof price>>;

/** Turn zod issues into located input issues, all of them. */
export function toGepIssues(error: z.ZodError, basePath: readonly (string | number)[]): GepIssue[] {
  return error.issues.flatMap((i): GepIssue[] => {
    const path = [...basePath, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    const input = (i as { input?: unknown }).input;
    switch (i.code) {
      case 'invalid_type':
        return input === undefined
          ? // A missing field: zod's type name (`object`) says nothing the path does not; the message is "required".
            [makeIssue('input.required', path)]
          : [makeIssue('input.type', path, { expected: stockText(i.expected), found: describeValue(input) })];
      case 'unrecognized_keys':
        return i.keys.map((k) => makeIssue('input.unknown-field', path, { found: k }));
      case 'custom': {
        const p = (i.params ?? {}) as { gepCode?: IssueCode; expected?: Text; found?: Text };
        // A check that names nothing found (`found: undefined`) says so; one that leaves `found` out gets the input described.
        const found = 'found' in p ? p.found : describeValue(input);
        return [
          makeIssue(p.gepCode ?? 'input.type', path, {
            expected: p.expected ?? stockText(i.message),
            ...(found !== undefined ? { found } : {}),
          }),
        ];
      }
      case 'too_small':
        return [
          makeIssue('input.out-of-range', path, {
            expected: { en: `at least ${String(i.minimum)}`, zh: `至少 ${String(i.minimum)}` },
            found: describeValue(input),
          }),
        ];
      case 'too_big':
        return [
          makeIssue('input.out-of-range', path, {
            expected: { en: `at most ${String(i.maximum)}`, zh: `至多 ${String(i.maximum)}` },
            found: describeValue(input),
          }),
        ];
      case 'invalid_value':
        return [
          makeIssue('input.type', path, {
            expected: {
              en: `one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}`,
              zh: `${i.values.map((v) => JSON.stringify(v)).join('、')} 之一`,
            },
            found: describeValue(input),
          }),
        ];
      default:
        return [makeIssue('input.type', path, { expected: stockText(i.message), found: describeValue(input) })];
    }
  });
}
