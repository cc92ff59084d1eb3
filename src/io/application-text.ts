/**
 * The application reports as text (核算结果应用报告的文本形式): a terminal table (aligned columns)
 * and Markdown (the form an auditor files or pastes into a report). They print the document of
 * ./application-report.ts; charts are left to the HTML page.
 */
import { displayWidth } from './text-table.js';
import {
  applicationReport,
  type ApplicationJson,
  type ApplicationReportOptions,
  type ReportBlock,
  type ReportDoc,
} from './application-report.js';

const pad = (text: string, width: number, right: boolean) => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
};

function textBlock(b: ReportBlock): string[] {
  switch (b.type) {
    case 'paragraph':
      return [b.text];
    case 'list':
      return b.items.map((i) => `  - ${i}`);
    case 'chart':
      return [];
    case 'table': {
      const right = new Set(b.right ?? []);
      const widths = b.head.map((h, c) => Math.min(60, Math.max(displayWidth(h), ...b.rows.map((r) => displayWidth(r[c] ?? '')))));
      const line = (cells: readonly string[], mark = false) =>
        `${mark ? '!' : ' '} ${cells.map((cell, c) => pad(cell ?? '', widths[c]!, right.has(c))).join('  ')}`.trimEnd();
      const marked = new Set(b.marked ?? []);
      return [line(b.head), `  ${widths.map((w) => '-'.repeat(w)).join('  ')}`, ...b.rows.map((r, i) => line(r, marked.has(i)))];
    }
  }
}

/**
 * An application result as readable text for a terminal.
 *
 * @param result - the JSON form of any application result
 * @param options - language and rounding
 * @returns text with the title, key figures, each section's tables and lists, and the footer
 */
export function applicationToText(result: ApplicationJson, options: ApplicationReportOptions = {}): string {
  return docToText(applicationReport(result, options));
}

/** A report document as terminal text. */
export function docToText(d: ReportDoc): string {
  const out: string[] = [d.title, d.kicker, ''];
  for (const [k, v] of d.meta) out.push(`${k}: ${v}`);
  if (d.banner) out.push('', `${d.banner.tone === 'bad' ? '▼' : d.banner.tone === 'good' ? '✓' : '!'} ${d.banner.text}`);
  if (d.figures.length)
    out.push('', ...d.figures.map((f) => `  ${f.label}: ${f.value}${f.unit ? ` ${f.unit}` : ''}${f.sub ? ` (${f.sub})` : ''}`));
  for (const s of d.sections) {
    // A section of charts only is left to the HTML page.
    if (s.blocks.every((b) => b.type === 'chart')) continue;
    out.push('', `== ${s.title} ==`);
    for (const b of s.blocks) {
      const lines = textBlock(b);
      if (lines.length) out.push(...lines, '');
    }
    while (out[out.length - 1] === '') out.pop();
  }
  out.push('', ...d.footer);
  return `${out.join('\n')}\n`;
}

const md = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function mdBlock(b: ReportBlock): string[] {
  switch (b.type) {
    case 'paragraph':
      return [b.text, ''];
    case 'list':
      return [...b.items.map((i) => `- ${i}`), ''];
    case 'chart':
      return [];
    case 'table': {
      const right = new Set(b.right ?? []);
      const bold = new Set(b.bold ?? []);
      const marked = new Set(b.marked ?? []);
      const cell = (text: string, i: number) => (bold.has(i) && text ? `**${md(text)}**` : md(text));
      return [
        `| ${b.head.map(md).join(' | ')} |`,
        `|${b.head.map((_, c) => (right.has(c) ? '---:' : '---')).join('|')}|`,
        ...b.rows.map((r, i) => `| ${r.map((x, c) => `${c === 0 && marked.has(i) ? '⚠ ' : ''}${cell(x, i)}`).join(' | ')} |`),
        '',
      ];
    }
  }
}

/**
 * An application result in Markdown (for the tenure audit: the memo an auditor files).
 *
 * @param result - the JSON form of any application result
 * @param options - language and rounding
 * @returns Markdown with a heading per section and pipe tables; ⚠ marks recalled, non-standard or to-verify rows
 */
export function applicationToMarkdown(result: ApplicationJson, options: ApplicationReportOptions = {}): string {
  return docToMarkdown(applicationReport(result, options));
}

/** A report document as Markdown. */
export function docToMarkdown(d: ReportDoc): string {
  const out: string[] = [`# ${md(d.title)}`, '', `*${md(d.kicker)}*`, ''];
  if (d.meta.length) out.push(...d.meta.map(([k, v]) => `- **${md(k)}**: ${md(v)}`), '');
  if (d.banner) out.push(`> ${d.banner.tone === 'bad' ? '**▼** ' : ''}${md(d.banner.text)}`, '');
  if (d.figures.length) {
    out.push(`| ${d.lang === 'zh' ? '指标' : 'Figure'} | ${d.lang === 'zh' ? '数值' : 'Value'} |`, '|---|---:|');
    out.push(
      ...d.figures.map((f) => `| ${md(f.label)} | ${md(`${f.value}${f.unit ? ` ${f.unit}` : ''}${f.sub ? ` (${f.sub})` : ''}`)} |`),
      '',
    );
  }
  d.sections
    .filter((s) => !s.blocks.every((b) => b.type === 'chart'))
    .forEach((s, i) => {
      out.push(
        `## ${d.lang === 'zh' ? `${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'][i] ?? i + 1}、` : `${i + 1}. `}${md(s.title)}`,
        '',
      );
      for (const b of s.blocks) out.push(...mdBlock(b));
    });
  out.push('---', '', ...d.footer.map((f) => `${md(f)}  `), '');
  return out.join('\n');
}
