/**
 * Time on adversarial text (issue 13, "Crashes and hangs"): every function that reads a cell, a
 * header or a unit runs in time linear in its input. Each case is a text built to make a
 * backtracking regular expression or a repeated slice blow up; the bound is generous (hundreds of
 * times what the linear code needs on a slow, shared machine) but far below what the old code took
 * (measured before the fix, quoted in each test).
 */
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../src/io/csv-input.js';
import { GepInputError } from '../../src/errors/errors.js';
import { cleanText, normaliseNumber, normaliseUnit, readTypedNumber, splitHeader } from '../../src/io/normalise.js';
import { groupThousands, readableQuantity } from '../../src/io/text-table.js';

/** Milliseconds `run` takes. */
function timed(run: () => unknown): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

const spaces = (n: number) => ' '.repeat(n);

describe('normaliser on adversarial cells', () => {
  it('trims a cell with a 32 000-space run inside in linear time (was 4.7 s: [\\s]+$ retried at every space)', () => {
    const cell = `a${spaces(32_000)}a`;
    expect(timed(() => expect(cleanText(cell)).toBe(cell))).toBeLessThan(500);
  });

  it('splits a header with an opening bracket and 8 000 spaces in linear time (was more than 10 minutes: cubic backtracking)', () => {
    const header = `a(${spaces(8_000)}b`;
    expect(timed(() => expect(splitHeader(header)).toEqual({ name: header, unit: null }))).toBeLessThan(500);
    expect(timed(() => splitHeader(`a${spaces(32_000)}(${spaces(32_000)}x`))).toBeLessThan(500);
    expect(splitHeader(`面积 ${spaces(5)}( 公顷 )`)).toEqual({ name: '面积', unit: '公顷' });
    expect(splitHeader('a (b) (c)')).toEqual({ name: 'a (b)', unit: 'c' });
    expect(splitHeader('(km²)')).toEqual({ name: '(km²)', unit: null });
    expect(splitHeader('x(a(b)')).toEqual({ name: 'x(a', unit: 'b' });
    expect(splitHeader('x(a]')).toEqual({ name: 'x', unit: 'a' });
    expect(splitHeader('x(a)b)')).toEqual({ name: 'x(a)b)', unit: null });
  });

  it('normalises a unit cell with a 32 000-space run in linear time (was seconds: \\s*\\/\\s* retried at every space)', () => {
    const unit = `t${spaces(32_000)}x`;
    expect(timed(() => expect(normaliseUnit(unit)).toBe(unit))).toBeLessThan(500);
    expect(normaliseUnit('元 / 吨')).toBe('元/t');
  });

  it('reads numbers and typed numbers of 32 000 characters in linear time', () => {
    const digits = `1${'0'.repeat(32_000)}1`;
    expect(timed(() => normaliseNumber(`${digits}x`))).toBeLessThan(500);
    expect(timed(() => readTypedNumber(`${digits}万`))).toBeLessThan(500);
    expect(timed(() => readTypedNumber(`0.${'0'.repeat(32_000)}1亿`))).toBeLessThan(500);
  });

  it('imports a 1.3 MB CSV of long space-filled cells in seconds, not minutes (was 131 s)', () => {
    const filler = `a${spaces(32_000)}a`;
    const rows = ['indicator,field,value,unit,note', ...Array.from({ length: 40 }, () => `account,region.name,${filler},,${filler}`)];
    const text = rows.join('\n');
    expect(text.length).toBeGreaterThan(1_300_000);
    const ms = timed(() => expect(() => importCsv(text, 'long.csv')).toThrow(GepInputError));
    expect(ms).toBeLessThan(10_000);
  });
});

describe('number formatting on long decimals', () => {
  it('groups the digits of a 20 000-digit number in linear time (was 2.5 s: a look-ahead over the rest at every digit)', () => {
    const n = `1${'0'.repeat(20_000)}`;
    expect(timed(() => expect(groupThousands(n).length).toBe(n.length + Math.floor(20_000 / 3)))).toBeLessThan(500);
    expect(groupThousands('1234567.891')).toBe('1,234,567.891');
    expect(groupThousands('-1234')).toBe('-1,234');
    expect(groupThousands('123')).toBe('123');
  });

  it('shows a 20 000-digit quantity and price in linear time (was seconds: grouping, and /0+$/ on inner runs of zeros)', () => {
    expect(timed(() => readableQuantity({ value: `1${'0'.repeat(20_000)}`, unit: 't' }))).toBeLessThan(1_000);
  });
});
