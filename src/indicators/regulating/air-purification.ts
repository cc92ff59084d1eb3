/**
 * 空气净化 — Air purification: the SO₂, NOₓ and dust (particulates; fluoride where the profile
 * asks) that vegetation absorbs or retains, valued at the cost of removing them otherwise.
 *   Q_i  = min(E_i, Σ_j q_ij · A_j)   variant `quantity: capped`   (gep-methods §4.6, min() from the
 *                                     CAEP family, recalled [R]; cap rule gep-methods §2.3, §7)
 *   Q_i  = E_i                        variant `quantity: emission` (ganzi-2017 §2.4: 2010 emissions
 *                                     taken as the purified amount)
 *   V_ap = Σ_i Q_i · c_i
 *   c_i  variant `price: treatment-cost`:       table treatment cost per t (ganzi-2017 §2.4:
 *                                               SO₂ 1 200, NOₓ 630, dust 150 元/t, 2010 prices)
 *        variant `price: pollution-equivalent`: c_i = rate × 1000 / e_i (./pollution-equivalent.ts;
 *                                               prc-2016-environmental-protection-tax-law 附表一,
 *                                               附表二 表五), rate chosen by variant `taxRate`
 *   E_i emission of pollutant i in the region (t/a); A_j area of ecosystem type j (hm²);
 *   q_ij unit uptake, kg/(hm²·a): dust retention by conifer / broadleaf / mixed forest
 *   33 200 / 10 110 / 21 660 (miao-2017 Table 1), cropland 0.95 and grassland 0.12 t/(hm²·a)
 *   (bao-2018 §2.2); SO₂ uptake 215.66 / 88.64 / 152.14 back-calculated from miao-2017 Tables 1–2
 *   (verification-notes 3c). No NOₓ or fluoride rate has been verified (the recalled NOₓ 6.0
 *   kg/(hm²·a) stays out of the table): give them per ecosystem type.
 * "dust" is general dust (一般性粉尘, 4 kg per pollution equivalent); yearbook 颗粒物 emissions are
 * entered here. Soot (烟尘, 2.18 kg per equivalent) is not tabulated: its value was not verified.
 * Reported purified amounts (`reported`) reproduce a published account, e.g. miao-2017 Table 2.
 */
import { z } from 'zod';
import { catalogueEntry, level1Type } from '../catalogue.js';
import { ecosystemType, measure, price } from '../input-schema.js';
import type { IndicatorContext, IndicatorSpec, QuantityResult, ValueResult } from '../types.js';
import { purificationQuantity, purificationValue, purificationVariants, type PurificationData, type PurificationSetup } from './purification.js';
import { taxRateVariant } from './pollution-equivalent.js';

const ID = 'regulating.air-purification';
const POLLUTANTS = ['so2', 'nox', 'dust', 'fluoride'] as const;

/** Ecosystem type → the forest or land group that the uptake table is keyed by. */
const UPTAKE_GROUP: Readonly<Record<string, string>> = {
  'evergreen-needleleaf-forest': 'needleleaf-forest',
  'deciduous-needleleaf-forest': 'needleleaf-forest',
  'evergreen-broadleaf-forest': 'broadleaf-forest',
  'deciduous-broadleaf-forest': 'broadleaf-forest',
  'mixed-forest': 'mixed-forest',
  cropland: 'cropland',
};

const LABEL: Readonly<Record<(typeof POLLUTANTS)[number], string>> = { so2: 'SO₂', nox: 'NOₓ', dust: 'dust', fluoride: 'fluoride' };

const SETUP: PurificationSetup = {
  indicator: ID,
  medium: 'air',
  pollutants: POLLUTANTS.map((id) => ({ id, label: LABEL[id] })),
  pollutantSets: { 'so2-nox-dust': ['so2', 'nox', 'dust'], 'so2-nox-dust-fluoride': ['so2', 'nox', 'dust', 'fluoride'] },
  defaultSet: 'so2-nox-dust',
  loadField: 'emissions',
  rateField: 'uptake',
  loadWord: 'emission',
  rateWord: 'uptake',
  rateUnit: 'kg/(hm²·a)',
  areaUnit: 'hm²',
  rateCoefficient: (pollutant, type) => {
    const group = UPTAKE_GROUP[type] ?? (level1Type(type) === 'grassland' ? 'grassland' : null);
    return group === null ? null : `air-uptake.${pollutant}.${group}`;
  },
  treatmentCostId: (pollutant) => `air-treatment-cost.${pollutant}`,
};

const [quantityVariant, priceVariant] = purificationVariants('emission', 'ganzi-2017 §2.4 (emissions taken as the purified amount)');

/** Metadata, inputs, variants and coefficients of air purification. */
export const spec: IndicatorSpec = {
  ...catalogueEntry(ID),
  inputs: [
    { path: 'ecosystems[].ecosystemType', unit: null, required: true, description: 'ecosystem type id; conifer, broadleaf and mixed forest, cropland and grassland have tabulated rates' },
    { path: 'ecosystems[].item', unit: null, required: false, description: 'name of the line, when a type has several lines' },
    { path: 'ecosystems[].area', unit: 'hm²', required: true, description: 'area of the type (needed by variant quantity: capped)' },
    ...POLLUTANTS.map((p) => ({ path: `ecosystems[].uptake.${p}`, unit: 'kg/(hm²·a)', required: false, description: `unit uptake of ${LABEL[p]} by the type; the table value otherwise` })),
    ...POLLUTANTS.map((p) => ({ path: `emissions.${p}`, unit: 't/a', required: false, description: `emission of ${LABEL[p]} in the region in the accounting year (environmental statistics); a pollutant without one is not accounted` })),
    { path: 'reported[].pollutant', unit: null, required: false, description: 'pollutant of a reported line: so2, nox, dust or fluoride' },
    { path: 'reported[].item', unit: null, required: false, description: 'name of a reported line (forest type, region)' },
    { path: 'reported[].quantity', unit: 't/a', required: false, description: 'purified amount as printed by a published account, instead of emissions and ecosystems' },
    ...POLLUTANTS.map((p) => ({ path: `prices.${p}`, unit: '元/t', required: false, description: `unit price of ${LABEL[p]} removed at the account price year; replaces the profile's price route` })),
    { path: 'taxRate', unit: '元/当量', required: false, description: 'environmental-protection tax per air pollution equivalent (the province\'s rate), for the pollution-equivalent route' },
  ],
  variants: [
    quantityVariant!,
    priceVariant!,
    taxRateVariant('air'),
    {
      name: 'pollutants',
      options: {
        'so2-nox-dust': 'SO₂, NOₓ and dust (gep-methods §4.6; ganzi-2017)',
        'so2-nox-dust-fluoride': 'SO₂, NOₓ, dust and fluoride (forestry-standard style, LY/T 1721—2008 as recalled)',
      },
      default: 'so2-nox-dust',
    },
  ],
  coefficients: ['air-uptake.*', 'air-treatment-cost.*', 'pollution-equivalent.air.*', 'environmental-tax-rate.air.*'],
};

const perPollutant = <S extends z.ZodType>(make: () => S) =>
  z.strictObject({ so2: make().optional(), nox: make().optional(), dust: make().optional(), fluoride: make().optional() });

/** Input: emissions and ecosystem areas (with optional uptake rates), or reported purified amounts. */
export const inputSchema = z.strictObject({
  ecosystems: z.array(z.strictObject({
    ecosystemType,
    item: z.string().min(1).optional(),
    area: measure('hm²'),
    uptake: perPollutant(() => measure('kg/(hm²·a)')).optional(),
  })).min(1).optional(),
  emissions: perPollutant(() => measure('t/a')).optional(),
  reported: z.array(z.strictObject({
    pollutant: z.enum(POLLUTANTS),
    item: z.string().min(1).optional(),
    ecosystemType: ecosystemType.optional(),
    quantity: measure('t/a'),
  })).min(1).optional(),
  prices: perPollutant(() => price('元/t')).optional(),
  taxRate: price('元/当量').optional(),
}).check((c) => {
  const { emissions, reported, ecosystems } = c.value;
  if (!emissions === !reported || (reported && ecosystems)) {
    c.issues.push({ code: 'custom', input: c.value, message: 'one of', params: { gepCode: 'input.missing-basis', expected: 'either emissions (with ecosystems, to compute the purified amounts) or reported (purified amounts as printed), not both' } });
  }
});
export type AirPurificationInput = z.infer<typeof inputSchema>;

function data(input: AirPurificationInput): PurificationData {
  return {
    ecosystems: input.ecosystems?.map((e) => ({ ecosystemType: e.ecosystemType, item: e.item, area: e.area, rates: e.uptake })),
    loads: input.emissions,
    reported: input.reported,
    prices: input.prices,
    taxRate: input.taxRate,
  };
}

/** Purified amount per pollutant, t/a (no total across pollutants). */
export function quantity<T>(input: AirPurificationInput, ctx: IndicatorContext<T>): QuantityResult<T> {
  return purificationQuantity(SETUP, data(input), ctx);
}

/** Value in 元: purified amount × treatment cost or pollution-equivalent price, per pollutant. */
export function value<T>(input: AirPurificationInput, q: QuantityResult<T>, ctx: IndicatorContext<T>): ValueResult<T> {
  return purificationValue(SETUP, data(input), q, ctx);
}
