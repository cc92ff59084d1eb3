/** Warnings of the regulating-service modules (see ./index.ts): code → English and Chinese text with {placeholders}. */
import type { WarningCatalogue } from './index.js';

export const REGULATING_WARNINGS = {
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
} as const satisfies WarningCatalogue;
