/**
 * Finding untranslated English in a Chinese output (the test of test/i18n/zh-output.test.ts).
 *
 * What counts as an English sentence, precisely:
 * 1. The visible text is taken: for HTML, the text of the elements and the `title`, `alt` and
 *    `aria-label` attributes (tooltips), without `<script>`, `<style>` and `<code>`; for Markdown
 *    and text, everything but `code spans`.
 * 2. Removed first, as not ours to translate: URLs, and the phrases the caller lists (`allow`):
 *    free text of the input read (a region's or an item's name as the user wrote it), the titles
 *    of the cited sources, and the proper names of `PROPER_NAMES`; a label a chart or a text
 *    table cut short (`free urban…`, or its last words after Chinese: `水库 · 西河水库 Xihe re…`)
 *    when an allowed phrase holds it; and the package's commands
 *    (`gep compare`).
 * 3. The text is cut into segments at line breaks, table cell borders (`|`, tab), every Chinese
 *    character or Chinese punctuation mark, and ASCII sentence punctuation (`. ; : ! ?` before a
 *    space or the end).
 * 4. In a segment, each whitespace-separated token, stripped of brackets and quotes, is
 *    - an identifier, and ignored, when it holds a digit or one of `. _ / \ : = @ # - + × ·`
 *      (indicator, coefficient, variant and source ids, `shanxi/1.0.0`, file names, units such as
 *      `m³/a`, `t CO2`, hashes, formula symbols such as `V_R`);
 *    - a word when it is 2+ letters, lower case after an optional capital (`Sample`, `value`), so
 *      acronyms and units (`GEP`, `GDP`, `SEEA`, `kWh`, `NOₓ`) are not words;
 *    - anything else (numbers, signs, single letters, a quoted literal such as `"county"`), ignored.
 * 5. An English sentence is a segment with `MIN_WORDS` (2) or more words. Two words, not three:
 *    untranslated labels ("coefficient table", "not accounted") are as much a fault as sentences.
 *    A one-word label (`profile:`, `warnings (7):`) counts too: a word at the start of a line
 *    followed by a colon, with at most a count in brackets between.
 */

/** Words in a segment from which it counts as English. */
export const MIN_WORDS = 2;

/**
 * Proper names that stay in Latin letters in a Chinese report, each with why.
 * Kept small: anything else in English is a fault.
 */
export const PROPER_NAMES: readonly string[] = [
  // The package's own name, printed in footers and READMEs.
  'gep-accounting',
  // The UN framework's name; Chinese statistical texts cite it in English.
  'SEEA Ecosystem Accounting',
  // Typographic words of the report shell: none.
];

/** The visible text of an HTML page. */
export function htmlVisibleText(html: string): string {
  const attrs: string[] = [];
  html.replace(/\s(?:title|alt|aria-label)="([^"]*)"/g, (_, v: string) => {
    attrs.push(v);
    return '';
  });
  const body = html
    .replace(/<script[\s\S]*?<\/script>/gi, '\n')
    .replace(/<style[\s\S]*?<\/style>/gi, '\n')
    .replace(/<code[\s\S]*?<\/code>/gi, ' ')
    .replace(/<[^>]+>/g, '\n');
  return decodeEntities(`${body}\n${attrs.join('\n')}`);
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, d: string) => String.fromCodePoint(parseInt(d, 16)))
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Markdown or plain text without its code spans, and Markdown's escapes (`V\_wr`) as they show. */
export function plainVisibleText(text: string): string {
  return text.replace(/`[^`\n]*`/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');
}

const HAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’—…]/u;
const IDENTIFIER = /[0-9._/\\:=@#\-+×·²³⁻¹₂₃ₓ]/;
const WORD = /^[A-Za-z][a-z]+$/;

/** The English sentences of a visible text (see the file comment), each as it appears. */
export function englishSentences(text: string, allow: readonly string[] = []): string[] {
  const phrases = [...allow, ...PROPER_NAMES].filter((p) => p.trim());
  // A label cut short in a chart (`free urban…`) is the start of a phrase allowed in full.
  // Cut at the end of a cell: before a line break, a tab or the two spaces between text-table columns.
  let t = text.replace(/[^\n\t…]{3,}…(?=\s{2}|[\n\t]|$)/g, (run) => {
    const cut = run
      .split(/\s{2,}/)
      .pop()!
      .slice(0, -1)
      .trim();
    // A line named in Chinese before the user's name (`水库 · 西河水库 Xihe re…`): what was cut is its last words.
    const tail = cut.split(new RegExp(HAN.source, 'gu')).pop()!.trim();
    const held = (c: string) => c.length >= 3 && phrases.some((p) => p.includes(c));
    if (held(cut)) return run.slice(0, run.length - cut.length - 1);
    return held(tail) ? run.slice(0, run.length - tail.length - 1) : run;
  });
  for (const phrase of phrases.filter((p) => t.includes(p)).sort((a, b) => b.length - a.length)) {
    // Whole words only: "or" allowed must not eat the "or" of "forestry".
    t = t.replace(new RegExp(`(?<![A-Za-z])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z])`, 'g'), ' ');
  }
  t = t.replace(/\bhttps?:\/\/\S+/g, ' ').replace(/\bwww\.\S+/g, ' ');
  // A command of this package (`gep compare`) is a name.
  t = t.replace(/\bgep [a-z][a-z-]*\b/g, ' ');
  const found: string[] = [];
  for (const m of t.matchAll(/^[\s\-*!#>]*([A-Za-z][a-z]+)(?: \(\d+\))?:(?=\s|$)/gm)) found.push(`${m[1]}:`);
  const segments = t.split(new RegExp(`[\\n\\r\\t|]|${HAN.source}|[.;:!?](?=\\s|$)`, 'u'));
  for (const segment of segments) {
    let words = 0;
    for (const raw of segment.split(/\s+/)) {
      // A quoted token ("county") is a literal value of the input, not a word of a sentence.
      if (/^[([]*"[^"\s]+"[,.;:)\]]*$/.test(raw)) continue;
      const token = raw.replace(/^[\s([{"'<*,]+|[\s)\]}"'>*,]+$/g, '');
      if (!token || IDENTIFIER.test(token)) continue;
      if (WORD.test(token)) words += 1;
    }
    if (words >= MIN_WORDS) found.push(segment.trim());
  }
  return found;
}

/** String leaves of a JSON value that hold a space: the free text of an input (names, items, notes). */
export function freeTextOf(value: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (/\s/.test(v.trim())) {
        out.add(v);
        // A name in both scripts ("示例县 Sample County") is also printed in parts.
        for (const part of v.split(HAN)) if (/[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(part)) out.add(part.trim());
      }
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  return [...out];
}
