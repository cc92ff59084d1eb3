/**
 * `gep-accounting/kernels`: float64 per-cell kernels over typed arrays (float64 or float32 output),
 * zonal sums into indicator inputs, and GeoTIFF in and out (Node: reads and writes files, pulls in
 * the `geotiff` package). In a browser bundle the `browser` condition gives ./browser.ts, the same
 * without GeoTIFF files. Worker threads for the kernels are in `gep-accounting/node`.
 */
export * from './browser.js';
export {
  GepRasterError,
  openRaster,
  openAligned,
  checkAligned,
  closeAll,
  readBlocks,
  blockRows,
  TiffWriter,
  writeRaster,
  northUpTags,
  cellAreaOf,
  runRaster,
  type GeoTags,
  type OpenRaster,
  type RasterBlock,
  type RasterGrid,
  type RasterRun,
  type RasterRunOptions,
  type SampleType,
  type WriteGrid,
} from './geotiff.js';
