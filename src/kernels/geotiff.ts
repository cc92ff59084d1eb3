/**
 * GeoTIFF in and out for the per-cell kernels (Node only: it reads and writes files). Rasters are
 * read with the `geotiff` package, one block of rows at a time, so a raster larger than memory
 * still runs; every input of one computation must share size, transform and projection, checked
 * before any cell is read. Results are written by a streaming strip writer (uncompressed classic
 * TIFF, little-endian), since geotiff.js writes 8-bit images only; it copies the georeferencing tags
 * of the reference raster so the output lines up with the inputs.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { endianness } from 'node:os';
import { fromFile, type GeoTIFF, type GeoTIFFImage } from 'geotiff';
import { DEFAULT_OUT_NODATA, type Band, type CellArray, type KernelStats, type OutputArray } from './cells.js';
import { ZonalSums } from './zonal.js';

/** A raster that cannot be used: unreadable, or not aligned with the others. Names the file, what was expected and what was found. */
export class GepRasterError extends Error {
  override readonly name = 'GepRasterError';
  constructor(
    readonly file: string,
    readonly expected: string,
    readonly found: string,
    readonly what: string,
  ) {
    super(`[gep] ${file}: ${what}: expected ${expected}, found ${found}`);
  }
}

/** The georeferencing tags of a raster, copied as they are into the rasters written from it. */
export interface GeoTags {
  readonly ModelPixelScale?: readonly number[];
  readonly ModelTiepoint?: readonly number[];
  readonly ModelTransformation?: readonly number[];
  readonly GeoKeyDirectory?: readonly number[];
  readonly GeoDoubleParams?: readonly number[];
  readonly GeoAsciiParams?: string;
}

/** Size, transform and projection of a raster. */
export interface RasterGrid {
  readonly width: number;
  readonly height: number;
  /** GDAL-style geotransform [x0, dx, rx, y0, ry, dy]. */
  readonly transform: readonly [number, number, number, number, number, number];
  /** The projection's geo keys (citations left out), as canonical JSON. */
  readonly projection: string;
  /** True when the model is projected in metres, so a cell's area is |dx·dy| m². */
  readonly metric: boolean;
  readonly tags: GeoTags;
}

/** An open raster: its grid, nodata value and how it is stored. */
export interface OpenRaster {
  readonly file: string;
  readonly grid: RasterGrid;
  readonly nodata: number | null;
  /** Rows per strip or tile: reading whole multiples of it decodes each block once. */
  readonly blockHeight: number;
  readonly tiff: GeoTIFF;
  readonly image: GeoTIFFImage;
}

const CITATIONS = new Set(['GTCitationGeoKey', 'GeogCitationGeoKey', 'PCSCitationGeoKey']);

function gridOf(file: string, image: GeoTIFFImage): RasterGrid {
  const fd = image.fileDirectory as Record<string, unknown>;
  const width = image.getWidth();
  const height = image.getHeight();
  const mt = fd.ModelTransformation as number[] | undefined;
  let transform: RasterGrid['transform'];
  if (mt) {
    transform = [mt[3]!, mt[0]!, mt[1]!, mt[7]!, mt[4]!, mt[5]!];
  } else if (fd.ModelPixelScale && fd.ModelTiepoint) {
    const [ox, oy] = image.getOrigin() as [number, number];
    const [dx, dy] = image.getResolution() as [number, number];
    transform = [ox, dx, 0, oy, 0, dy];
  } else {
    throw new GepRasterError(
      file,
      'a georeferenced raster (ModelPixelScale and ModelTiepoint, or ModelTransformation)',
      'no georeferencing tags',
      'georeferencing',
    );
  }
  const keys = (image.geoKeys ?? {}) as Record<string, unknown>;
  const projection = JSON.stringify(
    Object.keys(keys)
      .filter((k) => !CITATIONS.has(k))
      .sort()
      .map((k) => [k, keys[k]]),
  );
  const linear = keys.ProjLinearUnitsGeoKey;
  const metric = keys.GTModelTypeGeoKey === 1 && (linear === undefined || linear === 9001);
  const pick = <K extends keyof GeoTags>(k: K) =>
    fd[k] === undefined ? {} : { [k]: Array.isArray(fd[k]) || ArrayBuffer.isView(fd[k]) ? Array.from(fd[k] as ArrayLike<number>) : fd[k] };
  const tags: GeoTags = {
    ...pick('ModelPixelScale'),
    ...pick('ModelTiepoint'),
    ...pick('ModelTransformation'),
    ...pick('GeoKeyDirectory'),
    ...pick('GeoDoubleParams'),
    ...pick('GeoAsciiParams'),
  };
  return { width, height, transform, projection, metric, tags };
}

/** Open one GeoTIFF (its first image, band 1). */
export async function openRaster(file: string): Promise<OpenRaster> {
  let tiff: GeoTIFF;
  let image: GeoTIFFImage;
  try {
    tiff = await fromFile(file);
    image = await tiff.getImage();
  } catch (e) {
    throw new GepRasterError(file, 'a readable GeoTIFF', e instanceof Error ? e.message : String(e), 'cannot read');
  }
  const grid = gridOf(file, image);
  const blockHeight = image.isTiled
    ? image.getTileHeight()
    : Number((image.fileDirectory as Record<string, unknown>).RowsPerStrip ?? grid.height);
  return {
    file,
    grid,
    nodata: image.getGDALNoData(),
    blockHeight: Math.max(1, Math.min(blockHeight || grid.height, grid.height)),
    tiff,
    image,
  };
}

const close = (t: number, a: number, b: number) => Math.abs(a - b) <= t;

/** Throw unless `r` has the size, transform and projection of `ref`. */
export function checkAligned(ref: OpenRaster, r: OpenRaster): void {
  const a = ref.grid;
  const b = r.grid;
  if (a.width !== b.width || a.height !== b.height) {
    throw new GepRasterError(r.file, `${a.width} × ${a.height} cells (as ${ref.file})`, `${b.width} × ${b.height}`, 'raster size differs');
  }
  const pixel = Math.max(Math.abs(a.transform[1]), Math.abs(a.transform[5]));
  const tol = 1e-6 * pixel;
  if (!a.transform.every((v, i) => close(i === 0 || i === 3 ? tol : 1e-9 * pixel, v, b.transform[i]!))) {
    throw new GepRasterError(
      r.file,
      `the transform [${a.transform.join(', ')}] of ${ref.file}`,
      `[${b.transform.join(', ')}]`,
      'raster transform (origin or cell size) differs',
    );
  }
  if (a.projection !== b.projection) {
    throw new GepRasterError(r.file, `the projection of ${ref.file} (${a.projection})`, b.projection, 'raster projection differs');
  }
}

/** Open several rasters and check that they are aligned with the first. */
export async function openAligned<K extends string>(files: Readonly<Record<K, string>>): Promise<Record<K, OpenRaster>> {
  const entries = Object.entries(files) as [K, string][];
  const opened: [K, OpenRaster][] = [];
  try {
    for (const [name, file] of entries) opened.push([name, await openRaster(file)]);
    for (const [, r] of opened.slice(1)) checkAligned(opened[0]![1], r);
  } catch (e) {
    await closeAll(opened.map(([, r]) => r));
    throw e;
  }
  return Object.fromEntries(opened) as Record<K, OpenRaster>;
}

/** Release the file handles of rasters opened here. */
export async function closeAll(rasters: Iterable<OpenRaster>): Promise<void> {
  for (const r of rasters) await (r.tiff as unknown as { close?: () => Promise<void> }).close?.();
}

/** One block of rows of several aligned rasters. */
export interface RasterBlock<K extends string> {
  readonly y0: number;
  readonly rows: number;
  readonly width: number;
  readonly bands: Record<K, Band>;
}

/** Rows per block: whole strips or tiles of the first raster, about `cells` cells. */
export function blockRows(r: OpenRaster, cells = 1 << 20): number {
  const h = r.blockHeight;
  const wanted = Math.max(1, Math.floor(cells / r.grid.width));
  return Math.min(r.grid.height, Math.max(h, Math.floor(wanted / h) * h));
}

/** Read aligned rasters block by block (band 1 of each), top to bottom; memory stays at one block per raster. */
export async function* readBlocks<K extends string>(
  rasters: Readonly<Record<K, OpenRaster>>,
  rowsPerBlock?: number,
): AsyncGenerator<RasterBlock<K>> {
  const list = Object.entries(rasters) as [K, OpenRaster][];
  if (list.length === 0) return;
  const ref = list[0]![1];
  const { width, height } = ref.grid;
  const step = rowsPerBlock ?? blockRows(ref);
  for (let y0 = 0; y0 < height; y0 += step) {
    const rows = Math.min(step, height - y0);
    const bands = {} as Record<K, Band>;
    for (const [name, r] of list) {
      let values: CellArray;
      try {
        values = (await r.image.readRasters({ window: [0, y0, width, y0 + rows], samples: [0], interleave: true })) as unknown as CellArray;
      } catch (e) {
        throw new GepRasterError(r.file, `rows ${y0}–${y0 + rows - 1} readable`, e instanceof Error ? e.message : String(e), 'cannot read');
      }
      bands[name] = { values, nodata: r.nodata };
    }
    yield { y0, rows, width, bands };
  }
}

/** Sample types the writer can store. */
export type SampleType = 'float64' | 'float32' | 'int32' | 'uint32' | 'int16' | 'uint16' | 'uint8';

const SAMPLE: Readonly<Record<SampleType, { bits: number; format: number; array: new (n: number) => CellArray }>> = {
  float64: { bits: 64, format: 3, array: Float64Array },
  float32: { bits: 32, format: 3, array: Float32Array },
  int32: { bits: 32, format: 2, array: Int32Array },
  uint32: { bits: 32, format: 1, array: Uint32Array },
  int16: { bits: 16, format: 2, array: Int16Array },
  uint16: { bits: 16, format: 1, array: Uint16Array },
  uint8: { bits: 8, format: 1, array: Uint8Array },
};

/** Georeferencing tags for a north-up grid, for rasters made from scratch (tests, examples). */
export function northUpTags(options: {
  readonly origin: readonly [number, number];
  readonly cellSize: number | readonly [number, number];
  readonly epsg: number;
  readonly projected: boolean;
}): GeoTags {
  const [sx, sy] = typeof options.cellSize === 'number' ? [options.cellSize, options.cellSize] : options.cellSize;
  const csKey = options.projected ? 3072 : 2048;
  return {
    ModelPixelScale: [sx, sy, 0],
    ModelTiepoint: [0, 0, 0, options.origin[0], options.origin[1], 0],
    GeoKeyDirectory: [1, 1, 0, 3, 1024, 0, 1, options.projected ? 1 : 2, 1025, 0, 1, 1, csKey, 0, 1, options.epsg],
  };
}

/** The grid a tag set describes, for a raster of `width` × `height` (what `openRaster` would read back). */
export interface WriteGrid {
  readonly width: number;
  readonly height: number;
  readonly tags: GeoTags;
}

interface Entry {
  readonly tag: number;
  readonly type: 2 | 3 | 4 | 12;
  readonly values: readonly number[] | string;
}

const TYPE_SIZE: Readonly<Record<Entry['type'], number>> = { 2: 1, 3: 2, 4: 4, 12: 8 };

/**
 * A GeoTIFF written row block by row block: the header and directory first (every size is known
 * in advance), then the strips in order. Uncompressed, classic TIFF, so at most 4 GiB.
 * @example
 * const w = TiffWriter.create('out.tif', grid, { type: 'float64', nodata: -9999 });
 * for (const rows of blocks) w.write(rows);   // any number of whole rows at a time
 * w.close();
 */
export class TiffWriter {
  private written = 0;
  private constructor(
    private fd: number | null,
    readonly file: string,
    readonly width: number,
    readonly height: number,
    private readonly type: SampleType,
  ) {}

  static create(
    file: string,
    grid: WriteGrid,
    options: { readonly type?: SampleType; readonly nodata?: number | null; readonly rowsPerStrip?: number } = {},
  ): TiffWriter {
    if (endianness() !== 'LE') throw new Error('[gep] the GeoTIFF writer needs a little-endian machine');
    const type = options.type ?? 'float64';
    const { bits, format } = SAMPLE[type];
    const { width, height } = grid;
    if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) {
      throw new GepRasterError(file, 'a positive whole number of columns and rows', `${width} × ${height}`, 'raster size');
    }
    const bytesPerRow = (width * bits) / 8;
    const rowsPerStrip = Math.max(1, Math.min(height, options.rowsPerStrip ?? Math.max(1, Math.floor((256 * 1024) / bytesPerRow))));
    const strips = Math.ceil(height / rowsPerStrip);
    const entries: Entry[] = [
      { tag: 256, type: 4, values: [width] },
      { tag: 257, type: 4, values: [height] },
      { tag: 258, type: 3, values: [bits] },
      { tag: 259, type: 3, values: [1] },
      { tag: 262, type: 3, values: [1] },
      { tag: 273, type: 4, values: new Array<number>(strips).fill(0) },
      { tag: 277, type: 3, values: [1] },
      { tag: 278, type: 4, values: [rowsPerStrip] },
      {
        tag: 279,
        type: 4,
        values: Array.from({ length: strips }, (_, i) => Math.min(rowsPerStrip, height - i * rowsPerStrip) * bytesPerRow),
      },
      { tag: 284, type: 3, values: [1] },
      { tag: 339, type: 3, values: [format] },
    ];
    const t = grid.tags;
    if (t.ModelPixelScale) entries.push({ tag: 33550, type: 12, values: [...t.ModelPixelScale] });
    if (t.ModelTiepoint) entries.push({ tag: 33922, type: 12, values: [...t.ModelTiepoint] });
    if (t.ModelTransformation) entries.push({ tag: 34264, type: 12, values: [...t.ModelTransformation] });
    if (t.GeoKeyDirectory) entries.push({ tag: 34735, type: 3, values: [...t.GeoKeyDirectory] });
    if (t.GeoDoubleParams) entries.push({ tag: 34736, type: 12, values: [...t.GeoDoubleParams] });
    if (t.GeoAsciiParams)
      entries.push({ tag: 34737, type: 2, values: t.GeoAsciiParams.endsWith('\0') ? t.GeoAsciiParams : `${t.GeoAsciiParams}\0` });
    if (options.nodata !== undefined && options.nodata !== null) entries.push({ tag: 42113, type: 2, values: `${options.nodata}\0` });
    entries.sort((a, b) => a.tag - b.tag);

    const count = (e: Entry) => (typeof e.values === 'string' ? Buffer.byteLength(e.values, 'latin1') : e.values.length);
    const ifdSize = 2 + entries.length * 12 + 4;
    let extra = 8 + ifdSize;
    const offsets = new Map<number, number>();
    for (const e of entries) {
      const size = count(e) * TYPE_SIZE[e.type];
      if (size > 4) {
        extra += extra % 2;
        offsets.set(e.tag, extra);
        extra += size;
      }
    }
    const dataStart = extra + ((8 - (extra % 8)) % 8);
    const total = dataStart + bytesPerRow * height;
    if (total > 0xffff_ffff) {
      throw new GepRasterError(
        file,
        'a raster under 4 GiB (classic TIFF)',
        `${(total / 2 ** 30).toFixed(1)} GiB`,
        'output too large; write float32 or split the area',
      );
    }
    const stripOffsets = entries.find((e) => e.tag === 273)!.values as number[];
    for (let i = 0; i < strips; i++) stripOffsets[i] = dataStart + i * rowsPerStrip * bytesPerRow;

    const head = Buffer.alloc(dataStart);
    head.write('II', 0, 'latin1');
    head.writeUInt16LE(42, 2);
    head.writeUInt32LE(8, 4);
    head.writeUInt16LE(entries.length, 8);
    entries.forEach((e, k) => {
      const at = 10 + k * 12;
      const n = count(e);
      head.writeUInt16LE(e.tag, at);
      head.writeUInt16LE(e.type, at + 2);
      head.writeUInt32LE(n, at + 4);
      const where = offsets.get(e.tag) ?? at + 8;
      if (typeof e.values === 'string') head.write(e.values, where, 'latin1');
      else {
        e.values.forEach((v, j) => {
          const p = where + j * TYPE_SIZE[e.type];
          if (e.type === 3) head.writeUInt16LE(v, p);
          else if (e.type === 4) head.writeUInt32LE(v, p);
          else head.writeDoubleLE(v, p);
        });
      }
      if (offsets.has(e.tag)) head.writeUInt32LE(offsets.get(e.tag)!, at + 8);
    });
    head.writeUInt32LE(0, 10 + entries.length * 12);
    let fd: number;
    try {
      fd = openSync(file, 'w');
      writeSync(fd, head);
    } catch (e) {
      throw new GepRasterError(file, 'a writable file', e instanceof Error ? e.message : String(e), 'cannot write');
    }
    return new TiffWriter(fd, file, width, height, type);
  }

  /** Append whole rows (row-major cells); the values are stored as the writer's sample type. */
  write(values: ArrayLike<number>): void {
    if (this.fd === null) throw new Error(`[gep] ${this.file}: write after close`);
    if (values.length % this.width !== 0)
      throw new RangeError(`[gep] ${this.file}: ${values.length} cells is not a whole number of rows of ${this.width}`);
    const rows = values.length / this.width;
    if (this.written + rows > this.height) throw new RangeError(`[gep] ${this.file}: more than ${this.height} rows written`);
    const Typed = SAMPLE[this.type].array as unknown as { new (n: number): CellArray; from(v: ArrayLike<number>): CellArray };
    const view = values instanceof (Typed as unknown as typeof Float64Array) ? (values as CellArray) : Typed.from(values);
    writeSync(this.fd, new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
    this.written += rows;
  }

  /** Finish the file; throws when rows are missing. */
  close(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
    if (this.written !== this.height)
      throw new Error(`[gep] ${this.file}: ${this.written} of ${this.height} rows written; the raster is incomplete`);
  }
}

/** Write a whole raster at once (small rasters, tests). */
export function writeRaster(
  file: string,
  grid: WriteGrid,
  values: ArrayLike<number>,
  options: { readonly type?: SampleType; readonly nodata?: number | null } = {},
): void {
  const w = TiffWriter.create(file, grid, options);
  try {
    w.write(values);
  } finally {
    w.close();
  }
}

/** Cell area in m² of a metric grid; throws for a geographic one (give the area explicitly there). */
export function cellAreaOf(r: OpenRaster): number {
  if (!r.grid.metric) {
    throw new GepRasterError(
      r.file,
      'a projected grid in metres, or an explicit cellArea',
      `projection ${r.grid.projection}`,
      'cell area unknown',
    );
  }
  return Math.abs(r.grid.transform[1] * r.grid.transform[5] - r.grid.transform[2] * r.grid.transform[4]);
}

/** What `runRaster` returns: the kernel's statistics over every block, and the zonal sums. */
export interface RasterRun<S extends KernelStats> {
  readonly stats: S;
  readonly zonal: ZonalSums | null;
  readonly grid: RasterGrid;
  readonly cellArea: number;
  readonly blocks: number;
}

/** Options of `runRaster`. */
export interface RasterRunOptions<K extends string, S extends KernelStats> {
  /** Input rasters by band name; all aligned. */
  readonly inputs: Readonly<Record<K, string>>;
  /** The kernel over one block: the input bands, the block's cell area and the output array to fill (of `outputType`). */
  readonly kernel: (bands: Record<K, Band>, cellArea: number, out: OutputArray | undefined) => S;
  /** Result raster; omit to compute sums only. */
  readonly output?: string;
  /**
   * Sample type of the result raster: `float64` (default), or `float32` for half the size. With
   * float32 the kernel writes each cell rounded to float32 and the kernel's statistics stay float64
   * sums, but the zonal sums add the rounded cells (relative difference ≤ 2⁻²⁴ per cell).
   */
  readonly outputType?: 'float64' | 'float32';
  readonly outNodata?: number;
  /** Unit id raster (e.g. county codes) for zonal sums by unit. */
  readonly zones?: string;
  /** Land-cover raster for zonal sums by ecosystem type. */
  readonly classes?: string;
  /** Input bands to sum by zone beside the result (`value`), e.g. precipitation for area-weighted means. */
  readonly sumInputs?: readonly NoInfer<K>[];
  /** m² per cell; default from a metric grid. */
  readonly cellArea?: number;
  readonly rowsPerBlock?: number;
  /** Called after each block with the rows done so far. */
  readonly onBlock?: (rowsDone: number, rows: number) => void;
}

/** Add the numeric statistics of two passes (counts and sums add; anything else must be numeric too). */
function addStats<S extends KernelStats>(a: S | null, b: S): S {
  if (!a) return { ...b };
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(b)) out[k] = (a as unknown as Record<string, number>)[k]! + (v as number);
  return out as unknown as S;
}

/**
 * Run a kernel over aligned GeoTIFFs block by block: read, compute, write the result raster and add
 * the zonal sums, with one block of each raster in memory at a time.
 */
export async function runRaster<K extends string, S extends KernelStats>(options: RasterRunOptions<K, S>): Promise<RasterRun<S>> {
  const files: Record<string, string> = { ...options.inputs };
  if (options.zones) files.__zones = options.zones;
  if (options.classes) files.__classes = options.classes;
  const rasters = await openAligned(files);
  const ref = Object.values(rasters)[0]!;
  let writer: TiffWriter | null = null;
  try {
    const cellArea = options.cellArea ?? cellAreaOf(ref);
    const outNodata = options.outNodata ?? DEFAULT_OUT_NODATA;
    const layers = ['value', ...(options.sumInputs ?? [])];
    const zonal = options.zones || options.classes ? new ZonalSums(layers, !!options.zones, !!options.classes) : null;
    const outputType = options.outputType ?? 'float64';
    if (outputType !== 'float64' && outputType !== 'float32')
      throw new RangeError(`[gep] runRaster: outputType must be float64 or float32, not ${String(outputType)}`);
    const Out = outputType === 'float32' ? Float32Array : Float64Array;
    if (options.output)
      writer = TiffWriter.create(
        options.output,
        { width: ref.grid.width, height: ref.grid.height, tags: ref.grid.tags },
        { type: outputType, nodata: outNodata },
      );
    let stats: S | null = null;
    let blocks = 0;
    const wantOut = !!options.output || !!zonal;
    for await (const block of readBlocks(rasters, options.rowsPerBlock)) {
      const { __zones, __classes, ...inputs } = block.bands as Record<string, Band>;
      const out = wantOut ? new Out(block.rows * block.width) : undefined;
      stats = addStats(stats, options.kernel(inputs as Record<K, Band>, cellArea, out));
      if (writer && out) writer.write(out);
      if (zonal && out) {
        const summed: Record<string, Band> = { value: { values: out, nodata: outNodata } };
        for (const name of options.sumInputs ?? []) summed[name] = inputs[name]!;
        zonal.add({ ...(__zones ? { zones: __zones } : {}), ...(__classes ? { classes: __classes } : {}), layers: summed });
      }
      blocks++;
      options.onBlock?.(block.y0 + block.rows, ref.grid.height);
    }
    writer?.close();
    writer = null;
    return { stats: stats!, zonal, grid: ref.grid, cellArea, blocks };
  } finally {
    if (writer) {
      try {
        writer.close();
      } catch {
        // the incomplete file is reported by the error that got us here
      }
    }
    await closeAll(Object.values(rasters));
  }
}
