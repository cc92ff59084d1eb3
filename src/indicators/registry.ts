/**
 * The registry of implemented indicator modules, keyed by catalogue id. A module is added here
 * once; the conformance test (test/indicators/registry.test.ts) checks each against the catalogue.
 */
import * as agriculture from './material/agriculture.js';
import * as forestry from './material/forestry.js';
import * as livestock from './material/livestock.js';
import * as fishery from './material/fishery.js';
import * as waterSupply from './material/water-supply.js';
import * as ecoEnergy from './material/eco-energy.js';
import * as otherProducts from './material/other.js';
import * as waterConservation from './regulating/water-conservation.js';
import * as soilRetention from './regulating/soil-retention.js';
import * as sandFixation from './regulating/sand-fixation.js';
import * as coastalProtection from './regulating/coastal-protection.js';
import * as floodRegulation from './regulating/flood-regulation.js';
import * as airPurification from './regulating/air-purification.js';
import * as waterPurification from './regulating/water-purification.js';
import * as carbonSequestration from './regulating/carbon-sequestration.js';
import * as oxygenRelease from './regulating/oxygen-release.js';
import * as climateRegulation from './regulating/climate-regulation.js';
import * as negativeIons from './regulating/negative-ions.js';
import * as speciesConservation from './regulating/species-conservation.js';
import * as pestControl from './regulating/pest-control.js';
import * as noiseReduction from './regulating/noise-reduction.js';
import * as recreation from './cultural/recreation.js';
import * as landscape from './cultural/landscape.js';
import type { IndicatorModule } from './types.js';

// One entry per line, in catalogue order.
const MODULES = [
  agriculture,
  forestry,
  livestock,
  fishery,
  waterSupply,
  ecoEnergy,
  otherProducts,
  waterConservation,
  soilRetention,
  sandFixation,
  coastalProtection,
  floodRegulation,
  airPurification,
  waterPurification,
  carbonSequestration,
  oxygenRelease,
  climateRegulation,
  negativeIons,
  speciesConservation,
  pestControl,
  noiseReduction,
  recreation,
  landscape,
] as unknown as IndicatorModule<never>[];

/** Implemented indicator modules by id. */
export const INDICATORS: ReadonlyMap<string, IndicatorModule<unknown>> = new Map(
  MODULES.map((m) => [m.spec.id, m as unknown as IndicatorModule<unknown>]),
);

/** The module of an indicator, or `undefined` when it is not implemented yet. */
export function getIndicator(id: string): IndicatorModule<unknown> | undefined {
  return INDICATORS.get(id);
}
