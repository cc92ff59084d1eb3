/**
 * The compiler of local indicators (地方指标编译): checks a profile's `localIndicators` — ids, names,
 * inputs, coefficients, every formula's symbols, functions, syntax and units — and turns each into an
 * indicator module (./module.ts). Every problem of every definition is collected and located: the
 * file, the path to the indicator and the formula (`localIndicators.<id>.quantity.formula`), and
 * the character in the formula. Loaded from `gep-accounting/local` and by the CLI, never by the core.
 */
import { GepInputError, makeIssue, type GepIssue, type IssueLocation } from '../../errors/errors.js';
import type { IssueCode } from '../../errors/messages.js';
import type { Text } from '../../errors/text.js';
import { coefficientTables, getCoefficientTable } from '../../coefficients/tables.js';
import type { CoefficientTable } from '../../coefficients/types.js';
import { getProfile, profileSchema, type Profile } from '../../profiles/profiles.js';
import { sameDimensionUnits } from '../../units/units.js';
import { catalogue } from '../catalogue.js';
import { toGepIssues } from '../input-schema.js';
import type { CatalogueEntry, Category } from '../types.js';
import { attachLocalIndicators, type LocalIndicatorSet, type ProfileWithLocal } from './attach.js';
import { parseFormula, symbolsOf, type FormulaProblem } from './expression.js';
import { checkFormula, fitFormula, FUNCTIONS } from './formula.js';
import { localModule, type CompiledField, type CompiledFormula, type CompiledLocal } from './module.js';
import { LOCAL_ID_PATTERN, SYMBOL_PATTERN, type LocalDefinition, type LocalField, type LocalStep } from './schema.js';

type Path = readonly (string | number)[];

/** Names no input, coefficient or step may take: the line's quantity, the functions, mathjs's words, the line's text columns. */
const RESERVED = new Map<string, Text>([
  ['Q', { en: 'the quantity of the line, in value formulas', zh: '价值量公式中该行的实物量' }],
  ...Object.keys(FUNCTIONS).map((f) => [f, { en: 'a function', zh: '函数' }] as [string, Text]),
  ...['mod', 'to', 'in', 'and', 'or', 'xor', 'not', 'true', 'false', 'null', 'undefined', 'NaN', 'Infinity'].map(
    (w) => [w, { en: 'a word of the formula syntax', zh: '公式语法的关键字' }] as [string, Text],
  ),
  ['item', { en: 'the name of a line', zh: '行的名称' }],
  ['ecosystemType', { en: 'the ecosystem type of a line', zh: '行的生态系统类型' }],
]);

/** `<table> or the rows of the definition`: where a coefficient reference may point. */
const rowsOf = (table: string): Text => ({ en: `${table} or the rows of the definition`, zh: `${table} 或定义中的系数行` });

/** `the dimension of <unit>`. */
const dimensionOfUnit = (unit: string): Text => ({ en: `the dimension of ${unit}`, zh: `${unit} 的量纲` });

/** Where the rows a table or a definition holds come from, for coefficient references. */
interface RowIndex {
  readonly unitOf: (id: string) => string | undefined;
  readonly table: CoefficientTable;
}

/**
 * Compile the local indicators of a profile.
 *
 * @param profile - a profile whose shape is valid (profileSchema)
 * @param options - `path`: where the profile sits, for issues (default: the root of a profile file)
 * @returns the compiled set, to attach to the profile
 * @throws {GepInputError} listing every problem of every definition, each located
 */
export function compileLocalIndicators(profile: Profile, options: { path?: Path } = {}): LocalIndicatorSet {
  const base = options.path ?? [];
  const defs = profile.localIndicators ?? {};
  const issues: GepIssue[] = [];
  const issue = (code: IssueCode, path: Path, details: { expected?: Text; found?: Text; at?: number } = {}) =>
    issues.push(makeIssue(code, path, details));
  const table = getCoefficientTable(profile.coefficientTable);
  const tableIds = new Map(table.rows.map((r) => [r.id, r.unit]));

  // Rows carried by the definitions: never a table row's id, never twice.
  const rows: LocalIndicatorSet['rows'][number][] = [];
  const carried = new Map<string, string>();
  for (const [id, def] of Object.entries(defs)) {
    (def.rows ?? []).forEach((row, i) => {
      const at = [...base, 'localIndicators', id, 'rows', i, 'id'];
      if (tableIds.has(row.id)) issue('local.row-collides', at, { found: row.id, expected: table.key });
      else if (carried.has(row.id)) issue('input.duplicate', at, { found: row.id });
      else {
        carried.set(row.id, row.unit);
        rows.push({ ...row, table: `profile:${profile.id}/${profile.version} ${id}` });
      }
    });
  }
  const index: RowIndex = { table, unitOf: (id) => tableIds.get(id) ?? carried.get(id) };

  const modules = new Map<string, CompiledLocal>();
  for (const [id, def] of Object.entries(defs)) {
    const compiled = compileOne(profile, id, def, [...base, 'localIndicators', id], index, issue);
    if (compiled) modules.set(id, compiled);
  }
  // Each local indicator is enabled in the profile's list (without variants: its formulas are the profile's choice).
  const enabled = new Map(profile.indicators.map((p, i) => [p.id, { p, i }]));
  for (const id of Object.keys(defs)) {
    const e = enabled.get(id);
    if (!e) issue('local.not-enabled', [...base, 'localIndicators', id], { found: id });
    else
      for (const name of Object.keys(e.p.variant))
        issue('profile.variant-unknown', [...base, 'indicators', e.i, 'variant', name], {
          found: name,
          expected: {
            en: "no variant (a local indicator has none: its formulas are the profile's choice)",
            zh: '无可选方法（本地指标没有可选方法：其公式由核算方案确定）',
          },
        });
  }
  if (issues.length) throw new GepInputError(issues);
  return {
    source: defs,
    modules: new Map([...modules].map(([id, c]) => [id, localModule(c)])),
    rows,
  };
}

function compileOne(
  profile: Profile,
  id: string,
  def: LocalDefinition,
  at: Path,
  index: RowIndex,
  issue: (code: IssueCode, path: Path, details?: { expected?: Text; found?: Text; at?: number }) => void,
): CompiledLocal | null {
  let failed = false;
  const fail = (code: IssueCode, path: Path, details: { expected?: Text; found?: Text; at?: number } = {}) => {
    failed = true;
    issue(code, path, details);
  };
  const match = LOCAL_ID_PATTERN.exec(id);
  if (!match)
    fail('local.id', at, {
      found: id,
      expected: {
        en: '<material|regulating|cultural>.local.<name> (lower-case words joined by -), e.g. regulating.local.shelterbelt',
        zh: '<material|regulating|cultural>.local.<name>（以 - 连接的小写单词），如 regulating.local.shelterbelt',
      },
    });
  if (catalogue().has(id))
    fail('local.id', at, { found: id, expected: { en: 'an id outside the catalogue', zh: '生态产品清单以外的代码' } });

  // Names: one meaning each, none reserved.
  const symbols = new Map<string, Path>();
  /** Take a name; false (with the issue) when it cannot be taken, so that the first meaning stays. */
  const name = (symbol: string, path: Path): boolean => {
    if (!SYMBOL_PATTERN.test(symbol))
      fail('input.type', path, {
        expected: {
          en: 'a name of letters, digits and _ that starts with a letter (area, k2, unit_price)',
          zh: '由字母、数字和 _ 组成且以字母开头的名称（如 area、k2、unit_price）',
        },
        found: JSON.stringify(symbol),
      });
    else if (RESERVED.has(symbol)) fail('local.reserved-name', path, { found: symbol, expected: RESERVED.get(symbol)! });
    else if (symbols.has(symbol)) fail('input.duplicate', path, { found: symbol });
    else {
      symbols.set(symbol, path);
      return true;
    }
    return false;
  };

  const field = (symbol: string, f: LocalField, path: Path): CompiledField | null => {
    if (!name(symbol, path)) return null;
    if (f.unit === undefined) {
      fail('input.required', [...path, 'unit'], {
        expected: { en: 'the unit of the amount (km², t/a, 元/t …)', zh: '该数量的单位（km²、t/a、元/t …）' },
      });
      return null;
    }
    if (f.optional && f.fallback === undefined) fail('local.fallback', path, { found: symbol });
    if (!f.optional && f.fallback !== undefined)
      fail('input.not-applicable', [...path, 'fallback'], {
        expected: {
          en: 'fallback (only an optional input has one; add "optional": true)',
          zh: 'fallback（只有可选输入才有；请加上 "optional": true）',
        },
        found: f.fallback,
      });
    if (f.fallback !== undefined) {
      const unit = index.unitOf(f.fallback);
      if (unit === undefined) fail('coefficient.unknown', [...path, 'fallback'], { found: f.fallback, expected: rowsOf(index.table.key) });
      else if (!sameDimensionUnits(unit, f.unit))
        fail('input.unit-dimension', [...path, 'fallback'], {
          expected: dimensionOfUnit(f.unit),
          found: { en: `${f.fallback} in ${unit}`, zh: `${f.fallback}，单位 ${unit}` },
        });
    }
    return {
      name: symbol,
      unit: f.unit,
      description: f.description,
      descriptionZh: f.descriptionZh ?? null,
      price: f.price ?? false,
      optional: f.optional ?? false,
      fallback: f.fallback ?? null,
      negative: f.negative ?? false,
      max: f.max ?? null,
    };
  };

  const fields: CompiledField[] = [];
  const lists: string[] = [];
  let list: CompiledLocal['list'] = null;
  for (const [symbol, input] of Object.entries(def.inputs)) {
    const path = [...at, 'inputs', symbol];
    if (input.lines === undefined) {
      if (input.ecosystemType !== undefined)
        fail('input.not-applicable', [...path, 'ecosystemType'], {
          expected: { en: 'ecosystemType (only a list input, with lines, has one)', zh: 'ecosystemType（只有分行的列表输入才有）' },
          found: String(input.ecosystemType),
        });
      const f = field(symbol, input, path);
      if (f) fields.push(f);
      continue;
    }
    lists.push(symbol);
    name(symbol, path);
    const misplaced = (['unit', 'price', 'optional', 'fallback', 'negative', 'max'] as const).filter((k) => input[k] !== undefined);
    for (const k of misplaced)
      fail('input.not-applicable', [...path, k], {
        expected: { en: `${k} (it belongs to the fields of the lines)`, zh: `${k}（它属于各行的字段）` },
        found: String(input[k]),
      });
    const lineFields = Object.entries(input.lines)
      .map(([s, f]) => field(s, f, [...path, 'lines', s]))
      .filter((f): f is CompiledField => f !== null);
    if (!Object.keys(input.lines).length)
      fail('input.required', [...path, 'lines'], { expected: { en: 'at least one amount per line', zh: '每行至少一个数量' } });
    list = {
      name: symbol,
      description: input.description,
      descriptionZh: input.descriptionZh ?? null,
      ecosystemType: input.ecosystemType ?? false,
      fields: lineFields,
    };
  }
  if (lists.length > 1) fail('local.list', [...at, 'inputs'], { found: lists.join(', ') });

  const coefficients = new Map<string, { id: string; unit: string }>();
  for (const [symbol, ref] of Object.entries(def.coefficients ?? {})) {
    const path = [...at, 'coefficients', symbol];
    if (!name(symbol, path)) continue;
    const unit = index.unitOf(ref.id);
    if (unit === undefined) {
      fail('coefficient.unknown', [...path, 'id'], { found: ref.id, expected: rowsOf(index.table.key) });
      continue;
    }
    if (ref.unit !== undefined && !sameDimensionUnits(unit, ref.unit)) {
      fail('input.unit-dimension', [...path, 'unit'], {
        expected: { en: `the dimension of ${unit} (the unit of ${ref.id})`, zh: `${unit} 的量纲（${ref.id} 的单位）` },
        found: ref.unit,
      });
      continue;
    }
    coefficients.set(symbol, { id: ref.id, unit: ref.unit ?? unit });
  }

  // The units every formula reads its symbols in.
  const units = new Map<string, string>([
    ...fields.map((f) => [f.name, f.unit] as [string, string]),
    ...(list?.fields ?? []).map((f) => [f.name, f.unit] as [string, string]),
    ...[...coefficients].map(([s, c]) => [s, c.unit] as [string, string]),
  ]);
  const formula = (
    symbol: string,
    text: string,
    nameText: { en: string; zh: string },
    targets: readonly string[],
    path: Path,
    scope: ReadonlyMap<string, string>,
  ): CompiledFormula | null => {
    const report = (p: FormulaProblem) =>
      fail(p.code, path, { at: p.at, found: p.found, ...(p.expected !== undefined ? { expected: p.expected } : {}) });
    const parsed = parseFormula(text);
    if ('problem' in parsed) {
      report(parsed.problem);
      return null;
    }
    const checked = checkFormula(parsed.expr, (s) => scope.get(s), [...scope.keys()]);
    if ('problems' in checked) {
      checked.problems.forEach(report);
      return null;
    }
    const fitted = fitFormula(checked, targets, parsed.expr.start);
    if ('problem' in fitted) {
      report(fitted.problem);
      return null;
    }
    return { symbol, text, tree: fitted.tree, unit: fitted.unit, name: nameText, symbols: symbolsOf(parsed.expr) };
  };
  /** Steps in order, each one in the scope of the steps after it, then the final formula. */
  const phase = (kind: 'quantity' | 'value', steps: readonly LocalStep[], scope: Map<string, string>): CompiledFormula[] | null => {
    const out: CompiledFormula[] = [];
    let ok = true;
    steps.forEach((s, i) => {
      const path = [...at, kind, 'steps', i];
      name(s.symbol, [...path, 'symbol']);
      const f = formula(s.symbol, s.formula, s.name, [s.unit], [...path, 'formula'], scope);
      if (f) out.push(f);
      else ok = false;
      // Named either way, so that one bad step does not make every later use an unknown symbol.
      scope.set(s.symbol, s.unit);
    });
    return ok ? out : null;
  };

  const qScope = new Map(units);
  const qSteps = phase('quantity', def.quantity.steps ?? [], qScope);
  const q = formula('Q', def.quantity.formula, def.quantity.name, [def.quantity.unit], [...at, 'quantity', 'formula'], qScope);
  const vScope = new Map([...units, ['Q', def.quantity.unit] as [string, string]]);
  const vSteps = phase('value', def.value.steps ?? [], vScope);
  const valueName = def.value.name ?? { en: 'value', zh: '价值量' };
  const v = formula('V', def.value.formula, valueName, ['元', '元/a'], [...at, 'value', 'formula'], vScope);

  if (failed || !match || !qSteps || !q || !vSteps || !v) return null;
  const entry: CatalogueEntry = {
    id,
    category: match[1] as Category,
    zh: def.zh,
    en: def.en,
    physicalUnit: def.quantity.unit,
    valueUnit: '元',
    clauses: def.clauses,
  };
  return {
    id,
    profile: profile.id,
    entry,
    fields,
    list,
    coefficients,
    quantity: { steps: qSteps, final: q },
    value: { steps: vSteps, final: v },
  };
}

/**
 * Load a profile written as data (a profile file a user passes), compiling its local indicators.
 *
 * @param raw - the parsed JSON of the profile
 * @param options - `file`: the file it was read from, put on every issue
 * @returns the profile, with its local indicators attached for `computeGep`, templates and importers
 * @throws {GepInputError} listing every problem: the profile's shape, an id that a shipped profile
 *   has, an unknown table or indicator, and every problem of every local definition
 * @example
 * const profile = loadProfile(JSON.parse(text), { file: 'my-profile.json' });
 * computeGep(input, { profile }).indicators.map((r) => r.id)   //=> [..., 'material.local.under-forest-economy']
 */
export function loadProfile(raw: unknown, options: { file?: string } = {}): ProfileWithLocal {
  const located = (issues: readonly GepIssue[]) =>
    new GepInputError(
      options.file ? issues.map((i) => ({ ...i, location: { file: options.file, ...i.location } as IssueLocation })) : issues,
    );
  const parsed = profileSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw located(toGepIssues(parsed.error, []));
  const profile = parsed.data;
  const issues: GepIssue[] = [];
  if (getProfile(profile.id)) issues.push(makeIssue('profile.id-taken', ['id'], { found: profile.id }));
  if (!coefficientTables().has(profile.coefficientTable)) {
    issues.push(
      makeIssue('input.out-of-range', ['coefficientTable'], {
        expected: { en: `one of ${[...coefficientTables().keys()].join(', ')}`, zh: `${[...coefficientTables().keys()].join('、')} 之一` },
        found: profile.coefficientTable,
      }),
    );
    throw located(issues);
  }
  const local = new Set(Object.keys(profile.localIndicators ?? {}));
  profile.indicators.forEach((p, i) => {
    if (!catalogue().has(p.id) && !local.has(p.id))
      issues.push(makeIssue('input.unknown-indicator', ['indicators', i, 'id'], { found: p.id }));
  });
  let set: LocalIndicatorSet | null = null;
  try {
    set = compileLocalIndicators(profile);
  } catch (e) {
    if (!(e instanceof GepInputError)) throw e;
    issues.push(...e.issues);
  }
  if (issues.length || !set) throw located(issues);
  return attachLocalIndicators(profile, set);
}
