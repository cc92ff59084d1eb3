/**
 * The reproduction memo (复核报告), in Markdown: what was reproduced, what was not and why, which
 * published numbers are inconsistent — as an evaluator would write it.
 */
import type { Reproduction } from '../reproduce/reproduce.js';
import { GepDecimal } from '../numbers/arithmetic.js';

const STATUS_TEXT: Record<string, string> = {
  ok: 'ok',
  'outside-tolerance': '**outside tolerance**',
  'not-reproducible': 'not reproducible',
  'known-inconsistency': '**published inconsistency** (documented)',
  inconsistent: '**published inconsistency**',
};

const cell = (s: string | null | undefined) => (s ?? '—').replace(/\|/g, '\\|');
const withUnit = (value: string, unit: string) => (unit === '1' ? value : `${value} ${unit}`);
/** A recomputed number for reading: 10 significant digits (the JSON keeps every digit). */
const short = (s: string | null) => (s === null ? null : new GepDecimal(s).toSignificantDigits(10).toString());

/** Render a reproduction as a Markdown memo. */
export function reproductionMemo(r: Reproduction): string {
  const c = r.case;
  const count = (s: string) => r.rows.filter((x) => x.status === s).length;
  const reproducible = r.rows.filter((x) => x.status !== 'not-reproducible').length;
  const flagged = [...r.rows.filter((x) => x.status === 'known-inconsistency' || x.status === 'outside-tolerance'), ...r.identities.filter((i) => i.status !== 'ok')];
  const lines: string[] = [
    `# Reproduction of ${c.citation.title}`,
    '',
    `${c.citation.authors} (${c.citation.year}).${c.citation.journal ? ` *${c.citation.journal}*.` : ''}${c.citation.doi ? ` DOI ${c.citation.doi}.` : ''}${c.citation.url ? ` ${c.citation.url}` : ''}${c.citation.table ? ` ${c.citation.table}.` : ''}`,
    '',
    `Region: ${c.region}. Accounting year ${c.accountingYear}; price year ${c.priceYear ?? 'not stated'}.`,
    '',
    '## Summary',
    '',
    `- Rows: ${r.rows.length} printed; ${reproducible} recomputed through the library's indicator modules, of which ${count('ok')} agree within tolerance, ${count('outside-tolerance')} do not, and ${count('known-inconsistency')} differ where the publication itself is inconsistent; ${count('not-reproducible')} not reproducible (no input printed).`,
    `- Identities: ${r.identities.length} checked; ${r.identities.filter((i) => i.status === 'ok').length} hold, ${r.identities.filter((i) => i.status !== 'ok').length} do not.`,
    `- Verdict: ${r.holds ? 'every reproducible row and identity holds, apart from the documented inconsistencies of the publication' : 'some rows or identities do not hold (see below)'}.`,
    '',
    '## Rows',
    '',
    '| row | printed | recomputed | difference | relative | tolerance | status |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...r.rows.map((x) => `| ${cell(x.label)} | ${x.printed.value} ${x.printed.unit} | ${cell(short(x.recomputed))} | ${cell(short(x.difference))} | ${cell(x.relativeDifference)} | ${x.tolerance} | ${STATUS_TEXT[x.status]} |`),
    '',
    '## Identities',
    '',
    '| identity | printed | from printed parts | from recomputed parts | tolerance | status |',
    '|---|---:|---:|---:|---:|---|',
    ...r.identities.map((i) => `| ${cell(i.label)} | ${withUnit(i.printed, i.unit)} | ${i.fromPrinted} | ${cell(i.fromRecomputed)} | ${i.tolerance} | ${STATUS_TEXT[i.status]} |`),
  ];
  if (flagged.length) {
    lines.push('', '## Findings', '');
    for (const f of flagged) {
      const extra = 'impliedQuantity' in f && f.impliedQuantity ? ` The printed value implies a quantity of ${f.impliedQuantity}.` : '';
      lines.push(`- **${f.label}**: ${f.reason ?? 'outside tolerance'}.${extra}`);
    }
  }
  const notReproduced = new Map<string, string[]>();
  for (const x of r.rows.filter((row) => row.status === 'not-reproducible')) {
    notReproduced.set(x.reason!, [...(notReproduced.get(x.reason!) ?? []), x.label]);
  }
  if (notReproduced.size) {
    lines.push('', '## Not reproduced', '');
    for (const [reason, labels] of notReproduced) lines.push(`- ${reason}: ${labels.join('; ')}`);
  }
  if (c.notes.length) lines.push('', '## Notes', '', ...c.notes.map((n) => `- ${n}`));
  const rowNotes = c.rows.filter((row) => row.note);
  if (rowNotes.length) lines.push('', '## Notes on rows', '', ...rowNotes.map((row) => `- ${row.label}: ${row.note}`));
  lines.push('', `Tolerance: half a unit of the last printed digit unless a row states otherwise; identities allow the rounding of every printed part.`);
  return `${lines.join('\n')}\n`;
}
