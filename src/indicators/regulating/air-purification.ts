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
import type { z } from 'zod';
import { level1Type } from '../catalogue.js';
import { about } from '../input-schema.js';
import { definePurification } from './purification.js';

/** Ecosystem type → the forest or land group that the uptake table is keyed by. */
const UPTAKE_GROUP: Readonly<Record<string, string>> = {
  'evergreen-needleleaf-forest': 'needleleaf-forest',
  'deciduous-needleleaf-forest': 'needleleaf-forest',
  'evergreen-broadleaf-forest': 'broadleaf-forest',
  'deciduous-broadleaf-forest': 'broadleaf-forest',
  'mixed-forest': 'mixed-forest',
  cropland: 'cropland',
};

const module = definePurification({
  id: 'regulating.air-purification',
  medium: 'air',
  pollutants: [
    { id: 'so2', en: 'SO₂', zh: 'SO₂' },
    { id: 'nox', en: 'NOₓ', zh: 'NOₓ' },
    { id: 'dust', en: 'dust', zh: '粉尘' },
    { id: 'fluoride', en: 'fluoride', zh: '氟化物' },
  ],
  pollutantSets: {
    'so2-nox-dust': { pollutants: ['so2', 'nox', 'dust'], description: 'SO₂, NOₓ and dust (gep-methods §4.6; ganzi-2017)' },
    'so2-nox-dust-fluoride': {
      pollutants: ['so2', 'nox', 'dust', 'fluoride'],
      description: 'SO₂, NOₓ, dust and fluoride (forestry-standard style, LY/T 1721—2008 as recalled)',
    },
  },
  defaultSet: 'so2-nox-dust',
  loadField: 'emissions',
  rateField: 'uptake',
  loadWord: { en: 'emission', zh: '排放量' },
  rateWord: { en: 'uptake', zh: '吸收量' },
  loadSource: 'ganzi-2017 §2.4 (emissions taken as the purified amount)',
  rateUnit: 'kg/(hm²·a)',
  areaUnit: 'hm²',
  describe: {
    ecosystemType: about(
      'ecosystem type id; conifer, broadleaf and mixed forest, cropland and grassland have tabulated rates',
      '生态系统类型代码；针叶林、阔叶林、针阔混交林、农田和草地在参数表中有单位面积吸收量',
    ),
    rate: (p) => about(`unit uptake of ${p.en} by the type; the table value otherwise`, `该类型单位面积${p.zh}吸收量；不填则取参数表值`),
    load: (p) =>
      about(
        `emission of ${p.en} in the region in the accounting year (environmental statistics); a pollutant without one is not accounted`,
        `核算年份区域${p.zh}排放量（环境统计）；未填写的污染物不核算`,
      ),
    price: (p) =>
      about(
        `unit price of ${p.en} removed at the account price year; replaces the profile's price route`,
        `${p.zh}净化单价（核算价格年份）；代替核算方案的定价方法`,
      ),
    taxRate: about(
      "environmental-protection tax per air pollution equivalent (the province's rate), for the pollution-equivalent route",
      '每大气污染当量的环境保护税额（本省税额），用于污染当量定价方法',
    ),
  },
  rateCoefficient: (pollutant, type) => {
    const group = UPTAKE_GROUP[type] ?? (level1Type(type) === 'grassland' ? 'grassland' : null);
    return group === null ? null : `air-uptake.${pollutant}.${group}`;
  },
  treatmentCostId: (pollutant) => `air-treatment-cost.${pollutant}`,
  coefficients: ['air-uptake.*', 'air-treatment-cost.*', 'pollution-equivalent.air.*', 'environmental-tax-rate.air.*'],
});

/** Metadata, inputs, variants and coefficients of air purification. */
export const { spec, inputSchema, quantity, value } = module;
/** The input block of air purification. */
export type AirPurificationInput = z.input<typeof inputSchema>;
