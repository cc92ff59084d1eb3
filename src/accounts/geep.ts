/**
 * GEEP (经济生态生产总值, gross economic-ecological product): GDP with the year's environmental
 * and ecological losses taken off and the regulating services of the ecosystems added.
 *
 *   variant `caep` (default; geep-methods §2.1, §2.4 V1; wang-2018-geep, ma-2020-geep, xu-2018-geep-press)
 *     GEEP = GDP − PDC − EcDC + ERS
 *   variant `caep-with-resource-depletion` (§2.4 V2; CAEP 2023 definition of GGDP, E6)
 *     GEEP = GDP − RDC − PDC − EcDC + ERS
 *   variant `eco-gdp-all-services` (§2.4 V5; "生态GDP", E24)
 *     GEEP = GDP − RDC − PDC − EcDC + GEP          (all of GEP: double counts what GDP already has)
 *
 * with GGDP = GDP − (the deducted terms) and GEEP = GGDP + (the added term). PDC 污染损失成本 (pollution
 * loss, damage-based by default; virtual-treatment cost = amount × unit cost as the cost-based
 * alternative, §3.1.5), EcDC 生态破坏成本 (ecological damage, e.g. damaged area × service value per
 * area, §3.2), RDC 资源耗减成本 (resource depletion) enter as components, each a value or a
 * `quantity × unitCost` calculator. ERS is the GEP account's regulating subtotal, less the
 * indicators flagged as already inside GDP (§5.1), or a value given in the input (reproductions).
 *
 * The default reproduces China 2015: 72.3 − 2 − 0.63 + 53.1 = 122.77 万亿元 (published 122.78; the
 * 0.01 is rounding of the printed parts, geep-methods §2.1). The GDP basis (the region's own
 * statistics, the sum of sub-regions as in CAEP's national accounts, or the NBS national figure,
 * §2.5) is recorded in the result.
 */
import { agreeWithin, arithmeticByName, decimalArithmetic, type Arithmetic, type GepDecimal } from '../numbers/arithmetic.js';
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../errors/errors.js';
import { makeWarning } from '../errors/warnings/index.js';
import { toGepIssues } from '../indicators/input-schema.js';
import { valueAt } from '../indicators/compute.js';
import { convert, GepUnitError, GepUnitParseError } from '../units/units.js';
import type { Measure } from '../units/measure.js';
import type { MoneyJson } from './serialize.js';
import type { GepResult } from './gep.js';
import {
  economyInputSchema,
  geepInputSchema,
  type CostComponentInput,
  type EconomyInput,
  type GdpBasis,
  type GeepInput,
  type GeepVariant,
} from './economy-input.js';

/** What each variant deducts and adds, with its formula and source. */
export const GEEP_VARIANT_SPECS: Readonly<
  Record<
    GeepVariant,
    {
      readonly formula: string;
      readonly deductsResourceDepletion: boolean;
      readonly adds: 'regulating' | 'gep';
      readonly source: string;
      readonly sourceZh: string;
      readonly note: string;
      readonly noteZh: string;
    }
  >
> = {
  caep: {
    formula: 'GEEP = GDP − PDC − EcDC + ERS',
    deductsResourceDepletion: false,
    adds: 'regulating',
    source: 'wang-2018-geep; ma-2020-geep; xu-2018-geep-press (geep-methods §2.1, §2.4 V1)',
    sourceZh: 'wang-2018-geep；ma-2020-geep；xu-2018-geep-press（geep-methods §2.1、§2.4 V1）',
    note: 'CAEP GEEP as published for China 2015 and 2016; the published numbers close on it.',
    noteZh: '生态环境部环境规划院（CAEP）发布的 2015、2016 年全国 GEEP 所用公式；按此可复核已发布的数字。',
  },
  'caep-with-resource-depletion': {
    formula: 'GEEP = GDP − RDC − PDC − EcDC + ERS',
    deductsResourceDepletion: true,
    adds: 'regulating',
    source: 'CAEP 2023 definition of GGDP (geep-methods §2.4 V2, E6)',
    sourceZh: 'CAEP 2023 年绿色 GDP 定义（geep-methods §2.4 V2，E6）',
    note: 'No published GEEP figure includes a resource-depletion term (geep-methods §4.1).',
    noteZh: '已发布的 GEEP 数字均不含资源耗减项（geep-methods §4.1）。',
  },
  'eco-gdp-all-services': {
    formula: 'GEEP = GDP − RDC − PDC − EcDC + GEP',
    deductsResourceDepletion: true,
    adds: 'gep',
    source: '"生态GDP" thesis (geep-methods §2.4 V5, E24)',
    sourceZh: '“生态GDP”学位论文（geep-methods §2.4 V5，E24）',
    note: 'Adds all of GEP: material products and cultural services are largely inside GDP already, so they are counted twice.',
    noteZh: '加上全部 GEP：物质产品与文化服务大多已计入 GDP，因而重复计算。',
  },
};

/** Bases of the pollution loss (PDC 口径) in Chinese. */
export const PDC_BASIS_ZH: Readonly<Record<'damage' | 'virtual-treatment' | 'mixed', string>> = {
  damage: '损失法',
  'virtual-treatment': '虚拟治理成本法',
  mixed: '混合口径',
};

/** The terms of GEEP: GDP, resource depletion, pollution loss, ecological damage, regulating services, GEP. */
export type GeepTermId = 'gdp' | 'rdc' | 'pdc' | 'ecdc' | 'ers' | 'gep';

const TERM_NAMES: Readonly<Record<GeepTermId, { zh: string; en: string }>> = {
  gdp: { zh: '地区生产总值', en: 'GDP' },
  rdc: { zh: '资源耗减成本', en: 'resource depletion cost (RDC)' },
  pdc: { zh: '污染损失成本', en: 'pollution loss cost (PDC)' },
  ecdc: { zh: '生态破坏成本', en: 'ecological damage cost (EcDC)' },
  ers: { zh: '生态调节服务价值', en: 'regulating services (ERS)' },
  gep: { zh: '生态产品总值', en: 'GEP (all services)' },
};

/** One component of a term, as valued. */
export interface GeepComponent<T> {
  readonly item: string;
  /** Medium, ecosystem, resource, or the indicator id for ERS. */
  readonly kind: string;
  readonly basis?: 'damage' | 'virtual-treatment';
  readonly quantity: Measure<T> | null;
  readonly unitCost: Measure<T> | null;
  readonly value: Measure<T, '元'>;
  /** False when the variant or the PDC basis leaves the component out. */
  readonly counted: boolean;
  readonly method?: string;
  readonly source?: string;
}

/** A term of the identity. `sign` 0: listed for information, not used by the variant. */
export interface GeepTerm<T> {
  readonly id: GeepTermId;
  readonly zh: string;
  readonly en: string;
  readonly sign: 1 | -1 | 0;
  /** Sum of the counted components (of all components when the term is listed only, sign 0). */
  readonly value: Measure<T, '元'>;
  readonly components: readonly GeepComponent<T>[];
}

/** A GEEP account. */
export interface GeepResult<T> {
  readonly kind: 'geep-account';
  readonly arithmetic: 'decimal' | 'float64';
  readonly priceYear: number;
  /** The variant with its formula, and its source and note in English and Chinese. */
  readonly variant: {
    readonly id: GeepVariant;
    readonly formula: string;
    readonly source: string;
    readonly sourceZh: string;
    readonly note: string;
    readonly noteZh: string;
  };
  readonly pdcBasis: 'damage' | 'virtual-treatment' | 'mixed';
  readonly gdpBasis: GdpBasis;
  readonly gdpSource: string | null;
  /** Where ERS comes from: the GEP account's regulating indicators, or a value in the input. */
  readonly ersSource: 'gep-account' | 'input';
  /** Regulating indicators left out of ERS because their value is inside GDP. */
  readonly ersExcluded: readonly string[];
  readonly terms: readonly GeepTerm<T>[];
  /** GDP − the deducted terms (绿色GDP as the variant defines it). */
  readonly ggdp: Measure<T, '元'>;
  readonly geep: Measure<T, '元'>;
  readonly warnings: readonly GepWarning[];
}

/** What `computeGeep` needs: the parsed input blocks and, from a GEP account, ERS and GEP. */
export interface GeepParameters<T> {
  readonly economy: EconomyInput;
  readonly geep: GeepInput;
  readonly priceYear: number;
  /** ERS components from the account (one per regulating indicator); ignored when `geep.regulatingServices` is given. */
  readonly regulating?: readonly { readonly id: string; readonly zh: string; readonly en: string; readonly value: Measure<T, '元'> }[];
  /** Total GEP, for the variant that adds all of it. */
  readonly gep?: Measure<T, '元'>;
  /** Path of the input blocks, for issues (default: the account input's root). */
  readonly path?: readonly (string | number)[];
}

/** Options of `computeGeep`: arithmetic and overrides of the input's own choices. */
export interface GeepOptions<T> {
  readonly arithmetic?: Arithmetic<T>;
  readonly variant?: GeepVariant;
  readonly pdcBasis?: 'damage' | 'virtual-treatment' | 'mixed';
}

function moneyOf<T>(
  A: Arithmetic<T>,
  m: { value: string; unit: string; priceYear?: number | undefined },
  priceYear: number,
  path: readonly (string | number)[],
  issues: GepIssue[],
): Measure<T, '元'> | null {
  if (m.priceYear !== undefined && m.priceYear !== priceYear) {
    issues.push(makeIssue('input.price-year', [...path, 'priceYear'], { expected: String(priceYear), found: String(m.priceYear) }));
    return null;
  }
  return { value: convert(A, A.fromString(m.value), m.unit, '元'), unit: '元' };
}

function componentOf<T>(
  A: Arithmetic<T>,
  c: CostComponentInput,
  kind: string,
  priceYear: number,
  path: readonly (string | number)[],
  issues: GepIssue[],
): Omit<GeepComponent<T>, 'counted'> | null {
  const common = { item: c.item, kind, ...(c.method ? { method: c.method } : {}), ...(c.source ? { source: c.source } : {}) };
  if (c.value) {
    const v = moneyOf(A, c.value, priceYear, [...path, 'value'], issues);
    return v ? { ...common, quantity: null, unitCost: null, value: v } : null;
  }
  const q = c.quantity!;
  const p = c.unitCost!;
  if (p.priceYear !== undefined && p.priceYear !== priceYear) {
    issues.push(
      makeIssue('input.price-year', [...path, 'unitCost', 'priceYear'], { expected: String(priceYear), found: String(p.priceYear) }),
    );
    return null;
  }
  const quantity = { value: A.fromString(q.value), unit: q.unit };
  const unitCost = { value: A.fromString(p.value), unit: p.unit };
  try {
    // The calculator: value = quantity × unit cost (e.g. virtual treatment cost, geep-methods §3.1.5).
    return { ...common, quantity, unitCost, value: valueAt(A, quantity, unitCost) };
  } catch (e) {
    if (!(e instanceof GepUnitError || e instanceof GepUnitParseError)) throw e;
    issues.push(
      makeIssue('input.unit-dimension', [...path, 'unitCost', 'unit'], {
        expected: { en: `money per ${q.unit}`, zh: `货币/${q.unit}（如 元/${q.unit}）` },
        found: p.unit,
      }),
    );
    return null;
  }
}

/** A term's value: its counted components, or all of them for a term listed but not used (sign 0). */
function sum<T>(A: Arithmetic<T>, parts: readonly GeepComponent<T>[], listed = false): Measure<T, '元'> {
  return { value: A.sum(parts.filter((p) => listed || p.counted).map((p) => p.value.value)), unit: '元' };
}

/**
 * Compute GEEP from GDP, the deduction terms and ERS.
 *
 * @param params - the `economy` and `geep` input blocks, the price year, and ERS (or GEP) from the account
 * @param options - arithmetic (default decimal), and the variant or PDC basis overriding the input's
 * @returns the terms with their components, GGDP and GEEP in 元, and warnings
 * @throws {GepInputError} listing every issue (missing GDP, money of another price year, unit mismatch)
 * @example
 * // China 2015 (万亿元): 72.3 − 2 − 0.63 + 53.1
 * computeGeep({ economy: { gdp: { value: '72.3', unit: '万亿元', basis: 'sum-of-subregions' } },
 *   geep: { pollutionLoss: [{ item: 'PDC', medium: 'other', value: { value: '2', unit: '万亿元' } }],
 *           ecologicalDamage: [{ item: 'EcDC', ecosystem: 'other', value: { value: '0.63', unit: '万亿元' } }],
 *           regulatingServices: { value: '53.1', unit: '万亿元' } }, priceYear: 2015 }).geep
 * //=> { value: 122770000000000, unit: '元' }   (122.77 万亿元)
 */
export function computeGeep(params: GeepParameters<GepDecimal>): GeepResult<GepDecimal>;
export function computeGeep<T>(params: GeepParameters<T>, options: GeepOptions<T> & { arithmetic: Arithmetic<T> }): GeepResult<T>;
export function computeGeep<T>(params: GeepParameters<T>, options: GeepOptions<T> = {}): GeepResult<T> {
  const A = (options.arithmetic ?? decimalArithmetic) as Arithmetic<T>;
  const base = params.path ?? [];
  const { economy, geep, priceYear } = params;
  const issues: GepIssue[] = [];
  const warnings: GepWarning[] = [];
  const variantId: GeepVariant = options.variant ?? geep.variant ?? 'caep';
  const spec = GEEP_VARIANT_SPECS[variantId];
  const pdcBasis = options.pdcBasis ?? geep.pdcBasis ?? 'damage';

  if (!economy.gdp)
    issues.push(
      makeIssue('input.required', [...base, 'economy', 'gdp'], {
        expected: { en: 'GDP with its basis, for GEEP', zh: '计算 GEEP 所需的 GDP 及其口径' },
      }),
    );
  const gdp = economy.gdp ? moneyOf<T>(A, economy.gdp, priceYear, [...base, 'economy', 'gdp'], issues) : null;

  const valued = <C extends CostComponentInput>(list: readonly C[] | undefined, field: string, kindOf: (c: C) => string) =>
    (list ?? []).map((c, i) => componentOf(A, c, kindOf(c), priceYear, [...base, 'geep', field, i], issues));

  const pdcRaw = valued(geep.pollutionLoss, 'pollutionLoss', (c) => c.medium);
  const pdc: GeepComponent<T>[] = [];
  geep.pollutionLoss.forEach((c, i) => {
    const v = pdcRaw[i];
    if (!v) return;
    const basis = c.basis ?? 'damage';
    pdc.push({ ...v, basis, counted: pdcBasis === 'mixed' || basis === pdcBasis });
  });
  const ecdc: GeepComponent<T>[] = valued(geep.ecologicalDamage, 'ecologicalDamage', (c) => c.ecosystem).flatMap((v) =>
    v ? [{ ...v, counted: true }] : [],
  );
  const rdc: GeepComponent<T>[] = valued(geep.resourceDepletion, 'resourceDepletion', (c) => c.resource).flatMap((v) =>
    v ? [{ ...v, counted: spec.deductsResourceDepletion }] : [],
  );
  if (spec.deductsResourceDepletion && geep.resourceDepletion === undefined) {
    issues.push(
      makeIssue('input.required', [...base, 'geep', 'resourceDepletion'], {
        expected: {
          en: `resource depletion components (variant ${variantId}); [] states that there is none`,
          zh: `资源耗减成本各项（方法变体 ${variantId}）；没有时填 []`,
        },
      }),
    );
  }

  // ERS: the regulating services, from the input or from the account.
  const excluded = geep.excludeFromRegulating ?? [];
  let ers: GeepComponent<T>[] = [];
  let ersSource: GeepResult<T>['ersSource'] = 'gep-account';
  if (geep.regulatingServices) {
    ersSource = 'input';
    const v = moneyOf<T>(A, geep.regulatingServices, priceYear, [...base, 'geep', 'regulatingServices'], issues);
    if (v)
      ers = [
        {
          item: 'regulating services (given)',
          kind: 'input',
          quantity: null,
          unitCost: null,
          value: v,
          counted: spec.adds === 'regulating',
          ...(geep.regulatingServices.source ? { source: geep.regulatingServices.source } : {}),
        },
      ];
    if (excluded.length) warnings.push(makeWarning('geep-exclusion-ignored', { path: [...base, 'geep', 'excludeFromRegulating'] }));
  } else if (params.regulating) {
    for (const id of excluded) {
      if (!params.regulating.some((r) => r.id === id)) {
        issues.push(
          makeIssue('input.out-of-range', [...base, 'geep', 'excludeFromRegulating'], {
            expected: {
              en: `a regulating indicator of the account (${params.regulating.map((r) => r.id).join(', ')})`,
              zh: `核算中的调节服务指标（${params.regulating.map((r) => r.id).join('、')}）之一`,
            },
            found: id,
          }),
        );
      }
    }
    ers = params.regulating.map((r) => ({
      item: `${r.zh} ${r.en}`,
      kind: r.id,
      quantity: null,
      unitCost: null,
      value: r.value,
      counted: spec.adds === 'regulating' && !excluded.includes(r.id),
    }));
  } else if (spec.adds === 'regulating') {
    issues.push(
      makeIssue('input.required', [...base, 'geep', 'regulatingServices'], {
        expected: {
          en: 'the regulating-service value ERS, or a GEP account to take it from',
          zh: '调节服务价值 ERS，或可从中取得该值的 GEP 核算',
        },
      }),
    );
  }
  let gepTerm: GeepComponent<T>[] = [];
  if (spec.adds === 'gep') {
    if (params.gep) gepTerm = [{ item: 'GEP', kind: 'gep-account', quantity: null, unitCost: null, value: params.gep, counted: true }];
    else
      issues.push(
        makeIssue('input.required', [...base, 'geep'], {
          expected: {
            en: `a GEP account (variant ${variantId} adds all of GEP)`,
            zh: `GEP 核算结果（方法变体 ${variantId} 加上全部 GEP）`,
          },
        }),
      );
    warnings.push(makeWarning('geep-double-counting', { params: { variant: variantId } }));
  }
  if (issues.length || !gdp) throw new GepInputError(issues);

  const uncounted = pdc.filter((c) => !c.counted);
  if (uncounted.length) {
    warnings.push(
      makeWarning('geep-pdc-basis', {
        path: [...base, 'geep', 'pollutionLoss'],
        params: {
          count: uncounted.length,
          basis: { en: pdcBasis, zh: PDC_BASIS_ZH[pdcBasis] },
          items: { en: uncounted.map((c) => c.item).join('; '), zh: uncounted.map((c) => c.item).join('；') },
        },
      }),
    );
  }
  if (rdc.length && !spec.deductsResourceDepletion) {
    warnings.push(makeWarning('geep-rdc-not-deducted', { path: [...base, 'geep', 'resourceDepletion'], params: { variant: variantId } }));
  }

  const term = (id: GeepTermId, sign: 1 | -1 | 0, components: GeepComponent<T>[]): GeepTerm<T> => ({
    id,
    ...TERM_NAMES[id],
    sign,
    value: sum(A, components, sign === 0),
    components,
  });
  const terms: GeepTerm<T>[] = [
    term('gdp', 1, [
      {
        item: TERM_NAMES.gdp.en,
        kind: economy.gdp!.basis,
        quantity: null,
        unitCost: null,
        value: gdp,
        counted: true,
        ...(economy.gdp!.source ? { source: economy.gdp!.source } : {}),
      },
    ]),
    ...(rdc.length || spec.deductsResourceDepletion ? [term('rdc', spec.deductsResourceDepletion ? -1 : 0, rdc)] : []),
    term('pdc', -1, pdc),
    term('ecdc', -1, ecdc),
    ...(ers.length ? [term('ers', spec.adds === 'regulating' ? 1 : 0, ers)] : []),
    ...(gepTerm.length ? [term('gep', 1, gepTerm)] : []),
  ];

  // GGDP = GDP − deductions; GEEP = GGDP + additions; checked against Σ sign × term (exact on decimals).
  const deductions = A.sum(terms.filter((t) => t.sign === -1).map((t) => t.value.value));
  const additions = A.sum(terms.filter((t) => t.sign === 1 && t.id !== 'gdp').map((t) => t.value.value));
  const ggdp: Measure<T, '元'> = { value: A.subtract(gdp.value, deductions), unit: '元' };
  const geepValue: Measure<T, '元'> = { value: A.add(ggdp.value, additions), unit: '元' };
  const direct = A.sum(terms.map((t) => (t.sign === 1 ? t.value.value : t.sign === -1 ? A.negate(t.value.value) : A.zero)));
  if (!agreeWithin(A, direct, geepValue.value, A.add(A.abs(gdp.value), A.sum(terms.map((t) => A.abs(t.value.value)))))) {
    throw new Error(`[gep] GEEP identity broken: GGDP + additions = ${A.toString(geepValue.value)} but Σ terms = ${A.toString(direct)}`);
  }
  return {
    kind: 'geep-account',
    arithmetic: A.name,
    priceYear,
    variant: { id: variantId, formula: spec.formula, source: spec.source, sourceZh: spec.sourceZh, note: spec.note, noteZh: spec.noteZh },
    pdcBasis,
    gdpBasis: economy.gdp!.basis,
    gdpSource: economy.gdp!.source ?? null,
    ersSource,
    ersExcluded: ersSource === 'gep-account' ? excluded : [],
    terms,
    ggdp,
    geep: geepValue,
    warnings,
  };
}

/**
 * GEEP of a GEP account, from the `economy` and `geep` blocks of the same account input: ERS is the
 * account's regulating indicators (less `excludeFromRegulating`). `null` when the input has no
 * `geep` block.
 *
 * @throws {GepInputError} located issues in the `economy` and `geep` blocks
 */
export function geepFromAccount<T>(
  result: GepResult<T>,
  input: unknown,
  options: Omit<GeepOptions<T>, 'arithmetic'> = {},
): GeepResult<T> | null {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as { economy?: unknown; geep?: unknown };
  if (raw.geep === undefined) return null;
  const issues: GepIssue[] = [];
  const economy = economyInputSchema.safeParse(raw.economy ?? {}, { reportInput: true });
  if (!economy.success) issues.push(...toGepIssues(economy.error, ['economy']));
  const geep = geepInputSchema.safeParse(raw.geep, { reportInput: true });
  if (!geep.success) issues.push(...toGepIssues(geep.error, ['geep']));
  if (issues.length || !economy.success || !geep.success) throw new GepInputError(issues);
  const A = arithmeticByName<T>(result.arithmetic);
  const regulating = result.indicators
    .filter((r) => r.category === 'regulating')
    .map((r) => ({ id: r.id, zh: r.zh, en: r.en, value: r.value.total }));
  const out = computeGeep<T>(
    { economy: economy.data, geep: geep.data, priceYear: result.priceYear, regulating, gep: result.totals.gep },
    { ...options, arithmetic: A },
  );
  const missing = result.notAccounted.filter((n) => n.id.startsWith('regulating.'));
  if (out.ersSource === 'gep-account' && missing.length) {
    return {
      ...out,
      warnings: [
        ...out.warnings,
        makeWarning('geep-ers-incomplete', {
          params: { ids: { en: missing.map((n) => n.id).join(', '), zh: missing.map((n) => `${n.zh}（${n.id}）`).join('、') } },
        }),
      ],
    };
  }
  return out;
}

/** The JSON form of a GEEP result: money as decimal strings with unit and price year. */
export function geepResultToJson<T>(result: GeepResult<T>) {
  const A = arithmeticByName<T>(result.arithmetic);
  const money = (m: Measure<T>): MoneyJson => ({ value: A.toString(m.value), unit: m.unit, priceYear: result.priceYear });
  const measure = (m: Measure<T> | null) => (m ? { value: A.toString(m.value), unit: m.unit } : null);
  return {
    kind: result.kind,
    arithmetic: result.arithmetic,
    priceYear: result.priceYear,
    variant: result.variant,
    pdcBasis: result.pdcBasis,
    gdpBasis: result.gdpBasis,
    gdpSource: result.gdpSource,
    ersSource: result.ersSource,
    ersExcluded: result.ersExcluded,
    terms: result.terms.map((t) => ({
      id: t.id,
      zh: t.zh,
      en: t.en,
      sign: t.sign,
      value: money(t.value),
      components: t.components.map((c) => ({
        item: c.item,
        kind: c.kind,
        ...(c.basis ? { basis: c.basis } : {}),
        quantity: measure(c.quantity),
        unitCost: measure(c.unitCost),
        value: money(c.value),
        counted: c.counted,
        ...(c.method ? { method: c.method } : {}),
        ...(c.source ? { source: c.source } : {}),
      })),
    })),
    ggdp: money(result.ggdp),
    geep: money(result.geep),
    warnings: result.warnings,
  };
}

/** The JSON shape of a GEEP result. */
export type GeepResultJson = ReturnType<typeof geepResultToJson>;
