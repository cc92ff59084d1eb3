/** Warnings of the regulating-service modules (see ./index.ts): code → English and Chinese text with {placeholders}. */
import type { WarningCatalogue } from './index.js';

export const REGULATING_WARNINGS = {
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
