/**
 * How the core finds a profile's local indicators (地方指标). The compiler (./compile.ts, loaded
 * from `gep-accounting/local` so that the core bundle carries no expression parser) turns a
 * profile's `localIndicators` into indicator modules and attaches them to the profile object under
 * a symbol key: the profile stays plain data (JSON.stringify and the profile schema do not see the
 * key), and `computeGep`, the templates and the table importers look an indicator up with
 * `profileIndicator(profile, id)`: the profile's local module, else the built-in registry.
 */
import { makeIssue, type GepIssue } from '../../errors/errors.js';
import type { Coefficient, CoefficientTable } from '../../coefficients/types.js';
import type { Profile } from '../../profiles/profiles.js';
import { catalogue } from '../catalogue.js';
import { getIndicator, INDICATORS } from '../registry.js';
import type { CatalogueEntry, IndicatorModule } from '../types.js';

/** The key of a profile's compiled local indicators. */
export const LOCAL_INDICATORS: unique symbol = Symbol.for('gep-accounting.local-indicators');

/** A profile's local indicators, compiled. */
export interface LocalIndicatorSet {
  /** The profile's `localIndicators` they were compiled from (a changed profile is compiled again). */
  readonly source: object;
  /** Modules by local id, in the profile's order. */
  readonly modules: ReadonlyMap<string, IndicatorModule<unknown>>;
  /** Coefficient rows the definitions carry, each with `table` naming its origin. */
  readonly rows: readonly (Coefficient & { readonly table: string })[];
}

/** A profile that may carry compiled local indicators. */
export type ProfileWithLocal = Profile & { readonly [LOCAL_INDICATORS]?: LocalIndicatorSet };

/** The profile with its compiled local indicators attached (a new object; the profile is not changed). */
export function attachLocalIndicators(profile: Profile, set: LocalIndicatorSet): ProfileWithLocal {
  return { ...profile, [LOCAL_INDICATORS]: set };
}

/** The compiled local indicators of a profile, if any were attached for its current definitions. */
export function localIndicatorsOf(profile: Profile): LocalIndicatorSet | undefined {
  const set = (profile as ProfileWithLocal)[LOCAL_INDICATORS];
  return set && set.source === profile.localIndicators ? set : undefined;
}

/**
 * The issue of a profile whose local indicators were not compiled (a profile object built by hand,
 * or changed after loading): the core cannot compile formulas itself.
 */
export function uncompiledLocalIssues(profile: Profile, path: readonly (string | number)[] = ['profile']): GepIssue[] {
  const defined = Object.keys(profile.localIndicators ?? {});
  if (!defined.length || localIndicatorsOf(profile)) return [];
  return [makeIssue('local.not-compiled', [...path, 'localIndicators'], { found: profile.id })];
}

/** The module of an indicator under a profile: its local module, else the built-in one. */
export function profileIndicator(profile: Profile | undefined, id: string): IndicatorModule<unknown> | undefined {
  return (profile && localIndicatorsOf(profile)?.modules.get(id)) ?? getIndicator(id);
}

/** Every module a profile can use: the built-in ones, then its local ones. */
export function profileIndicators(profile: Profile | undefined): ReadonlyMap<string, IndicatorModule<unknown>> {
  const local = profile && localIndicatorsOf(profile);
  return local ? new Map([...INDICATORS, ...local.modules]) : INDICATORS;
}

/** The catalogue entry of an indicator under a profile (local ones carry their own). */
export function profileEntry(profile: Profile | undefined, id: string): CatalogueEntry | undefined {
  const local = profile && localIndicatorsOf(profile)?.modules.get(id);
  return local ? local.spec : catalogue().get(id);
}

const TABLES = new WeakMap<LocalIndicatorSet, WeakMap<CoefficientTable, CoefficientTable>>();

/**
 * The pinned table with the rows the local definitions carry appended, made once per table and set.
 * The key stays the pinned table's; each carried row names its own origin (`table`), which the
 * trace shows for it.
 */
export function withLocalRows(table: CoefficientTable, profile: Profile): CoefficientTable {
  const set = localIndicatorsOf(profile);
  if (!set?.rows.length) return table;
  let byTable = TABLES.get(set);
  if (!byTable) TABLES.set(set, (byTable = new WeakMap()));
  let merged = byTable.get(table);
  if (!merged) byTable.set(table, (merged = { ...table, rows: [...table.rows, ...set.rows] }));
  return merged;
}
