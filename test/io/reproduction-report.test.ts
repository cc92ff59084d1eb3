/**
 * The reproduction memo (src/io/reproduction-report.ts), printed by `gep reproduce` and written with
 * --out, with a hostile region, label, note and reason (issue 13). Its own list of control
 * characters missed U+061C, U+2028 and U+2029 and removed the others without a trace; it now uses
 * the rule of every Markdown report (`markdownText`): each such character shown as U+FFFD, markup
 * escaped.
 */
import { describe, expect, it } from 'vitest';
import { reproductionMemo } from '../../src/io/reproduction-report.js';
import { reproduceCase } from '../../src/reproduce/reproduce.js';
import { base } from '../reproduce/helpers.js';
import { expectMarkdownSafe, HOSTILE } from './hostile-text.js';

describe('the reproduction memo', () => {
  it('shows hostile free text of the case escaped, with every control, bidi and line-separator character as U+FFFD', () => {
    const rows = [
      { id: 'a', label: HOSTILE, printed: { value: '1.00', unit: '万元' }, notReproducible: HOSTILE, note: HOSTILE },
      { id: 't', label: 't', printed: { value: '1.00', unit: '万元' }, notReproducible: 'x' },
    ];
    const r = reproduceCase({
      ...base,
      region: HOSTILE,
      notes: [HOSTILE],
      rows,
      identities: [{ kind: 'sum', id: 's', label: HOSTILE, total: 't', terms: [{ row: 'a' }] }],
    });
    for (const lang of ['en', 'zh'] as const) {
      const memo = reproductionMemo(r, { lang });
      expectMarkdownSafe(memo);
      // U+061C, U+2028 and U+2029, in a row of the table, each shown as U+FFFD
      expect(memo).toContain('javascript:alert(1)) \ufffd\ufffd\ufffd end');
    }
  });
});
