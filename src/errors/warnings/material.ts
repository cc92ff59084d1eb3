/** Warnings of the material (see ./index.ts): code → English and Chinese text with {placeholders}. */
import type { WarningCatalogue } from './index.js';

export const MATERIAL_WARNINGS = {
} as const satisfies WarningCatalogue;
