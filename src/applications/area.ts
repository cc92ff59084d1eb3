/**
 * Specific-area units (特定地域单元): an account for an area defined by its ecosystems, not by an
 * administrative code — a nature reserve, a park, a restoration project, a mine site (shanxi-2022-182
 * (六): "行政区域单元生态产品总值和特定地域单元生态产品价值评价体系").
 *
 * The account itself is an ordinary GEP account (`computeGep`) of an input whose `region.level` is
 * `area`: the same indicators over the area's inputs. What `level: 'area'` alone does not give, and
 * this module adds, is the area's definition and what follows from it:
 *   - the boundary (a description, the source, and optionally the geometry file with its SHA-256,
 *     so a third party can check that the same polygon was used);
 *   - the ecosystem extent (生态系统范围): the area of each ecosystem type; the area of the unit is
 *     their sum, and `region.area`, when the account gives one, must equal it. The extent must
 *     agree with the areas the account's own inputs give by type (the SEEA extent rule,
 *     src/seea/extent.ts), within the tolerance of the region-area check: a wrong split between
 *     types would silently change each type's value per km². Without `extent`, it is derived from
 *     those inputs;
 *   - no GB/T 2260 code of its own (a code is refused: an area is not an administrative division),
 *     but the divisions it lies in (`within`), by code;
 *   - values per km²: GEP and each category per km² of the area, and the value of each level-1
 *     ecosystem type per km² of that type (V_k / A_k, from the account lines that name a type);
 *   - the ratios of the account that need no GDP (`computeRatios`: GEP per km², regulating share,
 *     "two mountains" value, primary conversion rate).
 *
 * VEP (特定地域单元生态产品价值) is "多以GEP为基础 … 更细一级的'项目级GEP核算'" (applications.md §4.2,
 * read): the same indicators, a smaller unit. No published method fixes how the boundary or extent
 * is recorded; the fields here are this library's (not a standard).
 */
import * as z from 'zod';
import { makeIssue, type GepIssue, type GepWarning } from '../errors/errors.js';
import { makeWarning } from '../errors/warnings/index.js';
import { ecosystemType } from '../indicators/input-schema.js';
import { ecosystemTypes, level1Type } from '../indicators/catalogue.js';
import { CATEGORIES, type Category } from '../indicators/types.js';
import { computeRatios, type RatiosResult } from '../accounts/ratios.js';
import type { GepResult } from '../accounts/gep.js';
import { plausibilityData } from '../accounts/plausibility.js';
import { extentAccount, EXTENT_RULE, EXTENT_RULE_ZH } from '../seea/extent.js';
import {
  accountRef,
  areaInput,
  checkUnique,
  D,
  readKm2,
  ratioOrNull,
  requireDecimal,
  throwIssues,
  toJsonData,
  method,
  parameter,
  pathText,
  step,
  tv,
  type ApplicationTrace,
  type Dec,
  type MethodRef,
  type Parameter,
} from './common.js';

/** Kinds of specific areas. */
export const AREA_KINDS = [
  'protected-area',
  'park',
  'restoration-project',
  'mine-site',
  'watershed',
  'development-project',
  'other',
] as const;

/** The ecosystem extent: one row per ecosystem type (level 1 or 2), no type twice. */
export const extentSchema = z.array(z.strictObject({ ecosystemType, area: areaInput })).min(1);
/** An extent as written in an input file. */
export type ExtentInput = z.infer<typeof extentSchema>;

/** The definition of a specific area (特定地域单元). */
export const areaSchema = z.strictObject({
  name: z.string().min(1),
  kind: z.enum(AREA_KINDS),
  boundary: z.strictObject({
    /** In words: what the line follows (ridges, a reserve's gazetted boundary, a mining licence). */
    description: z.string().min(1),
    /** Who drew it, and under which decision. */
    source: z.string().min(1).optional(),
    /** The boundary geometry, by file name, with its SHA-256 so that a reader can check it. */
    geometry: z
      .strictObject({
        file: z.string().min(1),
        sha256: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .optional(),
        crs: z.string().min(1).optional(),
      })
      .optional(),
  }),
  /**
   * Ecosystem extent (生态系统范围); the area of the unit is its sum. Checked against the areas the
   * account's inputs give; without it, those areas are the extent.
   */
  extent: extentSchema.optional(),
  /** Administrative divisions the area lies in (GB/T 2260 codes); the area has no code of its own. */
  within: z.array(z.strictObject({ code: z.string().regex(/^\d{6}$/), name: z.string().min(1) })).optional(),
  /** Who manages it (a reserve administration, a project company). */
  manager: z.string().min(1).optional(),
});
/** A specific area as written in an input file. */
export type AreaInput = z.infer<typeof areaSchema>;

/** An area file (`gep area`): the area's definition and its account (a path or the input itself). */
export const areaFileSchema = z.strictObject({ area: areaSchema, account: accountRef });
/** An area file as parsed. */
export type AreaFile = z.infer<typeof areaFileSchema>;

/** One row of the extent. */
export interface AreaExtentRow {
  readonly ecosystemType: string;
  readonly zh: string;
  readonly en: string;
  readonly level1: string;
  /** km². */
  readonly area: Dec;
  /** Share of the area, a fraction. */
  readonly share: Dec;
}

/** The extent of an area, with its level-1 totals. */
export interface Extent {
  readonly rows: readonly AreaExtentRow[];
  readonly byLevel1: readonly {
    readonly ecosystemType: string;
    readonly zh: string;
    readonly en: string;
    readonly area: Dec;
    readonly share: Dec;
  }[];
  /** km². */
  readonly total: Dec;
}

/** Value of one level-1 ecosystem type in the area. */
export interface TypeValue {
  readonly ecosystemType: string;
  readonly zh: string;
  readonly en: string;
  /** 元, from the account lines that name this type (or one of its level-2 types). */
  readonly value: Dec;
  /** km² of this type in the extent; 0 when the extent has none. */
  readonly area: Dec;
  /** 元/km² of this type; null when the extent has none of it. */
  readonly valuePerKm2: Dec | null;
}

/** Where the extent of an area account comes from. */
export interface ExtentSource {
  /** `stated`: area.extent, checked against the account's inputs; `inputs`: derived from them (no area.extent). */
  readonly from: 'stated' | 'inputs';
  /** The relative difference allowed between a stated area and the inputs' (the region-area tolerance). */
  readonly tolerance: Dec;
  /** The types (or level-1 types) whose stated area was compared with the inputs'. */
  readonly compared: readonly string[];
}

/** The account of a specific area. */
export interface AreaAccount {
  readonly kind: 'area-account';
  readonly area: Omit<AreaInput, 'extent'>;
  readonly accountingYear: number;
  readonly priceYear: number;
  readonly profile: string;
  readonly coefficientTable: string;
  readonly extent: Extent;
  readonly extentSource: ExtentSource;
  /** 元 at `priceYear`: material, regulating, cultural, GEP. */
  readonly totals: Readonly<Record<Category | 'gep', Dec>>;
  /** 元/km² of the whole area. */
  readonly perKm2: Readonly<Record<Category | 'gep', Dec>>;
  readonly byEcosystemType: readonly TypeValue[];
  /** 元 of the lines that name no ecosystem type (not in `byEcosystemType`). */
  readonly untyped: Dec;
  readonly ratios: RatiosResult<Dec>;
  readonly trace: ApplicationTrace;
  readonly warnings: readonly GepWarning[];
}

/** The methods the area account rests on. */
export const AREA_METHODS: readonly MethodRef[] = [
  method('shanxi-2022-182', '(六) 特定地域单元生态产品价值评价体系', 'read', {
    en: 'asks for the value of specific areas beside administrative units; gives no method',
    zh: '要求在行政单元之外评价特定地域单元的生态产品价值；未给出方法',
  }),
  method(
    'shanxi-2022-182',
    {
      en: '(六) and applications.md §4.2: VEP is GEP of a smaller unit (项目级GEP核算)',
      zh: '（六）及 applications.md §4.2：VEP 即较小单元的 GEP（项目级GEP核算）',
    },
    'inferred',
    { en: 'the same indicators over the area’s inputs', zh: '对该地域单元的输入采用相同的指标' },
  ),
  method(
    null,
    {
      en: 'boundary, extent and per-km² values: this library’s record of an area',
      zh: '边界、范围与单位面积价值：本程序对地域单元的记录方式',
    },
    'not-a-standard',
  ),
];

/**
 * The extent of an area: km² per ecosystem type, shares, level-1 totals.
 *
 * @param extent - the parsed `extent` rows (any area unit)
 * @param path - where the extent sits in the input, for issues
 * @returns rows with km² and share, level-1 totals and the total in km²
 * @throws {GepInputError} a type listed twice, or a total of 0
 */
export function ecosystemExtent(extent: ExtentInput, path: readonly (string | number)[] = ['extent']): Extent {
  const issues: GepIssue[] = [];
  checkUnique(
    extent.map((e) => e.ecosystemType),
    path,
    'ecosystemType',
    issues,
  );
  const rows0 = extent.map((e) => ({ ecosystemType: e.ecosystemType, area: readKm2(e.area) }));
  const total = D.sum(rows0.map((r) => r.area));
  if (total.isZero())
    issues.push(
      makeIssue('input.out-of-range', path, {
        expected: { en: 'an extent whose areas add up to more than 0', zh: '面积合计大于 0 的范围' },
        found: '0 km²',
      }),
    );
  throwIssues(issues);
  const types = ecosystemTypes();
  const rows = rows0.map((r) => {
    const t = types.get(r.ecosystemType)!;
    return {
      ecosystemType: r.ecosystemType,
      zh: t.zh,
      en: t.en,
      level1: level1Type(r.ecosystemType),
      area: r.area,
      share: D.divide(r.area, total),
    };
  });
  const level1 = [...new Set(rows.map((r) => r.level1))];
  const byLevel1 = level1.map((id) => {
    const t = types.get(id)!;
    const area = D.sum(rows.filter((r) => r.level1 === id).map((r) => r.area));
    return { ecosystemType: id, zh: t.zh, en: t.en, area, share: D.divide(area, total) };
  });
  return { rows, byLevel1, total };
}

/** An area the account's inputs give for one ecosystem type (SEEA extent rule), with where it was read. */
interface InputArea {
  readonly ecosystemType: string;
  readonly km2: Dec;
  /** The path of the field in the account input. */
  readonly at: readonly (string | number)[];
}

/**
 * The extent the account's inputs imply: the counted rows of the SEEA extent account
 * (`extentAccount`, src/seea/extent.ts) — the first extent source that names a type, parts and a
 * level-1 type beside its own level-2 types left out — so that one rule reads areas everywhere.
 */
function inputExtent(input: unknown): InputArea[] {
  return extentAccount(input)
    .rows.filter((r) => r.counted && r.closing !== null && r.source !== null)
    .map((r) => ({ ecosystemType: r.ecosystemType, km2: D.fromString(r.closing!), at: r.source!.path }));
}

const typeZh = (id: string) => ecosystemTypes().get(id)?.zh ?? id;
/** `+100 %`, `−50 %`, `+5.33 %`: the difference of `stated` from `implied`, for a message (3 significant digits). */
function differenceText(stated: Dec, implied: Dec): string {
  if (implied.isZero()) return '';
  const pct = D.multiply(D.divide(D.subtract(stated, implied), implied), D.fromString('100')).toSignificantDigits(3);
  return `${pct.isNegative() ? '−' : '+'}${D.toString(pct.abs())} %`;
}

/**
 * Compare the stated extent with the inputs' areas, type by type (`issues` gets one per disagreement).
 *
 * - A type both give: the stated area must be within `tolerance` (relative) of the inputs'.
 * - The rest, by level-1 type: when either side gives the level-1 type itself (forest beside
 *   deciduous broadleaf forest 3 + evergreen needleleaf forest 2), their sums are compared, reported
 *   at the first stated row of that level-1 type.
 * - A type only the extent states is fine: not every type has an indicator with an area.
 * - A type the inputs give more than 0 km² for and the extent does not cover is an error: its value
 *   would have no area, and the area of the unit would be too small.
 *
 * @returns the types (or level-1 types) compared
 */
function checkExtent(extent: ExtentInput, inputs: readonly InputArea[], tolerance: Dec, issues: GepIssue[]): string[] {
  const stated = extent.map((e, i) => ({ ecosystemType: e.ecosystemType, km2: readKm2(e.area), i }));
  const statedTypes = new Set(stated.map((s) => s.ecosystemType));
  const inputTypes = new Set(inputs.map((a) => a.ecosystemType));
  const percent = D.toString(D.multiply(tolerance, D.fromString('100')));
  const compared: string[] = [];
  const compare = (type: string, rows: typeof stated, areas: readonly InputArea[]) => {
    compared.push(type);
    const s = D.sum(rows.map((r) => r.km2));
    const a = D.sum(areas.map((r) => r.km2));
    if (D.subtract(s, a).abs().lte(D.multiply(tolerance, a))) return;
    const one = areas.length === 1;
    const sum = one ? '' : `${areas.map((r) => D.toString(r.km2)).join(' + ')} = `;
    const where = areas.map((r) => (one ? pathText(r.at) : `${r.ecosystemType} ${pathText(r.at)}`)).join(', ');
    const diff = differenceText(s, a);
    const statedText = rows.length === 1 ? '' : `${rows.map((r) => `area.extent[${r.i}]`).join(' + ')} = `;
    issues.push(
      makeIssue('input.out-of-range', ['area', 'extent', rows[0]!.i, 'area'], {
        expected: {
          en: `the area of ${type} the account's inputs give, within ${percent} %: ${sum}${D.toString(a)} km² (${where})`,
          zh: `核算输入给出的${typeZh(type)}面积，相差不超过 ${percent} %：${sum}${D.toString(a)} km²（${where}）`,
        },
        found: {
          en: `${statedText}${D.toString(s)} km²${diff ? ` (${diff})` : ''}`,
          zh: `${statedText}${D.toString(s)} km²${diff ? `（${diff}）` : ''}`,
        },
      }),
    );
  };
  for (const s of stated) {
    const a = inputs.find((r) => r.ecosystemType === s.ecosystemType);
    if (a) compare(s.ecosystemType, [s], [a]);
  }
  const restStated = stated.filter((s) => !inputTypes.has(s.ecosystemType));
  const restInputs = inputs.filter((a) => !statedTypes.has(a.ecosystemType));
  for (const l of new Set(restInputs.map((a) => level1Type(a.ecosystemType)))) {
    const rows = restStated.filter((s) => level1Type(s.ecosystemType) === l);
    const areas = restInputs.filter((a) => level1Type(a.ecosystemType) === l);
    if (rows.length && (rows.some((r) => r.ecosystemType === l) || areas.some((a) => a.ecosystemType === l))) {
      compare(l, rows, areas);
      continue;
    }
    for (const a of areas) {
      if (a.km2.isZero()) continue;
      issues.push(
        makeIssue('input.out-of-range', ['area', 'extent'], {
          expected: {
            en: `a row for ${a.ecosystemType}: the account's inputs give it ${D.toString(a.km2)} km² (${pathText(a.at)})`,
            zh: `${typeZh(a.ecosystemType)}（${a.ecosystemType}）一行：核算输入给出其面积 ${D.toString(a.km2)} km²（${pathText(a.at)}）`,
          },
          found: { en: `no row for ${a.ecosystemType}`, zh: `没有${typeZh(a.ecosystemType)}（${a.ecosystemType}）一行` },
        }),
      );
    }
  }
  return compared;
}

/**
 * The account of a specific area (特定地域单元生态产品价值): the GEP account of its inputs, with the
 * area's boundary and ecosystem extent, values per km² of the area and of each ecosystem type, and
 * the ratios that need no GDP.
 *
 * @summary GEP of an area defined by its ecosystems, per km² and per ecosystem type
 * @param area - the area's definition (`areaSchema`): boundary, extent (km²), divisions it lies in
 * @param account - `computeGep` of the area's input (region.level `area`, no region.code; decimal path)
 * @param input - the input `account` was computed from: its areas by ecosystem type check the extent
 *   (or are the extent, when the area gives none)
 * @returns totals in 元, per km² in 元/km², value per ecosystem type, extent and where it comes from, ratios and trace
 * @throws {GepInputError} region.level not `area`, a region.code given, region.area ≠ Σ extent, an
 *   extent that disagrees with the inputs' areas, no extent and no areas in the inputs, an input
 *   that is not the account's
 * @example
 * // GEP 230 000 元 over an extent of 2 + 0.5 + 1.5 km²
 * computeAreaAccount(parsedArea, computeGep(areaInput), areaInput).perKm2.gep.toString()
 * //=> '57500'   (元/km²)
 */
export function computeAreaAccount(area: AreaInput, account: GepResult<Dec>, input: unknown): AreaAccount {
  requireDecimal(account, 'computeAreaAccount');
  const issues: GepIssue[] = [];
  const warnings: GepWarning[] = [];
  if (account.region.level !== 'area') {
    issues.push(
      makeIssue('input.out-of-range', ['account', 'region', 'level'], {
        expected: { en: '"area" (a specific area is not an administrative unit)', zh: '"area"（特定地域单元不是行政单元）' },
        found: JSON.stringify(account.region.level),
      }),
    );
  }
  if (account.region.code !== undefined) {
    issues.push(
      makeIssue('input.region-code', ['account', 'region', 'code'], {
        expected: {
          en: 'no code: a specific area is not an administrative division; name the divisions it lies in under area.within',
          zh: '不填代码：特定地域单元不是行政区划；请在 area.within 中列出其所在的行政区',
        },
        found: account.region.code,
      }),
    );
  }
  // The extent is checked against `input`'s areas: an input of another region or year would check nothing.
  const own = input as { region?: { name?: unknown }; accountingYear?: unknown } | null;
  const inputName = typeof own?.region?.name === 'string' ? own.region.name : undefined;
  const inputYear = own?.accountingYear;
  const ownInput = inputName === account.region.name && inputYear === account.accountingYear;
  if (!ownInput) {
    issues.push(
      makeIssue('input.out-of-range', ['account'], {
        expected: {
          en: `the input the account was computed from (${account.region.name}, ${account.accountingYear})`,
          zh: `计算该核算所用的输入（${account.region.name}，${account.accountingYear} 年）`,
        },
        found: {
          en: `an input of ${inputName ?? '(no region.name)'}, ${String(inputYear ?? '(no accountingYear)')}`,
          zh: `${inputName ?? '（无 region.name）'}、${String(inputYear ?? '（无 accountingYear）')} 年的输入`,
        },
      }),
    );
  }
  // The same relative tolerance as the region-area check (plausibility.json areaSum): ecosystem areas
  // of one place from two sources (the area's boundary survey, an indicator's land-cover map) differ
  // by projection and boundary data by a few per cent; a swapped or mistyped split differs by far more.
  const tolerance = D.fromString(plausibilityData().areaSum.tolerance);
  const fromInputs = inputExtent(input);
  const stated = area.extent;
  let compared: string[] = [];
  let extentRows: ExtentInput | null = null;
  if (stated) {
    extentRows = stated;
    if (ownInput) compared = checkExtent(stated, fromInputs, tolerance, issues);
  } else {
    const rows = fromInputs.filter((a) => !a.km2.isZero());
    if (rows.length) extentRows = rows.map((a) => ({ ecosystemType: a.ecosystemType, area: { value: D.toString(a.km2), unit: 'km²' } }));
    else
      issues.push(
        makeIssue('input.required', ['area', 'extent'], {
          expected: {
            en: "the area of each ecosystem type, since the account's inputs give none",
            zh: '各生态系统类型的面积（核算输入中没有按类型给出的面积）',
          },
        }),
      );
  }
  let extent: Extent | null = null;
  if (extentRows) {
    try {
      extent = ecosystemExtent(extentRows, ['area', 'extent']);
    } catch (e) {
      if (!(e instanceof Error && 'issues' in e)) throw e;
      issues.push(...(e as { issues: GepIssue[] }).issues);
    }
  }
  const sumOf = stated
    ? { en: 'the sum of area.extent', zh: 'area.extent 之和' }
    : { en: "the sum of the extent the account's inputs give", zh: '核算输入给出的生态系统范围之和' };
  if (extent && account.region.area) {
    const given = readKm2(account.region.area);
    if (!given.eq(extent.total)) {
      issues.push(
        makeIssue('input.out-of-range', ['account', 'region', 'area'], {
          expected: {
            en: `${sumOf.en}, ${D.toString(extent.total)} km²`,
            zh: `${sumOf.zh}，${D.toString(extent.total)} km²`,
          },
          found: `${account.region.area.value} ${account.region.area.unit}`,
        }),
      );
    }
  }
  throwIssues(issues);
  const ext = extent!;
  if (account.region.name !== area.name) {
    warnings.push(makeWarning('area-name-differs', { params: { account: account.region.name, area: area.name } }));
  }

  const totals = {
    material: account.totals.material.value,
    regulating: account.totals.regulating.value,
    cultural: account.totals.cultural.value,
    gep: account.totals.gep.value,
  };
  const perKm2 = Object.fromEntries(([...CATEGORIES, 'gep'] as const).map((k) => [k, D.divide(totals[k], ext.total)])) as Record<
    Category | 'gep',
    Dec
  >;

  const types = ecosystemTypes();
  const typed = Object.entries(account.byEcosystemType);
  const byEcosystemType: TypeValue[] = [];
  for (const row of ext.byLevel1) {
    const value = account.byEcosystemType[row.ecosystemType]?.value ?? D.zero;
    byEcosystemType.push({
      ecosystemType: row.ecosystemType,
      zh: row.zh,
      en: row.en,
      value,
      area: row.area,
      valuePerKm2: ratioOrNull(value, row.area),
    });
  }
  for (const [id, m] of typed) {
    if (ext.byLevel1.some((r) => r.ecosystemType === id)) continue;
    const t = types.get(id);
    byEcosystemType.push({ ecosystemType: id, zh: t?.zh ?? id, en: t?.en ?? id, value: m.value, area: D.zero, valuePerKm2: null });
    warnings.push(makeWarning('area-type-not-in-extent', { params: { type: id, value: D.toString(m.value) } }));
  }
  const typedTotal = D.sum(typed.map(([, m]) => m.value));
  const untyped = D.subtract(D.sum(account.indicators.map((i) => i.value.total.value)), typedTotal);

  const ratios = computeRatios({ priceYear: account.priceYear, totals: account.totals, area: { value: ext.total, unit: 'km²' } }, D);
  const percent = D.toString(D.multiply(tolerance, D.fromString('100')));
  // Where each A_k was read: area.extent[i], or the account input's field (the SEEA extent rule).
  const fromOf = (i: number) =>
    stated
      ? `input:area.extent[${i}].area`
      : `input:account.${pathText(fromInputs.find((a) => a.ecosystemType === ext.rows[i]!.ecosystemType)!.at)}`;
  const checked = (type: string) => compared.includes(type) || compared.includes(level1Type(type));
  const parameters: Parameter[] = [
    parameter({
      symbol: 'A',
      name: { en: 'area of the unit (Σ extent)', zh: '地域单元面积（各类型范围之和）' },
      value: D.toString(ext.total),
      unit: 'km²',
      from: stated ? 'input:area.extent' : { en: "step:extent from the account's inputs", zh: 'step:由核算输入得出的生态系统范围' },
      status: 'input',
    }),
    ...ext.rows.map((r, i) =>
      parameter({
        symbol: `A_${r.ecosystemType}`,
        name: { en: `extent of ${r.en}`, zh: `${r.zh}面积` },
        value: D.toString(r.area),
        unit: 'km²',
        from: fromOf(i),
        status: 'input',
        note: !stated
          ? {
              en: "no area.extent: the area the account's inputs give (SEEA extent rule)",
              zh: '未给出 area.extent：取核算输入给出的面积（SEEA 范围规则）',
            }
          : checked(r.ecosystemType)
            ? { en: `agrees with the account's inputs within ${percent} %`, zh: `与核算输入相差不超过 ${percent} %` }
            : { en: "the account's inputs give no area for this type", zh: '核算输入未给出该类型的面积' },
      }),
    ),
  ];
  const steps = stated
    ? []
    : [
        step(
          { en: "extent from the account's inputs", zh: '由核算输入得出的生态系统范围' },
          { en: `A = Σ_k A_k; ${EXTENT_RULE}`, zh: `A = Σ_k A_k；${EXTENT_RULE_ZH}` },
          Object.fromEntries(ext.rows.map((r, i) => [`A_${r.ecosystemType}`, tv(r.area, 'km²', fromOf(i))])),
          ext.total,
          'km²',
          { en: 'the area file gives no extent', zh: '地域单元文件未给出生态系统范围' },
        ),
      ];
  const { extent: _omit, ...description } = area;
  return {
    kind: 'area-account',
    area: description,
    accountingYear: account.accountingYear,
    priceYear: account.priceYear,
    profile: `${account.profile.id} ${account.profile.version}`,
    coefficientTable: account.coefficientTable,
    extent: ext,
    extentSource: { from: stated ? 'stated' : 'inputs', tolerance, compared },
    totals,
    perKm2,
    byEcosystemType,
    untyped,
    ratios,
    trace: {
      formula: `v = V / A (元/km² of the area); v_k = V_k / A_k (元/km² of ecosystem type k, from the lines that name k); A = Σ extent; ${stated ? `each A_k within ${percent} % of the area the account's inputs give for k, when they give one` : "A_k = the area the account's inputs give for k (no area.extent)"}`,
      formulaZh: `v = V / A（地域单元的 元/km²）；v_k = V_k / A_k（生态系统类型 k 的 元/km²，取注明类型 k 的核算行）；A = Σ 范围面积；${stated ? `核算输入给出类型 k 的面积时，A_k 与之相差不超过 ${percent} %` : 'A_k = 核算输入给出的类型 k 的面积（未给出 area.extent）'}`,
      methods: AREA_METHODS,
      parameters,
      steps,
      coefficients: [],
    },
    warnings: [...warnings, ...ratios.warnings.filter((w) => !/gep-per-gdp|gep-per-capita|realisation-rate/.test(w.message))],
  };
}

/** The JSON form of an area account (decimals as exact text). */
export function areaAccountToJson(a: AreaAccount) {
  return toJsonData(a);
}
/** The JSON shape of an area account. */
export type AreaAccountJson = ReturnType<typeof areaAccountToJson>;
