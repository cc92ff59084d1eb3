/**
 * Profiles differ exactly as the cross-standard matrix says (gep-methods §3.2): each test pins the
 * indicators a profile accounts on the bundled sample, and the variant or table difference it makes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { gepResultToJson } from '../../src/accounts/serialize.js';
import { getProfile, listProfiles } from '../../src/profiles/profiles.js';
import { getCoefficientTable } from '../../src/coefficients/tables.js';
import { GepDecimal } from '../../src/numbers/arithmetic.js';

const sample = JSON.parse(readFileSync('fixtures/sample-county/input.json', 'utf8'));
const run = (profile: string, input: unknown = sample) => gepResultToJson(computeGep(input, { profile }));
const ids = (profile: string) => new Set(run(profile).indicators.map((i) => i.id));
const value = (profile: string, id: string, input: unknown = sample) =>
  run(profile, input).indicators.find((i) => i.id === id)!.value.total.value;

describe('shipped profiles', () => {
  it('ship national-2022, GB/T 46869—2025, CAEP 2020, Zhejiang, Shenzhen, RCEES and Shanxi, each with its own table version', () => {
    expect(listProfiles().map((p) => `${p.id} → ${p.coefficientTable}`)).toEqual([
      'national-2022 → national-2022/1.1.0',
      'caep-2020 → caep-2020/1.1.0',
      'gbt-46869-2025 → gbt-46869-2025/1.1.0',
      'rcees-2013 → rcees-2013/1.2.0',
      'shanxi → shanxi/1.1.0',
      'shenzhen-db4403-141 → shenzhen-db4403-141/1.1.0',
      'zhejiang-db33-2274 → zhejiang-db33-2274/1.1.0',
    ]);
  });

  it('national-2022 leaves out oxygen release and the local indicators, and says the inputs were not used', () => {
    const national = ids('national-2022');
    for (const id of [
      'regulating.oxygen-release',
      'regulating.pest-control',
      'regulating.negative-ions',
      'regulating.species-conservation',
      'regulating.noise-reduction',
    ]) {
      expect(national.has(id), id).toBe(false);
    }
    expect(run('national-2022').warnings.find((w) => w.code === 'input-not-in-profile')!.message).toContain('regulating.oxygen-release');
  });

  it('caep-2020 adds oxygen release (氧气提供) to the national list', () => {
    expect([...ids('caep-2020')].filter((id) => !ids('national-2022').has(id))).toEqual(['regulating.oxygen-release']);
  });

  it('shenzhen-db4403-141 has no sand fixation and counts noise reduction; its table carries the prices implied by the 2020 release', () => {
    const shenzhen = ids('shenzhen-db4403-141');
    expect(shenzhen.has('regulating.sand-fixation')).toBe(false);
    expect(shenzhen.has('regulating.noise-reduction')).toBe(true);
    // 6.11 元/m³ is the forestry standard's price of 2005, which the 2020 release used without inflation:
    // its price year is the year it was set (issue 13), 2020 in table version 1.0.0.
    const table = getCoefficientTable('shenzhen-db4403-141/1.1.0');
    expect(table.rows.find((r) => r.id === 'reservoir-storage-cost')).toMatchObject({ value: '6.11', priceYear: 2005, status: 'derived' });
    expect(table.rows.find((r) => r.id === 'electricity-price.consumer')).toMatchObject({ value: '0.717', priceYear: 2020 });
    expect(table.extends).toBe('national-2022/1.1.0');
    expect(getCoefficientTable('shenzhen-db4403-141/1.0.0').rows.find((r) => r.id === 'reservoir-storage-cost')!.priceYear).toBe(2020);
  });

  it('rcees-2013 values material products at net output, as ganzi-2017 did', () => {
    // agriculture: gross 1 082 525 000 元 − intermediate consumption 433 000 000 − depreciation 54 000 000 = 595 525 000 元
    expect(value('rcees-2013', 'material.agriculture')).toBe('595525000');
    expect(value('national-2022', 'material.agriculture')).toBe('1082525000');
    expect(getProfile('rcees-2013')).toMatchObject({ indicatorListStatus: 'verified' });
    expect(getProfile('rcees-2013')!.priceIndex).toBeUndefined();
  });

  it("shanxi prices purification at Shanxi's environmental-tax rate, the national profile at the national minimum", () => {
    // Every pollutant is priced at rate × 1000 / e_i (SO₂: Shanxi 1.8 × 1000 / 0.95 = 1 894.74 元/t, national
    // minimum 1.2 × 1000 / 0.95 = 1 263.16 元/t); the quantities are the same, so the values are in the ratio 1.8 : 1.2
    const input = {
      region: { name: 'x', level: 'county' },
      accountingYear: 2022,
      priceYear: 2022,
      indicators: { 'regulating.air-purification': sample.indicators['regulating.air-purification'] },
    };
    const shanxi = new GepDecimal(value('shanxi', 'regulating.air-purification', input));
    const national = new GepDecimal(value('national-2022', 'regulating.air-purification', input));
    // Same quantities, prices in the ratio 1.8 : 1.2
    expect(shanxi.dividedBy(national).toFixed(12)).toBe('1.500000000000');
  });

  it('gbt-46869-2025 subtracts products from outside the region and warns when the input lists none', () => {
    expect(getProfile('gbt-46869-2025')!.subtractOutsideRegion).toBe(true);
    expect(run('gbt-46869-2025').warnings.some((w) => w.code === 'outside-region-none')).toBe(true);
    const withInflow = {
      ...sample,
      outsideRegion: [{ item: 'upstream inflow', value: { value: '1000', unit: '万元' }, method: 'constructed' }],
    };
    const a = new GepDecimal(run('gbt-46869-2025', withInflow).totals.gep.value);
    const b = new GepDecimal(run('national-2022', withInflow).totals.gep.value);
    expect(b.minus(a).toString()).toBe('10000000');
  });

  it("marks how each profile's membership is known, and lists shanxi's regional adjustment layer (empty until issued)", () => {
    for (const p of listProfiles())
      for (const i of p.indicators) expect(['verified', 'recalled', 'uncertain', undefined]).toContain(i.membership);
    expect(getProfile('shanxi')!.adjustments).toEqual([]);
    expect(getProfile('zhejiang-db33-2274')!.indicators.find((i) => i.id === 'regulating.negative-ions')!.membership).toBe('uncertain');
  });
});

describe('profiles and local values (issue 13)', () => {
  const climate = sample.indicators['regulating.climate-regulation'];
  const { electricityPrice: _given, ...withoutPrice } = climate;
  const input = { ...sample, indicators: { ...sample.indicators, 'regulating.climate-regulation': withoutPrice } };

  it("shanxi warns by name when the input gives no Shanxi electricity price and Ganzi's is used, and --strict refuses it", () => {
    expect(computeGep(sample, { profile: 'shanxi' }).warnings.some((w) => w.code === 'coefficient-needs-local-value')).toBe(false);
    const w = computeGep(input, { profile: 'shanxi' }).warnings.filter((x) => x.code === 'coefficient-needs-local-value');
    expect(w.map((x) => [x.indicator, x.path!.join('.')])).toEqual([
      ['regulating.climate-regulation', 'indicators.regulating.climate-regulation.electricityPrice'],
    ]);
    expect(w[0]!.message).toContain('electricity-price.consumer = 0.53 元/kWh (ganzi-2017, 2010)');
    let issues: string[] = [];
    try {
      computeGep(input, { profile: 'shanxi', strict: true });
    } catch (e) {
      issues = (e as { issues: { code: string }[] }).issues.map((i) => i.code);
    }
    expect(issues).toContain('coefficient.needs-local-value');
  });

  it('shenzhen uses its own electricity price without that warning', () => {
    expect(computeGep(input, { profile: 'shenzhen-db4403-141' }).warnings.some((w) => w.code === 'coefficient-needs-local-value')).toBe(
      false,
    );
  });

  it("rcees-2013 warns by name when an account of another region than Ganzi falls back on Ganzi's tariffs and prices, and --strict refuses it", () => {
    // Sample County (not Ganzi) gives no tariff, no on-grid hydropower price and no consumer electricity price:
    // the table's Ganzi 2010 values (rcees-2013/1.2.0, needsLocalValue) are used, each warned about once by name.
    const supply = sample.indicators['material.water-supply'];
    const energy = sample.indicators['material.eco-energy'];
    const bare = {
      ...input,
      indicators: {
        ...input.indicators,
        'material.water-supply': { ...supply, uses: supply.uses.map(({ tariff: _t, ...u }: { tariff: unknown }) => u) },
        'material.eco-energy': {
          ...energy,
          generation: energy.generation.map((g: { source: string; price: unknown }) => {
            if (g.source !== 'hydropower') return g;
            const { price: _p, ...rest } = g;
            return rest;
          }),
        },
      },
    };
    const w = computeGep(bare, { profile: 'rcees-2013' }).warnings.filter((x) => x.code === 'coefficient-needs-local-value');
    expect(
      w.map((x) =>
        x.message
          .match(/used (\S+ = [^(]+\([^)]*\)) from table ([^,\s]+)/)!
          .slice(1)
          .join(' @ '),
      ),
    ).toEqual([
      'water-tariff.domestic = 2.6 元/m³ (ganzi-2017, 2010) @ rcees-2013/1.2.0',
      'water-tariff.industrial = 3.6 元/m³ (ganzi-2017, 2010) @ rcees-2013/1.2.0',
      'water-tariff.agricultural = 0.07 元/m³ (ganzi-2017, 2010) @ rcees-2013/1.2.0',
      'electricity-price.hydropower = 0.53 元/kWh (ganzi-2017, 2010) @ rcees-2013/1.2.0',
      'electricity-price.consumer = 0.53 元/kWh (ganzi-2017, 2010) @ rcees-2013/1.2.0',
    ]);
    let issues: { code: string; found?: string }[] = [];
    try {
      computeGep(bare, { profile: 'rcees-2013', strict: true });
    } catch (e) {
      issues = (e as { issues: { code: string; found?: string }[] }).issues;
    }
    expect(issues.filter((i) => i.code === 'coefficient.needs-local-value').map((i) => i.found)).toEqual([
      'water-tariff.domestic',
      'water-tariff.industrial',
      'water-tariff.agricultural',
      'electricity-price.hydropower',
      'electricity-price.consumer',
    ]);
  });

  it('rcees-2013 values recreation by the travel-cost method, as ganzi-2017 (Table 2: 旅行费用法) and baiyangdian-2017 do', () => {
    expect(getProfile('rcees-2013')!.indicators.find((i) => i.id === 'cultural.recreation')!.variant.method).toBe('travel-cost');
    // forest park 800 000 × (210 + 5 h × 32 元/h × 0.30 + 85) = 800 000 × 343 = 274 400 000 元
    // wetland park 450 000 × (120 + 3 × 32 × 0.30 + 40) = 450 000 × 188.8 = 84 960 000 元; urban green space excluded
    expect(value('rcees-2013', 'cultural.recreation')).toBe('359360000');
  });
});
