/**
 * Every Chinese output a statistician reads, produced as the `gep` command prints or writes it
 * with `--lang zh`, for test/i18n/zh-output.test.ts. Each output carries the free text of the
 * files it was made from (not ours to translate) and whether it is HTML.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { runCli } from '../../src/cli/main.js';
import { computeGep } from '../../src/accounts/gep.js';
import { GepInputError, type GepIssue } from '../../src/errors/errors.js';
import { importAccountInput } from '../../src/io/read-input.js';
import { coefficientTables, sources } from '../../src/coefficients/tables.js';
import { INDICATORS } from '../../src/indicators/registry.js';
import { seeaMapping } from '../../src/seea/mapping.js';
import { listProfiles } from '../../src/profiles/profiles.js';
import { fsIo } from '../helpers/fs-io.js';
import { freeTextOf } from './english.js';

export interface ZhOutput {
  /** What it is: the command and the file or stream. */
  readonly name: string;
  readonly text: string;
  readonly html: boolean;
  /** Phrases not ours to translate: the free text of the files read, the titles of the sources cited. */
  readonly allow: readonly string[];
}

/**
 * Indicator modules without English-and-Chinese text (src/indicators/**): the text their results
 * carry (step names, formulas, notes, clauses, warnings) is skipped. Empty: every module has moved.
 */
export const PENDING_INDICATORS: readonly string[] = [];

/** The text of a result (JSON) that comes from a pending module. */
export function pendingTexts(json: unknown): string[] {
  const out = new Set<string>();
  const strings = (v: unknown): void => {
    if (typeof v === 'string') {
      if (/[A-Za-z]{2}/.test(v) && /\s/.test(v.trim())) out.add(v);
    } else if (Array.isArray(v)) v.forEach(strings);
    else if (v && typeof v === 'object') Object.values(v).forEach(strings);
  };
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      v.forEach(walk);
      return;
    }
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    const owner = typeof o.indicator === 'string' ? o.indicator : typeof o.id === 'string' ? o.id : undefined;
    if (owner !== undefined && PENDING_INDICATORS.includes(owner)) {
      strings(o);
      return;
    }
    Object.values(o).forEach(walk);
  };
  walk(json);
  return [...out];
}

const SAMPLE = 'fixtures/sample-county/input.json';

/**
 * Slips in the sample that reach the five plausibility warnings (src/accounts/plausibility.ts):
 * precipitation in m typed as mm (implausible-value, implausible-rate); hectare figures in the km²
 * rows with no region.area (region-area-missing); negative totals allowed; 30.2 万人 typed as 人
 * (implausible-ratio, GEP per person 10⁴ times too large).
 */
const PLAUSIBILITY_SLIPS: readonly [string, (j: Record<string, any>) => void][] = [
  [
    'precipitation-m.json',
    (j) => {
      j.indicators['regulating.water-conservation'].ecosystems[0].precipitation.unit = 'm';
    },
  ],
  [
    'no-region-area.json',
    (j) => {
      delete j.region.area;
      for (const e of j.indicators['regulating.water-conservation'].ecosystems) e.area.value = String(Number(e.area.value) * 100);
    },
  ],
  [
    'negative-allowed.json',
    (j) => {
      j.allowNegativeTotals = { reason: '上游调入水量计入区域外产品' };
    },
  ],
  [
    'population-unit.json',
    (j) => {
      j.economy.population.unit = '人';
    },
  ],
];
const SAMPLE_2021 = 'fixtures/sample-county/input-2021.json';
const APPS = 'fixtures/applications';

/** Free text of JSON files, and of the files they name (accounts of an application). */
export function freeTextOfFiles(files: readonly string[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    if (!f.endsWith('.json')) continue;
    try {
      const v = JSON.parse(readFileSync(f, 'utf8')) as unknown;
      out.push(...freeTextOf(v));
      // Not the JSON Schema a file names (`$schema`): its descriptions are ours to translate, not the user's free text.
      for (const s of JSON.stringify(v).match(/"[^"]+\.json"/g) ?? []) {
        if (s.endsWith('.schema.json"')) continue;
        const ref = resolve(f, '..', JSON.parse(s) as string);
        try {
          out.push(...freeTextOf(JSON.parse(readFileSync(ref, 'utf8'))));
        } catch {
          // not a file next to it
        }
      }
    } catch {
      // not JSON
    }
  }
  return out;
}

/**
 * Phrases every output may quote untranslated, each group with why:
 * - titles of the registered sources: a bibliographic title stays in its own language;
 * - clauses cited by coefficient rows and indicator specs (`§2.4 water conservation`, `§1.2 and
 *   Table 2`): a pointer into a source as the table records it. They are English in the data
 *   (coefficients/, src/indicators/**); a Chinese column there would let reports show them in Chinese;
 * - names of the international classifications the SEEA tables map to, as they publish them (the
 *   SEEA EA services, `Water flow regulation services`; the IUCN GET classes, `T7.1 Annual
 *   croplands`; no official Chinese list was read), and the titles of the mapping's sources;
 * - the notes of the profiles (coefficients/profiles/*.json), which `gep coefficients diff` lists:
 *   documentation written in English in the data, like the clauses.
 */
function citations(): string[] {
  const m = seeaMapping();
  const out = [
    ...[...sources().values()].map((s) => s.title),
    ...m.sources.map((s) => s.title),
    ...m.services.flatMap((s) => [s.service ?? '', s.subService ?? '']),
    ...m.ecosystemTypes.map((t) => t.get),
    ...listProfiles().flatMap((p) => p.notes),
  ];
  for (const t of coefficientTables().values()) for (const r of t.rows) out.push(r.clause);
  for (const m of INDICATORS.values()) for (const c of m.spec.clauses) out.push(c.clause);
  return out.filter((c) => /[A-Za-z]{2}/.test(c));
}

/** Run `gep argv` and return what it printed (stdout, stderr) and its exit code. */
function gep(argv: readonly string[]): { code: number; out: string; err: string } {
  const io = fsIo();
  const code = runCli(argv, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

/** Bad inputs whose issue lists are checked: each problem the importers and the account can find. */
function badInputs(dir: string): string[] {
  const write = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const json = (name: string, v: unknown) => write(name, JSON.stringify(v, null, 2));
  return [
    write('syntax.json', '{ "region": '),
    json('many.json', {
      region: { name: '坏县', level: 'town', code: '12', area: { value: 'x', unit: 'km²' } },
      accountingYear: '2022',
      priceYear: 2022,
      extra: 1,
      indicators: {
        'material.fishery': {
          products: [{ item: '鱼', quantity: { value: 5, unit: 't' }, price: { value: '1', unit: '元/t', priceYear: 2019 } }],
        },
        'material.water-supply': {
          uses: [{ use: 'domestic', quantity: { value: '-1', unit: 'kg' }, price: { value: '2', unit: '元/m³' } }],
        },
        'regulating.no-such': {},
      },
    }),
    json('economy.json', {
      region: { name: '坏县', level: 'county' },
      accountingYear: 2022,
      priceYear: 2022,
      economy: { gdp: { value: '-5', unit: 'm³', priceYear: 2022, basis: 'x' }, population: { value: '0', unit: '人' } },
      geep: {
        variant: 'nope',
        pollutionLoss: [
          {
            item: 'x',
            medium: 'air',
            basis: 'damage',
            value: { value: '1', unit: '万元' },
            quantity: { value: '1', unit: 't' },
            unitCost: { value: '1', unit: '元/t' },
          },
        ],
      },
      indicators: {
        'material.fishery': { products: [{ item: '鱼', quantity: { value: '1', unit: 't' }, price: { value: '1', unit: '元/t' } }] },
      },
    }),
    write('bad.csv', 'indicator,field,value,unit\nmaterial.fishery,nonsense,1,t\nno-such,x,1,t\n'),
  ];
}

/**
 * The cells of a CSV file, a tab between cells and a line break between rows, without the
 * column headed 英文名称 (English name): that column holds the English name by design, beside 中文名称.
 */
function csvCells(text: string): string {
  const rows = parse(text.replace(/^\uFEFF/, ''), { relaxColumnCount: true }) as string[][];
  const skip = new Set(rows.flatMap((r) => r.map((c, i) => (c === '英文名称' ? i : -1))).filter((i) => i >= 0));
  return rows.map((r) => r.filter((_, i) => !skip.has(i)).join('\t')).join('\n');
}

/** Commands that print their result as JSON with `--format json`. */
const JSON_COMMANDS = [
  'run',
  'compare',
  'reproduce',
  'seea',
  'area',
  'project',
  'compensation',
  'eco-compensation',
  'audit',
  'scorecard',
  'finance',
];

/**
 * English that issues of a bad input may carry and the test allows: what a parser says (`found` of
 * input.json-syntax and the like, when it has no Chinese), the parser's own message, quoted. Every
 * other `expected`/`found` of the importers and the indicator modules has its Chinese.
 */
export function pendingIssueTexts(path: string): string[] {
  const texts = (issues: readonly GepIssue[]) =>
    issues.flatMap((i) => (QUOTED_ISSUE_CODES.has(i.code) && i.found && i.foundZh === undefined ? [i.found] : []));
  let imported: ReturnType<typeof importAccountInput>;
  try {
    imported = importAccountInput(path.endsWith('.json') ? readFileSync(path, 'utf8') : readFileSync(path), path);
  } catch (e) {
    if (e instanceof GepInputError) return texts(e.issues);
    throw e;
  }
  try {
    computeGep(imported.input);
    return [];
  } catch (e) {
    if (e instanceof GepInputError) return texts(e.issues);
    throw e;
  }
}

/** Issues whose `found` quotes a reader's own message (JSON.parse, csv-parse, the ZIP reader, the decoder). */
export const QUOTED_ISSUE_CODES: ReadonlySet<string> = new Set([
  'input.json-syntax',
  'input.csv-syntax',
  'input.xlsx-unreadable',
  'input.encoding',
]);

/** Every Chinese output (see the file comment). */
export function zhOutputs(): ZhOutput[] {
  const dir = mkdtempSync(join(tmpdir(), 'gep-zh-'));
  const titles = citations();
  const pending = new Set<string>();
  const outputs: ZhOutput[] = [];
  const add = (name: string, text: string, files: readonly string[], html = false) => {
    if (text) outputs.push({ name, text, html, allow: [...freeTextOfFiles(files), ...titles, ...pending] });
  };
  const cli = (argv: readonly string[], files: readonly string[]) => {
    const format = argv.indexOf('--format');
    if (JSON_COMMANDS.includes(argv[0]!) && !argv.includes('--out')) {
      const json = gep(
        format >= 0 ? [...argv.slice(0, format), '--format', 'json', ...argv.slice(format + 2)] : [...argv, '--format', 'json'],
      );
      if (json.code === 0) {
        const parsed = JSON.parse(json.out) as unknown;
        for (const p of pendingTexts(parsed)) pending.add(p);
      }
    }
    const r = gep([...argv, '--lang', 'zh']);
    const html = argv.includes('html');
    add(`gep ${argv.join(' ')} (stdout)`, r.out, files, html);
    add(`gep ${argv.join(' ')} (stderr)`, r.err, files);
    return r;
  };
  const written = (folder: string, files: readonly string[], label: string) => {
    for (const f of readdirSync(folder, { recursive: true, withFileTypes: true })) {
      if (!f.isFile() || !/\.(txt|md|csv|html)$/.test(f.name)) continue;
      // The method pages of a release are the English method documentation (docs/methods/), generated
      // from the indicator specs and the modules' doc comments, in English: pending.
      if (f.parentPath.endsWith('methods')) continue;
      const path = join(f.parentPath, f.name);
      const text = readFileSync(path, 'utf8');
      add(`${label}: ${f.name}`, f.name.endsWith('.csv') ? csvCells(text) : text, files, f.name.endsWith('.html'));
    }
  };

  // The account: table (with GEEP and ratios), Markdown, HTML, CSV files, validation.
  for (const format of ['table', 'md', 'html']) cli(['run', SAMPLE, '--format', format], [SAMPLE]);
  const csvOut = join(dir, 'csv');
  cli(['run', SAMPLE, '--format', 'csv', '--out', csvOut], [SAMPLE]);
  written(csvOut, [SAMPLE], 'gep run --format csv');
  cli(['validate', SAMPLE], [SAMPLE]);
  // The plausibility warnings, each reached by a slip (./warning-triggers.test.ts checks each at its source).
  for (const [name, change] of PLAUSIBILITY_SLIPS) {
    const f = join(dir, name);
    const j = JSON.parse(readFileSync(SAMPLE, 'utf8')) as Record<string, any>;
    change(j);
    writeFileSync(f, JSON.stringify(j));
    cli(['run', f, '--format', 'table'], [f]);
  }
  for (const f of ['mine-restored-2022.json', 'mine-unrestored-2022.json']) cli(['run', join(APPS, f)], [join(APPS, f)]);

  // The template.
  const template = join(dir, 'template.csv');
  cli(['template', '--out', template, '--profile', 'shanxi'], [SAMPLE]);
  add('gep template (csv)', csvCells(readFileSync(template, 'utf8')), [SAMPLE]);

  // Two years compared.
  for (const format of ['table', 'html']) cli(['compare', SAMPLE_2021, SAMPLE, '--format', format], [SAMPLE, SAMPLE_2021]);

  // Published accounts reproduced: the memo and the HTML page.
  for (const c of readdirSync('fixtures/cases').filter((f) => f.endsWith('.json'))) {
    for (const format of ['md', 'html']) cli(['reproduce', join('fixtures/cases', c), '--format', format], [join('fixtures/cases', c)]);
  }

  // SEEA EA tables.
  for (const format of ['table', 'html'])
    cli(
      ['seea', SAMPLE, '--format', format, '--opening', SAMPLE_2021, '--asset-life', '20', '--discount-rate', '3'],
      [SAMPLE, SAMPLE_2021],
    );
  const seeaOut = join(dir, 'seea');
  cli(['seea', SAMPLE, '--format', 'csv', '--out', seeaOut], [SAMPLE]);
  written(seeaOut, [SAMPLE], 'gep seea --format csv');

  // A release and its verification.
  const release = join(dir, 'release');
  cli(['release', SAMPLE, '--out', release, '--date', '2025-06-30'], [SAMPLE]);
  written(release, [SAMPLE], 'gep release');
  cli(['verify-release', release], [SAMPLE]);
  writeFileSync(join(release, 'README.md'), 'changed\n');
  cli(['verify-release', release], [SAMPLE]);

  // The applications, each fixture in each form.
  const verbs: [string, string][] = [
    ['area', 'area-mine-restored.json'],
    ['audit', 'audit-sample-county.json'],
    ['compensation', 'compensation-losses.json'],
    ['compensation', 'compensation-quarry.json'],
    ['eco-compensation', 'eco-bounds-sample.json'],
    ['eco-compensation', 'eco-bounds-weihe.json'],
    ['eco-compensation', 'eco-settlement.json'],
    ['eco-compensation', 'eco-vertical.json'],
    ['eco-compensation', 'eco-water-load.json'],
    ['eco-compensation', 'eco-water-quality.json'],
    ['finance', 'finance-mine-vep.json'],
    ['finance', 'finance-sample-county.json'],
    ['project', 'project-mine-restoration.json'],
    ['project', 'project-quarry.json'],
    ['project', 'project-sample-county.json'],
  ];
  for (const [verb, f] of verbs)
    for (const format of ['table', 'md', 'html']) cli([verb, join(APPS, f), '--format', format], [join(APPS, f)]);
  for (const format of ['table', 'md', 'html']) cli(['scorecard', SAMPLE_2021, SAMPLE, '--format', format], [SAMPLE, SAMPLE_2021]);

  // Listings and a batch.
  cli(['indicators'], []);
  cli(['ecosystem-types'], []);
  cli(['profiles'], []);
  cli(['coefficients', 'shanxi'], []);
  cli(['coefficients', 'diff', 'national-2022', 'shanxi'], []);
  cli(['coefficients', 'diff', 'national-2022/1.0.0', 'shanxi'], []);
  const batchIn = join(dir, 'batch-in');
  mkdirSync(batchIn);
  writeFileSync(join(batchIn, 'a.json'), readFileSync(SAMPLE, 'utf8'));
  writeFileSync(join(batchIn, 'b.json'), '{ "region": {} }');
  const batchOut = join(dir, 'batch-out');
  cli(['batch', batchIn, '--out', batchOut, '--quiet'], [SAMPLE]);
  add('gep batch: errors.txt', readFileSync(join(batchOut, 'errors.txt'), 'utf8'), []);

  // Issue lists of bad inputs, and messages of the CLI itself.
  for (const f of badInputs(dir)) {
    for (const p of pendingIssueTexts(f)) pending.add(p);
    cli(['validate', f], []);
    cli(['run', f], []);
  }
  cli(['run', SAMPLE, '--profile', 'shanxii'], [SAMPLE]);
  cli(['run', join(dir, 'missing.json')], []);
  cli(['run', SAMPLE, '--format', 'pdf'], [SAMPLE]);
  cli(['run', SAMPLE, '--format', 'csv'], [SAMPLE]);
  cli(['compare', SAMPLE], [SAMPLE]);
  cli(['reproduce', join(dir, 'many.json')], []);
  cli(['area', join(dir, 'economy.json')], []);
  cli(['seea', SAMPLE, '--asset-life', '20'], [SAMPLE]);
  cli(['release', SAMPLE], [SAMPLE]);
  cli(['verify-release', join(dir, 'nothing-here')], []);
  return outputs;
}
