/**
 * The input types the modules export are their schemas' types, not `unknown` (issue 16: a developer's
 * misspelt field or a number where decimal text is required fails to compile). Checked by
 * `tsc --noEmit`; each line marked @ts-expect-error must not compile.
 */
import type { WaterConservationInput } from '../../../src/indicators/regulating/water-conservation.js';
import type { SandFixationInput } from '../../../src/indicators/regulating/sand-fixation.js';
import type { AirPurificationInput } from '../../../src/indicators/regulating/air-purification.js';
import type { WaterPurificationInput } from '../../../src/indicators/regulating/water-purification.js';

const amount = (value: string, unit: string) => ({ value, unit });

export const conservation: WaterConservationInput = {
  ecosystems: [
    { ecosystemType: 'forest', area: amount('1', 'km²'), precipitation: amount('600', 'mm'), evapotranspiration: amount('400', 'mm') },
  ],
};
export const numberValue: WaterConservationInput = {
  ecosystems: [
    // @ts-expect-error -- a number where decimal text is required
    { ecosystemType: 'forest', area: { value: 1, unit: 'km²' }, precipitation: amount('1', 'mm'), evapotranspiration: amount('1', 'mm') },
  ],
};
// @ts-expect-error -- a misspelt field
export const misspelt: WaterConservationInput = { ecosystem: [] };
export const reportedSand: SandFixationInput = { reported: [{ item: 'county', quantity: amount('-1', 't/a') }] };
// @ts-expect-error -- a sand-fixation line names itself: item is required
export const noItem: SandFixationInput = { reported: [{ quantity: amount('1', 't/a') }] };

export const air: AirPurificationInput = {
  emissions: { so2: amount('1', 't') },
  ecosystems: [{ ecosystemType: 'mixed-forest', area: amount('1', 'hm²'), uptake: { dust: amount('1', 'kg/(hm²·a)') } }],
};
// @ts-expect-error -- so3 is not an air pollutant
export const so3: AirPurificationInput = { emissions: { so3: amount('1', 't') } };
// @ts-expect-error -- water purification has loads, not emissions
export const emissions: WaterPurificationInput = { emissions: { cod: amount('1', 't') } };
// a purification line is named by its pollutant: item may be left out
export const reportedWater: WaterPurificationInput = { reported: [{ pollutant: 'cod', quantity: amount('1', 't') }] };
// @ts-expect-error -- bod is not a water pollutant of the module
export const bod: WaterPurificationInput = { reported: [{ pollutant: 'bod', quantity: amount('1', 't') }] };
