/**
 * Profile checks (核算方案校验). A profile is data: every indicator id, method-variant name and
 * option value in it is checked against the indicator modules' `spec.variants` when the profile is
 * loaded, so that a typo (`runoff: 'storm-runof'`) is a located error listing the valid names and
 * never silently computes the default method. Shipped profiles are checked by a test; a profile
 * object passed to `computeGep` is checked at use.
 */
import { makeIssue, type GepIssue } from '../errors/errors.js';
import { toGepIssues } from '../indicators/input-schema.js';
import { profileEntry, profileIndicator } from '../indicators/local/attach.js';
import { coefficientTables } from '../coefficients/tables.js';
import { priceIndices } from '../coefficients/indices.js';
import { profileSchema, type Profile } from './profiles.js';

/**
 * Every problem of a profile: its shape (zod schema), an unknown or repeated indicator, a variant
 * name the indicator does not have, an option the variant does not have, an unknown coefficient
 * table or price index, and an adjustment coefficient for an indicator the profile does not enable.
 *
 * @param profile - a profile object (shipped or built by the caller)
 * @param base - path of the profile in the caller's terms, for the issues (default `["profile"]`)
 * @returns the issues, empty when the profile is usable
 */
export function profileIssues(profile: unknown, base: readonly (string | number)[] = ['profile']): GepIssue[] {
  const parsed = profileSchema.safeParse(profile, { reportInput: true });
  if (!parsed.success) return toGepIssues(parsed.error, base);
  const p = parsed.data;
  const issues: GepIssue[] = [];
  if (!coefficientTables().has(p.coefficientTable)) {
    issues.push(
      makeIssue('profile.table-unknown', [...base, 'coefficientTable'], {
        found: p.coefficientTable,
        expected: [...coefficientTables().keys()].join(', '),
      }),
    );
  }
  if (p.priceIndex !== undefined && !priceIndices().has(p.priceIndex)) {
    issues.push(
      makeIssue('profile.index-unknown', [...base, 'priceIndex'], { found: p.priceIndex, expected: [...priceIndices().keys()].join(', ') }),
    );
  }
  const seen = new Set<string>();
  p.indicators.forEach((ind, i) => {
    const at = [...base, 'indicators', i];
    // The catalogue's indicators, and the profile's own local ones (compiled by gep-accounting/local).
    if (!profileEntry(profile as Profile, ind.id)) {
      issues.push(makeIssue('profile.unknown-indicator', [...at, 'id'], { found: ind.id }));
      return;
    }
    if (seen.has(ind.id)) issues.push(makeIssue('input.duplicate', [...at, 'id'], { found: ind.id }));
    seen.add(ind.id);
    const module = profileIndicator(profile as Profile, ind.id);
    // An indicator of the catalogue not implemented yet has no variants to check; it is reported as
    // not accounted when the account runs.
    if (!module) return;
    // Same code and path as the indicator framework's own check at compute time
    // (src/indicators/define.ts), so one fault gives one issue shape: variant.<indicator>.<name>.
    const variants = new Map(module.spec.variants.map((v) => [v.name, v]));
    for (const [name, option] of Object.entries(ind.variant)) {
      const v = variants.get(name);
      if (!v) {
        issues.push(
          makeIssue('profile.variant-unknown', ['variant', ind.id, name], {
            found: name,
            expected: [...variants.keys()].join(', ') || 'no variant',
          }),
        );
      } else if (!Object.hasOwn(v.options, option)) {
        issues.push(
          makeIssue('profile.variant-unknown', ['variant', ind.id, name], { found: option, expected: Object.keys(v.options).join(', ') }),
        );
      }
    }
  });
  (p.adjustments ?? []).forEach((a, i) => {
    if (!seen.has(a.indicator))
      issues.push(makeIssue('profile.adjustment-not-enabled', [...base, 'adjustments', i, 'indicator'], { found: a.indicator }));
  });
  return issues;
}

const CHECKED = new WeakMap<object, readonly GepIssue[]>();

/** `profileIssues`, remembered per profile object (shipped profiles are checked once per process). */
export function checkedProfileIssues(profile: Profile): readonly GepIssue[] {
  let issues = CHECKED.get(profile);
  if (!issues) CHECKED.set(profile, (issues = profileIssues(profile)));
  return issues;
}
