/**
 * The SEEA EA tables as terminal text (`gep seea`, src/io/seea-export.ts) with a hostile region
 * name and item (issue 13): shown on one line, each control or bidi character as U+FFFD.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { expectTerminalSafe, HOSTILE } from './hostile-text.js';

const input = JSON.parse(readFileSync('fixtures/sample-county/input.json', 'utf8'));
input.region.name = HOSTILE;
input.indicators['material.agriculture'].products[0].item = HOSTILE;
const files = { 'hostile.json': JSON.stringify(input) };

describe('the SEEA tables as text', () => {
  it('show a hostile region name and item without their control and bidi characters', () => {
    for (const lang of ['en', 'zh']) {
      const r = cli(['seea', 'hostile.json', '--lang', lang], files);
      expect(r.code, r.stderr).toBe(0);
      expectTerminalSafe(r.stdout);
    }
  });
});
