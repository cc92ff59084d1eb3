/** The indicator framework: what every indicator module (核算科目) exports and returns. */
import type { z } from 'zod';
import type { Arithmetic } from '../numbers/arithmetic.js';
import type { CoefficientReader } from '../coefficients/resolve.js';
import type { CoefficientUse } from '../coefficients/types.js';
import type { PriceIndex } from '../coefficients/indices.js';
import type { GepWarning } from '../errors/errors.js';
import type { Measure } from '../units/measure.js';

/** The three classes of ecological products (物质产品, 调节服务, 文化服务). */
export type Category = 'material' | 'regulating' | 'cultural';
export const CATEGORIES: readonly Category[] = ['material', 'regulating', 'cultural'];
/** The names of the three classes in Chinese. */
export const CATEGORY_ZH: Readonly<Record<Category, string>> = { material: '物质产品', regulating: '调节服务', cultural: '文化服务' };

/** A clause of a standard or paper that a formula implements. */
export interface ClauseRef {
  /** Document id in the source register. */
  readonly source: string;
  readonly clause: string;
  /** `to-verify` when the clause was recalled, not read. */
  readonly status: 'verified' | 'to-verify';
}

/** An entry of the indicator catalogue (生态产品清单). */
export interface CatalogueEntry {
  readonly id: string;
  readonly category: Category;
  readonly zh: string;
  readonly en: string;
  /** Unit of the physical quantity (实物量). */
  readonly physicalUnit: string;
  /** Unit of the value (价值量); always 元 in the core. */
  readonly valueUnit: '元';
  readonly clauses: readonly ClauseRef[];
}

/** One input field, described once: docs, templates and reports are derived from it. */
export interface InputFieldSpec {
  /** Path inside the indicator input, `[]` marks a list: `products[].quantity`. */
  readonly path: string;
  /** Reference unit: any unit of the same dimension is accepted and converted. `null` for text. */
  readonly unit: string | null;
  /** Required in its parent (a line of a list, an object) whenever the parent is given. */
  readonly required: boolean;
  readonly description: string;
  /** The description in Chinese (字段说明), shown by Chinese templates. */
  readonly descriptionZh: string;
}

/** A method variant (方法变体) chosen by the profile. */
export interface VariantSpec {
  readonly name: string;
  /** Option id → what it means. */
  readonly options: Readonly<Record<string, string>>;
  readonly default: string;
}

/** The self-description of an indicator module: the catalogue entry plus inputs, variants and coefficients. */
export interface IndicatorSpec extends CatalogueEntry {
  readonly inputs: readonly InputFieldSpec[];
  readonly variants: readonly VariantSpec[];
  /** Coefficient ids the module may read; a trailing `*` stands for a family (`runoff-coefficient.*`). */
  readonly coefficients: readonly string[];
}

/** What an indicator function receives besides its input; `V` types the variant choice. */
export interface IndicatorContext<T, V extends Readonly<Record<string, string>> = Readonly<Record<string, string>>> {
  readonly A: Arithmetic<T>;
  readonly coefficients: CoefficientReader<T>;
  /** The profile's variant choices, merged over the spec's defaults. */
  readonly variant: V;
  /** Price year of the account; every price used must be at this year. */
  readonly priceYear: number;
  /** Index that carries table prices of another year to `priceYear`; without it they are warned about. */
  readonly priceIndex?: PriceIndex;
  /** Path of this indicator's input, for issues: `["indicators", "material.agriculture"]`. */
  readonly path: readonly (string | number)[];
}

/** A number in the trace: its value, unit and where it came from (`input:…`, `coefficient:…`, `step:…`). */
export interface TracedValue {
  readonly value: string;
  readonly unit: string;
  readonly from: string;
}

/** One step of a computation, as an evaluator reads it. */
export interface TraceStep {
  readonly name: string;
  readonly formula: string;
  readonly inputs: Readonly<Record<string, TracedValue>>;
  readonly result: { readonly value: string; readonly unit: string };
  readonly note?: string;
  /** The step's name (and, where it has words, its formula and note) in Chinese, for zh reports. */
  readonly zh?: { readonly name: string; readonly formula?: string; readonly note?: string };
}

/**
 * The name of a line in Chinese, for zh reports, beside `item` (the English one): present when the
 * module made the name from words of its own (an ecosystem type, a pollutant, `vegetation · …`),
 * absent when the name is the input's own text, the same in both languages.
 */
export interface LineNameZh {
  readonly itemZh?: string;
}

/** One line of the physical account (a product, an ecosystem type, a pollutant). */
export interface QuantityLine<T> extends LineNameZh {
  readonly item: string;
  readonly ecosystemType?: string;
  readonly quantity: Measure<T>;
}

/** The physical quantity (实物量) of an indicator. */
export interface QuantityResult<T> {
  readonly lines: readonly QuantityLine<T>[];
  /** The indicator total, when its lines share one unit. */
  readonly total: Measure<T> | null;
  readonly steps: readonly TraceStep[];
  readonly warnings: readonly GepWarning[];
}

/** A unit price as used: value, unit, price year and origin. */
export interface UnitPrice<T> extends Measure<T> {
  readonly priceYear: number | null;
  readonly from: string;
}

/** One line of the monetary account. */
export interface ValueLine<T> extends LineNameZh {
  readonly item: string;
  readonly ecosystemType?: string;
  readonly quantity: Measure<T> | null;
  readonly unitPrice: UnitPrice<T> | null;
  readonly value: Measure<T, '元'>;
}

/** The value (价值量) of an indicator, in 元 at the account's price year. */
export interface ValueResult<T> {
  readonly lines: readonly ValueLine<T>[];
  readonly total: Measure<T, '元'>;
  readonly steps: readonly TraceStep[];
  readonly warnings: readonly GepWarning[];
}

/**
 * The fixed shape of every indicator module: `spec`, `inputSchema`, `quantity()`, `value()`. Made by
 * `defineIndicator` (./define.ts).
 */
export interface IndicatorModule<I = unknown> {
  readonly spec: IndicatorSpec;
  readonly inputSchema: z.ZodType<I>;
  /** The physical quantity (实物量), with its trace. Pure. Checks the variant choice. */
  quantity<T>(input: I, ctx: IndicatorContext<T>): QuantityResult<T>;
  /** The value (价值量) in 元 from the quantity and unit prices, with its trace. Pure. */
  value<T>(input: I, quantity: QuantityResult<T>, ctx: IndicatorContext<T>): ValueResult<T>;
}

/** An indicator's full result inside an account. */
export interface IndicatorResult<T> {
  readonly id: string;
  readonly category: Category;
  readonly zh: string;
  readonly en: string;
  readonly variant: Readonly<Record<string, string>>;
  readonly clauses: readonly ClauseRef[];
  readonly quantity: QuantityResult<T>;
  readonly value: ValueResult<T>;
  readonly coefficients: readonly CoefficientUse[];
}
