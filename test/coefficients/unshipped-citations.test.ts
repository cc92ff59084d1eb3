/**
 * Notes a user reads (profile notes printed by `gep coefficients diff`, the source register, the price
 * index, the catalogue's clauses) cite only what a reader can follow: a row of coefficients/sources.csv,
 * a clause of a standard, a docs/ page, or "project methods notes (not published)" said plainly — never
 * the project's internal notes by name (gep-methods, verification-notes, the seed folder), which are
 * neither in the repository nor in the npm package (issue 16). Published table versions cannot change:
 * those that still cite them are listed once, below, and the list is kept exact.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The internal notes by name; `seed` only as a section or folder reference (a seed cost is not one). */
const UNSHIPPED = /gep-methods|verification-notes|shared\/seed|\bseed\s*§/i;

/** Published table versions that still cite the internal notes: they never change (published-tables.json). */
const PUBLISHED_ALLOWED = [
  'national-2022/1.0.0',
  'national-2022/1.1.0',
  'rcees-2013/1.0.0',
  'rcees-2013/1.1.0',
  'shenzhen-db4403-141/1.1.0',
];

const published = Object.keys(JSON.parse(readFileSync('coefficients/published-tables.json', 'utf8')).tables as Record<string, string>);
const files = (dir: string) => readdirSync(dir).map((f) => join(dir, f));
const citing = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => [i + 1, line] as const)
    .filter(([, line]) => UNSHIPPED.test(line))
    .map(([n, line]) => `${path}:${n}: ${line.match(UNSHIPPED)![0]}`);

/** Every table version directory, keyed `table/version`. */
const versions = readdirSync('coefficients', { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'profiles' && d.name !== 'indices')
  .flatMap((d) => readdirSync(join('coefficients', d.name)).map((v) => `${d.name}/${v}`))
  .filter((key) => existsSync(join('coefficients', key, 'table.json')));

describe('no citation of unshipped internal notes (issue 16)', () => {
  it('no profile file cites gep-methods, verification-notes or seed', () => {
    const profiles = [...files('coefficients/profiles').filter((f) => f.endsWith('.json')), 'fixtures/local-indicator/profile.json'];
    expect(profiles.length).toBeGreaterThan(7);
    expect(profiles.flatMap(citing)).toEqual([]);
  });

  it('no unpublished data file cites them: source register, price indices, catalogue, plausibility ranges', () => {
    const data = [
      'coefficients/sources.csv',
      ...files('coefficients/indices'),
      'src/indicators/catalogue.json',
      'src/accounts/plausibility.json',
    ];
    expect(data.flatMap(citing)).toEqual([]);
  });

  it('a table version that cites them is published and in the one allow-list; the list names no version that no longer does', () => {
    const cites = versions.filter((key) => files(join('coefficients', key)).some((f) => citing(f).length > 0));
    expect(cites).toEqual(PUBLISHED_ALLOWED);
    for (const key of PUBLISHED_ALLOWED) expect(published, key).toContain(key);
    // The versions made since, rcees-2013/1.2.0 among them, cite none.
    expect(versions).toContain('rcees-2013/1.2.0');
  });
});
