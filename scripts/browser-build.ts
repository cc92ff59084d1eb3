/**
 * How the built package stays browser-safe. csv-parse's Node build (`csv-parse/sync` → `lib/`)
 * calls Node's global `Buffer` as soon as it is loaded, so a browser bundle that reaches it stops
 * with "Buffer is not defined" even when no CSV is read. Its browser build
 * (`csv-parse/browser/esm/sync`) is the same parser with its own `Buffer` polyfill inside.
 *
 * The built code therefore imports such a dependency through a private subpath import of the
 * package (package.json `imports`, e.g. `#csv-parse/sync`) whose `browser` condition names the
 * browser build and whose `default` names the Node one: Node, esbuild, Vite/Rollup and webpack all
 * resolve it, one `dist/io.js` serves both and shares its chunks with `dist/index.js` (one copy of
 * the core, so `instanceof GepInputError` holds across the two entries). The sources keep the plain
 * import (vitest and tsx run them on Node). Every other dependency of io is browser-safe as it is
 * (decimal.js, zod; SheetJS, whose `browser` field already maps `fs` and friends away).
 * test/index.browser-bundle.test.ts bundles the sources through the same map and runs the bundle
 * where no Node global exists; test/packed/ does it for the packed package in Chromium.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'esbuild';

/** The package's subpath imports that stand for a dependency: `csv-parse/sync` → `#csv-parse/sync`. */
export function dependencyImports(
  packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { imports?: Record<string, unknown> },
): Map<string, string> {
  return new Map(
    Object.keys(packageJson.imports ?? {})
      .filter((k) => k.startsWith('#') && !k.slice(1).startsWith('.'))
      .map((k) => [k.slice(1), k]),
  );
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * An esbuild plugin that turns each such import into its `#` subpath. `external: true` for the
 * build (the app's bundler, or Node, resolves it); `false` to have esbuild resolve it here.
 */
export function dependencyImportPlugin(external: boolean): Plugin {
  const map = dependencyImports();
  const filter = new RegExp(`^(?:${[...map.keys()].map(escape).join('|')})$`);
  return {
    name: 'gep-dependency-imports',
    setup(build) {
      build.onResolve({ filter }, (args) => {
        const target = map.get(args.path)!;
        if (external) return { path: target, external: true };
        return build.resolve(target, { kind: args.kind, resolveDir: new URL('..', import.meta.url).pathname });
      });
    },
  };
}

/** The packages the plugin must see before tsup's own externals do (tsup's `noExternal`). */
export function dependencyImportPackages(): RegExp[] {
  return [...dependencyImports().keys()].map((k) => new RegExp(`^${escapeRegExp(k)}$`));
}
