/**
 * Reproducing a published account row by row (复核): the whole case is validated first (every
 * problem reported at once, located in the case file), then every recomputed row is compared with
 * its printed value and every printed identity is checked against the printed parts and, when
 * each part was recomputed independently, against the recomputed ones. The verdict says what was
 * shown: rows that hold, identities only, or a failure.
 */
import { GepDecimal } from '../numbers/arithmetic.js';
import type { PublishedCase } from './case.js';
import { identityOutcome, type IdentityOutcome, type IdentityPart } from './identities.js';
import { rowOutcome, type RowOutcome } from './rows.js';
import { caseTable, validateCase, type CaseTable } from './validate.js';

export { halfUnitOfLastDigit, type RowOutcome, type RowStatus, type RowTrace, type RowCoefficient, type ToleranceKind } from './rows.js';
export type { IdentityOutcome, IdentityStatus, IdentityCheck, CheckStatus } from './identities.js';
export { validateCase, caseTable, defaultCaseTable, type CaseTable, type ValidatedCase, type RowComputation } from './validate.js';

/**
 * What the reproduction shows:
 * - `holds`: at least one row was recomputed independently and agrees, and nothing fails;
 * - `identities-only`: no row was recomputed independently (printed figures only, or circular rows),
 *   and the identities hold: nothing shows that the published rows can be recomputed;
 * - `fails`: a row outside tolerance, an identity that does not hold, or a stale excuse;
 * - `nothing-checked`: no row agrees and no identity was checked.
 */
export type Verdict = 'holds' | 'identities-only' | 'fails' | 'nothing-checked';

/** Counts behind the verdict. */
export interface ReproductionCounts {
  readonly rows: number;
  /** Rows recomputed independently (not circular), whatever their outcome. */
  readonly recomputed: number;
  readonly agree: number;
  readonly outsideTolerance: number;
  readonly knownInconsistencies: number;
  readonly staleExcuses: number;
  readonly circular: number;
  readonly notReproducible: number;
  readonly widenedTolerances: number;
  readonly identities: number;
  readonly identitiesHold: number;
  readonly identitiesFail: number;
  readonly identitiesKnown: number;
  readonly identitiesStale: number;
}

/** The whole reproduction. */
export interface Reproduction {
  readonly case: PublishedCase;
  /** The coefficient table the rows fell back on, and whether the case named it. */
  readonly coefficientTable: CaseTable;
  readonly rows: readonly RowOutcome[];
  readonly identities: readonly IdentityOutcome[];
  readonly verdict: Verdict;
  /** True only for the verdict `holds`: rows recomputed independently agree and nothing fails. */
  readonly holds: boolean;
  readonly counts: ReproductionCounts;
}

/** Parse and validate a case file's JSON data (rows recomputed included); every problem is reported at once. */
export function parseCase(data: unknown): PublishedCase {
  return validateCase(data).case;
}

function countsOf(rows: readonly RowOutcome[], identities: readonly IdentityOutcome[]): ReproductionCounts {
  const rowsWith = (s: RowOutcome['status']) => rows.filter((r) => r.status === s).length;
  const idsWith = (s: IdentityOutcome['status']) => identities.filter((i) => i.status === s).length;
  return {
    rows: rows.length,
    recomputed: rows.filter((r) => r.recomputed !== null && r.status !== 'circular').length,
    agree: rowsWith('ok'),
    outsideTolerance: rowsWith('outside-tolerance'),
    knownInconsistencies: rowsWith('known-inconsistency'),
    staleExcuses: rowsWith('stale-excuse'),
    circular: rowsWith('circular'),
    notReproducible: rowsWith('not-reproducible'),
    widenedTolerances: rows.filter((r) => r.toleranceKind !== 'printed-digit').length,
    identities: identities.length,
    identitiesHold: idsWith('ok'),
    identitiesFail: idsWith('fails'),
    identitiesKnown: idsWith('known-inconsistency'),
    identitiesStale: idsWith('stale-excuse'),
  };
}

function verdictOf(n: ReproductionCounts): Verdict {
  if (n.outsideTolerance || n.staleExcuses || n.identitiesFail || n.identitiesStale) return 'fails';
  if (n.agree > 0) return 'holds';
  if (n.identitiesHold + n.identitiesKnown > 0) return 'identities-only';
  return 'nothing-checked';
}

/** Reproduce a published case: validate it, recompute its rows and check its identities. */
export function reproduceCase(data: unknown): Reproduction {
  const { case: c, computed } = validateCase(data);
  const outcomes = c.rows.map((r) => rowOutcome(r, computed.get(r.id)));
  // A circular row proves nothing, so it does not count as a recomputed part either.
  const parts = new Map<string, IdentityPart>(
    c.rows.map((r, i) => {
      const o = outcomes[i]!;
      const independent = o.recomputedValue !== null && o.status !== 'circular' && o.circular === undefined;
      return [r.id, { row: r, recomputed: independent ? o.recomputedValue : null, tolerance: new GepDecimal(o.tolerance) }];
    }),
  );
  const identities = c.identities.map((i) => identityOutcome(i, parts));
  const rows: RowOutcome[] = outcomes.map(({ recomputedValue: _, ...o }) => o);
  const counts = countsOf(rows, identities);
  const verdict = verdictOf(counts);
  return { case: c, coefficientTable: caseTable(c), rows, identities, verdict, holds: verdict === 'holds', counts };
}
