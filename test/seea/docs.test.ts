/**
 * docs/seea.md works the sample county through `gep seea`: each figure it quotes is checked here
 * against the command's output, so the page cannot drift from the code.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

/** What `gep argv` prints; it must succeed and print nothing on stderr. */
function run(argv: string[]): string {
  const r = cli(argv);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}
const page = readFileSync('docs/seea.md', 'utf8');
const S = 'fixtures/sample-county';

/** [what the command prints, how the page quotes it] */
const QUOTED: [string[], [string, string][]][] = [
  [
    ['seea', `${S}/input.json`, '--opening', `${S}/input-2021.json`, '--asset-life', '20', '--discount-rate', '3'],
    [
      // extent: the six types add up to the county's area
      ['2,208.00', '2 208 km²'],
      // monetary supply by ecosystem type, and the total (the GEP)
      ...['316,010.52', '131,879.90', '64,547.19', '218,796.72', '130,050.08', '3,072.00', '118,057.61', '982,414.03'].map(
        (n) => [n, n] as [string, string],
      ),
      // use: water supply to industries and households
      ['11,948.00', '11,948.00 万元'],
      ['4,480.00', '4,480.00 万元'],
      // assets: services without counterpart, S, the annuity factor, V, the opening value, the net change
      ['4,380.00', 'energy 4,380.00'],
      ['4,657.28', 'flood storage\n4,657.28'],
      ['973,376.75', '= 973,376.75 万元/a'],
      ['14.8774748605', '= 14.8774748605'],
      ['14,481,388.12', '14,481,388.12 万元 at 2022 prices'],
      ['15,106,299.10', '15,106,299.10 万元 at 2021 prices'],
      ['-624,910.98', '−624,910.98 万元'],
    ],
  ],
  [['seea', `${S}/input-2021.json`], [['1,024,857.04', '1,024,857.04\n万元, its GEP']]],
];

describe('docs/seea.md', () => {
  it.each(QUOTED)('quotes what `gep %s` prints', (argv, figures) => {
    const out = run(argv);
    for (const [printed, quoted] of figures) {
      expect(out, `${argv.join(' ')} prints ${printed}`).toContain(printed);
      expect(page, `docs/seea.md quotes ${quoted}`).toContain(quoted);
    }
  });

  it('quotes the command it works through', () => {
    expect(page).toContain(`gep seea ${S}/input.json --opening ${S}/input-2021.json \\\n         --asset-life 20 --discount-rate 3`);
  });
});
