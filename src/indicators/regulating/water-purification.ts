/**
 * 水质净化 — Water purification: the COD, total nitrogen (TN), total phosphorus (TP) and
 * ammonia nitrogen (NH₃-N) that wetlands and water bodies remove, valued at the cost of removing
 * them otherwise.
 *   Q_i  = min(L_i, Σ_j q_ij · A_j)   variant `quantity: capped` (gep-methods §4.7, min() from the
 *                                     CAEP family, recalled [R]; cap rule gep-methods §2.3, §7)
 *   Q_i  = L_i                        variant `quantity: load` (ganzi-2017 §2.4: COD and NH₃-N
 *                                     loads taken as the purified amount)
 *   V_wp = Σ_i Q_i · c_i
 *   c_i  variant `price: treatment-cost`:       table treatment cost per t (ganzi-2017 §2.4:
 *                                               COD 700, NH₃-N 875 元/t; TP 2 800 元/t is
 *                                               ganzi-2017's P treatment cost of soil retention)
 *        variant `price: pollution-equivalent`: c_i = rate × 1000 / e_i (./pollution-equivalent.ts;
 *                                               prc-2016-environmental-protection-tax-law 附表一,
 *                                               附表二 表二), rate chosen by variant `taxRate`
 *   L_i pollutant load entering water bodies (t/a); A_j area of wetland / water type j (km²);
 *   q_ij purification capacity per area, t/(km²·a) — no sourced value has been read, so every
 *   capacity is an input.
 * TN has no pollution equivalent in the tax law and no treatment cost in the table: it needs an
 * input price on either route (an issue says so). NH₃-N is part of TN: accounting both counts
 * nitrogen twice, and a warning says so (variant `pollutants` picks the set).
 * Reported purified amounts (`reported`) reproduce a published account.
 */
import { z } from 'zod';
import type { GepWarning } from '../../errors/errors.js';
import { catalogueEntry } from '../catalogue.js';
import { ecosystemType, measure, price } from '../input-schema.js';
import type { IndicatorContext, IndicatorSpec, QuantityResult, ValueResult } from '../types.js';
import { purificationQuantity, purificationValue, purificationVariants, type PurificationData, type PurificationSetup } from './purification.js';
import { taxRateVariant } from './pollution-equivalent.js';

const ID = 'regulating.water-purification';
const POLLUTANTS = ['cod', 'tn', 'tp', 'nh3n'] as const;
const POLLUTANT_SETS: Readonly<Record<string, readonly string[]>> = {
  'cod-tn-tp-nh3n': ['cod', 'tn', 'tp', 'nh3n'],
  'cod-tn-tp': ['cod', 'tn', 'tp'],
  'cod-nh3n': ['cod', 'nh3n'],
};

const LABEL: Readonly<Record<(typeof POLLUTANTS)[number], string>> = { cod: 'COD', tn: 'TN', tp: 'TP', nh3n: 'NH₃-N' };

const SETUP: PurificationSetup = {
  indicator: ID,
  medium: 'water',
  pollutants: POLLUTANTS.map((id) => ({ id, label: LABEL[id] })),
  pollutantSets: POLLUTANT_SETS,
  defaultSet: 'cod-tn-tp-nh3n',
  loadField: 'loads',
  rateField: 'capacity',
  loadWord: 'load',
  rateWord: 'purification capacity',
  rateUnit: 't/(km²·a)',
  areaUnit: 'km²',
  rateCoefficient: () => null,
  treatmentCostId: (pollutant) => `water-treatment-cost.${pollutant}`,
};

const [quantityVariant, priceVariant] = purificationVariants('load', 'ganzi-2017 §2.4 (COD and NH₃-N loads taken as the purified amount)');

/** Metadata, inputs, variants and coefficients of water purification. */
export const spec: IndicatorSpec = {
  ...catalogueEntry(ID),
  inputs: [
    { path: 'ecosystems[].ecosystemType', unit: null, required: true, description: 'ecosystem type id of the wetland or water body (marsh-and-reservoir, river-and-lake …)' },
    { path: 'ecosystems[].item', unit: null, required: false, description: 'name of the line, when a type has several lines' },
    { path: 'ecosystems[].area', unit: 'km²', required: true, description: 'area of the type (needed by variant quantity: capped)' },
    ...POLLUTANTS.map((p) => ({ path: `ecosystems[].capacity.${p}`, unit: 't/(km²·a)', required: false, description: `purification capacity of the type for ${LABEL[p]} per area (no table value: give it for every type that purifies)` })),
    ...POLLUTANTS.map((p) => ({ path: `loads.${p}`, unit: 't/a', required: false, description: `load of ${LABEL[p]} entering water bodies in the accounting year; a pollutant without one is not accounted` })),
    { path: 'reported[].pollutant', unit: null, required: false, description: 'pollutant of a reported line: cod, tn, tp or nh3n' },
    { path: 'reported[].item', unit: null, required: false, description: 'name of a reported line (water body, region)' },
    { path: 'reported[].quantity', unit: 't/a', required: false, description: 'purified amount as printed by a published account, instead of loads and ecosystems' },
    ...POLLUTANTS.map((p) => ({ path: `prices.${p}`, unit: '元/t', required: false, description: p === 'tn'
      ? 'unit price of TN removed at the account price year: needed whenever TN is accounted, as TN has neither a pollution equivalent nor a table treatment cost'
      : `unit price of ${LABEL[p]} removed at the account price year; replaces the profile's price route` })),
    { path: 'taxRate', unit: '元/当量', required: false, description: 'environmental-protection tax per water pollution equivalent (the province\'s rate), for the pollution-equivalent route' },
  ],
  variants: [
    quantityVariant!,
    priceVariant!,
    taxRateVariant('water'),
    {
      name: 'pollutants',
      options: {
        'cod-tn-tp-nh3n': 'COD, TN, TP and NH₃-N (NH₃-N is part of TN: nitrogen counted twice, with a warning)',
        'cod-tn-tp': 'COD, TN and TP (national specification as recalled, gep-methods §3.1)',
        'cod-nh3n': 'COD and NH₃-N (ganzi-2017 §2.4)',
      },
      default: 'cod-tn-tp-nh3n',
    },
  ],
  coefficients: ['water-treatment-cost.*', 'pollution-equivalent.water.*', 'environmental-tax-rate.water.*'],
};

const perPollutant = <S extends z.ZodType>(make: () => S) =>
  z.strictObject({ cod: make().optional(), tn: make().optional(), tp: make().optional(), nh3n: make().optional() });

/** Input: loads and wetland areas with purification capacities, or reported purified amounts. */
export const inputSchema = z.strictObject({
  ecosystems: z.array(z.strictObject({
    ecosystemType,
    item: z.string().min(1).optional(),
    area: measure('km²'),
    capacity: perPollutant(() => measure('t/(km²·a)')).optional(),
  })).min(1).optional(),
  loads: perPollutant(() => measure('t/a')).optional(),
  reported: z.array(z.strictObject({
    pollutant: z.enum(POLLUTANTS),
    item: z.string().min(1).optional(),
    ecosystemType: ecosystemType.optional(),
    quantity: measure('t/a'),
  })).min(1).optional(),
  prices: perPollutant(() => price('元/t')).optional(),
  taxRate: price('元/当量').optional(),
}).check((c) => {
  const { loads, reported, ecosystems } = c.value;
  if (!loads === !reported || (reported && ecosystems)) {
    c.issues.push({ code: 'custom', input: c.value, message: 'one of', params: { gepCode: 'input.missing-basis', expected: 'either loads (with ecosystems, to compute the purified amounts) or reported (purified amounts as printed), not both' } });
  }
});
export type WaterPurificationInput = z.infer<typeof inputSchema>;

function data(input: WaterPurificationInput): PurificationData {
  return {
    ecosystems: input.ecosystems?.map((e) => ({ ecosystemType: e.ecosystemType, item: e.item, area: e.area, rates: e.capacity })),
    loads: input.loads,
    reported: input.reported,
    prices: input.prices,
    taxRate: input.taxRate,
  };
}

/** Purified amount per pollutant, t/a (no total across pollutants). */
export function quantity<T>(input: WaterPurificationInput, ctx: IndicatorContext<T>): QuantityResult<T> {
  const q = purificationQuantity(SETUP, data(input), ctx);
  const set = POLLUTANT_SETS[ctx.variant.pollutants ?? SETUP.defaultSet] ?? POLLUTANT_SETS[SETUP.defaultSet]!;
  const accounted = (p: string) => set.includes(p) && (input.loads?.[p as (typeof POLLUTANTS)[number]] !== undefined || !!input.reported?.some((r) => r.pollutant === p));
  if (!accounted('tn') || !accounted('nh3n')) return q;
  const warning: GepWarning = { code: 'nitrogen-counted-twice', indicator: ID, path: ctx.path,
    message: 'TN and NH₃-N are both accounted, but NH₃-N is part of TN: nitrogen is counted twice (choose the pollutant set cod-tn-tp or cod-nh3n to avoid it)' };
  return { ...q, warnings: [...q.warnings, warning] };
}

/** Value in 元: purified amount × treatment cost or pollution-equivalent price, per pollutant. */
export function value<T>(input: WaterPurificationInput, q: QuantityResult<T>, ctx: IndicatorContext<T>): ValueResult<T> {
  return purificationValue(SETUP, data(input), q, ctx);
}
