import { describe, expect, it } from 'vitest';
import { coefficientTables, getCoefficientTable, sources } from '../../src/coefficients/tables.js';
import { CoefficientReader, makeCoefficientSet } from '../../src/coefficients/resolve.js';
import { decimalArithmetic as D } from '../../src/numbers/arithmetic.js';
import { GepInputError } from '../../src/errors/errors.js';
import { sameDimensionUnits } from '../../src/units/units.js';

const table = getCoefficientTable('national-2022/1.0.0');

describe('coefficient tables', () => {
  it('ships national-2022/1.0.0 with every row sourced, dated where it is money, and with a known status', () => {
    expect(table.key).toBe('national-2022/1.0.0');
    for (const row of table.rows) {
      expect(sources().has(row.source), row.id).toBe(true);
      expect(['verified', 'derived', 'to-verify']).toContain(row.status);
      if (sameDimensionUnits(row.unit, '元/m³') || /^元\//.test(row.unit)) expect(row.priceYear, `${row.id} is a price`).not.toBeNull();
    }
  });

  it('keeps the runoff coefficients of gong-2017 Table 2 as read (verification-notes note 1)', () => {
    const alpha = (type: string) => table.rows.find((r) => r.id === `runoff-coefficient.${type}`)!.value;
    expect(alpha('evergreen-broadleaf-forest')).toBe('4.65');
    expect(alpha('deciduous-broadleaf-forest')).toBe('2.70');
    expect(alpha('deciduous-needleleaf-forest')).toBe('0.88');
    expect(alpha('marsh-and-reservoir')).toBe('0');
  });

  it('lists every table by key and refuses an unknown key with the known ones', () => {
    expect([...coefficientTables().keys()]).toContain('national-2022/1.0.0');
    expect(() => getCoefficientTable('national-2022/9.9.9')).toThrow(/known: .*national-2022\/1\.0\.0/);
  });
});

describe('coefficient overrides', () => {
  it('replaces a value by id and records the table value, source and reason in the use', () => {
    const { set, issues } = makeCoefficientSet(table, [
      {
        id: 'reservoir-storage-cost',
        value: '9.1',
        unit: '元/m³',
        priceYear: 2022,
        source: 'county water bureau 2022',
        reason: 'local construction cost',
      },
    ]);
    expect(issues).toEqual([]);
    const reader = new CoefficientReader(D, set);
    const c = reader.get('reservoir-storage-cost', []);
    expect(c.value.toString()).toBe('9.1');
    expect(reader.uses()).toEqual([
      {
        id: 'reservoir-storage-cost',
        symbol: 'C_we',
        value: '9.1',
        unit: '元/m³',
        table: 'national-2022/1.0.0',
        source: 'county water bureau 2022',
        clause: '§2.4 water conservation (V_wr = Q_wr·C_we)',
        priceYear: 2022,
        status: 'user-override',
        overridden: { reason: 'local construction cost', tableValue: '7.06', tableUnit: '元/m³', tableSource: 'ganzi-2017' },
      },
    ]);
  });

  it('refuses an override whose unit cannot be read, located, instead of crashing (issue 13)', () => {
    const { issues } = makeCoefficientSet(table, [{ id: 'reservoir-storage-cost', value: '9', unit: '元/m3', reason: 'typo' }]);
    expect(issues.map((i) => [i.code, i.path.join('.'), i.found])).toEqual([
      ['input.unit-unknown', 'coefficientOverrides.0.unit', '元/m3'],
    ]);
  });

  it('refuses an unknown id, a wrong dimension and a duplicate, all at once', () => {
    const { issues } = makeCoefficientSet(table, [
      { id: 'reservoir-cost', value: '1', unit: '元/m³', reason: 'typo' },
      { id: 'carbon-price.afforestation', value: '80', unit: '元/t CO2', reason: 'market price' },
      { id: 'co2-per-dry-matter', value: '1.6', unit: 't CO2/t', reason: 'a' },
      { id: 'co2-per-dry-matter', value: '1.6', unit: 't CO2/t', reason: 'b' },
    ]);
    expect(issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['coefficient.unknown', 'coefficientOverrides.0.id'],
      ['input.unit-dimension', 'coefficientOverrides.1.unit'],
      ['input.duplicate', 'coefficientOverrides.3.id'],
    ]);
  });

  it('in strict mode refuses to-verify coefficients unless overridden', () => {
    const toVerify = {
      ...table,
      rows: table.rows.map((r) => (r.id === 'reservoir-storage-cost' ? { ...r, status: 'to-verify' as const } : r)),
    };
    const strict = new CoefficientReader(D, makeCoefficientSet(toVerify, [], { strict: true }).set);
    expect(() => strict.get('reservoir-storage-cost', ['x'])).toThrow(GepInputError);
    const overridden = new CoefficientReader(
      D,
      makeCoefficientSet(toVerify, [{ id: 'reservoir-storage-cost', value: '8', unit: '元/m³', reason: 'checked' }], { strict: true }).set,
    );
    expect(overridden.get('reservoir-storage-cost', ['x']).value.toString()).toBe('8');
  });
});

describe('national-2022/1.1.0 (issue 13)', () => {
  const v11 = getCoefficientTable('national-2022/1.1.0');
  const row = (id: string, t = v11) => t.rows.find((r) => r.id === id)!;

  it('dates each price by the year it was set, not by the year of the account that used it', () => {
    // baiyangdian-2017 §2.2.2: "造林成本为1320 元/t碳[26]", [26] = 李文华 2008; ganzi-2017 §2.4.5–2.4.6 cite the
    // 2003 pollution-fee rules (ref. [17]); SO₂ 1.20 元/kg is the 1999 fee (verification-notes 4f).
    expect(
      Object.fromEntries(
        [
          'carbon-price.afforestation',
          'oxygen-price',
          'air-treatment-cost.so2',
          'air-treatment-cost.nox',
          'air-treatment-cost.dust',
          'air-treatment-cost.fluoride',
          'water-treatment-cost.cod',
          'water-treatment-cost.nh3n',
          'water-treatment-cost.tp',
          'soil-retention-treatment-cost.n',
          'soil-retention-treatment-cost.p',
        ].map((id) => [id, row(id).priceYear]),
      ),
    ).toEqual({
      'carbon-price.afforestation': 2008,
      'oxygen-price': 2008,
      'air-treatment-cost.so2': 1999,
      'air-treatment-cost.nox': 2003,
      'air-treatment-cost.dust': 2003,
      'air-treatment-cost.fluoride': 2003,
      'water-treatment-cost.cod': 2003,
      'water-treatment-cost.nh3n': 2003,
      'water-treatment-cost.tp': 2003,
      'soil-retention-treatment-cost.n': 2003,
      'soil-retention-treatment-cost.p': 2003,
    });
    // The 2 800 元/t P price of soil retention, reused for TP removed by water bodies, is derived.
    expect(row('water-treatment-cost.tp').status).toBe('derived');
    expect(row('soil-retention-treatment-cost.p').status).toBe('verified');
    // The published version is never edited: 1.0.0 keeps its rows.
    expect(row('carbon-price.afforestation', table).priceYear).toBe(2011);
    expect(row('water-treatment-cost.tp', table).status).toBe('verified');
  });

  it('changes only price years, statuses, notes, clauses and the new flag: no value changes', () => {
    const before = new Map(table.rows.map((r) => [r.id, r]));
    expect(v11.rows.map((r) => r.id)).toEqual(table.rows.map((r) => r.id));
    for (const r of v11.rows)
      expect([r.id, r.value, r.unit, r.source]).toEqual([r.id, before.get(r.id)!.value, before.get(r.id)!.unit, before.get(r.id)!.source]);
  });

  it("flags the rows that are one region's own value (needsLocalValue), and only them", () => {
    expect(v11.rows.filter((r) => r.needsLocalValue).map((r) => r.id)).toEqual([
      'water-tariff.domestic',
      'water-tariff.industrial',
      'water-tariff.agricultural',
      'electricity-price.hydropower',
      'electricity-price.consumer',
      'soil-bulk-density',
      'soil-nitrogen-content',
      'soil-phosphorus-content',
    ]);
    expect(table.rows.some((r) => r.needsLocalValue)).toBe(false);
    // rcees-2013/1.1.0 (published, unchanged) repeated Ganzi's values unflagged; 1.2.0 flags the same eight, because the
    // RCEES system is applied to other regions than Ganzi. Shenzhen's own electricity price is not flagged: DB4403/T 141 is
    // Shenzhen's standard, and its accounts are of Shenzhen and its districts.
    expect(getCoefficientTable('rcees-2013/1.1.0').rows.filter((r) => r.needsLocalValue)).toEqual([]);
    const rcees = getCoefficientTable('rcees-2013/1.2.0');
    expect(rcees.rows.filter((r) => r.needsLocalValue).map((r) => r.id)).toEqual(
      v11.rows.filter((r) => r.needsLocalValue).map((r) => r.id),
    );
    const rcees11 = new Map(getCoefficientTable('rcees-2013/1.1.0').rows.map((r) => [r.id, r]));
    for (const r of rcees.rows)
      expect([r.id, r.value, r.unit, r.priceYear]).toEqual([
        r.id,
        rcees11.get(r.id)!.value,
        rcees11.get(r.id)!.unit,
        rcees11.get(r.id)!.priceYear,
      ]);
    expect(
      getCoefficientTable('shenzhen-db4403-141/1.1.0').rows.find((r) => r.id === 'electricity-price.consumer')!.needsLocalValue,
    ).toBeUndefined();
    expect(getCoefficientTable('shanxi/1.1.0').rows.find((r) => r.id === 'electricity-price.consumer')!.needsLocalValue).toBe(true);
  });

  it('every priced row of every table a profile pins has a price year and a known status', () => {
    for (const t of coefficientTables().values()) {
      for (const r of t.rows) {
        if (/^元\//.test(r.unit) || r.unit === '元') expect(r.priceYear, `${t.key} ${r.id}`).not.toBeNull();
      }
    }
  });
});
