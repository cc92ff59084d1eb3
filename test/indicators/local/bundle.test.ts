/**
 * The formula parser of local indicators (mathjs) stays out of the core bundle: it costs about
 * 47 kB gzipped, which would take the core over its 250 kB budget (docs/local-indicators.md,
 * "Bundle size"). `gep-accounting/local` (src/local.ts) carries it, and bundles for the browser.
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

async function modulesOf(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  expect(result.errors).toEqual([]);
  const output = Object.values(result.metafile.outputs)[0]!;
  return Object.entries(output.inputs)
    .filter(([, v]) => v.bytesInOutput > 0)
    .map(([k]) => k);
}

describe('local indicators and the bundle', () => {
  it('keeps mathjs and the formula compiler out of the core', async () => {
    const core = await modulesOf('src/index.ts');
    expect(
      core.filter(
        (m) =>
          m.includes('node_modules/mathjs') || m.includes('typed-function') || /local\/(compile|expression|formula|module)\.ts$/.test(m),
      ),
    ).toEqual([]);
  });

  it('bundles gep-accounting/local for the browser, with the parser of mathjs/number only', async () => {
    const local = await modulesOf('src/local.ts');
    expect(local.some((m) => m.includes('node_modules/mathjs/lib/esm/expression/parse.js'))).toBe(true);
    expect(local.filter((m) => m.startsWith('node:') || m.includes('mathjs/lib/esm/function/arithmetic'))).toEqual([]);
  });
});

describe('an input error of another copy of the library', () => {
  it('is a GepInputError for instanceof, so computeGep reports it as an issue (CommonJS subpaths carry their own copy)', async () => {
    const { GepInputError } = await import('../../../src/errors/errors.js');
    // @ts-expect-error -- a query makes a second instance of the module, as a second bundle would
    const copy = (await import('../../../src/errors/errors.js?copy')) as typeof import('../../../src/errors/errors.js');
    expect(copy.GepInputError).not.toBe(GepInputError);
    expect(new copy.GepInputError([])).toBeInstanceOf(GepInputError);
    expect(new Error('x')).not.toBeInstanceOf(GepInputError);
    expect({ issues: [] }).not.toBeInstanceOf(GepInputError);
  });
});
