import { describe, expect, it } from 'vitest';
import { halfUnitOfLastDigit, reproduceCase } from '../../src/reproduce/reproduce.js';
import { reproductionMemo } from '../../src/io/reproduction-report.js';
import { GepInputError } from '../../src/errors/errors.js';

const base = {
  id: 'toy',
  citation: { authors: 'A. Author', title: 'A toy account', year: 2024 },
  region: 'Toy county',
  accountingYear: 2020,
  priceYear: 2020,
};
const waterRow = (printed: string, extra = {}) => ({
  id: 'water',
  label: 'water conservation',
  printed: { value: printed, unit: '万元' },
  indicator: 'regulating.water-conservation',
  input: { reported: [{ item: 'all', quantity: { value: '123.4', unit: '万m³' } }], unitPrice: { value: '6.11', unit: '元/m³' } },
  ...extra,
});
// recomputed: 1 234 000 m³ × 6.11 元/m³ = 7 539 740 元 = 753.974 万元

describe('reproduceCase', () => {
  it('takes half a unit of the last printed digit as tolerance', () => {
    expect(halfUnitOfLastDigit('374.62').toString()).toBe('0.005');
    expect(halfUnitOfLastDigit('1200').toString()).toBe('0.5');
    expect(halfUnitOfLastDigit('0.630').toString()).toBe('0.0005');
  });

  it('recomputes a row through the indicator module and accepts it within half a unit', () => {
    const r = reproduceCase({ ...base, rows: [waterRow('753.97')] });
    expect(r.rows[0]).toMatchObject({ recomputed: '753.974', difference: '0.004', tolerance: '0.005', status: 'ok' });
    expect(r.holds).toBe(true);
  });

  it('flags a row outside tolerance and reports the quantity the printed value implies', () => {
    // printed 760.00 万元 at 6.11 元/m³ implies 7 600 000 / 6.11 = 1 243 862.52… m³/a
    const r = reproduceCase({ ...base, rows: [waterRow('760.00')] });
    expect(r.rows[0]).toMatchObject({ status: 'outside-tolerance', difference: '-6.026', impliedQuantity: '1243862.52046 m³/a' });
    expect(r.holds).toBe(false);
  });

  it('accepts a stated tolerance with its reason, and documents known inconsistencies without failing', () => {
    expect(reproduceCase({ ...base, rows: [waterRow('760.00', { tolerance: { absolute: '10', reason: 'printed quantity rounded to 万m³' } })] }).holds).toBe(true);
    const known = reproduceCase({ ...base, rows: [waterRow('760.00', { knownInconsistency: 'the paper rounds the price' })] });
    expect(known.rows[0]!.status).toBe('known-inconsistency');
    expect(known.holds).toBe(true);
  });

  it('divides by a stated amount for a row printed per hectare and year', () => {
    // 7 539 740 元 over 10 hm² = 753 974 元/(hm²·a)
    const r = reproduceCase({ ...base, rows: [waterRow('753974', { printed: { value: '753974', unit: '元/(hm²·a)' }, per: { value: '10', unit: 'hm²' } })] });
    expect(r.rows[0]).toMatchObject({ recomputed: '753974', status: 'ok' });
  });

  it('reports a row without usable input as not reproducible, with the reason', () => {
    const r = reproduceCase({ ...base, rows: [waterRow('1', { input: { reported: [] } })] });
    expect(r.rows[0]!.status).toBe('not-reproducible');
    expect(r.rows[0]!.reason).toMatch(/^missing or invalid input: .*reported/);
  });

  it('checks a printed total against its printed parts (with every part\'s rounding) and against recomputed parts', () => {
    const rows = [
      waterRow('753.97'),
      { id: 'other', label: 'other', printed: { value: '0.03', unit: '万元' } },
      { id: 'total', label: 'total', printed: { value: '754.00', unit: '万元' } },
      { id: 'wrong', label: 'wrong total', printed: { value: '755.00', unit: '万元' } },
    ];
    const identities = [
      { kind: 'sum', id: 'ok', label: 'total = water + other', total: 'total', terms: [{ row: 'water' }, { row: 'other' }] },
      { kind: 'sum', id: 'bad', label: 'wrong = water + other', total: 'wrong', terms: [{ row: 'water' }, { row: 'other' }] },
      { kind: 'sum', id: 'recomputed', label: 'water alone', total: 'water', terms: [{ row: 'water' }] },
    ];
    const r = reproduceCase({ ...base, rows, identities });
    expect(r.identities.map((i) => [i.id, i.status, i.fromPrinted, i.fromRecomputed, i.tolerance])).toEqual([
      ['ok', 'ok', '754', null, '0.015'],
      ['bad', 'inconsistent', '754', null, '0.015'],
      ['recomputed', 'ok', '753.97', '753.974', '0.01'],
    ]);
    expect(r.holds).toBe(false);
    expect(reproductionMemo(r)).toContain('**wrong = water + other**: the printed parts add up to 754 万元, not 755.00');
  });

  it('checks a printed share with the rounding of both printed figures', () => {
    // 670.59 / 1259.03 = 53.2624 %; printed 53.26 → ok; printed 53.30 → inconsistent
    const rows = [{ id: 'r', label: 'r', printed: { value: '670.59', unit: '亿元' } }, { id: 'g', label: 'g', printed: { value: '1259.03', unit: '亿元' } }];
    const share = (v: string) => reproduceCase({ ...base, rows, identities: [{ kind: 'ratio', id: 's', label: 's', numerator: 'r', denominator: 'g', printed: { value: v, unit: '%' } }] }).identities[0]!.status;
    expect(share('53.26')).toBe('ok');
    expect(share('53.30')).toBe('inconsistent');
  });

  it('refuses a malformed case with every issue', () => {
    expect(() => reproduceCase({ ...base, rows: [] })).toThrow(GepInputError);
  });
});
