/** Warnings of the regulating-service modules (see ./index.ts): code → English and Chinese text with {placeholders}. */
import type { WarningCatalogue } from './index.js';

export const REGULATING_WARNINGS = {
  'negative-water-balance': {
    en: '{type}: precipitation − runoff − evapotranspiration is negative ({quantity} m³/a); counted as 0',
    zh: '{type}：降水量 − 径流量 − 蒸散量为负（{quantity} m³/a），按 0 计',
  },
} as const satisfies WarningCatalogue;
