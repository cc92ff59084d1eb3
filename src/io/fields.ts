/**
 * The input fields a table may address (可填报字段), derived from the zod schemas: the account
 * envelope (region, years, profile, overrides …) and every registered indicator's `inputSchema`,
 * with units and descriptions from the indicator's `spec.inputs`. Nothing here lists indicators
 * or fields by hand: a new module or input block is importable as soon as it is registered.
 *
 * A field is addressed by its spec path: `products[].quantity`, `reportedOutput.gross-output`,
 * `region.area`, `coefficientOverrides[].value`. Lists (`[]`) may sit at any depth but not inside
 * another list; the lines of a list are told apart by the table's item and ecosystem-type columns.
 */
import type { z } from 'zod';
import { accountEnvelopeSchema } from '../accounts/input.js';
import { decimalText } from '../indicators/input-schema.js';
import { INDICATORS } from '../indicators/registry.js';
import type { IndicatorModule, InputFieldSpec } from '../indicators/types.js';
import { localIndicatorsOf } from '../indicators/local/attach.js';
import type { Profile } from '../profiles/profiles.js';
import { cleanText, fieldWord, toHalfWidth } from './normalise.js';

/** The block id of the account envelope in tables. */
export const ACCOUNT_BLOCK = 'account';

/** What a field holds, and so how a cell is read. */
export type FieldKind =
  /** `{ value, unit [, priceYear] }`: the value, unit and price-year columns fill it. */
  | 'measure'
  | 'text'
  /** Decimal text outside a measure (a coefficient, a demand-curve parameter). */
  | 'decimal'
  | 'integer'
  | 'boolean';

/** One addressable input field. */
export interface FieldDef {
  /** `account` or the indicator id. */
  readonly block: string;
  /** Spec notation: `products[].quantity`, `region.area`, `coefficientOverrides[].value`. */
  readonly path: string;
  /** Segments from the block to the list, or `null` for a field outside any list. */
  readonly listSegments: readonly string[] | null;
  /** Segments from the list element (or the block) to the field; for a measure, to its object. */
  readonly segments: readonly string[];
  readonly kind: FieldKind;
  /** A measure with a `priceYear`. */
  readonly priceYear: boolean;
  readonly required: boolean;
  /** Allowed values of an enum text, or of a measure's unit. */
  readonly options: readonly string[] | null;
  /** The list column that carries this field instead of a row (`item`, `ecosystemType`), if any. */
  readonly keyColumn: 'item' | 'ecosystemType' | null;
  /** The indicator spec's description, when the spec lists this path. */
  readonly spec: InputFieldSpec | null;
}

/** A list of lines and the element fields its item and ecosystem-type columns fill. */
export interface ListDef {
  readonly segments: readonly string[];
  /** Element field filled from the item column: the first required text field (`item`, `use`, `source`, `id`), else an optional `item`. */
  readonly itemField: string | null;
  /** `ecosystemType` when the element has one. */
  readonly ecoField: string | null;
}

/** The fields of one block. */
export interface BlockDef {
  readonly id: string;
  readonly fields: readonly FieldDef[];
  readonly byPath: ReadonlyMap<string, FieldDef>;
  readonly lists: ReadonlyMap<string, ListDef>;
  /** Paths of schema parts a table cannot address (records, unions, lists inside lists). */
  readonly unsupported: readonly string[];
}

type AnySchema = z.core.$ZodType;
interface Def {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  element?: AnySchema;
  shape?: Record<string, AnySchema>;
  entries?: Record<string, string>;
  values?: readonly unknown[];
}
const defOf = (s: AnySchema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(s: AnySchema): { schema: AnySchema; optional: boolean } {
  let optional = false;
  for (;;) {
    const d = defOf(s);
    if (d.type === 'optional' || d.type === 'default' || d.type === 'prefault') optional = true;
    if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(d.type) && d.innerType)
      s = d.innerType;
    else if (d.type === 'pipe' && d.in) s = d.in;
    else return { schema: s, optional };
  }
}

const typeOf = (s: AnySchema) => defOf(unwrap(s).schema).type;
const isTextType = (t: string) => t === 'string' || t === 'enum' || t === 'literal';

function enumOptions(s: AnySchema): string[] | null {
  const d = defOf(unwrap(s).schema);
  if (d.type === 'enum' && d.entries) return Object.values(d.entries).map(String);
  if (d.type === 'literal' && d.values) return d.values.map(String);
  return null;
}

const MEASURE_KEYS = new Set(['value', 'unit', 'priceYear']);
function isMeasureShape(shape: Record<string, AnySchema>): boolean {
  return 'value' in shape && 'unit' in shape && typeOf(shape.value!) === 'string';
}

function pathText(listSegments: readonly string[] | null, segments: readonly string[]): string {
  if (!listSegments) return segments.join('.');
  return `${listSegments.join('.')}[]${segments.length ? `.${segments.join('.')}` : ''}`;
}

/** Walk a block's schema into its fields. */
function walkBlock(id: string, entries: readonly [string, AnySchema][], specs: readonly InputFieldSpec[]): BlockDef {
  const fields: FieldDef[] = [];
  const lists = new Map<string, ListDef>();
  const unsupported: string[] = [];
  const specByPath = new Map(specs.map((s) => [s.path, s]));

  const walk = (
    schema: AnySchema,
    listSegments: string[] | null,
    segments: string[],
    required: boolean,
    keyColumn: FieldDef['keyColumn'],
  ) => {
    const { schema: s, optional } = unwrap(schema);
    const d = defOf(s);
    const req = required && !optional;
    const leaf = (kind: FieldKind, extra: Partial<FieldDef> = {}) => {
      const path =
        kind === 'measure' && listSegments && segments.length === 0 ? pathText(listSegments, ['value']) : pathText(listSegments, segments);
      fields.push({
        block: id,
        path,
        listSegments,
        segments,
        kind,
        priceYear: false,
        required: req,
        options: null,
        keyColumn,
        spec: specByPath.get(path) ?? null,
        ...extra,
      });
    };
    switch (d.type) {
      case 'object': {
        const shape = d.shape ?? {};
        if (isMeasureShape(shape)) {
          leaf('measure', { priceYear: 'priceYear' in shape, options: enumOptions(shape.unit!) });
          for (const [k, v] of Object.entries(shape)) if (!MEASURE_KEYS.has(k)) walk(v, listSegments, [...segments, k], true, null);
          return;
        }
        for (const [k, v] of Object.entries(shape)) walk(v, listSegments, [...segments, k], req, null);
        return;
      }
      case 'array': {
        const element = unwrap(d.element!).schema;
        const ed = defOf(element);
        if (listSegments || ed.type !== 'object') {
          unsupported.push(pathText(listSegments, segments));
          return;
        }
        const shape = ed.shape ?? {};
        const measure = isMeasureShape(shape);
        const textKeys = Object.entries(shape).filter(([k, v]) => isTextType(typeOf(v)) && !(measure && MEASURE_KEYS.has(k)));
        const ecoField = 'ecosystemType' in shape ? 'ecosystemType' : null;
        const itemField = textKeys.find(([k, v]) => k !== ecoField && !unwrap(v).optional)?.[0] ?? ('item' in shape ? 'item' : null);
        lists.set(segments.join('.'), { segments, itemField, ecoField });
        if (measure) {
          walk(element, segments, [], true, null);
          return;
        }
        for (const [k, v] of Object.entries(shape)) {
          walk(v, segments, [k], true, k === itemField ? 'item' : k === ecoField ? 'ecosystemType' : null);
        }
        return;
      }
      case 'string':
        leaf(s === (decimalText as unknown as AnySchema) ? 'decimal' : 'text');
        return;
      case 'enum':
      case 'literal':
        leaf('text', { options: enumOptions(s) });
        return;
      case 'number':
      case 'int':
        leaf('integer');
        return;
      case 'boolean':
        leaf('boolean');
        return;
      default:
        unsupported.push(pathText(listSegments, segments));
    }
  };
  for (const [k, v] of entries) walk(v, null, [k], true, null);
  return { id, fields, byPath: new Map(fields.map((f) => [f.path, f])), lists, unsupported };
}

let blocks: ReadonlyMap<string, BlockDef> | undefined;

function indicatorBlock(id: string, m: IndicatorModule<unknown>): BlockDef {
  const shape = defOf(unwrap(m.inputSchema as unknown as AnySchema).schema).shape ?? {};
  return walkBlock(id, Object.entries(shape), m.spec.inputs);
}

/** The blocks of a profile's local indicators, made once per module. */
const LOCAL_BLOCKS = new WeakMap<IndicatorModule<unknown>, BlockDef>();

/**
 * Every block a table may fill: the account envelope and each registered indicator, and with a
 * profile, its local indicators (src/indicators/local/) too.
 */
export function tableBlocks(profile?: Profile): ReadonlyMap<string, BlockDef> {
  if (!blocks) {
    const out = new Map<string, BlockDef>();
    const envelope = (accountEnvelopeSchema as unknown as { shape: Record<string, AnySchema> }).shape;
    out.set(
      ACCOUNT_BLOCK,
      walkBlock(
        ACCOUNT_BLOCK,
        Object.entries(envelope).filter(([k]) => k !== '$schema' && k !== 'indicators'),
        [],
      ),
    );
    for (const [id, m] of INDICATORS) out.set(id, indicatorBlock(id, m));
    blocks = out;
  }
  const local = profile && localIndicatorsOf(profile);
  if (!local) return blocks;
  return new Map([...blocks, ...[...local.modules].map(([id]) => [id, tableBlock(id, profile)!] as const)]);
}

/** The block of an id (a local indicator's under its profile), or `undefined`. */
export function tableBlock(id: string, profile?: Profile): BlockDef | undefined {
  const local = profile && localIndicatorsOf(profile)?.modules.get(id);
  if (!local) return tableBlocks().get(id);
  let block = LOCAL_BLOCKS.get(local);
  if (!block) LOCAL_BLOCKS.set(local, (block = indicatorBlock(id, local)));
  return block;
}

const bare = (p: string) => p.replace(/\[\]/g, '');
const lastSegment = (f: FieldDef) =>
  f.segments.length ? f.segments[f.segments.length - 1]! : f.listSegments![f.listSegments!.length - 1]!;

/**
 * The field a field cell or a wide-table header names: the spec path (`products[].quantity`),
 * the path without brackets (`products.quantity`), or, when unique in the block, its last name
 * (`quantity`) or a Chinese word for it (`产量`).
 */
export function resolveField(block: BlockDef, text: string): FieldDef | null {
  const t = cleanText(toHalfWidth(text));
  const exact = block.byPath.get(t) ?? block.fields.find((f) => bare(f.path) === bare(t));
  if (exact) return exact;
  const word = fieldWord(t);
  const named = block.fields.filter((f) => lastSegment(f) === word || lastSegment(f) === t);
  return named.length === 1 ? named[0]! : null;
}
