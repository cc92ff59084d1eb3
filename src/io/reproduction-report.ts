/**
 * The reproduction memo (复核报告), in Markdown: the verdict and what it rests on, every printed
 * row and identity, the findings (failures, documented inconsistencies, stale excuses, circular
 * rows), every widened tolerance with its reason, the rows not reproduced and why, and the trace of
 * each recomputed row (inputs, coefficients with table version and source, steps) — as an
 * evaluator would write it.
 */
import type { Reproduction, RowOutcome } from '../reproduce/reproduce.js';
import { GepDecimal } from '../numbers/arithmetic.js';
import type { Language } from '../errors/messages.js';
import { warningMessage } from '../errors/warnings/index.js';
import { statusText, stepText } from './display-text.js';
import { markdownText } from './safe-text.js';

/** Options of the memo. */
export interface MemoOptions {
  /** Language of the memo's own text (default en); the case's own text is quoted as written. */
  readonly lang?: Language;
}

const STATUS_TEXT: Record<Language, Record<string, string>> = {
  en: {
    ok: 'ok',
    'outside-tolerance': '**outside tolerance**',
    'not-reproducible': 'not reproducible',
    'known-inconsistency': '**published inconsistency** (documented)',
    'stale-excuse': '**stale excuse**',
    circular: 'circular (proves nothing)',
    fails: '**fails**',
  },
  zh: {
    ok: '一致',
    'outside-tolerance': '**超出容差**',
    'not-reproducible': '无法复算',
    'known-inconsistency': '**原文不一致**（已记录）',
    'stale-excuse': '**说明已过时**',
    circular: '循环复算（不能证明任何结论）',
    fails: '**不成立**',
  },
};

/**
 * Free text from the case file (labels, reasons, notes, citation) as Markdown text, by the rule of
 * every Markdown report (`markdownText`): on one line, control, bidi and line-separator characters
 * replaced by U+FFFD, markup escaped, so a case cannot inject a heading, a script, a `javascript:`
 * link or a table cell into the memo, nor recolour the terminal that shows it.
 */
const md = (s: string | null | undefined) => markdownText(s ?? '—');
const cell = md;
const withUnit = (value: string, unit: string) => (unit === '1' ? value : `${value} ${unit}`);
/** A recomputed number for reading: 10 significant digits (the JSON keeps every digit). */
const short = (s: string | null) => (s === null || s === '' ? null : new GepDecimal(s).toSignificantDigits(10).toString());
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The verdict in one sentence, saying what it rests on. */
export function verdictText(r: Reproduction, lang: Language = 'en'): string {
  const n = r.counts;
  const known = n.knownInconsistencies + n.identitiesKnown;
  if (lang === 'zh') {
    const documented = known ? `；另有 ${known} 处原文不一致已记录` : '';
    switch (r.verdict) {
      case 'holds':
        return `成立——经本库指标模块独立复算的 ${n.agree} 行与公布值在容差内一致，${n.identities} 个恒等关系中 ${n.identitiesHold} 个成立${documented}。`;
      case 'identities-only': {
        const why = [
          n.notReproducible ? `${n.notReproducible} 行仅有公布数字` : '',
          n.circular ? `${n.circular} 行为循环复算，不能证明任何结论` : '',
        ]
          .filter(Boolean)
          .join('，');
        return `仅核对恒等关系——没有任何一行经独立复算（${why}），因此不能说明公布的各行可以复算；${n.identities} 个恒等关系中 ${n.identitiesHold} 个成立${documented}。`;
      }
      case 'nothing-checked':
        return '未核对任何内容——没有复算行与公布值一致，也没有核对任何恒等关系：该案例不能说明任何问题。';
      case 'fails': {
        const what = [
          n.outsideTolerance ? `${n.outsideTolerance} 行超出容差` : '',
          n.staleExcuses ? `${n.staleExcuses} 行的说明已过时` : '',
          n.identitiesFail ? `${n.identitiesFail} 个恒等关系不成立` : '',
          n.identitiesStale ? `${n.identitiesStale} 个恒等关系的说明已过时` : '',
        ]
          .filter(Boolean)
          .join('，');
        return `不成立——${what}（见“发现的问题”）。`;
      }
    }
  }
  const documented = known
    ? `, apart from ${plural(known, 'documented inconsistency', 'documented inconsistencies')} of the publication`
    : '';
  switch (r.verdict) {
    case 'holds':
      return `holds — ${plural(n.agree, 'row')} recomputed independently through the library's indicator modules ${n.agree === 1 ? 'agrees' : 'agree'} with the printed value${n.agree === 1 ? '' : 's'} within tolerance, and ${n.identitiesHold} of ${plural(n.identities, 'identity', 'identities')} hold${n.identities === 1 ? 's' : ''}${documented}.`;
    case 'identities-only': {
      const why = [
        n.notReproducible ? `${n.notReproducible} printed figures only` : '',
        n.circular ? `${plural(n.circular, 'circular row')} that prove${n.circular === 1 ? 's' : ''} nothing` : '',
      ]
        .filter(Boolean)
        .join(', ');
      return `identities only — no row was recomputed independently (${why}), so nothing here shows that the published rows can be recomputed; ${n.identitiesHold} of ${plural(n.identities, 'identity', 'identities')} hold${n.identities === 1 ? 's' : ''}${documented}.`;
    }
    case 'nothing-checked':
      return 'nothing checked — no recomputed row agrees with its printed value and no identity was checked: the case shows nothing.';
    case 'fails': {
      const what = [
        n.outsideTolerance ? `${plural(n.outsideTolerance, 'row')} outside tolerance` : '',
        n.staleExcuses ? `${plural(n.staleExcuses, 'row')} with a stale excuse` : '',
        n.identitiesFail
          ? `${plural(n.identitiesFail, 'identity', 'identities')} that do${n.identitiesFail === 1 ? 'es' : ''} not hold`
          : '',
        n.identitiesStale ? `${plural(n.identitiesStale, 'identity', 'identities')} with a stale excuse` : '',
      ]
        .filter(Boolean)
        .join(', ');
      return `fails — ${what} (see the findings).`;
    }
  }
}

/** The memo's own words. */
const WORDS = {
  en: {
    quantity: 'quantity',
    value: 'value',
    against: 'against the printed',
    inputs: 'Inputs (from the case)',
    none: 'none',
    priceSource: 'Source of the unprinted price',
    coefficients: 'Coefficients',
    coefficientHead: '  | coefficient | symbol | value | price year | table | source | status | given by |',
    byCase: (reason: string, v: string) => `the case (${reason}; table value ${v})`,
    byLibrary: "**the library's table**",
    noCoefficients: "Coefficients: none from the tables (every figure is the case's own).",
    steps: 'Steps',
    warnings: 'Warnings',
    title: (t: string) => `# Reproduction of ${t}`,
    secondary: '**Secondary source.**',
    region: (r: string, y: number, p: string) => `Region: ${r}. Accounting year ${y}; price year ${p}.`,
    notStated: 'not stated',
    table: (t: Reproduction['coefficientTable']) =>
      t.from === 'case'
        ? `Coefficient table: ${t.key} (named by the case).`
        : `Coefficient table: ${t.key}, the table the default profile ${t.profile} pins (the case names none).`,
    summary: '## Summary',
    verdict: 'Verdict',
    rows: (n: Reproduction['counts']) =>
      `- Rows: ${n.rows} printed; ${n.recomputed} recomputed independently through the library's indicator modules, of which ${n.agree} agree within tolerance, ${n.outsideTolerance} do not, ${n.knownInconsistencies} differ where the publication itself is inconsistent (documented) and ${n.staleExcuses} carry a stale excuse; ${n.circular} circular (recomputed from a figure derived from the printed value itself, so they prove nothing); ${n.notReproducible} not reproducible (the reasons are below).`,
    identities: (n: Reproduction['counts']) =>
      `- Identities: ${n.identities} checked; ${n.identitiesHold} hold, ${n.identitiesKnown} are documented inconsistencies of the publication, ${n.identitiesFail} do not hold, ${n.identitiesStale} carry a stale excuse.`,
    rowWarnings: (k: number) =>
      `- Warnings: ${plural(k, 'recomputed row')} carr${k === 1 ? 'ies' : 'y'} warnings of the indicator modules (listed in the trace).`,
    widenedCount: (k: number) =>
      `- Tolerances: ${plural(k, 'row')} ${k === 1 ? 'has' : 'have'} a tolerance wider than half a unit of the last printed digit (reasons below).`,
    rowsHeading: '## Rows',
    rowsHead: '| row | printed | recomputed | difference | relative | tolerance | status |',
    identitiesHeading: '## Identities',
    identitiesHead: '| identity | printed | from printed parts | from recomputed parts | tolerance | status |',
    findings: '## Findings',
    outsideTolerance: 'outside tolerance',
    implied: (q: string) => ` The printed value implies a quantity of ${q}.`,
    widened: '## Tolerances wider than the last printed digit',
    stated: 'stated by the case',
    derived: 'derived from the printed quantity',
    notReproduced: '## Not reproduced',
    notes: '## Notes',
    rowNotes: '## Notes on rows',
    traceHeading: '## Trace of the recomputed rows',
    fromLibrary: (list: string) =>
      `Coefficients marked **the library's table** were not given by the case: the reproduction depends on the library's values for them (${list}).`,
    allFromCase: 'Every coefficient used was given by the case.',
    tolerance:
      "Tolerance: half a unit of the last printed digit, widened where the row is fed a quantity printed coarser than its value, or as a row states (marked *); a sum allows the rounding of every printed part, and against recomputed parts each part's row tolerance; a ratio allows the rounding of both printed figures. Prices are used as printed, without rebasing.",
    sep: ': ',
    end: '.',
    list: '; ',
  },
  zh: {
    quantity: '实物量',
    value: '价值量',
    against: '对照公布值',
    inputs: '输入（取自案例）',
    none: '无',
    priceSource: '未公布单价的来源',
    coefficients: '参数',
    coefficientHead: '  | 参数 | 符号 | 数值 | 价格年份 | 参数表 | 来源 | 状态 | 取值来自 |',
    byCase: (reason: string, v: string) => `案例（${reason}；原表值 ${v}）`,
    byLibrary: '**本库参数表**',
    noCoefficients: '参数：未使用参数表中的参数（所有数字均取自案例）。',
    steps: '计算步骤',
    warnings: '警示',
    title: (t: string) => `# 复核：${t}`,
    secondary: '**二手来源。**',
    region: (r: string, y: number, p: string) => `地区：${r}。核算年份 ${y}；价格年份 ${p}。`,
    notStated: '未注明',
    table: (t: Reproduction['coefficientTable']) =>
      t.from === 'case' ? `参数表：${t.key}（案例指定）。` : `参数表：${t.key}，即默认核算方案 ${t.profile} 固定的参数表（案例未指定）。`,
    summary: '## 概要',
    verdict: '结论',
    rows: (n: Reproduction['counts']) =>
      `- 各行：公布 ${n.rows} 行；经本库指标模块独立复算 ${n.recomputed} 行，其中 ${n.agree} 行在容差内一致，${n.outsideTolerance} 行超出容差，${n.knownInconsistencies} 行的差异源于原文自身的不一致（已记录），${n.staleExcuses} 行的说明已过时；循环复算 ${n.circular} 行（由公布值本身推得的数字复算，不能证明任何结论）；无法复算 ${n.notReproducible} 行（原因见下文）。`,
    identities: (n: Reproduction['counts']) =>
      `- 恒等关系：核对 ${n.identities} 个；${n.identitiesHold} 个成立，${n.identitiesKnown} 个为已记录的原文不一致，${n.identitiesFail} 个不成立，${n.identitiesStale} 个的说明已过时。`,
    rowWarnings: (k: number) => `- 警示：${k} 个复算行带有指标模块的警示（见计算过程）。`,
    widenedCount: (k: number) => `- 容差：${k} 行的容差大于公布值末位的半个单位（原因见下文）。`,
    rowsHeading: '## 各行',
    rowsHead: '| 行 | 公布值 | 复算值 | 差值 | 相对差 | 容差 | 状态 |',
    identitiesHeading: '## 恒等关系',
    identitiesHead: '| 恒等关系 | 公布值 | 按公布分项 | 按复算分项 | 容差 | 状态 |',
    findings: '## 发现的问题',
    outsideTolerance: '超出容差',
    implied: (q: string) => ` 按公布值推得的实物量为 ${q}。`,
    widened: '## 大于公布值末位的容差',
    stated: '案例给定',
    derived: '由公布的实物量推得',
    notReproduced: '## 未复算的行',
    notes: '## 案例说明',
    rowNotes: '## 各行说明',
    traceHeading: '## 复算行的计算过程',
    fromLibrary: (list: string) => `标为 **本库参数表** 的参数并非案例给出：复核结果依赖本库的取值（${list}）。`,
    allFromCase: '所用参数均由案例给出。',
    tolerance:
      '容差：公布值末位的半个单位；若该行输入的实物量公布精度低于价值量，或该行另有规定（标 *），则相应放宽；加总关系允许每个公布分项的舍入误差，对照复算分项时允许各分项的行容差；比率关系允许两个公布数字的舍入误差。单价按公布值使用，不做价格换算。',
    sep: '：',
    end: '。',
    list: '；',
  },
} as const;

/** An input value as the trace lists it, with `(2014 prices)` in the memo's language. */
const inputValue = (v: string, lang: Language) => (lang === 'zh' ? v.replace(/ \((\d{4}) prices\)$/, '（$1 年价格）') : v);

function traceLines(x: RowOutcome, lang: Language): string[] {
  const W = WORDS[lang];
  const t = x.trace!;
  const variant = Object.entries(t.variant)
    .map(([k, v]) => `${k} = ${v}`)
    .join(', ');
  const head =
    lang === 'zh'
      ? `\`${t.indicator}\`${variant ? `（${variant}）` : ''}：${t.quantity ? `${W.quantity} ${short(t.quantity.value)} ${t.quantity.unit}，` : ''}${W.value} ${short(t.value.value)} 元 → ${short(x.recomputed)} ${x.printed.unit}，${W.against} ${x.printed.value} ${x.printed.unit}。`
      : `\`${t.indicator}\`${variant ? ` (${variant})` : ''}: ${t.quantity ? `quantity ${short(t.quantity.value)} ${t.quantity.unit}, ` : ''}value ${short(t.value.value)} 元 → ${short(x.recomputed)} ${x.printed.unit} against the printed ${x.printed.value} ${x.printed.unit}.`;
  const lines = [
    `### ${md(x.label)} (\`${x.id}\`)`,
    '',
    head,
    '',
    `- ${W.inputs}${W.sep}${t.inputs.map((i) => `${md(i.path || '(input)')} = ${md(inputValue(i.value, lang))}`).join(W.list) || W.none}${W.end}`,
  ];
  if (x.priceSource) lines.push(`- ${W.priceSource}${W.sep}${md(x.priceSource)}${W.end}`);
  if (t.coefficients.length) {
    lines.push(`- ${W.coefficients}${lang === 'zh' ? '：' : ':'}`, '', W.coefficientHead, '  |---|---|---:|---|---|---|---|---|');
    for (const u of t.coefficients) {
      const by =
        u.origin === 'case'
          ? W.byCase(cell(u.overridden?.reason ?? ''), `${u.overridden?.tableValue ?? '?'} ${u.overridden?.tableUnit ?? ''}`)
          : W.byLibrary;
      lines.push(
        `  | ${cell(u.id)} | ${cell(u.symbol)} | ${cell(withUnit(u.value, u.unit))} | ${u.priceYear ?? '—'} | ${cell(u.table)} | ${cell(u.source)} | ${lang === 'zh' ? statusText(u.status, lang) : u.status} | ${by} |`,
      );
    }
    lines.push('');
  } else {
    lines.push(`- ${W.noCoefficients}`);
  }
  lines.push(
    `- ${W.steps}${W.sep}${t.steps
      .map((s) => {
        const st = stepText(s, lang);
        return `${cell(st.name)}${W.sep}${cell(st.formula)} = ${short(s.result.value)} ${s.result.unit}`;
      })
      .join(W.list)}${W.end}`,
  );
  if (t.warnings.length)
    lines.push(`- ${W.warnings}${W.sep}${t.warnings.map((w) => `${w.code}${W.sep}${cell(warningMessage(w, lang))}`).join(W.list)}${W.end}`);
  return [...lines, ''];
}

/** Render a reproduction as a Markdown memo, in English or Chinese (the case's own text is quoted as written). */
export function reproductionMemo(r: Reproduction, options: MemoOptions = {}): string {
  const lang = options.lang ?? 'en';
  const W = WORDS[lang];
  const S = STATUS_TEXT[lang];
  const c = r.case;
  const n = r.counts;
  const flagged = [
    ...r.rows.filter((x) => ['outside-tolerance', 'known-inconsistency', 'stale-excuse', 'circular'].includes(x.status)),
    ...r.identities.filter((i) => i.status !== 'ok'),
  ];
  const cite = `${md(c.citation.authors)} (${c.citation.year}).${c.citation.journal ? ` *${md(c.citation.journal)}*.` : ''}${c.citation.doi ? ` DOI ${md(c.citation.doi)}.` : ''}${c.citation.url ? ` ${md(c.citation.url)}` : ''}${c.citation.table ? ` ${md(c.citation.table)}.` : ''}`;
  const warned = r.rows.filter((x) => x.trace?.warnings.length).length;
  const lines: string[] = [
    W.title(md(c.citation.title)),
    '',
    cite,
    ...(c.citation.secondary ? ['', `${W.secondary} ${md(c.citation.secondary)}`] : []),
    '',
    W.region(md(c.region), c.accountingYear, c.priceYear === null || c.priceYear === undefined ? W.notStated : String(c.priceYear)),
    W.table({ ...r.coefficientTable, key: md(r.coefficientTable.key) }),
    '',
    W.summary,
    '',
    `- **${W.verdict}${W.sep}${verdictText(r, lang)}**`,
    W.rows(n),
    W.identities(n),
    ...(warned ? [W.rowWarnings(warned)] : []),
    ...(n.widenedTolerances ? [W.widenedCount(n.widenedTolerances)] : []),
    '',
    W.rowsHeading,
    '',
    W.rowsHead,
    '|---|---:|---:|---:|---:|---:|---|',
    ...r.rows.map(
      (x) =>
        `| ${cell(x.label)} | ${x.printed.value} ${x.printed.unit} | ${cell(short(x.recomputed))} | ${cell(short(x.difference))} | ${cell(x.relativeDifference)} | ${x.status === 'not-reproducible' ? '—' : `${x.tolerance}${x.toleranceKind === 'printed-digit' ? '' : ' *'}`} | ${S[x.status]} |`,
    ),
    '',
    W.identitiesHeading,
    '',
    W.identitiesHead,
    '|---|---:|---:|---:|---:|---|',
    ...r.identities.map(
      (i) =>
        `| ${cell(i.label)} | ${withUnit(i.printed, i.unit)} | ${short(i.fromPrinted)} | ${cell(short(i.fromRecomputed))} | ${i.tolerance}${i.recomputedCheck?.tolerance ? ` / ${short(i.recomputedCheck.tolerance)}` : ''} | ${S[i.status]} |`,
    ),
  ];
  const reasonOf = (x: { reason?: string | undefined; reasonZh?: string | undefined }) =>
    lang === 'zh' ? (x.reasonZh ?? x.reason) : x.reason;
  if (flagged.length) {
    lines.push('', W.findings, '');
    for (const f of flagged) {
      const extra = 'impliedQuantity' in f && f.impliedQuantity ? W.implied(f.impliedQuantity) : '';
      const status = S[f.status]!.replace(/\*\*/g, '');
      lines.push(
        lang === 'zh'
          ? `- **${md(f.label)}**（${status}）：${md(reasonOf(f) ?? W.outsideTolerance)}。${extra}`
          : `- **${md(f.label)}** (${status}): ${md(reasonOf(f) ?? W.outsideTolerance)}.${extra}`,
      );
    }
  }
  const widened = r.rows.filter((x) => x.toleranceKind !== 'printed-digit');
  if (widened.length) {
    lines.push('', W.widened, '');
    for (const x of widened) {
      const why = md(lang === 'zh' ? (x.toleranceReasonZh ?? x.toleranceReason) : x.toleranceReason);
      const kind = x.toleranceKind === 'stated' ? W.stated : W.derived;
      lines.push(
        lang === 'zh'
          ? `- **${md(x.label)}**：±${x.tolerance}（${kind}）：${why}。`
          : `- **${md(x.label)}**: ±${x.tolerance} (${kind}): ${why}.`,
      );
    }
  }
  const notReproduced = new Map<string, string[]>();
  for (const x of r.rows.filter((row) => row.status === 'not-reproducible')) {
    notReproduced.set(x.reason!, [...(notReproduced.get(x.reason!) ?? []), x.label]);
  }
  if (notReproduced.size) {
    lines.push('', W.notReproduced, '');
    for (const [reason, labels] of notReproduced) lines.push(`- ${labels.map(md).join(W.list)}${W.sep}${md(reason)}${W.end}`);
  }
  if (c.notes.length) lines.push('', W.notes, '', ...c.notes.map((x) => `- ${md(x)}`));
  const rowNotes = c.rows.filter((row) => row.note);
  if (rowNotes.length) lines.push('', W.rowNotes, '', ...rowNotes.map((row) => `- ${md(row.label)}${W.sep}${md(row.note)}`));
  const traced = r.rows.filter((x) => x.trace);
  if (traced.length) {
    const fromLibrary = new Map(
      traced.flatMap((x) => x.trace!.coefficients.filter((u) => u.origin === 'library-table').map((u) => [`${u.table} ${u.id}`, u])),
    );
    lines.push('', W.traceHeading, '');
    lines.push(
      fromLibrary.size
        ? W.fromLibrary(
            [...fromLibrary.values()]
              .map((u) => `${u.id} = ${withUnit(u.value, u.unit)}, ${u.table}, ${lang === 'zh' ? statusText(u.status, lang) : u.status}`)
              .join(W.list),
          )
        : W.allFromCase,
      '',
    );
    for (const x of traced) lines.push(...traceLines(x, lang));
  }
  lines.push('', W.tolerance);
  return `${lines.join('\n')}\n`;
}
