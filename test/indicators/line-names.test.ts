/**
 * Every line of a result has a Chinese name (issue 16): `itemZh`, or `item` itself when the line
 * is named by the input's own text. A module that names a line with words of its own — an ecosystem
 * type id (`cropland`), a pollutant (`dust`), a kind of storage (`vegetation · …`), a part of a
 * value (`…: sediment (avoided deposition)`) — gives their Chinese, which zh reports print.
 *
 * Checked on every account fixture under every profile that accepts it, quantity and value lines
 * alike: the Chinese name, less the input's own texts (item and region names as the user wrote
 * them, `示例湖 lake (surveyed flood storage)`), holds no English word (2+ letters, lower case after an
 * optional capital, as test/i18n/english.ts counts words: `dust`, `vegetation`; not `COD`, `SO₂`).
 * A user's item is kept as written in both languages: `itemZh` is absent for it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { gepResultToJson } from '../../src/accounts/serialize.js';
import { GepInputError } from '../../src/errors/errors.js';
import { listProfiles } from '../../src/profiles/profiles.js';
import { loadProfile } from '../../src/indicators/local/compile.js';
import { gepResultExportSchema } from '../../src/io/result-schema.js';
import { freeTextOf } from '../i18n/english.js';

const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as Record<string, unknown>;
const FIXTURES = [
  'fixtures/sample-county/input.json',
  'fixtures/sample-county/input-2021.json',
  'fixtures/applications/mine-restored-2022.json',
  'fixtures/applications/mine-unrestored-2022.json',
];

/** The input's own texts: every string under an `item` or `name` key, and every string with a space (free text). */
function userTexts(input: unknown): string[] {
  const out = new Set<string>(freeTextOf(input));
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'item' || k === 'name') && typeof x === 'string') out.add(x);
        else walk(x);
      }
  };
  walk(input);
  return [...out].sort((a, b) => b.length - a.length);
}

/** English words left in a Chinese name once the input's own texts are taken out. */
function englishWords(zh: string, own: readonly string[]): string[] {
  let t = zh;
  for (const u of own) t = t.split(u).join(' ');
  return (t.match(/[A-Za-z]+/g) ?? []).filter((w) => /^[A-Za-z][a-z]+$/.test(w));
}

type Line = { item: string; itemZh?: string };

/** `indicator: line` for each line whose Chinese name keeps English words. */
function untranslated(result: ReturnType<typeof gepResultToJson>, own: readonly string[]): string[] {
  return result.indicators.flatMap((ind) =>
    [...ind.quantity.lines, ...ind.value.lines].flatMap((l: Line) => {
      const words = englishWords(l.itemZh ?? l.item, own);
      return words.length ? [`${ind.id}: ${l.item} → ${l.itemZh ?? '(none)'}`] : [];
    }),
  );
}

const accounts: [string, string, ReturnType<typeof gepResultToJson>, string[]][] = [];
for (const f of FIXTURES) {
  const input = read(f);
  for (const p of listProfiles()) {
    try {
      accounts.push([f, p.id, gepResultToJson(computeGep(input, { profile: p.id })), userTexts(input)]);
    } catch (e) {
      if (!(e instanceof GepInputError)) throw e;
    }
  }
}
{
  const input = read('fixtures/local-indicator/input.json');
  const profile = loadProfile(read('fixtures/local-indicator/profile.json'), { file: 'fixtures/local-indicator/profile.json' });
  accounts.push(['fixtures/local-indicator/input.json', profile.id, gepResultToJson(computeGep(input, { profile })), userTexts(input)]);
}

describe('the Chinese name of every result line', () => {
  it('covers the fixtures under several profiles', () => {
    expect(accounts.length).toBeGreaterThan(FIXTURES.length);
  });

  it.each(accounts.map(([f, p, r, own]) => [f, p, r, own] as const))(
    '%s under %s: no line keeps English words in Chinese',
    (_f, _p, r, own) => {
      expect(untranslated(r, own)).toEqual([]);
    },
  );

  it('is given for the names modules make, and absent for the input’s own', () => {
    const [, , r] = accounts[0]!;
    const line = (id: string, item: string) => {
      const ind = r.indicators.find((i) => i.id === id)!;
      return [...ind.quantity.lines, ...ind.value.lines].find((l) => l.item === item) as Line;
    };
    // An ecosystem type id without a hyphen, and one with.
    expect(line('regulating.soil-retention', 'cropland').itemZh).toBe('农田');
    expect(line('regulating.water-conservation', 'deciduous-broadleaf-forest').itemZh).toBe('落叶阔叶林');
    // A part of a value, a kind of storage, a pollutant.
    expect(line('regulating.soil-retention', 'cropland: sediment (avoided deposition)').itemZh).toBe('农田：泥沙（减少淤积）');
    expect(line('regulating.flood-regulation', 'vegetation · temperate-tussock').itemZh).toBe('植被 · 温性草丛');
    expect(line('regulating.air-purification', 'dust').itemZh).toBe('粉尘');
    // The user's own names: the same in both languages.
    expect(line('material.agriculture', '玉米 maize').itemZh).toBeUndefined();
  });

  it('is part of the result schema (the JSON export stays valid)', () => {
    for (const [, , r] of accounts.slice(0, 1)) {
      expect(() => gepResultExportSchema.shape.indicators.parse(r.indicators)).not.toThrow();
    }
  });
});
