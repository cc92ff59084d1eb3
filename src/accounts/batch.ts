/**
 * Batch accounts (批量核算): the GEP account of many units (every county of a province, every
 * county of the country) in one call. A unit that fails is reported with its issues and the others
 * go on. Where the units carry GB/T 2260 codes, the administrative hierarchy is checked for
 * additivity: each city against the sum of its counties, each province against the sum of its
 * cities (or of its counties when the batch has no city of it), per accounting year.
 *
 * Units are computed on compiled plans (src/plan/): units of one structure (the same indicators,
 * lines, units and names; other values) share a plan, validated and resolved once; each unit's
 * values are checked against the plan's slots (decimal text, sign, bounds) and evaluated without
 * zod or per-unit plumbing, with the direct path's results. A unit of a structure seen once, a
 * unit whose values fail their checks and a row the plan cannot take are computed directly, which
 * gives the same result and the same located issues. `streamGepBatch` hands each result over as it
 * is made and keeps only summaries, so memory stays flat for any number of units.
 *
 * This module is browser-safe and runs in the calling thread; `gep-accounting/node` spreads a large
 * batch over worker threads with the same report.
 */
import { arithmeticByName, decimalArithmetic, type Arithmetic, type GepDecimal } from '../numbers/arithmetic.js';
import { GepInputError, type GepIssue } from '../errors/errors.js';
import { computeGep, type GepOptions, type GepResult } from './gep.js';
import { gepResultToJson } from './serialize.js';
import type { Category } from '../indicators/types.js';
import {
  compileGepPlan,
  evaluateDecimalRows,
  evaluateFloatRows,
  finishRow,
  rowChecks,
  type GepPlan,
  type PlanTape,
  type RowEmit,
} from '../plan/plan.js';
import { readSlots, structureKey } from '../plan/slots.js';
import { PlanUnsupportedError, HOLE_CLOSE, HOLE_OPEN } from '../plan/tape.js';
import { compileTemplate, type RowValues } from '../plan/template.js';

/** One unit of a batch: its input, with an id and the file it came from for the report. */
export interface BatchUnit {
  readonly id?: string;
  readonly file?: string;
  readonly input: unknown;
}

/** The totals of one account as decimal strings (元), enough for reports and the hierarchy check. */
export interface BatchSummary {
  readonly name: string;
  readonly code: string | null;
  readonly level: string;
  readonly accountingYear: number;
  readonly priceYear: number;
  readonly totals: Readonly<Record<Category | 'gep', string>>;
  readonly warnings: number;
}

/** The outcome of one unit. */
export type BatchItem<R> =
  | {
      readonly index: number;
      readonly id: string;
      readonly file?: string;
      readonly ok: true;
      readonly summary: BatchSummary;
      readonly result: R;
    }
  | {
      readonly index: number;
      readonly id: string;
      readonly file?: string;
      readonly ok: false;
      readonly issues: readonly GepIssue[];
      readonly error?: string;
    };

/** Additivity of one parent unit: its own total against the sum of its children in the batch. */
export interface HierarchyCheck {
  readonly accountingYear: number;
  readonly parent: { readonly id: string; readonly code: string; readonly level: 'city' | 'province' };
  readonly childLevel: 'county' | 'city' | 'county+city';
  readonly children: readonly string[];
  /** Per total: the parent's value, the children's sum, and parent − sum (元, decimal strings). */
  readonly totals: Readonly<Record<Category | 'gep', { readonly parent: string; readonly children: string; readonly difference: string }>>;
  /** True when every total agrees: exactly on the decimal path, within 1e-9 relative on the float path. */
  readonly holds: boolean;
}

/** The hierarchy check of a batch, and the units it could not place. */
export interface HierarchyReport {
  readonly checks: readonly HierarchyCheck[];
  /** Units without a usable six-digit code, left out of the check. */
  readonly withoutCode: readonly string[];
  /** Units whose code names the same unit and year as another in the batch; the first is used. */
  readonly duplicates: readonly string[];
}

/** The report of a batch. */
export interface BatchReport<R> {
  readonly items: readonly BatchItem<R>[];
  readonly succeeded: number;
  readonly failed: number;
  readonly hierarchy: HierarchyReport;
  /** Units computed on compiled plans (the others directly): set by `streamGepBatch` and `computeGepBatch`. */
  readonly onPlans?: number;
}

/** Options of `computeGepBatch`: those of `computeGep`, plus progress. */
export type BatchOptions<T> = GepOptions<T> & {
  /** Called after each unit with the number done and the batch size (0 when the size is not known). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Compute units of a shared structure on a compiled plan (default true); false computes every unit directly. */
  readonly plan?: boolean;
};

const TOTALS: readonly (Category | 'gep')[] = ['material', 'regulating', 'cultural', 'gep'];

function isBatchUnit(x: unknown): x is BatchUnit {
  return typeof x === 'object' && x !== null && 'input' in x && !('region' in x);
}

/** A readable id for a unit: the given id, else the region code, else the region name, else its position. */
export function unitId(unit: BatchUnit, index: number): string {
  if (unit.id) return unit.id;
  const region = (unit.input as { region?: { code?: unknown; name?: unknown } } | null)?.region;
  if (typeof region?.code === 'string' && region.code) return region.code;
  if (typeof region?.name === 'string' && region.name) return region.name;
  return `unit-${index + 1}`;
}

/** The totals of a result, as decimal strings. */
export function summarize<T>(result: GepResult<T>): BatchSummary {
  const A = arithmeticByName<T>(result.arithmetic);
  return {
    name: result.region.name,
    code: result.region.code ?? null,
    level: result.region.level,
    accountingYear: result.accountingYear,
    priceYear: result.priceYear,
    totals: Object.fromEntries(TOTALS.map((k) => [k, A.toString(result.totals[k].value)])) as Record<Category | 'gep', string>,
    warnings: result.warnings.length,
  };
}

/** The item of a unit refused with `issues`, located in its file as `computeBatchItem` locates them. */
function failedItem(unit: BatchUnit, index: number, issues: readonly GepIssue[]): BatchItem<never> {
  const file = unit.file;
  return {
    index,
    id: unitId(unit, index),
    ...(file ? { file } : {}),
    ok: false,
    issues: file ? issues.map((i) => ({ ...i, location: { ...i.location, file: i.location?.file ?? file } })) : issues,
  };
}

/** Compute one unit, catching its failure as an item. */
export function computeBatchItem<T, R>(
  unit: BatchUnit,
  index: number,
  options: GepOptions<T>,
  shape: (r: GepResult<T>) => R,
): BatchItem<R> {
  const id = unitId(unit, index);
  const file = unit.file ? { file: unit.file } : {};
  try {
    const result = computeGep(unit.input, options as GepOptions<T> & { arithmetic: Arithmetic<T> });
    return { index, id, ...file, ok: true, summary: summarize(result), result: shape(result) };
  } catch (e) {
    if (e instanceof GepInputError) {
      return failedItem(unit, index, e.issues);
    }
    return { index, id, ...file, ok: false, issues: [], error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The GEP accounts of many units. Each unit is computed as `computeGep` would; a unit that fails
 * is reported (its issues, or the error) without stopping the others.
 *
 * @param inputs - account inputs, or `{ id, file, input }` units
 * @param options - as `computeGep` (profile, arithmetic, overrides, strict), plus `onProgress`
 * @returns every unit's outcome in input order, the counts, and the hierarchy additivity check
 * @example
 * const report = computeGepBatch(counties);
 * report.failed                       //=> 0
 * report.hierarchy.checks[0].holds    //=> true when the city equals the sum of its counties
 */
export function computeGepBatch(inputs: readonly unknown[]): BatchReport<GepResult<GepDecimal>>;
export function computeGepBatch<T>(
  inputs: readonly unknown[],
  options: BatchOptions<T> & { arithmetic: Arithmetic<T> },
): BatchReport<GepResult<T>>;
export function computeGepBatch(
  inputs: readonly unknown[],
  options: Omit<BatchOptions<GepDecimal>, 'arithmetic'>,
): BatchReport<GepResult<GepDecimal>>;
export function computeGepBatch<T>(inputs: readonly unknown[], options: BatchOptions<T> = {}): BatchReport<GepResult<T>> {
  const items: BatchItem<GepResult<T>>[] = [];
  const { onPlans } = streamGepBatch(inputs, { ...options, form: 'object' } as StreamOptions<T>, (item) =>
    items.push(item as BatchItem<GepResult<T>>),
  );
  return {
    ...reportOf(items, (options.arithmetic?.name ?? 'decimal') === 'decimal' ? 'decimal' : 'float64'),
    ...(onPlans !== undefined ? { onPlans } : {}),
  };
}

/**
 * The form in which `streamGepBatch` hands over each result: the result object, its JSON text
 * (`gepResultToJson`, indented by 2), that text's UTF-8 bytes followed by a newline (a result file
 * as `gep batch` writes it: on the plan the bytes are made without the text), or none (summaries only).
 */
export type ResultForm = 'object' | 'json' | 'bytes' | 'none';

const utf8 = new TextEncoder();

/** Options of `streamGepBatch`. */
export type StreamOptions<T> = BatchOptions<T> & {
  readonly form: ResultForm;
  /** The number of units, for progress, when `inputs` is an iterable without a length. */
  readonly total?: number;
};

/** Units per chunk: a chunk's units are grouped by plan and evaluated together, then handed over in input order. */
const CHUNK = 256;
/** Plans kept at once (one per structure); beyond, the least recently used is dropped. */
const MAX_PLANS = 16;

interface PlanSlot {
  readonly plan: GepPlan;
  readonly key: string;
  used: number;
}

/**
 * The GEP accounts of many units, handed over one by one in input order (`onItem`) as they are made;
 * the report keeps the summaries only (`result: null`), so memory does not grow with the results.
 * Inputs may be any iterable (a generator reading files one at a time).
 *
 * @param inputs - account inputs, or `{ id, file, input }` units
 * @param options - as `computeGepBatch`, plus `form` (`object`, `json` text, `bytes` of a result file, or `none`)
 * @param onItem - called with each unit's outcome, result included, in input order
 * @returns the counts and the hierarchy check, with each item's summary
 * @example
 * const report = streamGepBatch(counties, { form: 'json' }, (item) => item.ok && write(`${item.id}.json`, item.result));
 */
export function streamGepBatch<T>(
  inputs: Iterable<unknown>,
  options: StreamOptions<T>,
  onItem: (item: BatchItem<unknown>) => void = () => {},
): BatchReport<null> {
  const { onProgress, form, total: givenTotal, plan: usePlan = true, ...rest } = options;
  const gepOptions = rest as GepOptions<T>;
  const A = (gepOptions.arithmetic ?? decimalArithmetic) as Arithmetic<T>;
  const name = A.name;
  const total = givenTotal ?? (Array.isArray(inputs) ? inputs.length : 0);
  const planOptions = {
    ...(gepOptions.profile !== undefined ? { profile: gepOptions.profile } : {}),
    ...(gepOptions.overrides ? { overrides: gepOptions.overrides } : {}),
    ...(gepOptions.strict !== undefined ? { strict: gepOptions.strict } : {}),
    ...(gepOptions.rebase !== undefined ? { rebase: gepOptions.rebase } : {}),
  };
  const shape = (r: GepResult<T>): unknown =>
    form === 'object'
      ? r
      : form === 'json'
        ? JSON.stringify(gepResultToJson(r), null, 2)
        : form === 'bytes'
          ? utf8.encode(`${JSON.stringify(gepResultToJson(r), null, 2)}\n`)
          : null;
  const kept: BatchItem<null>[] = [];
  const plans: PlanSlot[] = [];
  const seen = new Map<string, number>(); // structures met once (not yet worth a plan), and unplannable ones (−1)
  let clock = 0;
  let done = 0;
  let onPlans = 0;

  const planFor = (input: unknown, texts: string[]): PlanSlot | 'invalid' | null => {
    for (const p of plans) {
      texts.length = 0;
      const r = readSlots(p.plan.structure.root, input, texts);
      if (r === 'structure') continue;
      p.used = ++clock;
      return r === 'ok' ? p : 'invalid';
    }
    let key: string;
    try {
      // A profile object may carry local indicators, whose blocks only its own lookup knows.
      key = structureKey(input, typeof gepOptions.profile === 'object' ? gepOptions.profile : undefined);
    } catch {
      return null;
    }
    const count = seen.get(key) ?? 0;
    if (count === -1) return null;
    if (count === 0) {
      seen.set(key, 1);
      return null;
    }
    try {
      const plan = compileGepPlan(input, planOptions);
      if (plans.length >= MAX_PLANS)
        plans.splice(
          plans.reduce((m, p, i) => (p.used < plans[m]!.used ? i : m), 0),
          1,
        );
      const slot: PlanSlot = { plan, key, used: ++clock };
      plans.push(slot);
      seen.delete(key);
      texts.length = 0;
      return readSlots(plan.structure.root, input, texts) === 'ok' ? slot : 'invalid';
    } catch (e) {
      if (!(e instanceof GepInputError) && !(e instanceof PlanUnsupportedError)) throw e;
      seen.set(key, -1); // refused or unplannable: its units are computed directly
      return null;
    }
  };

  const hand = (item: BatchItem<unknown>) => {
    onItem(item);
    kept.push(
      item.ok
        ? { index: item.index, id: item.id, ...(item.file ? { file: item.file } : {}), ok: true, summary: item.summary, result: null }
        : (item as BatchItem<null>),
    );
    onProgress?.(++done, total);
  };

  const runChunk = (chunk: { unit: BatchUnit; index: number }[]) => {
    const out: (BatchItem<unknown> | undefined)[] = new Array(chunk.length);
    // Units waiting for their plan's evaluation; the others are handed over as soon as every unit
    // before them is, so that a result is dropped by the caller while it is young (results held for
    // a whole chunk lived long enough to be promoted, and garbage collection took 40 % of the time).
    const waiting = new Uint8Array(chunk.length);
    let next = 0;
    const flush = () => {
      for (; next < chunk.length; next++) {
        let item = out[next];
        if (!item) {
          if (waiting[next]) return;
          const { unit, index } = chunk[next]!;
          item = computeBatchItem(unit, index, gepOptions, shape);
        }
        out[next] = undefined;
        hand(item);
      }
    };
    const groups = new Map<PlanSlot, { at: number[]; rows: string[][] }>();
    chunk.forEach(({ unit }, j) => {
      const texts: string[] = [];
      const slot = usePlan ? planFor(unit.input, texts) : null;
      if (slot === null || slot === 'invalid') return;
      let g = groups.get(slot);
      if (!g) groups.set(slot, (g = { at: [], rows: [] }));
      g.at.push(j);
      g.rows.push(texts);
      waiting[j] = 1;
    });
    flush();
    for (const [slot, g] of groups) {
      const emit: RowEmit = (r, tape, row) => {
        const j = g.at[r]!;
        const { unit, index } = chunk[j]!;
        const file = unit.file ? { file: unit.file } : {};
        // The checks computeGep makes outside the arithmetic (given prices, plausibility), on this unit.
        let result: unknown = null;
        let extra: number;
        if (form === 'none') {
          const checked = rowChecks(tape, row, unit.input, A as Arithmetic<unknown>);
          if (!checked) return;
          if (checked.issues) {
            out[j] = failedItem(unit, index, checked.issues);
            onPlans++;
            if (j === next) flush();
            return;
          }
          extra = checked.warnings.length;
        } else {
          const done = finishRow(tape, row, unit.input, A as Arithmetic<unknown>, form);
          if (!done) return;
          if ('issues' in done) {
            out[j] = failedItem(unit, index, done.issues);
            onPlans++;
            if (j === next) flush();
            return;
          }
          result = done.result;
          extra = done.extraWarnings;
        }
        const summary = summaryOf(tape, row);
        out[j] = {
          index,
          id: unitId(unit, index),
          ...file,
          ok: true,
          summary: extra ? { ...summary, warnings: summary.warnings + extra } : summary,
          result,
        };
        onPlans++;
        if (j === next) flush();
      };
      if (name === 'decimal') evaluateDecimalRows(slot.plan, g.rows, emit);
      else evaluateFloatRows(slot.plan, g.rows, emit);
      // The group's rows the plan did not take are computed directly, in turn.
      for (const j of g.at) waiting[j] = 0;
      flush();
    }
    flush();
  };

  let chunk: { unit: BatchUnit; index: number }[] = [];
  let index = 0;
  for (const raw of inputs) {
    chunk.push({ unit: isBatchUnit(raw) ? raw : { input: raw }, index: index++ });
    if (chunk.length === CHUNK) {
      runChunk(chunk);
      chunk = [];
    }
  }
  if (chunk.length) runChunk(chunk);
  return { ...reportOf(kept, name === 'decimal' ? 'decimal' : 'float64'), onPlans };
}

/** The summary of a row of a plan, as `summarize` would make it from the row's result. */
const SUMMARIES = new WeakMap<PlanTape, (row: RowValues<unknown>) => BatchSummary>();
function summaryOf(tape: PlanTape, row: RowValues<unknown>): BatchSummary {
  let f = SUMMARIES.get(tape);
  if (!f) {
    const hole = (id: number) => `${HOLE_OPEN}${id}${HOLE_CLOSE}`;
    const t = tape.template;
    const fill = compileTemplate<Omit<BatchSummary, 'name' | 'code' | 'level'>>(
      {
        accountingYear: t.accountingYear,
        priceYear: t.priceYear,
        totals: {
          material: hole(tape.totals.categories.material),
          regulating: hole(tape.totals.categories.regulating),
          cultural: hole(tape.totals.categories.cultural),
          gep: hole(tape.totals.gep),
        },
        warnings: tape.warningCount,
      },
      tape.resolve,
    );
    f = (row) => {
      const region = tape.region(row);
      return { name: region.name, code: region.code ?? null, level: region.level, ...fill(row) };
    };
    SUMMARIES.set(tape, f);
  }
  return f(row);
}

/** Assemble the report of computed items (also used by the worker-thread runner). */
export function reportOf<R>(items: readonly BatchItem<R>[], arithmetic: 'decimal' | 'float64'): BatchReport<R> {
  const succeeded = items.filter((i) => i.ok).length;
  return { items, succeeded, failed: items.length - succeeded, hierarchy: checkHierarchy(items, arithmetic) };
}

/** The administrative level a GB/T 2260 code names: PP0000 province, PPCC00 prefecture (city), else county. */
export function levelOfCode(code: string): 'province' | 'city' | 'county' {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/**
 * Check additivity county → city → province by code prefixes, per accounting year. A city PPCC00
 * is checked against the counties PPCCxx of the batch; a province PP0000 against its cities PPCC00
 * plus its province-administered counties (PP90xx), or against all its counties when the batch has
 * none of its cities. A parent without children in the batch is not checked: whether the batch
 * holds every child cannot be known from codes alone, so a difference may also mean a missing unit.
 */
export function checkHierarchy(items: readonly BatchItem<unknown>[], arithmetic: 'decimal' | 'float64' = 'decimal'): HierarchyReport {
  const withoutCode: string[] = [];
  const duplicates: string[] = [];
  const byYear = new Map<number, Map<string, { id: string; summary: BatchSummary }>>();
  for (const item of items) {
    if (!item.ok) continue;
    const code = item.summary.code;
    if (!code || !/^\d{6}$/.test(code)) {
      withoutCode.push(item.id);
      continue;
    }
    const units = byYear.get(item.summary.accountingYear) ?? new Map();
    byYear.set(item.summary.accountingYear, units);
    if (units.has(code)) duplicates.push(item.id);
    else units.set(code, { id: item.id, summary: item.summary });
  }
  const checks: HierarchyCheck[] = [];
  for (const [year, units] of [...byYear].sort((a, b) => a[0] - b[0])) {
    const codes = [...units.keys()].sort();
    for (const code of codes) {
      const level = levelOfCode(code);
      if (level === 'county') continue;
      let children: string[];
      let childLevel: HierarchyCheck['childLevel'];
      if (level === 'city') {
        children = codes.filter((c) => c !== code && c.startsWith(code.slice(0, 4)) && levelOfCode(c) === 'county');
        childLevel = 'county';
      } else {
        const p = code.slice(0, 2);
        const cities = codes.filter((c) => c !== code && c.startsWith(p) && levelOfCode(c) === 'city');
        if (cities.length) {
          const direct = codes.filter((c) => c.startsWith(`${p}90`) && levelOfCode(c) === 'county');
          children = [...cities, ...direct];
          childLevel = direct.length ? 'county+city' : 'city';
        } else {
          children = codes.filter((c) => c.startsWith(p) && levelOfCode(c) === 'county');
          childLevel = 'county';
        }
      }
      if (!children.length) continue;
      checks.push(
        additivity(
          year,
          code,
          units.get(code)!,
          level,
          childLevel,
          children.map((c) => units.get(c)!),
          arithmetic,
        ),
      );
    }
  }
  return { checks, withoutCode, duplicates };
}

function additivity(
  year: number,
  code: string,
  parent: { id: string; summary: BatchSummary },
  level: 'city' | 'province',
  childLevel: HierarchyCheck['childLevel'],
  children: readonly { id: string; summary: BatchSummary }[],
  arithmetic: 'decimal' | 'float64',
): HierarchyCheck {
  const A = decimalArithmetic;
  let holds = true;
  const totals = Object.fromEntries(
    TOTALS.map((k) => {
      const p = A.fromString(parent.summary.totals[k]);
      const sum = A.sum(children.map((c) => A.fromString(c.summary.totals[k])));
      const difference = A.subtract(p, sum);
      const tolerance = arithmetic === 'decimal' ? A.zero : A.multiply(A.fromString('1e-9'), maxAbs(p, sum));
      if (A.compare(difference.abs(), tolerance) > 0) holds = false;
      return [k, { parent: A.toString(p), children: A.toString(sum), difference: A.toString(difference) }];
    }),
  ) as HierarchyCheck['totals'];
  return { accountingYear: year, parent: { id: parent.id, code, level }, childLevel, children: children.map((c) => c.id), totals, holds };
}

function maxAbs(a: GepDecimal, b: GepDecimal): GepDecimal {
  return a.abs().gte(b.abs()) ? a.abs() : b.abs();
}
