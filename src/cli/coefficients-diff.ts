/**
 * `gep coefficients diff <a> <b>`: two profiles (everything that can make their GEPs differ,
 * src/coefficients/diff.ts), or two table versions (their rows). A profile and a table compare the
 * profile's pinned table with the table.
 */
import { diffProfiles, diffTables, type CoefficientChange, type ProfileDiff, type SettingValue } from '../coefficients/diff.js';
import { getCoefficientTable } from '../coefficients/tables.js';
import type { Coefficient, CoefficientTable } from '../coefficients/types.js';
import type { Profile } from '../profiles/profiles.js';

/** What a name given on the command line stands for. */
export type DiffSide = { readonly kind: 'profile'; readonly profile: Profile } | { readonly kind: 'table'; readonly table: CoefficientTable };

const show = (r: Coefficient | undefined) => (r ? `${r.value} ${r.unit} (${r.source}, ${r.priceYear ?? 'n/a'}, ${r.status})` : '');

/** One line per table row that differs. */
export function formatRowChanges(rows: readonly CoefficientChange[]): string[] {
  return rows.map((c) => `${c.change === 'added' ? '+' : c.change === 'removed' ? '-' : '~'} ${c.id}  ${show(c.before)}${c.change === 'changed' ? ' → ' : ''}${show(c.after)}${c.fields ? `  [${c.fields.join(', ')}]` : ''}`);
}

const value = (v: SettingValue | undefined) => (v === null || v === undefined ? '(not set)' : typeof v === 'object' ? JSON.stringify(v) : String(v));
const variantText = (v: Readonly<Record<string, string>>) => Object.entries(v).map(([k, x]) => `${k}=${x}`).join(', ') || 'no variant';

/** The text of a profile diff: one section per kind of difference, then the table rows. */
export function formatProfileDiff(d: ProfileDiff): string {
  const out: string[] = [`profiles ${d.a.profile} ${d.a.version} → ${d.b.profile} ${d.b.version}: ${d.count === 0 ? 'no differences' : `${d.count} difference${d.count === 1 ? '' : 's'}`}`];
  if (d.settings.length) {
    out.push('', 'settings:');
    for (const s of d.settings) out.push(`~ ${s.setting}: ${value(s.before)} → ${value(s.after)}`);
  }
  if (d.indicators.length) {
    out.push('', 'indicators (enabled, variant, membership):');
    for (const i of d.indicators) {
      if (i.change === 'added') out.push(`+ ${i.id}  ${variantText(i.after!.variant)}`);
      else if (i.change === 'removed') out.push(`- ${i.id}  ${variantText(i.before!.variant)}`);
      else {
        const parts = [...(i.variant ?? []).map((v) => `variant ${v.option}: ${value(v.before)} → ${value(v.after)}`), ...(i.membership ? [`membership: ${value(i.membership.before)} → ${value(i.membership.after)}`] : [])];
        out.push(`~ ${i.id}  ${parts.join('; ')}`);
      }
    }
  }
  if (d.adjustments.length) {
    out.push('', 'adjustments (调节系数, V × factor):');
    for (const x of d.adjustments) {
      const text = (a: typeof x.before) => (a ? `× ${a.factor} (${a.source}, ${a.status})` : '');
      out.push(`${x.change === 'added' ? '+' : x.change === 'removed' ? '-' : '~'} ${x.indicator}  ${text(x.before)}${x.change === 'changed' ? ' → ' : ''}${text(x.after)}${x.fields ? `  [${x.fields.join(', ')}]` : ''}`);
    }
  }
  out.push('', `coefficient table ${d.table.a} → ${d.table.b}: ${d.table.rows.length ? `${d.table.rows.length} row${d.table.rows.length === 1 ? '' : 's'} differ` : 'no row differs'}`);
  out.push(...formatRowChanges(d.table.rows));
  if (d.notes.added.length || d.notes.removed.length) {
    out.push('', 'notes (documentation, not counted):');
    for (const n of d.notes.removed) out.push(`- ${n}`);
    for (const n of d.notes.added) out.push(`+ ${n}`);
  }
  return `${out.join('\n')}\n`;
}

/** The text or JSON of `gep coefficients diff`. */
export function coefficientsDiff(a: DiffSide, b: DiffSide, json: boolean): string {
  if (a.kind === 'profile' && b.kind === 'profile') {
    const d = diffProfiles(a.profile, b.profile, getCoefficientTable);
    return json ? `${JSON.stringify(d, null, 2)}\n` : formatProfileDiff(d);
  }
  const ta = a.kind === 'table' ? a.table : getCoefficientTable(a.profile.coefficientTable);
  const tb = b.kind === 'table' ? b.table : getCoefficientTable(b.profile.coefficientTable);
  const rows = diffTables(ta, tb);
  if (json) return `${JSON.stringify({ kind: 'table-diff', a: ta.key, b: tb.key, rows, count: rows.length }, null, 2)}\n`;
  const profileNote = a.kind === 'profile' || b.kind === 'profile' ? ' (a profile and a table: only the rows of the tables are compared)' : '';
  return `${[`coefficient tables ${ta.key} → ${tb.key}${profileNote}: ${rows.length ? `${rows.length} row${rows.length === 1 ? '' : 's'} differ` : 'no differences'}`, ...formatRowChanges(rows)].join('\n')}\n`;
}
