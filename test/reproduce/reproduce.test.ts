import { describe, expect, it } from 'vitest';
import { halfUnitOfLastDigit, reproduceCase } from '../../src/reproduce/reproduce.js';
import { reproductionMemo } from '../../src/io/reproduction-report.js';
import { base, printedRow, waterInput, waterRow } from './helpers.js';

describe('reproduceCase: rows', () => {
  it('takes half a unit of the last printed digit as tolerance', () => {
    expect(halfUnitOfLastDigit('374.62').toString()).toBe('0.005');
    expect(halfUnitOfLastDigit('1200').toString()).toBe('0.5');
    expect(halfUnitOfLastDigit('0.630').toString()).toBe('0.0005');
  });

  it('recomputes a row through the indicator module and accepts it within half a unit', () => {
    const r = reproduceCase({ ...base, rows: [waterRow('753.97')] });
    expect(r.rows[0]).toMatchObject({
      recomputed: '753.974',
      difference: '0.004',
      tolerance: '0.005',
      toleranceKind: 'printed-digit',
      status: 'ok',
    });
    expect(r.verdict).toBe('holds');
    expect(r.holds).toBe(true);
  });

  it('flags a row outside tolerance and reports the quantity the printed value implies', () => {
    // printed 760.00 万元 at 6.11 元/m³ implies 7 600 000 / 6.11 = 1 243 862.52… m³/a
    const r = reproduceCase({ ...base, rows: [waterRow('760.00')] });
    expect(r.rows[0]).toMatchObject({ status: 'outside-tolerance', difference: '-6.026', impliedQuantity: '1243862.52046 m³/a' });
    expect(r.verdict).toBe('fails');
  });

  it('accepts a stated tolerance with its reason', () => {
    const r = reproduceCase({
      ...base,
      rows: [waterRow('760.00', { tolerance: { absolute: '10', reason: 'printed quantity rounded to 万m³' } })],
    });
    expect(r.rows[0]).toMatchObject({ status: 'ok', toleranceKind: 'stated', toleranceReason: 'printed quantity rounded to 万m³' });
  });

  it('divides by a stated amount for a row printed per hectare and year', () => {
    // 7 539 740 元 over 10 hm² = 753 974 元/(hm²·a)
    const r = reproduceCase({
      ...base,
      rows: [waterRow('753974', { printed: { value: '753974', unit: '元/(hm²·a)' }, per: { value: '10', unit: 'hm²' } })],
    });
    expect(r.rows[0]).toMatchObject({ recomputed: '753974', status: 'ok' });
  });

  it('reports a row that is not recomputed as not reproducible with the reason the case gives, and only such rows', () => {
    const r = reproduceCase({
      ...base,
      rows: [waterRow('753.97'), { ...printedRow('other', '1.00'), notReproducible: 'the price is not printed' }],
    });
    expect(r.rows.map((x) => [x.id, x.status, x.reason])).toEqual([
      ['water', 'ok', undefined],
      ['other', 'not-reproducible', 'the price is not printed'],
    ]);
  });
});

describe('reproduceCase: tolerance from a coarse printed quantity', () => {
  // The row is fed the printed quantity 123.4 万m³ (±0.05 万m³, 4.05×10⁻⁴ relative), coarser than the
  // printed value 754.20 万元 (±0.005, 6.6×10⁻⁶): the value may move by 753.974 × 0.05 / 123.4 = 0.3055
  // (= 6.11 元/m³ × 500 m³), so the tolerance is 0.005 + 0.3055 = 0.3105; 753.974 − 754.20 = −0.226 is within.
  const coarse = waterRow('754.20', { printedQuantity: { value: '123.4', unit: '万m³' } });

  it('widens the tolerance by the rounding of the quantity that was fed in, and says why', () => {
    const r = reproduceCase({ ...base, rows: [coarse] });
    expect(r.rows[0]).toMatchObject({ status: 'ok', tolerance: '0.3105', toleranceKind: 'printed-quantity' });
    expect(r.rows[0]!.toleranceReason).toBe(
      'the row is fed the printed quantity 123.4 万m³ (±0.05), printed coarser than the value 754.20 万元 (±0.005): ±0.005 + 753.974 × 0.05 / 123.4 = ±0.3105',
    );
    expect(reproductionMemo(r)).toContain(
      '## Tolerances wider than the last printed digit\n\n- **water conservation**: ±0.3105 (derived from the printed quantity): the row is fed the printed quantity 123.4 万m³',
    );
  });

  it('keeps half a unit when no quantity is printed, when the quantity is printed finer, or when the input is not the printed quantity', () => {
    expect(reproduceCase({ ...base, rows: [waterRow('754.20')] }).rows[0]).toMatchObject({
      status: 'outside-tolerance',
      tolerance: '0.005',
    });
    // 123.4000 万m³: ±0.00005 / 123.4 = 4×10⁻⁷ relative, finer than the value
    const finer = waterRow('754.20', { printedQuantity: { value: '123.4000', unit: '万m³' } });
    expect(reproduceCase({ ...base, rows: [finer] }).rows[0]).toMatchObject({
      status: 'outside-tolerance',
      tolerance: '0.005',
      toleranceKind: 'printed-digit',
    });
    // fed 123.4321 万m³ (= 754.2201… 万元), not the printed 123.4: the printed quantity's rounding is not in the input
    const other = waterRow('754.22', { printedQuantity: { value: '123.4', unit: '万m³' }, input: waterInput('123.4321') });
    expect(reproduceCase({ ...base, rows: [other] }).rows[0]).toMatchObject({ tolerance: '0.005', toleranceKind: 'printed-digit' });
  });
});

describe('reproduceCase: circular rows', () => {
  it('marks a row whose input the case says was derived from the printed figure as circular, not as a row that holds', () => {
    const row = waterRow('753.97', { circular: 'the price is 753.97 / 123.4 = 6.11 元/m³' });
    const r = reproduceCase({ ...base, rows: [row] });
    expect(r.rows[0]).toMatchObject({ status: 'circular', reason: 'the price is 753.97 / 123.4 = 6.11 元/m³' });
    expect(r.counts).toMatchObject({ recomputed: 0, agree: 0, circular: 1 });
    expect(r.verdict).toBe('nothing-checked');
    expect(r.holds).toBe(false);
  });

  it('presumes a row circular when an unprinted price with no named source equals printed value ÷ printed quantity', () => {
    // 753.97 / 123.4 = 6.1099676…, which rounds to the typed 6.11 at its two decimals
    const { printedUnitPrice: _, ...row } = waterRow('753.97', { printedQuantity: { value: '123.4', unit: '万m³' } });
    const r = reproduceCase({ ...base, rows: [row] });
    expect(r.rows[0]!.status).toBe('circular');
    expect(r.rows[0]!.reason).toMatch(
      /^presumed circular: the unit price 6\.11 万元\/万m³ is not printed .* 753\.97 \/ 123\.4 = 6\.1099676, rounded to its digits$/,
    );
    // naming an independent source lifts the presumption; the source is shown
    const sourced = reproduceCase({ ...base, rows: [{ ...row, priceSource: 'LY/T 1721—2008' }] });
    expect(sourced.rows[0]).toMatchObject({ status: 'ok', priceSource: 'LY/T 1721—2008' });
  });

  it('does not count a circular row as a recomputed part of a sum', () => {
    const rows = [waterRow('753.97', { circular: 'derived' }), printedRow('total', '753.97')];
    const r = reproduceCase({
      ...base,
      rows,
      identities: [{ kind: 'sum', id: 's', label: 's', total: 'total', terms: [{ row: 'water' }] }],
    });
    expect(r.identities[0]).toMatchObject({ status: 'ok', fromRecomputed: null, recomputedCheck: null });
    expect(r.verdict).toBe('identities-only');
  });
});

describe('reproduceCase: identities', () => {
  it("checks a printed total against its printed parts (with every part's rounding) and against recomputed parts", () => {
    const rows = [waterRow('753.97'), printedRow('other', '0.03'), printedRow('total', '754.00'), printedRow('wrong', '755.00')];
    const identities = [
      { kind: 'sum', id: 'ok', label: 'total = water + other', total: 'total', terms: [{ row: 'water' }, { row: 'other' }] },
      { kind: 'sum', id: 'bad', label: 'wrong = water + other', total: 'wrong', terms: [{ row: 'water' }, { row: 'other' }] },
      { kind: 'sum', id: 'recomputed', label: 'water alone', total: 'water', terms: [{ row: 'water' }] },
    ];
    const r = reproduceCase({ ...base, rows, identities });
    expect(r.identities.map((i) => [i.id, i.status, i.fromPrinted, i.fromRecomputed, i.tolerance])).toEqual([
      ['ok', 'ok', '754', null, '0.015'],
      ['bad', 'fails', '754', null, '0.015'],
      ['recomputed', 'ok', '753.97', '753.974', '0.01'],
    ]);
    expect(r.verdict).toBe('fails');
  });

  it('fails a sum whose recomputed parts do not add up to the printed total, with the tolerance of each part', () => {
    // water 753.974 (printed 753.97) and a second row of 100 万m³ × 6.11 = 611 万元 printed as 614.31, a
    // documented inconsistency. The printed parts add up: 753.97 + 614.31 = 1368.28. The recomputed ones
    // do not: 753.974 + 611 = 1364.974, 3.306 below 1368.28, beyond ±(0.005 + 0.005 + 0.005) = 0.015.
    const second = waterRow('614.31', {
      id: 'second',
      label: 'second',
      input: waterInput('100'),
      knownInconsistency: { found: '611', reason: 'the paper adds 3.31' },
    });
    const rows = [waterRow('753.97'), second, printedRow('total', '1368.28')];
    const sum = { kind: 'sum', id: 's', label: 'total = water + second', total: 'total', terms: [{ row: 'water' }, { row: 'second' }] };
    const r = reproduceCase({ ...base, rows, identities: [sum] });
    expect(r.rows[1]!.status).toBe('known-inconsistency');
    expect(r.identities[0]).toMatchObject({
      status: 'fails',
      fromPrinted: '1368.28',
      fromRecomputed: '1364.974',
      printedCheck: { status: 'ok' },
      recomputedCheck: { status: 'fails', tolerance: '0.015' },
    });
    expect(r.identities[0]!.reason).toBe('the recomputed parts give 1364.974 万元, not the printed 1368.28 万元 (tolerance ±0.015)');
    expect(r.verdict).toBe('fails');
    // documented, the same failure is flagged and no longer fails the case
    const known = reproduceCase({
      ...base,
      rows,
      identities: [{ ...sum, knownRecomputedInconsistency: { found: '1364.974', reason: 'follows from the second row' } }],
    });
    expect(known.identities[0]!.status).toBe('known-inconsistency');
    expect(known.verdict).toBe('holds');
  });

  it('checks a printed share with the rounding of both printed figures', () => {
    // 670.59 / 1259.03 = 53.2624 %; printed 53.26 → ok; printed 53.30 → fails
    const rows = [printedRow('r', '670.59', '亿元'), printedRow('g', '1259.03', '亿元')];
    const share = (v: string) =>
      reproduceCase({
        ...base,
        rows,
        identities: [{ kind: 'ratio', id: 's', label: 's', numerator: 'r', denominator: 'g', printed: { value: v, unit: '%' } }],
      }).identities[0]!.status;
    expect(share('53.26')).toBe('ok');
    expect(share('53.30')).toBe('fails');
  });

  it('checks a share whose numerator is zero (no division by the numerator)', () => {
    const rows = [printedRow('r', '0.00', '亿元'), printedRow('g', '10.00', '亿元')];
    const r = reproduceCase({
      ...base,
      rows,
      identities: [{ kind: 'ratio', id: 's', label: 's', numerator: 'r', denominator: 'g', printed: { value: '0.0', unit: '%' } }],
    });
    // |Δ| ≤ (½ulp_a + |a/b|·½ulp_b) / |b| = (0.005 + 0) / 10.00 = 0.0005 = 0.05 %, plus 0.05 % for the printed 0.0
    expect(r.identities[0]).toMatchObject({ status: 'ok', fromPrinted: '0', tolerance: '0.1' });
  });
});

describe('reproduceCase: documented inconsistencies', () => {
  it('calls an undocumented failure a failure, not a published inconsistency', () => {
    const rows = [printedRow('a', '1.00'), printedRow('b', '2.00'), printedRow('t', '4.00')];
    const r = reproduceCase({
      ...base,
      rows,
      identities: [{ kind: 'sum', id: 's', label: 't = a + b', total: 't', terms: [{ row: 'a' }, { row: 'b' }] }],
    });
    expect(r.identities[0]!.status).toBe('fails');
    const memo = reproductionMemo(r);
    expect(memo).toContain('- **t = a + b** (fails): the printed parts give 3 万元, not the printed 4.00 万元 (tolerance ±0.015).');
    expect(memo).not.toContain('published inconsistency**');
  });

  it('excuses a failure only when it finds what the case documents', () => {
    const known = reproduceCase({
      ...base,
      rows: [waterRow('760.00', { knownInconsistency: { found: '753.974', reason: 'the paper rounds the price' } })],
    });
    expect(known.rows[0]).toMatchObject({ status: 'known-inconsistency', reason: 'the paper rounds the price' });
    expect(known.verdict).toBe('nothing-checked');
    // the recomputation moved (another input): the old excuse does not cover the new failure
    const moved = reproduceCase({
      ...base,
      rows: [
        waterRow('760.00', { input: waterInput('120.0'), knownInconsistency: { found: '753.974', reason: 'the paper rounds the price' } }),
      ],
    });
    expect(moved.rows[0]!.status).toBe('stale-excuse');
    expect(moved.rows[0]!.reason).toBe(
      'the recomputed 733.2 differs from the printed 760.00, but not as the case documents it (found 753.974: the paper rounds the price): the excuse does not match this failure',
    );
    expect(moved.verdict).toBe('fails');
  });

  it('reports an excuse of a row or identity that holds as stale, and fails the case', () => {
    const row = reproduceCase({ ...base, rows: [waterRow('753.97', { knownInconsistency: { found: '753.974', reason: 'old finding' } })] });
    expect(row.rows[0]).toMatchObject({ status: 'stale-excuse' });
    expect(row.rows[0]!.reason).toMatch(/old finding.*the excuse is stale$/);
    expect(row.verdict).toBe('fails');
    const rows = [printedRow('a', '1.00'), printedRow('b', '2.00'), printedRow('t', '3.00')];
    const id = reproduceCase({
      ...base,
      rows,
      identities: [
        {
          kind: 'sum',
          id: 's',
          label: 's',
          total: 't',
          terms: [{ row: 'a' }, { row: 'b' }],
          knownInconsistency: { found: '3', reason: 'was wrong once' },
        },
      ],
    });
    expect(id.identities[0]!.status).toBe('stale-excuse');
    expect(id.verdict).toBe('fails');
  });
});

describe('reproduceCase: the verdict', () => {
  it('says "identities only" when no row is recomputed, and does not claim that rows hold', () => {
    const rows = [printedRow('a', '1.00'), printedRow('b', '2.00'), printedRow('t', '3.00')];
    const r = reproduceCase({
      ...base,
      rows,
      identities: [{ kind: 'sum', id: 's', label: 's', total: 't', terms: [{ row: 'a' }, { row: 'b' }] }],
    });
    expect(r.verdict).toBe('identities-only');
    expect(r.holds).toBe(false);
    expect(reproductionMemo(r)).toContain(
      '**Verdict: identities only — no row was recomputed independently (3 printed figures only), so nothing here shows that the published rows can be recomputed; 1 of 1 identity holds.**',
    );
  });

  it('says that nothing was checked when no row is recomputed and no identity is given', () => {
    expect(reproduceCase({ ...base, rows: [printedRow('a', '1.00')] }).verdict).toBe('nothing-checked');
  });
});
