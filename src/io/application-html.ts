/**
 * The application reports as one self-contained HTML page each (核算结果应用报告): project value,
 * compensation, eco-compensation (vertical, horizontal, bounds, settlement), the tenure-audit memo,
 * the double-assessment scorecard and the green-finance valuation. The page shell, colours and
 * number helpers are those of the account report (./html-page.ts), the charts are ./svg-chart.ts;
 * the content is the document of ./application-report.ts, so the HTML, Markdown and terminal forms
 * print the same numbers. No script, nothing loaded; rows that rest on a recalled or non-standard
 * rule, a to-verify coefficient or a library default are highlighted.
 */
import { barChart, stackedBar } from './svg-chart.js';
import { escapeHtml as h, htmlPage, sectionNumber } from './html-page.js';
import {
  applicationReport,
  type ApplicationJson,
  type ApplicationReportOptions,
  type ReportBlock,
  type ReportDoc,
} from './application-report.js';
import { LIBRARY_VERSION } from '../version.js';

function block(b: ReportBlock): string {
  switch (b.type) {
    case 'paragraph':
      return `<p>${h(b.text)}</p>`;
    case 'list':
      return `<ul class="warnings">${b.items.map((i) => `<li>${h(i)}</li>`).join('')}</ul>`;
    case 'chart': {
      const c = b.chart;
      const svg =
        c.kind === 'bars'
          ? barChart(c.rows, {
              id: c.id,
              title: c.title,
              unit: c.unit,
              maxLabelWidth: 280,
              ...(c.legend ? { legend: c.legend } : {}),
              ...(c.marker ? { marker: c.marker } : {}),
            })
          : stackedBar(c.segments, { id: c.id, title: c.title });
      return `<div class="card"><h3>${h(c.title)}</h3>${svg}</div>`;
    }
    case 'table': {
      const right = new Set(b.right ?? []);
      const bold = new Set(b.bold ?? []);
      const marked = new Set(b.marked ?? []);
      const cls = (c: number) => (right.has(c) ? ' class="num"' : '');
      return `<div class="wide"><table><thead><tr>${b.head.map((x, c) => `<th${cls(c)}>${h(x)}</th>`).join('')}</tr></thead><tbody>${b.rows.map((r, i) => `<tr${bold.has(i) ? ' class="grand"' : marked.has(i) ? ' class="to-verify"' : ''}>${r.map((x, c) => `<td${cls(c)}>${h(x)}</td>`).join('')}</tr>`).join('')}</tbody></table></div>`;
    }
  }
}

/** A report document as one HTML page. */
export function docToHtml(d: ReportDoc): string {
  const meta = d.meta.map(([k, v]) => `<li><b>${h(k)}</b>${h(v)}</li>`).join('');
  const masthead = `<header class="masthead"><p class="kicker">${h(d.kicker)}</p><h1>${h(d.title)}</h1><ul class="meta">${meta}</ul></header>`;
  const banner = d.banner
    ? `<div class="banner ${d.banner.tone === 'warn' ? '' : d.banner.tone}" data-banner="${d.banner.tone}"><p>${h(d.banner.text)}</p></div>`
    : '';
  const figures = d.figures.length
    ? `<div class="figures">${d.figures.map((f, i) => `<div class="figure${i === 0 ? ' main' : ''}" data-figure="${h(f.key)}"${f.exact ? ` data-value="${h(f.exact)}"` : ''}><div class="label">${h(f.label)}</div><div class="amount"><span class="v">${h(f.value)}</span><span class="unit" style="white-space:nowrap">${h(f.unit)}</span></div>${f.sub ? `<div class="sub">${h(f.sub)}</div>` : ''}</div>`).join('')}</div>`
    : '';
  const sections = d.sections
    .map((s, i) => {
      const charts = s.blocks.filter((b) => b.type === 'chart');
      const rest = s.blocks.filter((b) => b.type !== 'chart');
      const body = `${charts.length ? `<div class="charts">${charts.map(block).join('')}</div>` : ''}${rest.map(block).join('')}`;
      // Method, parameters, calculation and coefficients fold away; the result stays open.
      const folded = ['parameters', 'calculation', 'coefficients'].includes(s.id);
      return `<section id="${h(s.id)}"><h2>${sectionNumber(i + 1, d.lang)}${h(s.title)}</h2>${folded ? `<details><summary>${h(s.title)}</summary><div class="inner">${body}</div></details>` : body}</section>`;
    })
    .join('\n');
  const body = [
    masthead,
    '<div class="content">',
    banner,
    figures,
    sections,
    '</div>',
    `<footer>${d.footer.map((f) => `<p>${h(f)}</p>`).join('')}</footer>`,
  ].join('\n');
  return htmlPage({ lang: d.lang, title: d.title, body, generator: `gep-accounting ${LIBRARY_VERSION}` });
}

/**
 * An application result as one self-contained HTML page (charts, tables, method, parameters,
 * calculation and warnings).
 *
 * @param result - the JSON form of any application result
 * @param options - language (en | zh) and rounding rule
 * @returns the page, offline, with no script
 */
export function applicationToHtml(result: ApplicationJson, options: ApplicationReportOptions = {}): string {
  return docToHtml(applicationReport(result, options));
}
