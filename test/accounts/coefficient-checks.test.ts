/**
 * Issue 13: `--strict` stopped at the first to-verify coefficient of each indicator and let price
 * rebasing with to-verify CPI years through. It now lists every refused coefficient at once, each
 * located where it was needed and naming the override id that replaces it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { GepInputError } from '../../src/errors/errors.js';
import { getProfile } from '../../src/profiles/profiles.js';
import type { GepInput } from '../../src/accounts/input.js';

const sample = JSON.parse(readFileSync('fixtures/sample-county/input.json', 'utf8'));
const waterConservation = {
  ecosystems: [
    {
      ecosystemType: 'deciduous-broadleaf-forest',
      area: { value: '100', unit: 'km²' },
      precipitation: { value: '600', unit: 'mm' },
      evapotranspiration: { value: '400', unit: 'mm' },
    },
  ],
};
const small: GepInput = {
  region: { name: 'Test county', level: 'county', area: { value: '100', unit: 'km²' } },
  accountingYear: 2022,
  priceYear: 2022,
  indicators: { 'regulating.water-conservation': waterConservation },
};

function issuesOf(input: unknown, options = {}) {
  try {
    computeGep(input, options);
  } catch (e) {
    if (e instanceof GepInputError) return e.issues;
    throw e;
  }
  throw new Error('no error');
}

describe('strict mode', () => {
  it('lists every to-verify coefficient of the run at once, each where it was needed, with the override id', () => {
    const issues = issuesOf(sample, { strict: true });
    // The sample under shanxi reads 19 RWEQ constants in sand fixation, the latent heat and the humidifier
    // electricity in climate regulation, and the residential land-use term in landscape: 22, all to-verify.
    const toVerify = issues.filter((i) => i.code === 'coefficient.to-verify');
    expect(toVerify.map((i) => i.found)).toEqual(
      expect.arrayContaining([
        'rweq.qmax-coefficient',
        'rweq.critical-length-coefficient',
        'rweq.vegetation.fvc-coefficient',
        'latent-heat-vaporisation.2450',
        'humidifier-electricity',
        'land-use-term.residential',
      ]),
    );
    expect(toVerify.filter((i) => i.path[1] === 'regulating.sand-fixation')).toHaveLength(19);
    expect(toVerify.filter((i) => i.path[1] === 'regulating.climate-regulation')).toHaveLength(2);
    expect(new Set(toVerify.map((i) => i.found)).size).toBe(toVerify.length);
    const landscape = toVerify.find((i) => i.found === 'land-use-term.residential')!;
    expect(landscape.path).toEqual(['indicators', 'cultural.landscape', 'landUseTerm']);
    expect(landscape.message).toContain('coefficientOverrides with id "land-use-term.residential"');
  });

  it('refuses a price carried to the account year through to-verify CPI years (2009, 2010), naming the coefficient', () => {
    // 2008 → 2022 chains the CPI changes of 2009…2022; 2008, 2009 and 2010 are still to verify one by one.
    const input: GepInput = {
      ...small,
      coefficientOverrides: [
        { id: 'reservoir-storage-cost', value: '6.5', unit: '元/m³', priceYear: 2008, source: 'test', reason: 'a 2008 price' },
      ],
    };
    expect(computeGep(input).warnings.some((w) => w.code === 'index-to-verify')).toBe(true);
    const issues = issuesOf(input, { strict: true });
    expect(issues.map((i) => [i.code, i.path.join('.'), i.found, i.expected])).toEqual([
      [
        'coefficient.index-to-verify',
        'indicators.regulating.water-conservation.ecosystems.0',
        'reservoir-storage-cost',
        'cpi-national 2009, 2010',
      ],
    ]);
  });

  it('accepts a run whose coefficients are all verified or overridden at the account year', () => {
    expect(() => computeGep(small, { strict: true })).not.toThrow();
  });

  it('refuses a to-verify regional adjustment coefficient of the profile', () => {
    const profile = {
      ...getProfile('national-2022')!,
      adjustments: [{ indicator: 'regulating.water-conservation', factor: '1.1', source: 'test', status: 'to-verify' as const, note: '' }],
    };
    expect(computeGep(small, { profile }).warnings.some((w) => w.code === 'adjustment-to-verify')).toBe(true);
    expect(issuesOf(small, { profile, strict: true }).map((i) => [i.code, i.path.join('.')])).toEqual([
      ['profile.adjustment-to-verify', 'profile.adjustments.0.factor'],
    ]);
  });
});
