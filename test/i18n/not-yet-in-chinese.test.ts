/**
 * docs/guide.md §5 lists what `--lang zh` still prints in English. Each example it quotes is looked
 * for in the Chinese output that prints it, so the list cannot outlive a translation unnoticed
 * (issue 16: it still listed the plausibility warnings and the template's field descriptions after
 * both had their Chinese). When a test here fails because the text is now Chinese, take the item
 * out of the guide.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/main.js';
import { methodPage } from '../../src/release/method-pages.js';

const SAMPLE = 'fixtures/sample-county/input.json';

/** The files `gep argv` writes, by path (in memory). */
function written(argv: string[], files: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  const io: CliIo = {
    stdout: () => {},
    stderr: () => {},
    readFile: (p) => files[p] ?? readFileSync(p, 'utf8'),
    writeFile: (p, t) => {
      out[p] = t;
    },
    mkdir: () => {},
  };
  expect(runCli(argv, io)).toBe(0);
  return out;
}

/** The paragraph of docs/guide.md that starts "Not yet in Chinese". */
function paragraph(): string {
  const guide = readFileSync('docs/guide.md', 'utf8');
  const start = guide.indexOf('Not yet in Chinese');
  return guide.slice(start, guide.indexOf('\n\n', start)).replace(/\s+/g, ' ');
}

describe('docs/guide.md: not yet in Chinese', () => {
  it('names the method pages, which are English only', () => {
    expect(paragraph()).toContain('method pages of a release');
    const page = methodPage('regulating.water-conservation');
    expect(page).toContain('## Method');
    expect(page).toContain('the water that ecosystems hold back from quick');
  });

  it('prints in Chinese the line names indicators make themselves, so it lists none', () => {
    // Under rcees-2013 (net-output basis) with a net output as printed beside the product list.
    const input = JSON.parse(readFileSync(SAMPLE, 'utf8'));
    input.indicators['material.agriculture'].reportedOutput = { 'net-output': { value: '500000000', unit: '元' } };
    const html = [
      ...Object.values(written(['run', SAMPLE, '--lang', 'zh', '--format', 'html', '--out', 'a'])),
      ...Object.values(
        written(['run', 'net.json', '--profile', 'rcees-2013', '--lang', 'zh', '--format', 'html', '--out', 'b'], {
          'net.json': JSON.stringify(input),
        }),
      ),
    ].join('\n');
    // The English names the guide used to list, now printed only in English reports.
    for (const english of [
      'cropland: sediment (avoided deposition)',
      'less intermediateConsumption (中间消耗)',
      'deduction to net-output (reported)',
    ])
      expect(html, english).not.toContain(`<td>${english}</td>`);
    expect(html).toContain('<td>总产值至净产值的扣减（公布值）</td>');
    expect(paragraph()).toContain('itemZh');
    expect(paragraph()).not.toMatch(/print as they are|does not see these line names/);
  });

  it('no longer lists what is Chinese now: plausibility warnings, field descriptions in the template', () => {
    expect(paragraph()).not.toMatch(/plausibility|field descriptions/);
  });
});
