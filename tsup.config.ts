import { defineConfig } from 'tsup';
import { dependencyImportPackages, dependencyImportPlugin } from './scripts/browser-build.js';

export default defineConfig([
  {
    // `kernels.browser` is `gep-accounting/kernels` without GeoTIFF files (node:fs): package.json
    // gives it to bundlers under the `browser` condition.
    entry: {
      index: 'src/index.ts',
      io: 'src/io/index.ts',
      coefficients: 'src/coefficients/index.ts',
      kernels: 'src/kernels/index.ts',
      'kernels.browser': 'src/kernels/browser.ts',
      local: 'src/local.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'node20',
    sourcemap: true,
    treeshake: true,
    // Browser-safe: a dependency whose Node build needs Node globals is imported through the
    // package's `#` subpath imports, whose `browser` condition names its browser build (see
    // scripts/browser-build.ts). tsup marks dependencies external before any plugin of ours runs,
    // so those are let through and the plugin rewrites them, still external.
    noExternal: dependencyImportPackages(),
    esbuildPlugins: [dependencyImportPlugin(true)],
  },
  {
    // The CLI is an ESM executable only; it carries its own shebang. The worker scripts must sit
    // beside the code that starts them (`new URL('./batch-worker.js', import.meta.url)`).
    entry: { cli: 'src/cli/bin.ts', 'batch-worker': 'src/node/batch-worker.ts', 'kernel-worker': 'src/node/kernel-worker.ts' },
    format: ['esm'],
    target: 'node20',
    sourcemap: true,
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    // `gep-accounting/node` loads with `import` and with `require`. In the CJS build tsup's shim
    // gives `import.meta.url` the file's own URL, so both start the ESM `batch-worker.js` beside them.
    entry: { node: 'src/node/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    shims: true,
    target: 'node20',
    sourcemap: true,
  },
]);
