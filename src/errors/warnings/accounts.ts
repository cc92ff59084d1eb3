/** Warnings of the accounts and of other non-indicator code (see ./index.ts): code → English and Chinese text with {placeholders}. */
import type { WarningCatalogue } from './index.js';

export const ACCOUNT_WARNINGS = {
} as const satisfies WarningCatalogue;
