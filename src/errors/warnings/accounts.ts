/** Warnings of the accounts and of other non-indicator code (see ./index.ts): code → English and Chinese text with {placeholders}. */
import type { WarningCatalogue } from './index.js';

export const ACCOUNT_WARNINGS = {
  // Unit prices (src/indicators/compute.ts)
  'index-to-verify': {
    en: 'coefficient {id} was rebased {from}→{to} with {index} values still to verify ({years})',
    zh: '系数 {id} 以 {index} 从 {from} 年价格换算到 {to} 年价格，所用指数值尚待核实（{years}）',
  },
  'price-year-mismatch': {
    en: 'coefficient {id} ({value} {unit}) is at {year} prices but the account is at {accountYear} prices; give a price of {accountYear} or override the coefficient',
    zh: '系数 {id}（{value} {unit}）为 {year} 年价格，而核算采用 {accountYear} 年价格；请给出 {accountYear} 年价格或覆盖该系数',
  },
} as const satisfies WarningCatalogue;
