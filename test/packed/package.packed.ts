/**
 * The published package, as a user gets it: `npm pack`, installed from the tarball into an empty
 * project outside the repository, then
 * - bundled for the browser (esbuild, as tsup carries it; Vite, a devDependency): the core alone,
 *   with its size budget, and the guide's web-app recipe (docs/guide.md §4: compute, show the HTML
 *   report, read a CSV or XLSX file the user drops), each run in Debian's headless Chromium;
 * - loaded on Node with `import` and `require` (`gep-accounting/node` included, its worker threads
 *   started from the CJS build).
 *
 * Run by `npm run test:packed` and by .ci/run after the build; not by `npm test` (it needs `dist/`,
 * npm, and Chromium for the browser part, which is skipped, visibly, without it:
 *   apt-get install -y chromium fonts-noto-cjk).
 * npm installs the tarball's dependencies from its cache when it can (`--prefer-offline`; CI's
 * `npm ci` has filled it), else from the registry.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin } from 'esbuild';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeGep } from '../../src/accounts/gep.js';
import { gepResultToJson } from '../../src/accounts/serialize.js';
import { inputToCsv, inputToXlsx } from '../../src/io/input-export.js';

const CHROMIUM = '/usr/bin/chromium';
// The flags this machine's Chromium needs (/work/.library/env/machines/node.md): no sandbox as root,
// and no background networking, which the closed network would refuse.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const chromiumAvailable = existsSync(CHROMIUM);
if (!chromiumAvailable) {
  console.warn(
    `[gep] test/packed/package.packed.ts: the browser runs are SKIPPED: ${CHROMIUM} not found (apt-get install -y chromium fonts-noto-cjk).`,
  );
}

/** The core's budget: minified and gzipped, the whole public surface of `gep-accounting` (kB = 1000 bytes). */
const CORE_BUDGET_BYTES = 250_000;

const ROOT = resolve(import.meta.dirname, '../..');
const input = JSON.parse(readFileSync(join(ROOT, 'fixtures/sample-county/input.json'), 'utf8'));
/** The sample county's GEP in 元, exact, from the sources: what every bundle must print. */
const expectedGep = gepResultToJson(computeGep(input)).totals.gep.value;

/**
 * The browser's GEP against Node's: the same decimal text, to the last of its digits. The pages run
 * the decimal path (computeGep's default), whose exp, ln and non-integer powers are fdlibm in
 * software (src/numbers/fdlibm.ts) from IEEE +, −, ×, ÷ only, so every engine gives the same bits;
 * the engine's \`Math.exp\`, whose last bit is the engine's own (Chromium 156 and Node 20 differ),
 * is left to the float path, which no page here runs. A tolerance would hide a lost digit.
 */
function expectSameGep(browser: string, label: string) {
  expect(browser, label).toBe(expectedGep);
}

/** The guide's web-app recipe (docs/guide.md §4), plus a file the user drops on the page. */
const APP = `
import { computeGep, gepResultToJson, GepInputError, describeIssue } from 'gep-accounting';
import { importAccountInput, resultToHtml } from 'gep-accounting/io';

export function account(input) {
  try {
    const json = gepResultToJson(computeGep(input));
    return { ok: true, json };
  } catch (e) {
    if (!(e instanceof GepInputError)) throw e;
    return { ok: false, issues: e.issues.map((i) => describeIssue(i, 'zh')) };
  }
}

function report(input) {
  const r = account(input);
  if (!r.ok) return r;
  return { ok: true, gep: r.json.totals.gep.value, html: resultToHtml(r.json, { lang: 'zh' }) };
}

globalThis.gepApp = {
  fromJson: (text) => report(JSON.parse(text)),
  fromFile: (bytes, name) => report(importAccountInput(new Uint8Array(bytes), name).input),
  // The importer's error is the core's class: one copy of the core in the bundle.
  badFile: () => { try { importAccountInput(new TextEncoder().encode('{"region": 1}'), 'bad.json'); return 'no error'; } catch (e) { return e instanceof GepInputError ? 'GepInputError' : String(e); } },
  badInput: () => account({ region: 1 }),
};
document.body.dataset.ready = 'yes';
`;

/** The whole core, for the size budget. */
const CORE = `export * from 'gep-accounting';`;
/** What the guide's recipe needs at least: compute and show the report. */
const REPORT = `export { computeGep, gepResultToJson } from 'gep-accounting';\nexport { resultToHtml } from 'gep-accounting/io';\n`;
/**
 * A page that computes the sample county with the whole core: the namespace on a global keeps every
 * export, so Vite's "core" is what esbuild's core.js measures against the budget, not only what
 * computeGep needs.
 */
const CORE_PAGE = `
import * as gep from 'gep-accounting';
globalThis.gep = gep;
globalThis.gepCore = (text) => gep.gepResultToJson(gep.computeGep(JSON.parse(text))).totals.gep.value;
document.body.dataset.ready = 'yes';
`;

const html = (script: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>gep</title><link rel="icon" href="data:,"></head><body><script type="module" src="${script}"></script></body></html>`;

let work = '';
let project = '';
let packedFiles: string[] = [];

/** Run a command; its output, or an error carrying what it printed. */
function run(cmd: string, args: string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}: ${err.message}\n${err.stdout ?? ''}\n${err.stderr ?? ''}`);
  }
}

/** Minified and gzipped sizes. */
const sizes = (code: Uint8Array | string) => {
  const bytes = typeof code === 'string' ? Buffer.from(code) : code;
  return { minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};

/** Bytes the output holds from each input file, by a predicate on its path. */
const bytesFrom = (meta: Metafile, pick: (path: string) => boolean) =>
  Object.values(meta.outputs)
    .flatMap((o) => Object.entries(o.inputs))
    .filter(([p]) => pick(p))
    .reduce((s, [, v]) => s + v.bytesInOutput, 0);

/** esbuild, as an app would run it for the browser. */
async function esbuildBundle(entry: string, outfile: string, plugins: Plugin[] = []) {
  const result = await build({
    entryPoints: [join(project, entry)],
    absWorkingDir: project,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: true,
    metafile: true,
    write: outfile !== '',
    ...(outfile ? { outfile: join(project, outfile) } : { outdir: join(project, 'unused') }),
    plugins,
    logLevel: 'silent',
  });
  const code = outfile ? readFileSync(join(project, outfile)) : result.outputFiles![0]!.contents;
  return { meta: result.metafile!, code, ...sizes(code) };
}

/** `vite build` of a page in the project (Vite from the repository's devDependencies); the emitted JavaScript. */
function viteBuild(page: string, outDir: string): { code: Buffer; minified: number; gzip: number } {
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
  writeFileSync(
    join(project, 'vite.config.js'),
    `export default { base: './', build: { outDir: ${JSON.stringify(outDir)}, emptyOutDir: true, rollupOptions: { input: ${JSON.stringify(page)} } } };\n`,
  );
  run(process.execPath, [vite, 'build', '--logLevel', 'warn'], project);
  const assets = join(project, outDir, 'assets');
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const code = Buffer.concat(js.map((f) => readFileSync(join(assets, f))));
  return { code, ...sizes(code) };
}

describe('the packed package', () => {
  const figures: string[] = [];

  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/index.js')))
      throw new Error('[gep] dist/ is missing: build first (npm run test:packed builds, .ci/run builds before it).');
    work = mkdtempSync(join(tmpdir(), 'gep-packed-'));
    const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], ROOT)) as {
      filename: string;
      files: { path: string }[];
    }[];
    packedFiles = packed[0]!.files.map((f) => f.path);
    project = join(work, 'app');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'gep-packed-check', private: true, type: 'module' }));
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(work, packed[0]!.filename)], project);
    writeFileSync(join(project, 'app.js'), APP);
    writeFileSync(join(project, 'core.js'), CORE);
    writeFileSync(join(project, 'report.js'), REPORT);
    writeFileSync(join(project, 'core-page.js'), CORE_PAGE);
    writeFileSync(join(project, 'app.html'), html('./app.js'));
    writeFileSync(join(project, 'core.html'), html('./core-page.js'));
    mkdirSync(join(project, 'esbuild'));
    writeFileSync(join(project, 'esbuild/app.html'), html('./app.js'));
    writeFileSync(join(project, 'esbuild/core.html'), html('./core-page.js'));
  }, 300_000);

  afterAll(() => {
    if (figures.length) console.log(`[gep] packed bundles (minified / minified+gzip, bytes):\n  ${figures.join('\n  ')}`);
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('holds the licence, the repository field, the built entries and the data, and no sources or tests', () => {
    for (const f of [
      'LICENSE',
      'README.md',
      'package.json',
      'dist/index.js',
      'dist/index.cjs',
      'dist/io.js',
      'dist/io.cjs',
      'dist/node.js',
      'dist/node.cjs',
      'dist/batch-worker.js',
      'dist/cli.js',
    ]) {
      expect(packedFiles, f).toContain(f);
    }
    expect(packedFiles.filter((f) => f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(project, 'node_modules/gep-accounting/package.json'), 'utf8'));
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(project, 'node_modules/gep-accounting/LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(pkg.repository).toMatchObject({ type: 'git', url: expect.stringMatching(/^git\+https:\/\/github\.com\//) });
  });

  it('loads on Node with import and with require, gep-accounting/node included (its workers started from the CJS build)', () => {
    // Files, not \`node -e\`: worker threads inherit the parent's flags, and \`--input-type\` stops them.
    const body = (load: string) => `${load}
const input = JSON.parse(readFileSync('node_modules/gep-accounting/fixtures/sample-county/input.json', 'utf8'));
runGepBatch([input, input], { workers: 2 }).then((r) => console.log(JSON.stringify([gepResultToJson(computeGep(input)).totals.gep.value, r.items.map((i) => i.result.totals.gep.value), typeof resultToHtml])));
`;
    writeFileSync(
      join(project, 'node-check.mjs'),
      body(`import { readFileSync } from 'node:fs';
import { computeGep, gepResultToJson } from 'gep-accounting';
import { resultToHtml } from 'gep-accounting/io';
import { runGepBatch } from 'gep-accounting/node';`),
    );
    writeFileSync(
      join(project, 'node-check.cjs'),
      body(`const { readFileSync } = require('node:fs');
const { computeGep, gepResultToJson } = require('gep-accounting');
const { resultToHtml } = require('gep-accounting/io');
const { runGepBatch } = require('gep-accounting/node');`),
    );
    const esm = run(process.execPath, ['node-check.mjs'], project);
    const cjs = run(process.execPath, ['node-check.cjs'], project);
    const expected = [expectedGep, [expectedGep, expectedGep], 'function'];
    expect(JSON.parse(esm)).toEqual(expected);
    expect(JSON.parse(cjs)).toEqual(expected);
  });

  it(`bundles the core for the browser within ${CORE_BUDGET_BYTES / 1000} kB minified+gzip, with no Node built-in, parser or io module; zod's locales measured`, async () => {
    const core = await esbuildBundle('core.js', 'esbuild/core.js');
    const inputs = Object.keys(core.meta.inputs);
    expect(inputs.filter((p) => /node_modules\/(@e965\/xlsx|csv-parse|geotiff)\//.test(p) || p.startsWith('node:'))).toEqual([]);
    expect(inputs.filter((p) => /gep-accounting\/dist\/(io|node|kernels|cli)\./.test(p))).toEqual([]);
    // zod's error messages in ~50 languages (39 kB gzip) come with \`import { z } from 'zod'\`; the
    // project writes its own messages (src/errors/messages.ts) and imports \`* as z\`, which lets a
    // bundler drop them. A named import anywhere would bring them back: measured and refused here.
    const locales = bytesFrom(core.meta, (p) => p.includes('zod/v4/locales/') && !p.endsWith('/en.js'));
    const stub: Plugin = {
      name: 'no-zod-locales',
      setup(b) {
        b.onResolve({ filter: /\/locales\/index\.js$/ }, (a) =>
          a.importer.includes('/zod/') ? { path: 'locales', namespace: 'stub' } : undefined,
        );
        b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export {}', loader: 'js' }));
      },
    };
    const without = await esbuildBundle('core.js', '', [stub]);
    figures.push(
      `whole core, esbuild: ${core.minified} / ${core.gzip} (budget ${CORE_BUDGET_BYTES})`,
      `  zod locales other than en: ${locales} minified; the core without them: ${without.minified} / ${without.gzip}, i.e. they cost ${core.gzip - without.gzip} gzip`,
    );
    expect(locales).toBe(0);
    expect(core.gzip).toBeLessThanOrEqual(CORE_BUDGET_BYTES);
  });

  it('bundles the core and the web-app recipe with Vite, the core within the same budget', () => {
    const app = viteBuild('app.html', 'vite-app');
    const core = viteBuild('core.html', 'vite-core');
    figures.push(`whole core, vite: ${core.minified} / ${core.gzip}`, `web-app recipe (core + io), vite: ${app.minified} / ${app.gzip}`);
    expect(core.gzip).toBeLessThanOrEqual(CORE_BUDGET_BYTES);
    // The browser build of csv-parse, not its Node build (which needs Node's Buffer when loaded).
    expect(app.code.toString('utf8')).not.toMatch(/\bBuffer\.from\(\[239,\s*187,\s*191\]\)/);
  });

  it("bundles the web-app recipe with esbuild, taking csv-parse's browser build through the package's #imports", async () => {
    const app = await esbuildBundle('app.js', 'esbuild/app.js');
    const report = await esbuildBundle('report.js', '');
    figures.push(
      `web-app recipe (core + io), esbuild: ${app.minified} / ${app.gzip}`,
      `computeGep + resultToHtml only, esbuild: ${report.minified} / ${report.gzip}`,
    );
    const inputs = Object.keys(app.meta.inputs);
    expect(inputs.filter((p) => p.includes('node_modules/csv-parse/'))).toEqual(['node_modules/csv-parse/dist/esm/sync.js']);
    expect(inputs.filter((p) => p.startsWith('node:'))).toEqual([]);
    // One copy of the core: io's chunks are the core's.
    expect(inputs.filter((p) => p.includes('decimal.js/'))).toHaveLength(1);
  });

  describe.skipIf(!chromiumAvailable)('in headless Chromium', () => {
    let server: Server;
    let base = '';
    let context: BrowserContext;
    const types: Record<string, string> = {
      '.html': 'text/html; charset=utf-8',
      '.js': 'text/javascript; charset=utf-8',
      '.css': 'text/css',
    };

    // biome-ignore lint/suspicious/noDuplicateTestHooks: the hooks of a nested describe (skipIf), not a second pair
    beforeAll(async () => {
      // Built here too, so this part stands on its own when it runs alone (vitest -t).
      await esbuildBundle('app.js', 'esbuild/app.js');
      await esbuildBundle('core-page.js', 'esbuild/core-page.js');
      if (!existsSync(join(project, 'vite-app/app.html'))) viteBuild('app.html', 'vite-app');
      if (!existsSync(join(project, 'vite-core/core.html'))) viteBuild('core.html', 'vite-core');
      server = createServer((req, res) => {
        const file = join(project, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
        if (!file.startsWith(project) || !existsSync(file)) {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
      });
      await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
      const address = server.address();
      base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      context = await chromium.launchPersistentContext(join(work, 'chromium-profile'), {
        executablePath: CHROMIUM,
        headless: true,
        args: FLAGS,
      });
    }, 300_000);

    // biome-ignore lint/suspicious/noDuplicateTestHooks: the hooks of a nested describe (skipIf), not a second pair
    afterAll(async () => {
      await context?.close();
      await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
    });

    /** Open a page; fail on any uncaught error or console error it shows. */
    async function open(path: string) {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
      await page.goto(`${base}${path}`);
      await page.waitForFunction('document.body.dataset.ready === "yes"', undefined, { timeout: 20_000 }).catch(() => undefined);
      expect(errors).toEqual([]);
      expect(await page.evaluate('document.body.dataset.ready')).toBe('yes');
      return page;
    }

    for (const [bundler, dir] of [
      ['esbuild', 'esbuild'],
      ['Vite', 'vite-core'],
    ] as const) {
      it(`runs the whole core bundled by ${bundler}: every export of gep-accounting, and the sample county's GEP as on Node`, async () => {
        const page = await open(`/${dir}/core.html`);
        const onNode = JSON.parse(
          run(
            process.execPath,
            ['--input-type=module', '-e', "console.log(JSON.stringify(Object.keys(await import('gep-accounting'))))"],
            project,
          ),
        ) as string[];
        expect(((await page.evaluate('Object.keys(globalThis.gep)')) as string[]).sort()).toEqual(onNode.sort());
        expectSameGep((await page.evaluate(`gepCore(${JSON.stringify(JSON.stringify(input))})`)) as string, bundler);
        await page.close();
      });
    }

    for (const [bundler, dir] of [
      ['esbuild', 'esbuild'],
      ['Vite', 'vite-app'],
    ] as const) {
      it(`runs the web-app recipe bundled by ${bundler}: computes, renders the HTML report in an iframe, reads CSV and XLSX, reports bad input`, async () => {
        const page = await open(`/${dir}/app.html`);
        const fromJson = (await page.evaluate(`gepApp.fromJson(${JSON.stringify(JSON.stringify(input))})`)) as {
          ok: boolean;
          gep: string;
          html: string;
        };
        expect(fromJson.ok).toBe(true);
        expectSameGep(fromJson.gep, `${bundler}, JSON`);
        // The report shown as the guide says, in an <iframe srcdoc>: its charts are drawn.
        await page.evaluate(
          `new Promise((ok) => { const f = document.createElement('iframe'); f.style.width = '1200px'; f.style.height = '800px'; f.onload = ok; f.srcdoc = ${JSON.stringify(fromJson.html)}; document.body.append(f); })`,
        );
        const bars = await page.frameLocator('iframe').locator('svg[data-chart="indicators"] rect.bar').count();
        expect(bars).toBeGreaterThan(10);
        for (const [name, bytes] of [
          ['sample.csv', Buffer.from(inputToCsv(input, 'zh'))],
          ['sample.xlsx', Buffer.from(inputToXlsx(input, 'zh'))],
        ] as const) {
          const fromFile = (await page.evaluate(`gepApp.fromFile(${JSON.stringify([...bytes])}, ${JSON.stringify(name)})`)) as {
            ok: boolean;
            gep: string;
          };
          expect(fromFile.ok, name).toBe(true);
          expect(fromFile.gep, name).toBe(fromJson.gep);
        }
        expect(await page.evaluate('gepApp.badFile()')).toBe('GepInputError');
        const bad = (await page.evaluate('gepApp.badInput()')) as { ok: boolean; issues: string[] };
        expect(bad.ok).toBe(false);
        expect(bad.issues.length).toBeGreaterThan(0);
        await page.close();
      });
    }
  });
});
