/**
 * `gep-accounting/kernels` for the browser: the per-cell kernels and zonal sums, without GeoTIFF
 * files (which read and write through node:fs). Bundlers take this entry under the `browser`
 * condition of package.json; test/kernels/browser.test.ts checks that it imports no Node module.
 */
export {
  DEFAULT_OUT_NODATA,
  CompensatedSum,
  isMissing,
  type Band,
  type CellArray,
  type KernelOutput,
  type KernelStats,
  type OutputArray,
} from './cells.js';
export { waterBalanceKernel, type ClassLookup, type WaterBalanceInput, type WaterBalanceStats } from './water-balance.js';
export { rusleKernel, type RusleInput } from './rusle.js';
export { rweqKernel, rweqSoilLoss, rweqConstants, RWEQ_CONSTANTS, type RweqConstants, type RweqInput, type RweqStats } from './rweq.js';
export { nepKernel, carbonPerCell, type NepInput, type NepStats } from './carbon.js';
export { ZonalSums, waterConservationInputs, nepInputs, zonalTable, type ClassMap, type ZonalRow, type ZonalSkipped } from './zonal.js';
