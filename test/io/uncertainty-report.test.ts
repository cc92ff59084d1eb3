/**
 * The text tables of `gep uncertainty` and `gep sensitivity` (src/io/uncertainty-report.ts) with a
 * hostile region name (issue 13): the name is shown on one line, each control or bidi character as
 * U+FFFD, so it cannot recolour the terminal, reverse the line or start a line of its own.
 */
import { describe, expect, it } from 'vitest';
import { cli, sampleNamed } from '../helpers/cli.js';
import { expectTerminalSafe, HOSTILE } from './hostile-text.js';

const files = { 'hostile.json': sampleNamed(HOSTILE) };

describe('the uncertainty and sensitivity tables', () => {
  it('show a hostile region name without its control and bidi characters', () => {
    for (const lang of ['en', 'zh']) {
      const u = cli(['uncertainty', 'hostile.json', '--draws', '20', '--lang', lang], files);
      expect(u.code, u.stderr).toBe(0);
      expectTerminalSafe(u.stdout);
      const s = cli(['sensitivity', 'hostile.json', '--samples', '2', '--top', '2', '--lang', lang], files);
      expect(s.code, s.stderr).toBe(0);
      expectTerminalSafe(s.stdout);
    }
  });
});
