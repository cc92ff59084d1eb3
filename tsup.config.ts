import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', io: 'src/io/index.ts', coefficients: 'src/coefficients/index.ts', kernels: 'src/kernels/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'node20',
    sourcemap: true,
    treeshake: true,
  },
  {
    // The CLI is an ESM executable only; it carries its own shebang. `node` (worker-thread batches)
    // is ESM only too, and its worker script must sit beside the code that starts it.
    entry: { cli: 'src/cli/bin.ts', node: 'src/node/index.ts', 'batch-worker': 'src/node/batch-worker.ts' },
    format: ['esm'],
    dts: { entry: { node: 'src/node/index.ts' } },
    target: 'node20',
    sourcemap: true,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
