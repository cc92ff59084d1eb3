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
import type { z } from 'zod';
import { about } from '../input-schema.js';
import { definePurification } from './purification.js';

const module = definePurification({
  id: 'regulating.water-purification',
  medium: 'water',
  pollutants: [
    { id: 'cod', en: 'COD', zh: 'COD' },
    { id: 'tn', en: 'TN', zh: 'TN' },
    { id: 'tp', en: 'TP', zh: 'TP' },
    { id: 'nh3n', en: 'NH₃-N', zh: 'NH₃-N' },
  ],
  pollutantSets: {
    'cod-tn-tp-nh3n': {
      pollutants: ['cod', 'tn', 'tp', 'nh3n'],
      description: 'COD, TN, TP and NH₃-N (NH₃-N is part of TN: nitrogen counted twice, with a warning)',
    },
    'cod-tn-tp': { pollutants: ['cod', 'tn', 'tp'], description: 'COD, TN and TP (national specification as recalled, gep-methods §3.1)' },
    'cod-nh3n': { pollutants: ['cod', 'nh3n'], description: 'COD and NH₃-N (ganzi-2017 §2.4)' },
  },
  defaultSet: 'cod-tn-tp-nh3n',
  loadField: 'loads',
  rateField: 'capacity',
  loadWord: { en: 'load', zh: '污染负荷' },
  rateWord: { en: 'purification capacity', zh: '净化能力' },
  loadSource: 'ganzi-2017 §2.4 (COD and NH₃-N loads taken as the purified amount)',
  rateUnit: 't/(km²·a)',
  areaUnit: 'km²',
  describe: {
    ecosystemType: about(
      'ecosystem type id of the wetland or water body (marsh-and-reservoir, river-and-lake …)',
      '湿地或水体的生态系统类型代码（marsh-and-reservoir、river-and-lake 等）',
    ),
    rate: (p) =>
      about(
        `purification capacity of the type for ${p.en} per area (no table value: give it for every type that purifies)`,
        `该类型单位面积${p.zh}净化能力（参数表无此值：每个具有净化作用的类型均须填写）`,
      ),
    load: (p) =>
      about(
        `load of ${p.en} entering water bodies in the accounting year; a pollutant without one is not accounted`,
        `核算年份进入水体的${p.zh}负荷量；未填写的污染物不核算`,
      ),
    price: (p) =>
      p.id === 'tn'
        ? about(
            'unit price of TN removed at the account price year: needed whenever TN is accounted, as TN has neither a pollution equivalent nor a table treatment cost',
            '总氮（TN）净化单价（核算价格年份）：核算总氮时必填，因总氮既无污染当量值，参数表也无治理成本',
          )
        : about(
            `unit price of ${p.en} removed at the account price year; replaces the profile's price route`,
            `${p.zh}净化单价（核算价格年份）；代替核算方案的定价方法`,
          ),
    taxRate: about(
      "environmental-protection tax per water pollution equivalent (the province's rate), for the pollution-equivalent route",
      '每水污染当量的环境保护税额（本省税额），用于污染当量定价方法',
    ),
  },
  rateCoefficient: () => null,
  treatmentCostId: (pollutant) => `water-treatment-cost.${pollutant}`,
  overlap: { part: 'nh3n', whole: 'tn', warning: 'nitrogen-counted-twice' },
  coefficients: ['water-treatment-cost.*', 'pollution-equivalent.water.*', 'environmental-tax-rate.water.*'],
});

/** Metadata, inputs, variants and coefficients of water purification. */
export const { spec, inputSchema, quantity, value } = module;
/** The input block of water purification. */
export type WaterPurificationInput = z.input<typeof inputSchema>;
