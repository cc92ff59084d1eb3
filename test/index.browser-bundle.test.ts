/**
 * The core (`gep-accounting`, src/index.ts) bundles for a browser on its own: no Node built-in,
 * no XLSX or CSV parser, no IO module. A web app that only computes accounts imports the core and
 * leaves `gep-accounting/io` out (docs/guide.md, "Embedding the library in a web app"); one that
 * shows the report or reads files imports `gep-accounting/io` too, which must load where Node's
 * globals do not exist. esbuild comes with tsup and tsx.
 *
 * These bundle the sources, quickly, on every `npm test`. The published package itself is packed,
 * installed, bundled with esbuild and Vite and run in Chromium by test/packed/ (`npm run test:packed`, CI).
 */
import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { dependencyImportPlugin } from '../scripts/browser-build.js';
import { computeGep } from '../src/accounts/gep.js';
import { gepResultToJson } from '../src/accounts/serialize.js';
import { inputToCsv } from '../src/io/input-export.js';

/** Bundle `contents` (an ES module in the repository root) for the browser; return the code and the modules that made it into the output. */
async function bundle(contents: string) {
  const result = await build({
    stdin: { contents, resolveDir: '.', sourcefile: 'entry.ts', loader: 'ts' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    outfile: 'bundle.js',
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  const included = Object.entries(output.inputs)
    .filter(([, v]) => v.bytesInOutput > 0)
    .map(([k]) => k);
  return { result, code: result.outputFiles[0]!.text, included };
}

describe('the core bundled for the browser', () => {
  it('builds for platform browser with no node: import, no xlsx/csv/geotiff code and no src/io module', async () => {
    const result = await build({
      entryPoints: ['src/index.ts'],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/(?:from\s*|require\(\s*|import\(\s*)["']node:/);
    expect(code).not.toContain('SheetJS');
    const inputs = Object.keys(result.metafile.inputs);
    const imports = Object.values(result.metafile.inputs).flatMap((i) => i.imports.map((x) => x.path));
    expect(imports.filter((p) => p.startsWith('node:'))).toEqual([]);
    expect(inputs.filter((p) => /node_modules\/(@e965\/xlsx|xlsx|csv-parse|geotiff)\//.test(p))).toEqual([]);
    expect(inputs.filter((p) => p.startsWith('src/io/') || p.startsWith('src/node/') || p.startsWith('src/cli/'))).toEqual([]);
    // What it does carry: the core, decimal.js and zod.
    expect(inputs).toContain('src/accounts/gep.ts');
    expect(inputs.some((p) => p.includes('node_modules/decimal.js/'))).toBe(true);
  });

  it('takes the HTML report from gep-accounting/io without the parsers: the rest of io is shaken out', async () => {
    const { result, code, included } = await bundle(
      `export { computeGep, gepResultToJson } from './src/index.ts';\nexport { resultToHtml } from './src/io/index.ts';`,
    );
    expect(result.errors).toEqual([]);
    expect(code).not.toMatch(/(?:from\s*|require\(\s*|import\(\s*)["']node:/);
    expect(code).not.toContain('SheetJS');
    expect(included.filter((p) => /node_modules\/(@e965\/xlsx|xlsx|csv-parse|geotiff)\//.test(p))).toEqual([]);
    expect(included.filter((p) => p.startsWith('src/io/')).sort()).toEqual([
      'src/io/account-rounding.ts',
      'src/io/display-text.ts',
      'src/io/html-page.ts',
      'src/io/html-report.ts',
      'src/io/svg-chart.ts',
      'src/io/text-table.ts',
    ]);
  });

  it('loads all of gep-accounting/io where no Node global exists, and reads a CSV and writes the report there', async () => {
    // As the build does it: csv-parse through the package's `#csv-parse/sync` import, whose browser
    // condition names csv-parse's browser build (scripts/browser-build.ts, package.json `imports`).
    // Before, csv-parse's Node build stopped the bundle on load: "Buffer is not defined".
    const result = await build({
      stdin: {
        contents: `export { computeGep, gepResultToJson } from './src/index.ts';\nexport * from './src/io/index.ts';`,
        resolveDir: '.',
        sourcefile: 'entry.ts',
        loader: 'ts',
      },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'gep',
      target: 'es2022',
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [dependencyImportPlugin(false)],
    });
    const inputs = Object.keys(result.metafile.inputs);
    const csvParse = inputs.filter((p) => p.includes('node_modules/csv-parse/'));
    expect(csvParse).toHaveLength(1);
    expect(csvParse[0]).toMatch(/node_modules\/csv-parse\/dist\/esm\/sync\.js$/);
    // A page's globals, and none of Node's (Buffer, process, require, global).
    const page = createContext({ TextDecoder, TextEncoder, URL, console, setTimeout, clearTimeout, atob, btoa, crypto: globalThis.crypto });
    runInContext(`${result.outputFiles[0]!.text}\nglobalThis.gep = gep;`, page);
    expect(runInContext('typeof Buffer + typeof process + typeof require', page)).toBe('undefinedundefinedundefined');
    const input = JSON.parse(readFileSync('fixtures/sample-county/input.json', 'utf8'));
    page.csv = new TextEncoder().encode(inputToCsv(input, 'zh'));
    const read = runInContext(
      `(() => {
      const json = gep.gepResultToJson(gep.computeGep(gep.importAccountInput(csv, 'sample.csv').input));
      return { gep: json.totals.gep.value, html: gep.resultToHtml(json, { lang: 'zh' }) };
    })()`,
      page,
    ) as { gep: string; html: string };
    expect(read.gep).toBe(gepResultToJson(computeGep(input)).totals.gep.value);
    expect(read.html).toMatch(/^<!doctype html>/i);
    expect(read.html).toContain('<svg');
  });
});
