/**
 * A catalogue indicator without a module (none today: every catalogue entry is implemented) cannot
 * recompute a row; the case must say so instead of failing with a stack trace.
 */
import { describe, expect, it, vi } from 'vitest';
import { GepInputError } from '../../src/errors/errors.js';
import { reproduceCase } from '../../src/reproduce/reproduce.js';
import { base, waterRow } from './helpers.js';

vi.mock('../../src/indicators/registry.js', async (original) => {
  const real = await original<typeof import('../../src/indicators/registry.js')>();
  return { ...real, getIndicator: (id: string) => (id === 'regulating.pest-control' ? undefined : real.getIndicator(id)) };
});

describe('a row whose indicator is in the catalogue but not implemented', () => {
  it('is a located error that says to give notReproducible', () => {
    try {
      reproduceCase({ ...base, rows: [waterRow('1', { indicator: 'regulating.pest-control' })] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GepInputError);
      expect((e as GepInputError).issues.map((i) => [i.code, i.path])).toEqual([['case.not-implemented', ['rows', 0, 'indicator']]]);
      expect((e as GepInputError).issues[0]!.message).toBe(
        'rows[0].indicator: indicator "regulating.pest-control" is in the catalogue but not implemented, so the row cannot be recomputed; give notReproducible instead',
      );
    }
  });
});
