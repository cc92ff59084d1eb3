/**
 * Ratios of a GEP account that decision-makers read (geep-methods §5.2), each returned with its
 * definition, formula and source, so a report can print what the number means:
 *
 *   gep-per-gdp          GGI 绿金指数 = GEP / GDP                    (ma 2017 China 2015 1.01; Ninghai 2018 2.09)
 *   geep-per-gdp         GEEP / GDP                                   (China 2015 "1.7 倍", wang-2018-geep)
 *   gep-per-capita       GEP / resident population, 元 per person
 *   geep-per-capita      GEEP / resident population                  (China 2015 8.9 万元)
 *   gep-per-area         GEP / land area, 元 per km²                  (Shenzhen 2020 0.65 亿元/km²)
 *   regulating-share     V_R / GEP                                    (Ninghai 2018 53.26 %)
 *   two-mountains-value  "两山"转化价值 = V_M + V_C = GEP − V_R        (chen-2021-ninghai: 588.44 亿元 = 1259.03 − 670.59)
 *   primary-conversion-rate  生态产品初级转化率 = (V_M + V_C) / GEP    (jixi-2025-conversion; definition [R], the
 *                        equivalence with (M + C)/GEP is [D]: 13.38 + 12.68 = 26.06 % vs printed 26.05 %)
 *   realisation-rate     生态产品价值实现率 = Σ realised value / GEP  (lin-2023-realisation [R]): value realised in
 *                        the year through market sale, ecological compensation, premium pricing, rights
 *                        trading and tourism, divided by GEP; only when the input lists the realised value.
 *
 * A ratio whose denominator is missing or zero is left out with a warning, never NaN.
 */
import { arithmeticByName, decimalArithmetic, type Arithmetic, type GepDecimal } from '../numbers/arithmetic.js';
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../errors/errors.js';
import { makeWarning } from '../errors/warnings/index.js';
import type { Text } from '../errors/text.js';
import { toGepIssues } from '../indicators/input-schema.js';
import { convert, GepUnitError, GepUnitParseError } from '../units/units.js';
import type { Measure } from '../units/measure.js';
import type { Category } from '../indicators/types.js';
import { economyInputSchema, type GdpBasis } from './economy-input.js';
import type { GeepResult } from './geep.js';
import type { GepResult } from './gep.js';

/** Ids of the ratios `computeRatios` can return. */
export type RatioId =
  | 'gep-per-gdp'
  | 'geep-per-gdp'
  | 'gep-per-capita'
  | 'geep-per-capita'
  | 'gep-per-area'
  | 'regulating-share'
  | 'two-mountains-value'
  | 'primary-conversion-rate'
  | 'realisation-rate';

/** One ratio with what it means. */
export interface Ratio<T> {
  readonly id: RatioId;
  readonly zh: string;
  readonly en: string;
  /** In `unit`: `1` for a multiple, `%` for a share, `元/人` per person, `元/km²`, `元`. */
  readonly value: T;
  readonly unit: '1' | '%' | '元/人' | '元/km²' | '元';
  readonly formula: string;
  /** The formula with its words in Chinese. */
  readonly formulaZh: string;
  readonly definition: string;
  readonly definitionZh: string;
  readonly source: string;
  /** `verified` when the definition was read, `derived` when it follows from published arithmetic, `to-verify` when recalled. */
  readonly status: 'verified' | 'derived' | 'to-verify';
  /** Parts of the numerator, e.g. realised value by channel. */
  readonly parts?: readonly { readonly item: string; readonly value: Measure<T, '元'> }[];
}

/** Everything the ratios are computed from. Money in 元 at one price year. */
export interface RatioInputs<T> {
  readonly priceYear: number;
  readonly totals: Readonly<Record<Category | 'gep', Measure<T, '元'>>>;
  readonly gdp?: { readonly value: Measure<T, '元'>; readonly basis: GdpBasis } | undefined;
  readonly geep?: Measure<T, '元'> | undefined;
  /** Persons. */
  readonly population?: T | undefined;
  /** Land area, any area unit. */
  readonly area?: Measure<T> | undefined;
  readonly realisedValue?: readonly { readonly item: string; readonly channel: string; readonly value: Measure<T, '元'> }[] | undefined;
}

/** The ratios of one account. */
export interface RatiosResult<T> {
  readonly kind: 'gep-ratios';
  readonly arithmetic: 'decimal' | 'float64';
  readonly priceYear: number;
  readonly gdpBasis: GdpBasis | null;
  readonly ratios: readonly Ratio<T>[];
  readonly warnings: readonly GepWarning[];
}

const DEFINITIONS: Readonly<Record<RatioId, Omit<Ratio<unknown>, 'id' | 'value' | 'parts'>>> = {
  'gep-per-gdp': {
    zh: '绿金指数（GEP/GDP）',
    en: 'GEP to GDP (GGI)',
    unit: '1',
    formula: 'GGI = GEP / GDP',
    formulaZh: 'GGI = GEP / GDP',
    definition: 'GEP divided by the GDP of the same region and year, both at current prices; GDP on the basis recorded beside it.',
    definitionZh: 'GEP 除以同一地区、同一年份的 GDP，二者均按现价计；GDP 的口径记录在旁。',
    source: 'geep-methods §5.2 (E16 China 2015 1.01; chen-2021-ninghai 2.09)',
    status: 'verified',
  },
  'geep-per-gdp': {
    zh: 'GEEP/GDP',
    en: 'GEEP to GDP',
    unit: '1',
    formula: 'GEEP / GDP',
    formulaZh: 'GEEP / GDP',
    definition: 'GEEP divided by GDP (China 2015: 1.7).',
    definitionZh: 'GEEP 除以 GDP（2015 年全国：1.7）。',
    source: 'wang-2018-geep (geep-methods §4.1)',
    status: 'verified',
  },
  'gep-per-capita': {
    zh: '人均GEP',
    en: 'GEP per capita',
    unit: '元/人',
    formula: 'GEP / population',
    formulaZh: 'GEP / 人口',
    definition: 'GEP divided by the population given in the input (resident population unless stated).',
    definitionZh: 'GEP 除以输入中给出的人口（未注明时为常住人口）。',
    source: 'geep-methods §5.2 (E16)',
    status: 'verified',
  },
  'geep-per-capita': {
    zh: '人均GEEP',
    en: 'GEEP per capita',
    unit: '元/人',
    formula: 'GEEP / population',
    formulaZh: 'GEEP / 人口',
    definition: 'GEEP divided by the population given in the input (China 2015: 8.9 万元).',
    definitionZh: 'GEEP 除以输入中给出的人口（2015 年全国：8.9 万元）。',
    source: 'geep-methods §5.2 (E4)',
    status: 'verified',
  },
  'gep-per-area': {
    zh: '单位面积GEP',
    en: 'GEP per km²',
    unit: '元/km²',
    formula: 'GEP / land area',
    formulaZh: 'GEP / 土地面积',
    definition: 'GEP divided by the land area of the region (Shenzhen 2020: 0.65 亿元/km²).',
    definitionZh: 'GEP 除以地区的土地面积（深圳 2020 年：0.65 亿元/km²）。',
    source: 'geep-methods §5.2 (E16); gep-methods §8 (Shenzhen 2020)',
    status: 'verified',
  },
  'regulating-share': {
    zh: '调节服务占比',
    en: 'regulating share of GEP',
    unit: '%',
    formula: 'V_R / GEP × 100 %',
    formulaZh: 'V_R / GEP × 100 %',
    definition: 'Value of regulating services as a share of GEP (Ninghai 2018: 53.26 %).',
    definitionZh: '调节服务价值占 GEP 的比例（宁海 2018 年：53.26 %）。',
    source: 'chen-2021-ninghai',
    status: 'verified',
  },
  'two-mountains-value': {
    zh: '"两山"转化价值',
    en: '"two mountains" transformation value',
    unit: '元',
    formula: 'V_M + V_C = GEP − V_R',
    formulaZh: 'V_M + V_C = GEP − V_R',
    definition:
      'Material products plus cultural services: the part of GEP realised through markets, as Ninghai 2018 reports it (588.44 = 1259.03 − 670.59 亿元).',
    definitionZh: '物质产品与文化服务之和，即 GEP 中通过市场实现的部分，宁海 2018 年即按此报告（588.44 = 1259.03 − 670.59 亿元）。',
    source: 'chen-2021-ninghai (geep-methods §5.2)',
    status: 'verified',
  },
  'primary-conversion-rate': {
    zh: '生态产品初级转化率',
    en: 'primary conversion rate',
    unit: '%',
    formula: '(V_M + V_C) / GEP × 100 %',
    formulaZh: '(V_M + V_C) / GEP × 100 %',
    definition:
      'Share of GEP converted through markets, computed as (material + cultural) / GEP; the source defines it in words only, and the equivalence is derived from its printed shares (Jixi 2023: 13.38 + 12.68 = 26.06 % vs 26.05 %).',
    definitionZh:
      'GEP 中通过市场转化的比例，按（物质产品 + 文化服务）/ GEP 计算；来源仅以文字定义，二者等价系由其公布的占比推得（鸡西 2023 年：13.38 + 12.68 = 26.06 %，公布值 26.05 %）。',
    source: 'jixi-2025-conversion (geep-methods §5.2)',
    status: 'derived',
  },
  'realisation-rate': {
    zh: '生态产品价值实现率',
    en: 'value realisation rate',
    unit: '%',
    formula: 'Σ realised value / GEP × 100 %',
    formulaZh: 'Σ 已实现价值 / GEP × 100 %',
    definition:
      'Ecological-product value realised in the year through market sale, ecological compensation, premium pricing, rights trading and tourism (as listed in the input), divided by GEP. The Lishui method this follows has not been read in full; its product-class weighting is not applied.',
    definitionZh:
      '当年通过市场销售、生态补偿、溢价、权益交易和旅游（按输入所列）实现的生态产品价值除以 GEP。所依据的丽水方法尚未通读；未采用其按产品类别的加权。',
    source: 'lin-2023-realisation (geep-methods §5.2, E17 [R])',
    status: 'to-verify',
  },
};

/**
 * Compute the ratios that the inputs allow.
 *
 * @param inputs - GEP totals in 元 and, when known, GDP, GEEP, population (persons), land area, realised value
 * @param A - arithmetic (default decimal)
 * @returns the ratios with definitions, and a warning for each ratio left out
 * @example
 * // Ninghai 2018 (亿元): GEP 1259.03, regulating 670.59 → two-mountains value 588.44 亿元, regulating share 53.26 %
 */
export function computeRatios(inputs: RatioInputs<GepDecimal>): RatiosResult<GepDecimal>;
export function computeRatios<T>(inputs: RatioInputs<T>, A: Arithmetic<T>): RatiosResult<T>;
export function computeRatios<T>(
  inputs: RatioInputs<T>,
  A: Arithmetic<T> = decimalArithmetic as unknown as Arithmetic<T>,
): RatiosResult<T> {
  const ratios: Ratio<T>[] = [];
  const warnings: GepWarning[] = [];
  const hundred = A.fromString('100');
  const gep = inputs.totals.gep.value;
  const isZero = (x: T) => A.compare(x, A.zero) === 0;
  const add = (id: RatioId, value: T, parts?: Ratio<T>['parts']) =>
    ratios.push({ id, ...DEFINITIONS[id], value, ...(parts ? { parts } : {}) } as Ratio<T>);
  const skip = (id: RatioId, reason: Text) =>
    warnings.push(makeWarning('ratio-not-computed', { params: { name: { en: DEFINITIONS[id].en, zh: DEFINITIONS[id].zh }, id, reason } }));

  const gdp = inputs.gdp?.value.value;
  if (gdp === undefined) skip('gep-per-gdp', { en: 'no GDP in the input', zh: '输入中没有 GDP' });
  else if (isZero(gdp)) skip('gep-per-gdp', { en: 'GDP is zero', zh: 'GDP 为零' });
  else {
    add('gep-per-gdp', A.divide(gep, gdp));
    if (inputs.geep) add('geep-per-gdp', A.divide(inputs.geep.value, gdp));
  }
  if (inputs.population === undefined) skip('gep-per-capita', { en: 'no population in the input', zh: '输入中没有人口' });
  else if (isZero(inputs.population)) skip('gep-per-capita', { en: 'population is zero', zh: '人口为零' });
  else {
    add('gep-per-capita', A.divide(gep, inputs.population));
    if (inputs.geep) add('geep-per-capita', A.divide(inputs.geep.value, inputs.population));
  }
  if (inputs.area === undefined) skip('gep-per-area', { en: 'no region.area in the input', zh: '输入中没有 region.area' });
  else {
    const km2 = convert(A, inputs.area.value, inputs.area.unit, 'km²');
    if (isZero(km2)) skip('gep-per-area', { en: 'the area is zero', zh: '面积为零' });
    else add('gep-per-area', A.divide(gep, km2));
  }
  const marketed: Measure<T, '元'> = { value: A.add(inputs.totals.material.value, inputs.totals.cultural.value), unit: '元' };
  add('two-mountains-value', marketed.value, [
    { item: 'material products 物质产品', value: inputs.totals.material },
    { item: 'cultural services 文化服务', value: inputs.totals.cultural },
  ]);
  if (isZero(gep)) {
    for (const id of ['regulating-share', 'primary-conversion-rate', 'realisation-rate'] as const)
      skip(id, { en: 'GEP is zero', zh: 'GEP 为零' });
  } else {
    add('regulating-share', A.multiply(A.divide(inputs.totals.regulating.value, gep), hundred));
    add('primary-conversion-rate', A.multiply(A.divide(marketed.value, gep), hundred));
    if (!inputs.realisedValue?.length)
      skip('realisation-rate', {
        en: 'the input lists no realised value (economy.realisedValue)',
        zh: '输入中未列出已实现的价值（economy.realisedValue）',
      });
    else {
      const total = A.sum(inputs.realisedValue.map((r) => r.value.value));
      add(
        'realisation-rate',
        A.multiply(A.divide(total, gep), hundred),
        inputs.realisedValue.map((r) => ({ item: `${r.item} (${r.channel})`, value: r.value })),
      );
    }
  }
  return { kind: 'gep-ratios', arithmetic: A.name, priceYear: inputs.priceYear, gdpBasis: inputs.gdp?.basis ?? null, ratios, warnings };
}

/**
 * The ratios of a GEP account, from the `economy` block of the same input and the region's area;
 * GEEP when given. `null` when the input has no `economy` block.
 *
 * @throws {GepInputError} located issues in the `economy` block or the region's area
 */
export function ratiosFromAccount<T>(result: GepResult<T>, input: unknown, geep: GeepResult<T> | null = null): RatiosResult<T> | null {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as { economy?: unknown };
  if (raw.economy === undefined) return null;
  const A = arithmeticByName<T>(result.arithmetic);
  const parsed = economyInputSchema.safeParse(raw.economy, { reportInput: true });
  if (!parsed.success) throw new GepInputError(toGepIssues(parsed.error, ['economy']));
  const economy = parsed.data;
  const issues: GepIssue[] = [];
  const money = (
    m: { value: string; unit: string; priceYear?: number | undefined },
    path: (string | number)[],
  ): Measure<T, '元'> | null => {
    if (m.priceYear !== undefined && m.priceYear !== result.priceYear) {
      issues.push(
        makeIssue('input.price-year', [...path, 'priceYear'], { expected: String(result.priceYear), found: String(m.priceYear) }),
      );
      return null;
    }
    return { value: convert(A, A.fromString(m.value), m.unit, '元'), unit: '元' };
  };
  const gdp = economy.gdp ? money(economy.gdp, ['economy', 'gdp']) : null;
  const realised = (economy.realisedValue ?? []).flatMap((r, i) => {
    const v = money(r.value, ['economy', 'realisedValue', i, 'value']);
    return v ? [{ item: r.item, channel: r.channel, value: v }] : [];
  });
  let area: Measure<T> | undefined;
  if (result.region.area) {
    try {
      area = { value: convert(A, A.fromString(result.region.area.value), result.region.area.unit, 'km²'), unit: 'km²' };
    } catch (e) {
      if (!(e instanceof GepUnitError || e instanceof GepUnitParseError)) throw e;
      issues.push(
        makeIssue('input.unit-dimension', ['region', 'area', 'unit'], {
          expected: { en: 'an area (e.g. km²)', zh: '面积（如 km²）' },
          found: result.region.area.unit,
        }),
      );
    }
  }
  if (issues.length) throw new GepInputError(issues);
  const population = economy.population ? convert(A, A.fromString(economy.population.value), economy.population.unit, '人') : undefined;
  return computeRatios(
    {
      priceYear: result.priceYear,
      totals: result.totals,
      gdp: gdp && economy.gdp ? { value: gdp, basis: economy.gdp.basis } : undefined,
      geep: geep?.geep,
      population,
      area,
      realisedValue: realised.length ? realised : undefined,
    },
    A,
  );
}

/** The JSON form of the ratios: values as decimal strings with their unit, definition and source. */
export function ratiosToJson<T>(result: RatiosResult<T>) {
  const A = arithmeticByName<T>(result.arithmetic);
  return {
    kind: result.kind,
    arithmetic: result.arithmetic,
    priceYear: result.priceYear,
    gdpBasis: result.gdpBasis,
    ratios: result.ratios.map((r) => ({
      id: r.id,
      zh: r.zh,
      en: r.en,
      value: A.toString(r.value),
      unit: r.unit,
      formula: r.formula,
      formulaZh: r.formulaZh,
      definition: r.definition,
      definitionZh: r.definitionZh,
      source: r.source,
      status: r.status,
      ...(r.parts
        ? {
            parts: r.parts.map((p) => ({
              item: p.item,
              value: { value: A.toString(p.value.value), unit: p.value.unit, priceYear: result.priceYear },
            })),
          }
        : {}),
    })),
    warnings: result.warnings,
  };
}

/** The JSON shape of the ratios. */
export type RatiosJson = ReturnType<typeof ratiosToJson>;
