/**
 * Zonal sums (分区统计): per-cell values added up by administrative unit (an id raster, e.g. GB/T 2260
 * county codes) and by ecosystem type (a land-cover raster), block by block, then turned into the
 * tabular inputs the indicator modules take. A cell counts only when its zone, its class and every
 * summed layer are present; the others are counted, never silently dropped.
 */
import { isMissing, nodataOf, type Band } from './cells.js';

/** One (unit, class) group: cells counted and the sum of each layer over them. */
export interface ZonalRow {
  /** Unit id from the zone raster, or null when no zone raster was given. */
  readonly zone: number | null;
  /** Land-cover class from the class raster, or null when none was given. */
  readonly cls: number | null;
  readonly cells: number;
  /** Σ of each layer over the group's cells, in the layer's per-cell unit. */
  readonly sums: Readonly<Record<string, number>>;
}

/** Cells left out of every group, and why. */
export interface ZonalSkipped {
  /** Zone or class missing (nodata), or not a non-negative integer. */
  readonly noZone: number;
  /** A summed layer was nodata in that cell. */
  readonly noValue: number;
}

const CLASS_SPAN = 65_536;

/** Accumulates layer sums by (zone, class) over any number of blocks. */
export class ZonalSums {
  private readonly index = new Map<number, number>();
  private readonly keys: number[] = [];
  private counts: Float64Array = new Float64Array(64);
  /** Neumaier sums and compensations, layer-major: [layer][group]. */
  private sums: Float64Array[];
  private comps: Float64Array[];
  private noZone = 0;
  private noValue = 0;

  constructor(
    readonly layers: readonly string[],
    readonly hasZones: boolean,
    readonly hasClasses: boolean,
  ) {
    this.sums = layers.map(() => new Float64Array(64));
    this.comps = layers.map(() => new Float64Array(64));
  }

  private group(key: number): number {
    let g = this.index.get(key);
    if (g === undefined) {
      g = this.keys.length;
      this.keys.push(key);
      this.index.set(key, g);
      if (g >= this.counts.length) {
        const grow = (a: Float64Array) => {
          const b = new Float64Array(a.length * 2);
          b.set(a);
          return b;
        };
        this.counts = grow(this.counts);
        this.sums = this.sums.map(grow);
        this.comps = this.comps.map(grow);
      }
    }
    return g;
  }

  /** Add one block: zone and class bands (when the sums have them) and one band per layer, all of the same length. */
  add(block: { readonly zones?: Band; readonly classes?: Band; readonly layers: Readonly<Record<string, Band>> }): void {
    const bands = this.layers.map((name) => {
      const b = block.layers[name];
      if (!b) throw new RangeError(`[gep] zonal sums: the block has no layer "${name}"`);
      return b;
    });
    if (this.hasZones !== !!block.zones || this.hasClasses !== !!block.classes) {
      throw new RangeError('[gep] zonal sums: every block must carry the same zone and class bands');
    }
    const n = bands[0]?.values.length ?? block.zones?.values.length ?? block.classes?.values.length ?? 0;
    for (const b of [...bands, block.zones, block.classes]) {
      if (b && b.values.length !== n) throw new RangeError(`[gep] zonal sums: bands of ${b.values.length} and ${n} cells in one block`);
    }
    const Z = block.zones?.values;
    const C = block.classes?.values;
    const zNd = block.zones ? nodataOf(block.zones) : Number.NaN;
    const cNd = block.classes ? nodataOf(block.classes) : Number.NaN;
    const values = bands.map((b) => b.values);
    const nds = bands.map((b) => nodataOf(b));
    const L = values.length;
    let lastKey = -1;
    let lastGroup = -1;
    cells: for (let i = 0; i < n; i++) {
      const z = Z ? Z[i]! : 0;
      const c = C ? C[i]! : 0;
      if (
        (Z && isMissing(z, zNd)) ||
        (C && isMissing(c, cNd)) ||
        !Number.isInteger(z) ||
        !Number.isInteger(c) ||
        z < 0 ||
        c < 0 ||
        c >= CLASS_SPAN
      ) {
        this.noZone++;
        continue;
      }
      for (let l = 0; l < L; l++) {
        if (isMissing(values[l]![i]!, nds[l]!)) {
          this.noValue++;
          continue cells;
        }
      }
      const key = z * CLASS_SPAN + c;
      const g = key === lastKey ? lastGroup : this.group(key);
      lastKey = key;
      lastGroup = g;
      this.counts[g]! += 1;
      for (let l = 0; l < L; l++) {
        const s = this.sums[l]!;
        const comp = this.comps[l]!;
        const x = values[l]![i]!;
        const old = s[g]!;
        const t = old + x;
        comp[g]! += Math.abs(old) >= Math.abs(x) ? old - t + x : x - t + old;
        s[g] = t;
      }
    }
  }

  /** The groups, sorted by zone then class. */
  rows(): ZonalRow[] {
    return this.keys
      .map((key, g) => ({
        zone: this.hasZones ? Math.floor(key / CLASS_SPAN) : null,
        cls: this.hasClasses ? key % CLASS_SPAN : null,
        cells: this.counts[g]!,
        sums: Object.fromEntries(this.layers.map((name, l) => [name, this.sums[l]![g]! + this.comps[l]![g]!])),
      }))
      .sort((a, b) => (a.zone ?? 0) - (b.zone ?? 0) || (a.cls ?? 0) - (b.cls ?? 0));
  }

  skipped(): ZonalSkipped {
    return { noZone: this.noZone, noValue: this.noValue };
  }
}

/** A land-cover class code → ecosystem type id (`ecosystem-types.json`), e.g. `{ 21: 'deciduous-broadleaf-forest' }`. */
export type ClassMap = Readonly<Record<number, string>>;

function typeOf(row: ZonalRow, classMap: ClassMap | undefined, what: string): string {
  if (row.cls === null) throw new RangeError(`[gep] ${what}: the zonal sums have no land-cover classes`);
  const type = classMap?.[row.cls];
  if (!type) throw new RangeError(`[gep] ${what}: land-cover class ${row.cls} has no ecosystem type in the class map`);
  return type;
}

/** Decimal text of a float for an indicator input: the shortest form that reads back to the same double. */
const text = (x: number) => {
  if (!Number.isFinite(x)) throw new RangeError(`[gep] zonal sums: a non-finite value ${x}`);
  return String(x);
};

function byZone<R>(rows: readonly ZonalRow[], make: (row: ZonalRow) => R): Map<number | null, R[]> {
  const out = new Map<number | null, R[]>();
  for (const row of rows) {
    if (row.cells === 0) continue;
    const list = out.get(row.zone) ?? [];
    list.push(make(row));
    out.set(row.zone, list);
  }
  return out;
}

/**
 * The `regulating.water-conservation` input of each unit, from zonal sums of the precipitation and
 * evapotranspiration layers (mm per cell): area = cells × a (km²), P and ET the area-weighted means
 * (mm). α then comes from the coefficient table by ecosystem type, as in any account.
 */
export function waterConservationInputs(
  zonal: ZonalSums,
  options: {
    readonly classMap: ClassMap;
    readonly cellArea: number;
    readonly precipitation?: string;
    readonly evapotranspiration?: string;
  },
): Map<
  number | null,
  {
    ecosystems: {
      ecosystemType: string;
      area: { value: string; unit: 'km²' };
      precipitation: { value: string; unit: 'mm' };
      evapotranspiration: { value: string; unit: 'mm' };
    }[];
  }
> {
  const p = options.precipitation ?? 'precipitation';
  const et = options.evapotranspiration ?? 'evapotranspiration';
  const grouped = byZone(zonal.rows(), (row) => ({
    ecosystemType: typeOf(row, options.classMap, 'water conservation inputs'),
    area: { value: text((row.cells * options.cellArea) / 1e6), unit: 'km²' as const },
    precipitation: { value: text(row.sums[p]! / row.cells), unit: 'mm' as const },
    evapotranspiration: { value: text(row.sums[et]! / row.cells), unit: 'mm' as const },
  }));
  return new Map([...grouped].map(([zone, ecosystems]) => [zone, { ecosystems }]));
}

/**
 * The `regulating.carbon-sequestration` (or `regulating.oxygen-release`, variant nep) input of each
 * unit, from zonal sums of a layer holding NEP in t C per cell (the NEP kernel with factor 1).
 */
export function nepInputs(
  zonal: ZonalSums,
  options: { readonly classMap: ClassMap; readonly layer?: string },
): Map<number | null, { ecosystems: { ecosystemType: string; nep: { value: string; unit: 't C/a' } }[] }> {
  const layer = options.layer ?? 'value';
  const grouped = byZone(zonal.rows(), (row) => ({
    ecosystemType: typeOf(row, options.classMap, 'NEP inputs'),
    nep: { value: text(row.sums[layer]!), unit: 't C/a' as const },
  }));
  return new Map([...grouped].map(([zone, ecosystems]) => [zone, { ecosystems }]));
}

/** A per-unit, per-type table of one summed layer (soil retained, sand fixed …) with its unit and area. */
export function zonalTable(
  zonal: ZonalSums,
  options: { readonly classMap?: ClassMap; readonly cellArea: number; readonly layer?: string; readonly unit: string },
): {
  zone: number | null;
  ecosystemType: string | null;
  cells: number;
  area: { value: string; unit: 'km²' };
  quantity: { value: string; unit: string };
}[] {
  const layer = options.layer ?? 'value';
  return zonal
    .rows()
    .filter((r) => r.cells > 0)
    .map((row) => ({
      zone: row.zone,
      ecosystemType: row.cls === null ? null : typeOf(row, options.classMap, 'zonal table'),
      cells: row.cells,
      area: { value: text((row.cells * options.cellArea) / 1e6), unit: 'km²' },
      quantity: { value: text(row.sums[layer]!), unit: options.unit },
    }));
}
