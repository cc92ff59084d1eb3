/**
 * Chinese output has no untranslated English (issue 16, "Statisticians"). Every output a county
 * statistician reads with `--lang zh` — the account table, Markdown, HTML and CSV, the comparison,
 * the reproduction memo and page, the SEEA tables, the applications, the release README, listings,
 * a batch, usage errors and the issue lists of bad inputs — is made as the `gep` command makes it
 * (./outputs.ts) and searched for English sentences as ./english.ts defines them. The warnings are
 * checked at their source too: every template of the catalogue, every warning the sample county
 * gives, and no warning made outside the catalogue in the code this check covers.
 *
 * Pending (./outputs.ts; to empty as they get their Chinese): indicator modules without Chinese
 * (PENDING_INDICATORS, empty now). The issues of bad inputs allow only a reader's own quoted message
 * (pendingIssueTexts); ./zh-issues.test.ts checks them case by case.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { WARNINGS } from '../../src/errors/warnings/index.js';
import { ACCOUNT_WARNINGS } from '../../src/errors/warnings/accounts.js';
import { APPLICATION_WARNINGS } from '../../src/errors/warnings/applications.js';
import { CULTURAL_WARNINGS } from '../../src/errors/warnings/cultural.js';
import { MATERIAL_WARNINGS } from '../../src/errors/warnings/material.js';
import { REGULATING_WARNINGS } from '../../src/errors/warnings/regulating.js';
import { SEEA_WARNINGS } from '../../src/errors/warnings/seea.js';
import { englishSentences, htmlVisibleText, plainVisibleText } from './english.js';
import { PENDING_INDICATORS, zhOutputs } from './outputs.js';

describe('what counts as an English sentence in a Chinese output', () => {
  it.each([
    ['profile: shanxi 1.0.0', ['profile:']],
    ['警示（2 条）：\n  ! resource depletion is listed but not deducted', ['resource depletion is listed but not deducted']],
    ['物质产品 material products', ['material products']],
    ['warnings (7):', ['warnings:']],
    ['<td>not accounted</td>', ['not accounted']],
  ])('%j is caught', (text, found) => {
    expect(englishSentences(text.startsWith('<') ? htmlVisibleText(text) : text)).toEqual(found);
  });

  it.each([
    '核算方案：shanxi 1.0.0 — 山西省生态产品总值核算',
    'regulating.water-conservation · co2-per-carbon · shanxi/1.0.0 · sha256:0a1b',
    'GEEP = GDP − PDC − EcDC + ERS；V_M + V_C = GEP − V_R',
    '46.49 万t CO2/a · 450.2 元/t CO2 · 86.51 亿kWh/a',
    '应为 "county", "city", "province", "area" 之一',
    '见 `gep indicators` 与 https://example.org/a-long-path',
    'gep compare 需要两个输入文件',
    '<td><code>regulating.flood-regulation = vegetation include</code></td>',
  ])('%j is not', (text) => {
    expect(englishSentences(text.startsWith('<') ? htmlVisibleText(text) : plainVisibleText(text))).toEqual([]);
  });

  it('leaves out the phrases allowed, whole words only, and a chart label cut short', () => {
    expect(englishSentences('示例县 Sample County (constructed) 2022 年', ['Sample County (constructed)'])).toEqual([]);
    // "or" allowed does not hide the English of "forestry products"
    expect(englishSentences('forestry products', ['or'])).toEqual(['forestry products']);
    expect(englishSentences('城市免费绿地 free urban…\n', ['城市免费绿地 free urban green space'])).toEqual([]);
    // A line named in Chinese, then the user's own name cut short.
    expect(englishSentences('水库 · 西河水库 Xihe re…\n', ['西河水库 Xihe reservoir'])).toEqual([]);
    expect(englishSentences('sediment (avoided dep…\n', ['西河水库 Xihe reservoir'])).toEqual(['sediment (avoided dep']);
  });
});

describe('every Chinese output', () => {
  const outputs = zhOutputs();

  it('covers the outputs a statistician reads', () => {
    const names = outputs.map((o) => o.name).join('\n');
    for (const what of [
      'gep run',
      '--format md',
      '--format html',
      'trace.csv',
      'gep compare',
      'gep reproduce',
      'gep seea',
      'gep release: README.md',
      'gep verify-release',
      'gep area',
      'gep project',
      'gep compensation',
      'gep eco-compensation',
      'gep audit',
      'gep finance',
      'gep scorecard',
      'gep template',
      'gep batch',
      'gep coefficients diff',
      'gep ecosystem-types',
      'syntax.json',
      'many.json',
      'bad.csv',
    ]) {
      expect(names).toContain(what);
    }
    expect(outputs.length).toBeGreaterThan(100);
  });

  it.each(outputs.map((o) => [o.name, o] as const))('%s has no English sentence', (_name, o) => {
    const text = o.html ? htmlVisibleText(o.text) : plainVisibleText(o.text);
    expect(englishSentences(text, o.allow)).toEqual([]);
  });
});

describe('warnings in Chinese', () => {
  const placeholders = (t: string) => t.replace(/\{\w+\}/g, ' ');

  it('every template of the catalogue has Chinese with no English sentence of its own', () => {
    for (const [code, t] of Object.entries(WARNINGS)) {
      expect(t.zh, code).toMatch(/\p{Script=Han}/u);
      expect(englishSentences(placeholders(t.zh)), code).toEqual([]);
    }
  });

  it('no code is defined twice across the area files (a later file would silently replace the earlier)', () => {
    const areas = [ACCOUNT_WARNINGS, MATERIAL_WARNINGS, REGULATING_WARNINGS, CULTURAL_WARNINGS, SEEA_WARNINGS, APPLICATION_WARNINGS];
    const codes = areas.flatMap((a) => Object.keys(a));
    expect(codes.length).toBe(new Set(codes).size);
  });

  it("the sample county's warnings all carry Chinese, apart from the pending modules", () => {
    for (const file of ['fixtures/sample-county/input.json', 'fixtures/sample-county/input-2021.json']) {
      const text = readFileSync(file, 'utf8');
      const result = computeGep(JSON.parse(text));
      // The input's own item names (a site called "… Sample Mountain national forest park") are the user's words.
      const items = [...text.matchAll(/"item": "([^"]+)"/g)].map((m) => m[1]!).sort((a, b) => b.length - a.length);
      const checked = result.warnings.filter((w) => !(w.indicator && PENDING_INDICATORS.includes(w.indicator)));
      expect(checked.length).toBeGreaterThan(0);
      for (const w of checked) {
        expect(w.zh, w.code).toBeDefined();
        expect(englishSentences(items.reduce((t, item) => t.replaceAll(item, ''), w.zh!)), w.code).toEqual([]);
      }
    }
  });
});

/** Source files of `dir`, recursively. */
function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** Files outside this check: the plan code (its own change). */
const NOT_CHECKED = /^src\/plan\//;
const checkedFiles = () =>
  sources('src')
    .map((f) => f.split('\\').join('/'))
    .filter((f) => !NOT_CHECKED.test(f));

describe('English-only text made in the code this check covers', () => {
  it('no warning is made as a literal { code, message } instead of from the catalogue', () => {
    // Over lines too: `{ code: 'x', indicator, path, message: `…` }` written one field a line.
    const literal = /\{\s*code:\s*['`]([a-z][\w-]*)['`],[^{}]*?\bmessage:\s*['`]/g;
    const found = checkedFiles().flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(literal)]
        .filter((m) => m[1] !== 'custom')
        .map((m) => `${f}: ${m[0].replace(/\s+/g, ' ').slice(0, 120)}`),
    );
    expect(found).toEqual([]);
  });

  it('every issue names what it expected (and found, in words) in both languages', () => {
    // `expected: 'words'` or `found: 'words'` as a plain string: English only. So is an issue
    // helper given an issue code then English words (`issue([], 'input.missing-basis', 'at least one of …')`).
    const englishOnly =
      /\b(expected|found):\s*(['`])[^'`]*[a-z]{2,}\s[a-z]{2,}|'(input|coefficient|local|profile|case)\.[a-z-]+',\s*(\[[^\]]*\],\s*)?['`][^'`]*[a-z]{2,}\s[a-z]{2,}/;
    const found = checkedFiles().flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ f, i, line }))
        .filter(({ line }) => englishOnly.test(line) && !line.trim().startsWith('*') && !line.trim().startsWith('//'))
        .map(({ f, i, line }) => `${f}:${i + 1}: ${line.trim().slice(0, 120)}`),
    );
    expect(found).toEqual([]);
  });
});
