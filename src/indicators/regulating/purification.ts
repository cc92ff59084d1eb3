/**
 * The computation shared by air purification (空气净化) and water purification (水质净化): per
 * pollutant i, the amount ecosystems remove, capped by what is actually emitted or discharged,
 *   variant `quantity: capped`   Q_i = min(L_i, Σ_j q_ij · A_j)     (gep-methods §4.6, §4.7, §7;
 *                                the min() rule is recalled from the CAEP guideline [R])
 *   variant `quantity: emission` (air) / `load` (water)   Q_i = L_i, the emission or load itself,
 *                                as ganzi-2017 §2.4 does
 * and its value V = Σ_i Q_i · c_i, with c_i by the profile's variant `price`:
 *   `treatment-cost`        c_i from the coefficient table (ganzi-2017 §2.4 treatment costs)
 *   `pollution-equivalent`  c_i = rate × 1000 / e_i (./pollution-equivalent.ts)
 * An input price for a pollutant always wins over both routes. Reported purified amounts (for
 * reproducing a published account) replace the whole computation of the quantity.
 * Capacity beyond the load is no service: when Σ q·A exceeds L the amount is capped and a warning
 * says so. A type without an uptake/capacity rate for a pollutant contributes none, with a warning.
 * Different pollutants are not added up: the quantity has no total (dust tonnes would swamp SO₂).
 * Both modules are defined here from one description (`definePurification`): the same schema,
 * variants and computation, with the medium's field names, pollutants and words.
 */
import * as z from 'zod';
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../../errors/errors.js';
import { makeWarning } from '../../errors/warnings/index.js';
import { ecosystemTypeName } from '../catalogue.js';
import { inputRef, lineItem, lineItemOf, readAmount, resolvePrice, sumIn, traced, Tracer, valueAt, type AmountText } from '../compute.js';
import { defineIndicator, type ReportedRow } from '../define.js';
import { about, ecosystemType, type FieldText, measure, price } from '../input-schema.js';
import { multiplyInto } from '../../units/units.js';
import type { Measure } from '../../units/measure.js';
import type { IndicatorContext, QuantityLine, QuantityResult, UnitPrice, ValueLine, ValueResult } from '../types.js';
import { pollutionEquivalentPrice, resolveTaxRate, taxRateVariant, type GivenPrice, type Medium } from './pollution-equivalent.js';

/** A word in English and Chinese. */
interface Words {
  readonly en: string;
  readonly zh: string;
}

/** A pollutant the module accounts for, with its label in lines and steps: `SO₂`, `COD`, dust 粉尘. */
export interface Pollutant<P extends string = string> extends Words {
  readonly id: P;
}

/**
 * What differs between air and water purification: the medium, its pollutants and pollutant sets,
 * the input field names (`emissions` / `loads`, `uptake` / `capacity`) and the words for them.
 */
export interface PurificationSetup<
  Id extends string,
  P extends string,
  L extends string,
  R extends string,
  W extends string,
  S extends string,
> {
  readonly id: Id;
  readonly medium: Medium;
  readonly pollutants: readonly Pollutant<P>[];
  /** `pollutants` variant option → the pollutants it accounts for and what it means (source). */
  readonly pollutantSets: { readonly [K in S]: { readonly pollutants: readonly P[]; readonly description: string } };
  readonly defaultSet: NoInfer<S>;
  /** Input field of the emission or load per pollutant, and of a type's rate per area. */
  readonly loadField: L;
  readonly rateField: R;
  /** `emission` / `load` (the option of variant `quantity` that takes it as the purified amount), in both languages. */
  readonly loadWord: { readonly en: W; readonly zh: string };
  /** `uptake` / `purification capacity`, in both languages. */
  readonly rateWord: Words;
  /** Who takes the load itself as the purified amount, for the variant's description. */
  readonly loadSource: string;
  /** Reference units of the per-area rate and of the area. */
  readonly rateUnit: string;
  readonly areaUnit: string;
  /** Descriptions of the input fields, in English and Chinese. */
  readonly describe: {
    readonly ecosystemType: FieldText;
    readonly rate: (p: Pollutant<P>) => FieldText;
    readonly load: (p: Pollutant<P>) => FieldText;
    readonly price: (p: Pollutant<P>) => FieldText;
    readonly taxRate: FieldText;
  };
  /** Table coefficient of the per-area rate of a pollutant for an ecosystem type, or null. */
  readonly rateCoefficient: (pollutant: P, ecosystemType: string) => string | null;
  /** Table coefficient of the treatment cost of a pollutant (may be absent from the table). */
  readonly treatmentCostId: (pollutant: P) => string;
  /** A pollutant that is part of another (NH₃-N of TN): accounting both counts it twice, with this warning. */
  readonly overlap?: { readonly part: P; readonly whole: P; readonly warning: 'nitrogen-counted-twice' };
  readonly coefficients: readonly string[];
}

/** `{ [key]: value }`, typed with the key's literal. */
function keyed<K extends string, V>(key: K, value: V): { readonly [Q in K]: V } {
  return { [key]: value } as { readonly [Q in K]: V };
}

/** An object with an optional field per pollutant. */
function perPollutant<P extends string, S extends z.ZodType>(pollutants: readonly Pollutant<P>[], field: (p: Pollutant<P>) => S) {
  return z.strictObject(Object.fromEntries(pollutants.map((p) => [p.id, field(p).optional()])) as { [K in P]: z.ZodOptional<S> });
}

/** The variants of a purification module that its computation reads. */
type Variant = {
  readonly quantity: string;
  readonly price: string;
  readonly taxRate: string;
  readonly pollutants: string;
};

/** The input, with the module's field names mapped to common ones. */
interface PurificationData {
  readonly ecosystems?:
    | readonly {
        readonly ecosystemType: string;
        readonly item?: string | undefined;
        readonly area: AmountText;
        readonly rates?: Readonly<Partial<Record<string, AmountText>>> | undefined;
      }[]
    | undefined;
  readonly loads?: Readonly<Partial<Record<string, AmountText>>> | undefined;
  readonly reported?: readonly { readonly pollutant: string; readonly item?: string | undefined }[] | undefined;
  readonly prices?: Readonly<Partial<Record<string, GivenPrice>>> | undefined;
  readonly taxRate?: GivenPrice | undefined;
}

/** A reported line of a purification module: its pollutant, and its own name after the pollutant's. */
type PollutantRow = ReportedRow<{ readonly pollutant: z.ZodType<string> }>;

/** The computation, with the setup's types erased. */
type AnySetup = PurificationSetup<string, string, string, string, string, string>;

/** Define air or water purification from its setup: the module with its typed input. */
export function definePurification<
  const Id extends string,
  const P extends string,
  const L extends string,
  const R extends string,
  const W extends string,
  const S extends string,
>(setup: PurificationSetup<Id, P, L, R, W, S>) {
  const ids = setup.pollutants.map((p) => p.id) as [P, ...P[]];
  const any = setup as unknown as AnySetup;
  const data = (input: object): PurificationData => {
    const i = input as Record<string, unknown> & { ecosystems?: readonly Record<string, unknown>[] };
    return {
      ecosystems: i.ecosystems?.map((e) => ({
        ...(e as { ecosystemType: string; item?: string; area: AmountText }),
        rates: e[setup.rateField] as Record<string, AmountText> | undefined,
      })),
      loads: i[setup.loadField] as Record<string, AmountText> | undefined,
      reported: i.reported as PurificationData['reported'],
      prices: i.prices as Record<string, GivenPrice> | undefined,
      taxRate: i.taxRate as GivenPrice | undefined,
    };
  };
  const setOptions = Object.fromEntries(
    Object.entries(setup.pollutantSets).map(([k, v]) => [k, (v as { description: string }).description]),
  ) as { [K in S]: string };

  return defineIndicator({
    id: setup.id,
    inputs: {
      ecosystems: z
        .array(
          z.strictObject({
            ecosystemType: ecosystemType.meta(setup.describe.ecosystemType),
            item: z.string().min(1).optional().meta(about('name of the line, when a type has several lines', '行名称（同一类型有多行时）')),
            area: measure(setup.areaUnit).meta(
              about('area of the type (needed by variant quantity: capped)', '该生态系统类型的面积（方法 quantity: capped 需要）'),
            ),
            ...keyed(
              setup.rateField,
              perPollutant(setup.pollutants, (p) => measure(setup.rateUnit).meta(setup.describe.rate(p))).optional(),
            ),
          }),
        )
        .min(1)
        .optional(),
      ...keyed(
        setup.loadField,
        perPollutant(setup.pollutants, (p) => measure('t/a').meta(setup.describe.load(p))),
      ),
    },
    reported: {
      unit: 't/a',
      description: about(
        `purified amount as printed by a published account, instead of ${setup.loadField} and ecosystems`,
        `公布的核算结果所列净化量，代替 ${setup.loadField} 与 ecosystems`,
      ),
      fields: {
        pollutant: z
          .enum(ids)
          .meta(
            about(
              `pollutant of a reported line: ${ids.join(', ')}`,
              `公布行的污染物：${setup.pollutants.map((p) => (p.zh === p.id ? p.id : `${p.id} ${p.zh}`)).join('、')}`,
            ),
          ),
      },
      label: (row: PollutantRow) => words(itemOf(any, row.pollutant, row.item)),
      stepName: (item: string) => ({ en: `purified ${item}`, zh: `${zhOfItem(any, item)}净化量` }),
      total: false,
      skip: (row: PollutantRow, i: number, ctx: IndicatorContext<unknown>) => {
        const set = (ctx.variant as unknown as Variant).pollutants;
        return inSet(any, set, row.pollutant) ? null : notInProfile(any, row.pollutant, set, [...ctx.path, 'reported', i, 'pollutant']);
      },
      warn: <T>(row: PollutantRow, i: number, _q: Measure<T>, ctx: IndicatorContext<T>, rows: readonly PollutantRow[]) => {
        const set = (ctx.variant as unknown as Variant).pollutants;
        const o = setup.overlap;
        // Once, on the first line of the part, when the whole is accounted too.
        const counted = (p: string) => inSet(any, set, p) && rows.some((r) => r.pollutant === p);
        return o && row.pollutant === o.part && rows.findIndex((r) => r.pollutant === o.part) === i && counted(o.part) && counted(o.whole)
          ? makeWarning(o.warning, { indicator: setup.id, path: ctx.path })
          : null;
      },
    },
    valuation: {
      prices: perPollutant(setup.pollutants, (p) => price('元/t').meta(setup.describe.price(p))).optional(),
      taxRate: price('元/当量').optional().meta(setup.describe.taxRate),
    },
    variants: {
      quantity: {
        options: {
          capped: `Q_i = min(${setup.loadWord.en}, Σ_j unit rate × area): capacity beyond the ${setup.loadWord.en} is no service (gep-methods §4.6–§4.7, CAEP family, recalled)`,
          ...keyed(setup.loadWord.en, `Q_i = the ${setup.loadWord.en} itself, as ${setup.loadSource} does`),
        },
        default: 'capped',
      },
      price: {
        options: {
          'treatment-cost': 'c_i = treatment cost per t from the coefficient table (ganzi-2017 §2.4)',
          'pollution-equivalent': 'c_i = environmental-protection tax rate × 1000 / kg per pollution equivalent (gep-methods §5.2)',
        },
        default: 'pollution-equivalent',
      },
      taxRate: taxRateVariant(setup.medium),
      pollutants: { options: setOptions, default: setup.defaultSet },
    },
    coefficients: setup.coefficients,

    /** Purified amount per pollutant, t/a (no total across pollutants). */
    quantity(input, ctx) {
      return purificationQuantity(any, data(input), ctx as IndicatorContext<typeof ctx.A.zero, Variant>);
    },

    /** Value in 元: purified amount × treatment cost or pollution-equivalent price, per pollutant. */
    value(input, q, ctx) {
      return purificationValue(any, data(input), q, ctx as IndicatorContext<typeof ctx.A.zero, Variant>);
    },
  });
}

const pollutantOf = (setup: AnySetup, id: string) => setup.pollutants.find((p) => p.id === id)!;
const inSet = (setup: AnySetup, set: string, pollutant: string) => setup.pollutantSets[set]!.pollutants.includes(pollutant);

/** A line's name: the pollutant's label, and the reported line's own name after it (`SO₂ · coniferous`). */
function itemOf(setup: AnySetup, pollutant: string, item: string | undefined): Words {
  const p = pollutantOf(setup, pollutant);
  return item ? { en: `${p.en} · ${item}`, zh: `${p.zh} · ${ecosystemTypeName(item, 'zh')}` } : p;
}

/** The Chinese of a line's name (`SO₂ · coniferous`), from its English one. */
function zhOfItem(setup: AnySetup, item: string): string {
  for (const p of setup.pollutants) {
    if (item === p.en) return p.zh;
    if (item.startsWith(`${p.en} · `)) return `${p.zh} · ${ecosystemTypeName(item.slice(p.en.length + 3), 'zh')}`;
  }
  return item;
}

const words = (p: Words) => ({ en: p.en, zh: p.zh });

function notInProfile(setup: AnySetup, pollutant: string, set: string, path: readonly (string | number)[]): GepWarning {
  return makeWarning('pollutant-not-in-profile', {
    indicator: setup.id,
    path,
    params: { pollutant: words(pollutantOf(setup, pollutant)), set },
  });
}

/** The warning that `fields` of the block `key` are not read under `variant` (input-not-used, as nep.ts gives per line). */
function notUsed(
  setup: AnySetup,
  ctx: IndicatorContext<unknown, Variant>,
  key: string,
  line: { readonly en: string; readonly zh: string },
  fields: readonly string[],
  variant: string,
): GepWarning {
  return makeWarning('input-not-used', {
    indicator: setup.id,
    path: [...ctx.path, key],
    params: { line, fields: fields.join(', '), variant },
  });
}

/** Which lines the account has, in order: reported lines in the profile's set, or one per pollutant with a load. */
function plan(
  setup: AnySetup,
  data: PurificationData,
  ctx: IndicatorContext<unknown, Variant>,
): { planned: { pollutant: Pollutant; item: Words }[]; warnings: GepWarning[] } {
  const set = ctx.variant.pollutants;
  if (data.reported) {
    return {
      planned: data.reported
        .filter((r) => inSet(setup, set, r.pollutant))
        .map((r) => ({ pollutant: pollutantOf(setup, r.pollutant), item: itemOf(setup, r.pollutant, r.item) })),
      warnings: [],
    };
  }
  const warnings: GepWarning[] = [];
  const planned: { pollutant: Pollutant; item: Words }[] = [];
  for (const p of setup.pollutants) {
    const given = data.loads?.[p.id] !== undefined;
    const path = [...ctx.path, setup.loadField, p.id];
    if (inSet(setup, set, p.id) && given) planned.push({ pollutant: p, item: p });
    else if (inSet(setup, set, p.id)) {
      warnings.push(
        makeWarning('pollutant-not-accounted', { indicator: setup.id, path, params: { pollutant: words(p), load: words(setup.loadWord) } }),
      );
    } else if (given) warnings.push(notInProfile(setup, p.id, set, path));
  }
  // A price given for a pollutant that is not accounted is not used: named, not dropped.
  const unpriced = setup.pollutants.filter((p) => data.prices?.[p.id] !== undefined && !planned.some((x) => x.pollutant.id === p.id));
  if (unpriced.length)
    warnings.push(
      notUsed(
        setup,
        ctx,
        'prices',
        { en: 'prices', zh: '单价' },
        unpriced.map((p) => p.id),
        `pollutants: ${set}`,
      ),
    );
  // Likewise the ecosystems' rates for a pollutant that is not accounted.
  const unrated = setup.pollutants.filter(
    (p) => !planned.some((x) => x.pollutant.id === p.id) && data.ecosystems?.some((e) => e.rates?.[p.id] !== undefined),
  );
  if (unrated.length)
    warnings.push(
      notUsed(
        setup,
        ctx,
        'ecosystems',
        { en: 'ecosystems', zh: '生态系统' },
        unrated.map((p) => `${setup.rateField}.${p.id}`),
        `pollutants: ${set}`,
      ),
    );
  return { planned, warnings };
}

/** Purified amount per pollutant, t/a, from the loads and the ecosystems' rates (reported lines: see `reported`). */
function purificationQuantity<T>(setup: AnySetup, data: PurificationData, ctx: IndicatorContext<T, Variant>): QuantityResult<T> {
  const { A } = ctx;
  const tracer = new Tracer(A);
  const issues: GepIssue[] = [];
  const { planned, warnings } = plan(setup, data, ctx);
  const lines: QuantityLine<T>[] = [];
  const capped = ctx.variant.quantity === 'capped';
  const load = setup.loadWord;
  const rate = setup.rateWord;

  if (capped && !data.ecosystems && planned.length) {
    throw new GepInputError([
      makeIssue('input.required', [...ctx.path, 'ecosystems'], {
        expected: {
          en: `the area of each ecosystem type, to compute the ${rate.en} (variant quantity: capped)`,
          zh: `各生态系统类型的面积，用于计算${rate.zh}（方法 quantity: capped）`,
        },
      }),
    ]);
  }

  // Taken as the load itself, the purified amount reads no area or rate: say so rather than drop them.
  if (!capped && data.ecosystems && planned.length)
    warnings.push(
      notUsed(
        setup,
        ctx,
        'ecosystems',
        { en: 'ecosystems', zh: '生态系统' },
        ['area', setup.rateField],
        `quantity: ${ctx.variant.quantity}`,
      ),
    );

  for (const { pollutant: p } of planned) {
    const loadPath = [...ctx.path, setup.loadField, p.id];
    const amount = readAmount(A, data.loads![p.id]!, 't/a');
    const purified = { en: `purified ${p.en}`, zh: `${p.zh}净化量` };
    if (!capped) {
      lines.push({
        ...lineItem(words(p)),
        quantity: tracer.record(
          purified,
          { en: `Q = ${load.en}`, zh: `Q = ${load.zh}` },
          { L: traced(A, amount, inputRef(loadPath)) },
          amount,
        ),
      });
      continue;
    }
    const terms: Measure<T>[] = [];
    const without: string[] = [];
    data.ecosystems!.forEach((e, j) => {
      const at = [...ctx.path, 'ecosystems', j];
      const name = e.item ?? e.ecosystemType;
      const given = e.rates?.[p.id];
      const id = setup.rateCoefficient(p.id, e.ecosystemType);
      let q: Measure<T>;
      let from: string;
      if (given) {
        q = readAmount(A, given, setup.rateUnit);
        from = inputRef([...at, setup.rateField, p.id]);
      } else if (id !== null && ctx.coefficients.has(id)) {
        const c = ctx.coefficients.get(id, [...at, setup.rateField, p.id]);
        q = { value: c.value, unit: c.unit };
        from = `coefficient:${id}`;
      } else {
        without.push(name);
        return;
      }
      const area = readAmount(A, e.area, setup.areaUnit);
      terms.push(
        tracer.record(
          { en: `${rate.en} for ${p.en} of ${name}`, zh: `${ecosystemTypeName(name, 'zh')}对${p.zh}的${rate.zh}` },
          'C_ij = q_ij × A_j',
          {
            q: traced(A, q, from),
            A: traced(A, area, inputRef([...at, 'area'])),
          },
          { value: multiplyInto(A, q.value, q.unit, area.value, area.unit, 't/a'), unit: 't/a' },
        ),
      );
    });
    if (!terms.length) {
      issues.push(
        makeIssue('input.required', [...ctx.path, 'ecosystems', 0, setup.rateField, p.id], {
          expected: {
            en: `a ${p.en} ${rate.en} rate per area for at least one ecosystem type: the table has none for ${without.join(', ')}`,
            zh: `至少一种生态系统类型的单位面积${p.zh}${rate.zh}：系数表中没有${without.map((t) => ecosystemTypeName(t, 'zh')).join('、')}的值`,
          },
        }),
      );
      continue;
    }
    if (without.length) {
      warnings.push(
        makeWarning('no-unit-rate', {
          indicator: setup.id,
          path: [...ctx.path, 'ecosystems'],
          params: {
            pollutant: words(p),
            rate: words(rate),
            types: { en: without.join(', '), zh: without.map((t) => ecosystemTypeName(t, 'zh')).join('、') },
          },
        }),
      );
    }
    const capacity = tracer.record(
      { en: `${rate.en} for ${p.en}`, zh: `${p.zh}${rate.zh}` },
      'C_i = Σ_j q_ij × A_j',
      {},
      sumIn(A, terms, 't/a'),
    );
    const exceeds = A.compare(capacity.value, amount.value) > 0;
    const q = tracer.record(
      purified,
      { en: `Q_i = min(${load.en}, C_i)`, zh: `Q_i = min(${load.zh}, C_i)` },
      {
        L: traced(A, amount, inputRef(loadPath)),
        C: traced(A, capacity, `step:${rate.en} for ${p.en}`),
      },
      { value: A.min(amount.value, capacity.value), unit: 't/a' },
      exceeds ? { en: `capped by the ${load.en}`, zh: `以${load.zh}为上限` } : undefined,
    );
    if (exceeds) {
      warnings.push(
        makeWarning('purification-capped', {
          indicator: setup.id,
          path: loadPath,
          params: {
            pollutant: words(p),
            rate: words(rate),
            load: words(load),
            capacity: A.toDisplayText(capacity.value),
            amount: A.toDisplayText(amount.value),
          },
        }),
      );
    }
    lines.push({ ...lineItem(words(p)), quantity: q });
  }
  if (issues.length) throw new GepInputError(issues);
  const o = setup.overlap;
  const accounted = (id: string) => planned.some((l) => l.pollutant.id === id);
  if (o && accounted(o.part) && accounted(o.whole)) warnings.push(makeWarning(o.warning, { indicator: setup.id, path: ctx.path }));
  return { lines, total: null, steps: tracer.steps, warnings };
}

/** Value in 元: each purified amount × its unit price (input, treatment cost or pollution equivalent). */
function purificationValue<T>(
  setup: AnySetup,
  data: PurificationData,
  q: QuantityResult<T>,
  ctx: IndicatorContext<T, Variant>,
): ValueResult<T> {
  const { A } = ctx;
  const tracer = new Tracer(A);
  const issues: GepIssue[] = [];
  const warnings: GepWarning[] = [];
  const { planned } = plan(setup, data, ctx);
  const prices = new Map<string, UnitPrice<T>>();
  let rate: UnitPrice<T> | undefined;

  const priceOf = (p: Pollutant): UnitPrice<T> => {
    const known = prices.get(p.id);
    if (known) return known;
    const pricePath = [...ctx.path, 'prices', p.id];
    let price: UnitPrice<T>;
    const given = data.prices?.[p.id];
    if (given || ctx.variant.price === 'treatment-cost') {
      const id = given ? null : setup.treatmentCostId(p.id);
      if (id !== null && !ctx.coefficients.has(id)) {
        throw new GepInputError([
          makeIssue('input.required', pricePath, {
            expected: {
              en: `a unit price for ${p.en}: the table has no treatment cost for it`,
              zh: `${p.zh}的单价：系数表中没有其治理成本`,
            },
          }),
        ]);
      }
      const r = resolvePrice(ctx, given, id, pricePath, setup.id);
      warnings.push(...r.warnings);
      price = r.price;
    } else {
      if (!rate) {
        const r = resolveTaxRate(ctx, setup.id, setup.medium, data.taxRate, [...ctx.path, 'taxRate']);
        warnings.push(...r.warnings);
        rate = r.rate;
      }
      price = pollutionEquivalentPrice(ctx, tracer, { medium: setup.medium, pollutant: p.id, label: words(p), rate, pricePath });
    }
    prices.set(p.id, price);
    return price;
  };

  const lines: ValueLine<T>[] = [];
  planned.forEach(({ pollutant, item }, i) => {
    const line = q.lines[i]!;
    try {
      const price = priceOf(pollutant);
      const value = tracer.record(
        { en: `value of ${line.item}`, zh: `${item.zh}价值量` },
        'V_i = Q_i × c_i',
        {
          Q: traced(A, line.quantity, `step:purified ${line.item}`),
          c: traced(A, price, price.from),
        },
        valueAt(A, line.quantity, price),
      );
      lines.push({
        ...lineItemOf(line),
        ...(line.ecosystemType ? { ecosystemType: line.ecosystemType } : {}),
        quantity: line.quantity,
        unitPrice: price,
        value,
      });
    } catch (e) {
      if (!(e instanceof GepInputError)) throw e;
      for (const issue of e.issues)
        if (!issues.some((x) => x.path.join('.') === issue.path.join('.') && x.code === issue.code)) issues.push(issue);
    }
  });
  if (issues.length) throw new GepInputError(issues);
  const total = tracer.record(
    { en: 'total', zh: '合计' },
    'V = Σ_i V_i',
    {},
    sumIn(
      A,
      lines.map((l) => l.value),
      '元',
    ),
  );
  return { lines, total, steps: tracer.steps, warnings };
}
