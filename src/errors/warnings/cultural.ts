/** Warnings of the cultural (see ./index.ts): code → English and Chinese text with {placeholders}. */
import type { WarningCatalogue } from './index.js';

export const CULTURAL_WARNINGS = {
  // recreation.ts
  'urban-green-space-excluded': {
    en: '{count} free urban green space line(s) left out by the profile (variant urbanGreenSpace: exclude)',
    zh: '核算方案不计城市免费绿地（方法变体 urbanGreenSpace: exclude），{count} 行未计入',
  },
  // landscape.ts
  'landscape-stock-value': {
    en: 'the landscape premium is a capitalised (stock) value counted in an annual-flow account; choose an annualisation variant (land-use-term, rent-yield, annuity) to count a flow',
    zh: '景观溢价是资本化的存量价值，却计入年度流量核算；如需计算流量，请选择年化方法变体（land-use-term、rent-yield、annuity）',
  },
} as const satisfies WarningCatalogue;
