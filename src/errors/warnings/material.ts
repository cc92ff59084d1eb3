/** Warnings of the material (see ./index.ts): code → English and Chinese text with {placeholders}. */
import type { WarningCatalogue } from './index.js';

export const MATERIAL_WARNINGS = {
  // product-output.ts (agriculture, forestry, livestock, fishery, other)
  'no-physical-quantity': {
    en: '{id}: no product list was given, so the account has a value but no physical quantity',
    zh: '{id}：未提供产品清单，该科目只有价值量，没有实物量',
  },
  'reported-output-differs': {
    en: '{id}: the product list adds up to {products} 元 but the reported gross output is {reported} 元; the product list is used',
    zh: '{id}：产品清单合计 {products} 元，而公布的总产值为 {reported} 元；采用产品清单',
  },
  'negative-value': {
    en: '{id}: the {basis} is negative ({value} 元)',
    zh: '{id}：{basis}为负（{value} 元）',
  },
} as const satisfies WarningCatalogue;
