import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateRounded, describeParts, describeRounding, roundDecimal, roundTree } from '../../src/numbers/rounding.js';
import { GepDecimal } from '../../src/numbers/arithmetic.js';

describe('rounding at the edge', () => {
  it('rounds half-up as Chinese statistical tables print (四舍五入), and half-even on request', () => {
    expect(roundDecimal('117.1898')).toBe('117.19');
    expect(roundDecimal('2.345')).toBe('2.35');
    expect(roundDecimal('-2.345')).toBe('-2.35');
    expect(roundDecimal('2.345', { places: 2, mode: 'half-even' })).toBe('2.34');
    expect(roundDecimal('7', { places: 2, mode: 'half-up' })).toBe('7.00');
  });

  it('rounds to tens of thousands with negative places', () => {
    expect(roundDecimal('1234567', { places: -4, mode: 'half-up' })).toBe('1230000');
    expect(roundDecimal('1235000', { places: -4, mode: 'half-up' })).toBe('1240000');
  });

  it('describes a rule in words', () => {
    expect(describeRounding({ places: 2, mode: 'half-up' })).toBe('half-up, 2 decimal places');
  });

  it('allocates rounded parts that add up to the rounded total (largest remainder)', () => {
    // 1/3 each of 1.00: independent rounding gives 0.33 × 3 = 0.99; allocation gives 0.34 + 0.33 + 0.33
    expect(allocateRounded(['0.333333', '0.333333', '0.333334'])).toEqual(['0.33', '0.33', '0.34']);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 12 }), (ints) => {
        const parts = ints.map((i) => new GepDecimal(i).dividedBy(1000).toString());
        const total = parts.reduce((a, b) => a.plus(b), new GepDecimal(0));
        const allocated = allocateRounded(parts).reduce((a, b) => a.plus(b), new GepDecimal(0));
        return allocated.eq(total.toDecimalPlaces(2, GepDecimal.ROUND_HALF_UP));
      }),
    );
  });
});

describe('rounding a total and its parts (roundTree)', () => {
  const lr = { places: 2, mode: 'half-up' as const, parts: 'largest-remainder' as const };

  it('rounds every cell independently by default, so printed parts may not add up (as published tables print)', () => {
    // 1.005 + 1.005 = 2.01: each part rounds half-up to 1.01, the total to 2.01, and 1.01 + 1.01 = 2.02
    const tree = {
      key: 'gep',
      value: '2.01',
      parts: [
        { key: 'a', value: '1.005' },
        { key: 'b', value: '1.005' },
      ],
    };
    expect(Object.fromEntries(roundTree(tree))).toEqual({ gep: '2.01', a: '1.01', b: '1.01' });
    // largest remainder: equal remainders go in order, 1.01 + 1.00 = 2.01
    expect(Object.fromEntries(roundTree(tree, lr))).toEqual({ gep: '2.01', a: '1.01', b: '1.00' });
  });

  it('keeps the parts adding up at every level, with a subtracted (negative) part', () => {
    // GEP = 1.005 + 2.005 − 0.333 = 2.677 → 2.68. Floors 1.00 + 2.00 − 0.34 = 2.66; the two missing cents go to
    // the largest remainders: −0.333 (0.7 → −0.33) and 1.005 (0.5, first in order → 1.01): 1.01 + 2.00 − 0.33 = 2.68
    const tree = {
      key: 'gep',
      value: '2.677',
      parts: [
        {
          key: 'a',
          value: '1.005',
          parts: [
            { key: 'a1', value: '0.5025' },
            { key: 'a2', value: '0.5025' },
          ],
        },
        { key: 'b', value: '2.005' },
        { key: 'o', value: '-0.333' },
      ],
    };
    const out = roundTree(tree, lr);
    const sum = (keys: string[]) => keys.reduce((s, k) => s.plus(out.get(k)!), new GepDecimal(0)).toFixed(2);
    expect(out.get('gep')).toBe('2.68');
    expect(sum(['a', 'b', 'o'])).toBe('2.68');
    expect(sum(['a1', 'a2'])).toBe(out.get('a'));
    expect([out.get('a'), out.get('b'), out.get('o')]).toEqual(['1.01', '2.00', '-0.33']);
  });

  it('adds up at every level for any tree (property)', () => {
    const cents = fc.integer({ min: -1_000_000, max: 10_000_000 }).map((i) => new GepDecimal(i).dividedBy(1000).toString());
    fc.assert(
      fc.property(fc.array(fc.array(cents, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), (groups) => {
        const nodes = groups.map((g, i) => ({
          key: `c${i}`,
          value: g.reduce((s, x) => s.plus(x), new GepDecimal(0)).toString(),
          parts: g.map((x, j) => ({ key: `c${i}.${j}`, value: x })),
        }));
        const root = { key: 'root', value: nodes.reduce((s, n) => s.plus(n.value), new GepDecimal(0)).toString(), parts: nodes };
        const out = roundTree(root, lr);
        const add = (keys: string[]) => keys.reduce((s, k) => s.plus(out.get(k)!), new GepDecimal(0));
        if (!add(nodes.map((n) => n.key)).eq(out.get('root')!)) return false;
        if (out.get('root') !== roundDecimal(root.value)) return false;
        return nodes.every((n) => add(n.parts.map((p) => p.key)).eq(out.get(n.key)!));
      }),
    );
  });

  it('names the rule in the footer words', () => {
    expect(describeParts({ places: 2, mode: 'half-up' })).toBe('each cell independently');
    expect(describeParts(lr)).toBe('parts by largest remainder, so the printed parts add up to the printed totals');
    expect(describeParts(lr, 'zh')).toBe('分项按最大余数法舍入，各分项之和等于所印合计');
  });
});
