/**
 * `gep coefficients diff <a> <b>`: two profiles (everything that can make their GEPs differ,
 * src/coefficients/diff.ts), or two table versions (their rows). A profile and a table compare the
 * profile's pinned table with the table.
 */
import { diffProfiles, diffTables, type CoefficientChange, type ProfileDiff, type SettingValue } from '../coefficients/diff.js';
import { getCoefficientTable } from '../coefficients/tables.js';
import type { Coefficient, CoefficientTable } from '../coefficients/types.js';
import type { Profile } from '../profiles/profiles.js';
import type { Language } from '../errors/messages.js';
import { statusText } from '../io/display-text.js';

/** What a name given on the command line stands for. */
export type DiffSide =
  | { readonly kind: 'profile'; readonly profile: Profile }
  | { readonly kind: 'table'; readonly table: CoefficientTable };

/** The words of the diff. */
const WORDS = {
  en: {
    na: 'n/a',
    notSet: '(not set)',
    noVariant: 'no variant',
    profiles: (a: string, b: string, n: number) =>
      `profiles ${a} → ${b}: ${n === 0 ? 'no differences' : `${n} difference${n === 1 ? '' : 's'}`}`,
    settings: 'settings:',
    indicators: 'indicators (enabled, variant, membership):',
    variant: 'variant',
    membership: 'membership',
    adjustments: 'adjustments (调节系数, V × factor):',
    table: (a: string, b: string, n: number) =>
      `coefficient table ${a} → ${b}: ${n ? `${n} row${n === 1 ? '' : 's'} differ` : 'no row differs'}`,
    notes: 'notes (documentation, not counted):',
    tables: (a: string, b: string, n: number, mixed: boolean) =>
      `coefficient tables ${a} → ${b}${mixed ? ' (a profile and a table: only the rows of the tables are compared)' : ''}: ${n ? `${n} row${n === 1 ? '' : 's'} differ` : 'no differences'}`,
    sep: '; ',
  },
  zh: {
    na: '无',
    notSet: '（未设置）',
    noVariant: '无方法变体',
    profiles: (a: string, b: string, n: number) => `核算方案 ${a} → ${b}：${n === 0 ? '没有差异' : `${n} 处差异`}`,
    settings: '设置：',
    indicators: '指标（启用、方法变体、纳入依据）：',
    variant: '方法变体',
    membership: '纳入依据',
    adjustments: '调节系数（V × 系数）：',
    table: (a: string, b: string, n: number) => `参数表 ${a} → ${b}：${n ? `${n} 行不同` : '各行均相同'}`,
    notes: '说明（文档内容，不计为差异）：',
    tables: (a: string, b: string, n: number, mixed: boolean) =>
      `参数表 ${a} → ${b}${mixed ? '（核算方案与参数表比较：只比较参数表各行）' : ''}：${n ? `${n} 行不同` : '没有差异'}`,
    sep: '；',
  },
} as const;

/** Field names of a row or an adjustment, in Chinese. */
const FIELD_ZH: Readonly<Record<string, string>> = {
  id: '代码',
  symbol: '符号',
  value: '数值',
  unit: '单位',
  source: '来源',
  clause: '条款',
  priceYear: '价格年份',
  status: '状态',
  note: '说明',
  factor: '系数',
  indicator: '指标',
  validUntil: '有效期至',
  localValue: '本地取值',
};
const fieldsText = (fields: readonly string[], lang: Language) =>
  lang === 'zh' ? fields.map((f) => FIELD_ZH[f] ?? f).join('、') : fields.join(', ');

/** One line per table row that differs. */
export function formatRowChanges(rows: readonly CoefficientChange[], lang: Language = 'en'): string[] {
  const show = (r: Coefficient | undefined) =>
    r
      ? `${r.value} ${r.unit} (${r.source}, ${r.priceYear ?? WORDS[lang].na}, ${lang === 'zh' ? statusText(r.status, lang) : r.status})`
      : '';
  return rows.map(
    (c) =>
      `${c.change === 'added' ? '+' : c.change === 'removed' ? '-' : '~'} ${c.id}  ${show(c.before)}${c.change === 'changed' ? ' → ' : ''}${show(c.after)}${c.fields ? `  [${fieldsText(c.fields, lang)}]` : ''}`,
  );
}

/** The text of a profile diff: one section per kind of difference, then the table rows. */
export function formatProfileDiff(d: ProfileDiff, lang: Language = 'en'): string {
  const W = WORDS[lang];
  const value = (v: SettingValue | undefined) =>
    v === null || v === undefined ? W.notSet : typeof v === 'object' ? JSON.stringify(v) : String(v);
  const variantText = (v: Readonly<Record<string, string>>) =>
    Object.entries(v)
      .map(([k, x]) => `${k}=${x}`)
      .join(', ') || W.noVariant;
  const out: string[] = [W.profiles(`${d.a.profile} ${d.a.version}`, `${d.b.profile} ${d.b.version}`, d.count)];
  if (d.settings.length) {
    out.push('', W.settings);
    for (const s of d.settings) out.push(`~ ${s.setting}: ${value(s.before)} → ${value(s.after)}`);
  }
  if (d.indicators.length) {
    out.push('', W.indicators);
    for (const i of d.indicators) {
      if (i.change === 'added') out.push(`+ ${i.id}  ${variantText(i.after!.variant)}`);
      else if (i.change === 'removed') out.push(`- ${i.id}  ${variantText(i.before!.variant)}`);
      else {
        const parts = [
          ...(i.variant ?? []).map((v) => `${W.variant} ${v.option}: ${value(v.before)} → ${value(v.after)}`),
          ...(i.membership ? [`${W.membership}: ${value(i.membership.before)} → ${value(i.membership.after)}`] : []),
        ];
        out.push(`~ ${i.id}  ${parts.join(W.sep)}`);
      }
    }
  }
  if (d.adjustments.length) {
    out.push('', W.adjustments);
    for (const x of d.adjustments) {
      const text = (a: typeof x.before) =>
        a ? `× ${a.factor} (${a.source}, ${lang === 'zh' ? statusText(a.status, lang) : a.status})` : '';
      out.push(
        `${x.change === 'added' ? '+' : x.change === 'removed' ? '-' : '~'} ${x.indicator}  ${text(x.before)}${x.change === 'changed' ? ' → ' : ''}${text(x.after)}${x.fields ? `  [${fieldsText(x.fields, lang)}]` : ''}`,
      );
    }
  }
  out.push('', W.table(d.table.a, d.table.b, d.table.rows.length));
  out.push(...formatRowChanges(d.table.rows, lang));
  if (d.notes.added.length || d.notes.removed.length) {
    out.push('', W.notes);
    for (const n of d.notes.removed) out.push(`- ${n}`);
    for (const n of d.notes.added) out.push(`+ ${n}`);
  }
  return `${out.join('\n')}\n`;
}

/** The text or JSON of `gep coefficients diff`. */
export function coefficientsDiff(a: DiffSide, b: DiffSide, json: boolean, lang: Language = 'en'): string {
  if (a.kind === 'profile' && b.kind === 'profile') {
    const d = diffProfiles(a.profile, b.profile, getCoefficientTable);
    return json ? `${JSON.stringify(d, null, 2)}\n` : formatProfileDiff(d, lang);
  }
  const ta = a.kind === 'table' ? a.table : getCoefficientTable(a.profile.coefficientTable);
  const tb = b.kind === 'table' ? b.table : getCoefficientTable(b.profile.coefficientTable);
  const rows = diffTables(ta, tb);
  if (json) return `${JSON.stringify({ kind: 'table-diff', a: ta.key, b: tb.key, rows, count: rows.length }, null, 2)}\n`;
  return `${[WORDS[lang].tables(ta.key, tb.key, rows.length, a.kind === 'profile' || b.kind === 'profile'), ...formatRowChanges(rows, lang)].join('\n')}\n`;
}
