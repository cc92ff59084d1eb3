/**
 * Published headline accounts: the library's reproduction must find exactly the identities that
 * hold and flag exactly the published inconsistencies, and say when only identities were checked.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reproduceCase } from '../../src/reproduce/reproduce.js';

const load = (id: string) => reproduceCase(JSON.parse(readFileSync(`fixtures/cases/${id}.json`, 'utf8')));
const statuses = (id: string) => Object.fromEntries(load(id).identities.map((i) => [i.id, i.status]));

describe('published headline cases', () => {
  it('China 2015 (CAEP): GEEP = 72.3 − 2 − 0.63 + 53.1 = 122.77 vs printed 122.78 holds; the ecosystem shares use ≈66.2 万亿元, not GEP', () => {
    const r = load('china-2015');
    expect(r.identities.find((i) => i.id === 'geep')).toMatchObject({ fromPrinted: '122.77', status: 'ok' });
    expect(statuses('china-2015')).toEqual({
      geep: 'ok',
      'regulating-share': 'ok',
      ggi: 'ok',
      'wetland-share': 'known-inconsistency',
      'forest-share': 'known-inconsistency',
      'grassland-share': 'known-inconsistency',
    });
    // no row of the two abstracts can be recomputed: the verdict says identities only
    expect(r.verdict).toBe('identities-only');
  });

  it('Shenzhen 2020: 23.55 + 699.52 + 580.75 = 1303.82; water conservation at the LY/T 1721 reservoir cost; climate regulation circular', () => {
    const r = load('shenzhen-2020');
    // 19.18 亿m³ × 6.11 元/m³ = 117.1898 亿元, printed 117.19. The quantity 19.18 (±0.005, 2.6×10⁻⁴) is
    // printed coarser than the value 117.19 (±0.005, 4.3×10⁻⁵): ±0.005 + 117.1898 × 0.005 / 19.18 = ±0.03555.
    expect(r.rows.find((x) => x.id === 'water-conservation')).toMatchObject({
      recomputed: '117.1898',
      status: 'ok',
      tolerance: '0.03555',
      toleranceKind: 'printed-quantity',
    });
    // climate regulation: 680.95 亿kWh × 0.717 元/kWh = 488.24115 亿元, printed 488.24; but 0.717 is
    // 488.24 / 680.95 itself, so the row proves nothing
    expect(r.rows.find((x) => x.id === 'climate-regulation')).toMatchObject({ recomputed: '488.24115', status: 'circular' });
    expect(r.counts).toMatchObject({ recomputed: 1, agree: 1, circular: 1 });
    expect(r.verdict).toBe('holds');
    expect(r.case.citation.secondary).toMatch(/^Read in a traditional-character reprint of the release on a non-government website/);
    expect(Object.values(statuses('shenzhen-2020')).every((s) => s === 'ok')).toBe(true);
  });

  it('the headline-only cases say "identities only": none of their rows is recomputed', () => {
    for (const id of ['ninghai-2018', 'inner-mongolia-2019', 'gaochun-2019', 'guangxi-2005-2020']) {
      const r = load(id);
      expect(r.counts.recomputed, id).toBe(0);
      expect(r.verdict, id).toBe('identities-only');
      expect(
        r.rows.every((x) => x.status === 'not-reproducible' && x.reason),
        id,
      ).toBe(true);
    }
  });

  it('no case note points to a file outside the repository', () => {
    for (const id of [
      'china-2015',
      'gaochun-2019',
      'gaotianyan-2014',
      'guangxi-2005-2020',
      'inner-mongolia-2019',
      'ninghai-2018',
      'shenzhen-2020',
    ]) {
      const text = readFileSync(`fixtures/cases/${id}.json`, 'utf8');
      expect(text, id).not.toMatch(/shared\/|gep-methods|verification-notes|\.md\b/);
    }
  });

  it('Ninghai 2018: the 两山 value 588.44 = GEP 1259.03 − regulating 670.59; share 53.26 %', () => {
    expect(statuses('ninghai-2018')).toEqual({ 'two-mountains': 'ok', 'regulating-share': 'ok' });
  });

  it('Inner Mongolia 2019: 3125.30 + 33727.90 + 7907.55 = 44760.75; shares; growth on a 3-digit 2015 figure', () => {
    expect(Object.values(statuses('inner-mongolia-2019')).every((s) => s === 'ok')).toBe(true);
  });

  it('Gaochun 2019: 99.81 + 1267.52 + 208.38 = 1575.71; the cultural share 13.23 % is forced (13.225 %)', () => {
    expect(statuses('gaochun-2019')).toEqual({
      'gep-categories': 'ok',
      'share-material': 'ok',
      'share-regulating': 'ok',
      'share-cultural': 'known-inconsistency',
    });
  });

  it('Guangxi 2005–2020: the figures are 亿元, not "billion": GEP/GDP = 36677.04 / 22156.69 = 1.655 ≈ 1.66', () => {
    expect(statuses('guangxi-2005-2020')).toEqual({ growth: 'ok', 'water-share': 'ok', ggi: 'ok' });
  });
});
