/**
 * `gep-accounting/kernels`: float64 per-cell kernels over typed arrays, zonal sums into indicator
 * inputs, and GeoTIFF in and out (Node: reads and writes files, pulls in the `geotiff` package).
 */
export { DEFAULT_OUT_NODATA, CompensatedSum, isMissing, type Band, type CellArray, type KernelOutput, type KernelStats } from './cells.js';
export { waterBalanceKernel, type ClassLookup, type WaterBalanceInput, type WaterBalanceStats } from './water-balance.js';
export { rusleKernel, type RusleInput } from './rusle.js';
export { rweqKernel, rweqSoilLoss, rweqConstants, RWEQ_CONSTANTS, type RweqConstants, type RweqInput, type RweqStats } from './rweq.js';
export { nepKernel, carbonPerCell, type NepInput, type NepStats } from './carbon.js';
export { ZonalSums, waterConservationInputs, nepInputs, zonalTable, type ClassMap, type ZonalRow, type ZonalSkipped } from './zonal.js';
export {
  GepRasterError, openRaster, openAligned, checkAligned, closeAll, readBlocks, blockRows, TiffWriter, writeRaster, northUpTags, cellAreaOf, runRaster,
  type GeoTags, type OpenRaster, type RasterBlock, type RasterGrid, type RasterRun, type RasterRunOptions, type SampleType, type WriteGrid,
} from './geotiff.js';
