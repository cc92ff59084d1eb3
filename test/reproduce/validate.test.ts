/**
 * A broken case file is refused with every problem at once, each located by its JSON path in the
 * case file; an invalid row input is never moved aside as "not reproducible".
 */
import { describe, expect, it } from 'vitest';
import { GepInputError, formatPath } from '../../src/errors/errors.js';
import { reproduceCase } from '../../src/reproduce/reproduce.js';
import { base, printedRow, waterInput, waterRow } from './helpers.js';

/** The issues of a refused case, as `code path (found)` lines. */
function issuesOf(data: unknown): string[] {
  try {
    reproduceCase(data);
  } catch (e) {
    if (!(e instanceof GepInputError)) throw e;
    return e.issues.map((i) => `${i.code} ${formatPath(i.path)}${i.found !== undefined ? ` (${i.found})` : ''}`);
  }
  throw new Error('the case was accepted');
}

describe('a row with an invalid input fails the case, located in the case file', () => {
  const row = (input: unknown) => ({ ...waterRow('753.97'), input });
  it.each([
    [
      'a wrong unit',
      { ...waterInput(), unitPrice: { value: '6.11', unit: '元/t' } },
      'input.unit-dimension rows[0].input.unitPrice.unit (元/t)',
    ],
    ['a field typo', { ...waterInput(), unitPrce: { value: '6.11', unit: '元/m³' } }, 'input.unknown-field rows[0].input (unitPrce)'],
    [
      'a number instead of decimal text',
      { ...waterInput(), unitPrice: { value: 6.11, unit: '元/m³' } },
      'input.type rows[0].input.unitPrice.value (the number 6.11)',
    ],
    [
      'a wrong price year',
      { ...waterInput(), unitPrice: { value: '6.11', unit: '元/m³', priceYear: 2015 } },
      'input.price-year rows[0].input.unitPrice.priceYear (2015)',
    ],
    ['an empty list', { reported: [] }, 'input.out-of-range rows[0].input.reported (a list)'],
  ])('%s', (_, input, issue) => {
    expect(issuesOf({ ...base, rows: [row(input)] })).toContain(issue);
  });

  it('an invalid coefficient override, of the case or of the row', () => {
    const override = { id: 'reservoir-storage-cost', value: '6.11', unit: '元/t', reason: 'r' };
    expect(issuesOf({ ...base, coefficientOverrides: [override], rows: [waterRow('753.97')] })).toEqual([
      'input.unit-dimension coefficientOverrides[0].unit (元/t)',
    ]);
    expect(issuesOf({ ...base, rows: [waterRow('753.97', { coefficientOverrides: [{ ...override, id: 'no-such' }] })] })).toEqual([
      'coefficient.unknown rows[0].coefficientOverrides[0].id (no-such)',
    ]);
  });
});

describe('validating a case', () => {
  it('reports every problem of the case at once: ids, indicators, variants, units, identities, table', () => {
    const data = {
      ...base,
      coefficientTable: 'national-2099/1.0.0',
      rows: [
        waterRow('753.97', { indicator: 'regulating.water-conservaton' }),
        waterRow('753.97', { variant: { runof: 'storm-runoff' } }),
        waterRow('753.97', { id: 'water-2', variant: { runoff: 'storm-runof' } }),
        printedRow('water', '1.00'),
        { ...printedRow('odd', '1.00'), printed: { value: '1.00', unit: '万元/m3' } },
        { id: 'bare', label: 'bare', printed: { value: '1.00', unit: '万元' } },
        { ...printedRow('excused', '1.00'), knownInconsistency: { found: '2', reason: 'nothing to excuse' } },
        { ...waterRow('1'), id: 'both', notReproducible: 'why' },
        { id: 'halfway', label: 'halfway', printed: { value: '1', unit: '万元' }, indicator: 'regulating.water-conservation' },
        waterRow('1', { id: 'area', printed: { value: '1', unit: '元' }, per: { value: '10', unit: 'hm²' } }),
        waterRow('1', { id: 'zero', printed: { value: '1', unit: '元/hm²' }, per: { value: '0', unit: 'hm²' } }),
        waterRow('1', { id: 'kg', printed: { value: '1', unit: 't' } }),
        { ...printedRow('exp', '1.00'), printed: { value: '1.5e3', unit: '万元' } },
      ],
      identities: [
        {
          kind: 'sum',
          id: 'sum',
          label: 'sum',
          total: 'water',
          terms: [{ row: 'no-such-row' }, { row: 'kg' }, { row: 'bare' }, { row: 'bare' }],
        },
        {
          kind: 'ratio',
          id: 'per-area',
          label: 'value per hm²',
          numerator: 'water',
          denominator: 'bare',
          printed: { value: '3.1', unit: '万元/hm²' },
        },
        { kind: 'ratio', id: 'sum', label: 'mixed', numerator: 'water', denominator: 'kg', printed: { value: '3', unit: '%' } },
      ],
    };
    expect(issuesOf(data)).toEqual([
      'input.unit-unknown rows[4].printed.unit (万元/m3)',
      'input.not-a-number rows[12].printed.value ("1.5e3")',
      'input.unknown-indicator rows[0].indicator (regulating.water-conservaton)',
      'input.duplicate rows[1].id (water)',
      'input.unknown-field rows[1].variant (runof)',
      'input.out-of-range rows[2].variant.runoff ("storm-runof")',
      'input.duplicate rows[3].id (water)',
      'case.row-basis rows[5] (neither, in row "bare")',
      'case.needs-recomputed-row rows[6].knownInconsistency (knownInconsistency)',
      'case.row-basis rows[7].notReproducible (both an indicator with its input and notReproducible)',
      'input.required rows[8].input',
      'input.unit-dimension rows[9].printed.unit (元)',
      'input.out-of-range rows[10].per.value (0)',
      'input.unit-dimension rows[11].printed.unit (t)',
      'case.unknown-row identities[0].terms[0].row (no-such-row)',
      'input.unit-dimension identities[0].terms[1].row (t (row kg))',
      'input.duplicate identities[0].terms[3].row (bare)',
      'input.unit-dimension identities[1].printed.unit (万元/hm²)',
      'input.duplicate identities[2].id (sum)',
      'input.unit-dimension identities[2].denominator (t (row kg))',
      'input.out-of-range coefficientTable ("national-2099/1.0.0")',
    ]);
  });

  it('recomputes the sound rows of a case with other problems, so that their input problems are reported too', () => {
    const data = {
      ...base,
      rows: [waterRow('1', { input: { ...waterInput(), unitPrce: {} } }), printedRow('p', '1')],
      identities: [{ kind: 'sum', id: 's', label: 's', total: 'p', terms: [{ row: 'nowhere' }] }],
    };
    expect(issuesOf(data)).toEqual([
      'case.unknown-row identities[0].terms[0].row (nowhere)',
      'input.unknown-field rows[0].input (unitPrce)',
    ]);
  });

  it('refuses a case without rows, and a ratio whose denominator is printed as zero', () => {
    expect(issuesOf({ ...base, rows: [] })).toEqual(['input.out-of-range rows (a list)']);
    const rows = [printedRow('a', '1'), printedRow('z', '0.00')];
    expect(
      issuesOf({
        ...base,
        rows,
        identities: [{ kind: 'ratio', id: 'r', label: 'r', numerator: 'a', denominator: 'z', printed: { value: '1', unit: '%' } }],
      }),
    ).toEqual(['input.out-of-range identities[0].denominator (z = 0.00)']);
  });

  it('throws only GepInputError for data that is not a case at all', () => {
    for (const data of [null, 1, 'case', [], {}, { rows: 'x', identities: 3 }, { ...base, rows: [null, 1, 'x'] }]) {
      expect(() => reproduceCase(data)).toThrow(GepInputError);
    }
  });
});
