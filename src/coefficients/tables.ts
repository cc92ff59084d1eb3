/**
 * The registry of coefficient tables and the source register. Tables ship as generated data
 * (src/coefficients/generated/data.ts, made from the reviewed CSV files) and are validated by zod
 * the first time they are read.
 */
import * as z from 'zod';
import { isDecimalText } from '../numbers/arithmetic.js';
import { isKnownUnit } from '../units/units.js';
import { SOURCES_DATA, TABLES_DATA } from './generated/data.js';
import type { Coefficient, CoefficientTable, Source } from './types.js';

const yearText = z.string().regex(/^(\d{4})?$/, 'a four-digit year or empty');
const toYear = (y: string): number | null => (y === '' ? null : Number(y));

const sourceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  issuer: z.string().min(1),
  year: yearText,
  url: z.string(),
  note: z.string(),
});

const rowSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'lower-case id with dots and hyphens'),
  symbol: z.string(),
  value: z.string().refine(isDecimalText, 'a decimal number or a fraction such as 44/12'),
  unit: z.string().refine(isKnownUnit, 'a known unit'),
  source: z.string().min(1),
  clause: z.string().min(1),
  priceYear: yearText,
  status: z.enum(['verified', 'derived', 'to-verify']),
  note: z.string(),
  /** `yes`: another region's local value, kept as a warned fallback (absent in tables before national-2022/1.1.0). */
  needsLocalValue: z.enum(['yes', '']).optional(),
});

export const coefficientTableSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  title: z.strictObject({ zh: z.string(), en: z.string() }),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  note: z.string(),
  /** A version that repeats another table version with some rows replaced or added. */
  extends: z
    .string()
    .regex(/^[a-z0-9-]+\/\d+\.\d+\.\d+$/)
    .optional(),
  rows: z.array(rowSchema),
});

let sourcesCache: ReadonlyMap<string, Source> | undefined;
let tablesCache: ReadonlyMap<string, CoefficientTable> | undefined;

/** The source register, by document id. */
export function sources(): ReadonlyMap<string, Source> {
  sourcesCache ??= new Map(
    SOURCES_DATA.map((raw) => {
      const s = sourceSchema.parse(raw);
      return [s.id, { ...s, year: toYear(s.year) }];
    }),
  );
  return sourcesCache;
}

function loadTables(): ReadonlyMap<string, CoefficientTable> {
  const register = sources();
  const out = new Map<string, CoefficientTable>();
  const parsed = TABLES_DATA.map((raw) => coefficientTableSchema.parse(raw));
  // A table that extends another is loaded after it.
  const ordered = [...parsed].sort((a, b) => Number(a.extends !== undefined) - Number(b.extends !== undefined));
  for (const t of ordered) {
    const key = `${t.id}/${t.version}`;
    const seen = new Set<string>();
    const rows: Coefficient[] = t.rows.map((row) => {
      if (seen.has(row.id)) throw new Error(`[gep] table ${key}: coefficient "${row.id}" appears twice`);
      seen.add(row.id);
      if (!register.has(row.source)) throw new Error(`[gep] table ${key}: coefficient "${row.id}" cites unknown source "${row.source}"`);
      const { needsLocalValue, ...rest } = row;
      return { ...rest, priceYear: toYear(row.priceYear), ...(needsLocalValue === 'yes' ? { needsLocalValue: true } : {}) };
    });
    let merged = rows;
    if (t.extends) {
      const base = out.get(t.extends);
      if (!base) throw new Error(`[gep] table ${key} extends unknown table ${t.extends}`);
      const own = new Map(rows.map((r) => [r.id, r]));
      merged = [...base.rows.map((r) => own.get(r.id) ?? r), ...rows.filter((r) => !base.rows.some((b) => b.id === r.id))];
    }
    const { extends: extendsKey, ...meta } = t;
    out.set(key, { ...meta, key, rows: merged, ...(extendsKey ? { extends: extendsKey } : {}) });
  }
  return out;
}

/** Every shipped table version, keyed `id/version`. */
export function coefficientTables(): ReadonlyMap<string, CoefficientTable> {
  tablesCache ??= loadTables();
  return tablesCache;
}

/** A table by key (`national-2022/1.0.0`); throws with the list of known keys. */
export function getCoefficientTable(key: string): CoefficientTable {
  const table = coefficientTables().get(key);
  if (!table) throw new Error(`[gep] unknown coefficient table "${key}"; known: ${[...coefficientTables().keys()].join(', ')}`);
  return table;
}
