/**
 * Comparing the GEP of two years (GEP 变化分析): at current prices, at constant prices of a base
 * year, and the current-price change split into a quantity effect and a price effect, per line, per
 * indicator, per category and in total; with the decline flag used in assessment and outgoing audit
 * (shanxi-2022-182 (十九): accountability for a serious decline of GEP during a term).
 *
 * Constant prices (gep-methods §6 rule 4: hold unit prices fixed and let quantities vary). For a
 * line ℓ (same indicator, item and ecosystem type in both accounts) with quantities q_a, q_b and
 * unit prices p_a, p_b, the base-year unit price p⁰ is
 *   p_a when the base year is a's price year, p_b when it is b's, otherwise p_a (or p_b) carried to
 *   the base year with the price index given: p⁰ = p · I_base / I_year;
 * and K_a = q_a·p⁰, K_b = q_b·p⁰ are the line's values at constant prices. A line without a unit price
 * (a value from a model, e.g. a consumer surplus or a reported revenue) is deflated as a whole:
 * K = V · I_base / I_year; without an index for its year it is carried at current prices, with a
 * warning (its price effect is then 0).
 *
 * Decomposition (exact, no residual): with V = current-price value,
 *   ΔV = V_b − V_a = QE + PE
 *   QE = K_b − K_a            quantity effect = change at constant base-year prices
 *   PE = (V_b − K_b) − (V_a − K_a)   price effect
 * With the base year = a's price year and priced lines, QE = (q_b − q_a)·p_a and PE = q_b·(p_b − p_a)
 * (a Laspeyres quantity effect and a Paasche price effect). Indicators, categories and GEP sum
 * their lines; the parts add up exactly on the decimal path (to its 40 significant digits when a
 * price was rebased and does not terminate), and the sums are checked.
 *
 * Decline flag: GEP (and each indicator) is flagged when its constant-price change rate
 * (K_b − K_a) / K_a is below −threshold; the drivers are the indicators with a negative quantity
 * effect, largest first, with their contribution to the GEP change in percentage points.
 */
import { agreeWithin, arithmeticByName, type Arithmetic, type GepDecimal } from '../numbers/arithmetic.js';
import { GepIndexRangeError, rebase, type PriceIndex } from '../coefficients/indices.js';
import { lineItemOf, valueAt } from '../indicators/compute.js';
import { GepUnitError, GepUnitParseError } from '../units/units.js';
import type { GepWarning } from '../errors/errors.js';
import { makeWarning } from '../errors/warnings/index.js';
import type { Measure } from '../units/measure.js';
import { CATEGORIES, type Category, type UnitPrice, type ValueLine } from '../indicators/types.js';
import type { GepResult } from './gep.js';

/** Options of `compareGep`. */
export interface CompareOptions {
  /** Year whose unit prices value both years; default: the price year of account a. */
  readonly baseYear?: number;
  /** Index that carries prices and values of another year to the base year (e.g. the CPI series of issue 5). */
  readonly priceIndex?: PriceIndex;
  /** Decline threshold as a fraction (decimal text), e.g. "0.05" for 5 %; default "0.05" (no source gives a number). */
  readonly declineThreshold?: string;
}

/** The default threshold: 5 %, the user's choice; the seed names "严重下降" without a number. */
export const DEFAULT_DECLINE_THRESHOLD = '0.05';

/** Current and constant-price values of a and b, the changes and their decomposition. */
export interface Change<T> {
  readonly a: Measure<T, '元'>;
  readonly b: Measure<T, '元'>;
  readonly change: Measure<T, '元'>;
  /** (b − a) / a, as a fraction; null when a is 0. */
  readonly rate: T | null;
  readonly constantA: Measure<T, '元'>;
  readonly constantB: Measure<T, '元'>;
  readonly constantChange: Measure<T, '元'>;
  readonly constantRate: T | null;
  readonly quantityEffect: Measure<T, '元'>;
  readonly priceEffect: Measure<T, '元'>;
}

/** How a line's constant-price values were found. */
export type ConstantMethod = 'repriced' | 'deflated' | 'not-deflated';

/** One side of a line. */
export interface LineSide<T> {
  readonly quantity: Measure<T> | null;
  readonly unitPrice: UnitPrice<T> | null;
  readonly value: Measure<T, '元'>;
  readonly method: ConstantMethod;
}

/** One line compared. */
export interface LineComparison<T> extends Change<T> {
  readonly item: string;
  /** The line's name in Chinese, where the module gave one (see `LineNameZh`). */
  readonly itemZh?: string;
  readonly ecosystemType?: string;
  readonly inA: LineSide<T> | null;
  readonly inB: LineSide<T> | null;
  /** p⁰, when the line was repriced, and where it came from. */
  readonly basePrice: (Measure<T> & { readonly from: string }) | null;
}

/** One indicator compared. */
export interface IndicatorComparison<T> extends Change<T> {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly category: Category;
  readonly presence: 'both' | 'a-only' | 'b-only';
  readonly declined: boolean;
  readonly lines: readonly LineComparison<T>[];
}

/** An indicator that drove a decline. */
export interface DeclineDriver<T> {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly quantityEffect: Measure<T, '元'>;
  readonly constantRate: T | null;
  /** QE / K_a(GEP) × 100: percentage points of the GEP change at constant prices. */
  readonly contributionPoints: T | null;
  /** QE / Σ negative QE: share of the gross decline. */
  readonly shareOfDecline: T;
}

/** Two accounts compared. */
export interface GepComparison<T> {
  readonly kind: 'gep-comparison';
  readonly arithmetic: 'decimal' | 'float64';
  readonly a: AccountRef;
  readonly b: AccountRef;
  readonly baseYear: number;
  readonly priceIndex: string | null;
  /** Price-index factors used, I_base / I_year, per year. */
  readonly deflators: readonly { readonly year: number; readonly factor: string }[];
  /** The decomposition's formula and note, in English and (`formulaZh`, `noteZh`) Chinese. */
  readonly decomposition: { readonly formula: string; readonly formulaZh: string; readonly note: string; readonly noteZh: string };
  readonly indicators: readonly IndicatorComparison<T>[];
  readonly categories: Readonly<Record<Category, Change<T>>>;
  readonly gep: Change<T>;
  readonly decline: {
    readonly threshold: T;
    readonly rule: string;
    readonly ruleZh: string;
    readonly flagged: boolean;
    readonly drivers: readonly DeclineDriver<T>[];
  };
  readonly warnings: readonly GepWarning[];
}

/** Which account. */
export interface AccountRef {
  readonly region: string;
  readonly accountingYear: number;
  readonly priceYear: number;
  readonly profile: string;
  readonly coefficientTable: string;
}

/** The change decomposition, written into every comparison. */
export const DECOMPOSITION_FORMULA =
  'ΔV = V_b − V_a = QE + PE; QE = K_b − K_a = Σ (q_b − q_a)·p⁰; PE = (V_b − K_b) − (V_a − K_a); K = value at base-year unit prices p⁰';
/** `DECOMPOSITION_FORMULA` in Chinese. */
export const DECOMPOSITION_FORMULA_ZH =
  'ΔV = V_b − V_a = QE + PE；QE = K_b − K_a = Σ (q_b − q_a)·p⁰；PE = (V_b − K_b) − (V_a − K_a)；K 为按基年单价 p⁰ 计的价值量';

type Key = string;
const keyOf = (id: string, l: ValueLine<unknown>, n: number): Key => `${id}\u0000${l.item}\u0000${l.ecosystemType ?? ''}\u0000${n}`;

function indexLines<T>(id: string, lines: readonly ValueLine<T>[]): Map<Key, ValueLine<T>> {
  const out = new Map<Key, ValueLine<T>>();
  const seen = new Map<string, number>();
  for (const l of lines) {
    const base = `${l.item}\u0000${l.ecosystemType ?? ''}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.set(keyOf(id, l as ValueLine<unknown>, n), l);
  }
  return out;
}

/**
 * Compare two GEP accounts of the same region: b against a, at current and at constant prices.
 *
 * @param a - the earlier account (its price year is the default base year)
 * @param b - the later account
 * @param options - base year, price index (needed when the base year is neither account's price year), decline threshold
 * @returns per-line, per-indicator, per-category and GEP changes with their quantity and price effects, and the decline flag
 * @example
 * const cmp = compareGep(computeGep(input2021), computeGep(input2022));
 * cmp.gep.quantityEffect  // change of GEP at 2021 prices, 元
 */
export function compareGep(a: GepResult<GepDecimal>, b: GepResult<GepDecimal>, options?: CompareOptions): GepComparison<GepDecimal>;
export function compareGep<T>(a: GepResult<T>, b: GepResult<T>, options?: CompareOptions): GepComparison<T>;
export function compareGep<T>(a: GepResult<T>, b: GepResult<T>, options: CompareOptions = {}): GepComparison<T> {
  if (a.arithmetic !== b.arithmetic) throw new Error('[gep] compareGep: the two accounts use different arithmetics');
  const A = arithmeticByName<T>(a.arithmetic);
  const warnings: GepWarning[] = [];
  const baseYear = options.baseYear ?? a.priceYear;
  const threshold = A.fromString(options.declineThreshold ?? DEFAULT_DECLINE_THRESHOLD);
  if (A.compare(threshold, A.zero) < 0) throw new Error('[gep] compareGep: the decline threshold must be ≥ 0');
  if (a.region.name !== b.region.name)
    warnings.push(makeWarning('compare-regions-differ', { params: { a: a.region.name, b: b.region.name } }));
  if (a.profile.id !== b.profile.id || a.coefficientTable !== b.coefficientTable) {
    warnings.push(
      makeWarning('compare-profiles-differ', {
        params: { profileA: a.profile.id, tableA: a.coefficientTable, profileB: b.profile.id, tableB: b.coefficientTable },
      }),
    );
  }
  if (a.accountingYear > b.accountingYear)
    warnings.push(makeWarning('compare-order', { params: { yearA: a.accountingYear, yearB: b.accountingYear } }));

  // I_base / I_year for each price year, or null when it cannot be known.
  const factors = new Map<number, T | null>();
  const deflators: { year: number; factor: string }[] = [];
  const factorFor = (year: number): T | null => {
    if (year === baseYear) return A.one;
    if (factors.has(year)) return factors.get(year)!;
    let f: T | null = null;
    if (options.priceIndex) {
      try {
        f = rebase(A, A.one, year, baseYear, options.priceIndex).factor;
        deflators.push({ year, factor: A.toString(f) });
      } catch (e) {
        if (!(e instanceof GepIndexRangeError)) throw e;
        warnings.push(makeWarning('compare-index-range', { params: { index: options.priceIndex.id, year, baseYear } }));
      }
    }
    factors.set(year, f);
    return f;
  };
  /** Lines not deflated: English label → Chinese label. */
  const notDeflated = new Map<string, string>();

  const m = (value: T): Measure<T, '元'> => ({ value, unit: '元' });
  const rateOf = (from: T, to: T): T | null => (A.compare(from, A.zero) === 0 ? null : A.divide(A.subtract(to, from), from));
  const change = (va: T, vb: T, ka: T, kb: T, qe: T, pe: T): Change<T> => ({
    a: m(va),
    b: m(vb),
    change: m(A.subtract(vb, va)),
    rate: rateOf(va, vb),
    constantA: m(ka),
    constantB: m(kb),
    constantChange: m(A.subtract(kb, ka)),
    constantRate: rateOf(ka, kb),
    quantityEffect: m(qe),
    priceEffect: m(pe),
  });
  const sumChanges = (parts: readonly Change<T>[]): Change<T> => {
    const s = (f: (c: Change<T>) => Measure<T, '元'>) => A.sum(parts.map((c) => f(c).value));
    return change(
      s((c) => c.a),
      s((c) => c.b),
      s((c) => c.constantA),
      s((c) => c.constantB),
      s((c) => c.quantityEffect),
      s((c) => c.priceEffect),
    );
  };

  const basePriceOf = (la: ValueLine<T> | undefined, lb: ValueLine<T> | undefined): (Measure<T> & { from: string }) | null => {
    const priced = (l: ValueLine<T> | undefined): l is ValueLine<T> & { quantity: Measure<T>; unitPrice: UnitPrice<T> } =>
      !!l?.quantity && !!l.unitPrice;
    if (priced(la) && a.priceYear === baseYear) return { value: la.unitPrice.value, unit: la.unitPrice.unit, from: `a (${a.priceYear})` };
    if (priced(lb) && b.priceYear === baseYear) return { value: lb.unitPrice.value, unit: lb.unitPrice.unit, from: `b (${b.priceYear})` };
    for (const [l, r] of [
      [la, a],
      [lb, b],
    ] as const) {
      if (!priced(l)) continue;
      const f = factorFor(r.priceYear);
      if (f !== null)
        return {
          value: A.multiply(l.unitPrice.value, f),
          unit: l.unitPrice.unit,
          from: `${r === a ? 'a' : 'b'} (${r.priceYear}) × I_${baseYear}/I_${r.priceYear}`,
        };
    }
    return null;
  };

  const sideOf = (
    l: ValueLine<T> | undefined,
    r: GepResult<T>,
    p0: (Measure<T> & { from: string }) | null,
    label: { en: string; zh: string },
  ): { side: LineSide<T> | null; constant: T } => {
    if (!l) return { side: null, constant: A.zero };
    if (p0 && l.quantity && l.unitPrice) {
      try {
        const k = valueAt(A, l.quantity, p0).value;
        return { side: { quantity: l.quantity, unitPrice: l.unitPrice, value: l.value, method: 'repriced' }, constant: k };
      } catch (e) {
        if (!(e instanceof GepUnitError || e instanceof GepUnitParseError)) throw e;
        warnings.push(makeWarning('compare-units', { params: { line: label, priceUnit: p0.unit, quantityUnit: l.quantity.unit } }));
      }
    }
    const f = factorFor(r.priceYear);
    if (f === null) {
      notDeflated.set(label.en, label.zh);
      return { side: { quantity: l.quantity, unitPrice: l.unitPrice, value: l.value, method: 'not-deflated' }, constant: l.value.value };
    }
    return {
      side: { quantity: l.quantity, unitPrice: l.unitPrice, value: l.value, method: 'deflated' },
      constant: A.multiply(l.value.value, f),
    };
  };

  const byIdA = new Map(a.indicators.map((r) => [r.id, r]));
  const byIdB = new Map(b.indicators.map((r) => [r.id, r]));
  const ids = [...new Set([...a.indicators.map((r) => r.id), ...b.indicators.map((r) => r.id)])];
  const indicators: IndicatorComparison<T>[] = [];
  for (const id of ids) {
    const ra = byIdA.get(id);
    const rb = byIdB.get(id);
    const linesA = indexLines(id, ra?.value.lines ?? []);
    const linesB = indexLines(id, rb?.value.lines ?? []);
    const lines: LineComparison<T>[] = [];
    for (const key of [...new Set([...linesA.keys(), ...linesB.keys()])]) {
      const la = linesA.get(key);
      const lb = linesB.get(key);
      const l = (la ?? lb)!;
      const label = { en: `${id}: ${l.item}`, zh: `${id}：${l.itemZh ?? l.item}` };
      const p0 = basePriceOf(la, lb);
      const sa = sideOf(la, a, p0, label);
      const sb = sideOf(lb, b, p0, label);
      const va = la?.value.value ?? A.zero;
      const vb = lb?.value.value ?? A.zero;
      const qe = A.subtract(sb.constant, sa.constant);
      // PE by its own formula, (V_b − K_b) − (V_a − K_a); QE + PE = V_b − V_a exactly on decimals.
      const pe = A.subtract(A.subtract(vb, sb.constant), A.subtract(va, sa.constant));
      const repriced = sa.side?.method === 'repriced' || sb.side?.method === 'repriced';
      lines.push({
        ...lineItemOf(l),
        ...(l.ecosystemType ? { ecosystemType: l.ecosystemType } : {}),
        inA: sa.side,
        inB: sb.side,
        basePrice: repriced ? p0 : null,
        ...change(va, vb, sa.constant, sb.constant, qe, pe),
      });
    }
    const entry = (ra ?? rb)!;
    const total = lines.length ? sumChanges(lines) : change(A.zero, A.zero, A.zero, A.zero, A.zero, A.zero);
    const presence = ra && rb ? 'both' : ra ? 'a-only' : 'b-only';
    if (presence !== 'both') {
      warnings.push(
        makeWarning('compare-indicator-one-year', {
          indicator: id,
          params: {
            id,
            name: entry.zh,
            side: presence === 'a-only' ? 'a' : 'b',
            year: presence === 'a-only' ? a.accountingYear : b.accountingYear,
          },
        }),
      );
    }
    // The lines add up to each account's indicator total (checked exactly on decimals).
    for (const [r, side] of [
      [ra, total.a],
      [rb, total.b],
    ] as const) {
      if (r) assertClose(A, r.value.total.value, side.value, `${id} lines vs total`);
    }
    indicators.push({
      id,
      zh: entry.zh,
      en: entry.en,
      category: entry.category,
      presence,
      lines,
      declined: total.constantRate !== null && A.compare(total.constantRate, A.negate(threshold)) < 0,
      ...total,
    });
  }

  const categories = Object.fromEntries(CATEGORIES.map((c) => [c, sumChanges(indicators.filter((i) => i.category === c))])) as Record<
    Category,
    Change<T>
  >;
  const gep = sumChanges(CATEGORIES.map((c) => categories[c]));
  // Identities: QE + PE = ΔV at every level; Σ categories = Σ indicators.
  assertClose(A, A.add(gep.quantityEffect.value, gep.priceEffect.value), gep.change.value, 'GEP: QE + PE vs ΔV');
  assertClose(A, gep.change.value, A.sum(indicators.map((i) => i.change.value)), 'GEP: Σ categories vs Σ indicators');
  for (const [r, total] of [
    [a, gep.a],
    [b, gep.b],
  ] as const) {
    if (!agreeWithin(A, r.totals.gep.value, total.value, A.abs(total.value))) {
      warnings.push(
        makeWarning('compare-gep-adjustment', {
          params: { side: r === a ? 'a' : 'b', gep: A.toString(r.totals.gep.value), sum: A.toString(total.value) },
        }),
      );
    }
  }
  if (notDeflated.size) {
    warnings.push(
      makeWarning('compare-not-deflated', {
        params: {
          count: notDeflated.size,
          baseYear,
          lines: { en: [...notDeflated.keys()].join('; '), zh: [...notDeflated.values()].join('；') },
        },
      }),
    );
  }

  const gross = A.sum(indicators.filter((i) => A.compare(i.quantityEffect.value, A.zero) < 0).map((i) => i.quantityEffect.value));
  const drivers: DeclineDriver<T>[] = indicators
    .filter((i) => A.compare(i.quantityEffect.value, A.zero) < 0)
    .sort((x, y) => A.compare(x.quantityEffect.value, y.quantityEffect.value))
    .map((i) => ({
      id: i.id,
      zh: i.zh,
      en: i.en,
      quantityEffect: i.quantityEffect,
      constantRate: i.constantRate,
      contributionPoints:
        A.compare(gep.constantA.value, A.zero) === 0
          ? null
          : A.multiply(A.divide(i.quantityEffect.value, gep.constantA.value), A.fromString('100')),
      shareOfDecline: A.divide(i.quantityEffect.value, gross),
    }));
  const flagged = gep.constantRate !== null && A.compare(gep.constantRate, A.negate(threshold)) < 0;
  const ref = (r: GepResult<T>): AccountRef => ({
    region: r.region.name,
    accountingYear: r.accountingYear,
    priceYear: r.priceYear,
    profile: `${r.profile.id} ${r.profile.version}`,
    coefficientTable: r.coefficientTable,
  });
  return {
    kind: 'gep-comparison',
    arithmetic: a.arithmetic,
    a: ref(a),
    b: ref(b),
    baseYear,
    priceIndex: options.priceIndex?.id ?? null,
    deflators: deflators.sort((x, y) => x.year - y.year),
    decomposition: {
      formula: DECOMPOSITION_FORMULA,
      formulaZh: DECOMPOSITION_FORMULA_ZH,
      note: `Quantity effect at ${baseYear} unit prices; with the base year = a's price year it is Σ (q_b − q_a)·p_a and the price effect Σ q_b·(p_b − p_a). Lines without a unit price are deflated as a whole.`,
      noteZh: `数量效应按 ${baseYear} 年单价计；基年为 a 的价格年份时，数量效应为 Σ (q_b − q_a)·p_a，价格效应为 Σ q_b·(p_b − p_a)。没有单价的核算行按价值量整体平减。`,
    },
    indicators,
    categories,
    gep,
    decline: {
      threshold,
      rule: `flag when the change at constant ${baseYear} prices, (K_b − K_a) / K_a, is below −threshold; shanxi-2022-182 (十九) holds officials accountable for a serious decline of GEP during their term but names no threshold, so the threshold is a parameter`,
      ruleZh: `按 ${baseYear} 年不变价计的变化率 (K_b − K_a) / K_a 低于 −阈值时标记下降；shanxi-2022-182（十九）规定对任期内生态产品总值严重下降的追究责任，但未规定阈值，故阈值为参数`,
      flagged,
      drivers,
    },
    warnings,
  };
}

/** Sums taken in two orders must agree to the arithmetic's identity tolerance. */
function assertClose<T>(A: Arithmetic<T>, x: T, y: T, what: string): void {
  if (!agreeWithin(A, x, y, A.add(A.abs(x), A.abs(y))))
    throw new Error(`[gep] comparison identity broken (${what}): ${A.toString(x)} vs ${A.toString(y)}`);
}

/** The JSON form of a comparison: money and rates as decimal strings. */
export function gepComparisonToJson<T>(c: GepComparison<T>) {
  const A = arithmeticByName<T>(c.arithmetic);
  const s = (x: T | null) => (x === null ? null : A.toString(x));
  const money = (x: Measure<T>, priceYear: number) => ({ value: A.toString(x.value), unit: x.unit, priceYear });
  const changeJson = (x: Change<T>) => ({
    current: {
      a: money(x.a, c.a.priceYear),
      b: money(x.b, c.b.priceYear),
      change: { value: A.toString(x.change.value), unit: '元' },
      rate: s(x.rate),
    },
    constant: {
      a: money(x.constantA, c.baseYear),
      b: money(x.constantB, c.baseYear),
      change: money(x.constantChange, c.baseYear),
      rate: s(x.constantRate),
    },
    quantityEffect: { value: A.toString(x.quantityEffect.value), unit: '元' },
    priceEffect: { value: A.toString(x.priceEffect.value), unit: '元' },
  });
  const side = (x: LineSide<T> | null) =>
    x
      ? {
          quantity: x.quantity ? { value: A.toString(x.quantity.value), unit: x.quantity.unit } : null,
          unitPrice: x.unitPrice
            ? { value: A.toString(x.unitPrice.value), unit: x.unitPrice.unit, priceYear: x.unitPrice.priceYear }
            : null,
          value: { value: A.toString(x.value.value), unit: x.value.unit },
          constantPrices: x.method,
        }
      : null;
  return {
    kind: c.kind,
    arithmetic: c.arithmetic,
    a: c.a,
    b: c.b,
    baseYear: c.baseYear,
    priceIndex: c.priceIndex,
    deflators: c.deflators,
    decomposition: c.decomposition,
    gep: changeJson(c.gep),
    categories: Object.fromEntries(CATEGORIES.map((k) => [k, changeJson(c.categories[k])])),
    indicators: c.indicators.map((i) => ({
      id: i.id,
      zh: i.zh,
      en: i.en,
      category: i.category,
      presence: i.presence,
      declined: i.declined,
      ...changeJson(i),
      lines: i.lines.map((l) => ({
        item: l.item,
        ...(l.itemZh !== undefined ? { itemZh: l.itemZh } : {}),
        ...(l.ecosystemType ? { ecosystemType: l.ecosystemType } : {}),
        a: side(l.inA),
        b: side(l.inB),
        basePrice: l.basePrice
          ? { value: A.toString(l.basePrice.value), unit: l.basePrice.unit, priceYear: c.baseYear, from: l.basePrice.from }
          : null,
        ...changeJson(l),
      })),
    })),
    decline: {
      threshold: A.toString(c.decline.threshold),
      rule: c.decline.rule,
      ruleZh: c.decline.ruleZh,
      flagged: c.decline.flagged,
      drivers: c.decline.drivers.map((d) => ({
        id: d.id,
        zh: d.zh,
        en: d.en,
        quantityEffect: { value: A.toString(d.quantityEffect.value), unit: '元' },
        constantRate: s(d.constantRate),
        contributionPoints: s(d.contributionPoints),
        shareOfDecline: A.toString(d.shareOfDecline),
      })),
    },
    warnings: c.warnings,
  };
}

/** The JSON shape of a comparison. */
export type GepComparisonJson = ReturnType<typeof gepComparisonToJson>;
