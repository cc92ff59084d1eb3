/** Warnings of the regulating-service modules (see ./index.ts): code → English and Chinese text with {placeholders}. */
import type { WarningCatalogue } from './index.js';

export const REGULATING_WARNINGS = {
  // Air and water purification (purification.ts, pollution-equivalent.ts, water-purification.ts)
  'nitrogen-counted-twice': {
    en: 'TN and NH₃-N are both accounted, but NH₃-N is part of TN: nitrogen is counted twice (choose the pollutant set cod-tn-tp or cod-nh3n to avoid it)',
    zh: 'TN 与 NH₃-N 同时核算，而 NH₃-N 是 TN 的一部分：氮被重复计算（选择污染物组合 cod-tn-tp 或 cod-nh3n 可避免）',
  },
  'no-unit-rate': {
    en: '{pollutant}: no {rate} rate in the input or the table for {types}; counted as no {rate}',
    zh: '{pollutant}：输入和系数表中都没有 {types} 的单位面积{rate}，按无{rate}计',
  },
  'pollutant-not-accounted': {
    en: '{pollutant} is not accounted: no {load} is given',
    zh: '{pollutant} 未核算：未给出{load}',
  },
  'pollutant-not-in-profile': {
    en: '{pollutant} is not accounted: the profile\'s pollutant set "{set}" leaves it out',
    zh: '{pollutant} 未核算：配置方案的污染物组合“{set}”不含该污染物',
  },
  'purification-capped': {
    en: '{pollutant}: the {rate} ({capacity} t/a) exceeds the {load} ({amount} t/a); the purified amount is capped at the {load}',
    zh: '{pollutant}：{rate}（{capacity} t/a）超过{load}（{amount} t/a），净化量以{load}为上限',
  },
  'tax-rate-not-in-force': {
    en: "coefficient {id} ({value} {unit}) is a statutory rate in force from {from}, after the account's price year {year}; give the rate of {year} as taxRate",
    zh: '系数 {id}（{value} {unit}）为 {from} 年起施行的法定税额，晚于核算价格年 {year}；请以 taxRate 给出 {year} 年的税额',
  },
  // Flood regulation (flood-regulation.ts)
  'component-excluded': {
    en: 'vegetation storm-water storage is not counted: the profile excludes it (variant vegetation: exclude, as ganzi-2017)',
    zh: '未计植被暴雨蓄水量：配置方案将其排除（变体 vegetation: exclude，与 ganzi-2017 相同）',
  },
  'lake-below-regression-range': {
    en: 'lake {lake}: {area} km² is below the {min} km² of the lakes rao-2014 assessed; the regression is extrapolated',
    zh: '湖泊 {lake}：面积 {area} km² 小于 rao-2014 所评估湖泊的 {min} km²，回归式为外推',
  },
  'reported-quantity-used': {
    en: '{item}: the reported storage is used as given; {fields} not used',
    zh: '{item}：采用公布的调蓄量，未使用 {fields}',
  },
  // Windbreak and sand fixation (sand-fixation.ts)
  'negative-sand-fixation': {
    en: '{item}: {reason}; sand fixation {quantity} t/a kept with its sign',
    zh: '{item}：{reason}；固沙量 {quantity} t/a 按原符号计入',
  },
  'rweq-factor-clamped': {
    en: '{item}: the erodible fraction from soil texture is {value}, outside 0–1; {used} used',
    zh: '{item}：由土壤质地算得的可蚀性颗粒含量为 {value}，超出 0–1；采用 {used}',
  },
  // Soil retention (soil-retention.ts)
  'local-parameter-default': {
    en: "soil.{field} not given: used {id} = {value} {unit}, a local value of {source}; give the region's own soil data",
    zh: '未给出 soil.{field}：采用 {id} = {value} {unit}，为 {source} 的当地值；请给出本地区的土壤数据',
  },
  // Water conservation (water-conservation.ts)
  'negative-water-balance': {
    en: '{type}: precipitation − runoff − evapotranspiration is negative ({quantity} m³/a); counted as 0',
    zh: '{type}：降水量 − 径流量 − 蒸散量为负（{quantity} m³/a），按 0 计',
  },
  // Carbon sequestration, oxygen release (carbon-sequestration.ts, oxygen-release.ts, nep.ts) and
  // climate regulation (climate-regulation.ts)
  'input-not-used': {
    en: '{line}: {fields} not used by variant {variant}',
    zh: '{line}：方法变体 {variant} 不使用 {fields}',
  },
  'net-carbon-source': {
    en: '{name}: {what} is negative ({value} {unit}), a net carbon source; kept with its sign',
    zh: '{name}：{what}为负（{value} {unit}），属净碳源，保留其符号',
  },
  // Negative air ions (negative-ions.ts)
  'below-threshold': {
    en: '{item}: ion concentration {concentration} 个/cm³ is not above the threshold {threshold} 个/cm³; valued at 0',
    zh: '{item}：负离子浓度 {concentration} 个/cm³ 未超过阈值 {threshold} 个/cm³，价值按 0 计',
  },
} as const satisfies WarningCatalogue;
