import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeArrayBuffer } from 'geotiff';
import {
  GepRasterError,
  northUpTags,
  openAligned,
  openRaster,
  closeAll,
  readBlocks,
  runRaster,
  TiffWriter,
  writeRaster,
} from '../../src/kernels/geotiff.js';
import { waterBalanceKernel } from '../../src/kernels/water-balance.js';
import { nepKernel } from '../../src/kernels/carbon.js';
import { nepInputs, waterConservationInputs, zonalTable } from '../../src/kernels/zonal.js';
import * as waterConservation from '../../src/indicators/regulating/water-conservation.js';
import * as carbonSequestration from '../../src/indicators/regulating/carbon-sequestration.js';
import { decimalArithmetic } from '../../src/numbers/arithmetic.js';
import { relativeDifference, runIndicator } from '../helpers/indicator.js';

const dir = mkdtempSync(join(tmpdir(), 'gep-geotiff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

// A 4 × 3 grid of 30 m cells in UTM 49N (EPSG:32649): 900 m² per cell.
const tags = northUpTags({ origin: [500_000, 4_000_000], cellSize: 30, epsg: 32649, projected: true });
const grid = { width: 4, height: 3, tags };
const N = -9999;
const P = [600, 600, 500, 500, 600, N, 550, 500, 700, 700, 700, 700];
const ET = [400, 400, 450, 450, 400, 400, 600, 450, 300, 300, 300, 300];
// land cover: 1 deciduous-broadleaf-forest (α 2.70 %), 2 temperate-tussock (α 9.37 %)
const LC = [1, 1, 2, 2, 1, 1, 2, 2, 1, 1, 2, 2];
// unit ids (county codes): left half 140101, right half 140102; one cell outside every unit (0 = nodata)
const ZONES = [140101, 140101, 140102, 140102, 140101, 140101, 140102, 140102, 140101, 140101, 140102, 0];
writeRaster(at('p.tif'), grid, P, { nodata: N });
writeRaster(at('et.tif'), grid, ET, { type: 'float32', nodata: N });
writeRaster(at('zones.tif'), grid, ZONES, { type: 'int32', nodata: 0 });
// The land cover is written by geotiff.js itself (8-bit), to read a file this library did not write.
writeFileSync(
  at('lc.tif'),
  Buffer.from(
    writeArrayBuffer(LC, {
      width: 4,
      height: 3,
      ModelPixelScale: [30, 30, 0],
      ModelTiepoint: [0, 0, 0, 500_000, 4_000_000, 0],
      GTModelTypeGeoKey: 1,
      GTRasterTypeGeoKey: 1,
      ProjectedCSTypeGeoKey: 32649,
    }) as ArrayBuffer,
  ),
);

const ALPHA_BY_CLASS = [Number.NaN, 0.027, 0.0937];
const CLASS_MAP = { 1: 'deciduous-broadleaf-forest', 2: 'temperate-tussock' };

function waterBalance(
  out: Float64Array | Float32Array | undefined,
  bands: Record<string, { values: ArrayLike<number> } & object>,
  cellArea: number,
) {
  return waterBalanceKernel({
    precipitation: bands.p as never,
    evapotranspiration: bands.et as never,
    runoffCoefficient: { classes: bands.lc as never, byClass: ALPHA_BY_CLASS },
    cellArea,
    ...(out ? { out } : {}),
  });
}

describe('GeoTIFF in and out', () => {
  it('writes a float64 raster that geotiff.js reads back with size, transform, projection and nodata', async () => {
    const r = await openRaster(at('p.tif'));
    expect(r.grid).toMatchObject({ width: 4, height: 3, transform: [500_000, 30, 0, 4_000_000, 0, -30], metric: true });
    expect(r.nodata).toBe(N);
    expect([...((await r.image.readRasters({ interleave: true })) as unknown as Float64Array)]).toEqual(P);
    const lc = await openRaster(at('lc.tif'));
    expect(lc.grid.projection).toBe(r.grid.projection);
    await closeAll([r, lc]);
  });

  it('reads aligned rasters block by block, whatever the block height', async () => {
    const rasters = await openAligned({ p: at('p.tif'), lc: at('lc.tif') });
    const rows: number[] = [];
    const cells: number[] = [];
    for await (const b of readBlocks(rasters, 2)) {
      rows.push(b.rows);
      cells.push(...b.bands.p.values);
    }
    await closeAll(Object.values(rasters));
    expect(rows).toEqual([2, 1]);
    expect(cells).toEqual(P);
  });

  it('refuses rasters whose size, transform or projection differ, naming the file and what was expected', async () => {
    writeRaster(at('small.tif'), { ...grid, width: 3, tags }, new Array(9).fill(1));
    writeRaster(
      at('shifted.tif'),
      { ...grid, tags: northUpTags({ origin: [500_030, 4_000_000], cellSize: 30, epsg: 32649, projected: true }) },
      new Array(12).fill(1),
    );
    writeRaster(
      at('coarse.tif'),
      { ...grid, tags: northUpTags({ origin: [500_000, 4_000_000], cellSize: 60, epsg: 32649, projected: true }) },
      new Array(12).fill(1),
    );
    writeRaster(
      at('utm50.tif'),
      { ...grid, tags: northUpTags({ origin: [500_000, 4_000_000], cellSize: 30, epsg: 32650, projected: true }) },
      new Array(12).fill(1),
    );
    const fail = async (file: string) => {
      try {
        await openAligned({ p: at('p.tif'), other: at(file) });
      } catch (e) {
        return e as GepRasterError;
      }
      throw new Error('aligned');
    };
    const small = await fail('small.tif');
    expect(small).toBeInstanceOf(GepRasterError);
    expect(small.message).toContain(`${at('small.tif')}: raster size differs: expected 4 × 3 cells (as ${at('p.tif')}), found 3 × 3`);
    expect((await fail('shifted.tif')).message).toMatch(
      /shifted\.tif: raster transform \(origin or cell size\) differs: expected the transform \[500000, 30, 0, 4000000, 0, -30\].*found \[500030, 30/,
    );
    expect((await fail('coarse.tif')).message).toMatch(/coarse\.tif: raster transform .*found \[500000, 60, 0, 4000000, 0, -60\]/);
    expect((await fail('utm50.tif')).message).toMatch(/utm50\.tif: raster projection differs: .*32649.*found .*32650/);
    await expect(openRaster(at('missing.tif'))).rejects.toThrow(/missing\.tif: cannot read/);
  });

  it('runs the water balance over the rasters, writes the result and sums it by unit and ecosystem type', async () => {
    const run = await runRaster({
      inputs: { p: at('p.tif'), et: at('et.tif'), lc: at('lc.tif') },
      kernel: (b, cellArea, out) => waterBalance(out, b, cellArea),
      output: at('wc.tif'),
      zones: at('zones.tif'),
      classes: at('lc.tif'),
      sumInputs: ['p', 'et'],
      rowsPerBlock: 1,
    });
    expect(run.blocks).toBe(3);
    expect(run.cellArea).toBe(900);
    // By hand, 0.9 m³ per mm: forest α 0.027, tussock α 0.0937
    //   row 1: 0.9·(600 − 16.2 − 400) = 165.42 (×2); 0.9·(500 − 46.85 − 450) = 2.835 (×2)
    //   row 2: 165.42; nodata; 0.9·(550 − 51.535 − 600) < 0 → 0; 2.835
    //   row 3: 0.9·(700 − 18.9 − 300) = 342.99 (×2); 0.9·(700 − 65.59 − 300) = 300.969 (×2)
    const expected = 3 * 165.42 + 3 * 2.835 + 0 + 2 * 342.99 + 2 * 300.969;
    expect(run.stats.sum).toBeCloseTo(expected, 9);
    expect(run.stats).toMatchObject({ cells: 12, valid: 11, nodata: 1, clamped: 1 });
    const out = await openRaster(at('wc.tif'));
    const values = [...((await out.image.readRasters({ interleave: true })) as unknown as Float64Array)];
    expect(values[5]).toBe(-9999);
    expect(values[6]).toBe(0);
    expect(values[0]).toBeCloseTo(165.42, 9);
    expect(out.grid.projection).toBe((await openRaster(at('p.tif'))).grid.projection);
    await closeAll([out]);
    // Zonal sums: the last cell (zone nodata) and the nodata precipitation cell are left out.
    const zonal = run.zonal!;
    expect(zonal.skipped()).toEqual({ noZone: 1, noValue: 1 });
    expect(zonal.rows().map((r) => [r.zone, r.cls, r.cells])).toEqual([
      [140101, 1, 5],
      [140102, 2, 5],
    ]);
    const table = zonalTable(zonal, { classMap: CLASS_MAP, cellArea: 900, unit: 'm³/a' });
    expect(table[0]).toMatchObject({
      zone: 140101,
      ecosystemType: 'deciduous-broadleaf-forest',
      cells: 5,
      area: { value: '0.0045', unit: 'km²' },
    });
  });

  it('writes a float32 result raster on request: half the bytes, each cell the float64 one rounded, the same statistics', async () => {
    const common = {
      inputs: { p: at('p.tif'), et: at('et.tif'), lc: at('lc.tif') },
      kernel: (b: Record<string, { values: ArrayLike<number> } & object>, cellArea: number, out: Float64Array | Float32Array | undefined) =>
        waterBalance(out, b, cellArea),
    };
    const r64 = await runRaster({ ...common, output: at('wc64.tif') });
    const r32 = await runRaster({ ...common, output: at('wc32.tif'), outputType: 'float32' });
    expect(r32.stats).toEqual(r64.stats);
    const [o64, o32] = [await openRaster(at('wc64.tif')), await openRaster(at('wc32.tif'))];
    expect(o32.image.getBitsPerSample()).toBe(32);
    expect(o64.image.getBitsPerSample()).toBe(64);
    const v64 = [...((await o64.image.readRasters({ interleave: true })) as unknown as Float64Array)];
    const v32 = [...((await o32.image.readRasters({ interleave: true })) as unknown as Float32Array)];
    expect(v32).toEqual(v64.map((x) => Math.fround(x)));
    expect(v32[5]).toBe(-9999);
    await closeAll([o64, o32]);
    await expect(runRaster({ ...common, outputType: 'float16' as never })).rejects.toThrow(/outputType must be float64 or float32/);
  });

  it('turns zonal sums into water-conservation inputs that the decimal module accounts to the same total', async () => {
    const run = await runRaster({
      inputs: { p: at('p.tif'), et: at('et.tif'), lc: at('lc.tif') },
      kernel: (b, cellArea, out) => waterBalance(out, b, cellArea),
      zones: at('zones.tif'),
      classes: at('lc.tif'),
      sumInputs: ['p', 'et'],
    });
    const inputs = waterConservationInputs(run.zonal!, {
      classMap: CLASS_MAP,
      cellArea: 900,
      precipitation: 'p',
      evapotranspiration: 'et',
    });
    expect(inputs.get(140101)!.ecosystems[0]).toEqual({
      ecosystemType: 'deciduous-broadleaf-forest',
      area: { value: '0.0045', unit: 'km²' },
      precipitation: { value: '640', unit: 'mm' },
      evapotranspiration: { value: '360', unit: 'mm' },
    });
    // Unit 140101 has no negative cell, so the per-type clamp of the module and the per-cell clamp of
    // the kernel agree: Σ cells = 3·165.42 + 2·342.99 = 1182.24 m³/a.
    const decimal = runIndicator(waterConservation as never, inputs.get(140101), decimalArithmetic);
    const cellSum = run.zonal!.rows().find((r) => r.zone === 140101)!.sums.value!;
    expect(cellSum).toBeCloseTo(1182.24, 9);
    expect(relativeDifference(decimal.quantity.total!.value.toNumber(), cellSum)).toBeLessThan(1e-12);
  });

  it('sums NEP by unit and type into carbon-sequestration inputs', async () => {
    writeRaster(at('nep.tif'), grid, [500, 500, 200, 200, 500, 500, 200, 200, 500, 500, 200, N], { nodata: N });
    const run = await runRaster({
      inputs: { nep: at('nep.tif') },
      kernel: (b, cellArea, out) => nepKernel({ nep: b.nep, cellArea, factor: 1, ...(out ? { out } : {}) }),
      zones: at('zones.tif'),
      classes: at('lc.tif'),
    });
    const inputs = nepInputs(run.zonal!, { classMap: CLASS_MAP });
    // 140101: 6 forest cells × 500 g C/m² × 900 m² = 2.7 t C; 140102: 5 tussock cells × 200 × 900 = 0.9 t C
    expect(Number(inputs.get(140101)!.ecosystems[0]!.nep.value)).toBeCloseTo(2.7, 12);
    expect(Number(inputs.get(140102)!.ecosystems[0]!.nep.value)).toBeCloseTo(0.9, 12);
    const co2 = runIndicator(carbonSequestration as never, inputs.get(140101), decimalArithmetic);
    expect(co2.quantity.total!.value.toNumber()).toBeCloseTo((2.7 * 44) / 12, 9);
  });

  it('refuses a geographic grid without an explicit cell area, and an incomplete output', async () => {
    writeRaster(
      at('wgs84.tif'),
      { width: 2, height: 1, tags: northUpTags({ origin: [110, 35], cellSize: 0.01, epsg: 4326, projected: false }) },
      [1, 2],
    );
    await expect(
      runRaster({ inputs: { nep: at('wgs84.tif') }, kernel: (b, a) => nepKernel({ nep: b.nep, cellArea: a, factor: 1 }) }),
    ).rejects.toThrow(/wgs84\.tif: cell area unknown: expected a projected grid in metres, or an explicit cellArea/);
    const ok = await runRaster({
      inputs: { nep: at('wgs84.tif') },
      cellArea: 1e6,
      kernel: (b, a) => nepKernel({ nep: b.nep, cellArea: a, factor: 1 }),
    });
    expect(ok.stats.sum).toBeCloseTo(3, 12);
    const w = TiffWriter.create(at('partial.tif'), grid);
    w.write(new Float64Array(4));
    expect(() => w.close()).toThrow(/partial\.tif: 1 of 3 rows written; the raster is incomplete/);
  });
});
