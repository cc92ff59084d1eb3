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
    const { set, issues } = makeCoefficientSet(table, [{ id: 'reservoir-storage-cost', value: '9.1', unit: '元/m³', priceYear: 2022, source: 'county water bureau 2022', reason: 'local construction cost' }]);
    expect(issues).toEqual([]);
    const reader = new CoefficientReader(D, set);
    const c = reader.get('reservoir-storage-cost', []);
    expect(c.value.toString()).toBe('9.1');
    expect(reader.uses()).toEqual([{
      id: 'reservoir-storage-cost', symbol: 'C_we', value: '9.1', unit: '元/m³', table: 'national-2022/1.0.0',
      source: 'county water bureau 2022', clause: '§2.4 water conservation (V_wr = Q_wr·C_we)', priceYear: 2022, status: 'user-override',
      overridden: { reason: 'local construction cost', tableValue: '7.06', tableUnit: '元/m³', tableSource: 'ganzi-2017' },
    }]);
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
    const toVerify = { ...table, rows: table.rows.map((r) => (r.id === 'reservoir-storage-cost' ? { ...r, status: 'to-verify' as const } : r)) };
    const strict = new CoefficientReader(D, makeCoefficientSet(toVerify, [], { strict: true }).set);
    expect(() => strict.get('reservoir-storage-cost', ['x'])).toThrow(GepInputError);
    const overridden = new CoefficientReader(D, makeCoefficientSet(toVerify, [{ id: 'reservoir-storage-cost', value: '8', unit: '元/m³', reason: 'checked' }], { strict: true }).set);
    expect(overridden.get('reservoir-storage-cost', ['x']).value.toString()).toBe('8');
  });
});
