/**
 * `gep reproduce` under generated case files: the bundled cases (fixtures/cases/), mutated.
 *
 * - Broken values: one printed figure that a check covers (a recomputed row, or a row an identity
 *   names) is moved far from its value (× 10 + 7, printed digits kept). The case must fail: verdict
 *   `fails`, exit 1, never a verdict that holds.
 * - Broken files: one targeted defect (a row input with an unknown unit, a field typo, a number for
 *   decimal text or a wrong price year; an unknown indicator; an identity naming no row; a duplicate
 *   row id; an unparsable unit; a ratio in 万元/hm²; a printed-only row without its reason; a number
 *   printed with an exponent or separator; an excuse on a row that is not recomputed). The case must
 *   be refused with a GepInputError whose issues include one located at the defect, and exit 1
 *   with no memo.
 * - Edits: 1–4 edits, hostile (values anywhere replaced by hostile text, numbers, null, objects or
 *   lists; keys dropped or renamed; list items dropped or repeated) or plausible (another printed
 *   figure or money unit, a flipped sign, a tolerance, an excuse, a circular mark or price source,
 *   a printed quantity). Only GepInputError may be thrown; an accepted case gives finite decimals
 *   whose statuses agree with the numbers (checked again), a memo and an HTML page, and the exit
 *   code follows the verdict.
 */
import { readFileSync } from 'node:fs';
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/main.js';
import { GepInputError } from '../../src/errors/errors.js';
import { GepDecimal } from '../../src/numbers/arithmetic.js';
import { reproductionToHtml } from '../../src/io/reproduction-html.js';
import { reproductionMemo } from '../../src/io/reproduction-report.js';
import { reproduceCase, type Reproduction } from '../../src/reproduce/reproduce.js';
import { hostileNumber, hostileText, LONG_RUN, onlyInputErrors, params, tally, timeout } from './support.js';

type Json = Record<string, unknown>;

/** Exact enough for the 40-digit decimals of a reproduction, without rounding of its own. */
const Exact = Decimal.clone({ precision: 200 });
type Path = (string | number)[];

const IDS = [
  'china-2015',
  'gaochun-2019',
  'gaotianyan-2014',
  'guangxi-2005-2020',
  'inner-mongolia-2019',
  'ninghai-2018',
  'shenzhen-2020',
] as const;
const CASES: Readonly<Record<string, Json>> = Object.fromEntries(
  IDS.map((id) => [id, JSON.parse(readFileSync(`fixtures/cases/${id}.json`, 'utf8')) as Json]),
);
/** Gaotianyan recomputes 29 rows; the others are quick. */
const caseArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant('gaotianyan-2014') },
  { weight: 6, arbitrary: fc.constantFrom(...IDS.filter((id) => id !== 'gaotianyan-2014')) },
);

const UNPARSABLE_UNITS = ['m3', '元/m3', '万元/m3', 'xyz', '', ' ', '元//m³', '(元', '元^', '万万元', 'tCO2', '%%'];

interface Row extends Json {
  id: string;
  printed: { value: string; unit: string };
  indicator?: string;
  input?: unknown;
}
const rowsOf = (c: Json) => c.rows as Row[];
const identitiesOf = (c: Json) => c.identities as Json[];

/** Row ids named by an identity. */
function namedRows(c: Json): Set<string> {
  const names = new Set<string>();
  for (const i of identitiesOf(c)) {
    for (const k of ['total', 'numerator', 'denominator']) if (typeof i[k] === 'string') names.add(i[k] as string);
    for (const t of (i.terms as { row: string }[] | undefined) ?? []) names.add(t.row);
  }
  return names;
}

/** Indexes of the rows some check covers: recomputed, or named by an identity. */
function checkedRows(c: Json): number[] {
  const named = namedRows(c);
  return rowsOf(c).flatMap((r, i) => (r.indicator !== undefined || named.has(r.id) ? [i] : []));
}

/** × 10 + 7 with the printed digits kept: "374.62" → "3753.20". */
function farFrom(value: string): string {
  const decimals = value.split('.')[1]?.length ?? 0;
  return new Decimal(value).times(10).plus(7).toFixed(decimals);
}

function cli(data: unknown, ...flags: string[]) {
  const out: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: () => {},
    readFile: () => JSON.stringify(data),
    writeFile: () => {},
    mkdir: () => {},
  };
  return { code: runCli(['reproduce', 'case.json', ...flags], io), stdout: out.join('') };
}

/** Paths of `{ value, unit }` objects inside a value, and of every object key. */
function walk(
  value: unknown,
  path: Path = [],
  out: { measures: Path[]; keys: Path[]; leaves: Path[]; lists: Path[] } = { measures: [], keys: [], leaves: [], lists: [] },
) {
  if (Array.isArray(value)) {
    out.lists.push(path);
    value.forEach((v, i) => walk(v, [...path, i], out));
  } else if (value !== null && typeof value === 'object') {
    const o = value as Json;
    if (typeof o.value === 'string' && typeof o.unit === 'string') out.measures.push(path);
    for (const [k, v] of Object.entries(o)) {
      out.keys.push([...path, k]);
      walk(v, [...path, k], out);
    }
  } else {
    out.leaves.push(path);
  }
  return out;
}

function at(root: unknown, path: Path): Json {
  return path.reduce<unknown>((v, k) => (v as Json)[k as string], root) as Json;
}

const startsWith = (path: readonly (string | number)[], prefix: Path) => prefix.every((p, i) => path[i] === p);

/** One targeted defect; `at` is where an issue must be located. */
type Defect = (c: Json, pick: (n: number) => number, unit: string) => { at: Path } | null;

const recomputedIndexes = (c: Json) => rowsOf(c).flatMap((r, i) => (r.indicator !== undefined ? [i] : []));
const printedIndexes = (c: Json) => rowsOf(c).flatMap((r, i) => (r.indicator === undefined ? [i] : []));

const DEFECTS: Readonly<Record<string, Defect>> = {
  'input unit'(c, pick, unit) {
    const rows = recomputedIndexes(c);
    if (!rows.length) return null;
    const i = rows[pick(rows.length)]!;
    const { measures } = walk(rowsOf(c)[i]!.input);
    if (!measures.length) return null;
    at(rowsOf(c)[i]!.input, measures[pick(measures.length)]!).unit = unit;
    return { at: ['rows', i, 'input'] };
  },
  'input field typo'(c, pick) {
    const rows = recomputedIndexes(c);
    if (!rows.length) return null;
    const i = rows[pick(rows.length)]!;
    const { keys } = walk(rowsOf(c)[i]!.input);
    const key = keys[pick(keys.length)]!;
    const parent = at(rowsOf(c)[i]!.input, key.slice(0, -1));
    const name = key[key.length - 1] as string;
    parent[`${name}x`] = parent[name];
    delete parent[name];
    return { at: ['rows', i, 'input'] };
  },
  'input number instead of decimal text'(c, pick) {
    const rows = recomputedIndexes(c);
    if (!rows.length) return null;
    const i = rows[pick(rows.length)]!;
    const { measures } = walk(rowsOf(c)[i]!.input);
    const m = at(rowsOf(c)[i]!.input, measures[pick(measures.length)]!);
    m.value = Number(m.value);
    return { at: ['rows', i, 'input'] };
  },
  'input price year'(c, pick) {
    const rows = recomputedIndexes(c);
    const priced = rows.flatMap((i) =>
      walk(rowsOf(c)[i]!.input)
        .measures.filter((p) => typeof at(rowsOf(c)[i]!.input, p).priceYear === 'number')
        .map((p) => ({ i, p })),
    );
    if (!priced.length) return null;
    const { i, p } = priced[pick(priced.length)]!;
    (at(rowsOf(c)[i]!.input, p).priceYear as number) -= 3;
    return { at: ['rows', i, 'input'] };
  },
  'unknown indicator'(c, pick) {
    const rows = recomputedIndexes(c);
    if (!rows.length) return null;
    const i = rows[pick(rows.length)]!;
    rowsOf(c)[i]!.indicator = `${rowsOf(c)[i]!.indicator}s`;
    return { at: ['rows', i, 'indicator'] };
  },
  'identity naming no row'(c, pick) {
    const k = pick(identitiesOf(c).length);
    const identity = identitiesOf(c)[k]!;
    if (identity.kind === 'sum') {
      const terms = identity.terms as { row: string }[];
      const j = pick(terms.length + 1);
      if (j === terms.length) identity.total = 'no-such-row';
      else terms[j]!.row = 'no-such-row';
    } else {
      identity[pick(2) ? 'numerator' : 'denominator'] = 'no-such-row';
    }
    return { at: ['identities', k] };
  },
  'duplicate row id'(c, pick) {
    const rows = rowsOf(c);
    const i = pick(rows.length - 1);
    const j = i + 1 + pick(rows.length - 1 - i);
    rows[j]!.id = rows[i]!.id;
    return { at: ['rows', j, 'id'] };
  },
  'unparsable printed unit'(c, pick, unit) {
    const i = pick(rowsOf(c).length);
    rowsOf(c)[i]!.printed.unit = unit;
    return { at: ['rows', i, 'printed', 'unit'] };
  },
  'ratio in 万元/hm²'(c, pick) {
    const ratios = identitiesOf(c).flatMap((x, k) => (x.kind === 'ratio' ? [k] : []));
    if (!ratios.length) return null;
    const k = ratios[pick(ratios.length)]!;
    (identitiesOf(c)[k]!.printed as Json).unit = ['万元/hm²', '元/(hm²·a)', '亿元', 'km²'][pick(4)]!;
    return { at: ['identities', k, 'printed', 'unit'] };
  },
  'printed-only row without its reason'(c, pick) {
    const rows = printedIndexes(c);
    if (!rows.length) return null;
    const i = rows[pick(rows.length)]!;
    delete rowsOf(c)[i]!.notReproducible;
    return { at: ['rows', i] };
  },
  'printed number not as printed'(c, pick) {
    const i = pick(rowsOf(c).length);
    const v = rowsOf(c)[i]!.printed.value;
    (rowsOf(c)[i]!.printed as Json).value = [`${v}e0`, `1,${v}`, '', ` ${v}`, Number(v), '1/3', 'NaN', '０.５'][pick(8)];
    return { at: ['rows', i, 'printed', 'value'] };
  },
  'excuse on a row that is not recomputed'(c, pick) {
    const rows = printedIndexes(c);
    if (!rows.length) return null;
    const i = rows[pick(rows.length)]!;
    rowsOf(c)[i]!.knownInconsistency = { found: '1', reason: 'fuzz' };
    return { at: ['rows', i, 'knownInconsistency'] };
  },
};
const DEFECT_NAMES = Object.keys(DEFECTS);

/** A hostile replacement value for any place of the file. */
const hostileValue = fc.oneof(
  hostileText,
  hostileNumber,
  fc.constantFrom(null, true, 0, -1, 1e308, {}, [], { value: '1', unit: '万元' }, ['x'], 'no-such-row', '%', '万元/hm²', 'regulating.nope'),
  fc.double(),
);

interface Edit {
  readonly kind: 'replace' | 'drop' | 'rename' | 'repeat';
  readonly at: number;
  readonly value: unknown;
}
const hostileEditArb = fc.record({
  kind: fc.constantFrom('replace', 'replace', 'drop', 'rename', 'repeat'),
  at: fc.nat(),
  value: hostileValue,
}) as fc.Arbitrary<Edit>;

/** A figure as a table prints it: "0", "12.5", "0.0031". */
const printedDecimal = fc
  .tuple(fc.integer({ min: 0, max: 10 ** 7 }), fc.integer({ min: 0, max: 4 }))
  .map(([n, d]) => (d ? (n / 10 ** d).toFixed(d) : String(n)));

/** Edits a case author could make that keep the file readable: other figures, units, signs, tolerances, excuses, circular marks. */
type SoftEdit = (c: Json, n: number, figure: string) => void;
const SOFT_EDITS: readonly SoftEdit[] = [
  (c, n, figure) => {
    rowsOf(c)[n % rowsOf(c).length]!.printed.value = figure;
  },
  (c, n) => {
    rowsOf(c)[n % rowsOf(c).length]!.printed.unit = ['元', '万元', '亿元', '万亿元', '%', '1'][n % 6]!;
  },
  (c, n) => {
    const sums = identitiesOf(c).filter((i) => i.kind === 'sum');
    if (!sums.length) return;
    const terms = sums[n % sums.length]!.terms as { sign?: number }[];
    const t = terms[n % terms.length]!;
    t.sign = t.sign === -1 ? 1 : -1;
  },
  (c, n, figure) => {
    const rows = recomputedIndexes(c);
    if (rows.length) rowsOf(c)[rows[n % rows.length]!]!.tolerance = { absolute: figure, reason: 'fuzz' };
  },
  (c, n, figure) => {
    const rows = recomputedIndexes(c);
    if (rows.length) rowsOf(c)[rows[n % rows.length]!]!.knownInconsistency = { found: figure, reason: 'fuzz' };
  },
  (c, n, figure) => {
    identitiesOf(c)[n % identitiesOf(c).length]!.knownInconsistency = { found: figure, reason: 'fuzz' };
  },
  (c, n) => {
    const rows = recomputedIndexes(c);
    if (!rows.length) return;
    const row = rowsOf(c)[rows[n % rows.length]!]!;
    if (n % 3 === 0) row.circular = 'fuzz';
    else if (n % 3 === 1) row.priceSource = 'fuzz';
    else delete row.printedUnitPrice;
  },
  (c, n, figure) => {
    const rows = recomputedIndexes(c);
    if (rows.length)
      rowsOf(c)[rows[n % rows.length]!]!.printedQuantity = { value: figure, unit: ['亿m³', '万m³', 't', '万kg', 't CO2', 'kWh'][n % 6]! };
  },
];
const softEditArb = fc.tuple(fc.nat({ max: SOFT_EDITS.length - 1 }), fc.nat(), printedDecimal);
const editArb = fc.oneof({ weight: 1, arbitrary: hostileEditArb }, { weight: 2, arbitrary: softEditArb });

function applyAny(c: Json, e: Edit | [number, number, string]) {
  if (Array.isArray(e)) {
    // A hostile edit before may have broken the shape a plausible edit expects: then it is skipped.
    try {
      SOFT_EDITS[e[0]]!(c, e[1], e[2]);
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
    }
  } else {
    applyEdit(c, e);
  }
}

function applyEdit(c: Json, e: Edit) {
  const { keys, leaves, lists } = walk(c);
  if (e.kind === 'replace') {
    const p = [...keys, ...leaves][e.at % (keys.length + leaves.length)]!;
    if (p.length === 0) return;
    at(c, p.slice(0, -1))[p[p.length - 1] as string] = structuredClone(e.value);
  } else if (e.kind === 'drop' || e.kind === 'rename') {
    const p = keys[e.at % keys.length]!;
    const parent = at(c, p.slice(0, -1));
    const name = p[p.length - 1] as string;
    if (e.kind === 'rename') parent[`${name}_`] = parent[name];
    delete parent[name];
  } else {
    const nonEmpty = lists.filter((p) => (at(c, p) as unknown as unknown[]).length);
    if (!nonEmpty.length) return;
    const list = at(c, nonEmpty[e.at % nonEmpty.length]!) as unknown as unknown[];
    const i = e.at % list.length;
    if (e.at % 2) list.splice(i, 0, structuredClone(list[i]));
    else list.splice(i, 1);
  }
}

const DECIMAL = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;
/** Every number of the outcome is finite decimal text; the memo and the page render; the exit code follows the verdict. */
function expectSound(r: Reproduction, data: unknown) {
  for (const x of r.rows) {
    for (const v of [x.recomputed, x.difference, x.relativeDifference, x.tolerance])
      if (v !== null) expect(v, `${x.id}: ${v}`).toMatch(DECIMAL);
  }
  for (const i of r.identities) {
    for (const v of [i.fromPrinted, i.fromRecomputed, i.tolerance]) if (v !== null) expect(v, `${i.id}: ${v}`).toMatch(DECIMAL);
  }
  // The statuses agree with the numbers, checked again here.
  for (const x of r.rows) {
    if (x.difference === null) continue;
    const within = new Exact(x.difference).abs().lte(x.tolerance);
    if (x.status === 'ok' || x.status === 'circular') expect(within, `${x.id} ${x.status}`).toBe(true);
    if (x.status === 'outside-tolerance' || x.status === 'known-inconsistency') expect(within, `${x.id} ${x.status}`).toBe(false);
    // the difference is the library's 40-digit decimal
    expect(new GepDecimal(x.recomputed!).minus(x.printed.value).eq(x.difference), x.id).toBe(true);
  }
  for (const i of r.identities) {
    if (i.kind === 'sum')
      expect(new Exact(i.printedCheck.found).minus(i.printed).abs().lte(i.printedCheck.tolerance), i.id).toBe(
        i.printedCheck.status === 'ok' || (i.printedCheck.status === 'stale-excuse' && !i.printedCheck.reason!.includes('not as the case')),
      );
  }
  expect(reproductionMemo(r)).toContain('**Verdict: ');
  expect(reproductionToHtml(r)).toContain(`data-verdict="${r.verdict}"`);
  const failing = r.counts.outsideTolerance + r.counts.staleExcuses + r.counts.identitiesFail + r.counts.identitiesStale;
  expect(r.verdict === 'fails').toBe(failing > 0);
  if (r.verdict === 'holds') expect(r.counts.agree).toBeGreaterThan(0);
  expect(cli(data).code).toBe(r.verdict === 'holds' || r.verdict === 'identities-only' ? 0 : 1);
}

const counts = { broken: 0, defects: new Map<string, number>(), hostile: 0 };

describe('gep reproduce under generated case files', () => {
  it(
    'never passes a case whose checked printed figure was moved (property)',
    () => {
      fc.assert(
        fc.property(caseArb, fc.nat(), (id, n) => {
          const c = structuredClone(CASES[id]!);
          const checked = checkedRows(c);
          const i = checked[n % checked.length]!;
          const row = rowsOf(c)[i]!;
          row.printed.value = farFrom(row.printed.value);
          const r = reproduceCase(c);
          expect(r.verdict, `${id}: row ${row.id} printed ${row.printed.value}`).toBe('fails');
          expect(r.holds).toBe(false);
          expect(cli(c).code).toBe(1);
          counts.broken++;
        }),
        params(10, 0.005),
      );
    },
    timeout(10, 0.005, 100),
  );

  it(
    'refuses a case with a targeted defect, located at the defect, with exit 1 and no memo (property)',
    () => {
      const unit = fc.constantFrom(...UNPARSABLE_UNITS);
      fc.assert(
        fc.property(
          caseArb,
          fc.constantFrom(...DEFECT_NAMES),
          fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
          unit,
          (id, name, picks, u) => {
            const c = structuredClone(CASES[id]!);
            let k = 0;
            const pick = (n: number) => (n <= 0 ? 0 : picks[k++ % picks.length]! % n);
            const defect = DEFECTS[name]!(c, pick, u);
            fc.pre(defect !== null);
            let issues: GepInputError['issues'] = [];
            try {
              reproduceCase(c);
            } catch (e) {
              if (!(e instanceof GepInputError)) throw e;
              issues = e.issues;
            }
            expect(issues.length, `${id}: ${name} was accepted`).toBeGreaterThan(0);
            expect(
              issues.some((x) => startsWith(x.path, defect!.at)),
              `${id}: ${name}: no issue at ${defect!.at.join('.')}: ${issues.map((x) => x.message).join(' / ')}`,
            ).toBe(true);
            const run = cli(c);
            expect(run.code).toBe(1);
            expect(run.stdout).toBe('');
            counts.defects.set(name, (counts.defects.get(name) ?? 0) + 1);
          },
        ),
        params(20, 0.01),
      );
    },
    timeout(20, 0.01, 200),
  );

  it(
    'answers hostile and plausible edits with located input errors or a sound reproduction (property)',
    () => {
      fc.assert(
        fc.property(caseArb, fc.array(editArb, { minLength: 1, maxLength: 4 }), (id, edits) => {
          const c = structuredClone(CASES[id]!);
          for (const e of edits) applyAny(c, e as Edit | [number, number, string]);
          const r = onlyInputErrors('cases hostile', () => reproduceCase(c));
          if (r) expectSound(r, c);
          else expect(cli(c).code).toBe(1);
          counts.hostile++;
        }),
        params(20, 0.01),
      );
    },
    timeout(20, 0.01, 200),
  );
});

afterAll(() => {
  if (LONG_RUN) {
    console.log(
      `[fuzz] cases: broken values ${counts.broken}; defects ${JSON.stringify(Object.fromEntries(counts.defects))}; hostile ${counts.hostile} ${JSON.stringify(tally.get('cases hostile'))}`,
    );
  }
});
