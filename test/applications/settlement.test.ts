import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { settle, settlementSchema, POOL } from '../../src/applications/settlement.js';
import { parseInput, dec } from '../../src/applications/common.js';
import type { GepInputError } from '../../src/errors/errors.js';

const file = (transfers: [string, string, string][], regions = ['A', 'B', 'C']) =>
  parseInput(settlementSchema, {
    method: 'settlement',
    priceYear: 2022,
    regions: regions.map((name) => ({ name })),
    transfers: transfers.map(([from, to, v]) => ({ from, to, amount: { value: v, unit: '元' } })),
  });

describe('settle (横向补偿净额结算)', () => {
  it('nets pairs and positions; Σ net = 0; the pool takes one payment per region', () => {
    // A → B 100, B → A 30, B → C 50: A −70 (received 30, paid 100); B +20 (100 − 80); C +50; Σ = 0
    const s = settle(
      file([
        ['A', 'B', '100'],
        ['B', 'A', '30'],
        ['B', 'C', '50'],
      ]),
    );
    expect(s.positions.map((p) => [p.name, p.net.toString()])).toEqual([
      ['A', '-70'],
      ['B', '20'],
      ['C', '50'],
    ]);
    expect(s.netSum.toString()).toBe('0');
    expect(s.pairs.map((p) => p.net && [p.net.from, p.net.to, p.net.amount.toString()])).toEqual([
      ['A', 'B', '70'],
      ['B', 'C', '50'],
    ]);
    expect(s.pool.map((p) => [p.from, p.to, p.amount.toString()])).toEqual([
      ['A', POOL, '70'],
      [POOL, 'B', '20'],
      [POOL, 'C', '50'],
    ]);
    expect(s.payments).toEqual({ gross: 3, bilateral: 2, pool: 3 });
    expect([s.volume.gross, s.volume.bilateral, s.volume.pool].map(String)).toEqual(['180', '120', '70']);
  });

  it('marks a pair that cancels and a region that does nothing', () => {
    const s = settle(
      file([
        ['A', 'B', '40'],
        ['B', 'A', '40'],
      ]),
    );
    expect(s.pairs[0]!.net).toBeNull();
    expect(s.pool).toEqual([]);
    expect(s.warnings.map((w) => w.message)).toEqual(['C neither pays nor receives anything']);
  });

  it('refuses an unknown region, a region paying itself and a region named twice, all at once', () => {
    try {
      settle(
        file(
          [
            ['A', 'D', '1'],
            ['B', 'B', '1'],
          ],
          ['A', 'B', 'A'],
        ),
      );
      expect.unreachable();
    } catch (e) {
      expect((e as GepInputError).issues.map((i) => [i.code, i.path.join('.')])).toEqual([
        ['input.duplicate', 'regions.2.name'],
        ['input.out-of-range', 'transfers.0.to'],
        ['input.out-of-range', 'transfers.1.to'],
      ]);
    }
  });

  it('keeps Σ net = 0 and the pair nets equal to the positions for any transfers (property)', () => {
    const names = ['A', 'B', 'C', 'D', 'E'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 10 ** 9 })), {
          minLength: 1,
          maxLength: 25,
        }),
        (raw) => {
          const t = raw
            .filter(([a, b]) => a !== b)
            .map(([a, b, v]) => [names[a]!, names[b]!, dec(String(v)).dividedBy(100).toString()] as [string, string, string]);
          if (!t.length) return;
          const s = settle(file(t, names));
          expect(s.netSum.isZero()).toBe(true);
          expect(
            s.pool
              .filter((p) => p.to === POOL)
              .reduce((x, p) => x.plus(p.amount), dec('0'))
              .eq(s.pool.filter((p) => p.from === POOL).reduce((x, p) => x.plus(p.amount), dec('0'))),
          ).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
