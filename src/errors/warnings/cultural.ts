/** Warnings of the cultural (see ./index.ts): code → English and Chinese text with {placeholders}. */
import type { WarningCatalogue } from './index.js';

export const CULTURAL_WARNINGS = {
} as const satisfies WarningCatalogue;
