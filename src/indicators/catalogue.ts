/** The indicator catalogue (生态产品清单) and the ecosystem types, loaded from JSON and validated. */
import * as z from 'zod';
import { isKnownUnit } from '../units/units.js';
import catalogueData from './catalogue.json';
import ecosystemTypeData from './ecosystem-types.json';
import type { CatalogueEntry } from './types.js';

const entrySchema = z.strictObject({
  id: z.string().regex(/^(material|regulating|cultural)\.[a-z-]+$/),
  category: z.enum(['material', 'regulating', 'cultural']),
  zh: z.string().min(1),
  en: z.string().min(1),
  physicalUnit: z.string().refine(isKnownUnit, 'a known unit'),
  valueUnit: z.literal('元'),
  clauses: z.array(z.strictObject({ source: z.string(), clause: z.string().min(1), status: z.enum(['verified', 'to-verify']) })).min(1),
});

const typeSchema = z.strictObject({ id: z.string(), zh: z.string(), en: z.string(), parent: z.string().nullable() });

/** An ecosystem type (生态系统类型); level-2 types name their level-1 parent. */
export type EcosystemType = z.infer<typeof typeSchema>;

let entries: ReadonlyMap<string, CatalogueEntry> | undefined;
let types: ReadonlyMap<string, EcosystemType> | undefined;

/** Every catalogue entry, by id. */
export function catalogue(): ReadonlyMap<string, CatalogueEntry> {
  entries ??= new Map(
    z
      .array(entrySchema)
      .parse(catalogueData.indicators)
      .map((e) => {
        if (!e.id.startsWith(`${e.category}.`)) throw new Error(`[gep] catalogue: ${e.id} is not in category ${e.category}`);
        return [e.id, e];
      }),
  );
  return entries;
}

/** A catalogue entry; throws for an unknown id. */
export function catalogueEntry(id: string): CatalogueEntry {
  const e = catalogue().get(id);
  if (!e) throw new Error(`[gep] "${id}" is not in the indicator catalogue`);
  return e;
}

/** Every ecosystem type, by id. */
export function ecosystemTypes(): ReadonlyMap<string, EcosystemType> {
  types ??= new Map(
    z
      .array(typeSchema)
      .parse(ecosystemTypeData.types)
      .map((t) => [t.id, t]),
  );
  return types;
}

/** The name of an ecosystem type in a language (its id when unknown: the id is what the input gave). */
export function ecosystemTypeName(id: string, lang: 'en' | 'zh'): string {
  const t = ecosystemTypes().get(id);
  return t ? t[lang] : id;
}

/** The level-1 type of an ecosystem type (`evergreen-broadleaf-forest` → `forest`). */
export function level1Type(id: string): string {
  const t = ecosystemTypes().get(id);
  return t?.parent ?? id;
}
