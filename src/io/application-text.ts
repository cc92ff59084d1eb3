/**
 * The application reports as text (核算结果应用报告的文本形式): a terminal table (aligned columns)
 * and Markdown (the form an auditor files or pastes into a report). They print the document of
 * ./application-report.ts; charts are left to the HTML page. Every text of the document may quote
 * the input (a project, fund, section or unit name, a note, an id), so each is made safe on its way
 * out: on one line with control and bidi characters replaced for the terminal, escaped for Markdown
 * (./safe-text.ts).
 */
import { markdownText, terminalLine } from './safe-text.js';
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

/** The document with `f` applied to every text it shows (charts, drawn only in HTML, are left as they are). */
function mapText(d: ReportDoc, f: (text: string) => string): ReportDoc {
  const block = (b: ReportBlock): ReportBlock => {
    switch (b.type) {
      case 'paragraph':
        return { ...b, text: f(b.text) };
      case 'list':
        return { ...b, items: b.items.map(f) };
      case 'table':
        return { ...b, head: b.head.map(f), rows: b.rows.map((r) => r.map(f)) };
      case 'chart':
        return b;
    }
  };
  return {
    ...d,
    kicker: f(d.kicker),
    title: f(d.title),
    meta: d.meta.map(([k, v]) => [f(k), f(v)] as const),
    banner: d.banner ? { ...d.banner, text: f(d.banner.text) } : null,
    figures: d.figures.map((x) => ({
      ...x,
      label: f(x.label),
      value: f(x.value),
      unit: f(x.unit),
      ...(x.sub !== undefined ? { sub: f(x.sub) } : {}),
    })),
    sections: d.sections.map((s) => ({ ...s, title: f(s.title), blocks: s.blocks.map(block) })),
    footer: d.footer.map(f),
  };
}

/** A report document as terminal text: each text on one line, control and bidi characters replaced. */
export function docToText(doc: ReportDoc): string {
  const d = mapText(doc, terminalLine);
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
      const cell = (text: string, i: number) => (bold.has(i) && text ? `**${text}**` : text);
      return [
        `| ${b.head.join(' | ')} |`,
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

/**
 * A report document as Markdown. Every text is escaped (`markdownText`): a name cannot add HTML, a
 * heading, a link or a table cell.
 */
export function docToMarkdown(doc: ReportDoc): string {
  const d = mapText(doc, markdownText);
  const out: string[] = [`# ${d.title}`, '', `*${d.kicker}*`, ''];
  if (d.meta.length) out.push(...d.meta.map(([k, v]) => `- **${k}**: ${v}`), '');
  if (d.banner) out.push(`> ${d.banner.tone === 'bad' ? '**▼** ' : ''}${d.banner.text}`, '');
  if (d.figures.length) {
    out.push(`| ${d.lang === 'zh' ? '指标' : 'Figure'} | ${d.lang === 'zh' ? '数值' : 'Value'} |`, '|---|---:|');
    out.push(...d.figures.map((f) => `| ${f.label} | ${f.value}${f.unit ? ` ${f.unit}` : ''}${f.sub ? ` (${f.sub})` : ''} |`), '');
  }
  d.sections
    .filter((s) => !s.blocks.every((b) => b.type === 'chart'))
    .forEach((s, i) => {
      out.push(
        `## ${d.lang === 'zh' ? `${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'][i] ?? i + 1}、` : `${i + 1}. `}${s.title}`,
        '',
      );
      for (const b of s.blocks) out.push(...mdBlock(b));
    });
  out.push('---', '', ...d.footer.map((f) => `${f}  `), '');
  return out.join('\n');
}
