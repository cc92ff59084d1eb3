/**
 * `defineIndicator`: an indicator module (核算科目) described once. The input schema is written
 * once with each field's description in its zod metadata; the spec's input list, the docs page,
 * the table importers and the JSON Schema are derived from it. Variants are enums, checked when
 * the module is defined and whenever it runs. Published quantities (`reported`, for reproducing an
 * account as printed) are added here for every module that accepts them, not once per module.
 */
import * as z from 'zod';
import { GepInputError, makeIssue, type GepWarning } from '../errors/errors.js';
import type { IssueCode } from '../errors/messages.js';
import { textEn } from '../errors/text.js';
import { catalogueEntry } from './catalogue.js';
import { inputRef, lineItem, readAmount, sumIn, traced, Tracer, typeLineItem, type Text } from './compute.js';
import { about, ecosystemType, measure, type FieldText } from './input-schema.js';
import type { Measure } from '../units/measure.js';
import type {
  CatalogueEntry,
  IndicatorContext,
  IndicatorModule,
  IndicatorSpec,
  InputFieldSpec,
  QuantityLine,
  QuantityResult,
  ValueResult,
  VariantSpec,
} from './types.js';

/** A method variant (方法变体): its options with what each means, and the default. */
export interface VariantDef {
  readonly options: Readonly<Record<string, string>>;
  readonly default: string;
}
export type VariantDefs = Readonly<Record<string, VariantDef>>;

/** The option chosen for each variant, typed: `{ runoff: 'mean-runoff-coefficient' | 'storm-runoff' }`. */
export type VariantChoice<V extends VariantDefs> = { readonly [K in keyof V]: Extract<keyof V[K]['options'], string> };

/** The line a published account prints, standing in for the computation of one quantity line. */
export type ReportedRow<F extends Shape> = {
  readonly item: string;
  readonly ecosystemType?: string | undefined;
  readonly quantity: { readonly value: string; readonly unit: string };
} & z.output<z.ZodObject<F>>;

/** How a module takes quantities as a published account printed them, instead of computing them. */
export interface ReportedDef<F extends Shape = Shape> {
  /** Reference unit of a reported quantity; any unit of its dimension is accepted. */
  readonly unit: string;
  /** What a reported quantity is, for the docs and templates: "water conserved as printed by a published account", in both languages. */
  readonly description: FieldText;
  /**
   * Name of the quantity step of a line, the same as the computed path's, so that `value()` cites
   * `step:<name>` either way.
   */
  readonly stepName: (item: string) => Text;
  /** Refuse negative reported quantities. Default true. */
  readonly nonNegative?: boolean;
  /** Fields a reported line carries besides item, ecosystem type and quantity (a pollutant, an ion concentration). */
  readonly fields?: F;
  /**
   * `item` may be left out when `label` names the line from the other fields, in both languages
   * where its words are the module's (a pollutant). (`label`, `skip` and
   * `warn` are methods so that a definition with its own `fields` is still a `ReportedDef<any>`:
   * method parameters are compared both ways.)
   */
  label?(row: ReportedRow<F>): Text;
  /** Whether the lines add up to a total (false when they are in different pollutants). Default true. */
  readonly total?: boolean;
  /** Name of the total's step, the same as the computed path's; default: the catalogue name. */
  readonly totalName?: Text;
  /** Leave a line out of the account, with the warning that says why; `null` keeps it. */
  skip?(row: ReportedRow<F>, index: number, ctx: IndicatorContext<unknown>): GepWarning | null;
  /**
   * A warning about a line that is kept (a negative quantity kept with its sign: a net source; a
   * pollutant counted twice with another line of `rows`); `null` for none.
   */
  warn?<T>(
    row: ReportedRow<F>,
    index: number,
    quantity: Measure<T>,
    ctx: IndicatorContext<T>,
    rows: readonly ReportedRow<F>[],
  ): GepWarning | null;
  /**
   * Schema of a line's quantity when it may be in another dimension than `unit` (carbon printed as
   * t C for an account in t CO₂), with `read` to turn it into `unit`. Default: an amount in
   * `unit`'s dimension.
   */
  readonly quantity?: z.ZodType<{ value: string; unit: string }>;
  /**
   * The quantity of a line in `unit`, when reading it takes a formula and not only a unit conversion
   * (t C × 44/12): record the line's step, named `stepName(item)`, on `tracer` and return it.
   * Default: the amount converted to `unit`, recorded as "Q_i as reported".
   */
  read?<T>(row: ReportedRow<F>, index: number, tracer: Tracer<T>, ctx: IndicatorContext<T>): Measure<T>;
}

type Shape = Readonly<Record<string, z.ZodType>>;
// biome-ignore lint/suspicious/noExplicitAny: any reported definition, whatever its fields
type AnyReported = ReportedDef<any>;
/** The parsed form of a shape (`{}` for none: zod's empty object type has an index signature). */
type Obj<S extends Shape> = keyof S extends never ? unknown : z.output<z.ZodObject<S>>;

/** The input `quantity()` receives: every basis field present, as the schema's `check` made sure. */
export type ComputedInput<S extends Shape, P extends Shape> = Obj<S> & Obj<P>;
/** The extra fields of a reported line, from the module's `reported` definition. */
type FieldsOf<R> = R extends ReportedDef<infer F> ? F : never;
/** A reported line as the input carries it: without `item` where the module names lines by `label`. */
type InputRow<R> = R extends { label(row: never): Text }
  ? Omit<ReportedRow<FieldsOf<R>>, 'item'> & { readonly item?: string | undefined }
  : ReportedRow<FieldsOf<R>>;
/** The input `value()` receives: computed, or reported lines instead of the basis fields. */
export type FullInput<S extends Shape, P extends Shape, R> = [R] extends [AnyReported]
  ? (ComputedInput<S, P> & { readonly reported?: undefined }) | (Partial<Obj<S>> & Obj<P> & { readonly reported: readonly InputRow<R>[] })
  : ComputedInput<S, P>;

/** A cross-field rule: report an issue at a path inside the block. */
export type IssueSink = (path: readonly (string | number)[], code: IssueCode, expected: Text, found?: Text) => void;

/** Everything an indicator module is, written once. */
export interface IndicatorDefinition<
  Id extends string,
  S extends Shape,
  P extends Shape,
  V extends VariantDefs,
  R extends AnyReported | undefined,
> {
  /** Catalogue id: `regulating.water-conservation`. Names, category, units and clauses come from the catalogue. */
  readonly id: Id;
  /**
   * The entry of an indicator outside the catalogue: a local indicator defined as data in a profile
   * (./local/) brings its own names, units and clauses. Built-in modules leave it out.
   */
  readonly entry?: CatalogueEntry;
  /** The fields the physical quantity is computed from; `reported` lines replace them. Each field's description is in its metadata. */
  readonly inputs: S;
  /** Fields that only the valuation reads (unit prices, tax rates); kept when `reported` replaces `inputs`. */
  readonly valuation?: P;
  /** Accept quantities as printed instead of `inputs`. */
  readonly reported?: R;
  /** Cross-field rules of the input, beyond each field's own schema. */
  readonly check?: (input: FullInput<S, P, R>, issue: IssueSink) => void;
  readonly variants: V;
  /** Coefficient ids the module may read; a trailing `*` stands for a family (`runoff-coefficient.*`). */
  readonly coefficients: readonly string[];
  /** The physical quantity (实物量), with its trace. Pure. */
  quantity<T>(input: ComputedInput<S, P>, ctx: IndicatorContext<T, VariantChoice<V>>): QuantityResult<T>;
  /** The value (价值量) in 元, with its trace. Pure. */
  value<T>(input: FullInput<S, P, R>, quantity: QuantityResult<T>, ctx: IndicatorContext<T, VariantChoice<V>>): ValueResult<T>;
}

/** The module `defineIndicator` returns: the fixed shape, with its input and variant types. */
export type DefinedIndicator<
  Id extends string,
  S extends Shape,
  P extends Shape,
  _V extends VariantDefs,
  R extends AnyReported | undefined,
> = IndicatorModule<FullInput<S, P, R>> & {
  readonly spec: IndicatorSpec & { readonly id: Id };
  /** Typed on both sides, so that `z.input<typeof inputSchema>` is the module's input type, not `unknown`. */
  readonly inputSchema: z.ZodType<FullInput<S, P, R>, FullInput<S, P, R>>;
};

/**
 * Define an indicator module from one description.
 *
 * @throws Error at definition time (so at import, caught by every test) when an input field has no
 *   description, a variant's default is not one of its options, or the id is not in the catalogue.
 */
export function defineIndicator<
  const Id extends string,
  const S extends Shape,
  const V extends VariantDefs,
  const P extends Shape = Record<never, never>,
  const R extends AnyReported | undefined = undefined,
>(def: IndicatorDefinition<Id, S, P, V, R>): DefinedIndicator<Id, S, P, V, R> {
  const entry = def.entry ?? catalogueEntry(def.id);
  const variants = variantSpecs(def.id, def.variants);
  const reported = def.reported as AnyReported | undefined;
  const inputSchema = buildSchema(def as unknown as IndicatorDefinition<Id, Shape, Shape, V, AnyReported | undefined>);
  const spec: IndicatorSpec & { readonly id: Id } = {
    ...entry,
    id: def.id,
    inputs: inputSpecs(def.id, def.inputs, def.valuation ?? {}, reported),
    variants,
    coefficients: def.coefficients,
  };
  type Ctx<T> = IndicatorContext<T, VariantChoice<V>>;
  const quantity = <T>(input: FullInput<S, P, R>, ctx: IndicatorContext<T>): QuantityResult<T> => {
    const c = checkedContext(def.id, variants, ctx) as Ctx<T>;
    const rows = (input as { reported?: readonly ReportedRow<Shape>[] }).reported;
    if (reported && rows) return reportedQuantity(def.id, reported, rows, c);
    return def.quantity(input as ComputedInput<S, P>, c);
  };
  const value = <T>(input: FullInput<S, P, R>, q: QuantityResult<T>, ctx: IndicatorContext<T>): ValueResult<T> =>
    def.value(input, q, checkedContext(def.id, variants, ctx) as Ctx<T>);
  return {
    spec,
    inputSchema: inputSchema as unknown as z.ZodType<FullInput<S, P, R>, FullInput<S, P, R>>,
    quantity,
    value,
  } as DefinedIndicator<Id, S, P, V, R>;
}

function variantSpecs(id: string, defs: VariantDefs): VariantSpec[] {
  return Object.entries(defs).map(([name, v]) => {
    if (!Object.hasOwn(v.options, v.default))
      throw new Error(`[gep] ${id}: the default "${v.default}" of variant ${name} is not one of its options`);
    return { name, options: v.options, default: v.default };
  });
}

/**
 * The variant choice of a run, checked: a name the module does not have, or an option it does not
 * offer, is a located error listing the valid ones (never a silent fall-back to the default).
 */
function checkedContext<T>(id: string, variants: readonly VariantSpec[], ctx: IndicatorContext<T>): IndicatorContext<T> {
  const issues = [];
  const chosen: Record<string, string> = {};
  for (const v of variants) {
    const option = ctx.variant[v.name] ?? v.default;
    if (!Object.hasOwn(v.options, option)) {
      issues.push(
        makeIssue('profile.variant-unknown', ['variant', id, v.name], { expected: Object.keys(v.options).join(', '), found: option }),
      );
    }
    chosen[v.name] = option;
  }
  for (const name of Object.keys(ctx.variant)) {
    if (!variants.some((v) => v.name === name)) {
      issues.push(
        makeIssue('profile.variant-unknown', ['variant', id, name], {
          expected: variants.map((v) => v.name).join(', ') || { en: 'no variant', zh: '无可选方法' },
          found: name,
        }),
      );
    }
  }
  if (issues.length) throw new GepInputError(issues);
  return { ...ctx, variant: chosen };
}

/** The reported-line schema: item, ecosystem type, quantity and the module's own fields. */
function reportedRowSchema(r: ReportedDef) {
  return z.strictObject({
    item: r.label
      ? z
          .string()
          .min(1)
          .optional()
          .meta(
            about(
              'name of the line as printed (optional: the line is named from its other fields)',
              '公布的行名称（选填：不填时按该行其他字段命名）',
            ),
          )
      : z
          .string()
          .min(1)
          .meta(
            about('name of the line as printed (ecosystem type, forest type or region)', '公布的行名称（生态系统类型、林分类型或地区）'),
          ),
    ecosystemType: ecosystemType
      .optional()
      .meta(about('ecosystem type id of the line, if it names one', '该行对应的生态系统类型代码（如有）')),
    quantity: (r.quantity ?? measure(r.unit, { nonNegative: r.nonNegative ?? true })).meta(r.description),
    ...(r.fields ?? {}),
  });
}

function buildSchema(def: IndicatorDefinition<string, Shape, Shape, VariantDefs, AnyReported | undefined>): z.ZodType {
  const r = def.reported as AnyReported | undefined;
  const basis = Object.keys(def.inputs);
  const required = basis.filter((k) => !def.inputs[k]!.isOptional());
  const shape: Shape = r
    ? {
        ...Object.fromEntries(Object.entries(def.inputs).map(([k, s]) => [k, s.isOptional() ? s : s.optional()])),
        ...(def.valuation ?? {}),
        reported: z
          .array(reportedRowSchema(r))
          .min(1)
          .optional()
          .meta(
            about(
              `lines as printed by a published account, instead of ${basis.join(' and ')}`,
              `公布的核算结果所列实物量（逐行），代替 ${basis.join('、')}`,
            ),
          ),
      }
    : { ...def.inputs, ...(def.valuation ?? {}) };
  return z.strictObject(shape).check((c) => {
    const value = c.value as Record<string, unknown>;
    const issue: IssueSink = (path, code, expected, found) =>
      c.issues.push({
        code: 'custom',
        input: value,
        path: [...path],
        message: textEn(expected),
        params: { gepCode: code, expected, found },
      });
    if (r && value.reported !== undefined) {
      const given = basis.filter((k) => value[k] !== undefined);
      if (given.length) {
        issue(
          [],
          'input.missing-basis',
          {
            en: `either the inputs that compute the quantity (${basis.join(', ')}) or reported (quantities as printed), not both`,
            zh: `计算实物量的输入（${basis.join('、')}）或 reported（公布的实物量）二者之一，不可同时给出`,
          },
          given.join(', '),
        );
      }
    } else if (r && basis.every((k) => value[k] === undefined)) {
      issue([], 'input.missing-basis', {
        en: `either the inputs that compute the quantity (${basis.join(', ')}) or reported (quantities as printed)`,
        zh: `计算实物量的输入（${basis.join('、')}）或 reported（公布的实物量）`,
      });
    } else {
      for (const k of required) {
        if (value[k] === undefined)
          issue([k], 'input.required', r ? { en: `${k} (or reported lines as printed)`, zh: `${k}（或 reported 公布行）` } : k);
      }
    }
    def.check?.(value as never, issue);
  });
}

/**
 * What `measure()`, `price()` and `.meta(about())` put in a schema's metadata: the reference unit of
 * an amount (`any` for an amount in any unit; also in the JSON Schema, as an extension keyword) and
 * the field's description in English and Chinese.
 */
interface FieldMeta {
  readonly 'x-unit'?: string;
  readonly description?: string;
  readonly 'x-description-zh'?: string;
}

/** A field's description in both languages, as its metadata or a parent's gives it. */
interface Described {
  readonly en?: string | undefined;
  readonly zh?: string | undefined;
}

function metaOf(s: z.ZodType): FieldMeta {
  return (s.meta() ?? {}) as FieldMeta;
}

/**
 * Every input field of the module, from the schemas' metadata: path, unit, required, description
 * in English and Chinese.
 */
function inputSpecs(id: string, inputs: Shape, valuation: Shape, reported: ReportedDef | undefined): InputFieldSpec[] {
  const out: InputFieldSpec[] = [];
  const leaf = (path: string, unit: string | null, required: boolean, text: Described) => {
    if (!text.en || !text.zh)
      throw new Error(
        `[gep] ${id}: input field ${path} has no description in ${text.en ? 'Chinese' : 'English'} (give both with .meta(about(en, zh)))`,
      );
    out.push({ path, unit, required, description: text.en, descriptionZh: text.zh });
  };
  const walk = (schema: z.ZodType, path: string, required: boolean, description: Described): void => {
    const meta = metaOf(schema);
    // The English and the Chinese come together: a schema described anew in one language only is not described.
    const text: Described = meta.description !== undefined ? { en: meta.description, zh: meta['x-description-zh'] } : description;
    const unit = meta['x-unit'];
    if (unit !== undefined) {
      leaf(path, unit === 'any' ? null : unit, required && !schema.isOptional(), text);
      return;
    }
    const def = (schema as unknown as { _zod: { def: { type: string; innerType?: z.ZodType; element?: z.ZodType; shape?: Shape } } })._zod
      .def;
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
        walk(def.innerType!, path, false, text);
        return;
      case 'object':
        // Required means: required in its parent (a line of a list, an object) whenever the parent is given.
        for (const [k, s] of Object.entries(def.shape!)) walk(s, `${path}.${k}`, !s.isOptional(), {});
        return;
      case 'array':
        walk(def.element!, `${path}[]`, required, text);
        return;
      default:
        leaf(path, null, required, text);
    }
  };
  for (const [k, s] of Object.entries(inputs)) walk(s, k, !s.isOptional(), {});
  if (reported) walk(z.array(reportedRowSchema(reported)).optional(), 'reported', false, {});
  for (const [k, s] of Object.entries(valuation)) walk(s, k, !s.isOptional(), {});
  return out;
}

/** Quantities as printed by a published account, each traced to its input line. */
function reportedQuantity<T>(id: string, r: ReportedDef, rows: readonly ReportedRow<Shape>[], ctx: IndicatorContext<T>): QuantityResult<T> {
  const { A } = ctx;
  const tracer = new Tracer(A);
  const warnings: GepWarning[] = [];
  const lines: QuantityLine<T>[] = [];
  rows.forEach((row, i) => {
    const skipped = r.skip?.(row, i, ctx as IndicatorContext<unknown>);
    if (skipped) {
      warnings.push(skipped);
      return;
    }
    // The module's own label, or the line's name as printed (an ecosystem type id gets its Chinese name).
    const name = r.label ? lineItem(r.label(row)) : typeLineItem(row.item);
    const item = name.item;
    let q: Measure<T>;
    if (r.read) q = r.read(row, i, tracer, ctx);
    else {
      q = readAmount(A, row.quantity, r.unit);
      tracer.record(
        r.stepName(item),
        { en: 'Q_i as reported', zh: 'Q_i 取公布值' },
        { Q: traced(A, q, inputRef([...ctx.path, 'reported', i, 'quantity'])) },
        q,
      );
    }
    const warning = r.warn?.(row, i, q, ctx, rows);
    if (warning) warnings.push(warning);
    lines.push({ ...name, ...(row.ecosystemType ? { ecosystemType: row.ecosystemType } : {}), quantity: q });
  });
  const entry = catalogueEntry(id);
  const total =
    (r.total ?? true) && lines.length
      ? tracer.record(
          r.totalName ?? { en: entry.en.toLowerCase(), zh: entry.zh },
          { en: 'Q = Σ_i Q_i (reported)', zh: 'Q = Σ_i Q_i（公布值）' },
          {},
          sumIn(
            A,
            lines.map((l) => l.quantity),
            r.unit,
          ),
        )
      : null;
  return { lines, total, steps: tracer.steps, warnings };
}
