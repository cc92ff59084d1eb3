/**
 * docs/applications.md quotes what the worked examples print: each number quoted is checked
 * here against the command's output, so the page cannot drift from the code.
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
const F = 'fixtures/applications';
const page = readFileSync('docs/applications.md', 'utf8');

const QUOTED: [string[], string[]][] = [
  [
    ['area', `${F}/area-mine-restored.json`],
    ['2,684.39', '223.70', '296.03', '223.77', '133.23'],
  ],
  [
    ['project', `${F}/project-mine-restoration.json`],
    ['+519.74', '+141.83', '+139.20', '+1,185.88', '+21.60', '+2,008.25', '+167.35', '+28,542.08'],
  ],
  [
    ['project', `${F}/project-sample-county.json`],
    ['−59,609.71', '+17,166.70'],
  ],
  [
    ['compensation', `${F}/compensation-quarry.json`],
    ['2,008.25', '3,720.00', '23,129.86', '26,849.86'],
  ],
  [['compensation', `${F}/compensation-losses.json`], ['115.83']],
  [
    ['eco-compensation', `${F}/eco-vertical.json`],
    ['0.4608', '21,271,040.29', '39,820,818.83', '27,282,255.52', '11,625,885.36', '100,000,000.00'],
  ],
  [
    ['eco-compensation', `${F}/eco-water-quality.json`],
    ['0.8067', '1,000.00'],
  ],
  [['eco-compensation', `${F}/eco-water-load.json`], ['+96.00']],
  [
    ['eco-compensation', `${F}/eco-bounds-weihe.json`],
    ['96.99', '136.54'],
  ],
  [
    ['eco-compensation', `${F}/eco-bounds-sample.json`],
    ['97.70', '147.80', '122.75', '2,455.00'],
  ],
  [
    ['eco-compensation', `${F}/eco-settlement.json`],
    ['+3,359.00', '−3,255.00', '−84.00', '−20.00', '4,171.00'],
  ],
  [
    ['audit', `${F}/audit-sample-county.json`],
    ['−5.8 %', '−59,609.71', '−50,026.46', '72.9 %', '14.8 %', '10.0 %'],
  ],
  [
    ['scorecard', 'fixtures/sample-county/input-2021.json', 'fixtures/sample-county/input.json'],
    ['+6.51 %', '−5.82 %'],
  ],
  [
    ['finance', `${F}/finance-sample-county.json`],
    ['300,010.36', '2,433,352.74', '121,667.64', '40.6 %'],
  ],
  [
    ['finance', `${F}/finance-mine-vep.json`],
    ['22,328.52', '4,465.70'],
  ],
];

describe('docs/applications.md', () => {
  it.each(QUOTED)('quotes what `gep %s` prints', (argv, numbers) => {
    const out = run(argv);
    for (const n of numbers) {
      expect(out, `${argv.join(' ')} prints ${n}`).toContain(n);
      // the page quotes it, with or without its sign
      expect(page, `docs/applications.md quotes ${n}`).toContain(n.replace(/^[+]/, ''));
    }
  });
});
