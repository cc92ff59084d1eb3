/**
 * `gep-accounting/kernels` in a browser: package.json gives bundlers `dist/kernels.browser.js`
 * (built from src/kernels/browser.ts) under the `browser` condition. That entry must import no Node
 * module (GeoTIFF files go through node:fs, worker threads through node:worker_threads) and must
 * run where no Node global exists; it carries every kernel export but the GeoTIFF ones.
 */
import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import tsupConfig from '../../tsup.config.js';
import * as browserEntry from '../../src/kernels/browser.js';
import * as nodeEntry from '../../src/kernels/index.js';
import * as geotiff from '../../src/kernels/geotiff.js';

describe('the browser entry of gep-accounting/kernels', () => {
  it('is what package.json names under the browser condition, built from src/kernels/browser.ts', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    const kernels = pkg.exports['./kernels'];
    // The browser condition must come first: bundlers take the first condition they match.
    expect(Object.keys(kernels)[0]).toBe('browser');
    expect(kernels.browser).toEqual({
      types: './dist/kernels.browser.d.ts',
      import: './dist/kernels.browser.js',
      require: './dist/kernels.browser.cjs',
    });
    const configs = Array.isArray(tsupConfig) ? tsupConfig : [tsupConfig];
    const entries = configs.map((c) => (c as { entry?: Record<string, string> }).entry ?? {});
    expect(entries.some((e) => e['kernels.browser'] === 'src/kernels/browser.ts')).toBe(true);
  });

  it('bundles for platform browser with no node: import and no geotiff package', async () => {
    const result = await build({
      entryPoints: ['src/kernels/browser.ts'],
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
    const imports = Object.values(result.metafile.inputs).flatMap((i) => i.imports.map((x) => x.path));
    expect(imports.filter((p) => p.startsWith('node:'))).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((p) => /node_modules\/geotiff\//.test(p) || p === 'src/kernels/geotiff.ts' || p.startsWith('src/node/'))).toEqual(
      [],
    );
  });

  it('carries every export of the Node entry but the GeoTIFF ones', () => {
    const geotiffNames = Object.keys(geotiff).sort();
    expect(Object.keys(browserEntry).sort()).toEqual(
      Object.keys(nodeEntry)
        .filter((k) => !geotiffNames.includes(k))
        .sort(),
    );
    expect(Object.keys(nodeEntry).filter((k) => geotiffNames.includes(k)).length).toBeGreaterThan(0);
  });

  it('runs the RUSLE kernel where no Node global exists', async () => {
    const result = await build({
      entryPoints: ['src/kernels/browser.ts'],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'kernels',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    const page = createContext({ Float64Array, Float32Array, Math, Number, Object, Array, RangeError, TextDecoder, TextEncoder, console });
    runInContext(`${result.outputFiles[0]!.text}\nglobalThis.kernels = kernels;`, page);
    expect(runInContext('typeof Buffer + typeof process + typeof require', page)).toBe('undefinedundefinedundefined');
    // 2000 × 0.03 × 5 × (1 − 0.2 × 1) × 0.09 hm² = 21.6 t/a, into a float32 output.
    const sum = runInContext(
      `(() => {
      const f = (v) => ({ values: Float64Array.of(v) });
      const out = new Float32Array(1);
      return kernels.rusleKernel({ erosivity: f(2000), erodibility: f(0.03), slopeLength: f(5), cover: f(0.2), practice: f(1), cellArea: 900, out }).sum;
    })()`,
      page,
    ) as number;
    expect(sum).toBeCloseTo(21.6, 10);
  });
});
