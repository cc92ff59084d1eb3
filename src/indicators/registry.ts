/**
 * The registry of implemented indicator modules, keyed by catalogue id. The module list is
 * generated from the files under src/indicators/ (./generated/modules.ts); the conformance test
 * (test/indicators/registry.test.ts) checks each against the catalogue.
 */
import type { z } from 'zod';
import { MODULES } from './generated/modules.js';
import type { IndicatorModule } from './types.js';

// Every module has the fixed shape: checked by the compiler, with no cast.
const modules: Readonly<Record<string, IndicatorModule<unknown>>> = MODULES;

/** Implemented indicator modules by id. */
export const INDICATORS: ReadonlyMap<string, IndicatorModule<unknown>> = new Map(Object.entries(modules));

/** The module of an indicator, or `undefined` when it is not implemented yet. */
export function getIndicator(id: string): IndicatorModule<unknown> | undefined {
  return INDICATORS.get(id);
}

/** The id of an implemented indicator: `'regulating.water-conservation'`. */
export type IndicatorId = keyof typeof MODULES;

/** The input block of each implemented indicator, as written in an account input (decimal text with units). */
export type IndicatorInputs = { readonly [K in IndicatorId]?: z.input<(typeof MODULES)[K]['inputSchema']> };

/** The input block of one indicator, for code that builds it apart: `IndicatorInput<'regulating.water-conservation'>`. */
export type IndicatorInput<K extends IndicatorId> = NonNullable<IndicatorInputs[K]>;
