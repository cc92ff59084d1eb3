/**
 * Issue 13: a variant typo in a profile (`runoff: 'storm-runof'`) silently computed the default
 * method. Profiles are now checked against each indicator module's `spec.variants` when loaded.
 */
import { describe, expect, it } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { GepInputError } from '../../src/errors/errors.js';
import { getProfile, listProfiles } from '../../src/profiles/profiles.js';
import { profileIssues } from '../../src/profiles/check.js';
import type { GepInput } from '../../src/accounts/input.js';

const national = getProfile('national-2022')!;
const small: GepInput = {
  region: { name: 'Test county', level: 'county' },
  accountingYear: 2022,
  priceYear: 2022,
  indicators: {
    'regulating.water-conservation': {
      ecosystems: [
        {
          ecosystemType: 'deciduous-broadleaf-forest',
          area: { value: '100', unit: 'km²' },
          precipitation: { value: '600', unit: 'mm' },
          evapotranspiration: { value: '400', unit: 'mm' },
          stormRunoff: { value: '30', unit: 'mm' },
        },
      ],
    },
  },
};

/** The national profile with one indicator's variant replaced. */
function withVariant(id: string, variant: Record<string, string>) {
  return { ...national, indicators: national.indicators.map((i) => (i.id === id ? { ...i, variant } : i)) };
}

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (e instanceof GepInputError)
      return e.issues.map((i) => ({ code: i.code, path: i.path.join('.'), found: i.found, expected: i.expected }));
    throw e;
  }
  throw new Error('no error');
}

describe('profile checks', () => {
  it('every shipped profile names only known indicators, variants and options', () => {
    for (const p of listProfiles()) expect(profileIssues(p), p.id).toEqual([]);
  });

  it('refuses a variant option typo with a located error that lists the valid options', () => {
    const profile = withVariant('regulating.water-conservation', { runoff: 'storm-runof' });
    expect(issuesOf(() => computeGep(small, { profile }))).toEqual([
      {
        code: 'profile.variant-unknown',
        path: 'variant.regulating.water-conservation.runoff',
        found: 'storm-runof',
        expected: 'mean-runoff-coefficient, storm-runoff',
      },
    ]);
  });

  it('refuses a variant name the indicator does not have, and an indicator outside the catalogue', () => {
    const profile = {
      ...withVariant('regulating.water-conservation', { runof: 'storm-runoff' }),
      indicators: [
        ...withVariant('regulating.water-conservation', { runof: 'storm-runoff' }).indicators,
        { id: 'regulating.soil-erosion', variant: {} },
      ],
    };
    expect(issuesOf(() => computeGep(small, { profile }))).toEqual([
      { code: 'profile.variant-unknown', path: 'variant.regulating.water-conservation.runof', found: 'runof', expected: 'runoff' },
      {
        code: 'profile.unknown-indicator',
        path: `profile.indicators.${national.indicators.length}.id`,
        found: 'regulating.soil-erosion',
        expected: undefined,
      },
    ]);
  });

  it('refuses a profile object of the wrong shape, an unknown table or index, and an adjustment that could never apply', () => {
    expect(issuesOf(() => computeGep(small, { profile: { ...national, indicators: 'all' } as never }))[0]).toMatchObject({
      code: 'input.type',
      path: 'profile.indicators',
    });
    expect(
      issuesOf(() => computeGep(small, { profile: { ...national, coefficientTable: 'national-2022/9.9.9', priceIndex: 'cpi-mars' } })),
    ).toMatchObject([
      { code: 'profile.table-unknown', path: 'profile.coefficientTable', found: 'national-2022/9.9.9' },
      { code: 'profile.index-unknown', path: 'profile.priceIndex', found: 'cpi-mars' },
    ]);
    const adjusted = {
      ...national,
      adjustments: [{ indicator: 'regulating.pest-control', factor: '1.1', source: 'test', status: 'to-verify' as const, note: '' }],
    };
    expect(issuesOf(() => computeGep(small, { profile: adjusted }))).toMatchObject([
      { code: 'profile.adjustment-not-enabled', path: 'profile.adjustments.0.indicator', found: 'regulating.pest-control' },
    ]);
  });

  it('uses the variant as spelled when it is right (storm runoff differs from the default)', () => {
    // storm-runoff: 100 km² × (600 − 30 − 400) mm = 17 000 000 m³; default: 100 km² × (600 − 600 × 2.70 % − 400) mm = 18 380 000 m³
    const storm = computeGep(small, { profile: withVariant('regulating.water-conservation', { runoff: 'storm-runoff' }), rebase: false });
    expect(storm.indicators[0]!.quantity.total!.value.toString()).toBe('17000000');
    expect(computeGep(small, { rebase: false }).indicators[0]!.quantity.total!.value.toString()).toBe('18380000');
  });
});
