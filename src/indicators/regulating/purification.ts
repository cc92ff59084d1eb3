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
 */
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../../errors/errors.js';
import { inputRef, readAmount, resolvePrice, sumIn, traced, Tracer, valueAt, type AmountText } from '../compute.js';
import { multiplyInto } from '../../units/units.js';
import type { Measure } from '../../units/measure.js';
import type { IndicatorContext, QuantityLine, QuantityResult, UnitPrice, ValueLine, ValueResult, VariantSpec } from '../types.js';
import { pollutionEquivalentPrice, resolveTaxRate, type GivenPrice, type Medium } from './pollution-equivalent.js';

/** A pollutant the module accounts for. */
export interface Pollutant {
  readonly id: string;
  /** Label in lines and trace steps: `SO₂`, `COD`. */
  readonly label: string;
}

/** What differs between air and water purification. */
export interface PurificationSetup {
  readonly indicator: string;
  readonly medium: Medium;
  readonly pollutants: readonly Pollutant[];
  /** `pollutants` variant option → pollutant ids. */
  readonly pollutantSets: Readonly<Record<string, readonly string[]>>;
  readonly defaultSet: string;
  /** Input field names, for issue paths: `emissions` / `loads`, `uptake` / `capacity`. */
  readonly loadField: string;
  readonly rateField: string;
  /** Words for messages: `emission` / `load`, `uptake` / `purification capacity`. */
  readonly loadWord: string;
  readonly rateWord: string;
  /** Reference units of the per-area rate and of the area. */
  readonly rateUnit: string;
  readonly areaUnit: string;
  /** Table coefficient of the per-area rate of a pollutant for an ecosystem type, or null. */
  readonly rateCoefficient: (pollutant: string, ecosystemType: string) => string | null;
  /** Table coefficient of the treatment cost of a pollutant (may be absent from the table). */
  readonly treatmentCostId: (pollutant: string) => string;
}

/** The input, with the module's field names mapped to common ones. */
export interface PurificationData {
  readonly ecosystems?: readonly {
    readonly ecosystemType: string;
    readonly item?: string | undefined;
    readonly area: AmountText;
    readonly rates?: Readonly<Partial<Record<string, AmountText>>> | undefined;
  }[] | undefined;
  readonly loads?: Readonly<Partial<Record<string, AmountText>>> | undefined;
  readonly reported?: readonly {
    readonly pollutant: string;
    readonly item?: string | undefined;
    readonly ecosystemType?: string | undefined;
    readonly quantity: AmountText;
  }[] | undefined;
  readonly prices?: Readonly<Partial<Record<string, GivenPrice>>> | undefined;
  readonly taxRate?: GivenPrice | undefined;
}

/** The `quantity` and `price` variants, common to both modules. */
export function purificationVariants(loadWord: string, source: string): VariantSpec[] {
  return [
    {
      name: 'quantity',
      options: {
        capped: `Q_i = min(${loadWord}, Σ_j unit rate × area): capacity beyond the ${loadWord} is no service (gep-methods §4.6–§4.7, CAEP family, recalled)`,
        [loadWord]: `Q_i = the ${loadWord} itself, as ${source} does`,
      },
      default: 'capped',
    },
    {
      name: 'price',
      options: {
        'treatment-cost': 'c_i = treatment cost per t from the coefficient table (ganzi-2017 §2.4)',
        'pollution-equivalent': 'c_i = environmental-protection tax rate × 1000 / kg per pollution equivalent (gep-methods §5.2)',
      },
      default: 'pollution-equivalent',
    },
  ];
}

interface Planned {
  readonly pollutant: Pollutant;
  /** Index in `reported` for a reported line. */
  readonly reported?: number;
}

/** Which lines the account has, in order: reported lines, or one per pollutant with a load. */
function plan(setup: PurificationSetup, data: PurificationData, ctx: Pick<IndicatorContext<unknown>, 'variant' | 'path'>): { planned: Planned[]; warnings: GepWarning[] } {
  const setName = ctx.variant.pollutants ?? setup.defaultSet;
  const set = setup.pollutantSets[setName] ?? setup.pollutantSets[setup.defaultSet]!;
  const byId = new Map(setup.pollutants.map((p) => [p.id, p]));
  const warnings: GepWarning[] = [];
  const planned: Planned[] = [];
  const outside = (p: Pollutant, at: readonly (string | number)[]) =>
    warnings.push({ code: 'pollutant-not-in-profile', indicator: setup.indicator, path: at, message: `${p.label} is not accounted: the profile's pollutant set "${setName}" leaves it out` });
  if (data.reported) {
    data.reported.forEach((r, i) => {
      const p = byId.get(r.pollutant)!;
      if (set.includes(p.id)) planned.push({ pollutant: p, reported: i });
      else outside(p, [...ctx.path, 'reported', i, 'pollutant']);
    });
    return { planned, warnings };
  }
  for (const p of setup.pollutants) {
    const given = data.loads?.[p.id] !== undefined;
    if (set.includes(p.id) && given) planned.push({ pollutant: p });
    else if (set.includes(p.id)) {
      warnings.push({ code: 'pollutant-not-accounted', indicator: setup.indicator, path: [...ctx.path, setup.loadField, p.id], message: `${p.label} is not accounted: no ${setup.loadWord} is given` });
    } else if (given) outside(p, [...ctx.path, setup.loadField, p.id]);
  }
  return { planned, warnings };
}

/** Purified amount per pollutant, t/a. */
export function purificationQuantity<T>(setup: PurificationSetup, data: PurificationData, ctx: IndicatorContext<T>): QuantityResult<T> {
  const { A } = ctx;
  const tracer = new Tracer(A);
  const issues: GepIssue[] = [];
  const { planned, warnings } = plan(setup, data, ctx);
  const lines: QuantityLine<T>[] = [];
  const capped = (ctx.variant.quantity ?? 'capped') === 'capped';

  if (!data.reported && capped && !data.ecosystems && planned.length) {
    throw new GepInputError([makeIssue('input.required', [...ctx.path, 'ecosystems'], {
      expected: `the area of each ecosystem type, to compute the ${setup.rateWord} (variant quantity: capped)`,
    })]);
  }

  for (const { pollutant: p, reported } of planned) {
    if (reported !== undefined) {
      const r = data.reported![reported]!;
      const q = readAmount(A, r.quantity, 't/a');
      const item = r.item ? `${p.label} · ${r.item}` : p.label;
      tracer.record(`purified ${item}`, 'Q_i as reported', { Q: traced(A, q, inputRef([...ctx.path, 'reported', reported, 'quantity'])) }, q);
      lines.push({ item, ...(r.ecosystemType ? { ecosystemType: r.ecosystemType } : {}), quantity: q });
      continue;
    }
    const loadPath = [...ctx.path, setup.loadField, p.id];
    const load = readAmount(A, data.loads![p.id]!, 't/a');
    if (!capped) {
      lines.push({ item: p.label, quantity: tracer.record(`purified ${p.label}`, `Q = ${setup.loadWord}`, { L: traced(A, load, inputRef(loadPath)) }, load) });
      continue;
    }
    const terms: Measure<T>[] = [];
    const without: string[] = [];
    data.ecosystems!.forEach((e, j) => {
      const at = [...ctx.path, 'ecosystems', j];
      const name = e.item ?? e.ecosystemType;
      const given = e.rates?.[p.id];
      const id = setup.rateCoefficient(p.id, e.ecosystemType);
      let rate: Measure<T>;
      let from: string;
      if (given) {
        rate = readAmount(A, given, setup.rateUnit);
        from = inputRef([...at, setup.rateField, p.id]);
      } else if (id !== null && ctx.coefficients.has(id)) {
        const c = ctx.coefficients.get(id, [...at, setup.rateField, p.id]);
        rate = { value: c.value, unit: c.unit };
        from = `coefficient:${id}`;
      } else {
        without.push(name);
        return;
      }
      const area = readAmount(A, e.area, setup.areaUnit);
      terms.push(tracer.record(`${setup.rateWord} for ${p.label} of ${name}`, 'C_ij = q_ij × A_j', {
        q: traced(A, rate, from),
        A: traced(A, area, inputRef([...at, 'area'])),
      }, { value: multiplyInto(A, rate.value, rate.unit, area.value, area.unit, 't/a'), unit: 't/a' }));
    });
    if (!terms.length) {
      issues.push(makeIssue('input.required', [...ctx.path, 'ecosystems', 0, setup.rateField, p.id], {
        expected: `a ${p.label} ${setup.rateWord} rate per area for at least one ecosystem type: the table has none for ${without.join(', ')}`,
      }));
      continue;
    }
    if (without.length) {
      warnings.push({ code: 'no-unit-rate', indicator: setup.indicator, path: [...ctx.path, 'ecosystems'],
        message: `${p.label}: no ${setup.rateWord} rate in the input or the table for ${without.join(', ')}; counted as no ${setup.rateWord}` });
    }
    const capacity = tracer.record(`${setup.rateWord} for ${p.label}`, 'C_i = Σ_j q_ij × A_j', {}, sumIn(A, terms, 't/a'));
    const exceeds = A.compare(capacity.value, load.value) > 0;
    const q = tracer.record(`purified ${p.label}`, `Q_i = min(${setup.loadWord}, C_i)`, {
      L: traced(A, load, inputRef(loadPath)),
      C: traced(A, capacity, `step:${setup.rateWord} for ${p.label}`),
    }, exceeds ? load : capacity, exceeds ? `capped by the ${setup.loadWord}` : undefined);
    if (exceeds) {
      warnings.push({ code: 'purification-capped', indicator: setup.indicator, path: loadPath,
        message: `${p.label}: the ${setup.rateWord} (${A.toString(capacity.value)} t/a) exceeds the ${setup.loadWord} (${A.toString(load.value)} t/a); the purified amount is capped at the ${setup.loadWord}` });
    }
    lines.push({ item: p.label, quantity: q });
  }
  if (issues.length) throw new GepInputError(issues);
  return { lines, total: null, steps: tracer.steps, warnings };
}

/** Value in 元: each purified amount × its unit price (input, treatment cost or pollution equivalent). */
export function purificationValue<T>(setup: PurificationSetup, data: PurificationData, q: QuantityResult<T>, ctx: IndicatorContext<T>): ValueResult<T> {
  const { A } = ctx;
  const tracer = new Tracer(A);
  const issues: GepIssue[] = [];
  const warnings: GepWarning[] = [];
  const { planned } = plan(setup, data, ctx);
  const route = ctx.variant.price ?? 'pollution-equivalent';
  const prices = new Map<string, UnitPrice<T>>();
  let rate: UnitPrice<T> | undefined;

  const priceOf = (p: Pollutant): UnitPrice<T> => {
    const known = prices.get(p.id);
    if (known) return known;
    const pricePath = [...ctx.path, 'prices', p.id];
    let price: UnitPrice<T>;
    const given = data.prices?.[p.id];
    if (given || route === 'treatment-cost') {
      const id = given ? null : setup.treatmentCostId(p.id);
      if (id !== null && !ctx.coefficients.has(id)) {
        throw new GepInputError([makeIssue('input.required', pricePath, { expected: `a unit price for ${p.label}: the table has no treatment cost for it` })]);
      }
      const r = resolvePrice(ctx, given, id, pricePath, setup.indicator);
      warnings.push(...r.warnings);
      price = r.price;
    } else {
      if (!rate) {
        const r = resolveTaxRate(ctx, setup.indicator, setup.medium, data.taxRate, [...ctx.path, 'taxRate']);
        warnings.push(...r.warnings);
        rate = r.rate;
      }
      price = pollutionEquivalentPrice(ctx, tracer, { medium: setup.medium, pollutant: p.id, label: p.label, rate, pricePath });
    }
    prices.set(p.id, price);
    return price;
  };

  const lines: ValueLine<T>[] = [];
  planned.forEach(({ pollutant }, i) => {
    const line = q.lines[i]!;
    try {
      const price = priceOf(pollutant);
      const value = tracer.record(`value of ${line.item}`, 'V_i = Q_i × c_i', {
        Q: traced(A, line.quantity, `step:purified ${line.item}`),
        c: traced(A, price, price.from),
      }, valueAt(A, line.quantity, price));
      lines.push({ item: line.item, ...(line.ecosystemType ? { ecosystemType: line.ecosystemType } : {}), quantity: line.quantity, unitPrice: price, value });
    } catch (e) {
      if (!(e instanceof GepInputError)) throw e;
      for (const issue of e.issues) if (!issues.some((x) => x.path.join('.') === issue.path.join('.') && x.code === issue.code)) issues.push(issue);
    }
  });
  if (issues.length) throw new GepInputError(issues);
  const total = tracer.record('total', 'V = Σ_i V_i', {}, sumIn(A, lines.map((l) => l.value), '元'));
  return { lines, total, steps: tracer.steps, warnings };
}
