/**
 * The packed-package checks (test/packed/*.packed.ts): run by `npm run test:packed` and by .ci/run
 * after the build, never by `npm test` (they need `dist/`, npm and, for the browser part, Chromium).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/packed/**/*.packed.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
