/**
 * The mapping of the GEP account to SEEA EA (SEEA 生态系统核算对照表), read from
 * `seea-ea-mapping.json` and validated once: each indicator to a service of the SEEA EA reference
 * list of ecosystem services (SEEA EA 2021, ch. 6, Table 6.3 — not read; see each row's
 * nameStatus and nameSource), each ecosystem type to the IUCN Global Ecosystem Typology 2.0, the
 * input fields that give the extent of ecosystem types, and the users the input names. Data, not
 * code: every row carries its source and status.
 */
import * as z from 'zod';
import { catalogue, ecosystemTypes } from '../indicators/catalogue.js';
import data from './seea-ea-mapping.json';

const status = z.literal('to-verify');
const nameStatus = z.enum(['quoted', 'recalled']);

const sourceSchema = z.strictObject({ id: z.string(), title: z.string(), url: z.string(), read: z.string(), readZh: z.string() });
const serviceSchema = z.strictObject({
  indicator: z.string(),
  section: z.enum(['provisioning', 'regulating-and-maintenance', 'cultural', 'none']),
  service: z.string().nullable(),
  subService: z.string().nullable(),
  match: z.enum(['close', 'partial', 'method-differs', 'none']),
  nameStatus,
  nameSource: z.string(),
  status,
  note: z.string(),
  noteZh: z.string(),
});
const typeSchema = z.strictObject({
  type: z.string(),
  get: z.string(),
  level: z.enum(['realm', 'biome', 'functional-group']),
  match: z.enum(['close', 'approximate', 'ambiguous']),
  nameStatus,
  nameSource: z.string(),
  status,
  note: z.string(),
  noteZh: z.string(),
});
const extentSourceSchema = z.strictObject({
  indicator: z.string(),
  list: z.string(),
  field: z.string(),
  role: z.enum(['extent', 'part']),
  note: z.string(),
  noteZh: z.string(),
});
const userSchema = z.strictObject({
  indicator: z.string(),
  item: z.string(),
  user: z.enum(['industries', 'households', 'government']),
  allocation: z.enum(['from-input', 'approximate']),
  note: z.string(),
  noteZh: z.string(),
});
const linePartSchema = z.strictObject({
  indicator: z.string(),
  itemPrefix: z.string().min(1),
  label: z.string(),
  labelZh: z.string(),
  match: z.literal('none'),
  note: z.string(),
  noteZh: z.string(),
});
const mappingSchema = z.strictObject({
  note: z.string(),
  noteZh: z.string(),
  sources: z.array(sourceSchema),
  services: z.array(serviceSchema),
  ecosystemTypes: z.array(typeSchema),
  extentSources: z.array(extentSourceSchema),
  users: z.array(userSchema),
  lineParts: z.array(linePartSchema),
});

/** A SEEA EA service matched to a GEP indicator (生态系统服务对照). */
export type SeeaServiceMapping = z.infer<typeof serviceSchema>;
/** An ecosystem type matched to the IUCN Global Ecosystem Typology. */
export type SeeaTypeMapping = z.infer<typeof typeSchema>;
/** An input field that gives the area of an ecosystem type: its whole extent, or a part. */
export type SeeaExtentSource = z.infer<typeof extentSourceSchema>;
/** A user (使用者) that the input names for an account line. */
export type SeeaUserRule = z.infer<typeof userSchema>;
/** Lines of an indicator that form a row of their own, without counterpart. */
export type SeeaLinePart = z.infer<typeof linePartSchema>;
/** The whole mapping. */
export type SeeaMapping = z.infer<typeof mappingSchema>;

let mapping: SeeaMapping | undefined;

/**
 * The SEEA EA mapping (SEEA 对照表): GEP indicators and ecosystem types to SEEA EA and the IUCN GET, validated.
 *
 * @returns the mapping data with sources and status per row
 * @throws {Error} when the data file names an unknown indicator, type or source (a test runs it)
 * @example
 * seeaMapping().services.find((s) => s.indicator === 'regulating.carbon-sequestration')?.service
 * //=> 'Global climate regulation services'
 */
export function seeaMapping(): SeeaMapping {
  if (mapping) return mapping;
  const m = mappingSchema.parse(data);
  const sourceIds = new Set(m.sources.map((s) => s.id));
  const problems: string[] = [];
  const checkSources = (text: string, where: string) => {
    for (const id of text.split(';').map((s) => s.trim().split(' ')[0]!))
      if (!sourceIds.has(id)) problems.push(`${where}: unknown source "${id}"`);
  };
  for (const s of m.services) {
    if (!catalogue().has(s.indicator)) problems.push(`services: unknown indicator ${s.indicator}`);
    if ((s.match === 'none') !== (s.service === null))
      problems.push(`services: ${s.indicator} has match ${s.match} but service ${s.service}`);
    checkSources(s.nameSource, s.indicator);
  }
  for (const id of catalogue().keys()) if (!m.services.some((s) => s.indicator === id)) problems.push(`services: no row for ${id}`);
  for (const t of m.ecosystemTypes) {
    if (!ecosystemTypes().has(t.type)) problems.push(`ecosystemTypes: unknown type ${t.type}`);
    checkSources(t.nameSource, t.type);
  }
  for (const id of ecosystemTypes().keys())
    if (!m.ecosystemTypes.some((t) => t.type === id)) problems.push(`ecosystemTypes: no row for ${id}`);
  for (const e of [...m.extentSources, ...m.users, ...m.lineParts])
    if (!catalogue().has(e.indicator)) problems.push(`unknown indicator ${e.indicator}`);
  if (problems.length) throw new Error(`[gep] seea-ea-mapping.json: ${problems.join('; ')}`);
  mapping = m;
  return m;
}

/**
 * The SEEA EA service of an indicator (指标对应的生态系统服务).
 *
 * @param indicator - indicator id, e.g. `regulating.climate-regulation`
 * @returns its mapping row: service, match, name status, source, note
 * @throws {Error} for an indicator outside the catalogue
 * @example
 * serviceMapping('regulating.climate-regulation').match   //=> 'method-differs'
 */
export function serviceMapping(indicator: string): SeeaServiceMapping {
  const row = seeaMapping().services.find((s) => s.indicator === indicator);
  if (!row) throw new Error(`[gep] no SEEA mapping for ${indicator}`);
  return row;
}

/**
 * The IUCN GET class of an ecosystem type (生态系统类型对应的 IUCN GET 类别).
 *
 * @param type - ecosystem type id, e.g. `cropland`
 * @returns its mapping row, or undefined for a type without one
 * @example
 * typeMapping('cropland')?.get   //=> 'T7.1 Annual croplands'
 */
export function typeMapping(type: string): SeeaTypeMapping | undefined {
  return seeaMapping().ecosystemTypes.find((t) => t.type === type);
}
