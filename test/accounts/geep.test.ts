import { describe, expect, it } from 'vitest';
import { computeGeep, geepFromAccount, geepResultToJson, type GeepParameters } from '../../src/accounts/geep.js';
import { computeGep } from '../../src/accounts/gep.js';
import { convert } from '../../src/units/units.js';
import { decimalArithmetic, floatArithmetic, GepDecimal } from '../../src/numbers/arithmetic.js';
import { GepInputError } from '../../src/errors/errors.js';
import type { GepInput } from '../../src/accounts/input.js';

const wy = (value: string) => ({ value, unit: '万亿元' });
const inWanYi = (x: GepDecimal) => convert(decimalArithmetic, x, '元', '万亿元').toString();

/** China 2015 (wang-2018-geep; xu-2018-geep-press): GDP 72.3 (sum of provinces), PDC 2, EcDC 0.63, ERS 53.1 万亿元. */
const china2015: GeepParameters<GepDecimal> = {
  economy: { gdp: { ...wy('72.3'), basis: 'sum-of-subregions' } },
  geep: {
    pollutionLoss: [{ item: '污染损失成本', medium: 'other', value: wy('2') }],
    ecologicalDamage: [{ item: '生态破坏成本', ecosystem: 'other', value: wy('0.63') }],
    regulatingServices: { ...wy('53.1'), source: 'ma-2017 regulating subtotal 53.14, rounded as the GEEP paper prints it' },
  },
  priceYear: 2015,
};

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (e instanceof GepInputError) return e.issues.map((i) => `${i.code} ${i.path.join('.')}`);
    throw e;
  }
  throw new Error('no error');
}

describe('computeGeep', () => {
  it('reproduces China 2015: 72.3 − 2 − 0.63 + 53.1 = 122.77 万亿元 (published 122.78, ±0.02 for the rounded parts)', () => {
    const r = computeGeep(china2015);
    expect(inWanYi(r.geep.value)).toBe('122.77');
    expect(inWanYi(r.ggdp.value)).toBe('69.67'); // 72.3 − 2 − 0.63
    expect(
      r.geep.value
        .minus(convert(decimalArithmetic, new GepDecimal('122.78'), '万亿元', '元'))
        .abs()
        .lte('2e10'),
    ).toBe(true); // 0.02 万亿 = 2×10¹⁰ 元
    // GEEP/GDP = 122.77 / 72.3 = 1.698 → "1.7倍"; ERS share of GEEP 53.1 / 122.77 = 43.25 % → 43.3 %
    expect(r.geep.value.dividedBy(r.terms[0]!.value.value).toFixed(1)).toBe('1.7');
    expect(new GepDecimal('53.1').dividedBy('122.77').times(100).toFixed(1)).toBe('43.3');
    expect(r.terms.map((t) => [t.id, t.sign])).toEqual([
      ['gdp', 1],
      ['pdc', -1],
      ['ecdc', -1],
      ['ers', 1],
    ]);
    expect(r.gdpBasis).toBe('sum-of-subregions');
    expect(r.ersSource).toBe('input');
    expect(r.variant).toMatchObject({ id: 'caep', formula: 'GEEP = GDP − PDC − EcDC + ERS' });
    expect(r.warnings).toEqual([]);
  });

  it('reproduces China 2016 with the GDP implied by the published parts: 77.99 − 2.1 − 0.69 + 51.4 = 126.6 万亿元 (ma-2020-geep)', () => {
    const r = computeGeep({
      ...china2015,
      economy: { gdp: { ...wy('77.99'), basis: 'sum-of-subregions' } },
      geep: {
        pollutionLoss: [{ item: 'PDC', medium: 'other', value: wy('2.1') }],
        ecologicalDamage: [{ item: 'EcDC', ecosystem: 'other', value: wy('0.69') }],
        regulatingServices: wy('51.4'),
      },
      priceYear: 2016,
    });
    expect(inWanYi(r.geep.value)).toBe('126.6');
    expect(r.geep.value.dividedBy(r.terms[0]!.value.value).toFixed(1)).toBe('1.6'); // 1.623 → "1.6 times"
  });

  it('sums EcDC by ecosystem: forest 2 437.5 + grassland 3 112.1 + wetland 18 269.6 = 23 819.2 亿元 (China 2015, E8)', () => {
    const yi = (value: string) => ({ value, unit: '亿元' });
    const r = computeGeep({
      ...china2015,
      geep: {
        ...china2015.geep,
        ecologicalDamage: [
          { item: '森林', ecosystem: 'forest', value: yi('2437.5') },
          { item: '草地', ecosystem: 'grassland', value: yi('3112.1') },
          { item: '湿地', ecosystem: 'wetland', value: yi('18269.6') },
        ],
      },
    });
    expect(convert(decimalArithmetic, r.terms.find((t) => t.id === 'ecdc')!.value.value, '元', '亿元').toString()).toBe('23819.2');
  });

  it('values components with the simple calculators (amount × unit cost) and deducts only the chosen PDC basis', () => {
    // damage: 320 万m³ × 4.5 元/m³ = 14 400 000 元 (pollution-induced water scarcity)
    // virtual treatment: 2 600 t COD × 3 000 元/t = 7 800 000 元
    // EcDC: 420 hm² × 26 000 元/hm² = 10 920 000 元
    // GEEP (damage basis) = 1 000 000 000 − 14 400 000 − 10 920 000 + 50 000 000 = 1 024 680 000 元
    const params: GeepParameters<GepDecimal> = {
      economy: { gdp: { value: '10', unit: '亿元', basis: 'regional-statistics' } },
      geep: {
        pollutionLoss: [
          {
            item: 'water scarcity',
            medium: 'water',
            basis: 'damage',
            quantity: { value: '320', unit: '万m³' },
            unitCost: { value: '4.5', unit: '元/m³', priceYear: 2022 },
          },
          {
            item: 'COD',
            medium: 'water',
            basis: 'virtual-treatment',
            quantity: { value: '2600', unit: 't' },
            unitCost: { value: '3000', unit: '元/t' },
          },
        ],
        ecologicalDamage: [
          {
            item: 'subsidence',
            ecosystem: 'mining',
            quantity: { value: '420', unit: 'hm²' },
            unitCost: { value: '26000', unit: '元/hm²' },
          },
        ],
        regulatingServices: { value: '5000', unit: '万元' },
      },
      priceYear: 2022,
    };
    const damage = computeGeep(params);
    expect(damage.terms.find((t) => t.id === 'pdc')!.components.map((c) => [c.item, c.value.value.toString(), c.counted])).toEqual([
      ['water scarcity', '14400000', true],
      ['COD', '7800000', false],
    ]);
    expect(damage.geep.value.toString()).toBe('1024680000');
    expect(damage.warnings.map((w) => w.code)).toEqual(['geep-pdc-basis']);
    // virtual-treatment basis: 1 000 000 000 − 7 800 000 − 10 920 000 + 50 000 000 = 1 031 280 000
    expect(computeGeep(params, { arithmetic: decimalArithmetic, pdcBasis: 'virtual-treatment' }).geep.value.toString()).toBe('1031280000');
    // mixed: both → 1 000 000 000 − 14 400 000 − 7 800 000 − 10 920 000 + 50 000 000 = 1 016 880 000
    expect(computeGeep({ ...params, geep: { ...params.geep, pdcBasis: 'mixed' } }).geep.value.toString()).toBe('1016880000');
    // float path agrees
    const f = computeGeep(params as unknown as GeepParameters<number>, { arithmetic: floatArithmetic });
    expect(Math.abs(f.geep.value - 1024680000)).toBeLessThan(1e-3);
  });

  it('deducts resource depletion only in the variants that do, and adds all of GEP in eco-gdp-all-services', () => {
    const withRdc = {
      ...china2015,
      geep: { ...china2015.geep, resourceDepletion: [{ item: 'minerals', resource: 'mineral' as const, value: wy('1.5') }] },
    };
    // caep: RDC listed, not deducted → 122.77
    const v1 = computeGeep(withRdc);
    expect(inWanYi(v1.geep.value)).toBe('122.77');
    expect(v1.terms.find((t) => t.id === 'rdc')).toMatchObject({ sign: 0 });
    expect(inWanYi(v1.terms.find((t) => t.id === 'rdc')!.value.value)).toBe('1.5');
    expect(v1.warnings.map((w) => w.code)).toEqual(['geep-rdc-not-deducted']);
    // V2: 72.3 − 1.5 − 2 − 0.63 + 53.1 = 121.27
    expect(inWanYi(computeGeep(withRdc, { arithmetic: decimalArithmetic, variant: 'caep-with-resource-depletion' }).geep.value)).toBe(
      '121.27',
    );
    // V5 with China 2015 GEP 72.81 (ma-2017): 72.3 − 1.5 − 2 − 0.63 + 72.81 = 140.98, and a double-counting warning
    const v5 = computeGeep(
      { ...withRdc, gep: { value: convert(decimalArithmetic, new GepDecimal('72.81'), '万亿元', '元'), unit: '元' } },
      { arithmetic: decimalArithmetic, variant: 'eco-gdp-all-services' },
    );
    expect(inWanYi(v5.geep.value)).toBe('140.98');
    expect(v5.terms.find((t) => t.id === 'ers')).toMatchObject({ sign: 0 });
    expect(v5.warnings.map((w) => w.code)).toContain('geep-double-counting');
    // V2 needs the resource-depletion list, even empty
    expect(issuesOf(() => computeGeep(china2015, { arithmetic: decimalArithmetic, variant: 'caep-with-resource-depletion' }))).toEqual([
      'input.required geep.resourceDepletion',
    ]);
  });

  it('reports every bad input at once: missing GDP, money of another price year, a unit cost that does not fit the amount', () => {
    expect(
      issuesOf(() =>
        computeGeep({
          economy: {},
          geep: {
            pollutionLoss: [{ item: 'air', medium: 'air', value: { value: '1', unit: '亿元', priceYear: 2020 } }],
            ecologicalDamage: [
              { item: 'x', ecosystem: 'forest', quantity: { value: '3', unit: 't' }, unitCost: { value: '5', unit: '元/hm²' } },
            ],
            regulatingServices: { value: '1', unit: '亿元' },
          },
          priceYear: 2022,
        }),
      ),
    ).toEqual([
      'input.required economy.gdp',
      'input.price-year geep.pollutionLoss.0.value.priceYear',
      'input.unit-dimension geep.ecologicalDamage.0.unitCost.unit',
    ]);
  });
});

describe('geepFromAccount', () => {
  const account: GepInput = {
    region: { name: 'Test county', level: 'county' },
    accountingYear: 2022,
    priceYear: 2022,
    economy: { gdp: { value: '5', unit: '亿元', priceYear: 2022, basis: 'regional-statistics' } },
    geep: { pollutionLoss: [{ item: 'air', medium: 'air', value: { value: '1000', unit: '万元' } }], ecologicalDamage: [] },
    indicators: {
      'material.agriculture': {
        products: [{ item: 'maize', quantity: { value: '12000', unit: 't' }, price: { value: '2700', unit: '元/t', priceYear: 2022 } }],
      },
      'regulating.water-conservation': {
        ecosystems: [
          {
            ecosystemType: 'deciduous-broadleaf-forest',
            area: { value: '100', unit: 'km²' },
            precipitation: { value: '600', unit: 'mm' },
            evapotranspiration: { value: '400', unit: 'mm' },
            runoffCoefficient: { value: '2.7', unit: '%' },
          },
        ],
        unitPrice: { value: '7', unit: '元/m³', priceYear: 2022 },
      },
    },
  };

  it('takes ERS from the account regulating indicators: GEEP = GDP − PDC − EcDC + ERS', () => {
    // ERS = water conservation: 100 km² × (600 − 16.2 − 400) mm = 18 380 000 m³ × 7 元/m³ = 128 660 000 元
    // GEEP = 500 000 000 − 10 000 000 − 0 + 128 660 000 = 618 660 000 元
    const gep = computeGep(account);
    const r = geepFromAccount(gep, account)!;
    expect(r.ersSource).toBe('gep-account');
    expect(r.terms.find((t) => t.id === 'ers')!.value.value.toString()).toBe('128660000');
    expect(r.geep.value.toString()).toBe('618660000');
    expect(r.warnings.some((w) => w.code === 'geep-ers-incomplete')).toBe(true); // the profile's other regulating services were not accounted
    const json = geepResultToJson(r);
    expect(json.geep).toEqual({ value: '618660000', unit: '元', priceYear: 2022 });
    expect(json.gdpBasis).toBe('regional-statistics');
  });

  it('leaves out regulating indicators whose value is inside GDP, and returns null without a geep block', () => {
    // without water conservation ERS = 0: GEEP = 500 000 000 − 10 000 000 = 490 000 000
    const input: GepInput = { ...account, geep: { ...account.geep!, excludeFromRegulating: ['regulating.water-conservation'] } };
    const r = geepFromAccount(computeGep(input), input)!;
    expect(r.geep.value.toString()).toBe('490000000');
    expect(r.ersExcluded).toEqual(['regulating.water-conservation']);
    const { geep: _, ...noGeep } = account;
    expect(geepFromAccount(computeGep(noGeep), noGeep)).toBeNull();
  });

  it('validates the blocks with the account: a missing pollution list and an unknown medium are located', () => {
    const bad: unknown = {
      ...account,
      geep: { ecologicalDamage: [{ item: 'x', ecosystem: 'volcano', value: { value: '1', unit: '元' } }] },
    };
    expect(issuesOf(() => computeGep(bad))).toEqual(['input.required geep.pollutionLoss', 'input.type geep.ecologicalDamage.0.ecosystem']);
  });
});
