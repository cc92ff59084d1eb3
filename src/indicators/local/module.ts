/**
 * A compiled local indicator as an indicator module, made by `defineIndicator` like every built-in
 * one: the input schema is built from the definition's fields (`measure`/`price` with their unit and
 * description), and `quantity()`/`value()` evaluate the checked formulas on the run's arithmetic,
 * recording a trace step per formula (with its Chinese name), the coefficients through the run's
 * coefficient reader (overrides, strict mode and price rebasing apply as for any table row), and
 * catalogued warnings in English and Chinese.
 */
import * as z from 'zod';
import { GepInputError, type GepIssue, type GepWarning } from '../../errors/errors.js';
import { makeWarning } from '../../errors/warnings/index.js';
import { convert } from '../../units/units.js';
import { inputRef, lineItem, lineItemOf, readAmount, resolvePrice, sumIn, Tracer, type AmountText, type Text } from '../compute.js';
import { defineIndicator } from '../define.js';
import { about, ecosystemType, measure, price } from '../input-schema.js';
import type { CatalogueEntry, IndicatorContext, IndicatorModule, QuantityLine, TracedValue, ValueLine } from '../types.js';
import { evaluate, type Checked } from './formula.js';

/** A formula checked and fitted to its unit. */
export interface CompiledFormula {
  /** What it computes: `Q`, `V` or a step's symbol. */
  readonly symbol: string;
  /** The formula as written, for the trace. */
  readonly text: string;
  readonly tree: Checked;
  /** The unit of its result. */
  readonly unit: string;
  readonly name: { readonly en: string; readonly zh: string };
  /** The symbols it reads, in order of first use. */
  readonly symbols: readonly string[];
}

/** An amount input, as the module reads it. */
export interface CompiledField {
  readonly name: string;
  readonly unit: string;
  readonly description: string;
  /** The description in Chinese, when the definition gives one. */
  readonly descriptionZh: string | null;
  readonly price: boolean;
  readonly optional: boolean;
  readonly fallback: string | null;
  readonly negative: boolean;
  readonly max: string | null;
}

/** A local definition with its names resolved and its formulas checked (./compile.ts). */
export interface CompiledLocal {
  readonly id: string;
  /** The profile that defines it, for the trace and the warning that says so. */
  readonly profile: string;
  readonly entry: CatalogueEntry;
  readonly fields: readonly CompiledField[];
  readonly list: {
    readonly name: string;
    readonly description: string;
    readonly descriptionZh: string | null;
    readonly ecosystemType: boolean;
    readonly fields: readonly CompiledField[];
  } | null;
  /** Formula symbol → coefficient id and the unit the formulas read it in. */
  readonly coefficients: ReadonlyMap<string, { readonly id: string; readonly unit: string }>;
  readonly quantity: { readonly steps: readonly CompiledFormula[]; readonly final: CompiledFormula };
  readonly value: { readonly steps: readonly CompiledFormula[]; readonly final: CompiledFormula };
}

/** A value a formula reads, with its unit and origin. */
interface Bound<T> {
  readonly value: T;
  readonly unit: string;
  readonly from: string;
}

type Json = Readonly<Record<string, unknown>>;
type Given = (AmountText & { priceYear?: number }) | undefined;

function fieldSchema(f: CompiledField): z.ZodType {
  const base = f.price ? price(f.unit) : measure(f.unit, { nonNegative: !f.negative, ...(f.max !== null ? { max: f.max } : {}) });
  // A definition without a Chinese description shows its own text (the province's words, in whatever language) in both.
  const zh = f.descriptionZh ?? f.description;
  const text = f.fallback
    ? about(`${f.description}; the coefficient ${f.fallback} when left out`, `${zh}；不填则取系数 ${f.fallback}`)
    : about(f.description, zh);
  return (f.optional ? base.optional() : base).meta(text);
}

/** The trace name of a formula for one line: `output of 黄芪` / `黄芪产量`; the formula's own name without a list. */
function lineName(name: { en: string; zh: string }, item: string | null): { en: string; zh: string } {
  return item === null ? name : { en: `${name.en} of ${item}`, zh: `${item}${name.zh}` };
}

/** The indicator module of a compiled local definition. */
export function localModule(c: CompiledLocal): IndicatorModule<unknown> {
  const inputs: Record<string, z.ZodType> = Object.fromEntries(c.fields.map((f) => [f.name, fieldSchema(f)]));
  if (c.list) {
    inputs[c.list.name] = z
      .array(
        z.strictObject({
          item: z.string().min(1).meta(about('name of the line (product, site, ecosystem …)', '行名称（产品、地点、生态系统等）')),
          ...(c.list.ecosystemType
            ? {
                ecosystemType: ecosystemType
                  .optional()
                  .meta(
                    about(
                      'ecosystem type id of the line, for the value by ecosystem type',
                      '该行的生态系统类型代码，用于按生态系统类型分列价值量',
                    ),
                  ),
              }
            : {}),
          ...Object.fromEntries(c.list.fields.map((f) => [f.name, fieldSchema(f)])),
        }),
      )
      .min(1)
      .meta(about(c.list.description, c.list.descriptionZh ?? c.list.description));
  }
  const ids = [
    ...new Set([
      ...[...c.coefficients.values()].map((x) => x.id),
      ...[...c.fields, ...(c.list?.fields ?? [])].flatMap((f) => (f.fallback ? [f.fallback] : [])),
    ]),
  ];

  /** The lines of the input: one per line of the list, or a single one named after the indicator. */
  const linesOf = (input: Json): { item: string | null; ecosystemType?: string; data: Json; path: (string | number)[] }[] => {
    if (!c.list) return [{ item: null, data: {}, path: [] }];
    const items = (input[c.list.name] as Json[]).map((l) => l.item as string);
    return (input[c.list.name] as Json[]).map((l, i) => {
      // Two lines of one item get their number, so that every step name (and `step:` reference) is unique.
      const item = items.indexOf(items[i]!) !== items.lastIndexOf(items[i]!) ? `${items[i]} #${i + 1}` : items[i]!;
      return { item, ...(typeof l.ecosystemType === 'string' ? { ecosystemType: l.ecosystemType } : {}), data: l, path: [c.list!.name, i] };
    });
  };

  /** Runs one phase (quantity or value): binds symbols on demand, evaluates formulas, records steps. */
  const runner = <T>(input: Json, ctx: IndicatorContext<T>) => {
    const { A } = ctx;
    const tracer = new Tracer(A);
    const warnings: GepWarning[] = [];
    const shared = new Map<string, Bound<T>>();
    const coefficient = (id: string, unit: string, path: readonly (string | number)[]): Bound<T> => {
      const { price: p, warnings: w } = resolvePrice(ctx, undefined, id, path, c.id);
      warnings.push(...w);
      return { value: convert(A, p.value, p.unit, unit), unit, from: p.from };
    };
    const field = (f: CompiledField, given: Given, path: readonly (string | number)[]): Bound<T> => {
      if (given && f.price) {
        const { price: p } = resolvePrice(ctx, given, null, path, c.id);
        return { value: convert(A, p.value, p.unit, f.unit), unit: f.unit, from: p.from };
      }
      if (given) return { value: readAmount(A, given, f.unit).value, unit: f.unit, from: inputRef(path) };
      // Absent: an optional input, which the compiler gave a fallback coefficient.
      return coefficient(f.fallback!, f.unit, path);
    };
    /** The value of a symbol for a line: a line field, a block field, a coefficient, or an earlier result. */
    const binder =
      (line: ReturnType<typeof linesOf>[number], results: Map<string, Bound<T>>) =>
      (name: string): Bound<T> => {
        const done = results.get(name) ?? shared.get(name);
        if (done) return done;
        const lineField = c.list?.fields.find((f) => f.name === name);
        if (lineField) {
          const b = field(lineField, line.data[name] as Given, [...ctx.path, ...line.path, name]);
          results.set(name, b);
          return b;
        }
        const blockField = c.fields.find((f) => f.name === name);
        const ref = c.coefficients.get(name);
        const b = blockField ? field(blockField, input[name] as Given, [...ctx.path, name]) : coefficient(ref!.id, ref!.unit, ctx.path);
        shared.set(name, b);
        return b;
      };
    const run = (f: CompiledFormula, bind: (name: string) => Bound<T>, name: Text, resultUnit = f.unit): Bound<T> & { step: string } => {
      const inputs: Record<string, TracedValue> = {};
      for (const s of f.symbols) {
        const b = bind(s);
        inputs[s] = { value: A.toString(b.value), unit: b.unit, from: b.from };
      }
      const value = evaluate(A, f.tree, (s) => bind(s).value);
      tracer.record(name, `${f.symbol} = ${f.text}`, inputs, { value, unit: resultUnit });
      return {
        value,
        unit: resultUnit,
        from: `step:${typeof name === 'string' ? name : name.en}`,
        step: typeof name === 'string' ? name : name.en,
      };
    };
    /** Each line's formulas, every input issue of every line collected before failing. */
    const perLine = <R>(fn: (line: ReturnType<typeof linesOf>[number], results: Map<string, Bound<T>>) => R): R[] => {
      const issues: GepIssue[] = [];
      const out: R[] = [];
      for (const line of linesOf(input)) {
        try {
          out.push(fn(line, new Map()));
        } catch (e) {
          if (e instanceof GepInputError) issues.push(...e.issues);
          else throw e;
        }
      }
      if (issues.length) throw new GepInputError(issues.filter((x, i) => issues.findIndex((y) => y.message === x.message) === i));
      return out;
    };
    const negative = (
      what: { en: string; zh: string },
      item: string | null,
      value: T,
      unit: string,
      path: readonly (string | number)[],
    ) => {
      if (A.compare(value, A.zero) >= 0) return;
      const name = item ?? c.entry.zh;
      warnings.push(
        makeWarning('local-negative', {
          indicator: c.id,
          path,
          params: { what, item: { en: name, zh: name }, indicator: c.id, value: A.toDisplayText(value), unit },
        }),
      );
    };
    return { A, tracer, warnings, binder, run, perLine, negative };
  };

  const quantityStepName = (item: string | null) => lineName(c.quantity.final.name, item);

  const module = defineIndicator({
    id: c.id,
    entry: c.entry,
    inputs,
    variants: {},
    coefficients: ids,

    quantity(input, ctx) {
      const r = runner(input as Json, ctx);
      r.warnings.push(
        makeWarning('local-indicator', {
          indicator: c.id,
          params: { indicator: c.id, name: { en: c.entry.en, zh: c.entry.zh }, profile: c.profile },
        }),
      );
      const lines: QuantityLine<typeof ctx.A.zero>[] = r.perLine((line, results) => {
        const bind = r.binder(line, results);
        for (const s of c.quantity.steps) results.set(s.symbol, r.run(s, bind, lineName(s.name, line.item)));
        const q = r.run(c.quantity.final, bind, quantityStepName(line.item));
        r.negative({ en: 'quantity', zh: '实物量' }, line.item, q.value, q.unit, [...ctx.path, ...line.path]);
        return {
          // A line of the list is named by the input; the single line of an indicator without a list by the indicator, in both languages.
          ...(line.item === null ? lineItem({ en: c.entry.en, zh: c.entry.zh }) : lineItem(line.item)),
          ...(line.ecosystemType ? { ecosystemType: line.ecosystemType } : {}),
          quantity: { value: q.value, unit: q.unit },
        };
      });
      const unit = c.quantity.final.unit;
      const total = c.list
        ? r.tracer.record(
            { en: c.entry.en, zh: c.entry.zh },
            'Q = Σ_i Q_i',
            {},
            sumIn(
              r.A,
              lines.map((l) => l.quantity),
              unit,
            ),
          )
        : lines[0]!.quantity;
      return { lines, total, steps: r.tracer.steps, warnings: r.warnings };
    },

    value(input, q, ctx) {
      const r = runner(input as Json, ctx);
      let k = 0;
      const lines: ValueLine<typeof ctx.A.zero>[] = r.perLine((line, results) => {
        const ql = q.lines[k++]!;
        results.set('Q', { value: ql.quantity.value, unit: ql.quantity.unit, from: `step:${quantityStepName(line.item).en}` });
        const bind = r.binder(line, results);
        for (const s of c.value.steps) results.set(s.symbol, r.run(s, bind, lineName(s.name, line.item)));
        // A formula in 元/a gives the value of the accounting year, in 元 (as V = Q × P does for a flow).
        const v = r.run(c.value.final, bind, lineName(c.value.final.name, line.item), '元');
        r.negative({ en: 'value', zh: '价值量' }, line.item, v.value, '元', [...ctx.path, ...line.path]);
        return {
          ...lineItemOf(ql),
          ...(ql.ecosystemType ? { ecosystemType: ql.ecosystemType } : {}),
          quantity: ql.quantity,
          unitPrice: null,
          value: { value: v.value, unit: '元' as const },
        };
      });
      const total = r.tracer.record(
        { en: 'total', zh: '合计' },
        'V = Σ_i V_i',
        {},
        sumIn(
          r.A,
          lines.map((l) => l.value),
          '元',
        ),
      );
      return { lines, total, steps: r.tracer.steps, warnings: r.warnings };
    },
  });
  return module as unknown as IndicatorModule<unknown>;
}
