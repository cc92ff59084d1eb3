/**
 * The SEEA EA tables as HTML (SEEA 生态系统核算表网页): the extent account, the supply and use tables
 * (physical and monetary), the asset account and the mapping, each table with the match and status
 * of every row as a badge, and two bars (extent and monetary supply by ecosystem type). A whole page
 * (`seeaToHtml`), or the sections alone (`seeaHtmlSections`) for a page that shows the account too.
 * Built from the same rows as the CSV and XLSX exports (`seea-export.ts`) and the shell of the
 * account report (`html-page.ts`); nothing is recomputed, numbers are rounded by the stated rule.
 */
import { ecosystemTypes } from '../indicators/catalogue.js';
import { GepDecimal } from '../numbers/arithmetic.js';
import { DEFAULT_ROUNDING } from '../numbers/rounding.js';
import type { SeeaTables } from '../seea/seea.js';
import { warningMessage } from '../errors/warnings/index.js';
import { NOT_STATED } from '../seea/services.js';
import { escapeHtml as h, htmlPage, percentText, sectionNumber } from './html-page.js';
import { SEEA_LABELS, SEEA_SHEETS, seeaSheets, type SeeaExportOptions, type SeeaSheet } from './seea-export.js';
import { stackedBar } from './svg-chart.js';
import { groupThousands } from './text-table.js';
import type { OutCell } from './table-output.js';

/** Colours of the level-1 ecosystem types in the bars. */
const TYPE_COLORS: Record<string, string> = {
  forest: '#2e7d4f',
  shrubland: '#7a9a3a',
  grassland: '#b5b84a',
  wetland: '#3f86b5',
  cropland: '#d9a03f',
  urban: '#8a6f9e',
  desert: '#c9a27a',
  'glacier-snow': '#9fc3d6',
  ocean: '#1f5f8a',
  [NOT_STATED]: '#a3adb8',
};

const BADGE: Record<string, string> = {
  close: 'verified',
  partial: 'derived',
  'method-differs': 'derived',
  approximate: 'derived',
  none: 'to-verify',
  ambiguous: 'to-verify',
  'to-verify': 'to-verify',
  quoted: 'ok',
  recalled: 'muted',
};

/** Rows split at empty rows: each block is a table of its own, with its first row as header. */
function blocks(rows: readonly OutCell[][]): OutCell[][][] {
  const out: OutCell[][][] = [[]];
  for (const r of rows) {
    if (r.length === 0) out.push([]);
    else out[out.length - 1]!.push(r);
  }
  return out.filter((b) => b.length > 0);
}

function table(rows: readonly OutCell[][], sheet: SeeaSheet, options: SeeaExportOptions, headed = true): string {
  const L = SEEA_LABELS[options.lang ?? 'en'];
  // The service and its sub-service share a cell; the SEEA section is in the mapping table.
  const merge = ['supply-physical', 'supply-monetary', 'use-physical', 'use-monetary'].includes(sheet);
  const shaped = merge
    ? rows.map((r, ri) => [
        r[0] ?? null,
        r[1] ?? null,
        ri === 0 ? L.service : r[3] ? `${r[3] as string}${r[4] ? `\u0000${r[4] as string}` : ''}` : '',
        ...r.slice(5),
      ])
    : rows;
  // A Chinese page names things in Chinese: the English-name column is left to the CSV and XLSX.
  const english =
    options.lang === 'zh' && headed ? new Set(shaped[0]!.map((c, i) => (c === L.en ? i : -1)).filter((i) => i >= 0)) : new Set<number>();
  const [head, ...body] = (headed ? shaped : [[], ...shaped]).map((r) => r.filter((_, i) => !english.has(i)));
  const badgeColumns = new Set(head!.map((c, i) => (c === L.match || c === L.nameStatus || c === L.status ? i : -1)).filter((i) => i >= 0));
  const matchValues = new Map(
    [L.matches, L.nameStatuses, L.statuses].flatMap((words) => Object.entries(words).map(([k, v]) => [v, k] as const)),
  );
  const td = (c: OutCell, i: number) => {
    if (c === null) return '<td></td>';
    if (typeof c === 'object') return `<td class="num">${h(groupThousands(c.number))}</td>`;
    if (!headed && i === 0) return `<th>${h(c)}</th>`;
    if (badgeColumns.has(i) && c) {
      const key = matchValues.get(c) ?? c;
      return `<td><span class="badge ${BADGE[key] ?? 'muted'}">${h(c)}</span></td>`;
    }
    const [main, sub] = c.split('\u0000');
    return `<td>${h(main!)}${sub ? `<div class="from">${h(sub)}</div>` : ''}</td>`;
  };
  const rowClass = (r: readonly OutCell[]) => {
    const first = typeof r[0] === 'string' ? r[0] : '';
    if (first === L.total || first === L.gep) return ' class="grand"';
    if (first.startsWith(`${L.total}:`) || first === L.outside) return ' class="subtotal"';
    return '';
  };
  const isNumeric = (i: number) => body.some((r) => r[i] !== null && typeof r[i] === 'object');
  const thead = headed
    ? `<thead><tr>${head!.map((c, i) => `<th${isNumeric(i) ? ' class="num"' : ''}>${h(typeof c === 'string' ? c : (c?.number ?? ''))}</th>`).join('')}</tr></thead>`
    : '';
  return `<div class="wide"><table class="seea ${sheet}">${thead}<tbody>${body.map((r) => `<tr${rowClass(r)}>${r.map(td).join('')}</tr>`).join('')}</tbody></table></div>`;
}

/** A sheet as HTML tables, one per block; the parameters of the asset account as a list without header. */
function sheetHtml(rows: readonly OutCell[][], sheet: SeeaSheet, options: SeeaExportOptions): string {
  return blocks(rows)
    .map((b, i) => table(b, sheet, options, !(sheet === 'assets' && i === 0 && b.length > 1 && b[0]!.length === 2)))
    .join('');
}

/**
 * The SEEA sections of a report (SEEA 核算表章节), numbered from `first`: one `<section>` per table.
 *
 * @param t - the SEEA tables (`seeaTables`)
 * @param options - language and rounding; `first` numbers the first section (default 1)
 * @returns HTML to put inside a page built with `htmlPage`
 */
export function seeaHtmlSections(t: SeeaTables, options: SeeaExportOptions & { readonly first?: number } = {}): string {
  const lang = options.lang ?? 'en';
  const L = SEEA_LABELS[lang];
  const rule = options.rounding ?? DEFAULT_ROUNDING;
  const sheets = seeaSheets(t, options);
  let n = (options.first ?? 1) - 1;
  const section = (id: string, title: string, body: string) =>
    `<section id="seea-${id}"><h2>${sectionNumber(++n, lang)}${h(title)}</h2>${body}</section>`;
  const typeName = (id: string) => (id === NOT_STATED ? L.notStated : (ecosystemTypes().get(id)?.[lang] ?? id));
  const extentBar = t.extent.byLevel1.length
    ? stackedBar(
        t.extent.byLevel1
          .filter((r) => r.closing !== null)
          .map((r) => ({
            key: r.type,
            label: typeName(r.type),
            amount: Number(r.closing),
            value: r.closing!,
            color: TYPE_COLORS[r.type] ?? '#5b6b7a',
            text: `${groupThousands(new GepDecimal(r.closing!).toFixed(rule.places))} km² · ${percentText(r.closing!, t.extent.total.closing)}`,
          })),
        { id: 'seea-extent', title: L.sheets.extent },
      )
    : '';
  const m = t.services.monetaryTotals;
  const supplyBar = stackedBar(
    t.services.columns
      .filter((c) => m.byType[c] !== undefined)
      .map((c) => ({
        key: c,
        label: typeName(c),
        amount: Number(m.byType[c]),
        value: m.byType[c]!,
        color: TYPE_COLORS[c] ?? '#5b6b7a',
        text: percentText(m.byType[c]!, m.total),
        inside: percentText(m.byType[c]!, m.total),
      })),
    { id: 'seea-supply', title: L.sheets['supply-monetary'] },
  );
  const notes = [...t.notes.map((x) => x[lang]), ...t.warnings.map((w) => warningMessage(w, lang))];
  const intro: Record<SeeaSheet, string> = {
    extent: `<p class="note">${h(lang === 'zh' ? t.extent.ruleZh : t.extent.rule)}</p>${extentBar ? `<div class="card">${extentBar}</div>` : ''}`,
    'supply-physical': '',
    'supply-monetary': `<div class="card">${supplyBar}</div>`,
    'use-physical': '',
    'use-monetary': '',
    assets: '',
    mapping: `<p class="note">${h(lang === 'zh' ? t.mapping.noteZh : t.mapping.note)}</p>`,
    warnings: '',
  };
  // Wide tables: a smaller type, and room for the service names.
  const style = '<style>table.seea{font-size:12.5px}table.seea td:nth-child(3){min-width:190px}table.seea td .from{font-size:11px}</style>';
  return (
    style +
    SEEA_SHEETS.filter((s) => s !== 'warnings')
      .map((s) => section(s, L.sheets[s], `${intro[s]}${sheetHtml(sheets[s], s, options)}`))
      .concat(
        notes.length
          ? [section('warnings', L.sheets.warnings, `<ul class="warnings">${notes.map((x) => `<li>${h(x)}</li>`).join('')}</ul>`)]
          : [],
      )
      .join('\n')
  );
}

/**
 * The SEEA EA tables as one self-contained HTML page (SEEA 生态系统核算表).
 *
 * @param t - the SEEA tables (`seeaTables`)
 * @param options - language (default en) and rounding (default half-up, 2 places)
 * @returns the page, with no script and nothing loaded from outside
 */
export function seeaToHtml(t: SeeaTables, options: SeeaExportOptions = {}): string {
  const lang = options.lang ?? 'en';
  const L = SEEA_LABELS[lang];
  const meta = [
    [lang === 'zh' ? '核算方案' : 'Profile', `${t.profile.id} ${t.profile.version}`],
    [lang === 'zh' ? '参数表' : 'Coefficient table', t.coefficientTable],
    [lang === 'zh' ? '价格年份' : 'Price year', String(t.priceYear)],
    ...(t.opening ? [[lang === 'zh' ? '期初' : 'Opening', String(t.opening.accountingYear)]] : []),
  ];
  const body = [
    `<header class="masthead"><p class="kicker">${h(L.kicker)}</p><h1>${h(L.title(t.region.name, t.accountingYear))}</h1><ul class="meta">${meta.map(([k, v]) => `<li><b>${h(k!)}</b>${h(v!)}</li>`).join('')}</ul></header>`,
    '<div class="content">',
    `<div class="banner"><p>${h(
      lang === 'zh'
        ? '本表是 GEP 核算结果按 SEEA EA 框架的重新编排，并非完整的 SEEA EA 编制：GEP 计算产出价值而 SEEA EA 计算生态系统贡献，部分指标在 SEEA EA 中没有对应服务。每一行注明对应程度与核对状态（均为“待核实”）。'
        : 'These tables re-arrange the GEP account in the SEEA EA framework; they are not a full SEEA EA compilation: GEP values output where SEEA EA values the ecosystem contribution, and some indicators have no SEEA EA counterpart. Every row states how close it is and the status of the mapping (all to verify).',
    )}</p></div>`,
    seeaHtmlSections(t, options),
    '</div>',
    `<footer><p>${h(L.rounding(options.rounding ?? DEFAULT_ROUNDING))}</p><p>gep-accounting ${h(t.libraryVersion)}</p></footer>`,
  ];
  return htmlPage({
    lang,
    title: L.title(t.region.name, t.accountingYear),
    body: body.join('\n'),
    generator: `gep-accounting ${t.libraryVersion}`,
  });
}
