/**
 * The ecosystem extent account (生态系统范围账户, SEEA EA ch. 4): the area of each ecosystem type at
 * the start and the end of the period, from the areas the account input gives.
 *
 * Several indicator blocks carry areas by ecosystem type (water conservation, soil retention, sand
 * fixation, air purification, …), and some carry the area of a part of a type only (stands where
 * species or negative ions were surveyed, natural stands for pest control, a named marsh). The rule,
 * with the fields and their order in `seea-ea-mapping.json` (`extentSources`):
 *
 *   1. The extent of a type is the area that the first extent source, in the listed order, gives for
 *      it (areas of one source that name the same type twice are added: two patches).
 *   2. Every other extent source that gives the same type another area is flagged
 *      (`extent-inconsistent`, with all the values), never averaged.
 *   3. A part larger than the extent of its type is flagged (`extent-part-exceeds`); a type that only
 *      parts name has no extent (`extent-part-only`) and is not counted.
 *   4. A level-1 type given beside its own level-2 types is flagged and not counted (the finer
 *      classification wins), so no area counts twice.
 *   5. With the region's area, the area no type accounts for is shown as "not classified by the
 *      input"; a sum above the region's area is flagged (`extent-exceeds-region`).
 *
 * Blocks the profile does not account are read too: an area is a fact about the region, whatever
 * the profile values. Areas in km², converted from the unit given. Opening and closing stocks come
 * from two inputs (the previous period's and this one's); additions and reductions cannot be told
 * apart from two stocks, so only the net change is shown.
 */
import { ecosystemTypes, level1Type } from '../indicators/catalogue.js';
import { formatPath, type GepWarning } from '../errors/errors.js';
import { makeWarning } from '../errors/warnings/index.js';
import type { Text } from '../indicators/compute.js';
import { decimalArithmetic as A, isDecimalText, type GepDecimal } from '../numbers/arithmetic.js';
import { convert, sameDimensionUnits, isKnownUnit } from '../units/units.js';
import { seeaMapping, typeMapping, type SeeaExtentSource, type SeeaTypeMapping } from './mapping.js';

/** Unit of the extent account. */
export const EXTENT_UNIT = 'km²';

/** Where an area was read. */
export interface AreaSource {
  readonly indicator: string;
  readonly path: readonly (string | number)[];
}

/** One ecosystem type of the extent account; areas in km² as decimal strings. */
export interface ExtentRow {
  readonly ecosystemType: string;
  readonly zh: string;
  readonly en: string;
  readonly level1: string;
  /** The IUCN GET class it maps to, with match and status. */
  readonly get: SeeaTypeMapping | null;
  readonly opening: string | null;
  readonly closing: string | null;
  /** closing − opening, when both are known. */
  readonly netChange: string | null;
  /** The field the closing extent was read from (the opening's when there is no closing). */
  readonly source: AreaSource | null;
  /** False when the row is not added to the total (part only, or a level-1 type beside its level-2 types). */
  readonly counted: boolean;
  /** Codes of the warnings about this row. */
  readonly flags: readonly string[];
}

/** The extent account. */
export interface ExtentAccount {
  readonly unit: 'km²';
  readonly rule: string;
  readonly ruleZh: string;
  readonly rows: readonly ExtentRow[];
  /** Counted rows summed by level-1 type. */
  readonly byLevel1: readonly {
    readonly type: string;
    readonly zh: string;
    readonly en: string;
    readonly opening: string | null;
    readonly closing: string | null;
  }[];
  readonly total: { readonly opening: string | null; readonly closing: string };
  /** The region's area and the area no type accounts for (region − total, when not negative). */
  readonly region: {
    readonly opening: string | null;
    readonly closing: string | null;
    readonly unclassifiedOpening: string | null;
    readonly unclassifiedClosing: string | null;
  };
  readonly warnings: readonly GepWarning[];
}

/** The rule, in one sentence, written into the result. */
export const EXTENT_RULE =
  'extent of a type = the area of the first extent source that names it (order: seea-ea-mapping.json extentSources); other sources that differ, parts larger than their type, parts without an extent and a level-1 type beside its level-2 types are flagged, not averaged or added';
/** `EXTENT_RULE` in Chinese. */
export const EXTENT_RULE_ZH =
  '某类型的范围 = 首个给出该类型的范围来源中的面积（顺序见 seea-ea-mapping.json 的 extentSources）；其他来源与之不同、局部面积大于其类型、只有局部面积而无范围，以及一级类型与其二级类型同时给出，均予标记，不做平均或相加';

interface Stock {
  /** type → km² and where it was read. */
  readonly extent: Map<string, { value: GepDecimal; source: AreaSource }>;
  /** type → km² of the parts, for types no extent source names. */
  readonly partsOnly: Map<string, GepDecimal>;
  readonly region: GepDecimal | null;
  readonly flags: Map<string, string[]>;
  readonly warnings: GepWarning[];
}

type Json = Record<string, unknown>;
/** Prefix of the warnings about the opening stock. */
const OPENING = { en: 'opening: ', zh: '期初：' };
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An area measure as km², or a reason why not. */
function areaKm2(v: unknown): { readonly km2: GepDecimal } | { readonly reason: { en: string; zh: string } } {
  if (!isObject(v) || typeof v.value !== 'string' || typeof v.unit !== 'string')
    return { reason: { en: 'not a { value, unit } measure', zh: '不是 { value, unit } 形式的量' } };
  if (!isDecimalText(v.value)) return { reason: { en: `"${v.value}" is not a decimal number`, zh: `"${v.value}" 不是十进制数` } };
  if (!isKnownUnit(v.unit) || !sameDimensionUnits(v.unit, EXTENT_UNIT))
    return { reason: { en: `"${v.unit}" is not an area unit`, zh: `"${v.unit}" 不是面积单位` } };
  return { km2: convert(A, A.fromString(v.value), v.unit, EXTENT_UNIT) };
}

/** Sum of the areas one source gives, by type. */
function readSource(
  input: Json,
  s: SeeaExtentSource,
  warnings: GepWarning[],
  period: Text,
): Map<string, { value: GepDecimal; source: AreaSource }> {
  const out = new Map<string, { value: GepDecimal; source: AreaSource }>();
  const indicators = isObject(input.indicators) ? input.indicators : {};
  const block = indicators[s.indicator];
  const list = isObject(block) ? block[s.list] : undefined;
  if (!Array.isArray(list)) return out;
  list.forEach((entry, i) => {
    if (!isObject(entry) || !(s.field in entry)) return;
    const path = ['indicators', s.indicator, s.list, i, s.field];
    const type = entry.ecosystemType;
    const area = areaKm2(entry[s.field]);
    if (typeof type !== 'string' || !ecosystemTypes().has(type) || 'reason' in area) {
      const reason =
        'reason' in area
          ? area.reason
          : { en: `ecosystem type ${JSON.stringify(type)} unknown`, zh: `生态系统类型 ${JSON.stringify(type)} 未知` };
      warnings.push(makeWarning('extent-unreadable', { indicator: s.indicator, path, params: { period, path: formatPath(path), reason } }));
      return;
    }
    const prior = out.get(type);
    out.set(type, { value: prior ? A.add(prior.value, area.km2) : area.km2, source: prior?.source ?? { indicator: s.indicator, path } });
  });
  return out;
}

function flag(stock: Stock, type: string, code: string): void {
  stock.flags.set(type, [...(stock.flags.get(type) ?? []), code]);
}

/** The extent stock of one input. `period` prefixes its warnings ("opening: "). */
function readStock(input: unknown, period: Text): Stock {
  const json = isObject(input) ? input : {};
  const warnings: GepWarning[] = [];
  const stock: Stock = { extent: new Map(), partsOnly: new Map(), region: null, flags: new Map(), warnings };
  const bySource = seeaMapping().extentSources.map((s) => ({ s, areas: readSource(json, s, warnings, period) }));
  const typeText = (type: string) => ({ en: type, zh: ecosystemTypes().get(type)?.zh ?? type });
  for (const { s, areas } of bySource.filter((x) => x.s.role === 'extent')) {
    for (const [type, a] of areas) {
      const chosen = stock.extent.get(type);
      if (!chosen) stock.extent.set(type, a);
      else if (A.compare(chosen.value, a.value) !== 0) {
        flag(stock, type, 'extent-inconsistent');
        warnings.push(
          makeWarning('extent-inconsistent', {
            indicator: s.indicator,
            path: a.source.path,
            params: {
              period,
              type: typeText(type),
              indicator: s.indicator,
              area: A.toString(a.value),
              chosenIndicator: chosen.source.indicator,
              chosenArea: A.toString(chosen.value),
            },
          }),
        );
      }
    }
  }
  for (const { s, areas } of bySource.filter((x) => x.s.role === 'part')) {
    for (const [type, a] of areas) {
      const extent = stock.extent.get(type);
      if (!extent) {
        const prior = stock.partsOnly.get(type);
        stock.partsOnly.set(type, prior ? A.max(prior, a.value) : a.value);
        continue;
      }
      if (A.compare(a.value, extent.value) > 0) {
        flag(stock, type, 'extent-part-exceeds');
        warnings.push(
          makeWarning('extent-part-exceeds', {
            indicator: s.indicator,
            path: a.source.path,
            params: {
              period,
              type: typeText(type),
              indicator: s.indicator,
              part: A.toString(a.value),
              extent: A.toString(extent.value),
              extentIndicator: extent.source.indicator,
            },
          }),
        );
      }
    }
  }
  for (const [type, value] of stock.partsOnly) {
    flag(stock, type, 'extent-part-only');
    warnings.push(
      makeWarning('extent-part-only', { path: ['indicators'], params: { period, type: typeText(type), part: A.toString(value) } }),
    );
  }
  for (const type of stock.extent.keys()) {
    if (ecosystemTypes().get(type)?.parent === null && [...stock.extent.keys()].some((t) => t !== type && level1Type(t) === type)) {
      flag(stock, type, 'extent-overlapping-levels');
      warnings.push(
        makeWarning('extent-overlapping-levels', { path: stock.extent.get(type)!.source.path, params: { period, type: typeText(type) } }),
      );
    }
  }
  const region = isObject(json.region) ? areaKm2(json.region.area) : null;
  return { ...stock, region: region === null || 'reason' in region ? null : region.km2 };
}

const counted = (stock: Stock, type: string) =>
  stock.extent.has(type) && !(stock.flags.get(type) ?? []).includes('extent-overlapping-levels');

function total(stock: Stock): GepDecimal {
  return A.sum([...stock.extent].filter(([t]) => counted(stock, t)).map(([, a]) => a.value));
}

/**
 * The ecosystem extent account (生态系统范围账户) from one or two account inputs.
 *
 * @param closing - the input of the period accounted (areas at its end)
 * @param opening - the input of the previous period, for the opening extent; optional
 * @returns rows by ecosystem type in km² with the IUCN GET class, totals, the area not classified, and the flags
 * @example
 * extentAccount(sampleInput).total.closing   //=> '2208' (km²: the sample county's six types)
 */
export function extentAccount(closing: unknown, opening?: unknown): ExtentAccount {
  const c = readStock(closing, '');
  const o = opening === undefined ? null : readStock(opening, OPENING);
  const order = [...ecosystemTypes().keys()];
  const types = new Set([...c.extent.keys(), ...c.partsOnly.keys(), ...(o ? [...o.extent.keys(), ...o.partsOnly.keys()] : [])]);
  const rows: ExtentRow[] = [...types]
    .sort((a, b) => order.indexOf(a) - order.indexOf(b))
    .map((type) => {
      const t = ecosystemTypes().get(type)!;
      const close = c.extent.get(type);
      const open = o?.extent.get(type);
      const flags = [...new Set([...(c.flags.get(type) ?? []), ...(o?.flags.get(type) ?? [])])];
      return {
        ecosystemType: type,
        zh: t.zh,
        en: t.en,
        level1: level1Type(type),
        get: typeMapping(type) ?? null,
        opening: open ? A.toString(open.value) : null,
        closing: close ? A.toString(close.value) : null,
        netChange: open && close ? A.toString(A.subtract(close.value, open.value)) : null,
        source: close?.source ?? open?.source ?? null,
        counted: counted(c, type) || (!!o && counted(o, type)),
        flags,
      };
    });
  const levels = [...new Set(rows.filter((r) => r.counted).map((r) => r.level1))];
  const byLevel1 = levels.map((l) => {
    const sum = (s: Stock | null) => {
      if (!s) return null;
      const parts = [...s.extent].filter(([t]) => counted(s, t) && level1Type(t) === l).map(([, a]) => a.value);
      return parts.length ? A.toString(A.sum(parts)) : null;
    };
    const t = ecosystemTypes().get(l)!;
    return { type: l, zh: t.zh, en: t.en, opening: sum(o), closing: sum(c) };
  });
  const warnings = [...(o?.warnings ?? []), ...c.warnings];
  const unclassified = (s: Stock | null, period: Text) => {
    if (!s || s.region === null) return null;
    const rest = A.subtract(s.region, total(s));
    if (A.compare(rest, A.zero) < 0) {
      warnings.push(
        makeWarning('extent-exceeds-region', {
          path: ['region', 'area'],
          params: { period, total: A.toString(total(s)), region: A.toString(s.region) },
        }),
      );
      return null;
    }
    return A.toString(rest);
  };
  return {
    unit: 'km²',
    rule: EXTENT_RULE,
    ruleZh: EXTENT_RULE_ZH,
    rows,
    byLevel1,
    total: { opening: o ? A.toString(total(o)) : null, closing: A.toString(total(c)) },
    region: {
      opening: o?.region ? A.toString(o.region) : null,
      closing: c.region ? A.toString(c.region) : null,
      unclassifiedOpening: unclassified(o, OPENING),
      unclassifiedClosing: unclassified(c, ''),
    },
    warnings,
  };
}
