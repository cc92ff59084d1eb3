import { describe, expect, it } from 'vitest';
import { extentAccount } from '../../src/seea/extent.js';

const area = (value: string, unit = 'km²') => ({ value, unit });
/** Only the blocks and fields the extent account reads; the other fields of the blocks are not needed. */
function input(indicators: Record<string, unknown>, regionArea: string | null = '1100') {
  return {
    region: { name: 'x', level: 'county', ...(regionArea ? { area: area(regionArea) } : {}) },
    accountingYear: 2022,
    priceYear: 2022,
    indicators,
  };
}

describe('extentAccount', () => {
  it('takes each type from the first extent source, flags a source that differs, and shows the area not classified', () => {
    const t = extentAccount(
      input({
        'regulating.water-conservation': {
          ecosystems: [
            { ecosystemType: 'deciduous-broadleaf-forest', area: area('420') },
            { ecosystemType: 'cropland', area: area('620') },
          ],
        },
        // 42 000 hm² = 420 km² agrees; 60 000 hm² = 600 km² does not.
        'regulating.soil-retention': {
          ecosystems: [
            { ecosystemType: 'deciduous-broadleaf-forest', area: area('42000', 'hm²') },
            { ecosystemType: 'cropland', area: area('60000', 'hm²') },
          ],
        },
      }),
    );
    expect(t.rows.map((r) => [r.ecosystemType, r.closing, r.counted, r.flags])).toEqual([
      ['deciduous-broadleaf-forest', '420', true, []],
      ['cropland', '620', true, ['extent-inconsistent']],
    ]);
    // 420 + 620 = 1 040 km² of 1 100: 60 km² not classified.
    expect(t.total.closing).toBe('1040');
    expect(t.region).toEqual({ opening: null, closing: '1100', unclassifiedOpening: null, unclassifiedClosing: '60' });
    expect(t.warnings).toEqual([
      expect.objectContaining({
        code: 'extent-inconsistent',
        indicator: 'regulating.soil-retention',
        path: ['indicators', 'regulating.soil-retention', 'ecosystems', 1, 'area'],
        message:
          "cropland: regulating.soil-retention gives 600 km², regulating.water-conservation 620 km²; the extent account uses 620 km² (the first source in the rule's order)",
      }),
    ]);
    expect(t.warnings[0]!.zh).toBe(
      '农田：regulating.soil-retention 给出 600 km²，regulating.water-conservation 给出 620 km²；范围账户取 620 km²（按规则顺序的第一个来源）',
    );
    expect(t.rows[0]!.get).toMatchObject({ get: 'T2.2 Deciduous temperate forests', status: 'to-verify' });
  });

  it('adds two patches of one type in one source', () => {
    const t = extentAccount(
      input(
        {
          'regulating.water-conservation': {
            ecosystems: [
              { ecosystemType: 'cropland', area: area('10') },
              { ecosystemType: 'cropland', area: area('500', 'hm²') },
            ],
          },
        },
        null,
      ),
    );
    // 10 km² + 500 hm² (= 5 km²) = 15 km²
    expect(t.rows.map((r) => r.closing)).toEqual(['15']);
    expect(t.region.unclassifiedClosing).toBeNull();
  });

  it('flags a part larger than its type, and does not count a type that only parts name', () => {
    const t = extentAccount(
      input({
        'regulating.water-conservation': { ecosystems: [{ ecosystemType: 'deciduous-broadleaf-forest', area: area('420') }] },
        // natural stands of 50 000 hm² = 500 km² > 420 km²
        'regulating.pest-control': { ecosystems: [{ ecosystemType: 'deciduous-broadleaf-forest', naturalArea: area('50000', 'hm²') }] },
        'regulating.species-conservation': { stands: [{ ecosystemType: 'temperate-steppe', area: area('1000', 'hm²') }] },
      }),
    );
    expect(t.rows.map((r) => [r.ecosystemType, r.closing, r.counted, r.flags])).toEqual([
      ['deciduous-broadleaf-forest', '420', true, ['extent-part-exceeds']],
      ['temperate-steppe', null, false, ['extent-part-only']],
    ]);
    expect(t.total.closing).toBe('420');
    expect(t.warnings.map((w) => w.code)).toEqual(['extent-part-exceeds', 'extent-part-only']);
    expect(t.warnings[1]!.message).toBe(
      'temperate-steppe: only a part of 10 km² is given (stands, natural areas or a named site); the type has no extent and is not counted',
    );
  });

  it('does not count a level-1 type given beside its own level-2 types', () => {
    const t = extentAccount(
      input({
        'regulating.water-conservation': {
          ecosystems: [
            { ecosystemType: 'forest', area: area('100') },
            { ecosystemType: 'deciduous-broadleaf-forest', area: area('420') },
          ],
        },
      }),
    );
    expect(t.rows.find((r) => r.ecosystemType === 'forest')).toMatchObject({ counted: false, flags: ['extent-overlapping-levels'] });
    expect(t.total.closing).toBe('420');
    expect(t.byLevel1).toEqual([{ type: 'forest', zh: '森林', en: 'Forest', opening: null, closing: '420' }]);
  });

  it('flags types that add up to more than the region', () => {
    const t = extentAccount(
      input({ 'regulating.water-conservation': { ecosystems: [{ ecosystemType: 'cropland', area: area('1200') }] } }),
    );
    expect(t.region.unclassifiedClosing).toBeNull();
    expect(t.warnings.map((w) => w.message)).toEqual(["the ecosystem types add up to 1200 km², more than the region's area, 1100 km²"]);
  });

  it('gives opening, closing and net change from two inputs', () => {
    const wc = (forest: string) => ({
      'regulating.water-conservation': {
        ecosystems: [
          { ecosystemType: 'deciduous-broadleaf-forest', area: area(forest) },
          { ecosystemType: 'cropland', area: area('620') },
        ],
      },
    });
    const t = extentAccount(input(wc('420')), input(wc('400')));
    expect(t.rows.map((r) => [r.ecosystemType, r.opening, r.closing, r.netChange])).toEqual([
      ['deciduous-broadleaf-forest', '400', '420', '20'],
      ['cropland', '620', '620', '0'],
    ]);
    // 400 + 620 = 1 020 at the opening, 1 040 at the closing; of 1 100: 80 and 60 not classified.
    expect(t.total).toEqual({ opening: '1020', closing: '1040' });
    expect([t.region.unclassifiedOpening, t.region.unclassifiedClosing]).toEqual(['80', '60']);
    expect(t.warnings).toEqual([]);
  });

  it('reports an area it cannot read instead of dropping it silently', () => {
    const t = extentAccount(
      input({
        'regulating.water-conservation': {
          ecosystems: [
            { ecosystemType: 'cropland', area: area('12', 'm') },
            { ecosystemType: 'moon', area: area('1') },
          ],
        },
      }),
    );
    expect(t.rows).toEqual([]);
    expect(t.warnings.map((w) => w.message)).toEqual([
      'indicators.regulating.water-conservation.ecosystems[0].area: area not read for the extent account ("m" is not an area unit)',
      'indicators.regulating.water-conservation.ecosystems[1].area: area not read for the extent account (ecosystem type "moon" unknown)',
    ]);
  });
});
