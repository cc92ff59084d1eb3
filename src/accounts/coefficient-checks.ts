/**
 * Checks on the coefficients an account used (系数使用检查), after every indicator has run, so that
 * each problem is reported once and all of them at once:
 *
 * - a coefficient with status to-verify: warned about; refused under `strict`, each with the
 *   override id that would replace it (before, strict mode stopped at the first one per indicator);
 * - a table price carried to the account year with price-index years still to verify: refused under
 *   `strict` (the per-price warning comes from the indicator);
 * - a table row that is another region's local value (`needsLocalValue`) used because the input gave
 *   no local value: warned about by name, refused under `strict`;
 * - a regional adjustment coefficient with status to-verify: refused under `strict`.
 */
import { makeIssue, type GepIssue, type GepWarning } from '../errors/errors.js';
import { makeWarning } from '../errors/warnings/index.js';
import type { CoefficientTable, CoefficientUse } from '../coefficients/types.js';
import type { IndicatorResult } from '../indicators/types.js';
import type { Profile } from '../profiles/profiles.js';

/** A coefficient as first used in the account, with the indicator that first read it. */
interface FirstUse {
  readonly use: CoefficientUse;
  readonly indicator: string;
  /** Where in the input the value was needed (the indicator's path when not known). */
  readonly path: readonly (string | number)[];
}

function firstUses(
  results: readonly IndicatorResult<unknown>[],
  pathOf: (indicator: string, id: string) => readonly (string | number)[] | undefined,
): FirstUse[] {
  const out = new Map<string, FirstUse>();
  for (const r of results) {
    for (const use of r.coefficients) {
      // A later use may carry the rebasing the first did not record; keep where it was first needed.
      const seen = out.get(use.id);
      out.set(
        use.id,
        seen
          ? { ...seen, use: use.rebased ? use : seen.use }
          : { use, indicator: r.id, path: pathOf(r.id, use.id) ?? ['indicators', r.id] },
      );
    }
  }
  return [...out.values()];
}

const valueText = (u: CoefficientUse) => `${u.value}${u.unit === '1' ? '' : ` ${u.unit}`}`;

/**
 * The warnings and (under `strict`) the issues about the coefficients an account used.
 *
 * @param results - the indicators as computed (their `coefficients` lists)
 * @param table - the table the profile pins, for the rows' `needsLocalValue`
 * @param profile - for its adjustment coefficients
 * @param strict - refuse instead of warn
 */
export function coefficientChecks(
  results: readonly IndicatorResult<unknown>[],
  table: CoefficientTable,
  profile: Profile,
  strict: boolean,
  pathOf: (indicator: string, id: string) => readonly (string | number)[] | undefined = () => undefined,
): { issues: GepIssue[]; warnings: GepWarning[] } {
  const issues: GepIssue[] = [];
  const warnings: GepWarning[] = [];
  const uses = firstUses(results, pathOf);
  const rows = new Map(table.rows.map((r) => [r.id, r]));

  const toVerify = uses.filter((u) => u.use.status === 'to-verify');
  if (toVerify.length) {
    const list = toVerify.map(({ use }) => `${use.id} = ${valueText(use)} (${use.source})`);
    warnings.push(
      makeWarning('coefficient-to-verify', { params: { count: toVerify.length, list: { en: list.join('; '), zh: list.join('；') } } }),
    );
  }
  if (strict) for (const { use, path } of toVerify) issues.push(makeIssue('coefficient.to-verify', path, { found: use.id }));

  if (strict) {
    for (const { use, path } of uses) {
      const years = (use.rebased?.years ?? []).filter((y) => y.status === 'to-verify').map((y) => y.year);
      if (years.length)
        issues.push(
          makeIssue('coefficient.index-to-verify', path, { found: use.id, expected: `${use.rebased!.index} ${years.join(', ')}` }),
        );
    }
  }

  const local = uses.filter(({ use }) => use.status !== 'user-override' && rows.get(use.id)?.needsLocalValue);
  for (const { use, indicator, path } of local) {
    const where = `${use.source}${use.priceYear !== null ? `, ${use.priceYear}` : ''}`;
    if (strict) issues.push(makeIssue('coefficient.needs-local-value', path, { found: use.id, expected: `${valueText(use)}, ${where}` }));
    else {
      warnings.push(
        makeWarning('coefficient-needs-local-value', {
          indicator,
          path,
          params: { indicator, id: use.id, value: valueText(use), where, table: use.table },
        }),
      );
    }
  }

  if (strict) {
    (profile.adjustments ?? []).forEach((a, i) => {
      if (a.status === 'to-verify' && results.some((r) => r.id === a.indicator)) {
        issues.push(
          makeIssue('profile.adjustment-to-verify', ['profile', 'adjustments', i, 'factor'], {
            found: `${a.indicator} k = ${a.factor} (${a.source})`,
          }),
        );
      }
    });
  }
  return { issues, warnings };
}
