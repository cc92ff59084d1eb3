/**
 * Gaotianyan Nature Reserve 2014 (缪建群 et al., 生态学报 2017, 37(19)): a row-level case. The
 * forest-type rows of Table 2 and two soil rows of Table 3 are recomputed through the indicator
 * modules; the reproduction must find exactly the published inconsistencies the case documents.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reproduceCase } from '../../src/reproduce/reproduce.js';
import { reproductionMemo } from '../../src/io/reproduction-report.js';

const r = reproduceCase(JSON.parse(readFileSync('fixtures/cases/gaotianyan-2014.json', 'utf8')));
const row = (id: string) => {
  const found = r.rows.find((x) => x.id === id);
  if (!found) throw new Error(`no row ${id}`);
  return found;
};
const types = ['coniferous', 'broadleaf', 'mixed', 'bamboo', 'shrub'];

describe('Gaotianyan 2014 (row level)', () => {
  it('reproduces the forest-type rows of Table 2 within half a unit of the last printed digit', () => {
    const ok = [
      ...types.filter((t) => t !== 'coniferous').map((t) => `carbon-${t}`),
      ...types.map((t) => `oxygen-${t}`),
      ...types.map((t) => `water-${t}`),
      ...types.map((t) => `so2-${t}`),
      // the shrub dust value is not legible in the text version read: no row
      ...['coniferous', 'broadleaf', 'mixed', 'bamboo'].map((t) => `dust-${t}`),
    ];
    expect(
      r.rows
        .filter((x) => x.status === 'ok')
        .map((x) => x.id)
        .sort(),
    ).toEqual([...ok].sort());
    expect(ok).toHaveLength(23);
  });

  it('recomputes rows worked by hand', () => {
    // oxygen, broadleaf: 40584.50 t × 1.19 = 48295.555 t O₂; × 1160.70 元/t = 56 056 650.6885 元 = 5605.66506885 万元 (printed 5605.67)
    expect(row('oxygen-broadleaf')).toMatchObject({ recomputed: '5605.66506885', status: 'ok' });
    // water storage, mixed: 47.26 ×10⁴ m³ × 0.92 元/m³ = 434 792 元 = 43.4792 万元 (printed 43.48)
    expect(row('water-mixed')).toMatchObject({ recomputed: '43.4792', status: 'ok' });
    // SO₂, bamboo: 1.92 ×10⁴ kg × 0.83 元/kg = 15 936 元 = 1.5936 万元 (printed 1.59)
    expect(row('so2-bamboo')).toMatchObject({ recomputed: '1.5936', status: 'ok' });
    // dust, broadleaf: 2375.85 ×10⁴ kg × 0.23 元/kg = 546.4455 万元 (printed 546.45: 0.0045 below, within 0.005)
    expect(row('dust-broadleaf')).toMatchObject({ recomputed: '546.4455', difference: '-0.0045', status: 'ok' });
  });

  it('flags exactly the documented published inconsistencies (sediment and nitrogen both per hm² and for the reserve)', () => {
    const flagged = r.rows.filter((x) => x.status === 'known-inconsistency').map((x) => x.id);
    expect(flagged).toEqual([
      'carbon-coniferous',
      'env-purification',
      'soil-ha-sediment',
      'soil-ha-nitrogen',
      'soil-sediment',
      'soil-nitrogen',
    ]);
    expect(r.rows.some((x) => x.status === 'outside-tolerance')).toBe(false);
    expect(r.identities.some((i) => i.status !== 'ok')).toBe(false);
  });

  it('coniferous carbon: 6050.31 × 1.63 × 379.87 = 374.628 万元, printed 374.62', () => {
    // 6050.31 t × 1.63 = 9862.0053 t CO₂; × 379.87 元/t CO₂ = 3 746 279.953311 元 = 374.6279953311 万元.
    // The printed 374.62 implies 9862.0053 × 374.62 / 374.6279953311 = 9861.79482455 t CO₂, below the
    // printed 9862.01 (whose own value 9862.01 × 379.87 = 374.6275 also rounds to 374.63).
    expect(row('carbon-coniferous')).toMatchObject({
      recomputed: '374.6279953311',
      difference: '0.0079953311',
      impliedQuantity: '9861.79482455 t CO2/a',
      status: 'known-inconsistency',
    });
  });

  it('environmental purification leaves out SO₂: 48.0902 + 1817.1771 = 1865.2673 万元 against 1817.19', () => {
    // SO₂ 57.94 ×10⁴ kg × 0.83 = 48.0902; dust 7900.77 ×10⁴ kg × 0.23 = 1817.1771 (the dust alone)
    expect(row('env-purification')).toMatchObject({ recomputed: '1865.2673', difference: '48.0773', status: 'known-inconsistency' });
    expect(row('env-purification').reason).toMatch(/leaves out the SO₂ value/);
  });

  it('recomputes the per-hm² soil rows as the reserve total ÷ 4 750 hm²: sediment 1704.10 元/(hm²·a) against 630.52', () => {
    // 809.4468324… 万元 × 10⁴ / 4 750 hm² = 1 704.0986 元/(hm²·a); the printed 630.52 = 1704.10 × 0.37 (ρ skipped)
    expect(row('soil-ha-sediment').recomputed!.startsWith('1704.098')).toBe(true);
    expect(row('soil-ha-sediment').status).toBe('known-inconsistency');
  });

  it('sedimentation skips the bulk density: λ·Q/ρ·c_d = 809.45 万元 against 299.50 = ours × ρ', () => {
    // Q = 2985.40 t/hm² × 4750 hm² = 14 180 650 t; 0.24 × 14 180 650 / 0.37 t/m³ = 9 198 259.459… m³;
    // × 0.88 元/m³ = 8 094 468.324… 元 = 809.4468… 万元. Without ρ: 0.24 × 14 180 650 × 0.88 = 299.4953 万元.
    const s = row('soil-sediment');
    expect(s.status).toBe('known-inconsistency');
    expect(s.recomputed).toMatch(/^809\.44683243243/);
    // implied soil retained ≈ Q × ρ = 14 180 650 × 0.37 = 5 246 840.5 t (the printed total is rounded)
    expect(s.impliedQuantity).toBe('5246922.34848 t/a');
  });

  it('TN: 2985.40 × 1.52 g/kg = 4537.81 kg N per hm², printed 4573.81 (implied 1.532 g/kg)', () => {
    // 14 180 650 t × 1.52 g/kg = 21 554.588 t N; × 1920 元/t ÷ 0.46 = 89 966 976 元 = 8996.6976 万元 (printed 9068.08)
    expect(row('soil-nitrogen')).toMatchObject({ recomputed: '8996.6976', difference: '-71.3824', status: 'known-inconsistency' });
  });

  it('every printed subtotal and the total 72030.15 hold on their printed parts', () => {
    expect(Object.fromEntries(r.identities.map((i) => [i.id, i.status]))).toEqual({
      'carbon-total': 'ok',
      'oxygen-total': 'ok',
      'carbon-oxygen': 'ok',
      'water-storage': 'ok',
      'so2-total': 'ok',
      'soil-per-hectare': 'ok',
      'soil-reserve': 'ok',
      total: 'ok',
      'gdp-share': 'ok',
    });
    // the Table 2 totals are sums of rounded type values: recomputed 3592.0773 (carbon), 8012.9056 (oxygen)
    expect(r.identities.find((i) => i.id === 'carbon-total')).toMatchObject({ fromPrinted: '3592.07', fromRecomputed: '3592.077348887' });
    expect(r.identities.find((i) => i.id === 'oxygen-total')).toMatchObject({ fromPrinted: '8012.92', fromRecomputed: '8012.90556591' });
    expect(r.identities.find((i) => i.id === 'water-storage')).toMatchObject({ fromRecomputed: '164.3672' });
    expect(r.identities.find((i) => i.id === 'total')).toMatchObject({ fromPrinted: '72030.15', status: 'ok' });
  });

  it('holds: only documented inconsistencies remain, and the memo names them', () => {
    expect(r.verdict).toBe('holds');
    expect(r.counts).toMatchObject({
      rows: 51,
      recomputed: 29,
      agree: 23,
      knownInconsistencies: 6,
      staleExcuses: 0,
      circular: 0,
      notReproducible: 22,
    });
    // every printed-only row says why it is not recomputed
    expect(r.rows.filter((x) => x.status === 'not-reproducible').every((x) => x.reason && x.reason.length > 10)).toBe(true);
    const memo = reproductionMemo(r);
    const findings = memo.split('## Findings')[1]!.split('## Not reproduced')[0]!;
    expect(findings.match(/^- \*\*/gm)).toHaveLength(6);
    for (const label of [
      'carbon value, 针叶林',
      'environmental purification',
      'avoided sedimentation, reserve total',
      'TN retained, reserve total',
      'avoided sedimentation, per hm²',
      'TN retained, per hm²',
    ]) {
      expect(findings).toContain(label);
    }
  });
});
