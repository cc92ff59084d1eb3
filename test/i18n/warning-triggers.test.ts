/**
 * Each warning of the accounts, the applications and the SEEA tables, triggered by an input made
 * from a bundled fixture with one change, carries a Chinese message with no English sentence of
 * its own (the input's own text allowed). The fixtures alone reach few of these codes; each case
 * here names the change that reaches its code.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { GepWarning } from '../../src/errors/errors.js';
import { fsIo } from '../helpers/fs-io.js';
import { englishSentences } from './english.js';
import { freeTextOfFiles } from './outputs.js';

const dir = mkdtempSync(join(tmpdir(), 'gep-zh-warnings-'));
const SAMPLE = 'fixtures/sample-county/input.json';
const SAMPLE_2021 = 'fixtures/sample-county/input-2021.json';
const APPS = 'fixtures/applications';

type Json = Record<string, unknown>;
const read = (file: string): Json => JSON.parse(readFileSync(file, 'utf8')) as Json;

/** A fixture changed by `change`, written to the temporary folder; relative file names in it made absolute. */
function variant(file: string, name: string, change: (j: Json) => void): string {
  const j = read(file);
  const absolute = (v: unknown): unknown => {
    if (typeof v === 'string' && /\.(json|csv|xlsx)$/.test(v) && !v.startsWith('/')) return resolve(file, '..', v);
    if (Array.isArray(v)) return v.map(absolute);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, absolute(x)]));
    return v;
  };
  const out = absolute(j) as Json;
  change(out);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(out, null, 2));
  return path;
}

/** The warnings of a command's JSON output (anywhere in it). */
function warningsOf(argv: readonly string[]): GepWarning[] {
  const io = fsIo();
  const code = runCli([...argv, '--format', 'json'], io);
  expect(code, io.err.join('')).toBe(0);
  const out: GepWarning[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      v.forEach(walk);
      return;
    }
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (typeof o.code === 'string' && typeof o.message === 'string') out.push(o as unknown as GepWarning);
    Object.values(o).forEach(walk);
  };
  walk(JSON.parse(io.out.join('')));
  return out;
}

const set = (j: Json, path: string, value: unknown) => {
  const keys = path.split('.');
  let o = j as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
  o[keys[keys.length - 1]!] = value;
};

/** code → the command that triggers it (files made when the case runs). */
const CASES: [string, () => readonly string[]][] = [
  // Two accounts compared
  ['compare-order', () => ['compare', SAMPLE, SAMPLE_2021]],
  [
    'compare-regions-differ',
    () => ['compare', variant(SAMPLE_2021, 'other-region.json', (j) => set(j, 'region.name', '另一县 Another County')), SAMPLE],
  ],
  ['compare-profiles-differ', () => ['compare', variant(SAMPLE_2021, 'national.json', (j) => set(j, 'profile', 'national-2022')), SAMPLE]],
  // GEEP
  ['geep-double-counting', () => ['run', variant(SAMPLE, 'eco-gdp.json', (j) => set(j, 'geep.variant', 'eco-gdp-all-services'))]],
  [
    'geep-exclusion-ignored',
    () => [
      'run',
      variant(SAMPLE, 'ers-given.json', (j) => {
        set(j, 'geep.regulatingServices', { value: '600000', unit: '万元', priceYear: 2022 });
        set(j, 'geep.excludeFromRegulating', ['regulating.climate-regulation']);
      }),
    ],
  ],
  [
    'geep-ers-incomplete',
    () => [
      'run',
      variant(SAMPLE, 'no-carbon.json', (j) => {
        delete (j.indicators as Json)['regulating.carbon-sequestration'];
      }),
    ],
  ],
  [
    'ratio-not-computed',
    () => [
      'run',
      variant(SAMPLE, 'no-population.json', (j) => {
        delete (j.economy as Json).population;
      }),
    ],
  ],
  // Applications
  [
    'area-name-differs',
    () => ['area', variant(`${APPS}/area-mine-restored.json`, 'area-name.json', (j) => set(j, 'area.name', '另一地块 another site'))],
  ],
  [
    'project-years-same',
    () => ['project', variant(`${APPS}/project-mine-restoration.json`, 'before-after.json', (j) => set(j, 'design', 'before-after'))],
  ],
  [
    'vertical-criterion-equal',
    () => [
      'eco-compensation',
      variant(`${APPS}/eco-vertical.json`, 'equal-protection.json', (j) => {
        for (const c of j.counties as Json[]) c.protection = { value: '80', unit: '1' };
      }),
    ],
  ],
  [
    'bounds-rate-without-years',
    () => [
      'eco-compensation',
      variant(`${APPS}/eco-bounds-sample.json`, 'no-years.json', (j) => {
        delete j.years;
      }),
    ],
  ],
  [
    'bounds-negative-opportunity-cost',
    () => [
      'eco-compensation',
      variant(`${APPS}/eco-bounds-sample.json`, 'costly.json', (j) => {
        ((j.opportunityCost as Json).costs as Json[]).push({
          item: '租金 rent',
          value: { value: '100000', unit: '万元', priceYear: 2022 },
        });
      }),
    ],
  ],
  [
    'settlement-region-idle',
    () => [
      'eco-compensation',
      variant(`${APPS}/eco-settlement.json`, 'idle.json', (j) => {
        (j.regions as Json[]).push({ name: '丙县 County C' });
      }),
    ],
  ],
  [
    'scorecard-gdp-basis',
    () => ['scorecard', variant(SAMPLE_2021, 'gdp-basis.json', (j) => set(j, 'economy.gdp.basis', 'sum-of-subregions')), SAMPLE],
  ],
  [
    'audit-no-gdp',
    () => [
      'audit',
      variant(`${APPS}/audit-sample-county.json`, 'audit-no-gdp.json', (j) => {
        j.accounts = [
          resolve(SAMPLE_2021),
          variant(SAMPLE, 'sample-no-gdp.json', (s) => {
            delete (s.economy as Json).gdp;
            delete s.geep;
          }),
        ];
      }),
    ],
  ],
  [
    'finance-no-gain',
    () => [
      'finance',
      variant(`${APPS}/finance-mine-vep.json`, 'finance-quarry.json', (j) =>
        set(j, 'annualValue', { projectImpact: resolve(`${APPS}/project-quarry.json`) }),
      ),
    ],
  ],
  [
    'compensation-no-loss',
    () => [
      'compensation',
      variant(`${APPS}/compensation-quarry.json`, 'compensation-gain.json', (j) => {
        set(j, 'projectImpact', resolve(`${APPS}/project-mine-restoration.json`));
        set(j, 'rule', 'restoration-cost');
      }),
    ],
  ],
  // SEEA
  ['seea-opening-not-earlier', () => ['seea', SAMPLE, '--opening', SAMPLE]],
  [
    'seea-assets-outside-region',
    () => [
      'seea',
      variant(SAMPLE, 'outside-region.json', (j) =>
        set(j, 'outsideRegion', [{ item: '调入水 water brought in', value: { value: '1000', unit: '万元' }, method: 'reported' }]),
      ),
      '--profile',
      'gbt-46869-2025',
      '--asset-life',
      '20',
      '--discount-rate',
      '3',
    ],
  ],
  [
    'seea-opening-other-region',
    () => ['seea', SAMPLE, '--opening', variant(SAMPLE_2021, 'opening-other.json', (j) => set(j, 'region.name', '另一县 Another County'))],
  ],
  // Each indicator's areas stay within the region's area + 5 % (the account's plausibility check); their types add up to more.
  [
    'extent-exceeds-region',
    () => ['seea', variant(SAMPLE, 'small-region.json', (j) => set(j, 'region.area', { value: '2150', unit: 'km²' }))],
  ],
  // Plausibility (src/accounts/plausibility.ts). Precipitation in metres typed as mm: 560 m is 560 000 mm, outside
  // 1–12 000 mm, and water retained over the row's area a depth far above 12 000 mm/a.
  ['implausible-value', () => ['run', variant(SAMPLE, 'precipitation-m.json', precipitationInMetres)]],
  ['implausible-rate', () => ['run', variant(SAMPLE, 'precipitation-m.json', precipitationInMetres)]],
  // Hectare figures typed into the km² rows, with no region.area to catch them: only the warning is left.
  [
    'region-area-missing',
    () => [
      'run',
      variant(SAMPLE, 'no-region-area.json', (j) => {
        delete (j.region as Json).area;
        for (const e of ((j.indicators as Json)['regulating.water-conservation'] as Json).ecosystems as Json[]) {
          const area = e.area as Json;
          area.value = String(Number(area.value) * 100);
        }
      }),
    ],
  ],
  [
    'negative-totals-allowed',
    () => ['run', variant(SAMPLE, 'negative-allowed.json', (j) => set(j, 'allowNegativeTotals', { reason: '上游调入水量计入区域外产品' }))],
  ],
  // The reservoir cost overridden in 元 for 万元 per 100 m³ (706 for 7.06): 100 × the table value.
  [
    'override-far-from-table',
    () => [
      'run',
      variant(SAMPLE, 'override-far.json', (j) =>
        set(j, 'coefficientOverrides', [{ id: 'reservoir-storage-cost', value: '706', unit: '元/m³', reason: '县水利局 2022' }]),
      ),
    ],
  ],
  // 30.2 万人 typed as 30.2 人: GEP per person 10⁴ times too large, beyond 10 × the largest published.
  ['implausible-ratio', () => ['run', variant(SAMPLE, 'population-unit.json', (j) => set(j, 'economy.population.unit', '人'))]],
];

/** The sample with the first water-conservation row's precipitation unit m instead of mm. */
function precipitationInMetres(j: Json): void {
  const rows = ((j.indicators as Json)['regulating.water-conservation'] as Json).ecosystems as Json[];
  (rows[0]!.precipitation as Json).unit = 'm';
}

describe('each warning, when triggered, in Chinese', () => {
  it.each(CASES)('%s', (code, argv) => {
    const args = argv();
    const allow = freeTextOfFiles(args.filter((a) => a.endsWith('.json')));
    const found = warningsOf(args).filter((w) => w.code === code);
    expect(found.length, `no ${code} from gep ${args.join(' ')}`).toBeGreaterThan(0);
    for (const w of found) {
      expect(w.zh, code).toBeDefined();
      expect(englishSentences(w.zh!, allow), `${code}: ${w.zh}`).toEqual([]);
    }
  });
});
