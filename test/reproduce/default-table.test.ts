/**
 * The coefficient table of a case: the one it names, else the table the default profile pins (a
 * fixed version, not the latest, and not a constant of the reproduction code); the memo says which.
 */
import { describe, expect, it } from 'vitest';
import { reproduceCase } from '../../src/reproduce/reproduce.js';
import { reproductionMemo } from '../../src/io/reproduction-report.js';
import { reproductionToHtml } from '../../src/io/reproduction-html.js';
import { DEFAULT_PROFILE_ID, getProfile } from '../../src/profiles/profiles.js';
import { base } from './helpers.js';

// Water conservation without a price takes C_we = 7.06 元/m³ from the table (the same value in
// national-2022/1.0.0 and 1.1.0): 1 234 000 m³ × 7.06 = 8 712 040 元 = 871.204 万元.
const reported = { reported: [{ item: 'all', quantity: { value: '123.4', unit: '万m³' } }] };
const row = {
  id: 'lib',
  label: 'from the table',
  printed: { value: '871.20', unit: '万元' },
  indicator: 'regulating.water-conservation',
  input: reported,
};
const toy = (extra: Record<string, unknown> = {}) => ({ ...base, accountingYear: 2010, priceYear: 2010, rows: [row], ...extra });

describe('the coefficient table of a case', () => {
  it("is the default profile's pinned table when the case names none, and the memo says so", () => {
    const pinned = getProfile(DEFAULT_PROFILE_ID)!.coefficientTable;
    expect(pinned).toBe('national-2022/1.1.0');
    const r = reproduceCase(toy());
    expect(r.coefficientTable).toEqual({ key: pinned, from: 'default-profile', profile: 'national-2022' });
    expect(r.rows[0]!.trace!.coefficients.map((c) => c.table)).toEqual([pinned]);
    expect(r.rows[0]!.recomputed).toBe('871.204');
    expect(reproductionMemo(r)).toContain(
      'Coefficient table: national-2022/1.1.0, the table the default profile national-2022 pins (the case names none).',
    );
    expect(reproductionMemo(r, { lang: 'zh' })).toContain(
      '参数表：national-2022/1.1.0，即默认核算方案 national-2022 固定的参数表（案例未指定）。',
    );
    expect(reproductionToHtml(r)).toContain(
      '<li><b>Coefficient table</b>national-2022/1.1.0 (pinned by the default profile national-2022; the case names none)</li>',
    );
  });

  it('is the table the case names, and the memo says the case named it', () => {
    const r = reproduceCase(toy({ coefficientTable: 'national-2022/1.0.0' }));
    expect(r.coefficientTable).toEqual({ key: 'national-2022/1.0.0', from: 'case' });
    expect(r.rows[0]!.trace!.coefficients.map((c) => c.table)).toEqual(['national-2022/1.0.0']);
    expect(reproductionMemo(r)).toContain('Coefficient table: national-2022/1.0.0 (named by the case).');
    expect(reproductionToHtml(r, { lang: 'zh' })).toContain('<li><b>参数表</b>national-2022/1.0.0（案例指定）</li>');
  });

  it('refuses a table the library does not have, located at coefficientTable', () => {
    expect(() => reproduceCase(toy({ coefficientTable: 'national-2022/9.9.9' }))).toThrow(/coefficientTable/);
  });
});
