/**
 * The application reports as terminal text and Markdown (src/io/application-text.ts) with a
 * hostile name in each verb's input (issue 13): the text has no control or bidi character, the
 * Markdown no raw HTML, heading or `javascript:` link of the input's. Before, the text printed the
 * name raw and the Markdown escaped only `|` and line feeds.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { expectMarkdownSafe, expectTerminalSafe, HOSTILE } from './hostile-text.js';

type Json = Record<string, any>;
const F = 'fixtures/applications';
/** verb and arguments; the file whose name is replaced; where the name is. */
const CASES: [string, string[], string, (j: Json) => void][] = [
  ['area', ['area', `${F}/area-mine-restored.json`], `${F}/area-mine-restored.json`, (j) => (j.area.name = HOSTILE)],
  ['project', ['project', `${F}/project-mine-restoration.json`], `${F}/project-mine-restoration.json`, (j) => (j.project.name = HOSTILE)],
  ['compensation', ['compensation', `${F}/compensation-quarry.json`], `${F}/compensation-quarry.json`, (j) => (j.project.name = HOSTILE)],
  ['vertical', ['eco-compensation', `${F}/eco-vertical.json`], `${F}/eco-vertical.json`, (j) => (j.fund.name = HOSTILE)],
  ['water quality', ['eco-compensation', `${F}/eco-water-quality.json`], `${F}/eco-water-quality.json`, (j) => (j.section.name = HOSTILE)],
  ['bounds', ['eco-compensation', `${F}/eco-bounds-sample.json`], `${F}/eco-bounds-sample.json`, (j) => (j.provider.name = HOSTILE)],
  [
    'settlement',
    ['eco-compensation', `${F}/eco-settlement.json`],
    `${F}/eco-settlement.json`,
    (j) => {
      // the transfers name their regions: renamed with the region
      const old = j.regions[0].name;
      j.regions[0].name = HOSTILE;
      for (const t of j.transfers) for (const k of ['from', 'to']) if (t[k] === old) t[k] = HOSTILE;
    },
  ],
  ['audit', ['audit', `${F}/audit-sample-county.json`], `${F}/audit-sample-county.json`, (j) => (j.official.name = HOSTILE)],
  [
    'scorecard',
    ['scorecard', 'fixtures/sample-county/input-2021.json', 'fixtures/sample-county/input.json'],
    'fixtures/sample-county/input.json',
    (j) => (j.region.name = HOSTILE),
  ],
  ['finance', ['finance', `${F}/finance-sample-county.json`], `${F}/finance-sample-county.json`, (j) => (j.unit.name = HOSTILE)],
];

describe.each(CASES)('the %s report', (_name, argv, file, rename) => {
  const json = JSON.parse(readFileSync(file, 'utf8')) as Json;
  rename(json);
  const files = { [file]: JSON.stringify(json) };

  it('prints a hostile name in a terminal without control or bidi characters', () => {
    for (const lang of ['en', 'zh']) {
      const r = cli([...argv, '--lang', lang], files);
      expect(r.code, r.stderr).toBe(0);
      expectTerminalSafe(r.stdout);
    }
  });

  it('writes a hostile name in Markdown escaped: no HTML, heading or link', () => {
    for (const lang of ['en', 'zh']) {
      const r = cli([...argv, '--lang', lang, '--format', 'md'], files);
      expect(r.code, r.stderr).toBe(0);
      expectMarkdownSafe(r.stdout);
    }
  });
});
