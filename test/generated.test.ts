import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderGeneratedFiles } from '../scripts/generated-files.js';
import { LIBRARY_VERSION } from '../src/version.js';

describe('generated files', () => {
  it('are up to date with the reviewed data (run `npm run generate` when this fails)', () => {
    for (const [path, text] of Object.entries(renderGeneratedFiles())) {
      expect(readFileSync(path, 'utf8'), path).toBe(text);
    }
  });

  it('the library version equals package.json', () => {
    expect(LIBRARY_VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});
