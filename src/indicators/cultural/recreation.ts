/**
 * 休闲旅游 — Recreation and tourism: the value of visits to the region's ecosystems (scenic
 * areas, forest and wetland parks) and, as a separate line, of visits to free urban green space.
 * The physical account (实物量) is the number of visits, 人次/a. Three methods, chosen by the
 * profile's variant `method`:
 *
 *   travel-cost (individual TCM, baiyangdian-2017 [V S7]; gep-methods §4.16)
 *     V = Σ_j N_j · (TE_j + TV_j + CS_j),   TV_j = t_j · w_j · θ,   θ = 0.30 (`travel-time-value-share`)
 *     N_j visits, TE_j travel expenditure per visit (transport, food, lodging, tickets), TV_j time
 *     cost per visit (t_j hours of travel and stay, w_j hourly wage), CS_j consumer surplus per
 *     visit (from the site's own demand model, e.g. zero-truncated Poisson; an input here).
 *
 *   zonal-travel-cost (Clawson & Knetsch 1966 [R]; gep-methods §4.16 "the other common form")
 *     C_i  = TE_i + TV_i                                   travel cost per visit from origin zone i
 *     VR_i = N_i / Pop_i                                   visit rate (visits per resident)
 *     VR   = a + b·C                                       linear demand, OLS over the zones
 *            b = Σ(C_i − C̄)(VR_i − V̄R) / Σ(C_i − C̄)²,  a = V̄R − b·C̄   (or a, b given)
 *     CS_i = Pop_i · ∫_{C_i}^{−a/b} (a + b·c) dc = Pop_i · V̂R_i² / (−2b),  V̂R_i = a + b·C_i (0 when V̂R_i ≤ 0)
 *     V    = Σ_i N_i·C_i + Σ_i CS_i
 *
 *   revenue (the shortcut some accounts use; gep-methods §9 item 13)
 *     V = Σ_j N_j · s_j  (spending per visit)   or   V = Σ_j R_j  (tourism revenue as reported)
 *
 * Free urban green space (parks, greenways; Shenzhen 2020 counts about 1 billion visits [V S11]) is
 * valued as its own line, at a given value per visit or at the time cost t·w·θ, and is counted or
 * excluded by the variant `urbanGreenSpace`.
 */
import * as z from 'zod';
import { GepInputError, makeIssue, type GepIssue, type GepWarning } from '../../errors/errors.js';
import { makeWarning } from '../../errors/warnings/index.js';
import {
  inputRef,
  lineItem,
  lineItemOf,
  notUsedWarning,
  readAmount,
  resolvePrice,
  sumIn,
  traced,
  Tracer,
  valueAt,
  type AmountText,
} from '../compute.js';
import { defineIndicator } from '../define.js';
import { about, decimalText, ecosystemType, measure, price } from '../input-schema.js';
import { convert, isKnownUnit, sameDimensionUnits } from '../../units/units.js';
import type { Measure } from '../../units/measure.js';
import type { IndicatorContext, QuantityLine, QuantityResult, TracedValue, UnitPrice, ValueLine, ValueResult } from '../types.js';

const ID = 'cultural.recreation';
const PER_VISIT = '元/人次';

const perVisit = () => price(PER_VISIT);
const wageRate = () =>
  price('元/h').check((ctx) => {
    const unit = ctx.value.unit;
    if (isKnownUnit(unit) && sameDimensionUnits(unit, '元/h') && !/\/\s*h$/.test(unit)) {
      ctx.issues.push({
        code: 'custom',
        input: unit,
        path: ['unit'],
        message: 'unit',
        params: {
          gepCode: 'input.unit-dimension',
          expected: {
            en: 'money per working hour (元/h); convert a daily or annual wage with the working hours first',
            zh: '每工作小时的货币量（元/h）；日工资或年工资请先按工作小时数换算',
          },
          found: unit,
        },
      });
    }
  });

const site = z.strictObject({
  item: z
    .string()
    .min(1)
    .meta(about('scenic area, park or site group (variants travel-cost and revenue)', '景区、公园或景点组（方法 travel-cost 与 revenue）')),
  ecosystemType: ecosystemType
    .optional()
    .meta(
      about('ecosystem type the site belongs to, for the value by ecosystem type', '景点所属生态系统类型，用于按生态系统类型分列价值量'),
    ),
  visits: measure('人次/a').meta(about('visits in the accounting year (人次)', '核算年份游客量（人次）')),
  travelExpenditure: perVisit()
    .optional()
    .meta(
      about(
        'travel expenditure per visit TE: transport, food, lodging, tickets (variant travel-cost)',
        '人均旅行费用 TE：交通、餐饮、住宿、门票（方法 travel-cost）',
      ),
    ),
  timeCost: perVisit()
    .optional()
    .meta(
      about(
        'time cost per visit TV, when given directly instead of travelTime × wageRate × θ',
        '人均旅行时间成本 TV，直接给定时代替 travelTime × wageRate × θ',
      ),
    ),
  travelTime: measure('h')
    .optional()
    .meta(about('hours spent travelling and on site per visit t, for TV = t·w·θ', '人均旅途及游览时间 t（小时），用于 TV = t·w·θ')),
  wageRate: wageRate()
    .optional()
    .meta(
      about(
        'hourly wage rate w of the visitors (per working hour; a daily or annual wage must be converted first)',
        '游客小时工资 w（按工作小时计；日工资或年工资须先换算）',
      ),
    ),
  consumerSurplus: perVisit()
    .optional()
    .meta(
      about(
        'consumer surplus per visit CS from the site demand model (variant travel-cost; write "0" to leave it out explicitly)',
        '人均消费者剩余 CS，由景点需求模型得出（方法 travel-cost；明确不计时填 "0"）',
      ),
    ),
  spendingPerVisit: perVisit().optional().meta(about('tourist spending per visit (variant revenue)', '游客人均消费（方法 revenue）')),
  revenue: price('元')
    .optional()
    .meta(
      about(
        'tourism revenue of the site in the accounting year, when no spending per visit is given (variant revenue)',
        '核算年份景点旅游收入，未给人均消费时使用（方法 revenue）',
      ),
    ),
});

const zone = z.strictObject({
  item: z.string().min(1).meta(about('origin zone of the visitors (variant zonal-travel-cost)', '游客客源区（方法 zonal-travel-cost）')),
  population: measure('人').meta(about('resident population of the zone (人 or 万人)', '客源区常住人口（人或万人）')),
  visits: measure('人次/a').meta(about('visits from the zone in the accounting year', '核算年份来自该客源区的游客量')),
  travelExpenditure: perVisit().meta(about('travel expenditure per visit from the zone', '该客源区游客人均旅行费用')),
  timeCost: perVisit()
    .optional()
    .meta(about('time cost per visit from the zone, given directly', '该客源区游客人均旅行时间成本（直接给定）')),
  travelTime: measure('h')
    .optional()
    .meta(about('hours per visit from the zone, for TV = t·w·θ', '该客源区游客人均旅途及游览时间（小时），用于 TV = t·w·θ')),
  wageRate: wageRate().optional().meta(about('hourly wage rate in the zone, for TV = t·w·θ', '该客源区小时工资，用于 TV = t·w·θ')),
});

const greenSpace = z.strictObject({
  item: z.string().min(1).meta(about('free urban green space: parks, greenways (a separate line)', '免费城市绿地：公园、绿道（单独列行）')),
  ecosystemType: ecosystemType
    .optional()
    .meta(
      about('ecosystem type of the green space, for the value by ecosystem type', '绿地所属生态系统类型，用于按生态系统类型分列价值量'),
    ),
  visits: measure('人次/a').meta(about('visits in the accounting year', '核算年份游客量')),
  valuePerVisit: perVisit()
    .optional()
    .meta(
      about(
        'value per visit; otherwise the time cost travelTime × wageRate × θ',
        '人均游憩价值；不填则取时间成本 travelTime × wageRate × θ',
      ),
    ),
  travelTime: measure('h').optional().meta(about('hours per visit, for the time cost', '人均游憩时间（小时），用于计算时间成本')),
  wageRate: wageRate().optional().meta(about('hourly wage rate, for the time cost', '小时工资，用于计算时间成本')),
});

/** Sites (travel-cost, revenue) or origin zones (zonal), and free urban green space. */
const INPUTS = {
  sites: z.array(site).min(1).optional(),
  zones: z.array(zone).min(2).optional(),
  demand: z
    .strictObject({
      intercept: decimalText.meta(
        about(
          'intercept a of the visit-rate demand VR = a + b·C (visits per resident), when estimated elsewhere',
          '游览率需求函数 VR = a + b·C（人均游览次数）的截距 a，已另行估计时填写',
        ),
      ),
      slope: decimalText.meta(
        about(
          'slope b of the demand (visits per resident per 元 of travel cost, negative)',
          '需求函数斜率 b（每元旅行费用对应的人均游览次数，为负值）',
        ),
      ),
    })
    .optional(),
  urbanGreenSpace: z.array(greenSpace).min(1).optional(),
};
type RecreationData = z.output<z.ZodObject<typeof INPUTS>>;

const GREEN_PREFIX = '城市免费绿地 free urban green space: ';
const GREEN_PREFIX_ZH = '城市免费绿地：';

/** Visits per site (or origin zone) and per green space, 人次/a. */
function visits<T>(input: RecreationData, ctx: IndicatorContext<T>): QuantityResult<T> {
  const { A } = ctx;
  const issues: GepIssue[] = [];
  const warnings: GepWarning[] = [];
  const lines: QuantityLine<T>[] = [];
  const method = ctx.variant.method;
  const zonal = method === 'zonal-travel-cost';
  // An input the chosen method does not use is an error, not a silent skip.
  for (const field of zonal ? (['sites'] as const) : (['zones', 'demand'] as const)) {
    if (input[field])
      issues.push(
        makeIssue('input.type', [...ctx.path, field], {
          expected: zonal
            ? { en: 'zones and demand (variant zonal-travel-cost)', zh: 'zones 与 demand（方法 zonal-travel-cost）' }
            : { en: `sites (variant ${method})`, zh: `sites（方法 ${method}）` },
          found: { en: `"${field}", which variant ${method} does not use`, zh: `"${field}"，方法 ${method} 不使用此项` },
        }),
      );
  }
  if (zonal) {
    for (const z_ of input.zones ?? []) lines.push({ item: z_.item, quantity: readAmount(A, z_.visits, '人次/a') });
  } else {
    // Within a site, the fields of the other method are named, not skipped in silence (a site may
    // carry both, to be accounted under profiles of either method).
    (input.sites ?? []).forEach((s, j) => {
      const unused = notUsedWarning(
        ID,
        s,
        [...ctx.path, 'sites', j],
        { en: s.item, zh: s.item },
        {
          'travel-cost': ['travelExpenditure', 'timeCost', 'travelTime', 'wageRate', 'consumerSurplus'],
          revenue: ['spendingPerVisit', 'revenue'],
        },
        method === 'revenue' ? 'revenue' : 'travel-cost',
        'method',
      );
      if (unused) warnings.push(unused);
    });
    for (const s of input.sites ?? [])
      lines.push({
        item: s.item,
        ...(s.ecosystemType ? { ecosystemType: s.ecosystemType } : {}),
        quantity: readAmount(A, s.visits, '人次/a'),
      });
  }
  if (!(zonal ? input.zones : input.sites) && !input.urbanGreenSpace) {
    issues.push(
      makeIssue('input.required', [...ctx.path, zonal ? 'zones' : 'sites'], {
        expected: zonal
          ? { en: 'at least two origin zones, or urbanGreenSpace', zh: '至少两个客源区，或 urbanGreenSpace' }
          : { en: 'at least one site, or urbanGreenSpace', zh: '至少一个景点，或 urbanGreenSpace' },
      }),
    );
  }
  if (input.urbanGreenSpace) {
    if (ctx.variant.urbanGreenSpace === 'exclude') {
      warnings.push(
        makeWarning('urban-green-space-excluded', {
          indicator: ID,
          path: [...ctx.path, 'urbanGreenSpace'],
          params: { count: input.urbanGreenSpace.length },
        }),
      );
    } else {
      for (const g of input.urbanGreenSpace)
        lines.push({
          ...lineItem({ en: `${GREEN_PREFIX}${g.item}`, zh: `${GREEN_PREFIX_ZH}${g.item}` }),
          ...(g.ecosystemType ? { ecosystemType: g.ecosystemType } : {}),
          quantity: readAmount(A, g.visits, '人次/a'),
        });
    }
  }
  if (issues.length) throw new GepInputError(issues);
  return {
    lines,
    total: sumIn(
      A,
      lines.map((l) => l.quantity),
      '人次/a',
    ),
    steps: [],
    warnings,
  };
}

/** Reads θ once per computation. */
function thetaOf<T>(ctx: IndicatorContext<T>, path: readonly (string | number)[]): { value: T; traced: TracedValue } {
  const c = ctx.coefficients.get('travel-time-value-share', path);
  return { value: c.value, traced: traced(ctx.A, { value: c.value, unit: c.unit }, 'coefficient:travel-time-value-share') };
}

/**
 * Time cost per visit: given directly, or TV = t·w·θ (baiyangdian-2017). `null` with an issue when
 * neither is complete.
 */
function timeCostOf<T>(
  ctx: IndicatorContext<T>,
  tracer: Tracer<T>,
  what: string,
  at: readonly (string | number)[],
  row: {
    timeCost?: AmountText & { priceYear?: number | undefined };
    travelTime?: AmountText;
    wageRate?: AmountText & { priceYear?: number | undefined };
  },
  issues: GepIssue[],
  required: boolean,
): { value: Measure<T>; from: string } | null {
  const { A } = ctx;
  if (row.timeCost) {
    const p = resolvePrice(ctx, row.timeCost, null, [...at, 'timeCost'], ID).price;
    return { value: p, from: p.from };
  }
  if (row.travelTime && row.wageRate) {
    const t = readAmount(A, row.travelTime, 'h');
    const w = resolvePrice(ctx, row.wageRate, null, [...at, 'wageRate'], ID).price;
    const theta = thetaOf(ctx, [...at, 'travelTime']);
    const wage = { value: inUnit(ctx, w, '元/h'), unit: '元/h' };
    const tv = tracer.record(
      { en: `time cost per visit of ${what}`, zh: `${zhItem(what)}单次游憩时间成本` },
      'TV = t × w × θ',
      {
        t: traced(A, t, inputRef([...at, 'travelTime'])),
        w: traced(A, wage, inputRef([...at, 'wageRate'])),
        θ: theta.traced,
      },
      { value: A.multiply(A.multiply(t.value, wage.value), theta.value), unit: PER_VISIT },
    );
    return { value: tv, from: `step:time cost per visit of ${what}` };
  }
  if (row.travelTime || row.wageRate || required) {
    issues.push(
      makeIssue('input.required', [...at, row.travelTime ? 'wageRate' : 'travelTime'], {
        expected: {
          en: 'a time cost per visit (timeCost), or travelTime and wageRate for TV = t·w·θ',
          zh: '每人次的时间成本（timeCost），或用于 TV = t·w·θ 的 travelTime 与 wageRate',
        },
      }),
    );
  }
  return null;
}

/** A line's name in Chinese: the green-space prefix translated. */
const zhItem = (item: string) => (item.startsWith(GREEN_PREFIX) ? GREEN_PREFIX_ZH + item.slice(GREEN_PREFIX.length) : item);

/** A measure expressed in `unit` (same dimension). */
function inUnit<T>(ctx: IndicatorContext<T>, m: Measure<T>, unit: string): T {
  return convert(ctx.A, m.value, m.unit, unit);
}

function perVisitPrice<T>(value: Measure<T>, from: string, priceYear: number): UnitPrice<T> {
  return { value: value.value, unit: PER_VISIT, priceYear, from };
}

/** One priced line: V = N × (value per visit). */
function pricedLine<T>(
  ctx: IndicatorContext<T>,
  tracer: Tracer<T>,
  l: QuantityLine<T>,
  quantityFrom: string,
  p: UnitPrice<T>,
): ValueLine<T> {
  const { A } = ctx;
  const value = tracer.record(
    { en: `value of ${l.item}`, zh: `${zhItem(l.item)}价值量` },
    'V = N × u',
    { N: traced(A, l.quantity, quantityFrom), u: traced(A, p, p.from) },
    valueAt(A, l.quantity, p),
  );
  return { ...lineItemOf(l), ...(l.ecosystemType ? { ecosystemType: l.ecosystemType } : {}), quantity: l.quantity, unitPrice: p, value };
}

function travelCostLines<T>(
  input: RecreationData,
  q: QuantityResult<T>,
  ctx: IndicatorContext<T>,
  tracer: Tracer<T>,
  issues: GepIssue[],
): ValueLine<T>[] {
  const { A } = ctx;
  const out: ValueLine<T>[] = [];
  (input.sites ?? []).forEach((s, j) => {
    const at = [...ctx.path, 'sites', j];
    const missing = (field: string, what: { en: string; zh: string }) =>
      issues.push(
        makeIssue('input.required', [...at, field], {
          expected: { en: `${what.en} (variant travel-cost)`, zh: `${what.zh}（方法 travel-cost）` },
        }),
      );
    if (!s.travelExpenditure) missing('travelExpenditure', { en: 'travel expenditure per visit TE', zh: '每人次旅行花费 TE' });
    if (!s.consumerSurplus)
      missing('consumerSurplus', {
        en: 'consumer surplus per visit CS; write "0" to leave it out explicitly',
        zh: '每人次消费者剩余 CS；如明确不计，请填 "0"',
      });
    const tv = timeCostOf(ctx, tracer, s.item, at, s, issues, true);
    if (!s.travelExpenditure || !s.consumerSurplus || !tv) return;
    const te = resolvePrice(ctx, s.travelExpenditure, null, [...at, 'travelExpenditure'], ID).price;
    const cs = resolvePrice(ctx, s.consumerSurplus, null, [...at, 'consumerSurplus'], ID).price;
    const u = tracer.record(
      { en: `value per visit of ${s.item}`, zh: `${s.item}单次游憩价值` },
      'u = TE + TV + CS',
      {
        TE: traced(A, te, te.from),
        TV: traced(A, tv.value, tv.from),
        CS: traced(A, cs, cs.from),
      },
      { value: A.add(A.add(inUnit(ctx, te, PER_VISIT), inUnit(ctx, tv.value, PER_VISIT)), inUnit(ctx, cs, PER_VISIT)), unit: PER_VISIT },
    );
    out.push(
      pricedLine(
        ctx,
        tracer,
        q.lines[j]!,
        inputRef([...at, 'visits']),
        perVisitPrice(u, `step:value per visit of ${s.item}`, ctx.priceYear),
      ),
    );
  });
  return out;
}

function revenueLines<T>(
  input: RecreationData,
  q: QuantityResult<T>,
  ctx: IndicatorContext<T>,
  tracer: Tracer<T>,
  issues: GepIssue[],
): ValueLine<T>[] {
  const { A } = ctx;
  const out: ValueLine<T>[] = [];
  (input.sites ?? []).forEach((s, j) => {
    const at = [...ctx.path, 'sites', j];
    const l = q.lines[j]!;
    if (s.spendingPerVisit) {
      const p = resolvePrice(ctx, s.spendingPerVisit, null, [...at, 'spendingPerVisit'], ID).price;
      out.push(pricedLine(ctx, tracer, l, inputRef([...at, 'visits']), p));
    } else if (s.revenue) {
      const r = resolvePrice(ctx, s.revenue, null, [...at, 'revenue'], ID).price;
      const value = tracer.record(
        { en: `value of ${s.item}`, zh: `${s.item}价值量` },
        { en: 'V = R (tourism revenue as reported)', zh: 'V = R（公布的旅游收入）' },
        { R: traced(A, r, r.from) },
        { value: inUnit(ctx, r, '元'), unit: '元' as const },
      );
      out.push({
        ...lineItemOf(l),
        ...(l.ecosystemType ? { ecosystemType: l.ecosystemType } : {}),
        quantity: l.quantity,
        unitPrice: null,
        value,
      });
    } else {
      issues.push(
        makeIssue('input.required', [...at, 'spendingPerVisit'], {
          expected: { en: 'spending per visit, or the tourism revenue (variant revenue)', zh: '每人次消费，或旅游收入（方法 revenue）' },
        }),
      );
    }
  });
  return out;
}

function zonalLines<T>(
  input: RecreationData,
  q: QuantityResult<T>,
  ctx: IndicatorContext<T>,
  tracer: Tracer<T>,
  issues: GepIssue[],
): ValueLine<T>[] {
  const { A } = ctx;
  const zones = input.zones ?? [];
  const costs: Measure<T>[] = [];
  const rates: T[] = [];
  const pops: T[] = [];
  zones.forEach((z_, i) => {
    const at = [...ctx.path, 'zones', i];
    const te = resolvePrice(ctx, z_.travelExpenditure, null, [...at, 'travelExpenditure'], ID).price;
    const tv = timeCostOf(ctx, tracer, z_.item, at, z_, issues, false);
    const c = tracer.record(
      { en: `travel cost per visit from ${z_.item}`, zh: `来自${z_.item}的单次旅行费用` },
      tv ? 'C = TE + TV' : { en: 'C = TE (no time cost given)', zh: 'C = TE（未给出时间成本）' },
      {
        TE: traced(A, te, te.from),
        ...(tv ? { TV: traced(A, tv.value, tv.from) } : {}),
      },
      { value: tv ? A.add(inUnit(ctx, te, PER_VISIT), inUnit(ctx, tv.value, PER_VISIT)) : inUnit(ctx, te, PER_VISIT), unit: PER_VISIT },
    );
    const pop = readAmount(A, z_.population, '人').value;
    if (A.compare(pop, A.zero) <= 0) {
      issues.push(
        makeIssue('input.out-of-range', [...at, 'population', 'value'], {
          expected: { en: 'a population > 0', zh: '大于 0 的人口' },
          found: z_.population.value,
        }),
      );
      return;
    }
    costs.push(c);
    pops.push(pop);
    rates.push(
      tracer.record(
        { en: `visit rate of ${z_.item}`, zh: `${z_.item}游憩率` },
        'VR = N / Pop',
        {
          N: traced(A, q.lines[i]!.quantity, inputRef([...at, 'visits'])),
          Pop: { value: A.toString(pop), unit: '人', from: inputRef([...at, 'population']) },
        },
        { value: A.divide(q.lines[i]!.quantity.value, pop), unit: '人次/(人·a)' },
      ).value,
    );
  });
  if (issues.length) return [];

  let a: T;
  let b: T;
  if (input.demand) {
    a = A.fromString(input.demand.intercept);
    b = A.fromString(input.demand.slope);
  } else {
    const n = A.fromString(String(costs.length));
    const cMean = A.divide(A.sum(costs.map((c) => c.value)), n);
    const rMean = A.divide(A.sum(rates), n);
    const sxy = A.sum(costs.map((c, i) => A.multiply(A.subtract(c.value, cMean), A.subtract(rates[i]!, rMean))));
    const sxx = A.sum(
      costs.map((c) => {
        const d = A.subtract(c.value, cMean);
        return A.multiply(d, d);
      }),
    );
    if (A.compare(sxx, A.zero) === 0) {
      issues.push(
        makeIssue('input.out-of-range', [...ctx.path, 'zones'], {
          expected: {
            en: 'zones with different travel costs, to fit the demand curve',
            zh: '旅行费用各不相同的客源区（用于拟合需求曲线）',
          },
          found: { en: 'one travel cost for every zone', zh: '所有客源区的旅行费用相同' },
        }),
      );
      return [];
    }
    b = A.divide(sxy, sxx);
    a = A.subtract(rMean, A.multiply(b, cMean));
  }
  tracer.record(
    { en: 'demand intercept', zh: '需求曲线截距' },
    input.demand ? { en: 'a (given)', zh: 'a（给定）' } : { en: 'a = V̄R − b·C̄ (OLS)', zh: 'a = V̄R − b·C̄（最小二乘）' },
    {},
    { value: a, unit: '人次/(人·a)' },
  );
  tracer.record(
    { en: 'demand slope', zh: '需求曲线斜率' },
    input.demand
      ? { en: 'b (given)', zh: 'b（给定）' }
      : { en: 'b = Σ(C − C̄)(VR − V̄R) / Σ(C − C̄)² (OLS)', zh: 'b = Σ(C − C̄)(VR − V̄R) / Σ(C − C̄)²（最小二乘）' },
    {},
    { value: b, unit: '人次/(人·a) per 元/人次' },
  );
  if (A.compare(b, A.zero) >= 0) {
    issues.push(
      makeIssue('input.out-of-range', [...ctx.path, input.demand ? 'demand' : 'zones'], {
        expected: { en: 'a demand that falls with travel cost (slope b < 0)', zh: '随旅行费用增加而下降的需求（斜率 b < 0）' },
        found: `b = ${A.toString(b)}`,
      }),
    );
    return [];
  }
  const out: ValueLine<T>[] = [];
  zones.forEach((z_, i) => {
    const l = q.lines[i]!;
    const c = costs[i]!;
    out.push(
      pricedLine(
        ctx,
        tracer,
        l,
        inputRef([...ctx.path, 'zones', i, 'visits']),
        perVisitPrice(c, `step:travel cost per visit from ${z_.item}`, ctx.priceYear),
      ),
    );
    const fitted = A.add(a, A.multiply(b, c.value));
    const positive = A.compare(fitted, A.zero) > 0;
    const cs = tracer.record(
      { en: `consumer surplus of ${z_.item}`, zh: `${z_.item}消费者剩余` },
      positive
        ? 'CS = Pop × V̂R² / (−2b), V̂R = a + b·C'
        : { en: 'CS = 0 (V̂R = a + b·C ≤ 0: cost above the choke price)', zh: 'CS = 0（V̂R = a + b·C ≤ 0：费用高于阻断价格）' },
      {
        Pop: { value: A.toString(pops[i]!), unit: '人', from: inputRef([...ctx.path, 'zones', i, 'population']) },
        V̂R: { value: A.toString(fitted), unit: '人次/(人·a)', from: 'step:demand intercept, step:demand slope' },
      },
      {
        value: positive ? A.divide(A.multiply(pops[i]!, A.multiply(fitted, fitted)), A.multiply(A.fromString('-2'), b)) : A.zero,
        unit: '元',
      },
    );
    out.push({
      ...lineItem({ en: `consumer surplus: ${z_.item}`, zh: `消费者剩余：${z_.item}` }),
      quantity: null,
      unitPrice: null,
      value: cs as Measure<T, '元'>,
    });
  });
  return out;
}

function greenSpaceLines<T>(
  input: RecreationData,
  q: QuantityResult<T>,
  ctx: IndicatorContext<T>,
  tracer: Tracer<T>,
  issues: GepIssue[],
): ValueLine<T>[] {
  if (!input.urbanGreenSpace || ctx.variant.urbanGreenSpace === 'exclude') return [];
  const offset = q.lines.length - input.urbanGreenSpace.length;
  const out: ValueLine<T>[] = [];
  input.urbanGreenSpace.forEach((g, k) => {
    const at = [...ctx.path, 'urbanGreenSpace', k];
    const l = q.lines[offset + k]!;
    if (g.valuePerVisit) {
      out.push(
        pricedLine(
          ctx,
          tracer,
          l,
          inputRef([...at, 'visits']),
          resolvePrice(ctx, g.valuePerVisit, null, [...at, 'valuePerVisit'], ID).price,
        ),
      );
      return;
    }
    const tv = timeCostOf(ctx, tracer, l.item, at, g, issues, true);
    if (tv) out.push(pricedLine(ctx, tracer, l, inputRef([...at, 'visits']), perVisitPrice(tv.value, tv.from, ctx.priceYear)));
  });
  return out;
}

/** Value of recreation in 元, by the profile's method, plus free urban green space as its own lines. */
function recreationValue<T>(input: RecreationData, q: QuantityResult<T>, ctx: IndicatorContext<T>): ValueResult<T> {
  const { A } = ctx;
  const tracer = new Tracer(A);
  const issues: GepIssue[] = [];
  const method = ctx.variant.method;
  const lines = [
    ...(method === 'zonal-travel-cost'
      ? zonalLines(input, q, ctx, tracer, issues)
      : method === 'revenue'
        ? revenueLines(input, q, ctx, tracer, issues)
        : travelCostLines(input, q, ctx, tracer, issues)),
    ...greenSpaceLines(input, q, ctx, tracer, issues),
  ];
  if (issues.length) throw new GepInputError(issues);
  const total = tracer.record(
    { en: 'total', zh: '合计' },
    'V = Σ V_j',
    {},
    sumIn(
      A,
      lines.map((l) => l.value),
      '元',
    ),
  );
  return { lines, total, steps: tracer.steps, warnings: [] };
}

const module = defineIndicator({
  id: ID,
  inputs: INPUTS,
  variants: {
    method: {
      options: {
        'travel-cost': 'individual travel-cost method V = Σ N·(TE + TV + CS), TV = t·w·θ (baiyangdian-2017)',
        'zonal-travel-cost':
          'zonal travel-cost method: linear visit-rate demand over origin zones, V = Σ N·C + consumer surplus (Clawson & Knetsch 1966, to verify)',
        revenue: 'revenue shortcut: V = Σ visits × spending per visit, or the reported tourism revenue (no time cost, no consumer surplus)',
      },
      default: 'travel-cost',
    },
    urbanGreenSpace: {
      options: {
        count: 'count visits to free urban green space as a separate line',
        exclude: 'leave free urban green space out (a warning names what was left out)',
      },
      default: 'count',
    },
  },
  coefficients: ['travel-time-value-share'],
  quantity: visits,
  value: recreationValue,
});

/** Metadata, inputs, variants and coefficients of recreation and tourism. */
export const { spec, inputSchema, quantity, value } = module;
/** The input block of recreation: sites (travel-cost, revenue) or origin zones (zonal), and free urban green space. */
export type RecreationInput = z.input<typeof inputSchema>;
