/**
 * Small SVG charts for the HTML report (报告图表): horizontal bars (single, grouped, diverging or
 * floating, which covers bar charts, change decompositions and waterfalls) and a 100 % stacked bar.
 * The SVG is written as text when the report is built, so the report opens offline without any
 * script; no DOM and no dependency.
 *
 * Bar lengths are pixels: they are the only place where a decimal string becomes a JS `number`,
 * and no number printed in a chart comes from that `number` — every printed label is passed in by
 * the caller, already rounded from the exact decimal string by the report's rounding rule.
 */
import { displayWidth, groupThousands } from './text-table.js';

/** One bar: from `start` (default 0) to `end`, in the chart's unit. */
export interface ChartBar {
  /** Where the bar starts (a floating bar in a waterfall); default 0. */
  readonly start?: number;
  readonly end: number;
  readonly color: string;
  /** Text printed beside the bar (already rounded). */
  readonly text?: string;
  /** Tooltip (SVG `<title>`). */
  readonly title?: string;
  /** Written as `data-series`, e.g. the year or `quantity-effect`. */
  readonly series?: string;
  /** Written as `data-value`: the exact decimal string the bar stands for. */
  readonly value?: string;
}

/** One row of a bar chart: a label and one bar per series. */
export interface ChartRow {
  readonly label: string;
  readonly bars: readonly ChartBar[];
  /** Bold label and a rule above (a total). */
  readonly total?: boolean;
  /** Written as `data-key`, e.g. the indicator id. */
  readonly key?: string;
}

/** A legend entry. */
export interface LegendEntry {
  readonly label: string;
  readonly color: string;
}

/** Options of `barChart`. */
export interface BarChartOptions {
  /** Written as `data-chart`; tests and readers find the chart by it. */
  readonly id: string;
  /** Accessible name of the chart (`aria-label` and `<title>`). */
  readonly title: string;
  /** Unit of the axis, printed at its end, e.g. `亿元`. */
  readonly unit: string;
  /** Width of the drawing in SVG units (it scales to the page); default 760. */
  readonly width?: number;
  readonly legend?: readonly LegendEntry[];
  /** A vertical reference line, e.g. the tolerance (1) in a reproduction chart. */
  readonly marker?: { readonly at: number; readonly label: string };
  /** Join the bars of consecutive rows with thin connectors (a waterfall). */
  readonly connectors?: boolean;
  /** Longest label in SVG units before it is shortened with … (default: 40 % of the width). */
  readonly maxLabelWidth?: number;
  /** A fixed width of the label column, to align several charts. */
  readonly labelWidth?: number;
}

const FONT = 12.5;
const BAR = 16;
const GROUP_BAR = 12;
const ROW_GAP = 7;
const AXIS = 24;
const LEGEND = 22;

/** Escape text for XML and HTML. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Estimated width of text in SVG units at a font size (CJK characters count double). */
export function textWidth(text: string, size = FONT): number {
  return displayWidth(text) * size * 0.56;
}

function shorten(text: string, max: number, size = FONT): string {
  if (textWidth(text, size) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, size) > max) break;
    out += ch;
  }
  return `${out}…`;
}

const fmt = (x: number) => (Math.round(x * 100) / 100).toString();

/** A step of 1, 2 or 5 × 10ⁿ that cuts `span` into about `count` parts. */
export function niceStep(span: number, count = 5): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  return (residual < 1.5 ? 1 : residual < 3 ? 2 : residual < 7 ? 5 : 10) * magnitude;
}

/** An axis tick: as many decimals as the step needs (at most 6), the whole part grouped by thousands. */
export function tickText(value: number, step: number): string {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const text = value.toFixed(Math.min(decimals, 6));
  // Grouping the decimals too once printed 0.0015 as "0.0,015".
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : groupThousands(text);
}

function legendSvg(entries: readonly LegendEntry[], x: number, y: number): string {
  let at = x;
  return entries
    .map((e) => {
      const item = `<g class="legend-item"><rect x="${fmt(at)}" y="${fmt(y - 9)}" width="11" height="11" rx="2" fill="${e.color}"/><text x="${fmt(at + 16)}" y="${fmt(y)}">${escapeXml(e.label)}</text></g>`;
      at += 16 + textWidth(e.label) + 18;
      return item;
    })
    .join('');
}

/**
 * A horizontal bar chart: one row per label, one bar per series in each row, bars may be negative
 * or floating; an axis with round ticks at the bottom. Every bar is a `rect.bar`.
 */
export function barChart(rows: readonly ChartRow[], options: BarChartOptions): string {
  const width = options.width ?? 760;
  const labelWidth =
    options.labelWidth ?? Math.min(options.maxLabelWidth ?? width * 0.4, Math.max(40, ...rows.map((r) => textWidth(r.label))));
  const textRoom = Math.max(30, ...rows.flatMap((r) => r.bars.map((b) => (b.text ? textWidth(b.text) : 0)))) + 10;
  const x0 = labelWidth + 12;
  const x1 = width - textRoom;
  const values = rows.flatMap((r) => r.bars.flatMap((b) => [b.start ?? 0, b.end]));
  if (options.marker) values.push(options.marker.at);
  let min = Math.min(0, ...values);
  let max = Math.max(0, ...values);
  if (min === max) max = min + 1;
  const step = niceStep(max - min);
  min = Math.floor(min / step + 1e-9) * step;
  max = Math.ceil(max / step - 1e-9) * step;
  const scale = (v: number) => x0 + ((v - min) / (max - min)) * (x1 - x0);
  const top = options.legend?.length ? LEGEND + 6 : 4;
  const out: string[] = [];
  let y = top;
  const grid: string[] = [];
  const rowHeights = rows.map((r) => (r.bars.length > 1 ? r.bars.length * (GROUP_BAR + 2) : BAR) + ROW_GAP);
  const plotHeight = rowHeights.reduce((a, b) => a + b, 0);
  for (let t = min; t <= max + step / 2; t += step) {
    const x = scale(t);
    grid.push(
      `<line class="grid${Math.abs(t) < step / 1e6 ? ' zero' : ''}" x1="${fmt(x)}" x2="${fmt(x)}" y1="${fmt(top - 2)}" y2="${fmt(top + plotHeight)}"/>`,
    );
    grid.push(`<text class="tick" x="${fmt(x)}" y="${fmt(top + plotHeight + 15)}" text-anchor="middle">${tickText(t, step)}</text>`);
  }
  let previousEnd: number | null = null;
  rows.forEach((row, i) => {
    const h = rowHeights[i]!;
    const barH = row.bars.length > 1 ? GROUP_BAR : BAR;
    const label = shorten(row.label, labelWidth);
    if (row.total)
      out.push(`<line class="total-rule" x1="0" x2="${fmt(width)}" y1="${fmt(y - ROW_GAP / 2 + 1)}" y2="${fmt(y - ROW_GAP / 2 + 1)}"/>`);
    out.push(`<g class="row${row.total ? ' total' : ''}"${row.key ? ` data-key="${escapeXml(row.key)}"` : ''}>`);
    out.push(
      `<text class="label" x="${fmt(labelWidth)}" y="${fmt(y + (h - ROW_GAP) / 2 + 4.5)}" text-anchor="end">${label !== row.label ? `<title>${escapeXml(row.label)}</title>` : ''}${escapeXml(label)}</text>`,
    );
    row.bars.forEach((b, k) => {
      const by = y + k * (GROUP_BAR + 2);
      const a = scale(b.start ?? 0);
      const e = scale(b.end);
      const left = Math.min(a, e);
      const w = Math.max(Math.abs(e - a), b.end === (b.start ?? 0) ? 0 : 1);
      const attrs = [
        `class="bar"`,
        `x="${fmt(left)}"`,
        `y="${fmt(by)}"`,
        `width="${fmt(w)}"`,
        `height="${barH}"`,
        `rx="2"`,
        `fill="${b.color}"`,
        ...(b.series ? [`data-series="${escapeXml(b.series)}"`] : []),
        ...(b.value ? [`data-value="${escapeXml(b.value)}"`] : []),
      ];
      out.push(`<rect ${attrs.join(' ')}><title>${escapeXml(b.title ?? `${row.label}: ${b.text ?? ''}`)}</title></rect>`);
      if (b.text)
        out.push(`<text class="value" x="${fmt(Math.max(a, e) + 5)}" y="${fmt(by + barH / 2 + 4.2)}">${escapeXml(b.text)}</text>`);
      if (options.connectors && previousEnd !== null && k === 0) {
        out.push(
          `<line class="connector" x1="${fmt(scale(previousEnd))}" x2="${fmt(scale(previousEnd))}" y1="${fmt(y - ROW_GAP)}" y2="${fmt(by)}"/>`,
        );
      }
    });
    out.push('</g>');
    const last = row.bars[row.bars.length - 1];
    previousEnd = last ? last.end : null;
    y += h;
  });
  if (options.marker) {
    const x = scale(options.marker.at);
    out.push(`<line class="marker" x1="${fmt(x)}" x2="${fmt(x)}" y1="${fmt(top - 4)}" y2="${fmt(top + plotHeight)}"/>`);
    out.push(`<text class="marker-label" x="${fmt(x + 4)}" y="${fmt(top + 6)}">${escapeXml(options.marker.label)}</text>`);
  }
  const height = top + plotHeight + AXIS;
  const unit = `<text class="unit" x="${fmt(x1 + textWidth(tickText(max, step), 11) / 2 + 6)}" y="${fmt(top + plotHeight + 15)}">${escapeXml(options.unit)}</text>`;
  const legend = options.legend?.length ? legendSvg(options.legend, x0, 14) : '';
  return svg(options.id, options.title, width, height, [legend, ...grid, ...out, unit].join(''));
}

/** One segment of a stacked bar. */
export interface StackSegment {
  readonly label: string;
  /** Length in any unit; segments are drawn as shares of their sum. */
  readonly amount: number;
  readonly color: string;
  /** Text under the legend label, e.g. "26.02 亿元 · 16.3 %". */
  readonly text: string;
  /** Short text inside the segment when it is wide enough, e.g. "16.3 %". */
  readonly inside?: string;
  /** Written as `data-value`: the exact decimal string. */
  readonly value?: string;
  readonly key?: string;
}

/** A 100 % stacked horizontal bar with a legend under it. Every segment is a `rect.bar.segment`. */
export function stackedBar(
  segments: readonly StackSegment[],
  options: { readonly id: string; readonly title: string; readonly width?: number },
): string {
  const width = options.width ?? 760;
  const total = segments.reduce((s, x) => s + Math.max(0, x.amount), 0);
  const barH = 34;
  const out: string[] = [];
  let x = 0;
  for (const s of segments) {
    const w = total > 0 ? (Math.max(0, s.amount) / total) * width : 0;
    out.push(
      `<rect class="bar segment" x="${fmt(x)}" y="0" width="${fmt(w)}" height="${barH}" fill="${s.color}"${s.key ? ` data-key="${escapeXml(s.key)}"` : ''}${s.value ? ` data-value="${escapeXml(s.value)}"` : ''}><title>${escapeXml(`${s.label}: ${s.text}`)}</title></rect>`,
    );
    if (s.inside && w > textWidth(s.inside, 13) + 10)
      out.push(`<text class="inside" x="${fmt(x + w / 2)}" y="${fmt(barH / 2 + 4.5)}" text-anchor="middle">${escapeXml(s.inside)}</text>`);
    x += w;
  }
  const columnWidth = width / Math.max(1, segments.length);
  segments.forEach((s, i) => {
    const lx = i * columnWidth;
    out.push(
      `<g class="legend-item"><rect x="${fmt(lx)}" y="${barH + 14}" width="12" height="12" rx="2" fill="${s.color}"/><text class="legend-label" x="${fmt(lx + 18)}" y="${barH + 24.5}">${escapeXml(shorten(s.label, columnWidth - 24))}</text><text class="legend-value" x="${fmt(lx + 18)}" y="${barH + 42}">${escapeXml(shorten(s.text, columnWidth - 24))}</text></g>`,
    );
  });
  return svg(options.id, options.title, width, barH + 50, out.join(''));
}

function svg(id: string, title: string, width: number, height: number, body: string): string {
  return `<svg class="chart" data-chart="${escapeXml(id)}" role="img" aria-label="${escapeXml(title)}" viewBox="0 0 ${fmt(width)} ${fmt(height)}" width="${fmt(width)}" height="${fmt(height)}" xmlns="http://www.w3.org/2000/svg"><title>${escapeXml(title)}</title>${body}</svg>`;
}

/** Options of `histogramChart`. */
export interface HistogramOptions {
  readonly id: string;
  readonly title: string;
  /** Unit of the axis, e.g. `亿元`. */
  readonly unit: string;
  readonly width?: number;
  /** Vertical lines, e.g. the 5 % and 95 % quantiles and the value without draws. */
  readonly markers?: readonly { readonly at: number; readonly label: string; readonly color?: string }[];
}

/**
 * A histogram (频数分布图): one column per bin between consecutive `edges` (in the chart's unit),
 * its height the bin's count; a value axis with round ticks below. Every column is a `rect.bar`.
 */
export function histogramChart(edges: readonly number[], counts: readonly number[], options: HistogramOptions): string {
  const width = options.width ?? 760;
  const height = 220;
  const top = 18;
  const left = 8;
  const right = width - 40;
  const bottom = height - AXIS;
  const lo = Math.min(edges[0] ?? 0, ...(options.markers ?? []).map((m) => m.at));
  const hi = Math.max(edges[edges.length - 1] ?? 1, ...(options.markers ?? []).map((m) => m.at));
  const span = hi > lo ? hi - lo : 1;
  const step = niceStep(span);
  const min = Math.floor(lo / step + 1e-9) * step;
  const max = Math.max(min + step, Math.ceil(hi / step - 1e-9) * step);
  const x = (v: number) => left + ((v - min) / (max - min)) * (right - left);
  const most = Math.max(1, ...counts);
  const out: string[] = [];
  for (let t = min; t <= max + step / 2; t += step) {
    out.push(`<line class="grid" x1="${fmt(x(t))}" x2="${fmt(x(t))}" y1="${top}" y2="${bottom}"/>`);
    out.push(`<text class="tick" x="${fmt(x(t))}" y="${fmt(bottom + 15)}" text-anchor="middle">${tickText(t, step)}</text>`);
  }
  counts.forEach((c, i) => {
    const a = x(edges[i]!);
    const b = x(edges[i + 1] ?? edges[i]!);
    const h = ((bottom - top) * c) / most;
    out.push(
      `<rect class="bar" x="${fmt(a)}" y="${fmt(bottom - h)}" width="${fmt(Math.max(1, b - a - 1))}" height="${fmt(h)}" fill="#3f7f9f" data-value="${c}"><title>${escapeXml(`${tickText(edges[i]!, step / 100)}–${tickText(edges[i + 1] ?? edges[i]!, step / 100)} ${options.unit}: ${c}`)}</title></rect>`,
    );
  });
  (options.markers ?? []).forEach((m, k) => {
    const color = m.color ?? '#c0392b';
    out.push(`<line class="marker" x1="${fmt(x(m.at))}" x2="${fmt(x(m.at))}" y1="${top - 4}" y2="${bottom}" style="stroke:${color}"/>`);
    out.push(
      `<text class="marker-label" x="${fmt(x(m.at) + 4)}" y="${fmt(top + 6 + 13 * k)}" style="fill:${color}">${escapeXml(m.label)}</text>`,
    );
  });
  out.push(`<text class="unit" x="${fmt(right + 6)}" y="${fmt(bottom + 15)}">${escapeXml(options.unit)}</text>`);
  return svg(options.id, options.title, width, height, out.join(''));
}
