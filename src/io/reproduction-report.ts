/**
 * The reproduction memo (复核报告), in Markdown: the verdict and what it rests on, every printed
 * row and identity, the findings (failures, documented inconsistencies, stale excuses, circular
 * rows), every widened tolerance with its reason, the rows not reproduced and why, and the trace of
 * each recomputed row (inputs, coefficients with table version and source, steps) — as an
 * evaluator would write it.
 */
import type { Reproduction, RowOutcome } from '../reproduce/reproduce.js';
import { GepDecimal } from '../numbers/arithmetic.js';

const STATUS_TEXT: Record<string, string> = {
  ok: 'ok',
  'outside-tolerance': '**outside tolerance**',
  'not-reproducible': 'not reproducible',
  'known-inconsistency': '**published inconsistency** (documented)',
  'stale-excuse': '**stale excuse**',
  circular: 'circular (proves nothing)',
  fails: '**fails**',
};

/** Control and bidirectional-override characters: stripped from every text of the case, which the terminal shows. */
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/**
 * Free text from the case file (labels, reasons, notes, citation) as Markdown text: on one line, no
 * control characters, and no raw HTML, link or table syntax (`<`, `[`, `]`, `|` escaped), so a case
 * cannot inject a heading, a script or a `javascript:` link into the memo.
 */
const md = (s: string | null | undefined) => (s ?? '—').replace(CONTROL, '').replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').replace(/[\\[\]|]/g, (m) => `\\${m}`).replace(/</g, '&lt;');
const cell = md;
const withUnit = (value: string, unit: string) => (unit === '1' ? value : `${value} ${unit}`);
/** A recomputed number for reading: 10 significant digits (the JSON keeps every digit). */
const short = (s: string | null) => (s === null || s === '' ? null : new GepDecimal(s).toSignificantDigits(10).toString());
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The verdict in one sentence, saying what it rests on. */
export function verdictText(r: Reproduction): string {
  const n = r.counts;
  const known = n.knownInconsistencies + n.identitiesKnown;
  const documented = known ? `, apart from ${plural(known, 'documented inconsistency', 'documented inconsistencies')} of the publication` : '';
  switch (r.verdict) {
    case 'holds':
      return `holds — ${plural(n.agree, 'row')} recomputed independently through the library's indicator modules ${n.agree === 1 ? 'agrees' : 'agree'} with the printed value${n.agree === 1 ? '' : 's'} within tolerance, and ${n.identitiesHold} of ${plural(n.identities, 'identity', 'identities')} hold${n.identities === 1 ? 's' : ''}${documented}.`;
    case 'identities-only': {
      const why = [n.notReproducible ? `${n.notReproducible} printed figures only` : '', n.circular ? `${plural(n.circular, 'circular row')} that prove${n.circular === 1 ? 's' : ''} nothing` : ''].filter(Boolean).join(', ');
      return `identities only — no row was recomputed independently (${why}), so nothing here shows that the published rows can be recomputed; ${n.identitiesHold} of ${plural(n.identities, 'identity', 'identities')} hold${n.identities === 1 ? 's' : ''}${documented}.`;
    }
    case 'nothing-checked':
      return 'nothing checked — no recomputed row agrees with its printed value and no identity was checked: the case shows nothing.';
    case 'fails': {
      const what = [
        n.outsideTolerance ? `${plural(n.outsideTolerance, 'row')} outside tolerance` : '',
        n.staleExcuses ? `${plural(n.staleExcuses, 'row')} with a stale excuse` : '',
        n.identitiesFail ? `${plural(n.identitiesFail, 'identity', 'identities')} that do${n.identitiesFail === 1 ? 'es' : ''} not hold` : '',
        n.identitiesStale ? `${plural(n.identitiesStale, 'identity', 'identities')} with a stale excuse` : '',
      ].filter(Boolean).join(', ');
      return `fails — ${what} (see the findings).`;
    }
  }
}

function traceLines(x: RowOutcome): string[] {
  const t = x.trace!;
  const variant = Object.entries(t.variant).map(([k, v]) => `${k} = ${v}`).join(', ');
  const lines = [
    `### ${md(x.label)} (\`${x.id}\`)`,
    '',
    `\`${t.indicator}\`${variant ? ` (${variant})` : ''}: ${t.quantity ? `quantity ${short(t.quantity.value)} ${t.quantity.unit}, ` : ''}value ${short(t.value.value)} 元 → ${short(x.recomputed)} ${x.printed.unit} against the printed ${x.printed.value} ${x.printed.unit}.`,
    '',
    `- Inputs (from the case): ${t.inputs.map((i) => `${md(i.path || '(input)')} = ${md(i.value)}`).join('; ') || 'none'}.`,
  ];
  if (x.priceSource) lines.push(`- Source of the unprinted price: ${md(x.priceSource)}.`);
  if (t.coefficients.length) {
    lines.push('- Coefficients:', '', '  | coefficient | symbol | value | price year | table | source | status | given by |', '  |---|---|---:|---|---|---|---|---|');
    for (const u of t.coefficients) {
      const by = u.origin === 'case' ? `the case (${cell(u.overridden?.reason ?? '')}; table value ${u.overridden?.tableValue ?? '?'} ${u.overridden?.tableUnit ?? ''})` : "**the library's table**";
      lines.push(`  | ${u.id} | ${cell(u.symbol)} | ${withUnit(u.value, u.unit)} | ${u.priceYear ?? '—'} | ${u.table} | ${cell(u.source)} | ${u.status} | ${by} |`);
    }
    lines.push('');
  } else {
    lines.push('- Coefficients: none from the tables (every figure is the case\'s own).');
  }
  lines.push(`- Steps: ${t.steps.map((s) => `${cell(s.name)}: ${cell(s.formula)} = ${short(s.result.value)} ${s.result.unit}`).join('; ')}.`);
  if (t.warnings.length) lines.push(`- Warnings: ${t.warnings.map((w) => `${w.code}: ${cell(w.message)}`).join('; ')}.`);
  return [...lines, ''];
}

/** Render a reproduction as a Markdown memo. */
export function reproductionMemo(r: Reproduction): string {
  const c = r.case;
  const n = r.counts;
  const flagged = [
    ...r.rows.filter((x) => ['outside-tolerance', 'known-inconsistency', 'stale-excuse', 'circular'].includes(x.status)),
    ...r.identities.filter((i) => i.status !== 'ok'),
  ];
  const cite = `${md(c.citation.authors)} (${c.citation.year}).${c.citation.journal ? ` *${md(c.citation.journal)}*.` : ''}${c.citation.doi ? ` DOI ${md(c.citation.doi)}.` : ''}${c.citation.url ? ` ${md(c.citation.url)}` : ''}${c.citation.table ? ` ${md(c.citation.table)}.` : ''}`;
  const lines: string[] = [
    `# Reproduction of ${md(c.citation.title)}`,
    '',
    cite,
    ...(c.citation.secondary ? ['', `**Secondary source.** ${md(c.citation.secondary)}`] : []),
    '',
    `Region: ${md(c.region)}. Accounting year ${c.accountingYear}; price year ${c.priceYear ?? 'not stated'}.`,
    '',
    '## Summary',
    '',
    `- **Verdict: ${verdictText(r)}**`,
    `- Rows: ${n.rows} printed; ${n.recomputed} recomputed independently through the library's indicator modules, of which ${n.agree} agree within tolerance, ${n.outsideTolerance} do not, ${n.knownInconsistencies} differ where the publication itself is inconsistent (documented) and ${n.staleExcuses} carry a stale excuse; ${n.circular} circular (recomputed from a figure derived from the printed value itself, so they prove nothing); ${n.notReproducible} not reproducible (the reasons are below).`,
    `- Identities: ${n.identities} checked; ${n.identitiesHold} hold, ${n.identitiesKnown} are documented inconsistencies of the publication, ${n.identitiesFail} do not hold, ${n.identitiesStale} carry a stale excuse.`,
    ...(r.rows.some((x) => x.trace?.warnings.length) ? [`- Warnings: ${plural(r.rows.filter((x) => x.trace?.warnings.length).length, 'recomputed row')} carr${r.rows.filter((x) => x.trace?.warnings.length).length === 1 ? 'ies' : 'y'} warnings of the indicator modules (listed in the trace).`] : []),
    ...(n.widenedTolerances ? [`- Tolerances: ${plural(n.widenedTolerances, 'row')} ${n.widenedTolerances === 1 ? 'has' : 'have'} a tolerance wider than half a unit of the last printed digit (reasons below).`] : []),
    '',
    '## Rows',
    '',
    '| row | printed | recomputed | difference | relative | tolerance | status |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...r.rows.map((x) => `| ${cell(x.label)} | ${x.printed.value} ${x.printed.unit} | ${cell(short(x.recomputed))} | ${cell(short(x.difference))} | ${cell(x.relativeDifference)} | ${x.status === 'not-reproducible' ? '—' : `${x.tolerance}${x.toleranceKind === 'printed-digit' ? '' : ' *'}`} | ${STATUS_TEXT[x.status]} |`),
    '',
    '## Identities',
    '',
    '| identity | printed | from printed parts | from recomputed parts | tolerance | status |',
    '|---|---:|---:|---:|---:|---|',
    ...r.identities.map((i) => `| ${cell(i.label)} | ${withUnit(i.printed, i.unit)} | ${short(i.fromPrinted)} | ${cell(short(i.fromRecomputed))} | ${i.tolerance}${i.recomputedCheck?.tolerance ? ` / ${short(i.recomputedCheck.tolerance)}` : ''} | ${STATUS_TEXT[i.status]} |`),
  ];
  if (flagged.length) {
    lines.push('', '## Findings', '');
    for (const f of flagged) {
      const extra = 'impliedQuantity' in f && f.impliedQuantity ? ` The printed value implies a quantity of ${f.impliedQuantity}.` : '';
      const status = STATUS_TEXT[f.status]!.replace(/\*\*/g, '');
      lines.push(`- **${md(f.label)}** (${status}): ${md(f.reason ?? 'outside tolerance')}.${extra}`);
    }
  }
  const widened = r.rows.filter((x) => x.toleranceKind !== 'printed-digit');
  if (widened.length) {
    lines.push('', '## Tolerances wider than the last printed digit', '');
    for (const x of widened) lines.push(`- **${md(x.label)}**: ±${x.tolerance} (${x.toleranceKind === 'stated' ? 'stated by the case' : 'derived from the printed quantity'}): ${md(x.toleranceReason)}.`);
  }
  const notReproduced = new Map<string, string[]>();
  for (const x of r.rows.filter((row) => row.status === 'not-reproducible')) {
    notReproduced.set(x.reason!, [...(notReproduced.get(x.reason!) ?? []), x.label]);
  }
  if (notReproduced.size) {
    lines.push('', '## Not reproduced', '');
    for (const [reason, labels] of notReproduced) lines.push(`- ${labels.map(md).join('; ')}: ${md(reason)}.`);
  }
  if (c.notes.length) lines.push('', '## Notes', '', ...c.notes.map((x) => `- ${md(x)}`));
  const rowNotes = c.rows.filter((row) => row.note);
  if (rowNotes.length) lines.push('', '## Notes on rows', '', ...rowNotes.map((row) => `- ${md(row.label)}: ${md(row.note)}`));
  const traced = r.rows.filter((x) => x.trace);
  if (traced.length) {
    const fromLibrary = new Map(traced.flatMap((x) => x.trace!.coefficients.filter((u) => u.origin === 'library-table').map((u) => [`${u.table} ${u.id}`, u])));
    lines.push('', '## Trace of the recomputed rows', '');
    lines.push(fromLibrary.size
      ? `Coefficients marked **the library's table** were not given by the case: the reproduction depends on the library's values for them (${[...fromLibrary.values()].map((u) => `${u.id} = ${withUnit(u.value, u.unit)}, ${u.table}, ${u.status}`).join('; ')}).`
      : 'Every coefficient used was given by the case.', '');
    for (const x of traced) lines.push(...traceLines(x));
  }
  lines.push('', 'Tolerance: half a unit of the last printed digit, widened where the row is fed a quantity printed coarser than its value, or as a row states (marked *); a sum allows the rounding of every printed part, and against recomputed parts each part\'s row tolerance; a ratio allows the rounding of both printed figures. Prices are used as printed, without rebasing.');
  return `${lines.join('\n')}\n`;
}
